// POST /projects/{p}/backup_copies/check against real targets: a REST server (rclone serve restic) that holds no
// repository yet, the same server stopped, a saved copy after its first copy (its own password), a repository with
// another password, and the 400/403/404 answers. The check creates nothing and never echoes a credential.
#include "resticrestserver.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCopyCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void badRequests();
    void emptyRestTargetWillBeCreated();
    void stoppedHostIsUnreachable();
    void savedCopyOpensWithItsPassword();
    void foreignRepositoryIsRefused();

private:
    TestHttp::Reply check(const QByteArray& body, const QString& token = {});

    ServerProcess m_server;
    ResticRestServer m_rest;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
    QTemporaryDir m_dir;
};

void TestCopyCheck::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty() && !m_viewer.isEmpty());
}

void TestCopyCheck::cleanupTestCase()
{
    m_server.stop();
    m_rest.stop();
}

TestHttp::Reply TestCopyCheck::check(const QByteArray& body, const QString& token)
{
    return m_http->request("POST", QStringLiteral("/projects/demo/backup_copies/check"), body,
        token.isEmpty() ? m_admin : token, QByteArrayLiteral("application/json"), 60000);
}

void TestCopyCheck::badRequests()
{
    const auto detail
        = [](const TestHttp::Reply& r) { return r.json.toObject().value(QStringLiteral("detail")).toObject(); };
    TestHttp::Reply r = check("{}");
    QCOMPARE(r.status, 400);
    QVERIFY2(detail(r).contains(QStringLiteral("repository")), r.body.constData());
    r = check(R"({"repository": "relative/path"})");
    QCOMPARE(r.status, 400);
    QVERIFY2(detail(r).contains(QStringLiteral("repository")), r.body.constData());
    r = check(R"({"repository": "/x", "env": {"RESTIC_PASSWORD": "p"}})");
    QCOMPARE(r.status, 400);
    QVERIFY2(detail(r).contains(QStringLiteral("env.RESTIC_PASSWORD")), r.body.constData());
    QVERIFY(!r.body.contains("\"p\""));
    r = check(R"({"repository": "/x", "when": "daily"})");
    QCOMPARE(r.status, 400);
    QVERIFY2(detail(r).contains(QStringLiteral("when")), r.body.constData());
    r = check(R"({"repository": "/x", "env": ["AWS_SECRET_ACCESS_KEY"]})");
    QCOMPARE(r.status, 400); // names without values: only a saved copy has stored values
    QVERIFY2(detail(r).contains(QStringLiteral("env")), r.body.constData());
    QCOMPARE(check(R"({"name": "nothing-here"})").status, 404);
    QCOMPARE(check(R"({"repository": "/x"})", m_viewer).status, 403);
    QCOMPARE(check("[1]").status, 400);
}

void TestCopyCheck::emptyRestTargetWillBeCreated()
{
    const TestHttp::Reply r = check(QStringLiteral(R"({"repository": "%1", "env": {"TM_CHECK_SECRET": "c0ffee-42"}})")
                                        .arg(m_rest.location(QStringLiteral("fresh")))
                                        .toUtf8());
    QCOMPARE(r.status, 200);
    const QJsonObject answer = r.json.toObject();
    QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY2(
        answer.value(QStringLiteral("text")).toString().contains(QStringLiteral("will be created on the first copy")),
        r.body.constData());
    QVERIFY(answer.value(QStringLiteral("snapshots")).isNull());
    QVERIFY(!r.body.contains("c0ffee-42"));
    QVERIFY(!QFileInfo::exists(m_rest.directory() + QStringLiteral("/fresh/config"))); // nothing was created
}

void TestCopyCheck::stoppedHostIsUnreachable()
{
    m_rest.stop();
    const TestHttp::Reply r
        = check(QStringLiteral(R"({"repository": "%1"})").arg(m_rest.location(QStringLiteral("fresh"))).toUtf8());
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("ok")).toBool(), false);
    QVERIFY2(r.json.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("cannot be reached")),
        r.body.constData());
}

void TestCopyCheck::savedCopyOpensWithItsPassword()
{
    const QString location = m_rest.location(QStringLiteral("saved"));
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     QStringLiteral(R"({"backup_copies": [{"name": "offsite", "repository": "%1"}]})")
                         .arg(location)
                         .toUtf8(),
                     m_admin)
                 .status,
        200);
    // Before its first copy the saved copy has no repository: the check says so and creates none.
    TestHttp::Reply r = check(R"({"name": "offsite"})");
    QCOMPARE(r.status, 200);
    QVERIFY2(r.json.toObject().value(QStringLiteral("ok")).toBool(), r.body.constData());
    QVERIFY(!QFileInfo::exists(m_rest.directory() + QStringLiteral("/saved/config")));

    const QJsonObject backup = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", m_admin, 180000);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QJsonObject copy;
    const QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired()) {
        const QJsonArray runs
            = m_http->get(QStringLiteral("/projects/demo/activities?type=project.backup.copy"), m_admin).json.toArray();
        if (!runs.isEmpty()) {
            copy = m_http->waitForActivity(
                QStringLiteral("demo"), runs.at(0).toObject().value(QStringLiteral("id")).toString(), m_admin, 120000);
            break;
        }
        QTest::qWait(100);
    }
    QCOMPARE(copy.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    r = check(R"({"name": "offsite"})");
    QCOMPARE(r.status, 200);
    const QJsonObject answer = r.json.toObject();
    QVERIFY2(answer.value(QStringLiteral("ok")).toBool(), r.body.constData());
    QVERIFY2(
        answer.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("Connected")), r.body.constData());
    // The backup and its manifest snapshot.
    QCOMPARE(answer.value(QStringLiteral("snapshots")).toInt(), 2);
}

void TestCopyCheck::foreignRepositoryIsRefused()
{
    // A repository that someone else made, with a password tidemarkd never had.
    const QString foreign = m_dir.filePath(QStringLiteral("foreign"));
    QFile password(m_dir.filePath(QStringLiteral("password")));
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write("someone else's password\n");
    password.close();
    QProcess init;
    init.start(QStringLiteral("restic"),
        {QStringLiteral("-r"), foreign, QStringLiteral("--password-file"), password.fileName(),
            QStringLiteral("init")});
    QVERIFY(init.waitForFinished(60000));
    QCOMPARE(init.exitCode(), 0);
    TestHttp::Reply r = check(QStringLiteral(R"({"repository": "%1"})").arg(foreign).toUtf8());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("ok")).toBool(), false);
    QVERIFY2(r.json.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("already exists")),
        r.body.constData());
    // The saved copy pointed there: its own password does not open it.
    r = check(QStringLiteral(R"({"name": "offsite", "repository": "%1"})").arg(foreign).toUtf8());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("ok")).toBool(), false);
    QVERIFY2(r.json.toObject().value(QStringLiteral("text")).toString().contains(QStringLiteral("copy's password")),
        r.body.constData());
}

QTEST_MAIN(TestCopyCheck)
#include "tst_copycheck.moc"
