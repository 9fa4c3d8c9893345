// Off-machine copies through tidemarkd's API, to a real REST target (rclone serve restic on 127.0.0.1): a copy after
// each backup, where each backup stands, the copy's own retention, an unreachable target that fails only the copy
// and is caught up on the next run, and credentials that never appear in an answer, a payload, a log or the database.
#include "environmentstate.h"
#include "resticrestserver.h"
#include "serverprocess.h"
#include "sshserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtTest>

namespace {

const QByteArray kSecret = "tm-secret-0d6f1c9a";

} // namespace

class TestCopies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void copySettingsAreValidated();
    void copyAfterBackup();
    void credentialsAreWriteOnly();
    void restoreFromCopyWhenThePrimaryIsDamaged();
    void unreachableTargetFailsOnlyTheCopy();
    void copyKeepsItsOwnRetention();
    void copyToSftpTarget();
    void verifyACopy();
    void recoveryKeysAndTheirAcknowledgement();
    void laterCopyStartsResticOnce();

private:
    QString backupMain();
    // The project.backup.copy activities started since the last call (at least `count`, waited for), newest first.
    QJsonArray newCopyRuns(int count);
    // The one copy run that the last backup started, waited for until it ends.
    QJsonObject waitForNewestCopy();
    QJsonObject backup(const QString& id);
    QJsonObject copyState(const QString& backupId);
    // The snapshots of the copy repository with `tag` (the backups' data; tidemark-manifest: their manifests), read
    // with restic itself.
    QJsonArray copySnapshots(const QString& name = QStringLiteral("offsite"), const QString& location = {},
        const QString& tag = QStringLiteral("tidemark"));
    TestHttp::Reply patchCopies(const QByteArray& copies);
    // How many restic processes a copy run started, as its log says ("restic ran N time(s) for this copy."); -1
    // when the log does not say.
    static int resticRuns(const QString& log);

    ServerProcess m_server;
    ResticRestServer m_rest;
    SshServer m_ssh;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
    QStringList m_backups;
    int m_copyRuns = 0; // copy activities seen so far
};

void TestCopies::initTestCase()
{
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    QVERIFY2(m_ssh.start(), qPrintable(m_ssh.error()));
    // restic runs `ssh` from PATH: the test server's client configuration comes first.
    m_server.setEnvironmentVariable(QStringLiteral("PATH"), m_ssh.path());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty());
    const TestHttp::Reply policy = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 10}}}})", m_admin);
    QCOMPARE(policy.status, 200);
}

void TestCopies::cleanupTestCase()
{
    m_server.stop();
    m_rest.stop();
    m_ssh.stop();
}

int TestCopies::resticRuns(const QString& log)
{
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("restic ran (\\d+) time\\S* for this copy\\.")).match(log);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

TestHttp::Reply TestCopies::patchCopies(const QByteArray& copies)
{
    return m_http->request(
        "PATCH", QStringLiteral("/projects/demo/settings"), "{\"backup_copies\": " + copies + "}", m_admin);
}

QString TestCopies::backupMain()
{
    const QJsonObject activity = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", m_admin, 180000);
    if (activity.value(QStringLiteral("result")).toString() != QLatin1String("success"))
        return {};
    const QString id
        = activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    m_backups.append(id);
    return id;
}

QJsonArray TestCopies::newCopyRuns(int count)
{
    // The copy starts once the backup's manifest is stored, a moment after the backup itself has ended.
    QJsonArray list;
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        list = m_http->get(QStringLiteral("/projects/demo/activities?type=project.backup.copy&count=1000"), m_admin)
                   .json.toArray();
        if (list.size() >= m_copyRuns + count)
            break;
        QTest::qWait(100);
    }
    QJsonArray runs;
    for (qsizetype i = 0; i < list.size() - m_copyRuns && i < count; ++i)
        runs.append(list.at(i)); // newest first
    m_copyRuns = int(list.size());
    return runs;
}

