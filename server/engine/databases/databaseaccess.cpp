#include "databaseaccess.h"

#include <csignal>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/prctl.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseAccess)
};

const qint64 kMaxPasswordBytes = 4096;

// Where libpq looks for a socket: a directory and a port. A descriptor may name the socket file itself.
void postgresSocket(const QString& socket, QString* directory, QString* port)
{
    const QFileInfo info(socket);
    if (info.fileName().startsWith(QLatin1String(".s.PGSQL."))) {
        *directory = info.path();
        *port = info.fileName().mid(9);
    } else {
        *directory = socket;
    }
}

} // namespace

DatabaseAccess::DatabaseAccess(const LocalDescriptor::Service& service)
    : m_service(service)
{ }

DatabaseAccess::~DatabaseAccess() = default;

QString DatabaseAccess::prepare()
{
    QFile file(m_service.passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return Tr::tr("The password file of service %1 cannot be read.").arg(m_service.name);
    const QByteArray content = file.read(kMaxPasswordBytes + 1);
    if (content.size() > kMaxPasswordBytes)
        return Tr::tr("The password file of service %1 is too large.").arg(m_service.name);
    // The first line, without its line end: what `echo secret > file` writes.
    m_password = QString::fromUtf8(content.left(content.indexOf('\n') < 0 ? content.size() : content.indexOf('\n')));
    if (m_password.endsWith(QLatin1Char('\r')))
        m_password.chop(1);
    if (m_service.kindValue() != LocalDescriptor::Service::Kind::MariaDb)
        return QString();
    m_optionDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/tidemark-db-XXXXXX"));
    if (!m_optionDir->isValid())
        return Tr::tr("A private temporary directory could not be created.");
    m_optionFile = m_optionDir->filePath(QStringLiteral("client.cnf"));
    QFile options(m_optionFile);
    if (!options.open(QIODevice::WriteOnly))
        return Tr::tr("A private temporary file could not be created.");
    options.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString quoted = m_password;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    if (options.write("[client]\npassword=\"" + quoted.toUtf8() + "\"\n") < 0 || !options.flush())
        return Tr::tr("A private temporary file could not be written.");
    return QString();
}

void DatabaseAccess::setUp(QProcess& process, const QString& tool, const QStringList& args, const QString& database,
    const QStringList& trailing) const
{
    const QString db = database.isEmpty() ? m_service.database : database;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList all;
    if (m_service.kindValue() == LocalDescriptor::Service::Kind::PostgreSql) {
        environment.insert(QStringLiteral("PGPASSWORD"), m_password);
        environment.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QString::number(kConnectTimeoutSeconds));
        environment.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("tidemarkd"));
        environment.remove(QStringLiteral("PGSERVICE"));
        environment.remove(QStringLiteral("PGPASSFILE"));
        QString host = m_service.host;
        QString port = QString::number(m_service.effectivePort());
        if (!m_service.socket.isEmpty())
            postgresSocket(m_service.socket, &host, &port);
        all = QStringList {
            QStringLiteral("-h"), host, QStringLiteral("-p"), port, QStringLiteral("-U"), m_service.user};
        all += args;
        all += QStringList {QStringLiteral("--dbname"), db};
    } else {
        // The option file must come first; --no-defaults is implied by naming only this one.
        all = QStringList {
            QStringLiteral("--defaults-file=") + m_optionFile, QStringLiteral("--user=") + m_service.user};
        // mariadb-dump has no --connect-timeout; the client is bounded by it.
        if (!tool.endsWith(QLatin1String("-dump")))
            all.append(QStringLiteral("--connect-timeout=") + QString::number(kConnectTimeoutSeconds));
        if (!m_service.socket.isEmpty()) {
            all += QStringList {QStringLiteral("--protocol=SOCKET"), QStringLiteral("--socket=") + m_service.socket};
        } else {
            all += QStringList {QStringLiteral("--protocol=TCP"), QStringLiteral("--host=") + m_service.host,
                QStringLiteral("--port=") + QString::number(m_service.effectivePort())};
        }
        all += args;
        all.append(db);
        all += trailing;
    }
    process.setProcessEnvironment(environment);
    // A tool outlives a tidemarkd killed with -9 otherwise: a dump would go on writing, a load would go on loading
    // into a scratch schema that the next restore reuses. Killed with it, a load's transaction is rolled back.
    dieWithParent(process);
    process.setProgram(tool);
    process.setArguments(all);
}

void DatabaseAccess::dieWithParent(QProcess& process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

QString DatabaseAccess::describe() const
{
    const QString where = m_service.socket.isEmpty()
        ? m_service.host + QLatin1Char(':') + QString::number(m_service.effectivePort())
        : m_service.socket;
    return m_service.kindValue() == LocalDescriptor::Service::Kind::PostgreSql
        ? Tr::tr("PostgreSQL server %1 (database %2)").arg(where, m_service.database)
        : Tr::tr("MariaDB server %1 (database %2)").arg(where, m_service.database);
}

QString DatabaseAccess::check(const LocalDescriptor::Service& service)
{
    DatabaseAccess access(service);
    if (const QString error = access.prepare(); !error.isEmpty())
        return error;
    QProcess client;
    if (service.kindValue() == LocalDescriptor::Service::Kind::PostgreSql) {
        access.setUp(client, QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                QStringLiteral("-w"), QStringLiteral("-c"), QStringLiteral("SELECT 1")});
    } else {
        access.setUp(client, QStringLiteral("mariadb"),
            {QStringLiteral("--batch"), QStringLiteral("--skip-column-names"), QStringLiteral("--execute=SELECT 1")});
    }
    client.start();
    if (!client.waitForStarted(5000))
        return Tr::tr("The client for %1 could not be started (is it installed?).").arg(access.describe());
    if (!client.waitForFinished((kConnectTimeoutSeconds + 5) * 1000)) {
        client.kill();
        client.waitForFinished(2000);
        return Tr::tr("%1 did not answer in time.").arg(access.describe());
    }
    if (client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0)
        return QString();
    // The client's own words say which: connection refused, authentication failed, database does not exist.
    QString reason = QString::fromLocal8Bit(client.readAllStandardError()).trimmed();
    reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return Tr::tr("%1 cannot be used: %2").arg(access.describe(), reason.left(500));
}
