// Drives the real main window against a real tidemarkd: back up, restore without code, edit a policy and apply
// it, lose the server. Runs offscreen.
#include "activitylistmodel.h"
#include "backupdialog.h"
#include "backuptablemodel.h"
#include "connectionprofiles.h"
#include "consoletest.h"
#include "hostedstandin.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "policyeditordialog.h"
#include "policyeditorpage.h"
#include "restoredialog.h"
#include "retentionpreviewmodel.h"
#include "serverprocess.h"

#include <QAction>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QtTest>

namespace {

QByteArray treeHash(const QString& root)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        hash.addData(QDir(root).relativeFilePath(path).toUtf8());
        hash.addData(f.readAll());
    }
    return hash.result();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectsAndListsEnvironments();
    void actionsSayWhyTheyAreDisabled();
    void backupFromTheToolbar();
    void restoreWithoutCode();
    void policyPreviewMarksDeletionsBeforeApply();
    void logOfAnActivityStartedElsewhere();
    void lostServerShowsDisconnectedNotFrozen();
    void hostedServerShowsNoLocalFeatures();

private:
    QToolBar* toolBar() { return m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar")); }
    QAction* action(const char* name) { return m_window->findChild<QAction*>(QLatin1String(name)); }
    QJsonObject localOf(const QString& environment);
    int backupRows() { return m_window->backupModel()->rowCount(); }
    bool waitForActivitiesToEnd(int timeoutMs = 90000);

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_window.reset();
    m_server.stop();
}

QJsonObject TestMainWindow::localOf(const QString& environment)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/") + environment, m_access)
        .json.toObject()
        .value(QStringLiteral("local"))
        .toObject();
}

bool TestMainWindow::waitForActivitiesToEnd(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTest::qWait(100);
        const ActivityListModel* model = m_window->activityModel();
        bool running = model->rowCount() == 0;
        for (int row = 0; row < model->rowCount(); ++row)
            running = running || !model->activity(row).isFinished();
        if (!running)
            return true;
    }
    return false;
}

void TestMainWindow::connectsAndListsEnvironments()
{
    QSignalSpy connected(m_window.get(), &MainWindow::connectionChanged);
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QCOMPARE(m_window->selectedEnvironment()->id, QStringLiteral("main")); // production first
    // tidemarkd has notes and protection: the actions show (GET /tidemark lists "annotations").
    QTRY_VERIFY(action("protectAction")->isVisible());
    QVERIFY(action("noteAction")->isVisible());
    QVERIFY(
        m_window->findChild<QLabel*>(QStringLiteral("connectionLabel"))->text().contains(QStringLiteral("Connected")));
}

void TestMainWindow::actionsSayWhyTheyAreDisabled()
{
    QVERIFY(m_window->selectEnvironment(QStringLiteral("feature-x")));
    QTRY_VERIFY(!action("backupAction")->isEnabled());
    QVERIFY(action("backupAction")->toolTip().contains(QStringLiteral("inactive")));
    QVERIFY(action("restoreAction")->toolTip().contains(QStringLiteral("Select one backup")));
    QVERIFY(m_window->selectEnvironment(QStringLiteral("main")));
    QTRY_VERIFY(action("backupAction")->isEnabled());
}

void TestMainWindow::backupFromTheToolbar()
{
    QSignalSpy refreshed(m_window.get(), &MainWindow::backupsRefreshed);
    bool sawLiveUnchecked = false;
    whenDialogOpens<BackupDialog>([&](BackupDialog* dialog) {
        auto* live = dialog->findChild<QCheckBox*>(QStringLiteral("liveCheckBox"));
        sawLiveUnchecked = live && !live->isChecked();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("startBackupButton")), Qt::LeftButton);
    });
    QTest::mouseClick(toolBar()->widgetForAction(action("backupAction")), Qt::LeftButton);
    QVERIFY(sawLiveUnchecked);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->activityModel()->rowCount() >= 1, 10000);
    // Progress shows in the activity dock while it runs, then the new row appears.
    QVERIFY(waitForActivitiesToEnd());
    QTRY_COMPARE_WITH_TIMEOUT(backupRows(), 1, 20000);
    const Backup b = m_window->backupModel()->backup(0);
    QVERIFY(b.safe);
    QVERIFY(!b.automated);
}

