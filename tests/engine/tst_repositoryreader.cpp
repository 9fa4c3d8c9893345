// tidemarkd's own reading of a restic repository against restic itself: the same entries as `restic ls`, the same
// bytes as the files backed up, in both repository formats, compressed or not; damage and unknown paths reported.
#include "browse/snapshotlisting.h"
#include "engine/directrestore.h"
#include "engine/jsonscanner.h"
#include "engine/repositoryreader.h"
#include "engine/resticfastkey.h"

#include <fcntl.h>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>
#include <unistd.h>

class TestRepositoryReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsRestic_data();
    void sameAsRestic();
    void unknownPathsAreNotErrors();
    void aNewBackupIsSeenAfterRefresh();
    void largeIndexIsReadInPieces();
    void damageIsNamed();
    void wrongPasswordDoesNotOpen();
    void directRestoreWritesWhatResticWrites_data();
    void directRestoreWritesWhatResticWrites();
    void directRestoreLeavesTheUnusualToRestic();
    void jsonScannerReadsWhatQtReads();

private:
    struct Repo
    {
        QString dir;
        QString passwordFile;
    };
    QByteArray restic(const Repo& repo, const QStringList& arguments, bool* ok = nullptr, const QString& in = {});
    Repo makeRepo(const QString& name, const QString& version);
    // A backup of `tree` (the test's tree when empty), run inside it; the new snapshot's id.
    QString backup(const Repo& repo, const QStringList& extra = {}, const QString& tree = {});
    static QByteArray contentOf(RepositoryReader& reader, const RepositoryReader::Node& node);

    QTemporaryDir m_dir;
    QString m_tree; // what is backed up
};

QByteArray TestRepositoryReader::restic(const Repo& repo, const QStringList& arguments, bool* ok, const QString& in)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), repo.dir);
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), repo.passwordFile);
    env.insert(QStringLiteral("RESTIC_CACHE_DIR"), m_dir.filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(in.isEmpty() ? m_tree : in);
    p.start(QStringLiteral("restic"), arguments);
    const bool finished = p.waitForFinished(120000);
    const bool good = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = good;
    else if (!good)
        qWarning("restic %s: %s", qPrintable(arguments.join(u' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

TestRepositoryReader::Repo TestRepositoryReader::makeRepo(const QString& name, const QString& version)
{
    Repo repo {m_dir.filePath(name), m_dir.filePath(name + QStringLiteral(".password"))};
    QFile password(repo.passwordFile);
    if (password.open(QIODevice::WriteOnly))
        password.write("correct horse " + name.toUtf8() + "\n");
    password.close();
    bool ok = false;
    restic(repo, {QStringLiteral("init"), QStringLiteral("--repository-version"), version}, &ok);
    if (!ok)
        return {};
    return repo;
}

QString TestRepositoryReader::backup(const Repo& repo, const QStringList& extra, const QString& tree)
{
    bool ok = false;
    const QByteArray out = restic(repo,
        QStringList {QStringLiteral("backup"), QStringLiteral("--json"), QStringLiteral("--host"),
            QStringLiteral("test"), QStringLiteral(".")}
            + extra,
        &ok, tree);
    if (!ok)
        return {};
    for (const QByteArray& line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("message_type")).toString() == QLatin1String("summary"))
            return o.value(QStringLiteral("snapshot_id")).toString();
    }
    return {};
}

QByteArray TestRepositoryReader::contentOf(RepositoryReader& reader, const RepositoryReader::Node& node)
{
    QByteArray data;
    for (const QByteArray& id : node.content) {
        QString error;
        const auto blob = reader.blob(id, &error);
        if (!blob) {
            qWarning("blob of %s: %s", qPrintable(node.name), qPrintable(error));
            return "<unreadable>";
        }
        data += *blob;
    }
    return data;
}

void TestRepositoryReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tree = m_dir.filePath(QStringLiteral("tree"));
    QDir().mkpath(m_tree + QStringLiteral("/sub/deeper"));
    QDir().mkpath(m_tree + QStringLiteral("/big"));
    QDir().mkpath(m_tree + QStringLiteral("/Ünïcödé ✓"));
    const auto write = [this](const QString& rel, const QByteArray& data) {
        QFile f(m_tree + QLatin1Char('/') + rel);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(data), data.size());
    };
    write(QStringLiteral("empty.txt"), {});
    write(QStringLiteral("small.txt"), "hello\n");
    write(QStringLiteral("sub/deeper/text.md"), QByteArray(200000, 'x')); // compresses well
    write(QStringLiteral("Ünïcödé ✓/naïve.txt"), "unicode\n");
    // Several chunks of incompressible data (restic's chunks are 512 KiB to 8 MiB).
    QByteArray noise(6 * 1024 * 1024, '\0');
    QRandomGenerator generator(17);
    generator.fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
    write(QStringLiteral("big/noise.bin"), noise);
    for (int i = 0; i < 1500; ++i)
        write(QStringLiteral("big/f%1.txt").arg(i, 4, 10, QLatin1Char('0')), QByteArray::number(i * 7919));
    // Names restic stores Go-quoted: a quote, a backslash, a tab, a newline, a character that does not print.
    QDir().mkpath(m_tree + QStringLiteral("/odd"));
    for (const QString& name : {QStringLiteral("say \"hi\".txt"), QStringLiteral("back\\slash.txt"),
             QStringLiteral("tab\there.txt"), QStringLiteral("new\nline.txt"), QStringLiteral("no\u00a0break.txt")})
        write(QStringLiteral("odd/") + name, name.toUtf8());
    // A name that is not UTF-8.
    QDir().mkpath(m_tree + QStringLiteral("/bad"));
    {
        const int fd = ::open(
            QByteArray(QFile::encodeName(m_tree) + "/bad/caf\xe9.txt").constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "latin-1\n", 8), ssize_t(8));
        ::close(fd);
    }
    QVERIFY(QFile::link(QStringLiteral("sub/deeper/text.md"), m_tree + QStringLiteral("/link-in")));
    QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), m_tree + QStringLiteral("/link-out")));
    QCOMPARE(::mkfifo(QFile::encodeName(m_tree + QStringLiteral("/fifo")).constData(), 0640), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_tree + QStringLiteral("/small.txt")).constData(), 04751), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_tree + QStringLiteral("/sub")).constData(), 01777), 0);
}

