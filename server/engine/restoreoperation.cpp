#include "restoreoperation.h"

#include "browse/backuppaths.h"
#include "databases/databaseload.h"
#include "hookrunner.h"
#include "removetree.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent>

namespace {

const QString kSwapping = QStringLiteral("swapping"); // trees being swapped; the live databases untouched
const QString kSaved = QStringLiteral("saved"); // every live database has a complete copy next to it
// every file swapped and SQLite database written; the database servers' loads are listed under "servers"
const QString kWritten = QStringLiteral("written");
const QString kCommitted = QStringLiteral("committed"); // every swap and database write succeeded

// A database file with what SQLite may keep next to it.
void removeDatabaseFile(const QString& path)
{
    for (const QString& suffix :
        {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

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
    , m_journalPath(journalDirectory(QFileInfo(QDir::cleanPath(QDir(stagingDir).absolutePath())).path())
          + QStringLiteral("/restore-") + activityId + QStringLiteral(".json"))
{ }

QString RestoreOperation::journalDirectory(const QString& dataDir)
{
    return QDir(dataDir).absolutePath() + QStringLiteral("/journal");
}

void RestoreOperation::start()
{
    if (!m_target.local) {
        fail(tr("Environment %1 has no local descriptor: nothing to restore into.").arg(m_target.id));
        return;
    }
    const LocalDescriptor& local = *m_target.local;
    const QString suffix = QStringLiteral(".tidemark-restore-") + m_activityId;
    const QString oldSuffix = QStringLiteral(".tidemark-old-") + m_activityId;
    const auto selected
        = [this](const QString& part) { return m_selectedParts.isEmpty() || m_selectedParts.contains(part); };
    if (!m_selectedPaths.isEmpty()) {
        if (const QString error = selectPaths(suffix, oldSuffix); !error.isEmpty()) {
            fail(error);
            return;
        }
    } else if (m_restoreCode && selected(QStringLiteral("code"))) {
        const QString target = QDir::cleanPath(QDir(local.codePath).absolutePath());
        m_parts.append({tr("code"), m_manifest.value(QStringLiteral("code_path")).toString(), target, target + suffix,
            target + oldSuffix});
    } else if (!m_restoreCode) {
        emit logLine(tr("Restore code is off: the code of %1 stays as it is now.").arg(m_target.id));
    }
    const QJsonArray mounts
        = m_selectedPaths.isEmpty() ? m_manifest.value(QStringLiteral("mounts")).toArray() : QJsonArray();
    for (const QJsonValue& v : mounts) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        if (!selected(QStringLiteral("mounts/") + name))
            continue;
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
    const QJsonArray services
        = m_selectedPaths.isEmpty() ? m_manifest.value(QStringLiteral("services")).toArray() : QJsonArray();
    for (const QJsonValue& v : services) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        if (!selected(QStringLiteral("services/") + name))
            continue;
        const auto it
            = std::find_if(local.services.begin(), local.services.end(), [&](const auto& s) { return s.name == name; });
        if (it == local.services.end()) {
            emit logLine(
                tr("Environment %1 has no service named %2; that database is not restored.").arg(m_target.id, name));
            continue;
        }
        const bool serverDump = v.toObject().contains(QStringLiteral("server_version"));
        if (serverDump || it->isServer()) {
            const QString dumpKind = v.toObject().value(QStringLiteral("kind")).toString();
            LocalDescriptor::Service dumped;
            dumped.kind = dumpKind;
            if (!serverDump || !it->isServer() || dumped.kindValue() != it->kindValue()) {
                fail(tr("The database of service %1 cannot be restored into %2: the backup holds a %3 database and "
                        "the service is of kind %4. Nothing was restored.")
                         .arg(name, m_target.id, serverDump ? dumpKind : QStringLiteral("sqlite"), it->kind));
                return;
            }
            m_serverDatabases.append({v.toObject().value(QStringLiteral("staged")).toString(), *it});
            continue;
        }
        const QString target = QDir::cleanPath(QDir(it->path).absolutePath());
        m_databases.append({name, v.toObject().value(QStringLiteral("staged")).toString(), target, target + oldSuffix});
    }
    if (const QString error = checkPlaces(); !error.isEmpty()) {
        fail(error);
        return;
    }
    for (const Part& part : m_parts) {
        if (!part.partRoot.isEmpty()) {
            removeTree(part.stagingRoot);
            continue; // a path inside a part: its folders are made when it is put in place
        }
        if (part.sourcePath.isEmpty() || !QFileInfo(part.targetPath).dir().exists()) {
            fail(tr("The %1 cannot be restored: its place in %2 does not exist.").arg(part.label, m_target.id));
            return;
        }
        removeTree(part.stagingRoot);
    }
    removeTree(m_stagingDir);
    emit logLine(tr("Restoring into %1: %2 and %3.")
                     .arg(m_target.id, tr("%n directories", "", int(m_parts.size())),
                         tr("%n databases", "", int(m_databases.size()))));
    restoreNext();
}

QString RestoreOperation::selectPaths(const QString& suffix, const QString& oldSuffix)
{
    const LocalDescriptor& local = *m_target.local;
    int n = 0;
    for (const QString& path : m_selectedPaths) {
        QString error;
        const auto where = BackupPath::parse(path, m_manifest, error);
        if (!where || !where->isPart())
            return tr("The path %1 cannot be restored: %2").arg(path, error.isEmpty() ? tr("not a part") : error);
        QString liveRoot;
        if (where->kind == BackupPath::Kind::Code) {
            if (!m_restoreCode)
                return tr("The path %1 is code, and restore code is off.").arg(path);
            liveRoot = local.codePath;
        } else if (where->kind == BackupPath::Kind::Mount) {
            for (const auto& m : local.mounts) {
                if (m.name == where->name)
                    liveRoot = m.path;
            }
        } else {
            const auto it = std::find_if(local.services.begin(), local.services.end(),
                [&where](const auto& s) { return s.name == where->name; });
            if (it == local.services.end())
                return tr("Environment %1 has no service named %2.").arg(m_target.id, where->name);
            // A database server's dump is loaded whole, like a selected services part.
            QJsonObject stored;
            for (const QJsonValue& v : m_manifest.value(QStringLiteral("services")).toArray()) {
                if (v.toObject().value(QStringLiteral("name")).toString() == where->name)
                    stored = v.toObject();
            }
            const bool serverDump = stored.contains(QStringLiteral("server_version"));
            if (serverDump || it->isServer()) {
                LocalDescriptor::Service dumped;
                dumped.kind = stored.value(QStringLiteral("kind")).toString();
                if (!serverDump || !it->isServer() || dumped.kindValue() != it->kindValue())
                    return tr("The database of service %1 cannot be restored into %2: the backup holds a %3 database "
                              "and the service is of kind %4.")
                        .arg(where->name, m_target.id, serverDump ? dumped.kind : QStringLiteral("sqlite"), it->kind);
                m_serverDatabases.append({stored.value(QStringLiteral("staged")).toString(), *it});
                continue;
            }
            const QString target = QDir::cleanPath(QDir(it->path).absolutePath());
            m_databases.append({where->name, where->partRoot, target, target + oldSuffix});
            continue;
        }
        if (liveRoot.isEmpty())
            return tr("Environment %1 has no %2.").arg(m_target.id, where->part);
        liveRoot = QDir::cleanPath(QDir(liveRoot).absolutePath());
        const QString target = where->rest.isEmpty() ? liveRoot : liveRoot + QLatin1Char('/') + where->rest;
        Part part {path, where->snapshotPath(), target, QString(), target + oldSuffix};
        if (where->rest.isEmpty()) {
            part.stagingRoot = target + suffix; // a whole part, swapped like any part
        } else {
            // Staged beside the part's root (same file system, found by the start-up clean-up), not in the tree.
            part.stagingRoot = liveRoot + suffix + QLatin1Char('-') + QString::number(++n);
            part.partRoot = liveRoot;
        }
        m_parts.append(part);
    }
    return QString();
}

void RestoreOperation::restoreNext()
{
    if (m_cancelled)
        return fail(QString());
    const int total = int(m_parts.size()) + (m_databases.isEmpty() && m_serverDatabases.isEmpty() ? 0 : 1);
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
        if (m_directFetch && !m_directTried.contains(m_next)) {
            // A few files are read straight from the repository; restic takes anything larger or unusual.
            m_directTried.insert(m_next);
            m_directFetch(this, part.sourcePath, part.stagingRoot,
                [this, label = part.label](DirectRestore::Outcome outcome, const QString& error) {
                    if (m_cancelled)
                        return fail(QString());
                    if (outcome == DirectRestore::Outcome::Failed)
                        return fail(tr("The %1 could not be read from the backup: %2").arg(label, error));
                    if (outcome == DirectRestore::Outcome::Written) {
                        emit logLine(tr("Read the %1 from the repository directly.").arg(label));
                        ++m_next;
                    }
                    restoreNext();
                });
            return;
        }
    } else {
        emit logLine(tr("Fetching the database copies."));
        targetDir = m_stagingDir;
        for (const Database& db : m_databases)
            includes.append(db.stagedPath);
        for (const ServerDatabase& db : m_serverDatabases)
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
    for (Part& part : m_parts) {
        const QFileInfo staged(part.stagingRoot + part.sourcePath);
        if (part.partRoot.isEmpty() ? staged.isDir() : (staged.exists() || staged.isSymLink()))
            continue;
        if (part.partRoot.isEmpty() || !m_absentRemoves)
            return fail(tr("The backup does not contain the %1.").arg(part.label));
        part.removeOnly = true;
        emit logLine(tr("%1 is not in the backup; it is removed.").arg(part.label));
    }
    for (const Database& db : m_databases) {
        if (!QFileInfo(m_stagingDir + db.stagedPath).isFile())
            return fail(tr("The backup does not contain the database of service %1.").arg(db.name));
    }
    for (const ServerDatabase& db : m_serverDatabases) {
        if (!QFileInfo(m_stagingDir + db.stagedPath).isFile())
            return fail(tr("The backup does not contain the database of service %1.").arg(db.target.name));
    }
    emit progress(86);
    const QString hook = m_target.local->pauseHook;
    if (hook.trimmed().isEmpty()) {
        swapIn();
        return;
    }
    emit logLine(tr("Pausing the environment."));
    m_paused = true;
    m_ledger.paused(m_projectId, m_target.id, QStringLiteral("restore ") + m_activityId);
    auto* runner = new HookRunner(hook, m_projectId, m_target.id, QStringLiteral("pause"), this);
    runner->setTimeout(m_target.local->hookTimeoutSeconds * 1000);
    runner->setLedger(m_ledger);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok) {
            for (const QString& line : runner->outputLines())
                emit logLine(line);
            return fail(message);
        }
        if (m_cancelled)
            return fail(QString());
        swapIn();
    });
    runner->start();
}

