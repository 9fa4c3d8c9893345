#include "treestate.h"

#include <cerrno>
#include <cstring>
#include <fts.h>
#include <QDir>
#include <QFile>
#include <sys/stat.h>
#include <time.h>
#include <vector>

namespace {

qint64 nanoseconds(const timespec& t)
{
    return qint64(t.tv_sec) * 1'000'000'000 + qint64(t.tv_nsec);
}

qint64 realtimeNs()
{
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return nanoseconds(now);
}

TreeState::Entry entryOf(const struct stat& st)
{
    using Kind = TreeState::Entry::Kind;
    TreeState::Entry e;
    if (S_ISREG(st.st_mode))
        e.kind = Kind::File;
    else if (S_ISDIR(st.st_mode))
        e.kind = Kind::Directory;
    else if (S_ISLNK(st.st_mode))
        e.kind = Kind::Symlink;
    else if (S_ISFIFO(st.st_mode))
        e.kind = Kind::Fifo;
    else if (S_ISSOCK(st.st_mode))
        e.kind = Kind::Socket;
    e.mode = quint32(st.st_mode);
    e.uid = quint32(st.st_uid);
    e.gid = quint32(st.st_gid);
    e.size = qint64(st.st_size);
    e.atimeNs = nanoseconds(st.st_atim);
    e.mtimeNs = nanoseconds(st.st_mtim);
    e.ctimeNs = nanoseconds(st.st_ctim);
    e.inode = quint64(st.st_ino);
    e.device = quint64(st.st_dev);
    e.links = quint64(st.st_nlink);
    return e;
}

QString systemError(const QByteArray& path, int error)
{
    return QStringLiteral("%1: %2").arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(error)));
}

} // namespace

namespace TreeState {

Scan scan(const QStringList& roots)
{
    Scan result;
    result.startedNs = realtimeNs();
    QList<QByteArray> encoded;
    for (const QString& root : roots)
        encoded.append(QFile::encodeName(QDir::cleanPath(QDir(root).absolutePath())));
    std::vector<char*> arguments;
    for (QByteArray& root : encoded)
        arguments.push_back(root.data());
    arguments.push_back(nullptr);

    FTS* fts = ::fts_open(arguments.data(), FTS_PHYSICAL | FTS_NOCHDIR, nullptr);
    if (!fts) {
        result.error = systemError(encoded.value(0), errno);
        return result;
    }
    for (;;) {
        errno = 0;
        FTSENT* entry = ::fts_read(fts);
        if (!entry) {
            if (errno != 0 && result.error.isEmpty())
                result.error = systemError(encoded.value(0), errno);
            break;
        }
        const QByteArray path(entry->fts_path, entry->fts_pathlen);
        switch (entry->fts_info) {
        case FTS_DP: // a directory again, after its contents
        case FTS_DC:
            continue;
        case FTS_DNR:
        case FTS_ERR:
        case FTS_NS:
            if (entry->fts_errno == ENOENT && entry->fts_level > FTS_ROOTLEVEL) // removed between listing and reading
                continue;
            if (result.error.isEmpty())
                result.error = systemError(path, entry->fts_errno);
            continue;
        default:
            break;
        }
        result.entries.insert(path, entryOf(*entry->fts_statp));
        result.order.append(path);
    }
    ::fts_close(fts);
    return result;
}

} // namespace TreeState
