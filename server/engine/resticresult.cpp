#include "resticresult.h"

namespace {

qint64 integer(const QJsonObject& json, const char* key)
{
    return json.value(QLatin1String(key)).toInteger();
}

} // namespace

ResticResult::BackupSummary ResticResult::BackupSummary::fromJson(const QJsonObject& json)
{
    BackupSummary summary;
    summary.snapshotId = json.value(QLatin1String("snapshot_id")).toString();
    summary.filesNew = integer(json, "files_new");
    summary.filesChanged = integer(json, "files_changed");
    summary.filesUnmodified = integer(json, "files_unmodified");
    summary.dirsNew = integer(json, "dirs_new");
    summary.dirsChanged = integer(json, "dirs_changed");
    summary.dirsUnmodified = integer(json, "dirs_unmodified");
    summary.dataBlobs = integer(json, "data_blobs");
    summary.treeBlobs = integer(json, "tree_blobs");
    summary.dataAdded = integer(json, "data_added");
    summary.totalFilesProcessed = integer(json, "total_files_processed");
    summary.totalBytesProcessed = integer(json, "total_bytes_processed");
    summary.totalDurationSeconds = json.value(QLatin1String("total_duration")).toDouble();
    return summary;
}

QString ResticResult::statusToString(Status status)
{
    switch (status) {
    case Status::Succeeded:
        return QStringLiteral("succeeded");
    case Status::Incomplete:
        return QStringLiteral("incomplete");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::TimedOut:
        return QStringLiteral("timed out");
    }
    return {};
}
