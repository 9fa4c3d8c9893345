// What an environment, a token or an API caller must never be able to do to tidemarkd: reach outside the
// environment roots or into the data directory, write through links the application planted, run shell commands
// through the API, read hook output as a viewer, leave an environment paused after a crash, or keep using a
// revoked token. A real tidemarkd on 127.0.0.1; each case failed before its fix.
#include "environmentstate.h"
#include "serverprocess.h"

#include <csignal>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace EnvironmentState;

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie (exited, not yet reaped) is not alive.
    const QString stat = readAll(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(QLatin1Char(')'));
    return close > 0 && stat.mid(close + 2, 1) != QLatin1String("Z");
}

int modeOf(const QString& path)
{
    struct stat st
    { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

// A tidemarkd whose data directory is a small file system of its own (a tmpfs; mounting needs root). The server is
// stopped and the file system unmounted when it goes.
struct SmallDataDisk
{
    explicit SmallDataDisk(const QString& size)
        : mounted(QProcess::execute(QStringLiteral("mount"),
                      {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                          QStringLiteral("size=") + size, QStringLiteral("tmpfs"), server.dataDir()})
            == 0)
    { }
    ~SmallDataDisk()
    {
        if (!mounted)
            return;
        server.stop();
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), server.dataDir()});
    }

    ServerProcess server;
    const bool mounted;
};

class TestHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void descriptorsAreConfined_data();
    void descriptorsAreConfined();
    void linksAtBackupAreRefused();
    void linkPlantedBeforeRestoreIsNotWrittenThrough();
    void mountSwappedForALinkIsNotRestoredThrough();
    void hooksThroughTheApiNeedTheServersConsent();
    void hookOutputIsScrubbedAndHiddenFromViewers();
    void tokensAreListedAndRevoked();
    void environmentWithAnActivityCannotBeDeleted();
    void dataDirectoryIsPrivate();
    void killedDuringTheRestorePauseResumesAtStartup();
    void killedDuringTheResumeHookResumesAtStartup();
    void fullDiskFailsTheBackupWithItsReason();
    void consistentBackupNeedsNoCopyOfTheEnvironment();

private:
    // A scratch environment under the test's root: code/, mounts/files/ and a SQLite service.
    QJsonObject makeEnvironment(const QString& name, const QJsonObject& hooks = {});
    QString root(const QString& name) const { return m_root.filePath(name); }
    QJsonObject takeBackup(const QString& environment, bool safe);
    QJsonObject restore(const QString& environment, const QString& backupId);
    QString backupIdOf(const QJsonObject& activity) const;

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QTemporaryDir m_root;
    QString m_admin;
    QString m_viewer;
};

void TestHardening::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty());
}

void TestHardening::cleanupTestCase()
{
    m_server.stop();
}

QJsonObject TestHardening::makeEnvironment(const QString& name, const QJsonObject& hooks)
{
    const QString base = root(name);
    QDir().mkpath(base + QStringLiteral("/code"));
    QDir().mkpath(base + QStringLiteral("/files"));
    writeFile(base + QStringLiteral("/code/index.php"), "<?php echo 'v1';\n");
    writeFile(base + QStringLiteral("/files/upload.txt"), "first upload\n");
    execSql(base + QStringLiteral("/db.sqlite"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT, amount_cents "
                       "INTEGER); INSERT INTO orders (customer, amount_cents) VALUES ('ana', 1200)"));
    QJsonObject local {{QStringLiteral("code_path"), QString(base + QStringLiteral("/code"))},
        {QStringLiteral("mounts"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("files")},
                {QStringLiteral("path"), QString(base + QStringLiteral("/files"))}}}},
        {QStringLiteral("services"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("db")},
                {QStringLiteral("kind"), QStringLiteral("sqlite")},
                {QStringLiteral("path"), QString(base + QStringLiteral("/db.sqlite"))}}}}};
    if (!hooks.isEmpty())
        local.insert(QStringLiteral("hooks"), hooks);
    const TestHttp::Reply r = m_http->request("POST", QStringLiteral("/projects/demo/environments"),
        json({{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("development")},
            {QStringLiteral("local"), local}}),
        m_admin);
    if (r.status != 201)
        qWarning("creating %s: %d %s", qPrintable(name), r.status, r.body.constData());
    return r.json.toObject();
}

