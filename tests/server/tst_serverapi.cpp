// Contract tests of tidemarkd's REST API against a real server on 127.0.0.1.
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

namespace {

QJsonObject find(const QJsonArray& array, const QString& id)
{
    for (const QJsonValue& v : array) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    }
    return {};
}

QStringList linkRels(const QJsonObject& object)
{
    return object.value(QStringLiteral("_links")).toObject().keys();
}

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokenExchange();
    void unauthenticated();
    void projects();
    void environmentsAndLinksByRole();
    void environmentLifecycle();
    void environmentValidation();
    void viewerCannotMutate();
    void inactiveEnvironmentCannotBeBackedUp();
    void backupsOfEmptyEnvironment();
    void settingsReadAndPatch();
    void settingsDryRunChangesNothing();
    void seedPolicyExamples();
    void specPolicyExample();
    void settingsValidation();
    void activitiesFilters();
    void errorsHaveTheContractShape_data();
    void errorsHaveTheContractShape();
    void bodyOverOneMebibyte();
    void survivesManyMalformedRequests();

private:
    void checkError(const TestHttp::Reply& reply, int status);

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
};

void TestServerApi::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty());
    QVERIFY(!m_viewer.isEmpty());
}

void TestServerApi::cleanupTestCase()
{
    m_server.stop();
}

void TestServerApi::checkError(const TestHttp::Reply& reply, int status)
{
    QCOMPARE(reply.status, status);
    const QJsonObject o = reply.json.toObject();
    QCOMPARE(o.value(QStringLiteral("code")).toInt(), status);
    QVERIFY(!o.value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
    // Never internals: no paths of the data dir, no stack traces.
    QVERIFY(!reply.body.contains(m_server.dataDir().toUtf8()));
}

void TestServerApi::tokenExchange()
{
    const QByteArray form = "grant_type=api_token&api_token=" + QUrl::toPercentEncoding(m_server.adminToken());
    auto r = m_http->request("POST", QStringLiteral("/oauth2/token"), form, {}, "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json.toObject();
    QVERIFY(o.value(QStringLiteral("access_token")).toString().size() >= 32);
    QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 900);
    QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));

    r = m_http->request("POST", QStringLiteral("/oauth2/token"), "grant_type=password&api_token=x", {},
        "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.toObject().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QVERIFY(!r.json.toObject().value(QStringLiteral("error_description")).toString().isEmpty());

    r = m_http->request("POST", QStringLiteral("/oauth2/token"), "grant_type=api_token&api_token=nope", {},
        "application/x-www-form-urlencoded");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.toObject().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

    // The API token itself is never stored: only its hash is in the database file.
    QFile db(m_server.dataDir() + QStringLiteral("/tidemark.db"));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains(m_server.adminToken().toUtf8()));
}

void TestServerApi::unauthenticated()
{
    checkError(m_http->get(QStringLiteral("/projects"), {}), 401);
    checkError(m_http->get(QStringLiteral("/projects"), QStringLiteral("not-a-token")), 401);
    checkError(m_http->get(QStringLiteral("/projects/demo/environments"), m_server.adminToken()), 401);
}

void TestServerApi::projects()
{
    auto r = m_http->get(QStringLiteral("/projects"), m_viewer);
    QCOMPARE(r.status, 200);
    const QJsonObject demo = find(r.json.toArray(), QStringLiteral("demo"));
    QCOMPARE(demo.value(QStringLiteral("timezone")).toString(), QStringLiteral("UTC"));
    QVERIFY(!demo.value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(linkRels(demo).contains(QStringLiteral("self")));

    r = m_http->get(QStringLiteral("/projects/demo"), m_viewer);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("id")).toString(), QStringLiteral("demo"));
    checkError(m_http->get(QStringLiteral("/projects/nope"), m_viewer), 404);
    checkError(m_http->get(QStringLiteral("/projects/nope/environments"), m_viewer), 404);
}

