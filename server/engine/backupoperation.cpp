#include "backupoperation.h"

#include "hookrunner.h"
#include "resticjob.h"
#include "resticrepository.h"
#include "sqlitecopy.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QProcess>
#include <QtConcurrent>

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
        pause();
    });
    connect(git, &QProcess::errorOccurred, this, [this, git](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        git->deleteLater();
        emit logLine(tr("git is not available; no commit is recorded."));
        pause();
    });
    git->start(
        QStringLiteral("git"), {QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("HEAD")});
}

void BackupOperation::pause()
{
    const QString hook = m_environment.local->pauseHook;
    if (!m_safe || hook.trimmed().isEmpty()) {
        if (m_safe)
            emit logLine(tr("The environment has no pause hook; backing up without pausing it."));
        dumpServices();
        return;
    }
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
        dumpServices();
    });
    runner->start();
}

void BackupOperation::dumpServices()
{
    const QList<LocalDescriptor::Service> services = m_environment.local->services;
    const QString dir = m_staging + QStringLiteral("/services");
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, services] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            return fail(tr("A database could not be copied: %1").arg(error));
        for (const auto& s : services)
            emit logLine(tr("Copied the database of service %1.").arg(s.name));
        if (m_cancelled)
            return fail(QString());
        emit progress(5);
        runBackup();
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

void BackupOperation::runBackup()
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

    emit logLine(tr("Storing the code, the mounts and the database copies in the repository."));
    m_job = m_repository.backup(request, this);
    connect(m_job, &ResticJob::progress, this, [this](double fraction) { emit progress(5 + int(fraction * 90)); });
    connect(m_job, &ResticJob::logLine, this, [this](const QString& line) { emit logLine(line); });
    connect(m_job, &ResticJob::finished, this, [this](const ResticResult& result) {
        m_job->deleteLater();
        if (result.status == ResticResult::Status::Cancelled || m_cancelled)
            return fail(QString());
        if (!result.ok())
            return fail(tr("restic could not store the backup: %1").arg(result.errorString));
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
        resume();
    });
    m_job->start();
}

void BackupOperation::resume()
{
    if (!m_paused) {
        complete();
        return;
    }
    m_paused = false;
    m_result.pauseMs = QDateTime::currentMSecsSinceEpoch() - m_pauseStartedMs;
    if (m_environment.local->resumeHook.trimmed().isEmpty()) {
        emit logLine(tr("The environment has no resume hook."));
        complete();
        return;
    }
    auto* runner = new HookRunner(
        m_environment.local->resumeHook, m_projectId, m_environment.id, QStringLiteral("resume"), this);
    connect(runner, &HookRunner::finished, this, [this, runner](bool ok, const QString& message) {
        runner->deleteLater();
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
