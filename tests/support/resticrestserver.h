#pragma once

#include <memory>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A REST target for restic on 127.0.0.1, for tests: `rclone serve restic` (Debian's rclone) on a free port, serving
// a temporary directory. Waits are bounded; stop() ends it by its PID and start() brings it back on the same port.
class ResticRestServer
{
public:
    ResticRestServer();
    ~ResticRestServer();

    // Starts (or starts again) and waits until the port accepts connections. Returns false with a reason in error().
    bool start();
    void stop();

    // rest:http://127.0.0.1:<port>/<path>
    QString location(const QString& path = QStringLiteral("copy")) const;
    QString directory() const { return m_directory.path(); }
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};
