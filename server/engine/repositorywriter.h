#pragma once

#include "repositoryreader.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

// Adds blobs, an index and a snapshot to a local restic repository (format 1 or 2) the way restic 0.14 writes them,
// for what a consistent backup composes after its restic pass (snapshotcomposer.h): a few trees and the contents of
// the files that changed while restic read. Blobs go into pack files (each blob sealed with the master key, format 2
// compressed with zstd; the sealed header and its length at the end), each pack written beside its final name and
// renamed into `data/`; an index file names them; the snapshot is written last, so that nothing refers to what is not
// yet there. A blob the repository or this writer already has is not stored again. While it writes, the writer holds
// a non-exclusive restic lock, as restic's own backup does, so that a `prune` never removes a pack that an index does
// not name yet.
//
// Not thread-safe: one writer per composition, on one thread.
class RepositoryWriter
{
public:
    // `reader` (open, refreshed) gives the key, the format and the index; it must outlive the writer.
    explicit RepositoryWriter(RepositoryReader& reader);
    ~RepositoryWriter(); // unlocks; blobs not flushed are not written

    // Writes the lock file; false with `error` when it cannot be written.
    bool lock(QString* error);
    void unlock();

    // Stores `plain` as a data or tree blob unless the repository has it; its id (SHA-256 of `plain`).
    std::optional<QByteArray> addBlob(const QByteArray& plain, bool tree, QString* error);
    // Writes the pack being filled and an index file of every pack written since the last flush.
    bool flush(QString* error);
    // Writes a snapshot (restic's JSON) and returns its id. Flush first.
    std::optional<QString> addSnapshot(const QByteArray& json, QString* error);
    // Removes a snapshot file, as `restic forget` does for one snapshot; its data stays until a prune.
    bool removeSnapshot(const QString& id, QString* error);

    // Bytes of blobs stored (sealed, as in the packs) since the writer was made.
    qint64 bytesAdded() const { return m_bytesAdded; }
    int blobsAdded() const { return m_blobsAdded; }

private:
    struct PendingBlob
    {
        QByteArray id;
        bool tree = false;
        quint32 offset = 0;
        quint32 length = 0; // sealed
        quint32 uncompressed = 0; // 0: stored uncompressed
    };
    struct WrittenPack
    {
        QByteArray id; // hex
        QList<PendingBlob> blobs;
    };
    bool writePack(QString* error);
    // An unpacked file (index, snapshot, lock): sealed, compressed first in format 2; written to `folder/<id>` by
    // way of a temporary file. Its id.
    std::optional<QString> writeUnpacked(const QString& folder, const QByteArray& json, QString* error);

    RepositoryReader& m_reader;
    QString m_dir;
    QByteArray m_pack; // the pack being filled: sealed blobs
    QList<PendingBlob> m_pending;
    QList<WrittenPack> m_written; // not yet in an index
    QSet<QByteArray> m_stored; // ids (with a leading 't' or 'd') stored by this writer
    QString m_lockId;
    qint64 m_bytesAdded = 0;
    int m_blobsAdded = 0;
};
