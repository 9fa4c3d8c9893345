// tidemark-cli's restore-with-confidence commands end to end: backup:files, backup:download, backup:diff,
// backup:restore --part/--path/--no-safety-backup and activity:undo, the real binary against a real tidemarkd.
#include "clirun.h"
#include "environmentstate.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace EnvironmentState;

class TestCliRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void filesListsPartsAndFolders();
    void downloadSavesAFileAndAFolder();
    void diffAgainstCurrent();
    void pathRestoreThenUndo();
    void partRestoreWithoutSafetyBackup();
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

    ServerProcess m_server;
    QString m_backup;
    QString m_uploads;
    QString m_db;
};

void TestCliRestore::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    TestHttp http(m_server.url());
    const QString access = http.exchange(m_server.adminToken());
    const QJsonObject local = http.get(QStringLiteral("/projects/demo/environments/main"), access)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject();
    m_uploads
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    m_db = local.value(QStringLiteral("services")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    QVERIFY(QDir().mkpath(m_uploads + QStringLiteral("/docs/deep")));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/docs/guide.txt"), "the guide\n"));
    const Run created = run({QStringLiteral("backup:create"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(created.exitCode, 0);
    m_backup = QJsonDocument::fromJson(created.out)
                   .object()
                   .value(QStringLiteral("payload"))
                   .toObject()
                   .value(QStringLiteral("backup_name"))
                   .toString();
    QCOMPARE(m_backup.size(), 26);
}

void TestCliRestore::cleanupTestCase()
{
    m_server.stop();
}

void TestCliRestore::filesListsPartsAndFolders()
{
    const Run parts
        = run({QStringLiteral("backup:files"), m_backup, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(parts.exitCode, 0);
    QStringList paths;
    for (const QJsonValue& v : QJsonDocument::fromJson(parts.out).object().value(QStringLiteral("entries")).toArray())
        paths.append(v.toObject().value(QStringLiteral("path")).toString());
    QCOMPARE(paths,
        QStringList({QStringLiteral("code"), QStringLiteral("mounts/uploads"), QStringLiteral("services/database")}));
    const Run docs = run({QStringLiteral("backup:files"), m_backup, QStringLiteral("mounts/uploads/docs")});
    QCOMPARE(docs.exitCode, 0);
    QVERIFY(docs.out.contains("mounts/uploads/docs/guide.txt"));
    QVERIFY(docs.out.contains("Type"));
    const Run missing = run({QStringLiteral("backup:files"), m_backup, QStringLiteral("mounts/uploads/nothing")});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(missing.err.contains("not in backup"));
}

void TestCliRestore::downloadSavesAFileAndAFolder()
{
    QTemporaryDir to;
    const Run file = run({QStringLiteral("backup:download"), m_backup,
        QStringLiteral("mounts/uploads/batch-0/image-000.bin"), QStringLiteral("--to"), to.path()});
    QCOMPARE(file.exitCode, 0);
    QVERIFY2(file.err.contains("download of image-000.bin: 100%"), file.err.constData()); // progress on stderr
    QFile saved(to.filePath(QStringLiteral("image-000.bin")));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QFile original(m_uploads + QStringLiteral("/batch-0/image-000.bin"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), original.readAll());
    const Run folder = run({QStringLiteral("backup:download"), m_backup, QStringLiteral("mounts/uploads/docs"),
        QStringLiteral("--to"), to.path()});
    QCOMPARE(folder.exitCode, 0);
    QVERIFY(QFileInfo(to.filePath(QStringLiteral("docs.tar"))).size() > 512);
    // Nothing is overwritten.
    const Run again = run({QStringLiteral("backup:download"), m_backup,
        QStringLiteral("mounts/uploads/batch-0/image-000.bin"), QStringLiteral("--to"), to.path()});
    QCOMPARE(again.exitCode, 2);
}

void TestCliRestore::diffAgainstCurrent()
{
    QVERIFY(writeFile(m_uploads + QStringLiteral("/later.txt"), "later\n"));
    const Run diff = run({QStringLiteral("backup:diff"), m_backup, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(diff.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(diff.out).object();
    QCOMPARE(o.value(QStringLiteral("against")).toString(), QStringLiteral("current"));
    bool found = false;
    for (const QJsonValue& p : o.value(QStringLiteral("parts")).toArray()) {
        if (p.toObject().value(QStringLiteral("part")).toString() == QLatin1String("mounts/uploads"))
            found = p.toObject().value(QStringLiteral("added")).toInt() == 1;
    }
    QVERIFY(found);
    const Run text
        = run({QStringLiteral("backup:diff"), m_backup, QStringLiteral("--against"), QStringLiteral("current")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("+ mounts/uploads/later.txt"), text.out.constData());
}

void TestCliRestore::pathRestoreThenUndo()
{
    QVERIFY(QDir().mkpath(m_uploads + QStringLiteral("/docs/deep")));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/docs/guide.txt"), "changed\n"));
    const Tree before = hashTree(m_uploads);
    const Run restored = run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--path"),
        QStringLiteral("mounts/uploads/docs/guide.txt"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(restored.exitCode, 0);
    QFile guide(m_uploads + QStringLiteral("/docs/guide.txt"));
    QVERIFY(guide.open(QIODevice::ReadOnly));
    QCOMPARE(guide.readAll(), QByteArray("the guide\n"));
    guide.close();
    QVERIFY(QFile::exists(m_uploads + QStringLiteral("/later.txt"))); // the rest untouched
    const QString restoreId = QJsonDocument::fromJson(restored.out).object().value(QStringLiteral("id")).toString();
    QVERIFY(!restoreId.isEmpty());
    const Run undone = run({QStringLiteral("activity:undo"), restoreId});
    QCOMPARE(undone.exitCode, 0);
    QCOMPARE(hashTree(m_uploads), before);
}

void TestCliRestore::partRestoreWithoutSafetyBackup()
{
    const QStringList rows = tableRows(m_db);
    const Run restored = run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--part"),
        QStringLiteral("mounts/uploads"), QStringLiteral("--no-code"), QStringLiteral("--no-safety-backup"),
        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(restored.exitCode, 0);
    QVERIFY(!QFile::exists(m_uploads + QStringLiteral("/later.txt")));
    QCOMPARE(tableRows(m_db), rows);
    const QString restoreId = QJsonDocument::fromJson(restored.out).object().value(QStringLiteral("id")).toString();
    const Run undo = run({QStringLiteral("activity:undo"), restoreId});
    QCOMPARE(undo.exitCode, 3); // no safety backup: nothing to undo (409)
    QVERIFY(undo.err.contains("without a safety backup"));
}

void TestCliRestore::usageErrors()
{
    QCOMPARE(
        run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--part"), QStringLiteral("/etc")}).exitCode,
        2);
    QCOMPARE(run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--part"),
                     QStringLiteral("mounts/uploads"), QStringLiteral("--path"), QStringLiteral("code/README.md")})
                 .exitCode,
        2);
    QCOMPARE(run({QStringLiteral("backup:download"), m_backup}).exitCode, 2);
    QCOMPARE(
        run({QStringLiteral("backup:files"), m_backup, QStringLiteral("--part"), QStringLiteral("code")}).exitCode, 2);
    const Run bad
        = run({QStringLiteral("backup:restore"), m_backup, QStringLiteral("--path"), QStringLiteral("code/../x")});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY(bad.err.contains("paths[0]"));
}

QTEST_GUILESS_MAIN(TestCliRestore)
#include "tst_clirestore.moc"
