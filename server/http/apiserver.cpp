#include "apiserver.h"

#include "activities/activityhub.h"
#include "domain/jsondocument.h"
#include "domain/jsonread.h"
#include "domain/timestamp.h"
#include "engine/engine.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"
#include "store/store.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>

namespace {

const QString kP = QStringLiteral("p");
const QString kE = QStringLiteral("e");
const QString kB = QStringLiteral("b");
const QString kA = QStringLiteral("a");

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

QJsonObject link(const QString& href, const char* method = nullptr)
{
    QJsonObject o {{QStringLiteral("href"), href}};
    if (method)
        o.insert(QStringLiteral("method"), QLatin1String(method));
    return o;
}

QJsonObject problemsDetail(const Problems& problems)
{
    QJsonObject detail;
    for (const Problem& p : problems)
        detail.insert(p.path.isEmpty() ? QStringLiteral("body") : p.path, p.message);
    return detail;
}

HttpReply badRequest(const Problems& problems)
{
    return HttpReply::error(400, problemStrings(problems).join(QLatin1String("; ")), problemsDetail(problems));
}

QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

const QRegularExpression& environmentNamePattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,62}$"));
    return re;
}

} // namespace

ApiServer::ApiServer(Store& store, Engine& engine, ActivityHub& hub, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_engine(engine)
    , m_hub(hub)
{
    using namespace std::placeholders;
    const QString env = QStringLiteral("/projects/{p}/environments/{e}");
    addRoute("POST", QStringLiteral("/oauth2/token"), std::bind(&ApiServer::exchangeToken, this, _1), false);
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
    addRoute(
        "POST", QStringLiteral("/projects/{p}/activities/{a}/cancel"), std::bind(&ApiServer::cancelActivity, this, _1));
    addRoute("GET", env + QStringLiteral("/activities"), std::bind(&ApiServer::listActivities, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/activities"), std::bind(&ApiServer::listActivities, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/activities/{a}"), std::bind(&ApiServer::getActivity, this, _1));
    addRoute(
        "GET", QStringLiteral("/projects/{p}/activities/{a}/log"), std::bind(&ApiServer::getActivityLog, this, _1));
    addRoute("GET", QStringLiteral("/projects/{p}/settings"), std::bind(&ApiServer::getSettings, this, _1));
    addRoute("PATCH", QStringLiteral("/projects/{p}/settings"), std::bind(&ApiServer::patchSettings, this, _1));
}

void ApiServer::addRoute(const char* method, const QString& pattern, Handler handler, bool needsAuth)
{
    m_routes.append(
        Route {QByteArray(method), pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), needsAuth, std::move(handler)});
}

bool ApiServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    send(socket, dispatch(request));
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    Q_UNUSED(request);
    send(socket, HttpReply::error(404, tr("There is nothing at this address.")));
}

void ApiServer::send(QTcpSocket* socket, const HttpReply& reply)
{
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + ' '
        + HttpReply::reasonPhrase(reply.status).toLatin1() + "\r\n";
    head += QByteArrayLiteral("Content-Type: ") + reply.contentType + "\r\n";
    if (reply.stream)
        head += QByteArrayLiteral("Transfer-Encoding: chunked\r\n");
    else
        head += QByteArrayLiteral("Content-Length: ") + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto& [key, value] : reply.headers)
        head += key + ": " + value + "\r\n";
    head += "\r\n";
    if (reply.stream) {
        socket->write(head);
        reply.stream(socket);
    } else {
        socket->write(head + reply.body);
    }
}

