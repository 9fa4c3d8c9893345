#include "backupoperation.h"

#include "changetracker.h"
#include "databases/databasedumps.h"
#include "displayformat.h"
#include "frozenview.h"
#include "hookrunner.h"
#include "removetree.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"

#include <malloc.h>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QProcess>
#include <QtConcurrent>
#include <QThreadPool>
#include <time.h>

namespace {

const int kMaxListedChangedFiles = 20;

QString filesText(qint64 n)
{
    return BackupOperation::tr("%n file(s)", "", int(n));
}

QString entriesText(qint64 n)
{
    return BackupOperation::tr("%n entry(s)", "", int(n));
}

} // namespace

BackupOperation::BackupOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
    const Environment& environment, const QString& backupId, bool safe, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    // One staging directory per environment, under the same name every time: restic finds a live backup's parent
    // by its paths, and a consistent backup's database copies keep their path in the mirror.
    , m_staging(
          QDir(stagingDir).filePath(QStringLiteral("environment-") + projectId + QLatin1Char('-') + environment.id))
    , m_projectId(projectId)
    , m_environment(environment)
    , m_backupId(backupId)
    , m_safe(safe)
    , m_mirrorDirectory(QDir::cleanPath(
          QDir(stagingDir).filePath(QStringLiteral("../mirrors/") + projectId + QLatin1Char('/') + environment.id)))
{ }

BackupOperation::~BackupOperation()
{
    // The mirror's records take a few hundred bytes per file: given back to the system, not kept in malloc's pools.
    if (m_mirror) {
        m_mirror.reset();
        m_tracker.reset();
        ::malloc_trim(0);
    }
}

void BackupOperation::start()
{
    emit logLine(m_safe ? tr("Taking a consistent backup of %1 (the environment pauses briefly).").arg(m_environment.id)
                        : tr("Taking a live backup of %1 (no pause).").arg(m_environment.id));
    if (!m_environment.local) {
        fail(tr("Environment %1 has no local descriptor: nothing to back up.").arg(m_environment.id));
        return;
    }
    const LocalDescriptor& local = *m_environment.local;
    // Confined first, then used: the application controls its files and may have turned any of them into a link.
    if (m_confinement) {
        QString error = m_confinement->checkDirectory(local.codePath, tr("code path of %1").arg(m_environment.id));
        for (const LocalDescriptor::Mount& mount : local.mounts) {
            if (error.isEmpty())
                error
                    = m_confinement->checkDirectory(mount.path, tr("mount %1 of %2").arg(mount.name, m_environment.id));
        }
        for (const LocalDescriptor::Service& service : local.services) {
            if (error.isEmpty() && !Confinement::isSimpleName(service.name))
                error = tr("The service name \"%1\" of %2 is not a simple name.").arg(service.name, m_environment.id);
            if (error.isEmpty() && service.isServer())
                error = m_confinement->checkFile(
                    service.passwordFile, tr("password file of service %1 of %2").arg(service.name, m_environment.id));
            else if (error.isEmpty())
                error = m_confinement->checkFile(
                    service.path, tr("database of service %1 of %2").arg(service.name, m_environment.id));
        }
        if (!error.isEmpty()) {
            fail(error);
            return;
        }
    }
    if (!QFileInfo(local.codePath).isDir()) {
        fail(tr("The code path of %1 is not a directory.").arg(m_environment.id));
        return;
    }
    for (const LocalDescriptor::Mount& mount : local.mounts) {
        if (!QFileInfo(mount.path).isDir()) {
            fail(tr("The mount %1 of %2 is not a directory.").arg(mount.name, m_environment.id));
            return;
        }
    }
    for (const LocalDescriptor::Service& service : local.services) {
        if (!service.isServer() && !QFileInfo(service.path).isFile()) {
            fail(tr("The database of service %1 of %2 does not exist.").arg(service.name, m_environment.id));
            return;
        }
    }
    removeTree(m_staging);
    if (!QDir().mkpath(m_staging + QStringLiteral("/services"))) {
        fail(tr("The staging directory could not be created."));
        return;
    }
    m_databases = new DatabaseDumps(local.services, this);
    emit progress(1);
    initRepository();
}

