// tidemark-cli health against an in-process tidemarkd whose clock the test moves: exit status 0 when every
// environment is ok, 1 when one is stale, 3 when the server cannot be asked; the table and the JSON output;
// --all-profiles with the console's saved connections.
#include "engine/engine.h"
#include "engine/scheduler.h"
#include "serverprocess.h"
#include "tidemarkserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestCliHealth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void allOkExitsZero();
    void jsonOutput();
    void staleEnvironmentExitsOne();
    void unreachableServerExitsThree();
    void allProfilesAsksTheSavedConnections();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs tidemark-cli while this test's event loop keeps serving the in-process server.
    Run run(const QStringList& arguments, const QHash<QString, QString>& variables = {});
    QStringList connection() const
    {
        return {QStringLiteral("--api"), m_server->url(), QStringLiteral("--token"), m_token};
    }
    void setNow(const QString& rfc3339) { m_now = QDateTime::fromString(rfc3339, Qt::ISODate).toMSecsSinceEpoch(); }

    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    std::unique_ptr<TidemarkServer> m_server;
    QString m_token;
    qint64 m_now = 0;
};

void TestCliHealth::initTestCase()
{
    QVERIFY(m_config.isValid());
    setNow(QStringLiteral("2026-03-02T10:00:00Z"));
    m_server = std::make_unique<TidemarkServer>();
    TidemarkServer::Options options;
    options.dataDir = m_dir.path();
    options.port = 0;
    options.demo = true;
    options.scheduler = false; // the test ticks it
    options.clock = [this] { return m_now; };
    QString error;
    QVERIFY2(m_server->start(options, error), qPrintable(error));
    m_token = TidemarkServer::createToken(m_server->store(), QStringLiteral("viewer"), QStringLiteral("cron"), error);
    QVERIFY2(!m_token.isEmpty(), qPrintable(error));

    // Every environment healthy: main's schedule runs; staging (no schedule) is watched by a target and backed up by
    // hand (a cron job); feature-x is inactive.
    QString admin = TidemarkServer::createToken(m_server->store(), QStringLiteral("admin"), QStringLiteral("a"), error);
    TestHttp http(m_server->url());
    admin = http.exchange(admin);
    QCOMPARE(http.request("PATCH", QStringLiteral("/projects/demo/settings"),
                     R"({"health": {"staging": {"max_age_hours": 48}}})", admin)
                 .status,
        200);
    QCOMPARE(http.startAndWait(
                     "POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": false})", admin)
                 .value(QStringLiteral("result"))
                 .toString(),
        QStringLiteral("success"));
    QCOMPARE(m_server->scheduler().tick(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->engine().pendingOperations() == 0, 120000);
}

void TestCliHealth::cleanupTestCase()
{
    m_server.reset();
}

TestCliHealth::Run TestCliHealth::run(const QStringList& arguments, const QHash<QString, QString>& variables)
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
    // The console's settings (profiles) of this test only.
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    for (auto it = variables.begin(); it != variables.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TIDEMARK_CLI_PATH), arguments);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        qWarning("tidemark-cli did not finish in time");
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
        process.readAllStandardError()};
}

void TestCliHealth::allOkExitsZero()
{
    // -p names one project; without it every project of the server is asked (the demo is the only one).
    for (const QStringList& extra : {QStringList {QStringLiteral("-p"), QStringLiteral("demo")}, QStringList {}}) {
        const Run r = run(QStringList {QStringLiteral("health")} + connection() + extra);
        QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY2(lines.at(0).contains("Environment") && lines.at(0).contains("State"), r.out.constData());
        int rows = 0;
        for (const QByteArray& line : lines) {
            if (line.startsWith("demo ")) {
                ++rows;
                QVERIFY2(line.contains(" ok "), line.constData());
            }
        }
        QCOMPARE(rows, 3);
        QVERIFY(r.out.contains("27.4 h"));
        QVERIFY(r.out.contains("48 h"));
    }
}