HttpReply ApiServer::dispatch(const QHttpServerRequest& request)
{
    const QByteArray method = methodName(request.method());
    const QStringList path = request.url().path().split(QLatin1Char('/'), Qt::SkipEmptyParts);

    if (request.body().size() > kMaxBodyBytes)
        return HttpReply::error(413, tr("The request body is larger than 1 MiB."));

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
        call.query = request.query();
        call.body = request.body();
        if (route.needsAuth) {
            const QByteArray auth = request.value(QByteArrayLiteral("Authorization"));
            if (!auth.startsWith("Bearer "))
                return HttpReply::error(401, tr("An access token is required (Authorization: Bearer …)."));
            const QString token = QString::fromLatin1(auth.mid(7).trimmed());
            const auto session = m_sessions.constFind(token);
            if (session == m_sessions.constEnd() || session->expiresAtMs <= QDateTime::currentMSecsSinceEpoch()) {
                if (session != m_sessions.constEnd())
                    m_sessions.remove(token);
                return HttpReply::error(
                    401, tr("The access token is unknown or has expired; exchange the API token again."));
            }
            call.role = session->role;
        }
        return route.handler(call);
    }
    if (!allowed.isEmpty()) {
        HttpReply reply = HttpReply::error(405,
            tr("%1 is not allowed here; use %2.")
                .arg(QString::fromLatin1(method), QString::fromLatin1(allowed.join(", "))));
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
    const QUrlQuery form(QString::fromUtf8(call.body));
    const auto invalid = [](const QString& description) {
        return HttpReply::json(400,
            QJsonObject {{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                {QStringLiteral("error_description"), description}});
    };
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("api_token"))
        return invalid(tr("grant_type must be api_token."));
    const QString apiToken = form.queryItemValue(QStringLiteral("api_token"), QUrl::FullyDecoded);
    const auto info = apiToken.isEmpty() ? std::nullopt : m_store.apiToken(apiToken);
    if (!info)
        return invalid(tr("The API token is not known to this server."));
    const QString access = randomToken(32);
    m_sessions.insert(access,
        Session {info->role == QLatin1String("admin") ? Role::Admin : Role::Viewer,
            QDateTime::currentMSecsSinceEpoch() + kAccessTokenSeconds * 1000LL});
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("access_token"), access}, {QStringLiteral("expires_in"), kAccessTokenSeconds},
            {QStringLiteral("token_type"), QStringLiteral("bearer")}});
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

// --- environments ---

QJsonObject ApiServer::environmentJson(const QString& projectId, const Environment& environment, const Call& call) const
{
    Environment e = environment;
    const QList<BackupRecord> backups = m_store.backups(projectId, e.id);
    e.lastBackupAtMs = backups.isEmpty() ? std::nullopt : std::optional<qint64>(backups.first().backup.createdAtMs);
    const QString base = QStringLiteral("/projects/") + projectId + QStringLiteral("/environments/") + e.id;
    e.links = Links();
    e.links.set(QStringLiteral("self"), base);
    e.links.set(QStringLiteral("backups"), base + QStringLiteral("/backups"));
    e.links.set(QStringLiteral("activities"), base + QStringLiteral("/activities"));
    e.isDirty = !m_store.activities(projectId, e.id, QString(), QStringLiteral("pending"), 1).isEmpty()
        || !m_store.activities(projectId, e.id, QString(), QStringLiteral("in_progress"), 1).isEmpty();
    if (call.role == Role::Admin) {
        e.links.set(QStringLiteral("#edit"), base);
        if (e.status == Environment::Status::Active)
            e.links.set(QStringLiteral("#backup"), base + QStringLiteral("/backup"));
        if (e.status == Environment::Status::Active)
            e.links.set(QStringLiteral("#deactivate"), base + QStringLiteral("/deactivate"));
        else if (e.status == Environment::Status::Inactive)
            e.links.set(QStringLiteral("#activate"), base + QStringLiteral("/activate"));
    }
    return e.toJson();
}

HttpReply ApiServer::listEnvironments(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);
    QJsonArray out;
    for (const Environment& e : m_store.environments(p))
        out.append(environmentJson(p, e, call));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::getEnvironment(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    return HttpReply::json(200, environmentJson(p, *e, call));
}

