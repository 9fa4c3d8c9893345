#include "backupoperation.h"

#include "hookrunner.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QProcess>
#include <QtConcurrent>
#include <sys/stat.h>

namespace {

const int kMaxListedChangedFiles = 20;

// Every file under the roots (name prefix → directory), by "<prefix>/<relative path>": size and modification time
// in nanoseconds. Runs on the thread pool.
BackupOperation::FileStates scanFiles(const QList<QPair<QString, QString>>& roots)
{
    BackupOperation::FileStates states;
    for (const auto& [prefix, directory] : roots) {
        const QString root = QDir::cleanPath(QDir(directory).absolutePath());
        QDirIterator it(
            root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            struct stat st;
            if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
                continue;
            const qint64 mtime = qint64(st.st_mtim.tv_sec) * 1000000000 + qint64(st.st_mtim.tv_nsec);
            states.insert(prefix + path.mid(root.size()), {qint64(st.st_size), mtime});
        }
    }
    return states;
}

} // namespace

BackupOperation::BackupOperation(ResticRepository& repository, const QString& stagingDir, const QString& projectId,
    const Environment& environment, const QString& backupId, bool safe, QObject* parent)
    : Operation(parent)
    , m_repository(repository)
    , m_staging(QDir(stagingDir).filePath(QStringLiteral("backup-") + backupId))
    , m_projectId(projectId)
    , m_environment(environment)
    , m_backupId(backupId)
    , m_safe(safe)
{ }

BackupOperation::~BackupOperation() = default;

void BackupOperation::start()
{
    emit logLine(m_safe ? tr("Taking a consistent backup of %1 (the environment pauses briefly).").arg(m_environment.id)
                        : tr("Taking a live backup of %1 (no pause).").arg(m_environment.id));
    if (!m_environment.local) {
        fail(tr("Environment %1 has no local descriptor: nothing to back up.").arg(m_environment.id));
        return;
    }
    const LocalDescriptor& local = *m_environment.local;
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
        if (!QFileInfo(service.path).isFile()) {
            fail(tr("The database of service %1 of %2 does not exist.").arg(service.name, m_environment.id));
            return;
        }
    }
    QDir(m_staging).removeRecursively();
    if (!QDir().mkpath(m_staging + QStringLiteral("/services"))) {
        fail(tr("The staging directory could not be created."));
        return;
    }
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
    if (m_twoPasses) {
        emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                        "what changes meanwhile."));
        dumpServices(Pass::PrePass);
    } else {
        dumpServices(Pass::Final);
    }
}

void BackupOperation::pause()
{
    const QString hook = m_environment.local->pauseHook;
    emit logLine(tr("Pausing the environment."));
    m_paused = true; // from here on the resume hook always runs
    m_pauseStartedMs = QDateTime::currentMSecsSinceEpoch();
    auto* runner = new HookRunner(hook, m_projectId, m_environment.id, QStringLiteral("pause"), this);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
        if (!ok)
            return fail(message);
        if (m_cancelled)
            return fail(QString());
        dumpServices(Pass::Final);
    });
    runner->start();
}

void BackupOperation::dumpServices(Pass pass)
{
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    const QString dir = m_staging + QStringLiteral("/services");
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, services, pass] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            return fail(tr("A database could not be copied: %1").arg(error));
        for (const auto& s : services) {
            emit logLine(pass == Pass::PrePass
                    ? tr("Copied the database of service %1 live, for the pre-pass.").arg(s.name)
                    : tr("Copied the database of service %1.").arg(s.name));
        }
        if (m_cancelled)
            return fail(QString());
        if (pass == Pass::PrePass) {
            emit progress(3);
            runBackup(Pass::PrePass);
        } else if (m_twoPasses) {
            runBackup(Pass::Final);
        } else {
            emit progress(5);
            scanBefore();
        }
    });
    watcher->setFuture(QtConcurrent::run([services, dir]() -> QString {
        for (const auto& s : services) {
            const QString error = SqliteCopy::copy(s.path, dir + QLatin1Char('/') + s.name + QStringLiteral(".sqlite"));
            if (!error.isEmpty())
                return s.name + QLatin1String(": ") + error;
        }
        return QString();
    }));
}

QList<QPair<QString, QString>> BackupOperation::scanRoots() const
{
    QList<QPair<QString, QString>> roots {{QStringLiteral("code"), m_environment.local->codePath}};
    for (const auto& m : m_environment.local->mounts)
        roots.append({QStringLiteral("mounts/") + m.name, m.path});
    return roots;
}

void BackupOperation::scanBefore()
{
    const QList<QPair<QString, QString>> roots = scanRoots();
    auto* watcher = new QFutureWatcher<FileStates>(this);
    connect(watcher, &QFutureWatcher<FileStates>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_scanBefore = watcher->result();
        if (m_cancelled)
            return fail(QString());
        runBackup(Pass::Final);
    });
    watcher->setFuture(QtConcurrent::run([roots] { return scanFiles(roots); }));
}

