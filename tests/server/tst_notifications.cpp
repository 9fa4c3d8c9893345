// Alerts sent by tidemarkd itself, to real receivers started here on 127.0.0.1: webhooks in the json, slack and ntfy
// formats (a recording HTTP receiver), e-mail over SMTP with STARTTLS and AUTH (aiosmtpd with a test certificate);
// a failing backup, a restore, the test action, a receiver that is down or slow (it delays nothing and gets the
// message once it is back), backup.missed after tidemarkd was down, and secrets that never appear in an answer, a
// log, an activity or the database.
#include "environmentstate.h"
#include "serverprocess.h"
#include "smtpsink.h"
#include "webhookreceiver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QtTest>

namespace {

// Secrets: the webhook URLs' token and the SMTP password.
const QByteArray kUrlToken = "tm-hook-token-7c21f9";
const QByteArray kSmtpPassword = "tm-smtp-pass-5e0b44";

QByteArray json(const QJsonValue& value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void settingsAreValidated();
    void failedBackupIsAnnouncedInEveryFormat();
    void finishedRestoreIsAnnounced();
    void failedCopyIsAnnounced();
    void testActionAnswersPerTarget();
    void downOrSlowReceiverDelaysNothing();
    void secretsAreWriteOnly();
    void waitingAlertSurvivesACrash();
    void missedRunsAreAnnouncedAfterADowntime();
    void mailOverImplicitTls();
    void failedVerificationIsAnnounced();

private:
    QJsonObject webhook(const QString& name, const QString& format, const QString& path, const QStringList& events);
    QJsonObject emailTarget(const QStringList& events);
    TestHttp::Reply patchNotifications(const QJsonArray& targets);
    void setFailingPauseHook(bool failing);
    QJsonObject backupMain();
    QJsonObject notificationStatus();
    // Requests the receiver got for `path` (the path without the query).
    QList<WebhookReceiver::Request> requestsTo(const WebhookReceiver& receiver, const QString& path) const;

    ServerProcess m_server;
    WebhookReceiver m_receiver;
    SmtpSink m_smtp;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_viewer;
};

void TestNotifications::initTestCase()
{
    QVERIFY(m_receiver.start());
    m_smtp.setCredentials(QStringLiteral("alerts"), QString::fromLatin1(kSmtpPassword));
    QVERIFY2(m_smtp.start(), qPrintable(m_smtp.error()));
    // Short retries and attempts, so that the retry tests end soon; the mail sink's certificate is trusted as curl
    // itself would trust it.
    m_server.setEnvironmentVariable(QStringLiteral("TIDEMARK_NOTIFY_RETRY_MS"), QStringLiteral("300"));
    // Long enough that a send on tidemarkd's main thread would show in downOrSlowReceiverDelaysNothing's ratio.
    m_server.setEnvironmentVariable(QStringLiteral("TIDEMARK_NOTIFY_TIMEOUT_MS"), QStringLiteral("8000"));
    m_server.setEnvironmentVariable(QStringLiteral("CURL_CA_BUNDLE"), m_smtp.certificateFile());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QVERIFY(!m_admin.isEmpty() && !m_viewer.isEmpty());
    const auto policy = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 30}}}})", m_admin);
    QVERIFY2(policy.status == 200, policy.body.constData());

    const auto info = m_http->get(QStringLiteral("/tidemark"), m_viewer);
    QVERIFY(
        info.json.toObject().value(QStringLiteral("capabilities")).toArray().contains(QStringLiteral("notifications")));
}

void TestNotifications::cleanupTestCase()
{
    m_server.stop();
    m_smtp.stop();
}

QJsonObject TestNotifications::webhook(
    const QString& name, const QString& format, const QString& path, const QStringList& events)
{
    return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("kind"), QStringLiteral("webhook")},
        {QStringLiteral("url"),
            QString(m_receiver.url(path) + QStringLiteral("?token=") + QString::fromLatin1(kUrlToken))},
        {QStringLiteral("format"), format}, {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
}

QJsonObject TestNotifications::emailTarget(const QStringList& events)
{
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("ops-mail")},
        {QStringLiteral("kind"), QStringLiteral("email")},
        {QStringLiteral("smtp"),
            QJsonObject {{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), m_smtp.port()},
                {QStringLiteral("tls"), QStringLiteral("starttls")}, {QStringLiteral("user"), QStringLiteral("alerts")},
                {QStringLiteral("password"), QString::fromLatin1(kSmtpPassword)}}},
        {QStringLiteral("to"), QJsonArray {QStringLiteral("ops@example.org"), QStringLiteral("dba@example.org")}},
        {QStringLiteral("from"), QStringLiteral("tidemark@example.org")},
        {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
}

TestHttp::Reply TestNotifications::patchNotifications(const QJsonArray& targets)
{
    return m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        json(QJsonObject {{QStringLiteral("notifications"), targets}}), m_admin);
}

