#pragma once

#include "environmenttype.h"
#include "problem.h"
#include "retentionpolicy.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

// One entry of the project setting `backup_copies`: a second restic repository that every backup is copied to.
// Its credentials (`env`) are write-only: an answer lists their names, never their values.
struct CopyTarget
{
    enum class When { AfterBackup, Daily };

    QString name; // [a-z0-9][a-z0-9_-]*, at most 64 characters; not "primary"
    QString repository; // any restic location: an absolute path, sftp:, rest:, s3:, rclone:, ...
    When when = When::AfterBackup;
    // The copy's own retention; nullopt keeps every backup that was copied until the primary deletes it.
    std::optional<QMap<EnvironmentType, RetentionPolicy>> dataRetention;
    QStringList envNames; // sorted
    // Only when a PATCH gave values (`"env": {"NAME": "value"}`); `"env": ["NAME"]` keeps the stored values.
    std::optional<QMap<QString, QString>> envValues;
    std::optional<int> limitUploadKib;

    RetentionPolicy policyFor(EnvironmentType type) const;

    // Strict: unknown keys, wrong types and bad values are problems named by their path (`backup_copies[0].name`).
    static Decoded<CopyTarget> fromJson(const QJsonValue& json, const QString& basePath = {});
    // `env` as the names only.
    QJsonObject toJson() const;

    // A list with unique names.
    static Decoded<QList<CopyTarget>> listFromJson(const QJsonValue& json, const QString& basePath);

    static QString whenToString(When when);

    bool operator==(const CopyTarget&) const = default;
};
