#include "quitprompt.h"

#include "activitylistmodel.h"
#include "client/apiclient.h"
#include "localserver.h"
#include "messagebox.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

namespace {
// How long quitting waits for cancelled activities to end (restic stopped, resume hooks run) before it closes anyway.
constexpr int kQuitCancelTimeoutMs = 20000;
} // namespace

QuitPrompt::QuitPrompt(QMainWindow* window, ApiClient* client, ActivityListModel* activities, LocalServer* localServer)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_activities(activities)
    , m_localServer(localServer)
{ }

bool QuitPrompt::mayClose(const QList<Activity>& running, const QString& project)
{
    if (m_quitting || running.isEmpty())
        return true;
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
    if (m_localServer && m_localServer->canRunInBackground())
        details += QLatin1Char(' ')
            + tr("To keep backing up on schedule with Tidemark closed, use Settings ▸ Run in the background.");
    const auto answer = MessageBox::choose(m_window, QCoreApplication::translate("MainWindow", "Quit Tidemark"), text,
        details, tr("Finish in the &background"), QCoreApplication::translate("MainWindow", "Cancel them and &quit"),
        QCoreApplication::translate("MainWindow", "&Stay"));
    if (answer == QMessageBox::Yes)
        finishInBackground(running);
    else if (answer == QMessageBox::No)
        cancelThenClose(running, project);
    return false;
}

void QuitPrompt::whenEnded(const QStringList& ids, int timeoutMs, std::function<void()> done)
{
    auto* context = new QObject(this);
    const auto check = [this, ids, context, done] {
        for (const QString& id : ids) {
            const int row = m_activities->rowOf(id);
            if (row >= 0 && !m_activities->activity(row).isFinished())
                return;
        }
        context->deleteLater();
        // Once: later model changes must not call it again before the context is gone.
        disconnect(m_activities, nullptr, context, nullptr);
        done();
    };
    connect(m_activities, &QAbstractItemModel::dataChanged, context, check);
    connect(m_activities, &QAbstractItemModel::rowsRemoved, context, check);
    connect(m_activities, &QAbstractItemModel::modelReset, context, check);
    if (timeoutMs > 0) {
        QTimer::singleShot(timeoutMs, context, [this, context, done] {
            disconnect(m_activities, nullptr, context, nullptr);
            context->deleteLater();
            done();
        });
    }
    QTimer::singleShot(0, context, check); // they may have ended while the question was open
}

void QuitPrompt::cancelThenClose(const QList<Activity>& running, const QString& project)
{
    m_quitting = true;
    m_window->setEnabled(false); // nothing new starts meanwhile
    m_window->statusBar()->showMessage(QCoreApplication::translate(
        "MainWindow", "Cancelling %n activity(ies) before quitting…", "", int(running.size())));
    QStringList ids;
    for (const Activity& a : running) {
        ids.append(a.id);
        if (ApiClient::canCancel(a))
            ApiClient::onResult(m_client->cancelActivity(project, a.id), this, [this](const ApiResult<Activity>& r) {
                if (r.ok())
                    m_activities->upsert(*r.value);
            });
    }
    // Close once every one of them has ended (restic stopped, resume hooks run), or after a while regardless.
    whenEnded(ids, kQuitCancelTimeoutMs, [this] { m_window->close(); });
}

void QuitPrompt::finishInBackground(const QList<Activity>& running)
{
    m_quitting = true;
    QStringList ids;
    for (const Activity& a : running)
        ids.append(a.id);
    // The window goes; the console (and its server) stay until the activities have ended. Hiding is not closing,
    // so the application does not quit with its last window meanwhile. The window keeps following them.
    m_window->hide();
    whenEnded(ids, 0, [this] { emit quitRequested(); });
}