void TestServerApi::environmentsAndLinksByRole()
{
    auto r = m_http->get(QStringLiteral("/projects/demo/environments"), m_admin);
    QCOMPARE(r.status, 200);
    const QJsonArray envs = r.json.toArray();
    QCOMPARE(envs.size(), 3);
    const QJsonObject main = find(envs, QStringLiteral("main"));
    QCOMPARE(main.value(QStringLiteral("type")).toString(), QStringLiteral("production"));
    QCOMPARE(main.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(main.value(QStringLiteral("machine_name")).toString(), QStringLiteral("main"));
    QVERIFY(main.value(QStringLiteral("last_backup_at")).isNull());
    QCOMPARE(main.value(QStringLiteral("is_dirty")).toBool(), false);
    for (const char* rel : {"self", "#backup", "#deactivate", "#edit"})
        QVERIFY2(linkRels(main).contains(QLatin1String(rel)), rel);
    QVERIFY(!linkRels(main).contains(QStringLiteral("#activate")));
    const QJsonObject local = main.value(QStringLiteral("local")).toObject();
    QVERIFY(QFileInfo(local.value(QStringLiteral("code_path")).toString() + QStringLiteral("/.git")).isDir());

    const QJsonObject staging = find(envs, QStringLiteral("staging"));
    QCOMPARE(staging.value(QStringLiteral("type")).toString(), QStringLiteral("staging"));
    QCOMPARE(staging.value(QStringLiteral("parent")).toString(), QStringLiteral("main"));

    const QJsonObject feature = find(envs, QStringLiteral("feature-x"));
    QCOMPARE(feature.value(QStringLiteral("type")).toString(), QStringLiteral("development"));
    QCOMPARE(feature.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
    QVERIFY(!linkRels(feature).contains(QStringLiteral("#backup")));
    QVERIFY(linkRels(feature).contains(QStringLiteral("#activate")));

    r = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_viewer);
    QCOMPARE(r.status, 200);
    for (const QString& rel : linkRels(r.json.toObject()))
        QVERIFY2(!rel.startsWith(QLatin1Char('#')), qPrintable(rel));
    checkError(m_http->get(QStringLiteral("/projects/demo/environments/nope"), m_viewer), 404);
}

void TestServerApi::environmentLifecycle()
{
    const QString root = m_server.dataDir() + QStringLiteral("/environments/extra");
    QVERIFY(QDir().mkpath(root + QStringLiteral("/code")));
    const QByteArray body = QStringLiteral(R"({"name": "extra", "title": "Extra", "type": "staging",
        "local": {"code_path": "%1/code", "mounts": [], "services": []}})")
                                .arg(root)
                                .toUtf8();
    auto r = m_http->request("POST", QStringLiteral("/projects/demo/environments"), body, m_admin);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Extra"));
    checkError(m_http->request("POST", QStringLiteral("/projects/demo/environments"), body, m_admin), 409);

    r = m_http->request(
        "PATCH", QStringLiteral("/projects/demo/environments/extra"), R"({"title": "Renamed"})", m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Renamed"));
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/extra"), m_viewer)
                 .json.toObject()
                 .value(QStringLiteral("title"))
                 .toString(),
        QStringLiteral("Renamed"));

    r = m_http->request("POST", QStringLiteral("/projects/demo/environments/extra/deactivate"), {}, m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
    r = m_http->request("POST", QStringLiteral("/projects/demo/environments/extra/activate"), {}, m_admin);
    QCOMPARE(r.json.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("active"));

    r = m_http->request("DELETE", QStringLiteral("/projects/demo/environments/extra"), {}, m_admin);
    QCOMPARE(r.status, 204);
    checkError(m_http->get(QStringLiteral("/projects/demo/environments/extra"), m_admin), 404);
}

void TestServerApi::environmentValidation()
{
    auto r = m_http->request("POST", QStringLiteral("/projects/demo/environments"),
        R"({"name": "Bad Name", "type": "qa", "local": {"code_path": "/tmp", "mounts": [{"name": "m"}], "extra": 1}})",
        m_admin);
    checkError(r, 400);
    const QJsonObject detail = r.json.toObject().value(QStringLiteral("detail")).toObject();
    QVERIFY2(detail.contains(QStringLiteral("name")), r.body.constData());
    QVERIFY2(detail.contains(QStringLiteral("type")), r.body.constData());
    QVERIFY2(detail.contains(QStringLiteral("local.extra")), r.body.constData());
    QVERIFY2(detail.contains(QStringLiteral("local.mounts[0].path")), r.body.constData());
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments"), m_admin).json.toArray().size(), 3);

    r = m_http->request(
        "PATCH", QStringLiteral("/projects/demo/environments/main"), R"({"title": 5, "colour": "red"})", m_admin);
    checkError(r, 400);
    QVERIFY(r.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("title")));
    QVERIFY(r.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("colour")));
}

