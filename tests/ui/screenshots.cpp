// Not a test: makes the screenshots in docs/ from the real console against a real tidemarkd.
//   xvfb-run -a -s "-screen 0 1366x768x24" build/dev/tests/tidemark-screenshots docs/
// With LANG=de_DE.UTF-8 (and another folder) it shows the console in German, as its users see it.
// With --dark it makes them in Fusion with a dark palette, named NAME-dark.png (docs/ keeps a few of them).
#include "activitylistmodel.h"
#include "backupdialog.h"
#include "backuptablemodel.h"
#include "browsedialog.h"
#include "connectionprofiles.h"
#include "consoletest.h"
#include "copiespage.h"
#include "healthmonitor.h"
#include "healthview.h"
#include "localserver.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "notificationspage.h"
#include "policyeditordialog.h"
#include "policyeditorpage.h"
#include "projectsettingsdialog.h"
#include "repositorypage.h"
#include "restoredialog.h"
#include "retentionpreviewmodel.h"
#include "retentiontimeline.h"
#include "serverprocess.h"
#include "tokenstore.h"
#include "translator.h"
#include "webhookreceiver.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {

bool shoot(const QString& path)
{
    QTest::qWait(400);
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
    const bool ok = shot.save(path);
    qInfo("%s %s (%dx%d)", ok ? "wrote" : "could not write", qPrintable(path), shot.width(), shot.height());
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    Translator::install(app);
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QStringList args = app.arguments().mid(1);
    const bool dark = args.removeAll(QStringLiteral("--dark")) > 0;
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    const QString out = !args.isEmpty() ? args.first() : QStringLiteral("docs");
    QDir().mkpath(out);
    // Where a shot goes: docs/NAME.png, or docs/NAME-dark.png in the dark palette.
    const auto file = [&](const char* name) -> QString {
        return out + QLatin1Char('/') + QLatin1String(name)
            + (dark ? QStringLiteral("-dark.png") : QStringLiteral(".png"));
    };

    ServerProcess server;
    if (!server.start()) {
        qWarning("%s", qPrintable(server.error()));
        return 1;
    }
    TestHttp http(server.url());
    const QString access = http.exchange(server.adminToken());
    // Some history: a policy with schedules, and backups of main.
    http.request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 3, "schedule": [{"interval": "1d", "count": 7}, {"interval": "1w", "count": 4}, {"interval": "1M", "count": 12}]}}}})",
        access);
    // Main pauses through a maintenance flag, as a site would: its consistent backups show both passes.
    QJsonObject descriptor = http.get(QStringLiteral("/projects/demo/environments/main"), access)
                                 .json.toObject()
                                 .value(QStringLiteral("local"))
                                 .toObject();
    const QString flag = server.dataDir() + QStringLiteral("/main-maintenance");
    descriptor.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), QStringLiteral("touch '%1'").arg(flag)},
            {QStringLiteral("resume"), QStringLiteral("rm -f '%1'").arg(flag)}});
    http.request("PATCH", QStringLiteral("/projects/demo/environments/main"),
        QJsonDocument(QJsonObject {{QStringLiteral("local"), descriptor}}).toJson(QJsonDocument::Compact), access);
    for (const char* body : {R"({"safe": true})", R"({"safe": false})", R"({"safe": true})"})
        http.startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"), body, access, 30000);
    const QJsonArray backups
        = http.get(QStringLiteral("/projects/demo/environments/main/backups"), access).json.toArray();
    if (!backups.isEmpty()) {
        const QString newest = backups.at(0).toObject().value(QStringLiteral("id")).toString();
        http.request("PATCH", QStringLiteral("/projects/demo/environments/main/backups/") + newest,
            R"({"attributes": {"note": "Before the 2.4 migration", "protected": "true"}})", access);
    }
    // Two manual backups besides the protected one: the next manual backup replaces the oldest.
    http.request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 2}}}})", access);
    // And one running activity for the dock.
    http.request("POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": true})", access);

    // For the Health view: a second machine whose staging failed to back up, and a third that is switched off.
    ServerProcess second;
    if (!second.start()) {
        qWarning("%s", qPrintable(second.error()));
        return 1;
    }
    {
        TestHttp other(second.url());
        const QString otherAccess = other.exchange(second.adminToken());
        other.startAndWait("POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})",
            otherAccess, 30000);
        QJsonObject staging = other.get(QStringLiteral("/projects/demo/environments/staging"), otherAccess)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject();
        staging.insert(QStringLiteral("hooks"),
            QJsonObject {{QStringLiteral("pause"), QStringLiteral("echo 'maintenance mode is locked' >&2; exit 1")},
                {QStringLiteral("resume"), QStringLiteral("true")}});
        other.request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
            QJsonDocument(QJsonObject {{QStringLiteral("local"), staging}}).toJson(QJsonDocument::Compact),
            otherAccess);
        other.startAndWait("POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": true})",
            otherAccess, 30000);
    }
    ConnectionProfiles profiles;
    profiles.add(ConnectionProfile {QStringLiteral("web-02"), QUrl(second.url()),
        QUrl(second.url() + QStringLiteral("/oauth2/token")), QStringLiteral("demo"), false});
    profiles.add(ConnectionProfile {QStringLiteral("old-web"), QUrl(QStringLiteral("http://127.0.0.1:9")),
        QUrl(QStringLiteral("http://127.0.0.1:9/oauth2/token")), QStringLiteral("demo"), false});

    TestLocalServer local(server.url(), server.adminToken());
    MainWindow window(&local);
    window.tokenStore()->setSessionToken(QUrl(second.url()), second.adminToken());
    window.tokenStore()->setSessionToken(QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("unused"));
    // The whole screen, as a maximised window would have it (there is no window manager under Xvfb).
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    window.setGeometry(screen);
    window.show();
    window.connectToServer();
    if (!QTest::qWaitFor([&] { return window.backupModel()->rowCount() >= 3; }, 20000))
        qWarning("timed out waiting; the screenshot may be incomplete");
    auto* backupView = window.findChild<QTableView*>(QStringLiteral("backupView"));
    backupView->selectRow(1);
    // The keyboard is in the backup table, and its frame says so.
    window.activateWindow();
    backupView->setFocus();
    // The log of the newest consistent backup of main: pre-pass, pause, what was copied, resume, second pass.
    auto* activityView = window.findChild<QListView*>(QStringLiteral("activityView"));
    const bool selected = QTest::qWaitFor(
        [&] {
            const ActivityListModel* activities = window.activityModel();
            for (int row = 0; row < activities->rowCount(); ++row) {
                const Activity& a = activities->activity(row);
                if (a.environments.contains(QStringLiteral("main")) && a.payload.value(QStringLiteral("safe")).toBool()
                    && a.state == Activity::State::Complete) {
                    activityView->setCurrentIndex(activities->index(row));
                    return true;
                }
            }
            return false;
        },
        20000);
    if (!selected)
        qWarning("no consistent backup of main in the activity list; the log pane stays empty");
    QTest::qWait(1500);
    shoot(file("main-window"));

    // The real dialogs, opened by their actions.
    const auto shootModal = [&](const char* action, const QString& file, std::function<void(QDialog*)> prepare) {
        QTimer::singleShot(800, &window, [&, file, prepare] {
            if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
                if (prepare)
                    prepare(dialog);
                shoot(file);
                dialog->reject();
            }
        });
        window.findChild<QAction*>(QLatin1String(action))->trigger();
    };
    shootModal("backupAction", file("backup-dialog"), nullptr);
    // What a restore would change: a few files of main differ from the selected backup.
    const QString uploads = descriptor.value(QStringLiteral("mounts"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("path"))
                                .toString();
    for (const char* name : {"/batch-0/note-001.txt", "/batch-1/note-052.txt", "/invoice-2026-12.pdf"}) {
        QFile file(uploads + QLatin1String(name));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write("changed after the backup\n");
    }
    QFile::remove(uploads + QStringLiteral("/batch-2/note-104.txt"));
    shootModal("restoreAction", file("restore-dialog"), [](QDialog* dialog) {
        dialog->findChild<QCheckBox*>(QStringLiteral("restoreCodeCheckBox"))->setChecked(false);
        // The impact preview arrives while the dialog is open.
        auto* impact = dialog->findChild<QLabel*>(QStringLiteral("impactLabel"));
        if (impact && !QTest::qWaitFor([impact] { return impact->text().contains(QLatin1String("mounts/")); }, 15000))
            qWarning("timed out waiting for the impact preview");
    });
    {
        // Browse: the backup's parts, the uploads mount open.
        window.findChild<QAction*>(QStringLiteral("browseAction"))->trigger();
        auto* browse = window.findChild<BrowseDialog*>();
        if (browse) {
            browse->move(screen.center() - browse->rect().center());
            QTreeView* view = browse->view();
            if (!QTest::qWaitFor([&] { return view->model()->rowCount() >= 3; }, 15000))
                qWarning("timed out waiting for the listing");
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QModelIndex index = view->model()->index(row, 0);
                if (index.data(Qt::DisplayRole).toString() == QLatin1String("uploads")) {
                    view->expand(index);
                    if (!QTest::qWaitFor([&] { return view->model()->rowCount(index) > 0; }, 15000))
                        qWarning("timed out waiting for the uploads folder");
                    const QModelIndex batch = view->model()->index(0, 0, index);
                    view->expand(batch);
                    if (!QTest::qWaitFor([&] { return view->model()->rowCount(batch) > 0; }, 15000))
                        qWarning("timed out waiting for the batch folder");
                    view->selectionModel()->select(view->model()->index(1, 0, batch),
                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                }
            }
            shoot(file("browse"));
            browse->close();
        }
    }
    {
        window.editPolicies();
        auto* dialog = window.findChild<PolicyEditorDialog*>();
        // The size the dialog chose for this screen, centred on it.
        dialog->move(screen.center() - dialog->rect().center());
        PolicyEditorPage* production = dialog->page(EnvironmentType::Production);
        if (!QTest::qWaitFor([&] { return production->preview()->rowCount() >= 3; }, 10000))
            qWarning("timed out waiting; the screenshot may be incomplete");
        production->findChild<QSpinBox*>(QStringLiteral("manualCountSpinBox"))->setValue(1);
        // The simulator over half a year, one simulated backup's story told below the timeline.
        production->findChild<QComboBox*>(QStringLiteral("simulationSpanComboBox"))->setCurrentIndex(1);
        if (!QTest::qWaitFor([&] { return !production->preview()->isComputing(); }, 10000))
            qWarning("timed out waiting; the screenshot may be incomplete");
        QTest::qWait(300);
        RetentionTimeline* timeline = production->timeline();
        for (int bar = 0; bar < timeline->barCount(); ++bar) {
            if (timeline->isBarSimulated(bar) && timeline->barDescription(bar).contains(QLatin1String("monthly"))) {
                timeline->setCurrentBar(bar);
                break;
            }
        }
        QTest::qWait(800);
        shoot(file("policy-editor"));
        // The draft was changed for the picture: close without applying it (the dialog asks).
        MessageBox::setNextAnswer(QMessageBox::Discard);
        dialog->close();
        MessageBox::setNextAnswer(std::nullopt);
    }
    {
        // Copies and repositories: a copy target on "another disk", one more backup copied to it, a verification.
        QTemporaryDir disk;
        const QString target = disk.filePath(QStringLiteral("tidemark-copy"));
        http.request("PATCH", QStringLiteral("/projects/demo/settings"),
            QJsonDocument(
                QJsonObject {{QStringLiteral("backup_copies"),
                    QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("usb-disk")},
                        {QStringLiteral("repository"), target}, {QStringLiteral("limit_upload_kib"), 51200}}}}})
                .toJson(QJsonDocument::Compact),
            access);
        qInfo("copies: a backup, its copy and a verification");
        http.startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", access, 60000);
        if (!QTest::qWaitFor(
                [&] {
                    const QJsonArray runs
                        = http.get(QStringLiteral("/projects/demo/activities?type=project.backup.copy"), access)
                              .json.toArray();
                    return !runs.isEmpty()
                        && runs.at(0).toObject().value(QStringLiteral("state")).toString() == QLatin1String("complete");
                },
                60000))
            qWarning("timed out waiting for the copy");
        http.startAndWait("POST", QStringLiteral("/projects/demo/verify"),
            R"({"repository": "primary", "read_data_percent": 10, "test_restore": true})", access, 120000);
        window.refresh();
        QTest::qWait(1500);
        qInfo("copies: the dialog");
        window.editCopies();
        auto* dialog = window.findChild<ProjectSettingsDialog*>();
        if (dialog && dialog->copiesPage() && dialog->repositoryPage()) {
            dialog->move(screen.center() - dialog->rect().center());
            CopiesPage* copies = dialog->copiesPage();
            if (!QTest::qWaitFor([&] { return !copies->copies().isEmpty(); }, 10000))
                qWarning("timed out waiting for the copies");
            auto* check = copies->findChild<QPushButton*>(QStringLiteral("checkConnectionButton"));
            check->click();
            if (!QTest::qWaitFor([&] { return check->isEnabled(); }, 30000))
                qWarning("timed out waiting for the connection check");
            shoot(file("copies"));
            RepositoryPage* repository = dialog->repositoryPage();
            dialog->tabs()->setCurrentWidget(repository);
            if (!QTest::qWaitFor([&] { return repository->isLoaded(); }, 15000))
                qWarning("timed out waiting for the repositories");
            shoot(file("repository"));
            dialog->close();
        }
    }
    {
        // Health: every environment of the three connections, worst first, the worst state in the title and tray.
        QSignalSpy polled(window.healthMonitor(), &HealthMonitor::polled);
        window.healthMonitor()->setTimeout(3000);
        window.healthMonitor()->pollNow();
        if (!QTest::qWaitFor([&] { return polled.count() >= 3 && !window.healthMonitor()->isPolling(); }, 30000))
            qWarning("timed out waiting for the health of every connection");
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("healthDock"));
        dock->show();
        dock->raise();
        window.resizeDocks({dock}, {screen.height() / 2}, Qt::Vertical);
        window.healthView()->table()->selectRow(0);
        window.healthView()->table()->setFocus();
        QTest::qWait(800);
        shoot(file("health-view"));
    }
    {
        // Alerts: two webhooks (a chat and a phone), a failed backup delivered to both, then Send test.
        WebhookReceiver receiver;
        receiver.start();
        http.request("PATCH", QStringLiteral("/projects/demo/settings"),
            QJsonDocument(
                QJsonObject {{QStringLiteral("notifications"),
                    QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("ops-chat")},
                                    {QStringLiteral("kind"), QStringLiteral("webhook")},
                                    {QStringLiteral("url"), receiver.url(QStringLiteral("/services/T0/B0"))},
                                    {QStringLiteral("format"), QStringLiteral("slack")},
                                    {QStringLiteral("events"),
                                        QJsonArray {QStringLiteral("backup.failed"), QStringLiteral("backup.missed"),
                                            QStringLiteral("copy.failed"), QStringLiteral("verify.failed")}}},
                        QJsonObject {{QStringLiteral("name"), QStringLiteral("phone")},
                            {QStringLiteral("kind"), QStringLiteral("webhook")},
                            {QStringLiteral("url"), receiver.url(QStringLiteral("/tidemark-alerts"))},
                            {QStringLiteral("format"), QStringLiteral("ntfy")},
                            {QStringLiteral("events"), QJsonArray {QStringLiteral("backup.failed")}}}}}})
                .toJson(QJsonDocument::Compact),
            access);
        QJsonObject local = http.get(QStringLiteral("/projects/demo/environments/staging"), access)
                                .json.toObject()
                                .value(QStringLiteral("local"))
                                .toObject();
        const QJsonObject before = local;
        local.insert(QStringLiteral("hooks"),
            QJsonObject {
                {QStringLiteral("pause"), QStringLiteral("echo 'the maintenance page did not come up' >&2; exit 3")},
                {QStringLiteral("resume"), QStringLiteral("true")}});
        const auto patchStaging = [&](const QJsonObject& descriptor) {
            http.request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
                QJsonDocument(QJsonObject {{QStringLiteral("local"), descriptor}}).toJson(QJsonDocument::Compact),
                access);
        };
        patchStaging(local);
        qInfo("alerts: a failed backup of staging");
        http.startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/staging/backup"), R"({"safe": true})", access, 60000);
        patchStaging(before);
        if (!QTest::qWaitFor([&] { return receiver.requests().size() >= 2; }, 20000))
            qWarning("timed out waiting for the alerts");
        window.refresh();
        QTest::qWait(1500); // the window's settings, with the targets
        window.editCopies();
        auto* dialog = window.findChild<ProjectSettingsDialog*>();
        if (dialog && dialog->notificationsPage()) {
            dialog->move(screen.center() - dialog->rect().center());
            NotificationsPage* alerts = dialog->notificationsPage();
            dialog->tabs()->setCurrentWidget(alerts);
            if (!QTest::qWaitFor([&] { return alerts->targets().size() == 2; }, 10000))
                qWarning("timed out waiting for the alert targets");
            auto* test = alerts->findChild<QPushButton*>(QStringLiteral("sendTestButton"));
            QSignalSpy busy(alerts, &NotificationsPage::busyChanged);
            test->click();
            if (!QTest::qWaitFor([&] { return busy.size() >= 2; }, 30000))
                qWarning("timed out waiting for the test messages");
            QTest::qWait(1500); // the deliveries table's next refresh
            shoot(file("alerts"));
            dialog->close();
        }
    }
    second.stop();
    server.stop();
    return 0;
}
