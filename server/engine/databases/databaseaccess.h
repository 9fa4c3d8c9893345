#pragma once

#include "domain/environment.h"

#include <memory>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QProcess;
class QTemporaryDir;

// How tidemarkd reaches a PostgreSQL or MariaDB service with the server's own client tools (psql, pg_dump,
// pg_restore; mariadb, mariadb-dump). The password is read from the service's password file and handed to the tools
// out of band — PGPASSWORD in the child's environment (readable only by tidemarkd's user), or a MariaDB option file
// of mode 0600 in a private temporary directory — never on a command line, in a log or in an answer.
class DatabaseAccess
{
public:
    explicit DatabaseAccess(const LocalDescriptor::Service& service);
    ~DatabaseAccess();

    // Reads the password file (and writes the option file for MariaDB). An error message, or empty.
    QString prepare();
    // Sets up `process` to run `tool` against the service; `database` empty: the service's database.
    // `trailing`: arguments after the database (MariaDB: mariadb-dump's table names).
    void setUp(QProcess& process, const QString& tool, const QStringList& args, const QString& database = {},
        const QStringList& trailing = {}) const;
    // "PostgreSQL server 127.0.0.1:5432 (database app)", for messages.
    QString describe() const;
    const LocalDescriptor::Service& service() const { return m_service; }
    // Connects once (bounded) and returns what is wrong: unreachable server, refused password, missing database.
    // Synchronous: the descriptor is checked when it is saved.
    static QString check(const LocalDescriptor::Service& service);
    // The child is killed when tidemarkd dies (PR_SET_PDEATHSIG): a load must not go on behind a restart's back.
    static void dieWithParent(QProcess& process);

    static constexpr int kConnectTimeoutSeconds = 10;

private:
    LocalDescriptor::Service m_service;
    QString m_password;
    std::unique_ptr<QTemporaryDir> m_optionDir;
    QString m_optionFile;
};
