#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>

class QTcpSocket;

// An HTTP receiver for tests (a test peer, not something Tidemark ships): a QTcpServer on 127.0.0.1 that records every
// request it gets and answers it with a chosen status, at once or after a delay (a slow receiver). It answers while
// the test's event loop runs (TestHttp's waits and QTRY_* run it). stop() closes the port; start() again on the same
// port brings it back.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray& name) const;
        QJsonValue json() const; // undefined when the body is not JSON
    };

    explicit WebhookReceiver(QObject* parent = nullptr);

    bool start(); // on the port it had, or a free one the first time
    void stop(); // closes the port and every open connection
    quint16 port() const { return m_port; }
    QString url(const QString& path) const;

    void setStatus(int status) { m_status = status; }
    // Answers after this long (0: at once); meanwhile the request counts as received.
    void setDelayMs(int ms) { m_delayMs = ms; }

    QList<Request> requests() const { return m_requests; }
    void clear() { m_requests.clear(); }

private:
    void accept();
    void read(QTcpSocket* socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    int m_status = 200;
    int m_delayMs = 0;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
};
