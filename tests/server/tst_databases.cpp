// PostgreSQL and MariaDB services against real servers (tests/support/databaseserver.h) and a real tidemarkd: the
// descriptor is checked when it is saved, a consistent backup stores each database as it was inside the pause (the
// pause hook's row is in the dump, the resume hook's rows are not, although the dump runs after the resume), a live
// backup dumps each database, and the manifest records the server version, the tables and their row counts.
#include "databaseserver.h"
#include "serverprocess.h"

#include <csignal>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

class TestDatabases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void descriptorIsCheckedWhenSaved_data();
    void descriptorIsCheckedWhenSaved();
    void safeBackupStoresThePauseInstant_data();
    void safeBackupStoresThePauseInstant();
    void liveBackupDumpsEachDatabase_data();
    void liveBackupDumpsEachDatabase();
    void consistentUnderLoad_data();
    void consistentUnderLoad();
    void backupFailsCleanly_data();
    void backupFailsCleanly();
    void restoreIsWhole_data();
    void restoreIsWhole();
    void restoreKeepsViewsAndTriggers();
    void nonTransactionalTablesAtThePause();
    void restoreAcrossServicesIsWhole();

private:
    DatabaseServer* server(const QString& kind)
    {
        if (kind == QLatin1String("postgresql"))
            return m_postgres.get();
        return m_mariadb.get();
    }
    QString clientCommand(const QString& kind, const QString& sql) const;
    TestHttp::Reply createEnvironment(const QString& name, const QByteArray& service, const QJsonObject& hooks = {});
    QByteArray environmentBody(const QString& name, const QByteArray& service, const QJsonObject& hooks = {});
    QJsonObject backup(const QString& environment, bool safe, QString* backupId);
    QJsonObject manifest(const QString& backupId);
    QByteArray dumpText(const QString& kind, const QString& backupId, const QString& stagedPath);
    QString log(const QString& activityId);
    QString snapshotOf(const QString& backupId);
    QString backupColumn(const QString& backupId, const QString& column);
    QByteArray fileInSnapshot(const QString& backupId, const QString& path);
    QPair<qint64, qint64> itemsState(DatabaseServer* s, const QString& database);
    QString viewsAndTriggersState(const QString& database);
    QByteArray environmentBody(const QString& name, const QList<QByteArray>& services, const QJsonObject& hooks);
    void restartServer();
    static qint64 stepsInDump(const QString& kind, const QByteArray& dump);

    QTemporaryDir m_scratch;
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    std::unique_ptr<PostgresServer> m_postgres;
    std::unique_ptr<MariaDbServer> m_mariadb;
};

void TestDatabases::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
    QElapsedTimer timer;
    timer.start();
    m_postgres = std::make_unique<PostgresServer>();
    QVERIFY2(m_postgres->start(), qPrintable(m_postgres->error()));
    m_mariadb = std::make_unique<MariaDbServer>();
    QVERIFY2(m_mariadb->start(), qPrintable(m_mariadb->error()));
    qInfo("PostgreSQL (pid %lld) and MariaDB (pid %lld) started in %lld ms", m_postgres->pid(), m_mariadb->pid(),
        timer.elapsed());
    for (DatabaseServer* s :
        {static_cast<DatabaseServer*>(m_postgres.get()), static_cast<DatabaseServer*>(m_mariadb.get())}) {
        bool ok = false;
        s->sql(QStringLiteral("CREATE TABLE marks (id INTEGER PRIMARY KEY, what VARCHAR(40) NOT NULL);"
                              "CREATE TABLE filler (id INTEGER PRIMARY KEY, payload VARCHAR(200) NOT NULL);"
                              "INSERT INTO marks VALUES (1, 'before');"),
            &ok);
        QVERIFY2(ok, qPrintable(s->error()));
        // Owned by tidemark's user on PostgreSQL, as an application's tables would be.
        if (s == m_postgres.get()) {
            s->sql(QStringLiteral("ALTER TABLE marks OWNER TO tidemark; ALTER TABLE filler OWNER TO tidemark;"), &ok);
            QVERIFY2(ok, qPrintable(s->error()));
        }
    }
}

void TestDatabases::cleanupTestCase()
{
    m_server.stop();
    if (m_postgres)
        m_postgres->stop();
    if (m_mariadb)
        m_mariadb->stop();
}

QString TestDatabases::clientCommand(const QString& kind, const QString& sql) const
{
    if (kind == QLatin1String("postgresql")) {
        return QStringLiteral("%1 -X -q -v ON_ERROR_STOP=1 -h %2 -p %3 -U postgres -d app -c \"%4\"")
            .arg(PostgresServer::binary(QStringLiteral("psql")), QFileInfo(m_postgres->socketPath()).path())
            .arg(m_postgres->port())
            .arg(sql);
    }
    return QStringLiteral("mariadb --no-defaults --socket=%1 -u root app -e \"%2\"").arg(m_mariadb->socketPath(), sql);
}

TestHttp::Reply TestDatabases::createEnvironment(
    const QString& name, const QByteArray& service, const QJsonObject& hooks)
{
    return m_http->request("POST", QStringLiteral("/projects/demo/environments"), environmentBody(name, service, hooks),
        m_admin, "application/json", 60000);
}

QByteArray TestDatabases::environmentBody(const QString& name, const QByteArray& service, const QJsonObject& hooks)
{
    return environmentBody(name, QList<QByteArray> {service}, hooks);
}

QByteArray TestDatabases::environmentBody(
    const QString& name, const QList<QByteArray>& serviceList, const QJsonObject& hooks)
{
    const QString code = m_scratch.filePath(name + QStringLiteral("/code"));
    const QString mount = m_scratch.filePath(name + QStringLiteral("/files"));
    QDir().mkpath(code);
    QDir().mkpath(mount);
    QFile index(code + QStringLiteral("/index.php"));
    if (index.open(QIODevice::WriteOnly))
        index.write("<?php echo 'hello';\n");
    QJsonObject local {{QStringLiteral("code_path"), code},
        {QStringLiteral("mounts"),
            QJsonArray {
                QJsonObject {{QStringLiteral("name"), QStringLiteral("files")}, {QStringLiteral("path"), mount}}}},
        {QStringLiteral("services"), [&serviceList] {
             QJsonArray services;
             for (const QByteArray& service : serviceList)
                 services.append(QJsonDocument::fromJson(service).object());
             return services;
         }()}};
    if (!hooks.isEmpty())
        local.insert(QStringLiteral("hooks"), hooks);
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("title"), name},
        {QStringLiteral("type"), QStringLiteral("development")}, {QStringLiteral("local"), local}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString TestDatabases::log(const QString& activityId)
{
    QString text;
    const auto reply = m_http->get(QStringLiteral("/projects/demo/activities/%1/log").arg(activityId), m_admin);
    for (const QByteArray& raw : reply.body.trimmed().split('\n')) {
        const QJsonObject data = QJsonDocument::fromJson(raw).object().value(QStringLiteral("data")).toObject();
        const QString message = data.value(QStringLiteral("message")).toString();
        if (!message.startsWith(QLatin1String("restic: "))) // long, and never what a test looks for
            text += message + QLatin1Char('\n');
    }
    return text;
}

QJsonObject TestDatabases::backup(const QString& environment, bool safe, QString* backupId)
{
    const QString activityId = TestHttp::activityId(
        m_http->request("POST", QStringLiteral("/projects/demo/environments/%1/backup").arg(environment),
            safe ? QByteArrayLiteral(R"({"safe": true})") : QByteArrayLiteral(R"({"safe": false})"), m_admin));
    if (activityId.isEmpty())
        return {};
    QJsonObject activity = m_http->waitForActivity(QStringLiteral("demo"), activityId, m_admin, 90000);
    activity.insert(QStringLiteral("log"), log(activityId));
    *backupId = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    return activity;
}

