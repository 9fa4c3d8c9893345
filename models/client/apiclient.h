#pragma once

#include "apierror.h"
#include "domain/activity.h"
#include "domain/backup.h"
#include "domain/backupfiles.h"
#include "domain/environment.h"
#include "domain/healthreport.h"
#include "domain/project.h"
#include "domain/projectsettings.h"
#include "domain/repositoryreport.h"
#include "domain/serverinfo.h"

#include <functional>
#include <memory>
#include <QFuture>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class ApiJob;
class BackupDownload;
class LogStream;
class QIODevice;

// The one client of the REST dialect (api-contract.md), for the console and the CLI. Owns the only
// QNetworkAccessManager. Every call returns at once; results arrive through QFuture continuations on the
// caller's thread. Exchanges the API token for an access token on first use, and once more on a 401
// before retrying; GETs are retried with backoff on network errors only.
//
// Threading: use a client from the thread it lives in. Every future is finished on that thread, never
// synchronously inside the call. Take results with `future.then(context, [](const ApiResult<T>& r) {…})`,
// or with ApiClient::onResult(future, context, callback), which is also safe when `context` is destroyed
// before the answer (Qt 6.4's then(context) asserts in debug builds in that case). Changing the connection
// ends every pending call with a Cancelled error; destroying the client cancels their futures.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    struct Connection
    {
        QUrl apiUrl; // e.g. http://127.0.0.1:8421 or https://api.upsun.com
        QUrl tokenUrl; // e.g. http://127.0.0.1:8421/oauth2/token or https://auth.upsun.com/oauth2/token
        QString apiToken;
        QString clientId = QStringLiteral("tidemark");
    };

    enum class State { Unknown, Connected, Disconnected, Unauthorized };
    Q_ENUM(State)

    struct RestoreOptions
    {
        bool restoreCode = true;
        QString targetEnvironment; // empty: the backup's own environment
        // Local servers ("partial_restore", "safety_backup"); sent only when set, so the hosted API never sees them.
        QStringList parts; // "mounts/uploads", "services/db"
        QStringList paths; // files or folders inside parts
        std::optional<bool> safetyBackup; // unset: the server's default (a safety backup first)
        QString fromCopy; // (local, "copies") restore from this copy's snapshot instead of the primary's
    };

    struct ActivityFilter
    {
        QString environment; // empty: the whole project
        // Each list matches any of its values (sent as repeated parameters); empty: no filter.
        QStringList types;
        QStringList states;
        QStringList results;
        int count = 0; // 0: the server's default
    };

    struct SettingsUpdate
    {
        ProjectSettings settings;
        QJsonObject preview; // dry run: environment name → retention preview (PreviewReport's JSON shape)
    };

    // (local) What "Check connection" found (POST /projects/{p}/backup_copies/check).
    struct CopyCheckResult
    {
        bool ok = false;
        QString text;
        std::optional<int> snapshots;
    };

    // (local) A repository's password, for safekeeping (GET /projects/{p}/repository/key).
    struct RepositoryKey
    {
        QString repository;
        QString location;
        QString password;
    };

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    void setConnection(const Connection& connection);
    const Connection& connection() const { return m_connection; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    State state() const { return m_state; }
    // How many token exchanges succeeded so far (diagnostics; the tests check that exchanges are shared).
    int tokenExchanges() const { return m_tokenExchanges; }
    // Delays before the retries of an idempotent call after a network error (default 250 ms, 1 s, 2 s).
    static QList<int> retryDelays();

    // What the server says of itself (GET /tidemark). A server without that route (the hosted API answers 404)
    // is a success with no capabilities: every local extension is hidden for it.
    QFuture<ApiResult<ServerInfo>> serverInfo();
    // Every project (a tidemarkd's local route), or one by its id (any server).
    QFuture<ApiResult<QList<Project>>> projects();
    QFuture<ApiResult<Project>> project(const QString& id);
    QFuture<ApiResult<QList<Environment>>> environments(const QString& project);
    QFuture<ApiResult<Environment>> environment(const QString& project, const QString& environment);
    QFuture<ApiResult<QList<Backup>>> backups(const QString& project, const QString& environment);
    QFuture<ApiResult<Backup>> backup(const QString& project, const QString& environment, const QString& id);
    QFuture<ApiResult<QList<Activity>>> createBackup(const QString& project, const QString& environment, bool safe);
    QFuture<ApiResult<QList<Activity>>> restoreBackup(
        const QString& project, const QString& environment, const QString& backupId, const RestoreOptions& options);
    QFuture<ApiResult<QList<Activity>>> deleteBackup(
        const QString& project, const QString& environment, const QString& backupId);
    // Sets the note and/or the protection of a backup (local servers); nullopt leaves a field as it is.
    QFuture<ApiResult<Backup>> annotateBackup(const QString& project, const QString& environment,
        const QString& backupId, std::optional<QString> note, std::optional<bool> isProtected);
    // Restore with confidence (local servers with the "files", "diff" and "safety_backup" capabilities).
    QFuture<ApiResult<BackupListing>> backupFiles(
        const QString& project, const QString& environment, const QString& backupId, const QString& path);
    // `against`: "current" or another backup's id; `path` limits it to a part or folder.
    QFuture<ApiResult<BackupDiff>> backupDiff(const QString& project, const QString& environment,
        const QString& backupId, const QString& against, const QString& path = {});
    QFuture<ApiResult<QList<Activity>>> undoRestore(const QString& project, const QString& restoreActivityId);
    // Streams one file (or, with `archive`, a folder as tar) of a backup into `sink`; the caller starts the
    // download and owns it.
    BackupDownload* downloadBackupFiles(const QString& project, const QString& environment, const QString& backupId,
        const QString& path, bool archive, QIODevice* sink, QObject* parent);
    QFuture<ApiResult<QList<Activity>>> activities(const QString& project, const ActivityFilter& filter);
    QFuture<ApiResult<Activity>> activity(const QString& project, const QString& id);
    // The cancelled activity as the answer carries it (tidemarkd embeds it), or as read afterwards (the hosted
    // API answers only {"status", "code"}).
    QFuture<ApiResult<Activity>> cancelActivity(const QString& project, const QString& id);
    QFuture<ApiResult<ProjectSettings>> settings(const QString& project);
    // `dataRetention` is a partial data_retention object (types not named are untouched).
    QFuture<ApiResult<SettingsUpdate>> updateRetention(
        const QString& project, const QJsonObject& dataRetention, bool dryRun);

    // (local) GET /projects/{p}/repository: the repositories' statistics and last verification.
    QFuture<ApiResult<RepositoryReport>> repository(const QString& project);
    // (local) GET /projects/{p}/health: per environment its state and reasons, the repositories, the copies.
    QFuture<ApiResult<HealthReport>> health(const QString& project);
    // (local) POST /projects/{p}/verify; a negative `readDataPercent` leaves it to the project's `verify` setting.
    QFuture<ApiResult<QList<Activity>>> verifyRepository(
        const QString& project, const QString& repository, int readDataPercent);

    // (local) Replaces the project's `backup_copies`; a copy's credentials are sent only when it carries values
    // (`envValues`), otherwise their names keep the stored values.
    QFuture<ApiResult<ProjectSettings>> updateCopies(const QString& project, const QList<CopyTarget>& copies);
    // (local) Opens a copy target with restic: `name` alone checks a saved copy; with `repository` (and `env`
    // values) a target as it is being edited (the saved copy's password and stored values when `name` names one).
    QFuture<ApiResult<CopyCheckResult>> checkCopy(
        const QString& project, const QString& name, const QString& repository, const QMap<QString, QString>& env);
    // (local, admin) The password of the primary repository ("primary") or of a copy.
    QFuture<ApiResult<RepositoryKey>> repositoryKey(const QString& project, const QString& repository);
    // (local, admin) Records that the password was saved; the console stops reminding.
    QFuture<ApiResult<QJsonObject>> acknowledgeRepositoryKey(const QString& project, const QString& repository);

    // (local) Replaces the project's `notifications`; a target's URL or SMTP password is sent only when it carries a
    // new value (`urlValue`, `passwordValue`), otherwise the redacted form keeps the stored one.
    QFuture<ApiResult<ProjectSettings>> updateNotifications(
        const QString& project, const QList<NotificationTarget>& targets);
    // (local, admin) POST /projects/{p}/notifications/test: one test message to each saved target;
    // {"status", "results": [{name, kind, ok, error}]}.
    QFuture<ApiResult<QJsonObject>> sendTestNotifications(const QString& project);
    // (local) GET /projects/{p}/notifications: {"targets": [{name, kind, sent, failed, pending, last_attempt_at,
    // last_success_at, last_event, last_error}], "deliveries": [...]}.
    QFuture<ApiResult<QJsonObject>> notificationStatus(const QString& project);

    // Opens the activity's NDJSON log stream (with auth); the caller owns the stream object.
    LogStream* openLogStream(const QString& project, const QString& activityId, QObject* parent);

    // Capabilities come from the HAL links the server sent, not from guesses.
    static bool canBackup(const Environment& e) { return e.links.has(QStringLiteral("#backup")); }
    static bool canRestore(const Backup& b) { return b.links.has(QStringLiteral("#restore")); }
    static bool canDelete(const Backup& b) { return b.links.has(QStringLiteral("#delete")); }
    static bool canEdit(const Backup& b) { return b.links.has(QStringLiteral("#edit")); }
    static bool canCancel(const Activity& a) { return a.links.has(QStringLiteral("#cancel")); }
    // A finished restore whose safety backup still exists.
    static bool canUndo(const Activity& a) { return a.links.has(QStringLiteral("#undo")); }

    // Calls `callback(const ApiResult<T>&)` on `context`'s thread once `future` has a result; never after
    // `context` is destroyed. A future that ends without a result (cancelled) gives a Cancelled error.
    template<typename T, typename Callback>
    static void onResult(const QFuture<ApiResult<T>>& future, QObject* context, Callback&& callback)
    {
        auto* watcher = new QFutureWatcher<ApiResult<T>>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
            [watcher, callback = std::forward<Callback>(callback)]() mutable {
                const QFuture<ApiResult<T>> done = watcher->future();
                watcher->deleteLater();
                if (done.resultCount() > 0) {
                    callback(done.result());
                } else {
                    ApiError error;
                    error.kind = ApiError::Kind::Cancelled;
                    callback(ApiResult<T>::failure(error));
                }
            });
        watcher->setFuture(future);
    }

