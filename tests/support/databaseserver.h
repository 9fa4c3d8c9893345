#pragma once

#include <functional>
#include <memory>
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A throwaway database server for tests: its own data directory in a temporary directory, 127.0.0.1 on a free port,
// a Unix socket inside that directory, started as `nobody` when the test runs as root (both servers refuse root),
// with bounded waits, and stopped by PID. It has a password-authenticated user for tidemarkd, an empty database
// and a password file (mode 0600, owned by the test) that a descriptor can name.
class DatabaseServer
{
public:
    virtual ~DatabaseServer();

    // Starts the server (bounded) and creates the user and the database. False with a reason in error().
    virtual bool start() = 0;
    void stop(); // SIGTERM, bounded wait, then SIGKILL
    void kill(); // SIGKILL

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString socketPath() const { return m_socketPath; }
    QString database() const { return m_database; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString passwordFile() const { return m_passwordFile; }
    QString error() const { return m_error; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    // Runs SQL through the server's command-line client as the administrator (socket, no password): the output,
    // tab-separated rows without headers; empty with ok=false when it fails. `database` empty: the test database.
    virtual QByteArray sql(const QString& statements, bool* ok = nullptr, const QString& database = {}) = 0;
    // A descriptor's service object for this server (kind, host, port, database, user, password_file).
    virtual QString kind() const = 0;
    QByteArray serviceJson(const QString& name, const QString& database = {}) const;

protected:
    DatabaseServer();
    bool prepare(); // the temporary directory, the port, the password file
    bool waitForReady(const std::function<bool()>& ready, int timeoutMs);
    QStringList asServerUser(const QString& program, const QStringList& args, QString* runAs) const;
    bool chownToServerUser(const QString& path) const;
    QByteArray runClient(
        const QString& program, const QStringList& args, const QByteArray& input, bool* ok, int timeoutMs = 30000);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_socketPath;
    QString m_database = QStringLiteral("app");
    QString m_user = QStringLiteral("tidemark");
    QString m_password;
    QString m_passwordFile;
    QString m_error;
};

// PostgreSQL (Debian's /usr/lib/postgresql/<version>/bin): initdb with scram-sha-256 on TCP and trust on the socket.
class PostgresServer : public DatabaseServer
{
public:
    PostgresServer() = default;
    ~PostgresServer() override;
    bool start() override;
    QByteArray sql(const QString& statements, bool* ok = nullptr, const QString& database = {}) override;
    QString kind() const override { return QStringLiteral("postgresql"); }
    static QString binary(const QString& name); // initdb, postgres, … of the newest installed version
};

// MariaDB: mariadb-install-db, then mariadbd; root reaches it through the socket.
class MariaDbServer : public DatabaseServer
{
public:
    MariaDbServer() = default;
    ~MariaDbServer() override;
    bool start() override;
    QByteArray sql(const QString& statements, bool* ok = nullptr, const QString& database = {}) override;
    QString kind() const override { return QStringLiteral("mariadb"); }
};