QString RestoreOperation::checkPlaces() const
{
    if (!m_confinement)
        return {};
    for (const Part& part : m_parts) {
        if (!part.partRoot.isEmpty()) {
            // A path inside a part: the part is a real directory where it may be, and no folder between it and
            // the path is a link (whose far side a rename would write into).
            if (const QString error = m_confinement->checkDirectory(part.partRoot, part.label); !error.isEmpty())
                return error;
            QString at = part.partRoot;
            const QStringList steps = part.targetPath.mid(part.partRoot.size() + 1).split(QLatin1Char('/'));
            for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
                at += QLatin1Char('/') + steps.at(i);
                const QFileInfo info(at);
                if (info.isSymLink() || (info.exists() && !info.isDir()))
                    return tr("%1 cannot be put back: %2 in the environment is a link or not a folder.")
                        .arg(part.label, at.mid(part.partRoot.size() + 1));
            }
            continue;
        }
        if (const QString error = m_confinement->checkPlace(part.targetPath, part.label); !error.isEmpty())
            return error;
    }
    for (const Database& db : m_databases) {
        if (!Confinement::isSimpleName(db.name))
            return tr("The service name \"%1\" is not a simple name.").arg(db.name);
        const QString error = m_confinement->checkPlace(db.targetPath, tr("database of service %1").arg(db.name));
        if (!error.isEmpty())
            return error;
    }
    // A database server's password file is read and its password sent to the server: confined like the rest.
    for (const ServerDatabase& db : m_serverDatabases) {
        const QString error = m_confinement->checkFile(
            db.target.passwordFile, tr("password file of service %1 of %2").arg(db.target.name, m_target.id));
        if (!error.isEmpty())
            return error;
    }
    return {};
}

