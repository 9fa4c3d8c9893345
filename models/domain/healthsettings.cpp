#include "healthsettings.h"

#include "jsonread.h"
#include "retention/retentionplanner.h"

#include <cmath>
#include <QCoreApplication>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HealthSettings)
};

const QString kMaxAgeHours = QStringLiteral("max_age_hours");

} // namespace

std::optional<double> HealthSettings::defaultMaxAgeHours(const RetentionPolicy& policy)
{
    const auto finest = RetentionPlanner::finestInterval(policy);
    if (!finest)
        return std::nullopt;
    // Rounded to a tenth of an hour so that the answer reads well (1d → 27.4).
    const double hours = double(finest->nominalSeconds()) / 3600.0 * 1.1 + 1.0;
    return std::round(hours * 10.0) / 10.0;
}

std::optional<double> HealthSettings::maxAgeHoursFor(EnvironmentType type, const RetentionPolicy& policy) const
{
    const auto it = maxAgeHours.constFind(type);
    if (it != maxAgeHours.constEnd())
        return *it;
    return defaultMaxAgeHours(policy);
}

Decoded<HealthSettings> HealthSettings::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<HealthSettings>::failure(problems);
    HealthSettings settings;
    for (auto it = root->begin(); it != root->end(); ++it) {
        const QString path = JsonPath::key(basePath, it.key());
        const auto type = EnvironmentTypes::fromString(it.key());
        if (!type) {
            QStringList names;
            for (EnvironmentType t : EnvironmentTypes::all())
                names.append(EnvironmentTypes::toString(t));
            problems.append({path,
                Tr::tr("'%1' is not an environment type (expected one of: %2)")
                    .arg(it.key().left(64), names.join(QLatin1String(", ")))});
            continue;
        }
        const auto entry = JsonRead::object(it.value(), path, problems);
        if (!entry)
            continue;
        JsonRead::rejectUnknownKeys(*entry, {kMaxAgeHours}, path, problems);
        const QJsonValue hours = entry->value(kMaxAgeHours);
        if (hours.isUndefined() || hours.isNull())
            continue;
        const QString hoursPath = JsonPath::key(path, kMaxAgeHours);
        if (!hours.isDouble()) {
            problems.append(
                {hoursPath, Tr::tr("must be a number of hours or null, not %1").arg(JsonRead::describe(hours))});
            continue;
        }
        const double value = hours.toDouble();
        if (!std::isfinite(value) || value <= 0 || value > kMaxHours) {
            problems.append({hoursPath,
                Tr::tr("%1 is out of range (more than 0, at most %2 hours)")
                    .arg(JsonRead::describe(hours))
                    .arg(kMaxHours, 0, 'f', 0)});
            continue;
        }
        settings.maxAgeHours.insert(*type, value);
    }
    if (!problems.isEmpty())
        return Decoded<HealthSettings>::failure(problems);
    return Decoded<HealthSettings>::success(settings);
}

QJsonObject HealthSettings::toJson() const
{
    QJsonObject json;
    for (auto it = maxAgeHours.constBegin(); it != maxAgeHours.constEnd(); ++it)
        json.insert(EnvironmentTypes::toString(it.key()), QJsonObject {{kMaxAgeHours, it.value()}});
    return json;
}
