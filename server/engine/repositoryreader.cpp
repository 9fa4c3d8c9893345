#include "repositoryreader.h"

#include "domain/timestamp.h"
#include "jsonscanner.h"

#include <algorithm>
#include <cstring>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSet>
#include <QUtf8StringView>
#include <sys/stat.h>
#include <zstd.h>

namespace {

// Trees kept decoded between calls, counted in nodes (a few hundred bytes each): a 10 000-entry folder and its
// neighbours, not a whole site.
constexpr qsizetype kMaxCachedNodes = 50000;
// A data blob is a chunk of at most 8 MiB; a tree blob holds a whole folder's entries and may be far larger. Lengths
// beyond this are a damaged index.
constexpr quint32 kMaxBlobLength = 1024u * 1024 * 1024;

// restic names its files by 64 hex digits; its local backend writes `<id>-tmp-…` files beside them first.
bool isResticName(const QString& name)
{
    if (name.size() != 64)
        return false;
    for (const QChar c : name) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// restic quotes a node's name the way Go's strconv.Quote does (inside the JSON string): \a \b \f \n \r \t \v
// \\ \", \xHH for a byte that is not UTF-8, \uHHHH and \UHHHHHHHH for characters that do not print. The bytes
// of the name, or nullopt when the quoting is not Go's.
std::optional<QByteArray> goUnquote(QByteArrayView quoted)
{
    if (!quoted.contains('\\'))
        return quoted.toByteArray();
    QByteArray out;
    out.reserve(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        const char c = quoted.at(i);
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= quoted.size())
            return std::nullopt;
        const char e = quoted.at(i);
        const auto hex = [&quoted, &i](int digits) -> std::optional<char32_t> {
            if (i + digits >= quoted.size())
                return std::nullopt;
            char32_t v = 0;
            for (int k = 1; k <= digits; ++k) {
                const char d = quoted.at(i + k);
                const int n = d >= '0' && d <= '9' ? d - '0'
                    : d >= 'a' && d <= 'f'         ? d - 'a' + 10
                    : d >= 'A' && d <= 'F'         ? d - 'A' + 10
                                                   : -1;
                if (n < 0)
                    return std::nullopt;
                v = v * 16 + char32_t(n);
            }
            i += digits;
            return v;
        };
        switch (e) {
        case 'a':
            out.append('\a');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'v':
            out.append('\v');
            break;
        case '\\':
        case '"':
            out.append(e);
            break;
        case 'x': {
            const auto v = hex(2);
            if (!v)
                return std::nullopt;
            out.append(char(*v));
            break;
        }
        case 'u':
        case 'U': {
            const auto v = hex(e == 'u' ? 4 : 8);
            if (!v || *v > 0x10FFFF || (*v >= 0xD800 && *v < 0xE000))
                return std::nullopt;
            out.append(QString::fromUcs4(&*v, 1).toUtf8());
            break;
        }
        default:
            if (e >= '0' && e <= '7') { // \NNN, octal
                if (i + 2 >= quoted.size())
                    return std::nullopt;
                int v = 0;
                for (int k = 0; k < 3; ++k) {
                    const char d = quoted.at(i + k);
                    if (d < '0' || d > '7')
                        return std::nullopt;
                    v = v * 8 + (d - '0');
                }
                if (v > 255)
                    return std::nullopt;
                i += 2;
                out.append(char(v));
                break;
            }
            return std::nullopt;
        }
    }
    return out;
}

// Go's os.FileMode bits beside the permissions.
constexpr quint32 kGoSetuid = 1u << 23;
constexpr quint32 kGoSetgid = 1u << 22;
constexpr quint32 kGoSticky = 1u << 20;

std::optional<std::array<quint8, 32>> rawId(QByteArrayView hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    const QByteArray bytes = QByteArray::fromHex(hex.toByteArray());
    if (bytes.size() != 32)
        return std::nullopt;
    std::array<quint8, 32> id;
    std::memcpy(id.data(), bytes.constData(), 32);
    return id;
}

bool lessId(const std::array<quint8, 32>& a, const std::array<quint8, 32>& b)
{
    return std::memcmp(a.data(), b.data(), 32) < 0;
}

using ResticFastKey::sha256;

// zstd, for the blobs of a repository of format 2 whose index gives the size.
std::optional<QByteArray> decompress(const QByteArray& data, quint32 size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()));
    if (ZSTD_isError(n) || n != size)
        return std::nullopt;
    return out;
}

