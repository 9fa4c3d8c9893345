// GET /projects/{p}/health with a clock the test moves (an in-process tidemarkd, as in tst_scheduler): scheduled runs
// missed while tidemarkd was down, a stale backup, a failed backup, an environment without a schedule, a failed copy,
// an old and a failed verification, each with its state and reason; the `health` setting's validation.
#include "engine/engine.h"
#include "engine/scheduler.h"
#include "health/heartbeat.h"
#include "health/missedruns.h"
#include "serverprocess.h"
#include "store/store.h"
#include "tidemarkserver.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

class TestHealth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void settingsAreValidated();
    void freshScheduledEnvironmentIsOk();
    void noScheduleIsAWarningAndInactiveIsOk();
    void runsMissedWhileDownAndStaleBackup();
    void failedBackupIsCriticalUntilOneSucceeds();
    void failedCopyIsAWarning();
    void dailyRunsClearTheWarnings();
    void oldAndFailedVerificationAreWarnings();
    void capabilitiesNameHealthAndMetrics();
    void missedRunsAreToldApart();

private:
    void setNow(const QString& rfc3339) { m_now = QDateTime::fromString(rfc3339, Qt::ISODate).toMSecsSinceEpoch(); }
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(m_server->engine().pendingOperations() == 0, 120000); }
    QJsonObject report();
    QJsonObject environment(const QString& id);
    static QStringList reasons(const QJsonObject& environment);
    static bool anyReasonContains(const QJsonObject& environment, const QStringList& parts);
    QJsonObject backupMain(bool safe);

    QTemporaryDir m_dir;
    std::unique_ptr<TidemarkServer> m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    qint64 m_now = 0;
};

void TestHealth::initTestCase()
{
    qputenv("TIDEMARK_PRUNE_DELAY_MS", "200");
    setNow(QStringLiteral("2026-03-02T10:00:00Z")); // a Monday
    m_server = std::make_unique<TidemarkServer>();
    TidemarkServer::Options options;
    options.dataDir = m_dir.path();
    options.port = 0;
    options.demo = true;
    options.scheduler = false; // the test ticks it
    options.clock = [this] { return m_now; };
    QString error;
    QVERIFY2(m_server->start(options, error), qPrintable(error));
    const QString token
        = TidemarkServer::createToken(m_server->store(), QStringLiteral("admin"), QStringLiteral("test"), error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    m_http = std::make_unique<TestHttp>(m_server->url());
    m_admin = m_http->exchange(token);
    QVERIFY(!m_admin.isEmpty());
}

void TestHealth::cleanupTestCase()
{
    m_http.reset();
    m_server.reset();
}

QJsonObject TestHealth::report()
{
    const TestHttp::Reply reply = m_http->get(QStringLiteral("/projects/demo/health"), m_admin);
    if (reply.status != 200)
        qWarning("GET health: %d %s", reply.status, reply.body.constData());
    return reply.json.toObject();
}

QJsonObject TestHealth::environment(const QString& id)
{
    for (const QJsonValue& v : report().value(QStringLiteral("environments")).toArray()) {
        if (v.toObject().value(QStringLiteral("environment")).toString() == id)
            return v.toObject();
    }
    return {};
}

QStringList TestHealth::reasons(const QJsonObject& environment)
{
    QStringList out;
    for (const QJsonValue& v : environment.value(QStringLiteral("reasons")).toArray())
        out.append(v.toString());
    return out;
}

bool TestHealth::anyReasonContains(const QJsonObject& environment, const QStringList& parts)
{
    for (const QString& reason : reasons(environment)) {
        if (std::all_of(parts.begin(), parts.end(), [&reason](const QString& p) { return reason.contains(p); }))
            return true;
    }
    return false;
}

QJsonObject TestHealth::backupMain(bool safe)
{
    return m_http->startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"),
        safe ? QByteArrayLiteral("{\"safe\": true}") : QByteArrayLiteral("{\"safe\": false}"), m_admin);
}