void TestServerApi::viewerCannotMutate()
{
    const struct
    {
        const char* method;
        const char* path;
        const char* body;
    } mutations[] = {
        {"POST", "/projects/demo/environments/main/backup", "{}"},
        {"PATCH", "/projects/demo/settings", R"({"data_retention": {}})"},
        {"POST", "/projects/demo/environments", R"({"name": "x"})"},
        {"PATCH", "/projects/demo/environments/main", R"({"title": "x"})"},
        {"DELETE", "/projects/demo/environments/staging", ""},
        {"POST", "/projects/demo/environments/feature-x/activate", ""},
        {"POST", "/projects/demo/environments/main/deactivate", ""},
    };
    for (const auto& m : mutations) {
        const auto r = m_http->request(m.method, QLatin1String(m.path), m.body, m_viewer);
        checkError(r, 403);
        QVERIFY2(
            r.json.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("Viewers")), m.path);
    }
    // Nothing changed.
    QCOMPARE(find(m_http->get(QStringLiteral("/projects/demo/environments"), m_admin).json.toArray(),
                 QStringLiteral("feature-x"))
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("inactive"));
}

void TestServerApi::inactiveEnvironmentCannotBeBackedUp()
{
    const auto r
        = m_http->request("POST", QStringLiteral("/projects/demo/environments/feature-x/backup"), "{}", m_admin);
    checkError(r, 409);
    QVERIFY(r.json.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("inactive")));
}

void TestServerApi::backupsOfEmptyEnvironment()
{
    const auto r = m_http->get(QStringLiteral("/projects/demo/environments/staging/backups"), m_viewer);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.isArray());
    checkError(m_http->get(QStringLiteral("/projects/demo/environments/staging/backups/nope"), m_viewer), 404);
}

void TestServerApi::settingsReadAndPatch()
{
    auto r = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer);
    QCOMPARE(r.status, 200);
    const QJsonObject retention = r.json.toObject().value(QStringLiteral("data_retention")).toObject();
    QCOMPARE(retention.keys(),
        (QStringList {QStringLiteral("development"), QStringLiteral("production"), QStringLiteral("staging")}));
    const QJsonObject production = retention.value(QStringLiteral("production")).toObject();
    QVERIFY(production.value(QStringLiteral("max_backups")).isNull());
    const QJsonObject config = production.value(QStringLiteral("default_config")).toObject();
    QCOMPARE(config.value(QStringLiteral("manual_count")).toInt(), 2);
    QCOMPARE(config.value(QStringLiteral("schedule")).toArray().size(), 1);
    QCOMPARE(config.value(QStringLiteral("schedule"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("interval"))
                 .toString(),
        QStringLiteral("1d"));

    r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"staging": {"max_backups": 9, "default_config": {"schedule": [{"interval": "6h", "count": 4}]}}}})",
        m_admin);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("updated"));
    const QJsonObject entity
        = r.json.toObject().value(QStringLiteral("_embedded")).toObject().value(QStringLiteral("entity")).toObject();
    const QJsonObject staging
        = entity.value(QStringLiteral("data_retention")).toObject().value(QStringLiteral("staging")).toObject();
    QCOMPARE(staging.value(QStringLiteral("max_backups")).toInt(), 9);
    // Types not named are untouched.
    QCOMPARE(entity.value(QStringLiteral("data_retention")).toObject().value(QStringLiteral("production")).toObject(),
        production);
    // And it persisted.
    r = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer);
    QCOMPARE(r.json.toObject()
                 .value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("staging"))
                 .toObject(),
        staging);
}

