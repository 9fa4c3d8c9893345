// ApiClient against a real tidemarkd on loopback, and against scripted servers for what tidemarkd never does.
#include "client/activityfollower.h"
#include "client/apiclient.h"
#include "client/apijob.h"
#include "clienttestsupport.h"
#include "hostedstandin.h"
#include "serverprocess.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QThread>
#include <QtTest>

namespace {

const QString kProject = QStringLiteral("demo");

const Environment* findEnvironment(const QList<Environment>& list, const QString& id)
{
    for (const Environment& e : list) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

// Follows an activity to its end; returns the final activity (or an empty one on a failure of the test).
struct Followed
{
    Activity activity;
    ApiError error;
    QStringList lines;
    QList<int> progress;
    int finishedCount = 0;
};

Followed follow(ApiClient* client, const QString& activityId, int timeoutMs = 60000)
{
    Followed out;
    ActivityFollower follower(client, kProject, activityId);
    QObject::connect(&follower, &ActivityFollower::logLine, &follower, [&](const QString& l) { out.lines.append(l); });
    QObject::connect(&follower, &ActivityFollower::progress, &follower, [&](int p) { out.progress.append(p); });
    QObject::connect(&follower, &ActivityFollower::finished, &follower, [&](const Activity& a, const ApiError& e) {
        ++out.finishedCount;
        out.activity = a;
        out.error = e;
    });
    if (!QTest::qWaitFor([&] { return out.finishedCount > 0; }, timeoutMs))
        qWarning("the follower of %s did not finish within %d ms", qPrintable(activityId), timeoutMs);
    // finished() exactly once: nothing more arrives afterwards.
    QTest::qWait(50);
    return out;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void projects();
    void environmentsAndCapabilities();
    void environmentAndNotFound();
    void createBackupAndFollowIt();
    void backupsAndBackup();
    void annotateBackup();
    void restoreBackupWithoutCode();
    void deleteBackup();
    void activitiesWithFilters();
    void activity();
    void cancelActivity();
    void settings();
    void updateRetentionDryRun();
    void updateRetention();
    void validationErrorMessage();
    void serverInfoOfTidemarkd();
    void hostedShapes();
    void viewerIsForbidden();
    void wrongApiTokenIsAuth();
    void concurrentCallsShareOneExchange();
    void resultsArriveOnTheClientThread();
    void reexchangesAfterServerRestart();
    void refusedAfterReexchangeIsAuth();
    void timeout();
    void malformedJsonIsDecodeError();
    void listItemThatDoesNotDecode();
    void errorBodies();
    void jobEmptyAnswerAndAbort();
    void onlyIdempotentCallsAreRetried();
    void serverKilledWhileCallsArePending();

private:
    std::unique_ptr<ApiClient> makeClient(const QString& token);
    void setStagingPauseHook(const QString& command);

    ServerProcess m_server;
    std::unique_ptr<ApiClient> m_admin;
    std::unique_ptr<ApiClient> m_viewer;
    QString m_backupId;
    QString m_backupActivityId;
};

std::unique_ptr<ApiClient> TestApiClient::makeClient(const QString& token)
{
    auto client = std::make_unique<ApiClient>();
    client->setConnection(connectionTo(m_server.url(), token));
    client->setTimeout(20000);
    return client;
}

void TestApiClient::setStagingPauseHook(const QString& command)
{
    TestHttp http(m_server.url());
    const QString access = http.exchange(m_server.adminToken());
    QJsonObject local = http.get(QStringLiteral("/projects/demo/environments/staging"), access)
                            .json.toObject()
                            .value(QStringLiteral("local"))
                            .toObject();
    local.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), command}, {QStringLiteral("resume"), QStringLiteral("true")}});
    const auto r = http.request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
        QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson(), access);
    QCOMPARE(r.status, 200);
}

void TestApiClient::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_admin = makeClient(m_server.adminToken());
    m_viewer = makeClient(m_server.viewerToken());
}

void TestApiClient::cleanupTestCase()
{
    m_admin.reset();
    m_viewer.reset();
    m_server.stop();
}

