// LogStream and ActivityFollower against a real tidemarkd (including one that is killed and restarted), and
// against a scripted server for log streams a real one never sends.
#include "client/activityfollower.h"
#include "client/apiclient.h"
#include "client/logstream.h"
#include "clienttestsupport.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtTest>

namespace {

const QString kProject = QStringLiteral("demo");

// Everything a follower said, for checks after the fact.
struct Recorder
{
    QStringList lines;
    QList<int> progress;
    QList<Activity> changes;
    QList<Activity> finished;
    QList<ApiError> errors;

    void attach(ActivityFollower* follower, QObject* context)
    {
        QObject::connect(follower, &ActivityFollower::logLine, context, [this](const QString& l) { lines.append(l); });
        QObject::connect(follower, &ActivityFollower::progress, context, [this](int p) { progress.append(p); });
        QObject::connect(
            follower, &ActivityFollower::activityChanged, context, [this](const Activity& a) { changes.append(a); });
        QObject::connect(follower, &ActivityFollower::finished, context, [this](const Activity& a, const ApiError& e) {
            finished.append(a);
            errors.append(e);
        });
    }
};

} // namespace

class TestActivityFollower : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void logStreamDeliversLinesThenSeal();
    void logStreamOfAFinishedActivity();
    void logStreamSkipsJunkLines();
    void logStreamEndingWithoutSealFails();
    void followerOfUnknownActivityGivesUp();
    void followerFallsBackToPolling();
    void stopAbandonsSilently();
    void followerSurvivesServerRestart();

private:
    QString startStagingBackup();
    void setStagingPauseHook(const QString& command);

    ServerProcess m_server;
    std::unique_ptr<ApiClient> m_client;
    QString m_finishedActivity;
};

void TestActivityFollower::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_client = std::make_unique<ApiClient>();
    m_client->setConnection(connectionTo(m_server.url(), m_server.adminToken()));
    m_client->setTimeout(20000);
}

void TestActivityFollower::cleanupTestCase()
{
    m_client.reset();
    m_server.stop();
}

void TestActivityFollower::setStagingPauseHook(const QString& command)
{
    TestHttp http(m_server.url());
    const QString access = http.exchange(m_server.adminToken());
    QJsonObject local = http.get(QStringLiteral("/projects/demo/environments/staging"), access)
                            .json.toObject()
                            .value(QStringLiteral("local"))
                            .toObject();
    local.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), command}, {QStringLiteral("resume"), QStringLiteral("true")}});
    const auto r = http.request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
        QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson(), access);
    QCOMPARE(r.status, 200);
}

QString TestActivityFollower::startStagingBackup()
{
    const auto r = await(m_client->createBackup(kProject, QStringLiteral("staging"), true));
    if (!r.ok() || r.value->size() != 1) {
        qWarning("createBackup failed: %s", qPrintable(r.error.message()));
        return {};
    }
    return r.value->at(0).id;
}

void TestActivityFollower::logStreamDeliversLinesThenSeal()
{
    setStagingPauseHook(QStringLiteral("sleep 1"));
    const QString id = startStagingBackup();
    QVERIFY(!id.isEmpty());
    QObject context;
    LogStream* stream = m_client->openLogStream(kProject, id, &context);
    QList<int> seqs;
    QStringList messages;
    QList<qint64> times;
    int sealedBeforeEnd = -1;
    connect(stream, &LogStream::lineReceived, &context, [&](int seq, qint64 timestampMs, const QString& message) {
        seqs.append(seq);
        times.append(timestampMs);
        messages.append(message);
    });
    QSignalSpy sealed(stream, &LogStream::sealed);
    QSignalSpy failed(stream, &LogStream::failed);
    // Lines arrive while the activity still runs (the pause hook takes a second).
    QTRY_VERIFY_WITH_TIMEOUT(messages.contains(QStringLiteral("Pausing the environment.")), 20000);
    sealedBeforeEnd = int(sealed.size());
    QCOMPARE(sealedBeforeEnd, 0);
    QVERIFY(sealed.wait(60000));
    QCOMPARE(sealed.size(), 1);
    QCOMPARE(failed.size(), 0);
    QVERIFY(stream->isSealed());
    QVERIFY(!stream->isRunning());
    QCOMPARE(stream->skippedLines(), 0);
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), i + 1);
    for (qint64 t : times)
        QVERIFY(t > 1700000000000);

    const auto done = await(m_client->activity(kProject, id));
    QVERIFY(done.ok());
    QVERIFY(done.value->isFinished());
    QCOMPARE(messages.join(QLatin1Char('\n')), done.value->log);
    m_finishedActivity = id;
    setStagingPauseHook(QStringLiteral("true"));
}