QJsonObject TestCopies::waitForNewestCopy()
{
    const QJsonArray runs = newCopyRuns(1);
    if (runs.isEmpty())
        return {};
    return m_http->waitForActivity(
        QStringLiteral("demo"), runs.at(0).toObject().value(QStringLiteral("id")).toString(), m_admin, 180000);
}

QJsonObject TestCopies::backup(const QString& id)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/main/backups/") + id, m_viewer).json.toObject();
}

QJsonObject TestCopies::copyState(const QString& backupId)
{
    for (const QJsonValue& copy : backup(backupId).value(QStringLiteral("copies")).toArray()) {
        if (copy.toObject().value(QStringLiteral("name")).toString() == QLatin1String("offsite"))
            return copy.toObject();
    }
    return {};
}

QJsonArray TestCopies::copySnapshots(const QString& name, const QString& location, const QString& tag)
{
    QProcess restic;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RESTIC_REPOSITORY"), location.isEmpty() ? m_rest.location() : location);
    environment.insert(QStringLiteral("RESTIC_PASSWORD_FILE"),
        m_server.dataDir() + QStringLiteral("/copies/demo/%1/password").arg(name));
    environment.insert(QStringLiteral("PATH"), m_ssh.path());
    restic.setProcessEnvironment(environment);
    restic.start(QStringLiteral("restic"),
        {QStringLiteral("--no-cache"), QStringLiteral("--json"), QStringLiteral("snapshots"), QStringLiteral("--tag"),
            tag});
    if (!restic.waitForFinished(60000) || restic.exitCode() != 0) {
        qWarning("restic snapshots on the copy: %s", restic.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(restic.readAllStandardOutput()).array();
}

void TestCopies::copySettingsAreValidated()
{
    const auto detailOf
        = [](const TestHttp::Reply& reply) { return reply.json.toObject().value(QStringLiteral("detail")).toObject(); };
    TestHttp::Reply reply = patchCopies(R"([{"name": "Off Site", "repository": "relative/path"}])");
    QCOMPARE(reply.status, 400);
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[0].name")), reply.body.constData());
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[0].repository")), reply.body.constData());
    reply = patchCopies(R"([{"name": "a", "repository": "/x", "env": {"RESTIC_PASSWORD": "p"}, "when": "hourly",
        "limit_upload_kib": 0}])");
    QCOMPARE(reply.status, 400);
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[0].env.RESTIC_PASSWORD")), reply.body.constData());
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[0].when")), reply.body.constData());
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[0].limit_upload_kib")), reply.body.constData());
    reply = patchCopies(R"([{"name": "a", "repository": "/x"}, {"name": "a", "repository": "/y"}])");
    QCOMPARE(reply.status, 400);
    QVERIFY2(detailOf(reply).contains(QStringLiteral("backup_copies[1].name")), reply.body.constData());
    reply = patchCopies(R"([{"name": "primary", "repository": "/x"}])");
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"({"backup_copies": []})", m_viewer)
                 .status,
        403);
}