void TestApiClient::serverInfoOfTidemarkd()
{
    const auto r = await(m_viewer->serverInfo());
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QVERIFY(r.value->isTidemark());
    QCOMPARE(r.value->server, QStringLiteral("tidemarkd"));
    QVERIFY(r.value->has(Capability::Annotations));
    QVERIFY(r.value->has(Capability::RetentionDryRun));
    QVERIFY(!r.value->has(QStringLiteral("no-such-capability")));

    // Activities name who started them and the hosted environment object; both read back.
    const auto a = await(m_admin->activity(kProject, m_backupActivityId));
    QVERIFY2(a.ok(), qPrintable(a.error.message()));
    QCOMPARE(a.value->payloadUser(), QStringLiteral("test admin"));
    QCOMPARE(a.value->payloadEnvironment(), QStringLiteral("main"));
    QVERIFY(a.value->payload.value(QStringLiteral("environment")).isObject());
    QCOMPARE(a.value->project, kProject);
    QVERIFY(a.value->updatedAtMs.has_value());
}

void TestApiClient::hostedShapes()
{
    // The hosted API has no /tidemark (404): a success with no capabilities, not an error.
    HostedStandIn hosted;
    QVERIFY2(hosted.start(), qPrintable(hosted.error()));
    ApiClient client;
    client.setConnection(connectionTo(hosted.url(), QStringLiteral("hosted-api-token")));
    const auto info = await(client.serverInfo());
    QVERIFY2(info.ok(), qPrintable(info.error.message()));
    QVERIFY(!info.value->isTidemark());
    QVERIFY(info.value->capabilities.isEmpty());
    QVERIFY(!info.value->has(Capability::Annotations));

    // payload.environment and payload.user as hosted objects.
    const auto activity = await(client.activity(hosted.project(), QStringLiteral("ms6sde4hnrlpc")));
    QVERIFY2(activity.ok(), qPrintable(activity.error.message()));
    QCOMPARE(activity.value->payloadEnvironment(), QStringLiteral("main"));
    QCOMPARE(activity.value->payloadUser(), QStringLiteral("Ana Admin"));
    QCOMPARE(activity.value->project, hosted.project());
    QVERIFY(activity.value->description.has_value());

    // Repeated filters go out as repeated parameters.
    ApiClient::ActivityFilter filter;
    filter.types = {QStringLiteral("environment.backup"), QStringLiteral("environment.restore")};
    filter.results = {QStringLiteral("failure")};
    const auto list = await(client.activities(hosted.project(), filter));
    QVERIFY2(list.ok(), qPrintable(list.error.message()));
    QCOMPARE(hosted.requests().last().query,
        QStringLiteral("type=environment.backup&type=environment.restore&result=failure"));

    // Cancel: the hosted answer is only {"status", "code"}; the client reads the activity afterwards.
    const int before = int(hosted.requests().size());
    const auto cancelled = await(client.cancelActivity(hosted.project(), QStringLiteral("ms6sde4hnrlpc")));
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error.message()));
    QCOMPARE(cancelled.value->id, QStringLiteral("ms6sde4hnrlpc"));
    QCOMPARE(hosted.requests().size(), before + 2);
    QCOMPARE(hosted.requests().at(before).method, QByteArray("POST"));
    QCOMPARE(hosted.requests().at(before + 1).method, QByteArray("GET"));
}

void TestApiClient::projects()
{
    QSignalSpy states(m_admin.get(), &ApiClient::stateChanged);
    const auto r = await(m_admin->projects());
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->size(), 1);
    QCOMPARE(r.value->at(0).id, kProject);
    QVERIFY(!r.value->at(0).title.isEmpty());
    QCOMPARE(m_admin->state(), ApiClient::State::Connected);
    QCOMPARE(states.size(), 1);
    QCOMPARE(m_admin->tokenExchanges(), 1);
}

void TestApiClient::environmentsAndCapabilities()
{
    const auto admin = await(m_admin->environments(kProject));
    QVERIFY2(admin.ok(), qPrintable(admin.error.message()));
    QCOMPARE(admin.value->size(), 3);
    const Environment* main = findEnvironment(*admin.value, QStringLiteral("main"));
    const Environment* feature = findEnvironment(*admin.value, QStringLiteral("feature-x"));
    QVERIFY(main && feature);
    QCOMPARE(main->type, EnvironmentType::Production);
    QCOMPARE(main->status, Environment::Status::Active);
    QVERIFY(ApiClient::canBackup(*main));
    QCOMPARE(feature->status, Environment::Status::Inactive);
    QVERIFY(!ApiClient::canBackup(*feature));

    const auto viewer = await(m_viewer->environments(kProject));
    QVERIFY2(viewer.ok(), qPrintable(viewer.error.message()));
    const Environment* viewersMain = findEnvironment(*viewer.value, QStringLiteral("main"));
    QVERIFY(viewersMain);
    QVERIFY(!ApiClient::canBackup(*viewersMain));
}

