#include "engine/resticfastkey.h"
#include "engine/resticrepository.h"

#include <memory>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesUnder(const QString& root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

// Empty when both trees hold the same files with the same bytes, else what differs.
QString compareTrees(const QString& expected, const QString& actual)
{
    const QStringList expectedFiles = filesUnder(expected);
    const QStringList actualFiles = filesUnder(actual);
    if (expectedFiles != actualFiles) {
        return QLatin1String("files differ: expected ") + expectedFiles.join(QLatin1Char(' ')) + QLatin1String(" got ")
            + actualFiles.join(QLatin1Char(' '));
    }
    for (const QString& file : expectedFiles) {
        if (readFile(QDir(expected).filePath(file)) != readFile(QDir(actual).filePath(file)))
            return QLatin1String("content differs: ") + file;
    }
    return {};
}

int fileMode(const QString& path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QString describe(const ResticResult& result)
{
    return ResticResult::statusToString(result.status) + QLatin1String(" exit ") + QString::number(result.exitCode)
        + QLatin1String(": ") + result.errorString + QLatin1String(" | ") + result.stderrText;
}

} // namespace

class TestResticRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void environmentDropsInheritedResticVariables();
    void versionCheck();
    void initialisesWithPrivatePasswordAndFormat2();
    void backsUpRelativePathsAndRestoresBytes();
    void backupWithParentReportsProgressAndReadsOnlyChanges();
    void restoresSelectedPaths();
    void forgetsAndPrunes();
    void cancelledBackupLeavesNoSnapshot();
    void cancelNearTheEndLeavesNoSnapshot();
    void timeoutStopsBackup();
    void wrongPasswordIsAClearError();
    void initFirstCreatesOrReadsTheExistingConfig();
    void missingRepositoryIsAClearError();
    void missingProgramIsAClearError();
    void unknownSnapshotIsAClearError();
    void fullDiskIsAClearError();
    void existingRepositoryWithoutPasswordIsRefused();
    void refusesBadRequestsWithoutRunningRestic();
    void unreadableFileMakesBackupIncomplete();
    void deletingARunningJobLeavesALockThatUnlockRemoves();
    void staleExclusiveLockDoesNotBlockABackup();
    void checkPasses();
    void fastKeyOpensTheRepository();

private:
    // Starts the job and waits (bounded) for its one finished().
    bool run(ResticJob* job, std::chrono::milliseconds timeout = 60s);
    int snapshotCount();
    QString bigTree();
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<ResticRepository> m_repository;
    QString m_stage;
    QString m_first;
    QString m_second;
    QString m_bigTree;
};

bool TestResticRepository::run(ResticJob* job, std::chrono::milliseconds timeout)
{
    QSignalSpy finished(job, &ResticJob::finished);
    job->start();
    if (!finished.isEmpty()) {
        qWarning("finished() was emitted from inside start()");
        return false;
    }
    if (!finished.wait(int(timeout.count()))) {
        qWarning("restic %s did not finish in time", qPrintable(ResticJob::commandName(job->command())));
        return false;
    }
    QCoreApplication::processEvents();
    return finished.count() == 1 && job->isFinished();
}

int TestResticRepository::snapshotCount()
{
    std::unique_ptr<ResticJob> job(m_repository->snapshots());
    if (!run(job.get()) || !job->result().ok())
        return -1;
    return int(job->result().snapshots.size());
}

QString TestResticRepository::bigTree()
{
    // 200 MB that does not compress or deduplicate, so restic is busy for a second or two.
    if (m_bigTree.isEmpty()) {
        const QString root = path(QStringLiteral("big"));
        for (int i = 0; i < 20; ++i) {
            if (!writeFile(root + QLatin1String("/mounts/data/part") + QString::number(i), randomBytes(10 << 20)))
                return {};
        }
        m_bigTree = root;
    }
    return m_bigTree;
}

