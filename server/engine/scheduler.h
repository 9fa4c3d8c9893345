#pragma once

#include "domain/copytarget.h"
#include "domain/verifysettings.h"
#include "health/missedruns.h"

#include <QHash>
#include <QObject>
#include <QTimer>

class Engine;
class Store;

// Takes the automated backups and starts the scheduled verifications (`verify.every`) and daily copies: for each active
// environment, at the start of each bucket of its type's finest schedule, if that bucket has no automated backup yet,
// one live automated backup. At start-up a missed run is caught up once (not once per missed bucket). Time comes from
// the engine's clock, so tests can move it.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    Scheduler(Store& store, Engine& engine, QObject* parent = nullptr);

    // Checks now and then every `intervalMs` (default 20 s; buckets are at least an hour long).
    void start(int intervalMs = 20000);
    void stop();
    // One pass over every environment (and project, for verifications); returns how many backups it started.
    int tick();

signals:
    // An environment's schedule had whole runs (buckets) since its newest automated backup without one, counted and
    // explained as the health report does (MissedRuns: tidemarkd down, running without its scheduler, or runs that
    // failed). Told once per environment and bucket, when the catch-up starts.
    void runsMissed(const QString& projectId, const QString& environmentId, const MissedRuns& missed);
    // Each pass, before it looks: automated backups are being taken (health records it with tidemarkd's run).
    void ticked();

private:
    // Starts the project's verification when its `verify` interval has passed; true when it started one.
    bool verifyIfDue(const QString& projectId, const VerifySettings& verify);
    // Starts a copy to each target that copies daily (`when: daily`) when its last run is a day old.
    void copyDailyIfDue(const QString& projectId, const QList<CopyTarget>& copies);

    Store& m_store;
    Engine& m_engine;
    QTimer m_timer;
    QHash<QString, qint64> m_missedToldFor; // "<project>/<environment>" → the bucket whose catch-up told of misses
};
