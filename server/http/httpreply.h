#pragma once

#include <functional>
#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>

class QTcpSocket;

// A complete answer to one request: status, JSON body and extra headers.
struct HttpReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers;
    // When set, the answer is streamed: the server writes the status line and headers with chunked transfer
    // encoding and Connection: close, then hands the socket to this function, which writes the chunks and the last
    // chunk itself and then closes the socket (disconnectFromHost), which ends the connection.
    std::function<void(QTcpSocket*)> stream;
    // When set, the answer is not known yet (it waits for a restic run): the server calls this with a function
    // that takes the real answer (which may itself stream) and sends it, once; meanwhile the connection reads no
    // further request. Calling it after the client went away does nothing.
    using Respond = std::function<void(const HttpReply&)>;
    std::function<void(Respond)> later;

    // The status line and headers, with Content-Length (or Transfer-Encoding: chunked for a stream) and the
    // Connection header that says whether the server keeps the connection; then the body unless `withBody` is false
    // (an answer to HEAD) or the answer is a stream.
    QByteArray serialize(bool keepAlive, bool withBody = true) const;

    static HttpReply json(int status, const QJsonValue& value);
    // An answer that comes once `start` calls its Respond (see `later`).
    static HttpReply deferred(std::function<void(Respond)> start);
    // The error shape of api-contract.md: {"code", "title", "message", "detail"}.
    static HttpReply error(int status, const QString& message, const QJsonObject& detail = {});
    static QString reasonPhrase(int status);
};
