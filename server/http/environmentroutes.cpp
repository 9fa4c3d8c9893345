#include "apiserver.h"
#include "domain/jsonread.h"
#include "domain/timestamp.h"
#include "engine/databases/databaseaccess.h"
#include "engine/githead.h"
#include "routehelpers.h"
#include "store/store.h"

#include <algorithm>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtConcurrent>

using namespace RouteHelpers;

namespace {

const QRegularExpression& environmentNamePattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,62}$"));
    return re;
}

// The fields that the hosted schema requires of an environment but that have no meaning for one on this
// machine (domains, deployments, sizing, HTTP access), with the values of an environment that has none.
void insertHostedOnlyFields(QJsonObject& o, const Environment& e)
{
    const QJsonValue null(QJsonValue::Null);
    o.insert(QStringLiteral("default_domain"), null);
    o.insert(QStringLiteral("has_domains"), false);
    o.insert(QStringLiteral("clone_parent_on_create"), false);
    o.insert(QStringLiteral("deployment_target"), QStringLiteral("local"));
    o.insert(QStringLiteral("is_pr"), false);
    o.insert(QStringLiteral("has_remote"), false);
    o.insert(QStringLiteral("http_access"),
        QJsonObject {{QStringLiteral("is_enabled"), false}, {QStringLiteral("addresses"), QJsonArray()},
            {QStringLiteral("basic_auth"), QJsonObject()}});
    o.insert(QStringLiteral("enable_smtp"), false);
    o.insert(QStringLiteral("restrict_robots"), false);
    o.insert(QStringLiteral("edge_hostname"), QString());
    o.insert(QStringLiteral("deployment_state"), null);
    o.insert(QStringLiteral("sizing"), null);
    o.insert(QStringLiteral("resources_overrides"), QJsonObject());
    o.insert(QStringLiteral("max_instance_count"), null);
    // The last time something happened to it: its newest backup or its last change.
    o.insert(QStringLiteral("last_active_at"),
        Timestamp::formatMsecs(std::max(e.updatedAtMs, e.lastBackupAtMs.value_or(0))));
    o.insert(QStringLiteral("has_staged_activities"), false);
    o.insert(QStringLiteral("can_rolling_deploy"), false);
    o.insert(QStringLiteral("supports_rolling_deployments"), false);
    o.insert(QStringLiteral("merge_info"),
        QJsonObject {{QStringLiteral("commits_ahead"), null}, {QStringLiteral("commits_behind"), null},
            {QStringLiteral("parent_ref"), e.parent ? QJsonValue(*e.parent) : null}});
    o.insert(QStringLiteral("has_deployment"), false);
    o.insert(QStringLiteral("supports_restrict_robots"), false);
}

} // namespace

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
    ActivityQuery running;
    running.environmentId = e.id;
    running.states = {QStringLiteral("pending"), QStringLiteral("in_progress")};
    running.count = 1;
    e.isDirty = !m_store.activities(projectId, running).isEmpty();
    e.project = projectId;
    // The main environment is the root of the project's tree: a production environment with no parent.
    e.isMain = e.type == EnvironmentType::Production && !e.parent;
    if (e.local) {
        e.hasCode = !e.local->codePath.isEmpty() && QFileInfo(e.local->codePath).isDir();
        e.headCommit = e.hasCode ? GitHead::read(e.local->codePath) : std::nullopt;
    }
    if (call.role == Role::Admin) {
        e.links.set(QStringLiteral("#edit"), base);
        if (e.status == Environment::Status::Active)
            e.links.set(QStringLiteral("#backup"), base + QStringLiteral("/backup"));
        if (e.status == Environment::Status::Active)
            e.links.set(QStringLiteral("#deactivate"), base + QStringLiteral("/deactivate"));
        else if (e.status == Environment::Status::Inactive)
            e.links.set(QStringLiteral("#activate"), base + QStringLiteral("/activate"));
    }
    QJsonObject o = e.toJson();
    insertHostedOnlyFields(o, e);
    // Hook commands are for admins: they may hold credentials and say how the server is run.
    if (call.role != Role::Admin && e.local) {
        QJsonObject local = o.value(QStringLiteral("local")).toObject();
        QJsonObject hooks = local.value(QStringLiteral("hooks")).toObject();
        for (const QString& key : {QStringLiteral("pause"), QStringLiteral("resume")}) {
            if (!hooks.value(key).toString().isEmpty())
                hooks.insert(key, tr("(hidden from viewers)"));
        }
        local.insert(QStringLiteral("hooks"), hooks);
        o.insert(QStringLiteral("local"), local);
    }
    return o;
}

