#pragma once

#include "domain/backup.h"
#include "domain/retentionpolicy.h"
#include "retentionplan.h"

#include <optional>
#include <QList>
#include <QStringList>

// One backup's life in a retention simulation: a real backup (one of today's) or one the scheduler would take.
struct SimulatedBackup
{
    // Why the backup is kept from `fromMs` on, as the planner says it: a new phase starts each time the set of
    // rules keeping it changes ("1d #3/7" → "1w #2/4"), not when only its position moves ("1d #3/7" → "1d #4/7").
    struct Phase
    {
        qint64 fromMs = 0;
        QStringList reasons;
        bool operator==(const Phase&) const = default;
    };

    RetentionBackup backup;
    bool simulated = false;
    // The prune that deletes it: `now` for a real backup the policy deletes as soon as it is applied, else the time
    // of the simulated backup after which it is deleted. nullopt: still kept at the end of the simulation.
    std::optional<qint64> deletedAtMs;
    QStringList deletionReasons; // the planner's reasons at that prune
    QList<Phase> phases; // empty for a backup deleted right away

    bool operator==(const SimulatedBackup&) const = default;
};

// How many backups a policy keeps once the scheduler has run long enough for every schedule to fill, by what
// keeps them, and about how much storage that takes.
struct SteadyState
{
    struct Part
    {
        Interval interval; // the finest schedule that keeps these backups
        int count = 0;
        bool operator==(const Part&) const = default;
    };
    // How the storage estimate was made (the console says which).
    enum class StorageBasis {
        None, // no backup has a size
        NewlyStored, // one full copy plus the mean size newly stored per further backup (size_used)
        SingleBackup, // one backup with size_used: its size, the growth per backup is not known yet
        Logical, // only logical sizes (size_of_volumes): count × their mean, without deduplication or compression
    };

    int total = 0;
    // The run stopped at RetentionSimulation::kWorkLimit before every schedule filled: total is a lower bound.
    bool truncated = false;
    QList<Part> bySchedule; // finest schedule first; automated backups kept by schedules
    int unscheduled = 0; // automated backups kept because the policy has no schedule
    int manual = 0;
    int protectedCount = 0;

    StorageBasis storageBasis = StorageBasis::None;
    qint64 storageBytes = 0;
    qint64 fullCopyBytes = 0; // NewlyStored / SingleBackup: the largest size newly stored by one backup
    qint64 perBackupBytes = 0; // NewlyStored: mean newly stored by the others; Logical: mean logical size
    int sizeSamples = 0; // how many backups the estimate was made from

    bool operator==(const SteadyState&) const = default;
};

// The retention simulator: starting from an environment's real backups, the scheduler takes one automated backup
// at the start of every bucket of the policy's finest schedule after `now` (as the expiry projection of
// retention-spec.md does), and after `now` and after every one of them the planner — RetentionPlanner::plan, the
// one implementation — prunes the backups present. What each prune keeps and deletes is recorded, so that for any
// prune the backups present are exactly those created at or before it and not deleted before it.
class RetentionSimulation
{
public:
    // The most backups planned in all (summed over prunes) before a simulation stops early: policies that keep
    // thousands of backups, simulated hour by hour over two years, would otherwise take minutes.
    static constexpr qint64 kWorkLimit = 1'000'000;

    // Simulates from `nowMs` until `endMs` (inclusive). Without a schedule nothing is taken automatically: only the
    // prune at now happens.
    static RetentionSimulation run(
        const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs, qint64 endMs);

    // The steady state: the real backups (for protected backups, and everything kept when there is no schedule)
    // with manual backups made up to manual_count, simulated for RetentionPlanner::projectionSteps() prunes.
    static SteadyState steadyState(const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs);
    // Fills the storage fields of `state` from the sizes of real backups (see StorageBasis).
    static void estimateStorage(SteadyState& state, const QList<Backup>& backups);

    // The prunes: now, then each simulated backup's creation time, ascending.
    const QList<qint64>& pruneTimes() const { return m_pruneTimes; }
    // Real backups in plan order (newest first), then simulated ones oldest first.
    const QList<SimulatedBackup>& backups() const { return m_backups; }
    qint64 nowMs() const { return m_nowMs; }
    qint64 endMs() const { return m_endMs; }
    // Where the simulation stopped: endMs, or earlier when it ran into kWorkLimit.
    qint64 simulatedUntilMs() const { return m_simulatedUntilMs; }
    bool isTruncated() const { return m_simulatedUntilMs < m_endMs; }
    int realCount() const { return m_realCount; }
    // Real backups the policy deletes as soon as it is applied.
    int deletedNow() const;

    bool operator==(const RetentionSimulation&) const = default;

private:
    qint64 m_nowMs = 0;
    qint64 m_endMs = 0;
    qint64 m_simulatedUntilMs = 0;
    int m_realCount = 0;
    QList<qint64> m_pruneTimes;
    QList<SimulatedBackup> m_backups;
};
