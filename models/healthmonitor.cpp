#include "healthmonitor.h"

#include "client/apiclient.h"
#include "tokenstore.h"

#include <memory>

namespace {
constexpr int kDefaultIntervalMs = 60000;
} // namespace

// The answers of one connection's poll, gathered until every project has answered.
struct HealthMonitor::Poll
{
    int pending = 0;
    QList<HealthRow> rows;
};

HealthMonitor::HealthMonitor(ConnectionProfiles* profiles, TokenStore* tokens, HealthTableModel* model, QObject* parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
    , m_model(model)
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::pollNow);
    connect(m_profiles, &ConnectionProfiles::profilesChanged, this, [this] {
        QStringList names;
        for (const ConnectionProfile& p : m_profiles->profiles())
            names.append(p.name);
        m_model->keepConnections(names);
        for (auto it = m_connections.begin(); it != m_connections.end();) {
            if (names.contains(it.key())) {
                ++it;
                continue;
            }
            if (it->client)
                it->client->deleteLater();
            it = m_connections.erase(it);
        }
    });
    m_timer.start();
}

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::setThisComputer(const QUrl& apiUrl, const QString& token)
{
    m_localUrl = apiUrl;
    m_localToken = token;
}

void HealthMonitor::setInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(milliseconds);
}

bool HealthMonitor::isPolling() const
{
    for (const Connection& c : m_connections) {
        if (c.busy)
            return true;
    }
    return false;
}

void HealthMonitor::pollNow()
{
    for (const ConnectionProfile& p : m_profiles->profiles())
        poll(p);
}

HealthRow HealthMonitor::failureRow(const ConnectionProfile& profile, HealthRow::State state, const QString& why)
{
    HealthRow row;
    row.connection = profile.name;
    row.state = state;
    row.error = why;
    return row;
}

void HealthMonitor::poll(const ConnectionProfile& profile)
{
    Connection& connection = m_connections[profile.name];
    if (connection.busy)
        return;
    connection.busy = true;
    const quint64 generation = ++connection.generation;
    if (profile.builtIn) {
        if (m_localUrl.isEmpty()) {
            finish(profile, generation,
                {failureRow(profile, HealthRow::State::Unknown, tr("This computer's server has not started yet."))});
            return;
        }
        pollWithToken(profile, m_localUrl, QUrl(m_localUrl.toString() + QStringLiteral("/oauth2/token")), m_localToken);
        return;
    }
    if (const auto token = m_tokens->sessionToken(profile.apiUrl)) {
        pollWithToken(profile, profile.apiUrl, profile.tokenUrl, *token);
        return;
    }
    const auto cached = m_keychainTokens.constFind(TokenStore::keyFor(profile.apiUrl));
    if (cached != m_keychainTokens.cend()) {
        pollWithToken(profile, profile.apiUrl, profile.tokenUrl, *cached);
        return;
    }
    readToken(profile);
}

void HealthMonitor::readToken(const ConnectionProfile& profile)
{
    const quint64 generation = m_connections[profile.name].generation;
    auto* context = new QObject(this);
    const QUrl url = profile.apiUrl;
    connect(m_tokens, &TokenStore::tokenRead, context,
        [this, context, profile, url](const QUrl& read, const QString& token) {
            if (read != url)
                return;
            context->deleteLater();
            m_keychainTokens.insert(TokenStore::keyFor(url), token);
            pollWithToken(profile, profile.apiUrl, profile.tokenUrl, token);
        });
    const auto none = [this, context, profile, url, generation](const QUrl& read) {
        if (read != url)
            return;
        context->deleteLater();
        finish(profile, generation,
            {failureRow(profile, HealthRow::State::Unknown,
                tr("No API token for %1: connect to it once to enter one.").arg(profile.name))});
    };
    connect(m_tokens, &TokenStore::tokenNotFound, context, none);
    connect(m_tokens, &TokenStore::failed, context, [none](const QUrl& read, const QString&) { none(read); });
    m_tokens->read(url);
}

