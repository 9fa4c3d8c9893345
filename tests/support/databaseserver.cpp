#include "databaseserver.h"

#include "childserver.h"

#include <algorithm>
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <unistd.h>

namespace {

const int kStartTimeoutMs = 60000;
const int kStopTimeoutMs = 15000;

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

} // namespace

DatabaseServer::DatabaseServer() = default;

DatabaseServer::~DatabaseServer() = default;

bool DatabaseServer::prepare()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    // The server user must reach its data directory and socket inside the test's temporary directory.
    QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    m_port = ChildServer::freePort();
    if (m_port == 0) {
        m_error = QStringLiteral("no free port");
        return false;
    }
    m_password = QStringLiteral("pw-") + QString::number(QRandomGenerator::global()->generate64(), 36);
    m_passwordFile = m_dir.filePath(QStringLiteral("password"));
    QFile file(m_passwordFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toUtf8() + '\n') < 0) {
        m_error = QStringLiteral("password file not written");
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

bool DatabaseServer::chownToServerUser(const QString& path) const
{
    if (!runningAsRoot())
        return true;
    const passwd* nobody = ::getpwnam("nobody");
    return nobody && ::chown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid) == 0;
}

QStringList DatabaseServer::asServerUser(const QString& program, const QStringList& args, QString* runAs) const
{
    if (!runningAsRoot()) {
        *runAs = program;
        return args;
    }
    // setpriv executes the program in its own process (no fork, unlike su/runuser): the PID is the server's.
    *runAs = QStringLiteral("setpriv");
    return QStringList {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
               QStringLiteral("--clear-groups"), QStringLiteral("--"), program}
    + args;
}

bool DatabaseServer::waitForReady(const std::function<bool()>& ready, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("the server exited: ") + QString::fromLocal8Bit(m_process->readAll().right(2000));
            return false;
        }
        if (ready())
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("the server did not become ready in time");
    return false;
}

QByteArray DatabaseServer::runClient(
    const QString& program, const QStringList& args, const QByteArray& input, bool* ok, int timeoutMs)
{
    QProcess client;
    client.start(program, args);
    bool good = client.waitForStarted(10000);
    if (good) {
        client.write(input);
        client.closeWriteChannel();
        good = client.waitForFinished(timeoutMs);
        if (!good) {
            client.kill();
            client.waitForFinished(5000);
        }
    }
    good = good && client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0;
    if (!good)
        m_error = QString::fromLocal8Bit(client.readAllStandardError()).trimmed();
    if (ok)
        *ok = good;
    return good ? client.readAllStandardOutput() : QByteArray();
}

void DatabaseServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(kStopTimeoutMs))
        kill();
}

void DatabaseServer::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
}

QByteArray DatabaseServer::serviceJson(const QString& name, const QString& database) const
{
    return QJsonDocument(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("kind"), kind()},
                             {QStringLiteral("host"), host()}, {QStringLiteral("port"), int(m_port)},
                             {QStringLiteral("database"), database.isEmpty() ? m_database : database},
                             {QStringLiteral("user"), m_user}, {QStringLiteral("password_file"), m_passwordFile}})
        .toJson(QJsonDocument::Compact);
}

// --- PostgreSQL ---

