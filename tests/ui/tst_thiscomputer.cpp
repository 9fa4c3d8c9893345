// "This computer" as the console runs it: the embedded server with the banner that says schedules run only while
// Tidemark is open (always, with a systemctl that cannot run), the question before quitting with a backup running
// and what each answer does, and the systemd user service, with a real user manager of the test's own
// (tests/support/usersystemd; skipped only where none can run). The servers are real: the console's own embedded
// tidemarkd, or the one systemd starts. Runs offscreen.
#include "activitylistmodel.h"
#include "client/apiclient.h"
#include "connectionprofiles.h"
#include "consoletest.h"
#include "localserver.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "quitprompt.h"
#include "serverprocess.h"
#include "systemduserservice.h"
#include "thiscomputer.h"
#include "tokenstore.h"
#include "translator.h"
#include "usersystemd.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kNoSystemctl = QStringLiteral("/nonexistent/systemctl");

// A console window over "This computer", connected.
struct Console
{
    QTemporaryDir dataDir;
    std::unique_ptr<ThisComputer> local;
    std::unique_ptr<MainWindow> window;

    bool open(const QString& systemctl, const QString& unitName = {})
    {
        local = std::make_unique<ThisComputer>(dataDir.path(), QStringLiteral(TIDEMARKD_PATH));
        local->setSystemctlProgram(systemctl);
        if (!unitName.isEmpty())
            local->setUnitName(unitName);
        window = std::make_unique<MainWindow>(local.get());
        window->setRefreshInterval(0);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        window->connectToServer();
        if (!QTest::qWaitFor([this] { return window->selectedEnvironment().has_value(); }, 60000))
            return false;
        // The demo's first automated backup runs at once: the tests start from a server with nothing running.
        TestHttp http(window->client()->connection().apiUrl.toString());
        const QString token = access();
        return QTest::qWaitFor(
            [&] {
                const TestHttp::Reply reply
                    = http.get(QStringLiteral("/projects/demo/activities?state=pending&state=in_progress"), token);
                return reply.status == 200 && reply.json.toArray().isEmpty();
            },
            180000);
    }
    ~Console()
    {
        window.reset();
        local.reset();
    }
    QString access() const
    {
        TestHttp http(window->client()->connection().apiUrl.toString());
        return http.exchange(window->client()->connection().apiToken);
    }
    // Starts a consistent backup of main whose pause hook sleeps `seconds`; its activity id.
    QString startSlowBackup(int seconds)
    {
        TestHttp http(window->client()->connection().apiUrl.toString());
        const QString token = access();
        QJsonObject descriptor = http.get(QStringLiteral("/projects/demo/environments/main"), token)
                                     .json.toObject()
                                     .value(QStringLiteral("local"))
                                     .toObject();
        descriptor.insert(QStringLiteral("hooks"),
            QJsonObject {{QStringLiteral("pause"), QStringLiteral("sleep %1").arg(seconds)},
                {QStringLiteral("resume"), QStringLiteral("true")}, {QStringLiteral("timeout_seconds"), 120}});
        if (http.request("PATCH", QStringLiteral("/projects/demo/environments/main"),
                    QJsonDocument(QJsonObject {{QStringLiteral("local"), descriptor}}).toJson(QJsonDocument::Compact),
                    token)
                .status
            != 200)
            return {};
        const QString id = TestHttp::activityId(http.request(
            "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})", token));
        window->refresh();
        if (id.isEmpty() || !QTest::qWaitFor([&] { return window->activityModel()->rowOf(id) >= 0; }, 10000))
            return {};
        return id;
    }
    // Closes the window as Ctrl+Q does; true when the window may still be there afterwards because the quit
    // prompt asked the embedded server and then its question (answered by MessageBox's seam) came.
    bool closeAndWaitForTheQuestion()
    {
        auto* prompt = window->findChild<QuitPrompt*>();
        if (!prompt || window->close())
            return false;
        return QTest::qWaitFor([prompt] { return !prompt->isAsking(); }, 20000);
    }
    QJsonObject activity(const QString& id) const
    {
        TestHttp http(window->client()->connection().apiUrl.toString());
        return http.get(QStringLiteral("/projects/demo/activities/") + id, access()).json.toObject();
    }
};

} // namespace

class TestThisComputer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void unitTextIsQuotedForSystemd();
    void handWrittenUnitIsNeverReplaced();
    void withoutSystemdTheBannerSaysSchedulesNeedTheConsole();
    void quitPromptStayThenCancel();
    void quitPromptFinishInBackground();
    void quitPromptAsksWhileARemoteConnectionShows();
    void quitPromptWhenTheServerDoesNotAnswer();
    void systemdUserService();
};