void TestNotifications::setFailingPauseHook(bool failing)
{
    const auto environment = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_admin);
    QJsonObject local = environment.json.toObject().value(QStringLiteral("local")).toObject();
    local.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"),
                         failing ? QStringLiteral("echo 'the maintenance page is stuck' >&2; exit 3") : QString()},
            {QStringLiteral("resume"), QString()}});
    const auto changed = m_http->request("PATCH", QStringLiteral("/projects/demo/environments/main"),
        json(QJsonObject {{QStringLiteral("local"), local}}), m_admin);
    QVERIFY2(changed.status == 200, changed.body.constData());
}

QJsonObject TestNotifications::backupMain()
{
    return m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", m_admin);
}

QJsonObject TestNotifications::notificationStatus()
{
    const auto reply = m_http->get(QStringLiteral("/projects/demo/notifications"), m_viewer);
    return reply.status == 200 ? reply.json.toObject() : QJsonObject();
}

QList<WebhookReceiver::Request> TestNotifications::requestsTo(
    const WebhookReceiver& receiver, const QString& path) const
{
    QList<WebhookReceiver::Request> out;
    for (const WebhookReceiver::Request& r : receiver.requests()) {
        if (r.path.split('?').value(0) == path.toUtf8())
            out.append(r);
    }
    return out;
}

void TestNotifications::settingsAreValidated()
{
    const auto before = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin);
    struct Case
    {
        QByteArray body;
        QString field;
    };
    const QList<Case> cases {
        {R"({"notifications": [{"name": "a", "url": "http://127.0.0.1/x"}]})", QStringLiteral("notifications[0].kind")},
        {R"({"notifications": [{"name": "a", "kind": "webhook", "url": "ftp://example.org/x"}]})",
            QStringLiteral("notifications[0].url")},
        {R"({"notifications": [{"name": "a", "kind": "webhook", "url": "https://example.org/x", "format": "xml"}]})",
            QStringLiteral("notifications[0].format")},
        {R"({"notifications": [{"name": "a", "kind": "webhook", "url": "https://example.org/x", "events": ["backup.exploded"]}]})",
            QStringLiteral("notifications[0].events[0]")},
        {R"({"notifications": [{"name": "a", "kind": "email", "smtp": {"host": "127.0.0.1"}, "to": []}]})",
            QStringLiteral("notifications[0].to")},
        {R"({"notifications": [{"name": "a", "kind": "email", "smtp": {"host": "127.0.0.1"}, "to": ["not an address"]}]})",
            QStringLiteral("notifications[0].to[0]")},
        {R"({"notifications": [{"name": "a", "kind": "email", "smtp": {"host": "127.0.0.1", "tls": "none", "password": "x"}, "to": ["a@b.org"]}]})",
            QStringLiteral("notifications[0].smtp.tls")},
        {R"({"notifications": [{"name": "a", "kind": "email", "smtp": {"host": "127.0.0.1", "port": 70000}, "to": ["a@b.org"]}]})",
            QStringLiteral("notifications[0].smtp.port")},
        {R"({"notifications": [{"name": "a", "kind": "webhook", "url": "https://example.org/[redacted]"}]})",
            QStringLiteral("notifications[0].url")},
        {R"({"notifications": [{"name": "a", "kind": "webhook", "url": "https://example.org/x"}, {"name": "a", "kind": "webhook", "url": "https://example.org/y"}]})",
            QStringLiteral("notifications[1].name")},
    };
    for (const Case& c : cases) {
        const auto reply = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), c.body, m_admin);
        QVERIFY2(reply.status == 400, c.body.constData());
        const QJsonObject detail = reply.json.toObject().value(QStringLiteral("detail")).toObject();
        QVERIFY2(
            detail.contains(c.field), qPrintable(QString::fromUtf8(reply.body) + QStringLiteral(" for ") + c.field));
        QVERIFY(reply.json.toObject().value(QStringLiteral("message")).toString().contains(c.field));
    }
    // Viewers cannot change them; nothing was half-written.
    const auto viewer = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        json(QJsonObject {{QStringLiteral("notifications"),
            QJsonArray {webhook(QStringLiteral("x"), QStringLiteral("json"), QStringLiteral("/x"),
                {QStringLiteral("backup.failed")})}}}),
        m_viewer);
    QCOMPARE(viewer.status, 403);
    const auto after = m_http->get(QStringLiteral("/projects/demo/settings"), m_admin);
    QCOMPARE(after.json, before.json);
    QCOMPARE(after.json.toObject().value(QStringLiteral("notifications")).toArray().size(), 0);
    // The test action with no targets says so.
    QCOMPARE(m_http->request("POST", QStringLiteral("/projects/demo/notifications/test"), {}, m_admin).status, 409);
}

