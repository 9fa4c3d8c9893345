#include "domain/activity.h"
#include "domain/backup.h"
#include "domain/environment.h"
#include "domain/links.h"
#include "domain/project.h"
#include "domain/projectsettings.h"

#include <functional>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// JSON codecs of the API's value types: exact field names, round trips, tolerance of what the hosted API adds,
// and problems named by path for what is wrong.
class TestDomainJson : public QObject
{
    Q_OBJECT

private slots:
    void linksFromHal();
    void linksToJsonAddsMethods();
    void linksRoundTrip();

    void environmentRoundTrip_data();
    void environmentRoundTrip();
    void environmentFieldNames();
    void environmentNameFallsBackToId();
    void localDescriptorStrict_data();
    void localDescriptorStrict();

    void backupRoundTrip_data();
    void backupRoundTrip();
    void backupFieldNames();
    void activityRoundTrip_data();
    void activityRoundTrip();
    void activityFieldNames();
    void activityCompletionPercent_data();
    void activityCompletionPercent();
    void projectRoundTrip();

    void hostedEnvironments();
    void hostedBackups();
    void hostedActivity();
    void hostedSettings();

    void wrongTypes_data();
    void wrongTypes();
    void notAnObject();

    void settingsDefaultsAndRoundTrip();
    void settingsProblems_data();
    void settingsProblems();
    void patchLeavesOtherTypesUntouched();
    void patchMergesDefaultConfig();
    void patchReplacesSchedule();
    void patchNullMaxBackupsRemovesCap();
    void patchSeedDocumentExamples();
    void badPatchChangesNothing_data();
    void badPatchChangesNothing();
};

