// The loss of the machine: backups copied to a REST target (rclone serve restic on 127.0.0.1), the whole data
// directory deleted (the store, the repository, the copies' secrets; only the environments' own folders and the
// copy's password kept, as an administrator keeps the recovery key), `tidemarkd import` from the copy into a new
// store, then every environment restored and compared with what it was at its backup.
#include "environmentstate.h"
#include "resticrestserver.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace EnvironmentState;

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void importRebuildsTheStoreFromACopy();

private:
    struct Captured
    {
        QString backupId;
        QJsonObject backup;
        Tree code;
        Tree mount;
        QStringList rows;
        QString codePath;
        QString mountPath;
        QString dbPath;
    };
    Captured capture(const QString& environment);

    ServerProcess m_server;
    ResticRestServer m_rest;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QTemporaryDir m_keys;
};

void TestImport::initTestCase()
{
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
}

void TestImport::cleanupTestCase()
{
    m_server.stop();
    m_rest.stop();
}

TestImport::Captured TestImport::capture(const QString& environment)
{
    Captured c;
    const QJsonObject local = m_http->get(QStringLiteral("/projects/demo/environments/") + environment, m_admin)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject();
    c.codePath = local.value(QStringLiteral("code_path")).toString();
    c.mountPath
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    c.dbPath
        = local.value(QStringLiteral("services")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    c.code = hashTree(c.codePath);
    c.mount = hashTree(c.mountPath);
    c.rows = tableRows(c.dbPath);
    const QJsonObject activity = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/environments/%1/backup").arg(environment), R"({"safe": true})", m_admin, 180000);
    c.backupId = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    c.backup
        = m_http->get(QStringLiteral("/projects/demo/environments/%1/backups/%2").arg(environment, c.backupId), m_admin)
              .json.toObject();
    return c;
}

void TestImport::importRebuildsTheStoreFromACopy()
{
    const TestHttp::Reply set = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        QStringLiteral(R"({"backup_copies": [{"name": "offsite", "repository": "%1"}]})")
            .arg(m_rest.location())
            .toUtf8(),
        m_admin);
    QCOMPARE(set.status, 200);

    QList<Captured> captured;
    for (const QString& environment : {QStringLiteral("main"), QStringLiteral("staging")}) {
        captured.append(capture(environment));
        QVERIFY2(!captured.last().backupId.isEmpty(), qPrintable(environment));
    }
    // Every copy has run: each backup is on the copy.
    QDeadlineTimer deadline(180000);
    bool copied = false;
    while (!deadline.hasExpired() && !copied) {
        copied = true;
        for (const Captured& c : captured) {
            const QJsonObject b
                = m_http
                      ->get(QStringLiteral("/projects/demo/environments/%1/backups/%2")
                                .arg(c.backup.value(QStringLiteral("environment")).toString(), c.backupId),
                          m_admin)
                      .json.toObject();
            const QJsonArray copies = b.value(QStringLiteral("copies")).toArray();
            copied = copied && copies.size() == 1
                && copies.at(0).toObject().value(QStringLiteral("status")).toString() == QLatin1String("copied");
        }
        if (!copied)
            QTest::qWait(200);
    }
    QVERIFY(copied);

    // The recovery key, kept elsewhere; then the machine is lost.
    const QString password = m_keys.filePath(QStringLiteral("offsite.password"));
    QVERIFY(QFile::copy(m_server.dataDir() + QStringLiteral("/copies/demo/offsite/password"), password));
    m_server.stop();
    const QDir data(m_server.dataDir());
    for (const QString& entry : data.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry == QLatin1String("environments"))
            continue; // the sites themselves (the demo keeps them in its data directory)
        QFileInfo info(data.filePath(entry));
        if (info.isDir())
            QVERIFY(QDir(info.filePath()).removeRecursively());
        else
            QVERIFY(QFile::remove(info.filePath()));
    }
    for (const Captured& c : captured) {
        QVERIFY(writeFile(c.mountPath + QStringLiteral("/lost.txt"), "written after the loss"));
        QVERIFY(execSql(c.dbPath, QStringLiteral("DELETE FROM orders")));
    }

    int status = -1;
    const QByteArray out = m_server.runTool({QStringLiteral("import"), QStringLiteral("--repository"),
                                                m_rest.location(), QStringLiteral("--password-file"), password},
        &status);
    QVERIFY2(status == 0, out.constData());
    QVERIFY2(out.contains("Project demo: 2 backups imported"), out.constData());
    // The same import again changes nothing.
    QVERIFY(m_server
                .runTool({QStringLiteral("import"), QStringLiteral("--repository"), m_rest.location(),
                             QStringLiteral("--password-file"), password},
                    &status)
                .contains("0 backups imported"));

    const QString token = QString::fromUtf8(
        m_server
            .runTool({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                         QStringLiteral("admin"), QStringLiteral("--name"), QStringLiteral("after")},
                &status)
            .trimmed());
    QCOMPARE(status, 0);
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    m_admin = m_http->exchange(token);
    QVERIFY(!m_admin.isEmpty());

    for (const Captured& c : captured) {
        const QString environment = c.backup.value(QStringLiteral("environment")).toString();
        const QJsonArray backups
            = m_http->get(QStringLiteral("/projects/demo/environments/%1/backups").arg(environment), m_admin)
                  .json.toArray();
        QCOMPARE(backups.size(), 1);
        const QJsonObject b = backups.at(0).toObject();
        for (const char* field : {"id", "created_at", "commit_id", "safe", "automated", "size_of_volumes", "size_used",
                 "restorable", "attributes"})
            QCOMPARE(b.value(QLatin1String(field)), c.backup.value(QLatin1String(field)));

        const QJsonObject restored = m_http->startAndWait("POST",
            QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(environment, c.backupId),
            R"({"restore_code": true})", m_admin, 180000);
        QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
            qPrintable(restored.value(QStringLiteral("log")).toString()));
        QCOMPARE(hashTree(c.codePath), c.code);
        QCOMPARE(hashTree(c.mountPath), c.mount);
        QCOMPARE(tableRows(c.dbPath), c.rows);
    }
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
