#include "store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

QString toJsonText(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString toJsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant optionalValue(const std::optional<qint64>& v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> optionalInt(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

QJsonObject attributesToJson(const QHash<QString, QString>& attributes)
{
    QJsonObject o;
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QHash<QString, QString> attributesFromJson(const QJsonObject& o)
{
    QHash<QString, QString> attributes;
    for (auto it = o.begin(); it != o.end(); ++it)
        attributes.insert(it.key(), it.value().toString());
    return attributes;
}

const char* const kMigrations[] = {
    // version 1
    R"(CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        timezone TEXT NOT NULL,
        settings TEXT NOT NULL)
    ;CREATE TABLE environments (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL,
        parent TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        local TEXT,
        PRIMARY KEY (project_id, id))
    ;CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        environment_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        automated INTEGER NOT NULL,
        safe INTEGER NOT NULL,
        restorable INTEGER NOT NULL,
        commit_id TEXT NOT NULL,
        expires_at INTEGER,
        idx INTEGER,
        size_of_volumes INTEGER,
        size_used INTEGER,
        attributes TEXT NOT NULL,
        snapshot_id TEXT NOT NULL,
        manifest TEXT NOT NULL)
    ;CREATE INDEX backups_by_environment ON backups (project_id, environment_id, created_at)
    ;CREATE TABLE activities (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        state TEXT NOT NULL,
        result TEXT,
        completion_percent INTEGER NOT NULL,
        environments TEXT NOT NULL,
        payload TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        started_at INTEGER,
        completed_at INTEGER,
        cancelled_at INTEGER)
    ;CREATE INDEX activities_by_project ON activities (project_id, created_at)
    ;CREATE TABLE activity_log (
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        timestamp INTEGER NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (activity_id, seq))
    ;CREATE TABLE api_tokens (
        hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL))",
    // version 2: verifications and the repositories' growth
    R"(CREATE TABLE verifications (
        activity_id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        repository TEXT NOT NULL,
        at INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        text TEXT NOT NULL,
        read_data_percent INTEGER NOT NULL,
        damaged_packs TEXT NOT NULL)
    ;CREATE INDEX verifications_by_repository ON verifications (project_id, repository, at)
    ;CREATE TABLE repository_growth (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        repository TEXT NOT NULL,
        at INTEGER NOT NULL,
        size_bytes INTEGER NOT NULL)
    ;CREATE INDEX growth_by_repository ON repository_growth (project_id, repository, at)
    ;CREATE TABLE backup_copies (
        backup_id TEXT NOT NULL,
        copy_name TEXT NOT NULL,
        status TEXT NOT NULL,
        copied_at INTEGER,
        error TEXT NOT NULL,
        copy_snapshot_id TEXT NOT NULL,
        PRIMARY KEY (backup_id, copy_name)))",
    // version 3: tidemarkd's runs, from its start to its last heartbeat (health: missed runs while it was down)
    R"(CREATE TABLE server_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        scheduler INTEGER NOT NULL)
    ;CREATE INDEX server_runs_by_last_seen ON server_runs (last_seen_at))",
    // version 4: alerts not yet delivered (server/notify), so that a restart does not lose them
    R"(CREATE TABLE notification_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        event TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        queued_at INTEGER NOT NULL))",
};

} // namespace

Store::Store()
    : m_connection(QStringLiteral("tidemark-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Store::~Store()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

namespace {

// For TEXT NOT NULL columns: a null QString binds as SQL NULL, which they refuse; it means "".
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

bool Store::fail(const QString& what, const QString& detail)
{
    m_error = what + QLatin1String(": ") + detail;
    return false;
}

bool Store::exec(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

bool Store::open(const QString& path)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fail(QStringLiteral("cannot open the database"), m_db.lastError().text());
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA foreign_keys=ON"))
        || !exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return false;
    return migrate();
}

int Store::schemaVersion()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Store::migrate()
{
    const int current = schemaVersion();
    if (current < 0)
        return fail(QStringLiteral("database"), QStringLiteral("cannot read the schema version"));
    if (current > kSchemaVersion) {
        return fail(QStringLiteral("database"),
            QStringLiteral("schema version %1 is newer than this tidemarkd understands (%2)")
                .arg(current)
                .arg(kSchemaVersion));
    }
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        const bool ok = transaction([&] {
            const QStringList statements = QString::fromUtf8(kMigrations[version - 1]).split(QLatin1Char(';'));
            for (const QString& statement : statements) {
                if (!statement.trimmed().isEmpty() && !exec(statement))
                    return false;
            }
            return exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
        });
        if (!ok)
            return false;
    }
    return true;
}

bool Store::transaction(const std::function<bool()>& work)
{
    if (!m_db.transaction())
        return fail(QStringLiteral("database"), m_db.lastError().text());
    if (!work()) {
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        const QString error = m_db.lastError().text();
        m_db.rollback();
        return fail(QStringLiteral("database"), error);
    }
    return true;
}

// --- projects and settings ---

QList<Project> Store::projects()
{
    QList<Project> out;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT id, title, timezone FROM projects ORDER BY id"));
    while (q.next())
        out.append(Project {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}});
    return out;
}

std::optional<Project> Store::project(const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, title, timezone FROM projects WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return Project {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}};
    return std::nullopt;
}

