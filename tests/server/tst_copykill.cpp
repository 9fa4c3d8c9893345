// tidemarkd killed (SIGKILL) in the middle of a copy, ten times: the copy repository stays sound (restic check) and
// the next run completes the copy. The copy target is a real REST server (rclone serve restic on 127.0.0.1) and the
// copies are slowed down by limit_upload_kib so that each kill lands while restic is uploading.
#include "resticrestserver.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestCopyKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killDuringCopyTenTimes();

private:
    bool connect();
    QString backupMain();
    // The newest project.backup.copy activity once it is in progress; empty when none got there in time.
    QString copyInProgress();

    ServerProcess m_server;
    ResticRestServer m_rest;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QStringList m_backups;
};

bool TestCopyKill::connect()
{
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    return !m_admin.isEmpty();
}

void TestCopyKill::initTestCase()
{
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(connect());
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     R"({"data_retention": {"production": {"default_config": {"manual_count": 30}}}})", m_admin)
                 .status,
        200);
    // 8 KiB/s: the demo's first copy takes minutes, so every kill lands during an upload.
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     QStringLiteral(R"({"backup_copies": [{"name": "offsite", "repository": "%1",
                           "limit_upload_kib": 8}]})")
                         .arg(m_rest.location())
                         .toUtf8(),
                     m_admin)
                 .status,
        200);
}

void TestCopyKill::cleanupTestCase()
{
    m_server.stop();
    m_rest.stop();
}

QString TestCopyKill::backupMain()
{
    const QJsonObject activity = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", m_admin, 180000);
    if (activity.value(QStringLiteral("result")).toString() != QLatin1String("success"))
        return {};
    const QString id
        = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    m_backups.append(id);
    return id;
}

QString TestCopyKill::copyInProgress()
{
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        const QJsonArray list
            = m_http
                  ->get(QStringLiteral("/projects/demo/activities?type=project.backup.copy&state=in_progress"), m_admin)
                  .json.toArray();
        if (!list.isEmpty())
            return list.at(0).toObject().value(QStringLiteral("id")).toString();
        QTest::qWait(50);
    }
    return {};
}

void TestCopyKill::killDuringCopyTenTimes()
{
    for (int trial = 0; trial < 10; ++trial) {
        QVERIFY2(!backupMain().isEmpty(), qPrintable(QStringLiteral("trial %1: the backup failed").arg(trial)));
        const QString copy = copyInProgress();
        QVERIFY2(!copy.isEmpty(), qPrintable(QStringLiteral("trial %1: no copy ran").arg(trial)));
        QTest::qWait(300 + 150 * trial); // into the upload, a little later each time
        m_server.kill();
        QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
        QVERIFY(connect());
        const QJsonObject interrupted
            = m_http->get(QStringLiteral("/projects/demo/activities/") + copy, m_admin).json.toObject();
        QCOMPARE(interrupted.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    }

    // Full speed again: the next run completes the copy of every backup.
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     QStringLiteral(R"({"backup_copies": [{"name": "offsite", "repository": "%1"}]})")
                         .arg(m_rest.location())
                         .toUtf8(),
                     m_admin)
                 .status,
        200);
    QVERIFY(!backupMain().isEmpty());
    QDeadlineTimer deadline(240000);
    bool copied = false;
    while (!deadline.hasExpired() && !copied) {
        copied = true;
        for (const QString& id : std::as_const(m_backups)) {
            const QJsonArray copies
                = m_http->get(QStringLiteral("/projects/demo/environments/main/backups/") + id, m_admin)
                      .json.toObject()
                      .value(QStringLiteral("copies"))
                      .toArray();
            copied = copied
                && copies.at(0).toObject().value(QStringLiteral("status")).toString() == QLatin1String("copied");
        }
        if (!copied)
            QTest::qWait(250);
    }
    QVERIFY2(copied, "the run after the kills did not copy every backup");

    // The copy repository is sound. tidemarkd is stopped first: nothing of it reads the copy during the check.
    m_server.stop();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RESTIC_REPOSITORY"), m_rest.location());
    environment.insert(
        QStringLiteral("RESTIC_PASSWORD_FILE"), m_server.dataDir() + QStringLiteral("/copies/demo/offsite/password"));
    // restic 0.14 writes its lock before it registers it for removal: a restic killed in between (its parent died)
    // leaves a lock behind, which restic check, exclusive, does not pass. tidemarkd removes such stale locks when a
    // command meets one; this check does the same first. `restic unlock` keeps the locks of processes that still run.
    QProcess unlock;
    unlock.setProcessEnvironment(environment);
    unlock.setProcessChannelMode(QProcess::MergedChannels);
    unlock.start(QStringLiteral("restic"), {QStringLiteral("--no-cache"), QStringLiteral("unlock")});
    QVERIFY(unlock.waitForFinished(60000));
    QVERIFY2(unlock.exitCode() == 0, unlock.readAll().constData());
    QProcess restic;
    restic.setProcessEnvironment(environment);
    restic.setProcessChannelMode(QProcess::MergedChannels);
    restic.start(QStringLiteral("restic"), {QStringLiteral("--no-cache"), QStringLiteral("check")});
    QVERIFY(restic.waitForFinished(120000));
    const QByteArray said = restic.readAll();
    QVERIFY2(restic.exitCode() == 0, said.constData());
    QVERIFY2(said.contains("no errors were found"), said.constData());
}

QTEST_GUILESS_MAIN(TestCopyKill)
#include "tst_copykill.moc"
