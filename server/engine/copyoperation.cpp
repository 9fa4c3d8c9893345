#include "copyoperation.h"

#include "resticjob.h"
#include "resticrepository.h"

CopyOperation::CopyOperation(ResticRepository& primary, ResticRepository& copy, const QString& copyName,
    const QStringList& snapshotIds, QObject* parent)
    : Operation(parent)
    , m_primary(primary)
    , m_copy(copy)
    , m_name(copyName)
    , m_snapshotIds(snapshotIds)
{ }

ResticJob* CopyOperation::track(ResticJob* job)
{
    m_job = job;
    connect(job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    return job;
}

void CopyOperation::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->cancel();
}

void CopyOperation::fail(const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_cancelled) {
        emit finished(Outcome {Outcome::Kind::Cancelled, QString()});
        return;
    }
    m_error = message;
    emit logLine(message);
    emit finished(Outcome {Outcome::Kind::Failure, message});
}

void CopyOperation::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    emit progress(100);
    emit finished(Outcome {
        Outcome::Kind::Success, tr("%n backup(s) copied to %1", nullptr, int(m_snapshotIds.size())).arg(m_name)});
}

void CopyOperation::start()
{
    emit logLine(tr("Opening the copy %1 (it is created on first use).").arg(m_name));
    ResticJob* job = track(m_copy.ensureInitialised(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(
                tr("The copy %1 cannot be reached or opened: %2").arg(m_name, m_copy.describeOpenFailure(result)));
        emit progress(10);
        unlock();
    });
    job->start();
}

void CopyOperation::unlock()
{
    // A run that was killed (tidemarkd stopped, the machine lost power) can have left its lock in the copy; restic
    // unlock removes only locks of processes that no longer run.
    ResticJob* job = track(m_copy.unlock(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            emit logLine(tr("Stale locks in copy %1 could not be removed: %2").arg(m_name, result.errorString));
        copy();
    });
    job->start();
}

void CopyOperation::copy()
{
    if (m_snapshotIds.isEmpty()) {
        list();
        return;
    }
    emit logLine(tr("Copying %n backup(s) to %1.", nullptr, int(m_snapshotIds.size())).arg(m_name));
    ResticJob* job = track(m_copy.copyFrom(m_primary, m_snapshotIds, this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not copy the backups to %1: %2").arg(m_name, result.errorString));
        emit progress(80);
        list();
    });
    job->start();
}

void CopyOperation::list()
{
    ResticJob* job = track(m_copy.snapshots(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("The snapshots of copy %1 could not be listed: %2").arg(m_name, result.errorString));
        m_copied.clear();
        for (const ResticSnapshot& snapshot : result.snapshots)
            m_copied.insert(snapshot.original.isEmpty() ? snapshot.id : snapshot.original, snapshot.id);
        emit progress(90);
        applyRetention();
    });
    job->start();
}

void CopyOperation::applyRetention()
{
    const QStringList forget = m_plan ? m_plan(m_copied) : QStringList();
    if (forget.isEmpty()) {
        succeed();
        return;
    }
    emit logLine(tr("The retention of copy %1 removes %n backup(s) from it.", nullptr, int(forget.size())).arg(m_name));
    ResticJob* job = track(m_copy.forget(forget, this));
    connect(job, &ResticJob::finished, this, [this, job, forget](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("The backups that the retention of copy %1 removes could not be forgotten: %2")
                            .arg(m_name, result.errorString));
        m_forgotten = forget;
        for (auto it = m_copied.begin(); it != m_copied.end();) {
            if (forget.contains(it.value()))
                it = m_copied.erase(it);
            else
                ++it;
        }
        prune();
    });
    job->start();
}

void CopyOperation::prune()
{
    ResticJob* job = track(m_copy.prune(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            emit logLine(tr("The copy %1 could not be pruned (its data is reclaimed on the next run): %2")
                             .arg(m_name, result.errorString));
        succeed();
    });
    job->start();
}
