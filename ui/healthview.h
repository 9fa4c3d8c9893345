#pragma once

#include "healthtablemodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The Health view: every environment of every saved connection, worst first. A click or Enter on a row asks the
// main window to open that environment (environmentActivated).
class HealthView : public QWidget
{
    Q_OBJECT

public:
    HealthView(HealthTableModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    // The row at `proxyRow` of the view, in the view's order (worst first).
    const HealthRow& rowAt(int proxyRow) const;
    // Says when the table was last brought up to date.
    void setChecked(qint64 msecsSinceEpoch);

    // Icons for a state: a coloured disc (the tray's icon carries it on top of the application's).
    static QIcon stateIcon(HealthRow::State state, const QIcon& base = {});

signals:
    void environmentActivated(const QString& connection, const QString& project, const QString& environment);
    void refreshRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activate(const QModelIndex& proxyIndex);

    HealthTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_refresh;
};
