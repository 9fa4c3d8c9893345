#pragma once

#include "localserver.h"

#include <memory>
#include <QThread>

class TidemarkServer;

// Runs a TidemarkServer on its own thread (so the console's window never waits for the server's work), on
// 127.0.0.1 with a free port, with the demo project on first start, and hands the console an admin API token.
class EmbeddedServer : public LocalServer
{
    Q_OBJECT

public:
    explicit EmbeddedServer(const QString& dataDirectory, QObject* parent = nullptr);
    ~EmbeddedServer() override;

    void start() override;
    bool isRunning() const override { return m_running; }
    QString dataDirectory() const override { return m_dataDirectory; }
    // Stops the server (its activities end as when the console quits); emits stopped() once it is gone.
    void stop();

signals:
    void stopped();

private:
    QString m_dataDirectory;
    QThread m_thread;
    TidemarkServer* m_server = nullptr; // lives on m_thread
    bool m_running = false;
    bool m_starting = false;
};
