#include "retentiontimeline.h"

#include "displayformat.h"
#include "retentionreasons.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <limits>
#include <QDateTime>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace {

const int kMargin = 8;
const qint64 kDayMs = 86400LL * 1000;

// Schedules, finest first. Mid tones that read on light and dark bases alike; text and background come from the
// palette.
const QColor kScheduleColors[] = {QColor(0x2f, 0x80, 0xc8), QColor(0x2e, 0x9e, 0x6a), QColor(0x8e, 0x5c, 0xc8),
    QColor(0xc2, 0x45, 0x6e), QColor(0x1f, 0x9f, 0xb0), QColor(0x8a, 0x96, 0x2a)};
const QColor kManualColor(0xd9, 0x8c, 0x1f); // amber
const QColor kSafetyColor(0xb8, 0x5a, 0x3c); // brick

// Category indices after the schedules' own.
enum Extra { Unscheduled, Manual, Protected, Safety, ExtraCount };

} // namespace

RetentionTimeline::RetentionTimeline(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("retentionTimeline"));
    setAccessibleName(tr("Retention simulation"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_endMs = m_startMs + 8 * 7 * kDayMs;
    updateCategories();
}

void RetentionTimeline::updateCategories()
{
    m_categories.clear();
    for (qsizetype i = 0; i < m_intervals.size(); ++i) {
        m_categories.append(
            {RetentionReasons::scheduleName(m_intervals.at(i)), kScheduleColors[i % std::size(kScheduleColors)]});
    }
    const QPalette pal = palette();
    QColor protectedColor = pal.color(QPalette::Text);
    protectedColor.setAlpha(150);
    m_categories.append({tr("no schedule"), pal.color(QPalette::Highlight)});
    m_categories.append({tr("manual"), kManualColor});
    m_categories.append({tr("protected"), protectedColor});
    m_categories.append({tr("safety"), kSafetyColor});
}

int RetentionTimeline::categoryOf(const QStringList& reasons) const
{
    const int n = int(m_intervals.size());
    int finest = -1;
    for (const QString& reason : reasons) {
        if (reason == QLatin1String("protected"))
            return n + Protected;
        if (reason.startsWith(QLatin1String("safety")))
            return n + Safety;
        if (reason.startsWith(QLatin1String("manual")))
            return n + Manual;
        if (reason == QLatin1String("no schedule"))
            return n + Unscheduled;
        const std::optional<Interval> interval = Interval::parse(reason.section(QLatin1Char(' '), 0, 0));
        const int index = interval ? int(m_intervals.indexOf(*interval)) : -1;
        if (index >= 0 && (finest < 0 || index < finest))
            finest = index;
    }
    return finest >= 0 ? finest : n + Unscheduled;
}

void RetentionTimeline::setSimulation(const RetentionSimulation& simulation, const RetentionPolicy& policy)
{
    m_simulation = simulation;
    m_policy = policy;
    // A simulation that was never made (no plan yet) has no now of its own: the axis starts today.
    m_startMs = simulation.nowMs() > 0 ? simulation.nowMs() : QDateTime::currentMSecsSinceEpoch();
    m_endMs = simulation.nowMs() > 0 ? std::max(simulation.endMs(), m_startMs + kDayMs) : m_startMs + 8 * 7 * kDayMs;
    m_intervals.clear();
    for (const Schedule& s : policy.schedules)
        m_intervals.append(s.interval);
    std::stable_sort(m_intervals.begin(), m_intervals.end(),
        [](const Interval& a, const Interval& b) { return a.nominalSeconds() < b.nominalSeconds(); });
    updateCategories();

    m_bars.clear();
    m_realKept = 0;
    m_simulatedCount = 0;
    QList<bool> used(m_categories.size(), false);
    const QList<SimulatedBackup>& backups = simulation.backups();
    for (qsizetype i = 0; i < backups.size(); ++i) {
        const SimulatedBackup& s = backups.at(i);
        m_simulatedCount += s.simulated;
        if (s.phases.isEmpty())
            continue; // deleted as soon as the policy is applied
        m_realKept += !s.simulated;
        Bar bar;
        bar.backup = int(i);
        bar.fromMs = s.phases.first().fromMs;
        bar.deleted = s.deletedAtMs.has_value();
        bar.toMs = s.deletedAtMs.value_or(m_endMs);
        for (qsizetype k = 0; k < s.phases.size(); ++k) {
            const qint64 to = k + 1 < s.phases.size() ? s.phases.at(k + 1).fromMs : bar.toMs;
            const int category = categoryOf(s.phases.at(k).reasons);
            used[category] = true;
            bar.segments.append({s.phases.at(k).fromMs, to, category});
        }
        m_bars.append(bar);
    }
    m_legend.clear();
    for (qsizetype c = 0; c < m_categories.size(); ++c) {
        if (used.at(c))
            m_legend.append(int(c));
    }

    // Rows: each bar takes the first row free at its start (real backups, all present now, first: newest on top).
    QList<qint64> laneEnds;
    for (Bar& bar : m_bars) {
        qsizetype lane = 0;
        while (lane < laneEnds.size() && laneEnds.at(lane) > bar.fromMs)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(0);
        laneEnds[lane] = bar.deleted ? bar.toMs : std::numeric_limits<qint64>::max();
        bar.lane = int(lane);
    }
    m_lanes = int(laneEnds.size());
    std::stable_sort(m_bars.begin(), m_bars.end(),
        [](const Bar& a, const Bar& b) { return a.fromMs != b.fromMs ? a.fromMs < b.fromMs : a.lane < b.lane; });

    m_current = -1;
    m_hovered = -1;
    emit currentBarChanged(QString());

    // What the view says in words, for screen readers and as the tooltip away from the bars.
    int survivors = 0;
    for (const Bar& bar : std::as_const(m_bars))
        survivors += !bar.deleted;
    QString summary = tr("Backups kept now: %n.", "", m_realKept) + QLatin1Char(' ')
        + tr("Simulated until %1: %n new automated backup(s); kept at the end: %2.", "", m_simulatedCount)
              .arg(DisplayFormat::localTime(m_endMs))
              .arg(survivors);
    if (simulation.isTruncated()) {
        summary += QLatin1Char(' ')
            + tr("The policy keeps too many backups to simulate further than %1.")
                  .arg(DisplayFormat::localTime(simulation.simulatedUntilMs()));
    }
    setToolTip(summary);
    setAccessibleDescription(summary);
    update();
}

QString RetentionTimeline::title() const
{
    QString text = tr("Until %1: %n real backup(s) kept", "", m_realKept)
                       .arg(QLocale().toString(
                           QDateTime::fromMSecsSinceEpoch(m_endMs).toLocalTime().date(), QLocale::ShortFormat));
    if (const int deleted = m_simulation.deletedNow())
        text += QLatin1String(", ") + tr("%n deleted when applied", "", deleted);
    text += QLatin1String(", ") + tr("%n new simulated", "", m_simulatedCount);
    return text;
}

int RetentionTimeline::legendWidth() const
{
    const QFontMetrics fm = fontMetrics();
    int width = fm.horizontalAdvance(tr("real")) + fm.horizontalAdvance(tr("simulated")) + 2 * 26 + 10;
    for (int c : m_legend)
        width += fm.horizontalAdvance(m_categories.at(c).name) + 26;
    return width;
}

QString RetentionTimeline::weekLabel(const QDate& date)
{
    // The order of day and month is the language's: the format is translated.
    return QLocale().toString(date, tr("MMM d", "date format of the timeline's week labels (QDate::toString)"));
}

int RetentionTimeline::legendRows() const
{
    // As paintEvent places the entries: right to left, a new row when the next one would cross the left margin.
    const QFontMetrics fm = fontMetrics();
    QList<int> widths;
    for (auto it = m_legend.crbegin(); it != m_legend.crend(); ++it)
        widths.append(fm.horizontalAdvance(m_categories.at(*it).name) + 26);
    widths.append(fm.horizontalAdvance(tr("simulated")) + 26 + 10);
    widths.append(fm.horizontalAdvance(tr("real")) + 26);
    const int available = std::max(1, width() - 2 * kMargin);
    int rows = 1;
    int used = 0;
    for (int w : std::as_const(widths)) {
        if (used > 0 && used + w > available) {
            ++rows;
            used = 0;
        }
        used += w;
    }
    return rows;
}

bool RetentionTimeline::legendBesideTitle() const
{
    return fontMetrics().horizontalAdvance(title()) + 16 + legendWidth() <= width() - 2 * kMargin;
}

QSize RetentionTimeline::sizeHint() const
{
    const int line = fontMetrics().height();
    return {480, 4 * line + 160};
}

QSize RetentionTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {240, 3 * line + 60};
}

