#include "notificationmessage.h"

#include "domain/timestamp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NotificationMessage)
};

QString where(const NotificationEvent& e)
{
    const QString project = e.projectTitle.isEmpty() || e.projectTitle == e.projectId
        ? e.projectId
        : QStringLiteral("%1 (%2)").arg(e.projectId, e.projectTitle);
    if (e.environmentId.isEmpty())
        return Tr::tr("project %1").arg(project);
    const QString environment = e.environmentTitle.isEmpty() || e.environmentTitle == e.environmentId
        ? e.environmentId
        : QStringLiteral("%1 (%2)").arg(e.environmentId, e.environmentTitle);
    return Tr::tr("environment %1 of project %2").arg(environment, project);
}

QString activityPath(const NotificationEvent& e)
{
    return QStringLiteral("/projects/%1/activities/%2").arg(e.projectId, e.activityId);
}

bool isFailure(const NotificationEvent& e)
{
    return e.event != QLatin1String("test")
        && (e.event != QLatin1String("restore.finished") || e.result != QLatin1String("success"));
}

// RFC 2047 for a header that is not plain ASCII (mail subjects, ntfy titles).
QByteArray headerText(const QString& text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QString slackEscaped(QString text)
{
    // Slack's mrkdwn reserves these three.
    return text.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

} // namespace

QByteArray NotificationEvent::toJson() const
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("event"), event}, {QStringLiteral("project"), projectId},
            {QStringLiteral("project_title"), projectTitle}, {QStringLiteral("environment"), environmentId},
            {QStringLiteral("environment_title"), environmentTitle}, {QStringLiteral("activity"), activityId},
            {QStringLiteral("activity_type"), activityType}, {QStringLiteral("result"), result},
            {QStringLiteral("reason"), reason}, {QStringLiteral("missed_runs"), missedRuns},
            {QStringLiteral("at"), double(atMs)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<NotificationEvent> NotificationEvent::fromJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (!o.value(QStringLiteral("event")).isString() || !o.value(QStringLiteral("project")).isString())
        return std::nullopt;
    NotificationEvent e;
    e.event = o.value(QStringLiteral("event")).toString();
    e.projectId = o.value(QStringLiteral("project")).toString();
    e.projectTitle = o.value(QStringLiteral("project_title")).toString();
    e.environmentId = o.value(QStringLiteral("environment")).toString();
    e.environmentTitle = o.value(QStringLiteral("environment_title")).toString();
    e.activityId = o.value(QStringLiteral("activity")).toString();
    e.activityType = o.value(QStringLiteral("activity_type")).toString();
    e.result = o.value(QStringLiteral("result")).toString();
    e.reason = o.value(QStringLiteral("reason")).toString();
    e.missedRuns = o.value(QStringLiteral("missed_runs")).toInt();
    e.atMs = qint64(o.value(QStringLiteral("at")).toDouble());
    return e;
}

QString NotificationMessage::title(const NotificationEvent& e)
{
    const QString scope = e.environmentId.isEmpty() ? e.projectId : e.projectId + QLatin1Char('/') + e.environmentId;
    if (e.event == QLatin1String("backup.failed"))
        return Tr::tr("Backup failed: %1").arg(scope);
    if (e.event == QLatin1String("backup.missed"))
        return Tr::tr("Scheduled backup missed: %1").arg(scope);
    if (e.event == QLatin1String("copy.failed"))
        return Tr::tr("Copy failed: %1").arg(scope);
    if (e.event == QLatin1String("verify.failed"))
        return Tr::tr("Verification failed: %1").arg(scope);
    if (e.event == QLatin1String("restore.finished")) {
        if (e.result == QLatin1String("success"))
            return Tr::tr("Restore finished: %1").arg(scope);
        if (e.result == QLatin1String("cancelled"))
            return Tr::tr("Restore cancelled: %1").arg(scope);
        return Tr::tr("Restore failed: %1").arg(scope);
    }
    return Tr::tr("Test message: %1").arg(scope);
}

