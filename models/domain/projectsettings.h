#pragma once

#include "copytarget.h"
#include "environmenttype.h"
#include "healthsettings.h"
#include "notificationtarget.h"
#include "problem.h"
#include "retentionpolicy.h"
#include "verifysettings.h"

#include <QJsonObject>
#include <QMap>

// A project's settings. `data_retention` holds the effective policy of every environment type (defaults
// filled in); other settings the hosted API sends are kept as they are so nothing is lost on a round trip.
struct ProjectSettings
{
    QMap<EnvironmentType, RetentionPolicy> dataRetention;
    VerifySettings verify; // `verify`, defaults filled in
    QList<CopyTarget> backupCopies; // `backup_copies`; their credentials' values only right after a PATCH gave them
    // `notifications`; their secrets' values only right after a PATCH gave them
    QList<NotificationTarget> notifications;
    HealthSettings health; // `health`: freshness targets per environment type (only those set)
    QJsonObject other;

    RetentionPolicy policyFor(EnvironmentType type) const;

    // data_retention entries are strict (a policy is closed); other top-level keys are kept in `other`.
    // Types missing from data_retention get their defaults.
    static Decoded<ProjectSettings> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    // Applies a PATCH body (a partial data_retention, a `verify`, a whole `backup_copies`, `notifications` or
    // `health`): types not named are untouched; inside a type, max_backups and default_config replace the current
    // values when given; `verify` keys given replace theirs. Problems are named by path
    // (`data_retention.production.default_config.schedule[0].interval`); on problems nothing changes.
    Problems applyPatch(const QJsonValue& patch);

    // Equal when every type's effective policy (policyFor) and the other settings are equal, so a missing
    // entry equals its default and fromJson(toJson(x)) == x holds for any x.
    bool operator==(const ProjectSettings& rhs) const;
};
