#pragma once

#include "http/httplimits.h"

#include <functional>
#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

class ActivityHub;
class ApiServer;
class Engine;
class Heartbeat;
class HttpServer;
class Notifier;
class Scheduler;
class Store;

// One running tidemarkd: the store in DATA_DIR, the API listening on loopback (or where told). Used by the
// tidemarkd executable and embedded by the console for "This computer".
class TidemarkServer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir;
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8421; // 0 picks a free port
        bool demo = false;
        bool scheduler = true; // take automated backups
        // Where environments may live (--environment-root), besides DATA_DIR/environments (the demo's root).
        QStringList environmentRoots;
        // Whether API callers may set pause and resume hooks (shell commands tidemarkd runs) (--allow-api-hooks).
        bool allowApiHooks = false;
        // HTTPS with this certificate (PEM, then any intermediates) and its key (--tls-cert, --tls-key): both or
        // neither.
        QString tlsCertificateFile;
        QString tlsKeyFile;
        // Plain HTTP on an address other than loopback (--insecure-http); refused unless asked for.
        bool insecureHttp = false;
        // The transport's timeouts and connection caps; the body limit is always the API's (kMaxBodyBytes).
        HttpLimits http;
        // A second address that serves only GET /metrics, without authentication (--metrics-listen HOST:PORT); port
        // 0 picks a free one. Off loopback it follows the API's rule: HTTPS with the same certificate, or
        // --insecure-http.
        std::optional<QHostAddress> metricsAddress;
        quint16 metricsPort = 0;
        // Tests: the engine's (and so the scheduler's, activities' and heartbeat's) clock from the start, in ms since
        // the epoch. Unset: the system clock.
        std::function<qint64()> clock;
    };

    explicit TidemarkServer(QObject* parent = nullptr);
    ~TidemarkServer() override;

    // Opens the store (creating DATA_DIR and migrating), creates the demo project if asked, and listens.
    bool start(const Options& options, QString& error);
    quint16 port() const { return m_port; }
    QString url() const;
    // Where --metrics-listen serves GET /metrics (empty without it).
    QString metricsUrl() const;
    Store& store() { return *m_store; }
    Heartbeat& heartbeat() { return *m_heartbeat; }
    Engine& engine() { return *m_engine; }
    Scheduler& scheduler() { return *m_scheduler; }

    // Creates an API token with the role ("admin" or "viewer"); returns it, or an empty string and `error`.
    static QString createToken(Store& store, const QString& role, const QString& name, QString& error);
    // Sets an environment's hooks in the store (`tidemarkd hooks set`: a server-side way, for those with a shell on
    // the server); nullopt leaves a value as it is. False with `error` when the environment does not exist.
    static bool setHooks(Store& store, const QString& project, const QString& environment,
        const std::optional<QString>& pause, const std::optional<QString>& resume,
        const std::optional<int>& timeoutSeconds, QString& error);
    // Opens only the store of DATA_DIR (for `tidemarkd token create`).
    static std::unique_ptr<Store> openStore(const QString& dataDir, QString& error);
    // Sets the process's heap so that the memory of large, passing work (a repository's index) goes back to the
    // system when it is freed. Once per process that hosts a server, before its work starts.
    static void configureHeap();

private:
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ActivityHub> m_hub;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<Heartbeat> m_heartbeat;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<HttpServer> m_metricsHttp;
    QHostAddress m_address;
    quint16 m_port = 0;
};