void BackupOperation::initRepository()
{
    if (m_repositoryReady) {
        readCommit();
        return;
    }
    m_job = m_repository.ensureInitialised(this);
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("The backup repository is not usable: %1").arg(result.errorString));
        readCommit();
    });
    m_job->start();
}

void BackupOperation::readCommit()
{
    auto* git = new QProcess(this);
    git->setWorkingDirectory(m_environment.local->codePath);
    connect(git, &QProcess::finished, this, [this, git](int code, QProcess::ExitStatus status) {
        git->deleteLater();
        const QString head = QString::fromLatin1(git->readAllStandardOutput()).trimmed();
        if (status == QProcess::NormalExit && code == 0 && head.size() >= 40) {
            m_result.commitId = head;
            emit logLine(tr("Code is at commit %1.").arg(head.left(12)));
        } else {
            emit logLine(tr("The code path is not a git work tree; no commit is recorded."));
        }
        if (m_cancelled)
            return fail(QString());
        afterCommit();
    });
    connect(git, &QProcess::errorOccurred, this, [this, git](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        git->deleteLater();
        emit logLine(tr("git is not available; no commit is recorded."));
        afterCommit();
    });
    git->start(
        QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("HEAD")});
}

void BackupOperation::afterCommit()
{
    const bool hasPauseHook = !m_environment.local->pauseHook.trimmed().isEmpty();
    if (m_safe && !hasPauseHook)
        emit logLine(tr("The environment has no pause hook; backing up without pausing it."));
    m_twoPasses = m_safe && hasPauseHook;
    if (!m_twoPasses) {
        dumpServices(Pass::Final);
        return;
    }
    m_frozenView = m_frozenViewAllowed;
    if (m_frozenView) {
        syncMirrorLive();
        return;
    }
    emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                    "what changes meanwhile."));
    scanTrees([this] { dumpServices(Pass::PrePass); });
}

