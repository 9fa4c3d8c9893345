#pragma once

#include "problem.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What `GET /tidemark` says of a server: its name, version and the local extensions it has. A server that
// answers 404 there (the hosted API) is a ServerInfo with no capabilities, and the client hides every
// local feature for it instead of letting it fail.
struct ServerInfo
{
    QString server; // "tidemarkd"; empty for a server without /tidemark
    QString version;
    QStringList capabilities;

    bool has(const QString& capability) const { return capabilities.contains(capability); }
    bool isTidemark() const { return !server.isEmpty(); }

    // Tolerant: unknown fields and unknown capability names are kept or ignored, never an error.
    static Decoded<ServerInfo> fromJson(const QJsonValue& json, const QString& basePath = {});
    QJsonObject toJson() const;

    bool operator==(const ServerInfo&) const = default;
};

// The names in ServerInfo::capabilities. The first edition's local extensions have names too, so that a
// client never has to guess them from the shape of other answers.
namespace Capability {
// Notes and protection of backups (PATCH …/backups/{b} with attributes).
inline const QString Annotations = QStringLiteral("annotations");
// PATCH /projects/{p}/settings?dry_run=1 answers a preview and changes nothing.
inline const QString RetentionDryRun = QStringLiteral("retention_dry_run");
// Environment descriptors (`local`), created, changed, activated and deactivated through the API.
inline const QString EnvironmentDescriptors = QStringLiteral("environment_descriptors");
// The activity log stream stays open and delivers lines as they happen.
inline const QString LogStream = QStringLiteral("log_stream");
// API tokens are admin or viewer.
inline const QString Roles = QStringLiteral("roles");
// Admins list, create and revoke API tokens (/tidemark/tokens).
inline const QString Tokens = QStringLiteral("tokens");
// Second edition, "Restore with confidence": GET …/backups/{b}/files, files/content and files/archive.
inline const QString Files = QStringLiteral("files");
// GET …/backups/{b}/diff?against=current|<backup>.
inline const QString Diff = QStringLiteral("diff");
// The restore body takes "parts" and "paths".
inline const QString PartialRestore = QStringLiteral("partial_restore");
// A safety backup before every restore ("safety_backup"), and POST /projects/{p}/activities/{a}/undo.
inline const QString SafetyBackup = QStringLiteral("safety_backup");
// POST /projects/{p}/verify and the `verify` schedule: restic check with a share of the data read back, a test
// restore; damaged backups become not restorable.
inline const QString Verify = QStringLiteral("verify");
// GET /projects/{p}/repository: size, logical size, deduplication, snapshots, last verification, growth.
inline const QString Repository = QStringLiteral("repository");
// Settings backup_copies, `restic copy` after each backup (project.backup.copy), `copies` on each backup.
inline const QString Copies = QStringLiteral("copies");
// GET /projects/{p}/health (freshness, missed runs, failures, copies, verification) and the `health` setting.
inline const QString Health = QStringLiteral("health");
// GET /metrics in the Prometheus text format (bearer token; or tidemarkd --metrics-listen without auth).
inline const QString Metrics = QStringLiteral("metrics");
} // namespace Capability
