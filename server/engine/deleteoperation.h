#pragma once

#include "activities/operation.h"

#include <QPointer>

class ResticJob;
class ResticRepository;

// Forgets a backup's snapshot. The data is reclaimed by a prune that the engine batches after deletes.
class DeleteOperation : public Operation
{
    Q_OBJECT

public:
    DeleteOperation(
        ResticRepository& repository, const QString& backupId, const QString& snapshotId, QObject* parent = nullptr);

    void start() override;
    void cancel() override { }
    bool isCancellable() const override { return false; }

private:
    ResticRepository& m_repository;
    QString m_backupId;
    QString m_snapshotId;
    QPointer<ResticJob> m_job;
};
