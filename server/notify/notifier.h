#pragma once

#include "domain/notificationtarget.h"
#include "health/missedruns.h"
#include "notificationmessage.h"
#include "notificationsender.h"

#include <atomic>
#include <functional>
#include <memory>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QThreadPool>

class Store;

// Sends the alerts of the `notifications` settings. Events come from the ActivityHub (an activity ended) and the
// Scheduler (runs missed); each subscribed target gets one delivery, sent with libcurl on Notifier's own thread pool
// so that a slow or absent receiver never holds up tidemarkd's main thread (and so no backup). A failed delivery is
// retried with doubling delays (5 s, 10 s, … at most 5 min apart, 8 attempts in all), then given up. Until then it
// waits in the store's outbox, so that one pending when tidemarkd stops or is killed is sent again at the next start
// (resumeOutbox). What was sent and what failed is logged (targets by name, never their URL or password) and
// answered by status().
class Notifier : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int attempts = 8;
        int firstRetryMs = 5000; // TIDEMARK_NOTIFY_RETRY_MS
        int maxRetryMs = 300000;
        int timeoutMs = 15000; // per attempt; TIDEMARK_NOTIFY_TIMEOUT_MS
        int maxQueued = 500; // deliveries waiting or running; beyond it the oldest waiting one is dropped
        QString caFile; // CURL_CA_BUNDLE
        static Options fromEnvironment();
    };

    Notifier(Store& store, const QString& dataDir, const Options& options, QObject* parent = nullptr);
    ~Notifier() override;

    // An activity ended: backup.failed, restore.finished, copy.failed or verify.failed when it is one of those.
    void activityFinished(const QString& projectId, const QString& activityId);
    // The scheduler found `count` runs of an environment's schedule without an automated backup.
    void runsMissed(const QString& projectId, const QString& environmentId, const MissedRuns& missed);
    // Sends again what was waiting for delivery when tidemarkd last stopped (or was killed), with the attempts it had
    // made; alerts whose target was removed or no longer takes the event are dropped. Called once, at start.
    void resumeOutbox();
    // One attempt to each target of the project, not retried; `done` gets [{name, kind, ok, error}] once every
    // target has answered (at once when there is none).
    void sendTest(const QString& projectId, std::function<void(const QJsonArray&)> done);
    // {"targets": [{name, kind, sent, failed, pending, last_attempt_at, last_success_at, last_event, last_error}],
    //  "deliveries": [{event, target, activity, state, attempts, error, at}] (newest first)}
    QJsonObject status(const QString& projectId) const;

private:
    struct Job
    {
        quint64 id = 0;
        QString projectId;
        QString target;
        QString event;
        QString activityId;
        NotificationSender::Request request;
        QString shownTarget; // for the log: the target's name and kind, its URL redacted
        int attempts = 0;
        qint64 queuedAtMs = 0;
        qint64 outboxId = -1; // its row in the store's outbox (-1: not stored)
    };
    struct TargetStatus
    {
        int sent = 0;
        int failed = 0;
        int pending = 0;
        qint64 lastAttemptAtMs = 0;
        qint64 lastSuccessAtMs = 0;
        QString lastEvent;
        QString lastError;
    };
    struct Delivery
    {
        quint64 jobId = 0;
        QString event;
        QString target;
        QString activityId;
        QString state; // pending, retrying, delivered, failed
        int attempts = 0;
        QString error;
        qint64 atMs = 0;
    };

    void raise(const NotificationEvent& event);
    // Queues one delivery and makes its first (or next) attempt; `outboxId` -1 stores it in the outbox first.
    void enqueue(const NotificationEvent& event, const NotificationTarget& target,
        const NotificationSender::Request& request, int attempts, qint64 outboxId, qint64 queuedAtMs);
    // The request for one target, with its secrets read from their file; nullopt (and a log line) when a secret
    // is missing.
    std::optional<NotificationSender::Request> requestFor(
        const QString& projectId, const NotificationTarget& target, const NotificationEvent& event) const;
    void attempt(quint64 jobId);
    void attempted(quint64 jobId, const NotificationSender::Result& result);
    void record(const Job& job, const QString& state, const QString& error);
    TargetStatus& statusOf(const QString& projectId, const QString& target);

    Store& m_store;
    QString m_dataDir;
    Options m_options;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_bool> m_stopping = std::make_shared<std::atomic_bool>(false);
    quint64 m_nextJob = 1;
    QHash<quint64, Job> m_jobs; // waiting or running
    QHash<QString, TargetStatus> m_status; // "<project>/<target>"
    QHash<QString, QList<Delivery>> m_deliveries; // per project, newest last, at most kKeptDeliveries
};