void RestoreOperation::swapIn()
{
    // Again, now that the environment is paused: a link planted since start() is not written through.
    if (const QString error = checkPlaces(); !error.isEmpty())
        return fail(tr("%1 Nothing was changed.").arg(error));
    m_committed = true;
    for (Part& part : m_parts)
        part.existed = QFileInfo::exists(part.targetPath) || QFileInfo(part.targetPath).isSymLink();
    for (Database& db : m_databases)
        db.existed = QFileInfo::exists(db.targetPath);
    // The journal comes first: from the first rename on, a restart can put everything back.
    if (!writeJournal(kSwapping))
        return fail(tr("The restore journal could not be written; the environment is unchanged."));
    // Move each current tree aside and the restored one into its place; on any failure, put back what moved.
    for (Part& part : m_parts) {
        if (part.existed) {
            if (!QDir().rename(part.targetPath, part.oldPath)) {
                rollBack();
                return fail(tr("The %1 could not be moved aside; the environment is unchanged.").arg(part.label));
            }
            part.swapped = true;
        }
        if (part.removeOnly) {
            emit logLine(tr("Removed %1.").arg(part.label));
            continue;
        }
        if (!part.partRoot.isEmpty() && !QDir().mkpath(QFileInfo(part.targetPath).path())) {
            rollBack();
            return fail(tr("The folder of %1 could not be made; the environment is unchanged.").arg(part.label));
        }
        if (QFileInfo(part.targetPath).exists() || QFileInfo(part.targetPath).isSymLink()
            || !QDir().rename(part.stagingRoot + part.sourcePath, part.targetPath)) {
            rollBack();
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
    struct Copy
    {
        QString name;
        QString staged;
        QString target;
        QString backupCopy;
        bool existed;
    };
    QList<Copy> copies;
    for (const Database& db : m_databases)
        copies.append({db.name, m_stagingDir + db.stagedPath, db.targetPath, db.backupCopy, db.existed});
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            rollBack();
            return fail(
                tr("A database could not be written back: %1. The environment was put back as it was.").arg(error));
        }
        if (!m_serverDatabases.isEmpty())
            return loadServerDatabases();
        commitRestore();
    });
    const QString journalPath = m_journalPath;
    const QJsonObject savedJournal = journal(kSaved);
    watcher->setFuture(QtConcurrent::run([copies, journalPath, savedJournal]() -> QString {
        // First a copy of every live database, so a restart can put it back whatever happens next.
        for (const Copy& c : copies) {
            if (!c.existed)
                continue;
            const QString error = SqliteCopy::copy(c.target, c.backupCopy);
            if (!error.isEmpty())
                return tr("the database of service %1 could not be saved first: %2").arg(c.name, error);
        }
        if (!copies.isEmpty() && !writeJournalFile(journalPath, savedJournal))
            return tr("the restore journal could not be written");
        for (const Copy& c : copies) {
            const QString error = SqliteCopy::copy(c.staged, c.target);
            if (!error.isEmpty())
                return error;
        }
        return QString();
    }));
}