bool Store::insertProject(const Project& project, const ProjectSettings& settings)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO projects (id, title, timezone, settings) VALUES (?, ?, ?, ?)"));
    q.addBindValue(project.id);
    q.addBindValue(notNull(project.title));
    q.addBindValue(project.timezone);
    q.addBindValue(toJsonText(settings.toJson()));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

ProjectSettings Store::settings(const QString& projectId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT settings FROM projects WHERE id = ?"));
    q.addBindValue(projectId);
    if (q.exec() && q.next()) {
        const auto decoded = ProjectSettings::fromJson(fromJsonText(q.value(0).toString()));
        if (decoded.ok())
            return *decoded.value;
    }
    return *ProjectSettings::fromJson(QJsonObject()).value;
}

bool Store::saveSettings(const QString& projectId, const ProjectSettings& settings)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE projects SET settings = ? WHERE id = ?"));
    q.addBindValue(toJsonText(settings.toJson()));
    q.addBindValue(projectId);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

// --- environments ---

namespace {
const QString kEnvironmentColumns = QStringLiteral("id, title, type, status, parent, created_at, updated_at, local");

Environment environmentFromQuery(const QSqlQuery& q)
{
    Environment e;
    e.id = q.value(0).toString();
    e.name = e.id;
    e.machineName = e.id;
    e.title = q.value(1).toString();
    e.type = EnvironmentTypes::fromString(q.value(2).toString()).value_or(EnvironmentType::Development);
    e.status = Environment::statusFromString(q.value(3).toString()).value_or(Environment::Status::Inactive);
    if (!q.value(4).isNull())
        e.parent = q.value(4).toString();
    e.createdAtMs = q.value(5).toLongLong();
    e.updatedAtMs = q.value(6).toLongLong();
    if (!q.value(7).isNull()) {
        const auto local = LocalDescriptor::fromJson(fromJsonText(q.value(7).toString()));
        if (local.ok())
            e.local = *local.value;
    }
    return e;
}
} // namespace

QList<Environment> Store::environments(const QString& projectId)
{
    QList<Environment> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kEnvironmentColumns
        + QStringLiteral(" FROM environments WHERE project_id = ? ORDER BY id"));
    q.addBindValue(projectId);
    if (q.exec()) {
        while (q.next())
            out.append(environmentFromQuery(q));
    }
    return out;
}

std::optional<Environment> Store::environment(const QString& projectId, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kEnvironmentColumns
        + QStringLiteral(" FROM environments WHERE project_id = ? AND id = ?"));
    q.addBindValue(projectId);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return environmentFromQuery(q);
    return std::nullopt;
}

