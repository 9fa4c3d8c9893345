// The console's copies and repositories against a real tidemarkd and real restic repositories: the Copies page adds,
// checks and removes a target, the backup table says where each backup is copied, the Repository page shows the
// API's numbers and draws the growth, Verify now runs, and the recovery-key reminder shows until acknowledged.
// Runs offscreen.
#include "backuptablemodel.h"
#include "consoletest.h"
#include "copiespage.h"
#include "displayformat.h"
#include "growthchart.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "projectsettingsdialog.h"
#include "recoverykeybanner.h"
#include "repositorypage.h"
#include "serverprocess.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

class TestCopiesConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void recoveryKeyReminderUntilAcknowledged();
    void checkConnectionTellsGoodFromBad();
    void addedCopyReceivesTheNextBackup();
    void repositoryPageShowsTheNumbersAndTheGrowth();
    void verifyNowRunsAndShowsItsResult();
    void removingACopyLeavesItsSnapshots();

private:
    ProjectSettingsDialog* openDialog();
    CopiesPage* copiesPage() { return openDialog()->copiesPage(); }
    // Clicks Check connection and waits for the answer; the status label's text.
    QString check(CopiesPage* page, bool* failure);
    QJsonObject repositoryJson(const QString& name);
    QString backupMain();
    // Waits for the project.backup.copy activity that the newest backup started.
    QJsonObject waitForCopy();

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
    QTemporaryDir m_targets;
    int m_copyRuns = 0;
};

void TestCopiesConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_targets.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    QVERIFY(!backupMain().isEmpty());

    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backupModel()->rowCount(), 1, 20000);
}

void TestCopiesConsole::cleanupTestCase()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_window.reset();
    m_server.stop();
}

QString TestCopiesConsole::backupMain()
{
    const QJsonObject activity = m_http->startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", m_access, 180000);
    if (activity.value(QStringLiteral("result")).toString() != QLatin1String("success"))
        return {};
    return activity.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
}

QJsonObject TestCopiesConsole::waitForCopy()
{
    QJsonArray list;
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        list = m_http->get(QStringLiteral("/projects/demo/activities?type=project.backup.copy&count=1000"), m_access)
                   .json.toArray();
        if (list.size() > m_copyRuns)
            break;
        QTest::qWait(100);
    }
    if (list.size() <= m_copyRuns)
        return {};
    m_copyRuns = int(list.size());
    return m_http->waitForActivity(
        QStringLiteral("demo"), list.at(0).toObject().value(QStringLiteral("id")).toString(), m_access, 180000);
}

QJsonObject TestCopiesConsole::repositoryJson(const QString& name)
{
    const QJsonArray repositories = m_http->get(QStringLiteral("/projects/demo/repository"), m_access)
                                        .json.toObject()
                                        .value(QStringLiteral("repositories"))
                                        .toArray();
    for (const QJsonValue& r : repositories) {
        if (r.toObject().value(QStringLiteral("name")).toString() == name)
            return r.toObject();
    }
    return {};
}

ProjectSettingsDialog* TestCopiesConsole::openDialog()
{
    if (auto* open = m_window->findChild<ProjectSettingsDialog*>())
        return open;
    auto* action = m_window->findChild<QAction*>(QStringLiteral("copiesAction"));
    if (!action || !action->isVisible() || !action->isEnabled())
        return nullptr;
    action->trigger();
    return m_window->findChild<ProjectSettingsDialog*>();
}

QString TestCopiesConsole::check(CopiesPage* page, bool* failure)
{
    auto* button = page->findChild<QPushButton*>(QStringLiteral("checkConnectionButton"));
    auto* status = page->findChild<QLabel*>(QStringLiteral("copyStatusLabel"));
    if (!button || !status || !button->isEnabled())
        return QStringLiteral("(check connection is not available)");
    QTest::mouseClick(button, Qt::LeftButton);
    // Disabled while the server runs restic; enabled again with the answer.
    if (!QTest::qWaitFor([&] { return button->isEnabled(); }, 60000))
        return QStringLiteral("(no answer)");
    *failure = status->property("failure").toBool();
    return status->text();
}

