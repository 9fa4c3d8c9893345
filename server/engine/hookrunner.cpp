#include "hookrunner.h"

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <signal.h>
#include <sys/prctl.h>
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
    // A group of its own (a late hook is killed with everything it started), and the shell dies with tidemarkd;
    // what it started is killed at the next start-up from the ledger's record of the group.
    m_process.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        killGroup();
        done(
            false, tr("The %1 hook did not finish within %2 s and was stopped.").arg(m_action).arg(m_timeoutMs / 1000));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_output = scrubSecrets(QString::fromLocal8Bit(m_process.readAll()).trimmed().left(2000));
        if (status == QProcess::NormalExit && code == 0)
            done(true, QString());
        else
            done(false, tr("The %1 hook failed (exit status %2).").arg(m_action).arg(code));
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

QString HookRunner::scrubSecrets(const QString& text)
{
    static const QList<QPair<QRegularExpression, QString>> rules = {
        // key=value, key: value, key value for the usual names of secrets
        {QRegularExpression(QStringLiteral(
             R"((?i)\b([A-Za-z_]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z_]*)(\s*[=:]\s*|\s+)("[^"]*"|'[^']*'|\S+))")),
            QStringLiteral("\\1\\2***")},
        {QRegularExpression(QStringLiteral(R"((?i)\b(authorization:\s*(?:bearer|basic|token)\s+)\S+)")),
            QStringLiteral("\\1***")},
        // user:password@ in URLs
        {QRegularExpression(QStringLiteral(R"(://([^/\s:@]+):([^/\s@]+)@)")), QStringLiteral("://\\1:***@")},
        // AWS access key ids, and long opaque strings (tokens, keys) that are no words or paths
        {QRegularExpression(QStringLiteral(R"(\bAKIA[0-9A-Z]{16}\b)")), QStringLiteral("***")},
        {QRegularExpression(QStringLiteral(R"([A-Za-z0-9+_-]{32,}={0,2})")), QStringLiteral("***")},
    };
    QString out = text;
    for (const auto& [pattern, replacement] : rules)
        out.replace(pattern, replacement);
    return out;
}

QStringList HookRunner::outputLines() const
{
    QStringList lines;
    for (const QString& line : m_output.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines.append(outputPrefix() + line);
    return lines;
}

void HookRunner::start()
{
    m_timer.start(m_timeoutMs);
    m_process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
    m_group = m_process.processId();
    m_ledger.hookStarted(m_group);
}

void HookRunner::done(bool ok, const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_ledger.hookEnded(m_group); // what a finished hook started on purpose (a server it restarted) stays
    emit finished(ok, message);
}
