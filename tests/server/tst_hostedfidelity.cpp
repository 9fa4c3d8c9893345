// tidemarkd speaks the hosted API's dialect: its answers validate against the hosted schemas
// (tests/fixtures/hosted/upsun-backup-schemas.json) for every field they share, and it takes the hosted
// clients' requests (a JSON token body, environment-scoped activity routes, repeated filters, the restore
// body's resource options). A real server on 127.0.0.1.
#include "schemachecker.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList ids(const QJsonValue& list)
{
    QStringList out;
    for (const QJsonValue& v : list.toArray())
        out.append(v.toObject().value(QStringLiteral("id")).toString());
    return out;
}

} // namespace

class TestHostedFidelity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void schemaCheckerCatchesDeviations();
    void capabilities();
    void tokenExchangeWithJsonBody();
    void backupAnswersValidate();
    void environmentsValidate();
    void environmentScopedActivities();
    void repeatedFilters();
    void cancelledActivityIsComplete();
    void restoreAcceptsHostedOptions();

private:
    // Fails the test with every problem when `value` does not conform to the hosted schema `name`.
    void conforms(const QString& name, const QJsonValue& value);
    QJsonObject takeLiveBackup(const QString& environment);

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    std::optional<SchemaChecker> m_schemas;
    QString m_admin;
    QString m_viewer;
    QJsonObject m_backupActivity;
};

void TestHostedFidelity::initTestCase()
{
    QString error;
    m_schemas = SchemaChecker::load(QStringLiteral(TIDEMARK_FIXTURES_DIR "/hosted/upsun-backup-schemas.json"), &error);
    QVERIFY2(m_schemas, qPrintable(error));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty());
    QVERIFY(!m_viewer.isEmpty());
    m_backupActivity = takeLiveBackup(QStringLiteral("main"));
    QCOMPARE(m_backupActivity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
}

void TestHostedFidelity::cleanupTestCase()
{
    m_server.stop();
}

void TestHostedFidelity::conforms(const QString& name, const QJsonValue& value)
{
    const QStringList problems = m_schemas->check(name, value);
    QVERIFY2(problems.isEmpty(),
        qPrintable(name + QStringLiteral(" does not conform:\n  ") + problems.join(QStringLiteral("\n  "))
            + QStringLiteral("\n") + QString::fromUtf8(QJsonDocument(value.toObject()).toJson())));
}

QJsonObject TestHostedFidelity::takeLiveBackup(const QString& environment)
{
    return m_http->startAndWait("POST", QStringLiteral("/projects/demo/environments/%1/backup").arg(environment),
        json({{QStringLiteral("safe"), false}}), m_admin);
}

void TestHostedFidelity::schemaCheckerCatchesDeviations()
{
    // The yardstick itself: a backup as the first edition sent it (no size_object_storage, no deployment) and
    // values of the wrong type, null where null is not allowed, or outside an enum are all reported.
    const QJsonObject firstEdition {{QStringLiteral("id"), QStringLiteral("5ouvtgo4v75axijww7sqnftste")},
        {QStringLiteral("created_at"), QStringLiteral("2026-11-26T04:00:00Z")},
        {QStringLiteral("updated_at"), QStringLiteral("yesterday")}, {QStringLiteral("attributes"), QJsonObject {}},
        {QStringLiteral("status"), QStringLiteral("GONE")}, {QStringLiteral("expires_at"), QJsonValue::Null},
        {QStringLiteral("index"), QStringLiteral("3")}, {QStringLiteral("commit_id"), QJsonValue::Null},
        {QStringLiteral("environment"), QStringLiteral("main")}, {QStringLiteral("safe"), true},
        {QStringLiteral("size_of_volumes"), 1.5}, {QStringLiteral("size_used"), QJsonValue::Null},
        {QStringLiteral("restorable"), true}, {QStringLiteral("automated"), false}};
    const QString problems = m_schemas->check(QStringLiteral("Backup"), firstEdition).join(QLatin1Char('\n'));
    for (const char* expected : {"size_object_storage: is required", "deployment: is required",
             "updated_at: \"yesterday\" is not an RFC 3339", "status: a string (\"GONE\") is not one of",
             "index: must be of type integer", "commit_id: is null", "size_of_volumes: must be of type integer"})
        QVERIFY2(problems.contains(QLatin1String(expected)),
            qPrintable(QLatin1String(expected) + QStringLiteral(" in:\n") + problems));
    QCOMPARE(m_schemas->check(QStringLiteral("Backup"), firstEdition).size(), 7);
    // Nested objects are checked too (an environment's http_access).
    const QStringList nested = m_schemas->check(QStringLiteral("Environment"),
        QJsonObject {
            {QStringLiteral("http_access"), QJsonObject {{QStringLiteral("is_enabled"), QStringLiteral("no")}}}});
    QVERIFY(nested.contains(QStringLiteral("http_access.is_enabled: must be of type boolean, not a string (\"no\")")));
    QVERIFY(nested.contains(QStringLiteral("http_access.addresses: is required but missing")));
}

