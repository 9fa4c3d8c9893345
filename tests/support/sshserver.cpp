#include "sshserver.h"

#include "childserver.h"

#include <pwd.h>
#include <QDir>
#include <QFile>
#include <unistd.h>

namespace {

bool writeText(const QString& path, const QString& text, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    file.close();
    return file.setPermissions(permissions);
}

} // namespace

SshServer::SshServer() = default;

SshServer::~SshServer()
{
    stop();
}

bool SshServer::run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll()) + process.errorString();
        return false;
    }
    return true;
}

bool SshServer::start()
{
    stop();
    const QString dir = m_directory.path();
    if (m_port == 0) {
        m_port = ChildServer::freePort();
        QDir().mkpath(dir + QStringLiteral("/bin"));
        QDir().mkpath(directory());
        for (const QString& key : {QStringLiteral("host_key"), QStringLiteral("user_key")}) {
            if (!run(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                        QString(), QStringLiteral("-f"), dir + QLatin1Char('/') + key}))
                return false;
        }
        QFile::remove(dir + QStringLiteral("/authorized_keys"));
        if (!QFile::copy(dir + QStringLiteral("/user_key.pub"), dir + QStringLiteral("/authorized_keys")))
            return false;
        QFile hostKey(dir + QStringLiteral("/host_key.pub"));
        hostKey.open(QIODevice::ReadOnly);
        const QString known = QStringLiteral("[127.0.0.1]:%1 ").arg(m_port) + QString::fromUtf8(hostKey.readAll());
        const QString user = QString::fromLocal8Bit(getpwuid(getuid())->pw_name);
        const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        bool ok = writeText(dir + QStringLiteral("/known_hosts"), known, owner);
        ok = ok
            && writeText(dir + QStringLiteral("/sshd_config"),
                QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2/host_key\nAuthorizedKeysFile "
                               "%2/authorized_keys\nPidFile %2/sshd.pid\nStrictModes no\nUsePAM no\n"
                               "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin "
                               "prohibit-password\nSubsystem sftp internal-sftp\nLogLevel ERROR\n")
                    .arg(m_port)
                    .arg(dir),
                owner);
        ok = ok
            && writeText(dir + QStringLiteral("/ssh_config"),
                QStringLiteral("Host tidemark-test\n  HostName 127.0.0.1\n  Port %1\n  User %3\n  IdentityFile "
                               "%2/user_key\n  IdentitiesOnly yes\n  UserKnownHostsFile %2/known_hosts\n  "
                               "StrictHostKeyChecking yes\n  BatchMode yes\n  ConnectTimeout 5\n")
                    .arg(m_port)
                    .arg(dir, user),
                owner);
        ok = ok
            && writeText(dir + QStringLiteral("/bin/ssh"),
                QStringLiteral("#!/bin/sh\nexec /usr/bin/ssh -F %1/ssh_config \"$@\"\n").arg(dir),
                owner | QFileDevice::ExeOwner);
        if (!ok) {
            m_error = QStringLiteral("could not write the test sshd's files in ") + dir;
            return false;
        }
    }
    // sshd wants its privilege separation directory when it runs as root (Debian creates it at boot).
    if (getuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("/usr/sbin/sshd"),
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), dir + QStringLiteral("/sshd_config")});
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("sshd did not start (is Debian's openssh-server installed? scripts/install-deps.sh): ")
            + m_process->errorString();
        return false;
    }
    if (ChildServer::waitUntilListening(*m_process, m_port))
        return true;
    m_process->waitForReadyRead(100);
    m_error
        = QStringLiteral("sshd did not listen on port %1: %2").arg(m_port).arg(QString::fromUtf8(m_process->readAll()));
    stop();
    return false;
}

void SshServer::stop()
{
    ChildServer::stop(m_process);
}

QString SshServer::location(const QString& path) const
{
    return QStringLiteral("sftp:tidemark-test:") + directory() + QLatin1Char('/') + path;
}

QString SshServer::path() const
{
    return binDirectory() + QLatin1Char(':') + qEnvironmentVariable("PATH");
}
