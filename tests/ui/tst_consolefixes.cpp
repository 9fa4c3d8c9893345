// The console as a new user finds it, against a real tidemarkd: tokens corrected in Connections, a failing
// connection that shows nothing of the previous server, the policy preview after Apply, the timeline of an
// environment without backups, keyboard focus, window sizes, plural forms, the Mode of a backup that did not pause,
// and the question before quitting with a backup running. Runs offscreen.
#include "activitylistmodel.h"
#include "backuptablemodel.h"
#include "connectiondialog.h"
#include "connectionprofiles.h"
#include "consoletest.h"
#include "environmentlistmodel.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "policyeditordialog.h"
#include "policyeditorpage.h"
#include "quitprompt.h"
#include "retentionpreviewmodel.h"
#include "retentionreasons.h"
#include "retentiontimeline.h"
#include "scheduledraftmodel.h"
#include "serverprocess.h"
#include "translator.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

namespace {

const QString kDownProfile = QStringLiteral("Nobody listens");

} // namespace

class TestConsoleFixes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connects();
    void modeSaysWhenABackupDidNotPause();
    void policyPreviewForgetsWhatApplyDeleted();
    void timelineOfAnEnvironmentWithoutBackupsStartsToday();
    void tabLeavesListsAndTables();
    void firstWindowFitsAndSizesAreRemembered();
    void narrowWindowKeepsActionsAndButtons();
    void pluralForms();
    void whyKeptInWords();
    void germanReadsGerman();
    void emptyEnvironmentSaysWhatToDo();
    void failingConnectionShowsNothingOfThePreviousServer();
    void connectionsConnectSavesAndUsesTheTypedToken();
    void quittingDuringABackupAsksFirst();

private:
    QAction* action(const char* name) { return m_window->findChild<QAction*>(QLatin1String(name)); }
    bool waitForActivitiesToEnd(int timeoutMs = 90000);
    bool activateEnvironment(const QString& id);
    PolicyEditorDialog* openPolicyEditor();

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
};

void TestConsoleFixes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    // The English plural forms, as the console loads them (the tests run in the C locale).
    Translator::install(*QCoreApplication::instance());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());

    // A remote connection whose server is not there, known before the window reads the profiles.
    ConnectionProfiles profiles;
    QString error;
    QVERIFY2(profiles.add(ConnectionProfile {kDownProfile, QUrl(QStringLiteral("http://127.0.0.1:9")),
                              QUrl(QStringLiteral("http://127.0.0.1:9/oauth2/token")), QStringLiteral("demo"), false},
                 &error),
        qPrintable(error));

    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->setRefreshInterval(0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsoleFixes::cleanupTestCase()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_window.reset();
    m_server.stop();
}

bool TestConsoleFixes::waitForActivitiesToEnd(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            const ActivityListModel* model = m_window->activityModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (!model->activity(row).isFinished())
                    return false;
            }
            return true;
        },
        timeoutMs);
}

bool TestConsoleFixes::activateEnvironment(const QString& id)
{
    QSignalSpy refreshed(m_window.get(), &MainWindow::backupsRefreshed);
    const bool already = m_window->selectedEnvironment() && m_window->selectedEnvironment()->id == id;
    if (!m_window->selectEnvironment(id))
        return false;
    if (already)
        m_window->refresh(); // selecting it again loads nothing
    return QTest::qWaitFor([&] { return !refreshed.isEmpty() && refreshed.last().at(0).toString() == id; }, 10000);
}

PolicyEditorDialog* TestConsoleFixes::openPolicyEditor()
{
    action("policiesAction")->trigger();
    PolicyEditorDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<PolicyEditorDialog*>()) != nullptr; }, 5000))
        return nullptr;
    return dialog;
}

void TestConsoleFixes::connects()
{
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QCOMPARE(m_window->selectedEnvironment()->id, QStringLiteral("main"));
}

