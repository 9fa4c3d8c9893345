#include "embeddedserver.h"

#include "store/store.h"
#include "tidemarkserver.h"

#include <QDir>
#include <QMetaObject>

EmbeddedServer::EmbeddedServer(const QString& dataDirectory, QObject* parent)
    : LocalServer(parent)
    , m_dataDirectory(dataDirectory)
{
    m_thread.setObjectName(QStringLiteral("tidemarkd"));
    TidemarkServer::configureHeap(); // the server's work runs in the console's process
}

EmbeddedServer::~EmbeddedServer()
{
    // The server's objects live on the thread: they are deleted there, as the thread finishes.
    if (m_server)
        m_server->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

void EmbeddedServer::start()
{
    if (m_running || m_starting)
        return;
    m_starting = true;
    if (!m_thread.isRunning())
        m_thread.start();
    auto* context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        context,
        [this, context] {
            context->deleteLater();
            auto* server = new TidemarkServer;
            TidemarkServer::Options options;
            options.dataDir = m_dataDirectory;
            options.port = 0;
            options.demo = true;
            // "This computer": the user's own sites under their home, and the demo's environments. The server runs
            // as the user, so it reaches nothing the user could not; the data directory stays out of reach.
            options.environmentRoots
                = {QDir::homePath(), QDir(m_dataDirectory).filePath(QStringLiteral("environments"))};
            // The console's user is the one who could run these commands anyway.
            options.allowApiHooks = true;
            QString error;
            QString token;
            if (server->start(options, error)) {
                server->store().deleteApiTokensNamed(QStringLiteral("console (this computer)"));
                token = TidemarkServer::createToken(
                    server->store(), QStringLiteral("admin"), QStringLiteral("console (this computer)"), error);
            }
            const QUrl url(server->url());
            if (token.isEmpty()) {
                delete server;
                server = nullptr;
            }
            QMetaObject::invokeMethod(
                this,
                [this, server, url, token, error] {
                    m_starting = false;
                    if (!server) {
                        emit failed(tr("The server of this computer could not start: %1").arg(error));
                        return;
                    }
                    m_server = server;
                    m_running = true;
                    emit started(url, token);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EmbeddedServer::stop()
{
    if (!m_server) {
        QMetaObject::invokeMethod(this, &EmbeddedServer::stopped, Qt::QueuedConnection);
        return;
    }
    TidemarkServer* server = m_server;
    m_server = nullptr;
    m_running = false;
    // Deleted on its own thread, where its sockets and processes live; stopped() comes back once it is gone.
    QMetaObject::invokeMethod(
        server,
        [this, server] {
            delete server;
            QMetaObject::invokeMethod(this, &EmbeddedServer::stopped, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
