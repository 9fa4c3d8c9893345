#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

// Runs an environment's pause or resume hook: a shell command with TIDEMARK_PROJECT, TIDEMARK_ENVIRONMENT and
// TIDEMARK_ACTION set. A hook that fails or outlives its timeout is reported as a failure; finished() comes once.
class HookRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 60000;

    HookRunner(const QString& command, const QString& project, const QString& environment, const QString& action,
        QObject* parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void start();

signals:
    void finished(bool ok, const QString& message);

private:
    void done(bool ok, const QString& message);

    QString m_command;
    QString m_action;
    QProcess m_process;
    QTimer m_timer;
    int m_timeoutMs = kDefaultTimeoutMs;
    bool m_done = false;
};