void TestActivityFollower::logStreamOfAFinishedActivity()
{
    QVERIFY(!m_finishedActivity.isEmpty());
    QObject context;
    LogStream* stream = m_client->openLogStream(kProject, m_finishedActivity, &context);
    int lines = 0;
    connect(stream, &LogStream::lineReceived, &context, [&](int, qint64, const QString&) { ++lines; });
    QSignalSpy sealed(stream, &LogStream::sealed);
    QVERIFY(sealed.wait(10000));
    QVERIFY(lines >= 3);

    // An unknown activity: the server's 404, as an error.
    LogStream* missing = m_client->openLogStream(kProject, QStringLiteral("nope"), &context);
    QSignalSpy failed(missing, &LogStream::failed);
    QVERIFY(failed.wait(10000));
    const auto error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, 404);
    QVERIFY2(error.message().startsWith(QStringLiteral("Not found: ")), qPrintable(error.message()));
}

void TestActivityFollower::logStreamSkipsJunkLines()
{
    const QByteArray body
        = "garbage\n"
          "{\"_id\": \"1\", \"data\": {\"timestamp\": \"2026-01-01T00:00:00Z\", \"message\": \"one\"}}\n"
          "[1, 2]\n"
          "{\"_id\": \"x\", \"data\": {\"message\": \"no number\"}}\n"
          "\n"
          "{\"_id\": 2, \"data\": {\"message\": \"two\"}}\r\n"
          "{\"_id\": \"3\", \"data\": {\"message\": 3}}\n"
          "{\"_id\": \"3\", \"data\": {\"timestamp\": \"not a time\", \"message\": \"three\"}}\n"
          "{\"seal\": true}\n"
          "{\"_id\": \"4\", \"data\": {\"message\": \"after the seal\"}}\n";
    FakeHttpServer server(FakeHttpServer::http(200, body, "application/x-ndjson"));
    QVERIFY(server.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(server.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    QObject context;
    LogStream* stream = client.openLogStream(kProject, QStringLiteral("a/b"), &context);
    QStringList messages;
    QList<qint64> times;
    connect(stream, &LogStream::lineReceived, &context, [&](int seq, qint64 t, const QString& message) {
        messages.append(QString::number(seq) + QLatin1Char(' ') + message);
        times.append(t);
    });
    QSignalSpy sealed(stream, &LogStream::sealed);
    QSignalSpy failed(stream, &LogStream::failed);
    QVERIFY(sealed.wait(10000));
    QCOMPARE(messages, (QStringList {QStringLiteral("1 one"), QStringLiteral("2 two"), QStringLiteral("3 three")}));
    QCOMPARE(times.at(0), QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(times.at(2), 0);
    QCOMPARE(stream->skippedLines(), 4);
    QCOMPARE(failed.size(), 0);
    QVERIFY(server.lastRequest().startsWith("GET /projects/demo/activities/a%2Fb/log HTTP/1.1"));
    QVERIFY(server.lastRequest().contains("Authorization: Bearer "));
}

void TestActivityFollower::logStreamEndingWithoutSealFails()
{
    FakeHttpServer server(FakeHttpServer::http(200,
        "{\"_id\": \"1\", \"data\": {\"message\": \"one\"}}\n{\"_id\": \"2\", \"data\": {\"mess",
        "application/x-ndjson"));
    QVERIFY(server.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(server.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    QObject context;
    LogStream* stream = client.openLogStream(kProject, QStringLiteral("a"), &context);
    int lines = 0;
    connect(stream, &LogStream::lineReceived, &context, [&](int, qint64, const QString&) { ++lines; });
    QSignalSpy sealed(stream, &LogStream::sealed);
    QSignalSpy failed(stream, &LogStream::failed);
    QVERIFY(failed.wait(10000));
    QCOMPARE(lines, 1);
    QCOMPARE(sealed.size(), 0);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Network);
    QCOMPARE(stream->skippedLines(), 1);
}

void TestActivityFollower::followerOfUnknownActivityGivesUp()
{
    ActivityFollower follower(m_client.get(), kProject, QStringLiteral("nope"));
    Recorder record;
    record.attach(&follower, this);
    QTRY_COMPARE_WITH_TIMEOUT(record.finished.size(), 1, 10000);
    QCOMPARE(record.errors.at(0).kind, ApiError::Kind::Http);
    QCOMPARE(record.errors.at(0).httpStatus, 404);
    QCOMPARE(follower.error().httpStatus, 404);
    QVERIFY(follower.isFinished());
    QVERIFY(!follower.isStreaming());
}

void TestActivityFollower::followerFallsBackToPolling()
{
    // Every stream the client may open is taken, so the follower has to poll for the log.
    setStagingPauseHook(QStringLiteral("sleep 2"));
    const QString id = startStagingBackup();
    QVERIFY(!id.isEmpty());
    QObject holders;
    for (int i = 0; i < LogStream::kMaxOpenPerClient; ++i)
        m_client->openLogStream(kProject, id, &holders);
    ActivityFollower follower(m_client.get(), kProject, id);
    Recorder record;
    record.attach(&follower, this);
    QTRY_VERIFY_WITH_TIMEOUT(record.lines.size() >= 2, 20000);
    QVERIFY(record.finished.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(record.finished.size(), 1, 60000);
    QVERIFY2(!record.errors.at(0).isError(), qPrintable(record.errors.at(0).message()));
    const Activity& done = record.finished.at(0);
    QCOMPARE(done.result, std::optional<Activity::Result>(Activity::Result::Success));
    QCOMPARE(record.lines.join(QLatin1Char('\n')), done.log);
    QCOMPARE(record.progress.last(), 100);
    QCOMPARE(record.changes.last(), done);
    setStagingPauseHook(QStringLiteral("true"));
}

void TestActivityFollower::stopAbandonsSilently()
{
    setStagingPauseHook(QStringLiteral("sleep 1"));
    const QString id = startStagingBackup();
    QVERIFY(!id.isEmpty());
    ActivityFollower follower(m_client.get(), kProject, id);
    Recorder record;
    record.attach(&follower, this);
    QTRY_VERIFY_WITH_TIMEOUT(!record.lines.isEmpty(), 20000);
    follower.stop();
    QVERIFY(!follower.isFollowing());
    const qsizetype linesAtStop = record.lines.size();
    // The activity ends on the server, and the stopped follower says nothing about it.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto a = await(m_client->activity(kProject, id));
            return a.ok() && a.value->isFinished();
        },
        30000));
    QTest::qWait(200);
    QCOMPARE(record.lines.size(), linesAtStop);
    QVERIFY(record.finished.isEmpty());
    setStagingPauseHook(QStringLiteral("true"));
}

void TestActivityFollower::followerSurvivesServerRestart()
{
    setStagingPauseHook(QStringLiteral("sleep 3"));
    const QString id = startStagingBackup();
    QVERIFY(!id.isEmpty());
    ActivityFollower follower(m_client.get(), kProject, id);
    Recorder record;
    record.attach(&follower, this);
    QTRY_VERIFY_WITH_TIMEOUT(record.lines.contains(QStringLiteral("Pausing the environment.")), 20000);
    QVERIFY(follower.isStreaming());

    m_server.kill();
    // The follower notices (its stream breaks) and keeps waiting rather than giving up.
    QTRY_VERIFY_WITH_TIMEOUT(!follower.isStreaming(), 10000);
    QVERIFY(record.finished.isEmpty());
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));

    QElapsedTimer elapsed;
    elapsed.start();
    QTRY_COMPARE_WITH_TIMEOUT(record.finished.size(), 1, 30000);
    // The restarted server marked the interrupted backup as failed; the follower reports that end.
    QVERIFY2(!record.errors.at(0).isError(), qPrintable(record.errors.at(0).message()));
    const Activity& done = record.finished.at(0);
    QCOMPARE(done.id, id);
    QVERIFY(done.isFinished());
    QCOMPARE(done.result, std::optional<Activity::Result>(Activity::Result::Failure));
    // Across stream, polling and a re-opened stream: every line once, in order.
    QCOMPARE(record.lines.join(QLatin1Char('\n')), done.log);
    QTest::qWait(200);
    QCOMPARE(record.finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestActivityFollower)
#include "tst_activityfollower.moc"
