// The mirror a consistent backup reads: which files are copied, what the placeholders carry, what the kernel reports
// changed, that the mirror (read-only directories included) goes on from one backup to the next, and that a
// consistent backup holds the paused state with the mirror and with its fallback (a second pass under the pause).
#include "engine/backupoperation.h"
#include "engine/changetracker.h"
#include "engine/frozenview.h"
#include "engine/removetree.h"
#include "engine/resticrepository.h"
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

class TestFrozenView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mirrorCopiesOnlyWhatChanged();
    void trackerReportsWhatChanged();
    void mirrorOfUnreadableTreeFails();
    void backupHoldsThePausedState_data();
    void backupHoldsThePausedState();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QDeadlineTimer m_settled; // when the files init() wrote are older than the frozen view's margin
    QString m_code;
    QString m_mount;
    QString m_view;
};

void TestFrozenView::initTestCase()
{
    // The engine's log uses plural forms ("1 file", "2 files"), as tidemarkd does.
    Translator::install(*QCoreApplication::instance());
}

void TestFrozenView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_code = m_dir->filePath(QStringLiteral("env/code"));
    m_mount = m_dir->filePath(QStringLiteral("env/files"));
    m_view = m_dir->filePath(QStringLiteral("view"));
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
    m_settled.setRemainingTime(FrozenView::kRacyMarginNs / 1'000'000 + 100);
}

void TestFrozenView::cleanup()
{
    // The environment has a read-only directory: removeTree() opens it up.
    QVERIFY(removeTree(m_dir->path()));
}

