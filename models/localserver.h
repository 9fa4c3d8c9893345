#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

// The tidemarkd of "This computer": one that the console runs itself, or a background service it connects to. The
// interface lives here so the console's widgets never depend on the server library; the console executable
// provides the implementation.
class LocalServer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the server if it is not running; emits started() or failed() later, never from inside start().
    virtual void start() = 0;
    virtual bool isRunning() const = 0;
    virtual QString dataDirectory() const = 0;

    // True while the server runs inside the console: quitting the console stops it and its activities, and its
    // schedules run only while the console is open. False for a background service.
    virtual bool stopsWithConsole() const { return true; }
    // Whether a background service (a systemd user service) can run the server on this machine; false until
    // backgroundChecked() was emitted.
    virtual bool canRunInBackground() const { return false; }
    // Why it cannot (no user service manager, …), in words for the user; empty while unknown or when it can.
    virtual QString backgroundUnavailableReason() const { return {}; }
    // Moves the server into the background service (true) or back into the console (false); the server stops and
    // starts again, so started() or failed() follow. Only where canRunInBackground().
    virtual void setRunInBackground(bool /*background*/) { }

signals:
    void started(const QUrl& apiUrl, const QString& apiToken);
    void failed(const QString& message);
    // What the background check found (canRunInBackground(), backgroundUnavailableReason()), or the mode changed.
    void backgroundChecked();
    // First start on a machine with a service manager: the user is asked whether to run the server in the
    // background; the answer comes back through setRunInBackground().
    void backgroundOffered();
};
