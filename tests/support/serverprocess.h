#pragma once

#include <memory>
#include <QByteArray>
#include <QDir>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A real tidemarkd on 127.0.0.1 (port 0) with a temporary data dir, for tests. Waits are bounded.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    // Creates an admin and a viewer token, starts the server (with --demo unless told otherwise) and waits for
    // "listening on". Returns false with a reason in error().
    bool start(bool demo = true);
    bool restart(); // same data dir and port, new process (clients reconnect to the same URL)
    // Automated backups are off in tests unless a test asks for them (they would change every count).
    void setSchedulerEnabled(bool enabled) { m_scheduler = enabled; }
    // Where environments may live: the system's temporary directory (where tests make their environments) unless
    // told otherwise; an empty list starts the server with its default (the demo's folder only).
    void setEnvironmentRoots(const QStringList& roots) { m_environmentRoots = roots; }
    // Tests set hooks through the API unless they check that a server refuses it.
    void setApiHooksAllowed(bool allowed) { m_apiHooks = allowed; }
    // The host to listen on (127.0.0.1 unless told), arguments added after the usual ones (--tls-cert …), and
    // environment variables set for the server on top of the test's own (TIDEMARK_HTTP_* limits).
    void setListenHost(const QString& host) { m_listenHost = host; }
    void setExtraArguments(const QStringList& arguments) { m_extraArguments = arguments; }
    void setEnvironmentVariable(const QString& name, const QString& value) { m_environment.insert(name, value); }
    void stop(); // SIGTERM, bounded wait
    void kill(); // SIGKILL

    QString dataDir() const { return m_dataDir.path(); }
    QString url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString adminToken() const { return m_admin; }
    QString viewerToken() const { return m_viewer; }
    QString error() const { return m_error; }
    QByteArray output() const { return m_output; }
    // What the server wrote to stderr (its log) since it started, and before, across restarts.
    QByteArray log();
    qint64 pid() const { return m_process ? m_process->processId() : 0; } // 0 when not started
    // A field of the server's /proc/<pid>/status in KiB (VmRSS: resident now; VmHWM: the most ever resident; RssAnon:
    // private); -1 when it cannot be read.
    qint64 statusKiB(const QByteArray& field) const;

    // Runs `tidemarkd --data-dir DIR args…` to completion (bounded) and returns stdout; exit code in *status.
    QByteArray runTool(const QStringList& args, int* status = nullptr);

private:
    bool launch(quint16 port = 0);

    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    quint16 m_port = 0;
    QString m_admin;
    QString m_viewer;
    QString m_error;
    QByteArray m_output;
    QByteArray m_log;
    bool m_demo = true;
    bool m_scheduler = false;
    QString m_listenHost = QStringLiteral("127.0.0.1");
    QStringList m_extraArguments;
    QProcessEnvironment m_environment;
    QStringList m_environmentRoots {QDir::tempPath()};
    bool m_apiHooks = true;
};

// A minimal synchronous HTTP client for tests (an event loop with a timeout; never used in product code).
class TestHttp
{
public:
    struct Reply
    {
        int status = 0; // 0: no answer (network error or timeout)
        QByteArray body;
        QJsonValue json; // undefined when the body is not JSON
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError;
        QByteArray header(const QByteArray& name) const;
    };

    explicit TestHttp(const QString& baseUrl);

    // The HTTP Basic user sent to /oauth2/token (the client id; "tidemark" unless set).
    void setClientId(const QByteArray& clientId) { m_clientId = clientId; }
    // Exchanges an API token for an access token (empty on failure).
    QString exchange(const QString& apiToken);
    Reply request(const QByteArray& method, const QString& path, const QByteArray& body = {},
        const QString& accessToken = {}, const QByteArray& contentType = QByteArrayLiteral("application/json"),
        int timeoutMs = 15000);
    Reply get(const QString& path, const QString& accessToken) { return request("GET", path, {}, accessToken); }

    // The id of the first activity a 202 answer names; empty (with a warning) for any other answer.
    static QString activityId(const Reply& reply);
    // Polls the activity (every 50 ms) until it is complete or cancelled, at most `timeoutMs`; the last state seen.
    QJsonObject waitForActivity(
        const QString& project, const QString& activityId, const QString& accessToken, int timeoutMs = 120000);
    // Sends the request and waits for the one activity it starts; an empty object when none started.
    QJsonObject startAndWait(const QByteArray& method, const QString& path, const QByteArray& body,
        const QString& accessToken, int timeoutMs = 120000);

private:
    QString m_base;
    QByteArray m_clientId = QByteArrayLiteral("tidemark");
    QNetworkAccessManager m_nam;
};
