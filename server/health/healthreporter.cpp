#include "healthreporter.h"

#include "domain/timestamp.h"
#include "engine/engine.h"
#include "freshness.h"
#include "heartbeat.h"
#include "missedruns.h"
#include "retention/retentionplanner.h"
#include "store/store.h"

#include <algorithm>

namespace {

const QString kBackupType = QStringLiteral("environment.backup");
const QString kCopyType = QStringLiteral("project.backup.copy");
const QString kPrimary = QStringLiteral("primary");

// How many of an environment's backup activities are looked at (newest first): enough for a week of hourly runs
// with retries.
constexpr int kActivityLimit = 5000;

// The first line of a text, shortened: reasons are one line each.
QString oneLine(const QString& text)
{
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > 200)
        line = line.left(199) + QChar(0x2026);
    return line;
}

} // namespace

HealthReporter::HealthReporter(Store& store, Engine& engine, const Heartbeat* heartbeat)
    : m_store(store)
    , m_engine(engine)
    , m_heartbeat(heartbeat)
{ }

HealthReport HealthReporter::report(const QString& projectId, const QList<RepositoryStatus>& repositories)
{
    m_now = m_engine.now();
    const ProjectSettings settings = m_store.settings(projectId);
    const QList<Environment> environments = m_store.environments(projectId);
    // tidemarkd's runs over the widest window any environment's schedule looks back.
    qint64 window = 0;
    for (const Environment& e : environments) {
        if (const auto finest = RetentionPlanner::finestInterval(settings.policyFor(e.type)))
            window = std::max(window, MissedRuns::windowMs(*finest));
    }
    const QList<ServerRun> runs = m_store.runs(m_now - window);
    const qint64 firstRunMs = m_store.firstRunStartedAt().value_or(m_now);

    HealthReport report;
    report.repositories = repositories;
    for (const CopyTarget& copy : settings.backupCopies)
        report.copies.append(copyHealth(projectId, copy));
    for (const Environment& e : environments)
        report.environments.append(
            environmentHealth(projectId, e, settings, repositories, report.copies, runs, firstRunMs));
    return report;
}

