#include "copyoperation.h"

#include "resticjob.h"
#include "resticrepository.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

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
    // Connected first: counted before the caller's own handler goes on to the next step.
    connect(job, &ResticJob::finished, this, [this](const ResticResult& result) { m_resticRuns += result.processes; });
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
    emit logLine(tr("restic ran %n time(s) for this copy.", "", m_resticRuns));
    emit progress(100);
    emit finished(Outcome {
        Outcome::Kind::Success, tr("%n backup(s) copied to %1", nullptr, int(m_snapshotIds.size())).arg(m_name)});
}

bool CopyOperation::openedBefore() const
{
    QFile marker(m_openedMarker);
    return !m_openedMarker.isEmpty() && marker.open(QIODevice::ReadOnly)
        && QString::fromUtf8(marker.readAll()) == m_copy.settings().repository;
}

void CopyOperation::start()
{
    // The copy's restic starts each derive its key (about half a second) and reach the target anew: a copy that was
    // opened before is copied to at once; opening it (and removing stale locks) waits for a failure that needs it.
    if (openedBefore()) {
        copy();
        return;
    }
    open([this] { copy(); });
}

void CopyOperation::open(std::function<void()> next)
{
    m_opened = true;
    emit logLine(tr("Opening the copy %1 (it is created on first use).").arg(m_name));
    ResticJob* job = track(m_copy.ensureInitialised(this));
    connect(job, &ResticJob::finished, this, [this, job, next](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(
                tr("The copy %1 cannot be reached or opened: %2").arg(m_name, m_copy.describeOpenFailure(result)));
        if (!m_openedMarker.isEmpty()) {
            QSaveFile marker(m_openedMarker);
            if (marker.open(QIODevice::WriteOnly)) {
                marker.write(m_copy.settings().repository.toUtf8());
                marker.commit();
            }
        }
        emit progress(10);
        next();
    });
    job->start();
}

void CopyOperation::unlock(std::function<void()> next)
{
    // A run that was killed (tidemarkd stopped, the machine lost power) can have left its lock in the copy; restic
    // unlock removes only locks of processes that no longer run.
    m_unlocked = true;
    ResticJob* job = track(m_copy.unlock(this));
    connect(job, &ResticJob::finished, this, [this, job, next](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok())
            emit logLine(tr("Stale locks in copy %1 could not be removed: %2").arg(m_name, result.errorString));
        next();
    });
    job->start();
}

void CopyOperation::copy()
{
    if (m_snapshotIds.isEmpty()) {
        // Nothing to copy: the copy is reached only when its retention needs its list of snapshots.
        if (m_plan)
            list();
        else
            succeed();
        return;
    }
    emit logLine(tr("Copying %n backup(s) to %1.", nullptr, int(m_snapshotIds.size())).arg(m_name));
    ResticJob* job = track(m_copy.copyFrom(m_primary, m_snapshotIds, this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok()) {
            // Once each: a lock left by a killed run, or a copy that is not (or no longer) what was opened before.
            if (result.failure == ResticResult::Failure::RepositoryLocked && !m_unlocked)
                return unlock([this] { copy(); });
            if (!m_opened)
                return open([this] { copy(); });
            return fail(tr("restic could not copy the backups to %1: %2").arg(m_name, result.errorString));
        }
        emit progress(80);
        // The copy's retention plans over every snapshot the copy holds: only a list of them gives that.
        if (!m_plan && learnCopied(result.output)) {
            succeed();
            return;
        }
        if (!m_plan)
            emit logLine(
                tr("restic's output does not name the copy of every backup; listing the snapshots of %1.").arg(m_name));
        list();
    });
    job->start();
}

bool CopyOperation::learnCopied(const QString& output)
{
    static const QRegularExpression source(QStringLiteral("^snapshot ([0-9a-f]{8,64}) of "));
    static const QRegularExpression saved(QStringLiteral("^snapshot ([0-9a-f]{8,64}) saved$"));
    static const QRegularExpression skipped(
        QStringLiteral("^skipping source snapshot ([0-9a-f]{8,64}), was already copied to snapshot ([0-9a-f]{8,64})$"));
    QHash<QString, QString> printed; // source snapshot id as printed (short) → copy snapshot id as printed
    QString current;
    for (const QString& raw : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString line = raw.trimmed();
        if (const auto m = source.match(line); m.hasMatch()) {
            current = m.captured(1);
        } else if (const auto m = saved.match(line); m.hasMatch()) {
            if (current.isEmpty())
                return false;
            printed.insert(current, m.captured(1));
            current.clear();
        } else if (const auto m = skipped.match(line); m.hasMatch()) {
            printed.insert(m.captured(1), m.captured(2));
            current.clear();
        }
    }
    // The copy's snapshot files are named by their full ids: a local copy gives them at no cost.
    const auto full = [this](const QString& id) {
        if (!m_copy.isLocal())
            return id;
        const QStringList names = QDir(m_copy.settings().repository + QStringLiteral("/snapshots"))
                                      .entryList({id + QLatin1Char('*')}, QDir::Files);
        return names.size() == 1 && names.first().size() == 64 ? names.first() : id;
    };
    QHash<QString, QString> copied;
    for (const QString& requested : std::as_const(m_snapshotIds)) {
        QString match;
        for (auto it = printed.constBegin(); it != printed.constEnd(); ++it) {
            if (!requested.startsWith(it.key()))
                continue;
            if (!match.isEmpty())
                return false; // two printed ids fit: which one is this snapshot's is unknown
            match = it.value();
        }
        if (match.isEmpty())
            return false;
        copied.insert(requested, full(match));
    }
    // Two requested ids that one printed id fits (the same short id) cannot be told apart either.
    for (auto it = printed.constBegin(); it != printed.constEnd(); ++it) {
        const QString& key = it.key();
        if (std::count_if(m_snapshotIds.cbegin(), m_snapshotIds.cend(),
                [&key](const QString& requested) { return requested.startsWith(key); })
            > 1)
            return false;
    }
    m_copied = copied;
    return true;
}

void CopyOperation::list()
{
    ResticJob* job = track(m_copy.snapshots(this));
    connect(job, &ResticJob::finished, this, [this, job](const ResticResult& result) {
        job->deleteLater();
        if (m_cancelled || result.status == ResticResult::Status::Cancelled)
            return fail(QString());
        if (!result.ok()) {
            if (result.failure == ResticResult::Failure::RepositoryLocked && !m_unlocked)
                return unlock([this] { list(); });
            if (!m_opened)
                return open([this] { list(); });
            return fail(tr("The snapshots of copy %1 could not be listed: %2").arg(m_name, result.errorString));
        }
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
        if (!result.ok()) {
            if (result.failure == ResticResult::Failure::RepositoryLocked && !m_unlocked)
                return unlock([this] { applyRetention(); });
            return fail(tr("The backups that the retention of copy %1 removes could not be forgotten: %2")
                            .arg(m_name, result.errorString));
        }
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
