#include "scheduler.h"

#include "domain/timestamp.h"
#include "engine.h"
#include "retention/retentionplanner.h"
#include "store/store.h"

#include <QDateTime>

Scheduler::Scheduler(Store& store, Engine& engine, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
}

void Scheduler::start(int intervalMs)
{
    tick();
    m_timer.start(intervalMs);
}

void Scheduler::stop()
{
    m_timer.stop();
}

int Scheduler::tick()
{
    emit ticked();
    int started = 0;
    const qint64 nowSeconds = Timestamp::floorDiv(m_engine.now(), 1000);
    for (const Project& project : m_store.projects()) {
        const ProjectSettings settings = m_store.settings(project.id);
        verifyIfDue(project.id, settings.verify); // not counted: tick() counts backups
        copyDailyIfDue(project.id, settings.backupCopies);
        for (const Environment& environment : m_store.environments(project.id)) {
            if (environment.status != Environment::Status::Active)
                continue;
            const auto finest = RetentionPlanner::finestInterval(settings.policyFor(environment.type));
            if (!finest)
                continue;
            const qint64 currentBucket = RetentionPlanner::bucketKey(nowSeconds, *finest);

            // Already taken in this bucket?
            bool covered = false;
            std::optional<qint64> newestBucket;
            for (const BackupRecord& r : m_store.backups(project.id, environment.id)) {
                if (!r.backup.automated || r.backup.status != Backup::Status::Created)
                    continue;
                newestBucket = RetentionPlanner::bucketKey(Timestamp::floorDiv(r.backup.createdAtMs, 1000), *finest);
                covered = *newestBucket >= currentBucket;
                break; // newest automated backup only
            }
            if (covered)
                continue;
            // Already on its way?
            ActivityQuery unfinished;
            unfinished.environmentId = environment.id;
            unfinished.types = {QStringLiteral("environment.backup")};
            unfinished.states = {QStringLiteral("pending"), QStringLiteral("in_progress")};
            for (const ActivityRecord& a : m_store.activities(project.id, unfinished))
                covered = covered || a.activity.payload.value(QStringLiteral("automated")).toBool();
            if (covered)
                continue;
            const Engine::Request request = m_engine.createBackup(
                project.id, environment.id, false, true, Actor::server(QStringLiteral("Automated schedule")));
            if (request.ok())
                ++started;
            else
                qWarning("tidemarkd: automated backup of %s/%s not started: %s", qPrintable(project.id),
                    qPrintable(environment.id), qPrintable(request.error));
            // Buckets between the newest automated backup and this one went without: missed runs, counted as the
            // health report counts them (an environment that never had an automated backup has missed nothing yet).
            const QString key = project.id + QLatin1Char('/') + environment.id;
            if (newestBucket && currentBucket - *newestBucket > 1 && m_missedToldFor.value(key) != currentBucket) {
                m_missedToldFor.insert(key, currentBucket);
                const qint64 fromMs = RetentionPlanner::bucketStart(*newestBucket + 1, *finest) * 1000;
                const MissedRuns missed = MissedRuns::find(*finest, fromMs, m_engine.now(), {}, m_store.runs(fromMs));
                if (missed.total() > 0)
                    emit runsMissed(project.id, environment.id, missed);
            }
        }
    }
    return started;
}

bool Scheduler::verifyIfDue(const QString& projectId, const VerifySettings& verify)
{
    if (m_engine.isVerifying(projectId))
        return false;
    // Due `every` after the last verification; before the first one, `every` after the oldest backup (nothing to
    // verify before there is a backup).
    std::optional<qint64> since;
    if (const auto last = m_store.lastVerification(projectId, QStringLiteral("primary"))) {
        since = last->atMs;
    } else {
        for (const Environment& environment : m_store.environments(projectId)) {
            const QList<BackupRecord> backups = m_store.backups(projectId, environment.id);
            if (!backups.isEmpty() && (!since || backups.last().backup.createdAtMs < *since))
                since = backups.last().backup.createdAtMs; // oldest: the list is newest first
        }
    }
    if (!since || *since + verify.every.nominalSeconds() * 1000 > m_engine.now())
        return false;
    const Engine::Request request = m_engine.verify(projectId, QStringLiteral("primary"), verify.readDataPercent,
        verify.testRestore, Actor::server(QStringLiteral("Verification schedule")));
    if (!request.ok())
        qWarning("tidemarkd: scheduled verification of %s not started: %s", qPrintable(projectId),
            qPrintable(request.error));
    return request.ok();
}

void Scheduler::copyDailyIfDue(const QString& projectId, const QList<CopyTarget>& copies)
{
    ActivityQuery query;
    query.types = {QStringLiteral("project.backup.copy")};
    query.count = 200;
    const QList<ActivityRecord> runs = m_store.activities(projectId, query); // newest first
    for (const CopyTarget& copy : copies) {
        if (copy.when != CopyTarget::When::Daily)
            continue;
        // Due a day after the last run that started for this copy (whatever its outcome: a failed run is retried
        // the next day, or after the next backup of a copy that runs after each backup).
        const auto last = std::find_if(runs.begin(), runs.end(), [&copy](const ActivityRecord& r) {
            return r.activity.payload.value(QStringLiteral("copy")).toString() == copy.name;
        });
        if (last != runs.end() && last->activity.createdAtMs + 86400LL * 1000 > m_engine.now())
            continue;
        // Nothing to copy before the first backup.
        bool anyBackup = false;
        for (const Environment& environment : m_store.environments(projectId))
            anyBackup = anyBackup || !m_store.backups(projectId, environment.id).isEmpty();
        if (!anyBackup)
            continue;
        const Engine::Request request
            = m_engine.copyBackups(projectId, copy.name, Actor::server(QStringLiteral("Daily copy")));
        if (!request.ok())
            qWarning("tidemarkd: daily copy of %s to %s not started: %s", qPrintable(projectId), qPrintable(copy.name),
                qPrintable(request.error));
    }
}