void TestNotifications::failedBackupIsAnnouncedInEveryFormat()
{
    const QStringList failed {QStringLiteral("backup.failed")};
    const auto patched = patchNotifications(
        QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"), QStringLiteral("/json"), failed),
            webhook(QStringLiteral("hook-slack"), QStringLiteral("slack"), QStringLiteral("/slack"), failed),
            webhook(QStringLiteral("hook-ntfy"), QStringLiteral("ntfy"), QStringLiteral("/ntfy"), failed),
            emailTarget(failed)});
    QVERIFY2(patched.status == 200, patched.body.constData());

    setFailingPauseHook(true);
    const QJsonObject activity = backupMain();
    setFailingPauseHook(false);
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const QString id = activity.value(QStringLiteral("id")).toString();

    // One message per target, and no more once every delivery has ended.
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver.requests().size() >= 3 && m_smtp.messages().size() >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray targets = notificationStatus().value(QStringLiteral("targets")).toArray();
            for (const QJsonValue& t : targets) {
                if (t.toObject().value(QStringLiteral("pending")).toInt() != 0
                    || t.toObject().value(QStringLiteral("sent")).toInt() != 1)
                    return false;
            }
            return targets.size() == 4;
        }(),
        20000);
    QCOMPARE(m_receiver.requests().size(), 3);
    QCOMPARE(m_smtp.messages().size(), 1);

    const auto jsonHooks = requestsTo(m_receiver, QStringLiteral("/json"));
    QCOMPARE(jsonHooks.size(), 1);
    QCOMPARE(jsonHooks.at(0).method, QByteArray("POST"));
    QVERIFY(jsonHooks.at(0).path.contains(kUrlToken)); // the stored URL, query and all
    QVERIFY(jsonHooks.at(0).header("Content-Type").startsWith("application/json"));
    const QJsonObject payload = jsonHooks.at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("backup.failed"));
    QCOMPARE(payload.value(QStringLiteral("project")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("demo"));
    QCOMPARE(payload.value(QStringLiteral("environment")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("main"));
    const QJsonObject act = payload.value(QStringLiteral("activity")).toObject();
    QCOMPARE(act.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(act.value(QStringLiteral("type")).toString(), QStringLiteral("environment.backup"));
    QCOMPARE(act.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QCOMPARE(act.value(QStringLiteral("href")).toString(), QStringLiteral("/projects/demo/activities/") + id);
    QCOMPARE(payload.value(QStringLiteral("reason")).toString(), activity.value(QStringLiteral("text")).toString());
    QVERIFY(!payload.value(QStringLiteral("reason")).toString().isEmpty());
    QCOMPARE(payload.value(QStringLiteral("at")).toString(), activity.value(QStringLiteral("completed_at")).toString());
    QVERIFY(payload.value(QStringLiteral("text")).toString().contains(QStringLiteral("Reason: ")));

    const auto slack = requestsTo(m_receiver, QStringLiteral("/slack"));
    QCOMPARE(slack.size(), 1);
    const QString slackText = slack.at(0).json().toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(slackText.startsWith(QStringLiteral("*Backup failed: demo/main*\n")), qPrintable(slackText));
    QVERIFY(slackText.contains(QStringLiteral("/projects/demo/activities/") + id));
    QVERIFY(slackText.contains(QStringLiteral("environment main")));

    const auto ntfy = requestsTo(m_receiver, QStringLiteral("/ntfy"));
    QCOMPARE(ntfy.size(), 1);
    QCOMPARE(ntfy.at(0).header("Title"), QByteArray("Backup failed: demo/main"));
    QCOMPARE(ntfy.at(0).header("Priority"), QByteArray("high"));
    QVERIFY(ntfy.at(0).header("Tags").contains("warning"));
    QVERIFY(ntfy.at(0).header("Content-Type").startsWith("text/plain"));
    const QString ntfyText = QString::fromUtf8(ntfy.at(0).body);
    QVERIFY(ntfyText.contains(QStringLiteral("Reason: ") + activity.value(QStringLiteral("text")).toString()));
    QVERIFY(ntfyText.contains(QStringLiteral("When: ") + activity.value(QStringLiteral("completed_at")).toString()));
    QVERIFY(ntfyText.contains(id));

    const QJsonObject mail = m_smtp.messages().at(0).toObject();
    QCOMPARE(mail.value(QStringLiteral("mail_from")).toString(), QStringLiteral("tidemark@example.org"));
    QCOMPARE(mail.value(QStringLiteral("rcpt_tos")).toArray(),
        (QJsonArray {QStringLiteral("ops@example.org"), QStringLiteral("dba@example.org")}));
    QVERIFY(mail.value(QStringLiteral("tls")).toBool()); // STARTTLS against the test certificate
    QCOMPARE(mail.value(QStringLiteral("user")).toString(), QStringLiteral("alerts")); // AUTH with the stored password
    const QString data = mail.value(QStringLiteral("data")).toString();
    QVERIFY2(data.contains(QStringLiteral("Subject: [Tidemark] Backup failed: demo/main\r\n")), qPrintable(data));
    QVERIFY(data.contains(QStringLiteral("To: ops@example.org, dba@example.org\r\n")));
    QVERIFY(data.contains(QStringLiteral("Reason: ") + activity.value(QStringLiteral("text")).toString()));
    QVERIFY(data.contains(QStringLiteral("Activity: /projects/demo/activities/") + id));

    // A successful backup is not news.
    m_receiver.clear();
    QCOMPARE(backupMain().value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QJsonObject status = notificationStatus();
    for (const QJsonValue& t : status.value(QStringLiteral("targets")).toArray())
        QCOMPARE(t.toObject().value(QStringLiteral("pending")).toInt(), 0);
    QCOMPARE(m_receiver.requests().size(), 0);
}

void TestNotifications::finishedRestoreIsAnnounced()
{
    m_receiver.clear();
    const auto patched = patchNotifications(
        QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"), QStringLiteral("/json"),
                        {QStringLiteral("backup.failed"), QStringLiteral("restore.finished")}),
            webhook(QStringLiteral("hook-ntfy"), QStringLiteral("ntfy"), QStringLiteral("/ntfy"),
                {QStringLiteral("backup.failed")})});
    QVERIFY2(patched.status == 200, patched.body.constData());
    const auto backups = m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_admin);
    const QString backup = backups.json.toArray().at(0).toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!backup.isEmpty());
    const QJsonObject restore = m_http->startAndWait("POST",
        QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(backup),
        R"({"restore_code": false, "safety_backup": false})", m_admin);
    QCOMPARE(restore.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo(m_receiver, QStringLiteral("/json")).size(), 1, 20000);
    const QJsonObject payload = requestsTo(m_receiver, QStringLiteral("/json")).at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("restore.finished"));
    QCOMPARE(payload.value(QStringLiteral("activity")).toObject().value(QStringLiteral("id")).toString(),
        restore.value(QStringLiteral("id")).toString());
    QCOMPARE(payload.value(QStringLiteral("activity")).toObject().value(QStringLiteral("result")).toString(),
        QStringLiteral("success"));
    QCOMPARE(payload.value(QStringLiteral("title")).toString(), QStringLiteral("Restore finished: demo/main"));
    QCOMPARE(payload.value(QStringLiteral("environment")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("main"));
    // The ntfy target did not subscribe to restores.
    QTRY_VERIFY_WITH_TIMEOUT(notificationStatus()
                                 .value(QStringLiteral("targets"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("pending"))
                                 .toInt()
            == 0,
        20000);
    QCOMPARE(requestsTo(m_receiver, QStringLiteral("/ntfy")).size(), 0);
}

void TestNotifications::failedCopyIsAnnounced()
{
    // A copy target that restic cannot create: the backup succeeds, its copy fails, and that is news.
    m_receiver.clear();
    QJsonObject body {{QStringLiteral("notifications"),
                          QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"),
                              QStringLiteral("/json"), {QStringLiteral("copy.failed")})}},
        {QStringLiteral("backup_copies"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("offsite")},
                {QStringLiteral("repository"), QStringLiteral("/proc/tidemark-no-such-place/copy")}}}}};
    const auto patched = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), json(body), m_admin);
    QVERIFY2(patched.status == 200, patched.body.constData());
    QCOMPARE(backupMain().value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QTRY_COMPARE_WITH_TIMEOUT(requestsTo(m_receiver, QStringLiteral("/json")).size(), 1, 60000);
    const QJsonObject payload = requestsTo(m_receiver, QStringLiteral("/json")).at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("copy.failed"));
    const QJsonObject activity = payload.value(QStringLiteral("activity")).toObject();
    QCOMPARE(activity.value(QStringLiteral("type")).toString(), QStringLiteral("project.backup.copy"));
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    const auto copy = m_http->get(
        QStringLiteral("/projects/demo/activities/") + activity.value(QStringLiteral("id")).toString(), m_admin);
    QCOMPARE(payload.value(QStringLiteral("reason")).toString(),
        copy.json.toObject().value(QStringLiteral("text")).toString());
    QVERIFY(payload.value(QStringLiteral("environment")).isNull());
    QCOMPARE(payload.value(QStringLiteral("title")).toString(), QStringLiteral("Copy failed: demo"));
    QCOMPARE(
        m_http->request("PATCH", QStringLiteral("/projects/demo/settings"), R"({"backup_copies": []})", m_admin).status,
        200);
}

