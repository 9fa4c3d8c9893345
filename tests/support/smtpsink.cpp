#include "smtpsink.h"

#include "childserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

void SmtpSink::setCredentials(const QString& user, const QString& password)
{
    m_user = user;
    m_password = password;
}

QString SmtpSink::certificateFile() const
{
    return m_directory.filePath(QStringLiteral("cert.pem"));
}

bool SmtpSink::start()
{
    stop();
    if (!m_directory.isValid()) {
        m_error = QStringLiteral("no temporary directory for the mail sink");
        return false;
    }
    QDir(m_directory.path()).mkpath(QStringLiteral("mail"));
    if (!QFile::exists(certificateFile())) {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                m_directory.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), certificateFile()});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
            m_error = QStringLiteral("openssl could not make a test certificate: ")
                + QString::fromUtf8(openssl.readAllStandardError());
            return false;
        }
    }
    if (m_port == 0)
        m_port = ChildServer::freePort();
    QStringList arguments {QStringLiteral(TIDEMARK_TEST_SUPPORT_DIR "/smtpsink.py"), QStringLiteral("--port"),
        QString::number(m_port), QStringLiteral("--outdir"), m_directory.filePath(QStringLiteral("mail")),
        QStringLiteral("--cert"), certificateFile(), QStringLiteral("--key"),
        m_directory.filePath(QStringLiteral("key.pem")),
        m_implicitTls ? QStringLiteral("--implicit-tls") : QStringLiteral("--require-tls")};
    if (!m_user.isEmpty())
        arguments << QStringLiteral("--user") << m_user << QStringLiteral("--password") << m_password;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Debian's interpreter, where python3-aiosmtpd is installed (not whichever python3 comes first in PATH).
    m_process->start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("python3 did not start: ") + m_process->errorString();
        return false;
    }
    QByteArray output;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        output += m_process->readAll();
        if (output.contains("ready\n"))
            return true;
    }
    output += m_process->readAll();
    m_error = QStringLiteral("the mail sink did not start (is python3-aiosmtpd installed? scripts/install-deps.sh): ")
        + QString::fromUtf8(output);
    stop();
    return false;
}

void SmtpSink::stop()
{
    ChildServer::stop(m_process);
}

QJsonArray SmtpSink::messages() const
{
    QJsonArray out;
    const QDir dir(m_directory.filePath(QStringLiteral("mail")));
    QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return a.section(QLatin1Char('.'), 0, 0).toInt() < b.section(QLatin1Char('.'), 0, 0).toInt();
    });
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            out.append(QJsonDocument::fromJson(file.readAll()).object());
    }
    return out;
}
