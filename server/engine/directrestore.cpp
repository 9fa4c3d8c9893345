#include "directrestore.h"

#include "domain/timestamp.h"
#include "removetree.h"
#include "repositoryreader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <QDir>
#include <QFile>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// restic's RFC 3339 time with nanoseconds as a timespec; nullopt when it does not read.
std::optional<timespec> timeOf(const QString& text)
{
    const auto ms = Timestamp::parseMsecs(text);
    if (!ms)
        return std::nullopt;
    timespec t {};
    t.tv_sec = time_t(Timestamp::floorDiv(*ms, 1000));
    long nanos = 0;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        int digits = 0;
        for (qsizetype i = dot + 1; i < text.size() && text.at(i).isDigit() && digits < 9; ++i, ++digits)
            nanos = nanos * 10 + (text.at(i).unicode() - '0');
        for (; digits < 9; ++digits)
            nanos *= 10;
    }
    t.tv_nsec = nanos;
    return t;
}

QString systemError(const QString& path, int error)
{
    return QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)));
}

struct Entry
{
    QString path; // absolute, in the snapshot
    RepositoryReader::Node node;
};

// Owner, permission bits and times of what was written, as restic restore sets them.
QString finish(const QByteArray& at, const RepositoryReader::Node& node)
{
    const bool link = node.type == QLatin1String("symlink");
    if (::geteuid() == 0 && ::lchown(at.constData(), node.uid, node.gid) != 0)
        return systemError(QFile::decodeName(at), errno);
    if (!link && ::chmod(at.constData(), node.unixMode()) != 0)
        return systemError(QFile::decodeName(at), errno);
    const auto mtime = timeOf(node.mtime);
    const auto atime = timeOf(node.atime);
    if (mtime) {
        const timespec times[2] = {atime.value_or(*mtime), *mtime};
        if (::utimensat(AT_FDCWD, at.constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
            return systemError(QFile::decodeName(at), errno);
    }
    return {};
}

} // namespace

DirectRestore::Outcome DirectRestore::write(RepositoryReader& reader, const QString& snapshotId, const QString& source,
    const QString& targetRoot, QString* error, const Limits& limits)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return Outcome::Failed;
    };
    // What the reader cannot read, restic may: nothing is written then (or what was written is taken away again),
    // and restic restores the selection.
    const auto leaveToRestic = [error](const QString& why) {
        if (error)
            *error = why;
        return Outcome::NotHandled;
    };
    QString why;
    const auto root = reader.snapshotTree(snapshotId, &why);
    if (!root)
        return leaveToRestic(why);

    // First what the selection holds, without writing anything: restic takes what is large or unusual.
    QList<Entry> entries;
    qint64 bytes = 0;
    bool handled = true;
    const bool walked = reader.walk(
        *root, source,
        [&](const QString& path, const RepositoryReader::Node& node) {
            const bool known = node.type == QLatin1String("file") || node.type == QLatin1String("dir")
                || node.type == QLatin1String("symlink");
            bytes += node.type == QLatin1String("file") ? node.size : 0;
            if (!known || node.extras || (node.type == QLatin1String("file") && node.links > 1)
                || entries.size() >= limits.maxEntries || bytes > limits.maxBytes) {
                handled = false;
                return false;
            }
            entries.append({path, node});
            return true;
        },
        &why);
    if (!walked)
        return leaveToRestic(why);
    if (!handled || entries.isEmpty())
        return Outcome::NotHandled; // the backup lacks it, or it is restic's: restic says and does the same

    const QString parent = targetRoot + QFileInfo(source).path();
    if (!QDir().mkpath(parent))
        return fail(QStringLiteral("%1 cannot be created").arg(parent));
    QList<const Entry*> folders; // their times are set last, once nothing is written into them any more
    for (const Entry& e : entries) {
        const QByteArray at = QFile::encodeName(targetRoot + e.path);
        const QString& type = e.node.type;
        if (type == QLatin1String("dir")) {
            if (::mkdir(at.constData(), 0700) != 0)
                return fail(systemError(QFile::decodeName(at), errno));
            folders.append(&e);
            continue;
        }
        if (type == QLatin1String("symlink")) {
            if (::symlink(QFile::encodeName(e.node.linkTarget).constData(), at.constData()) != 0)
                return fail(systemError(QFile::decodeName(at), errno));
        } else {
            const int fd = ::open(at.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                return fail(systemError(QFile::decodeName(at), errno));
            qint64 written = 0;
            for (const QByteArray& id : e.node.content) {
                const auto data = reader.blob(id, &why);
                if (!data) {
                    ::close(fd);
                    removeTree(targetRoot + source);
                    return leaveToRestic(why);
                }
                for (qsizetype done = 0; done < data->size();) {
                    const ssize_t n = ::write(fd, data->constData() + done, size_t(data->size() - done));
                    if (n < 0 && errno == EINTR)
                        continue;
                    if (n <= 0) {
                        const int code = errno;
                        ::close(fd);
                        return fail(systemError(QFile::decodeName(at), code));
                    }
                    done += n;
                }
                written += data->size();
            }
            if (::close(fd) != 0)
                return fail(systemError(QFile::decodeName(at), errno));
            if (written != e.node.size)
                return fail(QStringLiteral("%1: the backup holds %2 bytes of its %3")
                                .arg(e.path)
                                .arg(written)
                                .arg(e.node.size));
        }
        if (const QString problem = finish(at, e.node); !problem.isEmpty())
            return fail(problem);
    }
    for (auto it = folders.crbegin(); it != folders.crend(); ++it) {
        if (const QString problem = finish(QFile::encodeName(targetRoot + (*it)->path), (*it)->node);
            !problem.isEmpty())
            return fail(problem);
    }
    return Outcome::Written;
}
