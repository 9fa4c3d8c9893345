// Verification of the primary repository through tidemarkd's API: restic check with data read back, a test
// restore, damaged packs named, the backups that use them made not restorable, the index repaired so that the next
// backup stores the damaged data again (issue 11, finding 9b), and the repository's statistics.
#include "environmentstate.h"
#include "serverprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace EnvironmentState;

class TestVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void capabilitiesNameVerifyAndRepository();
    void verifySettingsDefaultAndPatch();
    void verifyRejectsBadRequests();
    void cleanRepositoryVerifiesWithTestRestore();
    void damagedPackFailsVerificationAndMarksBackups();
    void nextBackupStoresTheDataAgain();

private:
    QJsonObject startAndWait(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        return m_http->startAndWait(method, path, body, m_admin, 180000);
    }
    QJsonObject backupMain();
    QJsonObject verify(int percent);
    QJsonObject repository();
    QJsonObject backup(const QString& id);

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
    QString m_mountPath;
    QString m_firstBackup;
    Tree m_mountAtFirst;
    QString m_damagedPack;
    QString m_secondBackup;
};

void TestVerify::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty());
    const QJsonObject local = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_admin)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject();
    // Three manual backups of main are taken; none may replace another.
    const TestHttp::Reply policy = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 5}}}})", m_admin);
    QCOMPARE(policy.status, 200);
    m_mountPath
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    QVERIFY(QFileInfo(m_mountPath).isDir());
}

void TestVerify::cleanupTestCase()
{
    m_server.stop();
}

QJsonObject TestVerify::backupMain()
{
    return startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})");
}

QJsonObject TestVerify::verify(int percent)
{
    return startAndWait("POST", QStringLiteral("/projects/demo/verify"),
        QStringLiteral(R"({"repository": "primary", "read_data_percent": %1, "test_restore": true})")
            .arg(percent)
            .toUtf8());
}

QJsonObject TestVerify::repository()
{
    const TestHttp::Reply reply = m_http->get(QStringLiteral("/projects/demo/repository"), m_viewer);
    if (reply.status != 200)
        qWarning("GET /repository: %d %s", reply.status, reply.body.constData());
    return reply.json.toObject().value(QStringLiteral("repositories")).toArray().at(0).toObject();
}

QJsonObject TestVerify::backup(const QString& id)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/main/backups/") + id, m_admin).json.toObject();
}

void TestVerify::capabilitiesNameVerifyAndRepository()
{
    const QJsonArray capabilities = m_http->get(QStringLiteral("/tidemark"), m_viewer)
                                        .json.toObject()
                                        .value(QStringLiteral("capabilities"))
                                        .toArray();
    QVERIFY(capabilities.contains(QStringLiteral("verify")));
    QVERIFY(capabilities.contains(QStringLiteral("repository")));
}

void TestVerify::verifySettingsDefaultAndPatch()
{
    const QJsonObject defaults = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer)
                                     .json.toObject()
                                     .value(QStringLiteral("verify"))
                                     .toObject();
    QCOMPARE(defaults,
        (QJsonObject {{QStringLiteral("every"), QStringLiteral("1w")}, {QStringLiteral("read_data_percent"), 5},
            {QStringLiteral("test_restore"), true}}));

    TestHttp::Reply bad = m_http->request(
        "PATCH", QStringLiteral("/projects/demo/settings"), R"({"verify": {"every": "5x"}})", m_admin);
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("verify.every")),
        bad.body.constData());
    bad = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"verify": {"read_data_percent": 101, "often": true}})", m_admin);
    QCOMPARE(bad.status, 400);
    const QJsonObject detail = bad.json.toObject().value(QStringLiteral("detail")).toObject();
    QVERIFY2(detail.contains(QStringLiteral("verify.read_data_percent")), bad.body.constData());
    QVERIFY2(detail.contains(QStringLiteral("verify.often")), bad.body.constData());

    const TestHttp::Reply patched = m_http->request(
        "PATCH", QStringLiteral("/projects/demo/settings"), R"({"verify": {"read_data_percent": 10}})", m_admin);
    QCOMPARE(patched.status, 200);
    const QJsonObject now = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer)
                                .json.toObject()
                                .value(QStringLiteral("verify"))
                                .toObject();
    QCOMPARE(now.value(QStringLiteral("every")).toString(), QStringLiteral("1w")); // kept
    QCOMPARE(now.value(QStringLiteral("read_data_percent")).toInt(), 10);
    QCOMPARE(now.value(QStringLiteral("test_restore")).toBool(), true);
    QCOMPARE(
        m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"({"verify": {"every": "2d"}})", m_viewer)
            .status,
        403);
}

void TestVerify::verifyRejectsBadRequests()
{
    const QString path = QStringLiteral("/projects/demo/verify");
    TestHttp::Reply reply = m_http->request("POST", path, R"({"read_data_percent": 101})", m_admin);
    QCOMPARE(reply.status, 400);
    QVERIFY(
        reply.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("read_data_percent")));
    reply = m_http->request("POST", path, R"({"test_restore": "yes"})", m_admin);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("test_restore")));
    reply = m_http->request("POST", path, R"({"deep": true})", m_admin);
    QCOMPARE(reply.status, 400);
    reply = m_http->request("POST", path, R"({"repository": "offsite"})", m_admin);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.json.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("offsite")));
    QCOMPARE(m_http->request("POST", path, {}, m_viewer).status, 403);
    QCOMPARE(m_http->request("POST", QStringLiteral("/projects/nope/verify"), {}, m_admin).status, 404);
    QCOMPARE(m_http->get(QStringLiteral("/projects/nope/repository"), m_admin).status, 404);
}