bool Store::saveEnvironment(const QString& projectId, const Environment& e)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO environments (project_id, ") + kEnvironmentColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(projectId);
    q.addBindValue(e.id);
    q.addBindValue(notNull(e.title));
    q.addBindValue(EnvironmentTypes::toString(e.type));
    q.addBindValue(Environment::statusToString(e.status));
    q.addBindValue(e.parent ? QVariant(*e.parent) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(e.createdAtMs);
    q.addBindValue(e.updatedAtMs);
    q.addBindValue(e.local ? QVariant(toJsonText(e.local->toJson())) : QVariant(QMetaType::fromType<QString>()));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

bool Store::deleteEnvironment(const QString& projectId, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM environments WHERE project_id = ? AND id = ?"));
    q.addBindValue(projectId);
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

// --- backups ---

namespace {
const QString kBackupColumns = QStringLiteral(
    "id, project_id, environment_id, created_at, updated_at, status, automated, safe, restorable, commit_id, "
    "expires_at, idx, size_of_volumes, size_used, attributes, snapshot_id, manifest");

BackupRecord backupFromQuery(const QSqlQuery& q)
{
    BackupRecord r;
    Backup& b = r.backup;
    b.id = q.value(0).toString();
    r.projectId = q.value(1).toString();
    b.environment = q.value(2).toString();
    b.createdAtMs = q.value(3).toLongLong();
    b.updatedAtMs = q.value(4).toLongLong();
    b.status = Backup::statusFromString(q.value(5).toString()).value_or(Backup::Status::Created);
    b.automated = q.value(6).toBool();
    b.safe = q.value(7).toBool();
    b.restorable = q.value(8).toBool();
    b.commitId = q.value(9).toString();
    b.expiresAtMs = optionalInt(q.value(10));
    if (!q.value(11).isNull())
        b.index = q.value(11).toInt();
    b.sizeOfVolumes = optionalInt(q.value(12));
    b.sizeUsed = optionalInt(q.value(13));
    b.attributes = attributesFromJson(fromJsonText(q.value(14).toString()));
    r.snapshotId = q.value(15).toString();
    r.manifest = fromJsonText(q.value(16).toString());
    return r;
}

QList<BackupRecord> backupsFrom(QSqlQuery& q)
{
    QList<BackupRecord> out;
    if (q.exec()) {
        while (q.next())
            out.append(backupFromQuery(q));
    }
    return out;
}
} // namespace

QList<BackupRecord> Store::backups(const QString& projectId, const QString& environmentId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kBackupColumns
        + QStringLiteral(
            " FROM backups WHERE project_id = ? AND environment_id = ? ORDER BY created_at DESC, id DESC"));
    q.addBindValue(projectId);
    q.addBindValue(environmentId);
    return backupsFrom(q);
}

std::optional<BackupRecord> Store::backup(const QString& projectId, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT ") + kBackupColumns + QStringLiteral(" FROM backups WHERE project_id = ? AND id = ?"));
    q.addBindValue(projectId);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return backupFromQuery(q);
    return std::nullopt;
}

QList<BackupRecord> Store::allBackups()
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT ") + kBackupColumns + QStringLiteral(" FROM backups ORDER BY created_at DESC, id DESC"));
    return backupsFrom(q);
}

bool Store::saveBackup(const BackupRecord& r)
{
    const Backup& b = r.backup;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO backups (") + kBackupColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(b.id);
    q.addBindValue(r.projectId);
    q.addBindValue(b.environment);
    q.addBindValue(b.createdAtMs);
    q.addBindValue(b.updatedAtMs);
    q.addBindValue(Backup::statusToString(b.status));
    q.addBindValue(b.automated);
    q.addBindValue(b.safe);
    q.addBindValue(b.restorable);
    q.addBindValue(notNull(b.commitId));
    q.addBindValue(optionalValue(b.expiresAtMs));
    q.addBindValue(b.index ? QVariant(*b.index) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(optionalValue(b.sizeOfVolumes));
    q.addBindValue(optionalValue(b.sizeUsed));
    q.addBindValue(toJsonText(attributesToJson(b.attributes)));
    q.addBindValue(r.snapshotId);
    q.addBindValue(toJsonText(r.manifest));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

bool Store::deleteBackup(const QString& id)
{
    return transaction([&] {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM backups WHERE id = ?"));
        q.addBindValue(id);
        QSqlQuery copies(m_db);
        copies.prepare(QStringLiteral("DELETE FROM backup_copies WHERE backup_id = ?"));
        copies.addBindValue(id);
        if (!q.exec() || !copies.exec())
            return fail(QStringLiteral("database"), q.lastError().text() + copies.lastError().text());
        return true;
    });
}

// --- activities ---

namespace {
const QString kActivityColumns = QStringLiteral(
    "id, project_id, type, state, result, completion_percent, environments, payload, text, created_at, started_at, "
    "completed_at, cancelled_at");

ActivityRecord activityFromQuery(const QSqlQuery& q)
{
    ActivityRecord r;
    Activity& a = r.activity;
    a.id = q.value(0).toString();
    r.projectId = q.value(1).toString();
    a.type = q.value(2).toString();
    a.state = Activity::stateFromString(q.value(3).toString()).value_or(Activity::State::Pending);
    if (!q.value(4).isNull())
        a.result = Activity::resultFromString(q.value(4).toString());
    a.completionPercent = q.value(5).toInt();
    const QJsonArray envs = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
    for (const QJsonValue& v : envs)
        a.environments.append(v.toString());
    a.payload = fromJsonText(q.value(7).toString());
    a.text = q.value(8).toString();
    a.createdAtMs = q.value(9).toLongLong();
    a.startedAtMs = optionalInt(q.value(10));
    a.completedAtMs = optionalInt(q.value(11));
    a.cancelledAtMs = optionalInt(q.value(12));
    return r;
}
} // namespace

QList<ActivityRecord> Store::activities(const QString& projectId, const ActivityQuery& query)
{
    QString sql
        = QStringLiteral("SELECT ") + kActivityColumns + QStringLiteral(" FROM activities WHERE project_id = ?");
    QVariantList binds {projectId};
    if (!query.environmentId.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM json_each(environments) WHERE json_each.value = ?)");
        binds.append(query.environmentId);
    }
    const auto anyOf = [&sql, &binds](const char* column, const QStringList& values) {
        if (values.isEmpty())
            return;
        QStringList marks;
        for (const QString& v : values) {
            marks.append(QStringLiteral("?"));
            binds.append(v);
        }
        sql += QStringLiteral(" AND ") + QLatin1String(column) + QStringLiteral(" IN (") + marks.join(QLatin1Char(','))
            + QLatin1Char(')');
    };
    anyOf("type", query.types);
    anyOf("state", query.states);
    anyOf("result", query.results);
    sql += QStringLiteral(" ORDER BY created_at DESC, rowid DESC LIMIT ?");
    binds.append(query.count > 0 ? query.count : -1);
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    QList<ActivityRecord> out;
    if (q.exec()) {
        while (q.next())
            out.append(activityFromQuery(q));
    }
    return out;
}

std::optional<ActivityRecord> Store::activity(const QString& projectId, const QString& id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kActivityColumns
        + QStringLiteral(" FROM activities WHERE project_id = ? AND id = ?"));
    q.addBindValue(projectId);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    ActivityRecord r = activityFromQuery(q);
    QStringList lines;
    for (const ActivityLogLine& line : log(id))
        lines.append(line.message);
    r.activity.log = lines.join(QLatin1Char('\n'));
    return r;
}

QList<ActivityRecord> Store::unfinishedActivities()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT ") + kActivityColumns
        + QStringLiteral(" FROM activities WHERE state IN ('pending', 'in_progress') ORDER BY created_at"));
    QList<ActivityRecord> out;
    if (q.exec()) {
        while (q.next())
            out.append(activityFromQuery(q));
    }
    return out;
}

