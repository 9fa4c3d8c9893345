#pragma once

#include "backuppaths.h"

#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a snapshot (restic ls --json) or the live tree says of one entry, in the terms the API uses.
struct TreeEntry
{
    enum class Type { Dir, File, Symlink, Other };
    Type type = Type::Other;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    int mode = 0; // permission bits

    static QString typeName(Type type);
};

// The entries of one part, by path relative to the part's root ("" is the root itself).
using PartTree = QHash<QString, TreeEntry>;

namespace SnapshotListing {
// One line of `restic ls --json`: the node's absolute path and entry, or nullopt for the snapshot line.
std::optional<QPair<QString, TreeEntry>> parseNode(const QByteArray& line);
// The live tree under `root` (not following links), as restic would store it; `root` itself is "".
PartTree scanLive(const QString& root);
// Row counts of every table of a SQLite database, opened read-only; empty when it cannot be read.
QHash<QString, qint64> tableRows(const QString& databasePath);
} // namespace SnapshotListing
