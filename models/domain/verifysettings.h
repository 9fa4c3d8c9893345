#pragma once

#include "problem.h"
#include "retentionpolicy.h"

#include <QJsonObject>
#include <QJsonValue>

// The project setting `verify`: how often tidemarkd verifies the primary repository, how much of its data it reads
// back, and whether it test-restores the newest backup of each active environment.
struct VerifySettings
{
    Interval every {1, Interval::Unit::Week};
    int readDataPercent = 5;
    bool testRestore = true;

    // Strict: unknown keys, wrong types and values out of range are problems named by their path. Absent keys take
    // the defaults (weekly, 5 %, with a test restore).
    static Decoded<VerifySettings> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    bool operator==(const VerifySettings&) const = default;
};
