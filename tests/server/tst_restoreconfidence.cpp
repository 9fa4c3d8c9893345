// Restore with confidence against a real tidemarkd and real restic repositories: browse a backup's files, download
// a file and a folder, compare with the environment now and with another backup, restore parts and paths, the safety
// backup before each restore, and undo.
#include "environmentstate.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace EnvironmentState;

class TestRestoreConfidence : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void capabilitiesNameTheFeatures();
    void listsEveryPart();
    void downloadedFileEqualsOriginal();
    void archiveUnpacksToOriginalTree();
    void diffAgainstCurrentFindsTheChanges();
    void diffAgainstAnotherBackup();
    void pathRestorePutsBackOneFileAndUndoRemovesIt();
    void partRestoreLeavesOtherPartsAndUndoBringsBackRows();
    void withoutSafetyBackupNoneIsTaken();
    void badInputIsRefusedAndNothingIsWritten();
    void slowDownloadHoldsResticBack();

private:
    QString base() const { return QStringLiteral("/projects/demo/environments/main"); }
    QString files(const QString& backup, const QString& route, const QString& path) const
    {
        return base() + QStringLiteral("/backups/") + backup + route + QStringLiteral("?path=")
            + QString::fromLatin1(QUrl::toPercentEncoding(path));
    }
    QJsonArray backups() { return m_http->get(base() + QStringLiteral("/backups"), m_admin).json.toArray(); }
    QString takeBackup()
    {
        const QJsonObject a
            = m_http->startAndWait("POST", base() + QStringLiteral("/backup"), R"({"safe": true})", m_admin, 120000);
        return a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    }
    // Starts a restore; waits for every activity it started (the safety backup, then the restore).
    QJsonObject restore(const QString& backup, const QByteArray& body, QJsonObject* safety = nullptr)
    {
        const auto r
            = m_http->request("POST", base() + QStringLiteral("/backups/%1/restore").arg(backup), body, m_admin);
        if (r.status != 202) {
            qWarning("restore answered %d: %s", r.status, r.body.constData());
            return {};
        }
        const QJsonArray started = r.json.toObject()
                                       .value(QStringLiteral("_embedded"))
                                       .toObject()
                                       .value(QStringLiteral("activities"))
                                       .toArray();
        QJsonObject restoreActivity;
        for (const QJsonValue& v : started) {
            const QJsonObject done = m_http->waitForActivity(
                QStringLiteral("demo"), v.toObject().value(QStringLiteral("id")).toString(), m_admin, 120000);
            if (done.value(QStringLiteral("type")).toString() == QLatin1String("environment.restore"))
                restoreActivity = done;
            else if (safety)
                *safety = done;
        }
        return restoreActivity;
    }
    QJsonObject backupNamed(const QString& id)
    {
        return m_http->get(base() + QStringLiteral("/backups/") + id, m_admin).json.toObject();
    }

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QTemporaryDir m_outside; // a place outside every environment: nothing may appear or change here
    QString m_code, m_uploads, m_db;
    QString m_first; // the backup every test starts from
    Tree m_uploadsAtFirst;
    QStringList m_rowsAtFirst;
};

void TestRestoreConfidence::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
    const QJsonObject local = m_http->get(base(), m_admin).json.toObject().value(QStringLiteral("local")).toObject();
    m_code = local.value(QStringLiteral("code_path")).toString();
    m_uploads
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    m_db = local.value(QStringLiteral("services")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    QVERIFY(QFileInfo(m_uploads).isDir());

    // A folder inside the mount, and a link that points outside the environment.
    QVERIFY(QDir().mkpath(m_uploads + QStringLiteral("/docs/deep")));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/docs/guide.txt"), "how to use it\n"));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/docs/deep/more.txt"), "more\n"));
    QVERIFY(writeFile(m_outside.filePath(QStringLiteral("secret.txt")), "outside\n"));
    QVERIFY(QFile::link(m_outside.filePath(QStringLiteral("secret.txt")), m_uploads + QStringLiteral("/escape")));
    m_uploadsAtFirst = hashTree(m_uploads);
    m_rowsAtFirst = tableRows(m_db);
    m_first = takeBackup();
    QCOMPARE(m_first.size(), 26);
}

void TestRestoreConfidence::cleanupTestCase()
{
    m_server.stop();
}