QJsonObject TestHardening::takeBackup(const QString& environment, bool safe)
{
    return m_http->startAndWait("POST", QStringLiteral("/projects/demo/environments/%1/backup").arg(environment),
        json({{QStringLiteral("safe"), safe}}), m_admin);
}

QString TestHardening::backupIdOf(const QJsonObject& activity) const
{
    return activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
}

QJsonObject TestHardening::restore(const QString& environment, const QString& backupId)
{
    return m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/environments/%1/backups/%2/restore").arg(environment, backupId),
        json({{QStringLiteral("restore_code"), true}}), m_admin);
}

void TestHardening::descriptorsAreConfined_data()
{
    QTest::addColumn<QJsonObject>("local");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("words");
    const QString ok = root(QStringLiteral("fine"));
    QDir().mkpath(ok);
    const auto code = [](const QString& path) { return QJsonObject {{QStringLiteral("code_path"), path}}; };
    QTest::newRow("outside the roots") << code(QStringLiteral("/etc")) << "local.code_path"
                                       << "not under an environment root";
    QTest::newRow("proc") << code(QStringLiteral("/proc/self")) << "local.code_path"
                          << "not under an environment root";
    QTest::newRow("relative") << code(QStringLiteral("code")) << "local.code_path"
                              << "not an absolute path";
    QTest::newRow("dot-dot") << code(ok + QStringLiteral("/../../etc")) << "local.code_path"
                             << "not a normalised path";
    QTest::newRow("data directory") << code(m_server.dataDir() + QStringLiteral("/repositories")) << "local.code_path"
                                    << "inside tidemarkd's data directory";
    QTest::newRow("the store") << QJsonObject {{QStringLiteral("code_path"), ok},
        {QStringLiteral("services"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("db")},
                {QStringLiteral("path"), QString(m_server.dataDir() + QStringLiteral("/tidemark.db"))}}}}}
                               << "local.services[0].path"
                               << "inside tidemarkd's data directory";
    QTest::newRow("service name escapes") << QJsonObject {{QStringLiteral("code_path"), ok},
        {QStringLiteral("services"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("../../escape")},
                {QStringLiteral("path"), QString(ok + QStringLiteral("/db.sqlite"))}}}}}
                                          << "local.services[0].name"
                                          << "not a simple name";
    QTest::newRow("mount name with a slash") << QJsonObject {{QStringLiteral("code_path"), ok},
        {QStringLiteral("mounts"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("a/b")},
                {QStringLiteral("path"), QString(ok + QStringLiteral("/a"))}}}}}
                                             << "local.mounts[0].name"
                                             << "not a simple name";
    // A link inside a root that leads out of it.
    QFile::link(QStringLiteral("/etc"), root(QStringLiteral("etc-link")));
    QTest::newRow("link out of the root") << code(root(QStringLiteral("etc-link"))) << "local.code_path"
                                          << "not under an environment root";
}

void TestHardening::descriptorsAreConfined()
{
    QFETCH(QJsonObject, local);
    QFETCH(QString, field);
    QFETCH(QString, words);
    const TestHttp::Reply r = m_http->request("POST", QStringLiteral("/projects/demo/environments"),
        json({{QStringLiteral("name"), QStringLiteral("escape")},
            {QStringLiteral("type"), QStringLiteral("development")}, {QStringLiteral("local"), local}}),
        m_admin);
    QCOMPARE(r.status, 400);
    const QString problem = r.json.toObject().value(QStringLiteral("detail")).toObject().value(field).toString();
    QVERIFY2(problem.contains(words), qPrintable(QString::fromUtf8(r.body)));
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/escape"), m_admin).status, 404);

    // The same descriptor through PATCH of an existing environment.
    const TestHttp::Reply patch = m_http->request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
        json({{QStringLiteral("local"), local}}), m_admin);
    QCOMPARE(patch.status, 400);
}