// A column of a backup's row in tidemarkd's store, read-only; empty when there is no such backup.
QString TestDatabases::backupColumn(const QString& backupId, const QString& column)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("store"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/tidemark.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT %1 FROM backups WHERE id = ?").arg(column));
            q.addBindValue(backupId);
            if (q.exec() && q.next())
                result = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("store"));
    return result;
}

QJsonObject TestDatabases::manifest(const QString& backupId)
{
    return QJsonDocument::fromJson(backupColumn(backupId, QStringLiteral("manifest")).toUtf8()).object();
}

QString TestDatabases::snapshotOf(const QString& backupId)
{
    return backupColumn(backupId, QStringLiteral("snapshot_id"));
}

// A file of a backup as stored in the repository (restic dump of the backup's own snapshot).
QByteArray TestDatabases::fileInSnapshot(const QString& backupId, const QString& path)
{
    const QString snapshot = snapshotOf(backupId);
    if (snapshot.isEmpty()) {
        qWarning("backup %s has no snapshot in the store", qPrintable(backupId));
        return {};
    }
    const QString dir = m_server.dataDir() + QStringLiteral("/repositories/demo");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), dir + QStringLiteral("/repo"));
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), dir + QStringLiteral("/repo.password"));
    // Read without a lock, while tidemarkd goes on: the retention policy deletes older backups after each one and a
    // prune follows, which can replace an index file between restic's listing and its reading. Such a read is tried
    // again; the backup's own snapshot is never among those removed.
    QByteArray problem;
    for (int attempt = 0; attempt < 4; ++attempt) {
        QProcess restic;
        restic.setProcessEnvironment(env);
        restic.start(QStringLiteral("restic"),
            {QStringLiteral("dump"), QStringLiteral("--no-lock"), QStringLiteral("--no-cache"), snapshot, path});
        if (restic.waitForFinished(30000) && restic.exitStatus() == QProcess::NormalExit && restic.exitCode() == 0)
            return restic.readAllStandardOutput();
        problem = restic.readAllStandardError();
        if (!problem.contains("no such file or directory"))
            break;
        QTest::qWait(200);
    }
    qWarning("restic dump: %s", problem.constData());
    return {};
}

QByteArray TestDatabases::dumpText(const QString& kind, const QString& backupId, const QString& stagedPath)
{
    const QByteArray dump = fileInSnapshot(backupId, stagedPath);
    if (kind != QLatin1String("postgresql"))
        return dump;
    QProcess restore;
    restore.start(PostgresServer::binary(QStringLiteral("pg_restore")), {QStringLiteral("-f"), QStringLiteral("-")});
    restore.write(dump);
    restore.closeWriteChannel();
    if (!restore.waitForFinished(30000) || restore.exitCode() != 0) {
        qWarning("pg_restore: %s", restore.readAllStandardError().constData());
        return {};
    }
    return restore.readAllStandardOutput();
}

void TestDatabases::descriptorIsCheckedWhenSaved_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
}

void TestDatabases::descriptorIsCheckedWhenSaved()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const QString prefix = QStringLiteral("check-") + kind.left(2);

    const auto good = createEnvironment(prefix + QStringLiteral("-good"), s->serviceJson(QStringLiteral("db")));
    QVERIFY2(good.status == 201, good.body.constData());
    QVERIFY(!good.body.contains(s->password().toUtf8()));
    QVERIFY(good.body.contains(s->passwordFile().toUtf8()));

    // A wrong password.
    const QString wrongFile = m_scratch.filePath(prefix + QStringLiteral("-wrong-password"));
    QFile wrong(wrongFile);
    QVERIFY(wrong.open(QIODevice::WriteOnly));
    wrong.write("not-the-password\n");
    wrong.close();
    QJsonObject service = QJsonDocument::fromJson(s->serviceJson(QStringLiteral("db"))).object();
    service.insert(QStringLiteral("password_file"), wrongFile);
    auto reply = createEnvironment(prefix + QStringLiteral("-wrong"), QJsonDocument(service).toJson());
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains("local.services[0]"), reply.body.constData());
    QVERIFY2(
        reply.body.contains(kind == QLatin1String("postgresql") ? "password authentication failed" : "Access denied"),
        reply.body.constData());

    // A server that cannot be reached.
    service = QJsonDocument::fromJson(s->serviceJson(QStringLiteral("db"))).object();
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int closedPort = probe.serverPort();
    probe.close();
    service.insert(QStringLiteral("port"), closedPort);
    reply = createEnvironment(prefix + QStringLiteral("-unreachable"), QJsonDocument(service).toJson());
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains(QByteArray::number(closedPort)), reply.body.constData());

    // A database that does not exist.
    service = QJsonDocument::fromJson(s->serviceJson(QStringLiteral("db"), QStringLiteral("nosuchdb"))).object();
    reply = createEnvironment(prefix + QStringLiteral("-nodb"), QJsonDocument(service).toJson());
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.body.contains("nosuchdb"), reply.body.constData());

    // A server that takes the connection and never answers: the check waits for its bounded time on the pool, and
    // the API goes on answering meanwhile.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0)); // never accepted: the kernel completes the handshake
    service = QJsonDocument::fromJson(s->serviceJson(QStringLiteral("db"))).object();
    service.insert(QStringLiteral("port"), int(silent.serverPort()));
    const QByteArray silentBody = environmentBody(prefix + QStringLiteral("-silent"), QJsonDocument(service).toJson());
    std::atomic<bool> checking {true};
    TestHttp::Reply silentReply;
    std::thread saver([&] {
        TestHttp http(m_server.url());
        silentReply = http.request(
            "POST", QStringLiteral("/projects/demo/environments"), silentBody, m_admin, "application/json", 60000);
        checking = false;
    });
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 15000); // the check has connected
    const auto meanwhile = m_http->get(QStringLiteral("/projects/demo/environments"), m_admin);
    const bool answeredMeanwhile = checking;
    saver.join();
    QCOMPARE(meanwhile.status, 200);
    QVERIFY2(answeredMeanwhile, "the API did not answer while a database server was being checked");
    QCOMPARE(silentReply.status, 400);
    QVERIFY2(silentReply.body.contains("local.services[0]"), silentReply.body.constData());

    // The password never appears in what the server answers.
    const auto list = m_http->get(QStringLiteral("/projects/demo/environments"), m_admin);
    QCOMPARE(list.status, 200);
    QVERIFY(!list.body.contains(s->password().toUtf8()));
}

void TestDatabases::safeBackupStoresThePauseInstant_data()
{
    descriptorIsCheckedWhenSaved_data();
}

