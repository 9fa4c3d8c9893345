#include "fuzzrunner.h"

#include "serverprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

namespace {

const QString kProject = QStringLiteral("/projects/demo");
const QString kTarget = QStringLiteral("fuzz-target"); // changed by PATCH cases
const QString kSwitch = QStringLiteral("fuzz-switch"); // activated and deactivated by cases
const QString kTokenPattern = QStringLiteral("/oauth2/token");
constexpr qsizetype kSlowestKept = 10;

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString env(const QString& name)
{
    return kProject + QStringLiteral("/environments/") + name;
}

} // namespace

FuzzRunner::FuzzRunner(ServerProcess& server, quint32 seed)
    : m_server(server)
    , m_fuzzer(std::make_unique<JsonFuzzer>(seed))
{ }

FuzzRunner::~FuzzRunner() = default;

bool FuzzRunner::prepare(QString* error)
{
    const QUrl url(m_server.url());
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_raw = std::make_unique<RawHttp>(url.host(), quint16(url.port()));
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    m_tokenAge.start();
    if (m_admin.isEmpty() || m_viewer.isEmpty()) {
        *error = QStringLiteral("the token exchange failed");
        return false;
    }

    // One real backup, so that the backup routes reach their backup. Live: no pause, no hooks.
    const QJsonObject backup = m_http->startAndWait("POST", env(QStringLiteral("main")) + QStringLiteral("/backup"),
        compact({{QStringLiteral("safe"), false}}), m_admin);
    if (backup.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
        *error = QStringLiteral("the live backup of main failed: ") + QString::fromUtf8(compact(backup));
        return false;
    }
    m_activityId = backup.value(QStringLiteral("id")).toString();
    m_backupId = backup.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    // Protected, it cannot be deleted or pruned by any case; inactive, main and staging take no backup or restore.
    const auto annotated = m_http->request("PATCH",
        env(QStringLiteral("main")) + QStringLiteral("/backups/") + m_backupId,
        compact({{QStringLiteral("attributes"), QJsonObject {{QStringLiteral("protected"), QStringLiteral("true")}}}}),
        m_admin);
    if (annotated.status != 200) {
        *error = QStringLiteral("protecting the backup failed: ") + QString::fromUtf8(annotated.body);
        return false;
    }
    for (const QString& name : {QStringLiteral("main"), QStringLiteral("staging")}) {
        const auto r = m_http->request("POST", env(name) + QStringLiteral("/deactivate"), {}, m_admin);
        if (r.status != 200
            || r.json.toObject().value(QStringLiteral("status")).toString() != QLatin1String("inactive")) {
            *error = QStringLiteral("deactivating %1 failed: %2").arg(name, QString::fromUtf8(r.body));
            return false;
        }
    }
    for (const QString& name : {kTarget, kSwitch}) {
        const QString root = m_server.dataDir() + QStringLiteral("/environments/") + name;
        const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("development")},
            {QStringLiteral("status"), QStringLiteral("inactive")},
            {QStringLiteral("local"),
                QJsonObject {{QStringLiteral("code_path"), QString(root + QStringLiteral("/code"))},
                    {QStringLiteral("mounts"), QJsonArray()}, {QStringLiteral("services"), QJsonArray()}}}};
        const auto r = m_http->request("POST", kProject + QStringLiteral("/environments"), compact(body), m_admin);
        if (r.status != 201) {
            *error
                = QStringLiteral("creating %1 failed (%2): %3").arg(name).arg(r.status).arg(QString::fromUtf8(r.body));
            return false;
        }
    }

    const auto environments = m_http->get(kProject + QStringLiteral("/environments"), m_admin);
    for (const QJsonValue& e : environments.json.toArray())
        m_baselineEnvironments.append(e.toObject().value(QStringLiteral("id")).toString());
    m_baselineRetention = retention();
    if (m_baselineEnvironments.size() != 5 || m_baselineRetention.isEmpty()) {
        *error
            = QStringLiteral("unexpected environments or settings: ") + m_baselineEnvironments.join(QLatin1Char(' '));
        return false;
    }
    addRoutes();
    return true;
}