HttpReply ApiServer::createEnvironment(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("create environments")))
        return *error;
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    Problems problems;
    JsonRead::rejectUnknownKeys(*body,
        {QStringLiteral("name"), QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("parent"),
            QStringLiteral("status"), QStringLiteral("local")},
        QString(), problems);

    Environment e;
    if (auto name = JsonRead::string(body->value(QStringLiteral("name")), QStringLiteral("name"), problems)) {
        if (!environmentNamePattern().match(*name).hasMatch())
            problems.append({QStringLiteral("name"),
                tr("'%1' is not a valid name (lower-case letters, digits, '.', '_' and '-', at most 63)")
                    .arg(name->left(64))});
        e.id = e.name = e.machineName = *name;
    }
    e.title = e.name;
    if (body->contains(QStringLiteral("title"))) {
        if (auto title = JsonRead::string(body->value(QStringLiteral("title")), QStringLiteral("title"), problems))
            e.title = *title;
    }
    if (auto type = JsonRead::string(body->value(QStringLiteral("type")), QStringLiteral("type"), problems)) {
        if (auto t = EnvironmentTypes::fromString(*type))
            e.type = *t;
        else
            problems.append({QStringLiteral("type"),
                tr("'%1' is not an environment type (production, staging or development)").arg(type->left(32))});
    }
    const QJsonValue parent = body->value(QStringLiteral("parent"));
    if (!parent.isUndefined() && !parent.isNull()) {
        if (auto p = JsonRead::string(parent, QStringLiteral("parent"), problems))
            e.parent = *p;
    }
    e.status = Environment::Status::Active;
    const QJsonValue status = body->value(QStringLiteral("status"));
    if (!status.isUndefined()) {
        const auto s = status.isString() ? Environment::statusFromString(status.toString()) : std::nullopt;
        if (s == Environment::Status::Active || s == Environment::Status::Inactive)
            e.status = *s;
        else
            problems.append({QStringLiteral("status"), tr("must be \"active\" or \"inactive\"")});
    }
    const auto local = LocalDescriptor::fromJson(body->value(QStringLiteral("local")), QStringLiteral("local"));
    if (local.ok())
        e.local = *local.value;
    else
        problems.append(local.problems);
    if (!problems.isEmpty())
        return badRequest(problems);

    const QString p = call.params.value(kP);
    if (m_store.environment(p, e.id))
        return HttpReply::error(409, tr("Environment '%1' already exists.").arg(e.id));
    e.createdAtMs = e.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.saveEnvironment(p, e))
        return HttpReply::error(500, tr("The environment could not be saved."));
    return HttpReply::json(201, environmentJson(p, e, call));
}

HttpReply ApiServer::updateEnvironment(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    auto& e = t.environment;
    if (auto error = requireAdmin(call, tr("change environments")))
        return *error;
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    Problems problems;
    JsonRead::rejectUnknownKeys(*body,
        {QStringLiteral("title"), QStringLiteral("type"), QStringLiteral("parent"), QStringLiteral("local")}, QString(),
        problems);
    if (body->contains(QStringLiteral("title"))) {
        if (auto title = JsonRead::string(body->value(QStringLiteral("title")), QStringLiteral("title"), problems))
            e->title = *title;
    }
    if (body->contains(QStringLiteral("type"))) {
        if (auto type = JsonRead::string(body->value(QStringLiteral("type")), QStringLiteral("type"), problems)) {
            if (auto t = EnvironmentTypes::fromString(*type))
                e->type = *t;
            else
                problems.append({QStringLiteral("type"),
                    tr("'%1' is not an environment type (production, staging or development)").arg(type->left(32))});
        }
    }
    if (body->contains(QStringLiteral("parent"))) {
        const QJsonValue parent = body->value(QStringLiteral("parent"));
        if (parent.isNull())
            e->parent.reset();
        else if (auto value = JsonRead::string(parent, QStringLiteral("parent"), problems))
            e->parent = *value;
    }
    if (body->contains(QStringLiteral("local"))) {
        const auto local = LocalDescriptor::fromJson(body->value(QStringLiteral("local")), QStringLiteral("local"));
        if (local.ok())
            e->local = *local.value;
        else
            problems.append(local.problems);
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    e->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.saveEnvironment(p, *e))
        return HttpReply::error(500, tr("The environment could not be saved."));
    return HttpReply::json(200, environmentJson(p, *e, call));
}

