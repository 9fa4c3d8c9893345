#include "restoreoperation.h"

#include "hookrunner.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QtConcurrent>

RestoreOperation::RestoreOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
    const QString& snapshotId, const QJsonObject& manifest, const Environment& target, bool restoreCode,
    const QString& activityId, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    , m_stagingDir(QDir(stagingDir).filePath(QStringLiteral("restore-") + activityId))
    , m_projectId(projectId)
    , m_snapshotId(snapshotId)
    , m_manifest(manifest)
    , m_target(target)
    , m_restoreCode(restoreCode)
    , m_activityId(activityId)
{ }

void RestoreOperation::start()
{
    if (!m_target.local) {
        fail(tr("Environment %1 has no local descriptor: nothing to restore into.").arg(m_target.id));
        return;
    }
    const LocalDescriptor& local = *m_target.local;
    const QString suffix = QStringLiteral(".tidemark-restore-") + m_activityId;
    const QString oldSuffix = QStringLiteral(".tidemark-old-") + m_activityId;
    if (m_restoreCode) {
        const QString target = QDir::cleanPath(QDir(local.codePath).absolutePath());
        m_parts.append({tr("code"), m_manifest.value(QStringLiteral("code_path")).toString(), target, target + suffix,
            target + oldSuffix});
    } else {
        emit logLine(tr("Restore code is off: the code of %1 stays as it is now.").arg(m_target.id));
    }
    const QJsonArray mounts = m_manifest.value(QStringLiteral("mounts")).toArray();
    for (const QJsonValue& v : mounts) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const auto it
            = std::find_if(local.mounts.begin(), local.mounts.end(), [&](const auto& m) { return m.name == name; });
        if (it == local.mounts.end()) {
            emit logLine(
                tr("Environment %1 has no mount named %2; that mount is not restored.").arg(m_target.id, name));
            continue;
        }
        const QString target = QDir::cleanPath(QDir(it->path).absolutePath());
        m_parts.append({tr("mount %1").arg(name), v.toObject().value(QStringLiteral("path")).toString(), target,
            target + suffix, target + oldSuffix});
    }
    const QJsonArray services = m_manifest.value(QStringLiteral("services")).toArray();
    for (const QJsonValue& v : services) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const auto it
            = std::find_if(local.services.begin(), local.services.end(), [&](const auto& s) { return s.name == name; });
        if (it == local.services.end()) {
            emit logLine(
                tr("Environment %1 has no service named %2; that database is not restored.").arg(m_target.id, name));
            continue;
        }
        m_databases.append({name, v.toObject().value(QStringLiteral("staged")).toString(), it->path});
    }
    for (const Part& part : m_parts) {
        if (part.sourcePath.isEmpty() || !QFileInfo(part.targetPath).dir().exists()) {
            fail(tr("The %1 cannot be restored: its place in %2 does not exist.").arg(part.label, m_target.id));
            return;
        }
        QDir(part.stagingRoot).removeRecursively();
    }
    QDir(m_stagingDir).removeRecursively();
    emit logLine(tr("Restoring into %1: %2 directories and %3 databases.")
                     .arg(m_target.id)
                     .arg(m_parts.size())
                     .arg(m_databases.size()));
    restoreNext();
}

void RestoreOperation::restoreNext()
{
    if (m_cancelled)
        return fail(QString());
    const int total = int(m_parts.size()) + (m_databases.isEmpty() ? 0 : 1);
    if (m_next >= total) {
        pause();
        return;
    }
    emit progress(5 + 80 * m_next / std::max(1, total));
    QString targetDir;
    QStringList includes;
    if (m_next < m_parts.size()) {
        const Part& part = m_parts.at(m_next);
        emit logLine(tr("Fetching the %1.").arg(part.label));
        targetDir = part.stagingRoot;
        includes = {part.sourcePath};
    } else {
        emit logLine(tr("Fetching the database copies."));
        targetDir = m_stagingDir;
        for (const Database& db : m_databases)
            includes.append(db.stagedPath);
    }
    m_job = m_repository.restore(m_snapshotId, targetDir, includes, this);
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (result.status == ResticResult::Status::Cancelled || m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not restore the backup: %1").arg(result.errorString));
        ++m_next;
        restoreNext();
    });
    m_job->start();
}