void TestThisComputer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    Translator::install(*QCoreApplication::instance()); // the English plural forms
}

void TestThisComputer::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
}

void TestThisComputer::unitTextIsQuotedForSystemd()
{
    const QByteArray templateText
        = "# comment\n#   cp recipe\n[Service]\nExecStart=/old --data-dir x\n# kept\nRestart=on-failure\n";
    const QStringList arguments {QStringLiteral("--data-dir"), QStringLiteral("/home/a b/100% \"x\"/$HOME"),
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8431")};
    const QByteArray unit
        = SystemdUserService::unitText(templateText, QStringLiteral("/opt/tide mark/tidemarkd"), arguments);
    QVERIFY(SystemdUserService::isOwnUnit(unit));
    QVERIFY(!SystemdUserService::isOwnUnit(templateText));
    QVERIFY(!unit.contains("cp recipe"));
    QVERIFY(unit.contains("# kept\nRestart=on-failure"));
    const QByteArray execStart
        = "ExecStart=\"/opt/tide mark/tidemarkd\" --data-dir \"/home/a b/100%% \\\"x\\\"/$$HOME\" "
          "--listen 127.0.0.1:8431";
    QVERIFY2(unit.contains(execStart), unit.constData());
    QCOMPARE(SystemdUserService::execStartOption(unit, QStringLiteral("--data-dir")), arguments.at(1));
    QCOMPARE(SystemdUserService::execStartOption(unit, QStringLiteral("--listen")), arguments.at(3));
}

void TestThisComputer::handWrittenUnitIsNeverReplaced()
{
    // systemd's own rule for where user units live; a temporary one here, so nothing of the real user's is touched.
    QTemporaryDir config;
    const QByteArray before = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    const auto restore = qScopeGuard([&] {
        if (before.isEmpty())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", before);
    });
    SystemdUserService service(QStringLiteral("tidemarkd.service"));
    service.setSystemctlProgram(kNoSystemctl); // nothing may reach systemd: the unit is refused before
    QCOMPARE(service.unitPath(), config.filePath(QStringLiteral("systemd/user/tidemarkd.service")));
    QVERIFY(QDir().mkpath(SystemdUserService::unitDirectory()));
    const QByteArray handWritten = "[Service]\nExecStart=/usr/local/bin/tidemarkd --data-dir /srv/tidemark\n";
    QFile file(service.unitPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(handWritten);
    file.close();

    QSignalSpy installed(&service, &SystemdUserService::installed);
    service.install(SystemdUserService::unitText(handWritten, QStringLiteral("/bin/tidemarkd"), {}));
    QVERIFY(installed.count() == 1 || installed.wait(5000));
    QVERIFY(!installed.first().at(0).toBool());
    QVERIFY2(installed.first().at(1).toString().contains(QStringLiteral("was not written by Tidemark")),
        qPrintable(installed.first().at(1).toString()));
    QSignalSpy removed(&service, &SystemdUserService::removed);
    service.remove();
    QVERIFY(removed.count() == 1 || removed.wait(5000));
    QVERIFY(!removed.first().at(0).toBool());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), handWritten);
}

void TestThisComputer::withoutSystemdTheBannerSaysSchedulesNeedTheConsole()
{
    Console console;
    QVERIFY(console.open(kNoSystemctl));
    QVERIFY(console.local->stopsWithConsole());
    QVERIFY(!console.local->canRunInBackground());
    auto* banner = console.window->findChild<QWidget*>(QStringLiteral("thisComputerBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    const QString text = console.window->findChild<QLabel*>(QStringLiteral("thisComputerBannerLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral("run only while Tidemark is open")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("systemd is not installed")), qPrintable(text));
    QVERIFY(!console.window->findChild<QPushButton*>(QStringLiteral("runInBackgroundButton"))->isVisible());
    QVERIFY(!console.window->findChild<QAction*>(QStringLiteral("runInBackgroundAction"))->isEnabled());
    // The server really is the console's own: its data directory is the one given.
    QVERIFY(QFile::exists(console.dataDir.filePath(QStringLiteral("tidemark.db"))));
}

