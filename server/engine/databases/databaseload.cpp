#include "databaseload.h"

#include "sqlsession.h"

#include <algorithm>
#include <fcntl.h>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Ends what is sent to the mariadb client between `DELIMITER` lines: trigger bodies hold `;`.
const QString kDelimiter = QStringLiteral("$$tidemark$$");
const QString kOldPrefix = QStringLiteral("__tidemark_old_");

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

QJsonObject serviceJson(const LocalDescriptor::Service& s)
{
    return QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("kind"), s.kind},
        {QStringLiteral("host"), s.host}, {QStringLiteral("port"), s.port}, {QStringLiteral("socket"), s.socket},
        {QStringLiteral("database"), s.database}, {QStringLiteral("user"), s.user},
        {QStringLiteral("password_file"), s.passwordFile}};
}

LocalDescriptor::Service serviceFromJson(const QJsonObject& o)
{
    LocalDescriptor::Service s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.kind = o.value(QStringLiteral("kind")).toString();
    s.host = o.value(QStringLiteral("host")).toString();
    s.port = o.value(QStringLiteral("port")).toInt();
    s.socket = o.value(QStringLiteral("socket")).toString();
    s.database = o.value(QStringLiteral("database")).toString();
    s.user = o.value(QStringLiteral("user")).toString();
    s.passwordFile = o.value(QStringLiteral("password_file")).toString();
    return s;
}

// The client's error in one line. The mariadb client prints the failing statement (which may be a long INSERT)
// before its "ERROR …" line: that line is what says why.
QString oneLine(const QByteArray& text)
{
    QString reason = QString::fromLocal8Bit(text).trimmed();
    if (const qsizetype error = reason.indexOf(QLatin1String("ERROR ")); error > 0)
        reason = reason.mid(error);
    reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return reason.left(500);
}

// Runs `statements` through the service's command-line client, synchronously (start-up recovery). The rows printed
// (tab-separated), or an error in `error`.
QList<QStringList> runSync(const QJsonObject& entry, const QString& statements, QString* error)
{
    DatabaseAccess access(serviceFromJson(entry.value(QStringLiteral("service")).toObject()));
    if (const QString problem = access.prepare(); !problem.isEmpty()) {
        *error = problem;
        return {};
    }
    QProcess client;
    if (access.service().kindValue() == LocalDescriptor::Service::Kind::PostgreSql) {
        access.setUp(client, QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-w"), QStringLiteral("-F"), QStringLiteral("\t"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1")});
    } else {
        access.setUp(client, QStringLiteral("mariadb"),
            {QStringLiteral("--batch"), QStringLiteral("--skip-column-names"), QStringLiteral("--raw")});
    }
    client.start();
    if (!client.waitForStarted(5000)) {
        *error = QCoreApplication::translate("DatabaseLoad", "the database client could not be started");
        return {};
    }
    client.write(statements.toUtf8() + '\n');
    client.closeWriteChannel();
    if (!client.waitForFinished((DatabaseAccess::kConnectTimeoutSeconds + 50) * 1000)) {
        client.kill();
        client.waitForFinished(2000);
        *error = QCoreApplication::translate("DatabaseLoad", "%1 did not answer in time").arg(access.describe());
        return {};
    }
    if (client.exitStatus() != QProcess::NormalExit || client.exitCode() != 0) {
        *error = access.describe() + QStringLiteral(": ") + oneLine(client.readAllStandardError());
        return {};
    }
    QList<QStringList> rows;
    for (const QByteArray& line : client.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            rows.append(QString::fromUtf8(line).split(QLatin1Char('\t')));
    }
    return rows;
}

