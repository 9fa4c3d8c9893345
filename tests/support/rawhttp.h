#pragma once

#include <memory>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QTcpSocket;

// One keep-alive HTTP/1.1 connection with byte-exact requests: the request target, headers and body go out as
// given (QNetworkAccessManager would normalise "..", re-encode the path and refuse odd targets). Blocking, for
// tests and benchmarks only; every request is bounded by its timeout.
class RawHttp
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Response
    {
        int status = 0; // 0: no complete answer (see error)
        QByteArray body;
        Headers headers;
        QString error;
        QByteArray header(const QByteArray& name) const;
    };

    RawHttp(const QString& host, quint16 port);
    ~RawHttp();

    // Sends `method target HTTP/1.1` with Host, Content-Length (when there is a body or the method usually has
    // one) and `headers`, and reads one answer (Content-Length, chunked, or until the server closes).
    Response send(const QByteArray& method, const QByteArray& target, const Headers& headers, const QByteArray& body,
        int timeoutMs);

private:
    bool connectIfNeeded(int timeoutMs, QString* error);
    void drop();

    QString m_host;
    quint16 m_port = 0;
    std::unique_ptr<QTcpSocket> m_socket;
};
