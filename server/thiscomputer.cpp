#include "thiscomputer.h"

#include <atomic>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTcpServer>

namespace {

const QString kChoiceKey = QStringLiteral("thisComputer/runInBackground");
// The service's token of one console: each has its own, revoked when it ends. The PID tells consoles apart, the
// count ThisComputer objects of one process (tests).
QString serviceTokenName()
{
    static std::atomic_int made {0};
    const int n = ++made;
    return n == 1
        ? QStringLiteral("console (this computer, pid %1)").arg(QCoreApplication::applicationPid())
        : QStringLiteral("console (this computer, pid %1 #%2)").arg(QCoreApplication::applicationPid()).arg(n);
}
constexpr int kProbeIntervalMs = 200;
constexpr int kProbeAttempts = 100; // 20 s for a service that starts: the store migrates, the demo is made
constexpr int kTokenTimeoutMs = 30000;

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

ThisComputer::ThisComputer(const QString& dataDirectory, const QString& tidemarkd, QObject* parent)
    : LocalServer(parent)
    , m_dataDirectory(dataDirectory)
    , m_tidemarkd(tidemarkd)
    , m_embedded(dataDirectory)
    , m_service(QStringLiteral("tidemarkd.service"))
    , m_tokenName(serviceTokenName())
{
    connect(&m_embedded, &LocalServer::started, this, &LocalServer::started);
    connect(&m_embedded, &LocalServer::failed, this, &LocalServer::failed);
    connect(&m_service, &SystemdUserService::availabilityChecked, this, &ThisComputer::checked);
    connect(&m_service, &SystemdUserService::installed, this, [this](bool ok, const QString& error) {
        if (!m_serviceStarting)
            return;
        if (!ok) {
            fallBack(error);
            return;
        }
        const QString listen
            = SystemdUserService::execStartOption(m_service.installedUnit(), QStringLiteral("--listen"));
        waitForService(QUrl(QStringLiteral("http://") + listen), kProbeAttempts);
    });
}

ThisComputer::~ThisComputer()
{
    // Detached: the console does not wait for it on its way out, and a console that crashed leaves a token whose
    // value died with it.
    if (m_serviceRunning && !m_tidemarkd.isEmpty())
        QProcess::startDetached(m_tidemarkd,
            {QStringLiteral("--data-dir"), m_dataDirectory, QStringLiteral("token"), QStringLiteral("revoke"),
                m_tokenName});
}

void ThisComputer::setUnitName(const QString& name)
{
    m_service.setUnitName(name);
}

void ThisComputer::setSystemctlProgram(const QString& program)
{
    m_service.setSystemctlProgram(program);
}

std::optional<bool> ThisComputer::backgroundChoice()
{
    const QVariant value = QSettings().value(kChoiceKey);
    return value.isValid() ? std::optional(value.toBool()) : std::nullopt;
}

bool ThisComputer::isRunning() const
{
    return m_serviceRunning || m_embedded.isRunning();
}

QStringList ThisComputer::serviceArguments(quint16 port) const
{
    // The embedded server's options (EmbeddedServer::start): the user's home and the demo's environments, hooks
    // through the API, the demo project on first start.
    return {QStringLiteral("--data-dir"), m_dataDirectory, QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--demo"), QStringLiteral("--environment-root"),
        QDir::homePath(), QStringLiteral("--allow-api-hooks")};
}

void ThisComputer::start()
{
    if (isRunning() || m_serviceStarting || m_switching)
        return;
    m_startWanted = true;
    if (!m_available) {
        if (!m_checking) {
            m_checking = true;
            m_service.checkAvailable();
        }
        return;
    }
    proceed();
}

void ThisComputer::checked(bool available, const QString& reason)
{
    m_checking = false;
    m_available = available && !m_tidemarkd.isEmpty();
    if (available && m_tidemarkd.isEmpty())
        m_reason = tr("tidemarkd is not installed beside the console.");
    else
        m_reason = available ? QString() : reason;
    emit backgroundChecked();
    if (m_startWanted)
        proceed();
}

void ThisComputer::proceed()
{
    m_startWanted = false;
    const std::optional<bool> choice = backgroundChoice();
    if (canRunInBackground() && !choice) {
        emit backgroundOffered();
        return;
    }
    if (canRunInBackground() && *choice)
        startService();
    else
        startEmbedded();
}

void ThisComputer::setRunInBackground(bool background)
{
    QSettings().setValue(kChoiceKey, background);
    if (background) {
        if (!canRunInBackground()) {
            startEmbedded();
            return;
        }
        if (m_serviceRunning || m_serviceStarting)
            return;
        if (m_embedded.isRunning()) {
            // Never two servers on one data directory: the embedded one is gone before the service starts.
            m_switching = true;
            auto* context = new QObject(this);
            connect(&m_embedded, &EmbeddedServer::stopped, context, [this, context] {
                context->deleteLater();
                m_switching = false;
                startService();
            });
            m_embedded.stop();
            return;
        }
        startService();
        return;
    }
    if (m_embedded.isRunning())
        return;
    if (!SystemdUserService::isOwnUnit(m_service.installedUnit())) {
        // Nothing of ours in systemd (a unit written by hand is not ours to stop).
        m_serviceRunning = false;
        startEmbedded();
        return;
    }
    m_serviceRunning = false;
    m_serviceStarting = false;
    m_switching = true;
    auto* context = new QObject(this);
    connect(&m_service, &SystemdUserService::removed, context, [this, context](bool ok, const QString& error) {
        context->deleteLater();
        m_switching = false;
        if (!ok) {
            // The service may still run on the data directory: starting a second server there is not safe.
            emit failed(tr("The background service could not be stopped: %1").arg(error));
            return;
        }
        emit backgroundChecked();
        startEmbedded();
    });
    m_service.remove();
}

void ThisComputer::startEmbedded()
{
    emit backgroundChecked();
    m_embedded.start();
}

void ThisComputer::startService()
{
    m_serviceStarting = true;
    const QByteArray existing = m_service.installedUnit();
    quint16 port = 0;
    if (SystemdUserService::isOwnUnit(existing))
        port = quint16(SystemdUserService::execStartOption(existing, QStringLiteral("--listen"))
                           .section(QLatin1Char(':'), -1)
                           .toUInt());
    if (port == 0)
        port = freePort();
    if (port == 0) {
        fallBack(tr("no free port on 127.0.0.1."));
        return;
    }
    QFile templateFile(QStringLiteral(":/thiscomputer/tidemarkd.service"));
    templateFile.open(QIODevice::ReadOnly);
    m_service.install(SystemdUserService::unitText(templateFile.readAll(), m_tidemarkd, serviceArguments(port)));
}

void ThisComputer::waitForService(const QUrl& url, int attemptsLeft)
{
    if (!m_serviceStarting)
        return;
    auto* socket = new QTcpSocket(this);
    m_probe = socket;
    connect(socket, &QTcpSocket::connected, this, [this, socket, url] {
        socket->abort();
        socket->deleteLater();
        createToken(url);
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, url, attemptsLeft] {
        socket->deleteLater();
        if (attemptsLeft <= 1) {
            fallBack(tr("it did not answer at %1.").arg(url.toString()));
            return;
        }
        QTimer::singleShot(
            kProbeIntervalMs, this, [this, url, attemptsLeft] { waitForService(url, attemptsLeft - 1); });
    });
    socket->connectToHost(url.host(), quint16(url.port()));
}

void ThisComputer::createToken(const QUrl& url)
{
    // A token of this name left by an earlier process with the same PID is revoked first (a missing one is no error),
    // then a new one made: `tidemarkd token …` works on the store while the service runs (SQLite in WAL mode).
    const QString dataDir = m_dataDirectory;
    auto* revoke = new QProcess(this);
    connect(revoke, &QProcess::finished, this, [this, revoke, url, dataDir] {
        revoke->deleteLater();
        auto* create = new QProcess(this);
        create->setProcessChannelMode(QProcess::SeparateChannels);
        auto* timer = new QTimer(create);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, create, [create] { create->kill(); });
        connect(create, &QProcess::errorOccurred, this, [this, create](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            create->deleteLater();
            fallBack(tr("%1 did not start: %2").arg(m_tidemarkd, create->errorString()));
        });
        connect(create, &QProcess::finished, this, [this, create, url](int code, QProcess::ExitStatus status) {
            create->deleteLater();
            const QString token = QString::fromUtf8(create->readAllStandardOutput()).trimmed();
            if (status != QProcess::NormalExit || code != 0 || token.isEmpty()) {
                fallBack(tr("no API token for the console: %1")
                             .arg(QString::fromLocal8Bit(create->readAllStandardError()).trimmed()));
                return;
            }
            m_serviceStarting = false;
            m_serviceRunning = true;
            m_reason.clear();
            emit backgroundChecked();
            emit started(url, token);
        });
        timer->start(kTokenTimeoutMs);
        create->start(m_tidemarkd,
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("token"), QStringLiteral("create"),
                QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--name"), m_tokenName});
    });
    connect(revoke, &QProcess::errorOccurred, this, [revoke](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit revoke->finished(-1, QProcess::CrashExit);
    });
    revoke->start(m_tidemarkd,
        {QStringLiteral("--data-dir"), dataDir, QStringLiteral("token"), QStringLiteral("revoke"), m_tokenName});
}

void ThisComputer::fallBack(const QString& why)
{
    m_serviceStarting = false;
    m_serviceRunning = false;
    m_reason = tr("The background service did not start: %1").arg(why);
    // A unit that runs but could not be used is stopped: two servers on one data directory are not safe.
    if (SystemdUserService::isOwnUnit(m_service.installedUnit())) {
        m_switching = true;
        auto* context = new QObject(this);
        connect(&m_service, &SystemdUserService::removed, context, [this, context](bool ok, const QString& error) {
            context->deleteLater();
            m_switching = false;
            if (!ok) {
                emit backgroundChecked();
                emit failed(tr("%1 It could not be stopped either: %2").arg(m_reason, error));
                return;
            }
            startEmbedded();
        });
        m_service.remove();
        return;
    }
    startEmbedded();
}
