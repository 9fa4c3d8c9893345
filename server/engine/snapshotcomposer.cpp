#include "snapshotcomposer.h"

#include "jsonscanner.h"
#include "repositorywriter.h"
#include "resticchunker.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <map>
#include <mutex>
#include <pwd.h>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QUtf8StringView>
#include <sys/xattr.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace SnapshotComposer {

namespace {

// Go's os.FileMode bits, as restic stores a node's mode.
constexpr quint32 kGoDir = 1u << 31;
constexpr quint32 kGoSymlink = 1u << 27;
constexpr quint32 kGoNamedPipe = 1u << 25;
constexpr quint32 kGoSetuid = 1u << 23;
constexpr quint32 kGoSetgid = 1u << 22;
constexpr quint32 kGoSticky = 1u << 20;

// A file that changes while it is copied (something outside the paused environment writes to it) is copied again.
constexpr int kCopyAttempts = 3;

QString systemError(const QByteArray& path, int error)
{
    return QStringLiteral("%1: %2").arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(error)));
}

QByteArray parentOf(const QByteArray& path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash <= 0 ? QByteArray("/") : path.left(slash);
}

QByteArray nameOf(const QByteArray& path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

QByteArray childOf(const QByteArray& directory, const QByteArray& name)
{
    return directory == "/" ? QByteArray(QByteArray("/") + name) : QByteArray(directory + '/' + name);
}

// restic writes a name through Go's strconv.Quote; for these names that changes nothing, so they are written as
// they are. Anything else (a quote, a backslash, a control or non-printing character, bytes that are not UTF-8) is
// left to restic.
bool isPlainName(const QByteArray& name)
{
    if (name.isEmpty() || !QUtf8StringView(name).isValidUtf8())
        return false;
    for (const char c : name) {
        const auto u = uchar(c);
        if (u < 0x20 || u == 0x7f || c == '"' || c == '\\')
            return false;
    }
    for (const QChar c : QString::fromUtf8(name)) {
        if (c.unicode() >= 0x80 && (!c.isPrint() || c.isSpace()))
            return false;
    }
    return true;
}

bool hasExtendedAttributes(const QByteArray& path)
{
    char names[256];
    const ssize_t length = ::llistxattr(path.constData(), names, sizeof names);
    return length > 0 || (length < 0 && errno == ERANGE);
}

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

// Times restic writes as RFC 3339 with a four-digit year (Go refuses others when it reads them back).
bool storableTimes(const struct stat& st)
{
    constexpr time_t kFirst = -30610224000; // 1000-01-01
    constexpr time_t kLast = 253402300799; // 9999-12-31 23:59:59
    for (const timespec& t : {st.st_mtim, st.st_atim, st.st_ctim}) {
        if (t.tv_sec < kFirst || t.tv_sec > kLast)
            return false;
    }
    return true;
}

// Gone, or no longer what it was, since it was looked at: the environment runs, or something else changes it.
bool vanished(const QByteArray& path)
{
    struct stat st;
    return ::lstat(path.constData(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

Entry removed()
{
    Entry entry;
    entry.kind = Entry::Kind::Removed;
    return entry;
}

bool sameFile(const struct stat& a, const struct stat& b)
{
    return a.st_ino == b.st_ino && a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec
        && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ctim.tv_sec == b.st_ctim.tv_sec
        && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

// Copies `source` into the new file `target`; `st` is the source as it was while copied (unchanged from start to
// end, else copied again).
QString copyFile(const QByteArray& source, const QByteArray& target, struct stat& st, qint64& bytes)
{
    for (int attempt = 0; attempt < kCopyAttempts; ++attempt) {
        Fd in(::open(source.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (!in.valid())
            return systemError(source, errno);
        struct stat before;
        if (::fstat(in.get(), &before) != 0)
            return systemError(source, errno);
        ::unlink(target.constData());
        Fd out(::open(target.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (!out.valid())
            return systemError(target, errno);
        qint64 copied = 0;
        bool fallback = false;
        for (;;) {
            const ssize_t n = ::copy_file_range(in.get(), nullptr, out.get(), nullptr, 1 << 30, 0);
            if (n > 0) {
                copied += n;
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
                copied += n;
            }
        }
        struct stat after;
        if (::fstat(in.get(), &after) != 0)
            return systemError(source, errno);
        if (sameFile(before, after) && copied == after.st_size) {
            st = after;
            bytes += copied;
            return QString();
        }
    }
    return QStringLiteral("%1 kept changing while it was copied").arg(QFile::decodeName(source));
}

// Cuts what `device` holds as restic cuts it and stores each piece with `writer`: the pieces' ids are appended to
// `blobs`, and `read` counts the bytes. On failure, `writerFailed` tells the repository's failure from the device's.
bool storeContent(QIODevice& device, RepositoryWriter& writer, ResticChunker& chunker, QList<QByteArray>& blobs,
    qint64& read, QString* error, bool* writerFailed = nullptr)
{
    return chunker.split(
        device,
        [&](const QByteArray& chunk) {
            read += chunk.size();
            const auto id = writer.addBlob(chunk, false, error);
            if (!id) {
                if (writerFailed)
                    *writerFailed = true;
                return false;
            }
            blobs.append(*id);
            return true;
        },
        error);
}

// Stores the bytes of `path` with `writer`, cut as restic cuts them: their blob ids in `blobs`, and in `st` the file as
// it was while read (unchanged from start to end). An error names the file; `repository` is set when the repository,
// not the file, failed.
QString storeNow(const QByteArray& path, RepositoryWriter& writer, ResticChunker& chunker, struct stat& st,
    QList<QByteArray>& blobs, qint64& bytes, bool& repository)
{
    Fd in(::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!in.valid())
        return systemError(path, errno);
    struct stat before;
    if (::fstat(in.get(), &before) != 0)
        return systemError(path, errno);
    QFile file;
    if (!file.open(in.get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
        return QStringLiteral("%1: %2").arg(QFile::decodeName(path), file.errorString());
    QList<QByteArray> ids;
    qint64 read = 0;
    QString error;
    if (!storeContent(file, writer, chunker, ids, read, &error, &repository))
        return repository ? error : QStringLiteral("%1: %2").arg(QFile::decodeName(path), error);
    struct stat after;
    if (::fstat(in.get(), &after) != 0)
        return systemError(path, errno);
    if (!sameFile(before, after) || read != after.st_size)
        return QStringLiteral("%1 changed while it was read").arg(QFile::decodeName(path));
    st = after;
    blobs = std::move(ids);
    bytes += read;
    return QString();
}

// One entry of a tree as restic stored it: its JSON text is kept as it is, a span of its folder's tree text.
struct RawNode
{
    QByteArray name; // the bytes of the name
    qsizetype from = 0;
    qsizetype length = 0;
};

// What the composer asks of a few nodes, read from their JSON when asked.
struct NodeDetails
{
    bool file = false;
    bool dir = false;
    qint64 size = 0;
    QByteArray subtree; // a folder's tree id (32 bytes)
    quint64 inode = 0;
};

std::optional<NodeDetails> detailsOf(QByteArrayView json)
{
    NodeDetails details;
    JsonScanner scan(json);
    QByteArrayView key;
    QByteArrayView text;
    qint64 number = 0;
    scan.beginObject();
    while (scan.nextKey(key)) {
        if (key == "type") {
            scan.string(text);
            details.file = text == "file";
            details.dir = text == "dir";
        } else if (key == "subtree") {
            if (!scan.null()) {
                scan.string(text);
                details.subtree = QByteArray::fromHex(text.toByteArray());
            }
        } else if (key == "inode") {
            // Up to 2^64 - 1, beyond what a signed integer holds: read from the text.
            const char* from = scan.position();
            scan.skip();
            details.inode = QByteArray(from, scan.position() - from).trimmed().toULongLong();
        } else if (key == "size") {
            scan.integer(number);
            details.size = number;
        } else {
            scan.skip();
        }
    }
    if (scan.failed())
        return std::nullopt;
    return details;
}

// The pass's folder at a path: its tree's text, its entries (in name order, as restic keeps them), and its inode
// (0 for "/").
struct PassFolder
{
    QByteArray json;
    std::vector<RawNode> nodes;
    quint64 inode = 0;

    QByteArrayView nodeJson(const RawNode& node) const { return QByteArrayView(json).sliced(node.from, node.length); }
    const RawNode* find(const QByteArray& name) const
    {
        const auto it = std::lower_bound(
            nodes.begin(), nodes.end(), name, [](const RawNode& n, const QByteArray& key) { return n.name < key; });
        return it != nodes.end() && it->name == name ? &*it : nullptr;
    }
    // A file's size, 0 for anything else.
    qint64 fileSize(const RawNode& node) const
    {
        const auto details = detailsOf(nodeJson(node));
        return details && details->file ? details->size : 0;
    }
};

// The entries of a tree. restic writes `{"nodes":[{"name":"…",…},…]}`: that is cut at each entry's end without a
// full parse (an entry's other fields are read only when asked, detailsOf); anything else goes through the parser.
std::optional<PassFolder> splitTree(const QByteArray& json)
{
    PassFolder folder;
    folder.json = json;
    const QByteArrayView text(folder.json);
    const auto nameAt = [&text](qsizetype from, qsizetype length) -> std::optional<QByteArray> {
        // The name is restic's first field; a name with an escape is read by the parser.
        constexpr QByteArrayView kPrefix("{\"name\":\"");
        const QByteArrayView node = text.sliced(from, length);
        if (node.startsWith(kPrefix)) {
            const qsizetype close = node.indexOf('"', kPrefix.size());
            const QByteArrayView raw = node.sliced(kPrefix.size(), close < 0 ? 0 : close - kPrefix.size());
            if (close > 0 && !raw.contains('\\'))
                return raw.isEmpty() ? std::nullopt : std::optional<QByteArray>(raw.toByteArray());
        }
        JsonScanner scan(node);
        QByteArrayView key;
        QByteArrayView value;
        scan.beginObject();
        while (scan.nextKey(key)) {
            if (key != "name") {
                scan.skip();
                continue;
            }
            if (!scan.string(value))
                return std::nullopt;
            auto name = RepositoryReader::unquoteName(value);
            if (!name || name->isEmpty())
                return std::nullopt;
            return name;
        }
        return std::nullopt;
    };
    constexpr QByteArrayView kOpen("{\"nodes\":[");
    if (text.startsWith(kOpen)) {
        qsizetype at = kOpen.size();
        bool ok = true;
        while (ok && at < text.size() && text[at] != ']') {
            const qsizetype end = text[at] == '{' ? JsonScanner::endOfValue(text, at) : -1;
            const auto name = end > 0 ? nameAt(at, end - at) : std::nullopt;
            if (!name) {
                ok = false;
                break;
            }
            folder.nodes.push_back(RawNode {*name, at, end - at});
            at = end;
            if (at < text.size() && text[at] == ',')
                ++at;
        }
        if (ok && at < text.size() && text.sliced(at).trimmed() == "]}") {
            if (!std::is_sorted(folder.nodes.begin(), folder.nodes.end(),
                    [](const RawNode& a, const RawNode& b) { return a.name < b.name; }))
                std::sort(folder.nodes.begin(), folder.nodes.end(),
                    [](const RawNode& a, const RawNode& b) { return a.name < b.name; });
            return folder;
        }
        folder.nodes.clear();
    }
    // The parser's way, for any other layout.
    JsonScanner scan(json);
    QByteArrayView key;
    scan.beginObject();
    while (scan.nextKey(key)) {
        if (key != "nodes" || scan.null()) {
            if (key != "nodes")
                scan.skip();
            continue;
        }
        scan.beginArray();
        while (scan.nextItem()) {
            const qsizetype from = scan.position() - json.constData();
            scan.skip();
            if (scan.failed())
                return std::nullopt;
            const qsizetype length = scan.position() - json.constData() - from;
            const auto name = nameAt(from, length);
            if (!name)
                return std::nullopt;
            folder.nodes.push_back(RawNode {*name, from, length});
        }
    }
    if (scan.failed())
        return std::nullopt;
    std::sort(
        folder.nodes.begin(), folder.nodes.end(), [](const RawNode& a, const RawNode& b) { return a.name < b.name; });
    return folder;
}

class PassTrees
{
public:
    PassTrees(RepositoryReader& reader, const QByteArray& root)
        : m_reader(reader)
        , m_root(root)
    { }

    // nullptr when the pass stored no folder at `path`; `error` set when the repository could not be read. A folder
    // is found through its parent's entries, so that each tree on the way is read once.
    std::shared_ptr<const PassFolder> folder(const QByteArray& path, QString* error)
    {
        if (const auto it = m_folders.find(path); it != m_folders.end())
            return it->second;
        std::shared_ptr<const PassFolder> result;
        QByteArray tree = m_root;
        quint64 inode = 0;
        bool found = true;
        if (path != "/") {
            const std::shared_ptr<const PassFolder> parent = folder(parentOf(path), error);
            if (!error->isEmpty())
                return nullptr;
            found = false;
            if (const RawNode* node = parent ? parent->find(nameOf(path)) : nullptr) {
                const auto details = detailsOf(parent->nodeJson(*node));
                if (details && details->dir && details->subtree.size() == 32) {
                    found = true;
                    tree = details->subtree;
                    inode = details->inode;
                }
            }
        }
        if (found) {
            const auto json = m_reader.treeJson(tree, error);
            if (json) {
                auto split = splitTree(*json);
                if (split) {
                    split->inode = inode;
                    result = std::make_shared<const PassFolder>(std::move(*split));
                } else
                    *error = QStringLiteral("a tree of the pass is not restic's");
            }
        }
        m_folders[path] = result;
        return result;
    }

    // Lets the folder at `path` go: what it held is not asked for again.
    void release(const QByteArray& path) { m_folders.erase(path); }

private:
    RepositoryReader& m_reader;
    QByteArray m_root;
    std::map<QByteArray, std::shared_ptr<const PassFolder>> m_folders;
};

// Reads the pass's folders in the order they are to be written, on a thread of its own and a few folders ahead:
// reading and parsing a folder's tree costs about what sealing its new tree does, and the machine has a core for
// each. Folders come in an order where each one follows all of its descendants, so that a folder is let go as soon
// as it is handed over.
class FolderReadAhead
{
public:
    struct Item
    {
        std::shared_ptr<const PassFolder> folder;
        QString error;
    };

    FolderReadAhead(RepositoryReader& reader, const QByteArray& root, QList<QByteArray> order)
        : m_order(std::move(order))
        , m_pass(reader, root)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~FolderReadAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    FolderReadAhead(const FolderReadAhead&) = delete;
    FolderReadAhead& operator=(const FolderReadAhead&) = delete;

    // The next folder of the order, once it is read.
    Item next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        Item item = std::move(m_ready.front());
        m_ready.pop_front();
        m_changed.notify_all();
        return item;
    }

private:
    static constexpr size_t kAhead = 16;

    void run()
    {
        for (const QByteArray& path : std::as_const(m_order)) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kAhead; });
                if (m_stop)
                    return;
            }
            Item item;
            item.folder = m_pass.folder(path, &item.error);
            m_pass.release(path); // its descendants came before it: none asks for it again
            const bool failed = !item.error.isEmpty();
            {
                std::lock_guard lock(m_mutex);
                m_ready.push_back(std::move(item));
            }
            m_changed.notify_all();
            if (failed)
                return;
        }
    }

    const QList<QByteArray> m_order;
    PassTrees m_pass; // used by the reading thread alone
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_ready;
    bool m_stop = false;
    std::thread m_thread;
};

QByteArray goTime(const struct timespec& t)
{
    struct tm parts;
    const time_t seconds = t.tv_sec;
    gmtime_r(&seconds, &parts);
    char text[64];
    const size_t n = strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
    QByteArray out(text, qsizetype(n));
    if (t.tv_nsec != 0) {
        char fraction[16];
        std::snprintf(fraction, sizeof fraction, ".%09ld", long(t.tv_nsec));
        QByteArray f(fraction);
        while (f.endsWith('0'))
            f.chop(1);
        out += f;
    }
    return out + 'Z';
}

QByteArray jsonString(const QByteArray& utf8)
{
    QByteArray out = "\"";
    for (const char c : utf8) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (uchar(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(uchar(c)));
            out += escaped;
            continue;
        }
        out += c;
    }
    return out + '"';
}

class Names
{
public:
    QByteArray user(uid_t uid)
    {
        if (const auto it = m_users.constFind(uid); it != m_users.cend())
            return *it;
        struct passwd entry;
        struct passwd* result = nullptr;
        char buffer[4096];
        QByteArray name;
        if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &result) == 0 && result)
            name = result->pw_name;
        m_users.insert(uid, name);
        return name;
    }
    QByteArray group(gid_t gid)
    {
        if (const auto it = m_groups.constFind(gid); it != m_groups.cend())
            return *it;
        struct group entry;
        struct group* result = nullptr;
        char buffer[4096];
        QByteArray name;
        if (::getgrgid_r(gid, &entry, buffer, sizeof buffer, &result) == 0 && result)
            name = result->gr_name;
        m_groups.insert(gid, name);
        return name;
    }

private:
    QHash<uid_t, QByteArray> m_users;
    QHash<gid_t, QByteArray> m_groups;
};

// A node as restic 0.14 writes one (its Node struct's fields in order, empty ones left out as it leaves them).
QByteArray nodeJson(
    const QByteArray& name, const Entry& e, const QList<QByteArray>& content, const QByteArray& subtree, Names& names)
{
    const struct stat& st = e.st;
    quint32 mode = quint32(st.st_mode & 0777);
    QByteArray type;
    switch (e.kind) {
    case Entry::Kind::File:
        type = "file";
        break;
    case Entry::Kind::Directory:
        type = "dir";
        mode |= kGoDir;
        break;
    case Entry::Kind::Symlink:
        type = "symlink";
        mode = kGoSymlink | 0777;
        break;
    case Entry::Kind::Fifo:
        type = "fifo";
        mode |= kGoNamedPipe;
        break;
    case Entry::Kind::Removed:
        break;
    }
    if (e.kind != Entry::Kind::Symlink) {
        if (st.st_mode & S_ISUID)
            mode |= kGoSetuid;
        if (st.st_mode & S_ISGID)
            mode |= kGoSetgid;
        if (st.st_mode & S_ISVTX)
            mode |= kGoSticky;
    }
    QByteArray out = "{\"name\":" + jsonString(name) + ",\"type\":\"" + type + "\",\"mode\":" + QByteArray::number(mode)
        + ",\"mtime\":\"" + goTime(st.st_mtim) + "\",\"atime\":\"" + goTime(st.st_atim) + "\",\"ctime\":\""
        + goTime(st.st_ctim) + "\",\"uid\":" + QByteArray::number(st.st_uid)
        + ",\"gid\":" + QByteArray::number(st.st_gid);
    if (const QByteArray user = names.user(st.st_uid); !user.isEmpty())
        out += ",\"user\":" + jsonString(user);
    if (const QByteArray group = names.group(st.st_gid); !group.isEmpty())
        out += ",\"group\":" + jsonString(group);
    if (st.st_ino != 0)
        out += ",\"inode\":" + QByteArray::number(quint64(st.st_ino));
    if (st.st_dev != 0)
        out += ",\"device_id\":" + QByteArray::number(quint64(st.st_dev));
    if (e.kind == Entry::Kind::File && st.st_size != 0)
        out += ",\"size\":" + QByteArray::number(qint64(st.st_size));
    if (st.st_nlink != 0)
        out += ",\"links\":" + QByteArray::number(quint64(st.st_nlink));
    if (e.kind == Entry::Kind::Symlink)
        out += ",\"linktarget\":" + jsonString(e.linkTarget);
    if (e.kind == Entry::Kind::File) {
        out += ",\"content\":[";
        for (qsizetype i = 0; i < content.size(); ++i)
            out += QByteArray(i ? ",\"" : "\"") + content.at(i).toHex() + '"';
        out += ']';
    } else {
        out += ",\"content\":null";
    }
    if (e.kind == Entry::Kind::Directory)
        out += ",\"subtree\":\"" + subtree.toHex() + '"';
    return out + '}';
}

} // namespace

bool openWriter(const std::shared_ptr<RepositoryReader>& reader, Capture& capture, QString* error)
{
    if (capture.writer)
        return true;
    auto writer = std::make_shared<RepositoryWriter>(*reader);
    if (!writer->lock(error))
        return false;
    capture.writerReader = reader;
    capture.writer = std::move(writer);
    return true;
}

void capture(RepositoryReader& reader, const QByteArray& passTree, const QSet<QByteArray>& changed,
    const QString& copyDirectory, Contents contents, Capture& capture, bool whileRunning)
{
    std::optional<ResticChunker> chunker;
    if (contents == Contents::Store && reader.chunkerPolynomial() != 0)
        chunker.emplace(reader.chunkerPolynomial());
    PassTrees pass(reader, passTree);
    const QSet<QByteArray> earlierCaptures(capture.entries.keyBegin(), capture.entries.keyEnd());
    QList<QByteArray> queue(changed.cbegin(), changed.cend());
    std::sort(queue.begin(), queue.end());
    QSet<QByteArray> done;
    QString error;
    const auto unsupported = [&capture](const QByteArray& path, const QString& why) {
        if (capture.unsupported.isEmpty())
            capture.unsupported = QStringLiteral("%1 %2").arg(QFile::decodeName(path), why);
    };
    for (qsizetype i = 0; i < queue.size() && capture.error.isEmpty() && capture.unsupported.isEmpty(); ++i) {
        const QByteArray path = queue.at(i);
        if (path.isEmpty() || path.at(0) != '/' || path == "/" || done.contains(path))
            continue;
        done.insert(path);
        ++capture.examined;
        Entry entry;
        if (::lstat(path.constData(), &entry.st) != 0) {
            if (errno != ENOENT && errno != ENOTDIR) {
                capture.error = systemError(path, errno);
                break;
            }
            entry.kind = Entry::Kind::Removed;
            capture.entries.insert(path, entry);
            continue;
        }
        if (!isPlainName(nameOf(path))) {
            unsupported(path, QStringLiteral("has a name that restic quotes"));
            break;
        }
        const mode_t type = entry.st.st_mode & S_IFMT;
        if (!storableTimes(entry.st)) {
            unsupported(path, QStringLiteral("has a time before the year 1000 or after 9999"));
            break;
        }
        if ((type == S_IFREG || type == S_IFDIR) && hasExtendedAttributes(path)) {
            unsupported(path, QStringLiteral("has extended attributes"));
            break;
        }
        if (type == S_IFREG && entry.st.st_nlink > 1) {
            // A write through one name changes them all, and the kernel names only the one written through.
            unsupported(path, QStringLiteral("has other names (hard links) that changed with it"));
            break;
        }
        if (type == S_IFREG) {
            entry.kind = Entry::Kind::File;
            if (contents != Contents::InPlace) {
                QString error;
                bool repository = false;
                if (contents == Contents::Store) {
                    if (!capture.writer || !chunker) {
                        capture.error = QStringLiteral("the repository cannot be written by tidemarkd itself");
                        break;
                    }
                    error = storeNow(path, *capture.writer, *chunker, entry.st, entry.blobs, capture.bytes, repository);
                    entry.stored = error.isEmpty();
                    capture.stored += entry.stored ? 1 : 0;
                    if (repository) {
                        capture.error = error;
                        break;
                    }
                } else {
                    entry.content = QDir(copyDirectory).filePath(QString::number(capture.copied));
                    error = copyFile(path, QFile::encodeName(entry.content), entry.st, capture.bytes);
                    ++capture.copied;
                }
                if (!error.isEmpty() && vanished(path)) {
                    // Removed (or replaced) since it was looked at: its absence now, and whatever comes next is
                    // reported again.
                    capture.entries.insert(path, removed());
                    continue;
                }
                if (!error.isEmpty() && whileRunning) {
                    // Still being written, or no room for the copy now: the pause looks at it again.
                    capture.entries.remove(path);
                    capture.deferred.insert(path);
                    continue;
                }
                capture.error = error;
            } else {
                entry.content = QFile::decodeName(path);
            }
        } else if (type == S_IFLNK) {
            entry.kind = Entry::Kind::Symlink;
            QByteArray target(qsizetype(entry.st.st_size) + 1, Qt::Uninitialized);
            const ssize_t n = ::readlink(path.constData(), target.data(), size_t(target.size()));
            if (n < 0 || n >= target.size()) {
                if (n < 0 && vanished(path)) {
                    capture.entries.insert(path, removed());
                    continue;
                }
                capture.error = systemError(path, n < 0 ? errno : EOVERFLOW);
                break;
            }
            target.resize(n);
            if (!QUtf8StringView(target).isValidUtf8()) {
                unsupported(path, QStringLiteral("is a link whose target is not UTF-8"));
                break;
            }
            entry.linkTarget = target;
        } else if (type == S_IFIFO) {
            entry.kind = Entry::Kind::Fifo;
        } else if (type == S_IFDIR) {
            entry.kind = Entry::Kind::Directory;
            entry.listed = true;
            std::shared_ptr<const PassFolder> before = pass.folder(path, &error);
            if (!error.isEmpty()) {
                capture.error = error;
                break;
            }
            // The same folder as the pass stored keeps what the pass stored of it; another (moved here, made anew)
            // is taken whole.
            if (before && before->inode != quint64(entry.st.st_ino))
                before = nullptr;
            DIR* dir = ::opendir(path.constData());
            if (!dir) {
                if (vanished(path)) {
                    capture.entries.insert(path, removed());
                    continue;
                }
                capture.error = systemError(path, errno);
                break;
            }
            while (const dirent* d = ::readdir(dir)) {
                const QByteArray name(d->d_name);
                if (name == "." || name == "..")
                    continue;
                entry.children.append(name);
                const QByteArray child = childOf(path, name);
                // What the pass did not store is looked at, unless an earlier capture did and nothing was reported
                // of it since.
                if ((!before || !before->find(name)) && !(earlierCaptures.contains(child) && !changed.contains(child)))
                    queue.append(child);
            }
            ::closedir(dir);
        } else {
            unsupported(path, QStringLiteral("is a device or a socket"));
            break;
        }
        if (capture.error.isEmpty())
            capture.entries.insert(path, entry);
    }
    if (!capture.error.isEmpty() || !capture.unsupported.isEmpty())
        return;
    // Every folder on the way to what was captured gets a new tree, with its metadata as it is now (looked at again
    // when an earlier capture recorded it).
    QSet<QByteArray> visited;
    for (const QByteArray& path : std::as_const(done)) {
        for (QByteArray folder = parentOf(path); folder != "/"; folder = parentOf(folder)) {
            if (done.contains(folder) || visited.contains(folder))
                break;
            visited.insert(folder);
            const auto earlier = capture.entries.constFind(folder);
            Entry entry
                = earlier != capture.entries.cend() && earlier->kind == Entry::Kind::Directory ? *earlier : Entry();
            entry.kind = Entry::Kind::Directory;
            if (::lstat(folder.constData(), &entry.st) != 0 || !S_ISDIR(entry.st.st_mode)) {
                entry = Entry();
                entry.kind = Entry::Kind::Removed;
            } else if (!isPlainName(nameOf(folder))) {
                unsupported(folder, QStringLiteral("has a name that restic quotes"));
                return;
            } else if (hasExtendedAttributes(folder)) {
                unsupported(folder, QStringLiteral("has extended attributes"));
                return;
            } else if (!storableTimes(entry.st)) {
                unsupported(folder, QStringLiteral("has a time before the year 1000 or after 9999"));
                return;
            }
            capture.entries.insert(folder, entry);
        }
    }
}

Composed compose(const std::shared_ptr<RepositoryReader>& reader, const QString& passSnapshotId, const Capture& capture)
{
    Composed composed;
    composed.snapshotId = passSnapshotId;
    if (capture.entries.isEmpty())
        return composed;
    QString error;
    const auto failed = [&composed](const QString& why) {
        composed.error = why;
        composed.snapshotId.clear();
        return composed;
    };
    // Locked first, as restic does: a prune that starts later waits, and one that holds the repository now is seen.
    // A capture that stored files holds its writer's lock since then.
    std::shared_ptr<RepositoryWriter> writerHeld = capture.writer;
    if (!writerHeld) {
        writerHeld = std::make_shared<RepositoryWriter>(*reader);
        if (!writerHeld->lock(&error))
            return failed(error);
    }
    RepositoryWriter& writer = *writerHeld;
    // Its lock goes when the composition ends, written or failed.
    const auto unlock = qScopeGuard([&writer] { writer.unlock(); });
    if (!reader->refresh(&error))
        return failed(error);
    QString passId;
    const auto snapshot = reader->snapshotJson(passSnapshotId, &passId, &error);
    if (!snapshot)
        return failed(error);
    QJsonObject snapshotObject = QJsonDocument::fromJson(*snapshot).object();
    const QByteArray passTree = QByteArray::fromHex(snapshotObject.value(QStringLiteral("tree")).toString().toLatin1());
    if (passTree.size() != 32)
        return failed(QStringLiteral("the pass's snapshot has no tree"));
    const auto polynomial = reader->chunkerPolynomial();
    if (polynomial == 0)
        return failed(QStringLiteral("the repository names no chunker polynomial"));

    Names names;
    ResticChunker chunker(polynomial);

    // Folders to write, deepest first; "/" (the snapshot's root tree) last.
    QList<QByteArray> folders {QByteArray("/")};
    QHash<QByteArray, QList<QByteArray>> captured; // folder → its captured entries
    for (auto it = capture.entries.cbegin(); it != capture.entries.cend(); ++it) {
        if (it->kind == Entry::Kind::Directory)
            folders.append(it.key());
        captured[parentOf(it.key())].append(it.key());
    }
    // Children before their parent, and each folder's descendants together (the reverse of a walk that lists a
    // folder before its entries): the pass's folders held at any time are those on one path.
    std::sort(folders.begin(), folders.end(), [](const QByteArray& a, const QByteArray& b) {
        const auto byte = [](char c) { return c == '/' ? 0 : int(uchar(c)) + 1; };
        const qsizetype n = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < n; ++i) {
            if (a.at(i) != b.at(i))
                return byte(a.at(i)) > byte(b.at(i));
        }
        return a.size() > b.size();
    });
    folders.removeIf([&capture](const QByteArray& folder) {
        // In a folder that is gone: nothing of it is written.
        const auto parent = capture.entries.constFind(parentOf(folder));
        return folder != "/" && parent != capture.entries.cend() && parent->kind == Entry::Kind::Removed;
    });
    FolderReadAhead passFolders(*reader, passTree, folders);
    QHash<QByteArray, QByteArray> subtrees;
    for (const QByteArray& folder : std::as_const(folders)) {
        const auto self = capture.entries.constFind(folder);
        FolderReadAhead::Item read = passFolders.next();
        if (!read.error.isEmpty())
            return failed(read.error);
        const PassFolder* before = read.folder.get();
        // A folder looked at keeps what the pass stored of it only if it is the same folder, and of that only what
        // it still holds.
        const bool listed = self != capture.entries.cend() && self->listed;
        const bool keepPass = before && !(listed && before->inode != quint64(self->st.st_ino));
        QSet<QByteArray> holds;
        if (listed)
            holds = QSet<QByteArray>(self->children.cbegin(), self->children.cend());
        const auto kept = [&](const RawNode& node) { return keepPass && (!listed || holds.contains(node.name)); };
        // Its captured entries, in name order, merged with the pass's (in name order too): the tree is written as
        // it is read.
        std::vector<std::pair<QByteArray, const QByteArray*>> mine;
        const QList<QByteArray> paths = captured.value(folder);
        for (const QByteArray& path : paths)
            mine.emplace_back(nameOf(path), &path);
        std::sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        static const std::vector<RawNode> kNone;
        const std::vector<RawNode>& theirs = before ? before->nodes : kNone;
        QByteArray tree = "{\"nodes\":[";
        tree.reserve(before ? before->json.size() + 1024 : 1024);
        bool first = true;
        const auto append = [&](QByteArrayView json) {
            if (!first)
                tree += ',';
            first = false;
            tree += json;
        };
        size_t i = 0;
        size_t j = 0;
        while (i < theirs.size() || j < mine.size()) {
            const bool passFirst = j == mine.size() || (i < theirs.size() && theirs[i].name < mine[j].first);
            if (passFirst) {
                const RawNode& node = theirs[i++];
                if (kept(node))
                    append(before->nodeJson(node));
                else
                    composed.sizeChange -= before->fileSize(node);
                continue;
            }
            const auto& [name, pathOf] = mine[j++];
            const QByteArray& path = *pathOf;
            if (i < theirs.size() && theirs[i].name == name)
                composed.sizeChange -= before->fileSize(theirs[i++]); // replaced, or dropped
            const Entry& e = capture.entries[path];
            if (e.kind == Entry::Kind::Removed)
                continue;
            QList<QByteArray> content;
            if (e.kind == Entry::Kind::File && e.stored) {
                content = e.blobs;
                ++composed.filesStored;
                composed.sizeChange += qint64(e.st.st_size);
            } else if (e.kind == Entry::Kind::File) {
                QFile file(e.content);
                if (!file.open(QIODevice::ReadOnly))
                    return failed(QStringLiteral("%1 cannot be read: %2").arg(e.content, file.errorString()));
                qint64 read = 0;
                if (!storeContent(file, writer, chunker, content, read, &error))
                    return failed(error);
                if (read != qint64(e.st.st_size))
                    return failed(QStringLiteral("%1 changed after it was captured").arg(QFile::decodeName(path)));
                ++composed.filesStored;
                composed.sizeChange += read;
            }
            QByteArray subtree;
            if (e.kind == Entry::Kind::Directory) {
                subtree = subtrees.value(path);
                if (subtree.isEmpty())
                    return failed(QStringLiteral("the tree of %1 was not written").arg(QFile::decodeName(path)));
            }
            append(nodeJson(name, e, content, subtree, names));
        }
        tree += "]}\n";
        const auto id = writer.addBlob(tree, true, &error);
        if (!id)
            return failed(error);
        ++composed.treesWritten;
        subtrees.insert(folder, *id);
        // The subtrees of this folder's children are in its tree now.
        for (const QByteArray& path : captured.value(folder))
            subtrees.remove(path);
    }
    if (!writer.flush(&error))
        return failed(error);
    snapshotObject.insert(QStringLiteral("tree"), QString::fromLatin1(subtrees.value("/").toHex()));
    const auto id = writer.addSnapshot(QJsonDocument(snapshotObject).toJson(QJsonDocument::Compact), &error);
    if (!id)
        return failed(error);
    // The pass's snapshot was a step on the way; the new one holds everything it referred to that still is. If it
    // cannot be removed here, the caller forgets it.
    if (!writer.removeSnapshot(passId, nullptr))
        composed.leftover = passId;
    composed.snapshotId = *id;
    composed.bytesAdded = writer.bytesAdded();
    return composed;
}

std::optional<QString> storeFile(RepositoryReader& reader, const QByteArray& name, const QByteArray& bytes,
    const QString& host, const QStringList& tags, const QString& path, QString* error)
{
    if (!isPlainName(name) || reader.chunkerPolynomial() == 0) {
        if (error)
            *error = QStringLiteral("the file cannot be stored without restic");
        return std::nullopt;
    }
    RepositoryWriter writer(reader);
    if (!writer.lock(error) || !reader.refresh(error))
        return std::nullopt;
    QList<QByteArray> content;
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    ResticChunker chunker(reader.chunkerPolynomial());
    qint64 read = 0;
    if (!storeContent(buffer, writer, chunker, content, read, error))
        return std::nullopt;
    Entry file;
    file.kind = Entry::Kind::File;
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    file.st.st_mode = S_IFREG | 0600;
    file.st.st_mtim = file.st.st_atim = file.st.st_ctim = timespec {time_t(nowNs / 1'000'000'000), 0};
    file.st.st_uid = ::getuid();
    file.st.st_gid = ::getgid();
    file.st.st_size = bytes.size();
    file.st.st_nlink = 1;
    Names names;
    const auto tree = writer.addBlob("{\"nodes\":[" + nodeJson(name, file, content, {}, names) + "]}\n", true, error);
    if (!tree || !writer.flush(error))
        return std::nullopt;
    const QJsonObject snapshot {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("tree"), QString::fromLatin1(tree->toHex())}, {QStringLiteral("paths"), QJsonArray {path}},
        {QStringLiteral("hostname"), host}, {QStringLiteral("username"), QString::fromUtf8(names.user(::getuid()))},
        {QStringLiteral("uid"), qint64(::getuid())}, {QStringLiteral("gid"), qint64(::getgid())},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}};
    return writer.addSnapshot(QJsonDocument(snapshot).toJson(QJsonDocument::Compact), error);
}

} // namespace SnapshotComposer
