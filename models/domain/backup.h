#pragma once

#include "links.h"
#include "problem.h"

#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// Where one backup stands on one copy target (local): `copies` of a backup.
struct BackupCopy
{
    // Pruned: removed from the copy by its own retention (never copied again; not listed by the API).
    enum class Status { Pending, Copied, Failed, Pruned };

    QString name;
    Status status = Status::Pending;
    std::optional<qint64> copiedAtMs;
    QString error; // why the last copy failed; empty otherwise

    static QString statusToString(Status status);
    static std::optional<Status> statusFromString(const QString& text);
    QJsonObject toJson() const;
    bool operator==(const BackupCopy&) const = default;
};

// A backup as the API shows it.
struct Backup
{
    enum class Status { Created, Deleting };

    QString id;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    QString environment;
    Status status = Status::Created;
    bool automated = false;
    bool safe = true;
    bool restorable = true;
    QString commitId;
    std::optional<qint64> expiresAtMs;
    std::optional<int> index;
    std::optional<qint64> sizeOfVolumes;
    std::optional<qint64> sizeUsed;
    std::optional<qint64> sizeObjectStorage; // hosted: bytes in object storage; a local server has none (null)
    std::optional<QString> deployment; // hosted: the deployment captured; null locally
    QHash<QString, QString> attributes; // (local) "note", "protected", "pause_ms", "damaged"
    // (local) one entry per copy target of the project; nullopt from a server without copies (the hosted API).
    std::optional<QList<BackupCopy>> copies;
    Links links;

    bool isProtected() const { return attributes.value(QStringLiteral("protected")) == QLatin1String("true"); }
    // Taken before a restore (attributes.safety_for = that restore's activity id); see retention-spec.md, step 2.
    bool isSafety() const { return !attributes.value(QStringLiteral("safety_for")).isEmpty(); }
    QString safetyFor() const { return attributes.value(QStringLiteral("safety_for")); }

    // Tolerant: unknown fields ignored; missing id or created_at, or a known field of the wrong type, is a problem.
    static Decoded<Backup> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    static QString statusToString(Status status);
    static std::optional<Status> statusFromString(const QString& text);

    bool operator==(const Backup&) const = default;
};
