#include "removetree.h"

#include <fts.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>

namespace {

// Gives the owner full access to every directory in the tree; one walk cannot enter a directory it has just opened
// up, so the caller repeats while something changed.
bool openUpDirectories(const QByteArray& root)
{
    QByteArray path = root;
    char* arguments[] = {path.data(), nullptr};
    FTS* fts = ::fts_open(arguments, FTS_PHYSICAL | FTS_NOCHDIR, nullptr);
    if (!fts)
        return false;
    bool changed = false;
    while (FTSENT* entry = ::fts_read(fts)) {
        if (entry->fts_info != FTS_D && entry->fts_info != FTS_DNR)
            continue;
        struct stat st;
        if (::lstat(entry->fts_accpath, &st) != 0 || (st.st_mode & S_IRWXU) == S_IRWXU)
            continue;
        if (::chmod(entry->fts_accpath, (st.st_mode & 07777) | S_IRWXU) == 0)
            changed = true;
    }
    ::fts_close(fts);
    return changed;
}

} // namespace

bool removeTree(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true;
    if (!info.isDir() || info.isSymLink())
        return QFile::remove(path);
    for (int attempt = 0; attempt < 64; ++attempt) {
        if (QDir(path).removeRecursively())
            return true;
        if (!openUpDirectories(QFile::encodeName(path)))
            break;
    }
    return !QFileInfo::exists(path);
}