// zstd of unknown size (an unpacked file of format 2).
std::optional<QByteArray> decompressStream(QByteArrayView data)
{
    std::unique_ptr<ZSTD_DStream, decltype(&ZSTD_freeDStream)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!stream)
        return std::nullopt;
    ZSTD_initDStream(stream.get());
    QByteArray out;
    // restic records the size in the frame: the output is allocated once, not grown (an index file can be tens of
    // megabytes).
    if (const unsigned long long size = ZSTD_getFrameContentSize(data.data(), size_t(data.size()));
        size != ZSTD_CONTENTSIZE_UNKNOWN && size != ZSTD_CONTENTSIZE_ERROR && size <= 1024ULL * 1024 * 1024)
        out.reserve(qsizetype(size));
    QByteArray buffer(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    ZSTD_inBuffer in {data.data(), size_t(data.size()), 0};
    size_t last = 1;
    while (in.pos < in.size || last != 0) {
        ZSTD_outBuffer o {buffer.data(), size_t(buffer.size()), 0};
        last = ZSTD_decompressStream(stream.get(), &o, &in);
        if (ZSTD_isError(last))
            return std::nullopt;
        out.append(buffer.constData(), qsizetype(o.pos));
        if (o.pos == 0 && in.pos == in.size && last != 0)
            return std::nullopt; // truncated
        if (out.size() > 1024LL * 1024 * 1024)
            return std::nullopt;
    }
    return out;
}

// 32 bytes from 64 hex digits, or empty.
QByteArray fromHex64(QByteArrayView hex)
{
    if (hex.size() != 64)
        return {};
    QByteArray out(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i) {
        const auto digit = [](char c) {
            return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        };
        const int hi = digit(hex.at(2 * i));
        const int lo = digit(hex.at(2 * i + 1));
        if (hi < 0 || lo < 0)
            return {};
        out[i] = char(hi * 16 + lo);
    }
    return out;
}

// A restic tree ({"nodes": [...]}) with the scanner: a 10 000-entry folder in milliseconds, where a QJsonDocument
// takes a tenth of a second. nullopt when it is not one.
std::optional<RepositoryReader::Tree> parseTree(const QByteArray& json)
{
    static const QString kFile = QStringLiteral("file");
    static const QString kDir = QStringLiteral("dir");
    static const QString kSymlink = QStringLiteral("symlink");
    JsonScanner scan(json);
    RepositoryReader::Tree tree;
    QByteArrayView key;
    QByteArrayView text;
    qint64 number = 0;
    scan.beginObject();
    while (scan.nextKey(key)) {
        if (key != "nodes") {
            scan.skip();
            continue;
        }
        if (scan.null())
            continue;
        scan.beginArray();
        while (scan.nextItem()) {
            RepositoryReader::Node n;
            scan.beginObject();
            while (scan.nextKey(key)) {
                if (key == "name") {
                    scan.string(text);
                    const auto bytes = goUnquote(text);
                    if (!bytes)
                        return std::nullopt;
                    // A name that is not UTF-8 cannot be named through the API: listed as restic would, and
                    // written out by restic only.
                    if (!QUtf8StringView(*bytes).isValidUtf8())
                        n.extras = true;
                    n.name = QString::fromUtf8(*bytes);
                } else if (key == "type") {
                    scan.string(text);
                    n.type = text == "file" ? kFile
                        : text == "dir"     ? kDir
                        : text == "symlink" ? kSymlink
                                            : QString::fromUtf8(text);
                } else if (key == "mode") {
                    scan.integer(number);
                    n.goMode = quint32(number);
                } else if (key == "mtime") {
                    scan.string(text);
                    n.mtime = QString::fromLatin1(text);
                } else if (key == "atime") {
                    scan.string(text);
                    n.atime = QString::fromLatin1(text);
                } else if (key == "links") {
                    scan.integer(number);
                    n.links = quint64(number);
                } else if (key == "inode") {
                    scan.integer(number);
                    n.inode = quint64(number);
                } else if (key == "extended_attributes" || key == "linktarget_raw" || key == "generic_attributes") {
                    if (!scan.null()) {
                        n.extras = true;
                        scan.skip();
                    }
                } else if (key == "size") {
                    scan.integer(number);
                    n.size = number;
                } else if (key == "uid") {
                    scan.integer(number);
                    n.uid = quint32(number);
                } else if (key == "gid") {
                    scan.integer(number);
                    n.gid = quint32(number);
                } else if (key == "linktarget") {
                    scan.string(text);
                    n.linkTarget = QString::fromUtf8(text);
                } else if (key == "subtree") {
                    if (!scan.null()) {
                        scan.string(text);
                        n.subtree = fromHex64(text);
                        if (n.subtree.isEmpty())
                            return std::nullopt;
                    }
                } else if (key == "content") {
                    if (scan.null())
                        continue;
                    scan.beginArray();
                    while (scan.nextItem()) {
                        scan.string(text);
                        const QByteArray id = fromHex64(text);
                        if (id.isEmpty())
                            return std::nullopt;
                        n.content.append(id);
                    }
                } else {
                    scan.skip();
                }
            }
            if (scan.failed())
                return std::nullopt;
            // What restic reads from a file system has neither; a tree that does is not one to walk or write out.
            if (n.name.isEmpty() || n.name == QLatin1String(".") || n.name == QLatin1String("..")
                || n.name.contains(QLatin1Char('/')) || n.name.contains(QChar(0)))
                return std::nullopt;
            tree.append(std::move(n));
        }
    }
    if (!scan.atEnd())
        return std::nullopt;
    QSet<QString> names;
    names.reserve(tree.size());
    for (const RepositoryReader::Node& n : tree) {
        if (names.contains(n.name))
            return std::nullopt; // two entries of one name
        names.insert(n.name);
    }
    return tree;
}

} // namespace

