// Consistency under load: an application (tidemark-consistency-writer) keeps an invariant between a SQLite service
// and a mount (a row with the SHA-256 and size of every file, nothing else) that each of its steps breaks for a moment.
// Safe backups pause it through the environment's hooks, at a point where the invariant holds, so each one must
// restore into a scratch environment with the invariant intact. Live backups are restored too and what they caught
// is reported, not judged.
#include "environmentstate.h"
#include "serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <QUuid>

#ifndef TIDEMARK_CONSISTENCY_WRITER_PATH
#error "TIDEMARK_CONSISTENCY_WRITER_PATH must name the tidemark-consistency-writer binary"
#endif

using namespace EnvironmentState;

namespace {

const int kSeedFiles = 300;
const int kSafeBackups = 10;
const int kLiveBackups = 5;
const int kActivityTimeoutMs = 120000;

struct Place
{
    QString code;
    QString mount;
    QString db;
};

// What the writer last published in CONTROL/steps (or a copy of it).
struct Progress
{
    qint64 steps = -1;
    qint64 pauses = -1;
};

Progress readProgress(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    if (fields.size() != 2)
        return {};
    return {fields.at(0).toLongLong(), fields.at(1).toLongLong()};
}

struct Check
{
    QStringList problems;
    int rows = 0;
    int files = 0;
};

// The writer's invariant: every row names a file with that SHA-256 and size, every regular file has a row.
Check checkInvariant(const QString& mount, const QString& dbPath)
{
    Check check;
    const Tree tree = hashTree(mount);
    check.files = int(tree.size());
    QMap<QString, QPair<QByteArray, qint64>> rows;
    const QString connection = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            check.problems.append(QStringLiteral("database %1 does not open: %2").arg(dbPath, db.lastError().text()));
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT name, sha256, size FROM files"))) {
                check.problems.append(QStringLiteral("database %1 unreadable: %2").arg(dbPath, q.lastError().text()));
            }
            while (q.next())
                rows.insert(q.value(0).toString(), {q.value(1).toByteArray(), q.value(2).toLongLong()});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    check.rows = int(rows.size());
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto file = tree.constFind(it.key());
        if (file == tree.cend())
            check.problems.append(QStringLiteral("row without file: ") + it.key());
        else if (file->toHex() != it->first)
            check.problems.append(QStringLiteral("content differs from its row: ") + it.key());
        else if (QFileInfo(mount + QLatin1Char('/') + it.key()).size() != it->second)
            check.problems.append(QStringLiteral("size differs from its row: ") + it.key());
    }
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (!rows.contains(it.key()))
            check.problems.append(QStringLiteral("file without row: ") + it.key());
    }
    return check;
}

QString shellQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

class TestConsistency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void safeBackupRestoresConsistently_data();
    void safeBackupRestoresConsistently();
    void liveBackupRestores_data();
    void liveBackupRestores();
    void writerStopsConsistent();

private:
    QString startActivity(const QString& path, const QByteArray& body)
    {
        return TestHttp::activityId(m_http->request("POST", path, body, m_admin));
    }
    QJsonObject waitForActivity(const QString& activityId)
    {
        return m_http->waitForActivity(QStringLiteral("demo"), activityId, m_admin, kActivityTimeoutMs);
    }
    bool createEnvironment(const QString& name, const Place& place, const QJsonObject& hooks);
    Progress progress() const { return readProgress(m_control + QStringLiteral("/steps")); }
    QStringList hookLog() const;
    void printLog(const QJsonObject& activity); // the whole log, which a failure message would cut short
    // Takes a backup of "load" while the writer runs, restores it into "scratch" and checks the invariant there.
    void backUpAndRestore(bool safe, Check* check, QJsonObject* backupActivity);
    void stopWriter();

    QTemporaryDir m_root;
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    Place m_load;
    Place m_scratch;
    QString m_control;
    Tree m_code;
    QString m_commit;
    QProcess m_writer; // killed by its destructor at the latest; it also dies with this process (PR_SET_PDEATHSIG)
    int m_safeViolations = 0;
    QList<int> m_liveViolations;
};

