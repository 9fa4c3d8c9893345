#include "sqlsession.h"

#include "databaseaccess.h"

#include <QPointer>

SqlSession::SqlSession(const DatabaseAccess& access, QObject* parent)
    : QObject(parent)
    , m_postgres(access.service().kindValue() == LocalDescriptor::Service::Kind::PostgreSql)
{
    if (m_postgres) {
        access.setUp(m_process, QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-w"), QStringLiteral("-F"), QStringLiteral("\t"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1")});
    } else {
        // --unbuffered: each result is written out at once, not when the pipe's buffer fills.
        access.setUp(m_process, QStringLiteral("mariadb"),
            {QStringLiteral("--batch"), QStringLiteral("--skip-column-names"), QStringLiteral("--unbuffered"),
                QStringLiteral("--raw")});
    }
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SqlSession::onOutput);
    connect(&m_process, &QProcess::finished, this, [this] {
        onOutput();
        QString reason = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
        failAll(reason.isEmpty() ? tr("the database client ended") : reason.left(500));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            failAll(tr("the database client could not be started (is it installed?)"));
    });
}

SqlSession::~SqlSession()
{
    m_pending.clear();
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void SqlSession::start()
{
    m_process.start();
}

void SqlSession::query(const QString& statements, Callback done)
{
    if (!m_error.isEmpty()) {
        done({}, m_error);
        return;
    }
    const QByteArray marker = "tidemark-end-" + QByteArray::number(++m_next);
    m_pending.enqueue({marker, std::move(done)});
    // psql writes \echo's line and flushes it after the statements before it have run; mariadb prints the row.
    const QByteArray echo
        = m_postgres ? QByteArray("\\echo " + marker + '\n') : QByteArray("SELECT '" + marker + "';\n");
    m_process.write(statements.toUtf8() + '\n' + echo);
}

void SqlSession::close()
{
    m_pending.clear();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void SqlSession::abort()
{
    m_pending.clear();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(2000);
}

void SqlSession::onOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    while (!m_pending.isEmpty()) {
        const QByteArray marker = '\n' + m_pending.head().marker + '\n';
        const QByteArray framed = '\n' + m_buffer;
        const qsizetype at = framed.indexOf(marker);
        if (at < 0)
            return;
        const QByteArray block = framed.mid(1, qMax<qsizetype>(0, at - 1)); // the rows before the marker
        m_buffer = framed.mid(at + marker.size());
        Rows rows;
        for (const QByteArray& line : block.split('\n')) {
            if (!line.isEmpty())
                rows.append(QString::fromUtf8(line).split(QLatin1Char('\t')));
        }
        const Pending pending = m_pending.dequeue();
        QPointer<SqlSession> alive(this);
        pending.done(rows, QString());
        if (!alive)
            return;
    }
}

void SqlSession::failAll(const QString& error)
{
    if (m_error.isEmpty())
        m_error = error;
    QPointer<SqlSession> alive(this);
    while (alive && !m_pending.isEmpty()) {
        const Pending pending = m_pending.dequeue();
        pending.done({}, m_error);
    }
}