void TestApiClient::environmentAndNotFound()
{
    const auto r = await(m_admin->environment(kProject, QStringLiteral("staging")));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->id, QStringLiteral("staging"));
    QCOMPARE(r.value->parent, std::optional<QString>(QStringLiteral("main")));
    QVERIFY(r.value->local.has_value());

    const auto missing = await(m_admin->environment(kProject, QStringLiteral("no such/env")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error.kind, ApiError::Kind::Http);
    QCOMPARE(missing.error.httpStatus, 404);
    QVERIFY2(missing.error.message().startsWith(QStringLiteral("Not found: ")), qPrintable(missing.error.message()));
    // The segment was percent-encoded: the slash did not become a path separator.
    QVERIFY2(missing.error.url.endsWith(QStringLiteral("/environments/no such%2Fenv")), qPrintable(missing.error.url));
    QCOMPARE(m_admin->state(), ApiClient::State::Connected);
}

void TestApiClient::createBackupAndFollowIt()
{
    const auto r = await(m_admin->createBackup(kProject, QStringLiteral("main"), true));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->size(), 1);
    const Activity started = r.value->at(0);
    QCOMPARE(started.type, QStringLiteral("environment.backup"));
    QCOMPARE(started.environments, QStringList {QStringLiteral("main")});
    m_backupId = started.payload.value(QStringLiteral("backup_name")).toString();
    m_backupActivityId = started.id;
    QCOMPARE(m_backupId.size(), 26);

    const Followed f = follow(m_admin.get(), started.id);
    QCOMPARE(f.finishedCount, 1);
    QVERIFY2(!f.error.isError(), qPrintable(f.error.message()));
    QCOMPARE(f.activity.state, Activity::State::Complete);
    QCOMPARE(f.activity.result, std::optional<Activity::Result>(Activity::Result::Success));
    QVERIFY(!f.progress.isEmpty());
    QCOMPARE(f.progress.last(), 100);
    for (qsizetype i = 1; i < f.progress.size(); ++i)
        QVERIFY(f.progress.at(i) != f.progress.at(i - 1));
    // Every line of the log, once each, in order.
    QVERIFY(f.lines.size() >= 3);
    QCOMPARE(f.lines.join(QLatin1Char('\n')), f.activity.log);
}

void TestApiClient::backupsAndBackup()
{
    QVERIFY(!m_backupId.isEmpty());
    const auto list = await(m_admin->backups(kProject, QStringLiteral("main")));
    QVERIFY2(list.ok(), qPrintable(list.error.message()));
    QCOMPARE(list.value->size(), 1);
    QCOMPARE(list.value->at(0).id, m_backupId);

    const auto one = await(m_admin->backup(kProject, QStringLiteral("main"), m_backupId));
    QVERIFY2(one.ok(), qPrintable(one.error.message()));
    QCOMPARE(one.value->environment, QStringLiteral("main"));
    QVERIFY(one.value->safe);
    QVERIFY(!one.value->automated);
    QVERIFY(ApiClient::canRestore(*one.value));
    QVERIFY(ApiClient::canDelete(*one.value));

    const auto viewers = await(m_viewer->backup(kProject, QStringLiteral("main"), m_backupId));
    QVERIFY2(viewers.ok(), qPrintable(viewers.error.message()));
    QVERIFY(!ApiClient::canRestore(*viewers.value));
    QVERIFY(!ApiClient::canDelete(*viewers.value));
}

void TestApiClient::annotateBackup()
{
    auto r = await(m_admin->annotateBackup(
        kProject, QStringLiteral("main"), m_backupId, QStringLiteral("before the upgrade"), true));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->attributes.value(QStringLiteral("note")), QStringLiteral("before the upgrade"));
    QVERIFY(r.value->isProtected());

    // A protected backup cannot be deleted: a 409 with the server's reason.
    const auto refused = await(m_admin->deleteBackup(kProject, QStringLiteral("main"), m_backupId));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.kind, ApiError::Kind::Http);
    QCOMPARE(refused.error.httpStatus, 409);
    QVERIFY2(refused.error.message().contains(refused.error.serverMessage), qPrintable(refused.error.message()));

    // Only the protection changes; the note stays.
    r = await(m_admin->annotateBackup(kProject, QStringLiteral("main"), m_backupId, std::nullopt, false));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QVERIFY(!r.value->isProtected());
    QCOMPARE(r.value->attributes.value(QStringLiteral("note")), QStringLiteral("before the upgrade"));
}