TreeEntry RepositoryReader::Node::entry() const
{
    TreeEntry e;
    e.type = type == QLatin1String("dir")  ? TreeEntry::Type::Dir
        : type == QLatin1String("file")    ? TreeEntry::Type::File
        : type == QLatin1String("symlink") ? TreeEntry::Type::Symlink
                                           : TreeEntry::Type::Other;
    e.size = size;
    e.mtimeMs = Timestamp::parseMsecs(mtime).value_or(0);
    e.mode = int(goMode & 07777); // as SnapshotListing::parseNode reads restic ls's mode
    return e;
}

mode_t RepositoryReader::Node::unixMode() const
{
    mode_t m = goMode & 0777;
    if (goMode & kGoSetuid)
        m |= S_ISUID;
    if (goMode & kGoSetgid)
        m |= S_ISGID;
    if (goMode & kGoSticky)
        m |= S_ISVTX;
    return m;
}

std::shared_ptr<RepositoryReader> RepositoryReader::open(
    const QString& repositoryDir, const QString& passwordFile, QString* error)
{
    std::shared_ptr<RepositoryReader> reader(new RepositoryReader);
    reader->m_dir = repositoryDir;
    const QByteArray password = ResticFastKey::passwordFromFile(passwordFile);
    if (password.isEmpty()) {
        if (error)
            *error = QStringLiteral("the password file cannot be read");
        return nullptr;
    }
    const auto key = ResticFastKey::masterKey(repositoryDir, password, error);
    if (!key)
        return nullptr;
    reader->m_key = *key;
    QMutexLocker lock(&reader->m_mutex);
    // The config is never compressed: its version says whether anything else may be.
    reader->m_version = 1;
    const auto config = reader->readUnpackedLocked(repositoryDir + QStringLiteral("/config"), QString(), error);
    if (!config)
        return nullptr;
    const QJsonObject configObject = QJsonDocument::fromJson(*config).object();
    reader->m_version = configObject.value(QStringLiteral("version")).toInt();
    reader->m_polynomial = configObject.value(QStringLiteral("chunker_polynomial")).toString().toULongLong(nullptr, 16);
    if (reader->m_version != 1 && reader->m_version != 2) {
        if (error)
            *error = QStringLiteral("repository format %1 is not known").arg(reader->m_version);
        return nullptr;
    }
    if (!reader->loadIndexLocked(error))
        return nullptr;
    return reader;
}

QStringList RepositoryReader::indexFiles(const QString& repositoryDir)
{
    QStringList names = QDir(repositoryDir + QStringLiteral("/index")).entryList(QDir::Files, QDir::Name);
    names.removeIf([](const QString& name) { return !isResticName(name); });
    return names;
}

bool RepositoryReader::refresh(QString* error)
{
    QMutexLocker lock(&m_mutex);
    return loadIndexLocked(error);
}

qsizetype RepositoryReader::indexedBlobs() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_index.size());
}

std::optional<QByteArray> RepositoryReader::readUnpacked(const QString& path, const QString& expectedId, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return readUnpackedLocked(path, expectedId, error);
}

