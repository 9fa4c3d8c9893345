#include "growthchart.h"

#include "displayformat.h"

#include <algorithm>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace {

constexpr int kMargin = 8;

} // namespace

GrowthChart::GrowthChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("growthChart"));
    setAccessibleName(tr("Repository growth"));
}

void GrowthChart::setPoints(const QList<GrowthPoint>& points)
{
    m_points = points;
    std::stable_sort(
        m_points.begin(), m_points.end(), [](const GrowthPoint& a, const GrowthPoint& b) { return a.atMs < b.atMs; });
    if (!m_points.isEmpty())
        setAccessibleDescription(tr("%n measurement(s), now %1", "", int(m_points.size()))
                                     .arg(DisplayFormat::dataSize(m_points.constLast().sizeBytes)));
    update();
}

QSize GrowthChart::sizeHint() const
{
    return {480, 180};
}

QSize GrowthChart::minimumSizeHint() const
{
    return {200, 100};
}

qint64 GrowthChart::maxBytes() const
{
    qint64 most = 1;
    for (const GrowthPoint& point : m_points)
        most = std::max(most, point.sizeBytes);
    return most;
}

QRectF GrowthChart::plotArea() const
{
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = fm.horizontalAdvance(DisplayFormat::dataSize(maxBytes())) + 6;
    return QRectF(rect()).adjusted(kMargin + labelWidth, fm.height() + 8, -kMargin, -(fm.height() + 6));
}

QPointF GrowthChart::positionOf(int index) const
{
    const QRectF area = plotArea();
    if (index < 0 || index >= m_points.size())
        return {};
    const qint64 first = m_points.constFirst().atMs;
    const qint64 span = std::max<qint64>(1, m_points.constLast().atMs - first);
    const double x = m_points.size() == 1 ? area.center().x()
                                          : area.left() + area.width() * double(m_points.at(index).atMs - first) / span;
    const double y = area.bottom() - area.height() * double(m_points.at(index).sizeBytes) / double(maxBytes());
    return {x, y};
}

bool GrowthChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && !m_points.isEmpty()) {
        const auto* help = static_cast<QHelpEvent*>(event);
        int nearest = 0;
        for (int i = 1; i < m_points.size(); ++i) {
            if (std::abs(positionOf(i).x() - help->pos().x()) < std::abs(positionOf(nearest).x() - help->pos().x()))
                nearest = i;
        }
        QToolTip::showText(help->globalPos(),
            tr("%1: %2").arg(DisplayFormat::localTime(m_points.at(nearest).atMs),
                DisplayFormat::dataSize(m_points.at(nearest).sizeBytes)),
            this);
        return true;
    }
    return QWidget::event(event);
}

void GrowthChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QFontMetrics fm = fontMetrics();

    p.setPen(pal.color(QPalette::Text));
    const QString title = m_points.isEmpty()
        ? tr("Size of the primary repository")
        : tr("Size of the primary repository: %1").arg(DisplayFormat::dataSize(m_points.constLast().sizeBytes));
    p.drawText(QRectF(rect()).adjusted(kMargin, 2, -kMargin, 0), Qt::AlignLeft | Qt::AlignTop,
        fm.elidedText(title, Qt::ElideRight, width() - 2 * kMargin));

    const QRectF area = plotArea();
    if (area.width() < 20 || area.height() < 10)
        return;
    if (m_points.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("No measurement yet: the first backup makes one."));
        return;
    }

    // Size axis: zero, half and the largest size, with faint lines across.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    const qint64 most = maxBytes();
    for (int i = 0; i <= 2; ++i) {
        const double y = area.bottom() - area.height() * i / 2.0;
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString label = DisplayFormat::dataSize(most * i / 2);
        p.drawText(QRectF(kMargin, y - fm.height() / 2.0, area.left() - kMargin - 4, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // Time axis: the first and the last measurement.
    p.setPen(pal.color(QPalette::PlaceholderText));
    const double axisY = rect().bottom() - 4;
    p.drawText(QPointF(area.left(), axisY), DisplayFormat::localTime(m_points.constFirst().atMs));
    if (m_points.size() > 1) {
        const QString last = DisplayFormat::localTime(m_points.constLast().atMs);
        p.drawText(QPointF(area.right() - fm.horizontalAdvance(last), axisY), last);
    }

    const QColor line = pal.color(QPalette::Highlight);
    QPainterPath path;
    path.moveTo(positionOf(0));
    for (int i = 1; i < m_points.size(); ++i)
        path.lineTo(positionOf(i));
    QPainterPath fill = path;
    fill.lineTo(QPointF(positionOf(int(m_points.size()) - 1).x(), area.bottom()));
    fill.lineTo(QPointF(positionOf(0).x(), area.bottom()));
    fill.closeSubpath();
    QColor under = line;
    under.setAlpha(60);
    p.fillPath(fill, under);
    p.setPen(QPen(line, 2));
    p.drawPath(path);
    p.setBrush(line);
    for (int i = 0; i < m_points.size(); ++i)
        p.drawEllipse(positionOf(i), 2.5, 2.5);
}
