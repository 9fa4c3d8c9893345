// A consistent backup holds the paused state: composed from its live pass and what the kernel reported changed
// (read-only directories, links, hard links and FIFOs included), from one backup to the next, and with its fallbacks
// (a second restic pass under the pause, asked for or because of a path the composer leaves to restic). And what the
// kernel reports changed.
#include "engine/backupoperation.h"
#include "engine/changetracker.h"
#include "engine/removetree.h"
#include "engine/resticrepository.h"
#include "engine/treestate.h"
#include "translator.h"

#include <fcntl.h>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct stat statOf(const QString& path)
{
    struct stat st
    { };
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

qint64 mtimeNs(const struct stat& st)
{
    return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

// Rewrites a file in place with content of the same size and puts its modification time back: only the change
// time and the content tell.
bool rewriteKeepingTime(const QString& path, const QByteArray& data)
{
    const struct stat before = statOf(path);
    if (!writeFile(path, data))
        return false;
    const timespec times[2] = {before.st_atim, before.st_mtim};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW) == 0;
}

// The first log line that starts with `text` (or holds it anywhere), -1 when none does.
qsizetype lineIndex(const QStringList& log, const QString& text, bool anywhere = false)
{
    for (qsizetype i = 0; i < log.size(); ++i) {
        if (anywhere ? log.at(i).contains(text) : log.at(i).startsWith(text))
            return i;
    }
    return -1;
}

ResticResult runJob(ResticJob* job)
{
    ResticResult result;
    bool done = false;
    QObject::connect(job, &ResticJob::finished, job, [&](const ResticResult& r) {
        result = r;
        done = true;
    });
    job->start();
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        result.errorString = QStringLiteral("restic did not finish within 120 s");
    delete job;
    return result;
}

} // namespace

class TestConsistentBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void trackerReportsWhatChanged();
    void backupHoldsThePausedState_data();
    void backupHoldsThePausedState();
    void writeAtTheResumeIsReadByTheNextBackup_data();
    void writeAtTheResumeIsReadByTheNextBackup();
    void failedResumeWhileTheSnapshotIsWritten_data();
    void failedResumeWhileTheSnapshotIsWritten();

private:
    // The environment of init() (its code and mount), paused and resumed by these hooks.
    Environment environmentWith(const QString& pauseHook, const QString& resumeHook) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_code;
    QString m_mount;
};

void TestConsistentBackup::initTestCase()
{
    // The engine's log uses plural forms ("1 file", "2 files"), as tidemarkd does.
    Translator::install(*QCoreApplication::instance());
}

void TestConsistentBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_code = m_dir->filePath(QStringLiteral("env/code"));
    m_mount = m_dir->filePath(QStringLiteral("env/files"));
    QVERIFY(QDir().mkpath(m_code + QStringLiteral("/src")));
    QVERIFY(QDir().mkpath(m_mount + QStringLiteral("/read-only")));
    QVERIFY(QDir().mkpath(m_mount + QStringLiteral("/empty")));
    QVERIFY(writeFile(m_code + QStringLiteral("/src/main.c"), "int main(void) { return 0; }\n"));
    QVERIFY(writeFile(m_code + QStringLiteral("/README"), "readme\n"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/keep.bin"), QByteArray(100000, 'k')));
    QVERIFY(writeFile(m_mount + QStringLiteral("/rewritten.txt"), "first!"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/same-time.txt"), "aaaa"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/deleted.txt"), "gone soon"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/read-only/inside.txt"), "inside"));
    QVERIFY(QFile::setPermissions(m_mount + QStringLiteral("/keep.bin"), QFile::ReadOwner | QFile::ReadGroup));
    QVERIFY(QFile::link(QStringLiteral("keep.bin"), m_mount + QStringLiteral("/link")));
    QCOMPARE(::link(QFile::encodeName(m_mount + QStringLiteral("/keep.bin")).constData(),
                 QFile::encodeName(m_mount + QStringLiteral("/read-only/keep-again.bin")).constData()),
        0);
    QCOMPARE(::mkfifo(QFile::encodeName(m_mount + QStringLiteral("/pipe")).constData(), 0640), 0);
    QVERIFY(QFile::setPermissions(
        m_mount + QStringLiteral("/read-only"), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup));
}

Environment TestConsistentBackup::environmentWith(const QString& pauseHook, const QString& resumeHook) const
{
    Environment environment;
    environment.id = environment.name = QStringLiteral("main");
    environment.status = Environment::Status::Active;
    LocalDescriptor local;
    local.codePath = m_code;
    local.mounts.append({QStringLiteral("files"), m_mount});
    local.pauseHook = pauseHook;
    local.resumeHook = resumeHook;
    environment.local = local;
    return environment;
}

void TestConsistentBackup::cleanup()
{
    // The environment has a read-only directory: removeTree() opens it up.
    QVERIFY(removeTree(m_dir->path()));
}

void TestConsistentBackup::trackerReportsWhatChanged()
{
    if (ChangeTracker::disabledByEnvironment())
        QSKIP("change tracking is switched off");
    const QStringList roots {m_code, m_mount};
    ChangeTracker tracker;
    QString error;
    QVERIFY2(tracker.start(roots, &error), qPrintable(error));

    // A rewrite, a new directory with a file, a removal, a rename.
    QVERIFY(writeFile(m_mount + QStringLiteral("/rewritten.txt"), "changed after the scan"));
    QVERIFY(QDir().mkpath(m_mount + QStringLiteral("/new/deeper")));
    QVERIFY(writeFile(m_mount + QStringLiteral("/new/deeper/file.txt"), "deep"));
    QVERIFY(QFile::remove(m_mount + QStringLiteral("/deleted.txt")));
    QVERIFY(QFile::rename(m_code + QStringLiteral("/README"), m_code + QStringLiteral("/README.md")));

    const ChangeTracker::Changes changes = tracker.take();
    QVERIFY2(changes.complete, qPrintable(changes.incompleteReason));
    QStringList reported;
    for (const QByteArray& path : changes.paths)
        reported.append(QFile::decodeName(path).mid(m_dir->path().size() + 1));
    reported.sort();
    QCOMPARE(reported,
        QStringList({QStringLiteral("env/code/README"), QStringLiteral("env/code/README.md"),
            QStringLiteral("env/files/deleted.txt"), QStringLiteral("env/files/new"),
            QStringLiteral("env/files/new/deeper"), QStringLiteral("env/files/new/deeper/file.txt"),
            QStringLiteral("env/files/rewritten.txt")}));

    // New directories are watched from then on.
    QVERIFY(writeFile(m_mount + QStringLiteral("/new/deeper/later.txt"), "later"));
    QCOMPARE(
        tracker.take().paths, QSet<QByteArray>({QFile::encodeName(m_mount + QStringLiteral("/new/deeper/later.txt"))}));
    QVERIFY(!tracker.hasLostEvents());

    // A root replaced (as a restore swaps a mount in): reported once as incomplete, and remembered, so that the next
    // backup sets the marks anew instead of trusting them.
    QVERIFY(QFile::rename(m_mount, m_mount + QStringLiteral(".old")));
    QVERIFY(QDir().mkpath(m_mount));
    QVERIFY(!tracker.take().complete);
    QVERIFY(tracker.hasLostEvents());
    QVERIFY(tracker.take().complete); // nothing new to report, but the loss stays known
    QVERIFY(tracker.hasLostEvents());
    QVERIFY2(tracker.start(roots, &error), qPrintable(error));
    QVERIFY(!tracker.hasLostEvents());
}

void TestConsistentBackup::backupHoldsThePausedState_data()
{
    QTest::addColumn<bool>("compose");
    QTest::addColumn<bool>("unusualName");
    QTest::newRow("composed") << true << false;
    QTest::newRow("a name left to restic") << true << true;
    QTest::newRow("second pass under the pause") << false << false;
}

void TestConsistentBackup::backupHoldsThePausedState()
{
    QFETCH(bool, compose);
    QFETCH(bool, unusualName);
    // With an unusual name among what the pause finds changed, the paused state goes to a second restic pass.
    const bool frozenView = compose && !unusualName;
    // The pause hook writes the state to keep; the resume hook overwrites it (same size) at once.
    const QString state = m_mount + QStringLiteral("/state.txt");
    QVERIFY(writeFile(state, "running"));
    ResticRepository repository(ResticRepository::Settings::inDirectory(m_dir->filePath(QStringLiteral("repo"))));
    const ResticResult init = runJob(repository.ensureInitialised());
    QVERIFY2(init.ok(), qPrintable(init.errorString));

    QString pauseHook = QStringLiteral("printf paused > '%1'").arg(state);
    if (unusualName)
        pauseHook += QStringLiteral(" && printf odd > '%1/back\\slash'").arg(m_mount);
    const Environment environment = environmentWith(pauseHook, QStringLiteral("printf resumd > '%1'").arg(state));
    BackupOperation operation(repository, m_dir->filePath(QStringLiteral("staging")), QStringLiteral("p"), environment,
        QStringLiteral("b1"), true);
    operation.setRepositoryKnownReady(true);
    operation.setComposeAllowed(compose);
    const auto tracker = std::make_shared<ChangeTracker>(); // kept from one backup to the next, as the engine does
    operation.setChangeTracker(tracker);
    QStringList log;
    connect(&operation, &BackupOperation::logLine, this, [&log](const QString& line) { log.append(line); });
    std::optional<Operation::Outcome> outcome;
    connect(&operation, &Operation::finished, this, [&outcome](const Operation::Outcome& o) { outcome = o; });
    operation.start();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 120000);
    QVERIFY2(outcome->kind == Operation::Outcome::Kind::Success, qPrintable(outcome->message));
    QCOMPARE(readFile(state), QByteArray("resumd"));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("staging/environment-p-main"))));

    // Where the snapshot is finished: when composed, written from what the pause captured while the environment
    // resumes (the writing starts first); by a second pass before the resume otherwise.
    const auto indexOf = [&log](const QString& start) { return lineIndex(log, start); };
    const qsizetype resumed = indexOf(QStringLiteral("Resumed the environment"));
    const qsizetype secondPass
        = indexOf(frozenView ? QStringLiteral("Writing the backup's snapshot") : QStringLiteral("Second pass"));
    QVERIFY2(resumed >= 0 && secondPass >= 0 && secondPass < resumed, qPrintable(log.join(QLatin1Char('\n'))));
    if (frozenView) {
        QVERIFY2(
            secondPass > indexOf(QStringLiteral("Captured while paused")), qPrintable(log.join(QLatin1Char('\n'))));
    }
    if (frozenView && !ChangeTracker::disabledByEnvironment()) {
        // Only state.txt, which the pause hook wrote, was looked at and copied during the pause.
        QVERIFY2(
            indexOf(QStringLiteral("Captured while paused: the kernel reported 1 changed path; 1 file copied")) >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(operation.result().pauseExamined, qint64(1)); // state.txt
    }
    QCOMPARE(operation.result().resticStarts, frozenView ? 1 : 2);
    QCOMPARE(operation.result().pauseMs >= 0, true);
    if (unusualName) {
        QVERIFY2(indexOf(m_mount
                     + QStringLiteral("/back\\slash has a name that restic quotes, which tidemarkd does not "
                                      "write itself; restic stores the paused state in a second pass."))
                >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
    }

    const QString restored = m_dir->filePath(QStringLiteral("restored"));
    const ResticResult restore = runJob(repository.restore(operation.result().snapshotId, restored));
    QVERIFY2(restore.ok(), qPrintable(restore.errorString));
    QCOMPARE(readFile(restored + state), QByteArray("paused"));
    QCOMPARE(readFile(restored + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k'));
    QCOMPARE(readFile(restored + m_code + QStringLiteral("/src/main.c")), QByteArray("int main(void) { return 0; }\n"));
    QCOMPARE(QFileInfo(restored + m_mount + QStringLiteral("/link")).symLinkTarget(),
        restored + m_mount + QStringLiteral("/keep.bin"));
    QCOMPARE(statOf(restored + m_mount + QStringLiteral("/keep.bin")).st_mode,
        statOf(m_mount + QStringLiteral("/keep.bin")).st_mode);
    QCOMPARE(mtimeNs(statOf(restored + m_mount + QStringLiteral("/keep.bin"))),
        mtimeNs(statOf(m_mount + QStringLiteral("/keep.bin"))));
    QCOMPARE(statOf(restored + m_mount + QStringLiteral("/read-only/keep-again.bin")).st_ino,
        statOf(restored + m_mount + QStringLiteral("/keep.bin")).st_ino);
    if (unusualName)
        QCOMPARE(readFile(restored + m_mount + QStringLiteral("/back\\slash")), QByteArray("odd"));
    if (!frozenView)
        return;

    // The next backup's pass takes the first as parent and reads only what changed since: state.txt (the resume
    // hook rewrote it) and README, rewritten with its modification time put back (its change time tells).
    QVERIFY(rewriteKeepingTime(m_code + QStringLiteral("/README"), "README\n"));
    if (!ChangeTracker::disabledByEnvironment()) {
        // The code's root replaced and put back (a restore swaps trees in by rename): the tracker lost events, and a
        // take reported it once. The next backup does not trust its marks; it sets them anew.
        QVERIFY(QFile::rename(m_code, m_code + QStringLiteral(".away")));
        QVERIFY(QFile::rename(m_code + QStringLiteral(".away"), m_code));
        QVERIFY(!tracker->take().complete);
        QVERIFY(tracker->hasLostEvents());
    }
    BackupOperation next(repository, m_dir->filePath(QStringLiteral("staging")), QStringLiteral("p"), environment,
        QStringLiteral("b2"), true);
    next.setRepositoryKnownReady(true);
    next.setChangeTracker(tracker);
    log.clear();
    connect(&next, &BackupOperation::logLine, this, [&log](const QString& line) { log.append(line); });
    outcome.reset();
    connect(&next, &Operation::finished, this, [&outcome](const Operation::Outcome& o) { outcome = o; });
    next.start();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 120000);
    QVERIFY2(outcome->kind == Operation::Outcome::Kind::Success, qPrintable(outcome->message));
    QVERIFY2(
        indexOf(QStringLiteral("Stored the environment while it ran: 9 files (0 new, 2 changed, 7 unchanged)")) >= 0,
        qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(next.result().resticStarts, 1);
    if (!ChangeTracker::disabledByEnvironment()) {
        QVERIFY(!tracker->hasLostEvents()); // its marks were set anew
        QVERIFY2(
            indexOf(QStringLiteral("Captured while paused: the kernel reported 1 changed path; 1 file copied")) >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
    }
    const QString again = m_dir->filePath(QStringLiteral("restored-again"));
    const ResticResult second = runJob(repository.restore(next.result().snapshotId, again));
    QVERIFY2(second.ok(), qPrintable(second.errorString));
    QCOMPARE(readFile(again + state), QByteArray("paused"));
    QCOMPARE(readFile(again + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k'));
    QCOMPARE(readFile(again + m_code + QStringLiteral("/README")), QByteArray("README\n"));
}

void TestConsistentBackup::writeAtTheResumeIsReadByTheNextBackup_data()
{
    QTest::addColumn<bool>("compose");
    QTest::newRow("composed") << true;
    QTest::newRow("second pass under the pause") << false;
}

void TestConsistentBackup::writeAtTheResumeIsReadByTheNextBackup()
{
    // The resume hook rewrites state.txt at once with as many bytes. The next backup has no change tracking carried
    // over (as after a restart of tidemarkd): its restic pass finds the file changed by its times alone, which it can
    // only if the write's change time is later than any the first backup recorded. So the resume waits for the clock
    // that file times are taken from to pass the last look inside the pause. Without the wait, the two-pass
    // fallback's resume began within the same 4 ms tick in every run tried; the composed path's did not.
    QFETCH(bool, compose);
    const QString state = m_mount + QStringLiteral("/state.txt");
    QVERIFY(writeFile(state, "runnin"));
    ResticRepository repository(ResticRepository::Settings::inDirectory(m_dir->filePath(QStringLiteral("repo"))));
    const ResticResult init = runJob(repository.ensureInitialised());
    QVERIFY2(init.ok(), qPrintable(init.errorString));
    const auto backUp = [&](const QString& id, const Environment& environment) {
        BackupOperation operation(
            repository, m_dir->filePath(QStringLiteral("staging")), QStringLiteral("p"), environment, id, true);
        operation.setRepositoryKnownReady(true);
        operation.setComposeAllowed(compose);
        operation.setChangeTracker(std::make_shared<ChangeTracker>()); // nothing carried over from a backup before
        QStringList log;
        connect(&operation, &BackupOperation::logLine, this, [&log](const QString& line) { log.append(line); });
        std::optional<Operation::Outcome> outcome;
        connect(&operation, &Operation::finished, this, [&outcome](const Operation::Outcome& o) { outcome = o; });
        operation.start();
        if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 120000)
            || outcome->kind != Operation::Outcome::Kind::Success) {
            qWarning("%s", qPrintable(log.join(QLatin1Char('\n'))));
            return BackupOperation::Result();
        }
        return operation.result();
    };
    const BackupOperation::Result first = backUp(QStringLiteral("b1"),
        environmentWith(
            QStringLiteral("printf paused > '%1'").arg(state), QStringLiteral("printf resumd > '%1'").arg(state)));
    QVERIFY(!first.snapshotId.isEmpty());
    QCOMPARE(readFile(state), QByteArray("resumd"));
    QVERIFY(first.lastLookClockNs > 0);
    QVERIFY2(first.resumeClockNs > first.lastLookClockNs,
        qPrintable(QStringLiteral("last look %1, resume %2").arg(first.lastLookClockNs).arg(first.resumeClockNs)));

    const BackupOperation::Result next
        = backUp(QStringLiteral("b2"), environmentWith(QStringLiteral("true"), QStringLiteral("true")));
    QVERIFY(!next.snapshotId.isEmpty());
    const QString restored = m_dir->filePath(QStringLiteral("restored"));
    const ResticResult restore = runJob(repository.restore(next.snapshotId, restored));
    QVERIFY2(restore.ok(), qPrintable(restore.errorString));
    QCOMPARE(readFile(restored + state), QByteArray("resumd"));
}

void TestConsistentBackup::failedResumeWhileTheSnapshotIsWritten_data()
{
    QTest::addColumn<QString>("resumeHook");
    QTest::addColumn<int>("pausedWrite"); // MiB the pause hook writes, which the snapshot's writing then stores
    QTest::addColumn<bool>("hookEndsFirst");
    // The snapshot is written while the resume hook runs: the hook fails before the writing ends, or after it. The
    // margins are wide: 32 MiB to store against a shell's start, a second's sleep against a small tree.
    QTest::newRow("the hook fails at once") << QStringLiteral("exit 3") << 32 << true;
    QTest::newRow("the hook fails later") << QStringLiteral("sleep 1; exit 3") << 0 << false;
}

void TestConsistentBackup::failedResumeWhileTheSnapshotIsWritten()
{
    QFETCH(QString, resumeHook);
    QFETCH(int, pausedWrite);
    QFETCH(bool, hookEndsFirst);
    const QString state = m_mount + QStringLiteral("/state.txt");
    QVERIFY(writeFile(state, "running"));
    ResticRepository repository(ResticRepository::Settings::inDirectory(m_dir->filePath(QStringLiteral("repo"))));
    const ResticResult init = runJob(repository.ensureInitialised());
    QVERIFY2(init.ok(), qPrintable(init.errorString));
    QString pauseHook = QStringLiteral("printf paused > '%1'").arg(state);
    if (pausedWrite > 0) {
        pauseHook += QStringLiteral(" && head -c %1 /dev/urandom > '%2/paused.bin'")
                         .arg(pausedWrite * 1024 * 1024)
                         .arg(m_mount);
    }
    const Environment environment
        = environmentWith(pauseHook, QStringLiteral("printf resumd > '%1'; ").arg(state) + resumeHook);
    const QString staging = m_dir->filePath(QStringLiteral("staging"));
    BackupOperation operation(repository, staging, QStringLiteral("p"), environment, QStringLiteral("b1"), true);
    operation.setRepositoryKnownReady(true);
    operation.setChangeTracker(std::make_shared<ChangeTracker>());
    QStringList log;
    connect(&operation, &BackupOperation::logLine, this, [&log](const QString& line) { log.append(line); });
    QList<Operation::Outcome> outcomes;
    connect(&operation, &Operation::finished, this, [&outcomes](const Operation::Outcome& o) { outcomes.append(o); });
    operation.start();
    QTRY_VERIFY_WITH_TIMEOUT(!outcomes.isEmpty(), 120000);
    const QString text = log.join(QLatin1Char('\n'));

    // The backup failed for its resume hook, and ended once, after the snapshot was written: what it wrote is named
    // in its result, for the engine to forget.
    QVERIFY2(outcomes.first().kind == Operation::Outcome::Kind::Failure, qPrintable(text));
    QVERIFY2(outcomes.first().message.contains(QStringLiteral("resume hook failed (exit status 3)")),
        qPrintable(outcomes.first().message));
    const auto indexOf = [&log](const QString& part) { return lineIndex(log, part, true); };
    const qsizetype writing = indexOf(QStringLiteral("Writing the backup's snapshot"));
    const qsizetype resumed = indexOf(QStringLiteral("Resumed the environment after a pause of"));
    const qsizetype written = indexOf(QStringLiteral("the backup's snapshot is"));
    QVERIFY2(writing >= 0 && resumed > writing && written > writing, qPrintable(text));
    QVERIFY2((resumed < written) == hookEndsFirst, qPrintable(text));
    QVERIFY(!operation.result().snapshotId.isEmpty());
    QVERIFY2(indexOf(QStringLiteral("restic ran")) < 0, qPrintable(text)); // said of a backup that succeeded only
    QCOMPARE(readFile(state), QByteArray("resumd"));
    const QString own = staging + QStringLiteral("/environment-p-main");
    QVERIFY(!QFileInfo::exists(own));
    QVERIFY(!QFileInfo::exists(own + QStringLiteral("-captured")));
    QTest::qWait(100);
    QCOMPARE(outcomes.size(), 1);
}

QTEST_GUILESS_MAIN(TestConsistentBackup)
#include "tst_consistentbackup.moc"
