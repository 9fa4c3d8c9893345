// PostgreSQL and MariaDB services against real servers (tests/support/databaseserver.h) and a real tidemarkd: the
// descriptor is checked when it is saved, a consistent backup stores each database as it was inside the pause (the
// pause hook's row is in the dump, the resume hook's rows are not, although the dump runs after the resume), a live
// backup dumps each database, and the manifest records the server version, the tables and their row counts.
#include "databaseserver.h"
#include "serverprocess.h"

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
    QByteArray dumpText(const QString& kind, const QString& stagedPath);
    QString log(const QString& activityId);
    QByteArray fileInSnapshot(const QString& path);
    QPair<qint64, qint64> itemsState(DatabaseServer* s, const QString& database);
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
        {QStringLiteral("services"), QJsonArray {QJsonDocument::fromJson(service).object()}}};
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
        text += data.value(QStringLiteral("message")).toString() + QLatin1Char('\n');
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

QJsonObject TestDatabases::manifest(const QString& backupId)
{
    QJsonObject result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("store"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/tidemark.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT manifest FROM backups WHERE id = ?"));
            q.addBindValue(backupId);
            if (q.exec() && q.next())
                result = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("store"));
    return result;
}

// The staged dump as stored in the repository (restic dump), as SQL text.
QByteArray TestDatabases::fileInSnapshot(const QString& path)
{
    const QString dir = m_server.dataDir() + QStringLiteral("/repositories/demo");
    QProcess restic;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), dir + QStringLiteral("/repo"));
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), dir + QStringLiteral("/repo.password"));
    restic.setProcessEnvironment(env);
    restic.start(QStringLiteral("restic"),
        {QStringLiteral("dump"), QStringLiteral("--no-lock"), QStringLiteral("--no-cache"), QStringLiteral("--tag"),
            QStringLiteral("tidemark"), QStringLiteral("latest"),
            path}); // the newest backup, not its manifest snapshot
    if (!restic.waitForFinished(30000) || restic.exitCode() != 0) {
        qWarning("restic dump: %s", restic.readAllStandardError().constData());
        return {};
    }
    return restic.readAllStandardOutput();
}

QByteArray TestDatabases::dumpText(const QString& kind, const QString& stagedPath)
{
    const QByteArray dump = fileInSnapshot(stagedPath);
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

    const QByteArray dump = dumpText(kind, db.value(QStringLiteral("staged")).toString());
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
    const QByteArray dump = dumpText(kind, db.value(QStringLiteral("staged")).toString());
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
        const qint64 counter = fileInSnapshot(mount + QStringLiteral("/counter")).trimmed().toLongLong();
        const qint64 dumped = stepsInDump(kind, dumpText(kind, db.value(QStringLiteral("staged")).toString()));
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
        const QString activityId = TestHttp::activityId(m_http->request("POST", restorePath, "{}", m_admin));
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
        QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
        m_http = std::make_unique<TestHttp>(m_server.url());
        m_admin = m_http->exchange(m_server.adminToken());
        QVERIFY(!m_admin.isEmpty());
    }
    qInfo("%s: after kill -9 mid-restore: %d old, %d new; %d killed while the server showed the load", qPrintable(kind),
        oldAfter, newAfter, duringLoad);
    // The next restore succeeds (an interrupted one's scratch schemas are cleared first).
    restored = m_http->startAndWait("POST", restorePath, "{}", m_admin, 90000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(log(restored.value(QStringLiteral("id")).toString())));
    QCOMPARE(itemsState(s, source), backedUp);
}

QTEST_GUILESS_MAIN(TestDatabases)
#include "tst_databases.moc"