void TestDatabases::safeBackupStoresThePauseInstant()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const QString name = QStringLiteral("safe-") + kind.left(2);
    bool ok = false;
    s->sql(QStringLiteral("DELETE FROM marks WHERE id > 1; DELETE FROM filler;"), &ok);
    QVERIFY2(ok, qPrintable(s->error()));
    // The pause hook writes a row before the state is fixed; the resume hook writes after it, and many rows, while
    // the dump (PostgreSQL) has not started yet or (MariaDB) is still running.
    const QString resumeSql = kind == QLatin1String("postgresql")
        ? QStringLiteral("INSERT INTO marks VALUES (3, 'resumed'); INSERT INTO filler SELECT g, repeat('x', 100) FROM "
                         "generate_series(1, 20000) g;")
        : QStringLiteral("INSERT INTO marks VALUES (3, 'resumed'); INSERT INTO filler SELECT seq, REPEAT('x', 100) "
                         "FROM seq_1_to_20000;");
    const QJsonObject hooks {
        {QStringLiteral("pause"), clientCommand(kind, QStringLiteral("INSERT INTO marks VALUES (2, 'paused');"))},
        {QStringLiteral("resume"), clientCommand(kind, resumeSql)}};
    const auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db")), hooks);
    QVERIFY2(created.status == 201, created.body.constData());

    QString backupId;
    const QJsonObject activity = backup(name, true, &backupId);
    const QString text = activity.value(QStringLiteral("log")).toString();
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(text));
    qInfo("%s", qPrintable(text.split(QLatin1Char('\n')).filter(QStringLiteral("pause of")).join(QLatin1Char(' '))));

    // After the backup the database has the resume hook's rows…
    QCOMPARE(s->sql(QStringLiteral("SELECT COUNT(*) FROM marks;"), &ok).trimmed(), QByteArray("3"));
    // …and the backup has the pause instant's: the pause hook's row, none of the resume hook's.
    const QJsonObject m = manifest(backupId);
    const QJsonArray services = m.value(QStringLiteral("services")).toArray();
    QCOMPARE(services.size(), 1);
    const QJsonObject db = services.at(0).toObject();
    QCOMPARE(db.value(QStringLiteral("kind")).toString(), kind);
    QVERIFY2(!db.value(QStringLiteral("server_version")).toString().isEmpty(), QJsonDocument(db).toJson().constData());
    QJsonObject rows;
    for (const QJsonValue& t : db.value(QStringLiteral("tables")).toArray())
        rows.insert(t[QStringLiteral("name")].toString().section(QLatin1Char('.'), -1), t[QStringLiteral("rows")]);
    QCOMPARE(rows.value(QStringLiteral("marks")).toInteger(), 2);
    QCOMPARE(rows.value(QStringLiteral("filler")).toInteger(), 0);

    const QByteArray dump = dumpText(kind, backupId, db.value(QStringLiteral("staged")).toString());
    QVERIFY(!dump.isEmpty());
    QVERIFY2(dump.contains("before"), dump.left(4000).constData());
    QVERIFY2(dump.contains("paused"), dump.left(4000).constData());
    QVERIFY2(!dump.contains("resumed"), "the dump holds a row written after the pause");
    QVERIFY(!dump.contains("xxxxxxxxxx"));
    QVERIFY(!text.contains(s->password()));
}

void TestDatabases::liveBackupDumpsEachDatabase_data()
{
    descriptorIsCheckedWhenSaved_data();
}

void TestDatabases::liveBackupDumpsEachDatabase()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const QString name = QStringLiteral("live-") + kind.left(2);
    const auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db")));
    QVERIFY2(created.status == 201, created.body.constData());
    bool ok = false;
    const QByteArray marks = s->sql(QStringLiteral("SELECT COUNT(*) FROM marks;"), &ok).trimmed();
    const QByteArray filler = s->sql(QStringLiteral("SELECT COUNT(*) FROM filler;"), &ok).trimmed();
    QVERIFY(ok);
    QString backupId;
    const QJsonObject activity = backup(name, false, &backupId);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));
    const QJsonObject db = manifest(backupId).value(QStringLiteral("services")).toArray().at(0).toObject();
    QJsonObject rows;
    for (const QJsonValue& t : db.value(QStringLiteral("tables")).toArray())
        rows.insert(t[QStringLiteral("name")].toString().section(QLatin1Char('.'), -1), t[QStringLiteral("rows")]);
    QCOMPARE(QByteArray::number(rows.value(QStringLiteral("marks")).toInteger()), marks);
    QCOMPARE(QByteArray::number(rows.value(QStringLiteral("filler")).toInteger()), filler);
    const QByteArray dump = dumpText(kind, backupId, db.value(QStringLiteral("staged")).toString());
    QVERIFY(dump.contains("before"));
}

// The rows of table `steps` in a dump's text.
qint64 TestDatabases::stepsInDump(const QString& kind, const QByteArray& dump)
{
    qint64 rows = 0;
    if (kind == QLatin1String("postgresql")) {
        const qsizetype from = dump.indexOf("COPY public.steps (n) FROM stdin;\n");
        if (from < 0)
            return -1;
        const qsizetype to = dump.indexOf("\n\\.\n", from);
        const QByteArray block = dump.mid(from, to - from);
        return block.count('\n'); // the COPY line's end and one per row, less the last row's end
    }
    // mariadb-dump writes "INSERT INTO `steps` VALUES" and then one "(n)," line per row, the last ending with ';'.
    bool inSteps = false;
    for (const QByteArray& line : dump.split('\n')) {
        if (line.startsWith("INSERT INTO `steps` VALUES")) {
            inSteps = true;
            rows += line.count("),(") + (line.contains('(') ? 1 : 0);
            continue;
        }
        if (inSteps && line.startsWith('(')) {
            rows += line.count("),(") + 1;
            if (line.endsWith(';'))
                inSteps = false;
        } else {
            inSteps = false;
        }
    }
    return rows;
}

void TestDatabases::consistentUnderLoad_data()
{
    descriptorIsCheckedWhenSaved_data();
}

// The judge: a writer keeps an invariant across a file of a mount and a table (the file holds the number of rows of
// `steps`), broken between its two writes of each step; it pauses cooperatively between steps. Every consistent
// backup must hold the invariant (the file and the dumped table, read back from the repository); live backups report
// what they caught.
void TestDatabases::consistentUnderLoad()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const QString name = QStringLiteral("load-") + kind.left(2);
    const QString control = m_scratch.filePath(name + QStringLiteral("-control"));
    QVERIFY(QDir().mkpath(control));
    bool ok = false;
    s->sql(QStringLiteral("CREATE TABLE steps (n INTEGER PRIMARY KEY);"), &ok);
    QVERIFY2(ok, qPrintable(s->error()));
    if (kind == QLatin1String("postgresql")) {
        s->sql(QStringLiteral("ALTER TABLE steps OWNER TO tidemark;"), &ok);
        QVERIFY(ok);
    }
    const QJsonObject hooks {{QStringLiteral("pause"),
                                 QStringLiteral("touch %1/pause-request; for i in $(seq 1000); do [ -e %1/paused ] && "
                                                "exit 0; sleep 0.01; done; exit 1")
                                     .arg(control)},
        {QStringLiteral("resume"),
            QStringLiteral("rm -f %1/pause-request; for i in $(seq 1000); do [ -e %1/paused ] || exit 0; sleep 0.01; "
                           "done; exit 1")
                .arg(control)}};
    const auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db")), hooks);
    QVERIFY2(created.status == 201, created.body.constData());
    const QString mount = m_scratch.filePath(name + QStringLiteral("/files"));

    // One client process per step: the file first, then the row.
    const QString script = m_scratch.filePath(name + QStringLiteral("-writer.sh"));
    QFile writer(script);
    QVERIFY(writer.open(QIODevice::WriteOnly));
    writer.write(QStringLiteral("#!/bin/bash\nn=0\nwhile [ ! -e %1/stop ]; do\n"
                                "  if [ -e %1/pause-request ]; then touch %1/paused; while [ -e %1/pause-request ]; do "
                                "sleep 0.005; done; rm -f %1/paused; fi\n"
                                "  n=$((n+1))\n  echo $n > %2/counter.tmp && mv %2/counter.tmp %2/counter\n"
                                "  %3 || exit 1\ndone\n")
                     .arg(control, mount, clientCommand(kind, QStringLiteral("INSERT INTO steps VALUES ($n);")))
                     .toUtf8());
    writer.close();
    QProcess load;
    load.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    load.start(QStringLiteral("bash"), {script});
    QVERIFY(load.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(mount + QStringLiteral("/counter")), 10000);

    int violations = 0;
    QStringList pauses;
    QStringList live;
    // Ten consistent backups and three live ones between them.
    for (int round = 0; round < 13; ++round) {
        const bool safe = round % 4 != 3;
        QTest::qWait(150); // let the writer run between backups
        QString backupId;
        const QJsonObject activity = backup(name, safe, &backupId);
        const QString text = activity.value(QStringLiteral("log")).toString();
        QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(text));
        QVERIFY2(load.state() == QProcess::Running, "the writer stopped");
        const QJsonObject db = manifest(backupId).value(QStringLiteral("services")).toArray().at(0).toObject();
        const qint64 counter = fileInSnapshot(backupId, mount + QStringLiteral("/counter")).trimmed().toLongLong();
        const qint64 dumped
            = stepsInDump(kind, dumpText(kind, backupId, db.value(QStringLiteral("staged")).toString()));
        qint64 counted = -1;
        for (const QJsonValue& t : db.value(QStringLiteral("tables")).toArray()) {
            if (t[QStringLiteral("name")].toString().endsWith(QLatin1String("steps")))
                counted = t[QStringLiteral("rows")].toInteger();
        }
        QCOMPARE(counted, dumped); // the manifest counts in the dump's snapshot
        if (safe) {
            QVERIFY(counter > 0);
            if (counter != dumped)
                ++violations;
            pauses.append(text.split(QLatin1Char('\n'))
                              .filter(QRegularExpression(QStringLiteral("pause of|Fixed the state")))
                              .join(QLatin1Char(' ')));
            qInfo("safe backup %d: file %lld, rows %lld", round, counter, dumped);
        } else {
            live.append(QStringLiteral("file %1 rows %2").arg(counter).arg(dumped));
        }
    }
    QFile(control + QStringLiteral("/stop")).open(QIODevice::WriteOnly);
    QVERIFY(load.waitForFinished(20000));
    qInfo("%s: violations in the safe backups: %d; live backups: %s; pauses: %s", qPrintable(kind), violations,
        qPrintable(live.join(QLatin1String(", "))), qPrintable(pauses.join(QLatin1String(" | "))));
    QCOMPARE(violations, 0);
}