void TestRepositoryReader::sameAsRestic_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("compression");
    QTest::newRow("format 2, compressed") << QStringLiteral("2") << QStringLiteral("auto");
    QTest::newRow("format 2, uncompressed") << QStringLiteral("2") << QStringLiteral("off");
    QTest::newRow("format 1") << QStringLiteral("1") << QString();
}

void TestRepositoryReader::sameAsRestic()
{
    QFETCH(QString, version);
    QFETCH(QString, compression);
    const Repo repo = makeRepo(QStringLiteral("repo-") + version + compression, version);
    QVERIFY(!repo.dir.isEmpty());
    const QString snapshot = backup(
        repo, compression.isEmpty() ? QStringList() : QStringList {QStringLiteral("--compression"), compression});
    QVERIFY(!snapshot.isEmpty());

    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    QVERIFY(reader->indexedBlobs() > 3);
    const auto root = reader->snapshotTree(snapshot.left(8), &error);
    QVERIFY2(root, qPrintable(error));

    // restic's own listing, entry by entry.
    QHash<QString, TreeEntry> expected;
    QStringList expectedOrder;
    for (const QByteArray& line :
        restic(repo, {QStringLiteral("ls"), QStringLiteral("--json"), QStringLiteral("--recursive"), snapshot})
            .split('\n')) {
        if (const auto node = SnapshotListing::parseNode(line)) {
            expected.insert(node->first, node->second);
            expectedOrder.append(node->first);
        }
    }
    QVERIFY(expected.size() > 1500);
    QStringList order;
    QHash<QString, RepositoryReader::Node> nodes;
    // restic ls lists what the snapshot holds from its root's entries down.
    const auto rootTree = reader->tree(*root, &error);
    QVERIFY2(rootTree, qPrintable(error));
    for (const RepositoryReader::Node& top : *rootTree) {
        QVERIFY2(reader->walk(
                     *root, QLatin1Char('/') + top.name,
                     [&](const QString& path, const RepositoryReader::Node& node) {
                         order.append(path);
                         nodes.insert(path, node);
                         return true;
                     },
                     &error),
            qPrintable(error));
    }
    QCOMPARE(order, expectedOrder);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const TreeEntry mine = nodes.value(it.key()).entry();
        QVERIFY2(mine.type == it->type && mine.size == it->size && mine.mtimeMs == it->mtimeMs && mine.mode == it->mode,
            qPrintable(it.key()));
    }
    QCOMPARE(nodes.value(QStringLiteral("/link-out")).linkTarget, QStringLiteral("/etc/hostname"));
    QCOMPARE(nodes.value(QStringLiteral("/fifo")).type, QStringLiteral("fifo"));
    QCOMPARE(nodes.value(QStringLiteral("/small.txt")).unixMode(), mode_t(04751));
    QCOMPARE(nodes.value(QStringLiteral("/sub")).unixMode(), mode_t(01777));

    // Every file's bytes, as backed up (the name that is not UTF-8 cannot be opened by its QString).
    int files = 0;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        if (it->type != QLatin1String("file"))
            continue;
        if (it.key().startsWith(QLatin1String("/bad/"))) {
            QVERIFY(it->extras);
            ++files;
            continue;
        }
        QVERIFY2(!it->extras, qPrintable(it.key()));
        QFile original(m_tree + it.key());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QVERIFY2(contentOf(*reader, *it) == original.readAll(), qPrintable(it.key()));
        ++files;
    }
    QCOMPARE(files, 1511);
    QVERIFY(nodes.value(QStringLiteral("/big/noise.bin")).content.size() > 1);

    // find() gives the node itself, by its path.
    const auto found = reader->find(*root, QStringLiteral("/Ünïcödé ✓/naïve.txt"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(contentOf(*reader, *found), QByteArray("unicode\n"));
    const auto deep = reader->find(*root, QStringLiteral("/big/f1499.txt"), &error);
    QVERIFY(deep);
    QCOMPARE(contentOf(*reader, *deep), QByteArray::number(1499 * 7919));
}

void TestRepositoryReader::unknownPathsAreNotErrors()
{
    const Repo repo = makeRepo(QStringLiteral("repo-unknown"), QStringLiteral("2"));
    const QString snapshot = backup(repo);
    QVERIFY(!snapshot.isEmpty());
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto root = reader->snapshotTree(snapshot, &error);
    QVERIFY(root);
    for (const QString& path : {QStringLiteral("/nothing"), QStringLiteral("/small.txt/under-a-file"),
             QStringLiteral("/sub/../small.txt"), QStringLiteral("/"), QString()}) {
        error = QStringLiteral("unset");
        QVERIFY2(!reader->find(*root, path, &error), qPrintable(path));
        QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    }
    int visited = 0;
    QVERIFY(reader->walk(
        *root, QStringLiteral("/nothing"),
        [&visited](const QString&, const RepositoryReader::Node&) { return ++visited; }, &error));
    QCOMPARE(visited, 0);
    QVERIFY(!reader->snapshotTree(QStringLiteral("0000000000"), &error));
    QVERIFY(error.contains(QLatin1String("not in the repository")));
}

void TestRepositoryReader::aNewBackupIsSeenAfterRefresh()
{
    const Repo repo = makeRepo(QStringLiteral("repo-refresh"), QStringLiteral("2"));
    QVERIFY(!backup(repo).isEmpty());
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    const qsizetype before = reader->indexedBlobs();

    QFile added(m_tree + QStringLiteral("/added-later.txt"));
    QVERIFY(added.open(QIODevice::WriteOnly));
    added.write("a new file, with content that is not anywhere else in the repository\n");
    added.close();
    const QString second = backup(repo);
    QFile::remove(added.fileName());
    QVERIFY(!second.isEmpty());
    const auto root = reader->snapshotTree(second, &error);
    QVERIFY2(root, qPrintable(error));
    // Before the refresh the new blobs are unknown to the reader; after it they read.
    QVERIFY2(reader->refresh(&error), qPrintable(error));
    QVERIFY(reader->indexedBlobs() > before);
    const auto node = reader->find(*root, QStringLiteral("/added-later.txt"), &error);
    QVERIFY2(node, qPrintable(error));
    QVERIFY(contentOf(*reader, *node).startsWith("a new file"));
    // The refresh read only the new index file and merged it: what a reader opened now knows, and the older blobs
    // still read.
    const auto fresh = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(fresh, qPrintable(error));
    QCOMPARE(reader->indexedBlobs(), fresh->indexedBlobs());
    const auto small = reader->find(*root, QStringLiteral("/small.txt"), &error);
    QVERIFY2(small, qPrintable(error));
    QCOMPARE(contentOf(*reader, *small), contentOf(*fresh, *small));
    QVERIFY(contentOf(*reader, *small) != "<unreadable>");

    // A prune rewrites the index (files removed, others written): the next refresh reads it whole.
    QFile again(m_tree + QStringLiteral("/added-later.txt"));
    QVERIFY(again.open(QIODevice::WriteOnly));
    again.write("another file, only in the third backup\n");
    again.close();
    const QString third = backup(repo);
    QFile::remove(again.fileName());
    QVERIFY(!third.isEmpty());
    bool ok = false;
    restic(repo, {QStringLiteral("forget"), second, QStringLiteral("--prune")}, &ok);
    QVERIFY(ok);
    QVERIFY2(reader->refresh(&error), qPrintable(error));
    const auto pruned = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(pruned, qPrintable(error));
    QCOMPARE(reader->indexedBlobs(), pruned->indexedBlobs());
    const auto thirdRoot = reader->snapshotTree(third, &error);
    QVERIFY2(thirdRoot, qPrintable(error));
    const auto thirdFile = reader->find(*thirdRoot, QStringLiteral("/added-later.txt"), &error);
    QVERIFY2(thirdFile, qPrintable(error));
    QVERIFY(contentOf(*reader, *thirdFile).startsWith("another file"));
    const auto smallAgain = reader->find(*thirdRoot, QStringLiteral("/small.txt"), &error);
    QVERIFY2(smallAgain, qPrintable(error));
    QCOMPARE(contentOf(*reader, *smallAgain), contentOf(*pruned, *smallAgain));
}

// An index file of format 2 is decompressed and read a piece at a time (128 KiB): one of several megabytes is read
// whole, every blob restic lists found.
void TestRepositoryReader::largeIndexIsReadInPieces()
{
    const Repo repo = makeRepo(QStringLiteral("repo-large-index"), QStringLiteral("2"));
    QTemporaryDir many;
    QVERIFY(many.isValid());
    for (int i = 0; i < 6000; ++i) {
        const QString dir = many.filePath(QStringLiteral("d%1").arg(i / 500));
        if (i % 500 == 0)
            QVERIFY(QDir().mkpath(dir));
        QFile f(dir + QStringLiteral("/f%1").arg(i));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::number(i).repeated(7) + '\n'); // each file its own blob
    }
    QVERIFY(!backup(repo, {}, many.path()).isEmpty());
    bool ok = false;
    const QByteArray listed = restic(repo, {QStringLiteral("list"), QStringLiteral("blobs")}, &ok);
    QVERIFY(ok);
    const QList<QByteArray> lines = listed.trimmed().split('\n');
    QVERIFY(lines.size() > 6000);
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->indexedBlobs(), qsizetype(lines.size()));
    for (const QByteArray& line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        QCOMPARE(parts.size(), 2);
        QVERIFY2(reader->hasBlob(QByteArray::fromHex(parts.at(1)), parts.at(0) == "tree"), line.constData());
    }
    // The index is that large: more than one piece.
    qint64 indexBytes = 0;
    for (const QFileInfo& info : QDir(repo.dir + QStringLiteral("/index")).entryInfoList(QDir::Files))
        indexBytes += info.size();
    QVERIFY2(indexBytes > 128 * 1024, qPrintable(QString::number(indexBytes)));
}

