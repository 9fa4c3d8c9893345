#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

// Learns from the kernel (inotify) which paths under some trees changed, so that a consistent backup's pause looks
// only at those instead of scanning every file.
//
// start() watches every directory under the roots; take() reads what the kernel reported since and names each path
// that was created, written, had its metadata changed, was removed or renamed (a directory that appears brings its
// whole subtree, which is watched from then on). Writes through a memory map and writes through a hard link in a
// directory outside the trees are not reported by inotify; a full event queue (overflow) is, and then take() says the
// changes are unknown. The caller falls back to a scan whenever the tracker is unavailable or incomplete.
//
// Not thread-safe; used from one thread at a time (a worker thread of the backup operation).
class ChangeTracker
{
public:
    ChangeTracker() = default;
    ~ChangeTracker();
    ChangeTracker(const ChangeTracker&) = delete;
    ChangeTracker& operator=(const ChangeTracker&) = delete;

    // Whether tracking is switched off for this process (TIDEMARK_CHANGE_TRACKING=off): then the pause scans.
    static bool disabledByEnvironment();

    // Watches every directory under `roots` (absolute, links not followed). False with `error` when inotify is not
    // available or its limits (fs.inotify.max_user_watches) are reached; nothing is watched then.
    bool start(const QStringList& roots, QString* error);
    bool isActive() const { return m_fd >= 0; }
    // Events were lost since start() (an overflow, a root replaced, a watch that could not be added): what it
    // watches may miss directories, until start() sets the marks anew.
    bool hasLostEvents() const { return m_lost; }
    // The roots given to start() (cleaned), while active.
    QStringList roots() const { return m_roots; }

    struct Changes
    {
        QSet<QByteArray> paths; // absolute paths in the file system's encoding
        bool complete = true; // false: events were lost (queue overflow, a watch could not be added)
        QString incompleteReason;
    };
    // Everything reported since start() or the previous take().
    Changes take();
    // Stops watching.
    void stop();

private:
    bool watchTree(const QByteArray& root, QSet<QByteArray>* newPaths, QString* error);
    void forgetTree(const QByteArray& root);
    void readEvents(Changes& changes);

    int m_fd = -1;
    bool m_lost = false;
    QStringList m_roots;
    QHash<int, QByteArray> m_paths; // watch descriptor → directory
    QHash<QByteArray, int> m_watches; // directory → watch descriptor
};
