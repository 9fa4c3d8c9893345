#include "databaseload.h"

#include "sqlsession.h"

#include <csignal>
#include <QFile>
#include <sys/prctl.h>

namespace {

QString quoted(QString name)
{
    return QLatin1Char('`') + name.replace(QLatin1Char('`'), QLatin1String("``")) + QLatin1Char('`');
}

QString sqlString(QString text)
{
    return QLatin1Char('\'')
        + text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("''"))
        + QLatin1Char('\'');
}

} // namespace

DatabaseLoad* DatabaseLoad::create(const LocalDescriptor::Service& target, QObject* parent)
{
    if (target.kindValue() == LocalDescriptor::Service::Kind::PostgreSql)
        return new PostgresLoad(target, parent);
    return new MariaDbLoad(target, parent);
}

DatabaseLoad::DatabaseLoad(const LocalDescriptor::Service& target, QObject* parent)
    : QObject(parent)
    , m_access(target)
{ }

DatabaseLoad::~DatabaseLoad()
{
    if (m_tool && m_tool->state() != QProcess::NotRunning) {
        m_tool->kill();
        m_tool->waitForFinished(2000);
    }
}

QString DatabaseLoad::failed(const QString& reason) const
{
    return tr("The database of service %1 could not be restored (%2): %3")
        .arg(m_access.service().name, m_access.describe(), reason);
}

void DatabaseLoad::runTool(const QString& tool, const QStringList& args, const QString& input, const QString& database,
    Done done, QProcess* feeder)
{
    auto* process = new QProcess(this);
    m_tool = process;
    m_access.setUp(*process, tool, args, database);
    process->setStandardOutputFile(QProcess::nullDevice());
    if (!input.isEmpty())
        process->setStandardInputFile(input);
    if (feeder) {
        m_feeder = feeder;
        feeder->setParent(this);
        feeder->setStandardOutputProcess(process);
    }
    connect(process, &QProcess::finished, this, [process, feeder, done](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        const bool toolOk = status == QProcess::NormalExit && code == 0;
        QString feederError;
        if (feeder) {
            // A tool that read everything leaves a feeder that is ending; one that failed leaves it nothing to do.
            if (feeder->state() != QProcess::NotRunning && (!toolOk || !feeder->waitForFinished(5000))) {
                feeder->kill();
                feeder->waitForFinished(2000);
            }
            if (toolOk && (feeder->exitStatus() != QProcess::NormalExit || feeder->exitCode() != 0)) {
                feederError = QString::fromLocal8Bit(feeder->readAllStandardError()).trimmed();
                if (feederError.isEmpty())
                    feederError = tr("%1 ended with status %2").arg(feeder->program()).arg(feeder->exitCode());
            }
            feeder->deleteLater();
        }
        if (toolOk && feederError.isEmpty())
            return done(QString());
        QString reason = toolOk ? feederError : QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
        reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
        done(reason.left(500));
    });
    connect(process, &QProcess::errorOccurred, this, [process, tool, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        done(tr("%1 could not be started (is it installed?)").arg(tool));
    });
    process->start();
    if (feeder)
        feeder->start();
}

// --- PostgreSQL ---

PostgresLoad::PostgresLoad(const LocalDescriptor::Service& target, QObject* parent)
    : DatabaseLoad(target, parent)
{ }