void TestDatabases::backupFailsCleanly_data()
{
    descriptorIsCheckedWhenSaved_data();
}

// A password changed after the descriptor was saved, and a dump that fails halfway (PostgreSQL: a table tidemark's
// user may not read; MariaDB: a view over a dropped table, after the tables before it were dumped): each a failed
// activity that says why, no backup, and the environment resumed (or, when the server refuses the connection made
// before the pause, never paused).
void TestDatabases::backupFailsCleanly()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const bool postgres = kind == QLatin1String("postgresql");
    const QString database = QStringLiteral("bad_") + kind.left(2);
    bool ok = false;
    s->sql(postgres ? QStringLiteral("CREATE DATABASE %1 OWNER tidemark;").arg(database)
                    : QStringLiteral("CREATE DATABASE %1;").arg(database),
        &ok, postgres ? QStringLiteral("postgres") : QStringLiteral("mysql"));
    QVERIFY2(ok, qPrintable(s->error()));
    s->sql(postgres ? QStringLiteral("CREATE TABLE a (id INTEGER); ALTER TABLE a OWNER TO tidemark; INSERT INTO a "
                                     "VALUES (1);")
                    : QStringLiteral("CREATE TABLE a (id INTEGER); INSERT INTO a VALUES (1);"),
        &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));
    const QString control = m_scratch.filePath(database + QStringLiteral("-control"));
    QVERIFY(QDir().mkpath(control));
    const QJsonObject hooks {{QStringLiteral("pause"), QStringLiteral("touch %1/paused").arg(control)},
        {QStringLiteral("resume"), QStringLiteral("rm %1/paused").arg(control)}};
    const QString name = QStringLiteral("bad-") + kind.left(2);
    const auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db"), database), hooks);
    QVERIFY2(created.status == 201, created.body.constData());

    const auto expectFailure = [&](const QByteArray& words) {
        QString backupId;
        const QJsonObject activity = backup(name, true, &backupId);
        const QString text = activity.value(QStringLiteral("log")).toString();
        QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("failure"), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("service db")) && text.toUtf8().contains(words), qPrintable(text));
        // Never paused (the server refused before the pause), or resumed.
        QVERIFY2(!text.contains(QStringLiteral("Pausing the environment"))
                || text.contains(QStringLiteral("Resumed the environment")),
            qPrintable(text));
        QVERIFY(!QFileInfo::exists(control + QStringLiteral("/paused")));
        QVERIFY(!text.contains(s->password()));
        const auto backups = m_http->get(QStringLiteral("/projects/demo/environments/%1/backups").arg(name), m_admin);
        QCOMPARE(backups.status, 200);
        QCOMPARE(backups.json.toArray().size(), 0);
    };

    // The password changes on the server after the descriptor was saved.
    const QString changed = postgres ? QStringLiteral("ALTER ROLE tidemark PASSWORD 'changed';")
                                     : QStringLiteral("SET PASSWORD FOR 'tidemark'@'127.0.0.1' = PASSWORD('changed');");
    const QString back = postgres
        ? QStringLiteral("ALTER ROLE tidemark PASSWORD '%1';").arg(s->password())
        : QStringLiteral("SET PASSWORD FOR 'tidemark'@'127.0.0.1' = PASSWORD('%1');").arg(s->password());
    s->sql(changed, &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));
    expectFailure(postgres ? QByteArrayLiteral("password authentication failed") : QByteArrayLiteral("Access denied"));
    s->sql(back, &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));

    // A dump that fails halfway.
    s->sql(postgres
            ? QStringLiteral("CREATE TABLE z_locked (id INTEGER); REVOKE ALL ON z_locked FROM PUBLIC;")
            : QStringLiteral("CREATE TABLE z (id INTEGER); CREATE VIEW z_broken AS SELECT id FROM z; DROP TABLE z;"),
        &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));
    expectFailure(postgres ? QByteArrayLiteral("pg_dump") : QByteArrayLiteral("mariadb-dump"));

    // Repaired, the next backup succeeds.
    s->sql(postgres ? QStringLiteral("DROP TABLE z_locked;") : QStringLiteral("DROP VIEW z_broken;"), &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));
    QString backupId;
    const QJsonObject activity = backup(name, true, &backupId);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));
}

// The state of table `items` as (rows, sum of ids): a restore must leave one of the two states, never a third.
QPair<qint64, qint64> TestDatabases::itemsState(DatabaseServer* s, const QString& database)
{
    bool ok = false;
    const QList<QByteArray> fields
        = s->sql(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(id), 0) FROM items;"), &ok, database)
              .trimmed()
              .split('\t');
    if (!ok || fields.size() != 2)
        return {-1, -1};
    return {fields.at(0).toLongLong(), fields.at(1).toLongLong()};
}

void TestDatabases::restoreIsWhole_data()
{
    descriptorIsCheckedWhenSaved_data();
}

