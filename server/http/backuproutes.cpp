#include "activities/activityhub.h"
#include "apiserver.h"
#include "domain/jsonread.h"
#include "engine/engine.h"
#include "routehelpers.h"
#include "store/store.h"

#include <QDateTime>

using namespace RouteHelpers;

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
    b.copies = m_engine.copiesOf(record);
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
    const Engine::Request started = m_engine.createBackup(p, e->id, safe, false, Actor::token(call.tokenName));
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
    QJsonObject recorded; // the hosted options: accepted, recorded, without effect on a local server
    QString fromCopy;
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        {
            JsonRead::rejectUnknownKeys(*body,
                {QStringLiteral("restore_code"), QStringLiteral("environment_name"), QStringLiteral("branch_from"),
                    QStringLiteral("restore_resources"), QStringLiteral("resources"), QStringLiteral("from_copy")},
                QString(), problems);
            const QJsonValue restoreResources = body->value(QStringLiteral("restore_resources"));
            if (!restoreResources.isUndefined()) {
                if (auto v = JsonRead::boolean(restoreResources, QStringLiteral("restore_resources"), problems))
                    recorded.insert(QStringLiteral("restore_resources"), *v);
            }
            const QJsonValue resources = body->value(QStringLiteral("resources"));
            if (!resources.isUndefined() && !resources.isNull()) {
                if (auto object = JsonRead::object(resources, QStringLiteral("resources"), problems)) {
                    JsonRead::rejectUnknownKeys(
                        *object, {QStringLiteral("init")}, QStringLiteral("resources"), problems);
                    const QJsonValue init = object->value(QStringLiteral("init"));
                    static const QStringList inits = {QStringLiteral("backup"), QStringLiteral("parent"),
                        QStringLiteral("default"), QStringLiteral("minimum")};
                    if (init.isNull() || init.isUndefined()) {
                        recorded.insert(
                            QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), QJsonValue::Null}});
                    } else if (init.isString() && inits.contains(init.toString())) {
                        recorded.insert(QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), init}});
                    } else {
                        problems.append({QStringLiteral("resources.init"),
                            tr("must be one of backup, parent, default or minimum (or null)")});
                    }
                }
            }
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
            const QJsonValue copy = body->value(QStringLiteral("from_copy"));
            if (!copy.isUndefined() && !copy.isNull()) {
                if (auto v = JsonRead::string(copy, QStringLiteral("from_copy"), problems))
                    fromCopy = *v;
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
    const Engine::Request started
        = m_engine.restore(p, r->backup.id, target, restoreCode, Actor::token(call.tokenName), recorded, fromCopy);
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
    const Engine::Request started = m_engine.deleteBackup(p, r->backup.id, Actor::token(call.tokenName));
    return accepted(started, call);
}