void TestHostedFidelity::capabilities()
{
    const TestHttp::Reply anonymous = m_http->get(QStringLiteral("/tidemark"), QString());
    QCOMPARE(anonymous.status, 401);
    const TestHttp::Reply r = m_http->get(QStringLiteral("/tidemark"), m_viewer);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json.toObject();
    QCOMPARE(o.value(QStringLiteral("server")).toString(), QStringLiteral("tidemarkd"));
    QVERIFY(!o.value(QStringLiteral("version")).toString().isEmpty());
    QStringList capabilities;
    for (const QJsonValue& v : o.value(QStringLiteral("capabilities")).toArray())
        capabilities.append(v.toString());
    for (const char* expected : {"annotations", "retention_dry_run", "environment_descriptors", "log_stream", "roles"})
        QVERIFY2(capabilities.contains(QLatin1String(expected)), expected);
}

void TestHostedFidelity::tokenExchangeWithJsonBody()
{
    // The hosted clients send JSON and their own client ids.
    for (const QByteArray& clientId : {QByteArrayLiteral("platform-cli"), QByteArrayLiteral("platform-api-user")}) {
        m_http->setClientId(clientId);
        const TestHttp::Reply r = m_http->request("POST", QStringLiteral("/oauth2/token"),
            json({{QStringLiteral("grant_type"), QStringLiteral("api_token")},
                {QStringLiteral("api_token"), m_server.adminToken()}}));
        QCOMPARE(r.status, 200);
        const QString token = r.json.toObject().value(QStringLiteral("access_token")).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(r.json.toObject().value(QStringLiteral("token_type")).toString(), QStringLiteral("bearer"));
        QCOMPARE(m_http->get(QStringLiteral("/projects/demo"), token).status, 200);
    }
    m_http->setClientId(QByteArrayLiteral("tidemark"));

    const TestHttp::Reply wrongGrant = m_http->request("POST", QStringLiteral("/oauth2/token"),
        json({{QStringLiteral("grant_type"), QStringLiteral("password")},
            {QStringLiteral("api_token"), m_server.adminToken()}}));
    QCOMPARE(wrongGrant.status, 400);
    QCOMPARE(wrongGrant.json.toObject().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    const TestHttp::Reply unknown = m_http->request("POST", QStringLiteral("/oauth2/token"),
        json({{QStringLiteral("grant_type"), QStringLiteral("api_token")},
            {QStringLiteral("api_token"), QStringLiteral("not-a-token")}}));
    QCOMPARE(unknown.status, 400);
    const TestHttp::Reply broken
        = m_http->request("POST", QStringLiteral("/oauth2/token"), QByteArrayLiteral("{\"grant_type\": "));
    QCOMPARE(broken.status, 400);
    QCOMPARE(broken.json.toObject().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void TestHostedFidelity::backupAnswersValidate()
{
    // The 202 envelope and the activities in it.
    const TestHttp::Reply accepted = m_http->request("POST", QStringLiteral("/projects/demo/environments/main/backup"),
        json({{QStringLiteral("safe"), false}}), m_admin);
    QCOMPARE(accepted.status, 202);
    conforms(QStringLiteral("AcceptedResponse"), accepted.json);
    const QJsonArray started = accepted.json.toObject()
                                   .value(QStringLiteral("_embedded"))
                                   .toObject()
                                   .value(QStringLiteral("activities"))
                                   .toArray();
    QCOMPARE(started.size(), 1);
    conforms(QStringLiteral("Activity"), started.at(0));
    const QJsonObject done = m_http->waitForActivity(
        QStringLiteral("demo"), started.at(0).toObject().value(QStringLiteral("id")).toString(), m_admin);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    // The finished activity, as the hosted API has it.
    conforms(QStringLiteral("Activity"), done);
    QCOMPARE(done.value(QStringLiteral("project")).toString(), QStringLiteral("demo"));
    QCOMPARE(done.value(QStringLiteral("completion_percent")).toInt(), 100);
    QVERIFY(done.value(QStringLiteral("failure_reason")).isNull());
    QVERIFY(done.value(QStringLiteral("parameters")).isObject());
    QVERIFY(done.value(QStringLiteral("commands")).isArray());
    QVERIFY(done.value(QStringLiteral("timings")).toObject().contains(QStringLiteral("execute")));
    const QJsonObject payload = done.value(QStringLiteral("payload")).toObject();
    const QJsonObject user = payload.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), QStringLiteral("test admin")); // the API token's name
    QCOMPARE(user.value(QStringLiteral("display_name")).toString(), QStringLiteral("test admin"));
    const QJsonObject environment = payload.value(QStringLiteral("environment")).toObject();
    QCOMPARE(environment.value(QStringLiteral("id")).toString(), QStringLiteral("main"));
    QCOMPARE(environment.value(QStringLiteral("name")).toString(), QStringLiteral("main"));
    QCOMPARE(environment.value(QStringLiteral("type")).toString(), QStringLiteral("production"));
    QVERIFY(!environment.value(QStringLiteral("title")).toString().isEmpty());
    const QString backupId = payload.value(QStringLiteral("backup_name")).toString();
    QVERIFY(!backupId.isEmpty());

    // Every backup of the list, and the new one on its own.
    const TestHttp::Reply list = m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_viewer);
    QCOMPARE(list.status, 200);
    QVERIFY(list.json.toArray().size() >= 2);
    for (const QJsonValue& b : list.json.toArray())
        conforms(QStringLiteral("Backup"), b);
    const TestHttp::Reply one
        = m_http->get(QStringLiteral("/projects/demo/environments/main/backups/") + backupId, m_viewer);
    QCOMPARE(one.status, 200);
    conforms(QStringLiteral("Backup"), one.json);
    QVERIFY(one.json.toObject().value(QStringLiteral("size_object_storage")).isNull());
    QVERIFY(one.json.toObject().value(QStringLiteral("deployment")).isNull());

    // Every activity of the project's list.
    const TestHttp::Reply activities = m_http->get(QStringLiteral("/projects/demo/activities"), m_viewer);
    QCOMPARE(activities.status, 200);
    for (const QJsonValue& a : activities.json.toArray())
        conforms(QStringLiteral("Activity"), a);

    // The extensions are what the contract marks local, nothing else.
    const QStringList extensions = m_schemas->extensions(QStringLiteral("Backup"), one.json);
    QCOMPARE(extensions, (QStringList {QStringLiteral("_links"), QStringLiteral("copies")}));
}

