#include "resticrestserver.h"

#include "childserver.h"

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
        m_port = ChildServer::freePort();
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
    if (ChildServer::waitUntilListening(*m_process, m_port))
        return true;
    m_process->waitForReadyRead(100);
    m_error = QStringLiteral("rclone serve restic did not listen on port %1: %2")
                  .arg(m_port)
                  .arg(QString::fromUtf8(m_process->readAll()));
    stop();
    return false;
}

void ResticRestServer::stop()
{
    ChildServer::stop(m_process);
}

QString ResticRestServer::location(const QString& path) const
{
    return QStringLiteral("rest:http://127.0.0.1:%1/%2").arg(m_port).arg(path);
}
