#pragma once

#include <optional>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// One snapshot as `restic snapshots --json` lists it.
struct ResticSnapshot
{
    QString id; // 64 hex digits
    QString shortId;
    qint64 timeMs = 0;
    QString hostname;
    QString username;
    QStringList tags;
    QStringList paths; // absolute, as restic resolved them when the snapshot was taken
    QString parent; // full id, empty for a snapshot made without a parent
    QString tree;
    QString original; // a copied snapshot: the id of the snapshot it was copied from

    // nullopt when the object lacks an id or a readable time.
    static std::optional<ResticSnapshot> fromJson(const QJsonObject& json);

    bool operator==(const ResticSnapshot&) const = default;
};