namespace {

qint64 utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

QJsonValue parse(const QByteArray& text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s: %s", text.constData(), qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QJsonValue fixture(const QString& name)
{
    QFile file(QStringLiteral(TIDEMARK_FIXTURES_DIR "/hosted/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return parse(file.readAll());
}

QString joined(const Problems& problems)
{
    return problemStrings(problems).join(QLatin1String("; "));
}

template<typename T>
QList<T> decodeList(const QJsonValue& json)
{
    QList<T> out;
    const QJsonArray items = json.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Decoded<T> decoded = T::fromJson(items.at(i), JsonPath::index(QString(), i));
        if (!decoded.ok())
            qWarning("%s", qPrintable(joined(decoded.problems)));
        out.append(decoded.value.value_or(T()));
    }
    return out;
}

QStringList sortedKeys(const QJsonObject& object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

LocalDescriptor sampleLocal()
{
    LocalDescriptor local;
    local.codePath = QStringLiteral("/srv/demo/main/code");
    local.mounts = {{QStringLiteral("uploads"), QStringLiteral("/srv/demo/main/uploads")},
        {QStringLiteral("private"), QStringLiteral("/srv/demo/main/private")}};
    local.services
        = {LocalDescriptor::Service::sqlite(QStringLiteral("db"), QStringLiteral("/srv/demo/main/db.sqlite"))};
    LocalDescriptor::Service postgres;
    postgres.name = QStringLiteral("site");
    postgres.kind = QStringLiteral("postgresql");
    postgres.host = QStringLiteral("127.0.0.1");
    postgres.port = 5433;
    postgres.database = QStringLiteral("site");
    postgres.user = QStringLiteral("site");
    postgres.passwordFile = QStringLiteral("/srv/demo/main/site.password");
    LocalDescriptor::Service mysql = postgres;
    mysql.name = QStringLiteral("shop");
    mysql.kind = QStringLiteral("mysql");
    mysql.host.clear();
    mysql.port = 0;
    mysql.socket = QStringLiteral("/run/mysqld/mysqld.sock");
    local.services.append(postgres);
    local.services.append(mysql);
    local.pauseHook = QStringLiteral("touch /srv/demo/main/maintenance");
    local.resumeHook = QStringLiteral("rm -f /srv/demo/main/maintenance");
    return local;
}

Environment sampleEnvironment()
{
    Environment env;
    env.id = QStringLiteral("staging");
    env.name = QStringLiteral("staging");
    env.machineName = QStringLiteral("staging-x7p2kq");
    env.title = QStringLiteral("Staging (Ünïcode)");
    env.type = EnvironmentType::Staging;
    env.status = Environment::Status::Paused;
    env.parent = QStringLiteral("main");
    env.isDirty = true;
    env.lastBackupAtMs = utc(2026, 11, 26, 4, 0, 12);
    env.createdAtMs = utc(2025, 1, 10, 8, 0, 0);
    env.updatedAtMs = utc(2026, 11, 26, 4, 1, 0);
    env.links.set(QStringLiteral("self"), QStringLiteral("/projects/demo/environments/staging"));
    env.links.set(QStringLiteral("#backup"), QStringLiteral("/projects/demo/environments/staging/backup"));
    return env;
}

Backup sampleBackup()
{
    Backup b;
    b.id = QStringLiteral("5ouvtgo4v75axijww7sqnftste");
    b.createdAtMs = utc(2026, 11, 26, 4, 0, 12);
    b.updatedAtMs = utc(2026, 11, 26, 4, 1, 2);
    b.environment = QStringLiteral("main");
    b.status = Backup::Status::Deleting;
    b.automated = true;
    b.safe = false;
    b.restorable = false;
    b.commitId = QStringLiteral("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");
    b.expiresAtMs = utc(2026, 11, 28, 4, 0, 12);
    b.index = 3;
    b.sizeOfVolumes = qint64(5) * 1024 * 1024 * 1024 * 1024; // beyond 32 bits
    b.sizeUsed = 52428800;
    b.attributes = {{QStringLiteral("note"), QStringLiteral("before the upgrade")},
        {QStringLiteral("protected"), QStringLiteral("true")}};
    b.links.set(QStringLiteral("self"), QStringLiteral("/projects/demo/environments/main/backups/5ouv"));
    b.links.set(QStringLiteral("#restore"), QStringLiteral("/projects/demo/environments/main/backups/5ouv/restore"));
    return b;
}

Activity sampleActivity()
{
    Activity a;
    a.id = QStringLiteral("ms6sde4hnrlpc");
    a.type = QStringLiteral("environment.restore");
    a.state = Activity::State::Complete;
    a.result = Activity::Result::Failure;
    a.completionPercent = 40;
    a.environments = {QStringLiteral("main"), QStringLiteral("staging")};
    a.payload = parse(R"({"backup_name": "5ouv", "nested": {"list": [1, "two", null]}})").toObject();
    a.text = QStringLiteral("Restoring main");
    a.log = QStringLiteral("line 1\nline 2\n");
    a.createdAtMs = utc(2026, 11, 26, 4, 0, 2);
    a.startedAtMs = utc(2026, 11, 26, 4, 0, 3);
    a.completedAtMs = utc(2026, 11, 26, 4, 1, 2);
    a.cancelledAtMs = utc(2026, 11, 26, 4, 1, 1);
    a.links.set(QStringLiteral("self"), QStringLiteral("/projects/demo/activities/ms6sde4hnrlpc"));
    a.links.set(QStringLiteral("log"), QStringLiteral("/projects/demo/activities/ms6sde4hnrlpc/log"));
    a.links.set(QStringLiteral("#cancel"), QStringLiteral("/projects/demo/activities/ms6sde4hnrlpc/cancel"));
    return a;
}

ProjectSettings sampleSettings()
{
    const Decoded<ProjectSettings> decoded = ProjectSettings::fromJson(parse(R"({
        "data_retention": {
            "production": {"max_backups": 21, "default_config": {"manual_count": 3,
                "schedule": [{"interval": "1d", "count": 7}, {"interval": "1w", "count": 4}]}},
            "staging": {"max_backups": 10, "default_config": {"manual_count": 1,
                "schedule": [{"interval": "6h", "count": 4}]}}
        }})"));
    if (!decoded.ok())
        qFatal("sample settings do not decode: %s", qPrintable(joined(decoded.problems)));
    return *decoded.value;
}

Schedule schedule(int multiplier, Interval::Unit unit, int count)
{
    return Schedule {Interval {multiplier, unit}, count};
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Links

void TestDomainJson::linksFromHal()
{
    const Links links = Links::fromJson(parse(R"({
        "self": {"href": "/projects/p/environments/main"},
        "#backup": {"href": "/projects/p/environments/main/backup", "method": "POST"},
        "#edit": {"href": "/projects/p/environments/main", "meta": {"PATCH": {}}},
        "string": "/not/a/link",
        "no-href": {"url": "/x"},
        "number-href": {"href": 5},
        "array": [{"href": "/a"}],
        "null": null
    })"));
    QCOMPARE(links.hrefs.size(), 3);
    QVERIFY(links.has(QStringLiteral("self")));
    QCOMPARE(links.href(QStringLiteral("self")), QStringLiteral("/projects/p/environments/main"));
    QCOMPARE(links.href(QStringLiteral("#backup")), QStringLiteral("/projects/p/environments/main/backup"));
    QCOMPARE(links.href(QStringLiteral("#edit")), QStringLiteral("/projects/p/environments/main"));
    QVERIFY(!links.has(QStringLiteral("#restore")));
    QVERIFY(!links.has(QStringLiteral("string")));
    QVERIFY(!links.has(QStringLiteral("no-href")));
    QVERIFY(!links.has(QStringLiteral("number-href")));

    QVERIFY(Links::fromJson(QJsonValue()).hrefs.isEmpty());
    QVERIFY(Links::fromJson(QJsonArray {1, 2}).hrefs.isEmpty());
    QVERIFY(Links::fromJson(QStringLiteral("self")).hrefs.isEmpty());
}

void TestDomainJson::linksToJsonAddsMethods()
{
    Links links;
    const QStringList rels = {QStringLiteral("self"), QStringLiteral("log"), QStringLiteral("#backup"),
        QStringLiteral("#restore"), QStringLiteral("#delete"), QStringLiteral("#cancel"), QStringLiteral("#activate"),
        QStringLiteral("#deactivate"), QStringLiteral("#edit")};
    for (const QString& rel : rels)
        links.set(rel, QLatin1Char('/') + rel);

    const QJsonObject json = links.toJson();
    QCOMPARE(sortedKeys(json), sorted(rels));
    const auto link = [&json](const char* rel) { return json.value(QLatin1String(rel)).toObject(); };
    QCOMPARE(link("self"), QJsonObject({{QStringLiteral("href"), QStringLiteral("/self")}}));
    QCOMPARE(link("log"), QJsonObject({{QStringLiteral("href"), QStringLiteral("/log")}}));
    QCOMPARE(link("#backup"),
        QJsonObject({{QStringLiteral("href"), QStringLiteral("/#backup")},
            {QStringLiteral("method"), QStringLiteral("POST")}}));
    for (const char* rel : {"#restore", "#cancel", "#activate", "#deactivate"})
        QCOMPARE(link(rel).value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(link("#delete").value(QStringLiteral("method")).toString(), QStringLiteral("DELETE"));
    QCOMPARE(link("#edit").value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
}

void TestDomainJson::linksRoundTrip()
{
    Links links;
    links.set(QStringLiteral("self"), QStringLiteral("/a"));
    links.set(QStringLiteral("#delete"), QStringLiteral("/a"));
    links.set(QStringLiteral("#restore"), QStringLiteral("/a/restore"));
    QVERIFY(Links::fromJson(links.toJson()) == links);
    QVERIFY(Links::fromJson(Links().toJson()) == Links());
}

// ---------------------------------------------------------------------------------------------------------------
// Environment

void TestDomainJson::environmentRoundTrip_data()
{
    QTest::addColumn<Environment>("env");

    const Environment full = sampleEnvironment();
    QTest::newRow("hosted shape") << full;

    Environment withLocal = full;
    withLocal.local = sampleLocal();
    QTest::newRow("with local") << withLocal;

    Environment emptyLocal = full;
    emptyLocal.local = LocalDescriptor();
    QTest::newRow("with empty local") << emptyLocal;

    Environment nulls = full;
    nulls.parent.reset();
    nulls.lastBackupAtMs.reset();
    nulls.links = Links();
    nulls.type = EnvironmentType::Production;
    nulls.status = Environment::Status::Deleting;
    QTest::newRow("nulls") << nulls;

    for (auto status : {Environment::Status::Active, Environment::Status::Inactive, Environment::Status::Dirty}) {
        Environment e = full;
        e.status = status;
        e.type = EnvironmentType::Development;
        QTest::newRow(qPrintable(Environment::statusToString(status))) << e;
    }
}

void TestDomainJson::environmentRoundTrip()
{
    QFETCH(Environment, env);
    const QJsonObject json = env.toJson();
    const Decoded<Environment> decoded = Environment::fromJson(json);
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    QVERIFY(*decoded.value == env);
    // Through text too, as it travels.
    const Decoded<Environment> fromText
        = Environment::fromJson(parse(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    QVERIFY(fromText.ok());
    QVERIFY(*fromText.value == env);
}

void TestDomainJson::environmentFieldNames()
{
    Environment env = sampleEnvironment();
    QJsonObject json = env.toJson();
    QCOMPARE(sortedKeys(json),
        sorted({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("machine_name"), QStringLiteral("title"),
            QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("parent"), QStringLiteral("is_dirty"),
            QStringLiteral("last_backup_at"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("project"), QStringLiteral("attributes"), QStringLiteral("is_main"),
            QStringLiteral("has_code"), QStringLiteral("head_commit"), QStringLiteral("_links")}));
    QCOMPARE(json.value(QStringLiteral("machine_name")).toString(), QStringLiteral("staging-x7p2kq"));
    QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("staging"));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    QCOMPARE(json.value(QStringLiteral("parent")).toString(), QStringLiteral("main"));
    QCOMPARE(json.value(QStringLiteral("is_dirty")), QJsonValue(true));
    QCOMPARE(json.value(QStringLiteral("last_backup_at")).toString(), QStringLiteral("2026-11-26T04:00:12Z"));
    QCOMPARE(json.value(QStringLiteral("created_at")).toString(), QStringLiteral("2025-01-10T08:00:00Z"));
    QCOMPARE(json.value(QStringLiteral("_links")).toObject().value(QStringLiteral("#backup")).toObject(),
        QJsonObject({{QStringLiteral("href"), QStringLiteral("/projects/demo/environments/staging/backup")},
            {QStringLiteral("method"), QStringLiteral("POST")}}));

    env.parent.reset();
    env.lastBackupAtMs.reset();
    env.local = sampleLocal();
    json = env.toJson();
    QVERIFY(json.value(QStringLiteral("parent")).isNull());
    QVERIFY(json.value(QStringLiteral("last_backup_at")).isNull());
    QCOMPARE(json.value(QStringLiteral("local")).toObject(),
        parse(R"({
        "code_path": "/srv/demo/main/code",
        "mounts": [{"name": "uploads", "path": "/srv/demo/main/uploads"},
                   {"name": "private", "path": "/srv/demo/main/private"}],
        "services": [{"name": "db", "kind": "sqlite", "path": "/srv/demo/main/db.sqlite"},
                     {"name": "site", "kind": "postgresql", "host": "127.0.0.1", "port": 5433, "database": "site",
                      "user": "site", "password_file": "/srv/demo/main/site.password"},
                     {"name": "shop", "kind": "mysql", "socket": "/run/mysqld/mysqld.sock", "database": "site",
                      "user": "site", "password_file": "/srv/demo/main/site.password"}],
        "hooks": {"pause": "touch /srv/demo/main/maintenance", "resume": "rm -f /srv/demo/main/maintenance",
                  "timeout_seconds": 60}
    })")
            .toObject());
}

void TestDomainJson::environmentNameFallsBackToId()
{
    Decoded<Environment> decoded = Environment::fromJson(parse(R"({"id": "main"})"));
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    QCOMPARE(decoded.value->id, QStringLiteral("main"));
    QCOMPARE(decoded.value->name, QStringLiteral("main"));
    QCOMPARE(decoded.value->machineName, QStringLiteral("main"));
    QVERIFY(!decoded.value->local);
    QVERIFY(!decoded.value->parent);
    QVERIFY(!decoded.value->lastBackupAtMs);

    decoded = Environment::fromJson(parse(R"({"id": "e1", "name": "main", "machine_name": "main-abc"})"));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value->id, QStringLiteral("e1"));
    QCOMPARE(decoded.value->name, QStringLiteral("main"));
    QCOMPARE(decoded.value->machineName, QStringLiteral("main-abc"));

    decoded = Environment::fromJson(parse(R"({"id": "e1", "machine_name": "main-abc"})"));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value->name, QStringLiteral("e1"));
    QCOMPARE(decoded.value->machineName, QStringLiteral("main-abc"));
}

void TestDomainJson::localDescriptorStrict_data()
{
    QTest::addColumn<QByteArray>("local");
    QTest::addColumn<QString>("path");

    QTest::newRow("unknown key") << QByteArray(R"({"code_path": "/c", "color": "red"})")
                                 << QStringLiteral("[1].local.color");
    QTest::newRow("code_path number") << QByteArray(R"({"code_path": 5})") << QStringLiteral("[1].local.code_path");
    QTest::newRow("mounts object") << QByteArray(R"({"mounts": {}})") << QStringLiteral("[1].local.mounts");
    QTest::newRow("mount not object") << QByteArray(R"({"mounts": [{"name": "a", "path": "/a"}, "b"]})")
                                      << QStringLiteral("[1].local.mounts[1]");
    QTest::newRow("mount path number") << QByteArray(R"({"mounts": [{"name": "a", "path": 1}]})")
                                       << QStringLiteral("[1].local.mounts[0].path");
    QTest::newRow("mount path missing") << QByteArray(R"({"mounts": [{"name": "a"}]})")
                                        << QStringLiteral("[1].local.mounts[0].path");
    QTest::newRow("mount unknown key") << QByteArray(R"({"mounts": [{"name": "a", "path": "/a", "mode": "rw"}]})")
                                       << QStringLiteral("[1].local.mounts[0].mode");
    QTest::newRow("service kind oracle") << QByteArray(
        R"({"services": [{"name": "db", "kind": "oracle", "path": "/db"}]})")
                                         << QStringLiteral("[1].local.services[0].kind");
    const QByteArray server = R"("name": "db", "database": "site", "user": "site", "password_file": "/p")";
    QTest::newRow("mysql with a path") << QByteArray(R"({"services": [{"kind": "mysql", "host": "h", "path": "/db", )"
        + server + "}]}") << QStringLiteral("[1].local.services[0].path");
    QTest::newRow("postgresql without database") << QByteArray(
        R"({"services": [{"name": "db", "kind": "postgresql", "host": "h", "user": "u", "password_file": "/p"}]})")
                                                 << QStringLiteral("[1].local.services[0].database");
    QTest::newRow("mariadb without password file") << QByteArray(
        R"({"services": [{"name": "db", "kind": "mariadb", "socket": "/s", "database": "d", "user": "u"}]})")
                                                   << QStringLiteral("[1].local.services[0].password_file");
    QTest::newRow("postgresql with host and socket")
        << QByteArray(R"({"services": [{"kind": "postgresql", "host": "h", "socket": "/s", )" + server + "}]}")
        << QStringLiteral("[1].local.services[0]");
    QTest::newRow("mariadb without host or socket")
        << QByteArray(R"({"services": [{"kind": "mariadb", )" + server + "}]}")
        << QStringLiteral("[1].local.services[0]");
    QTest::newRow("postgresql port 70000")
        << QByteArray(R"({"services": [{"kind": "postgresql", "host": "h", "port": 70000, )" + server + "}]}")
        << QStringLiteral("[1].local.services[0].port");
    QTest::newRow("service name missing") << QByteArray(R"({"services": [{"kind": "sqlite", "path": "/db"}]})")
                                          << QStringLiteral("[1].local.services[0].name");
    QTest::newRow("service unknown key") << QByteArray(
        R"({"services": [{"name": "db", "path": "/db", "user": "root"}]})")
                                         << QStringLiteral("[1].local.services[0].user");
    QTest::newRow("hooks array") << QByteArray(R"({"hooks": []})") << QStringLiteral("[1].local.hooks");
    QTest::newRow("hook pause bool") << QByteArray(R"({"hooks": {"pause": true}})")
                                     << QStringLiteral("[1].local.hooks.pause");
    QTest::newRow("hook unknown") << QByteArray(R"({"hooks": {"stop": "x"}})")
                                  << QStringLiteral("[1].local.hooks.stop");
    QTest::newRow("hook timeout 0") << QByteArray(R"({"hooks": {"timeout_seconds": 0}})")
                                    << QStringLiteral("[1].local.hooks.timeout_seconds");
    QTest::newRow("hook timeout string") << QByteArray(R"({"hooks": {"timeout_seconds": "60"}})")
                                         << QStringLiteral("[1].local.hooks.timeout_seconds");
    QTest::newRow("local string") << QByteArray(R"("/srv")") << QStringLiteral("[1].local");
}

void TestDomainJson::localDescriptorStrict()
{
    QFETCH(QByteArray, local);
    QFETCH(QString, path);
    const QJsonValue json = parse("{\"id\": \"main\", \"local\": " + local + "}");
    const Decoded<Environment> decoded = Environment::fromJson(json, QStringLiteral("[1]"));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.problems.size(), 1);
    QCOMPARE(decoded.problems.first().path, path);
    QVERIFY(!decoded.problems.first().message.isEmpty());

    // Without "kind", a service is sqlite.
    const Decoded<LocalDescriptor> noKind
        = LocalDescriptor::fromJson(parse(R"({"services": [{"name": "db", "path": "/db"}]})"));
    QVERIFY(noKind.ok());
    QCOMPARE(noKind.value->services.first().kind, QStringLiteral("sqlite"));
}

// ---------------------------------------------------------------------------------------------------------------
// Backup, Activity, Project

void TestDomainJson::backupRoundTrip_data()
{
    QTest::addColumn<Backup>("backup");
    QTest::newRow("full") << sampleBackup();
    Backup nulls = sampleBackup();
    nulls.expiresAtMs.reset();
    nulls.index.reset();
    nulls.sizeOfVolumes.reset();
    nulls.sizeUsed.reset();
    nulls.attributes.clear();
    nulls.links = Links();
    nulls.status = Backup::Status::Created;
    nulls.commitId.clear();
    QTest::newRow("nulls") << nulls;
}

void TestDomainJson::backupRoundTrip()
{
    QFETCH(Backup, backup);
    const Decoded<Backup> decoded = Backup::fromJson(backup.toJson());
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    QVERIFY(*decoded.value == backup);
}

void TestDomainJson::backupFieldNames()
{
    Backup backup = sampleBackup();
    QJsonObject json = backup.toJson();
    QCOMPARE(sortedKeys(json),
        sorted({QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("environment"), QStringLiteral("status"), QStringLiteral("automated"),
            QStringLiteral("safe"), QStringLiteral("restorable"), QStringLiteral("commit_id"),
            QStringLiteral("expires_at"), QStringLiteral("index"), QStringLiteral("size_of_volumes"),
            QStringLiteral("size_used"), QStringLiteral("size_object_storage"), QStringLiteral("deployment"),
            QStringLiteral("attributes"), QStringLiteral("_links")}));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("DELETING"));
    QCOMPARE(json.value(QStringLiteral("index")), QJsonValue(3));
    QCOMPARE(json.value(QStringLiteral("size_of_volumes")).toInteger(), qint64(5) * 1024 * 1024 * 1024 * 1024);
    QCOMPARE(json.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2026-11-28T04:00:12Z"));
    QCOMPARE(json.value(QStringLiteral("attributes")).toObject(),
        QJsonObject({{QStringLiteral("note"), QStringLiteral("before the upgrade")},
            {QStringLiteral("protected"), QStringLiteral("true")}}));
    QVERIFY(backup.isProtected());

    backup.expiresAtMs.reset();
    backup.index.reset();
    backup.sizeOfVolumes.reset();
    backup.sizeUsed.reset();
    json = backup.toJson();
    for (const char* key : {"expires_at", "index", "size_of_volumes", "size_used"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
}

void TestDomainJson::activityRoundTrip_data()
{
    QTest::addColumn<Activity>("activity");
    QTest::newRow("full") << sampleActivity();
    Activity pending;
    pending.id = QStringLiteral("a1");
    pending.type = QStringLiteral("environment.backup");
    pending.createdAtMs = utc(2026, 1, 1, 0, 0, 0);
    QTest::newRow("pending, nulls") << pending;
    for (auto state : {Activity::State::InProgress, Activity::State::Cancelled}) {
        Activity a = sampleActivity();
        a.state = state;
        a.result = Activity::Result::Success;
        QTest::newRow(qPrintable(Activity::stateToString(state))) << a;
    }
}

void TestDomainJson::activityRoundTrip()
{
    QFETCH(Activity, activity);
    const Decoded<Activity> decoded = Activity::fromJson(activity.toJson());
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    QVERIFY(*decoded.value == activity);
}

void TestDomainJson::activityFieldNames()
{
    Activity activity = sampleActivity();
    QJsonObject json = activity.toJson();
    QCOMPARE(sortedKeys(json),
        sorted({QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("state"), QStringLiteral("result"),
            QStringLiteral("completion_percent"), QStringLiteral("environments"), QStringLiteral("payload"),
            QStringLiteral("text"), QStringLiteral("log"), QStringLiteral("created_at"), QStringLiteral("started_at"),
            QStringLiteral("completed_at"), QStringLiteral("cancelled_at"), QStringLiteral("project"),
            QStringLiteral("updated_at"), QStringLiteral("parameters"), QStringLiteral("failure_reason"),
            QStringLiteral("timings"), QStringLiteral("description"), QStringLiteral("expires_at"),
            QStringLiteral("commands"), QStringLiteral("_links")}));
    QCOMPARE(json.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
    QCOMPARE(json.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QCOMPARE(json.value(QStringLiteral("completion_percent")), QJsonValue(40));
    QCOMPARE(json.value(QStringLiteral("environments")).toArray(),
        QJsonArray({QStringLiteral("main"), QStringLiteral("staging")}));
    QCOMPARE(json.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString(),
        QStringLiteral("5ouv"));
    QCOMPARE(json.value(QStringLiteral("_links"))
                 .toObject()
                 .value(QStringLiteral("#cancel"))
                 .toObject()
                 .value(QStringLiteral("method")),
        QJsonValue(QStringLiteral("POST")));

    activity.state = Activity::State::InProgress;
    QCOMPARE(activity.toJson().value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));
    QVERIFY(!activity.isFinished());
    activity.result.reset();
    activity.startedAtMs.reset();
    activity.completedAtMs.reset();
    activity.cancelledAtMs.reset();
    json = activity.toJson();
    for (const char* key : {"result", "started_at", "completed_at", "cancelled_at"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
}

void TestDomainJson::activityCompletionPercent_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("0") << QByteArray("0") << 0;
    QTest::newRow("57") << QByteArray("57") << 57;
    QTest::newRow("33.4 rounds down") << QByteArray("33.4") << 33;
    QTest::newRow("99.5 rounds up") << QByteArray("99.5") << 100;
    QTest::newRow("150 clamps") << QByteArray("150") << 100;
    QTest::newRow("-5 clamps") << QByteArray("-5") << 0;
    QTest::newRow("1e9 clamps") << QByteArray("1e9") << 100;
}

void TestDomainJson::activityCompletionPercent()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const Decoded<Activity> decoded
        = Activity::fromJson(parse("{\"id\": \"a\", \"completion_percent\": " + value + "}"));
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    QCOMPARE(decoded.value->completionPercent, expected);
}

void TestDomainJson::projectRoundTrip()
{
    Project project;
    project.id = QStringLiteral("demo");
    project.title = QStringLiteral("Demo project");
    project.timezone = QStringLiteral("Europe/Paris");
    project.links.set(QStringLiteral("self"), QStringLiteral("/projects/demo"));
    const QJsonObject json = project.toJson();
    QCOMPARE(sortedKeys(json),
        sorted({QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("timezone"), QStringLiteral("_links")}));
    const Decoded<Project> decoded = Project::fromJson(json);
    QVERIFY(decoded.ok());
    QVERIFY(*decoded.value == project);

    // The hosted API sends much more; a missing timezone is UTC.
    const Decoded<Project> hosted = Project::fromJson(parse(R"({"id": "abcdefgh1234567", "title": "Shop",
        "region": "eu-3.platform.sh", "owner": "9a1b", "subscription": {"plan": "upsun/flexible"}, "_links": {}})"));
    QVERIFY2(hosted.ok(), qPrintable(joined(hosted.problems)));
    QCOMPARE(hosted.value->id, QStringLiteral("abcdefgh1234567"));
    QCOMPARE(hosted.value->title, QStringLiteral("Shop"));
    QCOMPARE(hosted.value->timezone, QStringLiteral("UTC"));
}

// ---------------------------------------------------------------------------------------------------------------
// The hosted API's shapes, with fields Tidemark does not know and optional fields left out.

void TestDomainJson::hostedEnvironments()
{
    const QJsonArray items = fixture(QStringLiteral("environments.json")).toArray();
    QCOMPARE(items.size(), 3);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Decoded<Environment> decoded = Environment::fromJson(items.at(i), JsonPath::index(QString(), i));
        QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    }
    const QList<Environment> envs = decodeList<Environment>(items);

    const Environment& main = envs.at(0);
    QCOMPARE(main.id, QStringLiteral("main"));
    QCOMPARE(main.name, QStringLiteral("main"));
    QCOMPARE(main.machineName, QStringLiteral("main-bvxea6i"));
    QCOMPARE(main.title, QStringLiteral("Main"));
    QCOMPARE(main.type, EnvironmentType::Production);
    QCOMPARE(main.status, Environment::Status::Active);
    QVERIFY(!main.parent);
    QVERIFY(!main.isDirty);
    QCOMPARE(main.createdAtMs, utc(2024, 5, 2, 9, 13, 41, 123));
    QCOMPARE(main.updatedAtMs, utc(2026, 11, 26, 4, 0, 0));
    QCOMPARE(main.lastBackupAtMs.value_or(-1), utc(2026, 11, 26, 4, 0, 12, 345));
    QVERIFY(!main.local);
    QCOMPARE(sorted(main.links.hrefs.keys()),
        sorted({QStringLiteral("self"), QStringLiteral("project"), QStringLiteral("public-url"),
            QStringLiteral("pf:ssh:app"), QStringLiteral("#edit"), QStringLiteral("#backup"),
            QStringLiteral("#manage-variables")}));
    QCOMPARE(main.links.href(QStringLiteral("#backup")),
        QStringLiteral("/api/projects/abcdefgh1234567/environments/main/backup"));

    const Environment& staging = envs.at(1);
    QCOMPARE(staging.type, EnvironmentType::Staging);
    QCOMPARE(staging.parent.value_or(QString()), QStringLiteral("main"));
    QVERIFY(staging.isDirty);
    QVERIFY(!staging.lastBackupAtMs);
    QCOMPARE(staging.updatedAtMs, utc(2026, 11, 26, 0, 0, 0));
    QVERIFY(!staging.links.has(QStringLiteral("#backup")));

    // No name, machine_name, updated_at, is_dirty or last_backup_at.
    const Environment& feature = envs.at(2);
    QCOMPARE(feature.id, QStringLiteral("feature-x"));
    QCOMPARE(feature.name, QStringLiteral("feature-x"));
    QCOMPARE(feature.machineName, QStringLiteral("feature-x"));
    QCOMPARE(feature.type, EnvironmentType::Development);
    QCOMPARE(feature.status, Environment::Status::Inactive);
    QCOMPARE(feature.createdAtMs, utc(2026, 10, 1, 12, 0, 0, 500));
    QCOMPARE(feature.updatedAtMs, feature.createdAtMs);
    QVERIFY(!feature.isDirty);
    QVERIFY(feature.links.has(QStringLiteral("#activate")));

    // What we write from it is the contract's shape, not the hosted extras.
    const QJsonObject written = main.toJson();
    QVERIFY(!written.contains(QStringLiteral("http_access")));
    QVERIFY(!written.contains(QStringLiteral("local")));
    QCOMPARE(written.value(QStringLiteral("created_at")).toString(), QStringLiteral("2024-05-02T09:13:41Z"));
}

void TestDomainJson::hostedBackups()
{
    const QJsonArray items = fixture(QStringLiteral("backups.json")).toArray();
    QCOMPARE(items.size(), 3);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Decoded<Backup> decoded = Backup::fromJson(items.at(i), JsonPath::index(QString(), i));
        QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    }
    const QList<Backup> backups = decodeList<Backup>(items);

    const Backup& automated = backups.at(0);
    QCOMPARE(automated.id, QStringLiteral("5ouvtgo4v75axijww7sqnftste"));
    QCOMPARE(automated.createdAtMs, utc(2026, 11, 26, 4, 0, 12, 345));
    QCOMPARE(automated.updatedAtMs, utc(2026, 11, 26, 4, 1, 2));
    QCOMPARE(automated.environment, QStringLiteral("main"));
    QCOMPARE(automated.status, Backup::Status::Created);
    QVERIFY(automated.automated);
    QVERIFY(!automated.safe);
    QVERIFY(automated.restorable);
    QCOMPARE(automated.commitId, QStringLiteral("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"));
    QCOMPARE(automated.expiresAtMs.value_or(-1), utc(2026, 11, 28, 4, 0, 12));
    QCOMPARE(automated.index.value_or(-1), 1);
    QCOMPARE(automated.sizeOfVolumes.value_or(-1), qint64(1073741824));
    QCOMPARE(automated.sizeUsed.value_or(-1), qint64(52428800));
    QVERIFY(automated.attributes.isEmpty());
    QVERIFY(automated.links.has(QStringLiteral("#restore")));
    QVERIFY(automated.links.has(QStringLiteral("#delete")));

    const Backup& manual = backups.at(1);
    QCOMPARE(manual.createdAtMs, utc(2026, 11, 24, 12, 45, 0));
    QCOMPARE(manual.updatedAtMs, manual.createdAtMs);
    QVERIFY(!manual.automated);
    QVERIFY(manual.safe);
    QVERIFY(!manual.restorable);
    QVERIFY(!manual.expiresAtMs);
    QVERIFY(!manual.index);
    QVERIFY(!manual.sizeOfVolumes);
    QVERIFY(!manual.sizeUsed);
    QCOMPARE(manual.attributes.value(QStringLiteral("label")), QStringLiteral("before the upgrade"));
    QVERIFY(!manual.isProtected());
    QVERIFY(!manual.links.has(QStringLiteral("#restore")));

    const Backup& sparse = backups.at(2);
    QCOMPARE(sparse.status, Backup::Status::Deleting);
    QVERIFY(sparse.links.hrefs.isEmpty());
    QVERIFY(sparse.commitId.isEmpty());
}

void TestDomainJson::hostedActivity()
{
    const Decoded<Activity> decoded = Activity::fromJson(fixture(QStringLiteral("activity.json")));
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    const Activity& a = *decoded.value;
    QCOMPARE(a.id, QStringLiteral("ms6sde4hnrlpc"));
    QCOMPARE(a.type, QStringLiteral("environment.backup"));
    QCOMPARE(a.state, Activity::State::Complete);
    QVERIFY(a.result == Activity::Result::Success);
    QVERIFY(a.isFinished());
    QCOMPARE(a.completionPercent, 100);
    QCOMPARE(a.environments, QStringList {QStringLiteral("main")});
    QCOMPARE(a.payload.value(QStringLiteral("backup_name")).toString(), QStringLiteral("5ouvtgo4v75axijww7sqnftste"));
    QCOMPARE(a.payload.value(QStringLiteral("user")).toObject().value(QStringLiteral("display_name")).toString(),
        QStringLiteral("Ana Admin"));
    // The hosted objects in the payload, read by the helpers that also take the older plain strings.
    QCOMPARE(a.payloadEnvironment(), QStringLiteral("main"));
    QCOMPARE(a.payloadUser(), QStringLiteral("Ana Admin"));
    QCOMPARE(a.project, QStringLiteral("abcdefgh1234567"));
    QCOMPARE(a.parameters.value(QStringLiteral("safe")), QJsonValue(false));
    QCOMPARE(a.timings.value(QStringLiteral("execute")).toInt(), 59);
    QVERIFY(a.description && a.description->contains(QStringLiteral("<user>Ana Admin</user>")));
    QVERIFY(a.expiresAtMs.has_value());
    QVERIFY(a.updatedAtMs.has_value());
    QVERIFY(!a.failureReason);
    Activity older = a;
    older.payload = QJsonObject {
        {QStringLiteral("environment"), QStringLiteral("staging")}, {QStringLiteral("user"), QStringLiteral("cron")}};
    QCOMPARE(older.payloadEnvironment(), QStringLiteral("staging"));
    QCOMPARE(older.payloadUser(), QStringLiteral("cron"));
    older.payload
        = QJsonObject {{QStringLiteral("environment"), QJsonObject {{QStringLiteral("name"), QStringLiteral("dev")}}}};
    QCOMPARE(older.payloadEnvironment(), QStringLiteral("dev"));
    QVERIFY(older.payloadUser().isEmpty());
    // The hosted states for activities that have not started yet read as pending.
    QJsonObject staged = fixture(QStringLiteral("activity.json")).toObject();
    staged.insert(QStringLiteral("state"), QStringLiteral("staged"));
    const Decoded<Activity> stagedActivity = Activity::fromJson(staged);
    QVERIFY2(stagedActivity.ok(), qPrintable(joined(stagedActivity.problems)));
    QCOMPARE(stagedActivity.value->state, Activity::State::Pending);
    QCOMPARE(a.text, QStringLiteral("Ana Admin created a backup of Main"));
    QVERIFY(a.log.startsWith(QLatin1String("Creating a live backup of main\n")));
    QCOMPARE(a.createdAtMs, utc(2026, 11, 26, 4, 0, 2, 948));
    QCOMPARE(a.startedAtMs.value_or(-1), utc(2026, 11, 26, 4, 0, 3));
    QCOMPARE(a.completedAtMs.value_or(-1), utc(2026, 11, 26, 4, 1, 2, 999));
    QVERIFY(!a.cancelledAtMs);
    QCOMPARE(a.links.href(QStringLiteral("log")),
        QStringLiteral("https://api.upsun.com/api/projects/abcdefgh1234567/activities/ms6sde4hnrlpc/log"));
    QVERIFY(!a.links.has(QStringLiteral("#cancel")));
}

void TestDomainJson::hostedSettings()
{
    const QJsonValue json = fixture(QStringLiteral("settings.json"));
    const Decoded<ProjectSettings> decoded = ProjectSettings::fromJson(json);
    QVERIFY2(decoded.ok(), qPrintable(joined(decoded.problems)));
    const ProjectSettings& s = *decoded.value;

    const RetentionPolicy production = s.policyFor(EnvironmentType::Production);
    QCOMPARE(production.maxBackups.value_or(-1), 21);
    QCOMPARE(production.manualCount, 3);
    QCOMPARE(production.schedules.size(), 3);
    QCOMPARE(production.schedules.at(2), schedule(1, Interval::Unit::Month, 12));
    QVERIFY(s.policyFor(EnvironmentType::Staging) == RetentionPolicy());
    // Not in the document: the default.
    QVERIFY(s.policyFor(EnvironmentType::Development) == RetentionPolicy::defaultFor(EnvironmentType::Development));
    QCOMPARE(s.dataRetention.size(), 3);

    // Other settings survive a round trip untouched.
    QCOMPARE(s.other.value(QStringLiteral("product_name")).toString(), QStringLiteral("Upsun"));
    QVERIFY(!s.other.contains(QStringLiteral("data_retention")));
    const QJsonObject written = s.toJson();
    for (const QString& key : json.toObject().keys())
        QVERIFY2(written.contains(key), qPrintable(key));
    QCOMPARE(written.value(QStringLiteral("crons_in_git")), QJsonValue(true));
    QCOMPARE(sortedKeys(written.value(QStringLiteral("data_retention")).toObject()),
        sorted({QStringLiteral("production"), QStringLiteral("staging"), QStringLiteral("development")}));
    QCOMPARE(written.value(QStringLiteral("data_retention"))
                 .toObject()
                 .value(QStringLiteral("development"))
                 .toObject()
                 .value(QStringLiteral("max_backups")),
        QJsonValue(QJsonValue::Null));
}

// ---------------------------------------------------------------------------------------------------------------
// Problems

void TestDomainJson::wrongTypes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mention");

    const QString env = QStringLiteral("environment");
    QTest::newRow("env missing id") << env << QByteArray(R"({"name": "main"})") << QStringLiteral("[2].id")
                                    << QStringLiteral("required");
    QTest::newRow("env id null") << env << QByteArray(R"({"id": null})") << QStringLiteral("[2].id")
                                 << QStringLiteral("null");
    QTest::newRow("env id empty") << env << QByteArray(R"({"id": ""})") << QStringLiteral("[2].id")
                                  << QStringLiteral("empty");
    QTest::newRow("env type qa") << env << QByteArray(R"({"id": "e", "type": "qa"})") << QStringLiteral("[2].type")
                                 << QStringLiteral("'qa'");
    QTest::newRow("env status weird") << env << QByteArray(R"({"id": "e", "status": "weird"})")
                                      << QStringLiteral("[2].status") << QStringLiteral("'weird'");
    QTest::newRow("env status number") << env << QByteArray(R"({"id": "e", "status": 1})")
                                       << QStringLiteral("[2].status") << QStringLiteral("string");
    QTest::newRow("env is_dirty yes") << env << QByteArray(R"({"id": "e", "is_dirty": "yes"})")
                                      << QStringLiteral("[2].is_dirty") << QStringLiteral("true or false");
    QTest::newRow("env created_at 5") << env << QByteArray(R"({"id": "e", "created_at": 5})")
                                      << QStringLiteral("[2].created_at") << QStringLiteral("5");
    QTest::newRow("env created_at garbage") << env << QByteArray(R"({"id": "e", "created_at": "yesterday"})")
                                            << QStringLiteral("[2].created_at") << QStringLiteral("'yesterday'");
    QTest::newRow("env updated_at null") << env << QByteArray(R"({"id": "e", "updated_at": null})")
                                         << QStringLiteral("[2].updated_at") << QStringLiteral("null");
    QTest::newRow("env last_backup_at true") << env << QByteArray(R"({"id": "e", "last_backup_at": true})")
                                             << QStringLiteral("[2].last_backup_at") << QStringLiteral("boolean");
    QTest::newRow("env parent 5") << env << QByteArray(R"({"id": "e", "parent": 5})") << QStringLiteral("[2].parent")
                                  << QStringLiteral("5");
    QTest::newRow("env name number") << env << QByteArray(R"({"id": "e", "name": 3})") << QStringLiteral("[2].name")
                                     << QStringLiteral("3");
    QTest::newRow("env title object") << env << QByteArray(R"({"id": "e", "title": {}})") << QStringLiteral("[2].title")
                                      << QStringLiteral("object");
    QTest::newRow("env _links array") << env << QByteArray(R"({"id": "e", "_links": []})")
                                      << QStringLiteral("[2]._links") << QStringLiteral("array");

    const QString backup = QStringLiteral("backup");
    QTest::newRow("backup missing created_at")
        << backup << QByteArray(R"({"id": "b"})") << QStringLiteral("[2].created_at") << QStringLiteral("required");
    QTest::newRow("backup missing id") << backup << QByteArray(R"({"created_at": "2026-11-26T04:00:00Z"})")
                                       << QStringLiteral("[2].id") << QStringLiteral("required");
    const QByteArray b = R"({"id": "b", "created_at": "2026-11-26T04:00:00Z", )";
    QTest::newRow("backup automated yes") << backup << QByteArray(b + R"("automated": "yes"})")
                                          << QStringLiteral("[2].automated") << QStringLiteral("a string");
    QTest::newRow("backup safe null") << backup << QByteArray(b + R"("safe": null})") << QStringLiteral("[2].safe")
                                      << QStringLiteral("null");
    QTest::newRow("backup index 1.5") << backup << QByteArray(b + R"("index": 1.5})") << QStringLiteral("[2].index")
                                      << QStringLiteral("1.5");
    QTest::newRow("backup index string") << backup << QByteArray(b + R"("index": "1"})") << QStringLiteral("[2].index")
                                         << QStringLiteral("a string");
    QTest::newRow("backup size_used -1") << backup << QByteArray(b + R"("size_used": -1})")
                                         << QStringLiteral("[2].size_used") << QStringLiteral("-1");
    QTest::newRow("backup size_of_volumes 2.5") << backup << QByteArray(b + R"("size_of_volumes": 2.5})")
                                                << QStringLiteral("[2].size_of_volumes") << QStringLiteral("2.5");
    QTest::newRow("backup status DONE") << backup << QByteArray(b + R"("status": "DONE"})")
                                        << QStringLiteral("[2].status") << QStringLiteral("'DONE'");
    QTest::newRow("backup status lowercase") << backup << QByteArray(b + R"("status": "created"})")
                                             << QStringLiteral("[2].status") << QStringLiteral("CREATED");
    QTest::newRow("backup expires_at 5") << backup << QByteArray(b + R"("expires_at": 5})")
                                         << QStringLiteral("[2].expires_at") << QStringLiteral("5");
    QTest::newRow("backup commit_id number")
        << backup << QByteArray(b + R"("commit_id": 12})") << QStringLiteral("[2].commit_id") << QStringLiteral("12");
    QTest::newRow("backup attribute number") << backup << QByteArray(b + R"("attributes": {"note": "x", "n": 5}})")
                                             << QStringLiteral("[2].attributes.n") << QStringLiteral("5");
    QTest::newRow("backup attributes array") << backup << QByteArray(b + R"("attributes": ["note"]})")
                                             << QStringLiteral("[2].attributes") << QStringLiteral("array");
    QTest::newRow("backup created_at offset garbage")
        << backup << QByteArray(R"({"id": "b", "created_at": "2026-11-26T04:00:00+2:00"})")
        << QStringLiteral("[2].created_at") << QStringLiteral("RFC 3339");

    const QString activity = QStringLiteral("activity");
    QTest::newRow("activity missing id") << activity << QByteArray(R"({"type": "environment.backup"})")
                                         << QStringLiteral("[2].id") << QStringLiteral("required");
    QTest::newRow("activity state weird") << activity << QByteArray(R"({"id": "a", "state": "weird"})")
                                          << QStringLiteral("[2].state") << QStringLiteral("'weird'");
    QTest::newRow("activity result maybe") << activity << QByteArray(R"({"id": "a", "result": "maybe"})")
                                           << QStringLiteral("[2].result") << QStringLiteral("'maybe'");
    QTest::newRow("activity result bool") << activity << QByteArray(R"({"id": "a", "result": false})")
                                          << QStringLiteral("[2].result") << QStringLiteral("boolean");
    QTest::newRow("activity percent string") << activity << QByteArray(R"({"id": "a", "completion_percent": "50"})")
                                             << QStringLiteral("[2].completion_percent") << QStringLiteral("string");
    QTest::newRow("activity percent null") << activity << QByteArray(R"({"id": "a", "completion_percent": null})")
                                           << QStringLiteral("[2].completion_percent") << QStringLiteral("null");
    QTest::newRow("activity environment number")
        << activity << QByteArray(R"({"id": "a", "environments": ["main", 3]})")
        << QStringLiteral("[2].environments[1]") << QStringLiteral("3");
    QTest::newRow("activity environments string") << activity << QByteArray(R"({"id": "a", "environments": "main"})")
                                                  << QStringLiteral("[2].environments") << QStringLiteral("string");
    QTest::newRow("activity payload array") << activity << QByteArray(R"({"id": "a", "payload": []})")
                                            << QStringLiteral("[2].payload") << QStringLiteral("array");
    QTest::newRow("activity started_at 5") << activity << QByteArray(R"({"id": "a", "started_at": 5})")
                                           << QStringLiteral("[2].started_at") << QStringLiteral("5");
    QTest::newRow("activity log number") << activity << QByteArray(R"({"id": "a", "log": 1})")
                                         << QStringLiteral("[2].log") << QStringLiteral("1");

    const QString project = QStringLiteral("project");
    QTest::newRow("project missing id") << project << QByteArray(R"({"title": "x"})") << QStringLiteral("[2].id")
                                        << QStringLiteral("required");
    QTest::newRow("project title number")
        << project << QByteArray(R"({"id": "p", "title": 5})") << QStringLiteral("[2].title") << QStringLiteral("5");
    QTest::newRow("project timezone null") << project << QByteArray(R"({"id": "p", "timezone": null})")
                                           << QStringLiteral("[2].timezone") << QStringLiteral("null");
}

void TestDomainJson::wrongTypes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, mention);

    const QString base = QStringLiteral("[2]");
    const QJsonValue value = parse(json);
    Problems problems;
    bool hasValue = true;
    if (kind == QLatin1String("environment")) {
        const auto d = Environment::fromJson(value, base);
        problems = d.problems;
        hasValue = d.ok();
    } else if (kind == QLatin1String("backup")) {
        const auto d = Backup::fromJson(value, base);
        problems = d.problems;
        hasValue = d.ok();
    } else if (kind == QLatin1String("activity")) {
        const auto d = Activity::fromJson(value, base);
        problems = d.problems;
        hasValue = d.ok();
    } else {
        const auto d = Project::fromJson(value, base);
        problems = d.problems;
        hasValue = d.ok();
    }
    QVERIFY(!hasValue);
    QVERIFY2(problems.size() == 1, qPrintable(joined(problems)));
    QCOMPARE(problems.first().path, path);
    QVERIFY2(problems.first().message.contains(mention), qPrintable(problems.first().message));
}

void TestDomainJson::notAnObject()
{
    const Decoded<Environment> env = Environment::fromJson(QJsonValue(QStringLiteral("main")), QStringLiteral("[0]"));
    QVERIFY(!env.ok());
    QCOMPARE(env.problems, Problems({{QStringLiteral("[0]"), QStringLiteral("must be an object, not a string")}}));
    QCOMPARE(Backup::fromJson(QJsonArray()).problems.size(), 1);
    QCOMPARE(Activity::fromJson(QJsonValue(5)).problems.first().path, QString());
    QVERIFY(!Project::fromJson(QJsonValue()).ok());
    QVERIFY(!ProjectSettings::fromJson(QJsonValue(QJsonValue::Null)).ok());
}

// ---------------------------------------------------------------------------------------------------------------
// ProjectSettings

void TestDomainJson::settingsDefaultsAndRoundTrip()
{
    const Decoded<ProjectSettings> empty = ProjectSettings::fromJson(QJsonObject());
    QVERIFY(empty.ok());
    for (EnvironmentType type : EnvironmentTypes::all()) {
        QVERIFY(empty.value->dataRetention.contains(type));
        QVERIFY(empty.value->policyFor(type) == RetentionPolicy::defaultFor(type));
    }
    QVERIFY(ProjectSettings().policyFor(EnvironmentType::Production)
        == RetentionPolicy::defaultFor(EnvironmentType::Production));

    const ProjectSettings sample = sampleSettings();
    const Decoded<ProjectSettings> again = ProjectSettings::fromJson(sample.toJson());
    QVERIFY(again.ok());
    QVERIFY(*again.value == sample);

    // A settings object built in code with some types missing equals its defaults-filled decoding.
    ProjectSettings partial;
    partial.dataRetention.insert(EnvironmentType::Staging, RetentionPolicy {{}, 5, 50});
    partial.other.insert(QStringLiteral("product_name"), QStringLiteral("Tidemark"));
    const Decoded<ProjectSettings> partialAgain = ProjectSettings::fromJson(partial.toJson());
    QVERIFY(partialAgain.ok());
    QVERIFY(*partialAgain.value == partial);
    QCOMPARE(partialAgain.value->other.value(QStringLiteral("product_name")).toString(), QStringLiteral("Tidemark"));

    ProjectSettings different = partial;
    different.dataRetention.insert(EnvironmentType::Development, RetentionPolicy {{}, 1, {}});
    QVERIFY(!(different == partial));
    different = partial;
    different.other.insert(QStringLiteral("x"), 1);
    QVERIFY(!(different == partial));
}

void TestDomainJson::settingsProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");

    QTest::newRow("unknown type") << QByteArray(R"({"data_retention": {"qa": {}}})")
                                  << QStringLiteral("settings.data_retention.qa");
    QTest::newRow("data_retention array")
        << QByteArray(R"({"data_retention": []})") << QStringLiteral("settings.data_retention");
    QTest::newRow("bad interval") << QByteArray(R"({"data_retention": {"staging": {"default_config":
                                         {"schedule": [{"interval": "5x", "count": 1}]}}}})")
                                  << QStringLiteral(
                                         "settings.data_retention.staging.default_config.schedule[0].interval");
    QTest::newRow("unknown policy key") << QByteArray(R"({"data_retention": {"production": {"keep": 1}}})")
                                        << QStringLiteral("settings.data_retention.production.keep");
}

