#pragma once

#include "environmenttype.h"
#include "problem.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

// A schedule interval: an optional multiplier k (1–9999) and a unit, e.g. `6h`, `1d`, `2w`.
struct Interval
{
    enum class Unit { Hour, Day, Week, Month, Year };

    int multiplier = 1;
    Unit unit = Unit::Day;

    static std::optional<Interval> parse(QStringView text);
    // The canonical label `<k><unit>`: "d" is shown as "1d".
    QString label() const;
    // k · unit in seconds (h 3600, d 86400, w 604800, M 2629746, y 31556952).
    qint64 nominalSeconds() const;

    bool operator==(const Interval&) const = default;
};

struct Schedule
{
    Interval interval;
    int count = 1;

    bool operator==(const Schedule&) const = default;
};

// One entry of the project setting `data_retention` (retention-spec.md, "Policy").
struct RetentionPolicy
{
    static constexpr int kMaxSchedules = 10;
    static constexpr int kDefaultManualCount = 2;

    QList<Schedule> schedules;
    int manualCount = kDefaultManualCount;
    std::optional<int> maxBackups; // nullopt: no cap

    // Strict: unknown keys, wrong types and out-of-range values are problems named by their path
    // under `basePath`. Absent fields take the spec's defaults (no schedule, manual_count 2, no cap).
    static Decoded<RetentionPolicy> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    // The same checks as fromJson, for policies built in code (the console's form).
    Problems validate(const QString& basePath = {}) const;

    static RetentionPolicy defaultFor(EnvironmentType type);

    bool operator==(const RetentionPolicy&) const = default;
};