EnvironmentHealth HealthReporter::environmentHealth(const QString& projectId, const Environment& environment,
    const ProjectSettings& settings, const QList<RepositoryStatus>& repositories, const QList<CopyHealth>& copies,
    const QList<ServerRun>& runs, qint64 firstRunMs)
{
    EnvironmentHealth health;
    health.environment = environment.id;
    const RetentionPolicy policy = settings.policyFor(environment.type);
    const auto finest = RetentionPlanner::finestInterval(policy);
    const QList<BackupRecord> backups = m_store.backups(projectId, environment.id); // newest first
    const Freshness freshness = Freshness::of(backups, settings.health.maxAgeHoursFor(environment.type, policy));
    health.newestGoodBackupAtMs = freshness.newestGoodBackupAtMs;
    health.maxAgeHours = freshness.maxAgeHours;
    if (environment.status == Environment::Status::Inactive) {
        health.reasons.append(tr("inactive: no backups are taken while it is inactive"));
        return health;
    }

    QStringList critical;
    QStringList warning;

    // 1. Freshness against the target.
    if (freshness.stale(m_now)) {
        if (freshness.newestGoodBackupAtMs)
            critical.append(tr("newest good backup is %1 old, target %2")
                                .arg(HealthText::age(m_now - *freshness.newestGoodBackupAtMs),
                                    HealthText::hours(*freshness.maxAgeHours)));
        else
            critical.append(tr("no good backup yet, target %1").arg(HealthText::hours(*freshness.maxAgeHours)));
    }

    // 2. The last backup: failed, with nothing newer that succeeded? (Cancelled ones say nothing either way.)
    ActivityQuery query;
    query.environmentId = environment.id;
    query.types = {kBackupType};
    query.count = kActivityLimit;
    const QList<ActivityRecord> activities = m_store.activities(projectId, query); // newest first
    bool automatedOnItsWay = false;
    QList<qint64> automatedStarts;
    std::optional<qint64> firstAutomatedMs;
    std::optional<ActivityRecord> lastEnded;
    for (const ActivityRecord& a : activities) {
        const bool automated = a.activity.payload.value(QStringLiteral("automated")).toBool();
        if (!lastEnded && a.activity.state == Activity::State::Complete)
            lastEnded = a;
        if (automated) {
            automatedStarts.append(a.activity.createdAtMs);
            firstAutomatedMs = a.activity.createdAtMs;
            automatedOnItsWay = automatedOnItsWay || !a.activity.isFinished();
        }
    }
    for (const BackupRecord& r : backups) {
        // Automated backups without their activity (imported from a copy) were runs too.
        if (r.backup.automated) {
            automatedStarts.append(r.backup.createdAtMs);
            firstAutomatedMs = std::min(firstAutomatedMs.value_or(r.backup.createdAtMs), r.backup.createdAtMs);
        }
    }
    if (lastEnded && lastEnded->activity.result == Activity::Result::Failure) {
        const Activity& a = lastEnded->activity;
        health.lastFailure = HealthFailure {a.id, a.completedAtMs.value_or(a.createdAtMs), a.text};
        critical.append(tr("last backup failed: %1").arg(oneLine(a.text)));
    }

    // 3. The schedule: runs missed in the recent window, and the next one.
    const bool scheduling = !m_heartbeat || m_heartbeat->schedulerRunning();
    if (!finest) {
        if (!freshness.maxAgeHours)
            warning.append(tr("no automated backups: %1 has no schedule").arg(environment.id));
    } else {
        // Buckets count from when they can be judged: after tidemarkd began to record its runs, and after the
        // environment's first scheduled run (before it the environment or its schedule may not have existed).
        qint64 from = std::max(m_now - MissedRuns::windowMs(*finest), firstRunMs);
        from = firstAutomatedMs ? std::max(from, *firstAutomatedMs) : m_now;
        const MissedRuns missed = MissedRuns::find(*finest, from, m_now, automatedStarts, runs);
        health.missedRuns = missed.total();
        if (missed.whileDown > 0)
            warning.append(tr("%n scheduled backup(s) missed: tidemarkd was not running", "", missed.whileDown));
        if (missed.withoutScheduler > 0)
            warning.append(tr("%n scheduled backup(s) missed: tidemarkd ran without its scheduler (--no-scheduler)", "",
                missed.withoutScheduler));
        if (missed.otherwise > 0)
            warning.append(tr("%n scheduled backup(s) missed", "", missed.otherwise));
        if (!scheduling) {
            warning.append(tr("no automated backups: tidemarkd runs without its scheduler (--no-scheduler)"));
        } else if (environment.status == Environment::Status::Active) {
            // As the scheduler decides: the bucket going on is done when it holds an automated backup or one is on
            // its way; otherwise the next tick takes it.
            const qint64 current = RetentionPlanner::bucketKey(Timestamp::floorDiv(m_now, 1000), *finest);
            bool covered = automatedOnItsWay;
            for (const BackupRecord& r : backups) {
                if (r.backup.automated && r.backup.status == Backup::Status::Created) {
                    covered = covered
                        || RetentionPlanner::bucketKey(Timestamp::floorDiv(r.backup.createdAtMs, 1000), *finest)
                            >= current;
                    break; // the newest automated backup
                }
            }
            health.nextRunAtMs = covered ? RetentionPlanner::bucketStart(current + 1, *finest) * 1000 : m_now;
        }
    }

    // 4. Copies of the newest backup: failed, or not there while the copy's last run (after the backup) failed
    // before it tried any backup (an unreachable target).
    const auto newest = std::find_if(backups.begin(), backups.end(),
        [](const BackupRecord& r) { return r.backup.status == Backup::Status::Created; });
    if (newest != backups.end()) {
        for (const BackupCopy& copy : m_engine.copiesOf(*newest)) {
            const auto target = std::find_if(
                copies.begin(), copies.end(), [&copy](const CopyHealth& c) { return c.name == copy.name; });
            if (copy.status == BackupCopy::Status::Failed) {
                warning.append(tr("copy %1 failed: %2").arg(copy.name, oneLine(copy.error)));
            } else if (copy.status == BackupCopy::Status::Pending && target != copies.end()
                && target->lastResult == QLatin1String("failure") && target->lastRunAtMs
                && *target->lastRunAtMs >= newest->backup.createdAtMs) {
                warning.append(tr("copy %1 failed: %2").arg(copy.name, oneLine(target->lastText)));
            }
        }
    }

    // 5. Verification of the repositories that hold the environment's backups.
    if (newest != backups.end()) {
        for (const RepositoryStatus& repository : repositories) {
            if (repository.lastVerifyResult == QLatin1String("failure"))
                warning.append(
                    tr("verification of %1 failed: %2").arg(repository.name, oneLine(repository.lastVerifyText)));
            if (repository.name != kPrimary)
                continue; // copies are verified on request only
            const qint64 every = settings.verify.every.nominalSeconds() * 1000;
            if (repository.lastVerifiedAtMs) {
                if (m_now - *repository.lastVerifiedAtMs > 2 * every)
                    warning.append(
                        tr("not verified for %1").arg(HealthText::age(m_now - *repository.lastVerifiedAtMs)));
            } else if (m_now - backups.last().backup.createdAtMs > 2 * every) {
                warning.append(tr("never verified, though the oldest backup is %1 old")
                                   .arg(HealthText::age(m_now - backups.last().backup.createdAtMs)));
            }
        }
    }

    health.state = !critical.isEmpty() ? HealthState::Critical
        : !warning.isEmpty()           ? HealthState::Warning
                                       : HealthState::Ok;
    health.reasons = critical + warning;
    return health;
}

