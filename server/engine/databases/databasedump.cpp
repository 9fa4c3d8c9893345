#include "databasedump.h"

#include "sqlsession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <utility>

namespace {

const int kOpenTimeoutMs = 30000;

QString firstLines(QByteArray text)
{
    QString reason = QString::fromLocal8Bit(text).trimmed();
    reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return reason.left(500);
}

} // namespace

DatabaseDump* DatabaseDump::create(const LocalDescriptor::Service& service, QObject* parent)
{
    if (service.kindValue() == LocalDescriptor::Service::Kind::PostgreSql)
        return new PostgresDump(service, parent);
    return new MariaDbDump(service, parent);
}

QString DatabaseDump::fileName(const LocalDescriptor::Service& service)
{
    return service.name
        + (service.kindValue() == LocalDescriptor::Service::Kind::PostgreSql ? QStringLiteral(".pgdump")
                                                                             : QStringLiteral(".sql"));
}

DatabaseDump::DatabaseDump(const LocalDescriptor::Service& service, QObject* parent)
    : QObject(parent)
    , m_access(service)
{ }

DatabaseDump::~DatabaseDump()
{
    if (m_tool && m_tool->state() != QProcess::NotRunning) {
        m_tool->kill();
        m_tool->waitForFinished(2000);
    }
}

QString DatabaseDump::ensureSession()
{
    if (m_session)
        return QString();
    if (const QString error = m_access.prepare(); !error.isEmpty())
        return error;
    m_session = new SqlSession(m_access, this);
    m_session->start();
    return QString();
}

void DatabaseDump::startSession(Done done)
{
    if (const QString error = ensureSession(); !error.isEmpty())
        return done(error);
    m_session->query(QStringLiteral("SELECT 1;"), [this, done](const SqlSession::Rows&, const QString& error) {
        done(error.isEmpty() ? QString() : failed(tr("Connecting"), error));
    });
}

void DatabaseDump::abort()
{
    if (m_tool && m_tool->state() != QProcess::NotRunning) {
        m_tool->kill();
        m_tool->waitForFinished(2000);
    }
    if (m_session)
        m_session->abort();
}

QJsonObject DatabaseDump::manifest() const
{
    const LocalDescriptor::Service& s = m_access.service();
    return QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("kind"), s.kind},
        {QStringLiteral("database"), s.database}, {QStringLiteral("server_version"), m_version},
        {QStringLiteral("tables"), m_tables}, {QStringLiteral("staged"), m_file}};
}

QString DatabaseDump::failed(const QString& step, const QString& reason) const
{
    return tr("%1 of service %2 failed (%3): %4").arg(step, m_access.service().name, m_access.describe(), reason);
}

void DatabaseDump::runTool(const QString& tool, const QStringList& args, Done done)
{
    auto* process = new QProcess(this);
    m_tool = process;
    m_access.setUp(*process, tool, args);
    process->setStandardOutputFile(QProcess::nullDevice());
    connect(process, &QProcess::finished, this, [process, done](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        if (status == QProcess::NormalExit && code == 0)
            return done(QString());
        done(firstLines(process->readAllStandardError()));
    });
    connect(process, &QProcess::errorOccurred, this, [process, tool, done](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        done(tr("%1 could not be started (is it installed?)").arg(tool));
    });
    process->start();
}

// --- PostgreSQL ---

PostgresDump::PostgresDump(const LocalDescriptor::Service& service, QObject* parent)
    : DatabaseDump(service, parent)
{ }

void PostgresDump::open(const QString& file, Done done)
{
    m_file = file;
    if (const QString error = ensureSession(); !error.isEmpty())
        return done(error);
    // REPEATABLE READ: every statement of the transaction sees the snapshot of its first one, and
    // pg_export_snapshot() lets pg_dump (another connection) see that very snapshot while this transaction lasts.
    m_session->query(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"
                                    "SELECT current_setting('server_version'), pg_export_snapshot();"),
        [this, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(tr("Exporting a snapshot"), error));
            if (rows.size() != 1 || rows.first().size() != 2)
                return done(failed(tr("Exporting a snapshot"), tr("unexpected answer")));
            m_version = rows.first().at(0);
            m_snapshot = rows.first().at(1);
            done(QString());
        });
}