// A backup restored into its own environment and into another one (whose service names another database); then
// restores interrupted by kill -9 leave each database entirely old or entirely new.
void TestDatabases::restoreIsWhole()
{
    QFETCH(QString, kind);
    DatabaseServer* s = server(kind);
    const bool postgres = kind == QLatin1String("postgresql");
    const QString source = QStringLiteral("src_") + kind.left(2);
    const QString target = QStringLiteral("dst_") + kind.left(2);
    bool ok = false;
    for (const QString& db : {source, target}) {
        s->sql(postgres ? QStringLiteral("CREATE DATABASE %1 OWNER tidemark;").arg(db)
                        : QStringLiteral("CREATE DATABASE %1;").arg(db),
            &ok, postgres ? QStringLiteral("postgres") : QStringLiteral("mysql"));
        QVERIFY2(ok, qPrintable(s->error()));
    }
    // Large enough that a load takes a while, so that the kills below land in the middle of some of them.
    const QString fill = postgres
        ? QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, payload TEXT NOT NULL); ALTER TABLE items OWNER "
                         "TO tidemark; INSERT INTO items SELECT g, repeat('p', 200) FROM generate_series(1, 40000) g;")
        : QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) ENGINE=InnoDB; INSERT "
                         "INTO items SELECT seq, REPEAT('p', 200) FROM seq_1_to_40000;");
    s->sql(fill, &ok, source);
    QVERIFY2(ok, qPrintable(s->error()));
    const QPair<qint64, qint64> backedUp = itemsState(s, source);
    QCOMPARE(backedUp.first, 40000);

    const QString name = QStringLiteral("rs-") + kind.left(2);
    const QString other = QStringLiteral("rt-") + kind.left(2);
    auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db"), source));
    QVERIFY2(created.status == 201, created.body.constData());
    created = createEnvironment(other, s->serviceJson(QStringLiteral("db"), target));
    QVERIFY2(created.status == 201, created.body.constData());
    QString backupId;
    const QJsonObject activity = backup(name, false, &backupId);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));

    // Changed after the backup: rows removed and added.
    s->sql(
        QStringLiteral("DELETE FROM items WHERE id <= 1000; INSERT INTO items VALUES (300001, 'late');"), &ok, source);
    QVERIFY(ok);
    const QPair<qint64, qint64> changed = itemsState(s, source);
    QVERIFY(changed != backedUp);
    // A table and a view made after the backup: the restored database is the backup's, so they go.
    s->sql(postgres ? QStringLiteral("CREATE TABLE late_table (id INTEGER); ALTER TABLE late_table OWNER TO tidemark; "
                                     "CREATE VIEW late_view AS SELECT id FROM items; ALTER VIEW late_view OWNER TO "
                                     "tidemark;")
                    : QStringLiteral("CREATE TABLE late_table (id INTEGER) ENGINE=InnoDB;"),
        &ok, source);
    QVERIFY2(ok, qPrintable(s->error()));
    const QString lateObjects = postgres
        ? QStringLiteral("SELECT COUNT(*) FROM pg_class WHERE relname IN ('late_table', 'late_view');")
        : QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '%1' AND table_name = "
                         "'late_table';")
              .arg(source);
    QVERIFY(s->sql(lateObjects, &ok, source).trimmed().toInt() > 0);

    const QString restorePath = QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(name, backupId);
    QElapsedTimer timer;
    timer.start();
    QJsonObject restored = m_http->startAndWait("POST", restorePath, "{}", m_admin, 90000);
    const qint64 restoreMs = timer.elapsed();
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(itemsState(s, source), backedUp);
    QCOMPARE(s->sql(lateObjects, &ok, source).trimmed().toInt(), 0);
    qInfo("%s: restore of 40 000 rows in %lld ms", qPrintable(kind), restoreMs);

    // Undo: the safety backup taken before the restore brings back the rows and the objects made after the backup.
    const QJsonObject undone = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/activities/%1/undo").arg(restored.value(QStringLiteral("id")).toString()), "{}",
        m_admin, 90000);
    QVERIFY2(undone.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(undone.value(QStringLiteral("id")).toString())));
    QCOMPARE(itemsState(s, source), changed);
    QCOMPARE(s->sql(lateObjects, &ok, source).trimmed().toInt(), postgres ? 2 : 1);

    // Into another environment, without its code (restore_code: false restores the mounts and the databases): its
    // own database, the source untouched.
    s->sql(QStringLiteral("INSERT INTO items VALUES (300002, 'after');"), &ok, source);
    const QPair<qint64, qint64> sourceNow = itemsState(s, source);
    restored = m_http->startAndWait("POST", restorePath,
        QStringLiteral(R"({"environment_name": "%1", "restore_code": false})").arg(other).toUtf8(), m_admin, 90000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(itemsState(s, target), backedUp);
    QCOMPARE(itemsState(s, source), sourceNow);

    // kill -9 at moments spread over a restore's length: entirely old or entirely new afterwards.
    int oldAfter = 0;
    int newAfter = 0;
    int duringLoad = 0;
    // Ten trials per server (TIDEMARK_DB_KILL_TRIALS for more, as a soak).
    const int trials = std::max(10, qEnvironmentVariableIntValue("TIDEMARK_DB_KILL_TRIALS"));
    for (int trial = 0; trial < trials; ++trial) {
        s->sql(postgres
                ? QStringLiteral("DELETE FROM items WHERE id <= 1000; INSERT INTO items VALUES (300003, 'x') ON "
                                 "CONFLICT DO NOTHING;")
                : QStringLiteral("DELETE FROM items WHERE id <= 1000; INSERT IGNORE INTO items VALUES (300003, 'x');"),
            &ok, source);
        QVERIFY2(ok, qPrintable(s->error()));
        const QPair<qint64, qint64> before = itemsState(s, source);
        QVERIFY(before != backedUp);
        // Without the safety backup (tested above), so that each trial is the restore itself.
        const QString activityId
            = TestHttp::activityId(m_http->request("POST", restorePath, R"({"safety_backup": false})", m_admin));
        QVERIFY(!activityId.isEmpty());
        // The first trial lands anywhere in the restore; the others while the server shows the load under way
        // (PostgreSQL: tidemarkd's pg_restore inside its transaction; MariaDB: a connection to the scratch schema).
        const QString loading = postgres
            ? QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '%1' AND application_name = "
                             "'tidemarkd' AND xact_start IS NOT NULL AND query NOT ILIKE 'COMMIT%';")
                  .arg(source)
            : QStringLiteral("SELECT COUNT(*) FROM information_schema.processlist WHERE db = '%1__tidemark_new';")
                  .arg(source);
        if (trial == 0) {
            QTest::qWait(int(restoreMs / 3));
        } else {
            const QDeadlineTimer deadline(60000);
            bool seen = false;
            while (!seen && !deadline.hasExpired()) {
                seen = s->sql(loading, &ok, postgres ? QStringLiteral("postgres") : QStringLiteral("mysql"))
                           .trimmed()
                           .toInt()
                    > 0;
            }
            if (seen)
                ++duringLoad;
        }
        m_server.kill();
        // What tidemarkd had started may still finish by itself (a load is one transaction or one rename): wait
        // until the database stops changing, bounded.
        QPair<qint64, qint64> after = itemsState(s, source);
        const QDeadlineTimer settle(30000);
        for (QPair<qint64, qint64> previous {-2, -2}; previous != after && !settle.hasExpired();) {
            QTest::qWait(1000);
            previous = after;
            after = itemsState(s, source);
        }
        QVERIFY2(after == before || after == backedUp,
            qPrintable(QStringLiteral("trial %1: (%2, %3) is neither old (%4, %5) nor new (%6, %7)")
                           .arg(trial)
                           .arg(after.first)
                           .arg(after.second)
                           .arg(before.first)
                           .arg(before.second)
                           .arg(backedUp.first)
                           .arg(backedUp.second)));
        ++(after == before ? oldAfter : newAfter);
        restartServer();
        // The restart finished or undid what the journal recorded: still one of the two, and (MariaDB) no scratch
        // schema or put-aside table is left.
        const QPair<qint64, qint64> restarted = itemsState(s, source);
        QVERIFY2(restarted == before || restarted == backedUp, qPrintable(QStringLiteral("trial %1").arg(trial)));
        if (!postgres) {
            QCOMPARE(s->sql(QStringLiteral("SELECT (SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name "
                                           "LIKE '%%tidemark%%') + (SELECT COUNT(*) FROM information_schema.tables "
                                           "WHERE table_name LIKE '\\_\\_tidemark%%');"),
                          &ok, QStringLiteral("mysql"))
                         .trimmed(),
                QByteArray("0"));
        }
    }
    qInfo("%s: after kill -9 mid-restore: %d old, %d new; %d killed while the server showed the load", qPrintable(kind),
        oldAfter, newAfter, duringLoad);
    // The next restore succeeds (an interrupted one's scratch schemas are cleared first).
    restored = m_http->startAndWait("POST", restorePath, "{}", m_admin, 90000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(itemsState(s, source), backedUp);
}

