#pragma once

#include "domain/activity.h"
#include "domain/backup.h"
#include "domain/environment.h"
#include "domain/projectsettings.h"
#include "domain/repositoryreport.h"
#include "healthcheck.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// The readable (non-JSON) output of tidemark-cli: tables and one-line sentences about the API's objects.
class CliOutput
{
    Q_DECLARE_TR_FUNCTIONS(CliOutput)

public:
    static QString environments(const QList<Environment>& environments);
    static QString backups(const QList<Backup>& backups);
    static QString backupDetails(const Backup& backup);
    static QString activities(const QList<Activity>& activities);
    static QString activityDetails(const Activity& activity);
    static QString policies(const ProjectSettings& settings);
    // One row per repository (primary and copies), then the size over time.
    static QString repositories(const RepositoryReport& report);
    // The health table: a row per environment (with the profile when `withProfile`), then copies that are not ok.
    static QString health(const QList<HealthCheck::Row>& rows, bool withProfile);
    // `preview` is the dry run's environment → retention preview (PreviewReport's JSON shape).
    static QString retentionPreview(const QJsonObject& preview);

    // "backup of main", "restore of staging", "deletion of backup 5ouv…" — names an activity in progress lines.
    static QString activityLabel(const Activity& activity);
    // The last line of a waiting command: what happened, or why not.
    static QString activityOutcome(const Activity& activity);
    static bool succeeded(const Activity& activity);

    static QString time(qint64 msecsSinceEpoch);
    static QString duration(qint64 milliseconds);
    static QString size(qint64 bytes);
    static QString backupKind(const Backup& backup);
};
