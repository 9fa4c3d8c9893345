#include "hookrunner.h"

#include <signal.h>
#include <unistd.h>

HookRunner::HookRunner(
    const QString& command, const QString& project, const QString& environment, const QString& action, QObject* parent)
    : QObject(parent)
    , m_command(command)
    , m_action(action)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TIDEMARK_PROJECT"), project);
    env.insert(QStringLiteral("TIDEMARK_ENVIRONMENT"), environment);
    env.insert(QStringLiteral("TIDEMARK_ACTION"), action);
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        killGroup();
        done(
            false, tr("The %1 hook did not finish within %2 s and was stopped.").arg(m_action).arg(m_timeoutMs / 1000));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QString output = QString::fromLocal8Bit(m_process.readAll()).trimmed().left(2000);
        if (status == QProcess::NormalExit && code == 0)
            done(true, output);
        else
            done(false,
                tr("The %1 hook failed (exit status %2)%3")
                    .arg(m_action)
                    .arg(code)
                    .arg(output.isEmpty() ? QString() : QLatin1String(": ") + output));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            done(false, tr("The %1 hook could not be started: %2").arg(m_action, m_process.errorString()));
    });
}

HookRunner::~HookRunner()
{
    if (m_process.state() != QProcess::NotRunning) {
        killGroup();
        m_process.waitForFinished(1000);
    }
}

void HookRunner::killGroup()
{
    if (const qint64 pid = m_process.processId(); pid > 0)
        ::kill(-pid_t(pid), SIGKILL);
    m_process.kill();
}

void HookRunner::start()
{
    m_timer.start(m_timeoutMs);
    m_process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
}

void HookRunner::done(bool ok, const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    emit finished(ok, message);
}