void TestHardening::linksAtBackupAreRefused()
{
    QVERIFY(!makeEnvironment(QStringLiteral("links")).isEmpty());
    const QString base = root(QStringLiteral("links"));
    // The application turns its database into a link to tidemarkd's store.
    QVERIFY(QFile::remove(base + QStringLiteral("/db.sqlite")));
    QVERIFY(QFile::link(m_server.dataDir() + QStringLiteral("/tidemark.db"), base + QStringLiteral("/db.sqlite")));
    QJsonObject failed = takeBackup(QStringLiteral("links"), false);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(failed.value(QStringLiteral("log")).toString().contains(QStringLiteral("symbolic link")),
        qPrintable(failed.value(QStringLiteral("log")).toString()));
    QVERIFY(m_http->get(QStringLiteral("/projects/demo/environments/links/backups"), m_admin).json.toArray().isEmpty());

    // A mount that became a link to /etc.
    QVERIFY(QFile::remove(base + QStringLiteral("/db.sqlite")));
    execSql(base + QStringLiteral("/db.sqlite"), QStringLiteral("CREATE TABLE t (x)"));
    QVERIFY(QDir(base + QStringLiteral("/files")).removeRecursively());
    QVERIFY(QFile::link(QStringLiteral("/etc"), base + QStringLiteral("/files")));
    failed = takeBackup(QStringLiteral("links"), false);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(failed.value(QStringLiteral("log")).toString().contains(QStringLiteral("mount files")),
        qPrintable(failed.value(QStringLiteral("log")).toString()));
}

void TestHardening::linkPlantedBeforeRestoreIsNotWrittenThrough()
{
    QVERIFY(!makeEnvironment(QStringLiteral("planted")).isEmpty());
    const QString base = root(QStringLiteral("planted"));
    const QJsonObject backup = takeBackup(QStringLiteral("planted"), false);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    // After the backup, the application replaces its database with a link to the store, and a victim outside.
    const QString store = m_server.dataDir() + QStringLiteral("/tidemark.db");
    QVERIFY(QFile::remove(base + QStringLiteral("/db.sqlite")));
    QVERIFY(QFile::link(store, base + QStringLiteral("/db.sqlite")));
    const QJsonObject failed = restore(QStringLiteral("planted"), backupIdOf(backup));
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(failed.value(QStringLiteral("log")).toString().contains(QStringLiteral("symbolic link")),
        qPrintable(failed.value(QStringLiteral("log")).toString()));
    // The store was not overwritten: the admin token still works, the viewer too.
    TestHttp fresh(m_server.url());
    QVERIFY(!fresh.exchange(m_server.adminToken()).isEmpty());
    QVERIFY(!fresh.exchange(m_server.viewerToken()).isEmpty());
    QCOMPARE(QFileInfo(base + QStringLiteral("/db.sqlite")).symLinkTarget(), store);
    // The environment's other parts are as they were (the restore changed nothing).
    QCOMPARE(readAll(base + QStringLiteral("/code/index.php")), QStringLiteral("<?php echo 'v1';\n"));
}

void TestHardening::mountSwappedForALinkIsNotRestoredThrough()
{
    QVERIFY(!makeEnvironment(QStringLiteral("swapped")).isEmpty());
    const QString base = root(QStringLiteral("swapped"));
    const QJsonObject backup = takeBackup(QStringLiteral("swapped"), false);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    // The mount becomes a link to a folder outside every root.
    QTemporaryDir outside(QDir::homePath() + QStringLiteral("/.tidemark-outside-XXXXXX"));
    QVERIFY(outside.isValid());
    writeFile(outside.filePath(QStringLiteral("precious.txt")), "keep me\n");
    QVERIFY(QDir(base + QStringLiteral("/files")).removeRecursively());
    QVERIFY(QFile::link(outside.path(), base + QStringLiteral("/files")));
    const QJsonObject failed = restore(QStringLiteral("swapped"), backupIdOf(backup));
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QCOMPARE(readAll(outside.filePath(QStringLiteral("precious.txt"))), QStringLiteral("keep me\n"));
    QVERIFY(!QFile::exists(outside.filePath(QStringLiteral("upload.txt"))));
    QVERIFY(QFileInfo(base + QStringLiteral("/files")).isSymLink());
}

