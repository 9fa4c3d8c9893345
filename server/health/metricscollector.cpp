#include "metricscollector.h"

#include "domain/timestamp.h"
#include "engine/engine.h"
#include "healthreporter.h"
#include "heartbeat.h"
#include "prometheustext.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>

namespace {

const QString kBuildInfo = QStringLiteral("tidemark_build_info");
const QString kStartTime = QStringLiteral("tidemark_server_start_time_seconds");
const QString kEnvState = QStringLiteral("tidemark_environment_health_state");
const QString kEnvNewest = QStringLiteral("tidemark_environment_newest_good_backup_timestamp_seconds");
const QString kEnvMaxAge = QStringLiteral("tidemark_environment_max_age_seconds");
const QString kEnvMissed = QStringLiteral("tidemark_environment_missed_runs");
const QString kEnvBackups = QStringLiteral("tidemark_environment_backups");
const QString kEnvDuration = QStringLiteral("tidemark_environment_last_backup_duration_seconds");
const QString kEnvPause = QStringLiteral("tidemark_environment_last_backup_pause_seconds");
const QString kEnvSize = QStringLiteral("tidemark_environment_last_backup_size_bytes");
const QString kEnvAdded = QStringLiteral("tidemark_environment_last_backup_added_bytes");
const QString kRepoSize = QStringLiteral("tidemark_repository_size_bytes");
const QString kRepoLogical = QStringLiteral("tidemark_repository_logical_bytes");
const QString kRepoSnapshots = QStringLiteral("tidemark_repository_snapshots");
const QString kRepoVerified = QStringLiteral("tidemark_repository_last_verification_timestamp_seconds");
const QString kRepoVerifyOk = QStringLiteral("tidemark_repository_last_verification_success");
const QString kCopyState = QStringLiteral("tidemark_copy_health_state");
const QString kCopyFailed = QStringLiteral("tidemark_copy_failed_backups");
const QString kCopyPending = QStringLiteral("tidemark_copy_pending_backups");
const QString kCopyLast = QStringLiteral("tidemark_copy_last_copied_timestamp_seconds");
const QString kActivities = QStringLiteral("tidemark_activities_total");

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// A point in time as the API shows it: whole seconds since the epoch.
double timestamp(qint64 ms)
{
    return double(Timestamp::floorDiv(ms, 1000));
}

} // namespace

MetricsCollector::MetricsCollector(
    Store& store, Engine& engine, const Heartbeat* heartbeat, RepositoriesOf repositories)
    : m_store(store)
    , m_engine(engine)
    , m_heartbeat(heartbeat)
    , m_repositories(std::move(repositories))
{ }