bool Store::saveActivity(const ActivityRecord& r)
{
    const Activity& a = r.activity;
    QSqlQuery q(m_db);
    // An upsert, not INSERT OR REPLACE: a replace deletes the row first, and with it (ON DELETE CASCADE) the log.
    q.prepare(QStringLiteral("INSERT INTO activities (") + kActivityColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                         "type = excluded.type, state = excluded.state, result = excluded.result, "
                         "completion_percent = excluded.completion_percent, environments = excluded.environments, "
                         "payload = excluded.payload, text = excluded.text, started_at = excluded.started_at, "
                         "completed_at = excluded.completed_at, cancelled_at = excluded.cancelled_at"));
    q.addBindValue(a.id);
    q.addBindValue(r.projectId);
    q.addBindValue(a.type);
    q.addBindValue(Activity::stateToString(a.state));
    q.addBindValue(a.result ? QVariant(Activity::resultToString(*a.result)) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(a.completionPercent);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(a.environments)).toJson(QJsonDocument::Compact)));
    q.addBindValue(toJsonText(a.payload));
    q.addBindValue(notNull(a.text));
    q.addBindValue(a.createdAtMs);
    q.addBindValue(optionalValue(a.startedAtMs));
    q.addBindValue(optionalValue(a.completedAtMs));
    q.addBindValue(optionalValue(a.cancelledAtMs));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

int Store::appendLog(const QString& activityId, qint64 timestampMs, const QString& message)
{
    QSqlQuery next(m_db);
    next.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM activity_log WHERE activity_id = ?"));
    next.addBindValue(activityId);
    if (!next.exec() || !next.next()) {
        fail(QStringLiteral("database"), next.lastError().text());
        return -1;
    }
    const int seq = next.value(0).toInt();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO activity_log (activity_id, seq, timestamp, message) VALUES (?, ?, ?, ?)"));
    q.addBindValue(activityId);
    q.addBindValue(seq);
    q.addBindValue(timestampMs);
    q.addBindValue(notNull(message));
    if (!q.exec()) {
        fail(QStringLiteral("database"), q.lastError().text());
        qWarning("tidemarkd: cannot append to the activity log: %s", qPrintable(q.lastError().text()));
        return -1;
    }
    return seq;
}

