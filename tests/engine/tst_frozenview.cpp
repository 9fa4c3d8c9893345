// The paused state a consistent backup's second pass reads: which files are copied during the pause, what the
// placeholders carry, that the view (read-only directories included) can be removed again, and that a consistent
// backup holds the paused state with the view and with its fallback (the second pass under the pause).
#include "engine/backupoperation.h"
#include "engine/frozenview.h"
#include "engine/removetree.h"
#include "engine/resticrepository.h"

#include <fcntl.h>
#include <QCryptographicHash>
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
    void init();
    void cleanup();
    void changedFilesAreCopiedTheRestBecomesPlaceholders();
    void filesChangedJustBeforeTheScanAreCopied();
    void pausedScanThatCannotReadFails();
    void backupHoldsThePausedState_data();
    void backupHoldsThePausedState();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QDeadlineTimer m_settled; // when the files init() wrote are older than the frozen view's margin
    QString m_code;
    QString m_mount;
    QString m_view;
};

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

void TestFrozenView::changedFilesAreCopiedTheRestBecomesPlaceholders()
{
    const QStringList roots {m_code, m_mount};
    const TreeState::Scan before = TreeState::scan(roots);
    QVERIFY(before.error.isEmpty());
    QVERIFY(before.entries.contains(QFile::encodeName(m_mount + QStringLiteral("/pipe"))));

    // Meanwhile (the pre-pass runs): a rewrite, a same-size rewrite that keeps the time, a new file, a removal.
    QVERIFY(writeFile(m_mount + QStringLiteral("/rewritten.txt"), "second version"));
    QVERIFY(rewriteKeepingTime(m_mount + QStringLiteral("/same-time.txt"), "bbbb"));
    QVERIFY(writeFile(m_mount + QStringLiteral("/new.txt"), "new"));
    QVERIFY(QFile::remove(m_mount + QStringLiteral("/deleted.txt")));

    // A margin of 0: every file was written before the first scan began, so only the changes count.
    const FrozenView::Frozen frozen = FrozenView::freeze(roots, before, m_view, 0);
    QVERIFY2(frozen.error.isEmpty(), qPrintable(frozen.error));
    QStringList copied;
    for (const QByteArray& path : frozen.copied)
        copied.append(QFile::decodeName(path).mid(m_dir->path().size() + 1));
    copied.sort();
    QCOMPARE(copied,
        QStringList({QStringLiteral("env/files/new.txt"), QStringLiteral("env/files/rewritten.txt"),
            QStringLiteral("env/files/same-time.txt")}));
    QCOMPARE(frozen.bytesCopied, qint64(3 + 14 + 4));

    // Changes after the pause (the environment runs again) do not reach the view.
    QVERIFY(writeFile(m_mount + QStringLiteral("/rewritten.txt"), "third, after the resume"));
    const FrozenView::Completed completed = FrozenView::complete(frozen, m_view);
    QVERIFY2(completed.error.isEmpty(), qPrintable(completed.error));
    QCOMPARE(completed.placeholders, qint64(5)); // main.c, README, keep.bin and its second name, inside.txt
    QVERIFY(completed.skipped.isEmpty());

    const QString viewMount = m_view + m_mount;
    QCOMPARE(readFile(viewMount + QStringLiteral("/rewritten.txt")), QByteArray("second version"));
    QCOMPARE(readFile(viewMount + QStringLiteral("/same-time.txt")), QByteArray("bbbb"));
    QCOMPARE(readFile(viewMount + QStringLiteral("/new.txt")), QByteArray("new"));
    QVERIFY(!QFileInfo::exists(viewMount + QStringLiteral("/deleted.txt")));
    // Copies are one nanosecond younger than the file, so restic reads them even where size and time stayed.
    QCOMPARE(mtimeNs(statOf(viewMount + QStringLiteral("/same-time.txt"))),
        mtimeNs(statOf(m_mount + QStringLiteral("/same-time.txt"))) + 1);

    // Placeholders: the size, mode and modification time the first scan saw, and no data.
    const struct stat original = statOf(m_mount + QStringLiteral("/keep.bin"));
    const struct stat placeholder = statOf(viewMount + QStringLiteral("/keep.bin"));
    QCOMPARE(placeholder.st_size, original.st_size);
    QCOMPARE(mtimeNs(placeholder), mtimeNs(original));
    QCOMPARE(placeholder.st_mode, original.st_mode);
    QCOMPARE(placeholder.st_blocks, blkcnt_t(0));
    QCOMPARE(statOf(m_view + m_code + QStringLiteral("/src/main.c")).st_size,
        statOf(m_code + QStringLiteral("/src/main.c")).st_size);

    // Links, special files, empty and read-only directories with their metadata.
    QCOMPARE(QFileInfo(viewMount + QStringLiteral("/link")).symLinkTarget(), viewMount + QStringLiteral("/keep.bin"));
    QVERIFY(S_ISFIFO(statOf(viewMount + QStringLiteral("/pipe")).st_mode));
    QCOMPARE(statOf(viewMount + QStringLiteral("/pipe")).st_mode, statOf(m_mount + QStringLiteral("/pipe")).st_mode);
    QVERIFY(QFileInfo(viewMount + QStringLiteral("/empty")).isDir());
    const struct stat readOnly = statOf(viewMount + QStringLiteral("/read-only"));
    QCOMPARE(readOnly.st_mode, statOf(m_mount + QStringLiteral("/read-only")).st_mode);
    QCOMPARE(mtimeNs(readOnly), mtimeNs(statOf(m_mount + QStringLiteral("/read-only"))));
    QVERIFY(QFileInfo::exists(viewMount + QStringLiteral("/read-only/inside.txt")));
    // Hard links stay links.
    QCOMPARE(statOf(viewMount + QStringLiteral("/read-only/keep-again.bin")).st_ino, placeholder.st_ino);
    QCOMPARE(placeholder.st_nlink, nlink_t(2));

    QVERIFY(removeTree(m_view));
    QVERIFY(!QFileInfo::exists(m_view));
}