void HealthMonitor::pollWithToken(
    const ConnectionProfile& profile, const QUrl& apiUrl, const QUrl& tokenUrl, const QString& token)
{
    Connection& connection = m_connections[profile.name];
    const quint64 generation = connection.generation;
    if (!connection.client)
        connection.client = new ApiClient(this);
    ApiClient* client = connection.client;
    client->setTimeout(m_timeoutMs);
    ApiClient::Connection wanted;
    wanted.apiUrl = apiUrl;
    wanted.tokenUrl = tokenUrl.isEmpty() ? QUrl(apiUrl.toString() + QStringLiteral("/oauth2/token")) : tokenUrl;
    wanted.apiToken = token;
    const ApiClient::Connection& current = client->connection();
    if (current.apiUrl != wanted.apiUrl || current.tokenUrl != wanted.tokenUrl || current.apiToken != wanted.apiToken)
        client->setConnection(wanted);

    const auto failed = [this, profile, generation](const ApiError& error) {
        const bool unreachable = error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout;
        if (error.kind == ApiError::Kind::Auth)
            m_keychainTokens.remove(TokenStore::keyFor(profile.apiUrl)); // read it again next time
        finish(profile, generation,
            {failureRow(
                profile, unreachable ? HealthRow::State::Unreachable : HealthRow::State::Unknown, error.message())});
    };

    ApiClient::onResult(
        client->serverInfo(), this, [this, client, profile, generation, failed](const ApiResult<ServerInfo>& info) {
            if (!info.ok()) {
                failed(info.error);
                return;
            }
            if (!info.value->has(Capability::Health)) {
                finish(profile, generation,
                    {failureRow(profile, HealthRow::State::Unknown,
                        tr("This server does not report the health of its environments."))});
                return;
            }
            const auto askProjects = [this, client, profile, generation](const QStringList& projects) {
                auto poll = std::make_shared<Poll>();
                poll->pending = int(projects.size());
                if (projects.isEmpty()) {
                    finish(profile, generation,
                        {failureRow(profile, HealthRow::State::Unknown, tr("The server has no project."))});
                    return;
                }
                for (const QString& project : projects) {
                    ApiClient::onResult(client->health(project), this,
                        [this, profile, generation, project, poll](const ApiResult<HealthReport>& result) {
                            if (!result.ok()) {
                                HealthRow row = failureRow(profile,
                                    result.error.kind == ApiError::Kind::Network
                                            || result.error.kind == ApiError::Kind::Timeout
                                        ? HealthRow::State::Unreachable
                                        : HealthRow::State::Unknown,
                                    result.error.message());
                                row.project = project;
                                poll->rows.append(row);
                            } else {
                                std::optional<RepositoryStatus> primary;
                                for (const RepositoryStatus& r : result.value->repositories) {
                                    if (r.name == QLatin1String("primary"))
                                        primary = r;
                                }
                                for (const EnvironmentHealth& e : result.value->environments) {
                                    HealthRow row;
                                    row.connection = profile.name;
                                    row.project = project;
                                    row.environment = e.environment;
                                    row.state = HealthRow::fromHealth(e.state);
                                    row.health = e;
                                    row.copies = result.value->copies;
                                    row.primary = primary;
                                    poll->rows.append(row);
                                }
                            }
                            if (--poll->pending == 0)
                                finish(profile, generation, poll->rows);
                        });
                }
            };
            if (!info.value->isTidemark()) {
                askProjects(profile.project.isEmpty() ? QStringList() : QStringList {profile.project});
                return;
            }
            ApiClient::onResult(
                client->projects(), this, [askProjects, failed](const ApiResult<QList<Project>>& projects) {
                    if (!projects.ok()) {
                        failed(projects.error);
                        return;
                    }
                    QStringList ids;
                    for (const Project& p : *projects.value)
                        ids.append(p.id);
                    askProjects(ids);
                });
        });
}

void HealthMonitor::finish(const ConnectionProfile& profile, quint64 generation, const QList<HealthRow>& rows)
{
    const auto it = m_connections.find(profile.name);
    if (it == m_connections.end() || it->generation != generation)
        return; // the profile went away or changed meanwhile
    it->busy = false;
    m_model->setConnectionRows(profile.name, rows);
    emit polled(profile.name);
}