void TestApiClient::restoreBackupWithoutCode()
{
    ApiClient::RestoreOptions options;
    options.restoreCode = false;
    options.safetyBackup = false; // one activity, and the backup list below stays empty after the delete
    const auto r = await(m_admin->restoreBackup(kProject, QStringLiteral("main"), m_backupId, options));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->size(), 1);
    QCOMPARE(r.value->at(0).type, QStringLiteral("environment.restore"));
    QCOMPARE(r.value->at(0).payload.value(QStringLiteral("restore_code")).toBool(true), false);
    const Followed f = follow(m_admin.get(), r.value->at(0).id);
    QCOMPARE(f.finishedCount, 1);
    QCOMPARE(f.activity.result, std::optional<Activity::Result>(Activity::Result::Success));
    QVERIFY2(f.activity.log.contains(QStringLiteral("Restore code is off")), qPrintable(f.activity.log));
    QCOMPARE(f.lines.join(QLatin1Char('\n')), f.activity.log);
}

void TestApiClient::deleteBackup()
{
    const auto r = await(m_admin->deleteBackup(kProject, QStringLiteral("main"), m_backupId));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->size(), 1);
    QCOMPARE(r.value->at(0).type, QStringLiteral("environment.backup.delete"));
    const Followed f = follow(m_admin.get(), r.value->at(0).id);
    QCOMPARE(f.activity.result, std::optional<Activity::Result>(Activity::Result::Success));
    const auto list = await(m_admin->backups(kProject, QStringLiteral("main")));
    QVERIFY2(list.ok(), qPrintable(list.error.message()));
    QVERIFY(list.value->isEmpty());
}

void TestApiClient::activitiesWithFilters()
{
    ApiClient::ActivityFilter filter;
    auto all = await(m_admin->activities(kProject, filter));
    QVERIFY2(all.ok(), qPrintable(all.error.message()));
    QVERIFY(all.value->size() >= 3);

    filter.types = {QStringLiteral("environment.backup")};
    auto backups = await(m_admin->activities(kProject, filter));
    QVERIFY2(backups.ok(), qPrintable(backups.error.message()));
    QVERIFY(!backups.value->isEmpty());
    for (const Activity& a : *backups.value)
        QCOMPARE(a.type, QStringLiteral("environment.backup"));

    // Repeated parameters: either type, either result.
    filter = {};
    filter.types = {QStringLiteral("environment.backup"), QStringLiteral("environment.restore")};
    filter.results = {QStringLiteral("success"), QStringLiteral("failure")};
    auto either = await(m_admin->activities(kProject, filter));
    QVERIFY2(either.ok(), qPrintable(either.error.message()));
    int backupsOrRestores = 0;
    for (const Activity& a : *all.value) {
        if ((a.type == QLatin1String("environment.backup") || a.type == QLatin1String("environment.restore"))
            && a.result)
            ++backupsOrRestores;
    }
    QCOMPARE(either.value->size(), backupsOrRestores);
    QVERIFY(std::any_of(either.value->begin(), either.value->end(),
        [](const Activity& a) { return a.type == QLatin1String("environment.restore"); }));
    for (const Activity& a : *either.value)
        QVERIFY(a.result.has_value());
    filter.results = {QStringLiteral("failure")};
    auto failed = await(m_admin->activities(kProject, filter));
    QVERIFY2(failed.ok(), qPrintable(failed.error.message()));
    for (const Activity& a : *failed.value)
        QCOMPARE(a.result, Activity::Result::Failure);

    filter = {};
    filter.states = {QStringLiteral("complete")};
    filter.count = 1;
    auto one = await(m_admin->activities(kProject, filter));
    QVERIFY2(one.ok(), qPrintable(one.error.message()));
    QCOMPARE(one.value->size(), 1);
    QCOMPARE(one.value->at(0).state, Activity::State::Complete);

    filter = {};
    filter.environment = QStringLiteral("staging");
    auto staging = await(m_admin->activities(kProject, filter));
    QVERIFY2(staging.ok(), qPrintable(staging.error.message()));
    QVERIFY(staging.value->isEmpty());

    filter = {};
    filter.states = {QStringLiteral("complete"), QStringLiteral("sleeping & dreaming")};
    auto bad = await(m_admin->activities(kProject, filter));
    QCOMPARE(bad.error.kind, ApiError::Kind::Http);
    QCOMPARE(bad.error.httpStatus, 400);
    // The value was percent-encoded, so the server saw all of it (and named it).
    QVERIFY2(bad.error.message().contains(QStringLiteral("sleeping & dreaming")), qPrintable(bad.error.message()));
}

