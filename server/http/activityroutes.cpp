#include "activities/activityhub.h"
#include "apiserver.h"
#include "domain/timestamp.h"
#include "engine/engine.h"
#include "engine/hookrunner.h"
#include "routehelpers.h"
#include "store/store.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace RouteHelpers;

namespace {

// What a hook printed is for admins (it may say how the server is run, or leak what the scrubber missed).
QString forRole(const QString& message, bool viewer)
{
    if (viewer && message.startsWith(HookRunner::outputPrefix()))
        return ApiServer::tr("(hook output hidden from viewers)");
    return message;
}

} // namespace

QJsonObject ApiServer::activityJson(const ActivityRecord& record, const Call& call) const
{
    Activity a = record.activity;
    const QString base = QStringLiteral("/projects/") + record.projectId + QStringLiteral("/activities/") + a.id;
    a.links = Links();
    a.links.set(QStringLiteral("self"), base);
    a.links.set(QStringLiteral("log"), base + QStringLiteral("/log"));
    if (call.role == Role::Admin && m_engine.isCancellable(record))
        a.links.set(QStringLiteral("#cancel"), base + QStringLiteral("/cancel"));
    // Undo while the restore's safety backup exists (an admin may run it).
    if (call.role == Role::Admin && a.type == QLatin1String("environment.restore") && a.isFinished()
        && a.result == Activity::Result::Success) {
        const QString safety = a.payload.value(QStringLiteral("safety_backup")).toString();
        const auto backup = safety.isEmpty() ? std::nullopt : m_store.backup(record.projectId, safety);
        if (backup && backup->backup.status == Backup::Status::Created)
            a.links.set(QStringLiteral("#undo"), base + QStringLiteral("/undo"));
    }

    if (call.role != Role::Admin && a.log.contains(HookRunner::outputPrefix())) {
        QStringList lines = a.log.split(QLatin1Char('\n'));
        for (QString& line : lines)
            line = forRole(line, true);
        a.log = lines.join(QLatin1Char('\n'));
    }

    // The hosted fields, from what the store keeps.
    a.project = record.projectId;
    if (a.isFinished())
        a.completionPercent = 100;
    qint64 updated = a.createdAtMs;
    for (const auto& at : {a.startedAtMs, a.completedAtMs, a.cancelledAtMs})
        updated = std::max(updated, at.value_or(0));
    a.updatedAtMs = updated;
    a.failureReason = a.result == Activity::Result::Failure ? std::optional(QStringLiteral("error")) : std::nullopt;
    // Seconds waiting in the environment's queue and running, as the hosted API reports them.
    QJsonObject timings;
    if (a.startedAtMs) {
        timings.insert(QStringLiteral("wait"), double(*a.startedAtMs - a.createdAtMs) / 1000.0);
        if (a.completedAtMs)
            timings.insert(QStringLiteral("execute"), double(*a.completedAtMs - *a.startedAtMs) / 1000.0);
    }
    a.timings = timings;
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
    ActivityQuery query;
    query.environmentId = call.params.value(kE);
    if (!query.environmentId.isEmpty() && !m_store.environment(p, query.environmentId))
        return HttpReply::error(404, tr("Environment '%1' does not exist.").arg(query.environmentId.left(64)));
    query.count = 100;
    if (call.query.hasQueryItem(QStringLiteral("count"))) {
        bool ok = false;
        query.count = call.query.queryItemValue(QStringLiteral("count")).toInt(&ok);
        if (!ok || query.count < 1 || query.count > 1000)
            return badRequest({{QStringLiteral("count"), tr("must be an integer from 1 to 1000")}});
    }
    // Each filter may repeat (?type=a&type=b): any of the values matches.
    Problems problems;
    const auto values = [&call](const QString& key) {
        QStringList out;
        for (const QString& v : call.query.allQueryItemValues(key, QUrl::FullyDecoded)) {
            if (!v.isEmpty())
                out.append(v);
        }
        return out;
    };
    query.types = values(QStringLiteral("type"));
    // The hosted API's states for activities that wait for a later run or a deployment never occur here.
    static const QStringList hostedOnlyStates = {QStringLiteral("scheduled"), QStringLiteral("staged")};
    for (const QString& state : values(QStringLiteral("state"))) {
        if (Activity::stateFromString(state) || hostedOnlyStates.contains(state))
            query.states.append(state);
        else
            problems.append({QStringLiteral("state"),
                tr("'%1' is not a state (pending, in_progress, complete or cancelled)").arg(state.left(32))});
    }
    for (const QString& result : values(QStringLiteral("result"))) {
        if (Activity::resultFromString(result))
            query.results.append(result);
        else
            problems.append(
                {QStringLiteral("result"), tr("'%1' is not a result (success or failure)").arg(result.left(32))});
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    QJsonArray out;
    for (const ActivityRecord& r : m_store.activities(p, query))
        out.append(activityJson(r, call));
    return HttpReply::json(200, out);
}

std::optional<ActivityRecord> ApiServer::activityOf(const Call& call, HttpReply& notFound) const
{
    if (auto error = requireProject(call)) {
        notFound = *error;
        return std::nullopt;
    }
    const QString p = call.params.value(kP);
    const QString environment = call.params.value(kE);
    if (!environment.isEmpty() && !m_store.environment(p, environment)) {
        notFound = HttpReply::error(404, tr("Environment '%1' does not exist.").arg(environment.left(64)));
        return std::nullopt;
    }
    auto r = m_store.activity(p, call.params.value(kA));
    // Under an environment's path, only the activities that concern it exist.
    if (!r || (!environment.isEmpty() && !r->activity.environments.contains(environment))) {
        notFound = HttpReply::error(404, tr("Activity '%1' does not exist.").arg(call.params.value(kA).left(64)));
        return std::nullopt;
    }
    return r;
}

HttpReply ApiServer::getActivity(const Call& call)
{
    HttpReply notFound;
    const auto r = activityOf(call, notFound);
    if (!r)
        return notFound;
    return HttpReply::json(200, activityJson(*r, call));
}

namespace {

QByteArray logLineJson(ActivityLogLine line, bool viewer)
{
    line.message = forRole(line.message, viewer);
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
    HttpReply notFound;
    const auto r = activityOf(call, notFound);
    if (!r)
        return notFound;
    HttpReply reply;
    reply.contentType = QByteArrayLiteral("application/x-ndjson");
    if (r->activity.isFinished()) {
        for (const ActivityLogLine& line : m_store.log(r->activity.id))
            reply.body += logLineJson(line, call.role != Role::Admin);
        reply.body += kSeal;
        return reply;
    }
    // Still running: the stream stays open and delivers lines as they happen, then the seal.
    const QString activityId = r->activity.id;
    const bool viewer = call.role != Role::Admin;
    reply.stream = [this, activityId, viewer](QTcpSocket* socket) { streamLog(socket, activityId, viewer); };
    return reply;
}

void ApiServer::streamLog(QTcpSocket* socket, const QString& activityId, bool viewer)
{
    QByteArray backlog;
    for (const ActivityLogLine& line : m_store.log(activityId))
        backlog += logLineJson(line, viewer);
    if (!backlog.isEmpty())
        socket->write(chunk(backlog));

    // A context object tied to the socket: when the client goes away, the connections go with it.
    auto* subscription = new QObject(socket);
    connect(&m_hub, &ActivityHub::logAppended, subscription,
        [socket, activityId, viewer](const QString& id, const ActivityLogLine& line) {
            if (id == activityId)
                socket->write(chunk(logLineJson(line, viewer)));
        });
    connect(&m_hub, &ActivityHub::activityFinished, subscription,
        [socket, subscription, activityId](const QString&, const QString& id) {
            if (id != activityId)
                return;
            socket->write(chunk(kSeal) + "0\r\n\r\n");
            subscription->deleteLater();
            // The answer was sent with Connection: close; closing (once the last chunk is out) ends it.
            socket->disconnectFromHost();
        });
}

HttpReply ApiServer::undoActivity(const Call& call)
{
    HttpReply notFound;
    const auto r = activityOf(call, notFound);
    if (!r)
        return notFound;
    if (auto error = requireAdmin(call, tr("undo restores")))
        return *error;
    return accepted(m_engine.undo(call.params.value(kP), r->activity.id, Actor::token(call.tokenName)), call);
}

HttpReply ApiServer::cancelActivity(const Call& call)
{
    HttpReply notFound;
    const auto r = activityOf(call, notFound);
    if (!r)
        return notFound;
    if (auto error = requireAdmin(call, tr("cancel activities")))
        return *error;
    const QString p = call.params.value(kP);
    const Engine::Request done = m_engine.cancel(p, r->activity.id);
    if (!done.ok() && done.status != 200)
        return HttpReply::error(done.status, done.error);
    // The hosted answer ({"status", "code"}), with the activity as it is now embedded like a 202's.
    const auto current = m_store.activity(p, r->activity.id);
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("accepted")}, {QStringLiteral("code"), 200},
            {QStringLiteral("_embedded"),
                QJsonObject {{QStringLiteral("activities"), QJsonArray {activityJson(current.value_or(*r), call)}}}}});
}