namespace {

qint64 realtimeNs()
{
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

struct LiveSync
{
    QString noRoom; // a fresh mirror would not fit on its disk: why
    qint64 reported = -1; // paths the kernel reported since the previous backup; -1 when the trees were scanned
    QString note; // why the mirror started afresh
    QString trackingProblem; // why the kernel cannot report changes (empty: it does)
    FrozenView::Mirror::Round round;
};

} // namespace

void BackupOperation::syncMirrorLive()
{
    emit logLine(tr("Bringing the mirror of the environment up to date while it still runs, so the pause only "
                    "covers what changes meanwhile."));
    if (!m_mirror)
        m_mirror = std::make_shared<FrozenView::Mirror>(m_mirrorDirectory);
    if (!m_tracker)
        m_tracker = std::make_shared<ChangeTracker>();
    const QStringList roots = rootDirectories();
    const QString snapshots = m_repository.isLocal()
        ? QDir(m_repository.settings().repository).filePath(QStringLiteral("snapshots"))
        : QString();
    auto mirror = m_mirror;
    auto tracker = m_tracker;
    auto* watcher = new QFutureWatcher<LiveSync>(this);
    connect(watcher, &QFutureWatcher<LiveSync>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const LiveSync sync = watcher->result();
        if (!sync.note.isEmpty())
            emit logLine(sync.note);
        if (!sync.noRoom.isEmpty()) {
            // Two restic passes need no copy of the environment: slower, but the backup is taken.
            emit logLine(sync.noRoom);
            m_mirror->discard();
            m_frozenView = false;
            emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                            "what changes meanwhile."));
            scanTrees([this] { dumpServices(Pass::PrePass); });
            return;
        }
        if (!sync.round.error.isEmpty())
            return fail(sync.round.error);
        if (sync.reported >= 0) {
            emit logLine(tr("Mirror updated from what the kernel reported since the previous backup (%1): %2 copied "
                            "(%3), %4 removed.")
                             .arg(tr("%n path(s)", "", int(sync.reported)), filesText(sync.round.copied),
                                 DisplayFormat::dataSize(sync.round.bytes), entriesText(sync.round.removed)));
        } else {
            emit logLine(tr("Mirror updated: %1 copied (%2), %3 removed, of %4 looked at.")
                             .arg(filesText(sync.round.copied), DisplayFormat::dataSize(sync.round.bytes),
                                 entriesText(sync.round.removed), QString::number(sync.round.examined)));
        }
        if (!sync.round.skipped.isEmpty())
            emit logLine(tr("Device files are not backed up: %1").arg(sync.round.skipped.join(QLatin1String(", "))));
        if (sync.trackingProblem.isEmpty())
            emit logLine(tr("The kernel reports what changes from now on; the pause looks only at that."));
        else
            emit logLine(tr("Change tracking is off (%1); the pause scans every file.").arg(sync.trackingProblem));
        if (m_cancelled)
            return fail(QString());
        emit progress(40);
        pause();
    });
    const QString mirrorDirectory = m_mirrorDirectory;
    watcher->setFuture(QtConcurrent::run([mirror, tracker, roots, snapshots, mirrorDirectory] {
        LiveSync sync;
        // The snapshot stored from the mirror last time must still exist: it is the parent that lets restic take the
        // placeholders as unchanged. Without it every file is copied again.
        sync.note = mirror->open(roots, [snapshots](const QString& id) {
            return !snapshots.isEmpty() && !id.isEmpty() && QFileInfo::exists(QDir(snapshots).filePath(id));
        });
        if (mirror->isFresh()) {
            // A fresh mirror holds a copy of every file until the backup has ended and the copies are emptied: that
            // room must be free on the mirror's disk, with some to spare for the repository and the store.
            const FrozenView::Room room = FrozenView::roomForMirror(mirrorDirectory, roots);
            if (room.needed > room.available) {
                sync.noRoom = tr("A first mirror of the environment needs %1 on the disk of tidemarkd's data "
                                 "directory, which has %2 free; this backup stores the environment in two restic "
                                 "passes instead.")
                                  .arg(DisplayFormat::dataSize(room.needed), DisplayFormat::dataSize(room.available));
                return sync;
            }
        }
        if (ChangeTracker::disabledByEnvironment()) {
            tracker->stop();
            sync.trackingProblem = tr("TIDEMARK_CHANGE_TRACKING=off");
            sync.round = mirror->syncAll();
            return sync;
        }
        // A tracker that has watched these trees since the previous backup's pause knows what changed since the
        // mirror was last updated; unless the mirror starts afresh, that is all there is to look at.
        QStringList cleaned;
        for (const QString& root : roots)
            cleaned.append(QDir::cleanPath(root));
        if (tracker->isActive() && tracker->roots() == cleaned && !mirror->isFresh()) {
            ChangeTracker::Changes changes = tracker->take();
            if (changes.complete) {
                sync.reported = changes.paths.size();
                sync.round = mirror->syncPaths(changes.paths);
                return sync;
            }
        }
        // Watching starts before the scan, so that whatever changes after a file was looked at is reported.
        if (QString error; !tracker->start(roots, &error))
            sync.trackingProblem = error;
        sync.round = mirror->syncAll();
        return sync;
    }));
}

void BackupOperation::pause()
{
    // The database servers are connected to while the environment still runs: inside the pause, fixing a database's
    // state is then one round trip (PostgreSQL) or a lock and the dump's start (MariaDB), not a client's start-up.
    if (m_databases && !m_databases->isEmpty() && !m_databasesConnected) {
        m_databasesConnected = true;
        m_databases->startSessions([this](const QString& error) {
            if (!error.isEmpty())
                return fail(error);
            if (m_cancelled)
                return fail(QString());
            pause();
        });
        return;
    }
    const QString hook = m_environment.local->pauseHook;
    emit logLine(tr("Pausing the environment."));
    m_paused = true; // from here on the resume hook always runs
    m_pauseStartedMs = QDateTime::currentMSecsSinceEpoch();
    m_ledger.paused(m_projectId, m_environment.id, QStringLiteral("backup ") + m_backupId);
    auto* runner = new HookRunner(hook, m_projectId, m_environment.id, QStringLiteral("pause"), this);
    runner->setTimeout(m_environment.local->hookTimeoutSeconds * 1000);
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
        if (m_frozenView)
            freeze();
        else
            dumpServices(Pass::Final);
    });
    runner->start();
}