void TestConsistency::initTestCase()
{
    QVERIFY(m_root.isValid());
    const QString root = m_root.path();
    m_load = {root + QStringLiteral("/load/code"), root + QStringLiteral("/load/files"),
        root + QStringLiteral("/load/service.sqlite")};
    m_scratch = {root + QStringLiteral("/scratch/code"), root + QStringLiteral("/scratch/files"),
        root + QStringLiteral("/scratch/service.sqlite")};
    m_control = root + QStringLiteral("/control");
    for (const QString& dir : {m_load.code, m_load.mount, m_scratch.code, m_scratch.mount, m_control})
        QVERIFY(QDir().mkpath(dir));
    QVERIFY(QDir().mkpath(m_load.code + QStringLiteral("/src")));
    for (const QString& file : {QStringLiteral("README"), QStringLiteral("src/app.cpp"), QStringLiteral("src/app.h"),
             QStringLiteral(".config")})
        QVERIFY(writeFile(m_load.code + QLatin1Char('/') + file, "the code of load: " + file.toUtf8() + '\n'));
    // A git work tree, as code normally is (the backup records its HEAD).
    for (const QStringList& args : {QStringList {QStringLiteral("init"), QStringLiteral("-q")},
             QStringList {QStringLiteral("add"), QStringLiteral("-A")},
             QStringList {QStringLiteral("-c"), QStringLiteral("user.name=Tidemark Test"), QStringLiteral("-c"),
                 QStringLiteral("user.email=test@tidemark.invalid"), QStringLiteral("-c"),
                 QStringLiteral("commit.gpgsign=false"), QStringLiteral("commit"), QStringLiteral("-q"),
                 QStringLiteral("-m"), QStringLiteral("load")},
             QStringList {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}}) {
        QProcess git;
        git.setWorkingDirectory(m_load.code);
        git.start(QStringLiteral("git"), args);
        const bool ok = git.waitForFinished(30000) && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0;
        QVERIFY2(ok,
            qPrintable(args.join(QLatin1Char(' ')) + QLatin1String(": ")
                + QString::fromLocal8Bit(git.readAllStandardError())));
        m_commit = QString::fromLatin1(git.readAllStandardOutput()).trimmed();
    }
    QCOMPARE(m_commit.size(), 40);
    m_code = hashTree(m_load.code);
    QVERIFY(m_code.size() >= 4);

    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
    // More manual backups than the test takes, so no deletion and prune interleave with the backups under test.
    const auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"development": {"default_config": {"manual_count": 30}}}})", m_admin);
    QVERIFY2(r.status == 200, r.body.constData());

    // The writer seeds the mount and the database, then writes until stopped.
    m_writer.setProcessChannelMode(QProcess::SeparateChannels);
    m_writer.start(QStringLiteral(TIDEMARK_CONSISTENCY_WRITER_PATH),
        {QStringLiteral("--mount"), m_load.mount, QStringLiteral("--db"), m_load.db, QStringLiteral("--control"),
            m_control, QStringLiteral("--seed"), QString::number(kSeedFiles), QStringLiteral("--max-seconds"),
            QStringLiteral("400")});
    QVERIFY2(m_writer.waitForStarted(10000), qPrintable(m_writer.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(
        progress().steps > 0, qPrintable(QString::fromLocal8Bit(m_writer.readAllStandardError())), 20000);

    // Maintenance mode through files: the pause hook asks and waits (bounded) until the writer says it is paused at
    // a consistent point, and keeps the step counter of that moment; the resume hook withdraws the request and waits
    // until the writer runs again. Each hook logs its action and environment from tidemarkd's variables.
    const QString c = QStringLiteral("c=%1; ").arg(shellQuoted(m_control));
    const QString logLine = QStringLiteral(
        R"(echo "$TIDEMARK_ACTION $TIDEMARK_PROJECT/$TIDEMARK_ENVIRONMENT" >> "$c/hooks.log" || exit 1; )");
    const QString pause = c + logLine
        + QStringLiteral(R"(touch "$c/pause-request" || exit 1; i=0; )"
                         R"(while [ ! -e "$c/paused" ]; do i=$((i + 1)); )"
                         R"(if [ $i -gt 2000 ]; then echo "the writer did not pause within 10 s"; exit 1; fi; )"
                         R"(sleep 0.005; done; cp "$c/steps" "$c/steps-at-pause")");
    const QString resume = c + logLine
        + QStringLiteral(R"(rm -f "$c/pause-request"; i=0; )"
                         R"(while [ -e "$c/paused" ]; do i=$((i + 1)); )"
                         R"(if [ $i -gt 2000 ]; then echo "the writer did not resume within 10 s"; exit 1; fi; )"
                         R"(sleep 0.005; done)");
    QVERIFY(createEnvironment(QStringLiteral("load"), m_load,
        QJsonObject {{QStringLiteral("pause"), pause}, {QStringLiteral("resume"), resume}}));
    // The restore target: its own code, mount and service, matched to the backup's by name; no hooks.
    QVERIFY(createEnvironment(QStringLiteral("scratch"), m_scratch, QJsonObject {}));
}

void TestConsistency::cleanupTestCase()
{
    stopWriter();
    m_server.stop();
    QString live;
    for (int n : std::as_const(m_liveViolations))
        live += QString::number(n) + QLatin1Char(' ');
    qInfo("violations: %d in the safe backups; per live backup: %s", m_safeViolations, qPrintable(live.trimmed()));
}

bool TestConsistency::createEnvironment(const QString& name, const Place& place, const QJsonObject& hooks)
{
    QJsonObject local {{QStringLiteral("code_path"), place.code},
        {QStringLiteral("mounts"),
            QJsonArray {QJsonObject {
                {QStringLiteral("name"), QStringLiteral("files")}, {QStringLiteral("path"), place.mount}}}},
        {QStringLiteral("services"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("db")},
                {QStringLiteral("kind"), QStringLiteral("sqlite")}, {QStringLiteral("path"), place.db}}}}};
    if (!hooks.isEmpty())
        local.insert(QStringLiteral("hooks"), hooks);
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("title"), name},
        {QStringLiteral("type"), QStringLiteral("development")}, {QStringLiteral("local"), local}};
    const auto r = m_http->request("POST", QStringLiteral("/projects/demo/environments"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), m_admin);
    if (r.status != 201)
        qWarning("creating %s answered %d: %s", qPrintable(name), r.status, r.body.constData());
    return r.status == 201;
}