QByteArray MetricsCollector::collect()
{
    PrometheusText out;
    out.family(kBuildInfo, "gauge", QStringLiteral("The tidemarkd that answers, by version (always 1)."));
    out.family(kStartTime, "gauge", QStringLiteral("When this tidemarkd run started, in seconds since the epoch."));
    out.family(kEnvState, "gauge", QStringLiteral("Health of the environment: 0 ok, 1 warning, 2 critical."));
    out.family(kEnvNewest, "gauge",
        QStringLiteral("Creation time of the newest restorable backup, in seconds since the epoch."));
    out.family(kEnvMaxAge, "gauge",
        QStringLiteral("Freshness target: how old the newest good backup may be, in seconds (absent: none)."));
    out.family(kEnvMissed, "gauge", QStringLiteral("Scheduled backups missed in the recent window."));
    out.family(kEnvBackups, "gauge", QStringLiteral("Backups the environment has."));
    out.family(kEnvDuration, "gauge", QStringLiteral("Duration of the last successful backup activity, in seconds."));
    out.family(kEnvPause, "gauge",
        QStringLiteral("How long the newest backup paused the environment, in seconds (0 for a live backup)."));
    out.family(kEnvSize, "gauge", QStringLiteral("Bytes the newest backup captured (size_of_volumes)."));
    out.family(kEnvAdded, "gauge", QStringLiteral("Bytes the newest backup added to the repository (size_used)."));
    out.family(kRepoSize, "gauge", QStringLiteral("Bytes the repository stores (compressed, deduplicated)."));
    out.family(kRepoLogical, "gauge", QStringLiteral("Bytes its backups hold, each counted in full."));
    out.family(kRepoSnapshots, "gauge", QStringLiteral("Backups in the repository."));
    out.family(kRepoVerified, "gauge", QStringLiteral("Time of the last verification, in seconds since the epoch."));
    out.family(kRepoVerifyOk, "gauge", QStringLiteral("Whether the last verification succeeded (1) or failed (0)."));
    out.family(kCopyState, "gauge", QStringLiteral("Health of the copy target: 0 ok, 1 warning."));
    out.family(kCopyFailed, "gauge", QStringLiteral("Backups whose copy to the target failed."));
    out.family(kCopyPending, "gauge", QStringLiteral("Backups not copied to the target yet."));
    out.family(kCopyLast, "gauge",
        QStringLiteral("Newest time a backup arrived on the copy target, in seconds since the epoch."));
    out.family(kActivities, "counter", QStringLiteral("Finished activities by type and result."));

    out.sample(kBuildInfo, {{QStringLiteral("version"), QStringLiteral(TIDEMARK_VERSION)}}, 1);
    if (m_heartbeat)
        out.sample(kStartTime, {}, timestamp(m_heartbeat->runStartedAtMs()));

    HealthReporter reporter(m_store, m_engine, m_heartbeat);
    for (const Project& project : m_store.projects()) {
        const QList<RepositoryStatus> repositories = m_repositories(project.id);
        const HealthReport report = reporter.report(project.id, repositories);
        const QString& p = project.id;
        for (const Environment& environment : m_store.environments(p)) {
            const PrometheusText::Labels labels {{QStringLiteral("project"), p},
                {QStringLiteral("environment"), environment.id},
                {QStringLiteral("type"), EnvironmentTypes::toString(environment.type)}};
            const auto health = std::find_if(report.environments.begin(), report.environments.end(),
                [&environment](const EnvironmentHealth& h) { return h.environment == environment.id; });
            if (health != report.environments.end()) {
                out.sample(kEnvState, labels, int(health->state));
                if (health->newestGoodBackupAtMs)
                    out.sample(kEnvNewest, labels, timestamp(*health->newestGoodBackupAtMs));
                if (health->maxAgeHours)
                    out.sample(kEnvMaxAge, labels, std::round(*health->maxAgeHours * 3600.0));
                out.sample(kEnvMissed, labels, health->missedRuns);
            }
            const QList<BackupRecord> backups = m_store.backups(p, environment.id); // newest first
            int created = 0;
            for (const BackupRecord& r : backups)
                created += r.backup.status == Backup::Status::Created ? 1 : 0;
            out.sample(kEnvBackups, labels, created);
            const auto newest = std::find_if(backups.begin(), backups.end(),
                [](const BackupRecord& r) { return r.backup.status == Backup::Status::Created; });
            if (newest != backups.end()) {
                bool known = false;
                const qint64 pauseMs = newest->backup.attributes.value(QStringLiteral("pause_ms")).toLongLong(&known);
                out.sample(kEnvPause, labels, known ? seconds(pauseMs) : 0.0);
                if (newest->backup.sizeOfVolumes)
                    out.sample(kEnvSize, labels, double(*newest->backup.sizeOfVolumes));
                if (newest->backup.sizeUsed)
                    out.sample(kEnvAdded, labels, double(*newest->backup.sizeUsed));
            }
            ActivityQuery query;
            query.environmentId = environment.id;
            query.types = {QStringLiteral("environment.backup")};
            query.results = {QStringLiteral("success")};
            query.count = 1;
            const QList<ActivityRecord> last = m_store.activities(p, query);
            if (!last.isEmpty() && last.first().activity.startedAtMs && last.first().activity.completedAtMs)
                out.sample(kEnvDuration, labels,
                    seconds(*last.first().activity.completedAtMs - *last.first().activity.startedAtMs));
        }
        for (const RepositoryStatus& r : repositories) {
            const PrometheusText::Labels labels {
                {QStringLiteral("project"), p}, {QStringLiteral("repository"), r.name}};
            if (r.sizeBytes)
                out.sample(kRepoSize, labels, double(*r.sizeBytes));
            if (r.logicalBytes)
                out.sample(kRepoLogical, labels, double(*r.logicalBytes));
            out.sample(kRepoSnapshots, labels, r.snapshots);
            if (r.lastVerifiedAtMs) {
                out.sample(kRepoVerified, labels, timestamp(*r.lastVerifiedAtMs));
                out.sample(kRepoVerifyOk, labels, r.lastVerifyResult == QLatin1String("success") ? 1 : 0);
            }
        }
        for (const CopyHealth& c : report.copies) {
            const PrometheusText::Labels labels {{QStringLiteral("project"), p}, {QStringLiteral("copy"), c.name}};
            out.sample(kCopyState, labels, int(c.state));
            out.sample(kCopyFailed, labels, c.failedBackups);
            out.sample(kCopyPending, labels, c.pendingBackups);
            if (c.lastCopiedAtMs)
                out.sample(kCopyLast, labels, timestamp(*c.lastCopiedAtMs));
        }
    }
    for (const Store::ActivityCount& count : m_store.activityCounts()) {
        out.sample(kActivities,
            {{QStringLiteral("project"), count.projectId}, {QStringLiteral("type"), count.type},
                {QStringLiteral("result"), count.result}},
            double(count.count));
    }
    return out.text();
}
