#pragma once

#include "activities/activityhub.h"
#include "activities/operation.h"
#include "confinement.h"
#include "hookledger.h"
#include "resticreader.h"
#include "store/store.h"

#include <functional>
#include <memory>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QThreadPool>

class ActivityHub;
class Operation;
class RepositoryGate;
class RepositoryReader;
class ResticRepository;
class QTimer;

// Runs backups, restores and deletes as activities: one queue per environment (one operation at a time
// there, different environments in parallel), one restic repository per project, retention applied after
// every backup and settings change.
class ChangeTracker;

class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(Store& store, ActivityHub& hub, const QString& dataDir, QObject* parent = nullptr);
    ~Engine() override;

    // The outcome of asking for an action: the activities it started, or an HTTP status and a sentence.
    struct Request
    {
        QList<ActivityRecord> activities;
        int status = 202;
        QString error;
        bool ok() const { return status == 202; }
    };

    Request createBackup(const QString& projectId, const QString& environmentId, bool safe, bool automated = false,
        const Actor& actor = Actor::server());

    // What a restore puts back (api-contract.md, "Restore with confidence").
    struct RestoreSelection
    {
        bool restoreCode = true;
        QStringList parts; // "code", "mounts/<name>", "services/<name>"; empty: every part
        QStringList paths; // files or folders inside parts ("code/sub/a.txt"); empty: whole parts
        bool safetyBackup = true; // a consistent backup of the target first, attributes.safety_for = the restore
        bool absentRemoves = false; // a path the backup lacks is removed from the target (undo of a path restore)
        QString undoOf; // the restore activity this one undoes
        // A copy target to restore from instead of the primary repository (when the primary is damaged: a backup
        // that is not restorable can still be restored from a copy that holds it).
        QString fromCopy;
    };
    // `recorded` is merged into the activity's payload (options that were accepted but change nothing here).
    // With a safety backup, the answer lists the restore activity and then the safety backup's.
    Request restore(const QString& projectId, const QString& backupId, const QString& targetEnvironment,
        const RestoreSelection& selection, const Actor& actor = Actor::server(), const QJsonObject& recorded = {});
    // Restores the safety backup of a finished restore into the same target with the same parts and paths.
    Request undo(const QString& projectId, const QString& restoreActivityId, const Actor& actor = Actor::server());
    Request deleteBackup(const QString& projectId, const QString& backupId, const Actor& actor = Actor::server());
    Request cancel(const QString& projectId, const QString& activityId);
    // Verifies the project's repository (`primary`, or a copy by its name: reported, never repaired from here): restic
    // check reading `readDataPercent` of the data back and, with `testRestore`, a test restore of the newest backup of
    // each active environment. Backups whose snapshots use damaged packs become not restorable; the damaged packs are
    // moved aside and the index is rebuilt so that the next backup stores that data again. A later verification without
    // errors makes them restorable again.
    Request verify(const QString& projectId, const QString& repositoryName, int readDataPercent, bool testRestore,
        const Actor& actor = Actor::server());
    // Copies the project's backups that are not on the copy target yet (project.backup.copy), then applies the
    // copy's own retention. A copy already waiting to run is not queued twice.
    Request copyBackups(const QString& projectId, const QString& copyName, const Actor& actor = Actor::server());
    // Where each backup stands on each copy target of its project (the API's `copies`).
    QList<BackupCopy> copiesOf(const BackupRecord& record);
    // Whether a verification of the project is queued or running.
    bool isVerifying(const QString& projectId) const;

    // Plans the environment's backups under its policy: stores expires_at and index, and queues a delete
    // activity for every backup the plan deletes. Returns the delete activities it started.
    QList<ActivityRecord> applyRetention(const QString& projectId, const QString& environmentId);

    bool isCancellable(const ActivityRecord& record) const;
    // Whether an activity is queued or running on the environment.
    // Stops the change tracker of a deleted environment.
    void forgetEnvironment(const QString& projectId, const QString& environmentId);
    bool isBusy(const QString& projectId, const QString& environmentId) const;
    // Marks activities that a previous run left unfinished as failed and removes leftovers. Call once at start.
    void recoverAfterRestart();

    ResticRepository* repository(const QString& projectId);
    // A read-only restic command (ls, dump, diff) on the project's repository. It starts once no forget or prune
    // holds the repository (the gate, shared) and holds it until it finishes or is deleted.
    ResticReader* read(
        const QString& projectId, const QStringList& arguments, ResticReader::Output output, QObject* parent);
    // Runs `work` on the thread pool with tidemarkd's own reader of the project's repository (repositoryreader.h),
    // holding the repository shared meanwhile as read() does, then `then` on this thread unless `context` is gone.
    // `work` gets nullptr and the reason when the repository cannot be read that way; the caller then uses restic.
    // The reader is kept between calls (its index is reloaded only when the repository's index changed).
    // A reader nobody used for two minutes is let go of (its index and trees). `GateHeld::ByCaller` is for an
    // operation that runs under the gate already (a restore): asking for it again could wait behind a prune that
    // waits for that operation.
    using DirectWork = std::function<void(RepositoryReader* reader, const QString& error)>;
    enum class GateHeld { No, ByCaller };
    void readDirect(const QString& projectId, QObject* context, DirectWork work, std::function<void()> then,
        GateHeld held = GateHeld::No);
    // Opens (or refreshes) the project's reader with nothing to read yet: the key derivation and the index load
    // happen before someone browses.
    void warmReader(const QString& projectId);
    // The same from the copy `copyName` of `backup_copies` (its own repository, password and credentials), started at
    // once; nullptr when the project has no such copy.
    ResticReader* readCopy(const QString& projectId, const QString& copyName, const QStringList& arguments,
        ResticReader::Output output, QObject* parent);
    const QString& dataDir() const { return m_dataDir; }
    // Calls `then` on this thread once the growth measurements started so far (after a backup, a verification, a
    // prune) are recorded; at once (from the event loop) when none is under way. Never after `context` died.
    void whenGrowthRecorded(const QString& projectId, QObject* context, std::function<void()> then);
    // Measures the primary repository now (when it has no growth point yet) and records the point.
    void measureGrowth(const QString& projectId) { recordGrowth(projectId); }

    // Where environments may live; every backup and restore checks its paths against it before use.
    void setConfinement(const Confinement& confinement) { m_confinement = confinement; }
    const Confinement& confinement() const { return m_confinement; }

    // The engine's idea of now (ms since the epoch): the system clock, or a test's clock.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }
    // For tests: how many operations are queued or running.
    int pendingOperations() const;