namespace {

struct PausedSync
{
    FrozenView::Mirror::Round round;
    qint64 reported = -1; // paths the kernel reported; -1 when the whole tree was scanned
    QString scanReason;
    QString databaseError;
};

} // namespace

void BackupOperation::freeze()
{
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    const QString servicesDir = servicesDirectory();
    auto mirror = m_mirror;
    auto tracker = m_tracker;
    auto* watcher = new QFutureWatcher<PausedSync>(this);
    connect(watcher, &QFutureWatcher<PausedSync>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const PausedSync sync = watcher->result();
        if (!sync.round.error.isEmpty())
            return fail(sync.round.error);
        if (!sync.databaseError.isEmpty())
            return fail(sync.databaseError);
        m_result.pauseExamined = sync.round.examined;
        m_result.pauseScannedAll = sync.reported < 0;
        if (sync.reported >= 0) {
            emit logLine(tr("Copied while paused: the kernel reported %1; %2 copied (%3); %4.")
                             .arg(tr("%n changed path(s)", "", int(sync.reported)), filesText(sync.round.copied),
                                 DisplayFormat::dataSize(sync.round.bytes),
                                 tr("%n database(s)", "", int(m_environment.local->services.size()))));
        } else {
            emit logLine(tr("Copied while paused, after scanning every file (%1): %2 looked at; %3 copied (%4); %5.")
                             .arg(sync.scanReason, QString::number(sync.round.examined), filesText(sync.round.copied),
                                 DisplayFormat::dataSize(sync.round.bytes),
                                 tr("%n database(s)", "", int(m_environment.local->services.size()))));
        }
        if (m_cancelled)
            return fail(QString());
        emit progress(50);
        // The databases' state is fixed inside the pause; they are written out after the resume.
        openDatabases([this] {
            resume([this] {
                m_pauseEndedNs = realtimeNs();
                dumpDatabases([this] { runBackup(Pass::Final); });
            });
        });
    });
    watcher->setFuture(QtConcurrent::run([mirror, tracker, services, servicesDir] {
        PausedSync sync;
        // The tracker goes on watching: what changes after the pause is the next backup's to look at.
        ChangeTracker::Changes changes = tracker->take();
        if (changes.complete) {
            sync.reported = changes.paths.size();
            sync.round = mirror->syncPaths(changes.paths);
        } else {
            sync.scanReason = changes.incompleteReason;
            sync.round = mirror->syncAll();
        }
        if (!sync.round.error.isEmpty())
            return sync;
        if (!QDir().mkpath(servicesDir)) {
            sync.databaseError = tr("The staging directory could not be created.");
            return sync;
        }
        for (const auto& s : services) {
            if (s.isServer())
                continue; // dumped by DatabaseDumps
            // A new file every time: restic must read it.
            const QString target = servicesDir + QLatin1Char('/') + s.name + QStringLiteral(".sqlite");
            QFile::remove(target);
            const QString error = SqliteCopy::copy(s.path, target);
            if (!error.isEmpty()) {
                sync.databaseError = tr("A database could not be copied: %1").arg(s.name + QLatin1String(": ") + error);
                break;
            }
        }
        return sync;
    }));
}

void BackupOperation::commitMirror()
{
    auto mirror = m_mirror;
    const QString snapshotId = m_result.snapshotId;
    const qint64 pauseEndedNs = m_pauseEndedNs;
    const QString servicesDir = servicesDirectory();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (const QString error = watcher->result(); !error.isEmpty())
            emit logLine(tr("%1 The backup is complete; the next one copies every file again.").arg(error));
        complete();
    });
    watcher->setFuture(QtConcurrent::run([mirror, snapshotId, pauseEndedNs, servicesDir] {
        removeTree(servicesDir); // the database copies are in the repository now
        const QString error = mirror->commit(snapshotId, pauseEndedNs);
        if (!error.isEmpty()) {
            mirror->discard();
            return error;
        }
        // After the backup has ended, not as part of it: the next backup of the environment waits for it if need be.
        QThreadPool::globalInstance()->start([mirror] { mirror->emptyCopies(); });
        return error;
    }));
}