void TestDomainJson::settingsProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    const Decoded<ProjectSettings> decoded = ProjectSettings::fromJson(parse(json), QStringLiteral("settings"));
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.problems.size() == 1, qPrintable(joined(decoded.problems)));
    QCOMPARE(decoded.problems.first().path, path);
    QVERIFY(!decoded.problems.first().message.isEmpty());
}

void TestDomainJson::patchLeavesOtherTypesUntouched()
{
    ProjectSettings settings = sampleSettings();
    const ProjectSettings before = settings;
    const Problems problems = settings.applyPatch(parse(R"({"data_retention": {"production": {"max_backups": 5}}})"));
    QVERIFY2(problems.isEmpty(), qPrintable(joined(problems)));

    QVERIFY(settings.policyFor(EnvironmentType::Staging) == before.policyFor(EnvironmentType::Staging));
    QVERIFY(settings.policyFor(EnvironmentType::Development) == before.policyFor(EnvironmentType::Development));
    RetentionPolicy expected = before.policyFor(EnvironmentType::Production);
    expected.maxBackups = 5;
    QVERIFY(settings.policyFor(EnvironmentType::Production) == expected);
    QVERIFY(!(settings == before));

    // An empty patch, or an empty data_retention, changes nothing and is fine.
    ProjectSettings same = before;
    QVERIFY(same.applyPatch(QJsonObject()).isEmpty());
    QVERIFY(same.applyPatch(parse(R"({"data_retention": {}})")).isEmpty());
    QVERIFY(same == before);
}

