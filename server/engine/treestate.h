#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The state of an environment's trees as the file system tells it, entry by entry: what a live backup compares
// before and after its pass (the files that changed while restic read them), and what a consistent backup's pause
// scans when the kernel cannot report the changes (the entries with a change time from the pass's start on).
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
