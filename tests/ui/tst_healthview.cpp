// The Health view against two real tidemarkd: every environment of both, states as the servers report them, worst
// first; one server stopped shows as one "unreachable" row with its error and a notification; a click and Enter open
// an environment in the main window, switching the connection. The table model under QAbstractItemModelTester.
// Runs offscreen.
#include "connectionprofiles.h"
#include "consoletest.h"
#include "healthmonitor.h"
#include "healthtablemodel.h"
#include "healthview.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modelroles.h"
#include "serverprocess.h"
#include "tokenstore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

namespace {

const QString kOther = QStringLiteral("Other machine");

} // namespace

class TestHealthView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowsOfBothServersWithTheirStates();
    void clickOpensTheEnvironmentOfAnotherConnection();
    void stoppedServerIsOneUnreachableRowWorstFirst();
    void enterOpensAnEnvironment();

private:
    bool pollBoth();
    // The environments' states as the server itself reports them.
    QHash<QString, QString> serverStates(ServerProcess& server);
    int proxyRowOf(const QString& connection, const QString& environment);

    ServerProcess m_here;
    ServerProcess m_other;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    HealthView* m_view = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestHealthView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    MessageBox::setNextAnswer(QMessageBox::Ok); // no box ever blocks the test
    QVERIFY2(m_here.start(), qPrintable(m_here.error()));
    QVERIFY2(m_other.start(), qPrintable(m_other.error()));
    // The other machine's environments are in another state: main has a backup there, here it has none.
    TestHttp other(m_other.url());
    const QString access = other.exchange(m_other.adminToken());
    const QJsonObject backup = other.startAndWait(
        "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", access);
    QCOMPARE(backup.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    ConnectionProfiles profiles;
    QString error;
    QVERIFY2(profiles.add(ConnectionProfile {kOther, QUrl(m_other.url()),
                              QUrl(m_other.url() + QStringLiteral("/oauth2/token")), QStringLiteral("demo"), false},
                 &error),
        qPrintable(error));

    m_local = std::make_unique<TestLocalServer>(m_here.url(), m_here.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->setRefreshInterval(0);
    m_window->healthMonitor()->setInterval(0); // polled by the test
    m_window->healthMonitor()->setTimeout(3000);
    m_window->tokenStore()->setSessionToken(QUrl(m_other.url()), m_other.adminToken());
    m_view = m_window->healthView();
    QVERIFY(m_view);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);
}

void TestHealthView::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    MessageBox::setNextAnswer(std::nullopt);
    m_here.stop();
    m_other.stop();
}

bool TestHealthView::pollBoth()
{
    QSignalSpy polled(m_window->healthMonitor(), &HealthMonitor::polled);
    m_window->healthMonitor()->pollNow();
    const auto has = [&](const QString& name) {
        for (const QList<QVariant>& call : polled) {
            if (call.at(0).toString() == name)
                return true;
        }
        return false;
    };
    return QTest::qWaitFor([&] { return has(ConnectionProfiles::thisComputerName()) && has(kOther); }, 30000);
}

QHash<QString, QString> TestHealthView::serverStates(ServerProcess& server)
{
    TestHttp http(server.url());
    const TestHttp::Reply reply = http.get(QStringLiteral("/projects/demo/health"), http.exchange(server.adminToken()));
    QHash<QString, QString> states;
    for (const QJsonValue& e : reply.json.toObject().value(QStringLiteral("environments")).toArray())
        states.insert(e.toObject().value(QStringLiteral("environment")).toString(),
            e.toObject().value(QStringLiteral("state")).toString());
    return states;
}

int TestHealthView::proxyRowOf(const QString& connection, const QString& environment)
{
    for (int row = 0; row < m_view->table()->model()->rowCount(); ++row) {
        const HealthRow& r = m_view->rowAt(row);
        if (r.connection == connection && r.environment == environment)
            return row;
    }
    return -1;
}

