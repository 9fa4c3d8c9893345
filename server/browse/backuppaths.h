#pragma once

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The paths of api-contract.md, "Restore with confidence": a path inside a backup starts with its part (`code/…`,
// `mounts/<name>/…`, `services/<name>`), and each part maps to where the snapshot stores it, read from the
// backup's manifest (the code path and each mount at their absolute paths, each database as its staged copy).
struct BackupPath
{
    Q_DECLARE_TR_FUNCTIONS(BackupPath)

public:
    enum class Kind {
        Root, // "" or "/": the parts
        Mounts, // "mounts": the mount parts
        Services, // "services": the databases
        Code,
        Mount,
        Service,
    };

    Kind kind = Kind::Root;
    QString part; // "code", "mounts/uploads", "services/db"; empty for Root, Mounts, Services
    QString name; // the mount's or service's name
    QString partRoot; // where the snapshot stores the part (absolute)
    QString rest; // inside the part, relative, cleaned; empty for the part itself

    bool isPart() const { return kind == Kind::Code || kind == Kind::Mount || kind == Kind::Service; }
    // The path the snapshot stores this entry at.
    QString snapshotPath() const { return rest.isEmpty() ? partRoot : partRoot + QLatin1Char('/') + rest; }
    // The API path ("code/sub/a.txt").
    QString apiPath() const;

    // Parses `path` against `manifest`; nullopt with a sentence in `error` (which does not repeat the field name)
    // when it is absolute, has `.`, `..` or empty segments, names no part of the backup, or goes inside a database.
    static std::optional<BackupPath> parse(const QString& path, const QJsonObject& manifest, QString& error);
    // Every part of a backup, in order: code, the mounts, the services.
    static QList<BackupPath> parts(const QJsonObject& manifest);
    // The part of `manifest` whose stored root holds `snapshotPath`, with `rest` filled in; nullopt if none.
    static std::optional<BackupPath> fromSnapshotPath(const QString& snapshotPath, const QJsonObject& manifest);
};