QList<ActivityLogLine> Store::log(const QString& activityId, int afterSeq)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT seq, timestamp, message FROM activity_log WHERE activity_id = ? AND seq > ? ORDER BY seq"));
    q.addBindValue(activityId);
    q.addBindValue(afterSeq);
    QList<ActivityLogLine> out;
    if (q.exec()) {
        while (q.next())
            out.append(ActivityLogLine {q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toString()});
    }
    return out;
}

// --- tokens ---

QString Store::hashToken(const QString& token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool Store::insertApiToken(const QString& token, const ApiToken& info)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO api_tokens (hash, name, role, created_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(hashToken(token));
    q.addBindValue(info.name);
    q.addBindValue(info.role);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

std::optional<ApiToken> Store::apiToken(const QString& token)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, role, created_at FROM api_tokens WHERE hash = ?"));
    q.addBindValue(hashToken(token));
    if (q.exec() && q.next())
        return ApiToken {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return std::nullopt;
}

QList<ApiToken> Store::apiTokens()
{
    QList<ApiToken> out;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT name, role, created_at FROM api_tokens ORDER BY created_at, name"))) {
        while (q.next())
            out.append(ApiToken {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    }
    return out;
}

int Store::revokeApiTokensNamed(const QString& name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM api_tokens WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        fail(QStringLiteral("database"), q.lastError().text());
        return -1;
    }
    return q.numRowsAffected();
}

bool Store::apiTokenHashExists(const QString& hash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM api_tokens WHERE hash = ?"));
    q.addBindValue(hash);
    return q.exec() && q.next();
}

bool Store::deleteApiTokensNamed(const QString& name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM api_tokens WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

// --- verifications and growth ---

bool Store::saveVerification(const VerificationRecord& record)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO verifications (activity_id, project_id, repository, at, ok, text, "
                             "read_data_percent, damaged_packs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(record.activityId);
    q.addBindValue(record.projectId);
    q.addBindValue(record.repository);
    q.addBindValue(record.atMs);
    q.addBindValue(record.ok ? 1 : 0);
    q.addBindValue(notNull(record.text));
    q.addBindValue(record.readDataPercent);
    q.addBindValue(toJsonText(QJsonArray::fromStringList(record.damagedPacks)));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

std::optional<VerificationRecord> Store::lastVerification(const QString& projectId, const QString& repository)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT activity_id, at, ok, text, read_data_percent, damaged_packs FROM verifications "
                             "WHERE project_id = ? AND repository = ? ORDER BY at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(projectId);
    q.addBindValue(repository);
    if (!q.exec() || !q.next())
        return std::nullopt;
    VerificationRecord r;
    r.activityId = q.value(0).toString();
    r.projectId = projectId;
    r.repository = repository;
    r.atMs = q.value(1).toLongLong();
    r.ok = q.value(2).toInt() != 0;
    r.text = q.value(3).toString();
    r.readDataPercent = q.value(4).toInt();
    for (const QJsonValue& pack : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
        r.damagedPacks.append(pack.toString());
    return r;
}

bool Store::addGrowthPoint(const QString& projectId, const QString& repository, const GrowthPoint& point)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO repository_growth (project_id, repository, at, size_bytes) VALUES (?, ?, ?, ?)"));
    q.addBindValue(projectId);
    q.addBindValue(repository);
    q.addBindValue(point.atMs);
    q.addBindValue(point.sizeBytes);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

QList<GrowthPoint> Store::growth(const QString& projectId, const QString& repository, int limit)
{
    QList<GrowthPoint> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at, size_bytes FROM (SELECT at, size_bytes, rowid FROM repository_growth "
                             "WHERE project_id = ? AND repository = ? ORDER BY at DESC, rowid DESC LIMIT ?) "
                             "ORDER BY at, rowid"));
    q.addBindValue(projectId);
    q.addBindValue(repository);
    q.addBindValue(limit);
    if (q.exec()) {
        while (q.next())
            out.append(GrowthPoint {q.value(0).toLongLong(), q.value(1).toLongLong()});
    }
    return out;
}

// --- copies of backups ---

bool Store::saveBackupCopy(const QString& backupId, const BackupCopy& copy, const QString& copySnapshotId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO backup_copies (backup_id, copy_name, status, copied_at, error, "
                             "copy_snapshot_id) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(backupId);
    q.addBindValue(copy.name);
    q.addBindValue(BackupCopy::statusToString(copy.status));
    q.addBindValue(optionalValue(copy.copiedAtMs));
    q.addBindValue(notNull(copy.error));
    q.addBindValue(notNull(copySnapshotId));
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

QString Store::backupCopySnapshot(const QString& backupId, const QString& copyName)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT copy_snapshot_id FROM backup_copies WHERE backup_id = ? AND copy_name = ?"));
    q.addBindValue(backupId);
    q.addBindValue(copyName);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return {};
}

QList<BackupCopy> Store::backupCopies(const QString& backupId)
{
    QList<BackupCopy> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT copy_name, status, copied_at, error FROM backup_copies WHERE backup_id = ? "
                             "ORDER BY copy_name"));
    q.addBindValue(backupId);
    if (q.exec()) {
        while (q.next()) {
            BackupCopy copy;
            copy.name = q.value(0).toString();
            copy.status = BackupCopy::statusFromString(q.value(1).toString()).value_or(BackupCopy::Status::Pending);
            copy.copiedAtMs = optionalInt(q.value(2));
            copy.error = q.value(3).toString();
            out.append(copy);
        }
    }
    return out;
}

bool Store::deleteBackupCopy(const QString& backupId, const QString& copyName)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM backup_copies WHERE backup_id = ? AND copy_name = ?"));
    q.addBindValue(backupId);
    q.addBindValue(copyName);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

// --- tidemarkd's runs and activity counts ---

qint64 Store::startRun(qint64 atMs, bool scheduler)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO server_runs (started_at, last_seen_at, scheduler) VALUES (?, ?, ?)"));
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    q.addBindValue(scheduler ? 1 : 0);
    if (!q.exec()) {
        fail(QStringLiteral("database"), q.lastError().text());
        return -1;
    }
    return q.lastInsertId().toLongLong();
}

bool Store::touchRun(qint64 id, qint64 atMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE server_runs SET last_seen_at = MAX(last_seen_at, ?) WHERE id = ?"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    if (!q.exec())
        return fail(QStringLiteral("database"), q.lastError().text());
    return true;
}

QList<ServerRun> Store::runs(qint64 sinceMs)
{
    QList<ServerRun> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, started_at, last_seen_at, scheduler FROM server_runs WHERE last_seen_at >= ? "
                             "ORDER BY started_at, id"));
    q.addBindValue(sinceMs);
    if (q.exec()) {
        while (q.next())
            out.append(ServerRun {
                q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toInt() != 0});
    }
    return out;
}

