#pragma once

#include <functional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// What lets a consistent backup pause an environment only for as long as it takes to copy what changed, and store
// it with one restic pass that reads only what changed since the previous backup.
//
// Each environment has a mirror (FrozenView::Mirror) kept between consistent backups in tidemarkd's data directory:
// its trees under the same absolute paths, where every file is either a copy with content (copied for this backup)
// or a placeholder (a sparse file with the size, mode, owner and modification time of the file as last copied, and
// the inode it has had since). Before the pause the mirror is brought up to date with the running environment
// (syncAll: a scan that copies only the files that differ from what the mirror recorded); the kernel meanwhile
// reports what changes (changetracker.h). During the pause only those paths are looked at again (syncPaths), or,
// where the kernel cannot tell, the whole tree (syncAll, the fallback that the log names). After the resume restic
// reads the mirror once, with the snapshot stored from it last time as parent and --ignore-ctime: placeholders are
// unchanged (same size, time and inode), copies are new files (a new inode), so restic reads the copies and nothing
// else. Then the copies are emptied again (commit), keeping their inode, size and times.
//
// A file counts as unchanged only when size, modification and change time, inode and mode are all the same as
// recorded, and its change time lies more than a safety margin before the pause that recorded it ended: a write in the
// same clock tick could otherwise go unseen (the kernel's file times are coarse). The mirror starts afresh (every file
// copied) when its state is missing or was left half-updated, when the environment's trees changed, or when the
// snapshot stored from it is gone.
namespace TreeState {

struct Entry
{
    enum class Kind : quint8 { File, Directory, Symlink, Fifo, Socket, Other };
    Kind kind = Kind::Other;
    quint32 mode = 0;
    quint32 uid = 0;
    quint32 gid = 0;
    qint64 size = 0;
    qint64 atimeNs = 0;
    qint64 mtimeNs = 0;
    qint64 ctimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
    quint64 links = 1; // names of the same file (hard links)

    // Same file, not written to since (as far as the file system's times tell).
    bool sameAs(const Entry& other) const
    {
        return kind == other.kind && size == other.size && mtimeNs == other.mtimeNs && ctimeNs == other.ctimeNs
            && inode == other.inode && device == other.device && mode == other.mode;
    }
};

struct Scan
{
    QHash<QByteArray, Entry> entries; // by absolute path, in the file system's encoding
    QList<QByteArray> order; // every path, each directory before what it contains
    qint64 startedNs = 0; // CLOCK_REALTIME when the scan started
    QString error; // empty when every root was read completely
};

// Every entry under the roots (absolute directory paths), roots included; symbolic links are not followed. Entries
// that vanish between listing and reading are left out; any other failure is reported in `error`.
Scan scan(const QStringList& roots);

} // namespace TreeState

namespace FrozenView {

// A change time this close to the end of the pause that recorded a file (or later) means it may have changed unseen.
inline constexpr qint64 kRacyMarginNs = 1'000'000'000;

// What a fresh mirror of `roots` in `directory` would take (every regular file's size, plus a reserve of 64 MiB and
// 2 %), and what the file system there has free for tidemarkd.
struct Room
{
    qint64 needed = 0;
    qint64 available = 0;
};
Room roomForMirror(const QString& directory, const QStringList& roots);

class Mirror
{
public:
    // `directory` holds the mirror's trees (tree/), its state file and a marker while it is being changed.
    explicit Mirror(const QString& directory);

    QString treeRoot() const;

    // Loads the state for a backup of `roots`. `snapshotExists` tells whether the snapshot stored from the mirror
    // last time is still in the repository. Returns what the log should say when the mirror starts afresh (empty
    // when it goes on from its last backup).
    QString open(const QStringList& roots, const std::function<bool(const QString&)>& snapshotExists);
    // The snapshot the next backup takes as parent; empty when the mirror started afresh.
    QString parentSnapshotId() const { return m_fresh ? QString() : m_snapshotId; }
    bool isFresh() const { return m_fresh; }

    struct Round
    {
        qint64 examined = 0; // paths looked at
        qint64 copied = 0; // files copied with their content
        qint64 bytes = 0;
        qint64 removed = 0; // entries gone from the environment
        QStringList skipped; // device files, which the mirror cannot hold
        QString error;
    };
    // Every path under the roots.
    Round syncAll();
    // Only these paths (and the subtrees of new directories among them, which the change tracker names too).
    Round syncPaths(const QSet<QByteArray>& paths);

    // Files whose content restic must read (copied since open()), and files it must take as unchanged.
    qint64 filesCopied() const { return m_copied.size(); }
    qint64 filesUnchanged() const;

    // After the backup stored `snapshotId` from the mirror: saves the state and lets go of the records (they are read
    // again by the next open()). `pauseEndedNs` (CLOCK_REALTIME) is when the environment was resumed. The copies
    // keep their content until emptyCopies() has run.
    QString commit(const QString& snapshotId, qint64 pauseEndedNs);
    // Empties the files copied for the committed backup, keeping their inode, size and times, so the mirror takes
    // no room for them; the next open() of this mirror waits for it. Freeing blocks can be slow (a file system
    // mounted with `discard` trims them one by one), so the caller runs this after the backup has ended. A copy left
    // with its content (tidemarkd stopped meanwhile) is still a correct mirror file, only a larger one.
    void emptyCopies();
    // Gives up this round: the next backup starts afresh.
    void discard();

private:
    struct Record
    {
        TreeState::Entry entry;
        bool seen = false;
    };

    QString syncEntry(const QByteArray& path, const TreeState::Entry& now, Round& round, bool force = false);
    // Removes the entry from the mirror and the records; a directory's descendants too unless the caller removes
    // them itself.
    QString removeEntry(const QByteArray& path, Round& round, bool descendantsHandled = false);
    QString applyDirectoryMetadata();
    QString markDirty();
    bool loadState(const QStringList& roots);
    QString saveState() const;
    bool underRoots(const QByteArray& path) const;

    QString m_directory;
    QByteArray m_tree; // encoded
    QStringList m_roots;
    QList<QByteArray> m_encodedRoots;
    QString m_snapshotId;
    qint64 m_syncedNs = 0;
    bool m_fresh = true;
    bool m_dirty = false;
    QHash<QByteArray, Record> m_records; // the environment's entries as last mirrored, by absolute path
    QSet<QByteArray> m_copied; // files given content since open()
    QList<QByteArray> m_toEmpty; // the committed round's copies, for emptyCopies()
    QSet<QByteArray> m_touchedDirectories; // directories whose metadata must be set again
    // (device, inode) of a file with several names → the mirror path it was copied to since open(), and its state
    QHash<QPair<quint64, quint64>, QPair<QByteArray, TreeState::Entry>> m_linkedCopies;
    quint64 m_temporaryCounter = 0;
};

// Whether files in `directory` keep modification times to the nanosecond.
bool keepsNanosecondTimes(const QString& directory);

} // namespace FrozenView
