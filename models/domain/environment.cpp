#include "environment.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Environment)
};

const QString kCodePath = QStringLiteral("code_path");
const QString kMounts = QStringLiteral("mounts");
const QString kServices = QStringLiteral("services");
const QString kHooks = QStringLiteral("hooks");
const QString kName = QStringLiteral("name");
const QString kPath = QStringLiteral("path");
const QString kKind = QStringLiteral("kind");
const QString kPause = QStringLiteral("pause");
const QString kResume = QStringLiteral("resume");
const QString kTimeoutSeconds = QStringLiteral("timeout_seconds");
const QString kSqlite = QStringLiteral("sqlite");
const QString kPostgreSql = QStringLiteral("postgresql");
const QString kMariaDb = QStringLiteral("mariadb");
const QString kMySql = QStringLiteral("mysql");
const QString kHost = QStringLiteral("host");
const QString kPort = QStringLiteral("port");
const QString kSocket = QStringLiteral("socket");
const QString kDatabase = QStringLiteral("database");
const QString kUser = QStringLiteral("user");
const QString kPasswordFile = QStringLiteral("password_file");

const QString kId = QStringLiteral("id");
const QString kMachineName = QStringLiteral("machine_name");
const QString kTitle = QStringLiteral("title");
const QString kType = QStringLiteral("type");
const QString kStatus = QStringLiteral("status");
const QString kParent = QStringLiteral("parent");
const QString kIsDirty = QStringLiteral("is_dirty");
const QString kLastBackupAt = QStringLiteral("last_backup_at");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kProject = QStringLiteral("project");
const QString kAttributes = QStringLiteral("attributes");
const QString kIsMain = QStringLiteral("is_main");
const QString kHasCode = QStringLiteral("has_code");
const QString kHeadCommit = QStringLiteral("head_commit");
const QString kLinks = QStringLiteral("_links");
const QString kLocal = QStringLiteral("local");

QJsonValue timeOrNull(const std::optional<qint64>& ms)
{
    return ms ? QJsonValue(Timestamp::formatMsecs(*ms)) : QJsonValue(QJsonValue::Null);
}

// The descriptor is ours, so it is read strictly: every key is known and typed.
class StrictReader
{
public:
    StrictReader(const QJsonObject& object, const QString& path, Problems& problems)
        : m_object(object)
        , m_path(path)
        , m_problems(problems)
    { }

    // A string field; an absent one is a problem only when `required`.
    QString string(const QString& key, bool required, const QString& fallback = {})
    {
        const QJsonValue value = m_object.value(key);
        const QString path = JsonPath::key(m_path, key);
        if (value.isUndefined()) {
            if (required)
                m_problems.append({path, Tr::tr("is required")});
            return fallback;
        }
        return JsonRead::string(value, path, m_problems).value_or(fallback);
    }

    // The items of an array field that are objects, with their paths; other items are problems.
    QList<std::pair<QJsonObject, QString>> objects(const QString& key, const QString& what)
    {
        QList<std::pair<QJsonObject, QString>> result;
        const QJsonValue value = m_object.value(key);
        const QString path = JsonPath::key(m_path, key);
        if (value.isUndefined())
            return result;
        if (!value.isArray()) {
            m_problems.append({path, Tr::tr("must be an array of %1, not %2").arg(what, JsonRead::describe(value))});
            return result;
        }
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = JsonPath::index(path, i);
            if (const auto item = JsonRead::object(items.at(i), itemPath, m_problems))
                result.append({*item, itemPath});
        }
        return result;
    }

private:
    QJsonObject m_object;
    QString m_path;
    Problems& m_problems;
};

} // namespace

LocalDescriptor::Service::Kind LocalDescriptor::Service::kindValue() const
{
    if (kind == kPostgreSql)
        return Kind::PostgreSql;
    if (kind == kMariaDb || kind == kMySql)
        return Kind::MariaDb;
    return Kind::Sqlite;
}

int LocalDescriptor::Service::effectivePort() const
{
    if (port != 0)
        return port;
    return kindValue() == Kind::PostgreSql ? 5432 : 3306;
}