void TestNotifications::testActionAnswersPerTarget()
{
    m_receiver.clear();
    const int mailsBefore = int(m_smtp.messages().size());
    WebhookReceiver closed;
    QVERIFY(closed.start());
    const QString closedUrl = closed.url(QStringLiteral("/gone"));
    closed.stop(); // nobody listens there
    QJsonArray targets {webhook(QStringLiteral("hook-json"), QStringLiteral("json"), QStringLiteral("/json"),
                            {QStringLiteral("backup.failed")}),
        emailTarget({QStringLiteral("backup.failed")}),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("nobody")},
            {QStringLiteral("kind"), QStringLiteral("webhook")}, {QStringLiteral("url"), closedUrl},
            {QStringLiteral("format"), QStringLiteral("slack")}}};
    const auto patched = patchNotifications(targets);
    QVERIFY2(patched.status == 200, patched.body.constData());

    QCOMPARE(m_http->request("POST", QStringLiteral("/projects/demo/notifications/test"), {}, m_viewer).status, 403);
    const auto reply = m_http->request(
        "POST", QStringLiteral("/projects/demo/notifications/test"), {}, m_admin, "application/json", 30000);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonArray results = reply.json.toObject().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("hook-json"));
    QVERIFY2(results.at(0).toObject().value(QStringLiteral("ok")).toBool(), reply.body.constData());
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("ops-mail"));
    QVERIFY2(results.at(1).toObject().value(QStringLiteral("ok")).toBool(), reply.body.constData());
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("nobody"));
    QVERIFY(!results.at(2).toObject().value(QStringLiteral("ok")).toBool());
    QVERIFY(!results.at(2).toObject().value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(reply.json.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));

    // They arrived by the time the answer came.
    const auto hooks = requestsTo(m_receiver, QStringLiteral("/json"));
    QCOMPARE(hooks.size(), 1);
    QCOMPARE(hooks.at(0).json().toObject().value(QStringLiteral("event")).toString(), QStringLiteral("test"));
    QCOMPARE(m_smtp.messages().size(), mailsBefore + 1);
    QVERIFY(m_smtp.messages()
                .last()
                .toObject()
                .value(QStringLiteral("data"))
                .toString()
                .contains(QStringLiteral("Subject: [Tidemark] Test message: demo")));
}

