#pragma once

#include "store/store.h"

#include <functional>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

// Who started an activity (the hosted payload.user): an API token, by its name, or tidemarkd itself (its
// schedule, its retention policies, its recovery after a restart).
struct Actor
{
    QString id;
    QString displayName;

    static Actor token(const QString& name) { return Actor {name, name}; }
    static Actor server(const QString& displayName = QStringLiteral("tidemarkd"))
    {
        return Actor {QStringLiteral("tidemarkd"), displayName};
    }
    QJsonObject toJson() const
    {
        return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("display_name"), displayName}};
    }
};

// Keeps activities and their logs in the store and tells listeners (the log stream, the engine) as they change.
// Every state change is saved before it is announced.
class ActivityHub : public QObject
{
    Q_OBJECT

public:
    explicit ActivityHub(Store& store, QObject* parent = nullptr);

    // Where the times of activities and log lines come from: the system clock unless set (TidemarkServer gives the
    // engine's, so that a test's clock moves activities and backups alike).
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Records a new pending activity; `actor` becomes payload.user.
    std::optional<ActivityRecord> create(const QString& projectId, const QString& type, const QStringList& environments,
        const QJsonObject& payload, const QString& text, const Actor& actor);
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
    std::function<qint64()> m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
};