void TestCopiesConsole::recoveryKeyReminderUntilAcknowledged()
{
    RecoveryKeyBanner* banner = m_window->recoveryKeyBanner();
    QVERIFY(banner);
    // The repository exists (a backup was made) and nobody has saved its password yet.
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), 20000);
    QVERIFY(repositoryJson(QStringLiteral("primary")).value(QStringLiteral("key_acknowledged_at")).isNull());
    const QString password = m_http->get(QStringLiteral("/projects/demo/repository/key"), m_access)
                                 .json.toObject()
                                 .value(QStringLiteral("password"))
                                 .toString();
    QVERIFY(password.size() >= 32);

    QApplication::clipboard()->clear();
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("copyKeyButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::clipboard()->text(), password, 10000);

    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("key.txt"));
    banner->saveKeyTo(file);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(file), 10000);
    QCOMPARE(QFileInfo(file).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray text = saved.readAll();
    QVERIFY(text.contains(password.toUtf8()));
    QVERIFY(text.contains(m_server.dataDir().toUtf8())); // the repository's location
    // Saving is not acknowledging: the reminder stays, also after another look at the server.
    QSignalSpy checked(banner, &RecoveryKeyBanner::checked);
    banner->refresh();
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.constLast().at(0).toBool(), true);
    QVERIFY(!banner->isHidden());

    QSignalSpy acknowledged(banner, &RecoveryKeyBanner::acknowledged);
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("acknowledgeKeyButton")), Qt::LeftButton);
    QVERIFY(acknowledged.wait(10000));
    QVERIFY(banner->isHidden());
    QVERIFY(
        !repositoryJson(QStringLiteral("primary")).value(QStringLiteral("key_acknowledged_at")).toString().isEmpty());

    // Not after: a new connection asks the server again, which says it was saved.
    checked.clear();
    m_window->connectToServer();
    QVERIFY(checked.wait(20000));
    QCOMPARE(checked.constLast().at(0).toBool(), false);
    QVERIFY(banner->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backupModel()->rowCount(), 1, 20000);
}

void TestCopiesConsole::checkConnectionTellsGoodFromBad()
{
    CopiesPage* page = copiesPage();
    QVERIFY(page);
    QCOMPARE(page->copies().size(), 0);
    auto* name = page->findChild<QLineEdit*>(QStringLiteral("copyNameLineEdit"));
    auto* repository = page->findChild<QLineEdit*>(QStringLiteral("copyRepositoryLineEdit"));
    QVERIFY(name && repository);
    QTest::keyClicks(name, QStringLiteral("offsite"));
    bool failure = true;

    // A good target: an empty place where the first copy will create the repository.
    repository->setText(m_targets.filePath(QStringLiteral("offsite")));
    QString text = check(page, &failure);
    QVERIFY2(!failure && text.contains(QStringLiteral("will be created on the first copy")), qPrintable(text));
    QVERIFY(!QFileInfo::exists(m_targets.filePath(QStringLiteral("offsite")))); // a check creates nothing

    // A restic repository that belongs to someone else (another password).
    const QString foreign = m_targets.filePath(QStringLiteral("foreign"));
    QFile passwordFile(m_targets.filePath(QStringLiteral("foreign.password")));
    QVERIFY(passwordFile.open(QIODevice::WriteOnly));
    passwordFile.write("not the copy's password\n");
    passwordFile.close();
    QProcess init;
    init.start(QStringLiteral("restic"),
        {QStringLiteral("-r"), foreign, QStringLiteral("--password-file"), passwordFile.fileName(),
            QStringLiteral("init")});
    QVERIFY(init.waitForFinished(60000));
    QCOMPARE(init.exitCode(), 0);
    repository->setText(foreign);
    text = check(page, &failure);
    QVERIFY2(failure && text.contains(QStringLiteral("already exists")) && text.contains(QStringLiteral("password")),
        qPrintable(text));

    // A host that does not answer: a REST server on a port where nothing listens.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closed = probe.serverPort();
    probe.close();
    repository->setText(QStringLiteral("rest:http://127.0.0.1:%1/copy").arg(closed));
    text = check(page, &failure);
    QVERIFY2(failure && text.contains(QStringLiteral("cannot be reached")), qPrintable(text));

    // Credentials are checked in the form before anything is sent.
    auto* addVariable = page->findChild<QPushButton*>(QStringLiteral("addCredentialButton"));
    auto* credentials = page->findChild<QTableWidget*>(QStringLiteral("credentialsTableWidget"));
    QTest::mouseClick(addVariable, Qt::LeftButton);
    credentials->item(0, 0)->setText(QStringLiteral("AWS_ACCESS_KEY_ID"));
    text = check(page, &failure);
    QVERIFY2(failure && text.contains(QStringLiteral("AWS_ACCESS_KEY_ID has no value")), qPrintable(text));
    credentials->setCurrentCell(0, 0);
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("removeCredentialButton")), Qt::LeftButton);
    QCOMPARE(credentials->rowCount(), 0);
}

