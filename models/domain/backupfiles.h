#pragma once

#include "problem.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a backup holds (GET …/backups/{b}/files, api-contract.md "Restore with confidence"): entries of one folder.
struct BackupFileEntry
{
    QString name;
    QString path; // inside the backup: "code/…", "mounts/<name>/…", "services/<name>"
    QString type; // "dir", "file", "symlink", "database"
    std::optional<qint64> size; // files and databases
    std::optional<qint64> mtimeMs;
    int mode = 0;

    bool isFolder() const { return type == QLatin1String("dir"); }
    bool operator==(const BackupFileEntry&) const = default;
};

struct BackupListing
{
    QString path;
    QList<BackupFileEntry> entries;
    QJsonObject json; // as the server sent it (the CLI's --format json prints it)

    static Decoded<BackupListing> fromJson(const QJsonValue& json, const QString& basePath = {});
};

// A backup compared with the environment now or with another backup (GET …/backups/{b}/diff): from the backup
// (before) to the other side (after).
struct BackupDiff
{
    struct Entry
    {
        QString path;
        QString change; // "added", "changed", "removed"
        std::optional<qint64> sizeBefore;
        std::optional<qint64> sizeAfter;
    };
    struct Part
    {
        QString part;
        int added = 0;
        int changed = 0;
        int removed = 0;
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
        QList<Entry> entries;
        bool truncated = false;
    };
    struct Table
    {
        QString name;
        std::optional<qint64> rowsBackup; // null: the backup did not record it
        std::optional<qint64> rowsAgainst;
    };
    struct Service
    {
        QString name;
        QList<Table> tables;
    };

    QString backup;
    QString against; // "current" or a backup id
    QString backupCommit;
    QString againstCommit;
    QList<Part> parts;
    QList<Service> services;
    QJsonObject json; // as the server sent it

    int totalChanges() const;
    static Decoded<BackupDiff> fromJson(const QJsonValue& json, const QString& basePath = {});
};
