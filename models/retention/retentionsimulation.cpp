#include "retentionsimulation.h"

#include "domain/timestamp.h"
#include "retentionplanner.h"

#include <algorithm>
#include <QHash>

namespace {

// The rule a reason names without the position: "1d #3/7" → "1d", "manual #1/2" → "manual"; others as they are.
QString ruleOf(const QString& reason)
{
    const qsizetype hash = reason.indexOf(QLatin1String(" #"));
    return hash < 0 ? reason : reason.left(hash);
}

QStringList rulesOf(const QStringList& reasons)
{
    QStringList rules;
    rules.reserve(reasons.size());
    for (const QString& reason : reasons)
        rules.append(ruleOf(reason));
    return rules;
}

// Simulated backups sort after real ones of the same millisecond (a simulated backup counts as the newer, ids
// descending): '~' is above the digits and letters of every id the servers make.
QString simulatedId(qint64 step)
{
    return QStringLiteral("~simulated-%1").arg(step, 6, 10, QLatin1Char('0'));
}

} // namespace

RetentionSimulation RetentionSimulation::run(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs, qint64 endMs)
{
    RetentionSimulation sim;
    sim.m_nowMs = nowMs;
    sim.m_endMs = std::max(nowMs, endMs);
    sim.m_simulatedUntilMs = sim.m_endMs;

    // One backup per id, as the server has them.
    QList<RetentionBackup> input;
    QHash<QString, qsizetype> indexOf;
    input.reserve(backups.size());
    indexOf.reserve(backups.size());
    for (const RetentionBackup& b : backups) {
        if (indexOf.contains(b.id))
            continue;
        indexOf.insert(b.id, -1);
        input.append(b);
    }
    QHash<QString, RetentionBackup>
        originals; // the planner's copy of a backup drops the safety flag of a protected one
    originals.reserve(input.size());
    for (const RetentionBackup& b : std::as_const(input))
        originals.insert(b.id, b);

    // The prune at now: what applying the policy deletes right away.
    const RetentionPlan first = RetentionPlanner::plan(input, policy, nowMs, RetentionPlanner::Expiry::Skip);
    qint64 work = first.backups.size();
    QList<RetentionBackup> present;
    sim.m_pruneTimes.append(nowMs);
    sim.m_backups.reserve(first.backups.size());
    for (const PlannedBackup& p : first.backups) {
        SimulatedBackup s;
        s.backup = originals.value(p.backup.id);
        if (p.keep) {
            s.phases.append({nowMs, p.reasons});
            present.append(s.backup);
        } else {
            s.deletedAtMs = nowMs;
            s.deletionReasons = p.reasons;
        }
        indexOf.insert(p.backup.id, sim.m_backups.size());
        sim.m_backups.append(std::move(s));
    }
    sim.m_realCount = int(sim.m_backups.size());

    const std::optional<Interval> finest = RetentionPlanner::finestInterval(policy);
    if (!finest)
        return sim;
    const qint64 nowKey = RetentionPlanner::bucketKey(Timestamp::floorDiv(nowMs, 1000), *finest);
    for (qint64 step = 1;; ++step) {
        const qint64 atMs = RetentionPlanner::bucketStart(nowKey + step, *finest) * 1000;
        if (atMs > sim.m_endMs)
            break;
        if (work + present.size() + 1 > kWorkLimit) {
            sim.m_simulatedUntilMs = sim.m_pruneTimes.last();
            break;
        }
        SimulatedBackup added;
        added.backup = RetentionBackup {simulatedId(step), atMs, true, false, false};
        added.simulated = true;
        indexOf.insert(added.backup.id, sim.m_backups.size());
        present.append(added.backup);
        sim.m_backups.append(std::move(added));
        sim.m_pruneTimes.append(atMs);

        const RetentionPlan plan = RetentionPlanner::plan(present, policy, atMs, RetentionPlanner::Expiry::Skip);
        work += plan.backups.size();
        present.clear();
        for (const PlannedBackup& p : plan.backups) {
            SimulatedBackup& s = sim.m_backups[indexOf.value(p.backup.id)];
            if (!p.keep) {
                s.deletedAtMs = atMs;
                s.deletionReasons = p.reasons;
                continue;
            }
            present.append(s.backup);
            if (s.phases.isEmpty() || rulesOf(s.phases.last().reasons) != rulesOf(p.reasons))
                s.phases.append({atMs, p.reasons});
        }
    }
    return sim;
}

int RetentionSimulation::deletedNow() const
{
    int deleted = 0;
    for (qsizetype i = 0; i < m_realCount; ++i)
        deleted += m_backups.at(i).deletedAtMs == m_nowMs;
    return deleted;
}

