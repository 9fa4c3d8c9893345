#include "httpconnection.h"

#include "httprequest.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <QLocale>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

namespace http = boost::beast::http;

namespace {

// Qt reads from the kernel only this far ahead of the parser; beyond it, TCP flow control makes the client wait.
constexpr qint64 kReadBufferBytes = 64 * 1024;
constexpr qint64 kReadChunkBytes = 16 * 1024;
// Answers waiting to be sent beyond which no further pipelined request is read, so that a client that sends
// requests without reading the answers cannot make the server buffer them without end.
constexpr qint64 kMaxUnsentBytes = 256 * 1024;
// After an error answer the client may still be sending (a body it was told is too large): closing at once would
// reset the connection and could destroy the answer before the client reads it. Its bytes are read and dropped
// until it is quiet this long, or for at most kLingerMaxMs.
constexpr int kLingerQuietMs = 1000;
constexpr int kLingerMaxMs = 10000;

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 0, QLocale::DataSizeIecFormat);
}

QString secondsText(int ms)
{
    return QString::number(double(ms) / 1000.0);
}

} // namespace

struct HttpConnection::Parser
{
    explicit Parser(const HttpLimits& limits)
    {
        parser.header_limit(std::uint32_t(limits.maxHeaderBytes));
        // Beast checks a declared Content-Length against this as soon as the headers are in, and counts a chunked
        // body as it arrives.
        parser.body_limit(std::uint64_t(limits.maxBodyBytes));
        parser.eager(true);
    }

    http::request_parser<http::string_body> parser;
};

HttpConnection::HttpConnection(QTcpSocket* socket, const HttpLimits& limits, const Handler& handler, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(handler)
    , m_peer(socket->peerAddress())
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readSocket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::stateChanged, this, &HttpConnection::onStateChanged);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // A peer that closed is handled by Qt (disconnected follows); anything else (a failed TLS handshake, a
        // reset) ends the connection here.
        if (error != QAbstractSocket::RemoteHostClosedError) {
            m_socket->abort();
            deleteLater();
        }
    });
    // The first request's headers are due this long after the connection opened, the TLS handshake included.
    m_timer.start(m_limits.headerTimeoutMs);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::readSocket()
{
    char chunk[kReadChunkBytes];
    while (!m_paused && m_socket->bytesAvailable() > 0) {
        const qint64 n = m_socket->read(chunk, sizeof chunk);
        if (n <= 0)
            return;
        switch (m_state) {
        case State::Waiting:
        case State::Header:
        case State::Body:
            m_buffer.append(chunk, n);
            parseBuffered();
            break;
        case State::Lingering:
            if (m_lingerDeadline.hasExpired())
                close();
            else
                m_timer.start(kLingerQuietMs);
            break;
        case State::Deferred:
        case State::Streaming:
        case State::Closing:
            break; // a connection that is ending, or waiting to answer, reads no further request
        }
    }
}