QJsonObject FuzzRunner::retention()
{
    return m_http->get(kProject + QStringLiteral("/settings"), m_admin)
        .json.toObject()
        .value(QStringLiteral("data_retention"))
        .toObject();
}

void FuzzRunner::addRoutes()
{
    using Token = JsonFuzzer::Token;
    using Body = JsonFuzzer::Body;
    const QList<Token> everyone {Token::Admin, Token::Viewer, Token::None};
    const QList<Token> notAdmin {Token::Viewer, Token::None};
    const QString main = env(QStringLiteral("main"));
    const QString backup = main + QStringLiteral("/backups/") + m_backupId;
    const QString e = QStringLiteral("/projects/{p}/environments/{e}");
    const auto add = [this](int validStatus, JsonFuzzer::Route route) {
        m_validStatus.insert(int(m_fuzzer->routes().size()), validStatus);
        m_fuzzer->addRoute(route);
    };
    // Under the demo's environments folder, the one place in the data dir where environments may live; nothing
    // needs to exist there. No hook commands: a server may refuse them through the API.
    const auto descriptor = [this](const QString& name) {
        const QString root = m_server.dataDir() + QStringLiteral("/environments/") + name;
        return QJsonObject {{QStringLiteral("code_path"), QString(root + QStringLiteral("/code"))},
            {QStringLiteral("mounts"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("uploads")},
                    {QStringLiteral("path"), QString(root + QStringLiteral("/uploads"))}}}},
            {QStringLiteral("services"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("db")},
                    {QStringLiteral("kind"), QStringLiteral("sqlite")},
                    {QStringLiteral("path"), QString(root + QStringLiteral("/db.sqlite"))}}}},
            {QStringLiteral("hooks"),
                QJsonObject {{QStringLiteral("pause"), QString()}, {QStringLiteral("resume"), QString()},
                    {QStringLiteral("timeout_seconds"), 60}}}};
    };

    // The token route, with the contract's form body and the hosted clients' JSON body.
    const QByteArray apiToken = m_server.adminToken().toUtf8();
    add(200,
        {"POST", kTokenPattern, {kTokenPattern}, {Token::None}, Body::Form,
            "grant_type=api_token&api_token=" + QUrl::toPercentEncoding(QString::fromUtf8(apiToken)), {}, {}, 3});
    add(200,
        {"POST", kTokenPattern, {kTokenPattern}, {Token::None}, Body::Json,
            compact({{QStringLiteral("grant_type"), QStringLiteral("api_token")},
                {QStringLiteral("api_token"), QString::fromUtf8(apiToken)}}),
            {}, {}, 3});

    // Environments. Valid creations make environments named fuzz-<case>; settle() deletes whatever cases made.
    add(201,
        {"POST", QStringLiteral("/projects/{p}/environments"), {kProject + QStringLiteral("/environments")}, everyone,
            Body::Json,
            compact({{QStringLiteral("name"), QStringLiteral("fuzz-@CASE@")},
                {QStringLiteral("title"), QStringLiteral("Fuzz @CASE@")},
                {QStringLiteral("type"), QStringLiteral("development")},
                {QStringLiteral("parent"), QJsonValue(QJsonValue::Null)},
                {QStringLiteral("status"), QStringLiteral("inactive")},
                {QStringLiteral("local"), descriptor(QStringLiteral("fuzz-@CASE@"))}}),
            {}, {}, 4});
    const QByteArray patch = compact({{QStringLiteral("title"), QStringLiteral("Fuzz target")},
        {QStringLiteral("type"), QStringLiteral("development")},
        {QStringLiteral("parent"), QJsonValue(QJsonValue::Null)}, {QStringLiteral("local"), descriptor(kTarget)}});
    add(200, {"PATCH", e, {env(kTarget)}, everyone, Body::Json, patch, {}, {}, 4});
    // The demo's environments only for those who may not change them.
    add(403, {"PATCH", e, {main, env(QStringLiteral("staging"))}, notAdmin, Body::Json, patch, {}, {}, 1});
    // main has a backup (409); fuzz-none does not exist. An admin never reaches the fixtures or staging.
    add(409, {"DELETE", e, {main, env(QStringLiteral("fuzz-none"))}, everyone, Body::Json, "{}", {}, {}, 2});
    add(403,
        {"DELETE", e, {env(QStringLiteral("staging")), env(QStringLiteral("feature-x")), env(kTarget)}, notAdmin,
            Body::Json, "{}", {}, {}, 1});
    add(200,
        {"POST", e + QStringLiteral("/activate"), {env(kSwitch) + QStringLiteral("/activate")}, everyone, Body::Json,
            "{}", {}, {}, 1});
    add(403,
        {"POST", e + QStringLiteral("/activate"),
            {main + QStringLiteral("/activate"), env(QStringLiteral("staging")) + QStringLiteral("/activate")},
            notAdmin, Body::Json, "{}", {}, {}, 1});
    add(200,
        {"POST", e + QStringLiteral("/deactivate"),
            {env(kSwitch) + QStringLiteral("/deactivate"), main + QStringLiteral("/deactivate"),
                env(QStringLiteral("staging")) + QStringLiteral("/deactivate")},
            everyone, Body::Json, "{}", {}, {}, 1});

    // Backups: every environment is inactive, so a valid request is a 409 and starts nothing.
    add(409,
        {"POST", e + QStringLiteral("/backup"),
            {main + QStringLiteral("/backup"), env(QStringLiteral("staging")) + QStringLiteral("/backup"),
                env(QStringLiteral("feature-x")) + QStringLiteral("/backup")},
            everyone, Body::Json, compact({{QStringLiteral("safe"), true}}), {}, {}, 3});
    // "protected" stays "true": no hostile value is the string "false", and settle() checks it.
    add(200,
        {"PATCH", e + QStringLiteral("/backups/{b}"),
            {backup, env(QStringLiteral("staging")) + QStringLiteral("/backups/") + m_backupId}, everyone, Body::Json,
            compact({{QStringLiteral("attributes"),
                QJsonObject {{QStringLiteral("note"), QStringLiteral("fuzz note")},
                    {QStringLiteral("protected"), QStringLiteral("true")}}}}),
            {}, {}, 3});
    add(409,
        {"POST", e + QStringLiteral("/backups/{b}/restore"), {backup + QStringLiteral("/restore")}, everyone,
            Body::Json,
            compact({{QStringLiteral("restore_code"), true},
                {QStringLiteral("environment_name"), QJsonValue(QJsonValue::Null)},
                {QStringLiteral("branch_from"), QJsonValue(QJsonValue::Null)},
                {QStringLiteral("restore_resources"), false},
                {QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), QStringLiteral("backup")}}}}),
            {}, {}, 3});
    add(409, {"DELETE", e + QStringLiteral("/backups/{b}"), {backup}, everyone, Body::Json, "{}", {}, {}, 1});
    // The backup's activity is complete: cancelling it is a 409.
    add(409,
        {"POST", QStringLiteral("/projects/{p}/activities/{a}/cancel"),
            {kProject + QStringLiteral("/activities/") + m_activityId + QStringLiteral("/cancel"),
                main + QStringLiteral("/activities/") + m_activityId + QStringLiteral("/cancel")},
            everyone, Body::Json, "{}", {}, {}, 1});

    // Settings: previews, and now and then an applied change (its query fuzzed) that settle() undoes.
    const QByteArray settings = compact({{QStringLiteral("data_retention"), m_baselineRetention}});
    add(200,
        {"PATCH", QStringLiteral("/projects/{p}/settings"), {kProject + QStringLiteral("/settings")}, everyone,
            Body::Json, settings, "dry_run=1", {}, 5});
    add(200,
        {"PATCH", QStringLiteral("/projects/{p}/settings"), {kProject + QStringLiteral("/settings")}, everyone,
            Body::Json, settings, {}, {QStringLiteral("dry_run")}, 1});

    // GET routes: hostile queries and path segments.
    const QStringList filters {
        QStringLiteral("count"), QStringLiteral("state"), QStringLiteral("type"), QStringLiteral("result")};
    const QString activity = QStringLiteral("/activities/") + m_activityId;
    const struct
    {
        QString pattern;
        QStringList paths;
        QStringList queryKeys;
        int weight;
    } gets[] = {
        {QStringLiteral("/tidemark"), {QStringLiteral("/tidemark")}, {}, 1},
        {QStringLiteral("/projects"), {QStringLiteral("/projects")}, {}, 1},
        {QStringLiteral("/projects/{p}"), {kProject}, {}, 1},
        {QStringLiteral("/projects/{p}/environments"), {kProject + QStringLiteral("/environments")}, {}, 1},
        {e, {main, env(QStringLiteral("staging"))}, {}, 2},
        {e + QStringLiteral("/backups"), {main + QStringLiteral("/backups")}, {}, 1},
        {e + QStringLiteral("/backups/{b}"), {backup}, {}, 2},
        {QStringLiteral("/projects/{p}/activities"), {kProject + QStringLiteral("/activities")}, filters, 4},
        {e + QStringLiteral("/activities"), {main + QStringLiteral("/activities")}, filters, 2},
        {QStringLiteral("/projects/{p}/activities/{a}"), {kProject + activity}, {}, 1},
        {e + QStringLiteral("/activities/{a}"), {main + activity}, {}, 1},
        {QStringLiteral("/projects/{p}/activities/{a}/log"), {kProject + activity + QStringLiteral("/log")}, {}, 1},
        {e + QStringLiteral("/activities/{a}/log"), {main + activity + QStringLiteral("/log")}, {}, 1},
        {QStringLiteral("/projects/{p}/settings"), {kProject + QStringLiteral("/settings")}, {}, 1},
    };
    for (const auto& g : gets)
        add(200, {"GET", g.pattern, g.paths, everyone, Body::None, {}, {}, g.queryKeys, g.weight});
}

