// The notifications' routes: delivery status, the "Send test" action, and the write-only secrets of the
// `notifications` setting (kept by NotificationSecrets, never in the database or an answer).
#include "apiserver.h"
#include "notify/notificationsecrets.h"
#include "notify/notifier.h"
#include "routehelpers.h"

#include <QPointer>

using namespace RouteHelpers;

std::optional<HttpReply> ApiServer::resolveNotificationSecrets(const QString& projectId,
    QList<NotificationTarget>& targets, QHash<QString, NotificationSecretValues>& values) const
{
    const NotificationSecrets secrets(m_engine.dataDir());
    Problems problems;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        NotificationTarget& target = targets[i];
        const QString path = QStringLiteral("notifications[%1]").arg(i);
        const NotificationSecrets::Values stored = secrets.read(projectId, target.name);
        NotificationSecretValues value;
        if (target.kind == NotificationTarget::Kind::Webhook) {
            if (target.urlValue) {
                value.url = *target.urlValue;
            } else if (!stored.url.isEmpty() && NotificationTarget::redactedUrl(stored.url) == target.url) {
                value.url = stored.url; // given back as shown: the stored URL stays
            } else {
                problems.append(
                    {path + QStringLiteral(".url"), tr("has no stored URL that it stands for; give the full URL")});
            }
        } else {
            if (target.passwordValue) {
                value.password = *target.passwordValue;
            } else if (!stored.password.isEmpty()) {
                value.password = stored.password; // "[redacted]" or not given: the stored password stays
                target.hasPassword = true;
            } else if (target.hasPassword) {
                problems.append(
                    {path + QStringLiteral(".smtp.password"), tr("has no stored password; give the password itself")});
            }
            target.hasPassword = !value.password.isEmpty();
            if (target.hasPassword && target.tls == NotificationTarget::Tls::None)
                problems.append({path + QStringLiteral(".smtp.tls"),
                    tr("must be starttls or tls when a password is stored (it would travel in the clear)")});
        }
        // What the database keeps: the shown forms only.
        target.urlValue.reset();
        target.passwordValue.reset();
        values.insert(target.name, value);
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    return std::nullopt;
}

std::optional<HttpReply> ApiServer::storeNotificationSecrets(const QString& projectId,
    const QList<NotificationTarget>& before, const QHash<QString, NotificationSecretValues>& values) const
{
    const NotificationSecrets secrets(m_engine.dataDir());
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const QString error = secrets.write(projectId, it.key(), NotificationSecrets::Values {it->url, it->password});
        if (!error.isEmpty()) {
            qWarning("tidemarkd: %s", qPrintable(error));
            return HttpReply::error(
                500, tr("The secrets of notification target '%1' could not be stored.").arg(it.key()));
        }
    }
    for (const NotificationTarget& target : before) {
        if (!values.contains(target.name))
            secrets.remove(projectId, target.name);
    }
    return std::nullopt;
}

HttpReply ApiServer::getNotifications(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (!m_notifier)
        return HttpReply::error(404, tr("This server sends no notifications."));
    QJsonObject answer = m_notifier->status(call.params.value(kP));
    answer.insert(QStringLiteral("_links"),
        QJsonObject {{QStringLiteral("self"),
                         link(QStringLiteral("/projects/") + call.params.value(kP) + QStringLiteral("/notifications"))},
            {QStringLiteral("#test"),
                link(QStringLiteral("/projects/") + call.params.value(kP) + QStringLiteral("/notifications/test"),
                    "POST")}});
    return HttpReply::json(200, answer);
}

HttpReply ApiServer::testNotifications(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("send test notifications")))
        return *error;
    if (!m_notifier)
        return HttpReply::error(404, tr("This server sends no notifications."));
    if (!call.body.trimmed().isEmpty() && call.body.trimmed() != "{}")
        return HttpReply::error(400, tr("The body must be empty: the test goes to every notification target."));
    const QString p = call.params.value(kP);
    if (m_store.settings(p).notifications.isEmpty())
        return HttpReply::error(409, tr("Project '%1' has no notification targets; add some to its settings.").arg(p));
    QPointer<Notifier> notifier = m_notifier;
    return HttpReply::deferred([notifier, p](HttpReply::Respond respond) {
        if (!notifier) {
            respond(HttpReply::error(503, tr("tidemarkd is shutting down.")));
            return;
        }
        notifier->sendTest(p, [respond](const QJsonArray& results) {
            bool allOk = true;
            for (const QJsonValue& r : results)
                allOk = allOk && r.toObject().value(QStringLiteral("ok")).toBool();
            respond(HttpReply::json(200,
                QJsonObject {{QStringLiteral("status"), allOk ? QStringLiteral("sent") : QStringLiteral("failed")},
                    {QStringLiteral("code"), 200}, {QStringLiteral("results"), results}}));
        });
    });
}
