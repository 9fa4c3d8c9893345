#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

// What a test compares before and after a backup or restore: files by content, and the demo database's rows.
namespace EnvironmentState {

using Tree = QMap<QString, QByteArray>; // relative path → SHA-256

// Every file under `root` (hidden ones too, .git excluded) with the hash of its content.
Tree hashTree(const QString& root);
// The demo database's orders, one "id|customer|amount_cents" line each, in id order (read-only connection).
QStringList tableRows(const QString& dbPath);
bool execSql(const QString& dbPath, const QString& sql);
bool writeFile(const QString& path, const QByteArray& data);
// Flips `count` bytes in the middle of the largest pack of the restic repository at `repository` (under its data/),
// as a failing disk would; the pack's path, or empty when there is none or it could not be changed.
QString damageLargestPack(const QString& repository, int count = 16);

} // namespace EnvironmentState
