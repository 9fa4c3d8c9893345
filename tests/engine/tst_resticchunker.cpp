// tidemarkd's port of restic's chunker against restic itself: every file restic backs up is cut by ResticChunker into
// chunks whose SHA-256 ids are the node's content, in order, with the repository's own polynomial. Bad polynomials,
// a receiver that stops and a read that fails end the split with an error.
#include "engine/repositoryreader.h"
#include "engine/resticchunker.h"
#include "engine/resticfastkey.h"

#include <numeric>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// A sequential device that yields its data in pieces of random length (1 byte to 300 KiB), and fails after `failAt`
// bytes when that is set: blocks that end anywhere must not move a cut.
class PieceDevice : public QIODevice
{
public:
    PieceDevice(const QByteArray& data, qint64 failAt = -1)
        : m_data(data)
        , m_failAt(failAt)
    { }

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        if (m_failAt >= 0 && m_at >= m_failAt) {
            setErrorString(QStringLiteral("the disk went away"));
            return -1;
        }
        qint64 n = std::min<qint64>({max, m_data.size() - m_at, 1 + m_random.bounded(300 * 1024)});
        if (m_failAt >= 0)
            n = std::min(n, m_failAt - m_at);
        memcpy(out, m_data.constData() + m_at, n);
        m_at += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_failAt;
    qint64 m_at = 0;
    QRandomGenerator m_random {23};
};

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, '\0');
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32*>(data.data()), size / 4);
    return data;
}

} // namespace

class TestResticChunker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cutsWhereResticCuts_data();
    void cutsWhereResticCuts();
    void blockBoundariesDoNotMatter();
    void parsePolynomialRefusesWhatIsNotOne();
    void badPolynomialFailsTheSplit();
    void aStoppingReceiverStopsTheSplit();
    void aFailingReadFailsTheSplit();
    void throughput();

private:
    QByteArray restic(const QStringList& arguments, bool* ok);
    // The chunks' sizes and SHA-256 ids.
    struct Cuts
    {
        QList<qint64> sizes;
        QList<QByteArray> ids;
    };
    // Splits with m_chunker: one chunker for every file, as restic keeps one per worker (each split starts afresh).
    std::optional<Cuts> cut(QIODevice& input, QString* error);

    QTemporaryDir m_dir;
    QString m_repo;
    QString m_passwordFile;
    QString m_tree; // what is backed up
    quint64 m_polynomial = 0;
    std::optional<ResticChunker> m_chunker;
    std::shared_ptr<RepositoryReader> m_reader;
    QByteArray m_root; // the backup's root tree
};

QByteArray TestResticChunker::restic(const QStringList& arguments, bool* ok)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), m_repo);
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), m_passwordFile);
    env.insert(QStringLiteral("RESTIC_CACHE_DIR"), m_dir.filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_tree);
    p.start(QStringLiteral("restic"), arguments);
    const bool finished = p.waitForFinished(120000);
    *ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        qWarning("restic %s: %s", qPrintable(arguments.join(u' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

std::optional<TestResticChunker::Cuts> TestResticChunker::cut(QIODevice& input, QString* error)
{
    Cuts cuts;
    const bool ok = m_chunker->split(
        input,
        [&cuts](const QByteArray& chunk) {
            cuts.sizes.append(chunk.size());
            cuts.ids.append(QCryptographicHash::hash(chunk, QCryptographicHash::Sha256));
            return true;
        },
        error);
    if (!ok)
        return std::nullopt;
    return cuts;
}

void TestResticChunker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_repo = m_dir.filePath(QStringLiteral("repo"));
    m_passwordFile = m_dir.filePath(QStringLiteral("password"));
    m_tree = m_dir.filePath(QStringLiteral("tree"));
    QVERIFY(QDir().mkpath(m_tree));
    {
        QFile password(m_passwordFile);
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write("correct horse battery chunk\n");
    }
    const auto write = [this](const QString& name, const QByteArray& data) {
        QFile f(m_tree + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(data), data.size());
    };
    write(QStringLiteral("empty"), {});
    write(QStringLiteral("hundred"), randomBytes(100, 1));
    write(QStringLiteral("600k"), randomBytes(600 * 1024, 2));
    write(QStringLiteral("3m"), randomBytes(3 * 1024 * 1024, 3));
    write(QStringLiteral("20m"), randomBytes(20 * 1024 * 1024, 4));
    // The fingerprint of a window over an 8-byte period takes 8 values: unless one of them has its low 20 bits zero
    // (8 in a million polynomials), nothing is cut before the maximum size.
    write(QStringLiteral("pattern"), QByteArray("tidemark").repeated(20 * 1024 * 1024 / 8));
    // The window of zeros fingerprints to zero: a cut as soon as the minimum size allows.
    write(QStringLiteral("zeros"), QByteArray(12 * 1024 * 1024, '\0'));

    bool ok = false;
    restic({QStringLiteral("init"), QStringLiteral("--repository-version"), QStringLiteral("2")}, &ok);
    QVERIFY(ok);
    QString snapshot;
    const QByteArray out = restic({QStringLiteral("backup"), QStringLiteral("--json"), QStringLiteral("--host"),
                                      QStringLiteral("test"), QStringLiteral(".")},
        &ok);
    QVERIFY(ok);
    for (const QByteArray& line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("message_type")).toString() == QLatin1String("summary"))
            snapshot = o.value(QStringLiteral("snapshot_id")).toString();
    }
    QVERIFY(!snapshot.isEmpty());

    // The repository's polynomial, from its config (sealed with the master key, never compressed).
    QString error;
    const auto key = ResticFastKey::masterKey(m_repo, ResticFastKey::passwordFromFile(m_passwordFile), &error);
    QVERIFY2(key, qPrintable(error));
    QFile configFile(m_repo + QStringLiteral("/config"));
    QVERIFY(configFile.open(QIODevice::ReadOnly));
    const auto config = ResticFastKey::open(*key, configFile.readAll());
    QVERIFY(config);
    const QString hex
        = QJsonDocument::fromJson(*config).object().value(QStringLiteral("chunker_polynomial")).toString();
    const auto polynomial = ResticChunker::parsePolynomial(hex);
    QVERIFY2(polynomial, qPrintable(hex));
    m_polynomial = *polynomial;
    m_chunker.emplace(m_polynomial);

    m_reader = RepositoryReader::open(m_repo, m_passwordFile, &error);
    QVERIFY2(m_reader, qPrintable(error));
    const auto root = m_reader->snapshotTree(snapshot, &error);
    QVERIFY2(root, qPrintable(error));
    m_root = *root;
}

