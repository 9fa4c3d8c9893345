#pragma once

#include "activities/operation.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QStringList>

class ResticJob;
class ResticRepository;

// Verifies one restic repository: `restic check` reading a share of the packs back, and a test restore of the newest
// backup of each active environment into a scratch directory, compared file by file with what the snapshot
// recorded (count, sizes; restic's --verify reads the content back against the blobs). Damaged packs are named;
// in a repository that may be repaired (the primary one) they are moved aside and the index is rebuilt, so that the
// next backup stores their data again instead of reusing blobs that cannot be read.
class VerifyOperation : public Operation
{
    Q_OBJECT

public:
    struct TestTarget
    {
        QString environmentId;
        QString backupId;
        QString snapshotId;
        qint64 sizeOfVolumes = -1; // what the backup recorded; -1 when unknown
    };

    struct Result
    {
        bool checked = false; // restic check ran to a verdict
        bool checkPassed = false;
        QStringList damagedPacks;
        QHash<QString, QStringList> damagedSnapshots; // snapshot id → paths that use the damaged packs
        QStringList repairs; // what was done about the damage
        QStringList failedBackups; // backups whose test restore failed
        QStringList sentences; // the verification's account, for the activity's text and the store
        bool ok() const { return checkPassed && damagedPacks.isEmpty() && failedBackups.isEmpty(); }
    };

    VerifyOperation(ResticRepository& repository, const QString& scratchDir, int readDataPercent,
        const QList<TestTarget>& targets, QObject* parent = nullptr);

    // Where damaged packs are moved; empty: damage is reported, never repaired (a copy somewhere else).
    void setQuarantineDirectory(const QString& directory) { m_quarantine = directory; }

    void start() override;
    void cancel() override;
    const Result& result() const { return m_result; }

private:
    void check();
    void findDamage();
    void quarantine();
    void testRestore(int index);
    void compareRestore(int index, const QJsonArray& nodes);
    void finish();
    void stop(const QString& message);
    ResticJob* track(ResticJob* job);

    ResticRepository& m_repository;
    QString m_scratch;
    int m_readDataPercent;
    QList<TestTarget> m_targets;
    QString m_quarantine;
    bool m_cancelled = false;
    bool m_finished = false;
    QPointer<ResticJob> m_job;
    Result m_result;
};