signals:
    void stateChanged(ApiClient::State state);

private:
    // The project settings in a PATCH …/settings answer (`_embedded.entity`), as backup_copies and notifications
    // updates read them.
    static Decoded<ProjectSettings> settingsEntity(const QJsonValue& json);
    friend class ApiJob;
    friend class LogStream;
    friend class BackupDownload;
    struct Call;
    using CallPtr = std::shared_ptr<Call>;
    using TokenCallback = std::function<void(const ApiError&)>;

    // See apiclient.cpp: raw JSON requests with auth, retry and timeout; the typed calls decode on top.
    QFuture<ApiResult<QJsonValue>> request(
        const QByteArray& method, const QString& path, const QJsonValue& body, bool idempotent);
    template<typename T, typename Decode>
    QFuture<ApiResult<T>> typedRequest(
        const QByteArray& method, const QString& path, const QJsonValue& body, bool idempotent, Decode decode);
    void startCall(const CallPtr& call);
    void sendCall(const CallPtr& call);
    void callAnswered(
        const CallPtr& call, const QString& usedToken, int httpStatus, const QJsonValue& json, const ApiError& error);
    void completeCall(const CallPtr& call, const ApiResult<QJsonValue>& result);
    void cancelAllCalls();

    // Runs `callback` once an access token is available (or with the error of the exchange); concurrent
    // callers share one exchange. `callback` may run synchronously when a token is already there.
    void withAccessToken(TokenCallback callback);
    // Forgets `token` after a 401, unless a newer one has replaced it meanwhile.
    void invalidateAccessToken(const QString& token);
    QUrl urlFor(const QString& pathAndQuery) const;
    static QString logPath(const QString& project, const QString& activityId);
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }
    void setState(State state);

    Connection m_connection;
    QNetworkAccessManager* m_nam = nullptr;
    QString m_accessToken;
    int m_timeoutMs = 30000;
    State m_state = State::Unknown;
    int m_tokenExchanges = 0;
    QPointer<ApiJob> m_exchangeJob;
    QList<TokenCallback> m_tokenWaiters;
    QList<CallPtr> m_calls;
    int m_openLogStreams = 0;
};