void TestRestoreConfidence::capabilitiesNameTheFeatures()
{
    const QJsonArray caps = m_http->get(QStringLiteral("/tidemark"), m_admin)
                                .json.toObject()
                                .value(QStringLiteral("capabilities"))
                                .toArray();
    for (const char* name : {"files", "diff", "partial_restore", "safety_backup"})
        QVERIFY2(caps.contains(QLatin1String(name)), name);
}

void TestRestoreConfidence::listsEveryPart()
{
    QElapsedTimer timer;
    timer.start();
    const auto root = m_http->get(files(m_first, QStringLiteral("/files"), QString()), m_admin);
    QCOMPARE(root.status, 200);
    QHash<QString, QJsonObject> byPath;
    for (const QJsonValue& v : root.json.toObject().value(QStringLiteral("entries")).toArray())
        byPath.insert(v.toObject().value(QStringLiteral("path")).toString(), v.toObject());
    QCOMPARE(byPath.keys().size(), 3);
    QCOMPARE(byPath.value(QStringLiteral("code")).value(QStringLiteral("type")).toString(), QStringLiteral("dir"));
    QCOMPARE(
        byPath.value(QStringLiteral("mounts/uploads")).value(QStringLiteral("type")).toString(), QStringLiteral("dir"));
    const QJsonObject db = byPath.value(QStringLiteral("services/database"));
    QCOMPARE(db.value(QStringLiteral("type")).toString(), QStringLiteral("database"));
    QVERIFY(db.value(QStringLiteral("size")).toDouble() > 0);

    const auto mounts = m_http->get(files(m_first, QStringLiteral("/files"), QStringLiteral("mounts")), m_admin);
    QCOMPARE(mounts.json.toObject().value(QStringLiteral("entries")).toArray().size(), 1);

    const auto src = m_http->get(files(m_first, QStringLiteral("/files"), QStringLiteral("code/src")), m_admin);
    QCOMPARE(src.status, 200);
    const QJsonArray srcEntries = src.json.toObject().value(QStringLiteral("entries")).toArray();
    QCOMPARE(srcEntries.size(), 1);
    const QJsonObject app = srcEntries.at(0).toObject();
    QCOMPARE(app.value(QStringLiteral("path")).toString(), QStringLiteral("code/src/app.py"));
    QCOMPARE(app.value(QStringLiteral("type")).toString(), QStringLiteral("file"));
    QCOMPARE(
        qint64(app.value(QStringLiteral("size")).toDouble()), QFileInfo(m_code + QStringLiteral("/src/app.py")).size());
    QCOMPARE(app.value(QStringLiteral("mtime")).toString(),
        QFileInfo(m_code + QStringLiteral("/src/app.py")).lastModified().toUTC().toString(Qt::ISODate));

    const auto uploads
        = m_http->get(files(m_first, QStringLiteral("/files"), QStringLiteral("mounts/uploads")), m_admin);
    QHash<QString, QString> types;
    for (const QJsonValue& v : uploads.json.toObject().value(QStringLiteral("entries")).toArray())
        types.insert(v.toObject().value(QStringLiteral("name")).toString(),
            v.toObject().value(QStringLiteral("type")).toString());
    QCOMPARE(types.size(), 8); // six batch folders of the demo, docs and escape, nothing from inside them
    QCOMPARE(types.value(QStringLiteral("docs")), QStringLiteral("dir"));
    QCOMPARE(types.value(QStringLiteral("escape")), QStringLiteral("symlink"));
    QCOMPARE(types.value(QStringLiteral("batch-0")), QStringLiteral("dir"));
    const auto batch
        = m_http->get(files(m_first, QStringLiteral("/files"), QStringLiteral("mounts/uploads/batch-0")), m_admin);
    QCOMPARE(batch.json.toObject().value(QStringLiteral("entries")).toArray().size(), 50);
    const auto docs
        = m_http->get(files(m_first, QStringLiteral("/files"), QStringLiteral("mounts/uploads/docs/")), m_admin);
    QCOMPARE(docs.json.toObject().value(QStringLiteral("entries")).toArray().size(), 2);
    qInfo("listing took %lld ms in all", timer.elapsed());
}