void TestHealth::settingsAreValidated()
{
    const auto patch = [this](const QByteArray& body) {
        return m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), body, m_admin);
    };
    struct Case
    {
        QByteArray body;
        QString field;
    };
    const QList<Case> cases {
        {R"({"health": {"production": {"max_age_hours": -1}}})", QStringLiteral("health.production.max_age_hours")},
        {R"({"health": {"production": {"max_age_hours": 0}}})", QStringLiteral("health.production.max_age_hours")},
        {R"({"health": {"production": {"max_age_hours": "26"}}})", QStringLiteral("health.production.max_age_hours")},
        {R"({"health": {"production": {"max_age_hours": 1e9}}})", QStringLiteral("health.production.max_age_hours")},
        {R"({"health": {"production": {"max_hours": 26}}})", QStringLiteral("health.production.max_hours")},
        {R"({"health": {"prod": {"max_age_hours": 26}}})", QStringLiteral("health.prod")},
        {R"({"health": {"production": 26}})", QStringLiteral("health.production")},
        {R"({"health": [1]})", QStringLiteral("health")},
        // A valid change beside an invalid one changes nothing.
        {R"({"data_retention": {"staging": {"default_config": {"manual_count": 5}}},
             "health": {"staging": {"max_age_hours": -3}}})",
            QStringLiteral("health.staging.max_age_hours")},
    };
    for (const Case& c : cases) {
        const TestHttp::Reply reply = patch(c.body);
        QCOMPARE(reply.status, 400);
        const QJsonObject detail = reply.json.toObject().value(QStringLiteral("detail")).toObject();
        QVERIFY2(detail.contains(c.field), reply.body.constData());
        QVERIFY2(reply.json.toObject().value(QStringLiteral("message")).toString().contains(c.field),
            reply.body.constData());
    }
    QJsonObject settings = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin).json.toObject();
    QCOMPARE(settings.value(QStringLiteral("health")).toObject(), QJsonObject());
    QCOMPARE(settings.value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("staging"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("manual_count"))
                 .toInt(),
        2);

    // A target that is set is used; `{}` goes back to the default (1d schedule: 24 h + 10 % + 1 h).
    QCOMPARE(patch(R"({"health": {"production": {"max_age_hours": 26}}})").status, 200);
    settings = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin).json.toObject();
    QCOMPARE(settings.value(QStringLiteral("health")).toObject(),
        QJsonObject({{QStringLiteral("production"), QJsonObject {{QStringLiteral("max_age_hours"), 26}}}}));
    QCOMPARE(environment(QStringLiteral("main")).value(QStringLiteral("max_age_hours")).toDouble(), 26.0);
    QCOMPARE(patch(R"({"health": {}})").status, 200);
    QCOMPARE(environment(QStringLiteral("main")).value(QStringLiteral("max_age_hours")).toDouble(), 27.4);

    // Viewers read the report but cannot change the setting.
    QString error;
    const QString viewer = m_http->exchange(
        TidemarkServer::createToken(m_server->store(), QStringLiteral("viewer"), QStringLiteral("viewer"), error));
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     R"({"health": {"production": {"max_age_hours": 26}}})", viewer)
                 .status,
        403);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/health"), viewer).status, 200);
    QCOMPARE(m_http->get(QStringLiteral("/projects/nope/health"), viewer).status, 404);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/health"), QString()).status, 401);
}

void TestHealth::freshScheduledEnvironmentIsOk()
{
    // Before its first run the production environment has no backup: critical. The scheduler has not run yet in
    // this tidemarkd (as with --no-scheduler): there is no next run.
    QJsonObject main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));
    QCOMPARE(reasons(main),
        (QStringList {QStringLiteral("no good backup yet, target 27.4 h"),
            QStringLiteral("no automated backups: tidemarkd runs without its scheduler (--no-scheduler)")}));
    QVERIFY(main.value(QStringLiteral("next_run_at")).isNull());

    QCOMPARE(m_server->scheduler().tick(), 1);
    waitIdle();
    main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
    QCOMPARE(reasons(main), QStringList());
    QCOMPARE(main.value(QStringLiteral("newest_good_backup_at")).toString(), QStringLiteral("2026-03-02T10:00:00Z"));
    QCOMPARE(main.value(QStringLiteral("max_age_hours")).toDouble(), 27.4);
    QCOMPARE(main.value(QStringLiteral("missed_runs")).toInt(), 0);
    QCOMPARE(main.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-03T00:00:00Z"));
    QVERIFY(main.value(QStringLiteral("last_failure")).isNull());
    // The repositories as GET /projects/{p}/repository has them.
    const QJsonArray repositories = report().value(QStringLiteral("repositories")).toArray();
    QCOMPARE(repositories,
        m_http->get(QStringLiteral("/projects/demo/repository"), m_admin)
            .json.toObject()
            .value(QStringLiteral("repositories"))
            .toArray());
    QCOMPARE(repositories.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("primary"));
}