QString BackupOperation::servicesDirectory() const
{
    if (m_frozenView && m_mirror)
        return m_mirror->treeRoot() + m_staging + QStringLiteral("/services");
    return m_staging + QStringLiteral("/services");
}

void BackupOperation::dumpServices(Pass pass)
{
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    const QString dir = servicesDirectory();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, services, pass] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            return fail(tr("A database could not be copied: %1").arg(error));
        for (const auto& s : services) {
            if (s.isServer())
                continue;
            emit logLine(pass == Pass::PrePass
                    ? tr("Copied the database of service %1 live, for the pre-pass.").arg(s.name)
                    : tr("Copied the database of service %1.").arg(s.name));
        }
        if (m_cancelled)
            return fail(QString());
        if (pass == Pass::PrePass) {
            // Database servers are dumped once, for the final pass.
            emit progress(3);
            runBackup(Pass::PrePass);
        } else if (m_twoPasses) {
            openDatabases([this] { dumpDatabases([this] { runBackup(Pass::Final); }); });
        } else {
            emit progress(5);
            // A live backup: each database consistent in itself, dumped while the environment runs.
            openDatabases([this] { dumpDatabases([this] { scanTrees([this] { runBackup(Pass::Final); }); }); });
        }
    });
    watcher->setFuture(QtConcurrent::run([services, dir]() -> QString {
        for (const auto& s : services) {
            if (s.isServer())
                continue;
            const QString error = SqliteCopy::copy(s.path, dir + QLatin1Char('/') + s.name + QStringLiteral(".sqlite"));
            if (!error.isEmpty())
                return s.name + QLatin1String(": ") + error;
        }
        return QString();
    }));
}

void BackupOperation::openDatabases(std::function<void()> next)
{
    if (!m_databases || m_databases->isEmpty())
        return next();
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    m_databases->open(servicesDirectory(), m_twoPasses, [this, next, startedMs](const QString& error) {
        for (const QString& note : m_databases->takeNotes())
            emit logLine(note);
        if (!error.isEmpty())
            return fail(error);
        emit logLine(tr("Fixed the state to back up of %1 in %2 ms.")
                         .arg(m_databases->descriptions().join(QLatin1String(", ")))
                         .arg(QDateTime::currentMSecsSinceEpoch() - startedMs));
        if (m_cancelled)
            return fail(QString());
        next();
    });
}

void BackupOperation::dumpDatabases(std::function<void()> next)
{
    if (!m_databases || m_databases->isEmpty())
        return next();
    m_databases->dump([this, next](const QString& error) {
        if (!error.isEmpty())
            return fail(error);
        for (const QJsonValue& d : m_databases->manifest()) {
            emit logLine(
                tr("Dumped the database of service %1 (%2, %n table(s)).", "",
                    int(d[QStringLiteral("tables")].toArray().size()))
                    .arg(d[QStringLiteral("name")].toString(), d[QStringLiteral("server_version")].toString()));
        }
        if (m_cancelled)
            return fail(QString());
        next();
    });
}

QStringList BackupOperation::rootDirectories() const
{
    QStringList roots {QDir::cleanPath(QDir(m_environment.local->codePath).absolutePath())};
    for (const auto& m : m_environment.local->mounts)
        roots.append(QDir::cleanPath(QDir(m.path).absolutePath()));
    return roots;
}

QString BackupOperation::viewRoot() const
{
    return m_mirror ? m_mirror->treeRoot() : QString();
}

void BackupOperation::scanTrees(std::function<void()> next)
{
    const QStringList roots = rootDirectories();
    auto* watcher = new QFutureWatcher<TreeState::Scan>(this);
    connect(watcher, &QFutureWatcher<TreeState::Scan>::finished, this, [this, watcher, next] {
        watcher->deleteLater();
        m_before = watcher->result();
        if (m_cancelled)
            return fail(QString());
        next();
    });
    watcher->setFuture(QtConcurrent::run([roots] { return TreeState::scan(roots); }));
}