std::optional<QByteArray> RepositoryReader::readUnpackedLocked(
    const QString& path, const QString& expectedId, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    const QByteArray sealed = file.readAll();
    // Files are named by the SHA-256 of what is stored (the config excepted).
    if (!expectedId.isEmpty() && QString::fromLatin1(sha256(sealed).toHex()) != expectedId) {
        if (error)
            *error = QStringLiteral("%1 is damaged (its hash does not match its name)").arg(expectedId.left(12));
        return std::nullopt;
    }
    auto plain = ResticFastKey::open(m_key, sealed);
    if (!plain) {
        if (error)
            *error = QStringLiteral("%1 does not open with the repository's key").arg(QFileInfo(path).fileName());
        return std::nullopt;
    }
    if (m_version < 2 || plain->isEmpty() || plain->at(0) == '{' || plain->at(0) == '[')
        return plain;
    if (plain->at(0) != 2) {
        if (error)
            *error = QStringLiteral("%1 has an unknown encoding").arg(QFileInfo(path).fileName());
        return std::nullopt;
    }
    auto json = decompressStream(QByteArrayView(*plain).sliced(1));
    if (!json && error)
        *error = QStringLiteral("%1 does not decompress").arg(QFileInfo(path).fileName());
    return json;
}

bool RepositoryReader::loadIndexLocked(QString* error)
{
    const QDir dir(m_dir + QStringLiteral("/index"));
    const QStringList files = indexFiles(m_dir);
    if (files == m_indexFiles && !m_indexFiles.isEmpty())
        return true;
    // A backup adds index files and removes none: only those are read, and merged into what is loaded (at 300 000
    // files the whole index is tens of megabytes of JSON). A file gone (a prune rewrote the index) means reading all.
    const QSet<QString> now(files.cbegin(), files.cend());
    const bool onlyAdded = !m_indexFiles.isEmpty()
        && std::all_of(
            m_indexFiles.cbegin(), m_indexFiles.cend(), [&now](const QString& f) { return now.contains(f); });
    QStringList toRead;
    if (onlyAdded) {
        const QSet<QString> loaded(m_indexFiles.cbegin(), m_indexFiles.cend());
        for (const QString& name : files) {
            if (!loaded.contains(name))
                toRead.append(name);
        }
    } else {
        m_index.clear();
        m_packs.clear();
        m_packNumbers.clear();
        toRead = files;
    }
    m_indexFiles.clear(); // until the index is whole again
    const size_t sorted = m_index.size();
    for (const QString& name : std::as_const(toRead)) {
        if (!loadIndexFileLocked(dir.filePath(name), name, error)) {
            m_index.clear();
            m_packs.clear();
            m_packNumbers.clear();
            return false;
        }
    }
    const auto byId = [](const Location& a, const Location& b) { return lessId(a.id, b.id); };
    std::sort(m_index.begin() + qsizetype(sorted), m_index.end(), byId);
    std::inplace_merge(m_index.begin(), m_index.begin() + qsizetype(sorted), m_index.end(), byId);
    if (m_index.capacity() > m_index.size() + m_index.size() / 2)
        m_index.shrink_to_fit();
    m_indexFiles = files;
    return true;
}

namespace {

bool indexDamaged(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("an index file is damaged (%1)").arg(why);
    return false;
}

} // namespace

bool RepositoryReader::parseBlob(JsonScanner& scan, Location& l, QString* error)
{
    QByteArrayView key;
    QByteArrayView text;
    qint64 offset = -1;
    qint64 length = -1;
    qint64 uncompressed = 0;
    bool haveId = false;
    qint64 number = 0;
    scan.beginObject();
    while (scan.nextKey(key)) {
        if (key == "id") {
            scan.string(text);
            const auto id = rawId(text);
            if (!id)
                return indexDamaged(error, QStringLiteral("a blob id"));
            l.id = *id;
            haveId = true;
        } else if (key == "type") {
            scan.string(text);
            l.tree = text == "tree";
        } else if (key == "offset") {
            scan.integer(offset);
        } else if (key == "length") {
            scan.integer(length);
        } else if (key == "uncompressed_length") {
            scan.integer(number);
            uncompressed = number;
        } else {
            scan.skip();
        }
    }
    if (scan.failed())
        return indexDamaged(error, QStringLiteral("not JSON"));
    if (!haveId || length <= 0 || length > kMaxBlobLength || offset < 0 || offset > 4294967295LL || uncompressed < 0
        || uncompressed > kMaxBlobLength)
        return indexDamaged(error, QStringLiteral("a blob's entry"));
    l.offset = quint32(offset);
    l.length = quint32(length);
    l.uncompressed = quint32(uncompressed);
    return true;
}

