#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

class QHeaderView;

// Keeps every section of a horizontal header at least as wide as its title (German titles are longer): the sections
// that stretch stop stretching, and the view scrolls sideways, while the view is too narrow for every title; they
// stretch again once it is wide enough. Sections sized to their contents already include their titles.
class HeaderFit : public QObject
{
    Q_OBJECT

public:
    // Call once the header's resize modes are set; the fit is a child of the header.
    static void apply(QHeaderView* header);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit HeaderFit(QHeaderView* header);
    void fit();

    QHeaderView* m_header;
    QList<int> m_stretching; // the sections set to stretch
    bool m_squeezed = false;
    QTimer m_timer; // coalesces the changes that can call for a new fit
};
