#pragma once

#include "domain/environment.h"
#include "hookledger.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

// Runs an environment's pause or resume hook: a shell command with TIDEMARK_PROJECT, TIDEMARK_ENVIRONMENT and
// TIDEMARK_ACTION set, in a process group of its own. A hook that fails or outlives its timeout is reported as a
// failure (a late one is killed with everything it started); finished() comes once. Its message never carries
// the hook's output, which may hold secrets: that is output(), scrubbed, for admins.
class HookRunner : public QObject
{
    Q_OBJECT

public:
    HookRunner(const QString& command, const QString& project, const QString& environment, const QString& action,
        QObject* parent = nullptr);
    ~HookRunner() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // What the hook printed (at most 2000 characters), scrubbed of what looks like a secret. Log it with
    // outputPrefix(): viewers are not shown such lines.
    QString output() const { return m_output; }
    // output() line by line with outputPrefix(), ready for the activity log.
    QStringList outputLines() const;
    static QString outputPrefix() { return QStringLiteral("[hook] "); }
    // Replaces passwords, tokens, keys and credentials in URLs with ***.
    static QString scrubSecrets(const QString& text);
    // Records the hook's process group while it runs, so that a start-up after a crash can kill what it left.
    void setLedger(const HookLedger& ledger) { m_ledger = ledger; }
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
    HookLedger m_ledger;
    qint64 m_group = 0;
    QString m_output;
    bool m_done = false;
};