void TestResticChunker::cutsWhereResticCuts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expectedChunks"); // -1: whatever restic made
    QTest::newRow("empty") << QStringLiteral("empty") << 0;
    QTest::newRow("100 bytes") << QStringLiteral("hundred") << 1;
    QTest::newRow("600 KiB random") << QStringLiteral("600k") << -1;
    QTest::newRow("3 MiB random") << QStringLiteral("3m") << -1;
    QTest::newRow("20 MiB random") << QStringLiteral("20m") << -1;
    QTest::newRow("20 MiB pattern") << QStringLiteral("pattern") << 3; // 8 + 8 + 4 MiB
    QTest::newRow("12 MiB zeros") << QStringLiteral("zeros") << 24; // 512 KiB each
}

void TestResticChunker::cutsWhereResticCuts()
{
    QFETCH(QString, name);
    QFETCH(int, expectedChunks);
    QString error;
    const auto node = m_reader->find(m_root, QLatin1Char('/') + name, &error);
    QVERIFY2(node, qPrintable(error.isEmpty() ? QStringLiteral("no node") : error));
    QCOMPARE(node->type, QStringLiteral("file"));

    QFile file(m_tree + QLatin1Char('/') + name);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto cuts = cut(file, &error);
    QVERIFY2(cuts, qPrintable(error));
    QCOMPARE(cuts->ids, node->content);
    QCOMPARE(std::accumulate(cuts->sizes.cbegin(), cuts->sizes.cend(), qint64(0)), node->size);
    if (expectedChunks >= 0)
        QCOMPARE(cuts->sizes.size(), expectedChunks);
    if (name == QLatin1String("pattern")) {
        QCOMPARE(cuts->sizes.value(0), ResticChunker::kMaxSize);
        QCOMPARE(cuts->sizes.value(1), ResticChunker::kMaxSize);
    }
    if (name == QLatin1String("zeros")) {
        for (const qint64 size : cuts->sizes)
            QCOMPARE(size, ResticChunker::kMinSize);
    }
    if (name == QLatin1String("20m")) {
        // Content-defined cuts, not only the size limits.
        QVERIFY(cuts->sizes.size() >= 3);
        for (qsizetype i = 0; i + 1 < cuts->sizes.size(); ++i) {
            QVERIFY(cuts->sizes[i] >= ResticChunker::kMinSize);
            QVERIFY(cuts->sizes[i] <= ResticChunker::kMaxSize);
        }
    }
}

