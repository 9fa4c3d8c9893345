#include "frozenview.h"

#include "removetree.h"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <fts.h>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <sys/stat.h>
#include <sys/statvfs.h>
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

// Copies the file's content and metadata into a new file `target`; `copied` is the source as it was once read.
QString copyFile(const QByteArray& source, const QByteArray& target, qint64& bytes, TreeState::Entry& copied)
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
    copied = e;
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

namespace {

const quint32 kStateMagic = 0x544d5631; // "TMV1"

QString encodedToString(const QByteArray& path)
{
    return QFile::decodeName(path);
}

// A symbolic link's target, read now.
bool readLinkTarget(const QByteArray& path, QByteArray& target)
{
    target.resize(4096);
    const ssize_t length = ::readlink(path.constData(), target.data(), size_t(target.size()));
    if (length < 0)
        return false;
    target.truncate(length);
    return true;
}

// Gives the file's blocks back and keeps its inode, size and times: a placeholder again.
QString emptyKeepingMetadata(const QByteArray& path)
{
    Fd fd(::open(path.constData(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd.valid())
        return systemError(path, errno);
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        return systemError(path, errno);
    // Truncated to nothing and back to its size: the data (still in the page cache, most of it) is dropped without
    // being written out first, which punching a hole would do.
    if (st.st_size > 0 && (::ftruncate(fd.get(), 0) != 0 || ::ftruncate(fd.get(), st.st_size) != 0))
        return systemError(path, errno);
    const timespec times[2] = {st.st_atim, st.st_mtim};
    if (::futimens(fd.get(), times) != 0)
        return systemError(path, errno);
    return QString();
}

// Without root's privileges, a directory that is read-only in the environment (and so in the mirror) must be made
// writable before entries change in it; its metadata is set again afterwards.
void makeWritable(const QByteArray& directory)
{
    if (::geteuid() == 0)
        return;
    struct stat st;
    if (::lstat(directory.constData(), &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0300) != 0300)
        ::chmod(directory.constData(), (st.st_mode & 07777) | 0700);
}

// Per mirror directory, whichever Mirror object uses it: whether the copies of a committed backup are still to be
// emptied. The next open() waits until they are, so emptying never touches a file that a later round copied anew.
struct EmptyingState
{
    std::mutex mutex;
    std::condition_variable done;
    bool pending = false;
};

EmptyingState& emptyingState(const QString& directory)
{
    static std::mutex registry;
    static std::map<QString, std::unique_ptr<EmptyingState>> states;
    std::lock_guard<std::mutex> guard(registry);
    std::unique_ptr<EmptyingState>& state = states[directory];
    if (!state)
        state = std::make_unique<EmptyingState>();
    return *state;
}

bool sameDirectoryMetadata(const TreeState::Entry& a, const TreeState::Entry& b)
{
    return a.kind == b.kind && a.mode == b.mode && a.uid == b.uid && a.gid == b.gid && a.mtimeNs == b.mtimeNs;
}

QDataStream& operator<<(QDataStream& out, const TreeState::Entry& e)
{
    return out << quint8(e.kind) << e.mode << e.uid << e.gid << e.size << e.atimeNs << e.mtimeNs << e.ctimeNs << e.inode
               << e.device << e.links;
}

QDataStream& operator>>(QDataStream& in, TreeState::Entry& e)
{
    quint8 kind = 0;
    in >> kind >> e.mode >> e.uid >> e.gid >> e.size >> e.atimeNs >> e.mtimeNs >> e.ctimeNs >> e.inode >> e.device
        >> e.links;
    e.kind = TreeState::Entry::Kind(kind);
    return in;
}

} // namespace

Mirror::Mirror(const QString& directory)
    : m_directory(QDir::cleanPath(directory))
    , m_tree(QFile::encodeName(m_directory + QStringLiteral("/tree")))
{ }

QString Mirror::treeRoot() const
{
    return QFile::decodeName(m_tree);
}

bool Mirror::underRoots(const QByteArray& path) const
{
    for (const QByteArray& root : m_encodedRoots) {
        if (path == root || (path.startsWith(root) && path.size() > root.size() && path.at(root.size()) == '/'))
            return true;
    }
    return false;
}

QString Mirror::open(const QStringList& roots, const std::function<bool(const QString&)>& snapshotExists)
{
    // The previous backup's copies may still be being emptied.
    {
        EmptyingState& state = emptyingState(m_directory);
        std::unique_lock<std::mutex> lock(state.mutex);
        state.done.wait(lock, [&state] { return !state.pending; });
    }
    m_roots.clear();
    m_encodedRoots.clear();
    for (const QString& root : roots) {
        m_roots.append(QDir::cleanPath(root));
        m_encodedRoots.append(QFile::encodeName(m_roots.last()));
    }
    m_copied.clear();
    m_touchedDirectories.clear();
    m_linkedCopies.clear();
    m_dirty = false;
    QString why;
    if (QFileInfo::exists(m_directory + QStringLiteral("/changing")))
        why = Tr::tr("the previous backup did not finish updating it");
    else if (QFileInfo::exists(m_directory + QStringLiteral("/emptying")))
        why = Tr::tr("tidemarkd stopped while the previous backup's copies were being emptied");
    else if (!loadState(roots))
        why = Tr::tr("there is no mirror of these trees yet");
    else if (!snapshotExists(m_snapshotId))
        why = Tr::tr("the backup last stored from it (snapshot %1) is no longer in the repository")
                  .arg(m_snapshotId.left(8));
    m_fresh = !why.isEmpty();
    if (m_fresh) {
        m_records.clear();
        m_snapshotId.clear();
        m_syncedNs = 0;
        removeTree(QFile::decodeName(m_tree));
        QFile::remove(m_directory + QStringLiteral("/emptying"));
        return Tr::tr("The mirror of the environment starts afresh (%1): every file is copied once.").arg(why);
    }
    return QString();
}

bool Mirror::loadState(const QStringList& roots)
{
    QFile file(m_directory + QStringLiteral("/state"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    QStringList savedRoots;
    qint64 count = 0;
    in >> magic >> savedRoots >> m_snapshotId >> m_syncedNs >> count;
    if (in.status() != QDataStream::Ok || magic != kStateMagic || savedRoots != m_roots || count < 0)
        return false;
    Q_UNUSED(roots);
    m_records.clear();
    m_records.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        QByteArray path;
        Record record;
        in >> path >> record.entry;
        if (in.status() != QDataStream::Ok)
            return false;
        m_records.insert(path, record);
    }
    return !m_snapshotId.isEmpty() && QFileInfo(QFile::decodeName(m_tree)).isDir();
}

QString Mirror::saveState() const
{
    QSaveFile file(m_directory + QStringLiteral("/state"));
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kStateMagic << m_roots << m_snapshotId << m_syncedNs << qint64(m_records.size());
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
        out << it.key() << it->entry;
    if (out.status() != QDataStream::Ok || !file.commit())
        return file.errorString();
    return QString();
}

QString Mirror::markDirty()
{
    if (m_dirty)
        return QString();
    if (!QDir().mkpath(m_directory))
        return Tr::tr("%1 could not be created.").arg(m_directory);
    QFile marker(m_directory + QStringLiteral("/changing"));
    if (!marker.open(QIODevice::WriteOnly))
        return marker.errorString();
    m_dirty = true;
    return QString();
}

qint64 Mirror::filesUnchanged() const
{
    qint64 count = 0;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (it->entry.kind == TreeState::Entry::Kind::File && !m_copied.contains(it.key()))
            ++count;
    }
    return count;
}

QString Mirror::removeEntry(const QByteArray& path, Round& round, bool descendantsHandled)
{
    const QByteArray target = m_tree + path;
    makeWritable(parentOf(target));
    struct stat st;
    if (::lstat(target.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (!removeTree(QFile::decodeName(target)))
                return Tr::tr("%1 could not be removed from the mirror.").arg(encodedToString(target));
        } else if (::unlink(target.constData()) != 0) {
            return systemError(target, errno);
        }
    }
    const auto record = m_records.constFind(path);
    const bool directory = record != m_records.cend() && record->entry.kind == TreeState::Entry::Kind::Directory;
    if (record != m_records.cend()) {
        m_records.erase(record);
        m_copied.remove(path);
        ++round.removed;
    }
    if (directory && !descendantsHandled) {
        // Everything that was in it: one pass over the records (a file needs none).
        const QByteArray prefix = path + '/';
        for (auto it = m_records.begin(); it != m_records.end();) {
            if (it.key().startsWith(prefix)) {
                m_copied.remove(it.key());
                it = m_records.erase(it);
                ++round.removed;
            } else {
                ++it;
            }
        }
    }
    m_touchedDirectories.insert(parentOf(path));
    return QString();
}

QString Mirror::syncEntry(const QByteArray& path, const TreeState::Entry& now, Round& round, bool force)
{
    using Kind = TreeState::Entry::Kind;
    ++round.examined;
    const QByteArray target = m_tree + path;
    auto existing = m_records.find(path);
    if (existing != m_records.end()) {
        existing->seen = true;
        if (existing->entry.kind != now.kind) {
            if (const QString error = removeEntry(path, round); !error.isEmpty())
                return error;
            existing = m_records.end();
        }
    }
    const bool known = existing != m_records.end();
    const TreeState::Entry* then = known ? &existing->entry : nullptr;
    const auto remember = [&](const TreeState::Entry& e) {
        Record& record = m_records[path];
        record.entry = e;
        record.seen = true;
        if (!known)
            m_touchedDirectories.insert(parentOf(path));
    };
    // A temporary name beside the target: the rename gives the mirror a new file (a new inode) in one step.
    const auto temporary
        = [&]() -> QByteArray { return parentOf(target) + "/.tidemark-" + QByteArray::number(++m_temporaryCounter); };
    QSet<QByteArray> made;

    switch (now.kind) {
    case Kind::Directory:
        if (!known) {
            if (!ensureDirectory(target, made))
                return systemError(target, errno);
            m_touchedDirectories.insert(path);
        } else if (!sameDirectoryMetadata(*then, now)) {
            m_touchedDirectories.insert(path);
        }
        remember(now);
        return QString();
    case Kind::File: {
        if (!force && then && then->sameAs(now)) {
            if (m_copied.contains(path))
                return QString(); // copied in this round already, and not changed since
            const bool racy = then->ctimeNs >= m_syncedNs - kRacyMarginNs;
            if (!m_fresh && !racy)
                return QString();
        }
        if (!ensureDirectory(parentOf(target), made))
            return systemError(parentOf(target), errno);
        makeWritable(parentOf(target));
        // Nothing in the mirror yet (a new file, or a mirror that starts afresh): written in place, no rename.
        const bool direct = !known && !m_copied.contains(path);
        const QByteArray tmp = direct ? target : temporary();
        if (direct)
            ::unlink(target.constData()); // a leftover would fail the exclusive create
        TreeState::Entry copied = now;
        const QPair<quint64, quint64> identity {now.device, now.inode};
        const auto linked = m_linkedCopies.constFind(identity);
        if (now.links > 1 && linked != m_linkedCopies.cend() && linked->second.sameAs(now)) {
            // Another name of the same file, copied in this round and not written since: a link to that copy.
            if (::link(linked->first.constData(), tmp.constData()) != 0)
                return systemError(tmp, errno);
        } else {
            if (const QString error = copyFile(path, tmp, round.bytes, copied); !error.isEmpty()) {
                ::unlink(tmp.constData());
                struct stat st;
                if (::lstat(path.constData(), &st) != 0 && errno == ENOENT) {
                    // Removed since it was listed (the environment runs): gone, as far as this round knows; the
                    // change tracker names it for the pause.
                    if (known)
                        existing->seen = false;
                    return QString();
                }
                return error;
            }
            if (now.links > 1)
                m_linkedCopies.insert(identity, {target, copied});
        }
        if (!direct) {
            if (::rename(tmp.constData(), target.constData()) != 0) {
                const int error = errno;
                ::unlink(tmp.constData());
                return systemError(target, error);
            }
            ::unlink(tmp.constData()); // still there only when it was already a name of the target's file
        }
        ++round.copied;
        m_copied.insert(path);
        m_touchedDirectories.insert(parentOf(path)); // the rename changed the mirror directory's times
        remember(copied);
        if (now.links > 1 && !force) {
            // The other names of the same file changed with it, wherever they were written through.
            QList<QByteArray> siblings;
            for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
                if (it.key() == path || it->entry.kind != Kind::File || it->entry.inode != now.inode
                    || it->entry.device != now.device)
                    continue;
                if (m_copied.contains(it.key()) && it->entry.sameAs(copied))
                    continue; // linked to this very copy already
                siblings.append(it.key());
            }
            for (const QByteArray& sibling : std::as_const(siblings)) {
                struct stat st;
                if (::lstat(sibling.constData(), &st) != 0 || !S_ISREG(st.st_mode))
                    continue; // looked at on its own
                if (const QString error = syncEntry(sibling, entryOf(st), round, true); !error.isEmpty())
                    return error;
            }
        }
        return QString();
    }
    case Kind::Symlink:
    case Kind::Fifo:
    case Kind::Socket: {
        if (known && then->sameAs(now) && then->uid == now.uid && then->gid == now.gid && then->mtimeNs == now.mtimeNs)
            return QString();
        if (!ensureDirectory(parentOf(target), made))
            return systemError(parentOf(target), errno);
        makeWritable(parentOf(target));
        const QByteArray tmp = temporary();
        if (now.kind == Kind::Symlink) {
            QByteArray linkTarget;
            if (!readLinkTarget(path, linkTarget)) {
                if (errno == ENOENT || errno == EINVAL)
                    return QString(); // replaced meanwhile: looked at again in the pause
                return Tr::tr("A symbolic link could not be read: %1").arg(systemError(path, errno));
            }
            if (::symlink(linkTarget.constData(), tmp.constData()) != 0)
                return systemError(tmp, errno);
        } else if (::mknod(tmp.constData(), (now.kind == Kind::Fifo ? S_IFIFO : S_IFSOCK) | 0600, 0) != 0) {
            return systemError(tmp, errno);
        }
        if (const QString error = setMetadata(tmp, now); !error.isEmpty()) {
            ::unlink(tmp.constData());
            return error;
        }
        if (::rename(tmp.constData(), target.constData()) != 0) {
            const int error = errno;
            ::unlink(tmp.constData());
            return systemError(target, error);
        }
        m_touchedDirectories.insert(parentOf(path));
        remember(now);
        return QString();
    }
    case Kind::Other:
        round.skipped.append(encodedToString(path));
        return QString();
    }
    return QString();
}

Mirror::Round Mirror::syncAll()
{
    Round round;
    if (const QString error = markDirty(); !error.isEmpty()) {
        round.error = Tr::tr("The mirror could not be changed: %1").arg(error);
        return round;
    }
    for (auto it = m_records.begin(); it != m_records.end(); ++it)
        it->seen = false;
    std::vector<QByteArray> encoded(m_encodedRoots.cbegin(), m_encodedRoots.cend());
    std::vector<char*> arguments;
    for (QByteArray& root : encoded)
        arguments.push_back(root.data());
    arguments.push_back(nullptr);
    FTS* fts = ::fts_open(arguments.data(), FTS_PHYSICAL | FTS_NOCHDIR, nullptr);
    if (!fts) {
        round.error = Tr::tr("The environment could not be read: %1").arg(systemError(m_encodedRoots.value(0), errno));
        return round;
    }
    while (FTSENT* entry = ::fts_read(fts)) {
        const QByteArray path(entry->fts_path, entry->fts_pathlen);
        switch (entry->fts_info) {
        case FTS_DP:
        case FTS_DC:
            continue;
        case FTS_DNR:
        case FTS_ERR:
        case FTS_NS:
            if (entry->fts_errno == ENOENT && entry->fts_level > FTS_ROOTLEVEL)
                continue;
            round.error = Tr::tr("The environment could not be read: %1").arg(systemError(path, entry->fts_errno));
            break;
        default:
            if (const QString error = syncEntry(path, entryOf(*entry->fts_statp), round); !error.isEmpty())
                round.error = Tr::tr("A file could not be copied into the mirror: %1").arg(error);
            break;
        }
        if (!round.error.isEmpty())
            break;
    }
    ::fts_close(fts);
    if (!round.error.isEmpty())
        return round;
    // What was not seen is gone; deepest first.
    QList<QByteArray> gone;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (!it->seen)
            gone.append(it.key());
    }
    std::sort(gone.begin(), gone.end(), std::greater<QByteArray>());
    for (const QByteArray& path : std::as_const(gone)) {
        if (!m_records.contains(path))
            continue;
        // Deepest first, and everything below a vanished directory vanished with it: already removed.
        if (const QString error = removeEntry(path, round, true); !error.isEmpty()) {
            round.error = error;
            return round;
        }
    }
    round.error = applyDirectoryMetadata();
    return round;
}