HttpReply ApiServer::deleteEnvironment(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    if (auto error = requireAdmin(call, tr("delete environments")))
        return *error;
    if (!m_store.backups(p, e->id).isEmpty()) {
        return HttpReply::error(409, tr("Environment '%1' still has backups; delete them first.").arg(e->id));
    }
    if (!m_store.deleteEnvironment(p, e->id))
        return HttpReply::error(500, tr("The environment could not be deleted."));
    HttpReply reply;
    reply.status = 204;
    return reply;
}

HttpReply ApiServer::setEnvironmentActive(const Call& call, bool active)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    auto& e = t.environment;
    if (auto error = requireAdmin(call, active ? tr("activate environments") : tr("deactivate environments")))
        return *error;
    const auto wanted = active ? Environment::Status::Active : Environment::Status::Inactive;
    if (e->status != wanted) {
        if (e->status != Environment::Status::Active && e->status != Environment::Status::Inactive)
            return HttpReply::error(
                409, tr("Environment '%1' is busy; try again when its activity has ended.").arg(e->id));
        e->status = wanted;
        e->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_store.saveEnvironment(p, *e))
            return HttpReply::error(500, tr("The environment could not be saved."));
    }
    return HttpReply::json(200, environmentJson(p, *e, call));
}

// --- backups ---

QJsonObject ApiServer::backupJson(const BackupRecord& record, const Environment& environment, const Call& call) const
{
    Backup b = record.backup;
    const QString base = QStringLiteral("/projects/") + record.projectId + QStringLiteral("/environments/")
        + b.environment + QStringLiteral("/backups/") + b.id;
    b.links = Links();
    b.links.set(QStringLiteral("self"), base);
    if (call.role == Role::Admin && b.status == Backup::Status::Created) {
        if (environment.status == Environment::Status::Active && b.restorable)
            b.links.set(QStringLiteral("#restore"), base + QStringLiteral("/restore"));
        if (!b.isProtected())
            b.links.set(QStringLiteral("#delete"), base);
        b.links.set(QStringLiteral("#edit"), base);
    }
    return b.toJson();
}

HttpReply ApiServer::listBackups(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    QJsonArray out;
    for (const BackupRecord& r : m_store.backups(p, e->id))
        out.append(backupJson(r, *e, call));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::getBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    const auto& r = t.backup;
    return HttpReply::json(200, backupJson(*r, *e, call));
}

HttpReply ApiServer::annotateBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("change backups")))
        return *error;
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    Problems problems;
    {
        JsonRead::rejectUnknownKeys(*body, {QStringLiteral("attributes")}, QString(), problems);
        if (const auto attrs
            = JsonRead::object(body->value(QStringLiteral("attributes")), QStringLiteral("attributes"), problems)) {
            JsonRead::rejectUnknownKeys(
                *attrs, {QStringLiteral("note"), QStringLiteral("protected")}, QStringLiteral("attributes"), problems);
            if (attrs->contains(QStringLiteral("note"))) {
                if (auto note = JsonRead::string(
                        attrs->value(QStringLiteral("note")), QStringLiteral("attributes.note"), problems)) {
                    if (note->size() > 1000)
                        problems.append({QStringLiteral("attributes.note"), tr("is longer than 1000 characters")});
                    else
                        r->backup.attributes.insert(QStringLiteral("note"), *note);
                }
            }
            if (attrs->contains(QStringLiteral("protected"))) {
                const QJsonValue v = attrs->value(QStringLiteral("protected"));
                if (v.isString() && (v.toString() == QLatin1String("true") || v.toString() == QLatin1String("false")))
                    r->backup.attributes.insert(QStringLiteral("protected"), v.toString());
                else
                    problems.append(
                        {QStringLiteral("attributes.protected"), tr("must be the string \"true\" or \"false\"")});
            }
        }
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    r->backup.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.saveBackup(*r))
        return HttpReply::error(500, tr("The backup could not be saved."));
    return HttpReply::json(200, backupJson(*r, *e, call));
}

// --- activities ---

