#pragma once

#include "domain/notificationtarget.h"

#include <optional>
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// Something worth telling an administrator: an activity that ended badly (or a restore that ended), a scheduled
// backup that was not taken, or a test message.
struct NotificationEvent
{
    QString event; // one of NotificationTarget::allEvents(), or "test"
    QString projectId;
    QString projectTitle;
    QString environmentId; // empty for project-wide events (copies, verification, test)
    QString environmentTitle;
    QString activityId; // empty when no activity is behind it
    QString activityType;
    QString result; // "success", "failure", "cancelled" or empty
    QString reason; // why it failed (the activity's summary line); empty when it did not fail
    int missedRuns = 0; // backup.missed: how many scheduled runs were not taken
    qint64 atMs = 0;

    // As kept in the store's outbox until delivered, and back (nullopt for what is not such an object).
    QByteArray toJson() const;
    static std::optional<NotificationEvent> fromJson(const QByteArray& json);
};

// The words of a notification, in each format a target takes. Plain and useful: project, environment, what happened,
// why, when, and where to read more (the activity's address and the CLI command that shows its log).
namespace NotificationMessage {

QString title(const NotificationEvent& event);
// Several lines of plain text.
QString text(const NotificationEvent& event);
// The body of a webhook, with its content type and any extra headers.
struct Webhook
{
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
};
Webhook webhook(const NotificationEvent& event, NotificationTarget::Format format);
// An RFC 5322 message with CRLF line ends.
QByteArray email(const NotificationEvent& event, const QString& from, const QStringList& to);

} // namespace NotificationMessage