void BackupOperation::runBackup(Pass pass)
{
    const LocalDescriptor& local = *m_environment.local;
    ResticRepository::BackupRequest request;
    request.rootDirectory = QStringLiteral("/");
    if (pass == Pass::Final && m_frozenView) {
        // The mirror holds the paused state under the same paths; restic takes its placeholders as unchanged (same
        // size, time and inode as in the parent, the backup last stored from the mirror) and reads the copies.
        request.rootDirectory = viewRoot();
        request.parentSnapshotId = m_mirror->parentSnapshotId();
        request.ignoreChangeTime = true;
        // A mirror that started afresh has only copies: restic must read them all, whatever snapshot it would
        // otherwise take as parent (an inode number can come back with another file of the same size and time).
        request.readEverything = request.parentSnapshotId.isEmpty();
    }
    const auto relative = [](const QString& path) { return QDir::cleanPath(QDir(path).absolutePath()).mid(1); };
    QJsonArray mounts;
    QJsonArray services;
    request.paths.append(relative(local.codePath));
    for (const auto& m : local.mounts) {
        request.paths.append(relative(m.path));
        mounts.append(
            QJsonObject {{QStringLiteral("name"), m.name}, {QStringLiteral("path"), QDir(m.path).absolutePath()}});
    }
    request.paths.append(relative(m_staging));
    const QJsonArray databases = m_databases ? m_databases->manifest() : QJsonArray();
    for (const auto& s : local.services) {
        if (s.isServer()) {
            for (const QJsonValue& d : databases) {
                if (d[QStringLiteral("name")].toString() != s.name)
                    continue;
                QJsonObject entry = d.toObject();
                // Where the dump is in the snapshot (the mirror stores it under the staging directory's path).
                entry.insert(QStringLiteral("staged"),
                    QString(m_staging + QStringLiteral("/services/") + DatabaseDump::fileName(s)));
                services.append(entry);
            }
            continue;
        }
        services.append(QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("path"), s.path},
            {QStringLiteral("staged"),
                QString(m_staging + QStringLiteral("/services/") + s.name + QStringLiteral(".sqlite"))}});
    }
    m_result.manifest = QJsonObject {{QStringLiteral("code_path"), QDir(local.codePath).absolutePath()},
        {QStringLiteral("mounts"), mounts}, {QStringLiteral("services"), services},
        {QStringLiteral("environment"), m_environment.id}};
    request.host = QStringLiteral("tidemark-") + m_projectId + QLatin1Char('-') + m_environment.id;
    request.tags = {QStringLiteral("tidemark"), QStringLiteral("project=") + m_projectId,
        QStringLiteral("environment=") + m_environment.id, QStringLiteral("backup=") + m_backupId};
    // Both passes store the same paths: restic compares the second with its parent path by path.
    int progressFrom = 5;
    int progressSpan = 90;
    if (pass == Pass::PrePass) {
        request.tags.append(QStringLiteral("pre-pass"));
        progressSpan = 55;
        emit logLine(tr("Pre-pass: storing the code, the mounts and the database copies in the repository."));
    } else if (m_frozenView) {
        progressFrom = 52;
        progressSpan = 43;
        emit logLine(request.parentSnapshotId.isEmpty()
                ? tr("Storing the paused state from the mirror (restic reads every file: there is no earlier backup "
                     "from it).")
                : tr("Storing the paused state from the mirror (restic reads only the files copied for this backup)."));
    } else if (m_twoPasses) {
        request.parentSnapshotId = m_result.prePassSnapshotId;
        progressFrom = 62;
        progressSpan = 33;
        emit logLine(tr("Second pass: storing what changed since the pre-pass (restic re-reads only changed files)."));
    } else {
        emit logLine(tr("Storing the code, the mounts and the database copies in the repository."));
    }

    m_job = m_repository.backup(request, this);
    ++m_result.resticStarts;
    connect(m_job, &ResticJob::progress, this, [this, progressFrom, progressSpan](double fraction) {
        emit progress(progressFrom + int(fraction * progressSpan));
    });
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this, pass](const ResticResult& result) {
        m_job->deleteLater();
        if (pass == Pass::PrePass && !result.snapshotId.isEmpty())
            m_result.prePassSnapshotId = result.snapshotId;
        if (pass == Pass::Final)
            m_result.snapshotId = result.snapshotId; // forgotten by the engine unless the backup succeeds
        if (result.status == ResticResult::Status::Cancelled || m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not store the backup: %1").arg(result.errorString));
        if (pass == Pass::PrePass) {
            if (result.backupSummary) {
                emit logLine(tr("Pre-pass stored %1 files; %2 added to the repository.")
                                 .arg(result.backupSummary->totalFilesProcessed)
                                 .arg(DisplayFormat::dataSize(result.backupSummary->dataAdded)));
            }
            emit progress(60);
            pause();
            return;
        }
        if (m_frozenView) {
            if (const QString error = checkMirrorPass(result); !error.isEmpty()) {
                m_mirror->discard();
                return fail(error);
            }
        }
        if (result.backupSummary) {
            m_result.sizeOfVolumes = result.backupSummary->totalBytesProcessed;
            m_result.sizeUsed = result.backupSummary->dataAdded;
            emit logLine(tr("Stored %1 files (%2 new, %3 changed, %4 unchanged); %5 added to the repository.")
                             .arg(result.backupSummary->totalFilesProcessed)
                             .arg(result.backupSummary->filesNew)
                             .arg(result.backupSummary->filesChanged)
                             .arg(result.backupSummary->filesUnmodified)
                             .arg(DisplayFormat::dataSize(result.backupSummary->dataAdded)));
        }
        if (result.status == ResticResult::Status::Incomplete)
            emit logLine(tr("Some files could not be read; the backup is incomplete."));
        emit logLine(tr("restic ran %n time(s) for this backup.", "", m_result.resticStarts));
        emit progress(96);
        m_pendingOutcome
            = Outcome {Outcome::Kind::Success, tr("Backup %1 of %2 created").arg(m_backupId, m_environment.id)};
        afterFinalPass();
    });
    m_job->start();
}

