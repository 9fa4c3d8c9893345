#include "backupoperation.h"

#include "changetracker.h"
#include "databases/databasedumps.h"
#include "displayformat.h"
#include "hookrunner.h"
#include "removetree.h"
#include "repositoryreader.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"
#include "treestate.h"

#include <malloc.h>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QtConcurrent>
#include <QThreadPool>
#include <QTimer>
#include <time.h>

namespace {

const int kMaxListedChangedFiles = 20;

QString filesText(qint64 n)
{
    return BackupOperation::tr("%n file(s)", "", int(n));
}

} // namespace

BackupOperation::BackupOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
    const Environment& environment, const QString& backupId, bool safe, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    // One staging directory per environment, under the same name every time: restic finds a live backup's parent
    // by its paths, and the composer finds a consistent backup's database copies where the pass stored them.
    , m_staging(
          QDir(stagingDir).filePath(QStringLiteral("environment-") + projectId + QLatin1Char('-') + environment.id))
    , m_projectId(projectId)
    , m_environment(environment)
    , m_backupId(backupId)
    , m_safe(safe)
{ }

BackupOperation::~BackupOperation()
{
    // The reader's index and the capture take memory in proportion to the repository and the changes: given back to
    // the system, not kept in malloc's pools.
    if (m_reader || m_capture) {
        m_reader.reset();
        m_capture.reset();
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
    m_compose = m_composeAllowed;
    if (m_compose) {
        startComposed();
        return;
    }
    emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                    "what changes meanwhile."));
    scanTrees([this] { dumpServices(Pass::PrePass); });
}

namespace {

qint64 realtimeNs(clockid_t clock = CLOCK_REALTIME)
{
    timespec now;
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

struct BackupOperation::ReaderOpening
{
    std::shared_ptr<RepositoryReader> reader;
    QString error;
};

struct BackupOperation::PassChanges
{
    QMutex mutex; // also serialises the use of the tracker
    QSet<QByteArray> paths;
    bool complete = true;
    QString incompleteReason;
    bool closed = false; // the pass's changes were taken: a drain that comes later leaves the tracker alone

    // Adds what the tracker reported since; the caller holds the mutex.
    void takeFrom(ChangeTracker& tracker)
    {
        ChangeTracker::Changes changes = tracker.take();
        paths.unite(changes.paths);
        if (!changes.complete && complete) {
            complete = false;
            incompleteReason = changes.incompleteReason;
        }
    }
};

namespace {

struct LiveCapture
{
    QByteArray tree; // the pass's root tree
    QString error;
    std::shared_ptr<SnapshotComposer::Capture> capture;
    qint64 reported = -1; // paths the kernel reported while restic read
    QString incompleteReason; // the kernel lost track meanwhile: the pause scans
};

struct LiveStart
{
    QString trackingProblem; // why the kernel cannot report changes (then the pause scans)
    qint64 startedNs = 0;
};

} // namespace

void BackupOperation::startComposed()
{
    if (!m_repository.isLocal()) {
        emit logLine(
            tr("The repository is not a local one, which tidemarkd cannot write to itself; the paused state is "
               "stored by a second restic pass."));
        m_compose = false;
        emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                        "what changes meanwhile."));
        scanTrees([this] { dumpServices(Pass::PrePass); });
        return;
    }
    if (!m_tracker)
        m_tracker = std::make_shared<ChangeTracker>();
    const QStringList roots = rootDirectories();
    auto tracker = m_tracker;
    auto* watcher = new QFutureWatcher<LiveStart>(this);
    connect(watcher, &QFutureWatcher<LiveStart>::finished, this, [this, watcher] {
        watcher->deleteLater();
        LiveStart started = watcher->result();
        if (m_cancelled)
            return fail(QString());
        m_passStartedNs = started.startedNs;
        m_trackingProblem = started.trackingProblem;
        if (m_trackingProblem.isEmpty())
            emit logLine(tr("The kernel reports what changes from now on; the pause looks only at that."));
        else
            emit logLine(tr("Change tracking is off (%1); the pause scans every file.").arg(m_trackingProblem));
        // The repository is opened for reading (its key, its index) while restic runs, not after.
        const QString repository = m_repository.settings().repository;
        const QString passwordFile = m_repository.settings().passwordFile;
        m_readerOpening = new QFutureWatcher<ReaderOpening>(this);
        m_readerOpening->setFuture(QtConcurrent::run([repository, passwordFile, source = m_readerSource] {
            ReaderOpening opening;
            opening.reader
                = source ? source(&opening.error) : RepositoryReader::open(repository, passwordFile, &opening.error);
            return opening;
        }));
        runBackup(Pass::Live);
    });
    watcher->setFuture(QtConcurrent::run([tracker, roots] {
        LiveStart started;
        // Reported from here on: whatever changes after restic may have read it. What changed before, restic sees
        // by the files' times against the previous backup.
        started.startedNs = realtimeNs();
        if (ChangeTracker::disabledByEnvironment()) {
            tracker->stop();
            started.trackingProblem = tr("TIDEMARK_CHANGE_TRACKING=off");
            return started;
        }
        QStringList cleaned;
        for (const QString& root : roots)
            cleaned.append(QDir::cleanPath(root));
        // A tracker that watched without a gap keeps its marks; one that lost events or whose root was replaced (a
        // restore swaps a whole mount in by rename) watches what is gone: its marks are set anew.
        // What is taken now is the previous pause's leftovers; the loss is known to the tracker even when an earlier
        // take reported it (a drain, the previous pause).
        bool continuous = tracker->isActive() && tracker->roots() == cleaned;
        if (continuous) {
            tracker->take();
            continuous = !tracker->hasLostEvents();
        }
        if (QString error; !continuous && !tracker->start(roots, &error))
            started.trackingProblem = error;
        return started;
    }));
}