void TestRepositoryReader::damageIsNamed()
{
    const Repo repo = makeRepo(QStringLiteral("repo-damaged"), QStringLiteral("2"));
    const QString snapshot = backup(repo);
    QVERIFY(!snapshot.isEmpty());
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto root = reader->snapshotTree(snapshot, &error);
    QVERIFY(root);
    const auto noise = reader->find(*root, QStringLiteral("/big/noise.bin"), &error);
    QVERIFY(noise);

    // Flip bytes in the middle of the largest pack: the 6 MiB of noise are there.
    QString largest;
    qint64 size = 0;
    QDirIterator it(repo.dir + QStringLiteral("/data"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.size() > size) {
            size = info.size();
            largest = info.filePath();
        }
    }
    QFile pack(largest);
    QVERIFY(QFile::setPermissions(largest, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QVERIFY(pack.open(QIODevice::ReadWrite));
    for (qint64 at = 0; at < size; at += 256 * 1024) {
        pack.seek(at);
        char c = 0;
        pack.getChar(&c);
        pack.seek(at);
        pack.putChar(char(~c));
    }
    pack.close();

    int unreadable = 0;
    for (const QByteArray& id : noise->content) {
        if (!reader->blob(id, &error)) {
            ++unreadable;
            QVERIFY2(error.contains(QFileInfo(largest).fileName().left(12)), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
        }
    }
    QVERIFY(unreadable > 0);
}

void TestRepositoryReader::wrongPasswordDoesNotOpen()
{
    const Repo repo = makeRepo(QStringLiteral("repo-password"), QStringLiteral("2"));
    QVERIFY(!repo.dir.isEmpty());
    const QString wrong = m_dir.filePath(QStringLiteral("wrong.password"));
    QFile f(wrong);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not it\n");
    f.close();
    QString error;
    QVERIFY(!RepositoryReader::open(repo.dir, wrong, &error));
    QVERIFY2(error.contains(QLatin1String("password")), qPrintable(error));
}

namespace {

// Everything lstat says that a restore must put back, and the content or link target, for every entry under `root`.
QStringList describe(const QString& root)
{
    QStringList lines;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList paths {root};
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    for (const QString& path : paths) {
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
            lines.append(path + QStringLiteral(" unreadable"));
            continue;
        }
        QString what;
        if (S_ISLNK(st.st_mode)) {
            what = QStringLiteral("-> ") + QFile::symLinkTarget(path);
        } else if (S_ISREG(st.st_mode)) {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            what = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
        }
        lines.append(QStringLiteral("%1 mode %2 uid %3 gid %4 mtime %5.%6 size %7 %8")
                         .arg(path.mid(root.size()))
                         .arg(st.st_mode, 0, 8)
                         .arg(st.st_uid)
                         .arg(st.st_gid)
                         .arg(st.st_mtim.tv_sec)
                         .arg(st.st_mtim.tv_nsec, 9, 10, QLatin1Char('0'))
                         .arg(S_ISDIR(st.st_mode) ? 0 : st.st_size)
                         .arg(what));
    }
    return lines;
}

} // namespace

void TestRepositoryReader::directRestoreWritesWhatResticWrites_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("one file") << QStringLiteral("/small.txt");
    QTest::newRow("a file deep down") << QStringLiteral("/sub/deeper/text.md");
    QTest::newRow("a folder") << QStringLiteral("/sub");
    QTest::newRow("a link") << QStringLiteral("/link-out");
    QTest::newRow("unicode") << QStringLiteral("/Ünïcödé ✓");
    QTest::newRow("many chunks") << QStringLiteral("/big/noise.bin");
    QTest::newRow("names restic quotes") << QStringLiteral("/odd");
}

void TestRepositoryReader::directRestoreWritesWhatResticWrites()
{
    QFETCH(QString, source);
    static Repo repo;
    static QString snapshot;
    if (repo.dir.isEmpty()) {
        repo = makeRepo(QStringLiteral("repo-direct"), QStringLiteral("2"));
        snapshot = backup(repo);
    }
    QVERIFY(!snapshot.isEmpty());
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));

    const QString byRestic
        = m_dir.filePath(QStringLiteral("by-restic") + QString::number(QDateTime::currentMSecsSinceEpoch()));
    const QString byReader
        = m_dir.filePath(QStringLiteral("by-reader") + QString::number(QDateTime::currentMSecsSinceEpoch()));
    bool ok = false;
    restic(repo,
        {QStringLiteral("restore"), QStringLiteral("--target"), byRestic, QStringLiteral("--include"), source,
            snapshot},
        &ok);
    QVERIFY(ok);
    QCOMPARE(DirectRestore::write(*reader, snapshot, source, byReader, &error), DirectRestore::Outcome::Written);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The entry itself and all under it (the folders restic makes on the way differ: it gives them their times too).
    const QStringList expected = describe(byRestic + source);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(describe(byReader + source), expected);
    if (source == QLatin1String("/odd")) {
        // A name that is not UTF-8 is restic's to write.
        QCOMPARE(DirectRestore::write(*reader, snapshot, QStringLiteral("/bad"), byReader, &error),
            DirectRestore::Outcome::NotHandled);
        QVERIFY(!QFileInfo::exists(byReader + QStringLiteral("/bad")));
    }
}

