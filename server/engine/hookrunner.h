#pragma once

#include "domain/environment.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

// Runs an environment's pause or resume hook: a shell command with TIDEMARK_PROJECT, TIDEMARK_ENVIRONMENT and
// TIDEMARK_ACTION set, in a process group of its own. A hook that fails or outlives its timeout is reported as a
// failure (a late one is killed with everything it started); finished() comes once.
class HookRunner : public QObject
{
    Q_OBJECT

public:
    HookRunner(const QString& command, const QString& project, const QString& environment, const QString& action,
        QObject* parent = nullptr);
    ~HookRunner() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void start();

signals:
    void finished(bool ok, const QString& message);

private:
    void done(bool ok, const QString& message);
    void killGroup();

    QString m_command;
    QString m_action;
    QProcess m_process;
    QTimer m_timer;
    int m_timeoutMs = LocalDescriptor::kDefaultHookTimeoutSeconds * 1000;
    bool m_done = false;
};
