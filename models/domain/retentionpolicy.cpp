#include "retentionpolicy.h"

#include "jsonread.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RetentionPolicy)
};

const QString kMaxBackups = QStringLiteral("max_backups");
const QString kDefaultConfig = QStringLiteral("default_config");
const QString kManualCount = QStringLiteral("manual_count");
const QString kSchedule = QStringLiteral("schedule");
const QString kInterval = QStringLiteral("interval");
const QString kCount = QStringLiteral("count");

constexpr int kMaxMultiplier = 9999;
constexpr int kMinCount = 1, kMaxCount = 1000;
constexpr int kMaxManualCount = 1000;
constexpr int kMinMaxBackups = 1, kMaxMaxBackups = 10000;

QChar unitChar(Interval::Unit unit)
{
    switch (unit) {
    case Interval::Unit::Hour:
        return QLatin1Char('h');
    case Interval::Unit::Day:
        return QLatin1Char('d');
    case Interval::Unit::Week:
        return QLatin1Char('w');
    case Interval::Unit::Month:
        return QLatin1Char('M');
    case Interval::Unit::Year:
        return QLatin1Char('y');
    }
    return {};
}

QString intervalProblem(const QString& text)
{
    return Tr::tr("'%1' is not an interval (use a number and one of h, d, w, M, y)").arg(text.left(32));
}

// The checks shared by fromJson and validate, on already-typed values.
void checkSchedules(const QList<Schedule>& schedules, const QString& basePath, Problems& problems)
{
    const QString schedulePath = JsonPath::key(JsonPath::key(basePath, kDefaultConfig), kSchedule);
    if (schedules.size() > RetentionPolicy::kMaxSchedules) {
        problems.append({schedulePath,
            Tr::tr("has %1 schedules; at most %2 are allowed")
                .arg(schedules.size())
                .arg(RetentionPolicy::kMaxSchedules)});
    }
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < schedules.size(); ++i) {
        const Schedule& s = schedules.at(i);
        const QString itemPath = JsonPath::index(schedulePath, i);
        if (s.interval.multiplier < 1 || s.interval.multiplier > kMaxMultiplier) {
            problems.append({JsonPath::key(itemPath, kInterval),
                Tr::tr("the number in an interval must be from 1 to %1").arg(kMaxMultiplier)});
        }
        if (s.count < kMinCount || s.count > kMaxCount) {
            problems.append({JsonPath::key(itemPath, kCount),
                Tr::tr("must be an integer from %1 to %2, not %3").arg(kMinCount).arg(kMaxCount).arg(s.count)});
        }
        const QString label = s.interval.label();
        const auto previous = seen.constFind(label);
        if (previous != seen.constEnd()) {
            problems.append({JsonPath::key(itemPath, kInterval),
                Tr::tr("'%1' is already used by schedule[%2]; each interval may appear once")
                    .arg(label)
                    .arg(*previous)});
        } else {
            seen.insert(label, i);
        }
    }
}

} // namespace

std::optional<Interval> Interval::parse(QStringView text)
{
    if (text.isEmpty() || text.size() > 5)
        return std::nullopt;
    Interval result;
    switch (text.back().unicode()) {
    case 'h':
        result.unit = Unit::Hour;
        break;
    case 'd':
        result.unit = Unit::Day;
        break;
    case 'w':
        result.unit = Unit::Week;
        break;
    case 'M':
        result.unit = Unit::Month;
        break;
    case 'y':
        result.unit = Unit::Year;
        break;
    default:
        return std::nullopt;
    }
    const QStringView number = text.chopped(1);
    if (number.isEmpty())
        return result;
    if (number.front() == QLatin1Char('0'))
        return std::nullopt;
    int k = 0;
    for (QChar c : number) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        k = k * 10 + (c.unicode() - '0');
    }
    if (k < 1 || k > kMaxMultiplier)
        return std::nullopt;
    result.multiplier = k;
    return result;
}

QString Interval::label() const
{
    return QString::number(multiplier) + unitChar(unit);
}

qint64 Interval::nominalSeconds() const
{
    qint64 unitSeconds = 0;
    switch (unit) {
    case Unit::Hour:
        unitSeconds = 3600;
        break;
    case Unit::Day:
        unitSeconds = 86400;
        break;
    case Unit::Week:
        unitSeconds = 604800;
        break;
    case Unit::Month:
        unitSeconds = 2629746;
        break;
    case Unit::Year:
        unitSeconds = 31556952;
        break;
    }
    return unitSeconds * multiplier;
}