void TestDomainJson::patchMergesDefaultConfig()
{
    ProjectSettings settings = sampleSettings();
    const RetentionPolicy before = settings.policyFor(EnvironmentType::Production);
    QCOMPARE(before.schedules.size(), 2);

    const Problems problems
        = settings.applyPatch(parse(R"({"data_retention": {"production": {"default_config": {"manual_count": 1}}}})"));
    QVERIFY2(problems.isEmpty(), qPrintable(joined(problems)));
    const RetentionPolicy after = settings.policyFor(EnvironmentType::Production);
    QCOMPARE(after.manualCount, 1);
    QCOMPARE(after.schedules, before.schedules); // kept
    QCOMPARE(after.maxBackups, before.maxBackups); // kept
}

void TestDomainJson::patchReplacesSchedule()
{
    ProjectSettings settings = sampleSettings();
    const Problems problems = settings.applyPatch(parse(R"({"data_retention": {"staging":
        {"default_config": {"schedule": [{"interval": "d", "count": 3}, {"interval": "2w", "count": 2}]}}}})"));
    QVERIFY2(problems.isEmpty(), qPrintable(joined(problems)));
    const RetentionPolicy staging = settings.policyFor(EnvironmentType::Staging);
    QCOMPARE(staging.schedules,
        QList<Schedule>({schedule(1, Interval::Unit::Day, 3), schedule(2, Interval::Unit::Week, 2)}));
    QCOMPARE(staging.manualCount, 1); // kept
    QCOMPARE(staging.maxBackups.value_or(-1), 10); // kept

    // A type that had no entry starts from its default.
    QVERIFY(settings.applyPatch(parse(R"({"data_retention": {"development": {"max_backups": 3}}})")).isEmpty());
    RetentionPolicy development = RetentionPolicy::defaultFor(EnvironmentType::Development);
    development.maxBackups = 3;
    QVERIFY(settings.policyFor(EnvironmentType::Development) == development);

    // An empty schedule list turns automated backups off.
    QVERIFY(settings.applyPatch(parse(R"({"data_retention": {"production": {"default_config": {"schedule": []}}}})"))
                .isEmpty());
    QVERIFY(settings.policyFor(EnvironmentType::Production).schedules.isEmpty());
    QCOMPARE(settings.policyFor(EnvironmentType::Production).manualCount, 3);
}

