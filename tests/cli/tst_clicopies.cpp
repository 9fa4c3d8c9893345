// tidemark-cli's copy commands end to end: copy:list (table and JSON) and backup:restore --from-copy, the real binary
// against a real tidemarkd copying to a real restic repository in a local directory.
#include "clirun.h"
#include "environmentstate.h"
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace EnvironmentState;

class TestCliCopies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listWithoutCopies();
    void listShowsTargetsAndWhatTheyHold();
    void restoreFromCopy();
    void usageErrors();

private:
    using Run = CliRun;
    // In project demo, environment main.
    Run run(const QStringList& arguments)
    {
        return runCli(m_server,
            QStringList {QStringLiteral("-p"), QStringLiteral("demo"), QStringLiteral("-e"), QStringLiteral("main")}
                + arguments);
    }
    QString backupMain();

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
    QTemporaryDir m_target;
    QString m_uploads;
    QString m_backup;
};

void TestCliCopies::initTestCase()
{
    QVERIFY(m_target.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    m_uploads = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_access)
                    .json.toObject()
                    .value(QStringLiteral("local"))
                    .toObject()
                    .value(QStringLiteral("mounts"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("path"))
                    .toString();
    QVERIFY(!m_uploads.isEmpty());
}

void TestCliCopies::cleanupTestCase()
{
    m_server.stop();
}

QString TestCliCopies::backupMain()
{
    const Run created = run({QStringLiteral("backup:create"), QStringLiteral("--live"), QStringLiteral("--format"),
        QStringLiteral("json")});
    if (created.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(created.out)
        .object()
        .value(QStringLiteral("payload"))
        .toObject()
        .value(QStringLiteral("backup_name"))
        .toString();
}

void TestCliCopies::listWithoutCopies()
{
    const Run list = run({QStringLiteral("copy:list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("no copies"), list.out.constData());
    const Run json = run({QStringLiteral("copy:list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out).array(), QJsonArray());
}

void TestCliCopies::listShowsTargetsAndWhatTheyHold()
{
    const QString location = m_target.filePath(QStringLiteral("offsite"));
    const TestHttp::Reply set = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        QStringLiteral(R"({"backup_copies": [{"name": "offsite", "repository": "%1", "env": {"TM_KEY": "v"},
            "limit_upload_kib": 2048}]})")
            .arg(location)
            .toUtf8(),
        m_access);
    QCOMPARE(set.status, 200);
    m_backup = backupMain();
    QVERIFY(!m_backup.isEmpty());
    // The copy runs after the backup, as its own activity.
    QJsonObject copy;
    const QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired()) {
        const QJsonArray runs
            = m_http->get(QStringLiteral("/projects/demo/activities?type=project.backup.copy"), m_access)
                  .json.toArray();
        if (!runs.isEmpty()) {
            copy = m_http->waitForActivity(
                QStringLiteral("demo"), runs.at(0).toObject().value(QStringLiteral("id")).toString(), m_access, 120000);
            break;
        }
        QTest::qWait(100);
    }
    QCOMPARE(copy.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    const Run table = run({QStringLiteral("copy:list")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("offsite") && table.out.contains(location.toUtf8()), table.out.constData());
    QVERIFY2(table.out.contains("1 of 1"), table.out.constData());
    QVERIFY2(table.out.contains("TM_KEY") && table.out.contains("2048 KiB/s"), table.out.constData());
    QVERIFY(!table.out.contains("\"v\""));

    const Run json = run({QStringLiteral("copy:list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray copies = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(copies.size(), 1);
    const QJsonObject offsite = copies.at(0).toObject();
    QCOMPARE(offsite.value(QStringLiteral("name")).toString(), QStringLiteral("offsite"));
    QCOMPARE(offsite.value(QStringLiteral("repository")).toString(), location);
    QCOMPARE(offsite.value(QStringLiteral("backups_copied")).toInt(), 1);
    QCOMPARE(offsite.value(QStringLiteral("backups")).toInt(), 1);
    QCOMPARE(offsite.value(QStringLiteral("env")).toArray(), QJsonArray {QStringLiteral("TM_KEY")});
    QVERIFY(offsite.value(QStringLiteral("last_error")).isNull());
}

void TestCliCopies::restoreFromCopy()
{
    QVERIFY(!m_backup.isEmpty());
    const Tree atBackup = hashTree(m_uploads);
    QVERIFY(writeFile(m_uploads + QStringLiteral("/written-after.txt"), "after the backup"));
    QVERIFY(hashTree(m_uploads) != atBackup);
    const Run restored = run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--no-code"),
        QStringLiteral("--no-safety-backup"), QStringLiteral("--from-copy"), QStringLiteral("offsite"),
        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(restored.exitCode, 0);
    QVERIFY2(restored.err.contains("from copy offsite"), restored.err.constData());
    const QJsonObject activity = QJsonDocument::fromJson(restored.out).object();
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("from_copy")).toString(),
        QStringLiteral("offsite"));
    QCOMPARE(hashTree(m_uploads), atBackup);
}

void TestCliCopies::usageErrors()
{
    const Run unknown
        = run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--from-copy"), QStringLiteral("elsewhere")});
    QVERIFY(unknown.exitCode != 0);
    QVERIFY2(unknown.err.contains("from_copy"), unknown.err.constData());
    const Run empty = run({QStringLiteral("backup:restore"), QStringLiteral("--from-copy="), m_backup});
    QCOMPARE(empty.exitCode, 2);
    QVERIFY2(empty.err.contains("--from-copy"), empty.err.constData());
    const Run misplaced = run({QStringLiteral("copy:list"), QStringLiteral("--from-copy"), QStringLiteral("offsite")});
    QCOMPARE(misplaced.exitCode, 2);
}

QTEST_MAIN(TestCliCopies)
#include "tst_clicopies.moc"
