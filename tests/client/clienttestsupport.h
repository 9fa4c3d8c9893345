#pragma once

// Helpers shared by the client suites: waiting (bounded) for a future, and a scripted HTTP server on
// loopback for answers a real tidemarkd never gives (silence, broken JSON, junk log lines).
#include "client/apiclient.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

// Waits for a future, processing events, at most `timeoutMs`. A future still running is a Timeout error
// with the url "test-wait" (so a hanging client shows as a failed comparison, not a hanging test).
template<typename T>
ApiResult<T> await(const QFuture<ApiResult<T>>& future, int timeoutMs = 30000)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs)) {
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        error.url = QStringLiteral("test-wait");
        error.timeoutMs = timeoutMs;
        return ApiResult<T>::failure(error);
    }
    if (future.resultCount() == 0) {
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        return ApiResult<T>::failure(error);
    }
    return future.result();
}

inline ApiClient::Connection connectionTo(const QString& apiUrl, const QString& tokenUrl, const QString& token)
{
    ApiClient::Connection c;
    c.apiUrl = QUrl(apiUrl);
    c.tokenUrl = QUrl(tokenUrl);
    c.apiToken = token;
    return c;
}

inline ApiClient::Connection connectionTo(const QString& serverUrl, const QString& token)
{
    return connectionTo(serverUrl, serverUrl + QStringLiteral("/oauth2/token"), token);
}

// Answers every request with the same bytes (after reading the whole request), or never when `answer` is
// empty. closeAfterAnswer: the connection is closed once the answer is written; `hangUp`: closed at once.
class FakeHttpServer : public QObject
{
public:
    static QByteArray http(int status, const QByteArray& body, const QByteArray& contentType = "application/json")
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " Whatever\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    explicit FakeHttpServer(const QByteArray& answer = {}, bool hangUp = false)
        : m_answer(answer)
        , m_hangUp(hangUp)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++m_connections;
                m_sockets.append(socket);
                if (m_hangUp) {
                    socket->abort();
                    socket->deleteLater();
                    continue;
                }
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int connections() const { return m_connections; }
    int requests() const { return m_requests.size(); }
    QByteArray lastRequest() const { return m_requests.isEmpty() ? QByteArray() : m_requests.last(); }
    void setAnswer(const QByteArray& answer) { m_answer = answer; }

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        m_requests.append(buffer.left(headerEnd + 4 + length));
        buffer.clear();
        if (m_answer.isEmpty())
            return; // silent: the client's timeout must end it
        socket->write(m_answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_answer;
    bool m_hangUp = false;
    int m_connections = 0;
    QList<QByteArray> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};
