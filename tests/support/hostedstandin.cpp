#include "hostedstandin.h"

#include <QFile>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrl>

namespace {

QJsonValue readFixture(const QString& name, QString& error)
{
    QFile file(QStringLiteral(TIDEMARK_HOSTED_FIXTURES_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.fileName() + QStringLiteral(": ") + file.errorString();
        return {};
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QByteArray http(int status, const QJsonValue& body)
{
    const QByteArray bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + " Answer\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(bytes.size()) + "\r\nConnection: close\r\n\r\n" + bytes;
}

QByteArray notFound()
{
    return http(404,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("error")}, {QStringLiteral("code"), 404},
            {QStringLiteral("message"), QStringLiteral("Not Found")},
            {QStringLiteral("title"), QStringLiteral("Not Found")}});
}

} // namespace

HostedStandIn::HostedStandIn(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool HostedStandIn::start()
{
    m_environments = readFixture(QStringLiteral("environments.json"), m_error).toArray();
    m_backups = readFixture(QStringLiteral("backups.json"), m_error).toArray();
    m_activity = readFixture(QStringLiteral("activity.json"), m_error).toObject();
    m_settings = readFixture(QStringLiteral("settings.json"), m_error).toObject();
    if (!m_error.isEmpty())
        return false;
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

QString HostedStandIn::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

int HostedStandIn::count(const QByteArray& method) const
{
    return int(std::count_if(
        m_requests.begin(), m_requests.end(), [&method](const Request& r) { return r.method == method; }));
}

void HostedStandIn::onData(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    qsizetype length = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (const QByteArray& line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    Request request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path();
    request.query = target.query();
    request.body = buffer.mid(headerEnd + 4, length);
    m_buffers.remove(socket);
    m_requests.append(request);
    socket->write(answer(request));
    socket->disconnectFromHost();
}

QByteArray HostedStandIn::answer(const Request& request) const
{
    const QStringList path = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (request.method == "POST" && request.path == QLatin1String("/oauth2/token")) {
        return http(200,
            QJsonObject {{QStringLiteral("access_token"), QStringLiteral("hosted-access-token")},
                {QStringLiteral("expires_in"), 900}, {QStringLiteral("token_type"), QStringLiteral("bearer")},
                {QStringLiteral("scope"), QString()}});
    }
    if (path.size() < 2 || path.at(0) != QLatin1String("projects") || path.at(1) != project())
        return notFound(); // /tidemark, /projects and every other local route among them
    const QString rest = path.mid(2).join(QLatin1Char('/'));
    const auto find = [](const QJsonArray& list, const QString& id) {
        for (const QJsonValue& v : list) {
            if (v.toObject().value(QStringLiteral("id")).toString() == id)
                return v.toObject();
        }
        return QJsonObject();
    };
    if (request.method == "GET") {
        if (rest.isEmpty())
            return http(200,
                QJsonObject {{QStringLiteral("id"), project()}, {QStringLiteral("title"), QStringLiteral("Shop")},
                    {QStringLiteral("region"), QStringLiteral("eu-3.platform.sh")}});
        if (rest == QLatin1String("environments"))
            return http(200, m_environments);
        if (rest == QLatin1String("settings"))
            return http(200, m_settings);
        if (rest == QLatin1String("activities"))
            return http(200, QJsonArray {m_activity});
        if (rest == QLatin1String("activities/") + m_activity.value(QStringLiteral("id")).toString())
            return http(200, m_activity);
        if (path.size() == 4 && path.at(2) == QLatin1String("environments")) {
            const QJsonObject e = find(m_environments, path.at(3));
            return e.isEmpty() ? notFound() : http(200, e);
        }
        if (path.size() == 5 && path.at(2) == QLatin1String("environments") && path.at(4) == QLatin1String("backups")) {
            QJsonArray backups;
            for (const QJsonValue& b : m_backups) {
                if (b.toObject().value(QStringLiteral("environment")).toString() == path.at(3))
                    backups.append(b);
            }
            return http(200, backups);
        }
        return notFound();
    }
    // The hosted API answers its actions with {"status", "code"} only.
    if (request.method == "POST" && rest.endsWith(QLatin1String("/cancel")))
        return http(200, QJsonObject {{QStringLiteral("status"), QStringLiteral("OK")}, {QStringLiteral("code"), 200}});
    if (request.method == "PATCH" && rest == QLatin1String("settings"))
        return http(200,
            QJsonObject {{QStringLiteral("status"), QStringLiteral("updated")}, {QStringLiteral("code"), 200},
                {QStringLiteral("_embedded"), QJsonObject {{QStringLiteral("entity"), m_settings}}}});
    return notFound();
}