void TestCopiesConsole::addedCopyReceivesTheNextBackup()
{
    CopiesPage* page = copiesPage();
    QVERIFY(page);
    auto* repository = page->findChild<QLineEdit*>(QStringLiteral("copyRepositoryLineEdit"));
    repository->setText(m_targets.filePath(QStringLiteral("offsite")));
    auto* credentials = page->findChild<QTableWidget*>(QStringLiteral("credentialsTableWidget"));
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("addCredentialButton")), Qt::LeftButton);
    credentials->item(0, 0)->setText(QStringLiteral("TM_TEST_SECRET"));
    credentials->item(0, 1)->setData(Qt::UserRole, QStringLiteral("s3cr3t-value"));
    QSignalSpy changed(page, &CopiesPage::copiesChanged);
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("saveCopyButton")), Qt::LeftButton);
    QVERIFY(changed.wait(15000));
    QCOMPARE(page->copies().size(), 1);
    QCOMPARE(page->findChild<QListWidget*>(QStringLiteral("copyListWidget"))->count(), 1);
    const TestHttp::Reply settings = m_http->get(QStringLiteral("/projects/demo/settings"), m_access);
    const QJsonObject saved
        = settings.json.toObject().value(QStringLiteral("backup_copies")).toArray().at(0).toObject();
    QCOMPARE(saved.value(QStringLiteral("name")).toString(), QStringLiteral("offsite"));
    QCOMPARE(saved.value(QStringLiteral("repository")).toString(), m_targets.filePath(QStringLiteral("offsite")));
    QCOMPARE(saved.value(QStringLiteral("env")).toArray(), QJsonArray {QStringLiteral("TM_TEST_SECRET")});
    QVERIFY(!settings.body.contains("s3cr3t-value"));
    // The stored value shows as stored, never as itself.
    QCOMPARE(credentials->rowCount(), 1);
    QVERIFY(!credentials->item(0, 1)->text().contains(QStringLiteral("s3cr3t")));

    // The backup table's column: pending, then copied.
    const QString id = backupMain();
    QVERIFY(!id.isEmpty());
    const QJsonObject copy = waitForCopy();
    QVERIFY2(copy.value(QStringLiteral("result")).toString() == QLatin1String("success"),
        qPrintable(copy.value(QStringLiteral("log")).toString()));
    m_window->refresh();
    BackupTableModel* model = m_window->backupModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(model->rowOf(id), BackupTableModel::CopiesColumn).data().toString(),
        QStringLiteral("on 1 of 1 copies"), 20000);
    const QString tooltip
        = model->index(model->rowOf(id), BackupTableModel::CopiesColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.startsWith(QStringLiteral("offsite: copied at")), qPrintable(tooltip));
    // The older backup was copied by the same run (a copy takes every backup it does not hold yet).
    QCOMPARE(
        m_window->findChild<QTableView*>(QStringLiteral("backupView"))->isColumnHidden(BackupTableModel::CopiesColumn),
        false);

    // The saved copy now opens with its own password.
    bool failure = true;
    const QString text = check(page, &failure);
    QVERIFY2(!failure && text.startsWith(QStringLiteral("Connected")), qPrintable(text));
}

void TestCopiesConsole::repositoryPageShowsTheNumbersAndTheGrowth()
{
    ProjectSettingsDialog* dialog = openDialog();
    QVERIFY(dialog && dialog->repositoryPage());
    RepositoryPage* page = dialog->repositoryPage();
    QSignalSpy loaded(page, &RepositoryPage::loaded);
    page->refresh();
    QVERIFY(loaded.wait(20000));
    const QJsonObject api = m_http->get(QStringLiteral("/projects/demo/repository"), m_access).json.toObject();
    const QJsonArray repositories = api.value(QStringLiteral("repositories")).toArray();
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("repositoryTableWidget"));
    QCOMPARE(table->rowCount(), repositories.size());
    QCOMPARE(table->rowCount(), 2); // the primary and the copy
    for (int row = 0; row < repositories.size(); ++row) {
        const QJsonObject r = repositories.at(row).toObject();
        QCOMPARE(
            table->item(row, RepositoryPage::LocationColumn)->text(), r.value(QStringLiteral("location")).toString());
        QCOMPARE(table->item(row, RepositoryPage::SnapshotsColumn)->text(),
            QString::number(r.value(QStringLiteral("snapshots")).toInt()));
        if (r.value(QStringLiteral("size_bytes")).isDouble())
            QCOMPARE(table->item(row, RepositoryPage::SizeColumn)->text(),
                DisplayFormat::dataSize(qint64(r.value(QStringLiteral("size_bytes")).toDouble())));
        QCOMPARE(table->item(row, RepositoryPage::LogicalColumn)->text(),
            DisplayFormat::dataSize(qint64(r.value(QStringLiteral("logical_bytes")).toDouble())));
    }
    QCOMPARE(repositories.at(0).toObject().value(QStringLiteral("snapshots")).toInt(), 2);
    QVERIFY(repositories.at(0).toObject().value(QStringLiteral("size_bytes")).toDouble() > 0);

    // The chart has the API's points and draws them: the newest point is painted in the line's colour.
    const QJsonArray growth = api.value(QStringLiteral("growth")).toArray();
    QVERIFY(growth.size() >= 2); // after each backup
    GrowthChart* chart = page->chart();
    QCOMPARE(chart->points().size(), growth.size());
    QCOMPARE(chart->points().constLast().sizeBytes,
        qint64(growth.last().toObject().value(QStringLiteral("size_bytes")).toDouble()));
    dialog->tabs()->setCurrentWidget(page);
    chart->resize(480, 200);
    const QImage image = chart->grab().toImage();
    const QPoint last = chart->positionOf(int(chart->points().size()) - 1).toPoint();
    const QColor line = chart->palette().color(QPalette::Highlight);
    bool painted = false;
    for (int dx = -2; dx <= 2 && !painted; ++dx) {
        for (int dy = -2; dy <= 2 && !painted; ++dy) {
            const QColor pixel = image.pixelColor(last + QPoint(dx, dy));
            painted = std::abs(pixel.red() - line.red()) < 24 && std::abs(pixel.green() - line.green()) < 24
                && std::abs(pixel.blue() - line.blue()) < 24;
        }
    }
    QVERIFY2(painted, "the newest growth point is not drawn");
    QVERIFY(image.pixelColor(2, image.height() / 2) == chart->palette().color(QPalette::Base));
}