void TestFrozenView::filesChangedJustBeforeTheScanAreCopied()
{
    // Written just before the first scan: the same clock tick could hide a later write, so nothing is trusted.
    const QStringList roots {m_code, m_mount};
    const TreeState::Scan before = TreeState::scan(roots);
    const FrozenView::Frozen frozen = FrozenView::freeze(roots, before, m_view);
    QVERIFY2(frozen.error.isEmpty(), qPrintable(frozen.error));
    QCOMPARE(frozen.copied.size(), 8); // every name of every regular file
    QCOMPARE(frozen.bytesCopied, qint64(29 + 7 + 100000 + 6 + 4 + 9 + 6)); // keep.bin once
    const FrozenView::Completed completed = FrozenView::complete(frozen, m_view);
    QVERIFY2(completed.error.isEmpty(), qPrintable(completed.error));
    QCOMPARE(completed.placeholders, qint64(0));
    QCOMPARE(readFile(m_view + m_mount + QStringLiteral("/keep.bin")), QByteArray(100000, 'k'));
    QCOMPARE(statOf(m_view + m_mount + QStringLiteral("/read-only/keep-again.bin")).st_ino,
        statOf(m_view + m_mount + QStringLiteral("/keep.bin")).st_ino);
    QVERIFY(removeTree(m_view));
}

void TestFrozenView::pausedScanThatCannotReadFails()
{
    const TreeState::Scan before = TreeState::scan({m_code});
    const FrozenView::Frozen frozen
        = FrozenView::freeze({m_code, m_dir->filePath(QStringLiteral("no-such-mount"))}, before, m_view);
    QVERIFY(!frozen.error.isEmpty());
    QVERIFY2(frozen.error.contains(QStringLiteral("no-such-mount")), qPrintable(frozen.error));
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
    operation.setFrozenViewAllowed(frozenView);
    QStringList log;
    connect(&operation, &BackupOperation::logLine, this, [&log](const QString& line) { log.append(line); });
    std::optional<Operation::Outcome> outcome;
    connect(&operation, &Operation::finished, this, [&outcome](const Operation::Outcome& o) { outcome = o; });
    operation.start();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 120000);
    QVERIFY2(outcome->kind == Operation::Outcome::Kind::Success, qPrintable(outcome->message));
    QCOMPARE(readFile(state), QByteArray("resumd"));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("staging/backup-b1"))));

    // Where the second pass runs: after the resume with the view, before it without.
    const auto indexOf = [&log](const QString& start) {
        for (qsizetype i = 0; i < log.size(); ++i) {
            if (log.at(i).startsWith(start))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype resumed = indexOf(QStringLiteral("Resumed the environment"));
    const qsizetype secondPass = indexOf(QStringLiteral("Second pass"));
    QVERIFY(resumed >= 0 && secondPass >= 0);
    QCOMPARE(secondPass > resumed, frozenView);
    if (frozenView) {
        // Only state.txt was copied (written just before and by the pause hook); the rest came from the pre-pass.
        QVERIFY2(indexOf(QStringLiteral("Copied while paused: changed files: 1 ")) >= 0,
            qPrintable(log.join(QLatin1Char('\n'))));
    }
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
}

QTEST_GUILESS_MAIN(TestFrozenView)
#include "tst_frozenview.moc"