void TestHostedFidelity::environmentsValidate()
{
    const TestHttp::Reply list = m_http->get(QStringLiteral("/projects/demo/environments"), m_admin);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.toArray().size(), 3);
    for (const QJsonValue& e : list.json.toArray())
        conforms(QStringLiteral("Environment"), e);

    const TestHttp::Reply main = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_viewer);
    QCOMPARE(main.status, 200);
    conforms(QStringLiteral("Environment"), main.json);
    const QJsonObject e = main.json.toObject();
    QCOMPARE(e.value(QStringLiteral("project")).toString(), QStringLiteral("demo"));
    QCOMPARE(e.value(QStringLiteral("is_main")).toBool(), true);
    QCOMPARE(e.value(QStringLiteral("has_code")).toBool(), true);
    QVERIFY(e.value(QStringLiteral("attributes")).isObject());
    // head_commit is the code's commit, the one a backup records.
    const TestHttp::Reply backups = m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_viewer);
    const QString commit = backups.json.toArray().first().toObject().value(QStringLiteral("commit_id")).toString();
    QCOMPARE(commit.size(), 40);
    QCOMPARE(e.value(QStringLiteral("head_commit")).toString(), commit);

    const TestHttp::Reply staging = m_http->get(QStringLiteral("/projects/demo/environments/staging"), m_viewer);
    QCOMPARE(staging.json.toObject().value(QStringLiteral("is_main")).toBool(), false);
    const QStringList extensions = m_schemas->extensions(QStringLiteral("Environment"), main.json);
    QCOMPARE(QSet<QString>(extensions.begin(), extensions.end()),
        (QSet<QString> {QStringLiteral("_links"), QStringLiteral("local")}));
}