void RestoreOperation::pause()
{
    // Everything is fetched; check it is all there before touching the environment.
    for (const Part& part : m_parts) {
        if (!QFileInfo(part.stagingRoot + part.sourcePath).isDir())
            return fail(tr("The backup does not contain the %1.").arg(part.label));
    }
    for (const Database& db : m_databases) {
        if (!QFileInfo(m_stagingDir + db.stagedPath).isFile())
            return fail(tr("The backup does not contain the database of service %1.").arg(db.name));
    }
    emit progress(86);
    const QString hook = m_target.local->pauseHook;
    if (hook.trimmed().isEmpty()) {
        swapIn();
        return;
    }
    emit logLine(tr("Pausing the environment."));
    m_paused = true;
    auto* runner = new HookRunner(hook, m_projectId, m_target.id, QStringLiteral("pause"), this);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok)
            return fail(message);
        if (m_cancelled)
            return fail(QString());
        swapIn();
    });
    runner->start();
}

void RestoreOperation::swapIn()
{
    m_committed = true;
    // Move each current tree aside and the restored one into its place; on any failure, put back what moved.
    for (Part& part : m_parts) {
        QDir().rename(part.targetPath, part.oldPath);
        if (QFileInfo::exists(part.targetPath) || !QDir().rename(part.stagingRoot + part.sourcePath, part.targetPath)) {
            QDir().rename(part.oldPath, part.targetPath);
            for (Part& done : m_parts) {
                if (!done.swapped)
                    continue;
                QDir(done.targetPath).removeRecursively();
                QDir().rename(done.oldPath, done.targetPath);
                done.swapped = false;
            }
            return fail(tr("The %1 could not be put in place; the environment is unchanged.").arg(part.label));
        }
        part.swapped = true;
        emit logLine(tr("Restored the %1.").arg(part.label));
    }
    emit progress(92);
    writeDatabases();
}

void RestoreOperation::writeDatabases()
{
    QList<QPair<QString, QString>> copies;
    for (const Database& db : m_databases)
        copies.append({m_stagingDir + db.stagedPath, db.targetPath});
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            return fail(tr("A database could not be written back: %1").arg(error));
        for (const Database& db : m_databases)
            emit logLine(tr("Restored the database of service %1.").arg(db.name));
        m_pendingOutcome = Outcome {Outcome::Kind::Success,
            m_restoreCode ? tr("Restored %1 with its code").arg(m_target.id)
                          : tr("Restored the data of %1 (code unchanged)").arg(m_target.id)};
        resume();
    });
    watcher->setFuture(QtConcurrent::run([copies]() -> QString {
        for (const auto& [from, to] : copies) {
            const QString error = SqliteCopy::copy(from, to);
            if (!error.isEmpty())
                return error;
        }
        return QString();
    }));
}

void RestoreOperation::resume()
{
    if (!m_paused) {
        complete();
        return;
    }
    m_paused = false;
    const QString hook = m_target.local->resumeHook;
    if (hook.trimmed().isEmpty()) {
        complete();
        return;
    }
    auto* runner = new HookRunner(hook, m_projectId, m_target.id, QStringLiteral("resume"), this);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        emit logLine(tr("Resumed the environment."));
        if (!ok) {
            emit logLine(message);
            if (m_pendingOutcome && m_pendingOutcome->kind == Outcome::Kind::Success)
                m_pendingOutcome = Outcome {Outcome::Kind::Failure, message};
        }
        complete();
    });
    runner->start();
}

void RestoreOperation::fail(const QString& message)
{
    if (m_pendingOutcome)
        return;
    m_pendingOutcome = message.isEmpty()
        ? Outcome {Outcome::Kind::Cancelled, tr("Restore into %1 cancelled").arg(m_target.id)}
        : Outcome {Outcome::Kind::Failure, message};
    if (!message.isEmpty())
        emit logLine(message);
    resume();
}

void RestoreOperation::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    cleanUp();
    emit finished(m_pendingOutcome.value_or(Outcome {Outcome::Kind::Failure, tr("The restore ended unexpectedly.")}));
}

void RestoreOperation::cleanUp()
{
    for (const Part& part : m_parts) {
        QDir(part.stagingRoot).removeRecursively();
        if (part.swapped)
            QDir(part.oldPath).removeRecursively();
    }
    QDir(m_stagingDir).removeRecursively();
}

void RestoreOperation::cancel()
{
    if (m_cancelled || m_finished || m_committed)
        return;
    m_cancelled = true;
    emit logLine(tr("Cancelling."));
    if (m_job && m_job->isRunning())
        m_job->cancel();
}