void TestMainWindow::restoreWithoutCode()
{
    const QJsonObject local = localOf(QStringLiteral("main"));
    const QString code = local.value(QStringLiteral("code_path")).toString();
    const QString mount
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    const QByteArray mountAtBackup = treeHash(mount);

    // Change the data and the code after the backup.
    QFile changed(mount + QStringLiteral("/batch-0/note-001.txt"));
    QVERIFY(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
    changed.write("changed after the backup");
    changed.close();
    QFile codeFile(code + QStringLiteral("/src/app.py"));
    QVERIFY(codeFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    codeFile.write("print('newer code')\n");
    codeFile.close();
    const QByteArray codeNow = treeHash(code);
    QVERIFY(treeHash(mount) != mountAtBackup);

    auto* view = m_window->findChild<QTableView*>(QStringLiteral("backupView"));
    view->selectRow(0);
    QTRY_VERIFY(action("restoreAction")->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QString confirmation;
    whenDialogOpens<RestoreDialog>([&](RestoreDialog* dialog) {
        auto* code = dialog->findChild<QCheckBox*>(QStringLiteral("restoreCodeCheckBox"));
        QVERIFY(code->isChecked());
        code->click(); // unchecked: data only
        // The backup counts of the policy test below take no safety backup (tst_restoreconsole covers it).
        if (auto* safety = dialog->findChild<QCheckBox*>(QStringLiteral("safetyBackupCheckBox")))
            safety->setChecked(false);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("startRestoreButton")), Qt::LeftButton);
        confirmation = MessageBox::lastText();
    });
    QTest::mouseClick(toolBar()->widgetForAction(action("restoreAction")), Qt::LeftButton);
    MessageBox::setNextAnswer(std::nullopt);
    QVERIFY2(confirmation.contains(QStringLiteral("Main")), qPrintable(confirmation)); // names the target
    QVERIFY(confirmation.contains(QStringLiteral("not its code")));
    QVERIFY(waitForActivitiesToEnd());
    QCOMPARE(m_window->activityModel()->activity(0).result, std::optional(Activity::Result::Success));
    QCOMPARE(treeHash(mount), mountAtBackup); // data came back
    QCOMPARE(treeHash(code), codeNow); // code did not change
}

void TestMainWindow::policyPreviewMarksDeletionsBeforeApply()
{
    // Two more manual backups: three in all, all kept under manual_count 2? No: the third replaces the first.
    for (int i = 0; i < 2; ++i) {
        whenDialogOpens<BackupDialog>([](BackupDialog* dialog) {
            dialog->findChild<QCheckBox*>(QStringLiteral("liveCheckBox"))->setChecked(true);
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("startBackupButton")), Qt::LeftButton);
        });
        action("backupAction")->trigger();
        QVERIFY(waitForActivitiesToEnd());
    }
    // The third manual backup replaced the first (manual_count 2): the server deleted it in an activity of its
    // own, which the console picks up and follows. Settled means: the server lists two backups, none of them being
    // deleted, and the table shows exactly those (it may still show an older list for a moment).
    const auto settled = [this] {
        const QJsonArray listed
            = m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_access).json.toArray();
        QStringList serverIds;
        for (const QJsonValue& b : listed) {
            if (b.toObject().value(QStringLiteral("status")).toString() != QLatin1String("CREATED"))
                return false;
            serverIds.append(b.toObject().value(QStringLiteral("id")).toString());
        }
        const BackupTableModel* model = m_window->backupModel();
        QStringList shownIds;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->backup(row).status != Backup::Status::Created)
                return false;
            shownIds.append(model->backup(row).id);
        }
        serverIds.sort();
        shownIds.sort();
        return serverIds.size() == 2 && shownIds == serverIds;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 40000);

    action("policiesAction")->trigger();
    PolicyEditorDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<PolicyEditorDialog*>()) != nullptr);
    PolicyEditorPage* production = dialog->page(EnvironmentType::Production);
    QTRY_COMPARE_WITH_TIMEOUT(production->preview()->rowCount(), 2, 10000);
    QTRY_COMPARE(production->preview()->deletedCount(), 0);

    // Keep one manual backup: the preview marks the older one as deleted before anything is applied.
    auto* manual = production->findChild<QSpinBox*>(QStringLiteral("manualCountSpinBox"));
    manual->setValue(1);
    QTRY_COMPARE_WITH_TIMEOUT(production->preview()->deletedCount(), 1, 5000);
    const QList<Backup> doomed = production->preview()->deletedBackups();
    QCOMPARE(doomed.size(), 1);
    QCOMPARE(backupRows(), 2); // nothing happened yet

    auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("applyButton"));
    QVERIFY(apply->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastDetails().contains(doomed.first().id.left(8)), 10000); // listed exactly
    QTRY_COMPARE_WITH_TIMEOUT(backupRows(), 1, 40000);
    MessageBox::setNextAnswer(std::nullopt);
    QVERIFY(m_window->backupModel()->rowOf(doomed.first().id) < 0);
    dialog->close();
}

