#pragma once

#include <optional>
#include <QList>
#include <QString>
#include <QStringList>

// What the planner reads of a backup (retention-spec.md, "The plan").
struct RetentionBackup
{
    QString id;
    qint64 createdAtMs = 0; // milliseconds since the epoch, UTC
    bool automated = false;
    bool isProtected = false;
    // A safety backup (attributes.safety_for): kept 7 days from created_at outside every count, then deleted.
    bool isSafety = false;
};

// One backup with the planner's decision, its reasons and its projected expiry.
struct PlannedBackup
{
    RetentionBackup backup;
    bool keep = false;
    QStringList reasons;
    std::optional<qint64> expiresAtMs; // only for kept backups; nullopt = no projected expiry
};

struct RetentionPlan
{
    qint64 nowMs = 0;
    QList<PlannedBackup> backups; // plan order: newest first, ties by id descending
    int kept = 0;
    int deleted = 0;

    QStringList deletedIds() const;
    QStringList keptIds() const;
};