Decoded<LocalDescriptor> LocalDescriptor::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<LocalDescriptor>::failure(problems);
    JsonRead::rejectUnknownKeys(*root, {kCodePath, kMounts, kServices, kHooks}, basePath, problems);

    LocalDescriptor local;
    StrictReader reader(*root, basePath, problems);
    local.codePath = reader.string(kCodePath, false);

    for (const auto& [item, path] : reader.objects(kMounts, Tr::tr("{\"name\", \"path\"} objects"))) {
        JsonRead::rejectUnknownKeys(item, {kName, kPath}, path, problems);
        StrictReader mountReader(item, path, problems);
        Mount mount;
        mount.name = mountReader.string(kName, true);
        mount.path = mountReader.string(kPath, true);
        local.mounts.append(mount);
    }

    for (const auto& [item, path] :
        reader.objects(kServices,
            Tr::tr("{\"name\", \"kind\", \"path\"} or {\"name\", \"kind\", \"host\", \"port\", \"database\", \"user\", "
                   "\"password_file\"} objects"))) {
        StrictReader serviceReader(item, path, problems);
        Service service;
        service.name = serviceReader.string(kName, true);
        service.kind = serviceReader.string(kKind, false, kSqlite);
        if (service.kind == kSqlite) {
            JsonRead::rejectUnknownKeys(item, {kName, kKind, kPath}, path, problems);
            service.path = serviceReader.string(kPath, true);
        } else if (service.kind == kPostgreSql || service.kind == kMariaDb || service.kind == kMySql) {
            JsonRead::rejectUnknownKeys(
                item, {kName, kKind, kHost, kPort, kSocket, kDatabase, kUser, kPasswordFile}, path, problems);
            service.host = serviceReader.string(kHost, false);
            service.socket = serviceReader.string(kSocket, false);
            service.database = serviceReader.string(kDatabase, true);
            service.user = serviceReader.string(kUser, true);
            service.passwordFile = serviceReader.string(kPasswordFile, true);
            if (const QJsonValue port = item.value(kPort); !port.isUndefined())
                service.port = int(JsonRead::integer(port, JsonPath::key(path, kPort), 1, 65535, problems).value_or(0));
            if (service.host.isEmpty() == service.socket.isEmpty()) {
                problems.append({path, Tr::tr("needs either \"host\" (with an optional \"port\") or \"socket\"")});
            }
            if (!service.socket.isEmpty() && service.port != 0)
                problems.append({JsonPath::key(path, kPort), Tr::tr("is not used with \"socket\"")});
        } else {
            problems.append({JsonPath::key(path, kKind),
                Tr::tr("'%1' is not a supported kind of service (\"sqlite\", \"postgresql\", \"mariadb\" or \"mysql\")")
                    .arg(service.kind.left(64))});
        }
        local.services.append(service);
    }

    const QJsonValue hooksValue = root->value(kHooks);
    const QString hooksPath = JsonPath::key(basePath, kHooks);
    if (!hooksValue.isUndefined()) {
        if (const auto hooks = JsonRead::object(hooksValue, hooksPath, problems)) {
            JsonRead::rejectUnknownKeys(*hooks, {kPause, kResume, kTimeoutSeconds}, hooksPath, problems);
            StrictReader hooksReader(*hooks, hooksPath, problems);
            local.pauseHook = hooksReader.string(kPause, false);
            local.resumeHook = hooksReader.string(kResume, false);
            if (const QJsonValue timeout = hooks->value(kTimeoutSeconds); !timeout.isUndefined()) {
                local.hookTimeoutSeconds = int(JsonRead::integer(
                    timeout, JsonPath::key(hooksPath, kTimeoutSeconds), 1, kMaxHookTimeoutSeconds, problems)
                                                   .value_or(kDefaultHookTimeoutSeconds));
            }
        }
    }

    if (!problems.isEmpty())
        return Decoded<LocalDescriptor>::failure(problems);
    return Decoded<LocalDescriptor>::success(local);
}

