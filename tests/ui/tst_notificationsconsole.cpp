// The console's Alerts page against a real tidemarkd and a real HTTP receiver: a webhook target is added through the
// form, its URL never comes back, "Send test" reaches it, a failed backup is delivered and counted in the table, a
// saved target is edited without retyping its URL, bad input is refused with its field named, and a target is
// removed. Runs offscreen.
#include "consoletest.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "notificationspage.h"
#include "projectsettingsdialog.h"
#include "serverprocess.h"
#include "webhookreceiver.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QtTest>

class TestNotificationsConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void webhookAddedTestedAndDelivered();
    void savedTargetKeepsItsUrl();
    void badInputNamesTheField();
    void targetIsRemoved();

private:
    NotificationsPage* page();
    template<typename T>
    T* child(const char* name)
    {
        return page()->findChild<T*>(QLatin1String(name));
    }
    // Clicks `button` and waits until the page is no longer busy; the status label's text.
    QString click(const char* button, bool* failure = nullptr);
    QJsonArray savedTargets();

    ServerProcess m_server;
    WebhookReceiver m_receiver;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
};

void TestNotificationsConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_receiver.start());
    m_server.setEnvironmentVariable(QStringLiteral("TIDEMARK_NOTIFY_RETRY_MS"), QStringLiteral("300"));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
}

void TestNotificationsConsole::cleanupTestCase()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_window.reset();
    m_server.stop();
}

NotificationsPage* TestNotificationsConsole::page()
{
    auto* dialog = m_window->findChild<ProjectSettingsDialog*>();
    if (!dialog) {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("copiesAction"));
        if (!action || !action->isVisible() || !action->isEnabled())
            return nullptr;
        action->trigger();
        dialog = m_window->findChild<ProjectSettingsDialog*>();
    }
    if (!dialog || !dialog->notificationsPage())
        return nullptr;
    dialog->tabs()->setCurrentWidget(dialog->notificationsPage());
    return dialog->notificationsPage();
}

QString TestNotificationsConsole::click(const char* button, bool* failure)
{
    auto* b = child<QPushButton>(button);
    auto* status = child<QLabel>("notificationStatusLabel");
    if (!b || !status || !b->isEnabled())
        return QStringLiteral("(%1 is not available)").arg(QLatin1String(button));
    QSignalSpy busy(page(), &NotificationsPage::busyChanged);
    QTest::mouseClick(b, Qt::LeftButton);
    // busyChanged(true) at once, busyChanged(false) with the answer (none when the form refused before sending).
    if (!busy.isEmpty() && !QTest::qWaitFor([&] { return busy.size() >= 2; }, 60000))
        return QStringLiteral("(no answer)");
    if (failure)
        *failure = status->property("failure").toBool();
    return status->text();
}

QJsonArray TestNotificationsConsole::savedTargets()
{
    return m_http->get(QStringLiteral("/projects/demo/settings"), m_access)
        .json.toObject()
        .value(QStringLiteral("notifications"))
        .toArray();
}

void TestNotificationsConsole::webhookAddedTestedAndDelivered()
{
    QVERIFY(page());
    // No target yet: the form is there for the first one.
    QCOMPARE(page()->targets().size(), 0);
    QVERIFY(!child<QPushButton>("sendTestButton")->isEnabled());
    const QString url = m_receiver.url(QStringLiteral("/chat")) + QStringLiteral("?token=s3cret-token");
    QTest::keyClicks(child<QLineEdit>("notificationNameLineEdit"), QStringLiteral("ops-chat"));
    QTest::keyClicks(child<QLineEdit>("notificationUrlLineEdit"), url);
    auto* format = child<QComboBox>("notificationFormatComboBox");
    format->setCurrentIndex(format->findData(int(NotificationTarget::Format::Slack)));
    QVERIFY(child<QCheckBox>("event_backup_failed")->isChecked());
    bool failure = true;
    const QString saved = click("saveNotificationButton", &failure);
    QVERIFY2(!failure, qPrintable(saved));
    QVERIFY2(saved.contains(QStringLiteral("ops-chat")), qPrintable(saved));

    // Saved on the server, the URL's secret part write-only.
    const QJsonArray targets = savedTargets();
    QCOMPARE(targets.size(), 1);
    const QJsonObject target = targets.at(0).toObject();
    QCOMPARE(target.value(QStringLiteral("name")).toString(), QStringLiteral("ops-chat"));
    QCOMPARE(target.value(QStringLiteral("format")).toString(), QStringLiteral("slack"));
    QVERIFY(!QJsonDocument(targets).toJson().contains("s3cret-token"));
    QVERIFY(target.value(QStringLiteral("events")).toArray().contains(QStringLiteral("backup.failed")));
    QVERIFY(!target.value(QStringLiteral("events")).toArray().contains(QStringLiteral("restore.finished")));
    // The form shows the saved target without its URL.
    QVERIFY(child<QLineEdit>("notificationUrlLineEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>("notificationNameLineEdit")->isReadOnly());

    // Send test: the receiver gets a Slack message at the full URL, and the page says so.
    const QString tested = click("sendTestButton", &failure);
    QVERIFY2(!failure, qPrintable(tested));
    QVERIFY2(tested.contains(QStringLiteral("ops-chat: received.")), qPrintable(tested));
    QCOMPARE(m_receiver.requests().size(), 1);
    QVERIFY(m_receiver.requests().at(0).path.contains("token=s3cret-token"));
    QVERIFY(m_receiver.requests()
                .at(0)
                .json()
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("Test message")));

    // A failed backup is delivered by tidemarkd and counted in the page's table (refreshed while it is shown).
    QJsonObject local = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_access)
                            .json.toObject()
                            .value(QStringLiteral("local"))
                            .toObject();
    local.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), QStringLiteral("echo 'maintenance page stuck' >&2; exit 3")},
            {QStringLiteral("resume"), QStringLiteral("true")}});
    QCOMPARE(
        m_http
            ->request("PATCH", QStringLiteral("/projects/demo/environments/main"),
                QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson(QJsonDocument::Compact), m_access)
            .status,
        200);
    const QJsonObject backup = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", m_access, 120000);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requests().size(), 2, 20000);
    QVERIFY(m_receiver.requests()
                .at(1)
                .json()
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("Backup failed")));
    auto* table = child<QTableWidget>("deliveriesTableWidget");
    QTRY_VERIFY_WITH_TIMEOUT(
        table->rowCount() == 1 && table->item(0, 1) && table->item(0, 1)->text() == QLatin1String("1"), 20000);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("ops-chat"));
    local.remove(QStringLiteral("hooks"));
    QCOMPARE(
        m_http
            ->request("PATCH", QStringLiteral("/projects/demo/environments/main"),
                QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson(QJsonDocument::Compact), m_access)
            .status,
        200);
}

