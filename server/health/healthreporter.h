#pragma once

#include "domain/environment.h"
#include "domain/healthreport.h"
#include "domain/projectsettings.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QString>

class Engine;
class Heartbeat;

// Makes a project's health report (api-contract.md, "Health, alerts and metrics"; the state rules are in
// docs/architecture.md): per environment its freshness against the target, missed scheduled runs and why, the last
// failed backup, its copies and the repository's verification; per copy target its last run. Read-only: it looks at
// the store and the engine's clock, and changes nothing.
class HealthReporter
{
    Q_DECLARE_TR_FUNCTIONS(HealthReporter)

public:
    // `heartbeat` says whether this tidemarkd takes automated backups (it may be null: then it is taken to).
    HealthReporter(Store& store, Engine& engine, const Heartbeat* heartbeat);

    // `repositories` as GET /projects/{p}/repository reports them (verification of the primary and of copies).
    HealthReport report(const QString& projectId, const QList<RepositoryStatus>& repositories);

private:
    EnvironmentHealth environmentHealth(const QString& projectId, const Environment& environment,
        const ProjectSettings& settings, const QList<RepositoryStatus>& repositories, const QList<CopyHealth>& copies,
        const QList<ServerRun>& runs, qint64 firstRunMs);
    CopyHealth copyHealth(const QString& projectId, const CopyTarget& copy);

    Store& m_store;
    Engine& m_engine;
    const Heartbeat* m_heartbeat;
    qint64 m_now = 0;
};