void TestNotifications::downOrSlowReceiverDelaysNothing()
{
    // The time of a failed and then a good backup with no one to tell, and then with a receiver that does not
    // answer within tidemarkd's timeout and one that is down: the same, give or take the noise of a busy machine.
    QVERIFY(patchNotifications(QJsonArray {}).status == 200);
    const auto cycle = [this] {
        QElapsedTimer timer;
        timer.start();
        setFailingPauseHook(true);
        const QJsonObject failed = backupMain();
        setFailingPauseHook(false);
        const QJsonObject good = backupMain();
        return std::tuple {timer.elapsed(), failed.value(QStringLiteral("result")).toString(),
            good.value(QStringLiteral("result")).toString()};
    };
    const auto [quietMs, quietFailed, quietGood] = cycle();
    QCOMPARE(quietFailed, QStringLiteral("failure"));
    QCOMPARE(quietGood, QStringLiteral("success"));

    WebhookReceiver slow;
    QVERIFY(slow.start());
    slow.setDelayMs(60000); // far beyond TIDEMARK_NOTIFY_TIMEOUT_MS
    WebhookReceiver down;
    QVERIFY(down.start());
    down.stop();
    const QStringList failedOnly {QStringLiteral("backup.failed")};
    const auto patched
        = patchNotifications(QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("slow")},
                                             {QStringLiteral("kind"), QStringLiteral("webhook")},
                                             {QStringLiteral("url"), slow.url(QStringLiteral("/slow"))},
                                             {QStringLiteral("events"), QJsonArray::fromStringList(failedOnly)}},
            QJsonObject {{QStringLiteral("name"), QStringLiteral("down")},
                {QStringLiteral("kind"), QStringLiteral("webhook")},
                {QStringLiteral("url"), down.url(QStringLiteral("/down"))},
                {QStringLiteral("format"), QStringLiteral("ntfy")},
                {QStringLiteral("events"), QJsonArray::fromStringList(failedOnly)}}});
    QVERIFY2(patched.status == 200, patched.body.constData());

    const auto [busyMs, busyFailed, busyGood] = cycle();
    QCOMPARE(busyFailed, QStringLiteral("failure"));
    QCOMPARE(busyGood, QStringLiteral("success"));
    // While the slow receiver holds its connection, tidemarkd answers at once.
    QTRY_VERIFY_WITH_TIMEOUT(!slow.requests().isEmpty(), 20000);
    QCOMPARE(m_http->get(QStringLiteral("/tidemark"), m_viewer).status, 200);
    qInfo("a failed and a good backup: %lld ms without receivers, %lld ms with a slow and a down one", quietMs, busyMs);
    QVERIFY2(busyMs < 3 * quietMs + 2000, qPrintable(QStringLiteral("%1 ms against %2 ms").arg(busyMs).arg(quietMs)));

    // Retried meanwhile, and delivered once the receivers answer.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray deliveries = notificationStatus().value(QStringLiteral("deliveries")).toArray();
            for (const QJsonValue& d : deliveries) {
                if (d.toObject().value(QStringLiteral("target")).toString() == QLatin1String("down"))
                    return d.toObject().value(QStringLiteral("state")).toString() == QLatin1String("retrying");
            }
            return false;
        }(),
        20000);
    slow.setDelayMs(0);
    QVERIFY(down.start());
    QTRY_VERIFY_WITH_TIMEOUT(!down.requests().isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray targets = notificationStatus().value(QStringLiteral("targets")).toArray();
            for (const QJsonValue& t : targets) {
                if (t.toObject().value(QStringLiteral("sent")).toInt() != 1
                    || t.toObject().value(QStringLiteral("pending")).toInt() != 0)
                    return false;
            }
            return targets.size() == 2;
        }(),
        60000);
    QCOMPARE(down.requests().size(), 1);
    QCOMPARE(down.requests().at(0).header("Title"), QByteArray("Backup failed: demo/main"));
    // The slow one got the same message again on each attempt, and answered the last one.
    QVERIFY(slow.requests().size() >= 2);
    for (const WebhookReceiver::Request& r : slow.requests())
        QCOMPARE(r.json().toObject().value(QStringLiteral("event")).toString(), QStringLiteral("backup.failed"));
    bool retried = false;
    for (const QJsonValue& d : notificationStatus().value(QStringLiteral("deliveries")).toArray()) {
        const QJsonObject o = d.toObject();
        if (o.value(QStringLiteral("target")).toString() == QLatin1String("down")
            && o.value(QStringLiteral("state")).toString() == QLatin1String("delivered"))
            retried = o.value(QStringLiteral("attempts")).toInt() > 1;
    }
    QVERIFY(retried);
    // The log says what happened, by target name.
    const QByteArray log = m_server.log();
    QVERIFY2(log.contains("notification backup.failed to demo/down (webhook http://127.0.0.1:"),
        log.right(2000).constData());
    QVERIFY(log.contains("retrying in"));
    QVERIFY(log.contains("delivered (attempt"));
}