void TestConsoleFixes::modeSaysWhenABackupDidNotPause()
{
    // The demo's staging has no pause hook: a backup asked for as consistent did not pause, and says so.
    const QJsonObject done = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": true})", m_access, 60000);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY(activateEnvironment(QStringLiteral("staging")));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backupModel()->rowCount(), 1, 10000);
    const QModelIndex mode = m_window->backupModel()->index(0, BackupTableModel::ModeColumn);
    QCOMPARE(mode.data().toString(), QStringLiteral("Consistent (no pause hook)"));
    QVERIFY2(mode.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no pause hook")),
        qPrintable(mode.data(Qt::ToolTipRole).toString()));
}

void TestConsoleFixes::policyPreviewForgetsWhatApplyDeleted()
{
    // A second manual backup of staging: with the manual count lowered to 1, the older one goes.
    const QJsonObject done = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": false})", m_access, 60000);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    PolicyEditorDialog* dialog = openPolicyEditor();
    QVERIFY(dialog);
    PolicyEditorPage* staging = dialog->page(EnvironmentType::Staging);
    QTRY_COMPARE_WITH_TIMEOUT(staging->preview()->rowCount(), 2, 10000);
    staging->findChild<QSpinBox*>(QStringLiteral("manualCountSpinBox"))->setValue(1);
    QTRY_COMPARE_WITH_TIMEOUT(staging->preview()->deletedCount(), 1, 5000);
    const QString doomed = staging->preview()->deletedBackups().first().id;

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("applyButton")), Qt::LeftButton);
    // Once applied, the preview shows the backups as they are now: the deleted one is not "Delete — When applied".
    QTRY_VERIFY_WITH_TIMEOUT(!staging->isModified(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(staging->preview()->rowCount(), 1, 10000);
    QCOMPARE(staging->preview()->deletedCount(), 0);
    QVERIFY(staging->preview()->rowOf(doomed) < 0);
    QTest::qWait(500); // the list loaded again after Apply does not bring it back
    QCOMPARE(staging->preview()->rowCount(), 1);
    MessageBox::setNextAnswer(std::nullopt);
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<PolicyEditorDialog*>());
    QVERIFY(waitForActivitiesToEnd());
}

void TestConsoleFixes::timelineOfAnEnvironmentWithoutBackupsStartsToday()
{
    PolicyEditorDialog* dialog = openPolicyEditor();
    QVERIFY(dialog);
    // feature-x, the demo's development environment, has never been backed up.
    RetentionTimeline* timeline = dialog->page(EnvironmentType::Development)->timeline();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QTRY_VERIFY(timeline->startMs() > 0);
    QVERIFY2(qAbs(timeline->startMs() - now) < 3600 * 1000,
        qPrintable(QDateTime::fromMSecsSinceEpoch(timeline->startMs()).toString(Qt::ISODate)));

    // Narrow, the legend moves below the title instead of over it.
    timeline->resize(260, 200);
    QVERIFY(!timeline->legendBesideTitle());
    timeline->resize(1000, 200);
    QVERIFY(timeline->legendBesideTitle());
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<PolicyEditorDialog*>());
}

void TestConsoleFixes::tabLeavesListsAndTables()
{
    QVERIFY(activateEnvironment(QStringLiteral("staging")));
    QTRY_VERIFY(m_window->backupModel()->rowCount() > 0);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("backupView"));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTRY_COMPARE(QApplication::focusWidget(), table);
    // One Tab leaves the table, whatever column the cursor is in.
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY(QApplication::focusWidget() != table);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("activityView"));

    // Ctrl+Tab leaves a list too, forwards and backwards.
    auto* environments = m_window->findChild<QTreeView*>(QStringLiteral("environmentView"));
    environments->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), environments);
    QTest::keyClick(environments, Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(QApplication::focusWidget() != environments);
    table->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QApplication::focusWidget() != table);
}

