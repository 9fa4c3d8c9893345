#pragma once

#include "activities/operation.h"
#include "confinement.h"
#include "domain/environment.h"
#include "hookledger.h"
#include "resticresult.h"
#include "snapshotcomposer.h"
#include "treestate.h"

#include <functional>
#include <memory>
#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QPointer>

class ChangeTracker;
class DatabaseDumps;
class RepositoryReader;
class QTimer;
template<typename T>
class QFutureWatcher;
class HookRunner;
class ResticJob;
class ResticRepository;

// Takes one backup of an environment: its code tree (and git HEAD), every mount, every SQLite service copied
// with the online-backup API and every PostgreSQL and MariaDB database dumped with the server's own tool
// (databases/databasedump.h), in one restic snapshot.
//
// A consistent ("safe") backup of an environment with a pause hook stores the environment in one live restic pass and
// composes its snapshot (snapshotcomposer.h): the kernel is asked to report every change (changetracker.h) before
// restic starts; restic stores the trees while the environment runs, with the previous backup as parent; the pause
// hook; only what the kernel reported meanwhile is looked at and copied aside, with the databases; the resume hook,
// which runs whatever happens once the pause hook has run; then the pass's snapshot is rewritten with what was
// captured. Where change tracking is off or incomplete the pause scans the trees for what changed since the pass
// started (the log says so). What the composer cannot write the way restic would, and setComposeAllowed(false), take a
// second restic pass under the pause instead, over the first pass's snapshot (Result::prePassSnapshotId, left for the
// caller to forget: the operation holds the repository only shared). A live backup scans the code and the mounts
// before and after its pass and logs the files that changed while restic read them.
class BackupOperation : public Operation
{
    Q_OBJECT

public:
    struct Result
    {
        QString snapshotId;
        QString commitId;
        qint64 sizeOfVolumes = 0;
        qint64 sizeUsed = 0;
        qint64 pauseMs = -1; // -1: not paused; else from the start of the pause hook to the end of the resume hook
        qint64 pauseExamined = -1; // paths looked at during the pause (-1: not paused)
        bool pauseScannedAll = false; // the pause scanned every path (change tracking off or incomplete)
        int resticStarts = 0; // restic processes this backup started
        // The clock file times are taken from (CLOCK_REALTIME_COARSE, ns) at the last look at the trees inside the
        // pause, and when the resume began: a write after the resume must get a later change time than any recorded.
        qint64 lastLookClockNs = 0;
        qint64 resumeClockNs = 0;
        QString prePassSnapshotId; // the live pre-pass of a safe backup, to forget once the operation has ended
        QJsonObject manifest;
    };

    BackupOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
        const Environment& environment, const QString& backupId, bool safe, QObject* parent = nullptr);

    // Where the environment's paths may be; the engine always sets it, and start() refuses a code path, mount or
    // service file that is a link, outside the roots or inside the data directory. Unset (benchmarks), no check.
    void setConfinement(const Confinement& confinement) { m_confinement = confinement; }
    // Where the pause is recorded until the resume hook has run, and the hooks' process groups.
    void setLedger(const HookLedger& ledger) { m_ledger = ledger; }
    // The engine knows when the repository exists already; then the check is skipped (it costs a restic run).
    void setRepositoryKnownReady(bool ready) { m_repositoryReady = ready; }
    // Whether a consistent backup may compose its snapshot from one live pass (the default); without it a pre-pass is
    // followed by a second pass under the pause. For comparisons and tests.
    void setComposeAllowed(bool allowed) { m_composeAllowed = allowed; }
    // The environment's change tracker, kept by the caller from one consistent backup to the next, so that its marks
    // are set once rather than for every backup. Without one, each backup sets them anew.
    void setChangeTracker(std::shared_ptr<ChangeTracker> tracker) { m_tracker = std::move(tracker); }
    // Where a consistent backup gets its reader of the repository (called on a worker thread): the engine gives the
    // one it keeps for browsing, refreshed, so that a large repository's index is held once. Unset, the backup opens
    // its own.
    using ReaderSource = std::function<std::shared_ptr<RepositoryReader>(QString* error)>;
    void setReaderSource(ReaderSource source) { m_readerSource = std::move(source); }
    ~BackupOperation() override;

    void start() override;
    void cancel() override;
    const Result& result() const { return m_result; }