QStringList strings(const QJsonValue& value)
{
    QStringList result;
    for (const QJsonValue& v : value.toArray())
        result.append(v.toString());
    return result;
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
{
    m_entry = QJsonObject {{QStringLiteral("kind"), target.kind}, {QStringLiteral("service"), serviceJson(target)}};
}

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

void DatabaseLoad::runTool(
    const QString& tool, const QStringList& args, const QString& input, const QString& database, Done done)
{
    auto* process = new QProcess(this);
    m_tool = process;
    m_access.setUp(*process, tool, args, database);
    process->setStandardOutputFile(QProcess::nullDevice());
    if (!input.isEmpty())
        process->setStandardInputFile(input);
    connect(process, &QProcess::finished, this, [process, done](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        if (status == QProcess::NormalExit && code == 0)
            return done(QString());
        done(oneLine(process->readAllStandardError()));
    });
    connect(process, &QProcess::errorOccurred, this, [process, tool, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        done(tr("%1 could not be started (is it installed?)").arg(tool));
    });
    process->start();
}

DatabaseLoad::Commit DatabaseLoad::wasCommitted(const QJsonObject& entry, QString* error)
{
    if (entry.value(QStringLiteral("kind")).toString() != QLatin1String("postgresql"))
        return Commit::NotCommitted;
    const QString xid = entry.value(QStringLiteral("xid")).toString();
    bool numeric = false;
    const qulonglong value = xid.toULongLong(&numeric);
    if (!numeric)
        return Commit::NotCommitted; // no transaction was begun: nothing to commit
    // A backend whose client died may still be running the load's last statement (the transaction is "in progress"
    // until it notices): it is stopped, and then its transaction has ended one way or the other.
    const QDeadlineTimer deadline(30000);
    for (bool stopped = false;;) {
        const QList<QStringList> rows = runSync(entry, QStringLiteral("SELECT txid_status(%1);").arg(value), error);
        if (!error->isEmpty())
            return Commit::Unknown;
        const QString status = rows.value(0).value(0);
        if (status == QLatin1String("committed"))
            return Commit::Committed;
        if (status == QLatin1String("aborted"))
            return Commit::NotCommitted;
        if (status != QLatin1String("in progress")) {
            *error = tr("the server no longer knows transaction %1").arg(xid);
            return Commit::Unknown;
        }
        if (deadline.hasExpired()) {
            *error = tr("transaction %1 is still in progress").arg(xid);
            return Commit::Unknown;
        }
        if (!stopped) {
            runSync(entry,
                QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_xid::text = '%1';")
                    .arg(value % 4294967296ULL),
                error);
            error->clear();
            stopped = true;
        }
        QThread::msleep(100);
    }
}

QString DatabaseLoad::recover(const QJsonObject& entry, bool committed)
{
    if (entry.value(QStringLiteral("kind")).toString() == QLatin1String("postgresql"))
        return QString(); // the server committed it or rolled it back
    QString error;
    if (committed) {
        runSync(entry, MariaDbLoad::finishSql(entry), &error);
        return error;
    }
    const QList<QStringList> rows = runSync(entry, MariaDbLoad::swappedQuery(entry), &error);
    if (!error.isEmpty())
        return error;
    runSync(entry, MariaDbLoad::undoSql(entry, rows.value(0).value(0) == QLatin1String("1")), &error);
    return error;
}

// --- PostgreSQL ---

PostgresLoad::PostgresLoad(const LocalDescriptor::Service& target, QObject* parent)
    : DatabaseLoad(target, parent)
{ }

PostgresLoad::~PostgresLoad()
{
    for (QProcess* writer : {m_script.data(), m_filter.data()}) {
        if (writer && writer->state() != QProcess::NotRunning) {
            writer->kill();
            writer->waitForFinished(2000);
        }
    }
}

void PostgresLoad::load(const QString& file, Done done)
{
    if (const QString error = m_access.prepare(); !error.isEmpty())
        return done(error);
    m_started = true;
    // The archive's table of contents says whether it holds large objects (see below).
    auto* list = new QProcess(this);
    m_tool = list;
    list->setProgram(QStringLiteral("pg_restore"));
    list->setArguments({QStringLiteral("--list"), file});
    DatabaseAccess::dieWithParent(*list);
    connect(list, &QProcess::finished, this, [this, list, file, done](int code, QProcess::ExitStatus status) {
        list->deleteLater();
        if (status != QProcess::NormalExit || code != 0)
            return done(failed(oneLine(list->readAllStandardError())));
        static const QRegularExpression largeObject(
            QStringLiteral("^\\d+; \\d+ \\d+ (BLOB|BLOBS|BLOB METADATA|LARGE OBJECT) "),
            QRegularExpression::MultilineOption);
        m_largeObjects = largeObject.match(QString::fromUtf8(list->readAllStandardOutput())).hasMatch();
        startLoad(file, done);
    });
    connect(list, &QProcess::errorOccurred, this, [this, list, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        list->deleteLater();
        done(failed(tr("pg_restore could not be started (is it installed?)")));
    });
    list->start();
}

void PostgresLoad::stopWriters()
{
    for (QProcess* writer : {m_script.data(), m_filter.data()}) {
        if (writer && writer->state() != QProcess::NotRunning)
            writer->kill();
    }
}

void PostgresLoad::startLoad(const QString& file, Done done)
{
    m_fifoDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/tidemark-load-XXXXXX"));
    const QString fifo = m_fifoDir->filePath(QStringLiteral("script.sql"));
    if (!m_fifoDir->isValid() || ::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        return done(failed(tr("a private pipe could not be made")));
    m_session = new SqlSession(m_access, this);
    m_session->start();
    // Every relation of the user's that is not part of an extension is dropped inside the transaction: what the
    // dump does not hold must not survive the restore. txid_current(): the xid a restart asks txid_status() about.
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
    m_session->query(QStringLiteral("BEGIN;\nSELECT txid_current();\n") + dropOwned,
        [this, file, fifo, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            m_entry.insert(QStringLiteral("xid"), rows.value(0).value(0));
            // pg_restore only writes SQL here (no connection), into the FIFO that psql reads with \i; without
            // --single-transaction it writes no BEGIN or COMMIT, so the transaction above holds it all — except
            // around large objects, where it writes its own BEGIN; and COMMIT; lines: then a sed between them drops
            // those lines. --no-owner: the objects belong to the service's user, also when restored into another
            // environment's database.
            auto* script = new QProcess(this);
            m_script = script;
            script->setProgram(QStringLiteral("pg_restore"));
            // The FIFO is opened by the programs themselves, after they started: opening it blocks until psql
            // reads it, and QProcess waits for a child to start.
            script->setArguments(
                {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                    QStringLiteral("--file=") + (m_largeObjects ? QStringLiteral("-") : fifo), file});
            DatabaseAccess::dieWithParent(*script);
            QProcess* filter = nullptr;
            if (m_largeObjects) {
                filter = new QProcess(this);
                m_filter = filter;
                filter->setProgram(QStringLiteral("sh"));
                filter->setArguments({QStringLiteral("-c"),
                    QStringLiteral("exec sed -e '/^BEGIN;$/d' -e '/^COMMIT;$/d' > \"$0\""), fifo});
                DatabaseAccess::dieWithParent(*filter);
                script->setStandardOutputProcess(filter);
            } else {
                script->setStandardOutputFile(QProcess::nullDevice());
            }
            m_writers = filter ? 2 : 1;
            for (QProcess* writer : {script, filter}) {
                if (!writer)
                    continue;
                connect(writer, &QProcess::finished, this, [this, writer, done](int code, QProcess::ExitStatus status) {
                    writer->deleteLater();
                    if (status != QProcess::NormalExit || code != 0) {
                        // psql may be waiting for the FIFO that was never opened: the load is given up.
                        if (m_loadError.isEmpty())
                            m_loadError = oneLine(writer->readAllStandardError());
                        if (m_loadError.isEmpty())
                            m_loadError = tr("%1 ended with status %2").arg(writer->program()).arg(code);
                        stopWriters();
                        if (!m_sessionDone) {
                            m_sessionDone = true;
                            m_session->abort();
                        }
                    }
                    m_scriptDone = --m_writers <= 0;
                    loaded(done);
                });
                connect(writer, &QProcess::errorOccurred, this, [this, writer, done](QProcess::ProcessError error) {
                    if (error != QProcess::FailedToStart)
                        return;
                    writer->deleteLater();
                    if (m_loadError.isEmpty())
                        m_loadError = tr("%1 could not be started (is it installed?)").arg(writer->program());
                    stopWriters();
                    m_scriptDone = --m_writers <= 0;
                    if (!m_sessionDone) {
                        m_sessionDone = true;
                        m_session->abort();
                    }
                    loaded(done);
                });
            }
            if (filter)
                filter->start();
            script->start();
            m_session->query(
                QStringLiteral("\\i ") + fifo, [this, done](const SqlSession::Rows&, const QString& error) {
                    if (m_sessionDone)
                        return;
                    m_sessionDone = true;
                    if (!error.isEmpty() && m_loadError.isEmpty())
                        m_loadError = error;
                    if (!error.isEmpty())
                        stopWriters(); // their reader is gone
                    loaded(done);
                });
        });
}

void PostgresLoad::loaded(Done done)
{
    if (!m_scriptDone || !m_sessionDone)
        return;
    m_fifoDir.reset();
    done(m_loadError.isEmpty() ? QString() : failed(m_loadError));
}

void PostgresLoad::commit(Done done)
{
    m_session->query(QStringLiteral("COMMIT;"), [this, done](const SqlSession::Rows&, const QString& error) {
        m_session->close();
        done(error.isEmpty() ? QString() : failed(error));
    });
}

void PostgresLoad::rollBack(Done done)
{
    stopWriters();
    // The client's end rolls the transaction back.
    if (m_session)
        m_session->abort();
    done(QString());
}

// --- MariaDB ---

MariaDbLoad::MariaDbLoad(const LocalDescriptor::Service& target, QObject* parent)
    : DatabaseLoad(target, parent)
{
    m_entry.insert(QStringLiteral("scratch"), scratchSchema(target.database));
}

QString MariaDbLoad::scratchSchema(const QString& database)
{
    return database.left(40) + QStringLiteral("__tidemark_new");
}

void MariaDbLoad::load(const QString& file, Done done)
{
    if (const QString error = m_access.prepare(); !error.isEmpty())
        return done(error);
    m_started = true;
    const QString db = m_access.service().database;
    m_session = new SqlSession(m_access, this);
    m_session->start();
    // What an interrupted restore left is dropped first; the database itself is untouched until the swap.
    m_session->query(QStringLiteral("DROP DATABASE IF EXISTS %1; CREATE DATABASE %1;").arg(quoted(scratchSchema(db))),
        [this, file, db, done](const SqlSession::Rows&, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            runTool(QStringLiteral("mariadb"), {QStringLiteral("--batch")}, file, scratchSchema(db),
                [this, done](const QString& error) {
                    if (!error.isEmpty())
                        return done(failed(error));
                    readDefinitions(done);
                });
        });
}

// With the scratch schema current, SHOW CREATE VIEW names the tables of that schema without it: the statement
// creates the same view over the tables of whichever database is current when it runs.
void MariaDbLoad::readDefinitions(Done done)
{
    const QString scratch = scratchSchema(m_access.service().database);
    m_session->query(QStringLiteral("USE %1; SELECT table_name FROM information_schema.views WHERE table_schema = %2 "
                                    "ORDER BY 1;")
                         .arg(quoted(scratch), sqlString(scratch)),
        [this, scratch, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            QString shows;
            for (const QStringList& row : rows)
                shows += QStringLiteral("SHOW CREATE VIEW %1;\n").arg(quoted(row.value(0)));
            m_session->query(shows
                    + QStringLiteral("SELECT trigger_name, event_object_table, action_timing, event_manipulation, "
                                     "definer, sql_mode, HEX(action_statement) FROM information_schema.triggers WHERE "
                                     "trigger_schema = %1 ORDER BY event_object_table, action_timing, "
                                     "event_manipulation, action_order;")
                          .arg(sqlString(scratch)),
                [this, viewCount = rows.size(), done](const SqlSession::Rows& rows, const QString& error) {
                    if (!error.isEmpty())
                        return done(failed(error));
                    // View: name, statement (tabs inside it split it), character set, collation.
                    QList<QPair<QString, QString>> views;
                    for (qsizetype i = 0; i < viewCount && i < rows.size(); ++i) {
                        const QStringList& row = rows.at(i);
                        QString statement = row.mid(1, row.size() - 3).join(QLatin1Char('\t'));
                        if (statement.startsWith(QLatin1String("CREATE ")))
                            statement.insert(7, QLatin1String("OR REPLACE "));
                        views.append({row.value(0), statement});
                    }
                    // A view over another view comes after it.
                    QJsonArray ordered;
                    while (!views.isEmpty()) {
                        qsizetype pick = 0;
                        for (qsizetype i = 0; i < views.size(); ++i) {
                            const bool needsOther = std::any_of(views.begin(), views.end(), [&](const auto& other) {
                                return other.first != views.at(i).first
                                    && views.at(i).second.contains(quoted(other.first));
                            });
                            if (!needsOther) {
                                pick = i;
                                break;
                            }
                        }
                        ordered.append(views.takeAt(pick).second);
                    }
                    m_entry.insert(QStringLiteral("views"), ordered);
                    QJsonArray triggers;
                    QString dropTriggers;
                    for (qsizetype i = viewCount; i < rows.size(); ++i) {
                        const QStringList& row = rows.at(i);
                        if (row.size() != 7)
                            continue;
                        const QString definer = row.at(4);
                        const qsizetype at = definer.lastIndexOf(QLatin1Char('@'));
                        const QString definerClause = at < 0
                            ? QString()
                            : QStringLiteral("DEFINER=%1@%2 ")
                                  .arg(quoted(definer.left(at)), quoted(definer.mid(at + 1)));
                        const QString statement
                            = QStringLiteral("CREATE %1TRIGGER %2 %3 %4 ON %5 FOR EACH ROW %6")
                                  .arg(definerClause, quoted(row.at(0)), row.at(2), row.at(3), quoted(row.at(1)),
                                      QString::fromUtf8(QByteArray::fromHex(row.at(6).toLatin1())));
                        triggers.append(QJsonObject {{QStringLiteral("name"), row.at(0)},
                            {QStringLiteral("sql_mode"), row.at(5)}, {QStringLiteral("statement"), statement}});
                        dropTriggers += QStringLiteral("DROP TRIGGER %1;\n").arg(quoted(row.at(0)));
                    }
                    m_entry.insert(QStringLiteral("triggers"), triggers);
                    // A table with triggers cannot move to another schema: the scratch schema's go (they are
                    // created again in the database by commit()).
                    m_session->query(dropTriggers + QStringLiteral("SELECT 1;"),
                        [this, done](const SqlSession::Rows&, const QString& error) {
                            if (!error.isEmpty())
                                return done(failed(error));
                            planSwap(done);
                        });
                });
        });
}

void MariaDbLoad::planSwap(Done done)
{
    const QString db = m_access.service().database;
    const QString scratch = scratchSchema(db);
    m_session->query(QStringLiteral("SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE "
                                    "table_schema IN (%1, %2) ORDER BY 1, 2;")
                         .arg(sqlString(db), sqlString(scratch)),
        [this, db, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(error));
            QSet<QString> taken;
            for (const QStringList& row : rows) {
                if (row.value(0) == db)
                    taken.insert(row.value(1).toLower());
            }
            QJsonArray moves;
            QJsonArray loaded;
            int next = 1;
            for (const QStringList& row : rows) {
                if (row.size() != 3)
                    continue;
                const bool view = row.at(2) == QLatin1String("VIEW");
                if (row.at(0) != db) {
                    if (!view)
                        loaded.append(row.at(1));
                    continue;
                }
                // What is in the database now goes aside under a name of its own, in the same database: a table
                // keeps its triggers there, and a view can be renamed only inside its database.
                QString aside;
                do
                    aside = kOldPrefix + QString::number(next++);
                while (taken.contains(aside));
                moves.append(QJsonObject {{QStringLiteral("name"), row.at(1)}, {QStringLiteral("aside"), aside},
                    {QStringLiteral("view"), view}});
            }
            m_entry.insert(QStringLiteral("moves"), moves);
            m_entry.insert(QStringLiteral("loaded"), loaded);
            done(QString());
        });
}

QString MariaDbLoad::swapSql(const QJsonObject& entry)
{
    const QString db = serviceFromJson(entry.value(QStringLiteral("service")).toObject()).database;
    const QString scratch = entry.value(QStringLiteral("scratch")).toString();
    QStringList renames;
    for (const QJsonValue& v : entry.value(QStringLiteral("moves")).toArray()) {
        const QJsonObject move = v.toObject();
        renames.append(QStringLiteral("%1.%2 TO %1.%3")
                           .arg(quoted(db), quoted(move.value(QStringLiteral("name")).toString()),
                               quoted(move.value(QStringLiteral("aside")).toString())));
    }
    for (const QString& table : strings(entry.value(QStringLiteral("loaded"))))
        renames.append(QStringLiteral("%1.%2 TO %3.%2").arg(quoted(scratch), quoted(table), quoted(db)));
    // One statement: MariaDB renames all of them or none.
    return renames.isEmpty() ? QStringLiteral("SELECT 1;")
                             : QStringLiteral("RENAME TABLE ") + renames.join(QLatin1String(", ")) + QLatin1Char(';');
}

QString MariaDbLoad::finishSql(const QJsonObject& entry)
{
    const QString db = serviceFromJson(entry.value(QStringLiteral("service")).toObject()).database;
    QString sql = QStringLiteral("SET SESSION foreign_key_checks = 0;\n");
    for (const QJsonValue& v : entry.value(QStringLiteral("moves")).toArray()) {
        const QJsonObject move = v.toObject();
        sql += QStringLiteral("DROP %1 IF EXISTS %2.%3;\n")
                   .arg(move.value(QStringLiteral("view")).toBool() ? QStringLiteral("VIEW") : QStringLiteral("TABLE"),
                       quoted(db), quoted(move.value(QStringLiteral("aside")).toString()));
    }
    // Created with the database current: the views and the triggers' bodies name its tables.
    sql += QStringLiteral("USE %1;\nSET NAMES utf8mb4;\nDELIMITER %2\n").arg(quoted(db), kDelimiter);
    for (const QString& view : strings(entry.value(QStringLiteral("views"))))
        sql += view + kDelimiter + QLatin1Char('\n');
    for (const QJsonValue& v : entry.value(QStringLiteral("triggers")).toArray()) {
        const QJsonObject trigger = v.toObject();
        sql += QStringLiteral("DROP TRIGGER IF EXISTS %1%2\nSET SESSION sql_mode = %3%2\n%4%2\n")
                   .arg(quoted(trigger.value(QStringLiteral("name")).toString()), kDelimiter,
                       sqlString(trigger.value(QStringLiteral("sql_mode")).toString()),
                       trigger.value(QStringLiteral("statement")).toString());
    }
    sql += QStringLiteral("DELIMITER ;\nSET SESSION sql_mode = DEFAULT;\nDROP DATABASE IF EXISTS %1;\n"
                          "SET SESSION foreign_key_checks = 1;")
               .arg(quoted(entry.value(QStringLiteral("scratch")).toString()));
    return sql;
}

QString MariaDbLoad::undoSql(const QJsonObject& entry, bool swapped)
{
    const QString db = serviceFromJson(entry.value(QStringLiteral("service")).toObject()).database;
    const QString scratch = entry.value(QStringLiteral("scratch")).toString();
    QString sql;
    if (swapped) {
        QStringList renames;
        for (const QString& table : strings(entry.value(QStringLiteral("loaded"))))
            renames.append(QStringLiteral("%1.%2 TO %3.%2").arg(quoted(db), quoted(table), quoted(scratch)));
        for (const QJsonValue& v : entry.value(QStringLiteral("moves")).toArray()) {
            const QJsonObject move = v.toObject();
            renames.append(QStringLiteral("%1.%2 TO %1.%3")
                               .arg(quoted(db), quoted(move.value(QStringLiteral("aside")).toString()),
                                   quoted(move.value(QStringLiteral("name")).toString())));
        }
        if (!renames.isEmpty())
            sql += QStringLiteral("RENAME TABLE ") + renames.join(QLatin1String(", ")) + QStringLiteral(";\n");
    }
    return sql + QStringLiteral("DROP DATABASE IF EXISTS %1;").arg(quoted(scratch));
}

QString MariaDbLoad::swappedQuery(const QJsonObject& entry)
{
    const QString db = serviceFromJson(entry.value(QStringLiteral("service")).toObject()).database;
    const QJsonArray moves = entry.value(QStringLiteral("moves")).toArray();
    const QStringList loaded = strings(entry.value(QStringLiteral("loaded")));
    // RENAME TABLE is atomic: one of its names tells.
    if (!moves.isEmpty()) {
        return QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = %1 AND table_name = "
                              "%2;")
            .arg(sqlString(db), sqlString(moves.first().toObject().value(QStringLiteral("aside")).toString()));
    }
    if (!loaded.isEmpty()) {
        return QStringLiteral("SELECT COUNT(*) = 0 FROM information_schema.tables WHERE table_schema = %1 AND "
                              "table_name = %2;")
            .arg(sqlString(entry.value(QStringLiteral("scratch")).toString()), sqlString(loaded.first()));
    }
    return QStringLiteral("SELECT 0;");
}

void MariaDbLoad::swap(Done done)
{
    m_session->query(swapSql(m_entry), [this, done](const SqlSession::Rows&, const QString& error) {
        if (!error.isEmpty())
            return done(failed(error));
        m_swapped = true;
        done(QString());
    });
}

void MariaDbLoad::commit(Done done)
{
    m_session->query(finishSql(m_entry), [this, done](const SqlSession::Rows&, const QString& error) {
        m_session->close();
        done(error.isEmpty() ? QString() : failed(error));
    });
}

void MariaDbLoad::rollBack(Done done)
{
    if (!m_started)
        return done(QString()); // nothing was made on the server
    if (m_tool && m_tool->state() != QProcess::NotRunning) {
        m_tool->kill();
        m_tool->waitForFinished(2000);
    }
    // A session that failed cannot be used again (and this may run inside its last callback): a new one undoes what
    // happened.
    if (m_session) {
        m_session->abort();
        m_session->deleteLater();
    }
    m_session = new SqlSession(m_access, this);
    m_session->start();
    m_session->query(undoSql(m_entry, m_swapped), [this, done](const SqlSession::Rows&, const QString& error) {
        m_session->close();
        done(error.isEmpty() ? QString() : failed(error));
    });
}
