#pragma once

#include "environmenttype.h"
#include "problem.h"
#include "retentionpolicy.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>

// The project setting `health`: per environment type, how old the newest good backup of an environment may be
// before its health is critical (`{"production": {"max_age_hours": 26}}`). A type that is not named takes the
// default from its retention policy's finest schedule (interval + 10 % + 1 h), and has none without a schedule.
struct HealthSettings
{
    static constexpr double kMaxHours = 24.0 * 366 * 10;

    QMap<EnvironmentType, double> maxAgeHours; // only the types that were set

    // The target of a type: the one set here, else the default of its policy (nullopt: none).
    std::optional<double> maxAgeHoursFor(EnvironmentType type, const RetentionPolicy& policy) const;
    // The finest schedule interval plus 10 %, plus one hour; nullopt without a schedule.
    static std::optional<double> defaultMaxAgeHours(const RetentionPolicy& policy);

    // Strict: unknown types and keys, wrong types and values out of range (0 < hours <= kMaxHours) are problems named
    // by their path (`health.production.max_age_hours`). `{"max_age_hours": null}` or `{}` means the default.
    static Decoded<HealthSettings> fromJson(const QJsonValue& json, const QString& basePath = {});
    // Only the types that were set.
    QJsonObject toJson() const;

    bool operator==(const HealthSettings&) const = default;
};