HttpReply ApiServer::afterDatabaseCheck(const LocalDescriptor* local, std::function<HttpReply()> save)
{
    // A descriptor that names an unreachable server, a wrong password or a missing database is refused when it is
    // saved, not at the first backup. Each connection takes up to DatabaseAccess::kConnectTimeoutSeconds, so the
    // checks run on the pool and the API goes on answering meanwhile.
    QList<std::pair<qsizetype, LocalDescriptor::Service>> servers;
    for (qsizetype i = 0; local && i < local->services.size(); ++i) {
        if (local->services.at(i).isServer())
            servers.append({i, local->services.at(i)});
    }
    if (servers.isEmpty())
        return save();
    return HttpReply::deferred([this, servers, save](HttpReply::Respond respond) {
        QtConcurrent::run([servers] {
            Problems problems;
            for (const auto& [index, service] : servers) {
                if (const QString error = DatabaseAccess::check(service); !error.isEmpty())
                    problems.append({JsonPath::index(QStringLiteral("local.services"), index), error});
            }
            return problems;
        }).then(this, [respond, save](const Problems& problems) {
            respond(problems.isEmpty() ? save() : badRequest(problems));
        });
    });
}

std::optional<HttpReply> ApiServer::refuseApiHooks() const
{
    if (m_apiHooksAllowed)
        return std::nullopt;
    return HttpReply::error(403,
        tr("Pause and resume hooks are shell commands that tidemarkd runs, so this server takes them only from its "
           "own files (tidemarkd --data-dir DIR hooks set …), not through the API. Start it with "
           "--allow-api-hooks to allow them here."));
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
    if (local.ok()) {
        e.local = *local.value;
        problems.append(m_confinement.checkDescriptor(*e.local, QStringLiteral("local")));
    } else {
        problems.append(local.problems);
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    if (e.local && (!e.local->pauseHook.isEmpty() || !e.local->resumeHook.isEmpty())) {
        if (auto refused = refuseApiHooks())
            return *refused;
    }

    const QString p = call.params.value(kP);
    if (m_store.environment(p, e.id))
        return HttpReply::error(409, tr("Environment '%1' already exists.").arg(e.id));
    Call answerFor;
    answerFor.role = call.role;
    return afterDatabaseCheck(e.local ? &*e.local : nullptr, [this, p, e, answerFor]() mutable {
        // Checked again: another request may have created it while the servers were being reached.
        if (m_store.environment(p, e.id))
            return HttpReply::error(409, tr("Environment '%1' already exists.").arg(e.id));
        e.createdAtMs = e.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_store.saveEnvironment(p, e))
            return HttpReply::error(500, tr("The environment could not be saved."));
        return HttpReply::json(201, environmentJson(p, e, answerFor));
    });
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
    bool hooksChanged = false;
    if (body->contains(QStringLiteral("local"))) {
        const auto local = LocalDescriptor::fromJson(body->value(QStringLiteral("local")), QStringLiteral("local"));
        if (local.ok()) {
            problems.append(m_confinement.checkDescriptor(*local.value, QStringLiteral("local")));
            const QString pause = e->local ? e->local->pauseHook : QString();
            const QString resume = e->local ? e->local->resumeHook : QString();
            hooksChanged = local.value->pauseHook != pause || local.value->resumeHook != resume;
            e->local = *local.value;
        } else {
            problems.append(local.problems);
        }
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    if (hooksChanged) {
        if (auto refused = refuseApiHooks())
            return *refused;
    }
    Call answerFor;
    answerFor.role = call.role;
    const bool checkServers = body->contains(QStringLiteral("local")) && e->local;
    return afterDatabaseCheck(checkServers ? &*e->local : nullptr, [this, p, updated = *e, answerFor]() mutable {
        if (!m_store.environment(p, updated.id))
            return HttpReply::error(404, tr("Environment '%1' was deleted meanwhile.").arg(updated.id));
        updated.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_store.saveEnvironment(p, updated))
            return HttpReply::error(500, tr("The environment could not be saved."));
        return HttpReply::json(200, environmentJson(p, updated, answerFor));
    });
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
    // A backup still under way would leave a backup behind that a new environment of that name would inherit.
    if (m_engine.isBusy(p, e->id)) {
        return HttpReply::error(
            409, tr("Environment '%1' has an activity pending or running; delete it when that has ended.").arg(e->id));
    }
    if (!m_store.deleteEnvironment(p, e->id))
        return HttpReply::error(500, tr("The environment could not be deleted."));
    m_engine.forgetEnvironment(p, e->id);
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