Decoded<RetentionPolicy> RetentionPolicy::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    RetentionPolicy policy;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<RetentionPolicy>::failure(problems);
    JsonRead::rejectUnknownKeys(*root, {kMaxBackups, kDefaultConfig}, basePath, problems);

    const QJsonValue max = root->value(kMaxBackups);
    if (!max.isUndefined() && !max.isNull()) {
        if (auto v
            = JsonRead::integer(max, JsonPath::key(basePath, kMaxBackups), kMinMaxBackups, kMaxMaxBackups, problems))
            policy.maxBackups = int(*v);
    }

    const QJsonValue configValue = root->value(kDefaultConfig);
    const QString configPath = JsonPath::key(basePath, kDefaultConfig);
    if (!configValue.isUndefined()) {
        if (const auto config = JsonRead::object(configValue, configPath, problems)) {
            JsonRead::rejectUnknownKeys(*config, {kManualCount, kSchedule}, configPath, problems);

            const QJsonValue manual = config->value(kManualCount);
            if (!manual.isUndefined()) {
                if (auto v
                    = JsonRead::integer(manual, JsonPath::key(configPath, kManualCount), 0, kMaxManualCount, problems))
                    policy.manualCount = int(*v);
            }

            const QJsonValue scheduleValue = config->value(kSchedule);
            const QString schedulePath = JsonPath::key(configPath, kSchedule);
            if (!scheduleValue.isUndefined() && !scheduleValue.isArray()) {
                problems.append({schedulePath,
                    Tr::tr("must be an array of {\"interval\", \"count\"} objects, not %1")
                        .arg(JsonRead::describe(scheduleValue))});
            } else if (scheduleValue.isArray()) {
                const QJsonArray items = scheduleValue.toArray();
                if (items.size() > kMaxSchedules) {
                    problems.append({schedulePath,
                        Tr::tr("has %1 schedules; at most %2 are allowed").arg(items.size()).arg(kMaxSchedules)});
                }
                QHash<QString, qsizetype> seen;
                // Past the limit the list is refused anyway: its items are not looked at (a huge list costs nothing).
                for (qsizetype i = 0; i < std::min<qsizetype>(items.size(), kMaxSchedules + 1); ++i) {
                    const QString itemPath = JsonPath::index(schedulePath, i);
                    const auto item = JsonRead::object(items.at(i), itemPath, problems);
                    if (!item)
                        continue;
                    JsonRead::rejectUnknownKeys(*item, {kInterval, kCount}, itemPath, problems);
                    Schedule schedule;
                    bool good = true;

                    const QJsonValue interval = item->value(kInterval);
                    const QString intervalPath = JsonPath::key(itemPath, kInterval);
                    if (interval.isUndefined()) {
                        problems.append({intervalPath, Tr::tr("is required (for example \"1d\")")});
                        good = false;
                    } else if (!interval.isString()) {
                        problems.append({intervalPath,
                            Tr::tr("must be a string like \"1d\" or \"6h\", not %1")
                                .arg(JsonRead::describe(interval))});
                        good = false;
                    } else if (auto parsed = Interval::parse(interval.toString())) {
                        schedule.interval = *parsed;
                    } else {
                        problems.append({intervalPath, intervalProblem(interval.toString())});
                        good = false;
                    }

                    const QJsonValue count = item->value(kCount);
                    const QString countPath = JsonPath::key(itemPath, kCount);
                    if (count.isUndefined()) {
                        problems.append({countPath,
                            Tr::tr("is required (an integer from %1 to %2)").arg(kMinCount).arg(kMaxCount)});
                        good = false;
                    } else if (auto v = JsonRead::integer(count, countPath, kMinCount, kMaxCount, problems)) {
                        schedule.count = int(*v);
                    } else {
                        good = false;
                    }

                    if (!good)
                        continue;
                    const QString label = schedule.interval.label();
                    const auto previous = seen.constFind(label);
                    if (previous != seen.constEnd()) {
                        problems.append({intervalPath,
                            Tr::tr("'%1' is already used by schedule[%2]; each interval may appear once")
                                .arg(label)
                                .arg(*previous)});
                    } else {
                        seen.insert(label, i);
                    }
                    policy.schedules.append(schedule);
                }
            }
        }
    }

    if (!problems.isEmpty())
        return Decoded<RetentionPolicy>::failure(problems);
    return Decoded<RetentionPolicy>::success(policy);
}

QJsonObject RetentionPolicy::toJson() const
{
    QJsonArray schedule;
    for (const Schedule& s : schedules)
        schedule.append(QJsonObject {{kInterval, s.interval.label()}, {kCount, s.count}});
    return QJsonObject {
        {kMaxBackups, maxBackups ? QJsonValue(*maxBackups) : QJsonValue(QJsonValue::Null)},
        {kDefaultConfig, QJsonObject {{kManualCount, manualCount}, {kSchedule, schedule}}},
    };
}

Problems RetentionPolicy::validate(const QString& basePath) const
{
    Problems problems;
    checkSchedules(schedules, basePath, problems);
    if (manualCount < 0 || manualCount > kMaxManualCount) {
        problems.append({JsonPath::key(JsonPath::key(basePath, kDefaultConfig), kManualCount),
            Tr::tr("must be an integer from %1 to %2, not %3").arg(0).arg(kMaxManualCount).arg(manualCount)});
    }
    if (maxBackups && (*maxBackups < kMinMaxBackups || *maxBackups > kMaxMaxBackups)) {
        problems.append({JsonPath::key(basePath, kMaxBackups),
            Tr::tr("must be an integer from %1 to %2, not %3")
                .arg(kMinMaxBackups)
                .arg(kMaxMaxBackups)
                .arg(*maxBackups)});
    }
    return problems;
}

RetentionPolicy RetentionPolicy::defaultFor(EnvironmentType type)
{
    RetentionPolicy policy;
    if (type == EnvironmentType::Production)
        policy.schedules.append(Schedule {Interval {1, Interval::Unit::Day}, 2});
    return policy;
}