QString BackupOperation::checkMirrorPass(const ResticResult& result) const
{
    // Placeholders hold no data: restic must have taken every one of them as unchanged, and read every copy.
    if (!result.backupSummary)
        return tr("restic did not report what it stored; the backup cannot be trusted and is discarded.");
    const ResticResult::BackupSummary& summary = *result.backupSummary;
    const qint64 expectedUnchanged = m_mirror->filesUnchanged();
    const qint64 expectedRead = m_mirror->filesCopied() + m_environment.local->services.size();
    if (summary.filesUnmodified == expectedUnchanged && summary.filesNew + summary.filesChanged == expectedRead)
        return QString();
    return tr("restic took %1 files as unchanged and read %2, where %3 and %4 were expected; the backup would not "
              "match the paused environment and is discarded (the next backup copies every file again).")
        .arg(summary.filesUnmodified)
        .arg(summary.filesNew + summary.filesChanged)
        .arg(expectedUnchanged)
        .arg(expectedRead);
}

void BackupOperation::afterFinalPass()
{
    if (m_frozenView) {
        commitMirror();
        return;
    }
    if (m_twoPasses) {
        resume();
        return;
    }
    const QStringList roots = rootDirectories();
    auto* watcher = new QFutureWatcher<TreeState::Scan>(this);
    connect(watcher, &QFutureWatcher<TreeState::Scan>::finished, this, [this, watcher] {
        watcher->deleteLater();
        reportChangedFiles(m_before, watcher->result());
        m_before = {};
        resume();
    });
    watcher->setFuture(QtConcurrent::run([roots] { return TreeState::scan(roots); }));
}

QString BackupOperation::displayPath(const QByteArray& path) const
{
    const QString decoded = QFile::decodeName(path);
    const QString code = QDir::cleanPath(QDir(m_environment.local->codePath).absolutePath());
    if (decoded.startsWith(code + QLatin1Char('/')))
        return QStringLiteral("code") + decoded.mid(code.size());
    for (const auto& m : m_environment.local->mounts) {
        const QString root = QDir::cleanPath(QDir(m.path).absolutePath());
        if (decoded.startsWith(root + QLatin1Char('/')))
            return QStringLiteral("mounts/") + m.name + decoded.mid(root.size());
    }
    return decoded;
}