void TestServerApi::settingsDryRunChangesNothing()
{
    const auto before = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer).json;
    const auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"),
        R"({"data_retention": {"production": {"default_config": {"schedule": [{"interval": "1d", "count": 7}]}}}})",
        m_admin);
    QCOMPARE(r.status, 200);
    const QJsonObject embedded = r.json.toObject().value(QStringLiteral("_embedded")).toObject();
    QVERIFY(embedded.value(QStringLiteral("preview")).toObject().contains(QStringLiteral("main")));
    const QJsonObject mainPreview
        = embedded.value(QStringLiteral("preview")).toObject().value(QStringLiteral("main")).toObject();
    QVERIFY(mainPreview.contains(QStringLiteral("kept")));
    QVERIFY(mainPreview.contains(QStringLiteral("backups")));
    QCOMPARE(embedded.value(QStringLiteral("entity"))
                 .toObject()
                 .value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("production"))
                 .toObject()
                 .value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("schedule"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("count"))
                 .toInt(),
        7);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer).json, before);
}

void TestServerApi::seedPolicyExamples()
{
    // The platform documentation's examples, verbatim: two of them carry trailing commas and are not JSON.
    const QByteArray daily = R"({
       "data_retention": {
          "production": {
             "default_config": {
                "schedule": [
                  {"interval": "1d", "count": 7}, 
                 ]
              }
           }
        }
      })";
    auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"), daily, m_admin);
    checkError(r, 400);
    const QString message = r.json.toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("line 7")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("column")), qPrintable(message));

    const QByteArray multi = R"({
       "data_retention": {
          "production": {
             "default_config": {
                "schedule": [
                  {"interval": "1d", "count": 7}, 
                  {"interval": "1w", "count": 4}, 
                  {"interval": "1M", "count": 12}
                 ]
              }
           }
        }
      })";
    r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"), multi, m_admin);
    QCOMPARE(r.status, 200);

    r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"),
        R"({"data_retention": {"production": {"max_backups": 10}}})", m_admin);
    QCOMPARE(r.status, 200);
    r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"),
        R"({"data_retention": {"production": {"default_config":  {"manual_count": 1}}}})", m_admin);
    QCOMPARE(r.status, 200);
    const QJsonObject production = r.json.toObject()
                                       .value(QStringLiteral("_embedded"))
                                       .toObject()
                                       .value(QStringLiteral("entity"))
                                       .toObject()
                                       .value(QStringLiteral("data_retention"))
                                       .toObject()
                                       .value(QStringLiteral("production"))
                                       .toObject();
    QCOMPARE(
        production.value(QStringLiteral("default_config")).toObject().value(QStringLiteral("manual_count")).toInt(), 1);
    // Setting the manual count keeps the schedule.
    QCOMPARE(production.value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("schedule"))
                 .toArray()
                 .size(),
        1);
}

void TestServerApi::specPolicyExample()
{
    // retention-spec.md's policy, as a data_retention entry.
    const auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"),
        R"({"data_retention": {"production": { "max_backups": 21,
  "default_config": { "manual_count": 2,
                      "schedule": [ {"interval": "1d", "count": 7},
                                    {"interval": "1w", "count": 4},
                                    {"interval": "1M", "count": 12} ] } }}})",
        m_admin);
    QCOMPARE(r.status, 200);
    const QJsonObject production = r.json.toObject()
                                       .value(QStringLiteral("_embedded"))
                                       .toObject()
                                       .value(QStringLiteral("entity"))
                                       .toObject()
                                       .value(QStringLiteral("data_retention"))
                                       .toObject()
                                       .value(QStringLiteral("production"))
                                       .toObject();
    QCOMPARE(production.value(QStringLiteral("max_backups")).toInt(), 21);
    QCOMPARE(production.value(QStringLiteral("default_config"))
                 .toObject()
                 .value(QStringLiteral("schedule"))
                 .toArray()
                 .size(),
        3);
}

