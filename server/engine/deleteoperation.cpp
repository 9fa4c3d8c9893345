#include "deleteoperation.h"

#include "resticjob.h"
#include "resticrepository.h"

DeleteOperation::DeleteOperation(
    ResticRepository& repository, const QString& backupId, const QStringList& snapshotIds, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    , m_backupId(backupId)
    , m_snapshotIds(snapshotIds)
{ }

void DeleteOperation::start()
{
    emit logLine(tr("Deleting backup %1.").arg(m_backupId));
    if (m_snapshotIds.isEmpty()) {
        emit finished(Outcome {Outcome::Kind::Success, tr("Backup %1 deleted").arg(m_backupId)});
        return;
    }
    m_job = m_repository.forget(m_snapshotIds, this);
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (!result.ok()) {
            const QString message = tr("restic could not forget the snapshot: %1").arg(result.errorString);
            emit logLine(message);
            emit finished(Outcome {Outcome::Kind::Failure, message});
            return;
        }
        emit progress(100);
        emit finished(Outcome {Outcome::Kind::Success, tr("Backup %1 deleted").arg(m_backupId)});
    });
    m_job->start();
}
