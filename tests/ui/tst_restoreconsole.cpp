// The console's Browse view, Compare view, the restore dialog's impact preview and safety backup, and Undo restore,
// against a real tidemarkd. Runs offscreen.
#include "activitylistmodel.h"
#include "backupfilesmodel.h"
#include "backuptablemodel.h"
#include "browsedialog.h"
#include "comparedialog.h"
#include "consoletest.h"
#include "environmentstate.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modelroles.h"
#include "restoredialog.h"
#include "serverprocess.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace EnvironmentState;

namespace {

// The row of `path` under `parent` in a view's model, or an invalid index.
QModelIndex find(const QAbstractItemModel* model, const QString& path, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(BackupPathRole).toString() == path)
            return index;
    }
    return {};
}

} // namespace

class TestRestoreConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void browseListsAndSavesWithoutTouchingTheEnvironment();
    void browseRestoresOneFile();
    void compareShowsTheChanges();
    void restoreDialogPreviewsAndTakesASafetyBackup();
    void undoRestoreBringsBackTheStateBefore();

private:
    QAction* action(const char* name) { return m_window->findChild<QAction*>(QLatin1String(name)); }
    bool waitForActivitiesToEnd(int timeoutMs = 120000);
    void selectFirstBackup();

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
    QString m_uploads;
    QString m_db;
    Tree m_uploadsAtBackup;
    QString m_dialogRestore; // the restore the restore dialog started (the one to undo)
};

void TestRestoreConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    const QJsonObject local = m_http->get(QStringLiteral("/projects/demo/environments/main"), m_access)
                                  .json.toObject()
                                  .value(QStringLiteral("local"))
                                  .toObject();
    m_uploads
        = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    m_db = local.value(QStringLiteral("services")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
    m_uploadsAtBackup = hashTree(m_uploads);
    const QJsonObject backup = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", m_access, 120000);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backupModel()->rowCount(), 1, 20000);
    // tidemarkd has these features: the actions show.
    QTRY_VERIFY(action("browseAction")->isVisible());
    QVERIFY(action("compareAction")->isVisible());
}

void TestRestoreConsole::cleanupTestCase()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_window.reset();
    m_server.stop();
}

bool TestRestoreConsole::waitForActivitiesToEnd(int timeoutMs)
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

void TestRestoreConsole::selectFirstBackup()
{
    auto* view = m_window->findChild<QTableView*>(QStringLiteral("backupView"));
    // The backup (not a safety backup) that the test took first: the oldest one.
    const BackupTableModel* model = m_window->backupModel();
    int oldest = 0;
    for (int row = 1; row < model->rowCount(); ++row) {
        if (model->backup(row).createdAtMs < model->backup(oldest).createdAtMs)
            oldest = row;
    }
    const QString id = model->backup(oldest).id;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(BackupIdRole).toString() == id)
            view->selectRow(row);
    }
    QTRY_VERIFY(action("browseAction")->isEnabled());
}