bool RepositoryReader::finishPack(const QByteArray& packId, std::vector<Location>& blobs, QString* error)
{
    if (packId.size() != 64)
        return indexDamaged(error, QStringLiteral("a pack without an id"));
    auto number = m_packNumbers.constFind(packId);
    if (number == m_packNumbers.cend()) {
        number = m_packNumbers.insert(packId, quint32(m_packs.size()));
        m_packs.push_back(packId);
    }
    for (Location& l : blobs) {
        l.pack = *number;
        m_index.push_back(l);
    }
    blobs.clear();
    return true;
}

bool RepositoryReader::addPack(JsonScanner& scan, QString* error)
{
    QByteArrayView key;
    QByteArrayView text;
    QByteArray packId;
    std::vector<Location> blobs;
    scan.beginObject();
    while (scan.nextKey(key)) {
        if (key == "id") {
            scan.string(text);
            packId = text.toByteArray();
        } else if (key == "blobs") {
            if (scan.null())
                continue;
            scan.beginArray();
            while (scan.nextItem()) {
                Location l;
                if (!parseBlob(scan, l, error))
                    return false;
                blobs.push_back(l);
            }
        } else {
            scan.skip();
        }
    }
    if (scan.failed())
        return indexDamaged(error, QStringLiteral("not JSON"));
    return finishPack(packId, blobs, error);
}

bool RepositoryReader::addIndexFile(const QByteArray& json, QString* error)
{
    JsonScanner scan(json);
    QByteArrayView key;
    const auto packs = [&]() -> bool {
        scan.beginArray();
        while (scan.nextItem()) {
            if (!addPack(scan, error))
                return false;
        }
        return !scan.failed() || indexDamaged(error, QStringLiteral("not JSON"));
    };
    // Format 1's oldest index files are a bare array of packs.
    if (!json.isEmpty() && json.trimmed().startsWith('[')) {
        if (!packs())
            return false;
    } else {
        scan.beginObject();
        while (scan.nextKey(key)) {
            if (key == "packs") {
                if (!scan.null() && !packs())
                    return false;
            } else {
                scan.skip();
            }
        }
    }
    return scan.atEnd() || indexDamaged(error, QStringLiteral("not JSON"));
}

