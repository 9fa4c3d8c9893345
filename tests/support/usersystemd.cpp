#include "usersystemd.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <unistd.h>

namespace {

// The script the namespace runs: a tmpfs on /run/systemd that says "booted with systemd", then the manager in its
// place (exec keeps the PID, so the PID QProcess knows is the manager's).
const QString kScript = QStringLiteral(
    "mount -t tmpfs -o mode=0755 tidemark-test /run/systemd && mkdir -p /run/systemd/system && exec \"$0\" --user");

QString systemdProgram()
{
    for (const QString& candidate :
        {QStringLiteral("/lib/systemd/systemd"), QStringLiteral("/usr/lib/systemd/systemd")}) {
        if (QFile::exists(candidate))
            return candidate;
    }
    return {};
}

QString systemctlState()
{
    QProcess systemctl;
    systemctl.start(QStringLiteral("systemctl"),
        {QStringLiteral("--user"), QStringLiteral("show"), QStringLiteral("--property=SystemState"),
            QStringLiteral("--value")});
    if (!systemctl.waitForFinished(10000)) {
        systemctl.kill();
        systemctl.waitForFinished(2000);
        return {};
    }
    return QString::fromLocal8Bit(systemctl.readAllStandardOutput()).trimmed();
}

} // namespace

UserSystemd::UserSystemd() = default;

UserSystemd::~UserSystemd()
{
    stop();
}

qint64 UserSystemd::pid() const
{
    return m_manager ? m_manager->processId() : 0;
}

bool UserSystemd::start()
{
    const QString systemd = systemdProgram();
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    const QString systemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    if (systemd.isEmpty() || unshare.isEmpty() || systemctl.isEmpty()) {
        m_error = QStringLiteral("systemd, systemctl or unshare is not installed");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString runtime = m_dir.filePath(QStringLiteral("runtime"));
    if (!QDir().mkpath(runtime) || !QDir().mkpath(configHome() + QStringLiteral("/systemd/user"))
        || !QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        m_error = QStringLiteral("cannot make %1").arg(runtime);
        return false;
    }

    m_hadRuntimeDir = qEnvironmentVariableIsSet("XDG_RUNTIME_DIR");
    m_savedRuntimeDir = qgetenv("XDG_RUNTIME_DIR");
    m_hadConfigHome = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
    m_savedConfigHome = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome()));

    QStringList args {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private")};
    if (::geteuid() != 0)
        args.prepend(QStringLiteral("--map-root-user")); // an unprivileged user namespace may mount a tmpfs
    args << QStringLiteral("sh") << QStringLiteral("-c") << kScript << systemd;
    m_manager = std::make_unique<QProcess>();
    m_manager->setProcessChannelMode(QProcess::MergedChannels);
    m_manager->start(unshare, args);
    if (!m_manager->waitForStarted(10000)) {
        m_error = QStringLiteral("unshare did not start: %1").arg(m_manager->errorString());
        stop();
        return false;
    }
    const QDeadlineTimer deadline(30000);
    QString state;
    while (!deadline.hasExpired()) {
        if (m_manager->state() == QProcess::NotRunning || m_manager->waitForFinished(0)) {
            m_error = QStringLiteral("the user manager ended: %1")
                          .arg(QString::fromLocal8Bit(m_manager->readAll()).trimmed().right(400));
            stop();
            return false;
        }
        if (QFile::exists(runtime + QStringLiteral("/systemd/private"))) {
            state = systemctlState();
            if (state == QLatin1String("running") || state == QLatin1String("degraded"))
                return true;
        }
        QThread::msleep(50);
    }
    m_error = QStringLiteral("the user manager did not come up (state \"%1\")").arg(state);
    stop();
    return false;
}

void UserSystemd::stop()
{
    if (m_manager) {
        if (m_manager->state() != QProcess::NotRunning) {
            // SIGTERM asks a user manager to go to exit.target: its units are stopped first.
            m_manager->terminate();
            if (!m_manager->waitForFinished(30000)) {
                m_manager->kill();
                m_manager->waitForFinished(5000);
            }
        }
        m_manager.reset();
        if (m_hadRuntimeDir)
            qputenv("XDG_RUNTIME_DIR", m_savedRuntimeDir);
        else
            qunsetenv("XDG_RUNTIME_DIR");
        if (m_hadConfigHome)
            qputenv("XDG_CONFIG_HOME", m_savedConfigHome);
        else
            qunsetenv("XDG_CONFIG_HOME");
    }
}