void TestHostedFidelity::environmentScopedActivities()
{
    const QString id = m_backupActivity.value(QStringLiteral("id")).toString();
    const TestHttp::Reply scoped
        = m_http->get(QStringLiteral("/projects/demo/environments/main/activities/") + id, m_viewer);
    QCOMPARE(scoped.status, 200);
    QCOMPARE(scoped.json.toObject().value(QStringLiteral("id")).toString(), id);
    conforms(QStringLiteral("Activity"), scoped.json);
    // An activity that does not concern the environment in the path does not exist there.
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/staging/activities/") + id, m_viewer).status, 404);
    QCOMPARE(m_http->get(QStringLiteral("/projects/demo/environments/nowhere/activities/") + id, m_viewer).status, 404);
    const TestHttp::Reply log
        = m_http->get(QStringLiteral("/projects/demo/environments/main/activities/%1/log").arg(id), m_viewer);
    QCOMPARE(log.status, 200);
    QVERIFY(log.body.endsWith("{\"seal\":true}\n"));
    // Cancel through the environment's path: a finished activity is not cancellable (409), a foreign one 404.
    QCOMPARE(m_http
                 ->request("POST", QStringLiteral("/projects/demo/environments/main/activities/%1/cancel").arg(id), {},
                     m_admin)
                 .status,
        409);
    QCOMPARE(m_http
                 ->request("POST", QStringLiteral("/projects/demo/environments/staging/activities/%1/cancel").arg(id),
                     {}, m_admin)
                 .status,
        404);
}

void TestHostedFidelity::repeatedFilters()
{
    QCOMPARE(takeLiveBackup(QStringLiteral("staging")).value(QStringLiteral("result")).toString(),
        QStringLiteral("success"));
    const TestHttp::Reply staging
        = m_http->get(QStringLiteral("/projects/demo/activities?type=environment.backup"), m_viewer);
    QCOMPARE(staging.status, 200);
    const int backups = int(staging.json.toArray().size());
    QVERIFY(backups >= 3);

    // Either type: backups plus deletions (none yet) is the backups.
    const TestHttp::Reply either = m_http->get(
        QStringLiteral("/projects/demo/activities?type=environment.backup&type=environment.backup.delete"), m_viewer);
    QCOMPARE(either.status, 200);
    const TestHttp::Reply deletions
        = m_http->get(QStringLiteral("/projects/demo/activities?type=environment.backup.delete"), m_viewer);
    QCOMPARE(either.json.toArray().size(), backups + deletions.json.toArray().size());

    const TestHttp::Reply results
        = m_http->get(QStringLiteral("/projects/demo/activities?result=success&result=failure"), m_viewer);
    QCOMPARE(results.status, 200);
    for (const QJsonValue& a : results.json.toArray())
        QVERIFY(!a.toObject().value(QStringLiteral("result")).isNull());
    const TestHttp::Reply failures = m_http->get(QStringLiteral("/projects/demo/activities?result=failure"), m_viewer);
    QCOMPARE(failures.status, 200);
    QVERIFY(failures.json.toArray().isEmpty());

    const TestHttp::Reply states = m_http->get(
        QStringLiteral("/projects/demo/environments/staging/activities?state=complete&state=cancelled"), m_viewer);
    QCOMPARE(states.status, 200);
    QCOMPARE(states.json.toArray().size(), 1);

    const TestHttp::Reply badResult
        = m_http->get(QStringLiteral("/projects/demo/activities?result=success&result=maybe"), m_viewer);
    QCOMPARE(badResult.status, 400);
    QVERIFY(badResult.json.toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("maybe")));
}