void TestCopies::copyAfterBackup()
{
    const TestHttp::Reply set = patchCopies(QStringLiteral(R"([{"name": "offsite", "repository": "%1",
        "env": {"AWS_SECRET_ACCESS_KEY": "%2"}, "limit_upload_kib": 100000}])")
                                                .arg(m_rest.location(), QString::fromLatin1(kSecret))
                                                .toUtf8());
    QCOMPARE(set.status, 200);
    QVERIFY(!set.body.contains(kSecret));

    const QString id = backupMain();
    QVERIFY(!id.isEmpty());
    const QJsonObject copy = waitForNewestCopy();
    QVERIFY2(copy.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(copy.value(QStringLiteral("log")).toString()));
    QCOMPARE(copy.value(QStringLiteral("payload")).toObject().value(QStringLiteral("copy")).toString(),
        QStringLiteral("offsite"));

    // A new target: `restic init`, then `restic copy`, as a person would run them (no probe before the init, no
    // `restic snapshots` after the copy).
    QVERIFY2(resticRuns(copy.value(QStringLiteral("log")).toString()) == 2,
        qPrintable(copy.value(QStringLiteral("log")).toString()));

    const QJsonObject state = copyState(id);
    QCOMPARE(state.value(QStringLiteral("status")).toString(), QStringLiteral("copied"));
    QVERIFY(!state.value(QStringLiteral("copied_at")).toString().isEmpty());
    QVERIFY(state.value(QStringLiteral("error")).isNull());

    const QJsonArray snapshots = copySnapshots();
    QCOMPARE(snapshots.size(), 1);
    QVERIFY(snapshots.at(0)
                .toObject()
                .value(QStringLiteral("tags"))
                .toArray()
                .contains(QJsonValue(QStringLiteral("backup=") + id)));
    // With the manifest that `tidemarkd import` rebuilds the store from.
    const QJsonArray manifests = copySnapshots(QStringLiteral("offsite"), {}, QStringLiteral("tidemark-manifest"));
    QCOMPARE(manifests.size(), 1);
    QVERIFY(manifests.at(0)
                .toObject()
                .value(QStringLiteral("tags"))
                .toArray()
                .contains(QJsonValue(QStringLiteral("backup=") + id)));

    // The copy's generated password and its credentials: owner-only files beside, not in, the database.
    for (const QString& name : {QStringLiteral("password"), QStringLiteral("env.json")}) {
        const QFileInfo info(m_server.dataDir() + QStringLiteral("/copies/demo/offsite/") + name);
        QVERIFY2(info.exists(), qPrintable(info.filePath()));
        QCOMPARE(info.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

void TestCopies::credentialsAreWriteOnly()
{
    const TestHttp::Reply settings = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin);
    QVERIFY(!settings.body.contains(kSecret));
    const QJsonObject copy = settings.json.toObject().value(QStringLiteral("backup_copies")).toArray().at(0).toObject();
    QCOMPARE(copy.value(QStringLiteral("env")).toArray(), QJsonArray {QStringLiteral("AWS_SECRET_ACCESS_KEY")});

    // A round trip of the answer keeps the stored value; a name without a value is refused.
    QJsonArray copies {copy};
    TestHttp::Reply reply = patchCopies(QJsonDocument(copies).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 200);
    QFile env(m_server.dataDir() + QStringLiteral("/copies/demo/offsite/env.json"));
    QVERIFY(env.open(QIODevice::ReadOnly));
    QVERIFY(env.readAll().contains(kSecret));
    QJsonObject unknown = copy;
    unknown.insert(QStringLiteral("env"), QJsonArray {QStringLiteral("B2_ACCOUNT_KEY")});
    reply = patchCopies(QJsonDocument(QJsonArray {unknown}).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.json.toObject()
                 .value(QStringLiteral("detail"))
                 .toObject()
                 .contains(QStringLiteral("backup_copies[0].env.B2_ACCOUNT_KEY")),
        reply.body.constData());

    // Nowhere in activities, their payloads and logs, or the database.
    const TestHttp::Reply activities = m_http->get(QStringLiteral("/projects/demo/activities?count=100"), m_admin);
    QVERIFY(!activities.body.contains(kSecret));
    for (const QJsonValue& a : activities.json.toArray()) {
        const QString id = a.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(
            !m_http->get(QStringLiteral("/projects/demo/activities/%1/log").arg(id), m_admin).body.contains(kSecret));
    }
    for (const QString& name : {QStringLiteral("tidemark.db"), QStringLiteral("tidemark.db-wal")}) {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(kSecret), qPrintable(name));
    }
}