QRectF RetentionTimeline::barArea() const
{
    const QFontMetrics fm = fontMetrics();
    const int axisHeight = fm.height() + 6;
    // The title, then the legend on as many rows as a narrow timeline needs.
    const int headerHeight
        = legendBesideTitle() ? fm.height() + 8 : fm.height() + 4 + legendRows() * (fm.height() + 2) + 4;
    // Room on the right for the arrows of the bars that outlive the view.
    return QRectF(rect()).adjusted(kMargin, headerHeight, -kMargin - 6, -axisHeight);
}

double RetentionTimeline::xOf(qint64 ms, const QRectF& area) const
{
    const double span = double(std::max<qint64>(1, m_endMs - m_startMs));
    return area.left() + area.width() * double(std::clamp(ms, m_startMs, m_endMs) - m_startMs) / span;
}

QRectF RetentionTimeline::barRect(int index) const
{
    return barRectIn(index, barArea());
}

QRectF RetentionTimeline::barRectIn(int index, const QRectF& area) const
{
    if (index < 0 || index >= m_bars.size() || m_lanes == 0)
        return {};
    const Bar& bar = m_bars.at(index);
    const double rowHeight = std::min(16.0, area.height() / m_lanes);
    const double gap = rowHeight >= 6 ? 2 : 0;
    const double x0 = xOf(bar.fromMs, area);
    const double x1 = std::max(x0 + 2, xOf(bar.toMs, area));
    return QRectF(x0, area.top() + bar.lane * rowHeight, x1 - x0, std::max(1.0, rowHeight - gap));
}