CopyHealth HealthReporter::copyHealth(const QString& projectId, const CopyTarget& copy)
{
    CopyHealth health;
    health.name = copy.name;
    health.when = CopyTarget::whenToString(copy.when);
    ActivityQuery query;
    query.types = {kCopyType};
    query.states = {QStringLiteral("complete")};
    query.count = 500;
    for (const ActivityRecord& a : m_store.activities(projectId, query)) {
        if (a.activity.payload.value(QStringLiteral("copy")).toString() != copy.name)
            continue;
        health.lastRunAtMs = a.activity.completedAtMs.value_or(a.activity.createdAtMs);
        health.lastResult
            = a.activity.result == Activity::Result::Success ? QStringLiteral("success") : QStringLiteral("failure");
        health.lastText = a.activity.text;
        break;
    }
    bool anyBackup = false;
    for (const Environment& e : m_store.environments(projectId)) {
        for (const BackupRecord& r : m_store.backups(projectId, e.id)) {
            if (r.backup.status != Backup::Status::Created)
                continue;
            anyBackup = true;
            for (const BackupCopy& c : m_engine.copiesOf(r)) {
                if (c.name != copy.name)
                    continue;
                if (c.status == BackupCopy::Status::Failed)
                    ++health.failedBackups;
                else if (c.status == BackupCopy::Status::Pending)
                    ++health.pendingBackups;
                else if (c.status == BackupCopy::Status::Copied && c.copiedAtMs)
                    health.lastCopiedAtMs = std::max(health.lastCopiedAtMs.value_or(0), *c.copiedAtMs);
            }
        }
    }
    if (health.lastResult == QLatin1String("failure"))
        health.reasons.append(tr("copy %1 failed: %2").arg(copy.name, oneLine(health.lastText)));
    else if (health.failedBackups > 0)
        health.reasons.append(tr("%n backup(s) could not be copied to %1", "", health.failedBackups).arg(copy.name));
    if (copy.when == CopyTarget::When::Daily && anyBackup && health.lastRunAtMs
        && m_now - *health.lastRunAtMs > 2 * 86400LL * 1000)
        health.reasons.append(
            tr("copy %1 has not run for %2").arg(copy.name, HealthText::age(m_now - *health.lastRunAtMs)));
    health.state = health.reasons.isEmpty() ? HealthState::Ok : HealthState::Warning;
    return health;
}
