#include "resticrestserver.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

ResticRestServer::ResticRestServer() = default;

ResticRestServer::~ResticRestServer()
{
    stop();
}

bool ResticRestServer::start()
{
    stop();
    if (!m_directory.isValid()) {
        m_error = QStringLiteral("no temporary directory for the REST server");
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("rclone"),
        {QStringLiteral("serve"), QStringLiteral("restic"), QStringLiteral("--addr"),
            QStringLiteral("127.0.0.1:%1").arg(m_port), m_directory.path()});
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("rclone did not start (is Debian's rclone installed? scripts/install-deps.sh): ")
            + m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500))
            return true;
        if (m_process->state() != QProcess::Running)
            break;
        QThread::msleep(100);
    }
    m_process->waitForReadyRead(100);
    m_error = QStringLiteral("rclone serve restic did not listen on port %1: %2")
                  .arg(m_port)
                  .arg(QString::fromUtf8(m_process->readAll()));
    stop();
    return false;
}

void ResticRestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString ResticRestServer::location(const QString& path) const
{
    return QStringLiteral("rest:http://127.0.0.1:%1/%2").arg(m_port).arg(path);
}
