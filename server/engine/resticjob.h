#pragma once

#include "resticresult.h"

#include <chrono>
#include <optional>
#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

// Runs one restic command through QProcess without ever blocking, and turns its `--json` output into
// progress(), logLine() and exactly one finished(). ResticRepository makes these; the caller starts them.
// Two commands chain a short second run: a backup asks `snapshots` for the full id of its snapshot, and init
// first probes whether the repository already exists.
class ResticJob : public QObject
{
    Q_OBJECT

public:
    enum class Command {
        Version,
        Init, // cat config; only if that finds no repository: init --repository-version 2 (Context::initFirst: the
              // other way round)
        CatConfig,
        Snapshots,
        Backup, // backup, then snapshots <short id> to learn the full id
        Restore,
        Forget,
        Prune,
        Check, // result().damagedPacks names the packs whose content does not match their id
        Unlock,
        Find, // find --pack: result().json is restic's array of {object_type, id, path, snapshot}
        RebuildIndex,
        Ls, // ls <snapshot>: result().json is an array of the snapshot's nodes ({type, path, size, ...})
        Stats, // result().json is restic's statistics object
        Copy,
    };
    Q_ENUM(Command)

    // How to run restic: ResticRepository fills this in.
    struct Context
    {
        QString program;
        QString workingDirectory;
        QProcessEnvironment environment;
        // The repository's directory when it is on this machine: a backup then learns its snapshot's full id from
        // the repository's snapshots folder, and init skips the probe where no config exists, instead of running
        // restic once more.
        QString localRepository;
        QStringList globalArguments; // before the subcommand, on every run (--limit-upload=…)
        QStringList initArguments; // added to `init` when Init creates the repository (--copy-chunker-params …)
        // Init runs `init` at once, without the probe, and reads the config only when `init` finds a repository
        // there already: for a copy target elsewhere, which is new far more often than not (restic refuses to init
        // over an existing repository, so nothing is lost when it is not).
        bool initFirst = false;
    };

    // `arguments` follow restic's subcommand (and `--json`, which every command gets).
    ResticJob(Command command, const QStringList& arguments, const Context& context, QObject* parent = nullptr);
    // A job that ends with `errorString` (Failure::NotStarted) as soon as it is started, without running restic:
    // a request refused before restic could see it.
    static ResticJob* refused(Command command, const QString& errorString, QObject* parent = nullptr);
    // Deleting a running job kills restic outright, which leaves a stale lock in the repository: cancel() and
    // wait for finished() instead; ResticRepository::unlock() removes stale locks.
    ~ResticJob() override;

    Command command() const { return m_command; }
    QStringList arguments() const { return m_arguments; }

    // Zero (the default) waits for ever. On expiry the job stops as on cancel(), with status TimedOut.
    void setTimeout(std::chrono::milliseconds timeout);
    // How long restic may take to clean up after SIGINT before it is killed. Ten seconds by default.
    void setKillDelay(std::chrono::milliseconds delay);

    void start();
    // Asks restic to stop: SIGINT, which restic 0.14 answers by removing its lock (SIGTERM kills it without any
    // cleanup), then SIGKILL after the kill delay. finished() follows with status Cancelled. A backup whose
    // snapshot was already saved when the cancel came forgets it again; a run that still left its lock (restic
    // 0.14 creates it 200 ms before it knows to remove it) is followed by `restic unlock`, which removes only
    // locks of processes that no longer run.
    void cancel();

    bool isRunning() const { return m_state == State::Running; }
    bool isFinished() const { return m_state == State::Finished; }
    // Complete once finished() was emitted.
    const ResticResult& result() const { return m_result; }

    static QVersionNumber minimumResticVersion();
    static QString commandName(Command command);

signals:
    // 0..1 and never decreasing, from restic's status messages (backup; restore only from restic 0.16 on: 0.14
    // prints none); a backup's summary brings 1.
    void progress(double fraction);
    // A line restic printed for people, or one file it could not read; for the activity log.
    void logLine(const QString& line);
    // Emitted once, always from the event loop (never from inside start() or cancel()).
    void finished(const ResticResult& result);

private:
    enum class State { Idle, Running, Finished };
    // The runs one job may chain.
    enum class Phase {
        Main,
        InitRepository, // Init, after the probe found no repository
        ReadConfig, // Init, after InitRepository
        ResolveSnapshot, // Backup, to learn the full id
        ForgetUnwanted, // Backup cancelled after restic had saved the snapshot
        RemoveStaleLock, // after a run that was stopped and did not clean up (see cancel())
    };
    enum class Stop { None, Cancelled, TimedOut };

    void runPhase(Phase phase, const QStringList& words);
    void interrupt();
    void readStandardOutput();
    void readStandardError();
    void handleStdoutLine(const QByteArray& line);
    void handleStderrLine(const QByteArray& line);
    void handleMessage(const QJsonObject& message);
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onProcessError(QProcess::ProcessError error);
    void releaseProcess();

    void finishMain(int exitCode);
    void finishInitRepository(int exitCode);
    void finishReadConfig(int exitCode);
    void finishResolveSnapshot(int exitCode);
    void finishForgetUnwanted(int exitCode);
    void finishRemoveStaleLock(int exitCode);
    void finishPhase(int exitCode);
    bool isCleanupPhase() const;
    bool readConfig();
    // The full id of the snapshot named by m_shortSnapshotId, from the local repository's snapshots folder; empty
    // when the repository is not local or the short id is not unique there.
    QString fullSnapshotIdFromFolder() const;
    bool readSnapshots();
    bool readVersion();
    bool readNodes();
    void readDamagedPacks();
    bool isMissingRepository() const;
    QString fatalDetail() const;
    void fail(ResticResult::Failure failure, const QString& errorString);
    void failFromStderr(int exitCode);
    void finishStopped();
    void finish();

    bool isDocumentPhase() const;
    bool isQuietPhase() const;
    QString describeErrorMessage(const QJsonObject& message) const;
    QString stderrText() const;

    Command m_command;
    QStringList m_arguments;
    Context m_context;
    std::optional<QString> m_refusal;

    State m_state = State::Idle;
    Phase m_phase = Phase::Main;
    Stop m_stop = Stop::None;
    QProcess* m_process = nullptr;
    QTimer m_timeoutTimer;
    QTimer m_killTimer;
    std::chrono::milliseconds m_timeout {0};
    std::chrono::milliseconds m_killDelay {10000};

    QByteArray m_stdout; // partial line, or the whole document for document phases
    QByteArray m_stderr; // partial line
    QStringList m_stderrLines; // of the current phase
    QString m_processError;
    bool m_failedToStart = false;
    bool m_mayHaveLeftLock = false;
    bool m_initTried = false; // Init: `init` ran (at most once per job)
    // The repository was locked: stale locks were removed (`restic unlock` removes only those of dead processes) and
    // the command runs once more.
    bool m_lockRetried = false;
    double m_lastProgress = -1;
    QString m_shortSnapshotId;
    QList<ResticSnapshot> m_snapshots;

    ResticResult m_result;
};