void RestoreOperation::commitRestore()
{
    if (!writeJournal(kCommitted)) {
        rollBack();
        return fail(tr("The restore journal could not be written; the environment was put back as it was."));
    }
    for (const Database& db : m_databases)
        emit logLine(tr("Restored the database of service %1.").arg(db.name));
    succeed();
}

void RestoreOperation::succeed()
{
    m_pendingOutcome = Outcome {Outcome::Kind::Success,
        m_restoreCode ? tr("Restored %1 with its code").arg(m_target.id)
                      : tr("Restored the data of %1 (code unchanged)").arg(m_target.id)};
    resume();
}

// The databases of every server are loaded first where nothing sees them (PostgreSQL: open transactions; MariaDB:
// scratch schemas); then the MariaDB swaps (each one RENAME TABLE, reversible); then the PostgreSQL COMMITs, the
// restore's point of no return; only then are the MariaDB swaps made final (old objects dropped, views and
// triggers created). The journal lists each load (its scratch schema, its swap, its PostgreSQL xid) before the
// server sees it, so that a restart finishes or undoes all of them together with the files.
void RestoreOperation::loadServerDatabases()
{
    for (const ServerDatabase& db : m_serverDatabases)
        m_loads.append(DatabaseLoad::create(db.target, this));
    if (!writeJournal(kWritten)) {
        rollBack();
        return fail(tr("The restore journal could not be written; the environment was put back as it was."));
    }
    loadNext(0);
}