qint64 Store::addOutbox(const OutboxEntry& entry)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO notification_outbox (project_id, target, event, attempts, queued_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(entry.projectId);
    q.addBindValue(entry.target);
    q.addBindValue(QString::fromUtf8(entry.event));
    q.addBindValue(entry.attempts);
    q.addBindValue(entry.queuedAtMs);
    if (!q.exec()) {
        fail(QStringLiteral("database"), q.lastError().text());
        return -1;
    }
    return q.lastInsertId().toLongLong();
}

bool Store::setOutboxAttempts(qint64 id, int attempts)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE notification_outbox SET attempts = ? WHERE id = ?"));
    q.addBindValue(attempts);
    q.addBindValue(id);
    return q.exec() || fail(QStringLiteral("database"), q.lastError().text());
}

bool Store::deleteOutbox(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM notification_outbox WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() || fail(QStringLiteral("database"), q.lastError().text());
}

QList<OutboxEntry> Store::outbox()
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral(
            "SELECT id, project_id, target, event, attempts, queued_at FROM notification_outbox ORDER BY id"))) {
        while (q.next())
            out.append(OutboxEntry {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString().toUtf8(), q.value(4).toInt(), q.value(5).toLongLong()});
    }
    return out;
}

std::optional<qint64> Store::firstRunStartedAt()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT MIN(started_at) FROM server_runs")) && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QList<Store::ActivityCount> Store::activityCounts()
{
    QList<ActivityCount> out;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT project_id, type, CASE WHEN state = 'cancelled' THEN 'cancelled' ELSE "
                              "COALESCE(result, 'failure') END AS outcome, COUNT(*) FROM activities WHERE state IN "
                              "('complete', 'cancelled') GROUP BY project_id, type, outcome "
                              "ORDER BY project_id, type, outcome"))) {
        while (q.next())
            out.append(ActivityCount {
                q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    }
    return out;
}
