#pragma once

#include <atomic>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// One attempt to deliver one notification, with libcurl: an HTTP POST to a webhook or a message over SMTP. Blocking:
// runs on a worker thread (Notifier's pool), never on tidemarkd's main thread.
class NotificationSender
{
public:
    struct Request
    {
        enum class Kind { Http, Smtp };
        Kind kind = Kind::Http;
        QByteArray url; // http(s)://… for a webhook; smtp://host:port or smtps://host:port
        // HTTP
        QByteArray contentType;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // the webhook's body, or the whole mail message
        // SMTP
        bool requireTls = false; // STARTTLS, and fail rather than send in the clear
        QByteArray user;
        QByteArray password;
        QByteArray from;
        QList<QByteArray> recipients;
        // Whole attempt, connection included.
        int timeoutMs = 15000;
        // A CA bundle to trust instead of the system's (tidemarkd takes it from CURL_CA_BUNDLE, as curl does).
        QByteArray caFile;
        // Strings that must not appear in an error sentence (the URL's secret part, the password).
        QList<QByteArray> secrets;
    };
    struct Result
    {
        bool ok = false;
        QString error; // a sentence without secrets; empty when ok
    };

    // Sends once. `abort` (may be null) stops a transfer in progress within about a second when it becomes true.
    static Result send(const Request& request, const std::atomic_bool* abort);
    // curl_global_init, once per process, from the main thread before any worker sends.
    static void initialize();
};
