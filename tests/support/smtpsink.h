#pragma once

#include <memory>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A mail server for tests: Debian's aiosmtpd (smtpsink.py) on 127.0.0.1 on a free port, offering STARTTLS with a
// test certificate made by openssl (certificateFile() is what a client trusts) and checking AUTH against a user and
// password when set. Every message it accepts is kept as a file; messages() reads them. Waits are bounded; stop()
// ends it by its PID.
class SmtpSink
{
public:
    SmtpSink();
    ~SmtpSink();

    // Before start(): require AUTH with these (after STARTTLS).
    void setCredentials(const QString& user, const QString& password);
    // Before start(): TLS from the first byte (SMTPS, port 465 style) instead of STARTTLS.
    void setImplicitTls(bool implicit) { m_implicitTls = implicit; }
    bool start();
    void stop();

    quint16 port() const { return m_port; }
    QString certificateFile() const;
    QString error() const { return m_error; }
    // [{"mail_from", "rcpt_tos", "data", "tls", "user"}], in the order they arrived.
    QJsonArray messages() const;

private:
    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_user;
    QString m_password;
    QString m_error;
    bool m_implicitTls = false;
};