QString NotificationMessage::text(const NotificationEvent& e)
{
    QStringList lines;
    const QString place = where(e);
    if (e.event == QLatin1String("backup.failed"))
        lines.append(Tr::tr("A backup of %1 failed.").arg(place));
    else if (e.event == QLatin1String("backup.missed"))
        lines.append(
            Tr::tr("The backup schedule of %1 missed %n run(s); a backup has been started now.", "", e.missedRuns)
                .arg(place));
    else if (e.event == QLatin1String("copy.failed"))
        lines.append(Tr::tr("Copying the backups of %1 to an off-site repository failed.").arg(place));
    else if (e.event == QLatin1String("verify.failed"))
        lines.append(Tr::tr("Verifying the backup repository of %1 failed.").arg(place));
    else if (e.event == QLatin1String("restore.finished")) {
        if (e.result == QLatin1String("success"))
            lines.append(Tr::tr("A restore into %1 finished successfully.").arg(place));
        else if (e.result == QLatin1String("cancelled"))
            lines.append(Tr::tr("A restore into %1 was cancelled.").arg(place));
        else
            lines.append(Tr::tr("A restore into %1 failed.").arg(place));
    } else
        lines.append(
            Tr::tr("This is a test message from tidemarkd for %1. If you read it, alerts reach you here.").arg(place));
    if (!e.reason.isEmpty())
        lines.append((isFailure(e) ? Tr::tr("Reason: %1") : Tr::tr("Summary: %1")).arg(e.reason));
    lines.append(Tr::tr("When: %1").arg(Timestamp::formatMsecs(e.atMs)));
    if (!e.activityId.isEmpty())
        lines.append(Tr::tr("Activity: %1 (tidemark-cli activity:log %2 -p %3)")
                         .arg(activityPath(e), e.activityId, e.projectId));
    return lines.join(QLatin1Char('\n'));
}

NotificationMessage::Webhook NotificationMessage::webhook(const NotificationEvent& e, NotificationTarget::Format format)
{
    Webhook hook;
    switch (format) {
    case NotificationTarget::Format::Slack: {
        // An incoming webhook's message: the title in bold above the plain lines.
        const QString message
            = QLatin1Char('*') + slackEscaped(title(e)) + QStringLiteral("*\n") + slackEscaped(text(e));
        hook.body = QJsonDocument(QJsonObject {{QStringLiteral("text"), message}}).toJson(QJsonDocument::Compact);
        hook.contentType = QByteArrayLiteral("application/json");
        break;
    }
    case NotificationTarget::Format::Ntfy:
        // ntfy publishes the body of a POST to the topic's URL; the headers carry title, priority and tags.
        hook.body = text(e).toUtf8();
        hook.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        hook.headers.append({QByteArrayLiteral("Title"), headerText(title(e))});
        hook.headers.append(
            {QByteArrayLiteral("Priority"), isFailure(e) ? QByteArrayLiteral("high") : QByteArrayLiteral("default")});
        hook.headers.append({QByteArrayLiteral("Tags"),
            isFailure(e) ? QByteArrayLiteral("warning,tidemark") : QByteArrayLiteral("white_check_mark,tidemark")});
        break;
    case NotificationTarget::Format::Json: {
        QJsonObject o {{QStringLiteral("event"), e.event},
            {QStringLiteral("project"),
                QJsonObject {{QStringLiteral("id"), e.projectId}, {QStringLiteral("title"), e.projectTitle}}},
            {QStringLiteral("environment"),
                e.environmentId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                          : QJsonValue(QJsonObject {{QStringLiteral("id"), e.environmentId},
                                              {QStringLiteral("title"), e.environmentTitle}})},
            {QStringLiteral("activity"),
                e.activityId.isEmpty()
                    ? QJsonValue(QJsonValue::Null)
                    : QJsonValue(
                        QJsonObject {{QStringLiteral("id"), e.activityId}, {QStringLiteral("type"), e.activityType},
                            {QStringLiteral("result"),
                                e.result.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.result)},
                            {QStringLiteral("href"), activityPath(e)}})},
            {QStringLiteral("reason"), e.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.reason)},
            {QStringLiteral("at"), Timestamp::formatMsecs(e.atMs)}, {QStringLiteral("title"), title(e)},
            {QStringLiteral("text"), text(e)}};
        if (e.event == QLatin1String("backup.missed"))
            o.insert(QStringLiteral("missed_runs"), e.missedRuns);
        hook.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        hook.contentType = QByteArrayLiteral("application/json");
        break;
    }
    }
    return hook;
}

QByteArray NotificationMessage::email(const NotificationEvent& e, const QString& from, const QStringList& to)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString domain = from.section(QLatin1Char('@'), 1);
    QByteArray id = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    QByteArray message;
    message
        += "Date: " + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss +0000")).toLatin1() + "\r\n";
    message += "From: " + from.toLatin1() + "\r\n";
    message += "To: " + to.join(QLatin1String(", ")).toLatin1() + "\r\n";
    message += "Subject: " + headerText(QStringLiteral("[Tidemark] ") + title(e)) + "\r\n";
    message += "Message-ID: <" + id + ".tidemark@" + domain.toLatin1() + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "Auto-Submitted: auto-generated\r\n";
    message += "\r\n";
    QByteArray body = text(e).toUtf8();
    body.replace("\r\n", "\n").replace('\n', "\r\n");
    message += body + "\r\n";
    return message;
}
