#include "repositorywriter.h"

#include "resticfastkey.h"

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <signal.h>
#include <unistd.h>
#include <zstd.h>

namespace {

// restic 0.14 starts a new pack once one holds 4 MiB; larger packs are fine for every reader.
constexpr qsizetype kPackSize = 16 * 1024 * 1024;

using ResticFastKey::sha256;

// zstd at the level restic's "auto" compression uses; nullopt when it does not pay. One context per thread, reused:
// making one costs more than compressing a small tree.
std::optional<QByteArray> compress(const QByteArray& plain)
{
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    if (!context)
        return std::nullopt;
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(plain.size()))), Qt::Uninitialized);
    const size_t n
        = ZSTD_compressCCtx(context.get(), out.data(), size_t(out.size()), plain.constData(), size_t(plain.size()), 3);
    if (ZSTD_isError(n) || n >= size_t(plain.size()))
        return std::nullopt;
    out.resize(qsizetype(n));
    return out;
}

// Written beside its final name and renamed there: restic never sees half a file.
bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    const QString temporary = path + QStringLiteral("-tmp-tidemark");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush()
        || ::fsync(file.handle()) != 0) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(QFileInfo(path).fileName().left(12), file.errorString());
        file.close();
        QFile::remove(temporary);
        return false;
    }
    file.close();
    QFile::setPermissions(temporary, QFileDevice::ReadOwner | QFileDevice::ReadUser); // as restic leaves its files
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        if (error)
            *error = QStringLiteral("cannot move %1 into place").arg(QFileInfo(path).fileName().left(12));
        QFile::remove(temporary);
        return false;
    }
    // The new name reaches the disk too, before anything that refers to the file is written.
    const int folder
        = ::open(QFile::encodeName(QFileInfo(path).path()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

} // namespace

RepositoryWriter::RepositoryWriter(RepositoryReader& reader)
    : m_reader(reader)
    , m_dir(m_reader.directory())
{ }

RepositoryWriter::~RepositoryWriter()
{
    unlock();
}

bool RepositoryWriter::lock(QString* error)
{
    if (!m_lockId.isEmpty())
        return true;
    const QString host = QHostInfo::localHostName();
    const QJsonObject lock {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("exclusive"), false}, {QStringLiteral("hostname"), host},
        {QStringLiteral("username"), QString::fromLocal8Bit(qgetenv("USER"))},
        {QStringLiteral("pid"), qint64(::getpid())}, {QStringLiteral("uid"), qint64(::getuid())},
        {QStringLiteral("gid"), qint64(::getgid())}};
    QDir().mkpath(m_dir + QStringLiteral("/locks"));
    const auto id = writeUnpacked(QStringLiteral("locks"), QJsonDocument(lock).toJson(QJsonDocument::Compact), error);
    if (!id)
        return false;
    m_lockId = *id;
    // An exclusive lock of a live restic (a prune, a check) means the repository is changing under us: as restic
    // does, give up. A lock of a process that is gone, or older than restic's 30 minutes, is stale and ignored.
    const QDir locks(m_dir + QStringLiteral("/locks"));
    for (const QString& name : locks.entryList(QDir::Files)) {
        if (name == m_lockId || name.contains(QLatin1String("-tmp-")))
            continue;
        const auto json = m_reader.readUnpacked(locks.filePath(name), name, nullptr);
        if (!json)
            continue;
        const QJsonObject other = QJsonDocument::fromJson(*json).object();
        if (!other.value(QStringLiteral("exclusive")).toBool())
            continue;
        const QDateTime time = QDateTime::fromString(other.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        const bool old = !time.isValid() || time.secsTo(QDateTime::currentDateTimeUtc()) > 30 * 60;
        const bool gone = other.value(QStringLiteral("hostname")).toString() == host
            && ::kill(pid_t(other.value(QStringLiteral("pid")).toInteger()), 0) != 0 && errno == ESRCH;
        if (old || gone)
            continue;
        unlock();
        if (error)
            *error = QStringLiteral("the repository is locked exclusively by restic (PID %1 on %2)")
                         .arg(other.value(QStringLiteral("pid")).toInteger())
                         .arg(other.value(QStringLiteral("hostname")).toString());
        return false;
    }
    return true;
}

void RepositoryWriter::unlock()
{
    if (m_lockId.isEmpty())
        return;
    QFile::remove(m_dir + QStringLiteral("/locks/") + m_lockId);
    m_lockId.clear();
}

std::optional<QByteArray> RepositoryWriter::addBlob(const QByteArray& plain, bool tree, QString* error)
{
    const QByteArray id = sha256(plain);
    const QByteArray key = (tree ? QByteArray("t") : QByteArray("d")) + id;
    if (m_stored.contains(key) || m_reader.hasBlob(id, tree))
        return id;
    PendingBlob blob;
    blob.id = id;
    blob.tree = tree;
    QByteArray sealed;
    if (m_reader.version() >= 2) {
        if (const auto packed = compress(plain)) {
            sealed = ResticFastKey::seal(m_reader.masterKey(), *packed);
            blob.uncompressed = quint32(plain.size());
        }
    }
    if (sealed.isEmpty())
        sealed = ResticFastKey::seal(m_reader.masterKey(), plain);
    if (sealed.isEmpty()) {
        if (error)
            *error = QStringLiteral("a blob could not be encrypted");
        return std::nullopt;
    }
    blob.offset = quint32(m_pack.size());
    blob.length = quint32(sealed.size());
    m_pack.append(sealed);
    m_pending.append(blob);
    m_stored.insert(key);
    m_bytesAdded += sealed.size();
    ++m_blobsAdded;
    if (m_pack.size() >= kPackSize && !writePack(error))
        return std::nullopt;
    return id;
}

bool RepositoryWriter::writePack(QString* error)
{
    if (m_pending.isEmpty())
        return true;
    // The header: per blob its type (0 data, 1 tree; 2 and 3 when compressed), sealed length, uncompressed length
    // when compressed, and id; sealed, then its sealed length as a little-endian uint32.
    QByteArray header;
    for (const PendingBlob& b : m_pending) {
        const bool packed = b.uncompressed != 0;
        header.append(char((b.tree ? 1 : 0) + (packed ? 2 : 0)));
        char number[4];
        qToLittleEndian<quint32>(b.length, number);
        header.append(number, 4);
        if (packed) {
            qToLittleEndian<quint32>(b.uncompressed, number);
            header.append(number, 4);
        }
        header.append(b.id);
    }
    const QByteArray sealedHeader = ResticFastKey::seal(m_reader.masterKey(), header);
    if (sealedHeader.isEmpty()) {
        if (error)
            *error = QStringLiteral("a pack header could not be encrypted");
        return false;
    }
    m_pack.append(sealedHeader);
    char length[4];
    qToLittleEndian<quint32>(quint32(sealedHeader.size()), length);
    m_pack.append(length, 4);
    const QByteArray id = sha256(m_pack).toHex();
    const QString folder = m_dir + QStringLiteral("/data/") + QString::fromLatin1(id.left(2));
    QDir().mkpath(folder);
    if (!writeFile(folder + QLatin1Char('/') + QString::fromLatin1(id), m_pack, error))
        return false;
    m_written.append(WrittenPack {id, m_pending});
    m_pack.clear();
    m_pending.clear();
    return true;
}

bool RepositoryWriter::flush(QString* error)
{
    if (!writePack(error))
        return false;
    if (m_written.isEmpty())
        return true;
    QJsonArray packs;
    for (const WrittenPack& pack : std::as_const(m_written)) {
        QJsonArray blobs;
        for (const PendingBlob& b : pack.blobs) {
            QJsonObject blob {{QStringLiteral("id"), QString::fromLatin1(b.id.toHex())},
                {QStringLiteral("type"), b.tree ? QStringLiteral("tree") : QStringLiteral("data")},
                {QStringLiteral("offset"), qint64(b.offset)}, {QStringLiteral("length"), qint64(b.length)}};
            if (b.uncompressed != 0)
                blob.insert(QStringLiteral("uncompressed_length"), qint64(b.uncompressed));
            blobs.append(blob);
        }
        packs.append(
            QJsonObject {{QStringLiteral("id"), QString::fromLatin1(pack.id)}, {QStringLiteral("blobs"), blobs}});
    }
    const QJsonObject index {{QStringLiteral("packs"), packs}};
    if (!writeUnpacked(QStringLiteral("index"), QJsonDocument(index).toJson(QJsonDocument::Compact), error))
        return false;
    m_written.clear();
    // The reader learns of the new blobs at its next refresh; until then m_stored answers for them.
    return true;
}

std::optional<QString> RepositoryWriter::addSnapshot(const QByteArray& json, QString* error)
{
    if (!m_pending.isEmpty() || !m_written.isEmpty()) {
        if (error)
            *error = QStringLiteral("the snapshot's blobs are not in an index yet");
        return std::nullopt;
    }
    return writeUnpacked(QStringLiteral("snapshots"), json, error);
}

bool RepositoryWriter::removeSnapshot(const QString& id, QString* error)
{
    const QString path = m_dir + QStringLiteral("/snapshots/") + id;
    if (id.size() != 64 || !QFile::remove(path)) {
        if (error)
            *error = QStringLiteral("snapshot %1 could not be removed").arg(id.left(12));
        return false;
    }
    return true;
}

std::optional<QString> RepositoryWriter::writeUnpacked(const QString& folder, const QByteArray& json, QString* error)
{
    QByteArray plain = json;
    if (m_reader.version() >= 2) {
        if (const auto packed = compress(json))
            plain = QByteArray(1, char(2)) + *packed; // restic's version byte of a compressed unpacked file
    }
    const QByteArray sealed = ResticFastKey::seal(m_reader.masterKey(), plain);
    if (sealed.isEmpty()) {
        if (error)
            *error = QStringLiteral("a %1 file could not be encrypted").arg(folder);
        return std::nullopt;
    }
    const QString id = QString::fromLatin1(sha256(sealed).toHex());
    if (!writeFile(m_dir + QLatin1Char('/') + folder + QLatin1Char('/') + id, sealed, error))
        return std::nullopt;
    return id;
}
