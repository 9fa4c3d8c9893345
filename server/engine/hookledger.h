#pragma once

#include <QList>
#include <QString>

// What tidemarkd must put right after it was killed: the environments it paused and had not resumed yet, and the
// hook processes it started (each in a process group of its own) that could outlive it. Kept as small files
// under DATA_DIR (`paused/`, `hooks/`), written before the hook starts and removed once it has ended; a kill -9
// leaves them behind for the next start-up. Not synchronised to disk: they guard against a killed process, not a
// lost machine.
class HookLedger
{
public:
    HookLedger() = default; // records nothing
    explicit HookLedger(const QString& dataDir);

    bool isEnabled() const { return !m_dataDir.isEmpty(); }

    void paused(const QString& project, const QString& environment, const QString& pausedBy) const;
    void resumed(const QString& project, const QString& environment) const;
    struct Paused
    {
        QString project;
        QString environment;
        QString pausedBy; // "backup <id>", "restore <activity id>"
    };
    QList<Paused> pausedEnvironments() const;

    // A hook's process group, with the start time of its leader so that a recycled process id is never killed.
    void hookStarted(qint64 processGroup) const;
    void hookEnded(qint64 processGroup) const;
    // Kills the process groups of hooks a previous run left running; returns how many were still there.
    int killLeftoverHooks() const;

private:
    static QString startTime(qint64 pid);

    QString m_dataDir;
};