void TestRestoreConfidence::downloadedFileEqualsOriginal()
{
    for (const QString& name : {QStringLiteral("batch-0/image-000.bin"), QStringLiteral("docs/guide.txt")}) {
        const auto r = m_http->get(
            files(m_first, QStringLiteral("/files/content"), QStringLiteral("mounts/uploads/") + name), m_admin);
        QCOMPARE(r.status, 200);
        QFile original(m_uploads + QLatin1Char('/') + name);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(r.body, original.readAll());
        QVERIFY(r.header("Content-Disposition").contains(QFileInfo(name).fileName().toUtf8()));
    }
    const auto db
        = m_http->get(files(m_first, QStringLiteral("/files/content"), QStringLiteral("services/database")), m_admin);
    QCOMPARE(db.status, 200);
    QVERIFY(db.body.startsWith("SQLite format 3"));
    // A folder is not a file, and a file is not a folder.
    QCOMPARE(
        m_http->get(files(m_first, QStringLiteral("/files/content"), QStringLiteral("mounts/uploads/docs")), m_admin)
            .status,
        400);
    QCOMPARE(
        m_http->get(files(m_first, QStringLiteral("/files/archive"), QStringLiteral("code/README.md")), m_admin).status,
        400);
    QCOMPARE(m_http->get(files(m_first, QStringLiteral("/files/content"), QStringLiteral("code/nothing.txt")), m_admin)
                 .status,
        404);
}

void TestRestoreConfidence::archiveUnpacksToOriginalTree()
{
    const auto r
        = m_http->get(files(m_first, QStringLiteral("/files/archive"), QStringLiteral("mounts/uploads/docs")), m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArrayLiteral("application/x-tar"));
    QTemporaryDir out;
    QProcess tar;
    tar.setWorkingDirectory(out.path());
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xf"), QStringLiteral("-")});
    QVERIFY(tar.waitForStarted(5000));
    tar.write(r.body);
    tar.closeWriteChannel();
    QVERIFY(tar.waitForFinished(20000));
    QCOMPARE(tar.exitCode(), 0);
    // The archive holds the folder at the path it had in the environment.
    const QString unpacked = out.path() + m_uploads + QStringLiteral("/docs");
    QCOMPARE(hashTree(unpacked), hashTree(m_uploads + QStringLiteral("/docs")));
    QCOMPARE(hashTree(unpacked).size(), 2);
}