void BackupOperation::afterLivePass(const ResticResult& result)
{
    if (m_drainTimer)
        m_drainTimer->stop();
    m_passSnapshotId = result.snapshotId;
    m_passSummary = result.backupSummary;
    if (result.backupSummary) {
        emit logLine(tr("Stored the environment while it ran: %1 files (%2 new, %3 changed, %4 unchanged); %5 added.")
                         .arg(result.backupSummary->totalFilesProcessed)
                         .arg(result.backupSummary->filesNew)
                         .arg(result.backupSummary->filesChanged)
                         .arg(result.backupSummary->filesUnmodified)
                         .arg(DisplayFormat::dataSize(result.backupSummary->dataAdded)));
    }
    if (result.status == ResticResult::Status::Incomplete)
        emit logLine(tr("restic could not read some files; those that changed meanwhile are captured in the pause, "
                        "the others are missing from the backup."));
    if (!m_readerOpening->isFinished()) {
        connect(m_readerOpening, &QFutureWatcher<ReaderOpening>::finished, this, [this] { captureLive(); });
        return;
    }
    captureLive();
}

void BackupOperation::captureLive()
{
    ReaderOpening opening = m_readerOpening->result();
    m_reader = std::move(opening.reader);
    if (!m_reader) {
        emit logLine(tr("The repository cannot be read by tidemarkd itself (%1); the paused state is stored by a "
                        "second restic pass.")
                         .arg(opening.error));
        storeWithSecondPass();
        pause();
        return;
    }
    // Before the pause, not in it: the pass's index is read, and what the kernel reported while restic read is
    // captured already. The pause then looks only at what is reported from here on (which replaces it).
    auto reader = m_reader;
    auto tracker = m_tracker;
    auto passChanges = m_passChanges;
    const bool tracking = m_trackingProblem.isEmpty() && passChanges;
    const QString snapshotId = m_passSnapshotId;
    const QString copies = copiesDirectory();
    auto* watcher = new QFutureWatcher<LiveCapture>(this);
    connect(watcher, &QFutureWatcher<LiveCapture>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const LiveCapture live = watcher->result();
        if (live.tree.isEmpty())
            return fail(tr("The snapshot restic stored cannot be read: %1").arg(live.error));
        m_passTree = live.tree;
        m_capture = live.capture;
        if (!m_capture->error.isEmpty())
            return fail(tr("What changed while restic read could not be read: %1").arg(m_capture->error));
        if (live.reported >= 0) {
            emit logLine(tr("Captured while the environment runs: the kernel reported %1 while restic read; %2 "
                            "stored (%3).")
                             .arg(tr("%n changed path(s)", "", int(live.reported)), filesText(m_capture->stored),
                                 DisplayFormat::dataSize(m_capture->bytes)));
        } else if (!live.incompleteReason.isEmpty()) {
            m_trackingProblem = live.incompleteReason; // the pause scans
        }
        if (m_cancelled)
            return fail(QString());
        emit progress(60);
        pause();
    });
    const QString servicesDir = servicesDirectory();
    const bool databases = !m_environment.local->services.isEmpty();
    watcher->setFuture(
        QtConcurrent::run([reader, tracker, passChanges, tracking, snapshotId, copies, servicesDir, databases] {
            LiveCapture live;
            live.capture = std::make_shared<SnapshotComposer::Capture>();
            if (!reader->refresh(&live.error))
                return live;
            live.tree = reader->snapshotTree(snapshotId, &live.error).value_or(QByteArray());
            if (live.tree.isEmpty())
                return live;
            // The databases' folder is written after the resume, when no second pass can take over: whatever of its way
            // the composer would leave to restic is found now, before the pause.
            if (databases) {
                SnapshotComposer::capture(*reader, live.tree, {QFile::encodeName(servicesDir)}, QString(),
                    SnapshotComposer::Contents::InPlace, *live.capture, true);
            }
            if (!tracking)
                return live;
            ChangeTracker::Changes changes;
            {
                QMutexLocker lock(&passChanges->mutex);
                passChanges->takeFrom(*tracker);
                passChanges->closed = true;
                changes.paths = std::move(passChanges->paths);
                changes.complete = passChanges->complete;
                changes.incompleteReason = passChanges->incompleteReason;
            }
            if (!changes.complete) {
                live.incompleteReason = changes.incompleteReason;
                return live;
            }
            QDir(copies).removeRecursively();
            if (!QDir().mkpath(copies)) {
                live.capture->error = tr("the staging directory could not be created");
                return live;
            }
            live.reported = changes.paths.size();
            // Stored at once, not copied: a file that changes after this is reported again and captured in the
            // pause. The writer's lock is held from here to the end of the composition.
            if (!changes.paths.isEmpty() && !SnapshotComposer::openWriter(reader, *live.capture, &live.capture->error))
                return live;
            SnapshotComposer::capture(
                *reader, live.tree, changes.paths, copies, SnapshotComposer::Contents::Store, *live.capture, true);
            return live;
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
        if (m_compose)
            capturePaused();
        else
            dumpServices(Pass::Final);
    });
    runner->start();
}