void RestoreOperation::loadNext(int index)
{
    if (index >= m_loads.size())
        return swapNext(0);
    const ServerDatabase& db = m_serverDatabases.at(index);
    emit logLine(
        tr("Loading the database of service %1 into %2.").arg(db.target.name, DatabaseAccess(db.target).describe()));
    m_loads.at(index)->load(m_stagingDir + db.stagedPath, [this, index](const QString& error) {
        if (!error.isEmpty())
            return abandonServers(error);
        if (!writeJournal(kWritten))
            return abandonServers(tr("The restore journal could not be written."));
        loadNext(index + 1);
    });
}

void RestoreOperation::swapNext(int index)
{
    if (index >= m_loads.size())
        return commitNext(0);
    m_loads.at(index)->swap([this, index](const QString& error) {
        if (!error.isEmpty())
            return abandonServers(error);
        swapNext(index + 1);
    });
}

void RestoreOperation::commitNext(int index)
{
    // The final commits (PostgreSQL) first, one after the other; with none, the journal's "committed" is the point
    // of no return.
    while (index < m_loads.size() && !m_loads.at(index)->commitIsFinal())
        ++index;
    if (index >= m_loads.size()) {
        if (!writeJournal(kCommitted)) {
            // Nothing final happened yet: everything goes back. After a PostgreSQL COMMIT the server's word is the
            // journal's (a restart asks it), so the restore goes on.
            if (m_committedLoads.isEmpty())
                return abandonServers(tr("The restore journal could not be written."));
            qWarning("tidemarkd: the journal of restore %s could not be marked committed", qPrintable(m_activityId));
        }
        return finishNext(0, {});
    }
    m_loads.at(index)->commit([this, index](const QString& error) {
        if (error.isEmpty()) {
            m_committedLoads.append(index);
            return commitNext(index + 1);
        }
        if (m_committedLoads.isEmpty())
            return abandonServers(error);
        // An earlier PostgreSQL database is committed already: there is no way back for it. The others are made
        // final as well, and the activity says which database is not the backup's.
        emit logLine(error);
        m_partialError = tr("%1 The other databases and the files were restored.").arg(error);
        commitNext(index + 1);
    });
}

void RestoreOperation::finishNext(int index, QStringList problems)
{
    if (index >= m_loads.size()) {
        for (const Database& db : m_databases)
            emit logLine(tr("Restored the database of service %1.").arg(db.name));
        if (!problems.isEmpty() || !m_partialError.isEmpty()) {
            // Committed: a restart makes the MariaDB databases final again (each step can be run again).
            m_keepJournal = !problems.isEmpty();
            if (!m_partialError.isEmpty())
                problems.prepend(m_partialError);
            m_pendingOutcome = Outcome {Outcome::Kind::Failure, problems.join(QLatin1Char(' '))};
            return resume();
        }
        return succeed();
    }
    DatabaseLoad* load = m_loads.at(index);
    auto next = [this, index, problems, name = load->serviceName()](const QString& error) mutable {
        if (error.isEmpty())
            emit logLine(tr("Restored the database of service %1.").arg(name));
        else
            problems.append(error);
        finishNext(index + 1, problems);
    };
    if (!load->commitIsFinal())
        return load->commit(next);
    if (m_committedLoads.contains(index))
        emit logLine(tr("Restored the database of service %1.").arg(load->serviceName()));
    finishNext(index + 1, problems); // one that could not be committed is named in m_partialError
}

