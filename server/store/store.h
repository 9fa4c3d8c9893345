#pragma once

#include "domain/activity.h"
#include "domain/backup.h"
#include "domain/environment.h"
#include "domain/project.h"
#include "domain/projectsettings.h"
#include "domain/repositoryreport.h"

#include <functional>
#include <optional>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// A backup with what only the server knows about it.
struct BackupRecord
{
    QString projectId;
    Backup backup;
    QString snapshotId; // restic snapshot id
    // Where each part of the environment was when it was captured: {"code_path", "mounts": [{name, path}],
    // "services": [{name, path, staged}]}; a restore maps these to the target environment's parts.
    QJsonObject manifest;
};

struct ActivityRecord
{
    QString projectId;
    Activity activity;
};

struct ActivityLogLine
{
    int seq = 0;
    qint64 timestampMs = 0;
    QString message;
};

// Which activities Store::activities() lists: each list is "any of these", an empty one "all".
struct ActivityQuery
{
    QString environmentId; // empty: the whole project
    QStringList types;
    QStringList states;
    QStringList results; // "success", "failure"
    int count = 0; // 0: all
};

// What one verification of a repository found (a project.verify activity).
struct VerificationRecord
{
    QString activityId;
    QString projectId;
    QString repository; // "primary" or a copy's name
    qint64 atMs = 0;
    bool ok = false;
    QString text; // one paragraph: what was read, what failed (naming damaged packs and files)
    int readDataPercent = 0;
    QStringList damagedPacks;
};

// One run of tidemarkd as its heartbeat recorded it: from its start to the last beat (health tells the time it was
// not running from the time it ran without taking a scheduled backup).
struct ServerRun
{
    qint64 id = 0;
    qint64 startedAtMs = 0;
    qint64 lastSeenAtMs = 0;
    bool scheduler = true; // whether it took automated backups (not --no-scheduler)
};

// An alert on its way to one notification target (server/notify): kept until it is delivered or given up, so that
// a restart or a crash of tidemarkd does not lose it. `event` is the NotificationEvent as JSON (no secrets: the
// request is made again from the target's settings and secret file when it is sent).
struct OutboxEntry
{
    qint64 id = 0;
    QString projectId;
    QString target;
    QByteArray event;
    int attempts = 0;
    qint64 queuedAtMs = 0;
};

struct ApiToken
{
    QString name;
    QString role; // "admin" | "viewer"
    qint64 createdAtMs = 0;
};

// tidemarkd's metadata in SQLite (DATA_DIR/tidemark.db, WAL mode). The schema is versioned and migrated on
// open; every state change runs in one transaction. Used from the server's thread only.
class Store
{
public:
    static constexpr int kSchemaVersion = 4;

    Store();
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Opens (creating and migrating as needed) the database file. On failure returns false and error() says why.
    bool open(const QString& path);
    QString error() const { return m_error; }
    int schemaVersion();

    // Runs `work` in one transaction; commits when it returns true, rolls back otherwise.
    bool transaction(const std::function<bool()>& work);

    // Projects and settings
    QList<Project> projects();
    std::optional<Project> project(const QString& id);
    bool insertProject(const Project& project, const ProjectSettings& settings);
    ProjectSettings settings(const QString& projectId);
    bool saveSettings(const QString& projectId, const ProjectSettings& settings);

    // Environments (with their local descriptors)
    QList<Environment> environments(const QString& projectId);
    std::optional<Environment> environment(const QString& projectId, const QString& id);
    bool saveEnvironment(const QString& projectId, const Environment& environment); // insert or replace
    bool deleteEnvironment(const QString& projectId, const QString& id);

    // Backups, newest first
    QList<BackupRecord> backups(const QString& projectId, const QString& environmentId);
    std::optional<BackupRecord> backup(const QString& projectId, const QString& id);
    QList<BackupRecord> allBackups();
    bool saveBackup(const BackupRecord& record); // insert or replace
    bool deleteBackup(const QString& id);

    // Activities and their logs
    // Newest first.
    QList<ActivityRecord> activities(const QString& projectId, const ActivityQuery& query);
    std::optional<ActivityRecord> activity(const QString& projectId, const QString& id);
    QList<ActivityRecord> unfinishedActivities();
    bool saveActivity(const ActivityRecord& record); // insert or replace
    int appendLog(const QString& activityId, qint64 timestampMs, const QString& message); // returns seq, -1 on error
    QList<ActivityLogLine> log(const QString& activityId, int afterSeq = 0);

    // Verifications and the repository's size over time
    bool saveVerification(const VerificationRecord& record);
    std::optional<VerificationRecord> lastVerification(const QString& projectId, const QString& repository);
    bool addGrowthPoint(const QString& projectId, const QString& repository, const GrowthPoint& point);
    // Oldest first; the newest `limit` points.
    QList<GrowthPoint> growth(const QString& projectId, const QString& repository, int limit = 1000);

    // Where each backup stands on each copy target (rows only for copies that were tried)
    // `copySnapshotId`: the backup's snapshot in the copy repository (empty while it is not there).
    bool saveBackupCopy(const QString& backupId, const BackupCopy& copy, const QString& copySnapshotId = {});
    QString backupCopySnapshot(const QString& backupId, const QString& copyName);
    QList<BackupCopy> backupCopies(const QString& backupId);
    bool deleteBackupCopy(const QString& backupId, const QString& copyName);

    // tidemarkd's runs (server/health/heartbeat.h). startRun returns the new run's id, or -1 on an error.
    qint64 startRun(qint64 atMs, bool scheduler);
    bool touchRun(qint64 id, qint64 atMs);
    // The runs that were still going at or after `sinceMs`, oldest first.
    QList<ServerRun> runs(qint64 sinceMs);
    // Alerts waiting for delivery, oldest first. addOutbox returns the new entry's id, or -1 on an error.
    qint64 addOutbox(const OutboxEntry& entry);
    bool setOutboxAttempts(qint64 id, int attempts);
    bool deleteOutbox(qint64 id);
    QList<OutboxEntry> outbox();
    // When the first recorded run started (nullopt before any).
    std::optional<qint64> firstRunStartedAt();
    // Finished activities counted by project, type and result ("success", "failure", "cancelled").
    struct ActivityCount
    {
        QString projectId;
        QString type;
        QString result;
        qint64 count = 0;
    };
    QList<ActivityCount> activityCounts();

    // API tokens: only a SHA-256 hash of each token is stored.
    bool insertApiToken(const QString& token, const ApiToken& info);
    std::optional<ApiToken> apiToken(const QString& token);
    bool deleteApiTokensNamed(const QString& name);
    // Every token (without the secret, which is not stored), oldest first.
    QList<ApiToken> apiTokens();
    // Removes the tokens called `name`; how many there were, or -1 on a database error.
    int revokeApiTokensNamed(const QString& name);
    // Whether a token with this hash (hashToken()) still exists: revoked tokens stop working at once.
    bool apiTokenHashExists(const QString& hash);

    static QString hashToken(const QString& token);

private:
    bool exec(const QString& sql);
    bool migrate();
    bool fail(const QString& what, const QString& detail);

    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};