void TestApiClient::activity()
{
    const auto r = await(m_admin->activity(kProject, m_backupActivityId));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->id, m_backupActivityId);
    QCOMPARE(r.value->completionPercent, 100);
    QVERIFY(r.value->links.has(QStringLiteral("log")));
    QVERIFY(!ApiClient::canCancel(*r.value));
}

void TestApiClient::cancelActivity()
{
    setStagingPauseHook(QStringLiteral("sleep 3"));
    const auto r = await(m_admin->createBackup(kProject, QStringLiteral("staging"), true));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    const QString id = r.value->at(0).id;

    // Cancel while the environment is paused.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto a = await(m_admin->activity(kProject, id));
            return a.ok() && a.value->log.contains(QStringLiteral("Pausing the environment"));
        },
        20000));
    const auto running = await(m_admin->activity(kProject, id));
    QVERIFY(running.ok());
    QVERIFY(ApiClient::canCancel(*running.value));

    const auto forbidden = await(m_viewer->cancelActivity(kProject, id));
    QCOMPARE(forbidden.error.httpStatus, 403);
    const auto cancelled = await(m_admin->cancelActivity(kProject, id));
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.error.message()));
    QCOMPARE(cancelled.value->id, id);

    const Followed f = follow(m_admin.get(), id);
    QCOMPARE(f.finishedCount, 1);
    QCOMPARE(f.activity.state, Activity::State::Cancelled);
    QCOMPARE(f.lines.join(QLatin1Char('\n')), f.activity.log);
    setStagingPauseHook(QStringLiteral("true"));
}

void TestApiClient::settings()
{
    const auto r = await(m_viewer->settings(kProject));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    const RetentionPolicy production = r.value->policyFor(EnvironmentType::Production);
    QCOMPARE(production.manualCount, 2);
    QCOMPARE(production.schedules.size(), 1);
    QVERIFY(!production.maxBackups.has_value());
}

void TestApiClient::updateRetentionDryRun()
{
    const auto before = await(m_admin->settings(kProject));
    QVERIFY(before.ok());
    const QJsonObject change {{QStringLiteral("staging"), QJsonObject {{QStringLiteral("max_backups"), 9}}}};
    const auto r = await(m_admin->updateRetention(kProject, change, true));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->settings.policyFor(EnvironmentType::Staging).maxBackups, std::optional<int>(9));
    QVERIFY(r.value->preview.contains(QStringLiteral("main")));
    QVERIFY(r.value->preview.value(QStringLiteral("staging")).toObject().contains(QStringLiteral("backups")));
    const auto after = await(m_admin->settings(kProject));
    QVERIFY(after.ok());
    QVERIFY(*after.value == *before.value);
}

void TestApiClient::updateRetention()
{
    const QJsonObject change {{QStringLiteral("staging"), QJsonObject {{QStringLiteral("max_backups"), 9}}}};
    auto r = await(m_admin->updateRetention(kProject, change, false));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->settings.policyFor(EnvironmentType::Staging).maxBackups, std::optional<int>(9));
    QVERIFY(r.value->preview.isEmpty());
    const auto after = await(m_admin->settings(kProject));
    QVERIFY(after.ok());
    QCOMPARE(after.value->policyFor(EnvironmentType::Staging).maxBackups, std::optional<int>(9));

    r = await(m_admin->updateRetention(kProject,
        QJsonObject {{QStringLiteral("staging"), QJsonObject {{QStringLiteral("max_backups"), QJsonValue()}}}}, false));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QVERIFY(!r.value->settings.policyFor(EnvironmentType::Staging).maxBackups.has_value());
}

