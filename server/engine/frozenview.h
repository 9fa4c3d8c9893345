#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What lets a consistent backup pause an environment only for as long as it takes to copy what changed.
//
// Before the live pre-pass the trees are scanned (TreeState::scan). During the pause they are scanned again and
// every file that may have changed since the first scan is copied into a view directory, under the same absolute
// path (FrozenView::freeze); that is all the pause holds, with the database copies. After the resume, the view gets
// the rest of the trees as placeholders: sparse files with the size, mode and modification time the pre-pass saw,
// which restic, comparing size and modification time with the pre-pass as parent (--ignore-ctime --ignore-inode),
// takes as unchanged without reading them (FrozenView::complete). Copies get their modification time plus one
// nanosecond, so restic always reads them even when a change kept size and time. The second restic pass then reads
// the view, not the running environment: its snapshot is the environment as it was during the pause. Hard links
// stay links in the view.
//
// A file counts as unchanged only when size, modification and change time, inode and device are all the same in
// both scans, and its change time lies more than a safety margin before the first scan started: a write in the
// same clock tick as the first scan could otherwise go unseen (the kernel's file times are coarse).
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

// A change time this close to the first scan's start (or later) means the file may have changed unseen.
inline constexpr qint64 kRacyMarginNs = 1'000'000'000;

struct Frozen
{
    TreeState::Scan state; // the trees during the pause
    QList<QByteArray> copied; // files copied into the view
    qint64 bytesCopied = 0;
    QHash<QByteArray, QByteArray> linkTargets; // every symbolic link's target, read during the pause
    QString error; // empty on success
};

// During the pause: scans `roots` and copies every file that is not unchanged since `before` into `viewRoot`.
Frozen freeze(const QStringList& roots, const TreeState::Scan& before, const QString& viewRoot,
    qint64 racyMarginNs = kRacyMarginNs);

struct Completed
{
    qint64 placeholders = 0; // files restic must find unchanged
    QStringList skipped; // device files, which the view cannot hold
    QString error;
};

// After the resume: adds the directories, placeholders for the unchanged files, symbolic links and special files,
// and sets the directories' metadata last.
Completed complete(const Frozen& frozen, const QString& viewRoot);

// Whether files in `directory` keep modification times to the nanosecond; the view needs it.
bool keepsNanosecondTimes(const QString& directory);

} // namespace FrozenView
