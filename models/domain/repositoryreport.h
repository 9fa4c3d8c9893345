#pragma once

#include "links.h"
#include "problem.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>

// One restic repository of a project as `GET /projects/{p}/repository` shows it: its size, what its snapshots
// hold, and how its last verification went.
struct RepositoryStatus
{
    QString name; // "primary" or a copy's name
    QString location;
    std::optional<qint64> sizeBytes; // what the repository stores (compressed, deduplicated)
    std::optional<qint64> logicalBytes; // what its backups hold, each counted in full
    std::optional<double> dedupRatio; // logical / stored
    int snapshots = 0;
    std::optional<qint64> lastVerifiedAtMs;
    QString lastVerifyResult; // "success" | "failure" | empty when never verified
    QString lastVerifyText;
    // When an admin confirmed that the repository's password was saved somewhere safe (`key_acknowledged_at`).
    std::optional<qint64> keyAcknowledgedAtMs;

    static Decoded<RepositoryStatus> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;
    bool operator==(const RepositoryStatus&) const = default;
};

// The size of the primary repository over time, one point after each backup or verification.
struct GrowthPoint
{
    qint64 atMs = 0;
    qint64 sizeBytes = 0;

    bool operator==(const GrowthPoint&) const = default;
};

struct RepositoryReport
{
    QList<RepositoryStatus> repositories;
    QList<GrowthPoint> growth; // oldest first
    Links links; // `#verify` and `key` for admins

    // Tolerant of unknown fields, like every object the API sends.
    static Decoded<RepositoryReport> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;
    bool operator==(const RepositoryReport&) const = default;
};