void TestConsoleFixes::firstWindowFitsAndSizesAreRemembered()
{
    QSettings().remove(QStringLiteral("mainWindow"));
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    {
        MainWindow first(nullptr);
        // Never larger than the screen it opens on, unless the screen is smaller than the window can be.
        QVERIFY2(first.width() <= std::max(available.width(), first.minimumSizeHint().width())
                && first.height() <= std::max(available.height(), first.minimumSizeHint().height()),
            qPrintable(QStringLiteral("%1x%2 on %3x%4")
                           .arg(first.width())
                           .arg(first.height())
                           .arg(available.width())
                           .arg(available.height())));
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(1100, 650);
        QTRY_COMPARE(first.size(), QSize(1100, 650));
        QVERIFY(first.close());
    }
    MainWindow second(nullptr);
    QCOMPARE(second.size(), QSize(1100, 650));
}

void TestConsoleFixes::narrowWindowKeepsActionsAndButtons()
{
    // Everything a 1024×600 screen must hold (title bar and panel take some 60 pixels of its height).
    const QSize screen(1024, 600 - 60);
    const QSize windowMinimum = m_window->minimumSizeHint();
    QVERIFY2(windowMinimum.width() <= screen.width() && windowMinimum.height() <= screen.height(),
        qPrintable(QStringLiteral("%1x%2").arg(windowMinimum.width()).arg(windowMinimum.height())));

    m_window->resize(1024, 540);
    QTRY_COMPARE(m_window->width(), 1024);
    // Retention policies stays on the toolbar, not behind its overflow arrow.
    auto* toolBar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QWidget* policies = toolBar->widgetForAction(action("policiesAction"));
    QVERIFY(policies);
    QTRY_VERIFY(policies->isVisible());
    QVERIFY(toolBar->rect().contains(policies->geometry()));

    // Environment names are not cut down to their first letters.
    QVERIFY(m_window->selectEnvironment(QStringLiteral("feature-x")));
    auto* environments = m_window->findChild<QTreeView*>(QStringLiteral("environmentView"));
    const QModelIndex name = environments->currentIndex().siblingAtColumn(EnvironmentListModel::NameColumn);
    QVERIFY(environments->header()->sectionSize(EnvironmentListModel::NameColumn)
        >= environments->fontMetrics().horizontalAdvance(name.data().toString()));

    // The policy editor fits, with Apply and Close on screen.
    PolicyEditorDialog* dialog = openPolicyEditor();
    QVERIFY(dialog);
    const QSize dialogMinimum = dialog->minimumSizeHint();
    QVERIFY2(dialogMinimum.width() <= screen.width() && dialogMinimum.height() <= screen.height(),
        qPrintable(QStringLiteral("%1x%2").arg(dialogMinimum.width()).arg(dialogMinimum.height())));
    dialog->resize(screen);
    QTRY_COMPARE(dialog->size(), screen);
    auto* apply = dialog->findChild<QPushButton*>(QStringLiteral("applyButton"));
    QVERIFY(dialog->rect().contains(QRect(apply->mapTo(dialog, QPoint(0, 0)), apply->size())));
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<PolicyEditorDialog*>());
    m_window->resize(1280, 760);
}

void TestConsoleFixes::pluralForms()
{
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Day, 1), QStringLiteral("day"));
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Day, 7), QStringLiteral("days"));
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Week, 1), QStringLiteral("week"));
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Hour, 6), QStringLiteral("hours"));

    // "Every 1 day" in the schedule table.
    ScheduleDraftModel draft;
    RetentionPolicy policy;
    policy.schedules = {{*Interval::parse(u"1d"), 7}, {*Interval::parse(u"2w"), 4}};
    draft.setPolicy(policy);
    QCOMPARE(draft.index(0, ScheduleDraftModel::UnitColumn).data().toString(), QStringLiteral("day"));
    QCOMPARE(draft.index(1, ScheduleDraftModel::UnitColumn).data().toString(), QStringLiteral("weeks"));

    // The retention simulator says how many backups it starts from.
    RetentionTimeline timeline;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    RetentionPolicy daily;
    daily.schedules = {{*Interval::parse(u"1d"), 1}};
    const QList<RetentionBackup> one {{QStringLiteral("a"), now - 1000, true}};
    timeline.setSimulation(RetentionSimulation::run(one, daily, now, now + 8 * 86400 * 1000), daily);
    QVERIFY2(timeline.toolTip().startsWith(QStringLiteral("Backups kept now: 1.")), qPrintable(timeline.toolTip()));
}

