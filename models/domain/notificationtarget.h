#pragma once

#include "problem.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// One entry of the project setting `notifications`: where tidemarkd sends alerts (a webhook or e-mail over SMTP) and
// for which events. Its secrets are write-only: the webhook URL comes back with its path and query replaced by
// `[redacted]`, the SMTP password as `[redacted]` (or null when there is none); tidemarkd keeps the values in a file
// of mode 0600 beside the database, never in it.
struct NotificationTarget
{
    enum class Kind { Webhook, Email };
    enum class Format { Json, Slack, Ntfy };
    enum class Tls { StartTls, Implicit, None };

    // What an answer shows in place of a secret; given back in a PATCH, it keeps the stored value.
    static inline const QString kRedacted = QStringLiteral("[redacted]");

    QString name; // [a-z0-9][a-z0-9_-]*, at most 64 characters
    Kind kind = Kind::Webhook;
    QStringList events; // of allEvents(), in that order, unique

    // Webhook
    QString url; // as shown: redactedUrl() of the real one
    std::optional<QString> urlValue; // only when a PATCH gave the full URL
    Format format = Format::Json;

    // E-mail
    QString smtpHost;
    int smtpPort = 587;
    Tls tls = Tls::StartTls;
    QString smtpUser;
    bool hasPassword = false;
    // Only when a PATCH gave one: a value to store (an empty string removes the stored password).
    std::optional<QString> passwordValue;
    QStringList to;
    QString from; // empty: tidemarkd@<host name>

    static QStringList allEvents();
    static QString kindToString(Kind kind);
    static QString formatToString(Format format);
    static QString tlsToString(Tls tls);
    // scheme://host[:port] with everything after it (path, query, user) replaced by [redacted].
    static QString redactedUrl(const QString& url);

    // Strict: unknown keys, wrong types and bad values are problems named by their path (`notifications[0].url`).
    static Decoded<NotificationTarget> fromJson(const QJsonValue& json, const QString& basePath = {});
    // Secrets as kRedacted only.
    QJsonObject toJson() const;
    // A list with unique names.
    static Decoded<QList<NotificationTarget>> listFromJson(const QJsonValue& json, const QString& basePath);

    bool operator==(const NotificationTarget&) const = default;
};
