#pragma once

#include "domain/repositoryreport.h"

#include <functional>
#include <QByteArray>
#include <QList>
#include <QString>

class Engine;
class Heartbeat;
class Store;

// What GET /metrics answers (Prometheus text format): per environment its health, the newest good backup's time, the
// last backup's duration, pause and size; per repository its size and last verification; per copy target its state;
// activity counts by type and result. Every number comes from the same places as the API's answers.
class MetricsCollector
{
public:
    // The repositories of a project as GET /projects/{p}/repository reports them.
    using RepositoriesOf = std::function<QList<RepositoryStatus>(const QString& projectId)>;

    MetricsCollector(Store& store, Engine& engine, const Heartbeat* heartbeat, RepositoriesOf repositories);

    QByteArray collect();

private:
    Store& m_store;
    Engine& m_engine;
    const Heartbeat* m_heartbeat;
    RepositoriesOf m_repositories;
};