SteadyState RetentionSimulation::steadyState(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs)
{
    // Safety backups go after a week whatever the policy; people go on making manual backups up to the limit.
    QList<RetentionBackup> start;
    int manual = 0;
    for (const RetentionBackup& b : backups) {
        if (b.isSafety && !b.isProtected)
            continue;
        start.append(b);
        manual += !b.automated && !b.isProtected;
    }
    for (int i = manual; i < policy.manualCount; ++i)
        start.append(RetentionBackup {QStringLiteral("~manual-%1").arg(i, 4, 10, QLatin1Char('0')), nowMs, false});

    qint64 endMs = nowMs;
    if (const std::optional<Interval> finest = RetentionPlanner::finestInterval(policy)) {
        const qint64 nowKey = RetentionPlanner::bucketKey(Timestamp::floorDiv(nowMs, 1000), *finest);
        endMs = RetentionPlanner::bucketStart(nowKey + RetentionPlanner::projectionSteps(policy), *finest) * 1000;
    }
    const RetentionSimulation sim = run(start, policy, nowMs, endMs);

    SteadyState state;
    state.truncated = sim.isTruncated();
    for (const SimulatedBackup& s : sim.backups()) {
        if (s.deletedAtMs || s.phases.isEmpty())
            continue;
        ++state.total;
        const QStringList& reasons = s.phases.last().reasons;
        if (s.backup.isProtected) {
            ++state.protectedCount;
        } else if (!s.backup.automated) {
            ++state.manual;
        } else if (reasons.contains(QLatin1String("no schedule"))) {
            ++state.unscheduled;
        } else {
            // Counted once, under the finest schedule that keeps it ("7 daily, 2 more weekly").
            std::optional<Interval> finest;
            for (const QString& reason : reasons) {
                const std::optional<Interval> interval = Interval::parse(reason.section(QLatin1Char(' '), 0, 0));
                if (interval && (!finest || interval->nominalSeconds() < finest->nominalSeconds()))
                    finest = interval;
            }
            if (!finest)
                continue;
            auto part = std::find_if(state.bySchedule.begin(), state.bySchedule.end(),
                [&](const SteadyState::Part& p) { return p.interval == *finest; });
            if (part == state.bySchedule.end())
                state.bySchedule.append({*finest, 1});
            else
                ++part->count;
        }
    }
    std::sort(state.bySchedule.begin(), state.bySchedule.end(),
        [](const auto& a, const auto& b) { return a.interval.nominalSeconds() < b.interval.nominalSeconds(); });
    return state;
}

void RetentionSimulation::estimateStorage(SteadyState& state, const QList<Backup>& backups)
{
    QList<qint64> used;
    QList<qint64> logical;
    for (const Backup& b : backups) {
        if (b.status != Backup::Status::Created)
            continue;
        if (b.sizeUsed)
            used.append(*b.sizeUsed);
        if (b.sizeOfVolumes)
            logical.append(*b.sizeOfVolumes);
    }
    const auto mean = [](const QList<qint64>& values) {
        long double sum = 0;
        for (qint64 v : values)
            sum += v;
        return values.isEmpty() ? qint64(0) : qint64(sum / values.size() + 0.5L);
    };
    state.storageBytes = 0;
    state.fullCopyBytes = 0;
    state.perBackupBytes = 0;
    if (used.size() >= 2) {
        // The first backup of a repository stores everything, the later ones what changed: the largest is taken
        // for the one full copy, the others for the growth per backup.
        std::sort(used.begin(), used.end());
        state.storageBasis = SteadyState::StorageBasis::NewlyStored;
        state.sizeSamples = int(used.size());
        state.fullCopyBytes = used.takeLast();
        state.perBackupBytes = mean(used);
        if (state.total > 0)
            state.storageBytes = state.fullCopyBytes + qint64(state.total - 1) * state.perBackupBytes;
    } else if (used.size() == 1) {
        state.storageBasis = SteadyState::StorageBasis::SingleBackup;
        state.sizeSamples = 1;
        state.fullCopyBytes = used.first();
        state.storageBytes = state.total > 0 ? state.fullCopyBytes : 0;
    } else if (!logical.isEmpty()) {
        state.storageBasis = SteadyState::StorageBasis::Logical;
        state.sizeSamples = int(logical.size());
        state.perBackupBytes = mean(logical);
        state.storageBytes = qint64(state.total) * state.perBackupBytes;
    } else {
        state.storageBasis = SteadyState::StorageBasis::None;
        state.sizeSamples = 0;
    }
}