void TestDatabases::restartServer()
{
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
}

// What a MariaDB database's view and trigger give, and what a restore may leave behind, in one string:
// "rows=… cheap=… view=<where it reads> trigger=<what it stamps> leftovers=…".
QString TestDatabases::viewsAndTriggersState(const QString& database)
{
    bool ok = false;
    const QString state = QString::fromUtf8(
        m_mariadb
            ->sql(QStringLiteral(
                      "SELECT CONCAT('rows=', (SELECT COUNT(*) FROM items), ' cheap=', "
                      "IFNULL((SELECT COUNT(*) FROM cheap), -1), ' view=', IFNULL((SELECT IF(view_definition LIKE "
                      "'%%`%1`.`items`%%' AND view_definition NOT LIKE '%%tidemark%%', 'target', view_definition) FROM "
                      "information_schema.views WHERE table_schema = '%1' AND table_name = 'cheap'), 'none'), "
                      "' views=', (SELECT COUNT(*) FROM information_schema.views WHERE table_schema = '%1'));\n"
                      "INSERT INTO audited (id, note) VALUES (999, 'probe');\n"
                      "SELECT CONCAT('trigger=', IFNULL(stamped, 'none')) FROM audited WHERE id = 999;\n"
                      "DELETE FROM audited WHERE id = 999;\n"
                      "SELECT CONCAT('leftovers=', (SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name "
                      "LIKE '%1\\\\_\\\\_tidemark%%') + (SELECT COUNT(*) FROM information_schema.tables WHERE "
                      "table_schema = '%1' AND table_name LIKE '\\\\_\\\\_tidemark%%'));")
                      .arg(database),
                &ok, database)
            .trimmed());
    return ok ? QString(state).replace(QLatin1Char('\n'), QLatin1Char(' '))
              : QStringLiteral("error: ") + m_mariadb->error();
}

// MariaDB: a view over a table and a table with a BEFORE INSERT trigger come back with the restore, in the target
// database and over its tables (not the scratch schema), and work; into another environment's database too; and a
// restore killed at any moment leaves them entirely old or entirely new once tidemarkd has restarted.
void TestDatabases::restoreKeepsViewsAndTriggers()
{
    MariaDbServer* s = m_mariadb.get();
    const QString source = QStringLiteral("vt_src");
    const QString target = QStringLiteral("vt_dst");
    bool ok = false;
    for (const QString& db : {source, target}) {
        s->sql(QStringLiteral("CREATE DATABASE %1;").arg(db), &ok, QStringLiteral("mysql"));
        QVERIFY2(ok, qPrintable(s->error()));
    }
    // A trigger with a body of several statements (the restore must keep its semicolons).
    s->sql(QStringLiteral(
               "CREATE TABLE items (id INTEGER PRIMARY KEY, price INTEGER NOT NULL, payload TEXT) ENGINE=InnoDB;\n"
               "INSERT INTO items SELECT seq, seq % 100, REPEAT('p', 200) FROM seq_1_to_20000;\n"
               "CREATE VIEW cheap AS SELECT id, price FROM items WHERE price < 50;\n"
               "CREATE TABLE audited (id INTEGER PRIMARY KEY, note VARCHAR(40), stamped VARCHAR(40)) ENGINE=InnoDB;\n"
               "DELIMITER //\n"
               "CREATE TRIGGER audited_stamp BEFORE INSERT ON audited FOR EACH ROW BEGIN\n"
               "  SET NEW.stamped = CONCAT('by-trigger-', NEW.id);\n"
               "  SET NEW.note = UPPER(NEW.note);\n"
               "END//\n"
               "DELIMITER ;\n"
               "INSERT INTO audited (id, note) VALUES (1, 'one');"),
        &ok, source);
    QVERIFY2(ok, qPrintable(s->error()));
    const QString backedUp = viewsAndTriggersState(source);
    QCOMPARE(backedUp, QStringLiteral("rows=20000 cheap=10000 view=target views=1 trigger=by-trigger-999 leftovers=0"));

    const QString name = QStringLiteral("vt-src");
    const QString other = QStringLiteral("vt-dst");
    auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db"), source));
    QVERIFY2(created.status == 201, created.body.constData());
    created = createEnvironment(other, s->serviceJson(QStringLiteral("db"), target));
    QVERIFY2(created.status == 201, created.body.constData());
    QString backupId;
    const QJsonObject activity = backup(name, false, &backupId);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));

    // Changed after the backup: rows gone, the view redefined, the trigger dropped, another view added.
    const QString change = QStringLiteral(
        "DELETE FROM items WHERE id <= 1000; CREATE OR REPLACE VIEW cheap AS SELECT id, price FROM items WHERE price > "
        "1000; DROP TRIGGER IF EXISTS audited_stamp; CREATE OR REPLACE VIEW late_view AS SELECT 1 AS one;");
    s->sql(change, &ok, source);
    QVERIFY2(ok, qPrintable(s->error()));
    const QString changed = viewsAndTriggersState(source);
    QCOMPARE(changed, QStringLiteral("rows=19000 cheap=0 view=target views=2 trigger=none leftovers=0"));

    const QString restorePath = QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(name, backupId);
    QElapsedTimer timer;
    timer.start();
    QJsonObject restored = m_http->startAndWait("POST", restorePath, R"({"safety_backup": false})", m_admin, 90000);
    const qint64 restoreMs = timer.elapsed();
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(viewsAndTriggersState(source), backedUp);
    QCOMPARE(
        s->sql(QStringLiteral("SELECT note FROM audited WHERE id = 1;"), &ok, source).trimmed(), QByteArray("ONE"));

    // Into another environment's database: the view reads that database's table, the trigger is there.
    restored = m_http->startAndWait("POST", restorePath,
        QStringLiteral(R"({"environment_name": "%1", "safety_backup": false})").arg(other).toUtf8(), m_admin, 90000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(viewsAndTriggersState(target), backedUp);
    QCOMPARE(viewsAndTriggersState(source), backedUp);

    // kill -9 spread over the restore's length; judged after the restart (which finishes or undoes it).
    int oldAfter = 0;
    int newAfter = 0;
    for (int trial = 0; trial < 4; ++trial) {
        s->sql(change, &ok, source);
        QVERIFY2(ok, qPrintable(s->error()));
        QCOMPARE(viewsAndTriggersState(source), changed);
        const QString activityId
            = TestHttp::activityId(m_http->request("POST", restorePath, R"({"safety_backup": false})", m_admin));
        QVERIFY(!activityId.isEmpty());
        QTest::qWait(int(restoreMs * (trial + 1) / 5));
        m_server.kill();
        restartServer();
        const QString after = viewsAndTriggersState(source);
        QVERIFY2(
            after == changed || after == backedUp, qPrintable(QStringLiteral("trial %1: %2").arg(trial).arg(after)));
        ++(after == changed ? oldAfter : newAfter);
    }
    qInfo("mariadb views and triggers: restore in %lld ms; after kill -9 and restart: %d old, %d new", restoreMs,
        oldAfter, newAfter);
}