QString FuzzRunner::run(const JsonFuzzer::Case& c, RawHttp::Response* response)
{
    const JsonFuzzer::Route& route = m_fuzzer->routes().at(c.route);
    RawHttp::Headers headers;
    if (!c.authorization.isEmpty())
        headers.append({"Authorization", c.authorization});
    else if (c.token == JsonFuzzer::Token::Admin)
        headers.append({"Authorization", "Bearer " + m_admin.toLatin1()});
    else if (c.token == JsonFuzzer::Token::Viewer)
        headers.append({"Authorization", "Bearer " + m_viewer.toLatin1()});
    else if (route.pattern == kTokenPattern)
        headers.append({"Authorization", "Basic " + QByteArrayLiteral("tidemark:").toBase64()});
    if (!c.contentType.isEmpty())
        headers.append({"Content-Type", c.contentType});

    QElapsedTimer timer;
    timer.start();
    const RawHttp::Response r = m_raw->send(c.method, c.target, headers, c.body, m_timeoutMs);
    const qint64 ms = timer.elapsed();
    if (m_slowest.size() < kSlowestKept || ms > m_slowest.last().ms) {
        const auto at = std::find_if(m_slowest.begin(), m_slowest.end(), [ms](const Slow& s) { return s.ms < ms; });
        m_slowest.insert(at, {ms, m_fuzzer->describe(c, 80)});
        if (m_slowest.size() > kSlowestKept)
            m_slowest.removeLast();
    }
    ++m_casesRun;
    ++m_statuses[r.status];
    m_bytesSent += c.target.size() + c.body.size();
    if (c.body.size() >= 256 * 1024)
        m_largeBodyBytes += c.body.size();
    if (response)
        *response = r;
    // QProcess reads the server's output only from the event loop; a full pipe would stall the server.
    QCoreApplication::processEvents();

    if (r.status == 0)
        return QStringLiteral("no answer within %1 ms: %2").arg(m_timeoutMs).arg(r.error);
    const QString answer = QStringLiteral(" (answer: ") + JsonFuzzer::printable(r.body, 300) + QLatin1Char(')');
    if (r.status >= 500 || r.status < 100)
        return QStringLiteral("status %1").arg(r.status) + answer;
    const QByteArray contentType = r.header("Content-Type").toLower();
    if (r.status >= 400) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        if (!doc.isObject())
            return QStringLiteral("status %1 without a JSON object").arg(r.status) + answer;
        const QJsonObject o = doc.object();
        if (route.pattern == kTokenPattern && c.method == "POST" && r.status == 400) {
            if (o.value(QStringLiteral("error")).toString().isEmpty()
                || o.value(QStringLiteral("error_description")).toString().isEmpty())
                return QStringLiteral("the token route's 400 is not {\"error\", \"error_description\"}") + answer;
            return {};
        }
        if (!o.value(QStringLiteral("code")).isDouble() || o.value(QStringLiteral("code")).toInt() != r.status)
            return QStringLiteral("status %1 with a code that is not %1").arg(r.status) + answer;
        if (o.value(QStringLiteral("title")).toString().isEmpty()
            || o.value(QStringLiteral("message")).toString().isEmpty())
            return QStringLiteral("status %1 without a title and a message").arg(r.status) + answer;
        if (!contentType.startsWith("application/json"))
            return QStringLiteral("status %1 with Content-Type %2").arg(r.status).arg(QString::fromLatin1(contentType));
        return {};
    }
    if (r.status < 300 && contentType.startsWith("application/json") && !r.body.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        if (error.error != QJsonParseError::NoError)
            return QStringLiteral("status %1 with a body that is not JSON").arg(r.status) + answer;
    }
    return {};
}

