#include "cli/progressprinter.h"
#include "hostedstandin.h"
#include "serverprocess.h"

#include <csignal>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

// The online commands of `tidemark-cli` end to end: the real binary against a real tidemarkd (--demo) on loopback.
// The slots run in order and share the server: backups made early are listed, restored and deleted later.
class TestCliOnline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void progressPrinterPlainAndTerminal();
    void usageErrors_data();
    void usageErrors();
    void helpListsCommandsAndExitStatuses();
    void settingsFromEnvironmentVariables();
    void environmentListTable();
    void environmentListJson();
    void createWaitsAndShowsProgress();
    void createLiveNoWaitReturnsAtOnce();
    void createWarnsBeforeReplacingTheOldestManualBackup();
    void backupGet();
    void unknownBackupIsAServerError();
    void restoreNewestWithoutCode();
    void restoreIntoAnotherEnvironment();
    void deleteWaitsForTheDeletion();
    void repositoryVerifyWaitsAndInfoShowsIt();
    void activityList();
    void activityLogOfAFinishedActivity();
    void interruptStopsWaitingOnly();
    void failedActivityExitsOne();
    void settingsShowsEffectivePolicies();
    void settingsSetRejectsBadFiles_data();
    void settingsSetRejectsBadFiles();
    void settingsDryRunChangesNothing();
    void dryRunAgainstTheHostedApiSendsNoPatch();
    void settingsSetAppliesThePatch();
    void manualCountZeroIsRefusedByTheServer();
    void viewerCannotBackUp();
    void inactiveEnvironmentIsRefused();
    void wrongTokenIsRefused();
    void unreachableServerFailsQuickly();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
        QString errText() const { return QString::fromUtf8(err); }
        QString outText() const { return QString::fromUtf8(out); }
    };

    QStringList connection(const QString& token = {}) const;
    Run run(const QStringList& arguments, const QHash<QString, QString>& variables = {}, int timeoutMs = 60000);
    QJsonValue json(const QStringList& arguments);
    QJsonArray backupsOf(const QString& environment);
    // Follows every activity that has not ended yet (activity:log waits for the seal), so the next step does not
    // meet a busy environment.
    void settle();
    QString writeFile(const QString& name, const QByteArray& content);
    // Gives staging a pause hook (empty: back to the demo's descriptor); returns the HTTP status of the PATCH.
    int setStagingPauseHook(const QString& command);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_firstBackup; // consistent, made by backup:create
    QString m_liveBackup; // made by backup:create --live --no-wait
    QString m_thirdBackup; // replaces m_firstBackup
    QJsonObject m_stagingLocal; // the demo's descriptor of staging
};

namespace {

constexpr int kRunTimeoutMs = 60000;

QStringList lines(const QByteArray& text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

QStringList TestCliOnline::connection(const QString& token) const
{
    return {QStringLiteral("--api"), m_server.url(), QStringLiteral("--token"),
        token.isEmpty() ? m_server.adminToken() : token, QStringLiteral("-p"), QStringLiteral("demo")};
}

TestCliOnline::Run TestCliOnline::run(
    const QStringList& arguments, const QHash<QString, QString>& variables, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("TIDEMARK_")))
            environment.remove(name);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    for (auto it = variables.begin(); it != variables.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(TIDEMARK_CLI_PATH), arguments);
    if (!process.waitForStarted(kRunTimeoutMs))
        qFatal("tidemark-cli did not start: %s", qPrintable(process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(kRunTimeoutMs);
        qFatal("tidemark-cli %s did not finish within %d ms", qPrintable(arguments.join(u' ')), timeoutMs);
    }
    if (process.exitStatus() != QProcess::NormalExit)
        qFatal("tidemark-cli %s crashed", qPrintable(arguments.join(u' ')));
    return Run {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError(), timer.elapsed()};
}

QJsonValue TestCliOnline::json(const QStringList& arguments)
{
    const Run r = run(connection() + arguments + QStringList {QStringLiteral("--format"), QStringLiteral("json")});
    if (r.exitCode != 0)
        qWarning("tidemark-cli %s: exit %d: %s", qPrintable(arguments.join(u' ')), r.exitCode, r.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON on stdout: %s", r.out.constData());
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QJsonArray TestCliOnline::backupsOf(const QString& environment)
{
    return json({QStringLiteral("backup:list"), QStringLiteral("-e"), environment}).toArray();
}

void TestCliOnline::settle()
{
    for (const QJsonValue& value : json({QStringLiteral("activity:list")}).toArray()) {
        const QJsonObject activity = value.toObject();
        const QString state = activity.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("complete") || state == QLatin1String("cancelled"))
            continue;
        const Run r = run(connection()
            + QStringList {QStringLiteral("activity:log"), activity.value(QStringLiteral("id")).toString()});
        if (r.exitCode != 0)
            qWarning("activity:log failed: %s", r.err.constData());
    }
}

QString TestCliOnline::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

int TestCliOnline::setStagingPauseHook(const QString& command)
{
    TestHttp http(m_server.url());
    const QString access = http.exchange(m_server.adminToken());
    const QString path = QStringLiteral("/projects/demo/environments/staging");
    if (m_stagingLocal.isEmpty()) {
        const TestHttp::Reply current = http.get(path, access);
        if (current.status != 200)
            return current.status;
        m_stagingLocal = current.json.toObject().value(QStringLiteral("local")).toObject();
    }
    QJsonObject local = m_stagingLocal;
    if (!command.isEmpty())
        local.insert(QStringLiteral("hooks"), QJsonObject {{QStringLiteral("pause"), command}});
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson();
    return http.request("PATCH", path, body, access).status;
}

void TestCliOnline::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(TIDEMARK_CLI_PATH)), TIDEMARK_CLI_PATH);
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
}