void TestHealth::noScheduleIsAWarningAndInactiveIsOk()
{
    const QJsonObject staging = environment(QStringLiteral("staging"));
    QCOMPARE(staging.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QCOMPARE(reasons(staging), QStringList {QStringLiteral("no automated backups: staging has no schedule")});
    QVERIFY(staging.value(QStringLiteral("max_age_hours")).isNull());
    QVERIFY(staging.value(QStringLiteral("next_run_at")).isNull());
    QVERIFY(staging.value(QStringLiteral("newest_good_backup_at")).isNull());

    // A target set for an unscheduled type is watched instead (backups from a cron job count).
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     R"({"health": {"staging": {"max_age_hours": 48}}})", m_admin)
                 .status,
        200);
    const QJsonObject watched = environment(QStringLiteral("staging"));
    QCOMPARE(watched.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));
    QVERIFY2(anyReasonContains(watched, {QStringLiteral("no good backup yet, target 48 h")}),
        qPrintable(reasons(watched).join(QLatin1Char('|'))));
    QCOMPARE(
        m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"({"health": {}})", m_admin).status, 200);

    const QJsonObject inactive = environment(QStringLiteral("feature-x"));
    QCOMPARE(inactive.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
    QVERIFY(anyReasonContains(inactive, {QStringLiteral("inactive")}));
}

void TestHealth::runsMissedWhileDownAndStaleBackup()
{
    // tidemarkd "down" from Monday 10:00 to Thursday 10:00: no beats, no ticks. The runs of Tuesday and Wednesday were
    // missed; Thursday's is due now.
    setNow(QStringLiteral("2026-03-05T10:00:00Z"));
    QJsonObject main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));
    QCOMPARE(main.value(QStringLiteral("missed_runs")).toInt(), 2);
    const QString all = reasons(main).join(QLatin1Char('|'));
    QVERIFY2(anyReasonContains(main, {QStringLiteral("newest good backup is 3 day"), QStringLiteral("target 27.4 h")}),
        qPrintable(all));
    QVERIFY2(anyReasonContains(
                 main, {QStringLiteral("2 scheduled backup"), QStringLiteral("missed: tidemarkd was not running")}),
        qPrintable(all));
    QCOMPARE(reasons(main).size(), 2);
    QVERIFY2(reasons(main).first().startsWith(QLatin1String("newest good backup")), qPrintable(all)); // worst first
    QCOMPARE(main.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-05T10:00:00Z"));

    // Started again: the scheduler catches up once. Fresh again, but the missed runs stay in the week's window.
    QCOMPARE(m_server->scheduler().tick(), 1);
    waitIdle();
    main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QCOMPARE(main.value(QStringLiteral("missed_runs")).toInt(), 2);
    QCOMPARE(reasons(main).size(), 1);
    QVERIFY(anyReasonContains(main, {QStringLiteral("missed: tidemarkd was not running")}));
    QCOMPARE(main.value(QStringLiteral("newest_good_backup_at")).toString(), QStringLiteral("2026-03-05T10:00:00Z"));
    QCOMPARE(main.value(QStringLiteral("next_run_at")).toString(), QStringLiteral("2026-03-06T00:00:00Z"));
}

