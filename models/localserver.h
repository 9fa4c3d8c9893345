#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

// A tidemarkd that the console runs itself for "This computer". The interface lives here so the console's
// widgets never depend on the server library; the console executable provides the implementation.
class LocalServer : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the server if it is not running; emits started() or failed() later, never from inside start().
    virtual void start() = 0;
    virtual bool isRunning() const = 0;
    virtual QString dataDirectory() const = 0;

signals:
    void started(const QUrl& apiUrl, const QString& apiToken);
    void failed(const QString& message);
};