void HttpConnection::parseBuffered()
{
    while (!m_paused && !m_buffer.isEmpty()
        && (m_state == State::Waiting || m_state == State::Header || m_state == State::Body)) {
        if (!m_parser) {
            m_parser = std::make_unique<Parser>(m_limits);
            // A later request's headers are timed from its first byte; the first one's from the connection's start.
            if (!m_firstRequest)
                m_timer.start(m_limits.headerTimeoutMs);
            m_state = State::Header;
        }
        boost::beast::error_code error;
        const std::size_t used
            = m_parser->parser.put(boost::asio::buffer(m_buffer.constData(), std::size_t(m_buffer.size())), error);
        m_buffer.remove(0, qsizetype(used));
        if (error == http::error::need_more)
            return;
        if (error == http::error::body_limit) {
            fail(413, tr("The request body is larger than %1.").arg(sizeText(m_limits.maxBodyBytes)));
            return;
        }
        if (error == http::error::header_limit) {
            fail(431, tr("The request headers are larger than %1.").arg(sizeText(m_limits.maxHeaderBytes)));
            return;
        }
        if (error) {
            fail(400,
                tr("This is not an HTTP/1.1 request (%1).").arg(QString::fromStdString(error.message()).left(100)));
            return;
        }
        if (m_state == State::Header && m_parser->parser.is_header_done()) {
            m_state = State::Body;
            m_timer.start(m_limits.bodyTimeoutMs);
            const auto& header = m_parser->parser.get();
            // A client that asks before sending its body (curl does for large ones) is told to go on; one whose
            // body is too large has had its 413 already.
            if (!m_parser->parser.is_done() && header.version() == 11
                && boost::beast::iequals(header[http::field::expect], "100-continue"))
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
        if (m_parser->parser.is_done())
            handleRequest();
        else if (used == 0)
            return;
    }
}

void HttpConnection::handleRequest()
{
    http::request<http::string_body> message = m_parser->parser.release();
    m_parser.reset();
    m_firstRequest = false;
    m_timer.stop();

    HttpRequest request;
    request.method = QByteArray(message.method_string().data(), qsizetype(message.method_string().size()));
    if (!request.setTarget(QByteArray(message.target().data(), qsizetype(message.target().size())))) {
        fail(400, tr("The request target must be a path, such as /projects."));
        return;
    }
    for (const auto& field : message) {
        request.headers.append({QByteArray(field.name_string().data(), qsizetype(field.name_string().size())),
            QByteArray(field.value().data(), qsizetype(field.value().size()))});
    }
    request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
    request.peerAddress = m_peer;
    const bool keepAlive = message.keep_alive();
    const bool head = message.method() == http::verb::head;
    std::string().swap(message.body()); // copied: not held twice while the handler runs

    const HttpReply reply = m_handler(request);
    if (reply.later) {
        m_state = State::Deferred;
        QPointer<HttpConnection> self(this);
        auto sent = std::make_shared<bool>(false);
        reply.later([self, sent, keepAlive, head](const HttpReply& answer) {
            if (!self || *sent)
                return;
            *sent = true;
            self->sendReply(answer, keepAlive, head);
            // Requests the client sent meanwhile wait in the buffer and the socket.
            if (self->m_state == State::Waiting && !self->m_paused) {
                self->parseBuffered();
                self->readSocket();
            }
        });
        return;
    }
    sendReply(reply, keepAlive, head);
}

void HttpConnection::sendReply(const HttpReply& reply, bool keepAlive, bool head)
{
    if (reply.stream) {
        // The stream decides when the answer ends, so the connection ends with it.
        m_state = State::Streaming;
        m_buffer.clear();
        m_socket->write(reply.serialize(false));
        reply.stream(m_socket);
        return;
    }
    m_socket->write(reply.serialize(keepAlive, !head));
    if (!keepAlive) {
        close();
        return;
    }
    m_state = State::Waiting;
    m_timer.start(m_limits.idleTimeoutMs);
    if (m_socket->bytesToWrite() > kMaxUnsentBytes)
        m_paused = true;
}

void HttpConnection::fail(int status, const QString& message)
{
    m_parser.reset();
    m_buffer.clear();
    const auto* tls = qobject_cast<const QSslSocket*>(m_socket);
    if (tls && !tls->isEncrypted()) {
        m_socket->abort(); // nothing can be said before the handshake is done
        return;
    }
    m_socket->write(HttpReply::error(status, message).serialize(false));
    m_state = State::Lingering;
    m_lingerDeadline = QDeadlineTimer(kLingerMaxMs);
    m_timer.start(kLingerQuietMs);
}

void HttpConnection::close()
{
    m_state = State::Closing;
    m_parser.reset();
    m_buffer.clear();
    // What the socket still holds gets as long as an idle connection to leave, renewed while it makes progress.
    m_timer.start(m_limits.idleTimeoutMs);
    m_socket->disconnectFromHost();
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Waiting:
        // Idle between requests, or a new connection that never sent a byte: nothing to answer.
        close();
        break;
    case State::Header:
        fail(408, tr("The request headers were not complete within %1 s.").arg(secondsText(m_limits.headerTimeoutMs)));
        break;
    case State::Body:
        fail(408, tr("The request body was not complete within %1 s.").arg(secondsText(m_limits.bodyTimeoutMs)));
        break;
    case State::Lingering:
        close();
        break;
    case State::Closing:
        m_socket->abort();
        break;
    case State::Deferred:
    case State::Streaming:
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    // Progress on an answer the client reads slowly is not idleness.
    if ((m_state == State::Waiting && !m_firstRequest) || m_state == State::Closing)
        m_timer.start(m_limits.idleTimeoutMs);
    if (m_paused && m_socket->bytesToWrite() <= kMaxUnsentBytes) {
        m_paused = false;
        parseBuffered();
        readSocket();
    }
}

void HttpConnection::onStateChanged()
{
    // A stream closes the socket itself when its answer is complete; bound how long the rest may take to leave.
    if (m_socket->state() == QAbstractSocket::ClosingState && m_state == State::Streaming) {
        m_state = State::Closing;
        m_timer.start(m_limits.idleTimeoutMs);
    }
}
