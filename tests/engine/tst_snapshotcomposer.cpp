// A consistent backup's snapshot composed from a live restic pass and what changed after it, against restic itself:
// restored, the composed snapshot is the tree as it is after the changes (contents, modes, times, links, hard links,
// FIFOs, folders made, moved and removed); `restic check --read-data` finds the repository sound; restic's next
// backup with it as parent reads nothing (the recorded metadata is what restic would record) and stores no data (the
// captured files were cut where restic cuts them).
#include "engine/changetracker.h"
#include "engine/repositoryreader.h"
#include "engine/snapshotcomposer.h"
#include "engine/treestate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>
#include <unistd.h>

class TestSnapshotComposer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void composedIsTheChangedTree_data();
    void composedIsTheChangedTree();
    void nothingChangedKeepsThePass();
    void unusualNamesAreLeftToRestic();

private:
    QByteArray restic(const QStringList& arguments, bool* ok = nullptr);
    void makeRepo(const QString& version);
    // A restic backup of the tree as the engine runs it (from "/", the tree's path relative to it); its summary.
    QJsonObject backup(const QStringList& extra = {});
    QStringList snapshotIds() const;
    // Every entry under `root` by relative path: type, mode, size, modification time, content hash or link target.
    static QMap<QString, QString> describe(const QString& root, QHash<QString, quint64>* inodes = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_tree;
    QString m_repo;
    QString m_password;
};

namespace {

bool writeFile(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray data(n, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32*>(data.data()), n / 4);
    return data;
}

} // namespace

void TestSnapshotComposer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_tree = m_dir->filePath(QStringLiteral("site"));
    m_repo = m_dir->filePath(QStringLiteral("repo"));
    m_password = m_dir->filePath(QStringLiteral("password"));
    QVERIFY(writeFile(m_password, "composer test password\n"));
}

QByteArray TestSnapshotComposer::restic(const QStringList& arguments, bool* ok)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), m_repo);
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), m_password);
    env.insert(QStringLiteral("RESTIC_CACHE_DIR"), m_dir->filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.start(QStringLiteral("restic"), arguments);
    const bool finished = p.waitForFinished(180000);
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = good;
    if (!good)
        qWarning("restic %s: %s", qPrintable(arguments.join(u' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

void TestSnapshotComposer::makeRepo(const QString& version)
{
    bool ok = false;
    restic({QStringLiteral("init"), QStringLiteral("--repository-version"), version}, &ok);
    QVERIFY(ok);
}

QJsonObject TestSnapshotComposer::backup(const QStringList& extra)
{
    bool ok = false;
    const QByteArray out = restic(
        QStringList {QStringLiteral("backup"), QStringLiteral("--json"), QStringLiteral("--host"), QStringLiteral("t")}
            + extra + QStringList {m_tree.mid(1)},
        &ok);
    for (const QByteArray& line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("message_type")).toString() == QLatin1String("summary"))
            return o;
    }
    return {};
}

QStringList TestSnapshotComposer::snapshotIds() const
{
    return QDir(m_repo + QStringLiteral("/snapshots")).entryList(QDir::Files);
}

QMap<QString, QString> TestSnapshotComposer::describe(const QString& root, QHash<QString, quint64>* inodes)
{
    QMap<QString, QString> out;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        const QString relative = path.mid(root.size());
        QString text = QStringLiteral("mode %1 mtime %2.%3")
                           .arg(st.st_mode, 0, 8)
                           .arg(st.st_mtim.tv_sec)
                           .arg(st.st_mtim.tv_nsec);
        if (S_ISREG(st.st_mode)) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) {
                text += QStringLiteral(" size %1 sha %2")
                            .arg(st.st_size)
                            .arg(QString::fromLatin1(
                                QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().left(16)));
            }
            if (inodes)
                inodes->insert(relative, st.st_ino);
        } else if (S_ISLNK(st.st_mode)) {
            // Its target as written; a link's own times are not restored.
            char target[4096];
            const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
            text = QStringLiteral("link -> ") + QString::fromUtf8(target, n < 0 ? 0 : n);
        } else if (S_ISDIR(st.st_mode)) {
            text = QStringLiteral("dir mode %1").arg(st.st_mode, 0, 8); // times change as restic fills it
        }
        out.insert(relative, text);
    }
    return out;
}

