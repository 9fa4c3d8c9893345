#include "frozenview.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fts.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(FrozenView)
};

qint64 nanoseconds(const timespec& t)
{
    return qint64(t.tv_sec) * 1'000'000'000 + qint64(t.tv_nsec);
}

timespec timespecOf(qint64 ns)
{
    timespec t;
    t.tv_sec = time_t(ns / 1'000'000'000);
    t.tv_nsec = long(ns % 1'000'000'000);
    if (t.tv_nsec < 0) {
        t.tv_nsec += 1'000'000'000;
        --t.tv_sec;
    }
    return t;
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

// Closes the descriptor when it goes out of scope.
class Fd
{
public:
    explicit Fd(int fd)
        : m_fd(fd)
    { }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

// mkdir -p; directories get mode 0700 until complete() gives them their own metadata.
bool ensureDirectory(const QByteArray& directory, QSet<QByteArray>& made)
{
    if (directory.isEmpty() || made.contains(directory))
        return true;
    if (::mkdir(directory.constData(), 0700) == 0 || errno == EEXIST) {
        made.insert(directory);
        return true;
    }
    if (errno != ENOENT)
        return false;
    const qsizetype slash = directory.lastIndexOf('/');
    if (slash <= 0 || !ensureDirectory(directory.left(slash), made))
        return false;
    if (::mkdir(directory.constData(), 0700) != 0 && errno != EEXIST)
        return false;
    made.insert(directory);
    return true;
}

QByteArray parentOf(const QByteArray& path)
{
    return path.left(path.lastIndexOf('/'));
}

// The view keeps hard links: a file with several names is laid out once and linked under the others.
class HardLinks
{
public:
    // The view path already made for this file, if it has several names and one was made.
    QByteArray madeFor(const TreeState::Entry& e) const
    {
        return e.links > 1 ? m_made.value({e.device, e.inode}) : QByteArray();
    }
    void made(const TreeState::Entry& e, const QByteArray& target)
    {
        if (e.links > 1)
            m_made.insert({e.device, e.inode}, target);
    }

private:
    QHash<QPair<quint64, quint64>, QByteArray> m_made;
};

// Extended attributes of `source` (not followed when a link) onto the open file `target`; best effort: what cannot
// be read or set (security.* without privileges, say) is left out, as restic itself would leave it out.
void copyExtendedAttributes(const QByteArray& source, int target)
{
    char names[4096];
    const ssize_t length = ::llistxattr(source.constData(), names, sizeof names);
    if (length <= 0)
        return;
    QByteArray value(4096, Qt::Uninitialized);
    for (const char* name = names; name < names + length; name += std::strlen(name) + 1) {
        const ssize_t size = ::lgetxattr(source.constData(), name, value.data(), size_t(value.size()));
        if (size >= 0)
            ::fsetxattr(target, name, value.constData(), size_t(size), 0);
    }
}

void setOwner(int fd, const TreeState::Entry& e)
{
    if (::geteuid() == 0) [[maybe_unused]]
        const int ignored = ::fchown(fd, e.uid, e.gid);
}

// Copies the file's content and metadata; the copy's modification time is one nanosecond later than the file's.
QString copyFile(const QByteArray& source, const QByteArray& target, qint64& bytes)
{
    Fd in(::open(source.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!in.valid())
        return systemError(source, errno);
    Fd out(::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out.valid())
        return systemError(target, errno);
    bool fallback = false;
    for (;;) {
        const ssize_t n = ::copy_file_range(in.get(), nullptr, out.get(), nullptr, 1 << 30, 0);
        if (n > 0) {
            bytes += n;
            continue;
        }
        if (n == 0)
            break;
        if (errno == EINTR)
            continue;
        if (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
            fallback = true;
            break;
        }
        return systemError(source, errno);
    }
    if (fallback) {
        char buffer[1 << 16];
        for (;;) {
            const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
            if (n == 0)
                break;
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return systemError(source, errno);
            }
            for (ssize_t written = 0; written < n;) {
                const ssize_t w = ::write(out.get(), buffer + written, size_t(n - written));
                if (w < 0) {
                    if (errno == EINTR)
                        continue;
                    return systemError(target, errno);
                }
                written += w;
            }
            bytes += n;
        }
    }
    // The metadata as it is now that the content is read.
    struct stat st;
    if (::fstat(in.get(), &st) != 0)
        return systemError(source, errno);
    const TreeState::Entry e = entryOf(st);
    copyExtendedAttributes(source, out.get());
    setOwner(out.get(), e);
    if (::fchmod(out.get(), e.mode & 07777) != 0)
        return systemError(target, errno);
    const timespec times[2] = {timespecOf(e.atimeNs), timespecOf(e.mtimeNs + 1)};
    if (::futimens(out.get(), times) != 0)
        return systemError(target, errno);
    return QString();
}

QString makePlaceholder(const QByteArray& source, const QByteArray& target, const TreeState::Entry& e)
{
    Fd out(::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!out.valid())
        return systemError(target, errno);
    if (::ftruncate(out.get(), e.size) != 0)
        return systemError(target, errno);
    copyExtendedAttributes(source, out.get());
    setOwner(out.get(), e);
    if (::fchmod(out.get(), e.mode & 07777) != 0)
        return systemError(target, errno);
    const timespec times[2] = {timespecOf(e.atimeNs), timespecOf(e.mtimeNs)};
    if (::futimens(out.get(), times) != 0)
        return systemError(target, errno);
    return QString();
}

// Mode, owner and times of a directory or special file in the view (not followed when a link).
QString setMetadata(const QByteArray& target, const TreeState::Entry& e)
{
    if (::geteuid() == 0) [[maybe_unused]]
        const int ignored = ::lchown(target.constData(), e.uid, e.gid);
    if (e.kind != TreeState::Entry::Kind::Symlink && ::chmod(target.constData(), e.mode & 07777) != 0)
        return systemError(target, errno);
    const timespec times[2] = {timespecOf(e.atimeNs), timespecOf(e.mtimeNs)};
    if (::utimensat(AT_FDCWD, target.constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
        return systemError(target, errno);
    return QString();
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

namespace FrozenView {

Frozen freeze(const QStringList& roots, const TreeState::Scan& before, const QString& viewRoot, qint64 racyMarginNs)
{
    Frozen frozen;
    frozen.state = TreeState::scan(roots);
    if (!frozen.state.error.isEmpty()) {
        frozen.error = Tr::tr("The paused environment could not be read: %1").arg(frozen.state.error);
        return frozen;
    }
    const QByteArray view = QFile::encodeName(QDir::cleanPath(viewRoot));
    const qint64 settledBefore = before.startedNs - racyMarginNs;
    QSet<QByteArray> made;
    HardLinks links;
    for (const QByteArray& path : std::as_const(frozen.state.order)) {
        const TreeState::Entry& now = frozen.state.entries[path];
        if (now.kind != TreeState::Entry::Kind::File)
            continue;
        const auto then = before.entries.constFind(path);
        if (then != before.entries.cend() && then->sameAs(now) && then->ctimeNs < settledBefore)
            continue;
        const QByteArray target = view + path;
        if (!ensureDirectory(parentOf(target), made)) {
            frozen.error = systemError(parentOf(target), errno);
            return frozen;
        }
        if (const QByteArray first = links.madeFor(now); !first.isEmpty()) {
            if (::link(first.constData(), target.constData()) != 0) {
                frozen.error = systemError(target, errno);
                return frozen;
            }
        } else if (const QString error = copyFile(path, target, frozen.bytesCopied); !error.isEmpty()) {
            frozen.error = Tr::tr("A changed file could not be copied: %1").arg(error);
            return frozen;
        }
        links.made(now, target);
        frozen.copied.append(path);
    }
    // Link targets are read now, while nothing can change them.
    for (const QByteArray& path : std::as_const(frozen.state.order)) {
        if (frozen.state.entries[path].kind != TreeState::Entry::Kind::Symlink)
            continue;
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t length = ::readlink(path.constData(), target.data(), size_t(target.size()));
        if (length < 0) {
            frozen.error = Tr::tr("A symbolic link could not be read: %1").arg(systemError(path, errno));
            return frozen;
        }
        target.truncate(length);
        frozen.linkTargets.insert(path, target);
    }
    return frozen;
}

Completed complete(const Frozen& frozen, const QString& viewRoot)
{
    using Kind = TreeState::Entry::Kind;
    Completed completed;
    const QByteArray view = QFile::encodeName(QDir::cleanPath(viewRoot));
    const QSet<QByteArray> copied(frozen.copied.cbegin(), frozen.copied.cend());
    QSet<QByteArray> made;
    HardLinks links;
    const auto fail = [&completed](const QString& error) {
        completed.error = Tr::tr("The paused state could not be laid out for restic: %1").arg(error);
        return completed;
    };
    for (const QByteArray& path : frozen.state.order) {
        const TreeState::Entry& e = frozen.state.entries[path];
        const QByteArray target = view + path;
        switch (e.kind) {
        case Kind::Directory:
            if (!ensureDirectory(target, made))
                return fail(systemError(target, errno));
            break;
        case Kind::File:
            if (copied.contains(path))
                break;
            if (const QByteArray first = links.madeFor(e); !first.isEmpty()) {
                if (::link(first.constData(), target.constData()) != 0)
                    return fail(systemError(target, errno));
            } else if (const QString error = makePlaceholder(path, target, e); !error.isEmpty()) {
                return fail(error);
            }
            links.made(e, target);
            ++completed.placeholders;
            break;
        case Kind::Symlink:
            if (::symlink(frozen.linkTargets.value(path).constData(), target.constData()) != 0)
                return fail(systemError(target, errno));
            if (const QString error = setMetadata(target, e); !error.isEmpty())
                return fail(error);
            break;
        case Kind::Fifo:
        case Kind::Socket:
            if (::mknod(target.constData(), (e.kind == Kind::Fifo ? S_IFIFO : S_IFSOCK) | 0600, 0) != 0)
                return fail(systemError(target, errno));
            if (const QString error = setMetadata(target, e); !error.isEmpty())
                return fail(error);
            break;
        case Kind::Other:
            completed.skipped.append(QFile::decodeName(path));
            break;
        }
    }
    // Directories last, deepest first: their times change while entries are added, and a read-only one must still
    // take its entries.
    for (auto it = frozen.state.order.crbegin(); it != frozen.state.order.crend(); ++it) {
        const TreeState::Entry& e = frozen.state.entries[*it];
        if (e.kind != Kind::Directory)
            continue;
        if (const QString error = setMetadata(view + *it, e); !error.isEmpty())
            return fail(error);
    }
    return completed;
}

bool keepsNanosecondTimes(const QString& directory)
{
    const QByteArray path = QFile::encodeName(QDir(directory).filePath(QStringLiteral(".tidemark-time-probe")));
    ::unlink(path.constData());
    Fd fd(::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd.valid())
        return false;
    const timespec times[2] = {timespecOf(1'000'000'123'456'789), timespecOf(1'000'000'123'456'789)};
    struct stat st;
    const bool kept = ::futimens(fd.get(), times) == 0 && ::fstat(fd.get(), &st) == 0
        && nanoseconds(st.st_mtim) == 1'000'000'123'456'789;
    ::unlink(path.constData());
    return kept;
}

} // namespace FrozenView