void BackupOperation::runBackup(Pass pass)
{
    const LocalDescriptor& local = *m_environment.local;
    ResticRepository::BackupRequest request;
    request.rootDirectory = QStringLiteral("/");
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
    for (const auto& s : local.services) {
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
    } else if (m_twoPasses) {
        request.parentSnapshotId = m_result.prePassSnapshotId;
        progressFrom = 62;
        progressSpan = 33;
        emit logLine(tr("Second pass: storing what changed since the pre-pass (restic re-reads only changed files)."));
    } else {
        emit logLine(tr("Storing the code, the mounts and the database copies in the repository."));
    }

    m_job = m_repository.backup(request, this);
    connect(m_job, &ResticJob::progress, this, [this, progressFrom, progressSpan](double fraction) {
        emit progress(progressFrom + int(fraction * progressSpan));
    });
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this, pass](const ResticResult& result) {
        m_job->deleteLater();
        if (pass == Pass::PrePass && !result.snapshotId.isEmpty())
            m_result.prePassSnapshotId = result.snapshotId;
        if (result.status == ResticResult::Status::Cancelled || m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not store the backup: %1").arg(result.errorString));
        if (pass == Pass::PrePass) {
            if (result.backupSummary) {
                emit logLine(tr("Pre-pass stored %1 files; %2 bytes added to the repository.")
                                 .arg(result.backupSummary->totalFilesProcessed)
                                 .arg(result.backupSummary->dataAdded));
            }
            emit progress(60);
            pause();
            return;
        }
        m_result.snapshotId = result.snapshotId;
        if (result.backupSummary) {
            m_result.sizeOfVolumes = result.backupSummary->totalBytesProcessed;
            m_result.sizeUsed = result.backupSummary->dataAdded;
            emit logLine(tr("Stored %1 files (%2 new, %3 changed); %4 bytes added to the repository.")
                             .arg(result.backupSummary->totalFilesProcessed)
                             .arg(result.backupSummary->filesNew)
                             .arg(result.backupSummary->filesChanged)
                             .arg(result.backupSummary->dataAdded));
        }
        if (result.status == ResticResult::Status::Incomplete)
            emit logLine(tr("Some files could not be read; the backup is incomplete."));
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
        resume();
        return;
    }
    const QList<QPair<QString, QString>> roots = scanRoots();
    auto* watcher = new QFutureWatcher<FileStates>(this);
    connect(watcher, &QFutureWatcher<FileStates>::finished, this, [this, watcher] {
        watcher->deleteLater();
        reportChangedFiles(m_scanBefore, watcher->result());
        m_scanBefore.clear();
        resume();
    });
    watcher->setFuture(QtConcurrent::run([roots] { return scanFiles(roots); }));
}

void BackupOperation::reportChangedFiles(const FileStates& before, const FileStates& after)
{
    QStringList changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto previous = before.constFind(it.key());
        if (previous == before.cend() || *previous != it.value())
            changed.append(it.key());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            changed.append(it.key());
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

void BackupOperation::resume()
{
    if (!m_paused) {
        complete();
        return;
    }
    m_paused = false;
    const auto recordPause = [this] {
        m_result.pauseMs = QDateTime::currentMSecsSinceEpoch() - m_pauseStartedMs;
        qInfo("tidemarkd: backup %s of %s paused the environment for %lld ms", qPrintable(m_backupId),
            qPrintable(m_environment.id), m_result.pauseMs);
    };
    if (m_environment.local->resumeHook.trimmed().isEmpty()) {
        recordPause();
        emit logLine(tr("The environment has no resume hook; it was paused for %1 ms.").arg(m_result.pauseMs));
        complete();
        return;
    }
    emit logLine(tr("Resuming the environment."));
    auto* runner = new HookRunner(
        m_environment.local->resumeHook, m_projectId, m_environment.id, QStringLiteral("resume"), this);
    connect(runner, &HookRunner::finished, this, [this, runner, recordPause](bool ok, const QString& message) {
        runner->deleteLater();
        recordPause(); // from the start of the pause hook to the end of the resume hook
        emit logLine(tr("Resumed the environment after a pause of %1 ms.").arg(m_result.pauseMs));
        if (!ok) {
            emit logLine(message);
            if (m_pendingOutcome && m_pendingOutcome->kind == Outcome::Kind::Success)
                m_pendingOutcome = Outcome {Outcome::Kind::Failure, message};
        }
        complete();
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
    cleanUp();
    emit finished(m_pendingOutcome.value_or(Outcome {Outcome::Kind::Failure, tr("The backup ended unexpectedly.")}));
}

void BackupOperation::cleanUp()
{
    QDir(m_staging).removeRecursively();
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
