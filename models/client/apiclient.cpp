#include "apiclient.h"

#include "apijob.h"
#include "backupdownload.h"
#include "logstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPromise>
#include <QTimer>

// A call in flight: what to send, how far its retries went, and how to deliver its result.
struct ApiClient::Call
{
    QByteArray method;
    QString path; // percent-encoded path and query
    QByteArray body;
    bool hasBody = false;
    bool idempotent = false;
    int networkRetries = 0;
    bool reauthenticated = false;
    bool done = false;
    QPointer<ApiJob> job;
    std::function<void(const ApiResult<QJsonValue>&)> deliver;
};

namespace {

// Bounds what one answer may make us hold: a list with more broken items than this is reported by its first ones.
constexpr qsizetype kMaxReportedProblems = 20;

QString segment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString projectPath(const QString& project)
{
    return QStringLiteral("/projects/") + segment(project);
}

QString environmentPath(const QString& project, const QString& environment)
{
    return projectPath(project) + QStringLiteral("/environments/") + segment(environment);
}

QString backupPath(const QString& project, const QString& environment, const QString& backup)
{
    return environmentPath(project, environment) + QStringLiteral("/backups/") + segment(backup);
}

QString activityPath(const QString& project, const QString& activity)
{
    return projectPath(project) + QStringLiteral("/activities/") + segment(activity);
}

QString query(const QList<QPair<QString, QString>>& items)
{
    QStringList parts;
    for (const auto& [key, value] : items)
        parts.append(segment(key) + QLatin1Char('=') + segment(value));
    return parts.isEmpty() ? QString() : QLatin1Char('?') + parts.join(QLatin1Char('&'));
}

QByteArray jsonBody(const QJsonValue& body)
{
    if (body.isArray())
        return QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
}

// Lists are decoded item by item; an item that does not decode makes the whole answer a Decode error
// naming its path ("[3].created_at"), so nothing is silently dropped.
template<typename T>
Decoded<QList<T>> decodeList(const QJsonValue& json, const QString& basePath = {})
{
    if (!json.isArray())
        return Decoded<QList<T>>::failure({{basePath, ApiClient::tr("is not a list")}});
    const QJsonArray array = json.toArray();
    QList<T> items;
    items.reserve(array.size());
    Problems problems;
    for (qsizetype i = 0; i < array.size() && problems.size() < kMaxReportedProblems; ++i) {
        Decoded<T> item = T::fromJson(array.at(i), JsonPath::index(basePath, i));
        if (item.ok())
            items.append(std::move(*item.value));
        else
            problems += item.problems;
    }
    if (!problems.isEmpty())
        return Decoded<QList<T>>::failure(problems.mid(0, kMaxReportedProblems));
    return Decoded<QList<T>>::success(std::move(items));
}

// The activities of a 202 answer: {"status": "accepted", "_embedded": {"activities": [...]}}.
Decoded<QList<Activity>> decodeAccepted(const QJsonValue& json)
{
    const QString path = QStringLiteral("_embedded.activities");
    const QJsonValue activities
        = json.toObject().value(QStringLiteral("_embedded")).toObject().value(QStringLiteral("activities"));
    if (activities.isUndefined())
        return Decoded<QList<Activity>>::failure({{path, ApiClient::tr("is missing")}});
    return decodeList<Activity>(activities, path);
}

ApiClient::State stateAfter(const ApiError& error, ApiClient::State current)
{
    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::Http:
    case ApiError::Kind::Decode:
        return ApiClient::State::Connected;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return ApiClient::State::Disconnected;
    case ApiError::Kind::Auth:
        return ApiClient::State::Unauthorized;
    case ApiError::Kind::Cancelled:
        break;
    }
    return current;
}

ApiError cancelledError(const QString& url)
{
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.url = url;
    return error;
}

} // namespace

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{ }

ApiClient::~ApiClient()
{
    // Pending futures end cancelled (their promises go away unfinished); no continuation runs from here.
    const QList<CallPtr> calls = std::exchange(m_calls, {});
    for (const CallPtr& call : calls) {
        call->done = true;
        call->deliver = nullptr;
        delete call->job;
    }
    m_tokenWaiters.clear();
    delete m_exchangeJob;
}

QList<int> ApiClient::retryDelays()
{
    return {250, 1000, 2000};
}