void TestThisComputer::quitPromptStayThenCancel()
{
    Console console;
    QVERIFY(console.open(kNoSystemctl));
    const QString id = console.startSlowBackup(10);
    QVERIFY(!id.isEmpty());

    // Stay: nothing happens; the question says plainly what quitting does.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(console.closeAndWaitForTheQuestion());
    QVERIFY(console.window->isVisible());
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("1 activity is still running")),
        qPrintable(MessageBox::lastText()));
    QVERIFY(MessageBox::lastDetails().contains(QStringLiteral("Consistent backup of main")));
    QCOMPARE(console.activity(id).value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));

    // Cancel them and quit: the backup ends cancelled, then the window closes.
    MessageBox::setNextAnswer(QMessageBox::No);
    console.window->close();
    QTRY_VERIFY_WITH_TIMEOUT(!console.window->isVisible(), 40000);
    QCOMPARE(console.activity(id).value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
}

void TestThisComputer::quitPromptFinishInBackground()
{
    Console console;
    QVERIFY(console.open(kNoSystemctl));
    const QString id = console.startSlowBackup(4);
    QVERIFY(!id.isEmpty());
    QSignalSpy quit(console.window.get(), &MainWindow::quitRequested);

    // Finish in the background: the window goes at once, the backup goes on and completes, then the console quits.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(console.closeAndWaitForTheQuestion());
    QVERIFY(!console.window->isVisible());
    QCOMPARE(quit.count(), 0);
    QCOMPARE(console.activity(id).value(QStringLiteral("state")).toString(), QStringLiteral("in_progress"));
    QVERIFY(quit.wait(120000));
    const QJsonObject done = console.activity(id);
    QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QCOMPARE(quit.count(), 1);
}

void TestThisComputer::quitPromptAsksWhileARemoteConnectionShows()
{
    // A second tidemarkd is the remote connection the window shows when the user quits.
    ServerProcess remote;
    QVERIFY2(remote.start(), qPrintable(remote.error()));
    const QString remoteName = QStringLiteral("Remote for quitting");
    QString error;
    QVERIFY2(ConnectionProfiles().add(
                 ConnectionProfile {remoteName, QUrl(remote.url()),
                     QUrl(remote.url() + QStringLiteral("/oauth2/token")), QStringLiteral("demo"), false},
                 &error),
        qPrintable(error));
    const auto removeProfile = qScopeGuard([&] { ConnectionProfiles().remove(remoteName); });

    Console console;
    QVERIFY(console.open(kNoSystemctl));
    const QString embeddedUrl = console.window->client()->connection().apiUrl.toString();
    const QString embeddedAccess = console.access();
    const QString id = console.startSlowBackup(12);
    QVERIFY(!id.isEmpty());

    // Switch to the remote connection (its token typed in this session): the window shows only the remote server.
    console.window->tokenStore()->setSessionToken(QUrl(remote.url()), remote.adminToken());
    auto* combo = console.window->findChild<QComboBox*>(QStringLiteral("profileComboBox"));
    const int index = combo->findData(remoteName);
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    QTRY_VERIFY_WITH_TIMEOUT(console.window->client()->connection().apiUrl == QUrl(remote.url()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(console.window->selectedEnvironment().has_value(), 30000);
    QCOMPARE(console.window->currentConnection(), remoteName);
    QCOMPARE(console.window->activityModel()->rowOf(id), -1);

    // Stay: the embedded server's backup is what the question is about; the window stays, the backup goes on.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(console.closeAndWaitForTheQuestion());
    QVERIFY(console.window->isVisible());
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("1 activity is still running")),
        qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastDetails().contains(QStringLiteral("Consistent backup of main")),
        qPrintable(MessageBox::lastDetails()));
    TestHttp http(embeddedUrl);
    const auto state = [&] {
        return http.get(QStringLiteral("/projects/demo/activities/") + id, embeddedAccess)
            .json.toObject()
            .value(QStringLiteral("state"))
            .toString();
    };
    QCOMPARE(state(), QStringLiteral("in_progress"));

    // Cancel them and quit: the embedded server's backup ends cancelled, then the window closes.
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(console.closeAndWaitForTheQuestion());
    QTRY_VERIFY_WITH_TIMEOUT(!console.window->isVisible(), 40000);
    // Not completed: cancelled (once its pause hook has returned, if the window closed before).
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("cancelled"), 30000);
}

