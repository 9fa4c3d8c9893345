#include "tidemarkserver.h"

#include "activities/activityhub.h"
#include "demo/demoproject.h"
#include "engine/confinement.h"
#include "engine/engine.h"
#include "engine/scheduler.h"
#include "health/heartbeat.h"
#include "http/apiserver.h"
#include "http/httpserver.h"
#include "notify/notifier.h"
#include "store/store.h"

#include <malloc.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

TidemarkServer::TidemarkServer(QObject* parent)
    : QObject(parent)
{ }

TidemarkServer::~TidemarkServer()
{
    // The connections refer to the API, the API to the engine, the engine to the hub and the store: tear down in
    // that order.
    m_metricsHttp.reset();
    m_http.reset();
    m_api.reset();
    m_scheduler.reset();
    m_notifier.reset();
    m_heartbeat.reset();
    m_engine.reset();
    m_hub.reset();
    m_store.reset();
}

std::unique_ptr<Store> TidemarkServer::openStore(const QString& dataDir, QString& error)
{
    if (dataDir.isEmpty()) {
        error = tr("--data-dir: is required");
        return nullptr;
    }
    if (!QDir().mkpath(dataDir)) {
        error = tr("--data-dir: cannot create %1").arg(dataDir);
        return nullptr;
    }
    // The store holds token hashes and the repositories' passwords sit beside it: the owner's alone.
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile::setPermissions(dataDir, ownerOnly | QFileDevice::ExeOwner);
    const QString path = QDir(dataDir).filePath(QStringLiteral("tidemark.db"));
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)) {
            error = tr("--data-dir: cannot create %1: %2").arg(path, file.errorString());
            return nullptr;
        }
    }
    auto store = std::make_unique<Store>();
    if (!store->open(path)) {
        error = store->error();
        return nullptr;
    }
    // SQLite gives its -wal and -shm files the database's mode; older stores get theirs corrected here.
    for (const char* suffix : {"", "-wal", "-shm"}) {
        if (QFileInfo::exists(path + QLatin1String(suffix)))
            QFile::setPermissions(path + QLatin1String(suffix), ownerOnly);
    }
    return store;
}

bool TidemarkServer::start(const Options& options, QString& error)
{
    std::optional<QSslConfiguration> tls;
    if (!options.tlsCertificateFile.isEmpty() || !options.tlsKeyFile.isEmpty()) {
        if (options.tlsCertificateFile.isEmpty() || options.tlsKeyFile.isEmpty()) {
            error = tr("--tls-cert and --tls-key go together: give both or neither");
            return false;
        }
        tls = HttpServer::loadTlsConfiguration(options.tlsCertificateFile, options.tlsKeyFile, error);
        if (!tls)
            return false;
    } else if (!options.address.isLoopback() && !options.insecureHttp) {
        // Off loopback, plain HTTP would carry API and access tokens in the clear to anyone on the path.
        error = tr("--listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE --tls-key FILE, "
                   "or pass --insecure-http to serve plain HTTP anyway")
                    .arg(options.address.toString());
        return false;
    }
    if (options.metricsAddress && !tls && !options.metricsAddress->isLoopback() && !options.insecureHttp) {
        // No tokens travel there, but the metrics name every project and environment to whoever reaches the port.
        error = tr("--metrics-listen: %1 is not a loopback address; serve HTTPS there with --tls-cert FILE "
                   "--tls-key FILE, or pass --insecure-http to serve plain HTTP anyway")
                    .arg(options.metricsAddress->toString());
        return false;
    }
    m_store = openStore(options.dataDir, error);
    if (!m_store)
        return false;
    if (options.demo && !DemoProject::ensure(*m_store, QDir(options.dataDir).absolutePath(), error))
        return false;
    m_hub = std::make_unique<ActivityHub>(*m_store);
    m_engine = std::make_unique<Engine>(*m_store, *m_hub, QDir(options.dataDir).absolutePath());
    if (options.clock)
        m_engine->setClock(options.clock);
    // Activities are timed by the engine's clock, like the backups and the schedule they are compared with.
    Engine* engine = m_engine.get();
    m_hub->setClock([engine] { return engine->now(); });
    const QString dataDir = QDir(options.dataDir).absolutePath();
    // The demo's folder is always a root: tidemarkd made it, and its environments live there.
    QStringList roots = options.environmentRoots;
    roots.append(QDir(dataDir).filePath(QStringLiteral("environments")));
    const Confinement confinement(roots, dataDir);
    m_engine->setConfinement(confinement);
    m_engine->recoverAfterRestart();
    m_api = std::make_unique<ApiServer>(*m_store, *m_engine, *m_hub);
    m_api->setConfinement(confinement);
    m_api->setApiHooksAllowed(options.allowApiHooks);
    m_scheduler = std::make_unique<Scheduler>(*m_store, *m_engine);
    // Alerts go out from here, so they work with no console open: activities that end, runs the schedule missed.
    m_notifier = std::make_unique<Notifier>(*m_store, dataDir, Notifier::Options::fromEnvironment());
    connect(m_hub.get(), &ActivityHub::activityFinished, m_notifier.get(), &Notifier::activityFinished);
    connect(m_scheduler.get(), &Scheduler::runsMissed, m_notifier.get(), &Notifier::runsMissed);
    m_api->setNotifier(m_notifier.get());
    m_notifier->resumeOutbox();
    m_heartbeat = std::make_unique<Heartbeat>(*m_store, [engine] { return engine->now(); });
    connect(m_scheduler.get(), &Scheduler::ticked, m_heartbeat.get(), &Heartbeat::schedulerTicked);
    m_api->setHeartbeat(m_heartbeat.get());
    HttpLimits limits = options.http;
    limits.maxBodyBytes = ApiServer::kMaxBodyBytes;
    ApiServer* api = m_api.get();
    m_http = std::make_unique<HttpServer>(limits, [api](const HttpRequest& request) { return api->dispatch(request); });
    if (tls)
        m_http->setTlsConfiguration(*tls);
    if (!m_http->listen(options.address, options.port)) {
        error = tr("cannot listen on %1:%2 (%3)")
                    .arg(options.address.toString())
                    .arg(options.port)
                    .arg(m_http->errorString());
        return false;
    }
    m_port = m_http->serverPort();
    m_address = options.address;
    if (options.metricsAddress) {
        m_metricsHttp = std::make_unique<HttpServer>(
            limits, [api](const HttpRequest& request) { return api->dispatchMetrics(request); });
        if (tls)
            m_metricsHttp->setTlsConfiguration(*tls);
        if (!m_metricsHttp->listen(*options.metricsAddress, options.metricsPort)) {
            error = tr("cannot listen on %1:%2 for the metrics (%3)")
                        .arg(options.metricsAddress->toString())
                        .arg(options.metricsPort)
                        .arg(m_metricsHttp->errorString());
            return false;
        }
    }
    m_heartbeat->start();
    if (options.scheduler)
        m_scheduler->start();
    return true;
}

