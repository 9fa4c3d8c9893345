#include "retentiontimeline.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

RetentionTimeline::RetentionTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("retentionTimeline"));
    setAccessibleName(tr("Retention timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

namespace {

const int kMargin = 8;

QString legendText(int i)
{
    switch (i) {
    case 0:
        return RetentionTimeline::tr("automated");
    case 1:
        return RetentionTimeline::tr("manual");
    default:
        return RetentionTimeline::tr("protected");
    }
}

} // namespace

void RetentionTimeline::setPlan(const RetentionPlan& plan)
{
    // A plan that was never made (an environment without backups) has no now of its own: the axis starts today,
    // not at the epoch.
    m_nowMs = plan.nowMs > 0 ? plan.nowMs : QDateTime::currentMSecsSinceEpoch();
    m_bars.clear();
    m_deleted = plan.deleted;
    for (const PlannedBackup& b : plan.backups) {
        if (b.keep)
            m_bars.append({b.backup.createdAtMs, b.expiresAtMs, b.backup.automated, b.backup.isProtected});
    }
    std::stable_sort(m_bars.begin(), m_bars.end(), [](const Bar& a, const Bar& b) {
        const qint64 ea = a.expiresAtMs.value_or(std::numeric_limits<qint64>::max());
        const qint64 eb = b.expiresAtMs.value_or(std::numeric_limits<qint64>::max());
        return ea != eb ? ea < eb : a.createdAtMs > b.createdAtMs;
    });
    // What the view says in words, for screen readers and tooltips.
    int survivors = 0;
    const qint64 end = m_nowMs + qint64(m_weeks) * 7 * 86400 * 1000;
    for (const Bar& bar : m_bars)
        survivors += !bar.expiresAtMs || *bar.expiresAtMs > end;
    const QString summary
        = tr("Backups kept now: %1. Still kept after %n week(s): %2.", "", m_weeks).arg(m_bars.size()).arg(survivors);
    setToolTip(summary);
    setAccessibleDescription(summary);
    update();
}

void RetentionTimeline::setWeeks(int weeks)
{
    m_weeks = std::max(1, weeks);
    update();
}

QSize RetentionTimeline::sizeHint() const
{
    return {480, 220};
}

QSize RetentionTimeline::minimumSizeHint() const
{
    return {240, 120};
}

QString RetentionTimeline::title() const
{
    return tr("Kept backups over the next %n week(s) (%1 kept, %2 deleted now)", "", m_weeks)
        .arg(m_bars.size())
        .arg(m_deleted);
}

int RetentionTimeline::legendWidth() const
{
    const QFontMetrics fm = fontMetrics();
    int width = 0;
    for (int i = 0; i < 3; ++i)
        width += fm.horizontalAdvance(legendText(i)) + 26;
    return width;
}

QString RetentionTimeline::weekLabel(const QDate& date)
{
    // The order of day and month is the language's: the format is translated.
    return QLocale().toString(date, tr("MMM d", "date format of the timeline's week labels (QDate::toString)"));
}

bool RetentionTimeline::legendBesideTitle() const
{
    return fontMetrics().horizontalAdvance(title()) + 16 + legendWidth() <= width() - 2 * kMargin;
}

void RetentionTimeline::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());

    const QFontMetrics fm = fontMetrics();
    const int axisHeight = fm.height() + 6;
    // When narrow, the legend goes on a second line rather than over the title.
    const bool oneLine = legendBesideTitle();
    const int legendTop = oneLine ? 2 : fm.height() + 4;
    const int headerHeight = oneLine ? fm.height() + 8 : 2 * fm.height() + 10;
    const QRectF area = QRectF(rect()).adjusted(kMargin, headerHeight, -kMargin, -axisHeight);
    if (area.width() < 20 || area.height() < 10)
        return;

    const qint64 dayMs = 86400LL * 1000;
    const qint64 spanMs = qint64(m_weeks) * 7 * dayMs;
    const auto xOf = [&](qint64 ms) { return area.left() + area.width() * double(ms - m_nowMs) / double(spanMs); };

    // Title line: what is shown.
    p.setPen(pal.color(QPalette::Text));
    const QRectF titleRect = QRectF(rect()).adjusted(kMargin, 2, -kMargin, 0);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop, fm.elidedText(title(), Qt::ElideRight, int(titleRect.width())));

    // Week lines with dates.
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlpha(40);
    for (int w = 0; w <= m_weeks; ++w) {
        const double x = area.left() + area.width() * w / m_weeks;
        p.setPen(QPen(gridColor, 1));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        if (w < m_weeks && (m_weeks <= 12 || w % 2 == 0)) {
            const QString label
                = weekLabel(QDateTime::fromMSecsSinceEpoch(m_nowMs + w * 7 * dayMs).toLocalTime().date());
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QPointF(x + 2, rect().bottom() - 4), label);
        }
    }

    if (m_bars.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("No backup is kept."));
        return;
    }

    const double rowHeight = std::max(2.0, std::min(14.0, area.height() / m_bars.size()));
    const double gap = rowHeight > 6 ? 2 : 0;
    const QColor automated = pal.color(QPalette::Highlight);
    QColor manual = QColor(0xd9, 0x8c, 0x1f); // amber: stands apart from the highlight colour in light and dark themes
    QColor protectedColor = pal.color(QPalette::Text);
    protectedColor.setAlpha(160);
    double y = area.top();
    for (const Bar& bar : m_bars) {
        if (y + rowHeight > area.bottom() + 0.5)
            break;
        const double x0 = area.left();
        const bool beyond = !bar.expiresAtMs || *bar.expiresAtMs > m_nowMs + spanMs;
        const double x1 = beyond ? area.right() : std::max(x0 + 2, xOf(*bar.expiresAtMs));
        const QColor color = bar.isProtected ? protectedColor : bar.automated ? automated : manual;
        const QRectF r(x0, y, x1 - x0, rowHeight - gap);
        p.fillRect(r, color);
        if (beyond && r.height() >= 6) {
            QPainterPath arrow;
            arrow.moveTo(r.right(), r.top());
            arrow.lineTo(r.right() + 5, r.center().y());
            arrow.lineTo(r.right(), r.bottom());
            arrow.closeSubpath();
            p.fillPath(arrow, color);
        }
        y += rowHeight;
    }

    // Now.
    p.setPen(QPen(pal.color(QPalette::Text), 1.5));
    p.drawLine(QPointF(area.left(), area.top() - 2), QPointF(area.left(), area.bottom() + 2));

    // Legend.
    const QColor colors[] = {automated, manual, protectedColor};
    double lx = area.right();
    for (int i = 2; i >= 0; --i) {
        const QString text = legendText(i);
        const int w = fm.horizontalAdvance(text);
        lx -= w;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(lx, legendTop + fm.ascent()), text);
        lx -= 14;
        p.fillRect(QRectF(lx, legendTop + 2, 10, fm.ascent() - 2), colors[i]);
        lx -= 12;
    }
}