void TestApiClient::validationErrorMessage()
{
    const QJsonObject change {{QStringLiteral("production"),
        QJsonObject {{QStringLiteral("default_config"),
            QJsonObject {{QStringLiteral("schedule"),
                QJsonArray {QJsonObject {
                    {QStringLiteral("interval"), QStringLiteral("5x")}, {QStringLiteral("count"), 3}}}}}}}}};
    const auto r = await(m_admin->updateRetention(kProject, change, true));
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 400);
    QVERIFY(r.error.detail.contains(QStringLiteral("data_retention.production.default_config.schedule[0].interval")));
    const QString text = r.error.message();
    QVERIFY2(text.startsWith(QStringLiteral("The server rejected the request: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("schedule[0].interval")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("'5x' is not an interval")), qPrintable(text));
}

void TestApiClient::viewerIsForbidden()
{
    const auto r = await(m_viewer->createBackup(kProject, QStringLiteral("main"), true));
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 403);
    QVERIFY(!r.error.serverMessage.isEmpty());
    const QString text = r.error.message();
    QVERIFY2(text.startsWith(QStringLiteral("You are not allowed to do this: ")), qPrintable(text));
    QVERIFY2(text.contains(r.error.serverMessage), qPrintable(text));
    QCOMPARE(m_viewer->state(), ApiClient::State::Connected);
}

void TestApiClient::wrongApiTokenIsAuth()
{
    auto client = makeClient(QStringLiteral("not-a-token"));
    QSignalSpy states(client.get(), &ApiClient::stateChanged);
    const auto r = await(client->projects());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Auth);
    QCOMPARE(r.error.httpStatus, 400);
    QVERIFY(!r.error.serverMessage.isEmpty());
    QVERIFY2(r.error.message().startsWith(QStringLiteral("The API token was not accepted by 127.0.0.1:")),
        qPrintable(r.error.message()));
    QCOMPARE(client->state(), ApiClient::State::Unauthorized);
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.at(0).at(0).value<ApiClient::State>(), ApiClient::State::Unauthorized);
    QCOMPARE(client->tokenExchanges(), 0);
}

void TestApiClient::concurrentCallsShareOneExchange()
{
    auto client = makeClient(m_server.adminToken());
    QList<QFuture<ApiResult<Environment>>> futures;
    for (const QString& name : {QStringLiteral("main"), QStringLiteral("staging"), QStringLiteral("feature-x")}) {
        futures.append(client->environment(kProject, name));
        futures.append(client->environment(kProject, name));
    }
    for (const auto& future : futures) {
        const auto r = await(future);
        QVERIFY2(r.ok(), qPrintable(r.error.message()));
    }
    QCOMPARE(client->tokenExchanges(), 1);
}