void PostgresDump::dump(Done done)
{
    // -Fc: pg_restore can later load it in one transaction; --snapshot: exactly the state exported in the pause.
    runTool(QStringLiteral("pg_dump"),
        {QStringLiteral("-w"), QStringLiteral("-Fc"), QStringLiteral("--snapshot=") + m_snapshot,
            QStringLiteral("--file=") + m_file},
        [this, done](const QString& error) {
            if (!error.isEmpty())
                return done(failed(tr("pg_dump"), error));
            // Counted in the exporting transaction: the same snapshot as the dump.
            m_session->query(
                QStringLiteral("SELECT format('%I.%I', table_schema, table_name), (xpath('/row/c/text()', "
                               "query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), "
                               "false, true, '')))[1]::text FROM information_schema.tables WHERE table_type = "
                               "'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1;"),
                [this, done](const SqlSession::Rows& rows, const QString& error) {
                    if (!error.isEmpty())
                        return done(failed(tr("Counting rows"), error));
                    for (const QStringList& row : rows) {
                        if (row.size() == 2)
                            m_tables.append(QJsonObject {
                                {QStringLiteral("name"), row.at(0)}, {QStringLiteral("rows"), row.at(1).toLongLong()}});
                    }
                    m_session->query(QStringLiteral("COMMIT;"), [this, done](const SqlSession::Rows&, const QString&) {
                        m_session->close();
                        done(QString());
                    });
                });
        });
}

// --- MariaDB ---

MariaDbDump::MariaDbDump(const LocalDescriptor::Service& service, QObject* parent)
    : DatabaseDump(service, parent)
{ }

void MariaDbDump::open(const QString& file, Done done)
{
    m_file = file;
    if (const QString error = ensureSession(); !error.isEmpty())
        return done(error);
    // The global read lock stops every commit; a snapshot opened while it is held sees the state at the lock. A
    // transaction begun under it keeps its snapshot after UNLOCK TABLES (which commits nothing here). The tables of
    // engines without transactions (MyISAM, Aria, MEMORY, …) have no snapshot: they are listed under the lock.
    m_session->query(QStringLiteral("SET SESSION lock_wait_timeout = 10;\nFLUSH TABLES WITH READ LOCK;\n"
                                    "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n"
                                    "START TRANSACTION WITH CONSISTENT SNAPSHOT;\nSELECT VERSION(), '';\n"
                                    "SELECT table_name, engine FROM information_schema.tables WHERE table_schema = "
                                    "DATABASE() AND table_type = 'BASE TABLE' AND engine IS NOT NULL AND engine NOT IN "
                                    "('InnoDB', 'RocksDB', 'TokuDB') ORDER BY 1;"),
        [this, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(tr("Locking for a consistent snapshot"), error));
            if (!rows.isEmpty() && !rows.first().isEmpty())
                m_version = rows.first().first();
            QStringList names;
            QStringList described;
            for (qsizetype i = 1; i < rows.size(); ++i) {
                names.append(rows.at(i).value(0));
                described.append(QStringLiteral("%1 (%2)").arg(rows.at(i).value(0), rows.at(i).value(1)));
            }
            if (names.isEmpty())
                return startDump({}, done);
            if (!m_insidePause) {
                m_notes.append(tr("Service %1: %n table(s) without transactions, %2, are read as they are when the "
                                  "dump reaches them, not at the instant of the other tables.",
                    "", int(names.size()))
                                   .arg(m_access.service().name, described.join(QLatin1String(", "))));
                return startDump({}, done);
            }
            // Inside the pause they are dumped while the read lock still holds every writer back, so that they are
            // of the same instant as the rest; the pause grows by their dump (such tables are usually small).
            QElapsedTimer timer;
            timer.start();
            auto* process = new QProcess(this);
            m_tool = process;
            m_access.setUp(*process, QStringLiteral("mariadb-dump"),
                {QStringLiteral("--skip-lock-tables"), QStringLiteral("--triggers"), QStringLiteral("--hex-blob"),
                    QStringLiteral("--result-file=") + m_file},
                QString(), names);
            process->setStandardOutputFile(QProcess::nullDevice());
            connect(process, &QProcess::finished, this,
                [this, process, names, described, timer, done](int code, QProcess::ExitStatus status) {
                    process->deleteLater();
                    if (status != QProcess::NormalExit || code != 0)
                        return done(failed(tr("mariadb-dump"), firstLines(process->readAllStandardError())));
                    m_notes.append(tr("Service %1: dumped %n table(s) without transactions, %2, under the read lock "
                                      "inside the pause in %3 ms.",
                        "", int(names.size()))
                                       .arg(m_access.service().name, described.join(QLatin1String(", ")))
                                       .arg(timer.elapsed()));
                    startDump(names, done);
                });
            connect(process, &QProcess::errorOccurred, this, [this, process, done](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->deleteLater();
                done(failed(tr("mariadb-dump"), tr("mariadb-dump could not be started (is it installed?)")));
            });
            process->start();
        });
}

