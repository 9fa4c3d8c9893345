#pragma once

#include "databaseaccess.h"

#include <functional>
#include <QObject>
#include <QPointer>
#include <QProcess>

class SqlSession;

// Loads a dump made by DatabaseDump into a service's database so that the database is entirely old or entirely new,
// whatever happens meanwhile (tidemarkd killed included).
class DatabaseLoad : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QString& error)>;

    static DatabaseLoad* create(const LocalDescriptor::Service& target, QObject* parent = nullptr);
    ~DatabaseLoad() override;

    virtual void load(const QString& file, Done done) = 0;
    QString describe() const { return m_access.describe(); }

protected:
    DatabaseLoad(const LocalDescriptor::Service& target, QObject* parent);
    QString failed(const QString& reason) const;
    // Runs `tool` against the service; its standard input is the file `input`, or what `feeder` writes (started
    // with it, its failure reported as the tool's).
    void runTool(const QString& tool, const QStringList& args, const QString& input, const QString& database, Done done,
        QProcess* feeder = nullptr);

    DatabaseAccess m_access;
    QPointer<QProcess> m_tool;
    QPointer<QProcess> m_feeder;
};

// One transaction, committed at the end or not at all: psql opens it and drops every relation the service's user owns
// (tables created after the backup go too), then runs what `pg_restore --single-transaction --clean` writes as SQL
// through a pipe, whose last statement is the COMMIT. A pg_restore that fails or dies writes no COMMIT, and psql's
// end rolls everything back.
class PostgresLoad : public DatabaseLoad
{
    Q_OBJECT

public:
    PostgresLoad(const LocalDescriptor::Service& target, QObject* parent);
    void load(const QString& file, Done done) override;
};

// The dump is loaded into a scratch schema beside the database; then one RENAME TABLE (atomic) moves every current
// table into a second scratch schema and every loaded one into the database; both scratch schemas are dropped.
class MariaDbLoad : public DatabaseLoad
{
    Q_OBJECT

public:
    MariaDbLoad(const LocalDescriptor::Service& target, QObject* parent);
    void load(const QString& file, Done done) override;
    // The scratch schemas a database's restores use (a restore removes what an interrupted one left).
    static QString scratchSchema(const QString& database);
    static QString oldSchema(const QString& database);

private:
    void swap(Done done);
    SqlSession* m_session = nullptr;
};
