#pragma once

#include "store/store.h"

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>

// How fresh an environment's backups are against its target (the `health` setting or its schedule's default).
struct Freshness
{
    std::optional<double> maxAgeHours; // nullopt: no target
    std::optional<qint64> newestGoodBackupAtMs; // the newest backup that exists and can be restored

    // Too old, or none at all, while there is a target.
    bool stale(qint64 nowMs) const;

    static Freshness of(const QList<BackupRecord>& backups, std::optional<double> maxAgeHours);
};

// The words health uses for spans of time ("31 h", "10 days", "3 weeks") and targets ("26 h", "27.4 h").
class HealthText
{
    Q_DECLARE_TR_FUNCTIONS(HealthText)

public:
    static QString age(qint64 ms);
    static QString hours(double hours);
};