void TestHealth::failedBackupIsCriticalUntilOneSucceeds()
{
    setNow(QStringLiteral("2026-03-05T11:00:00Z"));
    // The code folder vanishes (a disk that is not mounted): the backup fails.
    const auto main = m_server->store().environment(QStringLiteral("demo"), QStringLiteral("main"));
    QVERIFY(main && main->local);
    const QString code = main->local->codePath;
    QVERIFY(QDir().rename(code, code + QStringLiteral(".away")));
    const QJsonObject failed = backupMain(false);
    QVERIFY(QDir().rename(code + QStringLiteral(".away"), code));
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));

    QJsonObject health = environment(QStringLiteral("main"));
    QCOMPARE(health.value(QStringLiteral("state")).toString(), QStringLiteral("critical"));
    const QJsonObject lastFailure = health.value(QStringLiteral("last_failure")).toObject();
    QCOMPARE(lastFailure.value(QStringLiteral("activity")).toString(), failed.value(QStringLiteral("id")).toString());
    QCOMPARE(lastFailure.value(QStringLiteral("at")).toString(), QStringLiteral("2026-03-05T11:00:00Z"));
    QCOMPARE(lastFailure.value(QStringLiteral("text")).toString(), failed.value(QStringLiteral("text")).toString());
    QVERIFY2(anyReasonContains(health,
                 {QStringLiteral("last backup failed: ") + failed.value(QStringLiteral("text")).toString().left(40)}),
        qPrintable(reasons(health).join(QLatin1Char('|'))));
    // The newest good backup is still the one of 10:00: only the failure is critical.
    QVERIFY(!anyReasonContains(health, {QStringLiteral("newest good backup")}));

    setNow(QStringLiteral("2026-03-05T11:30:00Z"));
    QCOMPARE(backupMain(false).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    health = environment(QStringLiteral("main"));
    QVERIFY(health.value(QStringLiteral("last_failure")).isNull());
    QCOMPARE(health.value(QStringLiteral("state")).toString(), QStringLiteral("warning")); // the missed runs remain
    QVERIFY(!anyReasonContains(health, {QStringLiteral("failed")}));
}

void TestHealth::failedCopyIsAWarning()
{
    // A copy target that cannot be created: every copy to it fails, the backups themselves do not.
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/settings"),
                     R"({"backup_copies": [{"name": "nas", "repository": "/proc/tidemark-no-nas/repo"}]})", m_admin)
                 .status,
        200);
    setNow(QStringLiteral("2026-03-05T12:00:00Z"));
    QCOMPARE(backupMain(false).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    // The copy runs on its own queue once the backup's manifest is stored.
    ActivityQuery copyRuns;
    copyRuns.types = {QStringLiteral("project.backup.copy")};
    copyRuns.states = {QStringLiteral("complete")};
    QTRY_VERIFY_WITH_TIMEOUT(!m_server->store().activities(QStringLiteral("demo"), copyRuns).isEmpty(), 60000);
    waitIdle();

    const QJsonObject rep = report();
    QJsonObject main;
    for (const QJsonValue& v : rep.value(QStringLiteral("environments")).toArray()) {
        if (v.toObject().value(QStringLiteral("environment")).toString() == QLatin1String("main"))
            main = v.toObject();
    }
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QVERIFY2(
        anyReasonContains(main, {QStringLiteral("copy nas failed")}), qPrintable(reasons(main).join(QLatin1Char('|'))));
    const QJsonArray copies = rep.value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 1);
    const QJsonObject nas = copies.at(0).toObject();
    QCOMPARE(nas.value(QStringLiteral("name")).toString(), QStringLiteral("nas"));
    QCOMPARE(nas.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QCOMPARE(nas.value(QStringLiteral("last_result")).toString(), QStringLiteral("failure"));
    QCOMPARE(nas.value(QStringLiteral("last_run_at")).toString(), QStringLiteral("2026-03-05T12:00:00Z"));
    QVERIFY(nas.value(QStringLiteral("failed_backups")).toInt() >= 1);
    QVERIFY(nas.value(QStringLiteral("last_copied_at")).isNull());
    QVERIFY(anyReasonContains(nas, {QStringLiteral("copy nas failed")}));
    // Its repository is listed as in GET /repository.
    QCOMPARE(rep.value(QStringLiteral("repositories")).toArray().size(), 2);

    QCOMPARE(
        m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"({"backup_copies": []})", m_admin).status,
        200);
    QVERIFY(!anyReasonContains(environment(QStringLiteral("main")), {QStringLiteral("copy")}));
}