QStringList FuzzRunner::checkValidRequests()
{
    QStringList problems;
    for (int i = 0; i < m_fuzzer->routes().size(); ++i) {
        const JsonFuzzer::Route& route = m_fuzzer->routes().at(i);
        JsonFuzzer::Case c;
        c.seed = m_fuzzer->seed();
        c.route = i;
        c.method = route.method;
        c.token = route.tokens.contains(JsonFuzzer::Token::Admin) ? JsonFuzzer::Token::Admin : route.tokens.first();
        c.target = route.paths.first().toLatin1() + (route.query.isEmpty() ? QByteArray() : '?' + route.query);
        c.body = QByteArray(route.validBody).replace("@CASE@", "valid");
        c.contentType = route.body == JsonFuzzer::Body::Json ? "application/json"
            : route.body == JsonFuzzer::Body::Form           ? "application/x-www-form-urlencoded"
                                                             : QByteArray();
        c.mutation = QStringLiteral("valid");
        RawHttp::Response r;
        const QString problem = run(c, &r);
        if (!problem.isEmpty())
            problems.append(m_fuzzer->describe(c) + QStringLiteral(": ") + problem);
        else if (r.status != m_validStatus.value(i))
            problems.append(m_fuzzer->describe(c)
                + QStringLiteral(": status %1, expected %2: %3")
                      .arg(r.status)
                      .arg(m_validStatus.value(i))
                      .arg(QString::fromUtf8(r.body.left(300))));
    }
    return problems;
}