void TestResticRepository::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("restic")).isEmpty())
        QSKIP("restic is not installed");
    QVERIFY(m_dir.isValid());
    // A server started from a shell where restic is configured must not use any of it: with these left in
    // place every restic run fails ("mutually exclusive options").
    qputenv("RESTIC_PASSWORD", "not-the-password");
    qputenv("RESTIC_PASSWORD_COMMAND", "false");
    qputenv("RESTIC_REPOSITORY_FILE", "/nonexistent/repository-file");

    m_stage = path(QStringLiteral("stage"));
    QVERIFY(writeFile(m_stage + QLatin1String("/code/index.php"), "<?php echo 'hello';\n"));
    QVERIFY(writeFile(m_stage + QLatin1String("/code/lib/notes.txt"),
        QStringLiteral("Grüße, 日本語, tabs\tand\r\nline ends\n").toUtf8()));
    QByteArray withZeros = randomBytes(96 * 1024);
    withZeros.replace(1000, 5000, QByteArray(5000, '\0'));
    QVERIFY(writeFile(m_stage + QLatin1String("/code/assets/logo.bin"), withZeros));
    QVERIFY(writeFile(m_stage + QLatin1String("/mounts/uploads/photo.jpg"), randomBytes(64 * 1024)));
    QVERIFY(writeFile(m_stage + QLatin1String("/mounts/uploads/empty.txt"), QByteArray()));
    QVERIFY(writeFile(m_stage + QLatin1String("/services/db.sqlite"), randomBytes(8192)));

    m_repository
        = std::make_unique<ResticRepository>(ResticRepository::Settings::inDirectory(path(QStringLiteral("data"))));
}

void TestResticRepository::environmentDropsInheritedResticVariables()
{
    const QProcessEnvironment environment = m_repository->environment();
    QVERIFY(!environment.contains(QStringLiteral("RESTIC_PASSWORD")));
    QVERIFY(!environment.contains(QStringLiteral("RESTIC_PASSWORD_COMMAND")));
    QVERIFY(!environment.contains(QStringLiteral("RESTIC_REPOSITORY_FILE")));
    QCOMPARE(environment.value(QStringLiteral("RESTIC_REPOSITORY")), path(QStringLiteral("data/repo")));
    QCOMPARE(environment.value(QStringLiteral("RESTIC_PASSWORD_FILE")), path(QStringLiteral("data/repo.password")));
    QCOMPARE(environment.value(QStringLiteral("RESTIC_CACHE_DIR")), path(QStringLiteral("data/cache/restic")));
    QVERIFY(environment.contains(QStringLiteral("PATH")));
}

void TestResticRepository::versionCheck()
{
    std::unique_ptr<ResticJob> job(m_repository->versionCheck());
    QVERIFY(run(job.get()));
    QVERIFY2(job->result().ok(), qPrintable(describe(job->result())));
    QVERIFY(job->result().version >= ResticRepository::minimumVersion());
    QCOMPARE(ResticRepository::minimumVersion(), QVersionNumber(0, 14, 0));
}

void TestResticRepository::initialisesWithPrivatePasswordAndFormat2()
{
    const QString passwordFile = m_repository->settings().passwordFile;
    QVERIFY(!QFile::exists(passwordFile));

    // With no umask to help, the file must still come out owner-only.
    const mode_t oldMask = ::umask(0);
    std::unique_ptr<ResticJob> job(m_repository->ensureInitialised());
    ::umask(oldMask);
    QCOMPARE(fileMode(passwordFile), 0600);
    QVERIFY(!QFile::exists(passwordFile + QLatin1String(".new")));
    const QByteArray password = readFile(passwordFile);
    QVERIFY(password.size() >= 40);

    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.repositoryVersion(), 2);
    QVERIFY(QFile::exists(path(QStringLiteral("data/repo/config"))));

    // restic's own view of the repository.
    std::unique_ptr<ResticJob> config(m_repository->catConfig());
    QVERIFY(run(config.get()));
    QVERIFY2(config->result().ok(), qPrintable(describe(config->result())));
    QCOMPARE(config->result().config.value(QLatin1String("version")).toInt(), 2);
    QCOMPARE(config->result().config.value(QLatin1String("id")).toString().size(), 64);

    // A second call finds the repository and keeps its password.
    std::unique_ptr<ResticJob> again(m_repository->ensureInitialised());
    QVERIFY(run(again.get()));
    QVERIFY2(again->result().ok(), qPrintable(describe(again->result())));
    QCOMPARE(again->result().config.value(QLatin1String("id")), config->result().config.value(QLatin1String("id")));
    QCOMPARE(readFile(passwordFile), password);
}