void TestMainWindow::logOfAnActivityStartedElsewhere()
{
    // A backup a cron job started and that ended before the console looked: selecting it shows its whole log.
    // The console does not poll meanwhile, or it could see the backup running and follow its log.
    m_window->setRefreshInterval(0);
    const QJsonObject done = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": true})", m_access);
    m_window->setRefreshInterval(15000);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QString id = done.value(QStringLiteral("id")).toString();
    action("refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->activityModel()->rowOf(id) >= 0, 10000);
    const ActivityListModel* activities = m_window->activityModel();
    QVERIFY(activities->activity(activities->rowOf(id)).log.isEmpty()); // lists come without logs

    auto* view = m_window->findChild<QListView*>(QStringLiteral("activityView"));
    auto* log = m_window->findChild<QPlainTextEdit*>(QStringLiteral("activityLogView"));
    view->setCurrentIndex(activities->index(activities->rowOf(id)));
    QTRY_VERIFY2_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("files (")), // Stored N files (…
        qPrintable(log->toPlainText() + QLatin1Char('|') + log->placeholderText()), 10000);
    // Each line with the time the server wrote it.
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d  Taking a consistent backup of staging"))
                 .match(log->toPlainText())
                 .hasMatch(),
        qPrintable(log->toPlainText()));
}

void TestMainWindow::lostServerShowsDisconnectedNotFrozen()
{
    m_server.kill();
    action("refreshAction")->trigger();
    // The window keeps processing events (QTRY runs the event loop) and says what happened.
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("connectionLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("Disconnected")), 30000);
    QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("retryButton"))->isVisible());
    QVERIFY(!action("backupAction")->isEnabled());
    QVERIFY(action("backupAction")->toolTip().contains(QStringLiteral("Not connected")));
}

void TestMainWindow::hostedServerShowsNoLocalFeatures()
{
    // A connection to a server without /tidemark (the hosted API): its environments and backups show, the
    // local extensions do not, and previewing a policy sends no PATCH (a hosted PATCH ?dry_run=1 would apply).
    HostedStandIn hosted;
    QVERIFY2(hosted.start(), qPrintable(hosted.error()));
    ConnectionProfiles profiles;
    ConnectionProfile profile;
    profile.name = QStringLiteral("Hosted");
    profile.apiUrl = QUrl(hosted.url());
    profile.tokenUrl = QUrl(hosted.url() + QStringLiteral("/oauth2/token"));
    profile.project = hosted.project();
    QString error;
    QVERIFY2(profiles.add(profile, &error), qPrintable(error));
    QVERIFY(profiles.setCurrent(profile.name));

    MainWindow window(nullptr);
    window.setRefreshInterval(0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Without a keychain in the test the token is asked for; with one, it is read from there.
    whenDialogOpens<QInputDialog>([](QInputDialog* dialog) {
        dialog->setTextValue(QStringLiteral("hosted-api-token"));
        dialog->accept();
    });
    window.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.selectedEnvironment().has_value(), 20000);
    QCOMPARE(window.project(), hosted.project());
    QCOMPARE(window.selectedEnvironment()->id, QStringLiteral("main"));
    QTRY_VERIFY(window.backupModel()->rowCount() > 0);
    const auto windowAction = [&window](const char* name) { return window.findChild<QAction*>(QLatin1String(name)); };
    QVERIFY(!windowAction("protectAction")->isVisible());
    QVERIFY(!windowAction("noteAction")->isVisible());
    // Browse and Compare are tidemarkd's too: hidden, not failing.
    QVERIFY(!windowAction("browseAction")->isVisible());
    QVERIFY(!windowAction("compareAction")->isVisible());
    // No health report there: the Health view and its action are hidden.
    QVERIFY(!windowAction("healthAction")->isVisible());
    QVERIFY(!window.findChild<QWidget*>(QStringLiteral("healthDock"))->isVisible());
    QVERIFY(windowAction("backupAction")->isVisible());
    QVERIFY(std::any_of(hosted.requests().begin(), hosted.requests().end(),
        [](const HostedStandIn::Request& r) { return r.path == QLatin1String("/tidemark"); }));

    // The policy editor plans locally here: opening it and editing the draft sends no PATCH.
    bool opened = false;
    whenDialogOpens<PolicyEditorDialog>([&opened](PolicyEditorDialog* dialog) {
        opened = true;
        QTimer::singleShot(500, dialog, &QDialog::reject);
    });
    window.editPolicies();
    QTRY_VERIFY_WITH_TIMEOUT(opened, 10000);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(hosted.count("PATCH"), 0);

    QVERIFY(profiles.setCurrent(ConnectionProfiles::thisComputerName()));
    QVERIFY(profiles.remove(profile.name));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