void ApiClient::setConnection(const Connection& connection)
{
    cancelAllCalls();
    if (ApiJob* exchange = m_exchangeJob)
        exchange->abort(); // its waiters (log streams) learn of it as Cancelled
    m_connection = connection;
    m_accessToken.clear();
    setState(State::Unknown);
}

void ApiClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QUrl ApiClient::urlFor(const QString& pathAndQuery) const
{
    const QByteArray base
        = m_connection.apiUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash).toEncoded();
    return QUrl::fromEncoded(base + pathAndQuery.toLatin1());
}

// --- token exchange ---

void ApiClient::withAccessToken(TokenCallback callback)
{
    if (!m_accessToken.isEmpty()) {
        callback({});
        return;
    }
    m_tokenWaiters.append(std::move(callback));
    if (m_exchangeJob)
        return;

    QNetworkRequest request(m_connection.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Basic " + QByteArray(m_connection.clientId.toUtf8() + ':').toBase64());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QByteArray form = "grant_type=api_token&api_token=" + QUrl::toPercentEncoding(m_connection.apiToken);
    auto* job = new ApiJob(m_nam, request, "POST", form, this);
    job->setTimeout(m_timeoutMs);
    m_exchangeJob = job;
    connect(job, &ApiJob::finished, this, [this, job](int httpStatus, const QJsonValue& json, const ApiError& error) {
        if (m_exchangeJob == job)
            m_exchangeJob = nullptr;
        ApiError result = error;
        if (!result.isError()) {
            const QJsonValue token = json.toObject().value(QStringLiteral("access_token"));
            if (token.isString() && !token.toString().isEmpty()) {
                m_accessToken = token.toString();
                ++m_tokenExchanges;
            } else {
                result.kind = ApiError::Kind::Decode;
                result.problems.append({QStringLiteral("access_token"), tr("is missing")});
            }
        } else if (result.kind == ApiError::Kind::Http && (httpStatus == 400 || httpStatus == 401)) {
            // invalid_grant: the API token itself was refused.
            result.kind = ApiError::Kind::Auth;
        }
        const QList<TokenCallback> waiters = std::exchange(m_tokenWaiters, {});
        for (const TokenCallback& waiter : waiters)
            waiter(result);
    });
    job->start();
}

void ApiClient::invalidateAccessToken(const QString& token)
{
    if (m_accessToken == token)
        m_accessToken.clear();
}

// --- calls ---

void ApiClient::startCall(const CallPtr& call)
{
    m_calls.append(call);
    sendCall(call);
}

void ApiClient::sendCall(const CallPtr& call)
{
    withAccessToken([this, call](const ApiError& exchangeError) {
        if (call->done)
            return;
        if (exchangeError.isError()) {
            callAnswered(call, QString(), 0, {}, exchangeError);
            return;
        }
        const QString token = m_accessToken;
        QNetworkRequest request(urlFor(call->path));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("Accept", "application/json");
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        if (call->hasBody)
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        auto* job = new ApiJob(m_nam, request, call->method, call->body, this);
        job->setTimeout(m_timeoutMs);
        call->job = job;
        connect(job, &ApiJob::finished, this,
            [this, call, token](int httpStatus, const QJsonValue& json, const ApiError& error) {
                callAnswered(call, token, httpStatus, json, error);
            });
        job->start();
    });
}

void ApiClient::callAnswered(
    const CallPtr& call, const QString& usedToken, int httpStatus, const QJsonValue& json, const ApiError& error)
{
    call->job = nullptr;
    if (call->done)
        return;
    if (!error.isError()) {
        completeCall(call, ApiResult<QJsonValue>::success(json));
        return;
    }
    if (error.kind == ApiError::Kind::Http && httpStatus == 401) {
        // Access tokens expire (and a restarted local server forgets them): exchange once more, retry once.
        if (!call->reauthenticated) {
            call->reauthenticated = true;
            invalidateAccessToken(usedToken);
            sendCall(call);
            return;
        }
        ApiError auth = error;
        auth.kind = ApiError::Kind::Auth;
        completeCall(call, ApiResult<QJsonValue>::failure(auth));
        return;
    }
    // Only network errors of idempotent calls are retried: an HTTP error is an answer, a timeout already
    // used up the caller's patience, and a POST may have happened even though its answer was lost.
    const QList<int> delays = retryDelays();
    if (error.kind == ApiError::Kind::Network && call->idempotent && call->networkRetries < delays.size()) {
        const int delay = delays.at(call->networkRetries++);
        QTimer::singleShot(delay, this, [this, call] {
            if (!call->done)
                sendCall(call);
        });
        return;
    }
    completeCall(call, ApiResult<QJsonValue>::failure(error));
}

void ApiClient::completeCall(const CallPtr& call, const ApiResult<QJsonValue>& result)
{
    if (call->done)
        return;
    call->done = true;
    m_calls.removeOne(call);
    setState(stateAfter(result.error, m_state));
    if (auto deliver = std::exchange(call->deliver, nullptr))
        deliver(result);
}

void ApiClient::cancelAllCalls()
{
    const QList<CallPtr> calls = m_calls;
    for (const CallPtr& call : calls) {
        if (ApiJob* job = call->job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
        completeCall(call, ApiResult<QJsonValue>::failure(cancelledError(urlFor(call->path).toString())));
    }
}

template<typename T, typename Decode>
QFuture<ApiResult<T>> ApiClient::typedRequest(
    const QByteArray& method, const QString& path, const QJsonValue& body, bool idempotent, Decode decode)
{
    auto promise = std::make_shared<QPromise<ApiResult<T>>>();
    promise->start();
    QFuture<ApiResult<T>> future = promise->future();

    auto call = std::make_shared<Call>();
    call->method = method;
    call->path = path;
    call->idempotent = idempotent;
    call->hasBody = body.isObject() || body.isArray();
    if (call->hasBody)
        call->body = jsonBody(body);
    const QString url = urlFor(path).toString();
    call->deliver = [promise, decode, url](const ApiResult<QJsonValue>& raw) {
        ApiResult<T> result;
        if (raw.error.isError()) {
            result = ApiResult<T>::failure(raw.error);
        } else {
            Decoded<T> decoded = decode(raw.value.value_or(QJsonValue()));
            if (decoded.ok()) {
                result = ApiResult<T>::success(std::move(*decoded.value));
            } else {
                ApiError error;
                error.kind = ApiError::Kind::Decode;
                error.url = url;
                error.problems = decoded.problems;
                result = ApiResult<T>::failure(error);
            }
        }
        promise->addResult(std::move(result));
        promise->finish();
    };
    startCall(call);
    return future;
}

QFuture<ApiResult<QJsonValue>> ApiClient::request(
    const QByteArray& method, const QString& path, const QJsonValue& body, bool idempotent)
{
    return typedRequest<QJsonValue>(
        method, path, body, idempotent, [](const QJsonValue& json) { return Decoded<QJsonValue>::success(json); });
}

// --- typed calls ---

QFuture<ApiResult<ServerInfo>> ApiClient::serverInfo()
{
    auto promise = std::make_shared<QPromise<ApiResult<ServerInfo>>>();
    promise->start();
    QFuture<ApiResult<ServerInfo>> future = promise->future();
    const QString url = urlFor(QStringLiteral("/tidemark")).toString();
    onResult(
        request("GET", QStringLiteral("/tidemark"), {}, true), this, [promise, url](const ApiResult<QJsonValue>& raw) {
            ApiResult<ServerInfo> result;
            if (raw.ok()) {
                Decoded<ServerInfo> decoded = ServerInfo::fromJson(*raw.value);
                if (decoded.ok()) {
                    result = ApiResult<ServerInfo>::success(*decoded.value);
                } else {
                    ApiError error;
                    error.kind = ApiError::Kind::Decode;
                    error.url = url;
                    error.problems = decoded.problems;
                    result = ApiResult<ServerInfo>::failure(error);
                }
            } else if (raw.error.kind == ApiError::Kind::Http && raw.error.httpStatus == 404) {
                result = ApiResult<ServerInfo>::success(ServerInfo {}); // not a tidemarkd: no local extensions
            } else {
                result = ApiResult<ServerInfo>::failure(raw.error);
            }
            promise->addResult(std::move(result));
            promise->finish();
        });
    return future;
}

QFuture<ApiResult<QList<Project>>> ApiClient::projects()
{
    return typedRequest<QList<Project>>(
        "GET", QStringLiteral("/projects"), {}, true, [](const QJsonValue& json) { return decodeList<Project>(json); });
}

QFuture<ApiResult<Project>> ApiClient::project(const QString& id)
{
    return typedRequest<Project>(
        "GET", projectPath(id), {}, true, [](const QJsonValue& json) { return Project::fromJson(json); });
}

QFuture<ApiResult<QList<Environment>>> ApiClient::environments(const QString& project)
{
    return typedRequest<QList<Environment>>("GET", projectPath(project) + QStringLiteral("/environments"), {}, true,
        [](const QJsonValue& json) { return decodeList<Environment>(json); });
}

QFuture<ApiResult<Environment>> ApiClient::environment(const QString& project, const QString& environment)
{
    return typedRequest<Environment>("GET", environmentPath(project, environment), {}, true,
        [](const QJsonValue& json) { return Environment::fromJson(json); });
}

QFuture<ApiResult<QList<Backup>>> ApiClient::backups(const QString& project, const QString& environment)
{
    return typedRequest<QList<Backup>>("GET", environmentPath(project, environment) + QStringLiteral("/backups"), {},
        true, [](const QJsonValue& json) { return decodeList<Backup>(json); });
}

QFuture<ApiResult<Backup>> ApiClient::backup(const QString& project, const QString& environment, const QString& id)
{
    return typedRequest<Backup>("GET", backupPath(project, environment, id), {}, true,
        [](const QJsonValue& json) { return Backup::fromJson(json); });
}

QFuture<ApiResult<QList<Activity>>> ApiClient::createBackup(
    const QString& project, const QString& environment, bool safe)
{
    return typedRequest<QList<Activity>>("POST", environmentPath(project, environment) + QStringLiteral("/backup"),
        QJsonObject {{QStringLiteral("safe"), safe}}, false, &decodeAccepted);
}

QFuture<ApiResult<QList<Activity>>> ApiClient::restoreBackup(
    const QString& project, const QString& environment, const QString& backupId, const RestoreOptions& options)
{
    QJsonObject body {{QStringLiteral("restore_code"), options.restoreCode},
        {QStringLiteral("environment_name"),
            options.targetEnvironment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(options.targetEnvironment)},
        {QStringLiteral("branch_from"), QJsonValue(QJsonValue::Null)}};
    if (!options.parts.isEmpty())
        body.insert(QStringLiteral("parts"), QJsonArray::fromStringList(options.parts));
    if (!options.paths.isEmpty())
        body.insert(QStringLiteral("paths"), QJsonArray::fromStringList(options.paths));
    if (options.safetyBackup)
        body.insert(QStringLiteral("safety_backup"), *options.safetyBackup);
    if (!options.fromCopy.isEmpty())
        body.insert(QStringLiteral("from_copy"), options.fromCopy);
    return typedRequest<QList<Activity>>(
        "POST", backupPath(project, environment, backupId) + QStringLiteral("/restore"), body, false, &decodeAccepted);
}

QFuture<ApiResult<BackupListing>> ApiClient::backupFiles(
    const QString& project, const QString& environment, const QString& backupId, const QString& path)
{
    return typedRequest<BackupListing>("GET",
        backupPath(project, environment, backupId) + QStringLiteral("/files?path=")
            + QString::fromLatin1(QUrl::toPercentEncoding(path)),
        {}, true, [](const QJsonValue& json) { return BackupListing::fromJson(json); });
}

QFuture<ApiResult<BackupDiff>> ApiClient::backupDiff(const QString& project, const QString& environment,
    const QString& backupId, const QString& against, const QString& path)
{
    QString query = QStringLiteral("/diff?against=") + QString::fromLatin1(QUrl::toPercentEncoding(against));
    if (!path.isEmpty())
        query += QStringLiteral("&path=") + QString::fromLatin1(QUrl::toPercentEncoding(path));
    return typedRequest<BackupDiff>("GET", backupPath(project, environment, backupId) + query, {}, true,
        [](const QJsonValue& json) { return BackupDiff::fromJson(json); });
}

QFuture<ApiResult<QList<Activity>>> ApiClient::undoRestore(const QString& project, const QString& restoreActivityId)
{
    return typedRequest<QList<Activity>>("POST", activityPath(project, restoreActivityId) + QStringLiteral("/undo"),
        QJsonObject(), false, &decodeAccepted);
}

BackupDownload* ApiClient::downloadBackupFiles(const QString& project, const QString& environment,
    const QString& backupId, const QString& path, bool archive, QIODevice* sink, QObject* parent)
{
    const QString route = archive ? QStringLiteral("/files/archive?path=") : QStringLiteral("/files/content?path=");
    return new BackupDownload(this,
        backupPath(project, environment, backupId) + route + QString::fromLatin1(QUrl::toPercentEncoding(path)), sink,
        parent);
}

QFuture<ApiResult<QList<Activity>>> ApiClient::deleteBackup(
    const QString& project, const QString& environment, const QString& backupId)
{
    return typedRequest<QList<Activity>>(
        "DELETE", backupPath(project, environment, backupId), {}, false, &decodeAccepted);
}

QFuture<ApiResult<Backup>> ApiClient::annotateBackup(const QString& project, const QString& environment,
    const QString& backupId, std::optional<QString> note, std::optional<bool> isProtected)
{
    QJsonObject attributes;
    if (note)
        attributes.insert(QStringLiteral("note"), *note);
    if (isProtected)
        attributes.insert(QStringLiteral("protected"), *isProtected ? QStringLiteral("true") : QStringLiteral("false"));
    return typedRequest<Backup>("PATCH", backupPath(project, environment, backupId),
        QJsonObject {{QStringLiteral("attributes"), attributes}}, false,
        [](const QJsonValue& json) { return Backup::fromJson(json); });
}

QFuture<ApiResult<QList<Activity>>> ApiClient::activities(const QString& project, const ActivityFilter& filter)
{
    QString path = filter.environment.isEmpty() ? projectPath(project) : environmentPath(project, filter.environment);
    path += QStringLiteral("/activities");
    QList<QPair<QString, QString>> items;
    for (const QString& type : filter.types)
        items.append({QStringLiteral("type"), type});
    for (const QString& state : filter.states)
        items.append({QStringLiteral("state"), state});
    for (const QString& result : filter.results)
        items.append({QStringLiteral("result"), result});
    if (filter.count > 0)
        items.append({QStringLiteral("count"), QString::number(filter.count)});
    return typedRequest<QList<Activity>>(
        "GET", path + query(items), {}, true, [](const QJsonValue& json) { return decodeList<Activity>(json); });
}

QFuture<ApiResult<Activity>> ApiClient::activity(const QString& project, const QString& id)
{
    return typedRequest<Activity>(
        "GET", activityPath(project, id), {}, true, [](const QJsonValue& json) { return Activity::fromJson(json); });
}

QFuture<ApiResult<Activity>> ApiClient::cancelActivity(const QString& project, const QString& id)
{
    auto promise = std::make_shared<QPromise<ApiResult<Activity>>>();
    promise->start();
    QFuture<ApiResult<Activity>> future = promise->future();
    const auto deliver = [promise](const ApiResult<Activity>& result) {
        promise->addResult(result);
        promise->finish();
    };
    onResult(request("POST", activityPath(project, id) + QStringLiteral("/cancel"), {}, false), this,
        [this, project, id, deliver](const ApiResult<QJsonValue>& raw) {
            if (!raw.ok())
                return deliver(ApiResult<Activity>::failure(raw.error));
            const QJsonObject answer = raw.value->toObject();
            const QJsonValue embedded
                = answer.value(QStringLiteral("_embedded")).toObject().value(QStringLiteral("activities"));
            QJsonValue activity;
            if (embedded.isArray() && !embedded.toArray().isEmpty())
                activity = embedded.toArray().first();
            else if (answer.contains(QStringLiteral("id")))
                activity = answer;
            if (activity.isUndefined() || activity.isNull()) {
                onResult(this->activity(project, id), this, deliver);
                return;
            }
            Decoded<Activity> decoded = Activity::fromJson(activity);
            if (decoded.ok())
                return deliver(ApiResult<Activity>::success(*decoded.value));
            ApiError error;
            error.kind = ApiError::Kind::Decode;
            error.url = urlFor(activityPath(project, id) + QStringLiteral("/cancel")).toString();
            error.problems = decoded.problems;
            deliver(ApiResult<Activity>::failure(error));
        });
    return future;
}

QFuture<ApiResult<ProjectSettings>> ApiClient::settings(const QString& project)
{
    return typedRequest<ProjectSettings>("GET", projectPath(project) + QStringLiteral("/settings"), {}, true,
        [](const QJsonValue& json) { return ProjectSettings::fromJson(json); });
}

QFuture<ApiResult<RepositoryReport>> ApiClient::repository(const QString& project)
{
    return typedRequest<RepositoryReport>("GET", projectPath(project) + QStringLiteral("/repository"), {}, true,
        [](const QJsonValue& json) { return RepositoryReport::fromJson(json); });
}

QFuture<ApiResult<HealthReport>> ApiClient::health(const QString& project)
{
    return typedRequest<HealthReport>("GET", projectPath(project) + QStringLiteral("/health"), {}, true,
        [](const QJsonValue& json) { return HealthReport::fromJson(json); });
}

QFuture<ApiResult<QList<Activity>>> ApiClient::verifyRepository(
    const QString& project, const QString& repository, int readDataPercent)
{
    QJsonObject body {{QStringLiteral("repository"), repository}};
    if (readDataPercent >= 0)
        body.insert(QStringLiteral("read_data_percent"), readDataPercent);
    return typedRequest<QList<Activity>>(
        "POST", projectPath(project) + QStringLiteral("/verify"), body, false, &decodeAccepted);
}

Decoded<ProjectSettings> ApiClient::settingsEntity(const QJsonValue& json)
{
    const QJsonValue entity
        = json.toObject().value(QStringLiteral("_embedded")).toObject().value(QStringLiteral("entity"));
    if (entity.isUndefined())
        return Decoded<ProjectSettings>::failure({{QStringLiteral("_embedded.entity"), tr("is missing")}});
    return ProjectSettings::fromJson(entity, QStringLiteral("_embedded.entity"));
}

QFuture<ApiResult<ProjectSettings>> ApiClient::updateCopies(const QString& project, const QList<CopyTarget>& copies)
{
    QJsonArray list;
    for (const CopyTarget& copy : copies) {
        QJsonObject json = copy.toJson();
        if (copy.envValues) {
            QJsonObject env;
            for (auto it = copy.envValues->cbegin(); it != copy.envValues->cend(); ++it)
                env.insert(it.key(), it.value());
            json.insert(QStringLiteral("env"), env);
        }
        list.append(json);
    }
    return typedRequest<ProjectSettings>("PATCH", projectPath(project) + QStringLiteral("/settings"),
        QJsonObject {{QStringLiteral("backup_copies"), list}}, false, &ApiClient::settingsEntity);
}

QFuture<ApiResult<ProjectSettings>> ApiClient::updateNotifications(
    const QString& project, const QList<NotificationTarget>& targets)
{
    QJsonArray list;
    for (const NotificationTarget& target : targets) {
        QJsonObject json = target.toJson();
        if (target.urlValue)
            json.insert(QStringLiteral("url"), *target.urlValue);
        if (target.passwordValue) {
            QJsonObject smtp = json.value(QStringLiteral("smtp")).toObject();
            smtp.insert(QStringLiteral("password"),
                target.passwordValue->isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(*target.passwordValue));
            json.insert(QStringLiteral("smtp"), smtp);
        }
        list.append(json);
    }
    return typedRequest<ProjectSettings>("PATCH", projectPath(project) + QStringLiteral("/settings"),
        QJsonObject {{QStringLiteral("notifications"), list}}, false, &ApiClient::settingsEntity);
}

QFuture<ApiResult<QJsonObject>> ApiClient::sendTestNotifications(const QString& project)
{
    return typedRequest<QJsonObject>("POST", projectPath(project) + QStringLiteral("/notifications/test"),
        QJsonObject {}, false, [](const QJsonValue& json) {
            if (!json.toObject().value(QStringLiteral("results")).isArray())
                return Decoded<QJsonObject>::failure({{QStringLiteral("results"), tr("is missing")}});
            return Decoded<QJsonObject>::success(json.toObject());
        });
}

QFuture<ApiResult<QJsonObject>> ApiClient::notificationStatus(const QString& project)
{
    return typedRequest<QJsonObject>(
        "GET", projectPath(project) + QStringLiteral("/notifications"), {}, true, [](const QJsonValue& json) {
            if (!json.toObject().value(QStringLiteral("targets")).isArray())
                return Decoded<QJsonObject>::failure({{QStringLiteral("targets"), tr("is missing")}});
            return Decoded<QJsonObject>::success(json.toObject());
        });
}

QFuture<ApiResult<ApiClient::CopyCheckResult>> ApiClient::checkCopy(
    const QString& project, const QString& name, const QString& repository, const QMap<QString, QString>& env)
{
    QJsonObject body;
    if (!name.isEmpty())
        body.insert(QStringLiteral("name"), name);
    if (!repository.isEmpty()) {
        body.insert(QStringLiteral("repository"), repository);
        QJsonObject values;
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            values.insert(it.key(), it.value());
        body.insert(QStringLiteral("env"), values);
    }
    return typedRequest<CopyCheckResult>(
        "POST", projectPath(project) + QStringLiteral("/backup_copies/check"), body, false, [](const QJsonValue& json) {
            const QJsonObject o = json.toObject();
            if (!o.value(QStringLiteral("ok")).isBool() || !o.value(QStringLiteral("text")).isString())
                return Decoded<CopyCheckResult>::failure({{QStringLiteral("ok"), tr("is missing")}});
            CopyCheckResult result;
            result.ok = o.value(QStringLiteral("ok")).toBool();
            result.text = o.value(QStringLiteral("text")).toString();
            if (o.value(QStringLiteral("snapshots")).isDouble())
                result.snapshots = o.value(QStringLiteral("snapshots")).toInt();
            return Decoded<CopyCheckResult>::success(result);
        });
}

QFuture<ApiResult<ApiClient::RepositoryKey>> ApiClient::repositoryKey(const QString& project, const QString& repository)
{
    return typedRequest<RepositoryKey>("GET",
        projectPath(project) + QStringLiteral("/repository/key") + query({{QStringLiteral("repository"), repository}}),
        {}, true, [](const QJsonValue& json) {
            const QJsonObject o = json.toObject();
            if (!o.value(QStringLiteral("password")).isString())
                return Decoded<RepositoryKey>::failure({{QStringLiteral("password"), tr("is missing")}});
            return Decoded<RepositoryKey>::success(RepositoryKey {o.value(QStringLiteral("repository")).toString(),
                o.value(QStringLiteral("location")).toString(), o.value(QStringLiteral("password")).toString()});
        });
}

QFuture<ApiResult<QJsonObject>> ApiClient::acknowledgeRepositoryKey(const QString& project, const QString& repository)
{
    return typedRequest<QJsonObject>("POST",
        projectPath(project) + QStringLiteral("/repository/key/acknowledge")
            + query({{QStringLiteral("repository"), repository}}),
        QJsonObject(), false, [](const QJsonValue& json) { return Decoded<QJsonObject>::success(json.toObject()); });
}

QFuture<ApiResult<ApiClient::SettingsUpdate>> ApiClient::updateRetention(
    const QString& project, const QJsonObject& dataRetention, bool dryRun)
{
    QString path = projectPath(project) + QStringLiteral("/settings");
    if (dryRun)
        path += query({{QStringLiteral("dry_run"), QStringLiteral("1")}});
    return typedRequest<SettingsUpdate>("PATCH", path, QJsonObject {{QStringLiteral("data_retention"), dataRetention}},
        false, [dryRun](const QJsonValue& json) {
            const QJsonObject embedded = json.toObject().value(QStringLiteral("_embedded")).toObject();
            const QJsonValue entity = embedded.value(QStringLiteral("entity"));
            if (entity.isUndefined())
                return Decoded<SettingsUpdate>::failure({{QStringLiteral("_embedded.entity"), tr("is missing")}});
            Decoded<ProjectSettings> settings = ProjectSettings::fromJson(entity, QStringLiteral("_embedded.entity"));
            if (!settings.ok())
                return Decoded<SettingsUpdate>::failure(settings.problems);
            SettingsUpdate update;
            update.settings = std::move(*settings.value);
            const QJsonValue preview = embedded.value(QStringLiteral("preview"));
            if (preview.isObject()) {
                update.preview = preview.toObject();
            } else if (dryRun) {
                // A server without dry runs (the hosted API) may have applied the change: say so, loudly.
                return Decoded<SettingsUpdate>::failure({{QStringLiteral("_embedded.preview"),
                    tr("is missing; the server may not support dry runs and may have applied the change")}});
            }
            return Decoded<SettingsUpdate>::success(std::move(update));
        });
}

// --- log stream ---

LogStream* ApiClient::openLogStream(const QString& project, const QString& activityId, QObject* parent)
{
    auto* stream = new LogStream(this, project, activityId, parent);
    stream->start();
    return stream;
}

QString ApiClient::logPath(const QString& project, const QString& activityId)
{
    return activityPath(project, activityId) + QStringLiteral("/log");
}