void MariaDbDump::startDump(const QStringList& dumpedAlready, Done done)
{
    QStringList args {QStringLiteral("--single-transaction"), QStringLiteral("--verbose"), QStringLiteral("--routines"),
        QStringLiteral("--triggers"), QStringLiteral("--hex-blob")};
    for (const QString& table : dumpedAlready)
        args.append(QStringLiteral("--ignore-table=%1.%2").arg(m_access.service().database, table));
    auto* process = new QProcess(this);
    m_tool = process;
    m_access.setUp(*process, QStringLiteral("mariadb-dump"), args);
    // After the tables dumped under the lock, if any: loading the file creates those first.
    process->setStandardOutputFile(m_file, dumpedAlready.isEmpty() ? QIODevice::Truncate : QIODevice::Append);
    auto opened = std::make_shared<bool>(false);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    auto* stderrText = new QByteArray;
    const auto unlock = [this, done, opened, timer](const QString& error) {
        if (*opened)
            return;
        *opened = true;
        timer->deleteLater();
        if (!error.isEmpty())
            return done(failed(tr("mariadb-dump"), error));
        m_session->query(QStringLiteral("UNLOCK TABLES;"), [this, done](const SqlSession::Rows&, const QString& error) {
            done(error.isEmpty() ? QString() : failed(tr("Releasing the read lock"), error));
        });
    };
    // mariadb-dump --verbose writes "-- Starting transaction..." before START TRANSACTION WITH CONSISTENT
    // SNAPSHOT and its next line only after that statement has run: then the dump's snapshot is open.
    connect(process, &QProcess::readyReadStandardError, this, [process, stderrText, unlock] {
        stderrText->append(process->readAllStandardError());
        const qsizetype started = stderrText->indexOf("-- Starting transaction...\n");
        if (started >= 0 && stderrText->indexOf("\n--", started + 1) >= 0)
            unlock(QString());
    });
    connect(
        process, &QProcess::finished, this, [this, process, stderrText, unlock](int code, QProcess::ExitStatus status) {
            stderrText->append(process->readAllStandardError());
            m_dumpFinished = true;
            if (status != QProcess::NormalExit || code != 0)
                m_dumpError = firstLines(*stderrText);
            delete stderrText;
            process->deleteLater();
            unlock(m_dumpError);
            if (m_afterDump)
                std::exchange(m_afterDump, {})(m_dumpError);
        });
    connect(process, &QProcess::errorOccurred, this, [this, unlock](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_dumpFinished = true;
        m_dumpError = tr("mariadb-dump could not be started (is it installed?)");
        unlock(m_dumpError);
    });
    connect(timer, &QTimer::timeout, this, [unlock] { unlock(tr("its snapshot did not open in time")); });
    timer->start(kOpenTimeoutMs);
    process->start();
}

void MariaDbDump::dump(Done done)
{
    const auto afterDump = [this, done](const QString& error) {
        if (!error.isEmpty())
            return done(failed(tr("mariadb-dump"), error));
        countRows(done);
    };
    if (m_dumpFinished)
        afterDump(m_dumpError);
    else
        m_afterDump = afterDump;
}

void MariaDbDump::countRows(Done done)
{
    m_session->query(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                                    "AND table_type = 'BASE TABLE' ORDER BY 1;"),
        [this, done](const SqlSession::Rows& rows, const QString& error) {
            if (!error.isEmpty())
                return done(failed(tr("Counting rows"), error));
            QString counts;
            for (const QStringList& row : rows) {
                QString name = row.value(0);
                const QString quotedName
                    = QLatin1Char('`') + name.replace(QLatin1Char('`'), QLatin1String("``")) + QLatin1Char('`');
                counts += QStringLiteral("SELECT COUNT(*) FROM %1;\n").arg(quotedName);
            }
            const QStringList names = [&rows] {
                QStringList n;
                for (const QStringList& row : rows)
                    n.append(row.value(0));
                return n;
            }();
            // In tidemarkd's snapshot, opened under the same lock as the dump's.
            m_session->query(counts + QStringLiteral("COMMIT;"),
                [this, done, names](const SqlSession::Rows& counted, const QString& error) {
                    if (!error.isEmpty())
                        return done(failed(tr("Counting rows"), error));
                    for (qsizetype i = 0; i < names.size() && i < counted.size(); ++i)
                        m_tables.append(QJsonObject {{QStringLiteral("name"), names.at(i)},
                            {QStringLiteral("rows"), counted.at(i).value(0).toLongLong()}});
                    m_session->close();
                    done(QString());
                });
        });
}
