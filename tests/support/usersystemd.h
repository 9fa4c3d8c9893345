#pragma once

// A systemd user manager of the test's own, for what the console does with `systemctl --user` on a desktop.
//
// Machines without systemd as their init (containers, CI) have no user instance, and `systemd --user` refuses to
// start where /run/systemd/system is missing. The manager is therefore started in a private mount namespace
// (`unshare --mount`, root or an unprivileged user namespace) whose /run/systemd is a fresh tmpfs holding that
// directory; nothing outside the namespace changes. It gets a temporary XDG_RUNTIME_DIR (where systemctl finds its
// socket) and XDG_CONFIG_HOME (where it reads units), and start() points this process's environment at both, so
// every `systemctl --user` the test or the console runs talks to it. The manager is stopped by its PID, which
// stops every unit it started.
#include <memory>
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

class UserSystemd
{
public:
    UserSystemd();
    ~UserSystemd();
    UserSystemd(const UserSystemd&) = delete;
    UserSystemd& operator=(const UserSystemd&) = delete;

    // Starts the manager and waits (bounded) until its SystemState (`systemctl --user show`) is "running" or
    // "degraded". False, with error(), where it cannot run here.
    bool start();
    // Stops the manager and its units (SIGTERM, then SIGKILL) and restores this process's environment.
    void stop();
    QString error() const { return m_error; }
    QString configHome() const { return m_dir.filePath(QStringLiteral("config")); }
    qint64 pid() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_manager;
    QString m_error;
    QByteArray m_savedRuntimeDir;
    QByteArray m_savedConfigHome;
    bool m_hadRuntimeDir = false;
    bool m_hadConfigHome = false;
};