void TestNotificationsConsole::savedTargetKeepsItsUrl()
{
    // The stored URL shows as a placeholder with its host only; changing the format keeps it.
    auto* url = child<QLineEdit>("notificationUrlLineEdit");
    QVERIFY(url->text().isEmpty());
    QVERIFY2(url->placeholderText().contains(QStringLiteral("(stored; type to replace)")),
        qPrintable(url->placeholderText()));
    QVERIFY(!url->placeholderText().contains(QStringLiteral("s3cret")));
    auto* format = child<QComboBox>("notificationFormatComboBox");
    format->setCurrentIndex(format->findData(int(NotificationTarget::Format::Json)));
    // A test goes to saved targets: unsaved changes are said, not silently ignored.
    bool failure = false;
    QString text = click("sendTestButton", &failure);
    QVERIFY(failure);
    QVERIFY2(text.contains(QStringLiteral("Save the target first")), qPrintable(text));
    text = click("saveNotificationButton", &failure);
    QVERIFY2(!failure, qPrintable(text));
    QCOMPARE(savedTargets().at(0).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("json"));
    m_receiver.clear();
    text = click("sendTestButton", &failure);
    QVERIFY2(!failure, qPrintable(text));
    QCOMPARE(m_receiver.requests().size(), 1);
    QVERIFY(m_receiver.requests().at(0).path.contains("token=s3cret-token"));
    QCOMPARE(m_receiver.requests().at(0).json().toObject().value(QStringLiteral("event")).toString(),
        QStringLiteral("test"));
}

void TestNotificationsConsole::badInputNamesTheField()
{
    const QJsonArray before = savedTargets();
    QTest::mouseClick(child<QPushButton>("addNotificationButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>("notificationNameLineEdit"), QStringLiteral("pager"));
    // E-mail without recipients: Save stays disabled until there is a server and an address.
    auto* kind = child<QComboBox>("notificationKindComboBox");
    kind->setCurrentIndex(kind->findData(int(NotificationTarget::Kind::Email)));
    QTest::keyClicks(child<QLineEdit>("smtpHostLineEdit"), QStringLiteral("127.0.0.1"));
    QVERIFY(!child<QPushButton>("saveNotificationButton")->isEnabled());
    // No event chosen: the form says so before anything is sent.
    QTest::keyClicks(child<QLineEdit>("mailToLineEdit"), QStringLiteral("ops@example.org"));
    for (QCheckBox* box : page()->findChildren<QCheckBox*>())
        box->setChecked(false);
    bool failure = false;
    QString text = click("saveNotificationButton", &failure);
    QVERIFY(failure);
    QVERIFY2(text.contains(QStringLiteral("Send when")), qPrintable(text));
    // A webhook address that is not http(s): the server refuses it and names the field; nothing is saved.
    child<QCheckBox>("event_backup_failed")->setChecked(true);
    kind->setCurrentIndex(kind->findData(int(NotificationTarget::Kind::Webhook)));
    QTest::keyClicks(child<QLineEdit>("notificationUrlLineEdit"), QStringLiteral("ftp://example.org/hook"));
    text = click("saveNotificationButton", &failure);
    QVERIFY(failure);
    QVERIFY2(text.contains(QStringLiteral("notifications[1].url")), qPrintable(text));
    QCOMPARE(savedTargets(), before);
}

void TestNotificationsConsole::targetIsRemoved()
{
    auto* list = child<QListWidget>("notificationListWidget");
    list->setCurrentRow(0);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("ops-chat"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    bool failure = true;
    const QString text = click("removeNotificationButton", &failure);
    QVERIFY2(!failure, qPrintable(text));
    QCOMPARE(savedTargets().size(), 0);
    QCOMPARE(page()->targets().size(), 0);
}

QTEST_MAIN(TestNotificationsConsole)
#include "tst_notificationsconsole.moc"
