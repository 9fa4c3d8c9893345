#pragma once

#include "domain/environment.h"
#include "domain/notificationtarget.h"
#include "engine/confinement.h"
#include "engine/engine.h"
#include "httpreply.h"
#include "httprequest.h"
#include "store/store.h"

#include <functional>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

class ActivityHub;
class Notifier;
class Heartbeat;
class Store;
class QTcpSocket;

// tidemarkd's REST API (api-contract.md): routing, authentication, roles and the JSON error shape live here;
// state lives in the Store. HttpServer carries the requests to dispatch() and its answers back.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    static constexpr int kAccessTokenSeconds = 900;

    ApiServer(Store& store, Engine& engine, ActivityHub& hub, QObject* parent = nullptr);

    enum class Role { Viewer, Admin };

    // Where environment descriptors may point (checked when one is saved).
    void setConfinement(const Confinement& confinement) { m_confinement = confinement; }
    // Pause and resume hooks are shell commands that tidemarkd runs: API callers may set them only when the
    // server was started to allow it (--allow-api-hooks); otherwise they come from the server's own files.
    void setApiHooksAllowed(bool allowed) { m_apiHooksAllowed = allowed; }
    // Who sends the alerts (notificationroutes.cpp); without one the notification routes answer 404.
    void setNotifier(Notifier* notifier) { m_notifier = notifier; }

    struct Call
    {
        const HttpRequest* request = nullptr;
        QHash<QString, QString> params; // {p}, {e}, {b}, {a}
        QUrlQuery query;
        Role role = Role::Viewer;
        QString tokenName; // the API token's name: who is acting
        QByteArray body;
    };
    using Handler = std::function<HttpReply(const Call&)>;

    // The answer to one request (its size and time limits were enforced by the transport).
    HttpReply dispatch(const HttpRequest& request);
    // The answer on the separate metrics address (tidemarkd --metrics-listen): GET /metrics without authentication,
    // nothing else (healthroutes.cpp).
    HttpReply dispatchMetrics(const HttpRequest& request);
    // Tells health whether this tidemarkd takes automated backups and since when it runs (may stay unset).
    void setHeartbeat(const Heartbeat* heartbeat) { m_heartbeat = heartbeat; }