void TestCliOnline::progressPrinterPlainAndTerminal()
{
    QString plain;
    {
        QTextStream stream(&plain);
        ProgressPrinter printer(stream, false, QStringLiteral("backup of main"));
        printer.setProgress(0);
        printer.setProgress(2); // below the step of plain lines
        printer.setProgress(45);
        printer.addLogLine(QStringLiteral("Pausing main"));
        printer.setProgress(100);
        printer.finish();
    }
    QCOMPARE(plain, QStringLiteral("backup of main: 0%\nbackup of main: 45%\nPausing main\nbackup of main: 100%\n"));

    QString terminal;
    {
        QTextStream stream(&terminal);
        ProgressPrinter printer(stream, true, QStringLiteral("backup of main"));
        printer.setProgress(45);
        printer.addLogLine(QStringLiteral("Pausing main"));
        printer.finish();
    }
    // Redrawn in place: carriage returns, erase-to-end-of-line, no newline except after the log line.
    QVERIFY2(terminal.startsWith(QLatin1String("\r[#############.................]  45%  backup of main\x1b[K")),
        qPrintable(terminal));
    QVERIFY(terminal.contains(QLatin1String("\r\x1b[KPausing main\n\r[")));
    QVERIFY(terminal.endsWith(QLatin1String("\r\x1b[K")));
    QCOMPARE(terminal.count(QLatin1Char('\n')), 1);
}

void TestCliOnline::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withConnection");
    QTest::addColumn<QString>("expected"); // in the message on stderr

    QTest::newRow("no command") << QStringList() << false << QStringLiteral("Usage: tidemark-cli");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("backup:frobnicate")} << true
                                     << QStringLiteral("'backup:frobnicate' is not a command");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--bogus")}
                                    << true << QStringLiteral("bogus");
    QTest::newRow("read-data out of range")
        << QStringList {QStringLiteral("repository:verify"), QStringLiteral("--read-data"), QStringLiteral("150")}
        << true << QStringLiteral("--read-data: '150' is not a percentage");
    QTest::newRow("read-data elsewhere") << QStringList {QStringLiteral("environment:list"),
        QStringLiteral("--read-data"), QStringLiteral("5")}
                                         << true << QStringLiteral("--read-data: is not an option of environment:list");
    QTest::newRow("missing -e") << QStringList {QStringLiteral("backup:list")} << true
                                << QStringLiteral("-e: is required for backup:list");
    QTest::newRow("missing -p") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--api"),
        QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--token"), QStringLiteral("t")}
                                << false << QStringLiteral("-p: is required");
    QTest::newRow("missing token") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--api"),
        QStringLiteral("http://127.0.0.1:9"), QStringLiteral("-p"), QStringLiteral("demo")}
                                   << false << QStringLiteral("--token: is required");
    QTest::newRow("missing api") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--token"),
        QStringLiteral("t"), QStringLiteral("-p"), QStringLiteral("demo")}
                                 << false << QStringLiteral("--api: is required");
    QTest::newRow("api not http") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--api"),
        QStringLiteral("ftp://example.org"), QStringLiteral("--token"), QStringLiteral("t"), QStringLiteral("-p"),
        QStringLiteral("demo")} << false
                                  << QStringLiteral("is not an http or https URL");
    QTest::newRow("option of another command") << QStringList {QStringLiteral("backup:list"), QStringLiteral("-e"),
        QStringLiteral("main"), QStringLiteral("--live")}
                                               << true << QStringLiteral("--live: is not an option of backup:list");
    QTest::newRow("missing ID") << QStringList {QStringLiteral("backup:get"), QStringLiteral("-e"),
        QStringLiteral("main")} << true
                                << QStringLiteral("the ID is missing");
    QTest::newRow("extra argument") << QStringList {QStringLiteral("environment:list"), QStringLiteral("extra")} << true
                                    << QStringLiteral("unexpected argument 'extra'");
    QTest::newRow("bad format") << QStringList {QStringLiteral("environment:list"), QStringLiteral("--format"),
        QStringLiteral("yaml")} << true
                                << QStringLiteral("'yaml' is not a format");
    QTest::newRow("restore into nothing") << QStringList {QStringLiteral("backup:restore"), QStringLiteral("-e"),
        QStringLiteral("main"), QStringLiteral("--target="), QStringLiteral("--no-code")}
                                          << true << QStringLiteral("--target: the environment is missing");
}