void TestHardening::hooksThroughTheApiNeedTheServersConsent()
{
    ServerProcess strict;
    strict.setApiHooksAllowed(false);
    QVERIFY2(strict.start(), qPrintable(strict.error()));
    TestHttp http(strict.url());
    const QString admin = http.exchange(strict.adminToken());
    const QString viewer = http.exchange(strict.viewerToken());
    const QString path = QStringLiteral("/projects/demo/environments/staging");
    QJsonObject local = http.get(path, admin).json.toObject().value(QStringLiteral("local")).toObject();
    const QJsonObject original = local;
    QJsonObject hooks = local.value(QStringLiteral("hooks")).toObject();
    hooks.insert(QStringLiteral("pause"), QStringLiteral("id > /tmp/owned"));
    local.insert(QStringLiteral("hooks"), hooks);
    const TestHttp::Reply refused = http.request("PATCH", path, json({{QStringLiteral("local"), local}}), admin);
    QCOMPARE(refused.status, 403);
    QVERIFY(refused.json.toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("--allow-api-hooks")));
    // Unchanged hooks may travel with the rest of the descriptor.
    QCOMPARE(http.request("PATCH", path, json({{QStringLiteral("local"), original}}), admin).status, 200);
    // A new environment with hooks is refused too.
    QDir().mkpath(root(QStringLiteral("strict-code")));
    QCOMPARE(http.request("POST", QStringLiteral("/projects/demo/environments"),
                     json({{QStringLiteral("name"), QStringLiteral("hooked")},
                         {QStringLiteral("type"), QStringLiteral("development")},
                         {QStringLiteral("local"),
                             QJsonObject {{QStringLiteral("code_path"), root(QStringLiteral("strict-code"))},
                                 {QStringLiteral("hooks"),
                                     QJsonObject {{QStringLiteral("resume"), QStringLiteral("reboot")}}}}}}),
                     admin)
                 .status,
        403);

    // The server's own way: a command on the server.
    int status = -1;
    strict.runTool({QStringLiteral("hooks"), QStringLiteral("set"), QStringLiteral("--project"), QStringLiteral("demo"),
                       QStringLiteral("--environment"), QStringLiteral("staging"), QStringLiteral("--pause"),
                       QStringLiteral("echo pausing"), QStringLiteral("--timeout"), QStringLiteral("30")},
        &status);
    QCOMPARE(status, 0);
    const QJsonObject seen = http.get(path, admin).json.toObject().value(QStringLiteral("local")).toObject();
    QCOMPARE(seen.value(QStringLiteral("hooks")).toObject().value(QStringLiteral("pause")).toString(),
        QStringLiteral("echo pausing"));
    // Viewers do not see the commands.
    const QJsonObject forViewer = http.get(path, viewer).json.toObject().value(QStringLiteral("local")).toObject();
    QVERIFY(!QJsonDocument(forViewer).toJson().contains("echo pausing"));
    strict.stop();
}

void TestHardening::hookOutputIsScrubbedAndHiddenFromViewers()
{
    QVERIFY(!makeEnvironment(QStringLiteral("chatty"),
        QJsonObject {{QStringLiteral("pause"),
            QStringLiteral("echo 'db password=hunter2 and Authorization: Bearer abc.def'; echo visible-line; exit 3")}})
                 .isEmpty());
    const QJsonObject failed = takeBackup(QStringLiteral("chatty"), true);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const QString id = failed.value(QStringLiteral("id")).toString();
    const QString adminLog = failed.value(QStringLiteral("log")).toString();
    QVERIFY2(adminLog.contains(QStringLiteral("[hook] visible-line")), qPrintable(adminLog));
    QVERIFY2(adminLog.contains(QStringLiteral("password=***")), qPrintable(adminLog));
    QVERIFY(!adminLog.contains(QStringLiteral("hunter2")));
    QVERIFY(!adminLog.contains(QStringLiteral("abc.def")));
    QVERIFY(!failed.value(QStringLiteral("text")).toString().contains(QStringLiteral("visible-line")));

    const TestHttp::Reply forViewer = m_http->get(QStringLiteral("/projects/demo/activities/") + id, m_viewer);
    const QString viewerLog = forViewer.json.toObject().value(QStringLiteral("log")).toString();
    QVERIFY(!viewerLog.contains(QStringLiteral("visible-line")));
    QVERIFY2(viewerLog.contains(QStringLiteral("hidden from viewers")), qPrintable(viewerLog));
    const TestHttp::Reply stream = m_http->get(QStringLiteral("/projects/demo/activities/%1/log").arg(id), m_viewer);
    QVERIFY(!stream.body.contains("visible-line"));
    QVERIFY(
        m_http->get(QStringLiteral("/projects/demo/activities/%1/log").arg(id), m_admin).body.contains("visible-line"));
}

