// tidemarkd answers while it removes a large tree: a restore replaces a mount of many files, and the replaced tree is
// removed after the swap. A poller on its own thread asks the API all the while; its longest wait for an answer must
// stay well below the time that removing such a tree takes (measured here on an identical tree, in the same run).
#include "rawhttp.h"
#include "serverprocess.h"

#include <atomic>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <QUrl>
#include <thread>

namespace {

const int kFiles = 15000;

bool makeTree(const QString& root, int files)
{
    for (int i = 0; i < files; ++i) {
        const QString dir = root + QStringLiteral("/d%1").arg(i / 200, 3, 10, QLatin1Char('0'));
        if (i % 200 == 0 && !QDir().mkpath(dir))
            return false;
        QFile f(dir + QStringLiteral("/f%1.txt").arg(i));
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(i)) <= 0)
            return false;
    }
    return true;
}

} // namespace

class TestBusyServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void apiAnswersWhileARestoreRemovesALargeTree();

private:
    QTemporaryDir m_root;
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
};

void TestBusyServer::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
}

void TestBusyServer::cleanupTestCase()
{
    m_server.stop();
}

void TestBusyServer::apiAnswersWhileARestoreRemovesALargeTree()
{
    const QString code = m_root.filePath(QStringLiteral("big/code"));
    const QString mount = m_root.filePath(QStringLiteral("big/files"));
    QVERIFY(QDir().mkpath(code));
    QVERIFY(makeTree(mount, kFiles));
    const QJsonObject local {{QStringLiteral("code_path"), code},
        {QStringLiteral("mounts"),
            QJsonArray {
                QJsonObject {{QStringLiteral("name"), QStringLiteral("files")}, {QStringLiteral("path"), mount}}}}};
    const QJsonObject body {{QStringLiteral("name"), QStringLiteral("big")},
        {QStringLiteral("title"), QStringLiteral("big")}, {QStringLiteral("type"), QStringLiteral("development")},
        {QStringLiteral("local"), local}};
    QCOMPARE(
        m_http->request("POST", QStringLiteral("/projects/demo/environments"), QJsonDocument(body).toJson(), m_admin)
            .status,
        201);
    const QJsonObject backup = m_http->startAndWait("POST", QStringLiteral("/projects/demo/environments/big/backup"),
        QByteArrayLiteral(R"({"safe": false})"), m_admin, 300000);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QString backupId
        = backup.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    QVERIFY(!backupId.isEmpty());

    // The poller: an unauthenticated request, answered (401) by the same event loop as every route.
    const QUrl url(m_server.url());
    std::atomic<bool> stop {false};
    std::atomic<qint64> longestMs {0};
    std::atomic<int> answers {0};
    std::thread poller([&] {
        RawHttp http(url.host(), quint16(url.port()));
        while (!stop) {
            QElapsedTimer timer;
            timer.start();
            const RawHttp::Response r = http.send("GET", "/tidemark", {}, {}, 60000);
            const qint64 took = timer.elapsed();
            if (r.status > 0)
                ++answers;
            if (took > longestMs)
                longestMs = took;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    const QJsonObject restore = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/environments/big/backups/%1/restore").arg(backupId),
        QByteArrayLiteral(R"({"restore_code": false})"), m_admin, 300000);
    stop = true;
    poller.join();
    QCOMPARE(restore.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY(answers > 0);

    // The same removal, timed here: what a main thread doing it would have kept the API waiting for.
    const QString copy = m_root.filePath(QStringLiteral("copy"));
    QVERIFY(makeTree(copy, kFiles));
    QElapsedTimer removal;
    removal.start();
    QVERIFY(QDir(copy).removeRecursively());
    const qint64 removalMs = qMax<qint64>(1, removal.elapsed());
    qInfo("longest wait for an answer during the restore: %lld ms (%d answers); removing %d files: %lld ms",
        qint64(longestMs), int(answers), kFiles, removalMs);
    QVERIFY2(double(longestMs) < 0.5 * double(removalMs),
        qPrintable(QStringLiteral("longest wait %1 ms, removal %2 ms").arg(qint64(longestMs)).arg(removalMs)));
}

QTEST_GUILESS_MAIN(TestBusyServer)
#include "tst_busyserver.moc"