QStringList TestConsistency::hookLog() const
{
    QFile f(m_control + QStringLiteral("/hooks.log"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestConsistency::printLog(const QJsonObject& activity)
{
    qInfo("activity %s (%s), state %s, result %s:", qPrintable(activity.value(QStringLiteral("id")).toString()),
        qPrintable(activity.value(QStringLiteral("type")).toString()),
        qPrintable(activity.value(QStringLiteral("state")).toString()),
        qPrintable(activity.value(QStringLiteral("result")).toString()));
    const QStringList lines = activity.value(QStringLiteral("log")).toString().split(QLatin1Char('\n'));
    for (const QString& line : lines)
        qInfo("  | %s", qPrintable(line));
}

void TestConsistency::backUpAndRestore(bool safe, Check* check, QJsonObject* backupActivity)
{
    QVERIFY2(
        m_writer.state() == QProcess::Running, qPrintable(QString::fromLocal8Bit(m_writer.readAllStandardError())));
    QFile::remove(m_control + QStringLiteral("/steps-at-pause"));
    const qsizetype hookLines = hookLog().size();
    const Progress before = progress();
    QElapsedTimer timer;
    timer.start();
    const QString backupActivityId = startActivity(QStringLiteral("/projects/demo/environments/load/backup"),
        safe ? QByteArrayLiteral(R"({"safe": true})") : QByteArrayLiteral(R"({"safe": false})"));
    QVERIFY(!backupActivityId.isEmpty());
    *backupActivity = waitForActivity(backupActivityId);
    const qint64 backupMs = timer.restart();
    const Progress after = progress();
    if (backupActivity->value(QStringLiteral("result")).toString() != QLatin1String("success"))
        printLog(*backupActivity);
    QCOMPARE(backupActivity->value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY2(
        m_writer.state() == QProcess::Running, qPrintable(QString::fromLocal8Bit(m_writer.readAllStandardError())));

    // The writer ran through the backup: before the pause (the pre-pass reads a changing tree) and after it.
    QVERIFY2(after.steps > before.steps, qPrintable(QStringLiteral("%1 → %2").arg(before.steps).arg(after.steps)));
    const Progress atPause = readProgress(m_control + QStringLiteral("/steps-at-pause"));
    const QStringList hooksRun = hookLog().mid(hookLines);
    if (safe) {
        // Exactly one cooperative pause, asked for by this environment's hooks.
        QCOMPARE(after.pauses, before.pauses + 1);
        QCOMPARE(hooksRun, QStringList({QStringLiteral("pause demo/load"), QStringLiteral("resume demo/load")}));
        // It wrote while the pre-pass read the tree, and writes again after the resume.
        QVERIFY2(atPause.steps > before.steps,
            qPrintable(QStringLiteral("steps %1, at the pause %2").arg(before.steps).arg(atPause.steps)));
        QTRY_VERIFY2_WITH_TIMEOUT(progress().steps > atPause.steps,
            qPrintable(QStringLiteral("steps at the pause %1, now %2").arg(atPause.steps).arg(progress().steps)),
            10000);
    } else {
        QCOMPARE(after.pauses, before.pauses);
        QVERIFY2(hooksRun.isEmpty(), qPrintable(hooksRun.join(QLatin1String("; "))));
    }

    const QString backupId
        = backupActivity->value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    QVERIFY(!backupId.isEmpty());
    const auto backupReply
        = m_http->get(QStringLiteral("/projects/demo/environments/load/backups/") + backupId, m_admin);
    if (backupReply.status != 200)
        printLog(*backupActivity);
    QVERIFY2(backupReply.status == 200,
        qPrintable(QStringLiteral("the backup %1 of a successful activity answered %2: %3")
                       .arg(backupId)
                       .arg(backupReply.status)
                       .arg(QString::fromUtf8(backupReply.body))));
    const QJsonObject backup = backupReply.json.toObject();
    QCOMPARE(backup.value(QStringLiteral("safe")).toBool(), safe);
    QCOMPARE(backup.value(QStringLiteral("commit_id")).toString(), m_commit);
    const QString pauseMs
        = backup.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("pause_ms")).toString();
    QCOMPARE(pauseMs.isEmpty(), !safe);

    // Planted in the target first: a restore that left the target's mount or database in place shows as violations.
    QVERIFY(writeFile(m_scratch.mount + QStringLiteral("/planted-before-restore"), "stale"));
    QVERIFY(execSql(m_scratch.db,
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS files(name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL)")));
    QVERIFY(execSql(m_scratch.db, QStringLiteral("INSERT OR REPLACE INTO files VALUES ('planted-row', '00', 1)")));

    const QString restoreActivityId
        = startActivity(QStringLiteral("/projects/demo/environments/load/backups/%1/restore").arg(backupId),
            R"({"restore_code": true, "environment_name": "scratch"})");
    QVERIFY(!restoreActivityId.isEmpty());
    const QJsonObject restore = waitForActivity(restoreActivityId);
    const qint64 restoreMs = timer.elapsed();
    if (restore.value(QStringLiteral("result")).toString() != QLatin1String("success"))
        printLog(restore);
    QCOMPARE(restore.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(hashTree(m_scratch.code), m_code);

    *check = checkInvariant(m_scratch.mount, m_scratch.db);
    qInfo("%s backup %s: pause_ms %s; writer steps during the backup %lld (%s); backup %lld ms, restore %lld ms; "
          "restored %d rows and %d files; %lld violations",
        safe ? "safe" : "live", qPrintable(backupId), pauseMs.isEmpty() ? "-" : qPrintable(pauseMs),
        after.steps - before.steps,
        safe ? qPrintable(QStringLiteral("%1 before the pause").arg(atPause.steps - before.steps)) : "no pause",
        backupMs, restoreMs, check->rows, check->files, qsizetype(check->problems.size()));
    QMap<QString, int> kinds;
    for (const QString& problem : std::as_const(check->problems))
        ++kinds[problem.section(QLatin1Char(':'), 0, 0)];
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        qInfo("  %s: %d", qPrintable(it.key()), it.value());
    for (const QString& problem : check->problems.mid(0, 20))
        qInfo("  %s", qPrintable(problem));
    if (check->problems.size() > 20)
        qInfo("  … and %lld more", qsizetype(check->problems.size() - 20));
    // The backup held the writer's data, not an empty tree (a stale one shows as the planted violations). The writer
    // keeps at least half the seeded files; a live backup may miss some that were deleted while it read the mount.
    QVERIFY2(check->rows >= kSeedFiles / 4 && check->files >= kSeedFiles / 4,
        qPrintable(QStringLiteral("%1 rows, %2 files").arg(check->rows).arg(check->files)));
}

void TestConsistency::safeBackupRestoresConsistently_data()
{
    QTest::addColumn<int>("round");
    for (int i = 1; i <= kSafeBackups; ++i)
        QTest::addRow("safe %d", i) << i;
}

void TestConsistency::safeBackupRestoresConsistently()
{
    Check check;
    QJsonObject activity;
    backUpAndRestore(true, &check, &activity);
    if (QTest::currentTestFailed())
        return;
    m_safeViolations += int(check.problems.size());
    QCOMPARE(check.problems.size(), 0);
}

void TestConsistency::liveBackupRestores_data()
{
    QTest::addColumn<int>("round");
    for (int i = 1; i <= kLiveBackups; ++i)
        QTest::addRow("live %d", i) << i;
}

void TestConsistency::liveBackupRestores()
{
    Check check;
    QJsonObject activity;
    backUpAndRestore(false, &check, &activity);
    if (QTest::currentTestFailed())
        return;
    m_liveViolations.append(int(check.problems.size()));
    // What the server told about the files that changed under it.
    QString report = QStringLiteral("(no files reported changed while read)");
    const QStringList lines = activity.value(QStringLiteral("log")).toString().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.contains(QLatin1String("files changed while the backup read them")))
            report = line;
    }
    qInfo("  the backup's log: %s", qPrintable(report.left(400)));
}

void TestConsistency::writerStopsConsistent()
{
    // The writer stops between steps: its own mount and database then hold the invariant, which checks the checker.
    stopWriter();
    QCOMPARE(m_writer.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_writer.exitCode(), 0);
    const Check check = checkInvariant(m_load.mount, m_load.db);
    for (const QString& problem : check.problems.mid(0, 20))
        qInfo("  %s", qPrintable(problem));
    QCOMPARE(check.problems.size(), 0);
    QVERIFY(check.rows >= kSeedFiles / 2);
}

void TestConsistency::stopWriter()
{
    if (m_writer.state() == QProcess::NotRunning)
        return;
    m_writer.terminate();
    if (!m_writer.waitForFinished(10000)) {
        m_writer.kill();
        m_writer.waitForFinished(5000);
    }
    qInfo("writer: %s %s", m_writer.readAllStandardOutput().trimmed().constData(),
        m_writer.readAllStandardError().trimmed().constData());
}

QTEST_GUILESS_MAIN(TestConsistency)
#include "tst_consistency.moc"