QStringList FuzzRunner::settle()
{
    QStringList problems;
    if (!serverRunning())
        return {QStringLiteral("tidemarkd is not running any more")};
    if (!responsive())
        return {QStringLiteral("tidemarkd does not answer a GET within two seconds")};
    // Access tokens live 15 minutes; a long run exchanges them again well before.
    if (m_tokenAge.hasExpired(10 * 60 * 1000)) {
        m_admin = m_http->exchange(m_server.adminToken());
        m_viewer = m_http->exchange(m_server.viewerToken());
        m_tokenAge.start();
    }

    // Environments that cases created (valid bodies, and names a hostile value happened to make valid).
    const auto environments = m_http->get(kProject + QStringLiteral("/environments"), m_admin);
    QStringList present;
    for (const QJsonValue& v : environments.json.toArray()) {
        const QJsonObject e = v.toObject();
        const QString id = e.value(QStringLiteral("id")).toString();
        present.append(id);
        if (!m_baselineEnvironments.contains(id)) {
            const auto r = m_http->request("DELETE",
                kProject + QStringLiteral("/environments/") + QString::fromLatin1(QUrl::toPercentEncoding(id)), {},
                m_admin);
            if (r.status != 204)
                problems.append(QStringLiteral("deleting environment '%1' that a case made: %2 %3")
                                    .arg(id.left(80))
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.body.left(200))));
        } else if (id != kSwitch && e.value(QStringLiteral("status")).toString() != QLatin1String("inactive")) {
            problems.append(QStringLiteral("environment '%1' is %2, not inactive")
                                .arg(id, e.value(QStringLiteral("status")).toString()));
        }
    }
    for (const QString& id : m_baselineEnvironments) {
        if (!present.contains(id))
            problems.append(QStringLiteral("environment '%1' is gone").arg(id));
    }

    // A settings change that a case applied is undone.
    if (retention() != m_baselineRetention) {
        const auto r = m_http->request("PATCH", kProject + QStringLiteral("/settings"),
            compact({{QStringLiteral("data_retention"), m_baselineRetention}}), m_admin);
        if (r.status != 200 || retention() != m_baselineRetention)
            problems.append(
                QStringLiteral("the settings could not be put back: ") + QString::fromUtf8(r.body.left(300)));
    }

    // The backup that the backup routes aim at, still protected.
    const auto backup = m_http->get(env(QStringLiteral("main")) + QStringLiteral("/backups/") + m_backupId, m_admin);
    const QJsonObject b = backup.json.toObject();
    if (backup.status != 200 || b.value(QStringLiteral("status")).toString() != QLatin1String("CREATED")
        || b.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("protected")).toString()
            != QLatin1String("true"))
        problems.append(QStringLiteral("the protected backup changed: ") + QString::fromUtf8(backup.body.left(300)));

    // No case started real work.
    const auto busy = m_http->get(kProject + QStringLiteral("/activities?state=pending&state=in_progress"), m_admin);
    if (busy.status != 200 || !busy.json.toArray().isEmpty())
        problems.append(QStringLiteral("activities were started: ") + QString::fromUtf8(busy.body.left(500)));
    return problems;
}