void TestCliHealth::jsonOutput()
{
    const Run r = run(QStringList {QStringLiteral("health"), QStringLiteral("--format"), QStringLiteral("json")}
        + connection() + QStringList {QStringLiteral("-p"), QStringLiteral("demo")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError && doc.isArray(), r.out.constData());
    QCOMPARE(doc.array().size(), 1);
    const QJsonObject row = doc.array().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("project")).toString(), QStringLiteral("demo"));
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
    const QJsonArray environments
        = row.value(QStringLiteral("health")).toObject().value(QStringLiteral("environments")).toArray();
    QCOMPARE(environments.size(), 3);
    QJsonObject main;
    for (const QJsonValue& v : environments) {
        if (v.toObject().value(QStringLiteral("environment")).toString() == QLatin1String("main"))
            main = v.toObject();
    }
    QCOMPARE(main.value(QStringLiteral("newest_good_backup_at")).toString(), QStringLiteral("2026-03-02T10:00:00Z"));
    QCOMPARE(main.value(QStringLiteral("max_age_hours")).toDouble(), 27.4);
}

void TestCliHealth::staleEnvironmentExitsOne()
{
    // Two days later nothing ran: main is past its target (27.4 h), staging not yet (48 h is the limit; 48 h old).
    setNow(QStringLiteral("2026-03-04T10:00:00Z"));
    Run r = run(QStringList {QStringLiteral("health")} + connection()
        + QStringList {QStringLiteral("-p"), QStringLiteral("demo")});
    QVERIFY2(r.exitCode == 1, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("critical"), r.out.constData());
    QVERIFY2(r.out.contains("newest good backup is 48 h old, target 27.4 h"), r.out.constData());
    r = run(QStringList {QStringLiteral("health"), QStringLiteral("--format"), QStringLiteral("json")} + connection());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject row = QJsonDocument::fromJson(r.out).array().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));

    // Caught up: fresh again, but Tuesday's missed run stays a warning for a week, and a warning counts: exit 1.
    QCOMPARE(m_server->scheduler().tick(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->engine().pendingOperations() == 0, 120000);
    r = run(QStringList {QStringLiteral("health")} + connection());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("warning") && r.out.contains("missed"), r.out.constData());
    QVERIFY(!r.out.contains("critical"));
}

void TestCliHealth::unreachableServerExitsThree()
{
    // A refused token and a server that does not answer are errors, not health.
    Run r = run({QStringLiteral("health"), QStringLiteral("--api"), m_server->url(), QStringLiteral("--token"),
        QStringLiteral("tm_not_a_token")});
    QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
    QVERIFY(!r.err.isEmpty());
    r = run({QStringLiteral("health"), QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:1"),
        QStringLiteral("--token"), m_token});
    QCOMPARE(r.exitCode, 3);
}

void TestCliHealth::allProfilesAsksTheSavedConnections()
{
    // A profile saved by the console. Its token would come from the keychain; on a machine without one (a CI box) the
    // profile is reported as not asked, with the reason, and the exit status says so (3).
    QSettings settings(m_config.filePath(QStringLiteral("Tidemark/Tidemark.conf")), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("connections"));
    settings.beginWriteArray(QStringLiteral("profiles"));
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("name"), QStringLiteral("Shop"));
    settings.setValue(QStringLiteral("apiUrl"), m_server->url());
    settings.setValue(QStringLiteral("tokenUrl"), QString(m_server->url() + QStringLiteral("/oauth2/token")));
    settings.setValue(QStringLiteral("project"), QStringLiteral("demo"));
    settings.endArray();
    settings.endGroup();
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);

    const Run r = run({QStringLiteral("health"), QStringLiteral("--all-profiles")});
    QVERIFY2(r.err.contains("This computer is skipped"), r.err.constData());
    // No keychain here, or none that holds a token for this URL: the profile is named with why it was not asked.
    QVERIFY2(r.exitCode == 3, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.err.contains("tidemark-cli: Shop/demo: "), r.err.constData());

    // Without saved connections there is nothing to ask: a usage error.
    QFile::remove(m_config.filePath(QStringLiteral("Tidemark/Tidemark.conf")));
    const Run none = run({QStringLiteral("health"), QStringLiteral("--all-profiles")});
    QCOMPARE(none.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliHealth)
#include "tst_clihealth.moc"
