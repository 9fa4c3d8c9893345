#pragma once

#include "connectionprofiles.h"
#include "healthtablemodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class ApiClient;
class TokenStore;

// Polls `GET /projects/{p}/health` of every saved connection in the background and feeds HealthTableModel. Each
// connection has its own ApiClient (a slow or stopped server never holds up another), at most one poll in flight
// per connection, every request bounded by a timeout. A server that does not answer becomes an "unreachable" row,
// one without the "health" capability or with an answer that cannot be read an "unknown" row, with the reason.
class HealthMonitor : public QObject
{
    Q_OBJECT

public:
    HealthMonitor(ConnectionProfiles* profiles, TokenStore* tokens, HealthTableModel* model, QObject* parent = nullptr);
    ~HealthMonitor() override;

    // "This computer": known once its server listens (until then its row says it is starting).
    void setThisComputer(const QUrl& apiUrl, const QString& token);
    // How often every connection is asked (60 s); 0 stops the timer (pollNow() still works).
    void setInterval(int milliseconds);
    // The limit for each request (10 s).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Asks every connection now (those with a poll in flight are left to finish it).
    void pollNow();
    // Whether a poll of any connection is in flight.
    bool isPolling() const;

signals:
    // `connection`'s rows were updated.
    void polled(const QString& connection);

private:
    struct Poll; // one connection's poll in flight
    struct Connection
    {
        QPointer<ApiClient> client;
        bool busy = false;
        quint64 generation = 0; // answers of an older poll (the profile changed meanwhile) are dropped
    };
    void poll(const ConnectionProfile& profile);
    void pollWithToken(
        const ConnectionProfile& profile, const QUrl& apiUrl, const QUrl& tokenUrl, const QString& token);
    void finish(const ConnectionProfile& profile, quint64 generation, const QList<HealthRow>& rows);
    // One connection-wide row saying why there is nothing better.
    static HealthRow failureRow(const ConnectionProfile& profile, HealthRow::State state, const QString& why);
    void readToken(const ConnectionProfile& profile);

    ConnectionProfiles* m_profiles;
    TokenStore* m_tokens;
    HealthTableModel* m_model;
    QHash<QString, Connection> m_connections; // by profile name
    QHash<QString, QString> m_keychainTokens; // API URL key → token read from the keychain
    QUrl m_localUrl;
    QString m_localToken;
    QTimer m_timer;
    int m_timeoutMs = 10000;
};
