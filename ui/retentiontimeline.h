#pragma once

#include "retention/retentionplan.h"

#include <QDate>
#include <QWidget>

// Paints what a retention plan keeps over the coming weeks: one bar per kept backup from now until its projected
// expiry (an arrow when it outlives the view), automated and manual backups in different colours, week lines.
class RetentionTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit RetentionTimeline(QWidget* parent = nullptr);

    void setPlan(const RetentionPlan& plan);
    void setWeeks(int weeks);
    int weeks() const { return m_weeks; }
    // Where the axis starts: the plan's now, or the time the plan was set when there was none (no backups).
    qint64 startMs() const { return m_nowMs; }
    // The legend sits beside the title when both fit, else on a line of its own.
    bool legendBesideTitle() const;
    // A week line's date, in the order of the user's language ("Dec 1", "1. Dez.").
    static QString weekLabel(const QDate& date);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString title() const;
    int legendWidth() const;

    struct Bar
    {
        qint64 createdAtMs;
        std::optional<qint64> expiresAtMs;
        bool automated;
        bool isProtected;
    };

    QList<Bar> m_bars; // kept backups, soonest expiry first
    qint64 m_nowMs = 0;
    int m_weeks = 8;
    int m_deleted = 0;
};