private:
    struct Route
    {
        QByteArray method;
        QStringList segments; // "{name}" segments capture
        bool needsAuth = true;
        Handler handler;
    };
    struct Session
    {
        Role role = Role::Viewer;
        qint64 expiresAtMs = 0;
        QString tokenName;
        QString tokenHash; // of the API token it was exchanged for
    };

    void addRoute(const char* method, const QString& pattern, Handler handler, bool needsAuth = true);

    // Handlers
    HttpReply exchangeToken(const Call& call);
    HttpReply serverInfo(const Call& call);
    HttpReply listTokens(const Call& call);
    HttpReply createApiToken(const Call& call);
    HttpReply revokeToken(const Call& call);
    HttpReply listProjects(const Call& call);
    HttpReply getProject(const Call& call);
    HttpReply listEnvironments(const Call& call);
    HttpReply getEnvironment(const Call& call);
    HttpReply createEnvironment(const Call& call);
    HttpReply updateEnvironment(const Call& call);
    HttpReply deleteEnvironment(const Call& call);
    HttpReply setEnvironmentActive(const Call& call, bool active);
    HttpReply listBackups(const Call& call);
    HttpReply getBackup(const Call& call);
    HttpReply annotateBackup(const Call& call);
    HttpReply createBackup(const Call& call);
    HttpReply restoreBackup(const Call& call);
    HttpReply deleteBackup(const Call& call);
    // fileroutes.cpp: browse, download and compare a backup without restoring it (restic ls, dump, diff).
    HttpReply listFiles(const Call& call);
    HttpReply downloadFiles(const Call& call, bool archive);
    HttpReply diffBackup(const Call& call);
    HttpReply undoActivity(const Call& call);
    HttpReply cancelActivity(const Call& call);
    HttpReply listActivities(const Call& call);
    HttpReply getActivity(const Call& call);
    // The activity a call names, checked against the environment in the path when there is one.
    std::optional<ActivityRecord> activityOf(const Call& call, HttpReply& notFound) const;
    HttpReply getActivityLog(const Call& call);
    HttpReply getSettings(const Call& call);
    HttpReply patchSettings(const Call& call);
    HttpReply verifyRepository(const Call& call);
    HttpReply getRepository(const Call& call);
    // The answer of GET /projects/{p}/repository as the store knows it now.
    QJsonObject repositoryJson(const QString& projectId, bool admin);
    HttpReply getRepositoryKey(const Call& call);
    HttpReply acknowledgeRepositoryKey(const Call& call);
    // notificationroutes.cpp: delivery status and the test action.
    HttpReply getNotifications(const Call& call);
    HttpReply testNotifications(const Call& call);
    // The secrets of a PATCHed `notifications`: values given, or the stored ones where the answer's redacted form
    // came back; the targets keep only their shown forms. A 400 naming the field when a kept secret is not stored.
    struct NotificationSecretValues
    {
        QString url;
        QString password;
    };
    std::optional<HttpReply> resolveNotificationSecrets(const QString& projectId, QList<NotificationTarget>& targets,
        QHash<QString, NotificationSecretValues>& values) const;
    // Writes them (mode 0600) and forgets the secrets of targets that are gone.
    std::optional<HttpReply> storeNotificationSecrets(const QString& projectId, const QList<NotificationTarget>& before,
        const QHash<QString, NotificationSecretValues>& values) const;
    // The repositories' statistics and verification (repositoryroutes.cpp), and their JSON with key_acknowledged_at.
    RepositoryReport repositoryReport(const QString& projectId);
    QJsonArray repositoriesJson(const QString& projectId, const QList<RepositoryStatus>& repositories) const;
    // healthroutes.cpp: the health report of a project and the Prometheus metrics of every project.
    HttpReply getHealth(const Call& call);
    HttpReply getMetrics(const Call& call);
    // copyroutes.cpp: POST /projects/{p}/backup_copies/check, restic opens a copy target (bounded, off the thread).
    HttpReply checkCopy(const Call& call);
    // The repository a key call names (?repository=, primary by default), or nullopt with the 404 in `error`.
    std::optional<QString> keyRepository(const Call& call, HttpReply& error) const;

    // HAL views
    QJsonObject projectJson(const QString& projectId, const Call& call) const;
    QJsonObject environmentJson(const QString& projectId, const Environment& environment, const Call& call) const;
    QJsonObject backupJson(const BackupRecord& record, const Environment& environment, const Call& call) const;
    QJsonObject activityJson(const ActivityRecord& record, const Call& call) const;
    // 202 with the activities an engine request started, or its error.
    HttpReply accepted(const Engine::Request& started, const Call& call) const;
    // The request body as a JSON object, or nullopt with the 400 (line and column, or the type) in `invalid`.
    static std::optional<QJsonObject> objectBody(const Call& call, HttpReply& invalid);
    // `viewer`: lines of hook output are replaced by a note (see activityroutes.cpp).
    void streamLog(QTcpSocket* socket, const QString& activityId, bool viewer);
    QJsonObject settingsJson(const QString& projectId) const;

    // The environment (and backup) a call's path names, or the 404 (or other) reply that ends the call.
    struct Target
    {
        std::optional<Environment> environment;
        std::optional<BackupRecord> backup;
        std::optional<HttpReply> error;
    };
    Target resolve(const Call& call, bool withBackup) const;

    // Common checks; each returns an error reply or nothing.
    std::optional<HttpReply> requireAdmin(const Call& call, const QString& action) const;
    std::optional<HttpReply> requireProject(const Call& call) const;
    // The 403 for a change of hook commands through the API, unless the server allows it.
    std::optional<HttpReply> refuseApiHooks() const;
    // Answers what `save` answers once the descriptor's database servers have been reached (on the thread pool,
    // each connection bounded), or a 400 naming the service that could not be; without servers, at once.
    HttpReply afterDatabaseCheck(const LocalDescriptor* local, std::function<HttpReply()> save);

    Store& m_store;
    Engine& m_engine;
    ActivityHub& m_hub;
    QList<Route> m_routes;
    QHash<QString, Session> m_sessions; // access token → session
    Confinement m_confinement;
    bool m_apiHooksAllowed = false;
    Notifier* m_notifier = nullptr;
    const Heartbeat* m_heartbeat = nullptr;
};
