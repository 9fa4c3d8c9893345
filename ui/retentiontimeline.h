#pragma once

#include "domain/retentionpolicy.h"
#include "retention/retentionsimulation.h"

#include <QColor>
#include <QDate>
#include <QWidget>

// Paints a retention simulation (RetentionSimulation): from now to the end of the span, one bar per backup from
// its creation (a real backup: from now) until the prune that deletes it (an arrow when it outlives the view).
// Real backups are solid, simulated future ones translucent and outlined; a bar's colour changes with the rule
// that keeps it (daily, then weekly, then monthly). Bars share rows once the earlier one is gone, so the height
// in use at any moment is the number of backups kept. Hover a bar for its story; click it, or move through the bars
// with the arrow keys, to read it below (currentBarChanged).
class RetentionTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit RetentionTimeline(QWidget* parent = nullptr);

    // `policy` names the schedules of the legend, finest first.
    void setSimulation(const RetentionSimulation& simulation, const RetentionPolicy& policy);
    const RetentionSimulation& simulation() const { return m_simulation; }
    // Where the axis starts: the simulation's now, or the time it was set when there was none.
    qint64 startMs() const { return m_startMs; }
    qint64 endMs() const { return m_endMs; }
    // The legend sits beside the title when both fit, else on a line of its own.
    bool legendBesideTitle() const;
    // A week line's date, in the order of the user's language ("Dec 1", "1. Dez.").
    static QString weekLabel(const QDate& date);

    // The bars, for keyboard users, screen readers and tests: how many, where, and what each says.
    int barCount() const { return int(m_bars.size()); }
    QRectF barRect(int bar) const;
    bool isBarSimulated(int bar) const;
    QString barDescription(int bar) const; // the tooltip text
    int barAt(const QPointF& position) const; // -1: none
    int currentBar() const { return m_current; }
    void setCurrentBar(int bar);
    // The rows in use: the most backups kept at any moment of the span.
    int laneCount() const { return m_lanes; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The description of the bar chosen by click or keyboard; empty when none is.
    void currentBarChanged(const QString& description);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // What keeps a backup in one phase of its life; each has its colour.
    struct Category
    {
        QString name;
        QColor color;
    };
    struct Segment
    {
        qint64 fromMs;
        qint64 toMs;
        int category;
    };
    struct Bar
    {
        int backup; // index into the simulation's backups
        qint64 fromMs;
        qint64 toMs; // the deletion, or the end of the span
        bool deleted; // within the span
        int lane = 0;
        QList<Segment> segments;
    };

    QString title() const;
    int legendWidth() const;
    // The rows the legend takes below the title (1 unless the timeline is narrow).
    int legendRows() const;
    int categoryOf(const QStringList& reasons) const;
    void layoutBars();
    QRectF barArea() const;
    QRectF barRectIn(int bar, const QRectF& area) const;
    double xOf(qint64 ms, const QRectF& area) const;
    void updateCategories();
    void paintAxis(QPainter& p, const QRectF& area);

    RetentionSimulation m_simulation;
    RetentionPolicy m_policy;
    QList<Interval> m_intervals; // the policy's schedules, finest first (category i)
    QList<Category> m_categories;
    QList<int> m_legend; // categories present, in legend order
    QList<Bar> m_bars; // by start, then lane
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    int m_lanes = 0;
    int m_realKept = 0;
    int m_simulatedCount = 0;
    int m_current = -1;
    int m_hovered = -1;
};
