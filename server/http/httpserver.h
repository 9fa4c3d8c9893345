#pragma once

#include "httpconnection.h"
#include "httplimits.h"

#include <optional>
#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

// tidemarkd's HTTP/1.1 server (HTTPS when given a certificate): accepts connections under a cap per client address
// and overall, and gives each to an HttpConnection, which enforces the size and time limits. Everything runs on
// the thread of this object's event loop.
class HttpServer : public QTcpServer
{
    Q_OBJECT

public:
    HttpServer(const HttpLimits& limits, HttpConnection::Handler handler, QObject* parent = nullptr);
    ~HttpServer() override;

    // Serve HTTPS with this configuration (certificate chain and key); call before listen().
    void setTlsConfiguration(const QSslConfiguration& configuration) { m_tls = configuration; }
    bool isTls() const { return m_tls.has_value(); }

    // The server side of TLS from PEM files: the certificate (then any intermediates) and its private key.
    static std::optional<QSslConfiguration> loadTlsConfiguration(
        const QString& certificateFile, const QString& keyFile, QString& error);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    // Over a cap: a plain connection hears a 503 and is closed; a TLS one is closed before any handshake work.
    void refuse(QTcpSocket* socket, const QString& message);
    void release(const QHostAddress& address);

    HttpLimits m_limits;
    HttpConnection::Handler m_handler;
    std::optional<QSslConfiguration> m_tls;
    QHash<QHostAddress, int> m_perAddress;
    int m_connections = 0;
};