void TestHealthView::rowsOfBothServersWithTheirStates()
{
    QVERIFY(pollBoth());
    const QHash<QString, QString> here = serverStates(m_here);
    const QHash<QString, QString> there = serverStates(m_other);
    QVERIFY2(!here.isEmpty() && !there.isEmpty(), "the servers report no environments");
    QVERIFY(here.value(QStringLiteral("main")) != there.value(QStringLiteral("main")));

    QAbstractItemModel* model = m_view->table()->model();
    QCOMPARE(model->rowCount(), int(here.size() + there.size()));
    const auto stateText = [](const QString& wire) {
        return wire == QLatin1String("ok")     ? HealthRow::stateName(HealthRow::State::Ok)
            : wire == QLatin1String("warning") ? HealthRow::stateName(HealthRow::State::Warning)
                                               : HealthRow::stateName(HealthRow::State::Critical);
    };
    for (const auto& [connection, states] :
        {std::pair {ConnectionProfiles::thisComputerName(), here}, std::pair {kOther, there}}) {
        for (auto it = states.cbegin(); it != states.cend(); ++it) {
            const int row = proxyRowOf(connection, it.key());
            QVERIFY2(row >= 0, qPrintable(connection + QLatin1Char('/') + it.key()));
            QCOMPARE(model->index(row, HealthTableModel::ProjectColumn).data().toString(), QStringLiteral("demo"));
            QCOMPARE(model->index(row, HealthTableModel::StateColumn).data().toString(), stateText(it.value()));
        }
    }
    // The backup on the other machine shows with its age; worst first throughout.
    const int mainThere = proxyRowOf(kOther, QStringLiteral("main"));
    QVERIFY(!model->index(mainThere, HealthTableModel::NewestBackupColumn).data().toString().isEmpty());
    QVERIFY(!model->index(mainThere, HealthTableModel::AgeColumn).data().toString().isEmpty());
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->index(row - 1, HealthTableModel::StateColumn).data(UnderlyingDataRole).toInt()
            >= model->index(row, HealthTableModel::StateColumn).data(UnderlyingDataRole).toInt());
    // The window's title carries the worst state.
    QVERIFY2(m_window->windowTitle().endsWith(model->index(0, HealthTableModel::StateColumn).data().toString()),
        qPrintable(m_window->windowTitle()));
}

void TestHealthView::clickOpensTheEnvironmentOfAnotherConnection()
{
    const int row = proxyRowOf(kOther, QStringLiteral("staging"));
    QVERIFY(row >= 0);
    QTableView* table = m_view->table();
    auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("healthDock"));
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("healthAction"))->isVisible());
    dock->show();
    dock->raise();
    QTRY_VERIFY(table->isVisible());
    const QRect cell = table->visualRect(table->model()->index(row, HealthTableModel::EnvironmentColumn));
    QSignalSpy refreshed(m_window.get(), &MainWindow::environmentsRefreshed);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentConnection(), kOther, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment()
            && m_window->selectedEnvironment()->id == QStringLiteral("staging")
            && m_window->client()->connection().apiUrl == QUrl(m_other.url()),
        20000);
}

void TestHealthView::stoppedServerIsOneUnreachableRowWorstFirst()
{
    QSignalSpy notified(m_window.get(), &MainWindow::notified);
    m_other.stop();
    QVERIFY(pollBoth());
    QAbstractItemModel* model = m_view->table()->model();
    int otherRows = 0;
    int unreachable = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const HealthRow& r = m_view->rowAt(row);
        if (r.connection != kOther)
            continue;
        ++otherRows;
        unreachable = row;
    }
    QCOMPARE(otherRows, 1);
    const HealthRow& r = m_view->rowAt(unreachable);
    QCOMPARE(r.state, HealthRow::State::Unreachable);
    QVERIFY(r.environment.isEmpty());
    QVERIFY2(r.error.contains(QString::number(m_other.port())), qPrintable(r.error));
    QCOMPARE(model->index(unreachable, HealthTableModel::StateColumn).data().toString(),
        HealthRow::stateName(HealthRow::State::Unreachable));
    QCOMPARE(model->index(unreachable, HealthTableModel::ReasonsColumn).data().toString(), r.error);
    // Worst first: only critical rows may come before it, and no better row does.
    for (int row = 0; row < unreachable; ++row)
        QCOMPARE(m_view->rowAt(row).state, HealthRow::State::Critical);
    for (int row = unreachable + 1; row < model->rowCount(); ++row)
        QVERIFY(HealthRow::severity(m_view->rowAt(row).state) <= HealthRow::severity(HealthRow::State::Unreachable));
    // The state got worse for the other machine: the console said so.
    QVERIFY(std::any_of(notified.cbegin(), notified.cend(), [](const QList<QVariant>& call) {
        return call.at(0).toString().startsWith(kOther + QStringLiteral(" is now"));
    }));
}

void TestHealthView::enterOpensAnEnvironment()
{
    const int row = proxyRowOf(ConnectionProfiles::thisComputerName(), QStringLiteral("main"));
    QVERIFY(row >= 0);
    QTableView* table = m_view->table();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, HealthTableModel::EnvironmentColumn));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentConnection(), ConnectionProfiles::thisComputerName(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment()
            && m_window->selectedEnvironment()->id == QStringLiteral("main")
            && m_window->client()->connection().apiUrl == QUrl(m_here.url()),
        20000);
}

QTEST_MAIN(TestHealthView)
#include "tst_healthview.moc"