void TestRestoreConfidence::diffAgainstCurrentFindsTheChanges()
{
    QVERIFY(writeFile(m_uploads + QStringLiteral("/batch-0/note-001.txt"), "changed since the backup\n"));
    QVERIFY(QFile::remove(m_uploads + QStringLiteral("/batch-0/note-002.txt")));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/added.txt"), "new\n"));
    QVERIFY(writeFile(m_code + QStringLiteral("/CHANGES.md"), "a change\n"));
    QProcess git;
    git.setWorkingDirectory(m_code);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* k : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
        env.insert(QLatin1String(k), QStringLiteral("Test"));
    for (const char* k : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
        env.insert(QLatin1String(k), QStringLiteral("test@tidemark.invalid"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("sh"),
        {QStringLiteral("-c"), QStringLiteral("git add -A && git commit -q -m change && git rev-parse HEAD")});
    QVERIFY(git.waitForFinished(20000));
    const QString head = QString::fromLatin1(git.readAllStandardOutput()).trimmed();
    QCOMPARE(head.size(), 40);

    const auto r = m_http->get(base() + QStringLiteral("/backups/%1/diff?against=current").arg(m_first), m_admin);
    QCOMPARE(r.status, 200);
    const QJsonObject diff = r.json.toObject();
    QCOMPARE(diff.value(QStringLiteral("against")).toString(), QStringLiteral("current"));
    const QJsonObject code = diff.value(QStringLiteral("code")).toObject();
    QCOMPARE(code.value(QStringLiteral("against_commit")).toString(), head);
    QCOMPARE(code.value(QStringLiteral("backup_commit")).toString(),
        backupNamed(m_first).value(QStringLiteral("commit_id")).toString());
    QVERIFY(code.value(QStringLiteral("backup_commit")).toString() != head);
    QHash<QString, QJsonObject> parts;
    for (const QJsonValue& v : diff.value(QStringLiteral("parts")).toArray())
        parts.insert(v.toObject().value(QStringLiteral("part")).toString(), v.toObject());
    const QJsonObject uploads = parts.value(QStringLiteral("mounts/uploads"));
    QCOMPARE(uploads.value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(uploads.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(uploads.value(QStringLiteral("removed")).toInt(), 1);
    QStringList seen;
    for (const QJsonValue& v : uploads.value(QStringLiteral("entries")).toArray())
        seen.append(v.toObject().value(QStringLiteral("change")).toString() + QLatin1Char(' ')
            + v.toObject().value(QStringLiteral("path")).toString());
    QCOMPARE(seen,
        QStringList({QStringLiteral("added mounts/uploads/added.txt"),
            QStringLiteral("changed mounts/uploads/batch-0/note-001.txt"),
            QStringLiteral("removed mounts/uploads/batch-0/note-002.txt")}));
    // The code part shows the commit's file (and what git changed under .git).
    bool changesSeen = false;
    for (const QJsonValue& v : parts.value(QStringLiteral("code")).value(QStringLiteral("entries")).toArray()) {
        if (v.toObject().value(QStringLiteral("path")).toString() == QLatin1String("code/CHANGES.md"))
            changesSeen = v.toObject().value(QStringLiteral("change")).toString() == QLatin1String("added");
    }
    QVERIFY(changesSeen);
    // Databases: the live row counts; the backup stores none yet, so they are unknown (null).
    const QJsonArray services = diff.value(QStringLiteral("services")).toArray();
    QCOMPARE(services.size(), 1);
    bool ordersSeen = false;
    for (const QJsonValue& t : services.at(0).toObject().value(QStringLiteral("tables")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() != QLatin1String("orders"))
            continue;
        ordersSeen = true;
        QCOMPARE(t.toObject().value(QStringLiteral("rows_against")).toInt(), int(tableRows(m_db).size()));
        QVERIFY(t.toObject().value(QStringLiteral("rows_backup")).isNull());
    }
    QVERIFY(ordersSeen);

    // Limited to a folder.
    const auto limited = m_http->get(
        base() + QStringLiteral("/backups/%1/diff?against=current&path=mounts/uploads/docs").arg(m_first), m_admin);
    QCOMPARE(limited.status, 200);
    const QJsonArray limitedParts = limited.json.toObject().value(QStringLiteral("parts")).toArray();
    QCOMPARE(limitedParts.size(), 1);
    QCOMPARE(limitedParts.at(0).toObject().value(QStringLiteral("added")).toInt()
            + limitedParts.at(0).toObject().value(QStringLiteral("changed")).toInt()
            + limitedParts.at(0).toObject().value(QStringLiteral("removed")).toInt(),
        0);
}

void TestRestoreConfidence::diffAgainstAnotherBackup()
{
    // A file rewritten with the same size and modification time: only restic's own diff can tell.
    QFile file(m_uploads + QStringLiteral("/batch-0/note-005.txt"));
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QDateTime mtime = file.fileTime(QFileDevice::FileModificationTime);
    QByteArray content = file.readAll();
    content[0] = content.at(0) == 'x' ? 'y' : 'x';
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(content), content.size());
    QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
    file.close();

    const QString second = takeBackup();
    QCOMPARE(second.size(), 26);
    const auto r = m_http->get(
        base() + QStringLiteral("/backups/%1/diff?against=%2&path=mounts/uploads").arg(m_first, second), m_admin);
    QCOMPARE(r.status, 200);
    const QJsonObject part = r.json.toObject().value(QStringLiteral("parts")).toArray().at(0).toObject();
    QCOMPARE(part.value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(part.value(QStringLiteral("changed")).toInt(), 2); // note-001, and note-005 found by restic diff
    QStringList changed;
    for (const QJsonValue& v : part.value(QStringLiteral("entries")).toArray()) {
        if (v.toObject().value(QStringLiteral("change")).toString() == QLatin1String("changed"))
            changed.append(v.toObject().value(QStringLiteral("path")).toString());
    }
    QCOMPARE(changed,
        QStringList({QStringLiteral("mounts/uploads/batch-0/note-001.txt"),
            QStringLiteral("mounts/uploads/batch-0/note-005.txt")}));
    QCOMPARE(part.value(QStringLiteral("removed")).toInt(), 1);
    QCOMPARE(
        r.json.toObject().value(QStringLiteral("code")).toObject().value(QStringLiteral("against_commit")).toString(),
        backupNamed(second).value(QStringLiteral("commit_id")).toString());
    QCOMPARE(m_http->get(base() + QStringLiteral("/backups/%1/diff?against=nosuchbackup").arg(m_first), m_admin).status,
        404);
    QCOMPARE(m_http->get(base() + QStringLiteral("/backups/%1/diff").arg(m_first), m_admin).status, 400);
}

void TestRestoreConfidence::pathRestorePutsBackOneFileAndUndoRemovesIt()
{
    const Tree before = hashTree(m_uploads);
    const Tree codeBefore = hashTree(m_code);
    QJsonObject safety;
    const QJsonObject restored
        = restore(m_first, R"({"paths": ["mounts/uploads/batch-0/note-002.txt", "mounts/uploads/docs"]})", &safety);
    QCOMPARE(restored.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(safety.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    // Only those paths came back: the changed and the added file stay as they are now.
    Tree expected = before;
    expected.insert(
        QStringLiteral("batch-0/note-002.txt"), m_uploadsAtFirst.value(QStringLiteral("batch-0/note-002.txt")));
    QCOMPARE(hashTree(m_uploads), expected);
    QCOMPARE(hashTree(m_code), codeBefore);
    QVERIFY(QFileInfo(m_uploads + QStringLiteral("/escape")).isSymLink());
    // A file and a small folder are read from the repository by tidemarkd itself, not by restic.
    QCOMPARE(restored.value(QStringLiteral("log")).toString().count(QLatin1String("from the repository directly")), 2);

    // The safety backup: consistent, manual, for this restore, kept 7 days outside the counts.
    const QString restoreId = restored.value(QStringLiteral("id")).toString();
    const QString safetyId
        = restored.value(QStringLiteral("payload")).toObject().value(QStringLiteral("safety_backup")).toString();
    const QJsonObject sb = backupNamed(safetyId);
    QCOMPARE(
        sb.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("safety_for")).toString(), restoreId);
    QCOMPARE(sb.value(QStringLiteral("safe")).toBool(), true);
    QCOMPARE(sb.value(QStringLiteral("automated")).toBool(), false);
    const QDateTime created = QDateTime::fromString(sb.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    QCOMPARE(QDateTime::fromString(sb.value(QStringLiteral("expires_at")).toString(), Qt::ISODate), created.addDays(7));
    const auto preview = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"), "{}", m_admin);
    QCOMPARE(preview.status, 200);
    bool found = false;
    for (const QJsonValue& v : preview.json.toObject()
                                   .value(QStringLiteral("_embedded"))
                                   .toObject()
                                   .value(QStringLiteral("preview"))
                                   .toObject()
                                   .value(QStringLiteral("main"))
                                   .toObject()
                                   .value(QStringLiteral("backups"))
                                   .toArray()) {
        if (v.toObject().value(QStringLiteral("id")).toString() != safetyId)
            continue;
        found = true;
        QCOMPARE(v.toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("keep"));
        QCOMPARE(v.toObject().value(QStringLiteral("reasons")).toArray().at(0).toString(),
            QStringLiteral("safety until ") + created.addDays(7).toString(Qt::ISODate));
    }
    QVERIFY(found);
    // The restore offers its undo.
    QVERIFY(restored.value(QStringLiteral("_links")).toObject().contains(QStringLiteral("#undo")));

    // Undo: the state before the restore, exactly (the restored file is gone again).
    const auto undo
        = m_http->request("POST", QStringLiteral("/projects/demo/activities/%1/undo").arg(restoreId), {}, m_admin);
    QCOMPARE(undo.status, 202);
    const QJsonArray started = undo.json.toObject()
                                   .value(QStringLiteral("_embedded"))
                                   .toObject()
                                   .value(QStringLiteral("activities"))
                                   .toArray();
    QVERIFY(!started.isEmpty());
    for (const QJsonValue& v : started)
        QCOMPARE(m_http
                     ->waitForActivity(
                         QStringLiteral("demo"), v.toObject().value(QStringLiteral("id")).toString(), m_admin, 120000)
                     .value(QStringLiteral("result"))
                     .toString(),
            QStringLiteral("success"));
    QCOMPARE(hashTree(m_uploads), before);
    QCOMPARE(hashTree(m_code), codeBefore);
}

void TestRestoreConfidence::partRestoreLeavesOtherPartsAndUndoBringsBackRows()
{
    // A row the backup does not have; the uploads as they are now.
    QVERIFY(execSql(m_db,
        QStringLiteral("INSERT INTO orders (customer, amount_cents, created_at) VALUES ('after the backup', 4200, "
                       "'2026-12-01T00:00:00Z')")));
    const QStringList rowsBefore = tableRows(m_db);
    QCOMPARE(rowsBefore.size(), m_rowsAtFirst.size() + 1);
    const Tree uploadsBefore = hashTree(m_uploads);
    const Tree codeBefore = hashTree(m_code);

    const QJsonObject restored = restore(m_first, R"({"parts": ["services/database"], "restore_code": false})");
    QCOMPARE(restored.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(tableRows(m_db), m_rowsAtFirst);
    QCOMPARE(hashTree(m_uploads), uploadsBefore);
    QCOMPARE(hashTree(m_code), codeBefore);

    const QJsonObject mounts
        = restore(m_first, R"({"parts": ["mounts/uploads"], "restore_code": false, "safety_backup": false})");
    QCOMPARE(mounts.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(hashTree(m_uploads), m_uploadsAtFirst);
    QCOMPARE(tableRows(m_db), m_rowsAtFirst);
    QCOMPARE(hashTree(m_code), codeBefore);

    // Undo of the database restore brings back the row added after the backup, and nothing else changes.
    const QJsonObject undone = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/activities/%1/undo").arg(restored.value(QStringLiteral("id")).toString()), {},
        m_admin, 120000);
    QCOMPARE(undone.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(tableRows(m_db), rowsBefore, 120000);
    QCOMPARE(hashTree(m_uploads), m_uploadsAtFirst);
}

void TestRestoreConfidence::withoutSafetyBackupNoneIsTaken()
{
    const qsizetype count = backups().size();
    const QJsonObject restored
        = restore(m_first, R"({"paths": ["mounts/uploads/batch-0/note-004.txt"], "safety_backup": false})");
    QCOMPARE(restored.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(backups().size(), count);
    QVERIFY(restored.value(QStringLiteral("payload")).toObject().value(QStringLiteral("safety_backup")).isNull());
    // Without one there is nothing to undo.
    const auto undo = m_http->request("POST",
        QStringLiteral("/projects/demo/activities/%1/undo").arg(restored.value(QStringLiteral("id")).toString()), {},
        m_admin);
    QCOMPARE(undo.status, 409);
}

void TestRestoreConfidence::badInputIsRefusedAndNothingIsWritten()
{
    const Tree outsideBefore = hashTree(m_outside.path());
    const Tree uploadsBefore = hashTree(m_uploads);
    const auto expect = [this](const TestHttp::Reply& r, int status, const QString& words) {
        if (r.status != status || !r.json.toObject().value(QStringLiteral("message")).toString().contains(words))
            qWarning("%d %s", r.status, r.body.constData());
        return r.status == status && r.json.toObject().value(QStringLiteral("message")).toString().contains(words);
    };
    const QString list = QStringLiteral("/files");
    QVERIFY(expect(m_http->get(files(m_first, list, QStringLiteral("../etc")), m_admin), 400, QStringLiteral("path")));
    QVERIFY(expect(
        m_http->get(files(m_first, list, QStringLiteral("code/../../etc")), m_admin), 400, QStringLiteral("'..'")));
    QVERIFY(
        expect(m_http->get(files(m_first, list, QStringLiteral("/etc")), m_admin), 400, QStringLiteral("absolute")));
    QVERIFY(expect(
        m_http->get(files(m_first, list, QStringLiteral("secrets/x")), m_admin), 400, QStringLiteral("no part")));
    QVERIFY(expect(
        m_http->get(files(m_first, list, QStringLiteral("mounts/nope")), m_admin), 400, QStringLiteral("no part")));
    QVERIFY(expect(
        m_http->get(files(m_first, QStringLiteral("/files/content"), QStringLiteral("services/database/x")), m_admin),
        400, QStringLiteral("database")));
    QVERIFY(expect(m_http->get(files(QStringLiteral("nosuchbackup"), list, QString()), m_admin), 404,
        QStringLiteral("nosuchbackup")));

    const QString restoreUrl = base() + QStringLiteral("/backups/%1/restore").arg(m_first);
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"paths": ["mounts/uploads/../../x"]})", m_admin), 400,
        QStringLiteral("paths[0]")));
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"paths": ["/etc/passwd"]})", m_admin), 400,
        QStringLiteral("absolute")));
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"parts": ["mounts/nope"]})", m_admin), 400,
        QStringLiteral("parts[0]")));
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"paths": ["mounts/uploads/escape"]})", m_admin), 400,
        QStringLiteral("outside the environment")));
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"paths": ["mounts/uploads/not-there.txt"]})", m_admin), 404,
        QStringLiteral("not-there.txt")));
    QVERIFY(expect(m_http->request("POST", restoreUrl,
                       R"({"paths": ["mounts/uploads/docs", "mounts/uploads/docs/guide.txt"]})", m_admin),
        400, QStringLiteral("paths[1]")));
    QVERIFY(expect(m_http->request("POST", restoreUrl, R"({"safety_backup": "yes"})", m_admin), 400,
        QStringLiteral("safety_backup")));
    QVERIFY(
        expect(m_http->request("POST", restoreUrl,
                   R"({"paths": ["mounts/uploads/batch-0/note-001.txt"], "environment_name": "feature-x"})", m_admin),
            409, QStringLiteral("inactive")));
    QVERIFY(
        expect(m_http->request("POST", QStringLiteral("/projects/demo/activities/nosuchactivity/undo"), {}, m_admin),
            404, QStringLiteral("nosuchactivity")));

    QCOMPARE(hashTree(m_outside.path()), outsideBefore);
    QCOMPARE(QDir(m_outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size(), 1);
    QCOMPARE(hashTree(m_uploads), uploadsBefore);
}