void TestSnapshotComposer::composedIsTheChangedTree_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("scan");
    // Stored: the files are stored as they are captured while the environment runs (not copied), and what changes
    // after that is captured again, copied, as in the pause.
    QTest::addColumn<bool>("stored");
    QTest::newRow("format 2, kernel reports") << QStringLiteral("2") << false << false;
    QTest::newRow("format 2, change times scanned") << QStringLiteral("2") << true << false;
    QTest::newRow("format 1, kernel reports") << QStringLiteral("1") << false << false;
    QTest::newRow("format 2, stored while running") << QStringLiteral("2") << false << true;
    QTest::newRow("format 1, stored while running") << QStringLiteral("1") << false << true;
}

void TestSnapshotComposer::composedIsTheChangedTree()
{
    QFETCH(QString, version);
    QFETCH(bool, scan);
    QFETCH(bool, stored);
    makeRepo(version);
    // The tree as the live pass finds it. The hard links first: the scan below takes whatever changed shortly before
    // the pass as changed, and a changed file with hard links is left to restic.
    // A name restic writes with escapes, in a folder where something changes: its node is kept as restic wrote it.
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/sub/quo\"te\\back"), "odd name\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/h1"), "hard\n"));
    QVERIFY(::link(QFile::encodeName(m_tree + QStringLiteral("/files/h1")).constData(),
                QFile::encodeName(m_tree + QStringLiteral("/files/h2")).constData())
        == 0);
    QVERIFY(writeFile(m_tree + QStringLiteral("/code/index.php"), "<?php echo 1;\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/code/lib/util.php"), "<?php // util\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/a.txt"), "first\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/sub/b.txt"), "bee\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/big.bin"), randomBytes(20 * 1024 * 1024, 7)));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/empty"), QByteArray()));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/gone/deep/x.txt"), "to be removed\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/away/z.txt"), "to be moved\n"));
    QVERIFY(QFile::link(QStringLiteral("a.txt"), m_tree + QStringLiteral("/files/link")));
    QVERIFY(::mkfifo(QFile::encodeName(m_tree + QStringLiteral("/files/pipe")).constData(), 0640) == 0);

    ChangeTracker tracker;
    QString error;
    // The engine counts a second before the pass as during it (file times can be that coarse); ext4's are finer.
    const qint64 passStartedNs = QDateTime::currentMSecsSinceEpoch() * 1000000 - 10000000;
    if (!scan)
        QVERIFY2(tracker.start({m_tree}, &error), qPrintable(error));
    const QJsonObject pass = backup();
    QVERIFY(!pass.isEmpty());
    const QStringList before = snapshotIds();
    QCOMPARE(before.size(), 1);

    // What changes while restic reads (here: after it; the composer does not care when).
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/a.txt"), "second version, longer\n"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/sub/new.txt"), "new\n"));
    QVERIFY(QDir(m_tree + QStringLiteral("/files/gone")).removeRecursively());
    QVERIFY(QFile::rename(m_tree + QStringLiteral("/files/away"), m_tree + QStringLiteral("/files/moved")));
    QVERIFY(QFile::setPermissions(
        m_tree + QStringLiteral("/files/sub/b.txt"), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(QFile::remove(m_tree + QStringLiteral("/files/link")));
    QVERIFY(QFile::link(QStringLiteral("sub/b.txt"), m_tree + QStringLiteral("/files/link")));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/made/deep/er/c.txt"), "made\n"));
    QVERIFY(QFile::remove(m_tree + QStringLiteral("/files/empty")));
    {
        // One MiB in the middle of the big file: the other chunks stay as restic stored them.
        QFile big(m_tree + QStringLiteral("/files/big.bin"));
        QVERIFY(big.open(QIODevice::ReadWrite));
        QVERIFY(big.seek(9 * 1024 * 1024));
        QVERIFY(big.write(randomBytes(1024 * 1024, 8)) == 1024 * 1024);
    }
    QVERIFY(writeFile(m_tree + QStringLiteral("/code/new-top.php"), "<?php // new\n"));

    QSet<QByteArray> changed;
    if (scan) {
        const TreeState::Scan now = TreeState::scan({m_tree});
        QVERIFY(now.error.isEmpty());
        for (auto it = now.entries.cbegin(); it != now.entries.cend(); ++it) {
            if (it->ctimeNs >= passStartedNs)
                changed.insert(it.key());
        }
    } else {
        const ChangeTracker::Changes changes = tracker.take();
        QVERIFY(changes.complete);
        changed = changes.paths;
        // Only what changed: not the code's unchanged files.
        QVERIFY(!changed.contains(QFile::encodeName(m_tree + QStringLiteral("/code/index.php"))));
    }
    QVERIFY(!changed.isEmpty());

    QString openError;
    const auto reader = RepositoryReader::open(m_repo, m_password, &openError);
    QVERIFY2(reader, qPrintable(openError));
    const auto passTree = reader->snapshotTree(before.first(), &openError);
    QVERIFY2(passTree, qPrintable(openError));
    SnapshotComposer::Capture capture;
    const QString copies = m_dir->filePath(QStringLiteral("copies"));
    QVERIFY(QDir().mkpath(copies));
    if (stored) {
        QVERIFY2(SnapshotComposer::openWriter(reader, capture, &error), qPrintable(error));
        SnapshotComposer::capture(
            *reader, *passTree, changed, copies, SnapshotComposer::Contents::Store, capture, true);
        QVERIFY2(capture.error.isEmpty(), qPrintable(capture.error));
        QVERIFY2(capture.unsupported.isEmpty(), qPrintable(capture.unsupported));
        QVERIFY(capture.stored >= 5);
        QCOMPARE(capture.copied, 0);
        QVERIFY(capture.deferred.isEmpty());
        // Changed again after it was stored: reported again, and the pause's copy replaces what was stored.
        const ChangeTracker::Changes stale = tracker.take(); // what storing itself may have reported
        Q_UNUSED(stale);
        QVERIFY(writeFile(m_tree + QStringLiteral("/files/a.txt"), "third version, in the pause\n"));
        const ChangeTracker::Changes again = tracker.take();
        QVERIFY(again.complete);
        QVERIFY(again.paths.contains(QFile::encodeName(m_tree + QStringLiteral("/files/a.txt"))));
        SnapshotComposer::capture(*reader, *passTree, again.paths, copies, SnapshotComposer::Contents::Copy, capture);
        QVERIFY2(capture.error.isEmpty(), qPrintable(capture.error));
        QVERIFY(capture.copied >= 1);
    } else {
        SnapshotComposer::capture(*reader, *passTree, changed, copies, SnapshotComposer::Contents::Copy, capture);
        QVERIFY2(capture.error.isEmpty(), qPrintable(capture.error));
        QVERIFY2(capture.unsupported.isEmpty(), qPrintable(capture.unsupported));
        QVERIFY(capture.copied >= 5);
    }
    const SnapshotComposer::Composed composed = SnapshotComposer::compose(reader, before.first(), capture);
    QVERIFY2(composed.error.isEmpty(), qPrintable(composed.error));
    QVERIFY(composed.snapshotId != before.first());
    QCOMPARE(snapshotIds(), QStringList {composed.snapshotId}); // the pass's snapshot is gone

    bool ok = false;
    const QByteArray check = restic({QStringLiteral("check"), QStringLiteral("--read-data")}, &ok);
    QVERIFY2(ok, check.constData());

    // Restored, the composed snapshot is the tree as it is now.
    const QString restored = m_dir->filePath(QStringLiteral("restored"));
    restic({QStringLiteral("restore"), composed.snapshotId, QStringLiteral("--target"), restored}, &ok);
    QVERIFY(ok);
    QHash<QString, quint64> inodes;
    const QMap<QString, QString> expected = describe(m_tree);
    const QMap<QString, QString> actual = describe(restored + m_tree, &inodes);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QVERIFY2(actual.value(it.key()) == it.value(),
            qPrintable(QStringLiteral("%1: %2 / %3").arg(it.key(), it.value(), actual.value(it.key()))));
    QCOMPARE(actual.keys(), expected.keys());
    QCOMPARE(inodes.value(QStringLiteral("/files/h1")), inodes.value(QStringLiteral("/files/h2")));

    // restic's own next backup with the composed snapshot as parent reads nothing: every node records what restic
    // would have recorded.
    const QJsonObject next = backup({QStringLiteral("--parent"), composed.snapshotId});
    QVERIFY(!next.isEmpty());
    QCOMPARE(next.value(QStringLiteral("files_new")).toInt(), 0);
    QCOMPARE(next.value(QStringLiteral("files_changed")).toInt(), 0);
    QVERIFY(next.value(QStringLiteral("files_unmodified")).toInt() > 10);
    // Read again in full, every file's chunks are already there: the composer cut them where restic cuts them.
    const QJsonObject forced = backup({QStringLiteral("--force")});
    QVERIFY(!forced.isEmpty());
    QCOMPARE(forced.value(QStringLiteral("data_blobs")).toInt(), 0);
}

void TestSnapshotComposer::nothingChangedKeepsThePass()
{
    makeRepo(QStringLiteral("2"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/code/index.php"), "<?php echo 1;\n"));
    QVERIFY(!backup().isEmpty());
    const QStringList before = snapshotIds();
    QString error;
    const auto reader = RepositoryReader::open(m_repo, m_password, &error);
    QVERIFY2(reader, qPrintable(error));
    SnapshotComposer::Capture capture;
    const auto passTree = reader->snapshotTree(before.first(), &error);
    QVERIFY(passTree);
    SnapshotComposer::capture(
        *reader, *passTree, {}, m_dir->filePath(QStringLiteral("copies")), SnapshotComposer::Contents::Copy, capture);
    QVERIFY(capture.entries.isEmpty());
    const SnapshotComposer::Composed composed = SnapshotComposer::compose(reader, before.first(), capture);
    QVERIFY2(composed.error.isEmpty(), qPrintable(composed.error));
    QCOMPARE(composed.snapshotId, before.first());
    QCOMPARE(snapshotIds(), before);
}

void TestSnapshotComposer::unusualNamesAreLeftToRestic()
{
    makeRepo(QStringLiteral("2"));
    QVERIFY(writeFile(m_tree + QStringLiteral("/files/a.txt"), "a\n"));
    QVERIFY(!backup().isEmpty());
    // restic quotes a backslash in a name: the composer does not write such a node.
    const QString odd = m_tree + QStringLiteral("/files/back\\slash");
    QVERIFY(writeFile(odd, "odd\n"));
    QString error;
    const auto reader = RepositoryReader::open(m_repo, m_password, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto passTree = reader->snapshotTree(snapshotIds().first(), &error);
    QVERIFY(passTree);
    SnapshotComposer::Capture capture;
    const QString copies = m_dir->filePath(QStringLiteral("copies"));
    QVERIFY(QDir().mkpath(copies));
    SnapshotComposer::capture(
        *reader, *passTree, {QFile::encodeName(odd)}, copies, SnapshotComposer::Contents::Copy, capture);
    QVERIFY(capture.error.isEmpty());
    QVERIFY2(capture.unsupported.contains(QStringLiteral("quotes")), qPrintable(capture.unsupported));

    // While the environment runs, a file that cannot be copied now (here: no folder for the copy) is left for the
    // pause, not dropped.
    SnapshotComposer::Capture running;
    SnapshotComposer::capture(*reader, *passTree, {QFile::encodeName(m_tree + QStringLiteral("/files/a.txt"))},
        m_dir->filePath(QStringLiteral("no-such-folder")), SnapshotComposer::Contents::Copy, running, true);
    QVERIFY2(running.error.isEmpty(), qPrintable(running.error));
    QCOMPARE(running.deferred, QSet<QByteArray>({QFile::encodeName(m_tree + QStringLiteral("/files/a.txt"))}));
    QVERIFY(!running.entries.contains(QFile::encodeName(m_tree + QStringLiteral("/files/a.txt"))));

    // A file with two names, written through one: the kernel names only that one, so restic stores it.
    const QString h1 = m_tree + QStringLiteral("/files/h1");
    QVERIFY(writeFile(h1, "hard\n"));
    QVERIFY(
        ::link(QFile::encodeName(h1).constData(), QFile::encodeName(m_tree + QStringLiteral("/files/h2")).constData())
        == 0);
    SnapshotComposer::Capture linked;
    SnapshotComposer::capture(
        *reader, *passTree, {QFile::encodeName(h1)}, copies, SnapshotComposer::Contents::Copy, linked);
    QVERIFY(linked.error.isEmpty());
    QVERIFY2(linked.unsupported.contains(QStringLiteral("hard links")), qPrintable(linked.unsupported));
}

QTEST_GUILESS_MAIN(TestSnapshotComposer)
#include "tst_snapshotcomposer.moc"