bool RetentionTimeline::isBarSimulated(int bar) const
{
    return bar >= 0 && bar < m_bars.size() && m_simulation.backups().at(m_bars.at(bar).backup).simulated;
}

int RetentionTimeline::barAt(const QPointF& position) const
{
    const QRectF area = barArea();
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        // A little slack around thin bars.
        if (barRectIn(int(i), area).adjusted(-1, -1, 1, 1).contains(position))
            return int(i);
    }
    return -1;
}

QString RetentionTimeline::barDescription(int index) const
{
    if (index < 0 || index >= m_bars.size())
        return {};
    const Bar& bar = m_bars.at(index);
    const SimulatedBackup& s = m_simulation.backups().at(bar.backup);
    const QString kind = s.backup.automated ? tr("automated") : tr("manual");
    QStringList lines;
    lines.append(s.simulated ? tr("Simulated %1 backup of %2").arg(kind, DisplayFormat::localTime(s.backup.createdAtMs))
                             : tr("Real %1 backup of %2 (%3)")
                                   .arg(kind, DisplayFormat::localTime(s.backup.createdAtMs), s.backup.id.left(8)));
    for (qsizetype k = 0; k < s.phases.size(); ++k) {
        const QString reasons = RetentionReasons::plain(s.phases.at(k).reasons).join(QLatin1String(", "));
        const bool last = k + 1 == s.phases.size();
        const QString prefix = k == 0 ? QString() : tr("then ");
        if (!last) {
            lines.append(prefix + tr("%1 until %2").arg(reasons, DisplayFormat::localTime(s.phases.at(k + 1).fromMs)));
        } else if (s.deletedAtMs) {
            lines.append(prefix + tr("%1 until %2,").arg(reasons, DisplayFormat::localTime(*s.deletedAtMs)));
        } else {
            lines.append(prefix + tr("%1, still kept on %2").arg(reasons, DisplayFormat::localTime(m_endMs)));
        }
    }
    if (s.deletedAtMs) {
        lines.append(tr("then deleted when the backup of %1 is made: %2")
                         .arg(DisplayFormat::localTime(*s.deletedAtMs),
                             RetentionReasons::plain(s.deletionReasons).join(QLatin1String(", "))));
    }
    return lines.join(QLatin1Char('\n'));
}