void RestoreOperation::abandonServers(const QString& error)
{
    rollBackServers(0, error, {});
}

void RestoreOperation::rollBackServers(int index, const QString& error, QStringList problems)
{
    if (index >= m_loads.size()) {
        rollBack();
        if (!problems.isEmpty()) {
            for (const QString& p : problems)
                emit logLine(p);
            m_keepJournal = true;
            emit logLine(tr("The restore journal is kept; tidemarkd tries the roll-back again when it restarts."));
        }
        return fail(tr("%1 The environment was put back as it was.").arg(error));
    }
    m_loads.at(index)->rollBack([this, index, error, problems](const QString& problem) mutable {
        if (!problem.isEmpty())
            problems.append(problem);
        rollBackServers(index + 1, error, problems);
    });
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
        m_ledger.resumed(m_projectId, m_target.id);
        complete();
        return;
    }
    auto* runner = new HookRunner(hook, m_projectId, m_target.id, QStringLiteral("resume"), this);
    runner->setTimeout(m_target.local->hookTimeoutSeconds * 1000);
    runner->setLedger(m_ledger);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok) {
            for (const QString& line : runner->outputLines())
                emit logLine(line);
        }
        m_ledger.resumed(m_projectId, m_target.id);
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
    // The replaced trees can be large: removed on a worker thread, so that the API goes on answering meanwhile.
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        emit finished(
            m_pendingOutcome.value_or(Outcome {Outcome::Kind::Failure, tr("The restore ended unexpectedly.")}));
    });
    watcher->setFuture(QtConcurrent::run([this] { cleanUp(); }));
}

void RestoreOperation::cleanUp()
{
    for (const Part& part : m_parts) {
        removeTree(part.stagingRoot);
        if (part.swapped && !m_keepJournal)
            removeTree(part.oldPath);
    }
    if (!m_keepJournal) {
        for (const Database& db : m_databases)
            removeDatabaseFile(db.backupCopy);
    }
    removeTree(m_stagingDir);
    // Last: while the journal exists, a restart can still finish or undo this restore.
    if (!m_keepJournal)
        QFile::remove(m_journalPath);
}

void RestoreOperation::rollBack()
{
    // The journal on disk says how far the restore got (whether the databases were saved); it is the truth.
    QJsonObject onDisk;
    QFile file(m_journalPath);
    if (file.open(QIODevice::ReadOnly))
        onDisk = QJsonDocument::fromJson(file.readAll()).object();
    const QStringList problems = rollBackJournal(onDisk.isEmpty() ? journal(kSwapping) : onDisk);
    for (const QString& line : problems)
        emit logLine(line);
    m_keepJournal = !problems.isEmpty();
    if (m_keepJournal)
        emit logLine(tr("The restore journal is kept; tidemarkd tries the roll-back again when it restarts."));
    for (Part& part : m_parts)
        part.swapped = false;
}

QJsonObject RestoreOperation::journal(const QString& state) const
{
    QJsonArray parts;
    for (const Part& part : m_parts) {
        parts.append(QJsonObject {{QStringLiteral("target"), part.targetPath}, {QStringLiteral("old"), part.oldPath},
            {QStringLiteral("staged"), part.stagingRoot}, {QStringLiteral("existed"), part.existed}});
    }
    QJsonArray databases;
    for (const Database& db : m_databases) {
        databases.append(QJsonObject {{QStringLiteral("target"), db.targetPath},
            {QStringLiteral("backupCopy"), db.backupCopy}, {QStringLiteral("existed"), db.existed}});
    }
    QJsonArray servers;
    for (const DatabaseLoad* load : m_loads)
        servers.append(load->journalEntry());
    return QJsonObject {{QStringLiteral("activity"), m_activityId}, {QStringLiteral("environment"), m_target.id},
        {QStringLiteral("state"), state}, {QStringLiteral("parts"), parts}, {QStringLiteral("databases"), databases},
        {QStringLiteral("servers"), servers}};
}