void TestFrozenView::mirrorCopiesOnlyWhatChanged()
{
    const QStringList roots {m_code, m_mount};
    FrozenView::Mirror mirror(m_view);
    const QString tree = mirror.treeRoot();
    const QString snapshot(64, QLatin1Char('a'));
    bool asked = false;
    const auto exists = [&](const QString& id) {
        asked = true;
        return id == snapshot;
    };

    // First: no state, so everything is copied.
    QVERIFY(!mirror.open(roots, exists).isEmpty());
    QVERIFY(mirror.isFresh());
    QVERIFY(mirror.parentSnapshotId().isEmpty());
    FrozenView::Mirror::Round round = mirror.syncAll();
    QVERIFY2(round.error.isEmpty(), qPrintable(round.error));
    QCOMPARE(round.copied, qint64(8)); // every name of every regular file
    QCOMPARE(round.bytes, qint64(29 + 7 + 100000 + 6 + 4 + 9 + 6)); // keep.bin once: its second name is a link
    QCOMPARE(mirror.filesCopied(), qint64(8));
    QCOMPARE(mirror.filesUnchanged(), qint64(0));
    QCOMPARE(readFile(tree + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k'));
    // The files are older than the margin once the pause that recorded them ends.
    QTest::qWait(int(std::max<qint64>(0, m_settled.remainingTime())));
    QCOMPARE(mirror.commit(snapshot, QDateTime::currentMSecsSinceEpoch() * 1'000'000), QString());
    QCOMPARE(readFile(tree + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k')); // until emptied
    mirror.emptyCopies();

    // Committed: copies are placeholders again, with their inode, size, mode and time, and no data.
    const struct stat original = statOf(m_mount + QStringLiteral("/keep.bin"));
    const struct stat placeholder = statOf(tree + m_mount + QStringLiteral("/keep.bin"));
    QCOMPARE(placeholder.st_size, original.st_size);
    QCOMPARE(mtimeNs(placeholder), mtimeNs(original));
    QCOMPARE(placeholder.st_mode, original.st_mode);
    QCOMPARE(placeholder.st_blocks, blkcnt_t(0));
    QCOMPARE(statOf(tree + m_mount + QStringLiteral("/read-only/keep-again.bin")).st_ino, placeholder.st_ino);
    QCOMPARE(placeholder.st_nlink, nlink_t(2));
    // Links, special files, empty and read-only directories with their metadata.
    const QString treeMount = tree + m_mount;
    QCOMPARE(QFileInfo(treeMount + QStringLiteral("/link")).symLinkTarget(), treeMount + QStringLiteral("/keep.bin"));
    QVERIFY(S_ISFIFO(statOf(treeMount + QStringLiteral("/pipe")).st_mode));
    QCOMPARE(statOf(treeMount + QStringLiteral("/pipe")).st_mode, statOf(m_mount + QStringLiteral("/pipe")).st_mode);
    QVERIFY(QFileInfo(treeMount + QStringLiteral("/empty")).isDir());
    const struct stat readOnly = statOf(treeMount + QStringLiteral("/read-only"));
    QCOMPARE(readOnly.st_mode, statOf(m_mount + QStringLiteral("/read-only")).st_mode);
    QCOMPARE(mtimeNs(readOnly), mtimeNs(statOf(m_mount + QStringLiteral("/read-only"))));

    // Meanwhile: a rewrite, a same-size rewrite that keeps the time, a new file, a removal.
    QVERIFY(writeFile(m_mount + QStringLiteral("/rewritten.txt"), "second version"));
    QVERIFY(rewriteKeepingTime(m_mount + QStringLiteral("/same-time.txt"), "bbbb"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/new.txt"), "new"));
    QVERIFY(QFile::remove(m_mount + QStringLiteral("/deleted.txt")));

    // The next backup goes on from the state: only the changes are copied, as new files (new inodes).
    FrozenView::Mirror again(m_view);
    QCOMPARE(again.open(roots, exists), QString());
    QVERIFY(asked);
    QCOMPARE(again.parentSnapshotId(), snapshot);
    const ino_t keepInode = placeholder.st_ino;
    const ino_t rewrittenInode = statOf(treeMount + QStringLiteral("/rewritten.txt")).st_ino;
    round = again.syncAll();
    QVERIFY2(round.error.isEmpty(), qPrintable(round.error));
    QCOMPARE(round.copied, qint64(3));
    QCOMPARE(round.bytes, qint64(14 + 4 + 3));
    QCOMPARE(round.removed, qint64(1));
    QCOMPARE(again.filesCopied(), qint64(3));
    QCOMPARE(again.filesUnchanged(), qint64(5)); // main.c, README, keep.bin and its second name, inside.txt
    QCOMPARE(readFile(treeMount + QStringLiteral("/rewritten.txt")), QByteArray("second version"));
    QCOMPARE(readFile(treeMount + QStringLiteral("/same-time.txt")), QByteArray("bbbb"));
    QCOMPARE(readFile(treeMount + QStringLiteral("/new.txt")), QByteArray("new"));
    QVERIFY(!QFileInfo::exists(treeMount + QStringLiteral("/deleted.txt")));
    QVERIFY(statOf(treeMount + QStringLiteral("/rewritten.txt")).st_ino != rewrittenInode);
    QCOMPARE(statOf(treeMount + QStringLiteral("/keep.bin")).st_ino, keepInode);
    QCOMPARE(mtimeNs(statOf(treeMount + QStringLiteral("/same-time.txt"))),
        mtimeNs(statOf(m_mount + QStringLiteral("/same-time.txt"))));

    // Emptied copies leave no marker behind: the next backup goes on from them.
    QCOMPARE(again.commit(snapshot, QDateTime::currentMSecsSinceEpoch() * 1'000'000), QString());
    again.emptyCopies();
    QVERIFY(!QFileInfo::exists(m_view + QStringLiteral("/emptying")));
    QCOMPARE(readFile(treeMount + QStringLiteral("/new.txt")), QByteArray(3, '\0')); // emptied, size kept
    {
        FrozenView::Mirror next(m_view);
        QCOMPARE(next.open(roots, exists), QString());
        QVERIFY(!next.isFresh());
    }
    // tidemarkd stopped while emptying: a copy may be empty with new times, so the mirror starts afresh.
    {
        QFile marker(m_view + QStringLiteral("/emptying"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
    }
    {
        FrozenView::Mirror cutOff(m_view);
        const QString note = cutOff.open(roots, exists);
        QVERIFY2(note.contains(QLatin1String("emptied")), qPrintable(note));
        QVERIFY(cutOff.isFresh());
        QVERIFY(!QFileInfo::exists(m_view + QStringLiteral("/emptying")));
        QCOMPARE(cutOff.syncAll().error, QString());
        QCOMPARE(cutOff.commit(snapshot, QDateTime::currentMSecsSinceEpoch() * 1'000'000), QString());
        cutOff.emptyCopies();
    }

    // A snapshot that is gone, or a round that did not finish, starts afresh.
    FrozenView::Mirror again2(m_view);
    QCOMPARE(again2.open(roots, exists), QString());
    again2.discard();
    FrozenView::Mirror third(m_view);
    QVERIFY(!third.open(roots, exists).isEmpty());
    QVERIFY(third.isFresh());
    QVERIFY(!QFileInfo::exists(treeMount));
}

void TestFrozenView::trackerReportsWhatChanged()
{
    if (ChangeTracker::disabledByEnvironment())
        QSKIP("change tracking is switched off");
    const QStringList roots {m_code, m_mount};
    FrozenView::Mirror mirror(m_view);
    mirror.open(roots, [](const QString&) { return false; });
    ChangeTracker tracker;
    QString error;
    QVERIFY2(tracker.start(roots, &error), qPrintable(error));
    QVERIFY(mirror.syncAll().error.isEmpty());

    // After the scan: a rewrite, a new directory with a file, a removal, a rename.
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

    // Only those paths (and their directories) are looked at; the mirror then equals the environment.
    const FrozenView::Mirror::Round round = mirror.syncPaths(changes.paths);
    QVERIFY2(round.error.isEmpty(), qPrintable(round.error));
    QVERIFY2(round.examined <= changes.paths.size() + 2, qPrintable(QString::number(round.examined)));
    const QString tree = mirror.treeRoot();
    QCOMPARE(readFile(tree + m_mount + QStringLiteral("/rewritten.txt")), QByteArray("changed after the scan"));
    QCOMPARE(readFile(tree + m_mount + QStringLiteral("/new/deeper/file.txt")), QByteArray("deep"));
    QVERIFY(!QFileInfo::exists(tree + m_mount + QStringLiteral("/deleted.txt")));
    QVERIFY(!QFileInfo::exists(tree + m_code + QStringLiteral("/README")));
    QCOMPARE(readFile(tree + m_code + QStringLiteral("/README.md")), QByteArray("readme\n"));
    QCOMPARE(mtimeNs(statOf(tree + m_mount)), mtimeNs(statOf(m_mount)));
    QCOMPARE(mtimeNs(statOf(tree + m_code)), mtimeNs(statOf(m_code)));

    // New directories are watched from then on.
    QVERIFY(writeFile(m_mount + QStringLiteral("/new/deeper/later.txt"), "later"));
    QCOMPARE(
        tracker.take().paths, QSet<QByteArray>({QFile::encodeName(m_mount + QStringLiteral("/new/deeper/later.txt"))}));
}

void TestFrozenView::mirrorOfUnreadableTreeFails()
{
    FrozenView::Mirror mirror(m_view);
    mirror.open({m_code, m_dir->filePath(QStringLiteral("no-such-mount"))}, [](const QString&) { return false; });
    const FrozenView::Mirror::Round round = mirror.syncAll();
    QVERIFY(!round.error.isEmpty());
    QVERIFY2(round.error.contains(QStringLiteral("no-such-mount")), qPrintable(round.error));
}

void TestFrozenView::backupHoldsThePausedState_data()
{
    QTest::addColumn<bool>("frozenView");
    QTest::newRow("frozen view") << true;
    QTest::newRow("second pass under the pause") << false;
}

void TestFrozenView::backupHoldsThePausedState()
{
    QFETCH(bool, frozenView);
    // The pause hook writes the state to keep; the resume hook overwrites it (same size) at once.
    const QString state = m_mount + QStringLiteral("/state.txt");
    QVERIFY(writeFile(state, "running"));
    ResticRepository repository(ResticRepository::Settings::inDirectory(m_dir->filePath(QStringLiteral("repo"))));
    const ResticResult init = runJob(repository.ensureInitialised());
    QVERIFY2(init.ok(), qPrintable(init.errorString));

    Environment environment;
    environment.id = environment.name = QStringLiteral("main");
    environment.status = Environment::Status::Active;
    LocalDescriptor local;
    local.codePath = m_code;
    local.mounts.append({QStringLiteral("files"), m_mount});
    local.pauseHook = QStringLiteral("printf paused > '%1'").arg(state);
    local.resumeHook = QStringLiteral("printf resumd > '%1'").arg(state);
    environment.local = local;
    // Files written just before the backup are copied whatever happens; the others must be old enough to be
    // trusted, so that restic takes placeholders (with the view) as unchanged.
    QTest::qWait(int(std::max<qint64>(0, m_settled.remainingTime())));
    BackupOperation operation(repository, m_dir->filePath(QStringLiteral("staging")), QStringLiteral("p"), environment,
        QStringLiteral("b1"), true);
    operation.setRepositoryKnownReady(true);
    operation.setComposeAllowed(frozenView);
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

    // Where the second pass runs: after the resume with the view, before it without.
    const auto indexOf = [&log](const QString& start) {
        for (qsizetype i = 0; i < log.size(); ++i) {
            if (log.at(i).startsWith(start))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype resumed = indexOf(QStringLiteral("Resumed the environment"));
    const qsizetype secondPass
        = indexOf(frozenView ? QStringLiteral("Writing the backup's snapshot") : QStringLiteral("Second pass"));
    QVERIFY2(resumed >= 0 && secondPass >= 0, qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(secondPass > resumed, frozenView);
    if (frozenView && !ChangeTracker::disabledByEnvironment()) {
        // Only state.txt, which the pause hook wrote, was looked at and copied during the pause.
        QVERIFY2(
            indexOf(QStringLiteral("Captured while paused: the kernel reported 1 changed path; 1 file copied")) >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(operation.result().pauseExamined, qint64(1)); // state.txt
    }
    QCOMPARE(operation.result().resticStarts, frozenView ? 1 : 2);
    QCOMPARE(operation.result().pauseMs >= 0, true);

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
    if (!frozenView)
        return;

    // The next backup goes on from the mirror: one restic pass that reads only state.txt, which changed.
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
        indexOf(QStringLiteral("Stored the environment while it ran: 9 files (0 new, 1 changed, 8 unchanged)")) >= 0,
        qPrintable(log.join(QLatin1Char('\n'))));
    QCOMPARE(next.result().resticStarts, 1);
    if (!ChangeTracker::disabledByEnvironment()) {
        QVERIFY2(
            indexOf(QStringLiteral("Captured while paused: the kernel reported 1 changed path; 1 file copied")) >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
    }
    const QString again = m_dir->filePath(QStringLiteral("restored-again"));
    const ResticResult second = runJob(repository.restore(next.result().snapshotId, again));
    QVERIFY2(second.ok(), qPrintable(second.errorString));
    QCOMPARE(readFile(again + state), QByteArray("paused"));
    QCOMPARE(readFile(again + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k'));
    QCOMPARE(readFile(again + m_code + QStringLiteral("/README")), QByteArray("readme\n"));
}

QTEST_GUILESS_MAIN(TestFrozenView)
#include "tst_frozenview.moc"
