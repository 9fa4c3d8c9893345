#include "activitydelegate.h"

#include "domain/activity.h"
#include "modelroles.h"
#include "tones.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

void ActivityDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QRect r = opt.rect.adjusted(6, 3, -6, -3);
    const int lineHeight = opt.fontMetrics.height();
    const auto state = Activity::State(index.data(StateRole).toInt());
    const QVariant result = index.data(ResultRole);
    const bool running = state == Activity::State::Pending || state == Activity::State::InProgress;

    painter->save();
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    const QString text = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(r.left(), r.top(), r.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
        opt.fontMetrics.elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();

    const QRect second(r.left(), r.top() + lineHeight + 2, r.width(), r.height() - lineHeight - 2);
    if (running) {
        QStyleOptionProgressBar bar;
        bar.rect = second;
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(ProgressRole).toInt();
        bar.textVisible = true;
        bar.text = state == Activity::State::Pending ? ActivityDelegate::tr("Waiting")
                                                     : QStringLiteral("%1 %").arg(bar.progress);
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        bar.palette = opt.palette;
        bar.fontMetrics = opt.fontMetrics;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, opt.widget);
    } else {
        QString outcome;
        QColor color = opt.palette.color(QPalette::PlaceholderText);
        const bool selected = opt.state & QStyle::State_Selected;
        if (state == Activity::State::Cancelled) {
            outcome = ActivityDelegate::tr("Cancelled");
        } else if (result.isValid() && Activity::Result(result.toInt()) == Activity::Result::Failure) {
            outcome = ActivityDelegate::tr("Failed: %1").arg(index.data(DescriptionRole).toString());
            color = Tones::text(Tones::Tone::Danger, opt.palette);
        } else {
            outcome = ActivityDelegate::tr("Done: %1").arg(index.data(DescriptionRole).toString());
            color = Tones::text(Tones::Tone::Success, opt.palette);
        }
        // Green or red on the selection's blue is unreadable: a selected row says it in the selection's own text
        // colour (the words carry the outcome).
        if (selected)
            color = opt.palette.color(QPalette::HighlightedText);
        painter->save();
        painter->setPen(color);
        painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
            opt.fontMetrics.elidedText(outcome, Qt::ElideRight, second.width()));
        painter->restore();
    }
}

QSize ActivityDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return {200, option.fontMetrics.height() * 2 + 14};
}
