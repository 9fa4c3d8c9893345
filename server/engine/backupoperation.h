#pragma once

#include "activities/operation.h"
#include "domain/environment.h"
#include "resticresult.h"

#include <QJsonObject>
#include <QPointer>

class HookRunner;
class ResticJob;
class ResticRepository;

// Takes one backup of an environment: its code tree (and git HEAD), every mount, and every SQLite service copied
// with the online-backup API into a staging directory first, in one restic snapshot. A consistent ("safe") backup
// runs the environment's pause hook before the services are copied and its resume hook afterwards, whatever happens.
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
        qint64 pauseMs = -1; // -1: not paused
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

private:
    void initRepository();
    void readCommit();
    void pause();
    void dumpServices();
    void runBackup();
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
    qint64 m_pauseStartedMs = 0;
    std::optional<Outcome> m_pendingOutcome; // decided, but the resume hook must run first
    QPointer<ResticJob> m_job;
    Result m_result;
};