private:
    enum class Pass { PrePass, Live, Final };

    void initRepository();
    void readCommit();
    void afterCommit();
    void pause();
    void startComposed();
    void afterLivePass(const ResticResult& result);
    void captureLive();
    void storeWithSecondPass(); // what the composer cannot write: a second restic pass under the pause
    void capturePaused();
    void afterClockAdvances(qint64 lastLookNs, std::function<void()> next);
    void composeSnapshot();
    void finishComposed(); // once the snapshot is written and the environment resumed
    void dumpServices(Pass pass);
    // PostgreSQL and MariaDB services (databases/): their state fixed (inside the pause), then dumped.
    void openDatabases(std::function<void()> next);
    void dumpDatabases(std::function<void()> next);
    QStringList rootDirectories() const; // the code path and the mounts
    QJsonObject manifest() const; // where each part is in the snapshot, and what the database dumps hold
    QString viewRoot() const;
    void scanTrees(std::function<void()> next);
    void runBackup(Pass pass);
    QString servicesDirectory() const; // where the database copies are staged
    QString copiesDirectory() const; // where files captured in the pause are copied
    void afterFinalPass();
    QString displayPath(const QByteArray& path) const; // "code/…", "mounts/<name>/…"
    void reportChangedFiles(const TreeState::Scan& before, const TreeState::Scan& after);
    // Runs the resume hook if the pause hook ran, then `next` unless the outcome is decided, else completes.
    void resume(std::function<void()> next = {});
    void fail(const QString& message);
    void complete();
    void cleanUp();

    ResticRepository& m_repository;
    QString m_staging; // this backup's own staging directory
    QString m_projectId;
    Environment m_environment;
    QString m_backupId;
    bool m_safe;
    bool m_repositoryReady = false;
    std::optional<Confinement> m_confinement;
    HookLedger m_ledger;
    bool m_paused = false;
    bool m_resuming = false; // the resume hook runs
    bool m_composing = false; // the backup's snapshot is being written, maybe while the environment resumes
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_twoPasses = false; // safe with a pause hook
    bool m_composeAllowed = true;
    bool m_compose = false; // one live pass, its snapshot composed with what changed meanwhile
    std::shared_ptr<ChangeTracker> m_tracker;
    ReaderSource m_readerSource;
    QString m_trackingProblem; // why the kernel cannot report changes (empty: it does)
    std::shared_ptr<RepositoryReader> m_reader;
    QString m_passSnapshotId;
    QByteArray m_passTree;
    std::optional<ResticResult::BackupSummary> m_passSummary;
    qint64 m_passStartedNs = 0; // when the kernel started reporting changes for the live pass
    std::shared_ptr<SnapshotComposer::Capture> m_capture;
    // What the kernel reported during the live pass, read every quarter second so that its queue does not overflow.
    struct PassChanges;
    struct ReaderOpening;
    QFutureWatcher<ReaderOpening>* m_readerOpening = nullptr;
    std::shared_ptr<PassChanges> m_passChanges;
    QTimer* m_drainTimer = nullptr;
    bool m_draining = false;
    qint64 m_lastLookNs = 0; // the file-time clock at the pause's last look at the trees
    qint64 m_pauseStartedMs = 0;
    TreeState::Scan m_before; // the trees before the pass of a live backup
    std::optional<Outcome> m_pendingOutcome; // decided, but the resume hook must run first
    QPointer<ResticJob> m_job;
    DatabaseDumps* m_databases = nullptr;
    bool m_databasesConnected = false;
    Result m_result;
};
