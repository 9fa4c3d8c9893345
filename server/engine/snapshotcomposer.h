#pragma once

#include "repositoryreader.h"
#include "repositorywriter.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <sys/stat.h>

// Makes a consistent backup out of one live restic pass. The kernel is asked to report every change under the
// environment's trees (changetracker.h) before restic starts; restic stores the trees while the environment runs;
// then, inside the pause, only what the kernel reported is looked at: each such path as it is at that instant (a
// file's bytes copied aside, a folder's listing, a link's target, or its absence). What was not reported did not
// change while restic read it, so restic stored it as it is at the pause. After the resume the composer rewrites
// the pass's snapshot: the folders on the way to each reported path get new trees, the copied files are stored
// (chunked as restic chunks, repositorywriter.h), and a new snapshot replaces the pass's. The result is the snapshot
// a restic pass inside the pause would have stored, at the cost of the live pass and the changes.
//
// A path that the composer cannot write the way restic would (a name restic quotes, extended attributes, a device
// or socket) makes capture() say so; the caller then stores the paused state with a second restic pass instead.
namespace SnapshotComposer {

struct Entry
{
    enum class Kind : quint8 { Removed, File, Directory, Symlink, Fifo };
    Kind kind = Kind::Removed;
    struct stat st
    { };
    QString content; // File: where its bytes are now (a copy made in the pause, or a staged database file)
    bool stored = false; // File: its bytes are stored already, as `blobs`
    QList<QByteArray> blobs;
    QByteArray linkTarget; // Symlink
    // Directory: its entries are exactly `children` (its listing when it was looked at); otherwise (a folder on the
    // way to a change) the pass's entries, with the captured ones put in.
    bool listed = false;
    QList<QByteArray> children;
};

struct Capture
{
    QHash<QByteArray, Entry> entries; // by absolute path
    qint64 examined = 0; // paths looked at
    qint64 copied = 0; // files copied aside
    qint64 stored = 0; // files stored as they were captured
    qint64 bytes = 0; // of the files copied or stored
    // Paths that could not be captured while the environment ran (still being written, no room for a copy): the
    // pause looks at them again.
    QSet<QByteArray> deferred;
    QString unsupported; // why the composer cannot write this state (the caller stores it with restic instead)
    QString error;

    // The writer that stores files as they are captured (openWriter), which compose() goes on with: the packs it
    // wrote are named by no index before then. Declared in this order so that the writer goes before its reader.
    std::shared_ptr<RepositoryReader> writerReader;
    std::shared_ptr<RepositoryWriter> writer;
};

// Makes `capture`'s writer and takes its lock: from then on files captured with Contents::Store are stored at once.
bool openWriter(const std::shared_ptr<RepositoryReader>& reader, Capture& capture, QString* error);

// What capture() does with a file's bytes.
enum class Contents {
    Copy, // copied into the copy directory (in the pause: the shortest step)
    Store, // chunked and stored at once with the capture's writer (while the environment runs: no copy to make)
    InPlace, // read where they are when composing (files nothing else writes to: the database copies and dumps)
};

// The state at this instant of the paths in `changed` (absolute, under `roots`), against the pass's root tree
// `passTree`: files copied into `copyDirectory`, stored, or left where they are (`contents`), folders listed, and
// whatever a folder holds that the pass did not store is looked at too. Also records the metadata of every folder on
// the way from "/" to each path. Adds to `capture`: called once while the environment runs (what changed during the
// pass) and again in the pause (what changed since), the later entries replace the earlier. `whileRunning`: the
// environment still runs (the capture after the pass): a file that keeps changing while it is copied is left for the
// pause, where the kernel reports it again; in the pause that is an error.
void capture(RepositoryReader& reader, const QByteArray& passTree, const QSet<QByteArray>& changed,
    const QString& copyDirectory, Contents contents, Capture& capture, bool whileRunning = false);

struct Composed
{
    QString snapshotId; // the new snapshot (or the pass's own when nothing changed)
    qint64 filesStored = 0; // files whose bytes were stored
    qint64 bytesAdded = 0; // sealed bytes added to the repository
    qint64 treesWritten = 0;
    qint64 sizeChange = 0; // bytes of files in the snapshot, against the pass's
    QString leftover; // the pass's snapshot, when it could not be removed: for the caller to forget
    QString error;
};

// Writes the new snapshot from the pass's `passSnapshotId` and the captured entries, and removes the pass's
// snapshot; with the capture's writer when it has one. Folders are written children first, and each folder of the
// pass is let go once its new tree is written: the memory held is the trees on one path, not every tree read. On error
// nothing refers to what was written (a prune removes it) and the pass's snapshot is kept.
Composed compose(
    const std::shared_ptr<RepositoryReader>& reader, const QString& passSnapshotId, const Capture& capture);

// A snapshot of one file `name` at the root holding `bytes` (what tidemarkd stores beside each backup: its manifest),
// written without restic: host, tags and the path recorded as given. Its id, or nullopt with `error`.
std::optional<QString> storeFile(RepositoryReader& reader, const QByteArray& name, const QByteArray& bytes,
    const QString& host, const QStringList& tags, const QString& path, QString* error);

} // namespace SnapshotComposer
