#include "repositorygate.h"

#include <QPointer>
#include <QTimer>

RepositoryGate::RepositoryGate(QObject* parent)
    : QObject(parent)
{ }

void RepositoryGate::acquire(Mode mode, QObject* context, Grant granted)
{
    m_waiting.append(Waiter {mode, context, std::move(granted)});
    QTimer::singleShot(0, this, &RepositoryGate::pump);
}

void RepositoryGate::release(Mode mode)
{
    if (mode == Mode::Exclusive)
        m_exclusive = false;
    else if (m_shared > 0)
        --m_shared;
    QTimer::singleShot(0, this, &RepositoryGate::pump);
}

void RepositoryGate::pump()
{
    // First come, first served: a waiting exclusive request holds back later shared ones so it cannot starve.
    while (!m_waiting.isEmpty() && !m_exclusive) {
        const Waiter& next = m_waiting.first();
        if (next.mode == Mode::Exclusive && m_shared > 0)
            return;
        Waiter w = m_waiting.takeFirst();
        if (w.mode == Mode::Exclusive)
            m_exclusive = true;
        else
            ++m_shared;
        QPointer<QObject> context(w.context);
        QTimer::singleShot(0, this, [this, context, w] {
            if (context)
                w.granted();
            else
                release(w.mode);
        });
    }
}