void TestNotifications::secretsAreWriteOnly()
{
    const auto patched = patchNotifications(QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"),
                                                            QStringLiteral("/json"), {QStringLiteral("backup.failed")}),
        emailTarget({QStringLiteral("backup.failed")})});
    QVERIFY2(patched.status == 200, patched.body.constData());
    QVERIFY(!patched.body.contains(kUrlToken) && !patched.body.contains(kSmtpPassword));

    const auto settings = m_http->get(QStringLiteral("/projects/demo/settings"), m_viewer);
    QVERIFY(!settings.body.contains(kUrlToken) && !settings.body.contains(kSmtpPassword));
    const QJsonArray shown = settings.json.toObject().value(QStringLiteral("notifications")).toArray();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(0).toObject().value(QStringLiteral("url")).toString(),
        QStringLiteral("http://127.0.0.1:%1/[redacted]").arg(m_receiver.port()));
    QCOMPARE(
        shown.at(1).toObject().value(QStringLiteral("smtp")).toObject().value(QStringLiteral("password")).toString(),
        QStringLiteral("[redacted]"));

    // What a GET showed, sent back, keeps the secrets: the test still reaches both.
    const auto again = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        json(QJsonObject {{QStringLiteral("notifications"), shown}}), m_admin);
    QVERIFY2(again.status == 200, again.body.constData());
    m_receiver.clear();
    const auto test = m_http->request(
        "POST", QStringLiteral("/projects/demo/notifications/test"), {}, m_admin, "application/json", 30000);
    QVERIFY2(
        test.status == 200 && test.json.toObject().value(QStringLiteral("status")).toString() == QLatin1String("sent"),
        test.body.constData());
    QCOMPARE(requestsTo(m_receiver, QStringLiteral("/json")).size(), 1);
    QVERIFY(requestsTo(m_receiver, QStringLiteral("/json")).at(0).path.contains(kUrlToken));

    // Not in activities, their logs, the status, the log, or the database; the secrets file is the owner's alone.
    const auto activities = m_http->get(QStringLiteral("/projects/demo/activities?count=200"), m_admin);
    QVERIFY(!activities.body.contains(kUrlToken) && !activities.body.contains(kSmtpPassword));
    for (const QJsonValue& a : activities.json.toArray()) {
        const auto log = m_http->get(
            QStringLiteral("/projects/demo/activities/%1/log").arg(a.toObject().value(QStringLiteral("id")).toString()),
            m_admin);
        QVERIFY(!log.body.contains(kUrlToken) && !log.body.contains(kSmtpPassword));
    }
    const auto status = m_http->get(QStringLiteral("/projects/demo/notifications"), m_admin);
    QCOMPARE(status.status, 200);
    QVERIFY(!status.body.contains(kUrlToken) && !status.body.contains(kSmtpPassword));
    const QByteArray log = m_server.log();
    QVERIFY(log.contains("notification"));
    QVERIFY(!log.contains(kUrlToken) && !log.contains(kSmtpPassword));
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFile db(m_server.dataDir() + QStringLiteral("/tidemark.db") + suffix);
        if (db.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = db.readAll();
            QVERIFY(!bytes.contains(kUrlToken) && !bytes.contains(kSmtpPassword));
        }
    }
    const QString secrets = m_server.dataDir() + QStringLiteral("/notifications/demo/ops-mail.json");
    QVERIFY(QFileInfo::exists(secrets));
    QCOMPARE(QFileInfo(secrets).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    // A target that goes takes its secrets with it.
    QVERIFY(patchNotifications(QJsonArray {shown.at(0)}).status == 200);
    QVERIFY(!QFileInfo::exists(secrets));
}