void TestConsoleFixes::whyKeptInWords()
{
    QCOMPARE(RetentionReasons::plain(QStringLiteral("1d #1/2")), QStringLiteral("daily #1 of 2"));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("1w #3/4")), QStringLiteral("weekly #3 of 4"));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("6h #2/4")), QStringLiteral("every 6 hours #2 of 4"));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("manual #1/2")), QStringLiteral("kept as one of 2 manual backups"));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("manual #1/1")), QStringLiteral("kept as the only manual backup"));
    QCOMPARE(
        RetentionReasons::plain(QStringLiteral("manual limit 1")), QStringLiteral("beyond the 1 manual backup kept"));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("something new")), QStringLiteral("something new"));

    // The table shows the words; the filter still finds the short form the command line prints.
    QVERIFY(activateEnvironment(QStringLiteral("staging")));
    QTRY_VERIFY(m_window->backupModel()->rowCount() > 0);
    const auto why
        = [this] { return m_window->backupModel()->index(0, BackupTableModel::WhyKeptColumn).data().toString(); };
    QTRY_VERIFY2_WITH_TIMEOUT(why().startsWith(QStringLiteral("kept as ")), qPrintable(why()), 10000);
    // Away and straight back, before the other environment's list arrived: the plan in hand shows again.
    QVERIFY(m_window->selectEnvironment(QStringLiteral("feature-x")));
    QVERIFY(activateEnvironment(QStringLiteral("staging")));
    QTRY_VERIFY2_WITH_TIMEOUT(why().startsWith(QStringLiteral("kept as ")), qPrintable(why()), 10000);
    QVERIFY(m_window->backupModel()
                ->headerData(BackupTableModel::WhyKeptColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("1d #1/7")));
    auto* filter = m_window->findChild<QLineEdit*>(QStringLiteral("backupFilterEdit"));
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("backupView"));
    filter->setText(QStringLiteral("manual #1/"));
    QCOMPARE(table->model()->rowCount(), 1);
    filter->setText(QStringLiteral("no such reason"));
    QCOMPARE(table->model()->rowCount(), 0);
    filter->clear();
    QVERIFY(table->model()->rowCount() > 0);
}

void TestConsoleFixes::germanReadsGerman()
{
    // As a German user starts it: Qt's own words from qtbase_de (qt6-translations-l10n), ours from tidemark_de.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTranslator qt;
    QTranslator tidemark;
    QVERIFY2(qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
        "qtbase_de.qm is missing: install qt6-translations-l10n");
    QVERIFY(tidemark.load(QLocale(), QStringLiteral("tidemark"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&qt);
    QCoreApplication::installTranslator(&tidemark);
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&tidemark);
        QCoreApplication::removeTranslator(&qt);
        QLocale::setDefault(QLocale::c());
    });

    QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    QCOMPARE(box.button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Day, 1), QStringLiteral("Tag"));
    QCOMPARE(ScheduleDraftModel::unitName(Interval::Unit::Day, 7), QStringLiteral("Tage"));
    QCOMPARE(RetentionTimeline::weekLabel(QDate(2026, 12, 1)), QStringLiteral("1. Dez."));
    QCOMPARE(RetentionReasons::plain(QStringLiteral("1d #1/7")), QStringLiteral("täglich Nr. 1 von 7"));

    // An activity the server described in English reads German.
    Activity backup;
    backup.type = QStringLiteral("environment.backup");
    backup.environments = {QStringLiteral("main")};
    backup.payload = QJsonObject {{QStringLiteral("safe"), true}};
    backup.text = QStringLiteral("Consistent backup of main");
    QCOMPARE(ActivityListModel::describe(backup), QStringLiteral("Konsistentes Backup von main"));
}

