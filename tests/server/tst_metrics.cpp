// GET /metrics against a real tidemarkd: `promtool check metrics` accepts it, its values are the API's (the newest
// good backup's time is its created_at, sizes, activity counts, health states), it needs a token on the API's address
// and none on --metrics-listen.
#include "serverprocess.h"

#include <cmath>
#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void promtoolAcceptsTheMetrics();
    void valuesMatchTheApi();
    void apiAddressNeedsATokenMetricsAddressDoesNot();
    void metricsOffLoopbackNeedTlsOrConsent();

private:
    struct Sample
    {
        QString name;
        QMap<QString, QString> labels;
        double value = 0;
    };
    static QList<Sample> parse(const QByteArray& text);
    // The one sample of `name` whose labels include `labels`; nullopt when there is none.
    static std::optional<double> value(
        const QList<Sample>& samples, const QString& name, const QMap<QString, QString>& labels);
    static double seconds(const QString& rfc3339)
    {
        return double(QDateTime::fromString(rfc3339, Qt::ISODate).toMSecsSinceEpoch()) / 1000.0;
    }

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
    QString m_metricsUrl;
};

void TestMetrics::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty(),
        "promtool is missing: run scripts/install-deps.sh (Debian package prometheus)");
    m_server.setExtraArguments({QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("metrics on (\\S+)")).match(QString::fromUtf8(m_server.output()));
    QVERIFY2(match.hasMatch(), m_server.output().constData());
    m_metricsUrl = match.captured(1);
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty() && !m_viewer.isEmpty());

    // A consistent backup of main, a live one of staging, then a live one of main (the newest: no pause).
    for (const auto& [environment, body] : {std::pair {QStringLiteral("main"), QByteArrayLiteral("{\"safe\": true}")},
             std::pair {QStringLiteral("staging"), QByteArrayLiteral("{\"safe\": false}")},
             std::pair {QStringLiteral("main"), QByteArrayLiteral("{\"safe\": false}")}}) {
        const QJsonObject done = m_http->startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/%1/backup").arg(environment), body, m_admin);
        QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    }
}

void TestMetrics::cleanupTestCase()
{
    m_server.stop();
}

QList<TestMetrics::Sample> TestMetrics::parse(const QByteArray& text)
{
    static const QRegularExpression line(QStringLiteral(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$)"));
    static const QRegularExpression label(QStringLiteral(R"re(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)")re"));
    QList<Sample> out;
    for (const QByteArray& raw : text.split('\n')) {
        if (raw.isEmpty() || raw.startsWith('#'))
            continue;
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch()) {
            qWarning("not a sample: %s", raw.constData());
            continue;
        }
        Sample s;
        s.name = m.captured(1);
        auto labels = label.globalMatch(m.captured(2));
        while (labels.hasNext()) {
            const QRegularExpressionMatch l = labels.next();
            s.labels.insert(l.captured(1), l.captured(2));
        }
        s.value = m.captured(3).toDouble();
        out.append(s);
    }
    return out;
}

std::optional<double> TestMetrics::value(
    const QList<Sample>& samples, const QString& name, const QMap<QString, QString>& labels)
{
    std::optional<double> found;
    for (const Sample& s : samples) {
        if (s.name != name)
            continue;
        bool all = true;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            all = all && s.labels.value(it.key()) == it.value();
        if (!all)
            continue;
        if (found)
            qWarning("%s: more than one sample matches", qPrintable(name));
        found = s.value;
    }
    return found;
}

void TestMetrics::promtoolAcceptsTheMetrics()
{
    const TestHttp::Reply reply = m_http->get(QStringLiteral("/metrics"), m_viewer);
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"), reply.header("Content-Type"));
    QProcess promtool;
    promtool.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(promtool.waitForStarted(10000));
    promtool.write(reply.body);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(30000));
    const QByteArray said = promtool.readAllStandardOutput() + promtool.readAllStandardError();
    // promtool lints too (names, units, HELP): any remark is a failure, not only a parse error.
    QVERIFY2(promtool.exitStatus() == QProcess::NormalExit && promtool.exitCode() == 0,
        QByteArray(said + "\n---\n" + reply.body).constData());
    QVERIFY2(said.trimmed().isEmpty(), said.constData());
}

