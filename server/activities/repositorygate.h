#pragma once

#include <functional>
#include <QList>
#include <QObject>

// Orders access to one restic repository inside this process: backups and restores share it, forget and prune
// need it alone (restic takes an exclusive lock for them and fails instead of waiting).
class RepositoryGate : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Shared, Exclusive };
    using Grant = std::function<void()>;

    explicit RepositoryGate(QObject* parent = nullptr);

    // Calls `granted` (from the event loop) once access is available. Every grant must be released.
    void acquire(Mode mode, QObject* context, Grant granted);
    void release(Mode mode);

    int sharedHolders() const { return m_shared; }
    bool exclusiveHeld() const { return m_exclusive; }

private:
    struct Waiter
    {
        Mode mode;
        QObject* context;
        Grant granted;
    };
    void pump();

    QList<Waiter> m_waiting;
    int m_shared = 0;
    bool m_exclusive = false;
};