Mirror::Round Mirror::syncPaths(const QSet<QByteArray>& paths)
{
    Round round;
    if (const QString error = markDirty(); !error.isEmpty()) {
        round.error = Tr::tr("The mirror could not be changed: %1").arg(error);
        return round;
    }
    QList<QByteArray> sorted(paths.cbegin(), paths.cend());
    // The parents of what changed: a created or removed entry changes its directory's times.
    for (const QByteArray& path : paths) {
        const QByteArray parent = parentOf(path);
        if (underRoots(parent) && !paths.contains(parent))
            sorted.append(parent);
    }
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (const QByteArray& path : std::as_const(sorted)) {
        if (!underRoots(path))
            continue;
        struct stat st;
        if (::lstat(path.constData(), &st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR) {
                round.error = Tr::tr("The environment could not be read: %1").arg(systemError(path, errno));
                return round;
            }
            ++round.examined;
            if (m_records.contains(path)) {
                if (const QString error = removeEntry(path, round); !error.isEmpty()) {
                    round.error = error;
                    return round;
                }
            }
            continue;
        }
        if (const QString error = syncEntry(path, entryOf(st), round); !error.isEmpty()) {
            round.error = Tr::tr("A file could not be copied into the mirror: %1").arg(error);
            return round;
        }
    }
    round.error = applyDirectoryMetadata();
    return round;
}