void TestHostedFidelity::cancelledActivityIsComplete()
{
    // A second backup waits behind the first on the same environment; cancelling it while it waits.
    const TestHttp::Reply first = m_http->request("POST", QStringLiteral("/projects/demo/environments/staging/backup"),
        json({{QStringLiteral("safe"), false}}), m_admin);
    const TestHttp::Reply second = m_http->request("POST", QStringLiteral("/projects/demo/environments/staging/backup"),
        json({{QStringLiteral("safe"), false}}), m_admin);
    QCOMPARE(first.status, 202);
    QCOMPARE(second.status, 202);
    const QString waiting = TestHttp::activityId(second);
    const TestHttp::Reply cancel = m_http->request(
        "POST", QStringLiteral("/projects/demo/environments/staging/activities/%1/cancel").arg(waiting), {}, m_admin);
    QCOMPARE(cancel.status, 200);
    conforms(QStringLiteral("AcceptedResponse"), cancel.json);
    const QJsonObject cancelled = m_http->waitForActivity(QStringLiteral("demo"), waiting, m_admin);
    QCOMPARE(cancelled.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(cancelled.value(QStringLiteral("completion_percent")).toInt(), 100);
    conforms(QStringLiteral("Activity"), cancelled);
    QVERIFY(m_http->waitForActivity(QStringLiteral("demo"), TestHttp::activityId(first), m_admin)
                .value(QStringLiteral("result"))
        == QJsonValue(QStringLiteral("success")));
}

void TestHostedFidelity::restoreAcceptsHostedOptions()
{
    const QString backupId
        = m_backupActivity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    const QString path = QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(backupId);

    const TestHttp::Reply bad = m_http->request("POST", path,
        json({{QStringLiteral("restore_code"), false},
            {QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), QStringLiteral("huge")}}}}),
        m_admin);
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.json.toObject().value(QStringLiteral("detail")).toObject().contains(QStringLiteral("resources.init")));
    const TestHttp::Reply badFlag
        = m_http->request("POST", path, json({{QStringLiteral("restore_resources"), QStringLiteral("yes")}}), m_admin);
    QCOMPARE(badFlag.status, 400);

    const QJsonObject restored = m_http->startAndWait("POST", path,
        json({{QStringLiteral("restore_code"), false}, {QStringLiteral("environment_name"), QJsonValue::Null},
            {QStringLiteral("branch_from"), QJsonValue::Null}, {QStringLiteral("restore_resources"), true},
            {QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), QStringLiteral("parent")}}}}),
        m_admin);
    QCOMPARE(restored.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    conforms(QStringLiteral("Activity"), restored);
    const QJsonObject payload = restored.value(QStringLiteral("payload")).toObject();
    QCOMPARE(payload.value(QStringLiteral("restore_resources")).toBool(), true);
    QCOMPARE(payload.value(QStringLiteral("resources")).toObject().value(QStringLiteral("init")).toString(),
        QStringLiteral("parent"));
    QCOMPARE(payload.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("test admin"));
    QCOMPARE(payload.value(QStringLiteral("environment")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("main"));
    QVERIFY(ids(m_http->get(QStringLiteral("/projects/demo/activities?type=environment.restore"), m_viewer).json)
                .contains(restored.value(QStringLiteral("id")).toString()));
}

QTEST_GUILESS_MAIN(TestHostedFidelity)
#include "tst_hostedfidelity.moc"