void RetentionTimeline::setCurrentBar(int bar)
{
    const int next = bar >= 0 && bar < m_bars.size() ? bar : -1;
    if (next == m_current)
        return;
    m_current = next;
    const QString description = barDescription(m_current);
    setAccessibleDescription(description.isEmpty() ? toolTip() : description);
    emit currentBarChanged(description);
    update();
}

bool RetentionTimeline::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int bar = barAt(help->pos());
        if (bar >= 0) {
            QToolTip::showText(help->globalPos(), barDescription(bar), this, barRect(bar).toAlignedRect());
            return true;
        }
    }
    return QWidget::event(event);
}

void RetentionTimeline::keyPressEvent(QKeyEvent* event)
{
    if (m_bars.isEmpty())
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        setCurrentBar(m_current < 0 ? 0 : std::min(m_current + 1, int(m_bars.size()) - 1));
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
        setCurrentBar(m_current < 0 ? 0 : std::max(m_current - 1, 0));
        break;
    case Qt::Key_Home:
        setCurrentBar(0);
        break;
    case Qt::Key_End:
        setCurrentBar(int(m_bars.size()) - 1);
        break;
    case Qt::Key_Escape:
        if (m_current < 0)
            return QWidget::keyPressEvent(event); // the dialog's
        setCurrentBar(-1);
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void RetentionTimeline::mousePressEvent(QMouseEvent* event)
{
    setCurrentBar(barAt(event->position()));
    QWidget::mousePressEvent(event);
}

void RetentionTimeline::mouseMoveEvent(QMouseEvent* event)
{
    const int bar = barAt(event->position());
    if (bar != m_hovered) {
        m_hovered = bar;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void RetentionTimeline::leaveEvent(QEvent* event)
{
    if (m_hovered >= 0) {
        m_hovered = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void RetentionTimeline::resizeEvent(QResizeEvent* event)
{
    m_hovered = -1;
    QWidget::resizeEvent(event);
}

void RetentionTimeline::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        updateCategories();
    QWidget::changeEvent(event);
}

void RetentionTimeline::paintAxis(QPainter& p, const QRectF& area)
{
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    QColor gridColor = pal.color(QPalette::Text);
    gridColor.setAlpha(40);
    const qint64 spanMs = m_endMs - m_startMs;
    const QLocale locale;
    double lastLabelRight = -1e9;
    const auto line = [&](qint64 ms, const QString& label) {
        const double x = xOf(ms, area);
        p.setPen(QPen(gridColor, 1));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        if (label.isEmpty() || x < lastLabelRight + 6 || x + fm.horizontalAdvance(label) > rect().right())
            return;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QPointF(x + 2, rect().bottom() - 4), label);
        lastLabelRight = x + 2 + fm.horizontalAdvance(label);
    };
    if (spanMs <= 12 * 7 * kDayMs) {
        // Weeks from now.
        for (qint64 t = m_startMs; t < m_endMs; t += 7 * kDayMs)
            line(t, weekLabel(QDateTime::fromMSecsSinceEpoch(t).toLocalTime().date()));
        return;
    }
    // Months (UTC, as the buckets); labelled every month over half a year, every quarter beyond.
    const bool quarters = spanMs > 300 * kDayMs;
    QDate month = QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC).date();
    month = QDate(month.year(), month.month(), 1).addMonths(1);
    for (;; month = month.addMonths(1)) {
        const qint64 t = QDateTime(month, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        if (t >= m_endMs)
            break;
        QString label;
        if (!quarters)
            label = locale.toString(month, tr("MMM", "month label of the timeline (QDate::toString)"));
        else if ((month.month() - 1) % 3 == 0)
            label = locale.toString(month, tr("MMM yyyy", "quarter label of the timeline (QDate::toString)"));
        line(t, label);
    }
}

void RetentionTimeline::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QFontMetrics fm = fontMetrics();
    const bool oneLine = legendBesideTitle();
    const int legendTop = oneLine ? 2 : fm.height() + 4;
    const QRectF area = barArea();
    if (area.width() < 20 || area.height() < 10)
        return;

    // Title line: what is shown.
    p.setPen(pal.color(QPalette::Text));
    const QRectF titleRect = QRectF(rect()).adjusted(kMargin, 2, -kMargin, 0);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop, fm.elidedText(title(), Qt::ElideRight, int(titleRect.width())));

    paintAxis(p, area);

    const auto simulatedFill = [](QColor color) {
        color.setAlpha(90);
        return color;
    };
    if (m_bars.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
            m_policy.schedules.isEmpty() ? tr("No backup is kept, and none is made on a schedule.")
                                         : tr("No backup is kept."));
    }

    p.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars.at(i);
        const QRectF r = barRectIn(int(i), area);
        const bool simulated = m_simulation.backups().at(bar.backup).simulated;
        for (const Segment& segment : bar.segments) {
            const double x0 = xOf(segment.fromMs, area);
            const double x1 = segment.toMs >= bar.toMs ? r.right() : xOf(segment.toMs, area);
            const QRectF part(x0, r.top(), std::max(1.0, x1 - x0), r.height());
            const QColor color = m_categories.at(segment.category).color;
            p.fillRect(part, simulated ? simulatedFill(color) : color);
        }
        const QColor endColor = m_categories.at(bar.segments.last().category).color;
        if (simulated && r.height() >= 4) {
            // Simulated: translucent and outlined in the colour of its last rule.
            p.setPen(QPen(endColor, 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        }
        if (!bar.deleted && r.height() >= 6) {
            QPainterPath arrow;
            arrow.moveTo(r.right(), r.top());
            arrow.lineTo(r.right() + 5, r.center().y());
            arrow.lineTo(r.right(), r.bottom());
            arrow.closeSubpath();
            p.fillPath(arrow, simulated ? simulatedFill(endColor) : endColor);
        }
    }
    // The hovered and the chosen bar.
    for (int index : {m_hovered, m_current}) {
        if (index < 0 || index >= m_bars.size())
            continue;
        p.setPen(QPen(pal.color(QPalette::Text), index == m_current ? 2 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(barRect(index).adjusted(-1, -1, 1, 1));
    }
    if (hasFocus() && m_current < 0 && !m_bars.isEmpty()) {
        // Where the keyboard is, before a bar is chosen.
        QPen pen(pal.color(QPalette::Highlight), 1, Qt::DashLine);
        p.setPen(pen);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // Now.
    p.setPen(QPen(pal.color(QPalette::Text), 1.5));
    p.drawLine(QPointF(area.left(), area.top() - 2), QPointF(area.left(), area.bottom() + 2));

    // Legend, right-aligned: real and simulated (in the finest schedule's colour), then the colours of the rules.
    const QColor neutral = kScheduleColors[0];
    double lx = area.right() + 6;
    int rowTop = legendTop;
    const double swatchHeight = fm.ascent() - 2;
    const auto entry = [&](const QString& text, const std::function<void(const QRectF&)>& swatch, int gap = 0) {
        const int w = fm.horizontalAdvance(text);
        // Wraps onto the next row where a narrow timeline has no room left (as legendRows() counts).
        if (!oneLine && lx < area.right() + 6 && lx - gap - w - 26 < kMargin - 12) {
            lx = area.right() + 6;
            rowTop += fm.height() + 2;
        } else {
            lx -= gap;
        }
        const double swatchTop = rowTop + 2;
        const int legendTop = rowTop;
        lx -= w;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(lx, legendTop + fm.ascent()), text);
        lx -= 14;
        swatch(QRectF(lx, swatchTop, 10, swatchHeight));
        lx -= 12;
    };
    for (auto it = m_legend.crbegin(); it != m_legend.crend(); ++it) {
        const Category& c = m_categories.at(*it);
        entry(c.name, [&](const QRectF& r) { p.fillRect(r, c.color); });
    }
    entry(
        tr("simulated"),
        [&](const QRectF& r) {
            p.fillRect(r, simulatedFill(neutral));
            p.setPen(QPen(neutral, 1));
            p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        },
        10);
    entry(tr("real"), [&](const QRectF& r) { p.fillRect(r, neutral); });
}