// MariaDB: a MyISAM table has no snapshot, so a consistent backup dumps it under the read lock inside the pause:
// the pause hook's row is in, the resume hook's row is not, although the transactional dump (of a large table that
// comes first) goes on after the resume. A live backup says in its log that such tables are not of its instant.
void TestDatabases::nonTransactionalTablesAtThePause()
{
    MariaDbServer* s = m_mariadb.get();
    const QString database = QStringLiteral("myisam_db");
    bool ok = false;
    s->sql(QStringLiteral("CREATE DATABASE %1;").arg(database), &ok, QStringLiteral("mysql"));
    QVERIFY2(ok, qPrintable(s->error()));
    s->sql(QStringLiteral("CREATE TABLE a_big (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) ENGINE=InnoDB;\n"
                          "INSERT INTO a_big SELECT seq, REPEAT('b', 300) FROM seq_1_to_150000;\n"
                          "CREATE TABLE z_log (id INTEGER PRIMARY KEY, what VARCHAR(40) NOT NULL) ENGINE=MyISAM;\n"
                          "INSERT INTO z_log VALUES (1, 'before');"),
        &ok, database);
    QVERIFY2(ok, qPrintable(s->error()));
    const QString client = QStringLiteral("mariadb --no-defaults --socket=%1 -u root %2 -e \"%3\"");
    const QJsonObject hooks {
        {QStringLiteral("pause"),
            client.arg(s->socketPath(), database, QStringLiteral("INSERT IGNORE INTO z_log VALUES (2, 'paused');"))},
        {QStringLiteral("resume"),
            client.arg(s->socketPath(), database, QStringLiteral("INSERT IGNORE INTO z_log VALUES (3, 'resumed');"))}};
    const QString name = QStringLiteral("myisam");
    const auto created = createEnvironment(name, s->serviceJson(QStringLiteral("db"), database), hooks);
    QVERIFY2(created.status == 201, created.body.constData());

    QString backupId;
    QJsonObject activity = backup(name, true, &backupId);
    QString text = activity.value(QStringLiteral("log")).toString();
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(text));
    QCOMPARE(s->sql(QStringLiteral("SELECT COUNT(*) FROM z_log;"), &ok, database).trimmed(), QByteArray("3"));
    const QJsonObject db = manifest(backupId).value(QStringLiteral("services")).toArray().at(0).toObject();
    const QByteArray dump
        = dumpText(QStringLiteral("mariadb"), backupId, db.value(QStringLiteral("staged")).toString());
    QVERIFY(dump.contains("'before'"));
    QVERIFY2(dump.contains("'paused'"), "the pause hook's row is not in the dump");
    QVERIFY2(!dump.contains("'resumed'"), "the dump holds the MyISAM row written after the pause");
    QVERIFY2(dump.contains("a_big"), "the transactional table is missing");
    const QStringList notes = text.split(QLatin1Char('\n')).filter(QStringLiteral("without transactions"));
    QVERIFY2(notes.size() == 1 && notes.first().contains(QStringLiteral("z_log (MyISAM)"))
            && notes.first().contains(QStringLiteral("inside the pause")),
        qPrintable(text));
    qInfo("%s | %s", qPrintable(notes.first()),
        qPrintable(text.split(QLatin1Char('\n')).filter(QStringLiteral("pause of")).join(QLatin1Char(' '))));

    // Restored, the MyISAM table is back with the pause instant's rows.
    const QJsonObject restored = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(name, backupId),
        R"({"safety_backup": false})", m_admin, 90000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(s->sql(QStringLiteral("SELECT GROUP_CONCAT(what ORDER BY id) FROM z_log;"), &ok, database).trimmed(),
        QByteArray("before,paused,resumed"));
    QCOMPARE(s->sql(QStringLiteral("SELECT engine FROM information_schema.tables WHERE table_schema = '%1' AND "
                                   "table_name = 'z_log';")
                        .arg(database),
                  &ok, database)
                 .trimmed(),
        QByteArray("MyISAM"));

    // A live backup reports what it could not take at one instant.
    activity = backup(name, false, &backupId);
    text = activity.value(QStringLiteral("log")).toString();
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "1 table without transactions, z_log (MyISAM), is read as it is when the dump reaches it")),
        qPrintable(text));
}

