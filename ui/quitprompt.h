#pragma once

#include "domain/activity.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

class ApiClient;
class LocalServer;
class QMainWindow;

// The question before the console quits while activities run in its embedded server (which dies with it): finish
// them in the background (the window hides; quitRequested() once they ended), cancel them and quit, or stay.
// Ctrl+Q and the window's close button both come here, so a backup is never stopped without asking, whichever
// connection the window shows: the embedded server itself is asked (asynchronously, with its own client) which of
// its activities run, and the answer is carried out on it.
class QuitPrompt : public QObject
{
    Q_OBJECT

public:
    QuitPrompt(QMainWindow* window, LocalServer* localServer);

    // From the window's closeEvent: true when the window may close now. Otherwise the embedded server is being
    // asked; the question follows (or, with nothing running, the window is closed again, then without asking).
    bool mayClose();
    // An answer was given that ends with quitting (the window then closes or hides without asking again).
    bool isQuitting() const { return m_quitting; }
    // True while the embedded server is being asked what runs (tests wait for the question to come).
    bool isAsking() const { return m_asking; }

signals:
    // The activities that were finishing in the background have ended: the console quits now.
    void quitRequested();

private:
    void askServer();
    void answered(const QList<Activity>& running);
    void cancelThenClose(const QList<Activity>& running);
    void finishInBackground(const QList<Activity>& running);
    // Reads the unfinished activities of every project of the embedded server; `done(ok, activities, error)`.
    void readRunning(std::function<void(bool, const QList<Activity>&, const QString&)> done);
    // Runs `done` once none of `running` is unfinished on the embedded server (or after `timeoutMs`, when positive).
    void whenEnded(const QList<Activity>& running, int timeoutMs, std::function<void()> done);

    QMainWindow* m_window;
    LocalServer* m_localServer;
    ApiClient* m_local; // the embedded server's own client, whatever connection the window shows
    bool m_connected = false; // the embedded server said where it listens
    bool m_quitting = false;
    bool m_asking = false;
    bool m_closeNow = false; // the server was asked and nothing runs: the next close goes through
};
