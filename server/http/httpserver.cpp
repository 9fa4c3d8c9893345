#include "httpserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <unistd.h>

namespace {

// A refused connection's 503 is tiny; if the client does not take it at once, it is dropped.
constexpr int kRefusalGraceMs = 2000;

QByteArray readFile(const QString& path, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return {};
    }
    // A certificate chain and a key are a few KiB; anything far larger is not one.
    return file.read(1024 * 1024);
}

} // namespace

HttpServer::HttpServer(const HttpLimits& limits, HttpConnection::Handler handler, QObject* parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
{ }

HttpServer::~HttpServer()
{
    // The connections (children) go before the counts they would update.
    for (HttpConnection* connection : findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly)) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
}

std::optional<QSslConfiguration> HttpServer::loadTlsConfiguration(
    const QString& certificateFile, const QString& keyFile, QString& error)
{
    if (!QSslSocket::supportsSsl()) {
        error = tr("this build of Qt has no TLS support (%1)").arg(QSslSocket::sslLibraryBuildVersionString());
        return std::nullopt;
    }
    QString readError;
    const QByteArray certificatePem = readFile(certificateFile, readError);
    if (!readError.isEmpty()) {
        error = tr("--tls-cert: cannot read %1: %2").arg(certificateFile, readError);
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        error = tr("--tls-cert: %1 holds no PEM certificate").arg(certificateFile);
        return std::nullopt;
    }
    const QByteArray keyPem = readFile(keyFile, readError);
    if (!readError.isEmpty()) {
        error = tr("--tls-key: cannot read %1: %2").arg(keyFile, readError);
        return std::nullopt;
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        error = tr("--tls-key: %1 holds no unencrypted PEM private key (RSA, EC or DSA)").arg(keyFile);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are with tokens
    return configuration;
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    // The socket is made here rather than by QSslServer so that the caps apply before any handshake work and the
    // header timeout covers the handshake too.
    QTcpSocket* socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (m_connections >= m_limits.maxConnections) {
        refuse(socket, tr("The server has too many connections open; try again later."));
        return;
    }
    if (m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
        refuse(socket, tr("Too many connections from this address; close some and try again."));
        return;
    }
    ++m_connections;
    ++m_perAddress[peer];
    if (m_tls) {
        auto* tls = static_cast<QSslSocket*>(socket);
        tls->setSslConfiguration(*m_tls);
        tls->startServerEncryption();
    }
    auto* connection = new HttpConnection(socket, m_limits, m_handler, this);
    connect(connection, &QObject::destroyed, this, [this, peer] { release(peer); });
}

void HttpServer::refuse(QTcpSocket* socket, const QString& message)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (m_tls) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->write(HttpReply::error(503, message).serialize(false));
    QTimer::singleShot(kRefusalGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
}

void HttpServer::release(const QHostAddress& address)
{
    --m_connections;
    const auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}
