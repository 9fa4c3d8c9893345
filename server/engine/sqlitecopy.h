#pragma once

#include <chrono>
#include <QCoreApplication>
#include <QString>

// Copies a SQLite database that may be in use with SQLite's online-backup API, so the copy is one consistent
// state of the source, and a live destination changes in one transaction that its open connections see whole.
// Used for backups (live database → staging file) and restores (restored file → live database). Synchronous;
// safe to run on a worker thread (QtConcurrent::run): every call opens its own connections.
class SqliteCopy
{
    Q_DECLARE_TR_FUNCTIONS(SqliteCopy)

public:
    struct Options
    {
        // Pages per sqlite3_backup_step(); -1 copies everything in one step, under one read transaction on the
        // source. Smaller steps let writers in between, but every write by another connection restarts the copy.
        int pagesPerStep;
        // How long SQLite waits for a lock before a step reports SQLITE_BUSY.
        std::chrono::milliseconds busyTimeout;
        // How long the copy keeps retrying a busy database before it gives up.
        std::chrono::milliseconds deadline;

        static Options defaults() { return Options {-1, std::chrono::milliseconds(2000), std::chrono::seconds(30)}; }
    };

    // Copies `sourcePath` into `destinationPath`, which is created when missing (then with the rollback journal,
    // so it is one self-contained file) and replaced page by page when it exists. Returns an empty string on
    // success, else a sentence saying what failed; a destination the call created is removed on failure.
    [[nodiscard]] static QString copy(const QString& sourcePath, const QString& destinationPath);
    [[nodiscard]] static QString copy(
        const QString& sourcePath, const QString& destinationPath, const Options& options);
};