QString Mirror::applyDirectoryMetadata()
{
    QList<QByteArray> directories;
    for (const QByteArray& path : std::as_const(m_touchedDirectories)) {
        const auto record = m_records.constFind(path);
        if (record != m_records.cend() && record->entry.kind == TreeState::Entry::Kind::Directory)
            directories.append(path);
    }
    m_touchedDirectories.clear();
    // Deepest first: setting a directory's times must come after every change inside it.
    std::sort(directories.begin(), directories.end(), std::greater<QByteArray>());
    for (const QByteArray& path : std::as_const(directories)) {
        if (const QString error = setMetadata(m_tree + path, m_records.value(path).entry); !error.isEmpty())
            return Tr::tr("The mirror could not be changed: %1").arg(error);
    }
    return QString();
}

QString Mirror::commit(const QString& snapshotId, qint64 pauseEndedNs)
{
    m_toEmpty = QList<QByteArray>(m_copied.cbegin(), m_copied.cend());
    m_copied.clear();
    m_linkedCopies.clear();
    m_snapshotId = snapshotId;
    m_syncedNs = pauseEndedNs;
    m_fresh = false;
    if (const QString error = saveState(); !error.isEmpty())
        return Tr::tr("The mirror's state could not be saved: %1").arg(error);
    QFile::remove(m_directory + QStringLiteral("/changing"));
    m_dirty = false;
    m_records = {};
    m_touchedDirectories = {};
    // From here on emptyCopies() must run: the next open() waits for it.
    EmptyingState& state = emptyingState(m_directory);
    std::lock_guard<std::mutex> lock(state.mutex);
    state.pending = !m_toEmpty.isEmpty();
    return QString();
}

