#pragma once

#include "activities/operation.h"
#include "domain/environment.h"
#include "resticresult.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QPointer>

class HookRunner;
class ResticJob;
class ResticRepository;

// Takes one backup of an environment: its code tree (and git HEAD), every mount, and every SQLite service copied
// with the online-backup API into a staging directory first, in one restic snapshot.
//
// A consistent ("safe") backup of an environment with a pause hook runs in two passes: a live pre-pass of
// everything (databases copied live) while the environment runs, then the pause hook, the database copies and a
// second pass with the pre-pass as parent (restic re-reads only files that changed), then the resume hook, which
// runs whatever happens. The pre-pass snapshot (Result::prePassSnapshotId) is left for the caller to forget: the
// operation holds the repository only shared. A live backup scans the code and the mounts before and after its
// pass and logs the files that changed while restic read them.
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
        QString prePassSnapshotId; // the live pre-pass of a safe backup, to forget once the operation has ended
        QJsonObject manifest;
    };

    BackupOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
        const Environment& environment, const QString& backupId, bool safe, QObject* parent = nullptr);

    // The engine knows when the repository exists already; then the check is skipped (it costs a restic run).
    void setRepositoryKnownReady(bool ready) { m_repositoryReady = ready; }
    ~BackupOperation() override;

    void start() override;
    void cancel() override;
    const Result& result() const { return m_result; }

    // size and modification time (ns) of every file under the code path and the mounts, by relative path
    using FileStates = QHash<QString, QPair<qint64, qint64>>;

private:
    enum class Pass { PrePass, Final };

    void initRepository();
    void readCommit();
    void afterCommit();
    void pause();
    void dumpServices(Pass pass);
    QList<QPair<QString, QString>> scanRoots() const; // name prefix ("code", "mounts/<name>") → directory
    void scanBefore();
    void runBackup(Pass pass);
    void afterFinalPass();
    void reportChangedFiles(const FileStates& before, const FileStates& after);
    void resume();
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
    bool m_paused = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_twoPasses = false; // safe with a pause hook
    qint64 m_pauseStartedMs = 0;
    FileStates m_scanBefore;
    std::optional<Outcome> m_pendingOutcome; // decided, but the resume hook must run first
    QPointer<ResticJob> m_job;
    Result m_result;
};