void TestCopiesConsole::verifyNowRunsAndShowsItsResult()
{
    ProjectSettingsDialog* dialog = openDialog();
    QVERIFY(dialog && dialog->repositoryPage());
    RepositoryPage* page = dialog->repositoryPage();
    auto* button = page->findChild<QPushButton*>(QStringLiteral("verifyButton_primary"));
    QVERIFY(button && button->isEnabled());
    QSignalSpy finished(page, &RepositoryPage::verificationFinished);
    QSignalSpy loaded(page, &RepositoryPage::loaded);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(finished.wait(180000));
    const Activity done = finished.constFirst().at(0).value<Activity>();
    QCOMPARE(done.type, QStringLiteral("project.verify"));
    QVERIFY2(done.result == Activity::Result::Success, qPrintable(done.text));
    auto* status = page->findChild<QLabel*>(QStringLiteral("repositoryStatusLabel"));
    QVERIFY2(status->text().contains(QStringLiteral("passed")), qPrintable(status->text()));
    QVERIFY(loaded.wait(20000));
    auto* table = page->findChild<QTableWidget*>(QStringLiteral("repositoryTableWidget"));
    QVERIFY(table->item(0, RepositoryPage::VerifiedColumn)->text() != QLatin1String("never"));
    QVERIFY(table->item(0, RepositoryPage::ResultColumn)->text().startsWith(QStringLiteral("passed")));
    QCOMPARE(repositoryJson(QStringLiteral("primary")).value(QStringLiteral("last_verify_result")).toString(),
        QStringLiteral("success"));
    // The main window follows it in its activity pane too.
    bool listed = false;
    for (const QJsonValue& a :
        m_http->get(QStringLiteral("/projects/demo/activities?type=project.verify"), m_access).json.toArray())
        listed = listed || a.toObject().value(QStringLiteral("id")).toString() == done.id;
    QVERIFY(listed);
}

void TestCopiesConsole::removingACopyLeavesItsSnapshots()
{
    CopiesPage* page = copiesPage();
    QVERIFY(page);
    auto* list = page->findChild<QListWidget*>(QStringLiteral("copyListWidget"));
    list->setCurrentRow(0);
    QSignalSpy changed(page, &CopiesPage::copiesChanged);
    // Cancelled: nothing changes.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("removeCopyButton")), Qt::LeftButton);
    QCOMPARE(page->copies().size(), 1);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("snapshots stay where they are")),
        qPrintable(MessageBox::lastText()));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("removeCopyButton")), Qt::LeftButton);
    QVERIFY(changed.wait(15000));
    MessageBox::setNextAnswer(std::nullopt);
    QCOMPARE(page->copies().size(), 0);
    QVERIFY(m_http->get(QStringLiteral("/projects/demo/settings"), m_access)
                .json.toObject()
                .value(QStringLiteral("backup_copies"))
                .toArray()
                .isEmpty());
    // The copy's repository is untouched.
    QVERIFY(QFileInfo::exists(m_targets.filePath(QStringLiteral("offsite/config"))));
    QVERIFY(!QDir(m_targets.filePath(QStringLiteral("offsite/snapshots"))).isEmpty());
    openDialog()->close();
}

QTEST_MAIN(TestCopiesConsole)
#include "tst_copiesconsole.moc"