void TestResticChunker::blockBoundariesDoNotMatter()
{
    // A stream read in pieces that end anywhere (inside the minimum-size skip, inside the window, at a cut) is cut
    // where restic cut the file.
    QString error;
    for (const QString& name : {QStringLiteral("20m"), QStringLiteral("zeros"), QStringLiteral("pattern")}) {
        const auto node = m_reader->find(m_root, QLatin1Char('/') + name, &error);
        QVERIFY2(node, qPrintable(name));
        QFile file(m_tree + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        PieceDevice pieces(file.readAll());
        QVERIFY(pieces.open(QIODevice::ReadOnly));
        const auto cuts = cut(pieces, &error);
        QVERIFY2(cuts, qPrintable(error));
        QCOMPARE(cuts->ids, node->content);
    }
}

void TestResticChunker::parsePolynomialRefusesWhatIsNotOne()
{
    QCOMPARE(ResticChunker::parsePolynomial(QStringLiteral("3dea92648f6e83")).value_or(0), quint64(0x3dea92648f6e83));
    QCOMPARE(ResticChunker::parsePolynomial(QStringLiteral("3DEA92648F6E83")).value_or(0), quint64(0x3dea92648f6e83));
    QCOMPARE(ResticChunker::parsePolynomial(QStringLiteral("003dea92648f6e83")).value_or(0), quint64(0x3dea92648f6e83));
    for (const QString& bad : {QString(), QStringLiteral("0x3dea92648f6e83"), QStringLiteral(" 3dea92648f6e83"),
             QStringLiteral("3dea92648f6e83\n"), QStringLiteral("-3dea92648f6e83"), QStringLiteral("+3dea92648f6e83"),
             QStringLiteral("3dea9264 8f6e83"), QStringLiteral("3dea92648g6e83"), QStringLiteral("３dea92648f6e83"),
             QStringLiteral("1ffffffffffffffff"), // above 64 bits
             QStringLiteral("0"), QStringLiteral("ff"), // degree below 8
             QStringLiteral("40000000000001"), // degree 54
             QStringLiteral("ffffffffffffffff")}) {
        QVERIFY2(!ResticChunker::parsePolynomial(bad), qPrintable(bad));
    }
}

void TestResticChunker::badPolynomialFailsTheSplit()
{
    for (const quint64 polynomial : {quint64(0), quint64(0x7f), quint64(0x40000000000001)}) {
        ResticChunker chunker(polynomial);
        QBuffer input;
        input.setData(randomBytes(1024 * 1024, 5));
        QVERIFY(input.open(QIODevice::ReadOnly));
        int calls = 0;
        QString error;
        QVERIFY(!chunker.split(
            input,
            [&calls](const QByteArray&) {
                ++calls;
                return true;
            },
            &error));
        QCOMPARE(calls, 0);
        QVERIFY2(error.contains(QStringLiteral("polynomial")), qPrintable(error));
    }
}

void TestResticChunker::aStoppingReceiverStopsTheSplit()
{
    // 20 MiB of random bytes make several chunks; the receiver of the second says stop.
    QFile file(m_tree + QStringLiteral("/20m"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ResticChunker chunker(m_polynomial);
    int calls = 0;
    QString error;
    QVERIFY(!chunker.split(
        file,
        [&calls](const QByteArray&) {
            ++calls;
            return calls < 2;
        },
        &error));
    QCOMPARE(calls, 2);
    QVERIFY2(error.contains(QStringLiteral("stopped")), qPrintable(error));

    // A receiver that stops at the last (short) chunk also fails the split.
    QBuffer small;
    small.setData(QByteArray(1000, 'x'));
    QVERIFY(small.open(QIODevice::ReadOnly));
    error.clear();
    QVERIFY(!chunker.split(
        small, [](const QByteArray&) { return false; }, &error));
    QVERIFY(!error.isEmpty());
}

void TestResticChunker::aFailingReadFailsTheSplit()
{
    // The read fails after 3 MiB: the chunks before it were delivered, then the split reports the device's error.
    PieceDevice failing(randomBytes(20 * 1024 * 1024, 6), 3 * 1024 * 1024);
    QVERIFY(failing.open(QIODevice::ReadOnly));
    ResticChunker chunker(m_polynomial);
    qint64 delivered = 0;
    QString error;
    QVERIFY(!chunker.split(
        failing,
        [&delivered](const QByteArray& chunk) {
            delivered += chunk.size();
            return true;
        },
        &error));
    QVERIFY(delivered <= 3 * 1024 * 1024);
    QVERIFY2(error.contains(QStringLiteral("the disk went away")), qPrintable(error));

    // A device that is not open for reading.
    QFile closed(m_tree + QStringLiteral("/3m"));
    error.clear();
    QVERIFY(!chunker.split(
        closed, [](const QByteArray&) { return true; }, &error));
    QVERIFY(!error.isEmpty());
}

void TestResticChunker::throughput()
{
    // Not asserted (timing on a shared machine): printed for the log. Build with optimisation to mean anything.
    QBuffer input;
    input.setData(randomBytes(200 * 1024 * 1024, 7));
    QVERIFY(input.open(QIODevice::ReadOnly));
    ResticChunker chunker(m_polynomial);
    qint64 total = 0;
    qint64 chunks = 0;
    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(chunker.split(
                 input,
                 [&](const QByteArray& chunk) {
                     total += chunk.size();
                     ++chunks;
                     return true;
                 },
                 &error),
        qPrintable(error));
    const qint64 ns = std::max<qint64>(1, timer.nsecsElapsed());
    QCOMPARE(total, input.size());
    QVERIFY(chunks > 200 / 8);
    qDebug("split 200 MiB into %lld chunks at %.0f MB/s", chunks, double(total) * 1000.0 / double(ns));
}

QTEST_GUILESS_MAIN(TestResticChunker)
#include "tst_resticchunker.moc"
