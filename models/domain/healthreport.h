#pragma once

#include "problem.h"
#include "repositoryreport.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// How an environment, a copy or a whole project stands (api-contract.md, "Health, alerts and metrics"). The order
// is the severity: a report's state is its worst part's.
enum class HealthState { Ok, Warning, Critical };

namespace HealthStates {
QString toString(HealthState state); // "ok", "warning", "critical"
std::optional<HealthState> fromString(const QString& text);
} // namespace HealthStates

// The last backup of an environment when it failed and nothing newer succeeded.
struct HealthFailure
{
    QString activity; // the failed activity's id
    qint64 atMs = 0; // when it ended
    QString text; // its one-line summary

    bool operator==(const HealthFailure&) const = default;
};

// One environment in `GET /projects/{p}/health`.
struct EnvironmentHealth
{
    QString environment;
    HealthState state = HealthState::Ok;
    std::optional<qint64> newestGoodBackupAtMs;
    std::optional<double> maxAgeHours; // the freshness target; nullopt: none (no schedule and none set)
    int missedRuns = 0; // scheduled runs that did not happen in the recent window
    std::optional<qint64> nextRunAtMs; // when the scheduler takes the next automated backup; nullopt: never
    std::optional<HealthFailure> lastFailure;
    QStringList reasons; // plain sentences, the most severe first

    bool operator==(const EnvironmentHealth&) const = default;
};

// One copy target (`backup_copies`) in the health report.
struct CopyHealth
{
    QString name;
    HealthState state = HealthState::Ok;
    QString when; // "after_backup" | "daily"
    std::optional<qint64> lastRunAtMs; // the newest project.backup.copy activity that ended
    QString lastResult; // "success" | "failure" | empty before the first run
    QString lastText;
    std::optional<qint64> lastCopiedAtMs; // the newest time a backup arrived there
    int failedBackups = 0; // backups whose copy failed and was not made since
    int pendingBackups = 0; // backups not copied yet
    QStringList reasons;

    bool operator==(const CopyHealth&) const = default;
};

struct HealthReport
{
    QList<EnvironmentHealth> environments;
    QList<RepositoryStatus> repositories; // as in GET /projects/{p}/repository
    QList<CopyHealth> copies;

    // The worst state of every environment and copy (Ok for an empty report).
    HealthState state() const;

    // Tolerant of unknown fields, like every object the API sends; a known field of the wrong type is a problem.
    static Decoded<HealthReport> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;
    bool operator==(const HealthReport&) const = default;
};
