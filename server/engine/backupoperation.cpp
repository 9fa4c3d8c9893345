#include "backupoperation.h"

#include "frozenview.h"
#include "hookrunner.h"
#include "removetree.h"
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

namespace {

const int kMaxListedChangedFiles = 20;

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
            if (error.isEmpty())
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
        if (!QFileInfo(service.path).isFile()) {
            fail(tr("The database of service %1 of %2 does not exist.").arg(service.name, m_environment.id));
            return;
        }
    }
    removeTree(m_staging);
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
    if (!m_twoPasses) {
        dumpServices(Pass::Final);
        return;
    }
    m_frozenView = m_frozenViewAllowed && FrozenView::keepsNanosecondTimes(m_staging);
    if (m_frozenViewAllowed && !m_frozenView) {
        emit logLine(tr("The file system of the staging directory does not keep file times to the nanosecond; the "
                        "second pass runs while the environment is paused, so the pause lasts longer."));
    }
    emit logLine(tr("Pre-pass: storing everything while the environment still runs, so the pause only covers "
                    "what changes meanwhile."));
    scanTrees([this] { dumpServices(Pass::PrePass); });
}

void BackupOperation::pause()
{
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

void BackupOperation::freeze()
{
    const QStringList roots = rootDirectories();
    const TreeState::Scan before = m_before;
    const QString view = viewRoot();
    const QString servicesDir = view + m_staging + QStringLiteral("/services");
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    auto* watcher = new QFutureWatcher<FrozenView::Frozen>(this);
    connect(watcher, &QFutureWatcher<FrozenView::Frozen>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_frozen = watcher->result();
        m_before = {};
        if (!m_frozen.error.isEmpty())
            return fail(m_frozen.error);
        emit logLine(tr("Copied while paused: changed files: %1 (%2 bytes); databases: %3.")
                         .arg(m_frozen.copied.size())
                         .arg(m_frozen.bytesCopied)
                         .arg(m_environment.local->services.size()));
        if (m_cancelled)
            return fail(QString());
        emit progress(64);
        resume([this] { completeView(); });
    });
    watcher->setFuture(QtConcurrent::run([roots, before, view, servicesDir, services] {
        FrozenView::Frozen frozen = FrozenView::freeze(roots, before, view);
        if (!frozen.error.isEmpty())
            return frozen;
        if (!QDir().mkpath(servicesDir)) {
            frozen.error = tr("The staging directory could not be created.");
            return frozen;
        }
        for (const auto& s : services) {
            const QString error
                = SqliteCopy::copy(s.path, servicesDir + QLatin1Char('/') + s.name + QStringLiteral(".sqlite"));
            if (!error.isEmpty()) {
                frozen.error = tr("A database could not be copied: %1").arg(s.name + QLatin1String(": ") + error);
                break;
            }
        }
        return frozen;
    }));
}

void BackupOperation::completeView()
{
    const FrozenView::Frozen frozen = m_frozen;
    const QString view = viewRoot();
    auto* watcher = new QFutureWatcher<FrozenView::Completed>(this);
    connect(watcher, &QFutureWatcher<FrozenView::Completed>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const FrozenView::Completed completed = watcher->result();
        if (!completed.error.isEmpty())
            return fail(completed.error);
        m_placeholders = completed.placeholders;
        if (!completed.skipped.isEmpty()) {
            emit logLine(tr("Device files are not backed up: %1").arg(completed.skipped.join(QLatin1String(", "))));
        }
        if (m_cancelled)
            return fail(QString());
        runBackup(Pass::Final);
    });
    watcher->setFuture(QtConcurrent::run([frozen, view] { return FrozenView::complete(frozen, view); }));
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
            scanTrees([this] { runBackup(Pass::Final); });
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

QStringList BackupOperation::rootDirectories() const
{
    QStringList roots {QDir::cleanPath(QDir(m_environment.local->codePath).absolutePath())};
    for (const auto& m : m_environment.local->mounts)
        roots.append(QDir::cleanPath(QDir(m.path).absolutePath()));
    return roots;
}

QString BackupOperation::viewRoot() const
{
    return m_staging + QStringLiteral("/view");
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
        // The view holds the paused state under the same paths; restic takes its placeholders as unchanged.
        request.rootDirectory = viewRoot();
        request.sameSizeAndTimeIsUnchanged = true;
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
    } else if (m_frozenView) {
        request.parentSnapshotId = m_result.prePassSnapshotId;
        progressFrom = 66;
        progressSpan = 29;
        emit logLine(tr("Second pass: storing the paused state (restic reads only the files copied during the "
                        "pause)."));
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
        if (pass == Pass::Final)
            m_result.snapshotId = result.snapshotId; // forgotten by the engine unless the backup succeeds
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
        if (m_frozenView) {
            if (const QString error = checkViewPass(result); !error.isEmpty())
                return fail(error);
        }
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

QString BackupOperation::checkViewPass(const ResticResult& result) const
{
    // Placeholders hold no data: restic must have taken every one of them as unchanged, and read every copy.
    if (!result.backupSummary)
        return tr("restic did not report what it stored; the backup cannot be trusted and is discarded.");
    const ResticResult::BackupSummary& summary = *result.backupSummary;
    const qint64 expectedRead = m_frozen.copied.size() + m_environment.local->services.size();
    if (summary.filesUnmodified == m_placeholders && summary.filesNew + summary.filesChanged == expectedRead)
        return QString();
    return tr("restic took %1 files as unchanged and read %2, where %3 and %4 were expected; the backup would not "
              "match the paused environment and is discarded.")
        .arg(summary.filesUnmodified)
        .arg(summary.filesNew + summary.filesChanged)
        .arg(m_placeholders)
        .arg(expectedRead);
}

void BackupOperation::afterFinalPass()
{
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
    cleanUp();
    emit finished(m_pendingOutcome.value_or(Outcome {Outcome::Kind::Failure, tr("The backup ended unexpectedly.")}));
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
