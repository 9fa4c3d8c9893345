#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

// One piece of work behind an activity (a backup, a restore, a delete). Runs asynchronously on the server's
// thread; long parts run in child processes or on the thread pool. Emits finished() exactly once.
class Operation : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind { Success, Failure, Cancelled };
        Kind kind = Kind::Success;
        QString message; // one-line summary for the activity's text
    };

    explicit Operation(QObject* parent = nullptr)
        : QObject(parent)
    { }

    virtual void start() = 0;
    // Asks the operation to stop; it still emits finished() (with Cancelled, or its real outcome if too late).
    virtual void cancel() = 0;
    virtual bool isCancellable() const { return true; }

signals:
    void progress(int percent);
    void logLine(const QString& message);
    void payloadChanged(const QJsonObject& payload);
    void finished(const Operation::Outcome& outcome);
};
