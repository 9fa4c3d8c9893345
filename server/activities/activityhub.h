#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

// Keeps activities and their logs in the store and tells listeners (the log stream, the engine) as they change.
// Every state change is saved before it is announced.
class ActivityHub : public QObject
{
    Q_OBJECT

public:
    explicit ActivityHub(Store& store, QObject* parent = nullptr);

    std::optional<ActivityRecord> create(const QString& projectId, const QString& type, const QStringList& environments,
        const QJsonObject& payload, const QString& text);
    void start(const QString& projectId, const QString& activityId);
    void setProgress(const QString& projectId, const QString& activityId, int percent);
    void setPayload(const QString& projectId, const QString& activityId, const QJsonObject& payload);
    void log(const QString& activityId, const QString& message);
    // Ends the activity: complete with success or failure, or cancelled. `text` replaces the summary line.
    void finish(const QString& projectId, const QString& activityId, std::optional<Activity::Result> result,
        const QString& text, bool cancelled = false);

    static QString newId();

signals:
    void logAppended(const QString& activityId, const ActivityLogLine& line);
    void activityFinished(const QString& projectId, const QString& activityId);

private:
    Store& m_store;
};