void TestHealth::dailyRunsClearTheWarnings()
{
    // A week of daily runs with tidemarkd up: the missed runs of last week leave the window and nothing is wrong.
    const qint64 day = 86400LL * 1000;
    const qint64 start = QDateTime::fromString(QStringLiteral("2026-03-05T10:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    for (int d = 1; d <= 7; ++d) {
        m_now = start + d * day;
        m_server->heartbeat().beat();
        QCOMPARE(m_server->scheduler().tick(), 1);
        waitIdle();
    }
    const QJsonObject main = environment(QStringLiteral("main"));
    QVERIFY2(main.value(QStringLiteral("state")).toString() == QLatin1String("ok"),
        qPrintable(reasons(main).join(QLatin1Char('|'))));
    QCOMPARE(main.value(QStringLiteral("missed_runs")).toInt(), 0);
}

void TestHealth::oldAndFailedVerificationAreWarnings()
{
    // Verified now (Thursday 12 March)…
    const QJsonObject verify = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/verify"), R"({"read_data_percent": 0, "test_restore": false})", m_admin);
    QCOMPARE(verify.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY(!anyReasonContains(environment(QStringLiteral("main")), {QStringLiteral("verif")}));

    // …and not again for three weeks (weekly verification: two intervals is the limit). tidemarkd was down meanwhile
    // (a tick would start the scheduled verification); a manual backup makes the environment fresh again.
    m_now += 21 * 86400LL * 1000;
    QCOMPARE(backupMain(false).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QJsonObject main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QVERIFY2(anyReasonContains(main, {QStringLiteral("not verified for 3 week")}),
        qPrintable(reasons(main).join(QLatin1Char('|'))));
    QVERIFY(anyReasonContains(main, {QStringLiteral("missed: tidemarkd was not running")}));

    // A verification that found damage (as tst_verify produces one) is a warning that names it.
    VerificationRecord damaged;
    damaged.activityId = QStringLiteral("verifyactivityfortsthealth");
    damaged.projectId = QStringLiteral("demo");
    damaged.repository = QStringLiteral("primary");
    damaged.atMs = m_now;
    damaged.ok = false;
    damaged.text = QStringLiteral("restic check found errors: Pack ID does not match, want 0f3a…, got 9b1c…");
    damaged.damagedPacks = {QStringLiteral("0f3a")};
    QVERIFY(m_server->store().saveVerification(damaged));
    main = environment(QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("state")).toString(), QStringLiteral("warning"));
    QVERIFY2(anyReasonContains(main, {QStringLiteral("verification of primary failed: restic check found errors")}),
        qPrintable(reasons(main).join(QLatin1Char('|'))));
    QVERIFY(!anyReasonContains(main, {QStringLiteral("not verified for")}));
    const QJsonObject primary = report().value(QStringLiteral("repositories")).toArray().at(0).toObject();
    QCOMPARE(primary.value(QStringLiteral("last_verify_result")).toString(), QStringLiteral("failure"));
}

void TestHealth::capabilitiesNameHealthAndMetrics()
{
    const QJsonArray capabilities = m_http->get(QStringLiteral("/tidemark"), m_admin)
                                        .json.toObject()
                                        .value(QStringLiteral("capabilities"))
                                        .toArray();
    QVERIFY(capabilities.contains(QStringLiteral("health")));
    QVERIFY(capabilities.contains(QStringLiteral("metrics")));
}

void TestHealth::missedRunsAreToldApart()
{
    // Hourly runs from 00:00 to 08:00: the one of 01:00 was taken; tidemarkd was down from 02:00 to 04:00, ran without
    // its scheduler from 04:00 to 06:00 and with it from 06:00 (and took nothing at 06:00 and 07:00). 08:00 is going
    // on.
    const auto at = [](const char* time) {
        return QDateTime::fromString(
            QStringLiteral("2026-03-02T") + QLatin1String(time) + QStringLiteral("Z"), Qt::ISODate)
            .toMSecsSinceEpoch();
    };
    const QList<ServerRun> runs {{1, at("00:00:00"), at("01:59:00"), true}, {2, at("04:00:00"), at("05:59:00"), false},
        {3, at("06:00:00"), at("08:30:00"), true}};
    const QList<qint64> started {at("00:00:05"), at("01:00:05")};
    const MissedRuns missed
        = MissedRuns::find(Interval {1, Interval::Unit::Hour}, at("00:00:00"), at("08:30:00"), started, runs);
    QCOMPARE(missed.whileDown, 2); // 02:00, 03:00
    QCOMPARE(missed.withoutScheduler, 2); // 04:00, 05:00
    QCOMPARE(missed.otherwise, 2); // 06:00, 07:00
    QCOMPARE(missed.total(), 6);
    // A bucket only partly in the window is not judged.
    QCOMPARE(
        MissedRuns::find(Interval {1, Interval::Unit::Hour}, at("02:30:00"), at("04:00:00"), started, runs).total(), 1);
    // A week, or three buckets of a coarser schedule.
    QCOMPARE(MissedRuns::windowMs(Interval {1, Interval::Unit::Day}), 7 * 86400LL * 1000);
    QCOMPARE(MissedRuns::windowMs(Interval {1, Interval::Unit::Month}), 3 * 2629746LL * 1000);
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
