#include "freshness.h"

#include <algorithm>
#include <cmath>

bool Freshness::stale(qint64 nowMs) const
{
    if (!maxAgeHours)
        return false;
    if (!newestGoodBackupAtMs)
        return true;
    return double(nowMs - *newestGoodBackupAtMs) > *maxAgeHours * 3600.0 * 1000.0;
}

Freshness Freshness::of(const QList<BackupRecord>& backups, std::optional<double> maxAgeHours)
{
    Freshness f;
    f.maxAgeHours = maxAgeHours;
    for (const BackupRecord& r : backups) {
        // A backup being deleted, or one a verification found damaged, is no comfort.
        if (r.backup.status != Backup::Status::Created || !r.backup.restorable)
            continue;
        if (!f.newestGoodBackupAtMs || r.backup.createdAtMs > *f.newestGoodBackupAtMs)
            f.newestGoodBackupAtMs = r.backup.createdAtMs;
    }
    return f;
}

QString HealthText::age(qint64 ms)
{
    const qint64 hours = std::max<qint64>(0, ms) / (3600LL * 1000);
    if (hours < 72)
        return tr("%n h", "an age in hours", int(hours));
    const qint64 days = hours / 24;
    if (days < 14)
        return tr("%n day(s)", "", int(days));
    return tr("%n week(s)", "", int(days / 7));
}

QString HealthText::hours(double hours)
{
    // Whole hours without decimals, others with one ("26 h", "27.4 h").
    const double rounded = std::round(hours * 10.0) / 10.0;
    const QString number
        = rounded == std::floor(rounded) ? QString::number(qint64(rounded)) : QString::number(rounded, 'f', 1);
    return tr("%1 h", "a target in hours").arg(number);
}
