#include "quitprompt.h"

#include "activitylistmodel.h"
#include "client/apiclient.h"
#include "localserver.h"
#include "messagebox.h"

#include <memory>
#include <QCoreApplication>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QStatusBar>

namespace {
// How long quitting waits for cancelled activities to end (restic stopped, resume hooks run) before it closes anyway.
constexpr int kQuitCancelTimeoutMs = 20000;
// How often the embedded server is asked whether the activities being waited for have ended.
constexpr int kPollIntervalMs = 500;
// The embedded server runs on this machine: an answer that takes longer than this will not come.
constexpr int kRequestTimeoutMs = 10000;
} // namespace

QuitPrompt::QuitPrompt(QMainWindow* window, LocalServer* localServer)
    : QObject(window)
    , m_window(window)
    , m_localServer(localServer)
    , m_local(new ApiClient(this))
{
    m_local->setTimeout(kRequestTimeoutMs);
    if (m_localServer) {
        connect(m_localServer, &LocalServer::started, this, [this](const QUrl& url, const QString& token) {
            m_local->setConnection({url, QUrl(url.toString() + QStringLiteral("/oauth2/token")), token, {}});
            m_connected = true;
        });
    }
}

bool QuitPrompt::mayClose()
{
    if (m_quitting || m_closeNow)
        return true;
    // Only the embedded server dies with the console; a background service or a remote server goes on without it.
    if (!m_localServer || !m_connected || !m_localServer->isRunning() || !m_localServer->stopsWithConsole())
        return true;
    if (!m_asking)
        askServer();
    return false;
}

void QuitPrompt::readRunning(std::function<void(bool, const QList<Activity>&, const QString&)> done)
{
    ApiClient::onResult(m_local->projects(), this, [this, done](const ApiResult<QList<Project>>& projects) {
        if (!projects.ok()) {
            done(false, {}, projects.error.message());
            return;
        }
        // One question per project; the answers are gathered until the last one came.
        struct Gathered
        {
            int waiting = 0;
            bool ok = true;
            QString error;
            QList<Activity> running;
        };
        auto gathered = std::make_shared<Gathered>();
        gathered->waiting = int(projects.value->size());
        if (gathered->waiting == 0) {
            done(true, {}, {});
            return;
        }
        ApiClient::ActivityFilter filter;
        filter.states = {QStringLiteral("pending"), QStringLiteral("in_progress")};
        for (const Project& project : *projects.value) {
            ApiClient::onResult(m_local->activities(project.id, filter), this,
                [gathered, done, id = project.id](const ApiResult<QList<Activity>>& r) {
                    if (r.ok()) {
                        for (Activity a : *r.value) {
                            if (a.project.isEmpty())
                                a.project = id;
                            if (!a.isFinished())
                                gathered->running.append(a);
                        }
                    } else {
                        gathered->ok = false;
                        gathered->error = r.error.message();
                    }
                    if (--gathered->waiting == 0)
                        done(gathered->ok, gathered->running, gathered->error);
                });
        }
    });
}

void QuitPrompt::askServer()
{
    m_asking = true;
    m_window->statusBar()->showMessage(tr("Asking this computer's server what is running…"));
    readRunning([this](bool ok, const QList<Activity>& running, const QString& error) {
        m_window->statusBar()->clearMessage();
        if (!ok) {
            // Not knowing is not "nothing runs": the user decides.
            const auto answer
                = MessageBox::question(m_window, QCoreApplication::translate("MainWindow", "Quit Tidemark"),
                    tr("This computer's server did not say whether backups are running: %1").arg(error),
                    tr("Quitting stops this computer's server and anything it is doing."),
                    QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("&Quit anyway"),
                    QCoreApplication::translate("MainWindow", "&Stay"));
            m_asking = false;
            if (answer == QMessageBox::Yes) {
                m_quitting = true;
                m_window->close();
            }
            return;
        }
        answered(running);
    });
}

void QuitPrompt::answered(const QList<Activity>& running)
{
    if (running.isEmpty()) {
        m_asking = false;
        m_closeNow = true;
        m_window->close();
        m_closeNow = false; // a window shown again asks again
        return;
    }
    QStringList lines;
    for (const Activity& a : running)
        lines.append(ActivityListModel::describe(a));
    const int n = int(running.size());
    // In MainWindow's context, where these plural forms were translated before the question moved here.
    const QString text = QCoreApplication::translate("MainWindow",
        "%n activity(ies) still running on this computer. Quitting stops them: a backup that is stopped is not kept.",
        "", n);
    QString details = lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
        + tr("Finish in the background: the window closes now and Tidemark quits once they have ended.");
    if (m_localServer->canRunInBackground())
        details += QLatin1Char(' ')
            + tr("To keep backing up on schedule with Tidemark closed, use Settings ▸ Run in the background.");
    const auto answer = MessageBox::choose(m_window, QCoreApplication::translate("MainWindow", "Quit Tidemark"), text,
        details, tr("Finish in the &background"), QCoreApplication::translate("MainWindow", "Cancel them and &quit"),
        QCoreApplication::translate("MainWindow", "&Stay"));
    m_asking = false;
    if (answer == QMessageBox::Yes)
        finishInBackground(running);
    else if (answer == QMessageBox::No)
        cancelThenClose(running);
}

void QuitPrompt::whenEnded(const QList<Activity>& running, int timeoutMs, std::function<void()> done)
{
    QSet<QString> ids;
    for (const Activity& a : running)
        ids.insert(a.id);
    auto* context = new QObject(this);
    auto* poll = new QTimer(context);
    poll->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    const auto finish = [context, done, finished] {
        if (std::exchange(*finished, true))
            return; // the timeout and the last answer may both come before the context is gone
        context->deleteLater();
        done();
    };
    // Asks again after each answer (never two questions at once); an unanswered question is asked again later.
    connect(poll, &QTimer::timeout, context, [this, ids, poll, context, finish] {
        readRunning([this, ids, poll, finish, context = QPointer<QObject>(context)](
                        bool ok, const QList<Activity>& stillRunning, const QString&) {
            if (!context)
                return;
            if (!ok && !m_localServer->isRunning()) {
                finish(); // the server is gone, and with it whatever it was doing
                return;
            }
            if (ok) {
                bool any = false;
                for (const Activity& a : stillRunning)
                    any = any || ids.contains(a.id);
                if (!any) {
                    finish();
                    return;
                }
            }
            poll->start(kPollIntervalMs);
        });
    });
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, context, finish);
    poll->start(0); // they may have ended while the question was open
}

void QuitPrompt::cancelThenClose(const QList<Activity>& running)
{
    m_quitting = true;
    m_window->setEnabled(false); // nothing new starts meanwhile
    m_window->statusBar()->showMessage(QCoreApplication::translate(
        "MainWindow", "Cancelling %n activity(ies) before quitting…", "", int(running.size())));
    for (const Activity& a : running) {
        if (ApiClient::canCancel(a))
            ApiClient::onResult(m_local->cancelActivity(a.project, a.id), this, [](const ApiResult<Activity>&) {});
    }
    // Close once every one of them has ended (restic stopped, resume hooks run), or after a while regardless.
    whenEnded(running, kQuitCancelTimeoutMs, [this] { m_window->close(); });
}

void QuitPrompt::finishInBackground(const QList<Activity>& running)
{
    m_quitting = true;
    // The window goes; the console (and its server) stay until the activities have ended. Hiding is not closing,
    // so the application does not quit with its last window meanwhile.
    m_window->hide();
    whenEnded(running, 0, [this] { emit quitRequested(); });
}