bool RestoreOperation::writeJournal(const QString& state)
{
    return writeJournalFile(m_journalPath, journal(state));
}

bool RestoreOperation::writeJournalFile(const QString& path, const QJsonObject& journal)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(journal).toJson());
    return file.commit();
}

QStringList RestoreOperation::rollBackJournal(const QJsonObject& journal)
{
    QStringList problems;
    const QString state = journal.value(QStringLiteral("state")).toString();
    const bool saved = state == kSaved || state == kWritten;
    const QJsonArray parts = journal.value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& v : parts) {
        const QJsonObject part = v.toObject();
        const QString target = part.value(QStringLiteral("target")).toString();
        const QString old = part.value(QStringLiteral("old")).toString();
        const QString staged = part.value(QStringLiteral("staged")).toString();
        if (target.isEmpty())
            continue;
        if (!old.isEmpty() && QFileInfo::exists(old)) {
            // The previous tree was moved aside: whatever is in its place now is (part of) the restored one.
            if (!removeTree(target) || !QDir().rename(old, target))
                problems.append(tr("%1 could not be put back from %2.").arg(target, old));
        } else if (!part.value(QStringLiteral("existed")).toBool(true)) {
            // There was nothing here before the restore.
            if (!removeTree(target))
                problems.append(tr("%1 could not be removed.").arg(target));
        }
        if (!staged.isEmpty() && !removeTree(staged))
            problems.append(tr("%1 could not be removed.").arg(staged));
    }
    const QJsonArray databases = journal.value(QStringLiteral("databases")).toArray();
    for (const QJsonValue& v : databases) {
        const QJsonObject db = v.toObject();
        const QString target = db.value(QStringLiteral("target")).toString();
        const QString backupCopy = db.value(QStringLiteral("backupCopy")).toString();
        if (target.isEmpty() || backupCopy.isEmpty())
            continue;
        // Before "saved" no live database was written: the copies may be incomplete and are only thrown away.
        if (saved) {
            // A journal kept by an earlier roll-back (a database server it could not reach) is rolled back again:
            // a copy that is gone was put back then.
            if (db.value(QStringLiteral("existed")).toBool(true) && !QFileInfo::exists(backupCopy))
                continue;
            if (db.value(QStringLiteral("existed")).toBool(true)) {
                const QString error = SqliteCopy::copy(backupCopy, target);
                if (!error.isEmpty()) {
                    problems.append(tr("%1 could not be put back from %2: %3").arg(target, backupCopy, error));
                    continue;
                }
            } else {
                removeDatabaseFile(target);
            }
        }
        removeDatabaseFile(backupCopy);
    }
    return problems;
}

void RestoreOperation::discardJournalled(const QJsonObject& journal)
{
    const QJsonArray parts = journal.value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& v : parts) {
        for (const QString& key : {QStringLiteral("old"), QStringLiteral("staged")}) {
            const QString path = v.toObject().value(key).toString();
            if (!path.isEmpty())
                removeTree(path);
        }
    }
    const QJsonArray databases = journal.value(QStringLiteral("databases")).toArray();
    for (const QJsonValue& v : databases) {
        const QString backupCopy = v.toObject().value(QStringLiteral("backupCopy")).toString();
        if (!backupCopy.isEmpty())
            removeDatabaseFile(backupCopy);
    }
}