QString PostgresServer::binary(const QString& name)
{
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(
        versions.begin(), versions.end(), [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
    if (versions.isEmpty())
        return name;
    return QStringLiteral("/usr/lib/postgresql/") + versions.last() + QStringLiteral("/bin/") + name;
}

PostgresServer::~PostgresServer()
{
    stop();
}

bool PostgresServer::start()
{
    if (!prepare())
        return false;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const QString sockets = m_dir.filePath(QStringLiteral("run"));
    const QString superPassword = m_dir.filePath(QStringLiteral("superpassword"));
    QFile super(superPassword);
    if (!super.open(QIODevice::WriteOnly) || super.write("postgres\n") < 0) {
        m_error = QStringLiteral("superuser password file not written");
        return false;
    }
    super.close();
    if (!QDir().mkpath(data) || !QDir().mkpath(sockets) || !chownToServerUser(data) || !chownToServerUser(sockets)
        || !chownToServerUser(superPassword)) {
        m_error = QStringLiteral("data directory not prepared");
        return false;
    }
    m_socketPath = sockets + QStringLiteral("/.s.PGSQL.") + QString::number(m_port);

    QString program;
    QStringList args = asServerUser(binary(QStringLiteral("initdb")),
        {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--pwfile"),
            superPassword, QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
            QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
        &program);
    bool ok = false;
    runClient(program, args, {}, &ok, kStartTimeoutMs);
    if (!ok) {
        m_error = QStringLiteral("initdb failed: ") + m_error;
        return false;
    }
    args = asServerUser(binary(QStringLiteral("postgres")),
        {QStringLiteral("-D"), data, QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"), sockets,
            QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-c"), QStringLiteral("fsync=off"),
            QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"), QStringLiteral("-c"),
            QStringLiteral("full_page_writes=off"), QStringLiteral("-c"), QStringLiteral("shared_buffers=32MB")},
        &program);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(program, args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("postgres did not start");
        return false;
    }
    const QString isReady = binary(QStringLiteral("pg_isready"));
    const QStringList readyArgs {
        QStringLiteral("-q"), QStringLiteral("-h"), sockets, QStringLiteral("-p"), QString::number(m_port)};
    if (!waitForReady([&] { return QProcess::execute(isReady, readyArgs) == 0; }, kStartTimeoutMs))
        return false;
    const QString escaped = QString(m_password).replace(QLatin1Char('\''), QStringLiteral("''"));
    sql(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2';").arg(m_user, escaped), &ok, QStringLiteral("postgres"));
    if (ok)
        sql(QStringLiteral("CREATE DATABASE %1 OWNER %2;").arg(m_database, m_user), &ok, QStringLiteral("postgres"));
    if (!ok)
        m_error = QStringLiteral("user and database not created: ") + m_error;
    return ok;
}

QByteArray PostgresServer::sql(const QString& statements, bool* ok, const QString& database)
{
    const QString sockets = QFileInfo(m_socketPath).path();
    return runClient(binary(QStringLiteral("psql")),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-F"),
            QStringLiteral("\t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
            sockets, QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
            QStringLiteral("-d"), database.isEmpty() ? m_database : database},
        statements.toUtf8(), ok);
}

// --- MariaDB ---

MariaDbServer::~MariaDbServer()
{
    stop();
}

bool MariaDbServer::start()
{
    if (!prepare())
        return false;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    const QString run = m_dir.filePath(QStringLiteral("run"));
    const QString tmp = m_dir.filePath(QStringLiteral("tmp"));
    if (!QDir().mkpath(data) || !QDir().mkpath(run) || !QDir().mkpath(tmp) || !chownToServerUser(data)
        || !chownToServerUser(run) || !chownToServerUser(tmp)) {
        m_error = QStringLiteral("data directory not prepared");
        return false;
    }
    m_socketPath = run + QStringLiteral("/mysqld.sock");
    // Its own temporary directory: the shared /tmp is cleaned by other tests running at the same time, and a
    // temporary table of the bootstrap that vanishes there aborts it.
    QStringList common {
        QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data, QStringLiteral("--tmpdir=") + tmp};
    QStringList installArgs = common
        + QStringList {QStringLiteral("--auth-root-authentication-method=normal"), QStringLiteral("--skip-test-db")};
    if (runningAsRoot())
        installArgs.append(QStringLiteral("--user=nobody"));
    bool ok = false;
    runClient(QStringLiteral("mariadb-install-db"), installArgs, {}, &ok, kStartTimeoutMs);
    if (!ok) {
        m_error = QStringLiteral("mariadb-install-db failed: ") + m_error;
        return false;
    }
    QStringList args = common
        + QStringList {QStringLiteral("--port=") + QString::number(m_port), QStringLiteral("--socket=") + m_socketPath,
            QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--pid-file=") + run + QStringLiteral("/pid"),
            QStringLiteral("--skip-log-bin"), QStringLiteral("--innodb-buffer-pool-size=32M"),
            QStringLiteral("--innodb-log-file-size=16M"), QStringLiteral("--innodb-flush-log-at-trx-commit=2"),
            QStringLiteral("--skip-name-resolve"), QStringLiteral("--log-error=") + run + QStringLiteral("/error.log")};
    if (runningAsRoot())
        args.append(QStringLiteral("--user=nobody")); // mariadbd changes its user itself, keeping its PID
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("mariadbd"), args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("mariadbd did not start");
        return false;
    }
    if (!waitForReady(
            [&] {
                bool up = false;
                sql(QStringLiteral("SELECT 1;"), &up, QStringLiteral("mysql"));
                return up;
            },
            kStartTimeoutMs)) {
        QFile log(run + QStringLiteral("/error.log"));
        if (log.open(QIODevice::ReadOnly))
            m_error += QStringLiteral(": ") + QString::fromLocal8Bit(log.readAll().right(2000));
        return false;
    }
    const QString escaped = QString(m_password).replace(QLatin1Char('\''), QStringLiteral("''"));
    // RELOAD: FLUSH TABLES WITH READ LOCK during a consistent backup; the rest: a restore's scratch schema and swap.
    sql(QStringLiteral(
            "CREATE DATABASE %1; CREATE USER '%2'@'127.0.0.1' IDENTIFIED BY '%3'; "
            "CREATE USER '%2'@'localhost' IDENTIFIED BY '%3'; "
            "GRANT ALL PRIVILEGES ON *.* TO '%2'@'127.0.0.1'; GRANT ALL PRIVILEGES ON *.* TO '%2'@'localhost';")
            .arg(m_database, m_user, escaped),
        &ok, QStringLiteral("mysql"));
    if (!ok)
        m_error = QStringLiteral("user and database not created: ") + m_error;
    return ok;
}

QByteArray MariaDbServer::sql(const QString& statements, bool* ok, const QString& database)
{
    return runClient(QStringLiteral("mariadb"),
        {QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + m_socketPath, QStringLiteral("-u"),
            QStringLiteral("root"), QStringLiteral("--batch"), QStringLiteral("--skip-column-names"),
            QStringLiteral("--connect-timeout=5"), database.isEmpty() ? m_database : database},
        statements.toUtf8(), ok);
}