void BackupOperation::reportChangedFiles(const TreeState::Scan& before, const TreeState::Scan& after)
{
    using Kind = TreeState::Entry::Kind;
    QStringList changed;
    for (auto it = after.entries.cbegin(); it != after.entries.cend(); ++it) {
        if (it->kind != Kind::File)
            continue;
        const auto previous = before.entries.constFind(it.key());
        if (previous == before.entries.cend() || !previous->sameAs(it.value()))
            changed.append(displayPath(it.key()));
    }
    for (auto it = before.entries.cbegin(); it != before.entries.cend(); ++it) {
        if (it->kind == Kind::File && !after.entries.contains(it.key()))
            changed.append(displayPath(it.key()));
    }
    if (changed.isEmpty())
        return;
    changed.sort();
    const qsizetype count = changed.size();
    QString list = QStringList(changed.mid(0, kMaxListedChangedFiles)).join(QLatin1String(", "));
    if (count > kMaxListedChangedFiles)
        list += QStringLiteral(" …");
    emit logLine(tr("%1 files changed while the backup read them (they may not match the rest of the backup): %2")
                     .arg(count)
                     .arg(list));
}

void BackupOperation::resume(std::function<void()> next)
{
    const auto proceed = [this, next] {
        if (next && !m_pendingOutcome)
            next();
        else
            complete();
    };
    if (!m_paused) {
        proceed();
        return;
    }
    m_paused = false;
    const auto recordPause = [this] {
        m_result.pauseMs = QDateTime::currentMSecsSinceEpoch() - m_pauseStartedMs;
        qInfo("tidemarkd: backup %s of %s paused the environment for %lld ms", qPrintable(m_backupId),
            qPrintable(m_environment.id), m_result.pauseMs);
    };
    if (m_environment.local->resumeHook.trimmed().isEmpty()) {
        m_ledger.resumed(m_projectId, m_environment.id);
        recordPause();
        emit logLine(tr("The environment has no resume hook; it was paused for %1 ms.").arg(m_result.pauseMs));
        proceed();
        return;
    }
    emit logLine(tr("Resuming the environment."));
    auto* runner = new HookRunner(
        m_environment.local->resumeHook, m_projectId, m_environment.id, QStringLiteral("resume"), this);
    runner->setTimeout(m_environment.local->hookTimeoutSeconds * 1000);
    runner->setLedger(m_ledger);
    connect(runner, &HookRunner::finished, this, [this, runner, recordPause, proceed](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok) {
            for (const QString& line : runner->outputLines())
                emit logLine(line);
        }
        m_ledger.resumed(m_projectId, m_environment.id);
        recordPause(); // from the start of the pause hook to the end of the resume hook
        emit logLine(tr("Resumed the environment after a pause of %1 ms.").arg(m_result.pauseMs));
        if (!ok) {
            emit logLine(message);
            if (!m_pendingOutcome || m_pendingOutcome->kind == Outcome::Kind::Success)
                m_pendingOutcome = Outcome {Outcome::Kind::Failure, message};
        }
        proceed();
    });
    runner->start();
}

void BackupOperation::fail(const QString& message)
{
    if (m_pendingOutcome)
        return;
    m_pendingOutcome = m_cancelled || message.isEmpty()
        ? Outcome {Outcome::Kind::Cancelled, tr("Backup of %1 cancelled").arg(m_environment.id)}
        : Outcome {Outcome::Kind::Failure, message};
    if (!message.isEmpty())
        emit logLine(message);
    resume();
}

void BackupOperation::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    // File-system work stays off tidemarkd's main thread.
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
        watcher->deleteLater();
        emit finished(
            m_pendingOutcome.value_or(Outcome {Outcome::Kind::Failure, tr("The backup ended unexpectedly.")}));
    });
    watcher->setFuture(QtConcurrent::run([this] { cleanUp(); }));
}

void BackupOperation::cleanUp()
{
    removeTree(m_staging);
}

void BackupOperation::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    emit logLine(tr("Cancelling."));
    if (m_job && m_job->isRunning())
        m_job->cancel();
}