void TestCliOnline::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withConnection);
    QFETCH(QString, expected);
    const Run r = run(withConnection ? connection() + arguments : arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QVERIFY2(r.errText().contains(expected), r.err.constData());
    QVERIFY2(r.errText().startsWith(QLatin1String("tidemark-cli: ")) || arguments.isEmpty(), r.err.constData());
}

void TestCliOnline::helpListsCommandsAndExitStatuses()
{
    const Run r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char* command : {"environment:list", "backup:create [--live] [--no-wait]", "backup:list",
             "backup:get ID", "backup:restore [ID] [--no-code] [--target ENV]", "backup:delete ID", "activity:list",
             "activity:log ID", "settings:retention [--set FILE] [--dry-run]", "repository:info",
             "repository:verify [--copy NAME] [--read-data PERCENT]", "retention:preview", "TIDEMARK_TOKEN_URL",
             "Exit status"})
        QVERIFY2(r.outText().contains(QLatin1String(command)), command);
    QVERIFY(r.outText().contains(QLatin1String("409 for an inactive environment")));
    for (const QString& line : r.outText().split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= 120 && !line.contains(QChar()) && !line.endsWith(QLatin1Char(' ')), qPrintable(line));

    const Run command = run({QStringLiteral("backup:restore"), QStringLiteral("--help")});
    QCOMPARE(command.exitCode, 0);
    QVERIFY2(command.outText().startsWith(QLatin1String("Usage: tidemark-cli backup:restore [ID] [--no-code]")),
        command.out.constData());
}

void TestCliOnline::settingsFromEnvironmentVariables()
{
    const Run r = run({QStringLiteral("backup:list"), QStringLiteral("--format"), QStringLiteral("json")},
        {{QStringLiteral("TIDEMARK_API_URL"), m_server.url()},
            {QStringLiteral("TIDEMARK_TOKEN"), m_server.viewerToken()},
            {QStringLiteral("TIDEMARK_PROJECT"), QStringLiteral("demo")},
            {QStringLiteral("TIDEMARK_ENVIRONMENT"), QStringLiteral("staging")}});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(r.out).isArray(), r.out.constData());

    // A token URL that is not the server's: the exchange fails, so the variable was used.
    const Run wrong = run({QStringLiteral("environment:list")},
        {{QStringLiteral("TIDEMARK_API_URL"), m_server.url()},
            {QStringLiteral("TIDEMARK_TOKEN_URL"), m_server.url() + QStringLiteral("/not-the-token-url")},
            {QStringLiteral("TIDEMARK_TOKEN"), m_server.adminToken()},
            {QStringLiteral("TIDEMARK_PROJECT"), QStringLiteral("demo")}});
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY(wrong.out.isEmpty());
}

