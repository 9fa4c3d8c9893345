#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace {

int remaining(const QDeadlineTimer& deadline)
{
    return int(std::clamp<qint64>(deadline.remainingTime(), 0, 3600 * 1000));
}

// Appends what the socket has (waiting for it until the deadline); false when nothing more can come.
bool fill(QTcpSocket& socket, QByteArray& buffer, const QDeadlineTimer& deadline)
{
    if (socket.bytesAvailable() == 0) {
        if (deadline.hasExpired() || socket.state() != QAbstractSocket::ConnectedState)
            return false;
        socket.waitForReadyRead(std::max(1, remaining(deadline)));
    }
    const QByteArray more = socket.readAll();
    buffer += more;
    return !more.isEmpty();
}

} // namespace

QByteArray RawHttp::Response::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RawHttp::RawHttp(const QString& host, quint16 port)
    : m_host(host)
    , m_port(port)
{ }

RawHttp::~RawHttp() = default;

void RawHttp::drop()
{
    if (!m_socket)
        return;
    m_socket->abort();
    m_socket.reset();
}

bool RawHttp::connectIfNeeded(int timeoutMs, QString* error)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        // A kept-alive connection that the server closed meanwhile (or that holds stray bytes) is replaced, so
        // that the next answer is the answer to the next request.
        const bool stray = m_socket->bytesAvailable() > 0 || m_socket->waitForReadyRead(0);
        if (!stray && m_socket->state() == QAbstractSocket::ConnectedState)
            return true;
        drop();
    }
    drop();
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(m_host, m_port);
    if (m_socket->waitForConnected(timeoutMs))
        return true;
    *error = QStringLiteral("connect: ") + m_socket->errorString();
    drop();
    return false;
}

RawHttp::Response RawHttp::send(
    const QByteArray& method, const QByteArray& target, const Headers& headers, const QByteArray& body, int timeoutMs)
{
    Response out;
    const QDeadlineTimer deadline(timeoutMs);
    if (!connectIfNeeded(timeoutMs, &out.error))
        return out;

    QByteArray request
        = method + ' ' + target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' + QByteArray::number(m_port) + "\r\n";
    for (const auto& [key, value] : headers)
        request += key + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n";
    request += body;
    m_socket->write(request);
    // A server may answer (413) and close before it read everything: what it said is still read below.
    while (m_socket->bytesToWrite() > 0 && !deadline.hasExpired()) {
        if (!m_socket->waitForBytesWritten(std::max(1, remaining(deadline))))
            break;
    }

    QByteArray buffer;
    qsizetype headEnd = -1;
    while ((headEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(*m_socket, buffer, deadline)) {
            out.error = deadline.hasExpired() ? QStringLiteral("timeout before the status line")
                                              : QStringLiteral("connection closed without an answer");
            if (!buffer.isEmpty())
                out.error += QStringLiteral(" (got ") + QString::fromLatin1(buffer.left(200).toPercentEncoding(" /:"))
                    + QLatin1Char(')');
            drop();
            return out;
        }
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    const int status = statusLine.value(1).toInt(&ok);
    if (!statusLine.value(0).startsWith("HTTP/1.") || !ok) {
        out.error = QStringLiteral("not an HTTP status line: ") + QString::fromLatin1(lines.value(0).left(200));
        drop();
        return out;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            out.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    qsizetype pos = headEnd + 4;
    bool untilClose = false;
    const auto fail = [&](const QString& why) {
        out.error = why + (deadline.hasExpired() ? QStringLiteral(" (timeout)") : QString());
        drop();
        return out;
    };
    if (method == "HEAD" || status == 204 || status == 304 || status < 200) {
        // no body
    } else if (out.header("Transfer-Encoding").toLower().contains("chunked")) {
        for (;;) {
            qsizetype lineEnd;
            while ((lineEnd = buffer.indexOf("\r\n", pos)) < 0) {
                if (!fill(*m_socket, buffer, deadline))
                    return fail(QStringLiteral("the chunked body ended early"));
            }
            bool sizeOk = false;
            const qint64 size = buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&sizeOk, 16);
            if (!sizeOk || size < 0)
                return fail(QStringLiteral("a chunk size is not hexadecimal"));
            pos = lineEnd + 2;
            if (size == 0) {
                // Trailers, if any, up to the empty line.
                for (;;) {
                    while ((lineEnd = buffer.indexOf("\r\n", pos)) < 0) {
                        if (!fill(*m_socket, buffer, deadline))
                            return fail(QStringLiteral("the chunked body has no final empty line"));
                    }
                    const bool empty = lineEnd == pos;
                    pos = lineEnd + 2;
                    if (empty)
                        break;
                }
                break;
            }
            while (buffer.size() < pos + size + 2) {
                if (!fill(*m_socket, buffer, deadline))
                    return fail(QStringLiteral("a chunk ended early"));
            }
            out.body += buffer.mid(pos, size);
            pos += size + 2;
        }
    } else if (const QByteArray length = out.header("Content-Length"); !length.isEmpty()) {
        bool lengthOk = false;
        const qint64 size = length.toLongLong(&lengthOk);
        if (!lengthOk || size < 0)
            return fail(QStringLiteral("Content-Length is not a number"));
        while (buffer.size() < pos + size) {
            if (!fill(*m_socket, buffer, deadline))
                return fail(QStringLiteral("the body is shorter than its Content-Length"));
        }
        out.body = buffer.mid(pos, size);
        pos += size;
    } else {
        untilClose = true;
        while (fill(*m_socket, buffer, deadline)) { }
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            return fail(QStringLiteral("a body without length did not end"));
        out.body = buffer.mid(pos);
        pos = buffer.size();
    }
    out.status = status;
    // Bytes after the answer, or a server that said it will close: the next request takes a new connection.
    if (untilClose || pos != buffer.size() || out.header("Connection").toLower() == "close")
        drop();
    return out;
}