// One environment with a PostgreSQL and a MariaDB service: a restore whose second load fails leaves both databases
// and the files entirely old, and the activity names the service; a restore killed while MariaDB loads its scratch
// schema is undone at tidemarkd's start (the scratch schema is gone, everything old); a restore that succeeds
// brings both back.
void TestDatabases::restoreAcrossServicesIsWhole()
{
    PostgresServer* pg = m_postgres.get();
    MariaDbServer* ma = m_mariadb.get();
    const QString pgDb = QStringLiteral("multi_pg");
    const QString maDb = QStringLiteral("multi_ma");
    bool ok = false;
    pg->sql(QStringLiteral("CREATE DATABASE %1 OWNER tidemark;").arg(pgDb), &ok, QStringLiteral("postgres"));
    QVERIFY2(ok, qPrintable(pg->error()));
    pg->sql(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, payload TEXT NOT NULL); ALTER TABLE items "
                           "OWNER TO tidemark; INSERT INTO items SELECT g, repeat('p', 200) FROM generate_series(1, "
                           "40000) g; SELECT lo_from_bytea(4242, 'large object'::bytea); ALTER LARGE OBJECT 4242 "
                           "OWNER TO tidemark;"),
        &ok, pgDb);
    QVERIFY2(ok, qPrintable(pg->error()));
    // MariaDB through a user of its own, so that the test can take a right away from it.
    const QString password = QStringLiteral("limited-secret");
    ma->sql(QStringLiteral("CREATE DATABASE %1; CREATE USER 'limited'@'127.0.0.1' IDENTIFIED BY '%2'; GRANT ALL ON "
                           "%1.* TO 'limited'@'127.0.0.1'; GRANT RELOAD ON *.* TO 'limited'@'127.0.0.1';")
                .arg(maDb, password),
        &ok, QStringLiteral("mysql"));
    QVERIFY2(ok, qPrintable(ma->error()));
    ma->sql(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) ENGINE=InnoDB; INSERT "
                           "INTO items SELECT seq, REPEAT('p', 200) FROM seq_1_to_80000;"),
        &ok, maDb);
    QVERIFY2(ok, qPrintable(ma->error()));
    const QString passwordFile = m_scratch.filePath(QStringLiteral("limited.password"));
    QFile file(passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(password.toUtf8() + '\n');
    file.close();
    QJsonObject maService = QJsonDocument::fromJson(ma->serviceJson(QStringLiteral("ma"), maDb)).object();
    maService.insert(QStringLiteral("user"), QStringLiteral("limited"));
    maService.insert(QStringLiteral("password_file"), passwordFile);

    const QString name = QStringLiteral("multi");
    const auto created = m_http->request("POST", QStringLiteral("/projects/demo/environments"),
        environmentBody(name,
            QList<QByteArray> {pg->serviceJson(QStringLiteral("pg"), pgDb), QJsonDocument(maService).toJson()}, {}),
        m_admin, "application/json", 60000);
    QVERIFY2(created.status == 201, created.body.constData());
    const QString counter = m_scratch.filePath(name + QStringLiteral("/files/counter"));
    QFile mark(counter);
    QVERIFY(mark.open(QIODevice::WriteOnly));
    mark.write("backed-up\n");
    mark.close();
    const QPair<qint64, qint64> pgBackedUp = itemsState(pg, pgDb);
    const QPair<qint64, qint64> maBackedUp = itemsState(ma, maDb);
    QString backupId;
    const QJsonObject activity = backup(name, false, &backupId);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));

    const auto change = [&] {
        pg->sql(QStringLiteral("DELETE FROM items WHERE id <= 1000; SELECT lo_unlink(4242);"), &ok, pgDb);
        QVERIFY2(ok, qPrintable(pg->error()));
        ma->sql(QStringLiteral("DELETE FROM items WHERE id <= 1000;"), &ok, maDb);
        QVERIFY2(ok, qPrintable(ma->error()));
        QVERIFY(mark.open(QIODevice::WriteOnly));
        mark.write("changed\n");
        mark.close();
    };
    const auto fileState = [&counter] {
        QFile f(counter);
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("missing");
    };
    // A large object: pg_restore writes a BEGIN and COMMIT of its own around them, which must not commit early.
    const auto largeObjects = [&] {
        return pg->sql(QStringLiteral("SELECT COUNT(*) FROM pg_largeobject_metadata WHERE oid = 4242;"), &ok, pgDb)
            .trimmed();
    };
    const auto scratchSchemas = [&] {
        return ma
            ->sql(QStringLiteral("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name LIKE "
                                 "'multi\\\\_ma\\\\_\\\\_tidemark%';"),
                &ok, QStringLiteral("mysql"))
            .trimmed()
            .toInt();
    };
    change();
    const QPair<qint64, qint64> pgOld = itemsState(pg, pgDb);
    const QPair<qint64, qint64> maOld = itemsState(ma, maDb);
    QVERIFY(pgOld != pgBackedUp && maOld != maBackedUp);
    const QString restorePath = QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(name, backupId);

    // The second database's load fails halfway: its user may make the scratch schema and its tables, not fill them.
    ma->sql(
        QStringLiteral(
            "GRANT CREATE, DROP, SELECT, ALTER, LOCK TABLES ON `multi_ma__tidemark_new`.* TO 'limited'@'127.0.0.1';"),
        &ok, QStringLiteral("mysql"));
    QVERIFY2(ok, qPrintable(ma->error()));
    QElapsedTimer timer;
    timer.start();
    QJsonObject restored = m_http->startAndWait("POST", restorePath, R"({"safety_backup": false})", m_admin, 90000);
    QString text = log(restored.value(QStringLiteral("id")).toString());
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("failure"), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("service ma")) && text.contains(QStringLiteral("denied")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Loading the database of service pg")), qPrintable(text));
    QCOMPARE(itemsState(pg, pgDb), pgOld);
    QCOMPARE(largeObjects(), QByteArray("0"));
    QCOMPARE(itemsState(ma, maDb), maOld);
    QCOMPARE(fileState(), QByteArray("changed"));
    QCOMPARE(scratchSchemas(), 0);
    qInfo("multi: failed restore in %lld ms: %s", timer.elapsed(),
        qPrintable(text.split(QLatin1Char('\n')).filter(QStringLiteral("service ma")).join(QLatin1Char(' '))));

    // Killed while MariaDB fills its scratch schema (PostgreSQL's load is done and not committed): at the next start
    // the scratch schema is dropped and the files are put back, and PostgreSQL's transaction was never committed.
    ma->sql(QStringLiteral("GRANT INSERT, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW, TRIGGER ON "
                           "`multi_ma__tidemark_new`.* TO 'limited'@'127.0.0.1';"),
        &ok, QStringLiteral("mysql"));
    QVERIFY2(ok, qPrintable(ma->error()));
    const QString activityId
        = TestHttp::activityId(m_http->request("POST", restorePath, R"({"safety_backup": false})", m_admin));
    QVERIFY(!activityId.isEmpty());
    const QDeadlineTimer deadline(60000);
    bool loading = false;
    while (!loading && !deadline.hasExpired()) {
        loading = ma->sql(QStringLiteral("SELECT COUNT(*) FROM information_schema.processlist WHERE db = "
                                         "'multi_ma__tidemark_new' AND user = 'limited';"),
                        &ok, QStringLiteral("mysql"))
                      .trimmed()
                      .toInt()
            > 0;
    }
    QVERIFY2(loading, "the scratch schema's load was not seen");
    m_server.kill();
    QCOMPARE(scratchSchemas(), 1); // left by the killed restore
    restartServer();
    QCOMPARE(scratchSchemas(), 0);
    QCOMPARE(itemsState(ma, maDb), maOld);
    QTRY_COMPARE_WITH_TIMEOUT(itemsState(pg, pgDb), pgOld, 15000);
    QCOMPARE(largeObjects(), QByteArray("0"));
    QCOMPARE(fileState(), QByteArray("changed"));

    // Killed between the point where MariaDB's tables are swapped and PostgreSQL's COMMIT: tidemarkd's PostgreSQL
    // backend is held (SIGSTOP) once its load is done (MariaDB's load has begun), so the restore waits at its COMMIT
    // with MariaDB swapped. Then tidemarkd dies and the backend goes on (it may still read the COMMIT psql had sent);
    // the restart asks PostgreSQL whether the transaction committed and finishes or undoes everything with it.
    const QString swapId
        = TestHttp::activityId(m_http->request("POST", restorePath, R"({"safety_backup": false})", m_admin));
    QVERIFY(!swapId.isEmpty());
    QDeadlineTimer swapDeadline(60000);
    for (loading = false; !loading && !swapDeadline.hasExpired();) {
        loading = ma->sql(QStringLiteral("SELECT COUNT(*) FROM information_schema.processlist WHERE db = "
                                         "'multi_ma__tidemark_new' AND user = 'limited';"),
                        &ok, QStringLiteral("mysql"))
                      .trimmed()
                      .toInt()
            > 0;
    }
    QVERIFY2(loading, "the scratch schema's load was not seen");
    const qint64 backend = pg->sql(QStringLiteral("SELECT pid FROM pg_stat_activity WHERE datname = '%1' AND "
                                                  "application_name = 'tidemarkd' AND state = 'idle in transaction';")
                                       .arg(pgDb),
                                 &ok, QStringLiteral("postgres"))
                               .trimmed()
                               .toLongLong();
    QVERIFY2(backend > 0, "tidemarkd's PostgreSQL transaction was not seen");
    QCOMPARE(::kill(pid_t(backend), SIGSTOP), 0);
    bool swapped = false;
    while (!swapped && !swapDeadline.hasExpired()) {
        swapped = ma->sql(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                                         "'multi_ma' AND table_name LIKE '\\_\\_tidemark\\_old%';"),
                        &ok, QStringLiteral("mysql"))
                      .trimmed()
                      .toInt()
            > 0;
    }
    m_server.kill();
    ::kill(pid_t(backend), SIGCONT);
    QVERIFY2(swapped, "MariaDB's swap was not seen");
    restartServer();
    const bool allNew = itemsState(pg, pgDb) == pgBackedUp;
    QCOMPARE(itemsState(pg, pgDb), allNew ? pgBackedUp : pgOld);
    QCOMPARE(largeObjects(), allNew ? QByteArray("1") : QByteArray("0"));
    QCOMPARE(itemsState(ma, maDb), allNew ? maBackedUp : maOld);
    QCOMPARE(fileState(), allNew ? QByteArray("backed-up") : QByteArray("changed"));
    QCOMPARE(scratchSchemas(), 0);
    QCOMPARE(ma->sql(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'multi_ma' "
                                    "AND table_name LIKE '\\_\\_tidemark%';"),
                   &ok, QStringLiteral("mysql"))
                 .trimmed(),
        QByteArray("0"));
    qInfo("multi: killed between the MariaDB swap and the PostgreSQL COMMIT: after the restart everything is %s",
        allNew ? "new (the COMMIT had reached PostgreSQL)" : "old");
    if (allNew)
        change();

    // And whole when it succeeds.
    restored = m_http->startAndWait("POST", restorePath, R"({"safety_backup": false})", m_admin, 90000);
    text = log(restored.value(QStringLiteral("id")).toString());
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(text));
    QCOMPARE(itemsState(pg, pgDb), pgBackedUp);
    QCOMPARE(largeObjects(), QByteArray("1"));
    QCOMPARE(pg->sql(QStringLiteral("SELECT convert_from(lo_get(4242), 'UTF8');"), &ok, pgDb).trimmed(),
        QByteArray("large object"));
    QCOMPARE(itemsState(ma, maDb), maBackedUp);
    QCOMPARE(fileState(), QByteArray("backed-up"));
    QCOMPARE(scratchSchemas(), 0);
}

QTEST_GUILESS_MAIN(TestDatabases)
#include "tst_databases.moc"