void TestDomainJson::patchNullMaxBackupsRemovesCap()
{
    ProjectSettings settings = sampleSettings();
    QVERIFY(settings.policyFor(EnvironmentType::Production).maxBackups.has_value());
    const Problems problems
        = settings.applyPatch(parse(R"({"data_retention": {"production": {"max_backups": null}}})"));
    QVERIFY2(problems.isEmpty(), qPrintable(joined(problems)));
    QVERIFY(!settings.policyFor(EnvironmentType::Production).maxBackups.has_value());
    QCOMPARE(settings.policyFor(EnvironmentType::Production).schedules.size(), 2);
    QVERIFY(settings.toJson()
                .value(QStringLiteral("data_retention"))
                .toObject()
                .value(QStringLiteral("production"))
                .toObject()
                .value(QStringLiteral("max_backups"))
                .isNull());
}

void TestDomainJson::patchSeedDocumentExamples()
{
    // The PATCH bodies of "Back up an environment", applied one after the other to default settings.
    ProjectSettings settings = *ProjectSettings::fromJson(QJsonObject()).value;
    QVERIFY(settings
                .applyPatch(parse(R"({"data_retention": {"production": {"default_config":
        {"schedule": [{"interval": "1d", "count": 7}]}}}})"))
                .isEmpty());
    QCOMPARE(settings.policyFor(EnvironmentType::Production).schedules,
        QList<Schedule> {schedule(1, Interval::Unit::Day, 7)});

    QVERIFY(settings
                .applyPatch(parse(R"({"data_retention": {"production": {"default_config": {"schedule": [
        {"interval": "1d", "count": 7}, {"interval": "1w", "count": 4}, {"interval": "1M", "count": 12}]}}}})"))
                .isEmpty());
    QCOMPARE(settings.policyFor(EnvironmentType::Production).schedules.size(), 3);

    QVERIFY(settings.applyPatch(parse(R"({"data_retention": {"production": {"max_backups": 10}}})")).isEmpty());
    QVERIFY(
        settings.applyPatch(parse(R"({"data_retention": {"production": {"default_config":  {"manual_count": 1}}}})"))
            .isEmpty());

    const RetentionPolicy production = settings.policyFor(EnvironmentType::Production);
    QCOMPARE(production.schedules.size(), 3);
    QCOMPARE(production.maxBackups.value_or(-1), 10);
    QCOMPARE(production.manualCount, 1);
    QVERIFY(settings.policyFor(EnvironmentType::Staging) == RetentionPolicy::defaultFor(EnvironmentType::Staging));
}