namespace {

struct PausedCapture
{
    std::shared_ptr<SnapshotComposer::Capture> capture;
    qint64 reported = -1; // paths the kernel reported; -1 when the trees were scanned
    QString scanReason;
    QString databaseError;
    qint64 lastLookNs = 0; // the file-time clock (CLOCK_REALTIME_COARSE) when the pause last looked at the trees
};

// A change time this close before the pass started (or later) means the file may have changed while restic read it:
// file times are coarse.
constexpr qint64 kRacyMarginNs = 1'000'000'000;
// The clock file times are taken from (CLOCK_REALTIME_COARSE) advances by whole ticks (CONFIG_HZ).
qint64 tickNs()
{
    timespec resolution {};
    return clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0
        ? std::max<qint64>(qint64(resolution.tv_sec) * 1'000'000'000 + resolution.tv_nsec, 1'000'000)
        : 10'000'000;
}

} // namespace

void BackupOperation::capturePaused()
{
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    const QString servicesDir = servicesDirectory();
    const QString copies = copiesDirectory();
    const QStringList roots = rootDirectories();
    const qint64 passStartedNs = m_passStartedNs;
    const bool tracking = m_trackingProblem.isEmpty();
    auto tracker = m_tracker;
    auto reader = m_reader;
    const QByteArray passTree = m_passTree;
    auto capture = m_capture;
    const qint64 examinedBefore = capture->examined;
    const qint64 copiedBefore = capture->copied;
    const qint64 bytesBefore = capture->bytes;
    auto* watcher = new QFutureWatcher<PausedCapture>(this);
    connect(watcher, &QFutureWatcher<PausedCapture>::finished, this,
        [this, watcher, examinedBefore, copiedBefore, bytesBefore] {
            watcher->deleteLater();
            const PausedCapture paused = watcher->result();
            m_lastLookNs = paused.lastLookNs;
            const SnapshotComposer::Capture& capture = *paused.capture;
            if (!capture.error.isEmpty())
                return fail(tr("The paused state could not be read: %1").arg(capture.error));
            if (!paused.databaseError.isEmpty())
                return fail(paused.databaseError);
            m_result.pauseExamined = capture.examined - examinedBefore;
            m_result.pauseScannedAll = paused.reported < 0;
            const QString databases = tr("%n database(s)", "", int(m_environment.local->services.size()));
            if (paused.reported >= 0) {
                emit logLine(tr("Captured while paused: the kernel reported %1; %2 copied (%3); %4.")
                                 .arg(tr("%n changed path(s)", "", int(paused.reported)),
                                     filesText(capture.copied - copiedBefore),
                                     DisplayFormat::dataSize(capture.bytes - bytesBefore), databases));
            } else {
                emit logLine(
                    tr("Captured while paused, after scanning every file (%1): %2 changed since the pass started; "
                       "%3 copied (%4); %5.")
                        .arg(paused.scanReason, QString::number(capture.examined - examinedBefore),
                            filesText(capture.copied - copiedBefore),
                            DisplayFormat::dataSize(capture.bytes - bytesBefore), databases));
            }
            if (m_cancelled)
                return fail(QString());
            if (!capture.unsupported.isEmpty()) {
                // restic stores it: the pass's snapshot serves as the second pass's parent, inside the pause.
                emit logLine(tr("%1, which tidemarkd does not write itself; restic stores the paused state in a second "
                                "pass.")
                                 .arg(capture.unsupported));
                storeWithSecondPass();
                dumpServices(Pass::Final);
                return;
            }
            emit progress(70);
            // The databases' state is fixed inside the pause; they are written out after the resume.
            openDatabases([this] {
                // Without server databases to dump first, the snapshot is written while the resume waits for the
                // clock and runs its hook: it reads what the pause copied and stored, never the environment.
                const bool dumps = m_databases && !m_databases->isEmpty();
                if (!dumps)
                    composeSnapshot();
                const auto resumeNow = [this, dumps] {
                    if (!m_paused)
                        return; // the snapshot could not be written, and the failure resumed the environment
                    resume([this, dumps] {
                        if (dumps)
                            dumpDatabases([this] { composeSnapshot(); });
                        else
                            finishComposed();
                    });
                };
                afterClockAdvances(m_lastLookNs, resumeNow);
            });
        });
    watcher->setFuture(QtConcurrent::run([tracker, passChanges = m_passChanges, reader, passTree, capture, tracking,
                                             roots, passStartedNs, services, servicesDir, copies] {
        PausedCapture paused;
        paused.capture = capture;
        // What the composer leaves to restic was found while the environment ran: restic stores it all.
        if (!capture->unsupported.isEmpty())
            return paused;
        // Looked at again: what could not be captured while the environment ran.
        QSet<QByteArray> changed = std::exchange(capture->deferred, {});
        ChangeTracker::Changes changes;
        if (tracking) {
            // The tracker goes on watching: its marks serve the next backup. Taken under the pass's lock, after
            // which no drain takes from it.
            QMutexLocker lock(passChanges ? &passChanges->mutex : nullptr);
            changes = tracker->take();
        } else {
            changes.complete = false;
            changes.incompleteReason = tr("change tracking is off");
        }
        if (changes.complete) {
            paused.reported = changes.paths.size();
            changed.unite(changes.paths);
        } else {
            paused.scanReason = changes.incompleteReason;
            // Whatever changed since the pass started has a change time from then on.
            const TreeState::Scan scan = TreeState::scan(roots);
            if (!scan.error.isEmpty()) {
                paused.capture->error = scan.error;
                return paused;
            }
            for (auto it = scan.entries.cbegin(); it != scan.entries.cend(); ++it) {
                if (it->ctimeNs >= passStartedNs - kRacyMarginNs)
                    changed.insert(it.key());
            }
        }
        if (!QDir().mkpath(copies) || !QDir().mkpath(servicesDir)) {
            paused.capture->error = tr("the staging directory could not be created");
            return paused;
        }
        SnapshotComposer::capture(
            *reader, passTree, changed, copies, SnapshotComposer::Contents::Copy, *paused.capture);
        if (!paused.capture->error.isEmpty() || !paused.capture->unsupported.isEmpty())
            return paused;
        // The last look at the trees: the resume waits for the file-time clock to pass it (the SQLite copies below
        // have no change time to compare).
        paused.lastLookNs = realtimeNs(CLOCK_REALTIME_COARSE);
        for (const auto& s : services) {
            if (s.isServer())
                continue; // dumped by DatabaseDumps
            const QString target = servicesDir + QLatin1Char('/') + s.name + QStringLiteral(".sqlite");
            QFile::remove(target);
            const QString error = SqliteCopy::copy(s.path, target);
            if (!error.isEmpty()) {
                paused.databaseError
                    = tr("A database could not be copied: %1").arg(s.name + QLatin1String(": ") + error);
                break;
            }
        }
        return paused;
    }));
}

void BackupOperation::afterClockAdvances(qint64 lastLookNs, std::function<void()> next)
{
    // The environment resumes once the clock that file times are taken from is past the last look inside the pause:
    // a write right after the resume then gets a later change time than any recorded, and the next backup's pass
    // reads that file even where no change tracking carried over (the scanning fallback, a restart).
    m_result.lastLookClockNs = lastLookNs;
    if (realtimeNs(CLOCK_REALTIME_COARSE) > lastLookNs)
        return next();
    // That clock holds the time of its last tick: the next one is due a tick after it.
    const qint64 waitNs = lastLookNs + tickNs() - realtimeNs();
    QTimer::singleShot(std::chrono::milliseconds(std::clamp<qint64>((waitNs + 999'999) / 1'000'000, 1, 1000)),
        Qt::PreciseTimer, this, [this, lastLookNs, next] { afterClockAdvances(lastLookNs, next); });
}

void BackupOperation::storeWithSecondPass()
{
    // The live pass's snapshot serves as the second pass's parent, and is forgotten afterwards.
    m_compose = false;
    m_result.prePassSnapshotId = m_passSnapshotId;
    m_result.snapshotId.clear();
    m_passSnapshotId.clear();
    m_capture.reset();
}

void BackupOperation::composeSnapshot()
{
    auto reader = m_reader;
    auto capture = m_capture;
    const QString passSnapshotId = m_passSnapshotId;
    const QByteArray passTree = m_passTree;
    const QString servicesDir = servicesDirectory();
    emit logLine(tr("Writing the backup's snapshot: the stored pass with what was captured in the pause."));
    m_composing = true;
    auto* watcher = new QFutureWatcher<SnapshotComposer::Composed>(this);
    connect(watcher, &QFutureWatcher<SnapshotComposer::Composed>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_composing = false;
        const SnapshotComposer::Composed composed = watcher->result();
        // The resume may still run: the backup ends when both have.
        const bool resumeOver = !m_paused && !m_resuming;
        if (!composed.error.isEmpty()) {
            m_result.snapshotId = m_passSnapshotId; // forgotten by the engine
            fail(tr("The backup's snapshot could not be written: %1").arg(composed.error));
            if (resumeOver)
                complete(); // the outcome was decided before, by the resume hook
            return;
        }
        m_result.snapshotId = composed.snapshotId;
        if (!composed.leftover.isEmpty())
            m_result.prePassSnapshotId = composed.leftover; // the engine forgets it
        m_result.manifest = manifest(); // the database dumps are written now
        const qint64 total = m_passSummary ? m_passSummary->totalBytesProcessed : 0;
        m_result.sizeOfVolumes = total + composed.sizeChange;
        m_result.sizeUsed = (m_passSummary ? m_passSummary->dataAdded : 0) + composed.bytesAdded;
        emit logLine(
            tr("Stored %1 captured while restic read or in the pause, and %2 (%3 added); the backup's snapshot is %4.")
                .arg(filesText(composed.filesStored), tr("%n folder(s)", "", int(composed.treesWritten)),
                    DisplayFormat::dataSize(composed.bytesAdded), composed.snapshotId.left(8)));
        if (!resumeOver)
            return; // the resume's end finishes the backup
        if (m_pendingOutcome)
            complete(); // the resume hook failed: the engine forgets the snapshot
        else
            finishComposed();
    });
    const bool databases = !m_environment.local->services.isEmpty();
    watcher->setFuture(QtConcurrent::run([reader, capture, passSnapshotId, passTree, servicesDir, databases] {
        // The database copies and dumps, written by tidemarkd alone, are read where they are.
        if (databases)
            SnapshotComposer::capture(*reader, passTree, {QFile::encodeName(servicesDir)}, QString(),
                SnapshotComposer::Contents::InPlace, *capture);
        if (!capture->error.isEmpty() || !capture->unsupported.isEmpty()) {
            SnapshotComposer::Composed failed;
            failed.error = capture->error.isEmpty() ? capture->unsupported : capture->error;
            return failed;
        }
        return SnapshotComposer::compose(reader, passSnapshotId, *capture);
    }));
}

void BackupOperation::finishComposed()
{
    if (m_composing)
        return; // the composition's end comes back here
    emit logLine(tr("restic ran %n time(s) for this backup.", "", m_result.resticStarts));
    emit progress(96);
    m_pendingOutcome
        = Outcome {Outcome::Kind::Success, tr("Backup %1 of %2 created").arg(m_backupId, m_environment.id)};
    complete();
}

QString BackupOperation::servicesDirectory() const
{
    return m_staging + QStringLiteral("/services");
}

QString BackupOperation::copiesDirectory() const
{
    // Beside the staging directory, not in it: the staging directory is one of the paths restic stores.
    return m_staging + QStringLiteral("-captured");
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

QJsonObject BackupOperation::manifest() const
{
    const LocalDescriptor& local = *m_environment.local;
    QJsonArray mounts;
    QJsonArray services;
    for (const auto& m : local.mounts) {
        mounts.append(
            QJsonObject {{QStringLiteral("name"), m.name}, {QStringLiteral("path"), QDir(m.path).absolutePath()}});
    }
    const QJsonArray databases = m_databases ? m_databases->manifest() : QJsonArray();
    for (const auto& s : local.services) {
        if (s.isServer()) {
            for (const QJsonValue& d : databases) {
                if (d[QStringLiteral("name")].toString() != s.name)
                    continue;
                QJsonObject entry = d.toObject();
                // Where the dump is in the snapshot.
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
    return QJsonObject {{QStringLiteral("code_path"), QDir(local.codePath).absolutePath()},
        {QStringLiteral("mounts"), mounts}, {QStringLiteral("services"), services},
        {QStringLiteral("environment"), m_environment.id}};
}

QStringList BackupOperation::rootDirectories() const
{
    QStringList roots {QDir::cleanPath(QDir(m_environment.local->codePath).absolutePath())};
    for (const auto& m : m_environment.local->mounts)
        roots.append(QDir::cleanPath(QDir(m.path).absolutePath()));
    return roots;
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
    const auto relative = [](const QString& path) { return QDir::cleanPath(QDir(path).absolutePath()).mid(1); };
    request.paths.append(relative(local.codePath));
    for (const auto& m : local.mounts)
        request.paths.append(relative(m.path));
    request.paths.append(relative(m_staging));
    m_result.manifest = manifest();
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
    } else if (pass == Pass::Live) {
        progressSpan = 55;
        emit logLine(tr("Storing the code and the mounts while the environment runs; the pause then only covers what "
                        "changes meanwhile."));
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
    if (pass == Pass::Live && m_trackingProblem.isEmpty()) {
        m_passChanges = std::make_shared<PassChanges>();
        m_drainTimer = new QTimer(this);
        m_drainTimer->setInterval(250);
        connect(m_drainTimer, &QTimer::timeout, this, [this] {
            if (m_draining)
                return;
            m_draining = true;
            auto* watcher = new QFutureWatcher<void>(this);
            connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher] {
                watcher->deleteLater();
                m_draining = false;
            });
            watcher->setFuture(QtConcurrent::run([changes = m_passChanges, tracker = m_tracker] {
                QMutexLocker lock(&changes->mutex);
                if (!changes->closed)
                    changes->takeFrom(*tracker);
            }));
        });
        m_drainTimer->start();
    }
    connect(m_job, &ResticJob::progress, this, [this, progressFrom, progressSpan](double fraction) {
        emit progress(progressFrom + int(fraction * progressSpan));
    });
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this, pass](const ResticResult& result) {
        m_job->deleteLater();
        if (pass == Pass::PrePass && !result.snapshotId.isEmpty())
            m_result.prePassSnapshotId = result.snapshotId;
        if (pass != Pass::PrePass)
            m_result.snapshotId = result.snapshotId; // forgotten by the engine unless the backup succeeds
        if (result.status == ResticResult::Status::Cancelled || m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not store the backup: %1").arg(result.errorString));
        if (pass == Pass::Live)
            return afterLivePass(result);
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

void BackupOperation::afterFinalPass()
{
    if (m_twoPasses) {
        // restic looked at the trees last, under the pause: the resume waits for the file-time clock to pass it.
        afterClockAdvances(realtimeNs(CLOCK_REALTIME_COARSE), [this] { resume(); });
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
    if (m_resuming)
        return; // the resume hook that runs goes on, or completes, when it ends
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
    m_result.resumeClockNs = realtimeNs(CLOCK_REALTIME_COARSE);
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
    m_resuming = true;
    auto* runner = new HookRunner(
        m_environment.local->resumeHook, m_projectId, m_environment.id, QStringLiteral("resume"), this);
    runner->setTimeout(m_environment.local->hookTimeoutSeconds * 1000);
    runner->setLedger(m_ledger);
    connect(runner, &HookRunner::finished, this, [this, runner, recordPause, proceed](bool ok, const QString& message) {
        runner->deleteLater();
        m_resuming = false;
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
    if (m_finished || m_composing)
        return; // the composition's end comes back here: it reads the staged copies and holds the writer
    m_finished = true;
    // The lock of the writer that stored files while the environment ran goes now, not when the operation is
    // deleted: the engine forgets a failed backup's snapshot at once, and restic's exclusive lock would meet it.
    if (m_capture)
        m_capture->writer.reset();
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
    removeTree(copiesDirectory());
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
