#include "apiserver.h"

#include "activities/activityhub.h"
#include "domain/jsondocument.h"
#include "domain/jsonread.h"
#include "domain/serverinfo.h"
#include "domain/timestamp.h"
#include "engine/copysecrets.h"
#include "engine/engine.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"
#include "routehelpers.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace RouteHelpers;

namespace {

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

ApiServer::ApiServer(Store& store, Engine& engine, ActivityHub& hub, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_hub(hub)
{
    using namespace std::placeholders;
    const QString env = QStringLiteral("/projects/{p}/environments/{e}");
    addRoute("POST", QStringLiteral("/oauth2/token"), std::bind(&ApiServer::exchangeToken, this, _1), false);
    addRoute("GET", QStringLiteral("/tidemark"), std::bind(&ApiServer::serverInfo, this, _1));
    addRoute("GET", QStringLiteral("/tidemark/tokens"), std::bind(&ApiServer::listTokens, this, _1));
    addRoute("POST", QStringLiteral("/tidemark/tokens"), std::bind(&ApiServer::createApiToken, this, _1));
    addRoute("DELETE", QStringLiteral("/tidemark/tokens/{t}"), std::bind(&ApiServer::revokeToken, this, _1));
    addRoute("GET", QStringLiteral("/projects"), std::bind(&ApiServer::listProjects, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}"), std::bind(&ApiServer::getProject, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/environments"), std::bind(&ApiServer::listEnvironments, this, _1));
    addRoute("POST", QStringLiteral("/projects/{p}/environments"), std::bind(&ApiServer::createEnvironment, this, _1));
    addRoute("GET", env, std::bind(&ApiServer::getEnvironment, this, _1));
    addRoute("PATCH", env, std::bind(&ApiServer::updateEnvironment, this, _1));
    addRoute("DELETE", env, std::bind(&ApiServer::deleteEnvironment, this, _1));
    addRoute(
        "POST", env + QStringLiteral("/activate"), [this](const Call& c) { return setEnvironmentActive(c, true); });
    addRoute(
        "POST", env + QStringLiteral("/deactivate"), [this](const Call& c) { return setEnvironmentActive(c, false); });
    addRoute("GET", env + QStringLiteral("/backups"), std::bind(&ApiServer::listBackups, this, _1));
    addRoute("GET", env + QStringLiteral("/backups/{b}"), std::bind(&ApiServer::getBackup, this, _1));
    addRoute("PATCH", env + QStringLiteral("/backups/{b}"), std::bind(&ApiServer::annotateBackup, this, _1));
    addRoute("DELETE", env + QStringLiteral("/backups/{b}"), std::bind(&ApiServer::deleteBackup, this, _1));
    addRoute("POST", env + QStringLiteral("/backup"), std::bind(&ApiServer::createBackup, this, _1));
    addRoute("POST", env + QStringLiteral("/backups/{b}/restore"), std::bind(&ApiServer::restoreBackup, this, _1));
    addRoute("GET", env + QStringLiteral("/backups/{b}/files"), std::bind(&ApiServer::listFiles, this, _1));
    addRoute("GET", env + QStringLiteral("/backups/{b}/files/content"),
        [this](const Call& c) { return downloadFiles(c, false); });
    addRoute("GET", env + QStringLiteral("/backups/{b}/files/archive"),
        [this](const Call& c) { return downloadFiles(c, true); });
    addRoute("GET", env + QStringLiteral("/backups/{b}/diff"), std::bind(&ApiServer::diffBackup, this, _1));
    addRoute(
        "POST", QStringLiteral("/projects/{p}/activities/{a}/undo"), std::bind(&ApiServer::undoActivity, this, _1));
    // Activities, under the project and (hosted API) under each environment they concern.
    for (const QString& base : {QStringLiteral("/projects/{p}"), env}) {
        addRoute("GET", base + QStringLiteral("/activities"), std::bind(&ApiServer::listActivities, this, _1));
        addRoute("GET", base + QStringLiteral("/activities/{a}"), std::bind(&ApiServer::getActivity, this, _1));
        addRoute(
            "POST", base + QStringLiteral("/activities/{a}/cancel"), std::bind(&ApiServer::cancelActivity, this, _1));
        addRoute("GET", base + QStringLiteral("/activities/{a}/log"), std::bind(&ApiServer::getActivityLog, this, _1));
    }
    addRoute("GET", QStringLiteral("/projects/{p}/settings"), std::bind(&ApiServer::getSettings, this, _1));
    addRoute("PATCH", QStringLiteral("/projects/{p}/settings"), std::bind(&ApiServer::patchSettings, this, _1));
    addRoute("POST", QStringLiteral("/projects/{p}/verify"), std::bind(&ApiServer::verifyRepository, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/repository"), std::bind(&ApiServer::getRepository, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/repository/key"), std::bind(&ApiServer::getRepositoryKey, this, _1));
    addRoute("POST", QStringLiteral("/projects/{p}/repository/key/acknowledge"),
        std::bind(&ApiServer::acknowledgeRepositoryKey, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/notifications"), std::bind(&ApiServer::getNotifications, this, _1));
    addRoute(
        "POST", QStringLiteral("/projects/{p}/notifications/test"), std::bind(&ApiServer::testNotifications, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/health"), std::bind(&ApiServer::getHealth, this, _1));
    addRoute("GET", QStringLiteral("/metrics"), std::bind(&ApiServer::getMetrics, this, _1));
    addRoute("POST", QStringLiteral("/projects/{p}/backup_copies/check"), std::bind(&ApiServer::checkCopy, this, _1));
}

void ApiServer::addRoute(const char* method, const QString& pattern, Handler handler, bool needsAuth)
{
    m_routes.append(
        Route {QByteArray(method), pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), needsAuth, std::move(handler)});
}

HttpReply ApiServer::dispatch(const HttpRequest& request)
{
    const QByteArray& method = request.method;
    const QStringList& path = request.pathSegments;

    QList<QByteArray> allowed;
    for (const Route& route : m_routes) {
        if (route.segments.size() != path.size())
            continue;
        Call call;
        bool match = true;
        for (qsizetype i = 0; i < path.size() && match; ++i) {
            const QString& seg = route.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                call.params.insert(seg.mid(1, seg.size() - 2), path.at(i));
            else
                match = seg == path.at(i);
        }
        if (!match)
            continue;
        if (route.method != method) {
            allowed.append(route.method);
            continue;
        }
        call.request = &request;
        call.query = request.query;
        call.body = request.body;
        if (route.needsAuth) {
            const QByteArray auth = request.value(QByteArrayLiteral("Authorization"));
            // The scheme's name is case-insensitive (RFC 9110).
            if (!auth.left(7).toLower().startsWith("bearer "))
                return HttpReply::error(401, tr("An access token is required (Authorization: Bearer …)."));
            const QString token = QString::fromLatin1(auth.mid(7).trimmed());
            const auto session = m_sessions.constFind(token);
            // A revoked API token takes its access tokens with it at once, whoever revoked it.
            if (session == m_sessions.constEnd() || session->expiresAtMs <= QDateTime::currentMSecsSinceEpoch()
                || !m_store.apiTokenHashExists(session->tokenHash)) {
                if (session != m_sessions.constEnd())
                    m_sessions.remove(token);
                return HttpReply::error(
                    401, tr("The access token is unknown or has expired; exchange the API token again."));
            }
            call.role = session->role;
            call.tokenName = session->tokenName;
        }
        return route.handler(call);
    }
    if (!allowed.isEmpty()) {
        HttpReply reply = HttpReply::error(405,
            tr("%1 is not allowed here; use %2.")
                .arg(QString::fromLatin1(method.left(32)), QString::fromLatin1(allowed.join(", "))));
        reply.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
        return reply;
    }
    return HttpReply::error(404, tr("There is nothing at this address."));
}

// --- checks ---

ApiServer::Target ApiServer::resolve(const Call& call, bool withBackup) const
{
    Target t;
    if (auto error = requireProject(call)) {
        t.error = error;
        return t;
    }
    const QString p = call.params.value(kP);
    t.environment = m_store.environment(p, call.params.value(kE));
    if (!t.environment) {
        t.error = HttpReply::error(404, tr("Environment '%1' does not exist.").arg(call.params.value(kE).left(64)));
        return t;
    }
    if (withBackup) {
        t.backup = m_store.backup(p, call.params.value(kB));
        if (!t.backup || t.backup->backup.environment != t.environment->id)
            t.error = HttpReply::error(404, tr("Backup '%1' does not exist.").arg(call.params.value(kB).left(64)));
    }
    return t;
}

std::optional<HttpReply> ApiServer::requireAdmin(const Call& call, const QString& action) const
{
    if (call.role == Role::Admin)
        return std::nullopt;
    return HttpReply::error(403, tr("Viewers cannot %1; an admin API token is needed.").arg(action));
}

std::optional<HttpReply> ApiServer::requireProject(const Call& call) const
{
    if (m_store.project(call.params.value(kP)))
        return std::nullopt;
    return HttpReply::error(404, tr("Project '%1' does not exist.").arg(call.params.value(kP).left(64)));
}

std::optional<QJsonObject> ApiServer::objectBody(const Call& call, HttpReply& invalid)
{
    const auto json = JsonDocument::parse(call.body);
    if (!json.ok()) {
        invalid = badRequest(json.problems);
        return std::nullopt;
    }
    Problems problems;
    auto body = JsonRead::object(*json.value, QString(), problems);
    if (!body)
        invalid = badRequest(problems);
    return body;
}

// --- token exchange ---

HttpReply ApiServer::exchangeToken(const Call& call)
{
    const auto invalid = [](const QString& description) {
        return HttpReply::json(400,
            QJsonObject {{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                {QStringLiteral("error_description"), description}});
    };
    // The contract's form body, or the JSON body that hosted clients send; any Basic client id is accepted.
    QString grantType;
    QString apiToken;
    const QByteArray contentType = call.request->value(QByteArrayLiteral("Content-Type")).toLower();
    const QByteArray trimmed = call.body.trimmed();
    if (contentType.startsWith("application/json") || trimmed.startsWith('{')) {
        const QJsonDocument json = QJsonDocument::fromJson(call.body);
        if (!json.isObject())
            return invalid(tr("The body is neither a form nor a JSON object."));
        grantType = json.object().value(QStringLiteral("grant_type")).toString();
        apiToken = json.object().value(QStringLiteral("api_token")).toString();
    } else {
        const QUrlQuery form(QString::fromUtf8(call.body));
        grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        apiToken = form.queryItemValue(QStringLiteral("api_token"), QUrl::FullyDecoded);
    }
    if (grantType != QLatin1String("api_token"))
        return invalid(tr("grant_type must be api_token."));
    const auto info = apiToken.isEmpty() ? std::nullopt : m_store.apiToken(apiToken);
    if (!info)
        return invalid(tr("The API token is not known to this server."));
    const QString access = randomToken(32);
    // Expired sessions go when new ones come, so that many exchanges do not add up.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->expiresAtMs <= now ? m_sessions.erase(it) : std::next(it);
    m_sessions.insert(access,
        Session {info->role == QLatin1String("admin") ? Role::Admin : Role::Viewer,
            QDateTime::currentMSecsSinceEpoch() + kAccessTokenSeconds * 1000LL, info->name,
            Store::hashToken(apiToken)});
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("access_token"), access}, {QStringLiteral("expires_in"), kAccessTokenSeconds},
            {QStringLiteral("token_type"), QStringLiteral("bearer")}});
}

// --- the server itself ---

HttpReply ApiServer::serverInfo(const Call& call)
{
    Q_UNUSED(call);
    ServerInfo info;
    info.server = QStringLiteral("tidemarkd");
    info.version = QStringLiteral(TIDEMARK_VERSION);
    info.capabilities = {Capability::Annotations, Capability::RetentionDryRun, Capability::EnvironmentDescriptors,
        Capability::LogStream, Capability::Roles, Capability::Tokens, Capability::Files, Capability::Diff,
        Capability::PartialRestore, Capability::SafetyBackup, Capability::Verify, Capability::Repository,
        Capability::Copies, Capability::Health, Capability::Metrics};
    if (m_notifier)
        info.capabilities.append(Capability::Notifications);
    return HttpReply::json(200, info.toJson());
}

// --- projects ---

QJsonObject ApiServer::projectJson(const QString& projectId, const Call& call) const
{
    Q_UNUSED(call);
    const auto project = m_store.project(projectId);
    QJsonObject o = project ? project->toJson() : QJsonObject();
    const QString base = QStringLiteral("/projects/") + projectId;
    o.insert(QStringLiteral("_links"),
        QJsonObject {{QStringLiteral("self"), link(base)},
            {QStringLiteral("environments"), link(base + QStringLiteral("/environments"))},
            {QStringLiteral("settings"), link(base + QStringLiteral("/settings"))},
            {QStringLiteral("repository"), link(base + QStringLiteral("/repository"))},
            {QStringLiteral("health"), link(base + QStringLiteral("/health"))},
            {QStringLiteral("activities"), link(base + QStringLiteral("/activities"))}});
    return o;
}

HttpReply ApiServer::listProjects(const Call& call)
{
    QJsonArray out;
    for (const Project& p : m_store.projects())
        out.append(projectJson(p.id, call));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::getProject(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    return HttpReply::json(200, projectJson(call.params.value(kP), call));
}

// --- settings ---

QJsonObject ApiServer::settingsJson(const QString& projectId) const
{
    QJsonObject o = m_store.settings(projectId).toJson();
    o.insert(QStringLiteral("_links"),
        QJsonObject {
            {QStringLiteral("self"), link(QStringLiteral("/projects/") + projectId + QStringLiteral("/settings"))}});
    return o;
}

HttpReply ApiServer::getSettings(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    return HttpReply::json(200, settingsJson(call.params.value(kP)));
}

HttpReply ApiServer::patchSettings(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("change settings")))
        return *error;
    const QString p = call.params.value(kP);
    const auto json = JsonDocument::parse(call.body);
    if (!json.ok())
        return badRequest(json.problems);
    ProjectSettings settings = m_store.settings(p);
    const Problems problems = settings.applyPatch(*json.value);
    if (!problems.isEmpty())
        return badRequest(problems);

    // The copies' credentials: values given are stored (mode 0600, never in the database); names given without
    // values keep the stored ones.
    const bool copiesGiven = json.value->toObject().contains(QStringLiteral("backup_copies"));
    const CopySecrets secrets(m_engine.dataDir());
    QHash<QString, QMap<QString, QString>> credentials; // copy name → what its env file holds after this change
    if (copiesGiven) {
        Problems missing;
        for (qsizetype i = 0; i < settings.backupCopies.size(); ++i) {
            const CopyTarget& copy = settings.backupCopies.at(i);
            if (copy.envValues) {
                credentials.insert(copy.name, *copy.envValues);
                continue;
            }
            const QMap<QString, QString> stored = secrets.readEnvironment(p, copy.name);
            QMap<QString, QString> kept;
            for (const QString& name : copy.envNames) {
                if (!stored.contains(name)) {
                    missing.append({QStringLiteral("backup_copies[%1].env.%2").arg(i).arg(name),
                        tr("has no stored value; give it as {\"%1\": \"value\"}").arg(name)});
                }
                kept.insert(name, stored.value(name));
            }
            credentials.insert(copy.name, kept);
        }
        if (!missing.isEmpty())
            return badRequest(missing);
    }
    // The notification targets' secrets likewise: given values are stored, redacted ones keep the stored values.
    const bool notificationsGiven = json.value->toObject().contains(QStringLiteral("notifications"));
    QHash<QString, NotificationSecretValues> notificationSecrets;
    if (notificationsGiven) {
        if (auto error = resolveNotificationSecrets(p, settings.notifications, notificationSecrets))
            return *error;
    }

    const QString dryRun = call.query.queryItemValue(QStringLiteral("dry_run"));
    const bool preview = dryRun == QLatin1String("1") || dryRun == QLatin1String("true");
    QJsonObject answer {{QStringLiteral("status"), preview ? QStringLiteral("preview") : QStringLiteral("updated")},
        {QStringLiteral("code"), 200}};
    QJsonObject entity = settings.toJson();
    QJsonObject embedded {{QStringLiteral("entity"), entity}};
    if (preview) {
        const qint64 now = m_engine.now();
        QJsonObject previews;
        for (const Environment& e : m_store.environments(p)) {
            QList<RetentionBackup> backups;
            for (const BackupRecord& r : m_store.backups(p, e.id))
                backups.append({r.backup.id, r.backup.createdAtMs, r.backup.automated, r.backup.isProtected(),
                    r.backup.isSafety()});
            previews.insert(
                e.id, PreviewReport::toJson(RetentionPlanner::plan(backups, settings.policyFor(e.type), now)));
        }
        embedded.insert(QStringLiteral("preview"), previews);
    } else {
        if (copiesGiven) {
            for (auto it = credentials.constBegin(); it != credentials.constEnd(); ++it) {
                const QString error = secrets.writeEnvironment(p, it.key(), it.value());
                if (!error.isEmpty()) {
                    qWarning("tidemarkd: %s", qPrintable(error));
                    return HttpReply::error(500, tr("The credentials of copy '%1' could not be stored.").arg(it.key()));
                }
            }
            for (const CopyTarget& before : m_store.settings(p).backupCopies) {
                if (!credentials.contains(before.name))
                    secrets.remove(p, before.name);
            }
        }
        if (notificationsGiven) {
            if (auto error = storeNotificationSecrets(p, m_store.settings(p).notifications, notificationSecrets))
                return *error;
        }
        if (!m_store.saveSettings(p, settings))
            return HttpReply::error(500, tr("The settings could not be saved."));
        // A change that makes backups surplus prunes them right away.
        for (const Environment& e : m_store.environments(p))
            m_engine.applyRetention(p, e.id);
    }
    answer.insert(QStringLiteral("_embedded"), embedded);
    return HttpReply::json(200, answer);
}