QJsonObject ApiServer::activityJson(const ActivityRecord& record, const Call& call) const
{
    Activity a = record.activity;
    const QString base = QStringLiteral("/projects/") + record.projectId + QStringLiteral("/activities/") + a.id;
    a.links = Links();
    a.links.set(QStringLiteral("self"), base);
    a.links.set(QStringLiteral("log"), base + QStringLiteral("/log"));
    if (call.role == Role::Admin && m_engine.isCancellable(record))
        a.links.set(QStringLiteral("#cancel"), base + QStringLiteral("/cancel"));
    return a.toJson();
}

HttpReply ApiServer::accepted(const Engine::Request& started, const Call& call) const
{
    if (!started.ok())
        return HttpReply::error(started.status, started.error);
    QJsonArray list;
    for (const ActivityRecord& r : started.activities) {
        // Read again: a fast operation may already have moved on.
        const auto current = m_store.activity(r.projectId, r.activity.id);
        list.append(activityJson(current.value_or(r), call));
    }
    return HttpReply::json(202,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("accepted")}, {QStringLiteral("code"), 202},
            {QStringLiteral("_embedded"), QJsonObject {{QStringLiteral("activities"), list}}}});
}

HttpReply ApiServer::listActivities(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);
    const QString environment = call.params.value(kE);
    if (!environment.isEmpty() && !m_store.environment(p, environment))
        return HttpReply::error(404, tr("Environment '%1' does not exist.").arg(environment.left(64)));
    int count = 100;
    if (call.query.hasQueryItem(QStringLiteral("count"))) {
        bool ok = false;
        count = call.query.queryItemValue(QStringLiteral("count")).toInt(&ok);
        if (!ok || count < 1 || count > 1000)
            return badRequest({{QStringLiteral("count"), tr("must be an integer from 1 to 1000")}});
    }
    const QString state = call.query.queryItemValue(QStringLiteral("state"));
    if (!state.isEmpty() && !Activity::stateFromString(state))
        return badRequest({{QStringLiteral("state"),
            tr("'%1' is not a state (pending, in_progress, complete or cancelled)").arg(state.left(32))}});
    QJsonArray out;
    for (const ActivityRecord& r :
        m_store.activities(p, environment, call.query.queryItemValue(QStringLiteral("type")), state, count))
        out.append(activityJson(r, call));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::getActivity(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const auto r = m_store.activity(call.params.value(kP), call.params.value(kA));
    if (!r)
        return HttpReply::error(404, tr("Activity '%1' does not exist.").arg(call.params.value(kA).left(64)));
    return HttpReply::json(200, activityJson(*r, call));
}

namespace {

QByteArray logLineJson(const ActivityLogLine& line)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("_id"), QString::number(line.seq)},
                             {QStringLiteral("data"),
                                 QJsonObject {{QStringLiteral("timestamp"), Timestamp::formatMsecs(line.timestampMs)},
                                     {QStringLiteral("message"), line.message}}}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

QByteArray chunk(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

const QByteArray kSeal = QByteArrayLiteral("{\"seal\":true}\n");

} // namespace

HttpReply ApiServer::getActivityLog(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString projectId = call.params.value(kP);
    const auto r = m_store.activity(projectId, call.params.value(kA));
    if (!r)
        return HttpReply::error(404, tr("Activity '%1' does not exist.").arg(call.params.value(kA).left(64)));
    HttpReply reply;
    reply.contentType = QByteArrayLiteral("application/x-ndjson");
    if (r->activity.isFinished()) {
        for (const ActivityLogLine& line : m_store.log(r->activity.id))
            reply.body += logLineJson(line);
        reply.body += kSeal;
        return reply;
    }
    // Still running: the stream stays open and delivers lines as they happen, then the seal.
    const QString activityId = r->activity.id;
    reply.stream = [this, activityId](QTcpSocket* socket) { streamLog(socket, activityId); };
    return reply;
}