bool RepositoryReader::loadIndexFileLocked(const QString& path, const QString& name, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString());
        return false;
    }
    std::optional<QByteArray> plain;
    {
        const QByteArray sealed = file.readAll();
        if (QString::fromLatin1(sha256(sealed).toHex()) != name) {
            if (error)
                *error = QStringLiteral("%1 is damaged (its hash does not match its name)").arg(name.left(12));
            return false;
        }
        plain = ResticFastKey::open(m_key, sealed);
    }
    if (!plain) {
        if (error)
            *error = QStringLiteral("%1 does not open with the repository's key").arg(name);
        return false;
    }
    if (m_version < 2 || plain->isEmpty() || plain->at(0) == '{' || plain->at(0) == '[')
        return addIndexFile(*plain, error);
    if (plain->at(0) != 2) {
        if (error)
            *error = QStringLiteral("%1 has an unknown encoding").arg(name);
        return false;
    }
    // Decompressed a piece at a time and read blob by blob as the pieces come: restic writes
    // `{"supersedes":[…],"packs":[{"id":…,"blobs":[{…},…]},…]}`, and an index file of a large repository is tens of
    // megabytes of JSON (one pack of small, compressible files alone can be several) that need not be held at once.
    std::unique_ptr<ZSTD_DStream, decltype(&ZSTD_freeDStream)> stream(ZSTD_createDStream(), ZSTD_freeDStream);
    if (!stream)
        return indexDamaged(error, QStringLiteral("no decompressor"));
    ZSTD_initDStream(stream.get());
    const QByteArrayView compressed = QByteArrayView(*plain).sliced(1);
    // Room for its entries at once (each takes a hundred bytes of JSON or more), rather than doubling as they come.
    if (const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), size_t(compressed.size()));
        size != ZSTD_CONTENTSIZE_UNKNOWN && size != ZSTD_CONTENTSIZE_ERROR) {
        const size_t wanted = m_index.size() + size_t(size / 100);
        if (wanted > m_index.capacity())
            m_index.reserve(std::max(wanted, m_index.capacity() + m_index.capacity() / 2));
    }
    ZSTD_inBuffer in {compressed.data(), size_t(compressed.size()), 0};
    QByteArray piece(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    QByteArray text;
    qsizetype at = 0;
    // Where the reading is: before the packs, between packs, among a pack's members, among its blobs.
    enum class State { BeforePacks, BetweenPacks, InPack, InBlobs, Done } state = State::BeforePacks;
    QByteArray packId;
    std::vector<Location> blobs; // of the pack being read
    size_t last = 1;
    bool ended = false;
    const auto space = [&text](qsizetype i) { return QChar::isSpace(uchar(text.at(i))); };
    const auto skipSeparators = [&] {
        while (at < text.size() && (text.at(at) == ',' || space(at)))
            ++at;
    };
    // The end of the string that starts at `from` (its closing quote), or -1 when the text ends first.
    const auto endOfString = [&text](qsizetype from) -> qsizetype {
        for (qsizetype i = from + 1; i < text.size(); ++i) {
            if (text.at(i) == '\\')
                ++i;
            else if (text.at(i) == '"')
                return i;
        }
        return -1;
    };
    while (state != State::Done) {
        // What is complete in `text` is read first; a piece that ends inside a token waits for the next.
        bool needMore = false;
        while (!needMore && state != State::Done) {
            if (state == State::BeforePacks) {
                const qsizetype key = text.indexOf("\"packs\":", at);
                qsizetype open = key < 0 ? -1 : key + 8;
                while (open >= 0 && open < text.size() && space(open))
                    ++open;
                if (open < 0 || open >= text.size() || (text.at(open) == 'n' && text.size() - open < 4)) {
                    needMore = true;
                } else if (text.at(open) == '[') {
                    at = open + 1;
                    state = State::BetweenPacks;
                } else if (text.mid(open, 4) == "null") {
                    state = State::Done;
                } else {
                    return indexDamaged(error, QStringLiteral("not JSON"));
                }
                continue;
            }
            skipSeparators();
            if (at >= text.size()) {
                needMore = true;
                continue;
            }
            const char c = text.at(at);
            if (state == State::BetweenPacks) {
                if (c == ']') {
                    state = State::Done;
                } else if (c == '{') {
                    ++at;
                    packId.clear();
                    blobs.clear();
                    state = State::InPack;
                } else {
                    return indexDamaged(error, QStringLiteral("not JSON"));
                }
            } else if (state == State::InBlobs) {
                if (c == ']') {
                    ++at;
                    state = State::InPack;
                } else if (c != '{') {
                    return indexDamaged(error, QStringLiteral("not JSON"));
                } else if (const qsizetype end = JsonScanner::endOfValue(text, at); end < 0) {
                    needMore = true;
                } else {
                    JsonScanner scan(QByteArrayView(text).sliced(at, end - at));
                    Location l;
                    if (!parseBlob(scan, l, error))
                        return false;
                    blobs.push_back(l);
                    at = end;
                }
            } else if (c == '}') { // InPack: its end
                if (!finishPack(packId, blobs, error))
                    return false;
                ++at;
                state = State::BetweenPacks;
            } else if (c != '"') {
                return indexDamaged(error, QStringLiteral("not JSON"));
            } else {
                // A member: its key, and its value as far as it is needed.
                const qsizetype keyEnd = endOfString(at);
                qsizetype value = keyEnd < 0 ? -1 : keyEnd + 1;
                while (value >= 0 && value < text.size() && space(value))
                    ++value;
                if (value >= 0 && value < text.size() && text.at(value) != ':')
                    return indexDamaged(error, QStringLiteral("not JSON"));
                if (value >= 0)
                    ++value;
                while (value >= 0 && value < text.size() && space(value))
                    ++value;
                if (value < 0 || value + 4 > text.size()) {
                    needMore = true;
                    continue;
                }
                const QByteArrayView key = QByteArrayView(text).sliced(at + 1, keyEnd - at - 1);
                const char v = text.at(value);
                if (key == "blobs" && v == '[') {
                    at = value + 1;
                    state = State::InBlobs;
                } else if (v == '"') {
                    const qsizetype end = endOfString(value);
                    if (end < 0) {
                        needMore = true;
                        continue;
                    }
                    if (key == "id")
                        packId = text.mid(value + 1, end - value - 1);
                    at = end + 1;
                } else if (v == '{' || v == '[') {
                    const qsizetype end = JsonScanner::endOfValue(text, value);
                    if (end < 0) {
                        needMore = true;
                        continue;
                    }
                    at = end;
                } else {
                    // A number, true, false or null: up to the next ',' or '}'.
                    qsizetype end = value;
                    while (end < text.size() && text.at(end) != ',' && text.at(end) != '}')
                        ++end;
                    if (end >= text.size()) {
                        needMore = true;
                        continue;
                    }
                    at = end;
                }
            }
        }
        if (state == State::Done)
            break;
        if (ended)
            return indexDamaged(error, QStringLiteral("not JSON"));
        // Then the next piece, after what was read is dropped.
        if (at > 0) {
            text.remove(0, at);
            at = 0;
        }
        ZSTD_outBuffer out {piece.data(), size_t(piece.size()), 0};
        last = ZSTD_decompressStream(stream.get(), &out, &in);
        if (ZSTD_isError(last))
            return indexDamaged(error, QStringLiteral("it does not decompress"));
        text.append(piece.constData(), qsizetype(out.pos));
        if (out.pos == 0 && in.pos == in.size)
            ended = true;
        if (text.size() > 256LL * 1024 * 1024)
            return indexDamaged(error, QStringLiteral("an entry is too large"));
    }
    return true;
}

