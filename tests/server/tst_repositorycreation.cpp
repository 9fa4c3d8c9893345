// A project's restic repository is created exactly once, however many first backups ask for it at the same
// time, and a repository that exists but does not open is reported as what it is, never created again.
// Real tidemarkd processes on 127.0.0.1 with fresh data directories.
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace {

int rounds()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("TIDEMARK_REPOSITORY_ROUNDS", &ok);
    return ok && n > 0 ? n : 3;
}

QString repositoryDir(const ServerProcess& server)
{
    return server.dataDir() + QStringLiteral("/repositories/demo/repo");
}

// The keys `restic init` wrote; tidemarkd's own fast key (server/engine/resticfastkey.h, user "tidemarkd") is not
// one of them.
int keyCount(const ServerProcess& server)
{
    const QDir keys(repositoryDir(server) + QStringLiteral("/keys"));
    int count = 0;
    for (const QString& name : keys.entryList(QDir::Files)) {
        QFile file(keys.filePath(name));
        if (!file.open(QIODevice::ReadOnly)
            || QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("username")).toString()
                != QLatin1String("tidemarkd"))
            ++count;
    }
    return count;
}

} // namespace

class TestRepositoryCreation : public QObject
{
    Q_OBJECT

private slots:
    void concurrentFirstBackups();
    void wrongPasswordIsReportedNotReinitialised();
    void damagedConfigIsReportedNotReinitialised();
};

void TestRepositoryCreation::concurrentFirstBackups()
{
    const int n = rounds();
    for (int round = 0; round < n; ++round) {
        // A fresh server whose schedule starts production's first backup at once.
        ServerProcess server;
        server.setSchedulerEnabled(true);
        QVERIFY2(server.start(), qPrintable(server.error()));
        TestHttp http(server.url());
        const QString admin = http.exchange(server.adminToken());
        QVERIFY(!admin.isEmpty());
        QCOMPARE(
            http.request("POST", QStringLiteral("/projects/demo/environments/feature-x/activate"), {}, admin).status,
            200);
        // Two more environments in the same instant.
        QStringList started;
        for (const QString& environment : {QStringLiteral("staging"), QStringLiteral("feature-x")}) {
            const TestHttp::Reply r = http.request("POST",
                QStringLiteral("/projects/demo/environments/%1/backup").arg(environment), "{\"safe\": false}", admin);
            QCOMPARE(r.status, 202);
            started.append(TestHttp::activityId(r));
        }
        // Every backup, the scheduled ones included, succeeds.
        QDeadlineTimer deadline(180000);
        QJsonArray backups;
        forever
        {
            backups
                = http.get(QStringLiteral("/projects/demo/activities?type=environment.backup"), admin).json.toArray();
            bool allDone = !backups.isEmpty();
            for (const QJsonValue& a : backups) {
                const QString state = a.toObject().value(QStringLiteral("state")).toString();
                allDone = allDone && (state == QLatin1String("complete") || state == QLatin1String("cancelled"));
            }
            if (allDone || deadline.hasExpired())
                break;
            QTest::qWait(100);
        }
        QVERIFY2(
            backups.size() >= 3, qPrintable(QStringLiteral("round %1: %2 backups").arg(round).arg(backups.size())));
        for (const QJsonValue& a : backups) {
            const QJsonObject o = a.toObject();
            QVERIFY2(o.value(QStringLiteral("result")).toString() == QLatin1String("success"),
                qPrintable(
                    QStringLiteral("round %1: %2 ended %3: %4")
                        .arg(round)
                        .arg(o.value(QStringLiteral("text")).toString(), o.value(QStringLiteral("state")).toString(),
                            o.value(QStringLiteral("log")).toString())));
        }
        for (const QString& id : started)
            QVERIFY(std::any_of(backups.begin(), backups.end(),
                [&id](const QJsonValue& a) { return a.toObject().value(QStringLiteral("id")).toString() == id; }));
        // restic init writes one key: a second init would have left two.
        QCOMPARE(keyCount(server), 1);
        server.stop();
    }
}

void TestRepositoryCreation::wrongPasswordIsReportedNotReinitialised()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    TestHttp http(server.url());
    QString admin = http.exchange(server.adminToken());
    QCOMPARE(
        http.startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"), "{\"safe\": false}", admin)
            .value(QStringLiteral("result"))
            .toString(),
        QStringLiteral("success"));
    server.stop();

    // Another password in the password file, and a server that has not yet seen the repository.
    QFile password(server.dataDir() + QStringLiteral("/repositories/demo/repo.password"));
    QVERIFY(password.open(QIODevice::WriteOnly | QIODevice::Truncate));
    password.write("not-the-password");
    password.close();
    QFile config(repositoryDir(server) + QStringLiteral("/config"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray configBefore = config.readAll();
    config.close();
    QVERIFY(server.restart());
    admin = http.exchange(server.adminToken());
    const QJsonObject failed = http.startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), "{\"safe\": false}", admin);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const QString log = failed.value(QStringLiteral("log")).toString();
    QVERIFY2(log.contains(QStringLiteral("does not open it")) && log.contains(QStringLiteral("wrong password")),
        qPrintable(log));
    QCOMPARE(keyCount(server), 1);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), configBefore);
}

void TestRepositoryCreation::damagedConfigIsReportedNotReinitialised()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    TestHttp http(server.url());
    QString admin = http.exchange(server.adminToken());
    QCOMPARE(
        http.startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"), "{\"safe\": false}", admin)
            .value(QStringLiteral("result"))
            .toString(),
        QStringLiteral("success"));
    server.stop();

    // Flip bytes inside the encrypted config (restic's files are read-only).
    const QString configPath = repositoryDir(server) + QStringLiteral("/config");
    QFile::setPermissions(configPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::ReadWrite));
    QByteArray bytes = config.readAll();
    QVERIFY(bytes.size() > 40);
    for (int i = 20; i < 30; ++i)
        bytes[i] = char(bytes[i] ^ 0x5a);
    config.seek(0);
    config.write(bytes);
    config.close();

    QVERIFY(server.restart());
    admin = http.exchange(server.adminToken());
    const QJsonObject failed = http.startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), "{\"safe\": false}", admin);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const QString log = failed.value(QStringLiteral("log")).toString();
    QVERIFY2(log.contains(QStringLiteral("is damaged")), qPrintable(log));
    QCOMPARE(keyCount(server), 1);
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), bytes);

    // Without its config but with keys and data, the repository is not a place to create a new one either.
    config.close();
    QVERIFY(QFile::remove(configPath));
    const QJsonObject refused = http.startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), "{\"safe\": false}", admin);
    QCOMPARE(refused.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(refused.value(QStringLiteral("log")).toString().contains(QStringLiteral("has no config file")),
        qPrintable(refused.value(QStringLiteral("log")).toString()));
    QVERIFY(!QFile::exists(configPath));
    QCOMPARE(keyCount(server), 1);
}

QTEST_GUILESS_MAIN(TestRepositoryCreation)
#include "tst_repositorycreation.moc"