void TestVerify::cleanRepositoryVerifiesWithTestRestore()
{
    // Never verified: nothing to show yet.
    QJsonObject primary = repository();
    QCOMPARE(primary.value(QStringLiteral("name")).toString(), QStringLiteral("primary"));
    QVERIFY(primary.value(QStringLiteral("last_verified_at")).isNull());
    QVERIFY(primary.value(QStringLiteral("last_verify_result")).isNull());

    m_mountAtFirst = hashTree(m_mountPath);
    const QJsonObject first = backupMain();
    QCOMPARE(first.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    m_firstBackup = first.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();

    const QJsonObject activity = verify(100);
    QCOMPARE(activity.value(QStringLiteral("type")).toString(), QStringLiteral("project.verify"));
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));
    const QString text = activity.value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("100 %")), qPrintable(text));
    QVERIFY2(text.contains(m_firstBackup) && text.contains(QStringLiteral("identical")), qPrintable(text));

    primary = repository();
    QCOMPARE(primary.value(QStringLiteral("last_verify_result")).toString(), QStringLiteral("success"));
    QCOMPARE(primary.value(QStringLiteral("last_verify_text")).toString(), text);
    QVERIFY(!primary.value(QStringLiteral("last_verified_at")).toString().isEmpty());
    QCOMPARE(primary.value(QStringLiteral("snapshots")).toInt(), 1);
    const qint64 size = qint64(primary.value(QStringLiteral("size_bytes")).toDouble());
    const qint64 logical = qint64(primary.value(QStringLiteral("logical_bytes")).toDouble());
    QVERIFY(size > 0);
    QCOMPARE(logical, qint64(backup(m_firstBackup).value(QStringLiteral("size_of_volumes")).toDouble()));
    QVERIFY(primary.value(QStringLiteral("dedup_ratio")).toDouble() > 0);
    const QJsonArray growth = m_http->get(QStringLiteral("/projects/demo/repository"), m_viewer)
                                  .json.toObject()
                                  .value(QStringLiteral("growth"))
                                  .toArray();
    QVERIFY(growth.size() >= 2); // after the backup and after the verification
    QCOMPARE(qint64(growth.last().toObject().value(QStringLiteral("size_bytes")).toDouble()), size);
    // The scratch directory of the test restore is gone.
    QVERIFY(!QFileInfo::exists(
        m_server.dataDir() + QStringLiteral("/staging/verify-") + activity.value(QStringLiteral("id")).toString()));
}

void TestVerify::damagedPackFailsVerificationAndMarksBackups()
{
    const QString pack
        = EnvironmentState::damageLargestPack(m_server.dataDir() + QStringLiteral("/repositories/demo/repo"));
    QVERIFY(!pack.isEmpty());
    m_damagedPack = QFileInfo(pack).fileName();

    // A backup after the damage reuses the damaged blobs and reports success: only a verification can tell.
    const QJsonObject second = backupMain();
    QCOMPARE(second.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    m_secondBackup = second.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    QCOMPARE(backup(m_secondBackup).value(QStringLiteral("restorable")).toBool(), true);

    const QJsonObject activity = verify(100);
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const QString text = activity.value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(m_damagedPack), qPrintable(text));
    const QJsonObject primary = repository();
    QCOMPARE(primary.value(QStringLiteral("last_verify_result")).toString(), QStringLiteral("failure"));
    QVERIFY(primary.value(QStringLiteral("last_verify_text")).toString().contains(m_damagedPack));

    for (const QString& id : {m_firstBackup, m_secondBackup}) {
        const QJsonObject b = backup(id);
        QCOMPARE(b.value(QStringLiteral("restorable")).toBool(), false);
        QVERIFY(!b.value(QStringLiteral("_links")).toObject().contains(QStringLiteral("#restore")));
        QVERIFY(b.value(QStringLiteral("attributes"))
                    .toObject()
                    .value(QStringLiteral("damaged"))
                    .toString()
                    .contains(activity.value(QStringLiteral("id")).toString()));
    }
    const TestHttp::Reply refused = m_http->request(
        "POST", QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(m_firstBackup), {}, m_admin);
    QCOMPARE(refused.status, 409);

    // The damaged pack was moved aside (kept), not left for the next backup to reuse.
    QVERIFY(!QFileInfo::exists(pack));
    QVERIFY(QFileInfo::exists(m_server.dataDir() + QStringLiteral("/repositories/demo/quarantine/") + m_damagedPack));
}

void TestVerify::nextBackupStoresTheDataAgain()
{
    QVERIFY(!m_damagedPack.isEmpty());
    const QJsonObject third = backupMain();
    QCOMPARE(third.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QString thirdId
        = third.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    QCOMPARE(backup(thirdId).value(QStringLiteral("restorable")).toBool(), true);

    // Every blob is in the repository again: the verification passes and gives the earlier backups back.
    const QJsonObject activity = verify(100);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));
    for (const QString& id : {m_firstBackup, m_secondBackup}) {
        const QJsonObject b = backup(id);
        QVERIFY2(b.value(QStringLiteral("restorable")).toBool(),
            qPrintable(activity.value(QStringLiteral("log")).toString()));
        QVERIFY(!b.value(QStringLiteral("attributes")).toObject().contains(QStringLiteral("damaged")));
    }

    // The first backup restores exactly what it captured.
    QVERIFY(writeFile(m_mountPath + QStringLiteral("/after-damage.txt"), "written after the first backup"));
    const QJsonObject restored
        = startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(m_firstBackup),
            R"({"restore_code": false})");
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(restored.value(QStringLiteral("log")).toString()));
    QCOMPARE(hashTree(m_mountPath), m_mountAtFirst);
}

QTEST_GUILESS_MAIN(TestVerify)
#include "tst_verify.moc"