void TestHardening::tokensAreListedAndRevoked()
{
    QCOMPARE(m_http->get(QStringLiteral("/tidemark/tokens"), m_viewer).status, 403);
    const TestHttp::Reply list = m_http->get(QStringLiteral("/tidemark/tokens"), m_admin);
    QCOMPARE(list.status, 200);
    QStringList names;
    for (const QJsonValue& t : list.json.toArray()) {
        names.append(t.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(!t.toObject().contains(QStringLiteral("token"))); // secrets are never listed
    }
    QVERIFY(names.contains(QStringLiteral("test admin")));
    QVERIFY(names.contains(QStringLiteral("test viewer")));

    const TestHttp::Reply created = m_http->request("POST", QStringLiteral("/tidemark/tokens"),
        json({{QStringLiteral("name"), QStringLiteral("nightly cron")},
            {QStringLiteral("role"), QStringLiteral("viewer")}}),
        m_admin);
    QCOMPARE(created.status, 201);
    const QString cron = created.json.toObject().value(QStringLiteral("token")).toString();
    const QString cronAccess = m_http->exchange(cron);
    QVERIFY(!cronAccess.isEmpty());
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), cronAccess).status, 200);
    QCOMPARE(m_http->request("DELETE", QStringLiteral("/tidemark/tokens/nightly%20cron"), {}, m_viewer).status, 403);
    QCOMPARE(m_http->request("DELETE", QStringLiteral("/tidemark/tokens/nightly%20cron"), {}, m_admin).status, 204);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), cronAccess).status, 401);
    QVERIFY(m_http->exchange(cron).isEmpty());
    QCOMPARE(m_http->request("DELETE", QStringLiteral("/tidemark/tokens/nightly%20cron"), {}, m_admin).status, 404);

    // From the server's command line, while it runs: the access tokens of a revoked token stop at once.
    const QString spare = QString::fromUtf8(
        m_server.runTool({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
            QStringLiteral("viewer"), QStringLiteral("--name"), QStringLiteral("spare")}))
                              .trimmed();
    const QString spareAccess = m_http->exchange(spare);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), spareAccess).status, 200);
    const QString listed = QString::fromUtf8(m_server.runTool({QStringLiteral("token"), QStringLiteral("list")}));
    QVERIFY2(listed.contains(QStringLiteral("spare\tviewer")), qPrintable(listed));
    int status = -1;
    m_server.runTool({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("spare")}, &status);
    QCOMPARE(status, 0);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), spareAccess).status, 401);
    m_server.runTool({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("spare")}, &status);
    QCOMPARE(status, 2);
}

void TestHardening::environmentWithAnActivityCannotBeDeleted()
{
    QVERIFY(!makeEnvironment(QStringLiteral("busy"), QJsonObject {{QStringLiteral("pause"), QStringLiteral("sleep 2")}})
                 .isEmpty());
    const TestHttp::Reply started = m_http->request("POST", QStringLiteral("/projects/demo/environments/busy/backup"),
        json({{QStringLiteral("safe"), true}}), m_admin);
    QCOMPARE(started.status, 202);
    const TestHttp::Reply refused
        = m_http->request("DELETE", QStringLiteral("/projects/demo/environments/busy"), {}, m_admin);
    QCOMPARE(refused.status, 409);
    const QJsonObject done = m_http->waitForActivity(QStringLiteral("demo"), TestHttp::activityId(started), m_admin);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/busy/backups"), m_admin).json.toArray().size(), 1);
}

void TestHardening::dataDirectoryIsPrivate()
{
    QTemporaryDir parent;
    const QString dir = parent.filePath(QStringLiteral("fresh"));
    QProcess tool;
    tool.start(QStringLiteral(TIDEMARKD_PATH),
        {QStringLiteral("--data-dir"), dir, QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
            QStringLiteral("admin"), QStringLiteral("--name"), QStringLiteral("x")});
    QVERIFY(tool.waitForFinished(30000));
    QCOMPARE(tool.exitCode(), 0);
    QCOMPARE(modeOf(dir), 0700);
    QCOMPARE(modeOf(dir + QStringLiteral("/tidemark.db")), 0600);
    for (const char* suffix : {"-wal", "-shm"}) {
        if (QFile::exists(dir + QStringLiteral("/tidemark.db") + QLatin1String(suffix)))
            QCOMPARE(modeOf(dir + QStringLiteral("/tidemark.db") + QLatin1String(suffix)), 0600);
    }
}

