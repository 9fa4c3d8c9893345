#pragma once

// What the test peers that run a real server program (rclone serve restic, sshd, aiosmtpd, the databases) share:
// a free port on 127.0.0.1, waiting until the port accepts connections, and stopping the program by its PID.
#include <memory>
#include <QProcess>
#include <QString>

namespace ChildServer {

// A port on 127.0.0.1 that nothing listens on now (0 when none could be had).
quint16 freePort();
// Waits (at most `timeoutMs`) until `port` on 127.0.0.1 accepts connections; false when `process` ended first or
// the time ran out.
bool waitUntilListening(QProcess& process, quint16 port, int timeoutMs = 15000);
// SIGTERM, then SIGKILL when it has not ended within `timeoutMs`; the process is gone afterwards.
void stop(std::unique_ptr<QProcess>& process, int timeoutMs = 10000);

} // namespace ChildServer
