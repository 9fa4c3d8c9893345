#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#ifndef TIDEMARKD_PATH
#error "TIDEMARKD_PATH must name the tidemarkd binary"
#endif

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

QByteArray ServerProcess::runTool(const QStringList& args, int* status)
{
    QProcess tool;
    tool.start(QStringLiteral(TIDEMARKD_PATH), QStringList {QStringLiteral("--data-dir"), m_dataDir.path()} + args);
    if (!tool.waitForFinished(30000)) {
        tool.kill();
        tool.waitForFinished(5000);
        if (status)
            *status = -1;
        return {};
    }
    if (status)
        *status = tool.exitStatus() == QProcess::NormalExit ? tool.exitCode() : -1;
    return tool.readAllStandardOutput();
}

bool ServerProcess::start(bool demo)
{
    m_demo = demo;
    if (!m_dataDir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    int status = 0;
    m_admin = QString::fromUtf8(
        runTool({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("admin"),
                    QStringLiteral("--name"), QStringLiteral("test admin")},
            &status))
                  .trimmed();
    if (status != 0 || m_admin.isEmpty()) {
        m_error = QStringLiteral("token create (admin) failed");
        return false;
    }
    m_viewer = QString::fromUtf8(
        runTool({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"), QStringLiteral("viewer"),
                    QStringLiteral("--name"), QStringLiteral("test viewer")},
            &status))
                   .trimmed();
    if (status != 0 || m_viewer.isEmpty()) {
        m_error = QStringLiteral("token create (viewer) failed");
        return false;
    }
    return launch();
}

bool ServerProcess::launch(quint16 port)
{
    log();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args {QStringLiteral("--data-dir"), m_dataDir.path(), QStringLiteral("--listen"),
        m_listenHost + QLatin1Char(':') + QString::number(port)};
    if (m_demo)
        args.append(QStringLiteral("--demo"));
    if (!m_scheduler)
        args.append(QStringLiteral("--no-scheduler"));
    for (const QString& root : m_environmentRoots)
        args << QStringLiteral("--environment-root") << root;
    if (m_apiHooks)
        args.append(QStringLiteral("--allow-api-hooks"));
    args.append(m_extraArguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(m_environment);
    m_process->setProcessEnvironment(environment);
    m_process->start(QStringLiteral(TIDEMARKD_PATH), args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("tidemarkd did not start: ") + m_process->errorString();
        return false;
    }
    QDeadlineTimer deadline(30000);
    m_output.clear();
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        m_output += m_process->readAllStandardOutput();
        const qsizetype at = m_output.indexOf("listening on ");
        const qsizetype end = at >= 0 ? m_output.indexOf('\n', at) : -1;
        if (end > at) {
            m_url = QString::fromUtf8(m_output.mid(at + 13, end - at - 13)).trimmed();
            m_port = quint16(QUrl(m_url).port());
            return true;
        }
    }
    m_error = QStringLiteral("tidemarkd did not say it was listening: ")
        + QString::fromUtf8(m_output + m_process->readAllStandardError());
    return false;
}

qint64 ServerProcess::statusKiB(const QByteArray& field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':'))) // "VmRSS:	   12345 kB"
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray ServerProcess::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

bool ServerProcess::restart()
{
    stop();
    const quint16 port = m_port;
    // The old process's port is normally free at once (SO_REUSEADDR); a few bounded attempts cover the rest.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (launch(port))
            return true;
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        QDeadlineTimer pause(200);
        while (!pause.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return false;
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    log();
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    log();
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

QByteArray TestHttp::Reply::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

TestHttp::TestHttp(const QString& baseUrl)
    : m_base(baseUrl)
{ }

QString TestHttp::activityId(const Reply& reply)
{
    if (reply.status != 202) {
        qWarning("expected 202 with an activity, got %d: %s", reply.status, reply.body.left(500).constData());
        return {};
    }
    return reply.json.toObject()
        .value(QStringLiteral("_embedded"))
        .toObject()
        .value(QStringLiteral("activities"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

QJsonObject TestHttp::waitForActivity(
    const QString& project, const QString& activityId, const QString& accessToken, int timeoutMs)
{
    const QString path = QStringLiteral("/projects/%1/activities/%2").arg(project, activityId);
    QDeadlineTimer deadline(timeoutMs);
    QJsonObject activity;
    while (!deadline.hasExpired()) {
        activity = get(path, accessToken).json.toObject();
        const QString state = activity.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("complete") || state == QLatin1String("cancelled"))
            return activity;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return activity;
}

QJsonObject TestHttp::startAndWait(
    const QByteArray& method, const QString& path, const QByteArray& body, const QString& accessToken, int timeoutMs)
{
    const QString id = activityId(request(method, path, body, accessToken));
    if (id.isEmpty())
        return {};
    const QString project = path.section(QLatin1Char('/'), 2, 2); // /projects/<p>/...
    return waitForActivity(project, id, accessToken, timeoutMs);
}

QString TestHttp::exchange(const QString& apiToken)
{
    const QByteArray form = "grant_type=api_token&api_token=" + QUrl::toPercentEncoding(apiToken);
    const Reply r = request(
        "POST", QStringLiteral("/oauth2/token"), form, {}, QByteArrayLiteral("application/x-www-form-urlencoded"));
    return r.json.toObject().value(QStringLiteral("access_token")).toString();
}

TestHttp::Reply TestHttp::request(const QByteArray& method, const QString& path, const QByteArray& body,
    const QString& accessToken, const QByteArray& contentType, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    if (path == QLatin1String("/oauth2/token"))
        request.setRawHeader("Authorization", "Basic " + QByteArray(m_clientId + ':').toBase64());
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    Reply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.networkError = QStringLiteral("timeout");
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        out.headers.append(pair);
    if (reply->error() != QNetworkReply::NoError && out.status == 0)
        out.networkError = reply->errorString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.body, &error);
    if (error.error == QJsonParseError::NoError)
        out.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    reply->deleteLater();
    return out;
}