void TestHardening::killedDuringTheRestorePauseResumesAtStartup()
{
    // The pause hook marks the environment as in maintenance, notes its shell's pid and keeps a child running.
    const QString base = root(QStringLiteral("paused"));
    QDir().mkpath(base);
    const QString flag = base + QStringLiteral("/maintenance");
    const QString pidFile = base + QStringLiteral("/hook.pid");
    const QString sleeper = base + QStringLiteral("/sleeper.pid");
    QVERIFY(!makeEnvironment(QStringLiteral("paused"),
        QJsonObject {
            {QStringLiteral("pause"),
                QStringLiteral("touch %1; echo $$ > %2; if [ -f %3 ]; then exit 0; fi; sleep 120 & echo $! > %3; wait")
                    .arg(flag, pidFile, sleeper)},
            {QStringLiteral("resume"), QStringLiteral("rm -f %1; echo resumed >> %2/resumed.log").arg(flag, base)}})
                 .isEmpty());
    // A first (live) backup to restore; its pause hook does not run.
    const QJsonObject backup = takeBackup(QStringLiteral("paused"), false);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const TestHttp::Reply started = m_http->request("POST",
        QStringLiteral("/projects/demo/environments/paused/backups/%1/restore").arg(backupIdOf(backup)),
        json({{QStringLiteral("restore_code"), true}}), m_admin);
    QCOMPARE(started.status, 202);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sleeper) && !readAll(sleeper).trimmed().isEmpty(), 30000);
    const qint64 childPid = readAll(sleeper).trimmed().toLongLong();
    QVERIFY(processAlive(childPid));

    m_server.kill();
    QVERIFY(QFile::exists(flag)); // left in maintenance
    QVERIFY(m_server.restart());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    // The hook's group died with the start-up, and the resume hook ran before anything else on the environment.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(childPid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(flag), 30000);
    // The hook removes the flag and then writes its line.
    QTRY_COMPARE_WITH_TIMEOUT(readAll(base + QStringLiteral("/resumed.log")), QStringLiteral("resumed\n"), 10000);
    const QJsonArray resumes
        = m_http->get(QStringLiteral("/projects/demo/environments/paused/activities?type=environment.resume"), m_admin)
              .json.toArray();
    QCOMPARE(resumes.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_http
                                  ->get(QStringLiteral("/projects/demo/activities/")
                                          + resumes.at(0).toObject().value(QStringLiteral("id")).toString(),
                                      m_admin)
                                  .json.toObject()
                                  .value(QStringLiteral("result"))
                                  .toString(),
        QStringLiteral("success"), 30000);
    const QJsonObject interrupted
        = m_http->get(QStringLiteral("/projects/demo/activities/") + TestHttp::activityId(started), m_admin)
              .json.toObject();
    QCOMPARE(interrupted.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
}

void TestHardening::killedDuringTheResumeHookResumesAtStartup()
{
    const QString base = root(QStringLiteral("resuming"));
    QDir().mkpath(base);
    const QString flag = base + QStringLiteral("/maintenance");
    const QString once = base + QStringLiteral("/once");
    QVERIFY(!makeEnvironment(QStringLiteral("resuming"),
        QJsonObject {{QStringLiteral("pause"), QStringLiteral("touch %1").arg(flag)},
            {QStringLiteral("resume"),
                QStringLiteral("echo run >> %1/resumed.log; if [ ! -f %2 ]; then touch %2; sleep 120; fi; rm -f %3")
                    .arg(base, once, flag)}})
                 .isEmpty());
    const TestHttp::Reply started = m_http->request("POST",
        QStringLiteral("/projects/demo/environments/resuming/backup"), json({{QStringLiteral("safe"), true}}), m_admin);
    QCOMPARE(started.status, 202);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(once), 60000); // inside the first resume hook
    m_server.kill();
    QVERIFY(QFile::exists(flag));
    QVERIFY(m_server.restart());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(flag), 30000);
    QCOMPARE(readAll(base + QStringLiteral("/resumed.log")), QStringLiteral("run\nrun\n"));
    // The interrupted backup left no backup behind.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_http->get(QStringLiteral("/projects/demo/environments/resuming/backups"), m_admin).json.toArray().size(), 0,
        10000);
}