QJsonObject LocalDescriptor::toJson() const
{
    QJsonArray mountArray;
    for (const Mount& m : mounts)
        mountArray.append(QJsonObject {{kName, m.name}, {kPath, m.path}});
    QJsonArray serviceArray;
    for (const Service& s : services) {
        if (!s.isServer()) {
            serviceArray.append(QJsonObject {{kName, s.name}, {kKind, s.kind}, {kPath, s.path}});
            continue;
        }
        QJsonObject service {{kName, s.name}, {kKind, s.kind}, {kDatabase, s.database}, {kUser, s.user},
            {kPasswordFile, s.passwordFile}};
        if (!s.socket.isEmpty())
            service.insert(kSocket, s.socket);
        else
            service.insert(kHost, s.host);
        if (s.port != 0)
            service.insert(kPort, s.port);
        serviceArray.append(service);
    }
    return QJsonObject {
        {kCodePath, codePath},
        {kMounts, mountArray},
        {kServices, serviceArray},
        {kHooks, QJsonObject {{kPause, pauseHook}, {kResume, resumeHook}, {kTimeoutSeconds, hookTimeoutSeconds}}},
    };
}

Decoded<Environment> Environment::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<Environment>::failure(problems);

    static const QStringList types = [] {
        QStringList names;
        for (EnvironmentType t : EnvironmentTypes::all())
            names.append(EnvironmentTypes::toString(t));
        return names;
    }();
    static const QStringList statuses = [] {
        QStringList names;
        for (Status s : {Status::Active, Status::Inactive, Status::Paused, Status::Dirty, Status::Deleting})
            names.append(statusToString(s));
        return names;
    }();

    Environment env;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kId, env.id);
    if (!reader.string(kName, env.name) && reader.value(kName).isUndefined())
        env.name = env.id;
    if (!reader.string(kMachineName, env.machineName) && reader.value(kMachineName).isUndefined())
        env.machineName = env.id;
    reader.string(kTitle, env.title);
    reader.enumeration(kType, &EnvironmentTypes::fromString, types, env.type);
    reader.enumeration(kStatus, &Environment::statusFromString, statuses, env.status);
    reader.nullableString(kParent, env.parent);
    reader.boolean(kIsDirty, env.isDirty);
    reader.nullableTime(kLastBackupAt, env.lastBackupAtMs);
    reader.time(kCreatedAt, env.createdAtMs);
    if (!reader.time(kUpdatedAt, env.updatedAtMs) && reader.value(kUpdatedAt).isUndefined())
        env.updatedAtMs = env.createdAtMs;
    reader.string(kProject, env.project);
    reader.attributes(kAttributes, env.attributes);
    reader.boolean(kIsMain, env.isMain);
    reader.boolean(kHasCode, env.hasCode);
    reader.nullableString(kHeadCommit, env.headCommit);
    reader.links(env.links);

    const QJsonValue local = root->value(kLocal);
    if (!local.isUndefined() && !local.isNull()) {
        Decoded<LocalDescriptor> decoded = LocalDescriptor::fromJson(local, reader.path(kLocal));
        problems.append(decoded.problems);
        env.local = decoded.value;
    }

    if (!problems.isEmpty())
        return Decoded<Environment>::failure(problems);
    return Decoded<Environment>::success(env);
}

QJsonObject Environment::toJson() const
{
    QJsonObject json {
        {kId, id},
        {kName, name},
        {kMachineName, machineName},
        {kTitle, title},
        {kType, EnvironmentTypes::toString(type)},
        {kStatus, statusToString(status)},
        {kParent, parent ? QJsonValue(*parent) : QJsonValue(QJsonValue::Null)},
        {kIsDirty, isDirty},
        {kLastBackupAt, timeOrNull(lastBackupAtMs)},
        {kCreatedAt, Timestamp::formatMsecs(createdAtMs)},
        {kUpdatedAt, Timestamp::formatMsecs(updatedAtMs)},
        {kProject, project},
        {kAttributes, ApiObjectReader::attributesJson(attributes)},
        {kIsMain, isMain},
        {kHasCode, hasCode},
        {kHeadCommit, headCommit ? QJsonValue(*headCommit) : QJsonValue(QJsonValue::Null)},
        {kLinks, links.toJson()},
    };
    if (local)
        json.insert(kLocal, local->toJson());
    return json;
}

QString Environment::statusToString(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("active");
    case Status::Inactive:
        return QStringLiteral("inactive");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Dirty:
        return QStringLiteral("dirty");
    case Status::Deleting:
        return QStringLiteral("deleting");
    }
    return {};
}

std::optional<Environment::Status> Environment::statusFromString(const QString& text)
{
    for (Status s : {Status::Active, Status::Inactive, Status::Paused, Status::Dirty, Status::Deleting}) {
        if (statusToString(s) == text)
            return s;
    }
    return std::nullopt;
}