void TestConsoleFixes::emptyEnvironmentSaysWhatToDo()
{
    auto* empty = m_window->findChild<QLabel*>(QStringLiteral("emptyStateLabel"));
    QVERIFY(activateEnvironment(QStringLiteral("feature-x")));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("has no backup")), qPrintable(empty->text()));
    // Staging has backups: no such sentence (a warning about its policy may remain).
    QVERIFY(activateEnvironment(QStringLiteral("staging")));
    QTRY_VERIFY(!empty->isVisible() || !empty->text().contains(QStringLiteral("has no backup")));
    // The demo's staging policy has no schedule: that is said, with where to add one.
    QVERIFY2(empty->text().contains(QStringLiteral("no schedule")), qPrintable(empty->text()));
}

void TestConsoleFixes::failingConnectionShowsNothingOfThePreviousServer()
{
    QTRY_VERIFY(m_window->selectedEnvironment().has_value());
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
    const int index = combo->findData(kDownProfile);
    QVERIFY(index > 0);
    // Without a keychain the token is asked for.
    whenDialogOpens<QInputDialog>([](QInputDialog* dialog) {
        dialog->setTextValue(QStringLiteral("any-token"));
        dialog->accept();
    });
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("connectionLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("Disconnected from ") + kDownProfile), 20000);
    // Nothing of "This computer" shows under the other connection's name.
    auto* environments = m_window->findChild<QTreeView*>(QStringLiteral("environmentView"));
    QCOMPARE(environments->model()->rowCount(), 0);
    QCOMPARE(m_window->backupModel()->rowCount(), 0);
    QCOMPARE(m_window->activityModel()->rowCount(), 0);
    QVERIFY(!m_window->selectedEnvironment());
    QVERIFY(!action("backupAction")->isEnabled());

    // Back to this computer: its data returns.
    const int local = combo->findData(ConnectionProfiles::thisComputerName());
    combo->setCurrentIndex(local);
    emit combo->activated(local);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
}

void TestConsoleFixes::connectionsConnectSavesAndUsesTheTypedToken()
{
    // Connections → New, a mistyped token, Connect: the new connection is saved (token URL defaulted) and used.
    const auto fill = [this](ConnectionDialog* dialog, const QString& token) {
        dialog->findChild<QLineEdit*>(QStringLiteral("profileNameEdit"))->setText(QStringLiteral("Remote"));
        dialog->findChild<QLineEdit*>(QStringLiteral("apiUrlEdit"))->setText(m_server.url());
        dialog->findChild<QLineEdit*>(QStringLiteral("tokenUrlEdit"))->clear();
        dialog->findChild<QLineEdit*>(QStringLiteral("projectEdit"))->setText(QStringLiteral("demo"));
        dialog->findChild<QLineEdit*>(QStringLiteral("apiTokenEdit"))->setText(token);
    };
    QString tokenUrlMessage;
    whenDialogOpens<ConnectionDialog>([&](ConnectionDialog* dialog) {
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("newProfileButton")), Qt::LeftButton);
        fill(dialog, QStringLiteral("tm_mistyped"));
        // A bad token URL is explained with a token URL as the example.
        dialog->findChild<QLineEdit*>(QStringLiteral("tokenUrlEdit"))->setText(QStringLiteral("ftp://auth"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveProfileButton")), Qt::LeftButton);
        tokenUrlMessage = dialog->findChild<QLabel*>(QStringLiteral("connectionMessageLabel"))->text();
        dialog->findChild<QLineEdit*>(QStringLiteral("tokenUrlEdit"))->clear();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connectProfileButton")), Qt::LeftButton);
    });
    QTimer::singleShot(0, m_window.get(), [this] { action("connectionsAction")->trigger(); });
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("connectionLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("Disconnected from Remote")), 20000);
    QVERIFY2(tokenUrlMessage.contains(QStringLiteral("/oauth2/token")), qPrintable(tokenUrlMessage));
    QVERIFY2(!tokenUrlMessage.contains(QStringLiteral("like https://api.")), qPrintable(tokenUrlMessage));
    const auto saved = ConnectionProfiles().profile(QStringLiteral("Remote"));
    QVERIFY(saved);
    QCOMPARE(saved->tokenUrl, QUrl(m_server.url() + QStringLiteral("/oauth2/token")));

    // The corrected token, typed in Connections and saved, is the one used from now on (no restart).
    whenDialogOpens<ConnectionDialog>([&](ConnectionDialog* dialog) {
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("profileList"));
        list->setCurrentItem(list->findItems(QStringLiteral("Remote"), Qt::MatchExactly).first());
        dialog->findChild<QLineEdit*>(QStringLiteral("apiTokenEdit"))->setText(m_server.adminToken());
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveProfileButton")), Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connectProfileButton")), Qt::LeftButton);
    });
    QTimer::singleShot(0, m_window.get(), [this] { action("connectionsAction")->trigger(); });
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("Connected to Remote")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QCOMPARE(m_window->project(), QStringLiteral("demo"));

    // Back to this computer for what follows.
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
    const int local = combo->findData(ConnectionProfiles::thisComputerName());
    combo->setCurrentIndex(local);
    emit combo->activated(local);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("Connected to This computer")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
}