void TestHardening::fullDiskFailsTheBackupWithItsReason()
{
    // tidemarkd's data directory on a small file system of its own (tmpfs; mounting needs root), filled up: a backup
    // is refused or fails, with the full disk as its reason, and never stays pending. Once there is room it works.
    SmallDataDisk disk(QStringLiteral("64m"));
    if (!disk.mounted)
        QSKIP("a tmpfs cannot be mounted here (needs root)");
    ServerProcess& server = disk.server;
    const QString dataDir = server.dataDir();
    QVERIFY2(server.start(), qPrintable(server.error()));
    TestHttp http(server.url());
    const QString admin = http.exchange(server.adminToken());
    QVERIFY(!admin.isEmpty());

    const QString fillerPath = dataDir + QStringLiteral("/filler");
    {
        QFile filler(fillerPath);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 << 10, 'x');
        while (filler.write(block) == block.size() && filler.flush()) { }
        // A little room back: the store can still record the activity, restic cannot store anything.
        QVERIFY(filler.resize(qMax<qint64>(0, filler.size() - (256 << 10))));
    }
    const auto reply = http.request("POST", QStringLiteral("/projects/demo/environments/main/backup"),
        QByteArrayLiteral(R"({"safe": false})"), admin);
    if (reply.status == 202) {
        const QJsonObject activity
            = http.waitForActivity(QStringLiteral("demo"), TestHttp::activityId(reply), admin, 60000);
        QCOMPARE(activity.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
        const QString text = activity.value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QLatin1String("full")), qPrintable(text));
        qInfo("the backup failed: %s", qPrintable(text));
    } else {
        QCOMPARE(reply.status, 500);
        QVERIFY2(!reply.json.toObject().value(QStringLiteral("message")).toString().isEmpty(), reply.body.constData());
    }

    QVERIFY(QFile::remove(fillerPath));
    const QJsonObject again = http.startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"),
        QByteArrayLiteral(R"({"safe": false})"), admin, 120000);
    QCOMPARE(again.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
}

void TestHardening::consistentBackupNeedsNoCopyOfTheEnvironment()
{
    // tidemarkd's data directory on a 40 MiB file system, an environment of 64 MiB (which the repository compresses to
    // almost nothing): a consistent backup copies only what changed while restic read, not the environment, so it
    // takes one restic pass and pauses all the same.
    SmallDataDisk disk(QStringLiteral("40m"));
    if (!disk.mounted)
        QSKIP("a tmpfs cannot be mounted here (needs root)");
    ServerProcess& server = disk.server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    TestHttp http(server.url());
    const QString admin = http.exchange(server.adminToken());
    QVERIFY(!admin.isEmpty());

    const QString base = root(QStringLiteral("roomless"));
    QDir().mkpath(base + QStringLiteral("/code"));
    writeFile(base + QStringLiteral("/code/index.php"), "<?php echo 'paused';\n");
    writeFile(base + QStringLiteral("/code/large.txt"), QByteArray(64 * 1024 * 1024, 'x'));
    const QJsonObject local {{QStringLiteral("code_path"), QString(base + QStringLiteral("/code"))},
        {QStringLiteral("mounts"), QJsonArray()}, {QStringLiteral("services"), QJsonArray()},
        {QStringLiteral("hooks"),
            QJsonObject {{QStringLiteral("pause"), QStringLiteral("echo paused >> %1/hooks.log").arg(base)},
                {QStringLiteral("resume"), QStringLiteral("echo resumed >> %1/hooks.log").arg(base)}}}};
    const TestHttp::Reply made = http.request("POST", QStringLiteral("/projects/demo/environments"),
        json({{QStringLiteral("name"), QStringLiteral("roomless")},
            {QStringLiteral("type"), QStringLiteral("development")}, {QStringLiteral("local"), local}}),
        admin);
    QCOMPARE(made.status, 201);
    const QJsonObject backup = http.startAndWait("POST", QStringLiteral("/projects/demo/environments/roomless/backup"),
        QByteArrayLiteral(R"({"safe": true})"), admin, 120000);
    const QString log = backup.value(QStringLiteral("log")).toString();
    QVERIFY2(backup.value(QStringLiteral("result")).toString() == QStringLiteral("success"), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("restic ran 1 time for this backup.")), qPrintable(log));
    QVERIFY2(!log.contains(QLatin1String("Pre-pass")), qPrintable(log));
    QCOMPARE(readAll(base + QStringLiteral("/hooks.log")), QStringLiteral("paused\nresumed\n"));
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
