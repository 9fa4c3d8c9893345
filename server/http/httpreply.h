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
    // encoding, then hands the socket to this function, which writes the chunks and the last chunk itself.
    std::function<void(QTcpSocket*)> stream;

    static HttpReply json(int status, const QJsonValue& value);
    // The error shape of api-contract.md: {"code", "title", "message", "detail"}.
    static HttpReply error(int status, const QString& message, const QJsonObject& detail = {});
    static QString reasonPhrase(int status);
};