std::optional<QByteArray> RepositoryReader::snapshotJson(const QString& snapshotId, QString* fullId, QString* error)
{
    QMutexLocker lock(&m_mutex);
    QString id = snapshotId;
    const QDir dir(m_dir + QStringLiteral("/snapshots"));
    if (id.size() != 64) {
        QStringList matches = dir.entryList({id + QLatin1Char('*')}, QDir::Files);
        matches.removeIf([](const QString& name) { return !isResticName(name); });
        if (matches.size() != 1 || id.isEmpty()) {
            if (error)
                *error = QStringLiteral("snapshot %1 is not in the repository").arg(snapshotId.left(64));
            return std::nullopt;
        }
        id = matches.first();
    }
    if (fullId)
        *fullId = id;
    return readUnpackedLocked(dir.filePath(id), id, error);
}

std::optional<QByteArray> RepositoryReader::snapshotTree(const QString& snapshotId, QString* error)
{
    QString id;
    const auto json = snapshotJson(snapshotId, &id, error);
    if (!json)
        return std::nullopt;
    const QByteArray tree = QByteArray::fromHex(
        QJsonDocument::fromJson(*json).object().value(QStringLiteral("tree")).toString().toLatin1());
    if (tree.size() != 32) {
        if (error)
            *error = QStringLiteral("snapshot %1 has no tree").arg(id.left(12));
        return std::nullopt;
    }
    return tree;
}

bool RepositoryReader::hasBlob(const QByteArray& id, bool tree) const
{
    if (id.size() != 32)
        return false;
    QMutexLocker lock(&m_mutex);
    std::array<quint8, 32> key;
    std::memcpy(key.data(), id.constData(), 32);
    auto [first, last] = std::equal_range(m_index.cbegin(), m_index.cend(), Location {key},
        [](const Location& a, const Location& b) { return lessId(a.id, b.id); });
    return std::any_of(first, last, [tree](const Location& l) { return l.tree == tree; });
}

std::optional<QByteArray> RepositoryReader::unquoteName(QByteArrayView quoted)
{
    return goUnquote(quoted);
}

std::optional<QByteArray> RepositoryReader::treeJson(const QByteArray& id, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return blobLocked(id, true, error);
}

std::optional<QByteArray> RepositoryReader::blob(const QByteArray& id, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return blobLocked(id, false, error);
}

std::optional<QByteArray> RepositoryReader::blobLocked(const QByteArray& id, bool tree, QString* error)
{
    const auto hex = [&id] { return QString::fromLatin1(id.toHex().left(12)); };
    if (id.size() != 32) {
        if (error)
            *error = QStringLiteral("a blob id is not 32 bytes");
        return std::nullopt;
    }
    std::array<quint8, 32> key;
    std::memcpy(key.data(), id.constData(), 32);
    // A blob may be in several packs (a backup that ran while another did); any of them serves, the right type first.
    auto [first, last] = std::equal_range(m_index.cbegin(), m_index.cend(), Location {key},
        [](const Location& a, const Location& b) { return lessId(a.id, b.id); });
    if (first == last) {
        if (error)
            *error = QStringLiteral("blob %1 is not in the index").arg(hex());
        return std::nullopt;
    }
    QString why;
    for (auto it = first; it != last; ++it) {
        if (it->tree != tree)
            continue;
        const QByteArray& pack = m_packs.at(it->pack);
        QFile file(
            QStringLiteral("%1/data/%2/%3").arg(m_dir, QString::fromLatin1(pack.left(2)), QString::fromLatin1(pack)));
        if (!file.open(QIODevice::ReadOnly) || !file.seek(it->offset)) {
            why = QStringLiteral("pack %1 cannot be read: %2")
                      .arg(QString::fromLatin1(pack.left(12)), file.errorString());
            continue;
        }
        const QByteArray sealed = file.read(it->length);
        auto plain = sealed.size() == qsizetype(it->length) ? ResticFastKey::open(m_key, sealed) : std::nullopt;
        if (plain && it->uncompressed != 0)
            plain = decompress(*plain, it->uncompressed);
        if (!plain || sha256(*plain) != id) {
            why = QStringLiteral("blob %1 in pack %2 is damaged").arg(hex(), QString::fromLatin1(pack.left(12)));
            continue;
        }
        return plain;
    }
    if (error)
        *error = why.isEmpty() ? QStringLiteral("blob %1 is not in the index as a %2")
                                     .arg(hex(), tree ? QStringLiteral("tree") : QStringLiteral("data"))
                               : why;
    return std::nullopt;
}

