#include "retentionreasons.h"

#include "displayformat.h"
#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "scheduledraftmodel.h"

#include <QRegularExpression>

QString RetentionReasons::scheduleName(const QString& label)
{
    const std::optional<Interval> interval = Interval::parse(label);
    return interval ? scheduleName(*interval) : label;
}

QString RetentionReasons::scheduleName(const Interval& interval)
{
    if (interval.multiplier == 1) {
        switch (interval.unit) {
        case Interval::Unit::Hour:
            return tr("hourly");
        case Interval::Unit::Day:
            return tr("daily");
        case Interval::Unit::Week:
            return tr("weekly");
        case Interval::Unit::Month:
            return tr("monthly");
        case Interval::Unit::Year:
            return tr("yearly");
        }
    }
    return tr("every %1 %2")
        .arg(interval.multiplier)
        .arg(ScheduleDraftModel::unitName(interval.unit, interval.multiplier));
}

QString RetentionReasons::plain(const QString& reason)
{
    // The planner's vocabulary (models/retention/retentionplanner.cpp).
    static const QRegularExpression bucket(QStringLiteral("^(\\d+[hdwMy]) #(\\d+)/(\\d+)$"));
    static const QRegularExpression oldest(QStringLiteral("^(\\d+[hdwMy]) oldest$"));
    static const QRegularExpression manual(QStringLiteral("^manual #(\\d+)/(\\d+)$"));
    static const QRegularExpression manualLimit(QStringLiteral("^manual limit (\\d+)$"));
    static const QRegularExpression maxBackups(QStringLiteral("^max_backups (\\d+)$"));

    if (const auto m = bucket.match(reason); m.hasMatch())
        return tr("%1 #%2 of %3").arg(scheduleName(m.captured(1)), m.captured(2), m.captured(3));
    if (const auto m = oldest.match(reason); m.hasMatch())
        return tr("the oldest, while the %1 schedule fills").arg(scheduleName(m.captured(1)));
    if (const auto m = manual.match(reason); m.hasMatch())
        return tr("kept as one of %n manual backup(s)", "", m.captured(2).toInt());
    if (const auto m = manualLimit.match(reason); m.hasMatch())
        return tr("beyond the %n manual backup(s) kept", "", m.captured(1).toInt());
    if (const auto m = maxBackups.match(reason); m.hasMatch())
        return tr("beyond the limit of %n backup(s) in all", "", m.captured(1).toInt());
    if (reason == QLatin1String("protected"))
        return tr("protected");
    // "safety until 2026-12-08T10:00:00Z": a safety backup taken before a restore, kept 7 days.
    if (reason.startsWith(QLatin1String("safety until "))) {
        const auto until = Timestamp::parseMsecs(QStringView(reason).mid(13));
        return until ? tr("safety backup until %1").arg(DisplayFormat::localTime(*until)) : reason;
    }
    if (reason == QLatin1String("safety expired"))
        return tr("safety backup, 7 days passed");
    if (reason == QLatin1String("no schedule"))
        return tr("the policy has no schedule");
    if (reason == QLatin1String("not kept by schedule"))
        return tr("no schedule keeps it");
    return reason;
}

QStringList RetentionReasons::plain(const QStringList& reasons)
{
    QStringList out;
    out.reserve(reasons.size());
    for (const QString& reason : reasons)
        out.append(plain(reason));
    return out;
}

QString RetentionReasons::withShortForm(const QString& reason)
{
    const QString words = plain(reason);
    return words == reason ? reason : tr("%1 (%2)").arg(words, reason);
}
