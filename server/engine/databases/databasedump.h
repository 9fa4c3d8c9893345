#pragma once

#include "databaseaccess.h"

#include <functional>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <utility>

class SqlSession;

// Dumps one PostgreSQL or MariaDB database as it was at one instant, with the server's own tool, in two steps: open()
// fixes the state (inside a consistent backup's pause; quick, whatever the database's size) and dump() writes it
// out (after the resume). A live backup calls both in a row. Also records what the manifest says of the database:
// the server's version and every table with its row count, counted in the same snapshot as the dump.
class DatabaseDump : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QString& error)>;

    static DatabaseDump* create(const LocalDescriptor::Service& service, QObject* parent = nullptr);
    // The staged file's name: <service>.pgdump (pg_dump's custom format) or <service>.sql (mariadb-dump).
    static QString fileName(const LocalDescriptor::Service& service);
    ~DatabaseDump() override;

    // Connects while the environment still runs, so that open() inside the pause is only the statements that fix
    // the state (optional: open() connects if this was not called).
    void startSession(Done done);
    virtual void open(const QString& file, Done done) = 0;
    // Whether open() runs inside a consistent backup's pause (a live backup's does not).
    void setInsidePause(bool inside) { m_insidePause = inside; }
    // What the log should say about this database's dump (taken by the caller).
    QStringList takeNotes() { return std::exchange(m_notes, {}); }
    virtual void dump(Done done) = 0;
    // Stops the tool and ends the session: a lock or snapshot it holds is released (before a failed backup resumes).
    void abort();
    // {"name", "kind", "database", "server_version", "tables": [{"name", "rows"}], "staged"}
    QJsonObject manifest() const;
    QString describe() const { return m_access.describe(); }

protected:
    DatabaseDump(const LocalDescriptor::Service& service, QObject* parent);
    QString failed(const QString& step, const QString& reason) const;
    QString ensureSession(); // the held session, created (and the password read) once
    // Runs a tool against the database to completion; `done` gets its error (empty on success).
    void runTool(const QString& tool, const QStringList& args, Done done);

    DatabaseAccess m_access;
    SqlSession* m_session = nullptr;
    QPointer<QProcess> m_tool;
    QString m_file;
    QString m_version;
    QJsonArray m_tables;
    bool m_insidePause = false;
    QStringList m_notes;
};

// PostgreSQL: a REPEATABLE READ transaction exports its snapshot (pg_export_snapshot()) inside the pause and stays
// open; pg_dump --snapshot then reads exactly that snapshot after the resume, and the row counts are taken in the
// exporting transaction itself.
class PostgresDump : public DatabaseDump
{
    Q_OBJECT

public:
    PostgresDump(const LocalDescriptor::Service& service, QObject* parent);
    void open(const QString& file, Done done) override;
    void dump(Done done) override;

private:
    QString m_snapshot;
};

// MariaDB: inside the pause tidemarkd takes FLUSH TABLES WITH READ LOCK (no transaction can commit), opens its own
// consistent-snapshot transaction and starts mariadb-dump --single-transaction; once the dump has reported its
// first step after START TRANSACTION WITH CONSISTENT SNAPSHOT, both snapshots see the state at the lock and the lock
// is released. The dump goes on after the resume; the row counts come from tidemarkd's snapshot.
class MariaDbDump : public DatabaseDump
{
    Q_OBJECT

public:
    MariaDbDump(const LocalDescriptor::Service& service, QObject* parent);
    void open(const QString& file, Done done) override;
    void dump(Done done) override;

private:
    // Starts mariadb-dump --single-transaction (without the tables already dumped under the lock) and releases the
    // read lock once its snapshot is open.
    void startDump(const QStringList& dumpedAlready, Done done);
    void countRows(Done done);

    bool m_dumpFinished = false;
    QString m_dumpError;
    Done m_afterDump;
};