void TestServerApi::settingsValidation()
{
    const auto before = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer).json;
    auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"schedule": [{"interval": "1d", "count": 7}, {"interval": "5x", "count": "3"}]}}}})",
        m_admin);
    checkError(r, 400);
    const QJsonObject detail = r.json.toObject().value(QStringLiteral("detail")).toObject();
    QVERIFY2(detail.contains(QStringLiteral("data_retention.production.default_config.schedule[1].interval")),
        r.body.constData());
    QVERIFY2(detail.contains(QStringLiteral("data_retention.production.default_config.schedule[1].count")),
        r.body.constData());
    QVERIFY(r.json.toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("'5x' is not an interval")));

    r = m_http->request(
        "PATCH", QStringLiteral("/projects/demo/settings"), R"({"data_retention": {"qa": {}}})", m_admin);
    checkError(r, 400);
    r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"([1, 2])", m_admin);
    checkError(r, 400);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer).json, before);
}

void TestServerApi::activitiesFilters()
{
    auto r = m_http->get(
        QStringLiteral("/projects/demo/activities?type=environment.backup&state=complete&count=5"), m_viewer);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.isArray());
    checkError(m_http->get(QStringLiteral("/projects/demo/activities?count=0"), m_viewer), 400);
    checkError(m_http->get(QStringLiteral("/projects/demo/activities?state=done"), m_viewer), 400);
    checkError(m_http->get(QStringLiteral("/projects/demo/activities/nope"), m_viewer), 404);
    checkError(m_http->get(QStringLiteral("/projects/demo/activities/nope/log"), m_viewer), 404);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/main/activities"), m_viewer).status, 200);
}

void TestServerApi::errorsHaveTheContractShape_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/nothing/here") << QByteArray() << 404;
    QTest::newRow("method not allowed") << QByteArray("PUT") << QStringLiteral("/projects/demo/settings")
                                        << QByteArray() << 405;
    QTest::newRow("malformed json") << QByteArray("PATCH") << QStringLiteral("/projects/demo/settings")
                                    << QByteArray("{\"data_retention\": {\n  \"production\": }") << 400;
    QTest::newRow("wrong type") << QByteArray("POST") << QStringLiteral("/projects/demo/environments/main/backup")
                                << QByteArray(R"({"safe": "yes"})") << 400;
    QTest::newRow("unknown key") << QByteArray("POST") << QStringLiteral("/projects/demo/environments/main/backup")
                                 << QByteArray(R"({"safe": true, "colour": 1})") << 400;
    QTest::newRow("deep nesting") << QByteArray("PATCH") << QStringLiteral("/projects/demo/settings")
                                  << QByteArray(5000, '[') << 400;
    QTest::newRow("not utf-8") << QByteArray("PATCH") << QStringLiteral("/projects/demo/settings")
                               << QByteArray("{\"data_retention\": \"\xff\xfe\"}") << 400;
}

void TestServerApi::errorsHaveTheContractShape()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const auto r = m_http->request(method, path, body, m_admin);
    checkError(r, status);
    if (status == 405)
        QVERIFY(r.header("Allow").contains("GET"));
    if (QByteArray(QTest::currentDataTag()) == "malformed json") {
        const QString message = r.json.toObject().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("line 2, column")), qPrintable(message));
    }
}

void TestServerApi::bodyOverOneMebibyte()
{
    const QByteArray big = "{\"x\": \"" + QByteArray(1024 * 1024 + 10, 'a') + "\"}";
    checkError(m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), big, m_admin), 413);
}

void TestServerApi::survivesManyMalformedRequests()
{
    const QList<QByteArray> shapes {"{\"data_retention\": ", "[1, 2,", "{\"a\" 1}", "nul", "{\"x\": \"\\q\"}",
        "\x01\x02", "{\"data_retention\": {\"production\": {\"max_backups\": 1e999999}}", "{}}"};
    for (int i = 0; i < 1000; ++i) {
        const QByteArray junk = shapes.at(i % shapes.size()) + QByteArray(i % 37, char('[' + i % 3));
        const auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings?dry_run=1"), junk, m_admin);
        QCOMPARE(r.status, 400);
    }
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), m_viewer).status, 200);
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