void TestThisComputer::quitPromptWhenTheServerDoesNotAnswer()
{
    // "This computer" as a tidemarkd that stops answering while the console still takes it for running: not
    // knowing what runs is not taken for "nothing runs".
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.error()));
    TestLocalServer local(server.url(), server.adminToken());
    MainWindow window(&local);
    window.setRefreshInterval(0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.selectedEnvironment().has_value(), 30000);
    server.stop();
    auto* prompt = window.findChild<QuitPrompt*>();
    QVERIFY(prompt);

    // Stay: the window stays; the question says the server did not answer.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!window.close());
    QTRY_VERIFY_WITH_TIMEOUT(!prompt->isAsking(), 30000);
    QVERIFY(window.isVisible());
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("This computer's server did not say")),
        qPrintable(MessageBox::lastText()));

    // Quit anyway: the window closes.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(!window.close());
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 30000);
    QVERIFY(prompt->isQuitting());
}

void TestThisComputer::systemdUserService()
{
    // A user manager of the test's own (never the desktop's real one): units go to a temporary directory.
    UserSystemd systemd;
    if (!systemd.start())
        QSKIP(qPrintable(QStringLiteral("no systemd user manager can run here (%1); the background service is not "
                                        "tried")
                             .arg(systemd.error())));
    SystemdUserService probe(QStringLiteral("tidemarkd.service"));
    QSignalSpy checked(&probe, &SystemdUserService::availabilityChecked);
    probe.checkAvailable();
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.first().at(0).toBool(), qPrintable(checked.first().at(1).toString()));
    QVERIFY(SystemdUserService::unitDirectory().startsWith(systemd.configHome()));

    // First start on a machine with systemd: the console offers the service, the user accepts.
    QSettings().remove(QStringLiteral("thisComputer/runInBackground"));
    const QString unit = QStringLiteral("tidemarkd-test-%1.service").arg(QCoreApplication::applicationPid());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    Console console;
    QVERIFY(console.open(QStringLiteral("systemctl"), unit));
    const auto removeUnit = qScopeGuard([&] {
        SystemdUserService service(unit);
        QSignalSpy removed(&service, &SystemdUserService::removed);
        service.remove();
        removed.wait(30000);
    });
    QVERIFY(!console.local->stopsWithConsole());
    QVERIFY(QFile::exists(console.local->service().unitPath()));
    QVERIFY(!console.window->findChild<QWidget*>(QStringLiteral("thisComputerBanner"))->isVisible());
    QVERIFY(console.window->findChild<QAction*>(QStringLiteral("runInBackgroundAction"))->isChecked());
    SystemdUserService service(unit);
    QSignalSpy active(&service, &SystemdUserService::activeChecked);
    service.checkActive();
    QVERIFY(active.wait(30000));
    QVERIFY(active.first().at(0).toBool());

    // A second console on the same service gets a token of its own: the first console's keeps working, and the
    // second's is revoked when that console ends.
    {
        const QString firstToken = console.window->client()->connection().apiToken;
        TestHttp http(console.window->client()->connection().apiUrl.toString());
        QString secondToken;
        {
            ThisComputer second(console.dataDir.path(), QStringLiteral(TIDEMARKD_PATH));
            second.setSystemctlProgram(QStringLiteral("systemctl"));
            second.setUnitName(unit);
            QSignalSpy secondStarted(&second, &LocalServer::started);
            second.start();
            QVERIFY(secondStarted.wait(60000));
            secondToken = secondStarted.first().at(1).toString();
            QVERIFY(secondToken != firstToken);
            QVERIFY(!http.exchange(secondToken).isEmpty());
            QVERIFY(!http.exchange(firstToken).isEmpty());
            QVERIFY(!second.stopsWithConsole());
        }
        QTRY_VERIFY_WITH_TIMEOUT(http.exchange(secondToken).isEmpty(), 30000);
        QVERIFY(!http.exchange(firstToken).isEmpty());
    }

    // Quitting with a backup running asks nothing and stops nothing: the service finishes it.
    const QString id = console.startSlowBackup(3);
    QVERIFY(!id.isEmpty());
    MessageBox::setNextAnswer(QMessageBox::Cancel); // would keep the window, were it asked
    QVERIFY(console.window->close());
    TestHttp http(console.window->client()->connection().apiUrl.toString());
    const QJsonObject done = http.waitForActivity(
        QStringLiteral("demo"), id, http.exchange(console.window->client()->connection().apiToken), 120000);
    QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    // Back into the console: the service is disabled and its unit removed, the embedded server answers.
    QSignalSpy started(console.local.get(), &LocalServer::started);
    console.local->setRunInBackground(false);
    QVERIFY(started.wait(60000));
    QVERIFY(console.local->stopsWithConsole());
    QVERIFY(!QFile::exists(console.local->service().unitPath()));
}

QTEST_MAIN(TestThisComputer)
#include "tst_thiscomputer.moc"
