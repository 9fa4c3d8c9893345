#pragma once

#include "domain/activity.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QStringList>

class ActivityListModel;
class ApiClient;
class LocalServer;
class QMainWindow;

// The question before the console quits while activities run in its embedded server (which dies with it): finish
// them in the background (the window hides; quitRequested() once they ended), cancel them and quit, or stay.
// Ctrl+Q and the window's close button both come here, so a backup is never stopped without asking.
class QuitPrompt : public QObject
{
    Q_OBJECT

public:
    QuitPrompt(QMainWindow* window, ApiClient* client, ActivityListModel* activities, LocalServer* localServer);

    // From the window's closeEvent: true when the window may close now. `running` are the activities that quitting
    // would stop (in `project`); with some, the question is asked and the answer carried out.
    bool mayClose(const QList<Activity>& running, const QString& project);
    // An answer was given that ends with quitting (the window then closes or hides without asking again).
    bool isQuitting() const { return m_quitting; }

signals:
    // The activities that were finishing in the background have ended: the console quits now.
    void quitRequested();

private:
    void cancelThenClose(const QList<Activity>& running, const QString& project);
    void finishInBackground(const QList<Activity>& running);
    // Runs `done` once every activity of `ids` has ended in the model (or after `timeoutMs`, when positive).
    void whenEnded(const QStringList& ids, int timeoutMs, std::function<void()> done);

    QMainWindow* m_window;
    ApiClient* m_client;
    ActivityListModel* m_activities;
    LocalServer* m_localServer;
    bool m_quitting = false;
};
