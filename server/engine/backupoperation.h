#pragma once

#include "activities/operation.h"
#include "confinement.h"
#include "domain/environment.h"
#include "frozenview.h"
#include "hookledger.h"
#include "resticresult.h"

#include <functional>
#include <memory>
#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QPointer>

class ChangeTracker;
class DatabaseDumps;
class HookRunner;
class ResticJob;
class ResticRepository;

// Takes one backup of an environment: its code tree (and git HEAD), every mount, every SQLite service copied
// with the online-backup API and every PostgreSQL and MariaDB database dumped with the server's own tool
// (databases/databasedump.h), in one restic snapshot.
//
// A consistent ("safe") backup of an environment with a pause hook keeps a mirror of the environment between backups
// (frozenview.h): while the environment runs, the mirror is brought up to date and the kernel reports what changes
// meanwhile (changetracker.h); the pause hook; a copy of only those paths and of the databases into the mirror; the
// resume hook, which runs whatever happens once the pause hook has run; then one restic pass over the mirror with the
// previous backup from it as parent, which reads only what was copied. Where change tracking is off or incomplete the
// pause scans the trees instead (the log says so). Without a mirror (setFrozenViewAllowed(false)) a live pre-pass is
// followed by a second restic pass under the pause; its pre-pass snapshot (Result::prePassSnapshotId) is left for the
// caller to forget: the operation holds the repository only shared. A live backup scans the code and the mounts
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
    // Whether a consistent backup may use the mirror (the default); without it a pre-pass is followed by a second
    // pass under the pause. For comparisons and tests.
    void setFrozenViewAllowed(bool allowed) { m_frozenViewAllowed = allowed; }
    // The environment's change tracker, kept by the caller from one consistent backup to the next: it goes on
    // watching after the pause, so that the next backup's mirror update looks only at what the kernel reported
    // since. Without one, each backup watches from its own start and scans the trees once.
    void setChangeTracker(std::shared_ptr<ChangeTracker> tracker) { m_tracker = std::move(tracker); }
    // Where the environment's mirror is kept between backups; by default beside the staging directory.
    void setMirrorDirectory(const QString& directory) { m_mirrorDirectory = directory; }
    ~BackupOperation() override;

    void start() override;
    void cancel() override;
    const Result& result() const { return m_result; }

private:
    enum class Pass { PrePass, Final };

    void initRepository();
    void readCommit();
    void afterCommit();
    void pause();
    void syncMirrorLive();
    void freeze();
    void commitMirror();
    void dumpServices(Pass pass);
    // PostgreSQL and MariaDB services (databases/): their state fixed (inside the pause), then dumped.
    void openDatabases(std::function<void()> next);
    void dumpDatabases(std::function<void()> next);
    QStringList rootDirectories() const; // the code path and the mounts
    QString viewRoot() const;
    void scanTrees(std::function<void()> next);
    void runBackup(Pass pass);
    QString checkMirrorPass(const ResticResult& result) const;
    QString servicesDirectory() const; // where the database copies are staged (in the mirror: under its tree)
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
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_twoPasses = false; // safe with a pause hook
    bool m_frozenViewAllowed = true;
    bool m_frozenView = false; // the pass reads the mirror of the paused state, after the resume
    QString m_mirrorDirectory;
    std::shared_ptr<FrozenView::Mirror> m_mirror;
    std::shared_ptr<ChangeTracker> m_tracker;
    qint64 m_pauseStartedMs = 0;
    qint64 m_pauseEndedNs = 0;
    TreeState::Scan m_before; // the trees before the pass of a live backup
    std::optional<Outcome> m_pendingOutcome; // decided, but the resume hook must run first
    QPointer<ResticJob> m_job;
    DatabaseDumps* m_databases = nullptr;
    bool m_databasesConnected = false;
    Result m_result;
};
