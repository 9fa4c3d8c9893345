#pragma once

#include "databaseaccess.h"

#include <functional>
#include <memory>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>

class QTemporaryDir;
class SqlSession;

// Loads a dump made by DatabaseDump into a service's database so that the database is entirely old or entirely new,
// whatever happens meanwhile (tidemarkd killed included), in steps that let one restore commit several databases
// together:
//
//   load()     the dump goes where nothing sees it yet (PostgreSQL: an open transaction; MariaDB: a scratch schema);
//   swap()     MariaDB: one RENAME TABLE puts the loaded tables in place and the current tables and views aside
//              (reversible until finish());
//   commit()   PostgreSQL: COMMIT (irreversible); MariaDB: drops what was put aside, creates the views and triggers;
//   rollBack() undoes whatever of load() and swap() happened.
//
// journalEntry() says what a restart needs to finish or undo the load (RestoreOperation writes it into its journal);
// recover() does that synchronously at start-up.
class DatabaseLoad : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QString& error)>;

    static DatabaseLoad* create(const LocalDescriptor::Service& target, QObject* parent = nullptr);
    ~DatabaseLoad() override;

    virtual void load(const QString& file, Done done) = 0;
    virtual void swap(Done done) { done(QString()); }
    virtual void commit(Done done) = 0;
    virtual void rollBack(Done done) = 0;
    // Whether commit() cannot be undone (PostgreSQL's COMMIT); such loads are committed last.
    virtual bool commitIsFinal() const = 0;
    // {"service": {connection, no password}, "kind", …}: see the subclasses. Changes after each step.
    QJsonObject journalEntry() const { return m_entry; }
    QString describe() const { return m_access.describe(); }
    QString serviceName() const { return m_access.service().name; }

    // --- at start-up, from a journal entry (synchronous, bounded by the clients' timeouts) ---
    enum class Commit { Committed, NotCommitted, Unknown };
    // PostgreSQL: whether the entry's transaction committed (it may still be ending: its backend is stopped first).
    static Commit wasCommitted(const QJsonObject& entry, QString* error);
    // Finishes (committed) or undoes (not committed) what the entry describes; an error sentence, or empty.
    static QString recover(const QJsonObject& entry, bool committed);

protected:
    DatabaseLoad(const LocalDescriptor::Service& target, QObject* parent);
    QString failed(const QString& reason) const;
    // Runs `tool` against the service; its standard input is the file `input`. `database` empty: the service's.
    void runTool(
        const QString& tool, const QStringList& args, const QString& input, const QString& database, Done done);

    DatabaseAccess m_access;
    QPointer<QProcess> m_tool;
    QJsonObject m_entry;
    bool m_started = false; // load() reached the server
};

// One transaction, committed by commit() or not at all: psql (held open) begins it, drops every relation the
// service's user owns (tables created after the backup go too) and runs, from a FIFO, the SQL that pg_restore writes
// (without transaction statements of its own). Its xid is in the journal entry before anything is loaded, so that a
// restart can ask the server whether the COMMIT happened (txid_status). Killed with tidemarkd, psql ends and the
// server rolls the transaction back.
class PostgresLoad : public DatabaseLoad
{
    Q_OBJECT

public:
    PostgresLoad(const LocalDescriptor::Service& target, QObject* parent);
    ~PostgresLoad() override;
    void load(const QString& file, Done done) override;
    void commit(Done done) override;
    void rollBack(Done done) override;
    bool commitIsFinal() const override { return true; }

private:
    void startLoad(const QString& file, Done done);
    void stopWriters();
    void loaded(Done done);

    SqlSession* m_session = nullptr;
    std::unique_ptr<QTemporaryDir> m_fifoDir;
    bool m_largeObjects = false;
    QPointer<QProcess> m_script;
    QPointer<QProcess> m_filter; // drops pg_restore's own BEGIN and COMMIT around large objects
    int m_writers = 0;
    bool m_scriptDone = false;
    bool m_sessionDone = false;
    QString m_loadError;
};

// The dump is loaded into a scratch schema `<database>__tidemark_new`. Views cannot be renamed into another schema,
// and a table with triggers cannot either: so their definitions are read from the scratch schema (SHOW CREATE VIEW
// with the scratch schema current writes them without its name; triggers from information_schema) and the scratch
// schema's triggers are dropped. swap() is one RENAME TABLE inside the database for what is there now (tables keep
// their triggers; views) — to `__tidemark_old_<n>` — and from the scratch schema for the loaded tables: MariaDB
// renames all or none. commit() drops the old objects and creates the views and triggers in the database, so that
// they use its tables; every step of it can be run again.
class MariaDbLoad : public DatabaseLoad
{
    Q_OBJECT

public:
    MariaDbLoad(const LocalDescriptor::Service& target, QObject* parent);
    void load(const QString& file, Done done) override;
    void swap(Done done) override;
    void commit(Done done) override;
    void rollBack(Done done) override;
    bool commitIsFinal() const override { return false; }
    // The scratch schema a database's restores use (a restore removes what an interrupted one left).
    static QString scratchSchema(const QString& database);

    // The statements of the steps, from a journal entry (also used by recover()).
    static QString swapSql(const QJsonObject& entry);
    static QString finishSql(const QJsonObject& entry);
    static QString undoSql(const QJsonObject& entry, bool swapped);
    // Whether the entry's RENAME TABLE has happened: asks the server (`sql` runs statements and returns rows).
    static QString swappedQuery(const QJsonObject& entry);

private:
    void readDefinitions(Done done);
    void planSwap(Done done);

    SqlSession* m_session = nullptr;
    bool m_swapped = false;
};
