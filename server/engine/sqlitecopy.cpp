#include "sqlitecopy.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

namespace {

// Closes its connection however the copy ends.
struct Connection
{
    sqlite3* db = nullptr;

    Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection()
    {
        if (db)
            sqlite3_close_v2(db);
    }
};

QString errorText(sqlite3* db, int rc)
{
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

void removeDatabaseFiles(const QString& path)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

QString SqliteCopy::copy(const QString& sourcePath, const QString& destinationPath)
{
    return copy(sourcePath, destinationPath, Options::defaults());
}

QString SqliteCopy::copy(const QString& sourcePath, const QString& destinationPath, const Options& options)
{
    const QFileInfo source(sourcePath);
    const QFileInfo destination(destinationPath);
    // Never through a link, at either end: the application that owns a database can plant one at any time, and a
    // copy through it would read or overwrite whatever it points at (SQLITE_OPEN_NOFOLLOW below closes the race).
    if (source.isSymLink() || destination.isSymLink())
        return tr("The database %1 is a symbolic link; tidemarkd does not follow it.")
            .arg(source.isSymLink() ? sourcePath : destinationPath);
    if (!source.isFile())
        return tr("The database %1 does not exist.").arg(sourcePath);
    const bool created = !destination.exists();
    if (!created && source.canonicalFilePath() == destination.canonicalFilePath())
        return tr("The database %1 cannot be copied onto itself.").arg(sourcePath);

    QString error;
    {
        Connection from;
        Connection to;
        int rc = sqlite3_open_v2(
            QFile::encodeName(sourcePath).constData(), &from.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, nullptr);
        if (rc != SQLITE_OK)
            error = tr("Could not open the database %1: %2").arg(sourcePath, errorText(from.db, rc));
        if (error.isEmpty()) {
            rc = sqlite3_open_v2(QFile::encodeName(destinationPath).constData(), &to.db,
                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, nullptr);
            if (rc != SQLITE_OK)
                error = tr("Could not open the database %1: %2").arg(destinationPath, errorText(to.db, rc));
        }
        if (error.isEmpty()) {
            // Each step waits this long for a lock; the loop below retries until the deadline.
            const auto busy = std::min(options.busyTimeout, options.deadline);
            sqlite3_busy_timeout(from.db, int(busy.count()));
            sqlite3_busy_timeout(to.db, int(busy.count()));

            sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
            if (!backup) {
                error = tr("Could not start copying %1 to %2: %3")
                            .arg(sourcePath, destinationPath, errorText(to.db, SQLITE_ERROR));
            } else {
                QElapsedTimer elapsed;
                elapsed.start();
                int pages = options.pagesPerStep > 0 ? options.pagesPerStep : -1;
                for (;;) {
                    rc = sqlite3_backup_step(backup, pages);
                    if (rc == SQLITE_DONE)
                        break;
                    const auto spent = std::chrono::milliseconds(elapsed.elapsed());
                    if (rc == SQLITE_OK) {
                        // Writes by other connections restart a stepwise copy: past half the deadline, copy the
                        // rest in one step.
                        if (pages > 0 && spent * 2 >= options.deadline)
                            pages = -1;
                        continue;
                    }
                    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && spent < options.deadline) {
                        if (rc == SQLITE_LOCKED) // the busy handler does not wait for this one
                            sqlite3_sleep(20);
                        continue;
                    }
                    break;
                }
                const int stepResult = rc;
                const int finishResult = sqlite3_backup_finish(backup);
                if (stepResult == SQLITE_BUSY || stepResult == SQLITE_LOCKED) {
                    error = tr("The copy of %1 to %2 was given up: a database stayed locked by another "
                               "connection for %n second(s).",
                        nullptr, int((options.deadline.count() + 999) / 1000))
                                .arg(sourcePath, destinationPath);
                } else if (stepResult != SQLITE_DONE) {
                    error = tr("Could not copy the database %1 to %2: %3")
                                .arg(sourcePath, destinationPath, QString::fromUtf8(sqlite3_errstr(stepResult)));
                } else if (finishResult != SQLITE_OK) {
                    error = tr("Could not copy the database %1 to %2: %3")
                                .arg(sourcePath, destinationPath, errorText(to.db, finishResult));
                }
            }
        }
        if (error.isEmpty() && created) {
            // A copy of a WAL database says "WAL" in its header; a staging file should stand alone.
            char* message = nullptr;
            rc = sqlite3_exec(to.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &message);
            if (rc != SQLITE_OK)
                error = tr("Could not finish the copy %1: %2").arg(destinationPath, QString::fromUtf8(message));
            sqlite3_free(message);
        }
    }
    if (!error.isEmpty() && created)
        removeDatabaseFiles(destinationPath);
    return error;
}
