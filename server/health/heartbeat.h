#pragma once

#include <functional>
#include <QObject>
#include <QTimer>

class Store;

// Records when tidemarkd runs (Store: server_runs), so that health can tell a scheduled backup missed because
// tidemarkd was not running from one missed while it ran. A run is extended by a beat every `intervalMs`; a beat that
// comes more than three intervals after the previous one (the machine slept, the process was stopped, the clock
// jumped) starts a new run instead, so the gap counts as time tidemarkd was not running.
class Heartbeat : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;

    Heartbeat(Store& store, Clock clock, QObject* parent = nullptr);

    // Starts a run now and beats every `intervalMs`.
    void start(int intervalMs = 60000);
    // Extends the current run to now (or starts a new one after a gap).
    void beat();
    // The scheduler took its turn in this run: automated backups are being taken.
    void schedulerTicked();
    bool schedulerRunning() const { return m_scheduling; }
    qint64 runStartedAtMs() const { return m_startedMs; }

private:
    void startRun(qint64 now);

    Store& m_store;
    Clock m_clock;
    QTimer m_timer;
    qint64 m_intervalMs = 60000;
    qint64 m_runId = -1;
    qint64 m_startedMs = 0;
    qint64 m_lastMs = 0;
    bool m_scheduling = false;
};