void TestNotifications::waitingAlertSurvivesACrash()
{
    // An alert for a receiver that is down waits, tidemarkd is killed (-9) while it waits, and the restarted
    // tidemarkd delivers it: once, with the failed backup's activity.
    WebhookReceiver later;
    QVERIFY(later.start());
    later.stop();
    const auto patched = patchNotifications(QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("later")},
        {QStringLiteral("kind"), QStringLiteral("webhook")},
        {QStringLiteral("url"), later.url(QStringLiteral("/later"))},
        {QStringLiteral("events"), QJsonArray {QStringLiteral("backup.failed")}}}});
    QVERIFY2(patched.status == 200, patched.body.constData());
    setFailingPauseHook(true);
    const QJsonObject failed = backupMain();
    setFailingPauseHook(false);
    QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue& d : notificationStatus().value(QStringLiteral("deliveries")).toArray()) {
                if (d.toObject().value(QStringLiteral("target")).toString() == QLatin1String("later"))
                    return d.toObject().value(QStringLiteral("state")).toString() == QLatin1String("retrying");
            }
            return false;
        }(),
        20000);
    m_server.kill();

    // What waits is in the store, without the receiver's address.
    const auto outbox = [this] {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"),
            {m_server.dataDir() + QStringLiteral("/tidemark.db"),
                QStringLiteral("SELECT target, event FROM notification_outbox;")});
        return sqlite.waitForFinished(15000) && sqlite.exitCode() == 0 ? sqlite.readAllStandardOutput()
                                                                       : QByteArray("sqlite3 failed");
    };
    const QByteArray waiting = outbox();
    QVERIFY2(waiting.startsWith("later|") && waiting.contains(failed.value(QStringLiteral("id")).toString().toUtf8()),
        waiting.constData());
    QVERIFY(!waiting.contains(QByteArray::number(later.port())));

    QVERIFY(later.start());
    QVERIFY(m_server.restart());
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    QTRY_VERIFY_WITH_TIMEOUT(!later.requests().isEmpty(), 30000);
    const QJsonObject payload = later.requests().at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("backup.failed"));
    QCOMPARE(payload.value(QStringLiteral("activity")).toObject().value(QStringLiteral("id")).toString(),
        failed.value(QStringLiteral("id")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(outbox(), QByteArray(), 10000);
    QTest::qWait(500); // no second delivery follows
    QCOMPARE(later.requests().size(), 1);
    QVERIFY(patchNotifications(QJsonArray {}).status == 200);
}

void TestNotifications::missedRunsAreAnnouncedAfterADowntime()
{
    // The schedule takes its first automated backups; then tidemarkd is down for three of production's buckets
    // (the newest automated backup is moved back in the store, as if it were that old); at the restart the catch-up
    // tells of the runs it missed.
    m_receiver.clear();
    QVERIFY(patchNotifications(QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"),
                                   QStringLiteral("/json"), {QStringLiteral("backup.missed")})})
                .status
        == 200);
    m_server.setSchedulerEnabled(true);
    QVERIFY(m_server.restart());
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    const auto automated = [this] {
        for (const QJsonValue& b :
            m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_admin).json.toArray()) {
            if (b.toObject().value(QStringLiteral("automated")).toBool())
                return b.toObject().value(QStringLiteral("id")).toString();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!automated().isEmpty(), 120000);
    QCOMPARE(requestsTo(m_receiver, QStringLiteral("/json")).size(), 0); // the first one missed nothing
    const QString first = automated();
    m_server.stop();

    // Production's finest schedule is daily or finer in the default policy: four days back is three buckets missed
    // at least.
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"),
        {m_server.dataDir() + QStringLiteral("/tidemark.db"),
            QStringLiteral("UPDATE backups SET created_at = created_at - 4 * 86400000 WHERE id = '%1';").arg(first)});
    QVERIFY(sqlite.waitForFinished(15000));
    QCOMPARE(sqlite.exitCode(), 0);

    QVERIFY(m_server.restart());
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    m_viewer = m_http->exchange(m_server.viewerToken());
    // Told once (a first attempt that timed out while this test was busy restarting may have been seen too).
    QTRY_VERIFY_WITH_TIMEOUT(notificationStatus()
                                 .value(QStringLiteral("targets"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("sent"))
                                 .toInt()
            == 1,
        60000);
    const auto hooks = requestsTo(m_receiver, QStringLiteral("/json"));
    QVERIFY(!hooks.isEmpty());
    for (const WebhookReceiver::Request& hook : hooks)
        QCOMPARE(hook.body, hooks.at(0).body);
    const QJsonObject payload = hooks.at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("backup.missed"));
    QCOMPARE(payload.value(QStringLiteral("environment")).toObject().value(QStringLiteral("id")).toString(),
        QStringLiteral("main"));
    QVERIFY(payload.value(QStringLiteral("missed_runs")).toInt() >= 3);
    const QString text = payload.value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("The backup schedule of environment main (Main) of project demo (Demo "
                                          "project) missed %1 runs; a backup has been started now.")
                               .arg(payload.value(QStringLiteral("missed_runs")).toInt())),
        qPrintable(text));
    // The same reasons as the health report: tidemarkd recorded no run of its own in those days.
    QVERIFY2(text.contains(QStringLiteral(" while tidemarkd was not running")), qPrintable(text));
    QVERIFY(payload.value(QStringLiteral("activity")).isNull());
    QCOMPARE(notificationStatus()
                 .value(QStringLiteral("targets"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("failed"))
                 .toInt(),
        0);
}

