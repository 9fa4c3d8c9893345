#include "changetracker.h"

#include <cerrno>
#include <cstring>
#include <fts.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <sys/inotify.h>
#include <unistd.h>
#include <vector>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ChangeTracker)
};

constexpr uint32_t kMask = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
    | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR | IN_EXCL_UNLINK;

bool isUnder(const QByteArray& path, const QByteArray& root)
{
    return path == root || (path.startsWith(root) && path.size() > root.size() && path.at(root.size()) == '/');
}

} // namespace

ChangeTracker::~ChangeTracker()
{
    stop();
}

bool ChangeTracker::disabledByEnvironment()
{
    return qgetenv("TIDEMARK_CHANGE_TRACKING").trimmed().toLower() == "off";
}

bool ChangeTracker::start(const QStringList& roots, QString* error)
{
    stop();
    m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_fd < 0) {
        *error = Tr::tr("inotify is not available: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    for (const QString& root : roots) {
        if (!watchTree(QFile::encodeName(QDir::cleanPath(root)), nullptr, error)) {
            stop();
            return false;
        }
        m_roots.append(QDir::cleanPath(root));
    }
    return true;
}

void ChangeTracker::stop()
{
    m_lost = false;
    if (m_fd >= 0)
        ::close(m_fd); // removes every watch
    m_fd = -1;
    m_roots.clear();
    m_paths.clear();
    m_watches.clear();
}

bool ChangeTracker::watchTree(const QByteArray& root, QSet<QByteArray>* newPaths, QString* error)
{
    QByteArray rootCopy = root;
    char* arguments[] = {rootCopy.data(), nullptr};
    // FTS_NOSTAT: the directory entries' types tell directories apart; nothing else is looked at.
    FTS* fts = ::fts_open(arguments, FTS_PHYSICAL | FTS_NOCHDIR | FTS_NOSTAT, nullptr);
    if (!fts) {
        *error = Tr::tr("%1 could not be read: %2")
                     .arg(QFile::decodeName(root), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    bool ok = true;
    while (FTSENT* entry = ::fts_read(fts)) {
        const QByteArray path(entry->fts_path, entry->fts_pathlen);
        if (entry->fts_info == FTS_DP)
            continue;
        if (newPaths)
            newPaths->insert(path);
        if (entry->fts_info != FTS_D)
            continue;
        const int wd = ::inotify_add_watch(m_fd, entry->fts_path, kMask);
        if (wd < 0) {
            if (errno == ENOENT || errno == ENOTDIR) // gone (or replaced) since it was listed
                continue;
            *error = errno == ENOSPC
                ? Tr::tr("the kernel's limit of watched directories is reached (fs.inotify.max_user_watches)")
                : Tr::tr("%1 could not be watched: %2")
                      .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(errno)));
            ok = false;
            break;
        }
        m_paths.insert(wd, path);
        m_watches.insert(path, wd);
    }
    ::fts_close(fts);
    return ok;
}

void ChangeTracker::forgetTree(const QByteArray& root)
{
    for (auto it = m_watches.begin(); it != m_watches.end();) {
        if (isUnder(it.key(), root)) {
            ::inotify_rm_watch(m_fd, it.value());
            m_paths.remove(it.value());
            it = m_watches.erase(it);
        } else {
            ++it;
        }
    }
}

ChangeTracker::Changes ChangeTracker::take()
{
    Changes changes;
    if (m_fd < 0) {
        changes.complete = false;
        changes.incompleteReason = Tr::tr("change tracking is not running");
        return changes;
    }
    readEvents(changes);
    if (!changes.complete)
        m_lost = true;
    return changes;
}

void ChangeTracker::readEvents(Changes& changes)
{
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN) {
                changes.complete = false;
                changes.incompleteReason = QString::fromLocal8Bit(std::strerror(errno));
            }
            return;
        }
        if (length == 0)
            return;
        for (const char* p = buffer; p < buffer + length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(p);
            p += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                changes.complete = false;
                changes.incompleteReason = Tr::tr("the kernel's event queue overflowed");
                continue;
            }
            const auto directory = m_paths.constFind(event->wd);
            if (directory == m_paths.cend())
                continue; // a watch removed meanwhile
            const QByteArray base = directory.value();
            if ((event->mask & IN_UNMOUNT)
                || ((event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))
                    && m_roots.contains(QFile::decodeName(base)))) {
                // A root replaced (a restore swaps a whole mount in by rename) or a watch the kernel dropped: what
                // happens there from now on is not reported.
                changes.complete = false;
                changes.incompleteReason
                    = Tr::tr("%1 was replaced or is no longer watched").arg(QFile::decodeName(base));
            }
            if (event->len == 0 || event->name[0] == '\0') {
                // The directory itself: its metadata, or it was removed or moved away.
                changes.paths.insert(base);
                if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF))
                    forgetTree(base);
                continue;
            }
            const QByteArray path = base + '/' + QByteArray(event->name);
            changes.paths.insert(path);
            if (!(event->mask & IN_ISDIR))
                continue;
            if (event->mask & (IN_CREATE | IN_MOVED_TO)) {
                // A new directory: watched from now on; everything already in it counts as changed.
                QString error;
                if (!watchTree(path, &changes.paths, &error)) {
                    changes.complete = false;
                    changes.incompleteReason = error;
                }
            } else if (event->mask & (IN_DELETE | IN_MOVED_FROM)) {
                forgetTree(path);
            }
        }
    }
}