void Mirror::emptyCopies()
{
    // A copy cut off between its truncation and its times would be an empty file with new times that the next
    // backup takes for the file's content: a marker while emptying makes the next open() start afresh instead.
    QFile marker(m_directory + QStringLiteral("/emptying"));
    const bool marked = !m_toEmpty.isEmpty() && marker.open(QIODevice::WriteOnly);
    marker.close();
    for (const QByteArray& path : std::as_const(m_toEmpty)) {
        if (!marked)
            break; // without the marker the copies keep their content: larger, still right
        if (const QString error = emptyKeepingMetadata(m_tree + path); !error.isEmpty())
            qWarning("tidemarkd: the mirror's copy %s keeps its content: %s", path.constData(), qPrintable(error));
    }
    if (marked)
        QFile::remove(marker.fileName());
    m_toEmpty = {};
    EmptyingState& state = emptyingState(m_directory);
    {
        std::lock_guard<std::mutex> lock(state.mutex);
        state.pending = false;
    }
    state.done.notify_all();
}

void Mirror::discard()
{
    // The marker stays (or is made): the next open() starts afresh.
    markDirty();
    m_records.clear();
    m_copied.clear();
}

} // namespace FrozenView

FrozenView::Room FrozenView::roomForMirror(const QString& directory, const QStringList& roots)
{
    Room room;
    const TreeState::Scan scanned = TreeState::scan(roots);
    QSet<QPair<quint64, quint64>> counted; // hard links take their room once
    for (const TreeState::Entry& e : scanned.entries) {
        if (e.kind != TreeState::Entry::Kind::File)
            continue;
        if (e.links > 1) {
            const auto file = qMakePair(e.device, e.inode);
            if (counted.contains(file))
                continue;
            counted.insert(file);
        }
        room.needed += e.size;
    }
    room.needed += 64LL * 1024 * 1024 + room.needed / 50;
    // The mirror's folder may not exist yet: the nearest folder that does is on the same disk.
    QString at = directory;
    struct statvfs fs;
    while (::statvfs(QFile::encodeName(at).constData(), &fs) != 0) {
        const QString up = QFileInfo(at).path();
        if (up == at) {
            room.available = std::numeric_limits<qint64>::max();
            return room;
        }
        at = up;
    }
    room.available = qint64(fs.f_bavail) * qint64(fs.f_frsize);
    return room;
}
