#include "heartbeat.h"

#include "store/store.h"

Heartbeat::Heartbeat(Store& store, Clock clock, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock))
{
    connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
}

void Heartbeat::start(int intervalMs)
{
    m_intervalMs = intervalMs;
    startRun(m_clock());
    m_timer.start(intervalMs);
}

void Heartbeat::startRun(qint64 now)
{
    m_runId = m_store.startRun(now, m_scheduling);
    if (m_runId < 0)
        qWarning("tidemarkd: cannot record the heartbeat: %s", qPrintable(m_store.error()));
    m_startedMs = now;
    m_lastMs = now;
}

void Heartbeat::beat()
{
    const qint64 now = m_clock();
    if (m_runId < 0 || now < m_lastMs || now - m_lastMs > 3 * m_intervalMs) {
        startRun(now);
        return;
    }
    m_store.touchRun(m_runId, now);
    m_lastMs = now;
}

void Heartbeat::schedulerTicked()
{
    if (!m_scheduling) {
        m_scheduling = true;
        // The run that is going on takes automated backups from here: a new record says so.
        startRun(m_clock());
        return;
    }
    beat();
}