namespace {

// The `restic dump` that tidemarkd runs, and whether one of its threads waits to write into a full pipe.
std::pair<qint64, bool> resticDump(qint64 serverPid)
{
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray fields = stat.readAll();
        const QList<QByteArray> afterName = fields.mid(fields.lastIndexOf(')') + 2).split(' ');
        if (afterName.size() < 2 || afterName.at(1).toLongLong() != serverPid
            || !cmdline.readAll().split('\0').contains("dump"))
            continue;
        bool waitingToWrite = false;
        for (const QString& task : QDir(QStringLiteral("/proc/%1/task").arg(pid)).entryList(QDir::Dirs)) {
            QFile wchan(QStringLiteral("/proc/%1/task/%2/wchan").arg(pid).arg(task));
            if (wchan.open(QIODevice::ReadOnly) && wchan.readAll().contains("pipe_w"))
                waitingToWrite = true;
        }
        return {pid, waitingToWrite};
    }
    return {0, false};
}

} // namespace

void TestRestoreConfidence::slowDownloadHoldsResticBack()
{
    // A client that asks for a large file and then stops reading: restic waits at its full pipe, and tidemarkd holds
    // no more than a few MiB of it, instead of reading the whole file into memory.
    const QString big = m_uploads + QStringLiteral("/large.bin");
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QRandomGenerator random(7);
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < 96; ++i) {
            random.fillRange(reinterpret_cast<quint32*>(chunk.data()), chunk.size() / 4);
            QCOMPARE(f.write(chunk), chunk.size());
        }
    }
    const QString backup = takeBackup();
    QVERIFY(QFile::remove(big));
    const qint64 before = m_server.statusKiB("VmRSS");
    QVERIFY(before > 0);

    QTcpSocket client;
    client.setReadBufferSize(64 * 1024); // Qt stops taking from the kernel: the TCP window closes
    const QUrl url(m_server.url());
    client.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(client.waitForConnected(10000));
    client.write("GET "
        + files(backup, QStringLiteral("/files/content"), QStringLiteral("mounts/uploads/large.bin")).toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_admin.toUtf8() + "\r\n\r\n");
    QVERIFY(client.waitForBytesWritten(10000));
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 30000);
    QVERIFY(client.peek(12).startsWith("HTTP/1.1 200"));

    // restic fills the pipe and waits (a tidemarkd that read it all would let restic finish meanwhile). The dump may
    // first wait for the backup's prune to let go of the repository.
    QTRY_VERIFY_WITH_TIMEOUT(resticDump(m_server.pid()).second, 90000);
    const qint64 after = m_server.statusKiB("VmRSS");
    qInfo("tidemarkd resident: %lld KiB before the download, %lld KiB with 96 MiB waiting", before, after);
    QVERIFY2(after - before < 32 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(after - before)));

    // The client goes: restic is stopped.
    client.abort();
    QTRY_VERIFY_WITH_TIMEOUT(resticDump(m_server.pid()).first == 0, 30000);
}

QTEST_GUILESS_MAIN(TestRestoreConfidence)
#include "tst_restoreconfidence.moc"