QString TidemarkServer::metricsUrl() const
{
    if (!m_metricsHttp)
        return {};
    const QHostAddress address = m_metricsHttp->serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
        : address.toString();
    const QString scheme = m_metricsHttp->isTls() ? QStringLiteral("https") : QStringLiteral("http");
    return QStringLiteral("%1://%2:%3/metrics").arg(scheme, host).arg(m_metricsHttp->serverPort());
}

QString TidemarkServer::url() const
{
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + m_address.toString() + QLatin1Char(']')
        : m_address.toString();
    const QString scheme = m_http && m_http->isTls() ? QStringLiteral("https") : QStringLiteral("http");
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(m_port);
}

bool TidemarkServer::setHooks(Store& store, const QString& project, const QString& environment,
    const std::optional<QString>& pause, const std::optional<QString>& resume, const std::optional<int>& timeoutSeconds,
    QString& error)
{
    auto e = store.environment(project, environment);
    if (!e) {
        error = tr("hooks set: there is no environment '%1' in project '%2' (give --project and --environment)")
                    .arg(environment, project);
        return false;
    }
    if (!e->local)
        e->local = LocalDescriptor {};
    if (pause)
        e->local->pauseHook = *pause;
    if (resume)
        e->local->resumeHook = *resume;
    if (timeoutSeconds)
        e->local->hookTimeoutSeconds = *timeoutSeconds;
    e->updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!store.saveEnvironment(project, *e)) {
        error = store.error();
        return false;
    }
    return true;
}

QString TidemarkServer::createToken(Store& store, const QString& role, const QString& name, QString& error)
{
    if (role != QLatin1String("admin") && role != QLatin1String("viewer")) {
        error = tr("--role: '%1' is not a role (admin or viewer)").arg(role);
        return {};
    }
    if (name.trimmed().isEmpty()) {
        error = tr("--name: is required (who or what the token is for)");
        return {};
    }
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    const QString token = QStringLiteral("tm_")
        + QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (!store.insertApiToken(token, ApiToken {name.trimmed(), role, 0})) {
        error = store.error();
        return {};
    }
    return token;
}

void TidemarkServer::configureHeap()
{
    // glibc raises its thresholds after the first large free: blocks up to 32 MiB (a repository's index) then come
    // from the heaps, and what is freed at the top of a thread's heap stays mapped unless it exceeds 64 MiB
    // (malloc_trim does not reach it). Fixed thresholds keep large blocks in their own mappings, returned when freed,
    // and let a heap shrink once 4 MiB at its top are free.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
}
