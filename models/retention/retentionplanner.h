#pragma once

#include "domain/retentionpolicy.h"
#include "retentionplan.h"

#include <optional>
#include <QList>

// The one implementation of retention-spec.md. Pure functions without an event loop: safe to call
// from any thread. Planning is O(n log n) in the number of backups; the expiry projection only ever
// plans over the kept set.
class RetentionPlanner
{
public:
    // How long a safety backup is kept after it was created (retention-spec.md, step 2).
    static constexpr qint64 kSafetyDays = 7;
    enum class Expiry { Project, Skip };

    static RetentionPlan plan(const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs,
        Expiry expiry = Expiry::Project);

    // The manual backup that a new manual backup would replace under the manual limit, or nullopt when
    // none would be (limit not reached, or manual backups disabled).
    static std::optional<RetentionBackup> manualBackupReplacedByNew(
        const QList<RetentionBackup>& backups, const RetentionPolicy& policy);

    // How many backups the policy keeps once the scheduler has run long enough for every schedule to
    // fill (automated backups only, manual ones not counted).
    static int steadyStateAutomatedCount(const RetentionPolicy& policy, qint64 nowMs);

    // Bucket arithmetic in UTC epoch seconds (retention-spec.md, "Buckets").
    static qint64 bucketKey(qint64 epochSeconds, const Interval& interval);
    static qint64 bucketStart(qint64 key, const Interval& interval);

    // The schedule with the smallest nominal length (first one on ties), or nullopt without schedules.
    static std::optional<Interval> finestInterval(const RetentionPolicy& policy);
    // How many simulated backups the expiry projection adds at most (retention-spec.md, "Projected expiry"):
    // enough for every schedule to fill. 0 without schedules.
    static qint64 projectionSteps(const RetentionPolicy& policy);
};