signals:
    void idle();

private:
    struct Queued
    {
        QString projectId;
        QString activityId;
        int gateMode = 0; // RepositoryGate::Mode
        bool needsRepository = false; // creates the project's repository first when it does not exist yet
        // Checked right before make(): a sentence why the activity cannot run (it fails with it), else empty.
        std::function<QString()> precondition;
        std::function<Operation*()> make;
        // Records what the operation did; returns the activity's outcome (a failure when that could not be recorded).
        std::function<Operation::Outcome(Operation*, const Operation::Outcome&)> done;
    };
    struct Queue
    {
        QList<Queued> waiting;
        QPointer<Operation> running;
        QString runningActivity;
        bool cancelRequested = false;
    };

    // A backup after the checks: with `attributes` (safety_for) recorded on the new backup.
    Request startBackup(const QString& projectId, const QString& environmentId, bool safe, bool automated,
        const Actor& actor, const QHash<QString, QString>& attributes, const QString& backupId);
    void enqueue(const QString& projectId, const QString& environmentId, Queued item);
    static QString queueKey(const QString& projectId, const QString& environmentId);
    void forgetOrphan(const QString& projectId, const QString& snapshotId);
    // Queues the resume hook of an environment a killed run left paused.
    void resumeAfterRestart(const HookLedger::Paused& paused);
    void forgetHalfMadeSnapshots(const QString& projectId, int attempt);
    QString stagingDir() const;
    // payload.environment as the hosted API has it: {"id", "name", "title", "type"}.
    QJsonObject environmentPayload(const QString& projectId, const QString& environmentId) const;
    void runNext(const QString& queueKey);
    void refreshExpiry(const QString& projectId, const QString& environmentId);
    // Records what a verification found and marks the backups it concerns.
    void recordVerification(const QString& projectId, const QString& repositoryName, const QString& activityId,
        int readDataPercent, const class VerifyOperation* op, const Operation::Outcome& outcome);
    // Adds a point to the primary repository's growth (its size on disk now). The walk of the repository's files
    // runs on the thread pool, one at a time per project; a request during a walk starts one more after it.
    void recordGrowth(const QString& projectId);
    void growthMeasured(const QString& projectId, qint64 atMs, qint64 size);
    void schedulePrune(const QString& projectId);
    RepositoryGate& gate(const QString& projectId);
    // Calls `done` with an empty error once the project's repository exists and opens, or with the reason it
    // does not. Whoever asks first creates it; everyone asking meanwhile waits for that one creation.
    void ensureRepository(const QString& projectId, std::function<void(const QString& error)> done);

    // What the store knows of a backup, its environment and project, as the manifest snapshot holds it.
    QJsonObject backupManifest(const QString& projectId, const BackupRecord& record);
    // Stores the manifest as a small snapshot beside the backup's (tags tidemark-manifest, backup=<id>), records
    // its id in the backup's manifest (`manifest_snapshot`), then calls `then` (also when it could not be stored).
    void storeBackupManifest(const QString& projectId, const QString& backupId, std::function<void()> then);
    // After a successful backup: a copy to every target that copies after each backup.
    void copyAfterBackup(const QString& projectId);
    void recordCopy(const QString& projectId, const QString& copyName, const QStringList& attempted,
        const class CopyOperation* op, const Operation::Outcome& outcome);

    Store& m_store;
    ActivityHub& m_hub;
    QString m_dataDir;
    QHash<QString, Queue> m_queues; // "<project>/<environment>" → queue
    QHash<QString, ResticRepository*> m_repositories; // project → repository
    QHash<QString, RepositoryGate*> m_gates;
    QHash<QString, QTimer*> m_pruneTimers;
    struct GrowthWalk
    {
        bool running = false;
        bool again = false; // asked for while running: the repository changed after the walk began
        QList<std::pair<QPointer<QObject>, std::function<void()>>> waiters;
    };
    QHash<QString, GrowthWalk> m_growthWalks; // project → its walk
    QSet<QString> m_readyRepositories; // projects whose repository is known to exist
    QHash<QString, QList<std::function<void(const QString&)>>> m_repositoryWaiters; // while it is being created
    QSet<QString> m_deleting; // backup ids with a delete activity queued or running
    Clock m_clock;
    // readDirect's readers, by project; opened on the thread pool under the slot's own lock.
    struct ReaderSlot
    {
        QMutex mutex;
        std::shared_ptr<RepositoryReader> reader;
        QString failure; // why the reader did not open, while the index is still `failedIndex`
        QStringList failedIndex;
        qint64 lastUsedMs = 0; // on this thread
    };
    // The project's slot, made if needed and marked used now; the sweep that lets idle readers go runs while any
    // slot exists.
    std::shared_ptr<ReaderSlot> readerSlot(const QString& projectId);
    // The slot's reader, opened or refreshed (on a worker thread); null with `error` when it cannot be.
    static std::shared_ptr<RepositoryReader> slotReader(
        ReaderSlot& slot, const QString& repository, const QString& passwordFile, QString* error);
    QHash<QString, std::shared_ptr<ReaderSlot>> m_readers;
    QTimer* m_readerSweep = nullptr;
    // readDirect's own threads: a person browsing never waits behind the global pool's long work (a tree's
    // removal, a growth measurement).
    QThreadPool m_readPool;
    Confinement m_confinement;
    // Per environment ("project/environment"): the kernel's change reports, kept from one consistent backup to the
    // next (backupoperation.h).
    QHash<QString, std::shared_ptr<ChangeTracker>> m_changeTrackers;
};