void TestDomainJson::badPatchChangesNothing_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("bad interval next to a good change")
        << QByteArray(R"({"data_retention": {
            "production": {"max_backups": 50},
            "staging": {"default_config": {"schedule": [{"interval": "5x", "count": 1}]}}}})")
        << QStringList {QStringLiteral("data_retention.staging.default_config.schedule[0].interval")};
    QTest::newRow("merged duplicate") << QByteArray(R"({"data_retention": {"production": {"default_config":
            {"schedule": [{"interval": "1d", "count": 1}, {"interval": "d", "count": 2}]}}}})")
                                      << QStringList {QStringLiteral(
                                             "data_retention.production.default_config.schedule[1].interval")};
    QTest::newRow("not an object") << QByteArray("[]") << QStringList {QString()};
    QTest::newRow("other setting") << QByteArray(R"({"enforce_mfa": true})")
                                   << QStringList {QStringLiteral("enforce_mfa")};
    QTest::newRow("data_retention string")
        << QByteArray(R"({"data_retention": "none"})") << QStringList {QStringLiteral("data_retention")};
    QTest::newRow("unknown type") << QByteArray(R"({"data_retention": {"qa": {"max_backups": 2}}})")
                                  << QStringList {QStringLiteral("data_retention.qa")};
    QTest::newRow("entry not object") << QByteArray(R"({"data_retention": {"production": 5}})")
                                      << QStringList {QStringLiteral("data_retention.production")};
    QTest::newRow("unknown entry key") << QByteArray(R"({"data_retention": {"production": {"keep": 5}}})")
                                       << QStringList {QStringLiteral("data_retention.production.keep")};
    QTest::newRow("unknown default_config key")
        << QByteArray(R"({"data_retention": {"production": {"default_config": {"keep": 5}}}})")
        << QStringList {QStringLiteral("data_retention.production.default_config.keep")};
    QTest::newRow("default_config null") << QByteArray(
        R"({"data_retention": {"production": {"default_config": null}}})")
                                         << QStringList {QStringLiteral("data_retention.production.default_config")};
    QTest::newRow("max_backups 0") << QByteArray(R"({"data_retention": {"development": {"max_backups": 0}}})")
                                   << QStringList {QStringLiteral("data_retention.development.max_backups")};
    QTest::newRow("manual_count -1") << QByteArray(
        R"({"data_retention": {"staging": {"default_config": {"manual_count": -1}}}})")
                                     << QStringList {
                                            QStringLiteral("data_retention.staging.default_config.manual_count")};
    QTest::newRow("two problems") << QByteArray(R"({"data_retention": {"production": {"max_backups": "5"},
            "staging": {"default_config": {"schedule": [{"interval": "1d", "count": 0}]}}}})")
                                  << QStringList {QStringLiteral("data_retention.production.max_backups"),
                                         QStringLiteral("data_retention.staging.default_config.schedule[0].count")};
}

void TestDomainJson::badPatchChangesNothing()
{
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, paths);
    ProjectSettings settings = sampleSettings();
    const ProjectSettings before = settings;

    const Problems problems = settings.applyPatch(parse(patch));
    QStringList actual;
    for (const Problem& p : problems) {
        actual.append(p.path);
        QVERIFY(!p.message.isEmpty());
    }
    actual.sort();
    QCOMPARE(actual, sorted(paths));
    QVERIFY(settings == before);
    QCOMPARE(settings.dataRetention, before.dataRetention);
    QCOMPARE(settings.toJson(), before.toJson());
}

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