QList<QPair<QString, QString>> RestoreOperation::recoverJournals(const QString& dataDir)
{
    QList<QPair<QString, QString>> done;
    QDir dir(journalDirectory(dataDir));
    if (!dir.exists())
        return done;
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries) {
        const QString name = entry.fileName();
        if (!name.startsWith(QLatin1String("restore-")))
            continue;
        if (!name.endsWith(QLatin1String(".json"))) {
            QFile::remove(entry.filePath()); // a temporary file of an unfinished QSaveFile::commit()
            continue;
        }
        QFile file(entry.filePath());
        QJsonObject journal;
        if (file.open(QIODevice::ReadOnly))
            journal = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        const QString activity = journal.value(QStringLiteral("activity")).toString();
        const QString environment = journal.value(QStringLiteral("environment")).toString();
        if (journal.isEmpty()) {
            qWarning("tidemarkd: restore journal %s is unreadable; removed", qPrintable(entry.filePath()));
            QFile::remove(entry.filePath());
            continue;
        }
        // Whether the restore got past its point of no return: the journal says so, or (when a database server's
        // COMMIT may have happened just before tidemarkd stopped) the server does.
        const QJsonArray servers = journal.value(QStringLiteral("servers")).toArray();
        bool committed = journal.value(QStringLiteral("state")).toString() == kCommitted;
        QString unknown;
        for (const QJsonValue& v : servers) {
            if (committed || !unknown.isEmpty())
                break;
            QString error;
            const DatabaseLoad::Commit commit = DatabaseLoad::wasCommitted(v.toObject(), &error);
            if (commit == DatabaseLoad::Commit::Committed)
                committed = true;
            else if (commit == DatabaseLoad::Commit::Unknown)
                unknown = error;
        }
        if (!unknown.isEmpty() && !committed) {
            qWarning("tidemarkd: restore %s into %s was interrupted and cannot be judged yet: %s", qPrintable(activity),
                qPrintable(environment), qPrintable(unknown));
            done.append({activity,
                tr("The restore into %1 was interrupted; whether its databases were committed cannot be told yet (%2). "
                   "tidemarkd tries again when it restarts.")
                    .arg(environment, unknown)});
            continue;
        }
        QStringList serverProblems;
        for (const QJsonValue& v : servers) {
            const QString problem = DatabaseLoad::recover(v.toObject(), committed);
            if (!problem.isEmpty())
                serverProblems.append(problem);
        }
        if (committed) {
            discardJournalled(journal);
            if (!serverProblems.isEmpty()) {
                for (const QString& p : serverProblems)
                    qWarning("tidemarkd: finishing restore %s: %s", qPrintable(activity), qPrintable(p));
                done.append({activity,
                    tr("The restore into %1 had been committed; its databases could not all be finished: %2")
                        .arg(environment, serverProblems.join(QLatin1Char(' ')))});
                continue;
            }
            QFile::remove(entry.filePath());
            qInfo("tidemarkd: restore %s into %s had completed; removed its leftovers", qPrintable(activity),
                qPrintable(environment));
            done.append({activity,
                tr("The restore into %1 had completed before tidemarkd stopped; its leftovers were removed.")
                    .arg(environment)});
            continue;
        }
        QStringList problems = rollBackJournal(journal);
        problems += serverProblems;
        if (problems.isEmpty()) {
            QFile::remove(entry.filePath());
            qInfo("tidemarkd: restore %s into %s was interrupted; the environment was put back as it was",
                qPrintable(activity), qPrintable(environment));
            done.append({activity,
                tr("The restore into %1 was interrupted; the environment was put back as it was before.")
                    .arg(environment)});
        } else {
            for (const QString& p : problems)
                qWarning("tidemarkd: rolling back restore %s: %s", qPrintable(activity), qPrintable(p));
            done.append({activity,
                tr("The restore into %1 was interrupted and could not be fully undone: %2")
                    .arg(environment, problems.join(QLatin1Char(' ')))});
        }
    }
    return done;
}

QSet<QString> RestoreOperation::journalledPaths(const QString& dataDir)
{
    QSet<QString> paths;
    QDir dir(journalDirectory(dataDir));
    for (const QFileInfo& entry : dir.entryInfoList({QStringLiteral("restore-*.json")}, QDir::Files)) {
        QFile file(entry.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject journal = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue& v : journal.value(QStringLiteral("parts")).toArray()) {
            for (const QString& key : {QStringLiteral("old"), QStringLiteral("staged")}) {
                const QString path = v.toObject().value(key).toString();
                if (!path.isEmpty())
                    paths.insert(QDir::cleanPath(path));
            }
        }
    }
    return paths;
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