void TestRepositoryReader::directRestoreLeavesTheUnusualToRestic()
{
    const QString tree = m_dir.filePath(QStringLiteral("unusual"));
    QDir().mkpath(tree);
    QFile f(tree + QStringLiteral("/a.txt"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("linked twice\n");
    f.close();
    QCOMPARE(::link(QFile::encodeName(tree + QStringLiteral("/a.txt")).constData(),
                 QFile::encodeName(tree + QStringLiteral("/b.txt")).constData()),
        0);
    QCOMPARE(::mkfifo(QFile::encodeName(tree + QStringLiteral("/pipe")).constData(), 0600), 0);
    const Repo repo = makeRepo(QStringLiteral("repo-unusual"), QStringLiteral("2"));
    const QString snapshot = backup(repo, {}, tree);
    QVERIFY(!snapshot.isEmpty());
    QString error;
    const auto reader = RepositoryReader::open(repo.dir, repo.passwordFile, &error);
    QVERIFY2(reader, qPrintable(error));
    const QString target = m_dir.filePath(QStringLiteral("unusual-target"));
    // A hard link, a FIFO, a folder that holds them, a selection over the limits, a path the backup lacks: nothing
    // written, restic's to do.
    for (const QString& source :
        {QStringLiteral("/a.txt"), QStringLiteral("/pipe"), QStringLiteral("/nothing"), QStringLiteral("/")})
        QCOMPARE(DirectRestore::write(*reader, snapshot, source, target, &error), DirectRestore::Outcome::NotHandled);
    DirectRestore::Limits tiny;
    tiny.maxBytes = 4;
    QCOMPARE(DirectRestore::write(*reader, snapshot, QStringLiteral("/a.txt"), target, &error, tiny),
        DirectRestore::Outcome::NotHandled);
    QVERIFY(!QFileInfo::exists(target));
}

void TestRepositoryReader::jsonScannerReadsWhatQtReads()
{
    // Escapes, surrogate pairs and nesting come out as Qt decodes them; broken text fails.
    const QByteArray text
        = R"({"a":"x\"y\\z\/\b\f\n\r\t\u00e9\ud83d\ude00","n":[1,-2,{"k":null}],"t":true,"f":false,"d":1.5e3})";
    JsonScanner scan(text);
    QByteArrayView key;
    QByteArray value;
    QVERIFY(scan.beginObject());
    QVERIFY(scan.nextKey(key));
    QCOMPARE(key, QByteArrayView("a"));
    QVERIFY(scan.string(value));
    QCOMPARE(QString::fromUtf8(value), QJsonDocument::fromJson(text).object().value(QStringLiteral("a")).toString());
    QVERIFY(scan.nextKey(key));
    QVERIFY(scan.beginArray());
    qint64 number = 0;
    QVERIFY(scan.nextItem());
    QVERIFY(scan.integer(number));
    QCOMPARE(number, 1);
    QVERIFY(scan.nextItem());
    QVERIFY(scan.integer(number));
    QCOMPARE(number, -2);
    QVERIFY(scan.nextItem());
    QVERIFY(scan.skip());
    QVERIFY(!scan.nextItem());
    while (scan.nextKey(key))
        QVERIFY(scan.skip());
    QVERIFY(scan.atEnd());

    // A lone high surrogate becomes U+FFFD and the escape after it stays a character of its own.
    {
        JsonScanner lone(R"("x\ud83dAy\ud83d\u0041z")");
        QByteArray text;
        QVERIFY(lone.string(text));
        QCOMPARE(QString::fromUtf8(text), QStringLiteral("x\uFFFDAy\uFFFDAz"));
    }
    // null where an object or array may be, then the next member.
    {
        JsonScanner nulls(R"({"nodes":null,"after":[1]})");
        QVERIFY(nulls.beginObject());
        QVERIFY(nulls.nextKey(key));
        QVERIFY(nulls.null());
        QVERIFY(nulls.nextKey(key));
        QCOMPARE(key, QByteArrayView("after"));
        QVERIFY(nulls.skip());
        QVERIFY(!nulls.nextKey(key));
        QVERIFY(nulls.atEnd());
    }
    for (const QByteArray& broken : {QByteArray(R"({"a":-})"), QByteArray(R"({"a":1-+e})"), QByteArray(R"({"a":01})"),
             QByteArray(R"({"a":1.})"), QByteArray(R"({"a":"unterminated)"), QByteArray(R"({"a" 1})"),
             QByteArray(R"({"a":"\x"})"), QByteArray(R"({"a":1,})"), QByteArray("{\"a\":\"tab\there\"}")}) {
        JsonScanner bad(broken);
        bad.beginObject();
        while (bad.nextKey(key))
            bad.skip();
        QVERIFY2(bad.failed() || !bad.atEnd(), broken.constData());
    }
}

QTEST_GUILESS_MAIN(TestRepositoryReader)
#include "tst_repositoryreader.moc"