void TestResticRepository::backsUpRelativePathsAndRestoresBytes()
{
    ResticRepository::BackupRequest request;
    request.rootDirectory = m_stage;
    request.paths = {QStringLiteral("code"), QStringLiteral("mounts"), QStringLiteral("services")};
    request.host = QStringLiteral("env-main");
    request.tags = {QStringLiteral("tidemark"), QStringLiteral("backup-1")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    QSignalSpy logLines(job.get(), &ResticJob::logLine);
    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.status, ResticResult::Status::Succeeded);
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(result.snapshotId).hasMatch(),
        qPrintable(result.snapshotId));
    QVERIFY(result.backupSummary.has_value());
    QVERIFY(result.snapshotId.startsWith(result.backupSummary->snapshotId));
    QCOMPARE(result.backupSummary->filesNew, qint64(6));
    qint64 stagedBytes = 0;
    for (const QString& file : filesUnder(m_stage))
        stagedBytes += QFileInfo(QDir(m_stage).filePath(file)).size();
    QCOMPARE(result.backupSummary->totalBytesProcessed, stagedBytes);
    QVERIFY(result.warnings.isEmpty());
    m_first = result.snapshotId;

    std::unique_ptr<ResticJob> list(m_repository->snapshots());
    QVERIFY(run(list.get()));
    QVERIFY2(list->result().ok(), qPrintable(describe(list->result())));
    QCOMPARE(list->result().snapshots.size(), qsizetype(1));
    const ResticSnapshot snapshot = list->result().snapshots.first();
    QCOMPARE(snapshot.id, m_first);
    QCOMPARE(snapshot.hostname, QStringLiteral("env-main"));
    QCOMPARE(snapshot.tags, request.tags);
    QVERIFY(snapshot.timeMs > 0);

    // The snapshot holds code/, mounts/, services/ at its top, not the staging directory's absolute path.
    const QString target = path(QStringLiteral("restore-1"));
    std::unique_ptr<ResticJob> restore(m_repository->restore(m_first, target));
    QVERIFY(run(restore.get()));
    QVERIFY2(restore->result().ok(), qPrintable(describe(restore->result())));
    const QString difference = compareTrees(m_stage, target);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestResticRepository::backupWithParentReportsProgressAndReadsOnlyChanges()
{
    QVERIFY(!m_first.isEmpty());
    for (int i = 0; i < 4; ++i)
        QVERIFY(writeFile(m_stage + QLatin1String("/mounts/big/chunk") + QString::number(i), randomBytes(4 << 20)));
    QVERIFY(writeFile(m_stage + QLatin1String("/code/index.php"), "<?php echo 'changed';\n"));

    ResticRepository::BackupRequest request;
    request.rootDirectory = m_stage;
    request.paths = {QStringLiteral("code"), QStringLiteral("mounts"), QStringLiteral("services")};
    request.host = QStringLiteral("env-main");
    request.parentSnapshotId = m_first;
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    QSignalSpy progress(job.get(), &ResticJob::progress);
    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.backupSummary->filesNew, qint64(4));
    QCOMPARE(result.backupSummary->filesChanged, qint64(1));
    QCOMPARE(result.backupSummary->filesUnmodified, qint64(5));
    QVERIFY(result.backupSummary->dataAdded >= 16 << 20);
    m_second = result.snapshotId;
    QVERIFY(!m_second.isEmpty() && m_second != m_first);
    QCOMPARE(result.snapshotId.size(), qsizetype(64)); // the full id, from the repository's snapshots folder
    std::unique_ptr<ResticJob> list(m_repository->snapshots({{}, {}, {m_second}}));
    QVERIFY(run(list.get()));
    QCOMPARE(list->result().snapshots.size(), qsizetype(1));
    QCOMPARE(list->result().snapshots.first().parent, m_first);

    // restic's status messages (at least one before the summary), never going back, ending at 100 %.
    QVERIFY(progress.size() >= 2);
    double previous = -1;
    for (const QList<QVariant>& arguments : std::as_const(progress)) {
        const double fraction = arguments.first().toDouble();
        QVERIFY(fraction >= 0 && fraction <= 1);
        QVERIFY(fraction > previous);
        previous = fraction;
    }
    QCOMPARE(previous, 1.0);

    const QString target = path(QStringLiteral("restore-2"));
    std::unique_ptr<ResticJob> restore(m_repository->restore(m_second, target));
    QVERIFY(run(restore.get()));
    QVERIFY2(restore->result().ok(), qPrintable(describe(restore->result())));
    const QString difference = compareTrees(m_stage, target);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestResticRepository::restoresSelectedPaths()
{
    QVERIFY(!m_second.isEmpty());
    const QString target = path(QStringLiteral("restore-code"));
    std::unique_ptr<ResticJob> restore(
        m_repository->restore(m_second, target, {QStringLiteral("code"), QStringLiteral("/services/db.sqlite")}));
    QVERIFY(run(restore.get()));
    QVERIFY2(restore->result().ok(), qPrintable(describe(restore->result())));
    QVERIFY(!QFileInfo::exists(target + QLatin1String("/mounts")));
    QString difference = compareTrees(m_stage + QLatin1String("/code"), target + QLatin1String("/code"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    difference = compareTrees(m_stage + QLatin1String("/services"), target + QLatin1String("/services"));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestResticRepository::forgetsAndPrunes()
{
    QVERIFY(!m_first.isEmpty() && !m_second.isEmpty());
    std::unique_ptr<ResticJob> forget(m_repository->forget({m_first}));
    QVERIFY(run(forget.get()));
    QVERIFY2(forget->result().ok(), qPrintable(describe(forget->result())));
    QVERIFY(forget->result().warnings.isEmpty());

    std::unique_ptr<ResticJob> list(m_repository->snapshots());
    QVERIFY(run(list.get()));
    QCOMPARE(list->result().snapshots.size(), qsizetype(1));
    QCOMPARE(list->result().snapshots.first().id, m_second);

    // restic 0.14 skips an unknown id with exit code 0; it comes back as a warning.
    std::unique_ptr<ResticJob> unknown(m_repository->forget({QStringLiteral("deadbeef")}));
    QVERIFY(run(unknown.get()));
    QVERIFY2(unknown->result().ok(), qPrintable(describe(unknown->result())));
    QCOMPARE(unknown->result().warnings.size(), qsizetype(1));
    QVERIFY(unknown->result().warnings.first().contains(QLatin1String("deadbeef")));

    std::unique_ptr<ResticJob> prune(m_repository->prune());
    QSignalSpy logLines(prune.get(), &ResticJob::logLine);
    QVERIFY(run(prune.get()));
    QVERIFY2(prune->result().ok(), qPrintable(describe(prune->result())));
    QVERIFY(!logLines.isEmpty());

    // What is left still restores.
    const QString target = path(QStringLiteral("restore-after-prune"));
    std::unique_ptr<ResticJob> restore(m_repository->restore(m_second, target));
    QVERIFY(run(restore.get()));
    QVERIFY2(restore->result().ok(), qPrintable(describe(restore->result())));
    const QString difference = compareTrees(m_stage, target);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestResticRepository::cancelledBackupLeavesNoSnapshot()
{
    const QString root = bigTree();
    QVERIFY(!root.isEmpty());
    const int before = snapshotCount();
    QVERIFY(before >= 1);

    ResticRepository::BackupRequest request;
    request.rootDirectory = root;
    request.paths = {QStringLiteral("mounts")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    double cancelledAt = -1;
    connect(job.get(), &ResticJob::progress, this, [&](double fraction) {
        if (cancelledAt < 0) {
            cancelledAt = fraction;
            job->cancel();
        }
    });
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(run(job.get(), 30s));
    const ResticResult& result = job->result();
    QVERIFY2(result.status == ResticResult::Status::Cancelled, qPrintable(describe(result)));
    QVERIFY(cancelledAt >= 0 && cancelledAt < 1);
    QVERIFY(!result.ok());
    QVERIFY(result.snapshotId.isEmpty());
    QVERIFY(!result.errorString.isEmpty());
    // SIGINT, which restic answers by cleaning up: exit code 130 and no lock left behind.
    QCOMPARE(result.exitCode, 130);
    QVERIFY2(elapsed.elapsed() < 10000, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(QDir(path(QStringLiteral("data/repo/locks"))).entryList(QDir::Files).size(), 0);
    QCOMPARE(snapshotCount(), before);

    // Cancelling a finished job changes nothing.
    job->cancel();
    QCOMPARE(job->result().status, ResticResult::Status::Cancelled);
}

void TestResticRepository::cancelNearTheEndLeavesNoSnapshot()
{
    // Cancelled at 100 %, which the job reports with restic's summary, printed once the snapshot is saved: the
    // job forgets it again, ends cancelled, and the repository holds no new snapshot.
    const int before = snapshotCount();
    QVERIFY(before >= 1);
    ResticRepository::BackupRequest request;
    request.rootDirectory = m_stage;
    request.paths = {QStringLiteral("code")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    connect(job.get(), &ResticJob::progress, this, [&](double fraction) {
        if (fraction >= 1.0)
            job->cancel();
    });
    QVERIFY(run(job.get(), 30s));
    QVERIFY2(job->result().status == ResticResult::Status::Cancelled, qPrintable(describe(job->result())));
    QVERIFY(job->result().snapshotId.isEmpty());
    QCOMPARE(snapshotCount(), before);

    // And a job cancelled before it started ends at once, without restic.
    std::unique_ptr<ResticJob> unstarted(m_repository->backup(request));
    QSignalSpy finished(unstarted.get(), &ResticJob::finished);
    unstarted->cancel();
    QVERIFY(finished.wait(1000));
    QCOMPARE(unstarted->result().status, ResticResult::Status::Cancelled);
    QCOMPARE(unstarted->result().exitCode, -1);
}

void TestResticRepository::timeoutStopsBackup()
{
    const QString root = bigTree();
    QVERIFY(!root.isEmpty());
    const int before = snapshotCount();
    ResticRepository::BackupRequest request;
    request.rootDirectory = root;
    request.paths = {QStringLiteral("mounts")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    job->setTimeout(300ms);
    QVERIFY(run(job.get(), 30s));
    QVERIFY2(job->result().status == ResticResult::Status::TimedOut, qPrintable(describe(job->result())));
    QVERIFY(!job->result().errorString.isEmpty());
    QCOMPARE(snapshotCount(), before);
    QCOMPARE(QDir(path(QStringLiteral("data/repo/locks"))).entryList(QDir::Files).size(), 0);
}

void TestResticRepository::wrongPasswordIsAClearError()
{
    ResticRepository::Settings settings = m_repository->settings();
    settings.passwordFile = path(QStringLiteral("wrong.password"));
    QVERIFY(writeFile(settings.passwordFile, "not the password"));
    ResticRepository wrong(settings);
    std::unique_ptr<ResticJob> job(wrong.snapshots());
    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QCOMPARE(result.status, ResticResult::Status::Failed);
    QCOMPARE(result.failure, ResticResult::Failure::WrongPassword);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.errorString.contains(QLatin1String("wrong password")), qPrintable(result.errorString));
    QVERIFY(result.stderrText.contains(QLatin1String("Fatal")));

    // ensureInitialised() must not paper over it by creating anything.
    std::unique_ptr<ResticJob> init(wrong.ensureInitialised());
    QVERIFY(run(init.get()));
    QCOMPARE(init->result().failure, ResticResult::Failure::WrongPassword);
}

void TestResticRepository::initFirstCreatesOrReadsTheExistingConfig()
{
    // A copy target: `init` at once, one restic run for a new repository.
    ResticRepository::Settings settings = m_repository->settings();
    settings.initFirst = true;
    ResticRepository::Settings fresh = settings;
    fresh.repository = path(QStringLiteral("init-first/repo"));
    fresh.passwordFile = path(QStringLiteral("init-first/repo.password"));
    std::unique_ptr<ResticJob> created(ResticRepository(fresh).ensureInitialised());
    QVERIFY(run(created.get()));
    QVERIFY2(created->result().ok(), qPrintable(describe(created->result())));
    QCOMPARE(created->result().processes, 1);
    QCOMPARE(created->result().repositoryVersion(), 2);
    QVERIFY(QFile::exists(fresh.repository + QStringLiteral("/config")));

    // An existing repository: init refuses it, and its config is read (two runs), as the probe would have.
    std::unique_ptr<ResticJob> config(m_repository->catConfig());
    QVERIFY(run(config.get()));
    QVERIFY2(config->result().ok(), qPrintable(describe(config->result())));
    ResticRepository existing(settings);
    std::unique_ptr<ResticJob> job(existing.ensureInitialised());
    QStringList logged;
    connect(job.get(), &ResticJob::logLine, this, [&logged](const QString& line) { logged.append(line); });
    QVERIFY(run(job.get()));
    QVERIFY2(job->result().ok(), qPrintable(describe(job->result())));
    QCOMPARE(job->result().processes, 2);
    QCOMPARE(job->result().config.value(QLatin1String("id")), config->result().config.value(QLatin1String("id")));
    QVERIFY2(!logged.join(QLatin1Char('\n')).contains(QLatin1String("already exists")), qPrintable(logged.join(u'\n')));

    // The wrong password fails as it did with the probe, and creates nothing.
    settings.passwordFile = path(QStringLiteral("wrong.password"));
    QVERIFY(writeFile(settings.passwordFile, "not the password"));
    std::unique_ptr<ResticJob> wrong(ResticRepository(settings).ensureInitialised());
    QVERIFY(run(wrong.get()));
    QCOMPARE(wrong->result().failure, ResticResult::Failure::WrongPassword);
    QCOMPARE(wrong->result().processes, 2);
}

void TestResticRepository::missingRepositoryIsAClearError()
{
    ResticRepository::Settings settings = m_repository->settings();
    settings.repository = path(QStringLiteral("nowhere"));
    ResticRepository missing(settings);
    std::unique_ptr<ResticJob> job(missing.snapshots());
    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QCOMPARE(result.status, ResticResult::Status::Failed);
    QCOMPARE(result.failure, ResticResult::Failure::RepositoryMissing);
    QVERIFY2(result.errorString.contains(settings.repository), qPrintable(result.errorString));
    QVERIFY(!QFileInfo::exists(settings.repository));
}

void TestResticRepository::missingProgramIsAClearError()
{
    ResticRepository::Settings settings = m_repository->settings();
    settings.program = path(QStringLiteral("no-such-restic"));
    ResticRepository missing(settings);
    std::unique_ptr<ResticJob> job(missing.versionCheck());
    QVERIFY(run(job.get()));
    QCOMPARE(job->result().status, ResticResult::Status::Failed);
    QCOMPARE(job->result().failure, ResticResult::Failure::NotStarted);
    QVERIFY2(job->result().errorString.contains(settings.program), qPrintable(job->result().errorString));
}

void TestResticRepository::fullDiskIsAClearError()
{
    // A small file system of its own (tmpfs; mounting needs root), filled up after the repository was made.
    const QString place = path(QStringLiteral("small-disk"));
    QVERIFY(QDir().mkpath(place));
    if (QProcess::execute(QStringLiteral("mount"),
            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=16m"),
                QStringLiteral("tmpfs"), place})
        != 0)
        QSKIP("a tmpfs cannot be mounted here (needs root)");
    const auto unmount = qScopeGuard([place] {
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), place});
    });
    ResticRepository small(ResticRepository::Settings::inDirectory(place));
    std::unique_ptr<ResticJob> init(small.ensureInitialised());
    QVERIFY(run(init.get()));
    QVERIFY2(init->result().ok(), qPrintable(describe(init->result())));
    {
        QFile filler(place + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, 'x');
        while (filler.write(block) == block.size()) { }
    }
    ResticRepository::BackupRequest request;
    request.rootDirectory = m_stage;
    request.paths = {QStringLiteral("code")};
    std::unique_ptr<ResticJob> job(small.backup(request));
    QVERIFY(run(job.get()));
    QCOMPARE(job->result().status, ResticResult::Status::Failed);
    QCOMPARE(job->result().failure, ResticResult::Failure::NoSpace);
    QVERIFY2(job->result().errorString.contains(QLatin1String("is full")), qPrintable(job->result().errorString));
    QVERIFY2(!job->result().errorString.contains(QLatin1String("locked")), qPrintable(job->result().errorString));
}

void TestResticRepository::unknownSnapshotIsAClearError()
{
    std::unique_ptr<ResticJob> job(m_repository->restore(QStringLiteral("deadbeef"), path(QStringLiteral("nothing"))));
    QVERIFY(run(job.get()));
    QCOMPARE(job->result().status, ResticResult::Status::Failed);
    QCOMPARE(job->result().failure, ResticResult::Failure::SnapshotNotFound);
    QVERIFY2(job->result().errorString.contains(QLatin1String("deadbeef")), qPrintable(job->result().errorString));
}

void TestResticRepository::existingRepositoryWithoutPasswordIsRefused()
{
    ResticRepository::Settings settings = m_repository->settings();
    settings.passwordFile = path(QStringLiteral("lost.password"));
    ResticRepository lost(settings);
    std::unique_ptr<ResticJob> job(lost.ensureInitialised());
    QVERIFY(run(job.get()));
    QCOMPARE(job->result().failure, ResticResult::Failure::NotStarted);
    QVERIFY2(job->result().errorString.contains(settings.passwordFile), qPrintable(job->result().errorString));
    QVERIFY(!QFileInfo::exists(settings.passwordFile));
}

void TestResticRepository::refusesBadRequestsWithoutRunningRestic()
{
    const auto refused = [this](const ResticRepository::BackupRequest& request) {
        std::unique_ptr<ResticJob> job(m_repository->backup(request));
        return run(job.get(), 1s) && job->result().failure == ResticResult::Failure::NotStarted
            && job->result().exitCode == -1 && !job->result().errorString.isEmpty();
    };
    ResticRepository::BackupRequest request;
    request.rootDirectory = m_stage;
    request.paths = {QStringLiteral("/etc")};
    QVERIFY(refused(request));
    request.paths = {QStringLiteral("code/../../outside")};
    QVERIFY(refused(request));
    request.paths = {};
    QVERIFY(refused(request));
    request.paths = {QStringLiteral("code")};
    request.tags = {QStringLiteral("a,b")};
    QVERIFY(refused(request));
    request.tags = {};
    request.parentSnapshotId = QStringLiteral("--force");
    QVERIFY(refused(request));
    request.parentSnapshotId.clear();
    request.rootDirectory = QStringLiteral("relative/stage");
    QVERIFY(refused(request));

    std::unique_ptr<ResticJob> forget(m_repository->forget({QStringLiteral("latest; rm")}));
    QVERIFY(run(forget.get(), 1s));
    QCOMPARE(forget->result().failure, ResticResult::Failure::NotStarted);
    std::unique_ptr<ResticJob> restore(
        m_repository->restore(m_second, path(QStringLiteral("x")), {QStringLiteral("../etc")}));
    QVERIFY(run(restore.get(), 1s));
    QCOMPARE(restore->result().failure, ResticResult::Failure::NotStarted);
}

void TestResticRepository::unreadableFileMakesBackupIncomplete()
{
    if (::geteuid() == 0)
        QSKIP("root reads every file");
    const QString root = path(QStringLiteral("unreadable"));
    QVERIFY(writeFile(root + QLatin1String("/code/ok.txt"), "fine"));
    QVERIFY(writeFile(root + QLatin1String("/code/secret.txt"), "hidden"));
    QVERIFY(QFile::setPermissions(root + QLatin1String("/code/secret.txt"), QFileDevice::Permissions()));
    ResticRepository::BackupRequest request;
    request.rootDirectory = root;
    request.paths = {QStringLiteral("code")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    QSignalSpy logLines(job.get(), &ResticJob::logLine);
    QVERIFY(run(job.get()));
    const ResticResult& result = job->result();
    QVERIFY2(result.status == ResticResult::Status::Incomplete, qPrintable(describe(result)));
    QVERIFY(result.ok());
    QCOMPARE(result.exitCode, 3);
    QVERIFY(!result.snapshotId.isEmpty());
    QCOMPARE(result.warnings.size(), qsizetype(1));
    QVERIFY2(result.warnings.first().startsWith(QLatin1String("code/secret.txt: open: ")),
        qPrintable(result.warnings.first()));
    QVERIFY(!logLines.isEmpty());
}

void TestResticRepository::deletingARunningJobLeavesALockThatUnlockRemoves()
{
    const QString root = bigTree();
    QVERIFY(!root.isEmpty());
    const QDir locks(path(QStringLiteral("data/repo/locks")));
    ResticRepository::BackupRequest request;
    request.rootDirectory = root;
    request.paths = {QStringLiteral("mounts")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    bool started = false;
    connect(job.get(), &ResticJob::progress, this, [&] { started = true; });
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(started, 20000);
    QCOMPARE(locks.entryList(QDir::Files).size(), 1);
    job.reset(); // kills restic outright: no chance to remove its lock

    std::unique_ptr<ResticJob> unlock(m_repository->unlock());
    QVERIFY(run(unlock.get()));
    QVERIFY2(unlock->result().ok(), qPrintable(describe(unlock->result())));
    QCOMPARE(locks.entryList(QDir::Files).size(), 0);
}

void TestResticRepository::staleExclusiveLockDoesNotBlockABackup()
{
    // An exclusive lock of a restic that died without removing it (killed with tidemarkd as it started, say): the
    // next command removes what is stale and runs.
    const QString repo = path(QStringLiteral("data/repo"));
    const QByteArray password = ResticFastKey::passwordFromFile(m_repository->settings().passwordFile);
    const auto key = ResticFastKey::masterKey(repo, password);
    QVERIFY(key);
    qint64 deadPid = 4194303; // above every pid this machine hands out
    while (::kill(pid_t(deadPid), 0) == 0)
        --deadPid;
    const QJsonObject lock {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("exclusive"), true}, {QStringLiteral("hostname"), QSysInfo::machineHostName()},
        {QStringLiteral("username"), QStringLiteral("gone")}, {QStringLiteral("pid"), deadPid}};
    const QByteArray sealed = ResticFastKey::seal(*key, QJsonDocument(lock).toJson(QJsonDocument::Compact));
    QVERIFY(!sealed.isEmpty());
    const QString name = QString::fromLatin1(QCryptographicHash::hash(sealed, QCryptographicHash::Sha256).toHex());
    QVERIFY(QDir().mkpath(repo + QStringLiteral("/locks")));
    QFile file(repo + QStringLiteral("/locks/") + name);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(sealed) == sealed.size());
    file.close();

    QVERIFY(writeFile(path(QStringLiteral("locked/a.txt")), "after a crash\n"));
    ResticRepository::BackupRequest request;
    request.rootDirectory = path(QStringLiteral("locked"));
    request.paths = {QStringLiteral("a.txt")};
    std::unique_ptr<ResticJob> job(m_repository->backup(request));
    QVERIFY(run(job.get()));
    QVERIFY2(job->result().ok(), qPrintable(describe(job->result())));
    QVERIFY(!QFileInfo::exists(file.fileName()));
}

void TestResticRepository::checkPasses()
{
    std::unique_ptr<ResticJob> job(m_repository->check());
    QVERIFY(run(job.get()));
    QVERIFY2(job->result().ok(), qPrintable(describe(job->result())));
    QVERIFY2(job->result().output.contains(QLatin1String("no errors were found")), qPrintable(job->result().output));
}

void TestResticRepository::fastKeyOpensTheRepository()
{
    const QString repo = path(QStringLiteral("data/repo"));
    const QString keys = repo + QStringLiteral("/keys");
    // Made on the thread pool once the repository existed; every run names it from then on.
    QTRY_VERIFY_WITH_TIMEOUT(!m_repository->fastKeyHint().isEmpty(), 30000);
    const QString id = m_repository->fastKeyHint();
    QCOMPARE(ResticFastKey::find(repo), id);
    QCOMPARE(m_repository->environment().value(QStringLiteral("RESTIC_KEY_HINT")), id);
    const QByteArray bytes = readFile(keys + QLatin1Char('/') + id);
    QCOMPARE(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(), id.toLatin1()); // restic's naming
    QCOMPARE(fileMode(keys + QLatin1Char('/') + id), 0400);
    const QJsonObject key = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(key.value(QStringLiteral("kdf")).toString(), QStringLiteral("scrypt"));
    QCOMPARE(key.value(QStringLiteral("N")).toInt(), 16384);
    QVERIFY(!bytes.contains(readFile(m_repository->settings().passwordFile).trimmed()));
    const QStringList all = QDir(keys).entryList(QDir::Files);
    QCOMPARE(all.size(), 2);
    const QString resticKey = all.at(0) == id ? all.at(1) : all.at(0);
    // Asked again, it is found, not made again.
    const QByteArray password = ResticFastKey::passwordFromFile(m_repository->settings().passwordFile);
    QCOMPARE(ResticFastKey::ensure(repo, password), id);
    QCOMPARE(QDir(keys).entryList(QDir::Files).size(), 2);

    // restic opens the repository with each key alone: the fast key is a real key of the repository, not a hint
    // that restic gets past by trying the others. Each open is timed (printed, not judged).
    QTemporaryDir aside;
    const auto openWith = [&](const QString& only, qint64* ms) {
        const QString away = only == id ? resticKey : id;
        if (!QFile::rename(keys + QLatin1Char('/') + away, aside.filePath(away)))
            return QStringLiteral("cannot move %1 aside").arg(away);
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<ResticJob> job(m_repository->catConfig());
        const bool ran = run(job.get());
        *ms = timer.elapsed();
        QFile::rename(aside.filePath(away), keys + QLatin1Char('/') + away);
        return ran && job->result().ok() ? QString() : describe(job->result());
    };
    qint64 fastMs = 0;
    qint64 resticMs = 0;
    QString failure = openWith(id, &fastMs);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = openWith(resticKey, &resticMs);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    qInfo("restic cat config: %lld ms with the fast key, %lld ms with restic's own key", fastMs, resticMs);
    QCOMPARE(QDir(keys).entryList(QDir::Files).size(), 2);

    // A wrong password opens no key and writes nothing.
    QTemporaryDir other;
    QVERIFY(QDir().mkpath(other.filePath(QStringLiteral("keys"))));
    QVERIFY(QFile::copy(keys + QLatin1Char('/') + resticKey, other.filePath(QStringLiteral("keys/")) + resticKey));
    QString error;
    QCOMPARE(ResticFastKey::ensure(other.path(), "not the password", &error), QString());
    QVERIFY2(error.contains(QStringLiteral("password")), qPrintable(error));
    QCOMPARE(QDir(other.filePath(QStringLiteral("keys"))).entryList(QDir::Files).size(), 1);
    // The right one makes a fast key there too.
    const QString made = ResticFastKey::ensure(other.path(), password, &error);
    QVERIFY2(!made.isEmpty(), qPrintable(error));
    QCOMPARE(ResticFastKey::find(other.path()), made);
}

QTEST_GUILESS_MAIN(TestResticRepository)
#include "tst_resticrepository.moc"