void ApiServer::streamLog(QTcpSocket* socket, const QString& activityId)
{
    QByteArray backlog;
    for (const ActivityLogLine& line : m_store.log(activityId))
        backlog += logLineJson(line);
    if (!backlog.isEmpty())
        socket->write(chunk(backlog));

    // A context object tied to the socket: when the client goes away, the connections go with it.
    auto* subscription = new QObject(socket);
    connect(&m_hub, &ActivityHub::logAppended, subscription,
        [socket, activityId](const QString& id, const ActivityLogLine& line) {
            if (id == activityId)
                socket->write(chunk(logLineJson(line)));
        });
    connect(&m_hub, &ActivityHub::activityFinished, subscription,
        [socket, subscription, activityId](const QString&, const QString& id) {
            if (id != activityId)
                return;
            socket->write(chunk(kSeal) + "0\r\n\r\n");
            subscription->deleteLater();
        });
}

// --- actions ---

HttpReply ApiServer::createBackup(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    if (auto error = requireAdmin(call, tr("create backups")))
        return *error;
    bool safe = true;
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        {
            JsonRead::rejectUnknownKeys(*body, {QStringLiteral("safe")}, QString(), problems);
            if (body->contains(QStringLiteral("safe"))) {
                if (auto v = JsonRead::boolean(body->value(QStringLiteral("safe")), QStringLiteral("safe"), problems))
                    safe = *v;
            }
        }
        if (!problems.isEmpty())
            return badRequest(problems);
    }
    const Engine::Request started = m_engine.createBackup(p, e->id, safe);
    return accepted(started, call);
}

HttpReply ApiServer::restoreBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    const auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("restore backups")))
        return *error;
    bool restoreCode = true;
    QString target = e->id;
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        {
            JsonRead::rejectUnknownKeys(*body,
                {QStringLiteral("restore_code"), QStringLiteral("environment_name"), QStringLiteral("branch_from")},
                QString(), problems);
            if (body->contains(QStringLiteral("restore_code"))) {
                if (auto v = JsonRead::boolean(
                        body->value(QStringLiteral("restore_code")), QStringLiteral("restore_code"), problems))
                    restoreCode = *v;
            }
            const QJsonValue name = body->value(QStringLiteral("environment_name"));
            if (!name.isUndefined() && !name.isNull()) {
                if (auto v = JsonRead::string(name, QStringLiteral("environment_name"), problems))
                    target = *v;
            }
            const QJsonValue branch = body->value(QStringLiteral("branch_from"));
            if (!branch.isUndefined() && !branch.isNull()) {
                problems.append({QStringLiteral("branch_from"),
                    tr("is not supported by a local server (restore into an existing environment with "
                       "environment_name)")});
            }
        }
        if (!problems.isEmpty())
            return badRequest(problems);
    }
    const Engine::Request started = m_engine.restore(p, r->backup.id, target, restoreCode);
    return accepted(started, call);
}

HttpReply ApiServer::deleteBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("delete backups")))
        return *error;
    const Engine::Request started = m_engine.deleteBackup(p, r->backup.id);
    return accepted(started, call);
}

HttpReply ApiServer::cancelActivity(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);
    const auto r = m_store.activity(p, call.params.value(kA));
    if (!r)
        return HttpReply::error(404, tr("Activity '%1' does not exist.").arg(call.params.value(kA).left(64)));
    if (auto error = requireAdmin(call, tr("cancel activities")))
        return *error;
    const Engine::Request done = m_engine.cancel(p, r->activity.id);
    if (!done.ok() && done.status != 200)
        return HttpReply::error(done.status, done.error);
    const auto current = m_store.activity(p, r->activity.id);
    return HttpReply::json(200, activityJson(current.value_or(*r), call));
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
                backups.append({r.backup.id, r.backup.createdAtMs, r.backup.automated, r.backup.isProtected()});
            previews.insert(
                e.id, PreviewReport::toJson(RetentionPlanner::plan(backups, settings.policyFor(e.type), now)));
        }
        embedded.insert(QStringLiteral("preview"), previews);
    } else {
        if (!m_store.saveSettings(p, settings))
            return HttpReply::error(500, tr("The settings could not be saved."));
        // A change that makes backups surplus prunes them right away.
        for (const Environment& e : m_store.environments(p))
            m_engine.applyRetention(p, e.id);
    }
    answer.insert(QStringLiteral("_embedded"), embedded);
    return HttpReply::json(200, answer);
}
