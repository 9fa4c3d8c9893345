#pragma once

#include "activities/operation.h"

#include <QPointer>

class ResticJob;
class ResticRepository;

// Forgets a backup's snapshots. The data is reclaimed by a prune that the engine batches after deletes.
class DeleteOperation : public Operation
{
    Q_OBJECT

public:
    // `snapshotIds`: the backup's snapshot and its manifest snapshot (either may be missing).
    DeleteOperation(ResticRepository& repository, const QString& backupId, const QStringList& snapshotIds,
        QObject* parent = nullptr);

    void start() override;
    void cancel() override { }
    bool isCancellable() const override { return false; }

private:
    ResticRepository& m_repository;
    QString m_backupId;
    QStringList m_snapshotIds;
    QPointer<ResticJob> m_job;
};