void PostgresLoad::load(const QString& file, Done done)
{
    if (const QString error = m_access.prepare(); !error.isEmpty())
        return done(error);
    // pg_restore only writes SQL here (no connection). --no-owner: the objects belong to the service's user, also when
    // restored into another environment's database.
    auto* script = new QProcess(this);
    script->setProgram(QStringLiteral("pg_restore"));
    script->setArguments({QStringLiteral("--single-transaction"), QStringLiteral("--clean"),
        QStringLiteral("--if-exists"), QStringLiteral("--no-owner"), QStringLiteral("--file=-"), file});
    script->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    // Inside the transaction that pg_restore's script goes on with (its own BEGIN only warns), every relation of the
    // user's that is not part of an extension is dropped: what the dump does not hold must not survive the restore.
    static const QString dropOwned = QStringLiteral(
        "DO $tidemark$ DECLARE r record; BEGIN "
        "FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) "
        "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
        "AND d.deptype = 'e') "
        "LOOP EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE', CASE r.relkind WHEN 'v' THEN 'VIEW' "
        "WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, "
        "r.nspname, r.relname); END LOOP; END $tidemark$;");
    runTool(
        QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-w"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), QStringLiteral("BEGIN"), QStringLiteral("-c"),
            dropOwned, QStringLiteral("-f"), QStringLiteral("-")},
        QString(), QString(), [this, done](const QString& error) { done(error.isEmpty() ? QString() : failed(error)); },
        script);
}

// --- MariaDB ---

MariaDbLoad::MariaDbLoad(const LocalDescriptor::Service& target, QObject* parent)
    : DatabaseLoad(target, parent)
{ }

QString MariaDbLoad::scratchSchema(const QString& database)
{
    return database.left(40) + QStringLiteral("__tidemark_new");
}

QString MariaDbLoad::oldSchema(const QString& database)
{
    return database.left(40) + QStringLiteral("__tidemark_old");
}

void MariaDbLoad::load(const QString& file, Done done)
{
    if (const QString error = m_access.prepare(); !error.isEmpty())
        return done(error);
    const QString db = m_access.service().database;
    m_session = new SqlSession(m_access, this);
    m_session->start();
    // What an interrupted restore left is dropped first; the database itself is untouched until the swap.
    m_session->query(QStringLiteral("DROP DATABASE IF EXISTS %1; DROP DATABASE IF EXISTS %2; CREATE DATABASE %1;")
                         .arg(quoted(scratchSchema(db)), quoted(oldSchema(db))),
        [this, file, db, done](const SqlSession::Rows&, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            runTool(QStringLiteral("mariadb"), {QStringLiteral("--batch")}, file, scratchSchema(db),
                [this, done](const QString& error) {
                    if (!error.isEmpty())
                        return done(failed(error));
                    swap(done);
                });
        });
}

void MariaDbLoad::swap(Done done)
{
    const QString db = m_access.service().database;
    m_session->query(
        QStringLiteral("CREATE DATABASE %1; SELECT table_schema, table_name FROM information_schema.tables "
                       "WHERE table_schema IN (%2, %3) AND table_type = 'BASE TABLE';")
            .arg(quoted(oldSchema(db)), sqlString(db), sqlString(scratchSchema(db))),
        [this, db, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            QStringList renames;
            for (const QStringList& row : rows) {
                if (row.size() != 2)
                    continue;
                if (row.at(0) == db)
                    renames.append(
                        QStringLiteral("%1.%2 TO %3.%2").arg(quoted(db), quoted(row.at(1)), quoted(oldSchema(db))));
            }
            for (const QStringList& row : rows) {
                if (row.size() == 2 && row.at(0) != db)
                    renames.append(
                        QStringLiteral("%1.%2 TO %3.%2").arg(quoted(scratchSchema(db)), quoted(row.at(1)), quoted(db)));
            }
            // One statement: MariaDB renames all the tables or none.
            const QString rename = renames.isEmpty()
                ? QString()
                : QStringLiteral("RENAME TABLE ") + renames.join(QLatin1String(", ")) + QLatin1Char(';');
            m_session->query(rename
                    + QStringLiteral("DROP DATABASE %1; DROP DATABASE %2;")
                          .arg(quoted(scratchSchema(db)), quoted(oldSchema(db))),
                [this, done](const SqlSession::Rows&, const QString& error) {
                    m_session->close();
                    done(error.isEmpty() ? QString() : failed(error));
                });
        });
}
