#pragma once

#include <memory>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// An SFTP target on 127.0.0.1, for tests: Debian's sshd on a free port with a generated host key and a generated
// user key, serving the files of the user who runs the test. Waits are bounded; stop() ends it by its PID.
//
// restic reaches SFTP through the `ssh` program on PATH; binDirectory() holds an `ssh` that runs the real one with
// this server's client configuration (port, key, known host), so a process started with it first on PATH reaches
// `sftp:tidemark-test:<path>` without touching the user's own ~/.ssh.
class SshServer
{
public:
    SshServer();
    ~SshServer();

    bool start();
    void stop();

    // sftp:tidemark-test:<directory>/<path>
    QString location(const QString& path = QStringLiteral("copy")) const;
    QString binDirectory() const { return m_directory.path() + QStringLiteral("/bin"); }
    // A PATH with binDirectory() first.
    QString path() const;
    QString directory() const { return m_directory.path() + QStringLiteral("/files"); }
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    bool run(const QString& program, const QStringList& arguments);

    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};