void TestConsoleFixes::quittingDuringABackupAsksFirst()
{
    // main pauses for a long while: its consistent backup is still running when the window is closed.
    QJsonObject descriptor = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_access)
                                 .json.toObject()
                                 .value(QStringLiteral("local"))
                                 .toObject();
    descriptor.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), QStringLiteral("sleep 8")},
            {QStringLiteral("resume"), QStringLiteral("true")}, {QStringLiteral("timeout_seconds"), 60}});
    QCOMPARE(m_http
                 ->request("PATCH", QStringLiteral("/projects/demo/environments/main"),
                     QJsonDocument(QJsonObject {{QStringLiteral("local"), descriptor}}).toJson(QJsonDocument::Compact),
                     m_access)
                 .status,
        200);
    const TestHttp::Reply started = m_http->request(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", m_access);
    const QString id = TestHttp::activityId(started);
    QVERIFY2(!id.isEmpty(), started.body.constData());
    action("refreshAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->activityModel()->rowOf(id) >= 0, 10000);

    // Stay: the window stays, and the question said plainly what quitting does.
    // The quit prompt asks the embedded server what runs (asynchronously) before its question comes.
    auto* prompt = m_window->findChild<QuitPrompt*>();
    QVERIFY(prompt);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QTRY_VERIFY_WITH_TIMEOUT(!prompt->isAsking(), 20000);
    QVERIFY(m_window->isVisible());
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("1 activity is still running")),
        qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("backup that is stopped is not kept")));
    QVERIFY(MessageBox::lastDetails().contains(QStringLiteral("Consistent backup of main")));

    // Cancel them and quit: the backup ends cancelled (not interrupted), then the window closes.
    MessageBox::setNextAnswer(QMessageBox::No);
    m_window->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 40000);
    MessageBox::setNextAnswer(std::nullopt);
    const QJsonObject activity
        = m_http->get(QStringLiteral("/projects/demo/activities/") + id, m_access).json.toObject();
    QCOMPARE(activity.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
}

QTEST_MAIN(TestConsoleFixes)
#include "tst_consolefixes.moc"