void TestCliOnline::environmentListTable()
{
    const Run r = run(connection() + QStringList {QStringLiteral("environment:list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QStringList rows = lines(r.out);
    QCOMPARE(rows.size(), 4);
    QVERIFY2(rows.at(0).startsWith(QLatin1String("ID")) && rows.at(0).contains(QLatin1String("Status")),
        qPrintable(rows.at(0)));
    const auto row = [&rows](const QString& id) {
        for (const QString& line : rows) {
            if (line.startsWith(id + QLatin1Char(' ')))
                return line.simplified();
        }
        return QString();
    };
    QVERIFY2(row(QStringLiteral("main")).startsWith(QLatin1String("main production active")), qPrintable(r.outText()));
    QVERIFY(row(QStringLiteral("staging")).startsWith(QLatin1String("staging staging active")));
    QVERIFY(row(QStringLiteral("feature-x")).startsWith(QLatin1String("feature-x development inactive")));
}

void TestCliOnline::environmentListJson()
{
    const Run r = run(connection()
        + QStringList {QStringLiteral("environment:list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonDocument document = QJsonDocument::fromJson(r.out);
    QVERIFY2(document.isArray(), r.out.constData());
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& value : document.array())
        byId.insert(value.toObject().value(QStringLiteral("id")).toString(), value.toObject());
    QCOMPARE(byId.size(), 3);
    QCOMPARE(byId.value(QStringLiteral("main")).value(QStringLiteral("type")).toString(), QStringLiteral("production"));
    QCOMPARE(
        byId.value(QStringLiteral("feature-x")).value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
    QVERIFY(byId.value(QStringLiteral("main"))
                .value(QStringLiteral("_links"))
                .toObject()
                .contains(QStringLiteral("#backup")));
}

void TestCliOnline::createWaitsAndShowsProgress()
{
    settle();
    const QJsonArray before = backupsOf(QStringLiteral("main"));
    const Run r = run(
        connection() + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(r.exitCode, 0);
    // Not a terminal: plain progress lines, the last at 100%, and no bar drawing.
    const QString err = r.errText();
    QVERIFY2(err.contains(
                 QRegularExpression(QStringLiteral("^backup of main: \\d+%\\n"), QRegularExpression::MultilineOption)),
        qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("backup of main: 100%\n")), qPrintable(err));
    QVERIFY(!err.contains(QLatin1Char('\r')));
    QVERIFY2(lines(r.err).size() > 2, qPrintable(err)); // the activity's log lines come between
    const QRegularExpression done(QStringLiteral("^Backup ([a-z0-9]+) of main created \\(consistent, .+\\)\\.\\n$"));
    const auto match = done.match(r.outText());
    QVERIFY2(match.hasMatch(), r.out.constData());
    m_firstBackup = match.captured(1);
    if (before.size() < 2)
        QVERIFY2(!err.contains(QLatin1String("Note:")), qPrintable(err));

    const QJsonArray after = backupsOf(QStringLiteral("main"));
    QCOMPARE(after.size(), before.size() + 1);
    const QJsonObject newest = after.first().toObject();
    QCOMPARE(newest.value(QStringLiteral("id")).toString(), m_firstBackup);
    QCOMPARE(newest.value(QStringLiteral("automated")).toBool(), false);
    QCOMPARE(newest.value(QStringLiteral("safe")).toBool(), true);
}

void TestCliOnline::createLiveNoWaitReturnsAtOnce()
{
    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("main"),
            QStringLiteral("--live"), QStringLiteral("--no-wait"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonDocument document = QJsonDocument::fromJson(r.out);
    QVERIFY2(document.isObject(), r.out.constData());
    const QJsonObject activity = document.object();
    QCOMPARE(activity.value(QStringLiteral("type")).toString(), QStringLiteral("environment.backup"));
    QCOMPARE(activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("safe")).toBool(true), false);
    // It returned without waiting: the activity had not ended when it was printed.
    QVERIFY2(activity.value(QStringLiteral("completed_at")).isNull(), r.out.constData());
    QVERIFY2(!r.errText().contains(QLatin1String("%")), r.err.constData());
    m_liveBackup = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    QVERIFY(!m_liveBackup.isEmpty());

    // activity:log follows a running activity until its seal and prints its log on stdout.
    const QString id = activity.value(QStringLiteral("id")).toString();
    const Run log = run(connection() + QStringList {QStringLiteral("activity:log"), id});
    QCOMPARE(log.exitCode, 0);
    QVERIFY2(lines(log.out).size() >= 2, log.out.constData());
    const QJsonObject finished = json({QStringLiteral("activity:log"), id}).toObject();
    QCOMPARE(finished.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
    QCOMPARE(finished.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    // What was followed is the whole log, in order.
    QCOMPARE(lines(log.out).join(u'\n'), finished.value(QStringLiteral("log")).toString().trimmed());
}

void TestCliOnline::createWarnsBeforeReplacingTheOldestManualBackup()
{
    settle();
    QStringList manual;
    for (const QJsonValue& value : backupsOf(QStringLiteral("main"))) {
        if (!value.toObject().value(QStringLiteral("automated")).toBool())
            manual.append(value.toObject().value(QStringLiteral("id")).toString());
    }
    QCOMPARE(manual, (QStringList {m_liveBackup, m_firstBackup})); // newest first; manual_count is 2

    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("main"),
            QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QString err = r.errText();
    const QString note
        = QStringLiteral("Note: manual backups are limited to 2; this backup will replace backup %1 from ")
              .arg(m_firstBackup);
    QVERIFY2(err.startsWith(note), qPrintable(err)); // before anything else, so before the call
    QVERIFY2(err.contains(QLatin1String(" once it succeeds.\n")), qPrintable(err));
    const QJsonObject activity = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    m_thirdBackup
        = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();

    settle();
    QStringList now;
    for (const QJsonValue& value : backupsOf(QStringLiteral("main"))) {
        if (!value.toObject().value(QStringLiteral("automated")).toBool())
            now.append(value.toObject().value(QStringLiteral("id")).toString());
    }
    QCOMPARE(now, (QStringList {m_thirdBackup, m_liveBackup}));
}

void TestCliOnline::backupGet()
{
    const Run table = run(connection()
        + QStringList {QStringLiteral("backup:get"), m_liveBackup, QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.outText().contains(QRegularExpression(QStringLiteral("\\nID +%1\\n").arg(m_liveBackup))),
        table.out.constData());
    QVERIFY(table.outText().contains(QRegularExpression(QStringLiteral("\\nMode +live\\n"))));
    QVERIFY(table.outText().contains(QRegularExpression(QStringLiteral("\\nKind +manual\\n"))));

    const QJsonObject backup
        = json({QStringLiteral("backup:get"), m_liveBackup, QStringLiteral("-e"), QStringLiteral("main")}).toObject();
    QCOMPARE(backup.value(QStringLiteral("id")).toString(), m_liveBackup);
    QCOMPARE(backup.value(QStringLiteral("safe")).toBool(true), false);
    QCOMPARE(backup.value(QStringLiteral("environment")).toString(), QStringLiteral("main"));
}

void TestCliOnline::unknownBackupIsAServerError()
{
    for (const QString& command :
        {QStringLiteral("backup:get"), QStringLiteral("backup:restore"), QStringLiteral("backup:delete")}) {
        const Run r
            = run(connection() + QStringList {command, m_firstBackup, QStringLiteral("-e"), QStringLiteral("main")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(r.errText().startsWith(QLatin1String("tidemark-cli: ")), r.err.constData());
        QVERIFY2(r.errText().contains(m_firstBackup), r.err.constData());
    }
}

void TestCliOnline::restoreNewestWithoutCode()
{
    settle();
    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:restore"), QStringLiteral("-e"), QStringLiteral("main"),
            QStringLiteral("--no-code"), QStringLiteral("--no-safety-backup"), QStringLiteral("--format"),
            QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject activity = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(activity.value(QStringLiteral("type")).toString(), QStringLiteral("environment.restore"));
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QJsonObject payload = activity.value(QStringLiteral("payload")).toObject();
    QCOMPARE(payload.value(QStringLiteral("restore_code")).toBool(true), false);
    QCOMPARE(payload.value(QStringLiteral("backup_name")).toString(), m_thirdBackup); // the newest
    QCOMPARE(activity.value(QStringLiteral("environments")).toArray(), QJsonArray {QStringLiteral("main")});
    QVERIFY2(r.errText().startsWith(QStringLiteral("Restoring the data of backup %1 of main from ").arg(m_thirdBackup)),
        r.err.constData());
    QVERIFY2(r.errText().contains(QLatin1String("restore of main: 100%")), r.err.constData());
}

void TestCliOnline::restoreIntoAnotherEnvironment()
{
    settle();
    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:restore"), m_liveBackup, QStringLiteral("-e"), QStringLiteral("main"),
            QStringLiteral("--target"), QStringLiteral("staging"), QStringLiteral("--no-safety-backup")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.outText().startsWith(QStringLiteral("Backup %1 restored into staging (code and data, ").arg(m_liveBackup)),
        r.out.constData());
    QCOMPARE(lines(r.out).size(), 1);
    QVERIFY(r.errText().contains(QLatin1String("restore of staging: 100%")));

    const QJsonArray activities
        = json({QStringLiteral("activity:list"), QStringLiteral("-e"), QStringLiteral("staging")}).toArray();
    QVERIFY(!activities.isEmpty());
    const QJsonObject restore = activities.first().toObject();
    QCOMPARE(restore.value(QStringLiteral("type")).toString(), QStringLiteral("environment.restore"));
    QCOMPARE(restore.value(QStringLiteral("payload")).toObject().value(QStringLiteral("restore_code")).toBool(), true);
}

void TestCliOnline::repositoryVerifyWaitsAndInfoShowsIt()
{
    settle();
    const Run verify = run(connection()
            + QStringList {QStringLiteral("repository:verify"), QStringLiteral("--read-data"), QStringLiteral("100")},
        {}, 180000);
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY2(verify.errText().contains(QStringLiteral("100 %")), verify.err.constData());

    const QJsonObject report = json({QStringLiteral("repository:info")}).toObject();
    const QJsonObject primary = report.value(QStringLiteral("repositories")).toArray().at(0).toObject();
    QCOMPARE(primary.value(QStringLiteral("name")).toString(), QStringLiteral("primary"));
    QCOMPARE(primary.value(QStringLiteral("last_verify_result")).toString(), QStringLiteral("success"));
    QVERIFY(primary.value(QStringLiteral("size_bytes")).toDouble() > 0);

    const Run table = run(connection() + QStringList {QStringLiteral("repository:info")});
    QCOMPARE(table.exitCode, 0);
    const QStringList rows = lines(table.out);
    QVERIFY2(rows.size() >= 2 && rows.at(1).startsWith(QLatin1String("primary")), table.out.constData());
    QVERIFY2(rows.at(1).contains(QLatin1String("success")), table.out.constData());

    // A copy that does not exist: the server's 404, a server error.
    const Run unknown = run(connection()
        + QStringList {QStringLiteral("repository:verify"), QStringLiteral("--copy"), QStringLiteral("offsite")});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY2(unknown.errText().contains(QStringLiteral("offsite")), unknown.err.constData());
}

void TestCliOnline::deleteWaitsForTheDeletion()
{
    settle();
    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:delete"), m_liveBackup, QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.outText(), QStringLiteral("Backup %1 deleted.\n").arg(m_liveBackup));
    QVERIFY(r.errText().contains(QStringLiteral("deletion of backup %1: 100%").arg(m_liveBackup)));

    const Run gone = run(connection()
        + QStringList {QStringLiteral("backup:get"), m_liveBackup, QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(gone.exitCode, 3);
}

void TestCliOnline::activityList()
{
    const Run r = run(connection() + QStringList {QStringLiteral("activity:list")});
    QCOMPARE(r.exitCode, 0);
    const QStringList rows = lines(r.out);
    QVERIFY(rows.size() >= 6);
    QVERIFY(rows.at(0).startsWith(QLatin1String("ID")));
    QVERIFY(r.outText().contains(QLatin1String("environment.backup.delete")));
    QVERIFY(r.outText().contains(QLatin1String("environment.restore")));

    const QJsonArray all = json({QStringLiteral("activity:list")}).toArray();
    QCOMPARE(all.size(), rows.size() - 1);
    const QJsonArray staging
        = json({QStringLiteral("activity:list"), QStringLiteral("-e"), QStringLiteral("staging")}).toArray();
    QVERIFY(!staging.isEmpty());
    QVERIFY(staging.size() < all.size());
    for (const QJsonValue& value : staging) {
        QCOMPARE(
            value.toObject().value(QStringLiteral("environments")).toArray(), QJsonArray {QStringLiteral("staging")});
    }
}

void TestCliOnline::activityLogOfAFinishedActivity()
{
    QString id;
    for (const QJsonValue& value : json({QStringLiteral("activity:list")}).toArray()) {
        if (value.toObject().value(QStringLiteral("type")).toString() == QLatin1String("environment.backup"))
            id = value.toObject().value(QStringLiteral("id")).toString();
    }
    QVERIFY(!id.isEmpty());
    const QJsonObject activity = json({QStringLiteral("activity:log"), id}).toObject();
    QCOMPARE(activity.value(QStringLiteral("id")).toString(), id);
    const QString log = activity.value(QStringLiteral("log")).toString().trimmed();
    QVERIFY(!log.isEmpty());

    const Run r = run(connection() + QStringList {QStringLiteral("activity:log"), id});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QCOMPARE(r.outText().trimmed(), log);

    const Run unknown = run(connection() + QStringList {QStringLiteral("activity:log"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY(unknown.errText().startsWith(QLatin1String("tidemark-cli: ")));
}

void TestCliOnline::interruptStopsWaitingOnly()
{
    settle();
    // A pause hook that holds the backup until the test lets it go, so the interrupt surely meets a running one.
    const QString go = m_dir.filePath(QStringLiteral("go"));
    QCOMPARE(setStagingPauseHook(QStringLiteral("while [ ! -e '%1' ]; do sleep 0.05; done").arg(go)), 200);

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TIDEMARK_CLI_PATH),
        connection() + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("staging")});
    QVERIFY(process.waitForStarted(kRunTimeoutMs));
    process.setReadChannel(QProcess::StandardError); // what waitForReadyRead() waits for
    // Interrupt once it waits for the activity (its first progress line).
    QByteArray err;
    QDeadlineTimer deadline(kRunTimeoutMs);
    while (!err.contains("backup of staging: ") && process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        err += process.readAllStandardError();
    }
    const bool wasRunning = process.state() == QProcess::Running;
    if (wasRunning)
        ::kill(pid_t(process.processId()), SIGINT);
    const bool ended = process.waitForFinished(kRunTimeoutMs);
    err += process.readAllStandardError();

    // Let the backup go on, and put the environment back as it was.
    const bool released = QFile(go).open(QIODevice::WriteOnly);
    settle();
    QCOMPARE(setStagingPauseHook(QString()), 200);

    QVERIFY(released);
    QVERIFY2(wasRunning, err.constData());
    QVERIFY(ended);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY2(
        err.contains("stopped waiting; activity ") && err.contains(" keeps running on the server"), err.constData());
    const QJsonArray activities
        = json({QStringLiteral("activity:list"), QStringLiteral("-e"), QStringLiteral("staging")}).toArray();
    const QJsonObject last = activities.first().toObject();
    QCOMPARE(last.value(QStringLiteral("type")).toString(), QStringLiteral("environment.backup"));
    QCOMPARE(last.value(QStringLiteral("result")).toString(), QStringLiteral("success")); // it ran on
}

void TestCliOnline::failedActivityExitsOne()
{
    settle();
    QCOMPARE(setStagingPauseHook(QStringLiteral("echo 'the site refused to pause' >&2; exit 7")), 200);
    const Run json = run(connection()
        + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("staging"),
            QStringLiteral("--format"), QStringLiteral("json")});
    const Run table = run(
        connection() + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("staging")});
    QCOMPARE(setStagingPauseHook(QString()), 200);

    QCOMPARE(json.exitCode, 1);
    const QJsonObject activity = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(activity.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(lines(json.err).constLast().startsWith(
                 QStringLiteral("tidemark-cli: The backup of staging failed (activity %1): ")
                     .arg(activity.value(QStringLiteral("id")).toString())),
        json.err.constData());

    QCOMPARE(table.exitCode, 1);
    QVERIFY2(table.out.isEmpty(), table.out.constData());
    QVERIFY2(lines(table.err).constLast().startsWith(QLatin1String("tidemark-cli: The backup of staging failed")),
        table.err.constData());
}

void TestCliOnline::settingsShowsEffectivePolicies()
{
    const Run r = run(connection() + QStringList {QStringLiteral("settings:retention")});
    QCOMPARE(r.exitCode, 0);
    const QStringList rows = lines(r.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(1).simplified(), QStringLiteral("production 2 no cap 1d") + QChar(0x00D7) + QStringLiteral("2"));
    QCOMPARE(rows.at(2).simplified(), QStringLiteral("staging 2 no cap -"));

    const QJsonObject settings = json({QStringLiteral("settings:retention")}).toObject();
    const QJsonObject retention = settings.value(QStringLiteral("data_retention")).toObject();
    QCOMPARE(retention.keys(),
        (QStringList {QStringLiteral("development"), QStringLiteral("production"), QStringLiteral("staging")}));
    QCOMPARE(retention.value(QStringLiteral("production"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("manual_count"))
                 .toInt(),
        2);
}

void TestCliOnline::settingsSetRejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("{\"data_retention\": {\n  \"production\": {,}}}")
                            << QStringLiteral("line 2");
    QTest::newRow("bad interval") << QByteArray(
        R"({"data_retention": {"production": {"default_config": {"schedule": [{"interval": "5x", "count": 3}]}}}})")
                                  << QStringLiteral("data_retention.production.default_config.schedule[0].interval");
    QTest::newRow("unknown type") << QByteArray(R"({"data_retention": {"prod": {}}})")
                                  << QStringLiteral("data_retention.prod");
    QTest::newRow("one entry only") << QByteArray(R"({"default_config": {"manual_count": 3}})")
                                    << QStringLiteral("must be a PATCH body with data_retention");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("must be a PATCH body");
}

void TestCliOnline::settingsSetRejectsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = writeFile(QStringLiteral("bad.json"), content);
    const Run r = run(connection() + QStringList {QStringLiteral("settings:retention"), QStringLiteral("--set"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().startsWith(QStringLiteral("tidemark-cli: --set %1: ").arg(path)), r.err.constData());
    QVERIFY2(r.errText().contains(expected), r.err.constData());

    const Run missing = run(connection()
        + QStringList {
            QStringLiteral("settings:retention"), QStringLiteral("--set"), m_dir.filePath(QStringLiteral("no"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.errText().contains(QLatin1String("cannot read the file")), missing.err.constData());
}

void TestCliOnline::dryRunAgainstTheHostedApiSendsNoPatch()
{
    // The hosted API would apply a PATCH ?dry_run=1: against a server without /tidemark the CLI plans the
    // preview itself from the settings, environments and backups it reads.
    HostedStandIn hosted;
    QVERIFY2(hosted.start(), qPrintable(hosted.error()));
    const QString path = writeFile(QStringLiteral("hosted-zero.json"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 0}}}})");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name : environment.keys()) {
        if (name.startsWith(QLatin1String("TIDEMARK_")))
            environment.remove(name);
    }
    process.setProcessEnvironment(environment);
    // The stand-in answers from this process's event loop: wait without blocking it.
    process.start(QStringLiteral(TIDEMARK_CLI_PATH),
        {QStringLiteral("--api"), hosted.url(), QStringLiteral("--token"), QStringLiteral("hosted-api-token"),
            QStringLiteral("-p"), hosted.project(), QStringLiteral("settings:retention"), QStringLiteral("--set"), path,
            QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(process.waitForStarted(kRunTimeoutMs));
    QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, kRunTimeoutMs));
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(hosted.count("PATCH"), 0);
    const QJsonObject answer = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject main
        = answer.value(QStringLiteral("preview")).toObject().value(QStringLiteral("main")).toObject();
    QVERIFY2(!main.value(QStringLiteral("backups")).toArray().isEmpty(), err.constData());
    QCOMPARE(answer.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("production"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("manual_count"))
                 .toInt(-1),
        0);
    // With manual_count 0 the manual backups of main are planned for deletion, as the server would plan them.
    int manualDeleted = 0;
    for (const QJsonValue& b : main.value(QStringLiteral("backups")).toArray()) {
        const QJsonObject o = b.toObject();
        if (!o.value(QStringLiteral("automated")).toBool()
            && o.value(QStringLiteral("decision")).toString() == QLatin1String("delete"))
            ++manualDeleted;
    }
    QVERIFY2(manualDeleted >= 1, QJsonDocument(answer).toJson().constData());
}

void TestCliOnline::settingsDryRunChangesNothing()
{
    // main keeps one manual backup (the third); with manual_count 0 it would go.
    const QString path = writeFile(
        QStringLiteral("zero.json"), R"({"data_retention": {"production": {"default_config": {"manual_count": 0}}}})");
    const QJsonObject answer
        = json({QStringLiteral("settings:retention"), QStringLiteral("--set"), path, QStringLiteral("--dry-run")})
              .toObject();
    const QJsonObject main
        = answer.value(QStringLiteral("preview")).toObject().value(QStringLiteral("main")).toObject();
    QVERIFY2(main.value(QStringLiteral("deleted")).toInt() >= 1, QJsonDocument(answer).toJson().constData());
    QStringList deleted;
    for (const QJsonValue& value : main.value(QStringLiteral("backups")).toArray()) {
        if (value.toObject().value(QStringLiteral("decision")).toString() == QLatin1String("delete"))
            deleted.append(value.toObject().value(QStringLiteral("id")).toString());
    }
    QVERIFY(deleted.contains(m_thirdBackup));
    QCOMPARE(answer.value(QStringLiteral("settings"))
                 .toObject()
                 .value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("production"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("manual_count"))
                 .toInt(-1),
        0);

    const Run table = run(connection()
        + QStringList {
            QStringLiteral("settings:retention"), QStringLiteral("--set"), path, QStringLiteral("--dry-run")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.outText().startsWith(QLatin1String("Dry run: nothing was changed.")), table.out.constData());
    QVERIFY(table.outText().contains(QRegularExpression(QStringLiteral("main: \\d+ kept, \\d+ would be deleted:"))));
    QVERIFY(table.outText().contains(
        QRegularExpression(QStringLiteral("\\n +%1 +\\S+ +manual +manual limit 0\\n").arg(m_thirdBackup))));
    QVERIFY(table.outText().contains(QLatin1String("staging: ")));

    // Nothing changed: the policy and the backup are still there.
    QCOMPARE(json({QStringLiteral("settings:retention")})
                 .toObject()
                 .value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("production"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("manual_count"))
                 .toInt(),
        2);
    const Run still = run(connection()
        + QStringList {QStringLiteral("backup:get"), m_thirdBackup, QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(still.exitCode, 0);

    // Without --set, the preview is of the policies as they are: nothing surplus now.
    const QJsonObject current = json({QStringLiteral("settings:retention"), QStringLiteral("--dry-run"),
                                         QStringLiteral("-e"), QStringLiteral("main")})
                                    .toObject();
    const QJsonObject preview = current.value(QStringLiteral("preview")).toObject();
    QCOMPARE(preview.keys(), QStringList {QStringLiteral("main")});
    QCOMPARE(preview.value(QStringLiteral("main")).toObject().value(QStringLiteral("deleted")).toInt(-1), 0);
}

void TestCliOnline::settingsSetAppliesThePatch()
{
    const QString path = writeFile(QStringLiteral("good.json"),
        R"({"data_retention": {"development": {"max_backups": 5, "default_config": {"manual_count": 3}}}})");
    const Run r = run(connection() + QStringList {QStringLiteral("settings:retention"), QStringLiteral("--set"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.outText().startsWith(QLatin1String("Retention policies updated:\n")), r.out.constData());
    QVERIFY2(r.outText().contains(QRegularExpression(QStringLiteral("\\ndevelopment +3 +5 +-\\n"))), r.out.constData());

    const QJsonObject development = json({QStringLiteral("settings:retention")})
                                        .toObject()
                                        .value(QStringLiteral("data_retention"))
                                        .toObject()
                                        .value(QStringLiteral("development"))
                                        .toObject();
    QCOMPARE(development.value(QStringLiteral("max_backups")).toInt(), 5);
    QCOMPARE(
        development.value(QStringLiteral("default_config")).toObject().value(QStringLiteral("manual_count")).toInt(),
        3);
}

void TestCliOnline::manualCountZeroIsRefusedByTheServer()
{
    const QString path = writeFile(QStringLiteral("staging-zero.json"),
        R"({"data_retention": {"staging": {"default_config": {"manual_count": 0}}}})");
    QCOMPARE(
        run(connection() + QStringList {QStringLiteral("settings:retention"), QStringLiteral("--set"), path}).exitCode,
        0);
    settle(); // the change may prune staging's manual backups
    const Run r = run(
        connection() + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("staging")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    const QStringList err = lines(r.err);
    QCOMPARE(err.size(), 2);
    QVERIFY2(err.at(0).startsWith(QLatin1String("Note: manual backups are disabled for staging environments")),
        r.err.constData());
    QVERIFY2(err.at(1).startsWith(QLatin1String("tidemark-cli: ")), r.err.constData());
    QVERIFY2(err.at(1).contains(QLatin1String("manual_count is 0")), r.err.constData());
}

void TestCliOnline::viewerCannotBackUp()
{
    const Run r = run(connection(m_server.viewerToken())
        + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(lines(r.err).size(), 1);
    QVERIFY2(r.errText().startsWith(QLatin1String("tidemark-cli: You are not allowed to do this")), r.err.constData());
    QVERIFY2(r.errText().contains(QLatin1String("admin API token")), r.err.constData());

    // Reading is allowed.
    QCOMPARE(run(connection(m_server.viewerToken()) + QStringList {QStringLiteral("environment:list")}).exitCode, 0);
}

void TestCliOnline::inactiveEnvironmentIsRefused()
{
    const Run r = run(connection()
        + QStringList {QStringLiteral("backup:create"), QStringLiteral("-e"), QStringLiteral("feature-x")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.errText().startsWith(QLatin1String("tidemark-cli: ")), r.err.constData());
    QVERIFY2(r.errText().contains(QLatin1String("inactive")), r.err.constData());
}

void TestCliOnline::wrongTokenIsRefused()
{
    const Run r = run(connection(QStringLiteral("not-a-token")) + QStringList {QStringLiteral("environment:list")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(lines(r.err).size(), 1);
    QVERIFY2(r.errText().startsWith(QLatin1String("tidemark-cli: The API token was not accepted by 127.0.0.1:")),
        r.err.constData());
    QVERIFY(!r.errText().contains(QLatin1String("not-a-token")));
}

void TestCliOnline::unreachableServerFailsQuickly()
{
    // A port that was free a moment ago and has nobody listening now: the connection is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const Run r = run({QStringLiteral("backup:list"), QStringLiteral("--api"),
        QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--token"), QStringLiteral("t"),
        QStringLiteral("-p"), QStringLiteral("demo"), QStringLiteral("-e"), QStringLiteral("main")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(
        r.errText().startsWith(QStringLiteral("tidemark-cli: Cannot reach 127.0.0.1:%1").arg(port)), r.err.constData());
    QVERIFY2(r.elapsedMs < 15000, QByteArray::number(r.elapsedMs).constData());
}

QTEST_GUILESS_MAIN(TestCliOnline)
#include "tst_clionline.moc"
