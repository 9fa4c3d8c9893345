#pragma once

#include "activities/operation.h"
#include "domain/environment.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>

class ResticJob;
class ResticRepository;

// Restores a backup into an environment (its own or another active one). Each directory is restored by restic into
// a staging directory next to its target and swapped in by rename, the old tree kept until every swap succeeded;
// databases are written back with SQLite's online-backup API. With restore_code false the code tree is untouched.
class RestoreOperation : public Operation
{
    Q_OBJECT

public:
    RestoreOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
        const QString& snapshotId, const QJsonObject& manifest, const Environment& target, bool restoreCode,
        const QString& activityId, QObject* parent = nullptr);

    void start() override;
    void cancel() override;

private:
    struct Part
    {
        QString label; // for the log: "code", "mount uploads"
        QString sourcePath; // absolute path as captured
        QString targetPath; // where it goes now
        QString stagingRoot; // next to targetPath
        QString oldPath; // targetPath's previous tree during the swap
        bool swapped = false;
    };
    struct Database
    {
        QString name;
        QString stagedPath; // inside the snapshot
        QString targetPath;
    };

    void restoreNext();
    void pause();
    void swapIn();
    void writeDatabases();
    void resume();
    void fail(const QString& message);
    void complete();
    void cleanUp();

    ResticRepository& m_repository;
    QString m_stagingDir; // for the databases
    QString m_projectId;
    QString m_snapshotId;
    QJsonObject m_manifest;
    Environment m_target;
    bool m_restoreCode;
    QString m_activityId;

    QList<Part> m_parts;
    QList<Database> m_databases;
    int m_next = 0; // next restic restore to run (m_parts, then the databases)
    bool m_paused = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_committed = false; // past the point of no return: cancel no longer applies
    std::optional<Outcome> m_pendingOutcome;
    QPointer<ResticJob> m_job;
};