void TestRestoreConsole::browseListsAndSavesWithoutTouchingTheEnvironment()
{
    selectFirstBackup();
    action("browseAction")->trigger();
    auto* dialog = m_window->findChild<BrowseDialog*>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 3, 30000); // code, mounts/uploads, services/database
    QTreeView* view = dialog->view();
    const QAbstractItemModel* shown = view->model();
    const QModelIndex uploads = find(shown, QStringLiteral("mounts/uploads"));
    QVERIFY(uploads.isValid());
    view->expand(uploads);
    QTRY_VERIFY_WITH_TIMEOUT(shown->rowCount(uploads) >= 6, 30000); // the demo's batch folders
    const QModelIndex batch = find(shown, QStringLiteral("mounts/uploads/batch-0"), uploads);
    QVERIFY(batch.isValid());
    view->expand(batch);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(batch), 50, 30000);

    // The filter keeps matching names (and their folders).
    dialog->findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setText(QStringLiteral("note-001"));
    const QModelIndex filteredUploads = find(shown, QStringLiteral("mounts/uploads"));
    QCOMPARE(shown->rowCount(filteredUploads), 1);
    const QModelIndex filtered = shown->index(0, 0, filteredUploads);
    QCOMPARE(shown->rowCount(filtered), 1);
    const QModelIndex note = shown->index(0, 0, filtered);
    QCOMPARE(note.data(BackupPathRole).toString(), QStringLiteral("mounts/uploads/batch-0/note-001.txt"));
    QVERIFY(!shown->index(0, BackupFilesModel::SizeColumn, filtered).data().toString().isEmpty());

    // Save to…: the file in a local folder, byte for byte; the environment untouched.
    view->selectionModel()->select(note, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTemporaryDir out;
    dialog->setFolderChooser([&out] { return out.path(); });
    QSignalSpy saved(dialog, &BrowseDialog::saved);
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveToButton"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QFile copy(out.filePath(QStringLiteral("note-001.txt")));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QFile original(m_uploads + QStringLiteral("/batch-0/note-001.txt"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
    QCOMPARE(hashTree(m_uploads), m_uploadsAtBackup);
    dialog->findChild<QLineEdit*>(QStringLiteral("filterEdit"))->clear();
}

void TestRestoreConsole::browseRestoresOneFile()
{
    auto* dialog = m_window->findChild<BrowseDialog*>();
    QVERIFY(dialog);
    QVERIFY(writeFile(m_uploads + QStringLiteral("/batch-0/note-004.txt"), "changed after the backup\n"));
    QVERIFY(writeFile(m_uploads + QStringLiteral("/added-later.txt"), "new\n"));
    QTreeView* view = dialog->view();
    const QModelIndex uploads = find(view->model(), QStringLiteral("mounts/uploads"));
    const QModelIndex batch = find(view->model(), QStringLiteral("mounts/uploads/batch-0"), uploads);
    const QModelIndex note = find(view->model(), QStringLiteral("mounts/uploads/batch-0/note-004.txt"), batch);
    QVERIFY(note.isValid());
    view->selectionModel()->select(note, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    auto* restore = dialog->findChild<QPushButton*>(QStringLiteral("restoreSelectedButton"));
    QVERIFY(restore->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(restore, Qt::LeftButton);
    MessageBox::setNextAnswer(std::nullopt);
    QVERIFY(MessageBox::lastDetails().contains(QStringLiteral("safety backup")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->activityModel()->rowCount() >= 2, 20000);
    QVERIFY(waitForActivitiesToEnd());
    // That one file came back; the file added since stays.
    Tree expected = m_uploadsAtBackup;
    expected.insert(QStringLiteral("added-later.txt"), hashTree(m_uploads).value(QStringLiteral("added-later.txt")));
    QCOMPARE(hashTree(m_uploads), expected);
    dialog->close();
}

void TestRestoreConsole::compareShowsTheChanges()
{
    selectFirstBackup();
    action("compareAction")->trigger();
    auto* dialog = m_window->findChild<CompareDialog*>();
    QVERIFY(dialog);
    QSignalSpy compared(dialog, &CompareDialog::compared);
    QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 30000);
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("mounts/uploads: 1 added, 0 changed, 0 removed")),
        qPrintable(dialog->summaryText()));
    QTreeWidget* tree = dialog->changesTree();
    QTreeWidgetItem* part = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == QLatin1String("mounts/uploads"))
            part = tree->topLevelItem(i);
    }
    QVERIFY(part);
    QCOMPARE(part->childCount(), 1);
    QCOMPARE(part->child(0)->text(0), QStringLiteral("mounts/uploads/added-later.txt"));
    dialog->close();
}