std::shared_ptr<const RepositoryReader::Tree> RepositoryReader::tree(const QByteArray& id, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return treeLocked(id, error);
}

std::shared_ptr<const RepositoryReader::Tree> RepositoryReader::treeLocked(const QByteArray& id, QString* error)
{
    if (const auto cached = m_trees.constFind(id); cached != m_trees.cend())
        return *cached;
    const auto json = blobLocked(id, true, error);
    if (!json)
        return nullptr;
    auto parsed = parseTree(*json);
    if (!parsed) {
        if (error)
            *error = QStringLiteral("tree %1 is not a restic tree").arg(QString::fromLatin1(id.toHex().left(12)));
        return nullptr;
    }
    auto tree = std::make_shared<const Tree>(std::move(*parsed));
    if (m_cachedNodes + tree->size() > kMaxCachedNodes) {
        m_trees.clear();
        m_cachedNodes = 0;
    }
    m_trees.insert(id, tree);
    m_cachedNodes += tree->size() + 1;
    return tree;
}

std::optional<RepositoryReader::Node> RepositoryReader::find(
    const QByteArray& root, const QString& path, QString* error)
{
    QMutexLocker lock(&m_mutex);
    return findLocked(root, path, error);
}

std::optional<RepositoryReader::Node> RepositoryReader::findLocked(
    const QByteArray& root, const QString& path, QString* error)
{
    if (error)
        error->clear();
    const QStringList steps = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (steps.isEmpty() || steps.contains(QStringLiteral("..")) || steps.contains(QStringLiteral(".")))
        return std::nullopt;
    QByteArray at = root;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const auto tree = treeLocked(at, error);
        if (!tree)
            return std::nullopt;
        // restic keeps each tree's nodes sorted by name (byte order of UTF-8, as QString's order of UTF-16 is for
        // everything but characters beyond the BMP): look it up in order, and by a scan if that misses.
        const QString& step = steps.at(i);
        auto it = std::lower_bound(
            tree->cbegin(), tree->cend(), step, [](const Node& n, const QString& name) { return n.name < name; });
        if (it == tree->cend() || it->name != step)
            it = std::find_if(tree->cbegin(), tree->cend(), [&step](const Node& n) { return n.name == step; });
        if (it == tree->cend())
            return std::nullopt;
        if (i + 1 == steps.size())
            return *it;
        if (it->type != QLatin1String("dir") || it->subtree.isEmpty())
            return std::nullopt;
        at = it->subtree;
    }
    return std::nullopt;
}

bool RepositoryReader::walk(const QByteArray& root, const QString& path,
    const std::function<bool(const QString&, const Node&)>& visit, QString* error)
{
    QMutexLocker lock(&m_mutex);
    const auto node = findLocked(root, path, error);
    if (!node)
        return error == nullptr || error->isEmpty();
    const QString clean = QLatin1Char('/') + path.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/'));
    bool stopped = false;
    return walkLocked(*node, clean, visit, stopped, error);
}

bool RepositoryReader::walkLocked(const Node& node, const QString& path,
    const std::function<bool(const QString&, const Node&)>& visit, bool& stopped, QString* error)
{
    if (!visit(path, node)) {
        stopped = true;
        return true;
    }
    if (node.type != QLatin1String("dir") || node.subtree.isEmpty())
        return true;
    const auto tree = treeLocked(node.subtree, error);
    if (!tree)
        return false;
    for (const Node& child : *tree) {
        if (!walkLocked(child, path + QLatin1Char('/') + child.name, visit, stopped, error))
            return false;
        if (stopped)
            return true;
    }
    return true;
}