void TestCopies::restoreFromCopyWhenThePrimaryIsDamaged()
{
    using namespace EnvironmentState;
    const QString first = m_backups.value(0);
    QVERIFY(!first.isEmpty());
    const QString mount = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_admin)
                              .json.toObject()
                              .value(QStringLiteral("local"))
                              .toObject()
                              .value(QStringLiteral("mounts"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("path"))
                              .toString();
    const Tree atBackup = hashTree(mount); // a live backup changes nothing in the environment

    // Flip bytes in the primary's largest pack; the verification names it and takes the backup's restorability.
    const QString pack = damageLargestPack(m_server.dataDir() + QStringLiteral("/repositories/demo/repo"), 32);
    QVERIFY(!pack.isEmpty());
    const QJsonObject verify = m_http->startAndWait("POST", QStringLiteral("/projects/demo/verify"),
        R"({"read_data_percent": 100, "test_restore": false})", m_admin, 180000);
    QCOMPARE(verify.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY(verify.value(QStringLiteral("text")).toString().contains(QFileInfo(pack).fileName()));
    QCOMPARE(backup(first).value(QStringLiteral("restorable")).toBool(), false);

    // Not from the primary; from the copy, exactly.
    const QString restorePath = QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(first);
    QCOMPARE(m_http->request("POST", restorePath, R"({"restore_code": false})", m_admin).status, 409);
    QCOMPARE(m_http->request("POST", restorePath, R"({"from_copy": "elsewhere"})", m_admin).status, 400);
    QVERIFY(writeFile(mount + QStringLiteral("/written-after.txt"), "after the backup"));
    const QJsonObject restored = m_http->startAndWait("POST", restorePath,
        R"({"restore_code": false, "from_copy": "offsite", "safety_backup": false})", m_admin, 180000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(restored.value(QStringLiteral("log")).toString()));
    QCOMPARE(restored.value(QStringLiteral("payload")).toObject().value(QStringLiteral("from_copy")).toString(),
        QStringLiteral("offsite"));
    QCOMPARE(hashTree(mount), atBackup);

    // One file from the copy while the primary repository is gone altogether (the lost disk): its paths are checked
    // in the copy, not in the primary.
    const QString mountName = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_admin)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject()
                                  .value(QStringLiteral("mounts"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("name"))
                                  .toString();
    QVERIFY(!mountName.isEmpty());
    QVERIFY(!atBackup.isEmpty());
    const QString file = atBackup.firstKey();
    QVERIFY(writeFile(mount + QLatin1Char('/') + file, "changed after the backup"));
    QVERIFY(hashTree(mount) != atBackup);
    const QString primary = m_server.dataDir() + QStringLiteral("/repositories/demo/repo");
    QVERIFY(QDir().rename(primary, primary + QStringLiteral(".lost")));
    const auto back = qScopeGuard([&] { QDir().rename(primary + QStringLiteral(".lost"), primary); });
    const QJsonObject onePath = m_http->startAndWait("POST", restorePath,
        QJsonDocument(QJsonObject {{QStringLiteral("from_copy"), QStringLiteral("offsite")},
                          {QStringLiteral("safety_backup"), false},
                          {QStringLiteral("paths"), QJsonArray {QStringLiteral("mounts/%1/%2").arg(mountName, file)}}})
            .toJson(QJsonDocument::Compact),
        m_admin, 180000);
    QVERIFY2(onePath.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(onePath.value(QStringLiteral("log")).toString() + onePath.value(QStringLiteral("text")).toString()));
    QCOMPARE(hashTree(mount), atBackup);
}

void TestCopies::unreachableTargetFailsOnlyTheCopy()
{
    m_rest.stop();
    const QString id = backupMain();
    QVERIFY2(!id.isEmpty(), "the backup itself must succeed while its copy target is down");
    const QJsonObject failed = waitForNewestCopy();
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QVERIFY2(failed.value(QStringLiteral("text")).toString().contains(QStringLiteral("offsite")),
        qPrintable(failed.value(QStringLiteral("text")).toString()));
    const QJsonObject state = copyState(id);
    QCOMPARE(state.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(!state.value(QStringLiteral("error")).toString().isEmpty());
    QVERIFY(backup(id).value(QStringLiteral("restorable")).toBool());

    // Back up again with the target back: the next run copies both.
    QVERIFY2(m_rest.start(), qPrintable(m_rest.error()));
    const QString next = backupMain();
    QVERIFY(!next.isEmpty());
    const QJsonObject copied = waitForNewestCopy();
    QVERIFY2(copied.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(copied.value(QStringLiteral("log")).toString()));
    QCOMPARE(copyState(id).value(QStringLiteral("status")).toString(), QStringLiteral("copied"));
    QCOMPARE(copyState(next).value(QStringLiteral("status")).toString(), QStringLiteral("copied"));
    QCOMPARE(copySnapshots().size(), 3);
}

void TestCopies::copyKeepsItsOwnRetention()
{
    // The copy keeps only the newest manual backup of a production environment; the primary keeps ten.
    const QJsonObject copy = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin)
                                 .json.toObject()
                                 .value(QStringLiteral("backup_copies"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QJsonObject withRetention = copy;
    withRetention.insert(QStringLiteral("data_retention"),
        QJsonObject {{QStringLiteral("production"),
            QJsonObject {{QStringLiteral("default_config"), QJsonObject {{QStringLiteral("manual_count"), 1}}}}}});
    QCOMPARE(patchCopies(QJsonDocument(QJsonArray {withRetention}).toJson(QJsonDocument::Compact)).status, 200);

    const QString newest = backupMain();
    QVERIFY(!newest.isEmpty());
    const QJsonObject run = waitForNewestCopy();
    QVERIFY2(run.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(run.value(QStringLiteral("log")).toString()));
    const QJsonArray snapshots = copySnapshots();
    QCOMPARE(snapshots.size(), 1);
    QVERIFY(snapshots.at(0)
                .toObject()
                .value(QStringLiteral("tags"))
                .toArray()
                .contains(QJsonValue(QStringLiteral("backup=") + newest)));
    // The pruned backups' manifests went with them.
    QCOMPARE(copySnapshots(QStringLiteral("offsite"), {}, QStringLiteral("tidemark-manifest")).size(), 1);
    QCOMPARE(copyState(newest).value(QStringLiteral("status")).toString(), QStringLiteral("copied"));
    for (const QString& id : m_backups) {
        if (id == newest)
            continue;
        QVERIFY2(copyState(id).isEmpty(), qPrintable(id)); // no longer on the copy
        QCOMPARE(backup(id).value(QStringLiteral("id")).toString(), id); // still in the primary
    }
    // The next run does not copy the pruned backups again.
    const QString after = backupMain();
    QVERIFY(!after.isEmpty());
    QCOMPARE(waitForNewestCopy().value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(copySnapshots().size(), 1);
}

void TestCopies::copyToSftpTarget()
{
    QJsonArray copies = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin)
                            .json.toObject()
                            .value(QStringLiteral("backup_copies"))
                            .toArray();
    QCOMPARE(copies.size(), 1);
    copies.append(QJsonObject {
        {QStringLiteral("name"), QStringLiteral("sftp")}, {QStringLiteral("repository"), m_ssh.location()}});
    QCOMPARE(patchCopies(QJsonDocument(copies).toJson(QJsonDocument::Compact)).status, 200);

    const QString id = backupMain();
    QVERIFY(!id.isEmpty());
    // One activity per target, each on its own queue.
    const QJsonArray runs = newCopyRuns(2);
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue& run : runs) {
        const QJsonObject done = m_http->waitForActivity(
            QStringLiteral("demo"), run.toObject().value(QStringLiteral("id")).toString(), m_admin, 180000);
        QVERIFY2(done.value(QStringLiteral("result")).toString() == QLatin1String("success"),
            qPrintable(done.value(QStringLiteral("log")).toString()));
    }
    // On 2 of 2 copies.
    const QJsonArray states = backup(id).value(QStringLiteral("copies")).toArray();
    QCOMPARE(states.size(), 2);
    for (const QJsonValue& state : states)
        QCOMPARE(state.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("copied"));
    // Every backup the primary holds went to the new target.
    QCOMPARE(copySnapshots(QStringLiteral("sftp"), m_ssh.location()).size(), m_backups.size());
    QVERIFY(QFileInfo::exists(m_ssh.directory() + QStringLiteral("/copy/config")));
}

void TestCopies::verifyACopy()
{
    const auto repositories = [this] {
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue& r : m_http->get(QStringLiteral("/projects/demo/repository"), m_viewer)
                                       .json.toObject()
                                       .value(QStringLiteral("repositories"))
                                       .toArray())
            byName.insert(r.toObject().value(QStringLiteral("name")).toString(), r.toObject());
        return byName;
    };
    const QJsonObject primaryBefore = repositories().value(QStringLiteral("primary"));
    QVERIFY(repositories().value(QStringLiteral("offsite")).value(QStringLiteral("last_verified_at")).isNull());

    const QJsonObject activity = m_http->startAndWait("POST", QStringLiteral("/projects/demo/verify"),
        R"({"repository": "offsite", "read_data_percent": 100, "test_restore": true})", m_admin, 180000);
    QVERIFY2(activity.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(activity.value(QStringLiteral("log")).toString()));
    QVERIFY2(activity.value(QStringLiteral("text")).toString().contains(QStringLiteral("identical")),
        qPrintable(activity.value(QStringLiteral("text")).toString()));

    const auto after = repositories();
    const QJsonObject offsite = after.value(QStringLiteral("offsite"));
    QCOMPARE(offsite.value(QStringLiteral("last_verify_result")).toString(), QStringLiteral("success"));
    QCOMPARE(offsite.value(QStringLiteral("location")).toString(), m_rest.location());
    QCOMPARE(offsite.value(QStringLiteral("snapshots")).toInt(), 1); // its retention keeps one
    QCOMPARE(after.value(QStringLiteral("sftp")).value(QStringLiteral("snapshots")).toInt(), int(m_backups.size()));
    // The primary's own record is untouched.
    QCOMPARE(after.value(QStringLiteral("primary")).value(QStringLiteral("last_verified_at")),
        primaryBefore.value(QStringLiteral("last_verified_at")));
}

void TestCopies::recoveryKeysAndTheirAcknowledgement()
{
    const QString path = QStringLiteral("/projects/demo/repository/key");
    QCOMPARE(m_http->get(path, m_viewer).status, 403);
    QCOMPARE(m_http->get(path + QStringLiteral("?repository=elsewhere"), m_admin).status, 404);
    for (const auto& [name, file] :
        {std::pair {QStringLiteral("primary"), QStringLiteral("/repositories/demo/repo.password")},
            std::pair {QStringLiteral("offsite"), QStringLiteral("/copies/demo/offsite/password")}}) {
        const TestHttp::Reply key = m_http->get(path + QStringLiteral("?repository=") + name, m_admin);
        QCOMPARE(key.status, 200);
        QFile password(m_server.dataDir() + file);
        QVERIFY(password.open(QIODevice::ReadOnly));
        QCOMPARE(key.json.toObject().value(QStringLiteral("password")).toString(),
            QString::fromUtf8(password.readAll().trimmed()));
        QCOMPARE(key.json.toObject().value(QStringLiteral("repository")).toString(), name);
    }

    const auto acknowledgedAt = [this](const QString& name) {
        for (const QJsonValue& r : m_http->get(QStringLiteral("/projects/demo/repository"), m_viewer)
                                       .json.toObject()
                                       .value(QStringLiteral("repositories"))
                                       .toArray()) {
            if (r.toObject().value(QStringLiteral("name")).toString() == name)
                return r.toObject().value(QStringLiteral("key_acknowledged_at"));
        }
        return QJsonValue(QJsonValue::Undefined);
    };
    QVERIFY(acknowledgedAt(QStringLiteral("primary")).isNull());
    QCOMPARE(m_http->request("POST", path + QStringLiteral("/acknowledge"), {}, m_viewer).status, 403);
    QCOMPARE(m_http->request("POST", path + QStringLiteral("/acknowledge"), {}, m_admin).status, 200);
    QVERIFY(!acknowledgedAt(QStringLiteral("primary")).toString().isEmpty());
    QVERIFY(acknowledgedAt(QStringLiteral("offsite")).isNull()); // each repository on its own
}

void TestCopies::laterCopyStartsResticOnce()
{
    // The sftp copy (no retention of its own) was opened before: a later copy is one `restic copy`, and what it
    // copied is learned from its output. The offsite copy lists its snapshots for its retention.
    const auto sftpRun = [this]() -> QJsonObject {
        for (const QJsonValue& run : newCopyRuns(2)) {
            const QJsonObject done = m_http->waitForActivity(
                QStringLiteral("demo"), run.toObject().value(QStringLiteral("id")).toString(), m_admin, 180000);
            if (done.value(QStringLiteral("payload")).toObject().value(QStringLiteral("copy")).toString()
                == QLatin1String("sftp"))
                return done;
        }
        return {};
    };
    const auto sftpState = [this](const QString& backupId) {
        for (const QJsonValue& copy : backup(backupId).value(QStringLiteral("copies")).toArray()) {
            if (copy.toObject().value(QStringLiteral("name")).toString() == QLatin1String("sftp"))
                return copy.toObject().value(QStringLiteral("status")).toString();
        }
        return QString();
    };
    const QString later = backupMain();
    QVERIFY(!later.isEmpty());
    const QJsonObject run = sftpRun();
    const QString log = run.value(QStringLiteral("log")).toString();
    QVERIFY2(run.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(log));
    QVERIFY2(resticRuns(log) == 1, qPrintable(log));
    QCOMPARE(sftpState(later), QStringLiteral("copied"));
    QCOMPARE(copySnapshots(QStringLiteral("sftp"), m_ssh.location()).size(), m_backups.size());

    // Without the marker that says the copy was opened before (a data directory from an older tidemarkd, say), the
    // copy exists already: `init` refuses it at once, its config is read, and the backups are copied.
    QVERIFY(QFile::remove(m_server.dataDir() + QStringLiteral("/copies/demo/sftp/opened")));
    const QString next = backupMain();
    QVERIFY(!next.isEmpty());
    const QJsonObject reopened = sftpRun();
    const QString reopenedLog = reopened.value(QStringLiteral("log")).toString();
    QVERIFY2(reopened.value(QStringLiteral("result")).toString() == QLatin1String("success"), qPrintable(reopenedLog));
    QVERIFY2(resticRuns(reopenedLog) == 3, qPrintable(reopenedLog));
    QVERIFY2(!reopenedLog.contains(QStringLiteral("already exists")), qPrintable(reopenedLog));
    QCOMPARE(sftpState(next), QStringLiteral("copied"));
    QCOMPARE(copySnapshots(QStringLiteral("sftp"), m_ssh.location()).size(), m_backups.size());
    QVERIFY(QFileInfo::exists(m_server.dataDir() + QStringLiteral("/copies/demo/sftp/opened")));

    // The copy's snapshot that the output named is the one a restore from the copy reads.
    const QJsonObject restored
        = m_http->startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(next),
            R"({"restore_code": false, "from_copy": "sftp", "safety_backup": false})", m_admin, 180000);
    QVERIFY2(restored.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(restored.value(QStringLiteral("log")).toString()));
}

QTEST_GUILESS_MAIN(TestCopies)
#include "tst_copies.moc"
