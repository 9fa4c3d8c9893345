#include "httpreply.h"

#include <QJsonArray>
#include <QJsonDocument>

QByteArray HttpReply::serialize(bool keepAlive, bool withBody) const
{
    QByteArray out
        = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status).toLatin1() + "\r\n";
    out += QByteArrayLiteral("Content-Type: ") + contentType + "\r\n";
    if (stream)
        out += QByteArrayLiteral("Transfer-Encoding: chunked\r\n");
    else
        out += QByteArrayLiteral("Content-Length: ") + QByteArray::number(body.size()) + "\r\n";
    // Said in both cases: an HTTP/1.0 client keeps a connection only when told, an HTTP/1.1 client closes when told.
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    for (const auto& [key, value] : headers)
        out += key + ": " + value + "\r\n";
    out += "\r\n";
    if (withBody && !stream)
        out += body;
    return out;
}

HttpReply HttpReply::json(int status, const QJsonValue& value)
{
    HttpReply reply;
    reply.status = status;
    reply.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return reply;
}

HttpReply HttpReply::deferred(std::function<void(Respond)> start)
{
    HttpReply reply;
    reply.later = std::move(start);
    return reply;
}

HttpReply HttpReply::error(int status, const QString& message, const QJsonObject& detail)
{
    QJsonObject body {
        {QStringLiteral("code"), status},
        {QStringLiteral("title"), reasonPhrase(status)},
        {QStringLiteral("message"), message},
    };
    if (!detail.isEmpty())
        body.insert(QStringLiteral("detail"), detail);
    return json(status, body);
}

QString HttpReply::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 408:
        return QStringLiteral("Request Timeout");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Payload Too Large");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 503:
        return QStringLiteral("Service Unavailable");
    }
    return QStringLiteral("Error");
}