void TestApiClient::resultsArriveOnTheClientThread()
{
    QObject context;
    QThread* seenOn = nullptr;
    bool called = false;
    const auto future = m_admin->projects().then(&context, [&](const ApiResult<QList<Project>>& r) {
        seenOn = QThread::currentThread();
        called = r.ok();
    });
    QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
    QCOMPARE(seenOn, QThread::currentThread());

    // onResult: a context that is gone before the answer gets no call, and nothing crashes.
    int calls = 0;
    auto* shortLived = new QObject;
    ApiClient::onResult(m_admin->projects(), shortLived, [&](const ApiResult<QList<Project>>&) { ++calls; });
    delete shortLived;
    QObject longLived;
    ApiClient::onResult(m_admin->projects(), &longLived, [&](const ApiResult<QList<Project>>& r) {
        QCOMPARE(QThread::currentThread(), longLived.thread());
        calls += r.ok() ? 10 : 100;
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 10, 10000);

    // A client destroyed with calls pending: the futures end (cancelled), nothing hangs.
    auto client = makeClient(m_server.adminToken());
    const auto pending = client->projects();
    ApiError seen;
    ApiClient::onResult(pending, &longLived, [&](const ApiResult<QList<Project>>& r) { seen = r.error; });
    client.reset();
    QTRY_COMPARE_WITH_TIMEOUT(seen.kind, ApiError::Kind::Cancelled, 5000);
}

void TestApiClient::reexchangesAfterServerRestart()
{
    auto client = makeClient(m_server.adminToken());
    QVERIFY(await(client->projects()).ok());
    QCOMPARE(client->tokenExchanges(), 1);
    // Access tokens live in the server's memory: the restarted server refuses the old one with a 401.
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    const auto r = await(client->environments(kProject));
    QVERIFY2(r.ok(), qPrintable(r.error.message()));
    QCOMPARE(r.value->size(), 3);
    QCOMPARE(client->tokenExchanges(), 2);
    QCOMPARE(client->state(), ApiClient::State::Connected);
}

void TestApiClient::refusedAfterReexchangeIsAuth()
{
    // An API that refuses every access token: one re-exchange and one retry, then Auth (no loop).
    FakeHttpServer refusing(FakeHttpServer::http(
        401, R"({"code": 401, "title": "Unauthorized", "message": "The access token is not valid."})"));
    QVERIFY(refusing.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(refusing.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    const auto r = await(client.projects(), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Auth);
    QCOMPARE(r.error.httpStatus, 401);
    QCOMPARE(r.error.serverMessage, QStringLiteral("The access token is not valid."));
    QCOMPARE(refusing.requests(), 2);
    QCOMPARE(client.tokenExchanges(), 2);
    QCOMPARE(client.state(), ApiClient::State::Unauthorized);
}

void TestApiClient::timeout()
{
    FakeHttpServer silent;
    QVERIFY(silent.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(silent.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    client.setTimeout(500);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto r = await(client.projects(), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
    QVERIFY(r.error.url.startsWith(silent.url()));
    QVERIFY2(elapsed.elapsed() >= 450 && elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY2(r.error.message().endsWith(QStringLiteral("did not answer within 0.5 s.")), qPrintable(r.error.message()));
    QCOMPARE(client.state(), ApiClient::State::Disconnected);
    // A timeout is not retried, not even for a GET.
    QCOMPARE(silent.requests(), 1);

    elapsed.restart();
    const auto post = await(client.createBackup(kProject, QStringLiteral("main"), true), 10000);
    QCOMPARE(post.error.kind, ApiError::Kind::Timeout);
    QVERIFY(elapsed.elapsed() < 3000);
}

void TestApiClient::malformedJsonIsDecodeError()
{
    FakeHttpServer broken(FakeHttpServer::http(200, "{\"id\": \"demo\", \"title\": "));
    QVERIFY(broken.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(broken.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    const auto r = await(client.projects(), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Decode);
    QVERIFY(!r.error.problems.isEmpty());
    QVERIFY2(r.error.message().startsWith(
                 QStringLiteral("The server's answer could not be read: malformed JSON at line 1, column")),
        qPrintable(r.error.message()));

    // JSON, but not the shape promised.
    broken.setAnswer(FakeHttpServer::http(200, "{\"not\": \"a list\"}"));
    const auto shape = await(client.backups(kProject, QStringLiteral("main")), 10000);
    QCOMPARE(shape.error.kind, ApiError::Kind::Decode);
    broken.setAnswer(FakeHttpServer::http(202, "{\"status\": \"accepted\"}"));
    const auto accepted = await(client.createBackup(kProject, QStringLiteral("main"), true), 10000);
    QCOMPARE(accepted.error.kind, ApiError::Kind::Decode);
    QVERIFY2(accepted.error.message().contains(QStringLiteral("_embedded.activities")),
        qPrintable(accepted.error.message()));
}

void TestApiClient::listItemThatDoesNotDecode()
{
    const QByteArray good = R"({"id": "5ouvtgo4v75axijww7sqnftste", "created_at": "2026-11-26T04:00:00Z",
        "environment": "main", "status": "CREATED"})";
    const QByteArray missingTime = R"({"id": "aaaavtgo4v75axijww7sqnftst", "environment": "main"})";
    FakeHttpServer server(FakeHttpServer::http(200, "[" + good + ", " + good + ", " + good + ", " + missingTime + "]"));
    QVERIFY(server.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(server.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    const auto r = await(client.backups(kProject, QStringLiteral("main")), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Decode);
    QCOMPARE(r.error.problems.size(), 1);
    QCOMPARE(r.error.problems.at(0).path, QStringLiteral("[3].created_at"));
    QVERIFY2(r.error.message().contains(QStringLiteral("[3].created_at")), qPrintable(r.error.message()));
    // The request carried the access token and asked for the environment's backups.
    QVERIFY(server.lastRequest().startsWith("GET /projects/demo/environments/main/backups HTTP/1.1"));
    QVERIFY(server.lastRequest().contains("Authorization: Bearer "));
}

void TestApiClient::errorBodies()
{
    FakeHttpServer server(FakeHttpServer::http(
        500, R"({"code": 500, "title": "Internal Server Error", "message": "The settings could not be saved."})"));
    QVERIFY(server.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(server.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    auto r = await(client.settings(kProject), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 500);
    QCOMPARE(r.error.message(), QStringLiteral("The server failed (HTTP 500): The settings could not be saved."));
    QCOMPARE(client.state(), ApiClient::State::Connected);

    // Not ours at all (a proxy's HTML page): the status and reason phrase still make a sentence.
    server.setAnswer(FakeHttpServer::http(502, "<html>bad gateway</html>", "text/html"));
    r = await(client.settings(kProject), 10000);
    QCOMPARE(r.error.httpStatus, 502);
    QCOMPARE(r.error.message(), QStringLiteral("The server failed (HTTP 502): Whatever"));

    // OAuth's shape from the token endpoint.
    server.setAnswer(FakeHttpServer::http(400, R"({"error": "invalid_grant", "error_description": "Token expired."})"));
    client.setConnection(
        connectionTo(server.url(), server.url() + QStringLiteral("/oauth2/token"), QStringLiteral("t")));
    r = await(client.settings(kProject), 10000);
    QCOMPARE(r.error.kind, ApiError::Kind::Auth);
    QCOMPARE(r.error.serverMessage, QStringLiteral("Token expired."));
    QVERIFY(server.lastRequest().startsWith("POST /oauth2/token HTTP/1.1"));
    QVERIFY(server.lastRequest().contains("Authorization: Basic dGlkZW1hcms6")); // "tidemark:"
    QVERIFY(server.lastRequest().endsWith("grant_type=api_token&api_token=t"));
}

void TestApiClient::jobEmptyAnswerAndAbort()
{
    QNetworkAccessManager nam;
    FakeHttpServer server(QByteArray("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"));
    QVERIFY(server.listen());
    auto* job = new ApiJob(&nam, QNetworkRequest(QUrl(server.url() + QStringLiteral("/x"))), "DELETE");
    QSignalSpy finished(job, &ApiJob::finished);
    QSignalSpy destroyed(job, &QObject::destroyed);
    job->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toInt(), 204);
    QVERIFY(!finished.at(0).at(2).value<ApiError>().isError());
    QVERIFY(destroyed.wait(5000)); // a job deletes itself after finishing

    FakeHttpServer silent;
    QVERIFY(silent.listen());
    ApiJob aborted(&nam, QNetworkRequest(QUrl(silent.url() + QStringLiteral("/x"))), "GET");
    aborted.setAutoDelete(false);
    QSignalSpy abortedFinished(&aborted, &ApiJob::finished);
    aborted.start();
    QTRY_COMPARE_WITH_TIMEOUT(silent.requests(), 1, 10000);
    aborted.abort();
    aborted.abort();
    QCOMPARE(abortedFinished.size(), 1);
    QCOMPARE(aborted.error().kind, ApiError::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(abortedFinished.size(), 1);
}

void TestApiClient::onlyIdempotentCallsAreRetried()
{
    // A server that hangs up on every connection: a network error each time.
    FakeHttpServer hangUp({}, true);
    QVERIFY(hangUp.listen());
    ApiClient client;
    client.setConnection(
        connectionTo(hangUp.url(), m_server.url() + QStringLiteral("/oauth2/token"), m_server.adminToken()));
    int backoff = 0;
    for (int delay : ApiClient::retryDelays())
        backoff += delay;

    QElapsedTimer elapsed;
    elapsed.start();
    const auto post = await(client.createBackup(kProject, QStringLiteral("main"), true), 20000);
    QCOMPARE(post.error.kind, ApiError::Kind::Network);
    QVERIFY2(elapsed.elapsed() < backoff / 2, qPrintable(QString::number(elapsed.elapsed())));
    const int postConnections = hangUp.connections();

    elapsed.restart();
    const auto get = await(client.projects(), 20000);
    QCOMPARE(get.error.kind, ApiError::Kind::Network);
    QVERIFY2(elapsed.elapsed() >= backoff, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(elapsed.elapsed() < backoff + 5000);
    QVERIFY(hangUp.connections() - postConnections > postConnections);
    QVERIFY2(
        get.error.message().startsWith(QStringLiteral("Cannot reach 127.0.0.1:")), qPrintable(get.error.message()));
    QCOMPARE(client.state(), ApiClient::State::Disconnected);
}

void TestApiClient::serverKilledWhileCallsArePending()
{
    auto client = makeClient(m_server.adminToken());
    QVERIFY(await(client->projects()).ok());
    QSignalSpy states(client.get(), &ApiClient::stateChanged);
    auto get = client->environments(kProject);
    auto post = client->createBackup(kProject, QStringLiteral("main"), true);
    m_server.kill();
    const auto postResult = await(post, 15000);
    QCOMPARE(postResult.error.kind, ApiError::Kind::Network);
    const auto getResult = await(get, 15000);
    QCOMPARE(getResult.error.kind, ApiError::Kind::Network);
    QCOMPARE(client->state(), ApiClient::State::Disconnected);

    // And it comes back once the server does.
    QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
    const auto again = await(client->projects());
    QVERIFY2(again.ok(), qPrintable(again.error.message()));
    QCOMPARE(client->state(), ApiClient::State::Connected);
    QVERIFY(states.size() >= 2);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