QStringList FuzzRunner::cleanup()
{
    if (!serverRunning() || !responsive())
        return {QStringLiteral("tidemarkd does not answer; nothing was cleaned up")};
    QStringList problems = settle();
    for (const QString& name : {kTarget, kSwitch}) {
        const auto r = m_http->request("DELETE", env(name), {}, m_admin);
        if (r.status != 204)
            problems.append(
                QStringLiteral("deleting %1: %2 %3").arg(name).arg(r.status).arg(QString::fromUtf8(r.body)));
    }
    return problems;
}

bool FuzzRunner::serverRunning() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_server.pid()));
    if (m_server.pid() <= 0 || !status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("State:"))
            return !line.mid(6).trimmed().startsWith('Z') && !line.mid(6).trimmed().startsWith('X');
    }
    return false;
}

bool FuzzRunner::responsive()
{
    RawHttp probe(QUrl(m_server.url()).host(), quint16(QUrl(m_server.url()).port()));
    const auto r
        = probe.send("GET", kProject.toLatin1(), {{"Authorization", "Bearer " + m_viewer.toLatin1()}}, {}, 2000);
    return r.status == 200;
}

bool FuzzRunner::waitUntilResponsive(int timeoutMs)
{
    // Each probe waits up to two seconds for its answer, which paces the loop while the server is busy.
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && serverRunning()) {
        QElapsedTimer probe;
        probe.start();
        if (responsive())
            return true;
        // Refused at once rather than busy: a short pause instead of a spin.
        if (probe.elapsed() < 100) {
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
    }
    return false;
}

qint64 FuzzRunner::residentKiB() const
{
    return m_server.statusKiB("VmRSS");
}

qint64 FuzzRunner::peakResidentKiB() const
{
    return m_server.statusKiB("VmHWM");
}