void TestNotifications::mailOverImplicitTls()
{
    // SMTPS (TLS from the first byte, the port 465 kind): the same sink restarted in that mode, with the same
    // certificate, so tidemarkd's CA bundle still trusts it.
    m_smtp.stop();
    m_smtp.setImplicitTls(true);
    QVERIFY2(m_smtp.start(), qPrintable(m_smtp.error()));
    const auto back = qScopeGuard([this] {
        m_smtp.stop();
        m_smtp.setImplicitTls(false);
        m_smtp.start();
    });
    QJsonObject target = emailTarget({QStringLiteral("backup.failed")});
    QJsonObject smtp = target.value(QStringLiteral("smtp")).toObject();
    smtp.insert(QStringLiteral("tls"), QStringLiteral("tls"));
    target.insert(QStringLiteral("smtp"), smtp);
    QJsonObject starttls = emailTarget({QStringLiteral("backup.failed")});
    starttls.insert(QStringLiteral("name"), QStringLiteral("wrong-mode"));
    const auto patched = patchNotifications(QJsonArray {target, starttls});
    QVERIFY2(patched.status == 200, patched.body.constData());

    const int mailsBefore = int(m_smtp.messages().size());
    const auto reply = m_http->request(
        "POST", QStringLiteral("/projects/demo/notifications/test"), {}, m_admin, "application/json", 30000);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonArray results = reply.json.toObject().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QVERIFY2(results.at(0).toObject().value(QStringLiteral("ok")).toBool(), reply.body.constData());
    // STARTTLS against a server that speaks TLS at once fails with an error, not a hang or a clear-text send.
    QVERIFY(!results.at(1).toObject().value(QStringLiteral("ok")).toBool());
    QVERIFY(!results.at(1).toObject().value(QStringLiteral("error")).toString().isEmpty());
    QCOMPARE(m_smtp.messages().size(), mailsBefore + 1);
    const QJsonObject mail = m_smtp.messages().last().toObject();
    QVERIFY(mail.value(QStringLiteral("tls")).toBool());
    QCOMPARE(mail.value(QStringLiteral("user")).toString(), QStringLiteral("alerts"));
    QVERIFY(mail.value(QStringLiteral("data"))
                .toString()
                .contains(QStringLiteral("Subject: [Tidemark] Test message: demo")));
    QVERIFY(patchNotifications(QJsonArray {}).status == 200);
}

void TestNotifications::failedVerificationIsAnnounced()
{
    // A pack of the repository is damaged; a verification that reads all data fails and says so, naming the pack.
    m_receiver.clear();
    QVERIFY(patchNotifications(QJsonArray {webhook(QStringLiteral("hook-json"), QStringLiteral("json"),
                                   QStringLiteral("/json"), {QStringLiteral("verify.failed")})})
                .status
        == 200);
    QCOMPARE(backupMain().value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QString pack
        = EnvironmentState::damageLargestPack(m_server.dataDir() + QStringLiteral("/repositories/demo/repo"));
    QVERIFY(!pack.isEmpty());
    const QJsonObject verified = m_http->startAndWait("POST", QStringLiteral("/projects/demo/verify"),
        R"({"repository": "primary", "read_data_percent": 100, "test_restore": false})", m_admin);
    QCOMPARE(verified.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));

    QTRY_COMPARE_WITH_TIMEOUT(requestsTo(m_receiver, QStringLiteral("/json")).size(), 1, 20000);
    const QJsonObject payload = requestsTo(m_receiver, QStringLiteral("/json")).at(0).json().toObject();
    QCOMPARE(payload.value(QStringLiteral("event")).toString(), QStringLiteral("verify.failed"));
    QCOMPARE(payload.value(QStringLiteral("activity")).toObject().value(QStringLiteral("id")).toString(),
        verified.value(QStringLiteral("id")).toString());
    const QString text = payload.value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("Verifying the backup repository of project demo (Demo project) failed.")),
        qPrintable(text));
    QVERIFY2(text.contains(QFileInfo(pack).fileName()), qPrintable(text));
    QVERIFY(patchNotifications(QJsonArray {}).status == 200);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
