#pragma once

#include "browse/snapshotlisting.h"
#include "resticfastkey.h"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <vector>

// Reads a local restic repository (format 1 or 2) without starting restic: its index, snapshots, trees and file
// contents, decrypted with the master key (resticfastkey.h) and decompressed with zstd, each checked against its
// SHA-256 id. Browsing, comparing and restoring a few files need only a handful of tree and data blobs, and restic pays
// a process start, a key derivation and a full index load for each; here the index is loaded once and kept while it
// does not change, so that a folder lists in milliseconds. Only reading (what tidemarkd writes itself goes through
// repositorywriter.h). A reader that meets something it does not know (a newer format, a missing pack) reports an
// error, and the caller falls back to restic.
//
// Every method may be called from any thread; calls are serialised.
class JsonScanner;

class RepositoryReader
{
public:
    // One entry of a restic tree, as restic stores it.
    struct Node
    {
        QString name;
        QString type; // restic's: file, dir, symlink, dev, chardev, fifo, socket
        quint32 goMode = 0; // restic's mode: Go's os.FileMode
        QString mtime; // RFC 3339 with nanoseconds, as restic stores it
        QString atime;
        qint64 size = 0;
        quint32 uid = 0;
        quint32 gid = 0;
        QString linkTarget;
        QList<QByteArray> content; // data blob ids (32 bytes each)
        QByteArray subtree; // tree blob id of a dir
        quint64 links = 0; // hard links of a file, when restic recorded them
        quint64 inode = 0;
        // restic recorded something this reader does not read: extended attributes, a raw (non-UTF-8) link target,
        // other attributes.
        bool extras = false;

        // What the API says of it (the same as SnapshotListing::parseNode says of restic ls's line).
        TreeEntry entry() const;
        // Permission bits as chmod(2) takes them (setuid, setgid and sticky included).
        mode_t unixMode() const;
    };
    using Tree = QList<Node>;

    // Opens the repository at `repositoryDir` with the password in `passwordFile`; nullptr and `error` when it cannot.
    static std::shared_ptr<RepositoryReader> open(
        const QString& repositoryDir, const QString& passwordFile, QString* error);

    // The names of the repository's index files (restic's temporary files left out), as refresh() compares them.
    static QStringList indexFiles(const QString& repositoryDir);
    // Reloads the index when the repository's index files changed since it was last loaded (a backup, a prune).
    bool refresh(QString* error);
    // The root tree of snapshot `snapshotId` (the full id or a unique prefix).
    std::optional<QByteArray> snapshotTree(const QString& snapshotId, QString* error);
    std::shared_ptr<const Tree> tree(const QByteArray& id, QString* error);
    std::optional<QByteArray> blob(const QByteArray& id, QString* error);
    // The node at absolute `path` ("/srv/site/code/a.txt") under the root tree `root`: nullopt with an empty error
    // when the snapshot has no such path. "/" itself is not a node.
    std::optional<Node> find(const QByteArray& root, const QString& path, QString* error);
    // Calls `visit(absolutePath, node)` for the node at `path` and, when it is a dir, for everything under it: parents
    // before children, each folder's entries in restic's (name) order. `visit` returns false to stop the walk; walk
    // then returns true. False with `error` when something could not be read; true with nothing visited when there is
    // no such path.
    bool walk(const QByteArray& root, const QString& path,
        const std::function<bool(const QString& path, const Node& node)>& visit, QString* error);

    // A node's name as restic stores it in a tree (quoted as Go's strconv.Quote quotes, inside the JSON string) back
    // to its bytes; nullopt when the quoting is not Go's.
    static std::optional<QByteArray> unquoteName(QByteArrayView quoted);

    // How many blobs the loaded index knows (for tests and the log).
    qsizetype indexedBlobs() const;

    // What tidemarkd's own writes need (repositorywriter.h): the repository's folder, format, master key and the
    // polynomial restic's chunker uses in it.
    QString directory() const { return m_dir; }
    int version() const { return m_version; }
    const ResticFastKey::MasterKey& masterKey() const { return m_key; }
    quint64 chunkerPolynomial() const { return m_polynomial; }
    // Whether the loaded index holds the blob `id` (32 bytes) as a tree or as data.
    bool hasBlob(const QByteArray& id, bool tree) const;
    // A file outside the packs (a lock, a snapshot, an index) decrypted and decompressed; `expectedId`, when given, is
    // checked against the SHA-256 of what is stored.
    std::optional<QByteArray> readUnpacked(const QString& path, const QString& expectedId, QString* error);
    // A tree blob's JSON as restic stored it.
    std::optional<QByteArray> treeJson(const QByteArray& id, QString* error);
    // A snapshot's JSON (`snapshotId`: the full id or a unique prefix); its full id in `fullId`.
    std::optional<QByteArray> snapshotJson(const QString& snapshotId, QString* fullId, QString* error);

private:
    RepositoryReader() = default;
    struct Location
    {
        std::array<quint8, 32> id;
        quint32 pack = 0;
        quint32 offset = 0;
        quint32 length = 0;
        quint32 uncompressed = 0; // 0: stored uncompressed
        bool tree = false;
    };
    bool loadIndexLocked(QString* error);
    // Reads one index file into the index: a format 2 file a piece at a time.
    bool loadIndexFileLocked(const QString& path, const QString& name, QString* error);
    bool addIndexFile(const QByteArray& json, QString* error);
    bool addPack(JsonScanner& scan, QString* error); // one pack's entry of an index file
    static bool parseBlob(JsonScanner& scan, Location& l, QString* error); // one blob's entry in a pack's
    // Adds a pack's blobs to the index (and the pack to the packs), emptying `blobs`.
    bool finishPack(const QByteArray& packId, std::vector<Location>& blobs, QString* error);

    std::optional<QByteArray> readUnpackedLocked(const QString& path, const QString& expectedId, QString* error);
    std::optional<QByteArray> blobLocked(const QByteArray& id, bool tree, QString* error);
    std::shared_ptr<const Tree> treeLocked(const QByteArray& id, QString* error);
    std::optional<Node> findLocked(const QByteArray& root, const QString& path, QString* error);
    bool walkLocked(const Node& node, const QString& path,
        const std::function<bool(const QString&, const Node&)>& visit, bool& stopped, QString* error);

    mutable QMutex m_mutex;
    QString m_dir;
    int m_version = 0;
    quint64 m_polynomial = 0;
    ResticFastKey::MasterKey m_key;
    QStringList m_indexFiles; // what the loaded index was read from
    std::vector<Location> m_index; // sorted by id
    std::vector<QByteArray> m_packs; // hex ids, by number
    QHash<QByteArray, quint32> m_packNumbers; // hex id → number
    QHash<QByteArray, std::shared_ptr<const Tree>> m_trees;
    qsizetype m_cachedNodes = 0;
};
