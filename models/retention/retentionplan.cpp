#include "retentionplan.h"

QStringList RetentionPlan::deletedIds() const
{
    QStringList ids;
    for (const PlannedBackup& b : backups) {
        if (!b.keep)
            ids.append(b.backup.id);
    }
    return ids;
}

QStringList RetentionPlan::keptIds() const
{
    QStringList ids;
    for (const PlannedBackup& b : backups) {
        if (b.keep)
            ids.append(b.backup.id);
    }
    return ids;
}
