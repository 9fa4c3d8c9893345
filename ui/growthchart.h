#pragma once

#include "domain/repositoryreport.h"

#include <QWidget>

// Paints the primary repository's size over time (one point after each backup, verification or prune): a line with
// the area under it, the size axis from zero to the largest point, dates at both ends.
class GrowthChart : public QWidget
{
    Q_OBJECT

public:
    explicit GrowthChart(QWidget* parent = nullptr);

    void setPoints(const QList<GrowthPoint>& points);
    const QList<GrowthPoint>& points() const { return m_points; }
    // Where a point is drawn in the widget's coordinates (for tests, and tooltips).
    QPointF positionOf(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotArea() const;
    qint64 maxBytes() const;

    QList<GrowthPoint> m_points; // oldest first
};