void TestMetrics::valuesMatchTheApi()
{
    const QList<Sample> samples = parse(m_http->get(QStringLiteral("/metrics"), m_admin).body);
    QVERIFY(!samples.isEmpty());
    const auto environment = [](const QString& id) {
        return QMap<QString, QString> {
            {QStringLiteral("project"), QStringLiteral("demo")}, {QStringLiteral("environment"), id}};
    };

    // Per environment: the newest backup's created_at and size, the pause of the consistent one.
    for (const QString& id : {QStringLiteral("main"), QStringLiteral("staging")}) {
        const QJsonArray backups
            = m_http->get(QStringLiteral("/projects/demo/environments/%1/backups").arg(id), m_admin).json.toArray();
        QVERIFY(!backups.isEmpty());
        const QJsonObject newest = backups.at(0).toObject();
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_newest_good_backup_timestamp_seconds"),
                     environment(id)),
            std::optional<double>(seconds(newest.value(QStringLiteral("created_at")).toString())));
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_last_backup_size_bytes"), environment(id)),
            std::optional<double>(newest.value(QStringLiteral("size_of_volumes")).toDouble()));
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_backups"), environment(id)),
            std::optional<double>(backups.size()));
        // The newest backup of each is live: no pause.
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_last_backup_pause_seconds"), environment(id)),
            std::optional<double>(0));
        const auto duration
            = value(samples, QStringLiteral("tidemark_environment_last_backup_duration_seconds"), environment(id));
        QVERIFY(duration && *duration > 0);
    }
    // The health report's states (0 ok, 1 warning, 2 critical) and targets.
    const QJsonArray health = m_http->get(QStringLiteral("/projects/demo/health"), m_admin)
                                  .json.toObject()
                                  .value(QStringLiteral("environments"))
                                  .toArray();
    QCOMPARE(health.size(), 3);
    const QStringList states {QStringLiteral("ok"), QStringLiteral("warning"), QStringLiteral("critical")};
    for (const QJsonValue& v : health) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(QStringLiteral("environment")).toString();
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_health_state"), environment(id)),
            std::optional<double>(states.indexOf(e.value(QStringLiteral("state")).toString())));
        QCOMPARE(value(samples, QStringLiteral("tidemark_environment_missed_runs"), environment(id)),
            std::optional<double>(e.value(QStringLiteral("missed_runs")).toInt()));
        if (e.value(QStringLiteral("max_age_hours")).isNull())
            QVERIFY(!value(samples, QStringLiteral("tidemark_environment_max_age_seconds"), environment(id)));
        else
            QCOMPARE(value(samples, QStringLiteral("tidemark_environment_max_age_seconds"), environment(id)),
                std::optional<double>(std::round(e.value(QStringLiteral("max_age_hours")).toDouble() * 3600)));
    }

    // Per repository: what GET /repository says.
    const QJsonObject primary = m_http->get(QStringLiteral("/projects/demo/repository"), m_admin)
                                    .json.toObject()
                                    .value(QStringLiteral("repositories"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
    const QMap<QString, QString> repository {
        {QStringLiteral("project"), QStringLiteral("demo")}, {QStringLiteral("repository"), QStringLiteral("primary")}};
    QCOMPARE(value(samples, QStringLiteral("tidemark_repository_size_bytes"), repository),
        std::optional<double>(primary.value(QStringLiteral("size_bytes")).toDouble()));
    QCOMPARE(value(samples, QStringLiteral("tidemark_repository_snapshots"), repository),
        std::optional<double>(primary.value(QStringLiteral("snapshots")).toInt()));
    QVERIFY(!value(samples, QStringLiteral("tidemark_repository_last_verification_timestamp_seconds"), repository));

    // Activity counts by type and result: the API's list of finished activities.
    const QJsonArray activities
        = m_http->get(QStringLiteral("/projects/demo/activities?type=environment.backup&result=success"), m_admin)
              .json.toArray();
    QCOMPARE(value(samples, QStringLiteral("tidemark_activities_total"),
                 {{QStringLiteral("project"), QStringLiteral("demo")},
                     {QStringLiteral("type"), QStringLiteral("environment.backup")},
                     {QStringLiteral("result"), QStringLiteral("success")}}),
        std::optional<double>(activities.size()));
    QCOMPARE(activities.size(), 3);

    // A verification appears with its time and result.
    const QJsonObject verify = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/verify"), R"({"read_data_percent": 0, "test_restore": false})", m_admin);
    QCOMPARE(verify.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QList<Sample> after = parse(m_http->get(QStringLiteral("/metrics"), m_admin).body);
    const QJsonObject verified = m_http->get(QStringLiteral("/projects/demo/repository"), m_admin)
                                     .json.toObject()
                                     .value(QStringLiteral("repositories"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(value(after, QStringLiteral("tidemark_repository_last_verification_timestamp_seconds"), repository),
        std::optional<double>(seconds(verified.value(QStringLiteral("last_verified_at")).toString())));
    QCOMPARE(value(after, QStringLiteral("tidemark_repository_last_verification_success"), repository),
        std::optional<double>(1));
    QCOMPARE(value(after, QStringLiteral("tidemark_activities_total"),
                 {{QStringLiteral("type"), QStringLiteral("project.verify")},
                     {QStringLiteral("result"), QStringLiteral("success")}}),
        std::optional<double>(1));
}

void TestMetrics::apiAddressNeedsATokenMetricsAddressDoesNot()
{
    QCOMPARE(m_http->get(QStringLiteral("/metrics"), QString()).status, 401);
    QCOMPARE(m_http->get(QStringLiteral("/metrics"), QStringLiteral("not-a-token")).status, 401);

    const QUrl url(m_metricsUrl);
    QCOMPARE(url.path(), QStringLiteral("/metrics"));
    QVERIFY(url.port() > 0 && url.port() != int(m_server.port()));
    TestHttp metrics(url.adjusted(QUrl::RemovePath).toString());
    const TestHttp::Reply open = metrics.get(QStringLiteral("/metrics"), QString());
    QCOMPARE(open.status, 200);
    QVERIFY(open.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    QVERIFY(open.body.contains("# TYPE tidemark_environment_newest_good_backup_timestamp_seconds gauge"));
    QVERIFY(open.body.contains("tidemark_environment_health_state{project=\"demo\",environment=\"main\""));
    // Only the metrics there: not the API, with or without a token.
    QCOMPARE(metrics.get(QStringLiteral("/projects"), QString()).status, 404);
    QCOMPARE(metrics.get(QStringLiteral("/projects/demo/health"), m_admin).status, 404);
    QCOMPARE(metrics.request("POST", QStringLiteral("/metrics"), "{}").status, 405);
}

void TestMetrics::metricsOffLoopbackNeedTlsOrConsent()
{
    // Plain HTTP off loopback names every project and environment to whoever reaches the port: refused like --listen.
    QTemporaryDir dir;
    QProcess tidemarkd;
    tidemarkd.start(QStringLiteral(TIDEMARKD_PATH),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--metrics-listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--no-scheduler")});
    QVERIFY(tidemarkd.waitForStarted(10000));
    if (!tidemarkd.waitForFinished(20000)) {
        tidemarkd.kill();
        tidemarkd.waitForFinished(5000);
        QFAIL("tidemarkd did not refuse --metrics-listen 0.0.0.0:0");
    }
    QCOMPARE(tidemarkd.exitCode(), 2);
    const QByteArray err = tidemarkd.readAllStandardError();
    QVERIFY2(err.contains("--metrics-listen: 0.0.0.0 is not a loopback address"), err.constData());
    QProcess bad;
    bad.start(QStringLiteral(TIDEMARKD_PATH),
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--metrics-listen"), QStringLiteral("9421")});
    QVERIFY(bad.waitForFinished(20000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--metrics-listen: '9421' is not HOST:PORT"));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