void TestRestoreConsole::restoreDialogPreviewsAndTakesASafetyBackup()
{
    QVERIFY(execSql(m_db,
        QStringLiteral(
            "INSERT INTO orders (customer, amount_cents, created_at) VALUES ('later', 1, '2026-12-01T00:00:00Z')")));
    const QStringList rowsBefore = tableRows(m_db);
    QSet<QString> earlier;
    for (int row = 0; row < m_window->activityModel()->rowCount(); ++row)
        earlier.insert(m_window->activityModel()->activity(row).id);
    selectFirstBackup();
    QTRY_VERIFY(action("restoreAction")->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QString preview;
    QString confirmation;
    bool safetyChecked = false;
    whenDialogOpens<RestoreDialog>([&](RestoreDialog* dialog) {
        auto* impact = dialog->findChild<QLabel*>(QStringLiteral("impactLabel"));
        // The preview arrives while the dialog is open.
        QTRY_VERIFY_WITH_TIMEOUT(impact->text().contains(QStringLiteral("added since are removed")), 30000);
        preview = impact->text();
        safetyChecked = dialog->findChild<QCheckBox*>(QStringLiteral("safetyBackupCheckBox"))->isChecked();
        // Only the files of the uploads mount, not the database, not the code.
        dialog->findChild<QCheckBox*>(QStringLiteral("partCheckBox_services/database"))->setChecked(false);
        dialog->findChild<QCheckBox*>(QStringLiteral("restoreCodeCheckBox"))->setChecked(false);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("startRestoreButton")), Qt::LeftButton);
        confirmation = MessageBox::lastDetails();
    });
    action("restoreAction")->trigger();
    MessageBox::setNextAnswer(std::nullopt);
    QVERIFY2(preview.contains(QStringLiteral("mounts/uploads")), qPrintable(preview));
    QVERIFY(safetyChecked);
    QVERIFY2(confirmation.contains(QStringLiteral("safety backup")), qPrintable(confirmation));
    QVERIFY(waitForActivitiesToEnd());
    QCOMPARE(hashTree(m_uploads), m_uploadsAtBackup);
    QCOMPARE(tableRows(m_db), rowsBefore); // the database was left out
    for (int row = 0; row < m_window->activityModel()->rowCount(); ++row) {
        const Activity& a = m_window->activityModel()->activity(row);
        if (a.type == QLatin1String("environment.restore") && !earlier.contains(a.id))
            m_dialogRestore = a.id;
    }
    QVERIFY(!m_dialogRestore.isEmpty());

    // The safety backup shows in the table as one.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            const BackupTableModel* model = m_window->backupModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, BackupTableModel::KindColumn).data().toString() == QLatin1String("Safety"))
                    return true;
            }
            return false;
        }(),
        30000);
}

void TestRestoreConsole::undoRestoreBringsBackTheStateBefore()
{
    // The restore the dialog ran (the browse restore before it may have started in the same second): select it in
    // the activity pane; Undo restore is one action away.
    auto* activities = m_window->findChild<QListView*>(QStringLiteral("activityView"));
    const ActivityListModel* model = m_window->activityModel();
    QVERIFY(!m_dialogRestore.isEmpty());
    QSet<QString> before;
    for (int row = 0; row < model->rowCount(); ++row)
        before.insert(model->activity(row).id);
    // The finished restore's links (with #undo) come with the next refresh.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            m_window->refresh();
            QTest::qWait(200);
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->activity(row).id == m_dialogRestore) {
                    activities->setCurrentIndex(model->index(row, 0));
                    return action("undoRestoreAction")->isEnabled();
                }
            }
            return false;
        }(),
        30000);
    QVERIFY(m_window->findChild<QPushButton*>(QStringLiteral("undoRestoreButton"))->isVisible());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    action("undoRestoreAction")->trigger();
    MessageBox::setNextAnswer(std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > int(before.size()), 20000);
    QVERIFY(waitForActivitiesToEnd());
    // Back to the state before that restore: the file added later is there again.
    QVERIFY(QFile::exists(m_uploads + QStringLiteral("/added-later.txt")));
}

QTEST_MAIN(TestRestoreConsole)
#include "tst_restoreconsole.moc"
