#include "backup.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <limits>

namespace {

const QString kId = QStringLiteral("id");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kEnvironment = QStringLiteral("environment");
const QString kStatus = QStringLiteral("status");
const QString kAutomated = QStringLiteral("automated");
const QString kSafe = QStringLiteral("safe");
const QString kRestorable = QStringLiteral("restorable");
const QString kCommitId = QStringLiteral("commit_id");
const QString kExpiresAt = QStringLiteral("expires_at");
const QString kIndex = QStringLiteral("index");
const QString kSizeOfVolumes = QStringLiteral("size_of_volumes");
const QString kSizeUsed = QStringLiteral("size_used");
const QString kSizeObjectStorage = QStringLiteral("size_object_storage");
const QString kDeployment = QStringLiteral("deployment");
const QString kAttributes = QStringLiteral("attributes");
const QString kLinks = QStringLiteral("_links");

// The largest integer a JSON number (an IEEE double) holds exactly.
constexpr qint64 kMaxExactInteger = qint64(1) << 53;

QJsonValue timeOrNull(const std::optional<qint64>& ms)
{
    return ms ? QJsonValue(Timestamp::formatMsecs(*ms)) : QJsonValue(QJsonValue::Null);
}

template<typename T>
QJsonValue numberOrNull(const std::optional<T>& n)
{
    return n ? QJsonValue(qint64(*n)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Decoded<Backup> Backup::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<Backup>::failure(problems);

    static const QStringList statuses = {statusToString(Status::Created), statusToString(Status::Deleting)};

    Backup backup;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kId, backup.id);
    reader.requiredTime(kCreatedAt, backup.createdAtMs);
    if (!reader.time(kUpdatedAt, backup.updatedAtMs) && reader.value(kUpdatedAt).isUndefined())
        backup.updatedAtMs = backup.createdAtMs;
    reader.string(kEnvironment, backup.environment);
    reader.enumeration(kStatus, &Backup::statusFromString, statuses, backup.status);
    reader.boolean(kAutomated, backup.automated);
    reader.boolean(kSafe, backup.safe);
    reader.boolean(kRestorable, backup.restorable);
    reader.string(kCommitId, backup.commitId);
    reader.nullableTime(kExpiresAt, backup.expiresAtMs);

    std::optional<qint64> number;
    if (reader.nullableInteger(kIndex, 0, std::numeric_limits<int>::max(), number))
        backup.index = number ? std::optional<int>(int(*number)) : std::nullopt;
    reader.nullableInteger(kSizeOfVolumes, 0, kMaxExactInteger, backup.sizeOfVolumes);
    reader.nullableInteger(kSizeUsed, 0, kMaxExactInteger, backup.sizeUsed);
    reader.nullableInteger(kSizeObjectStorage, 0, kMaxExactInteger, backup.sizeObjectStorage);
    reader.nullableString(kDeployment, backup.deployment);
    reader.attributes(kAttributes, backup.attributes);

    reader.links(backup.links);

    if (!problems.isEmpty())
        return Decoded<Backup>::failure(problems);
    return Decoded<Backup>::success(backup);
}

QJsonObject Backup::toJson() const
{
    return QJsonObject {
        {kId, id},
        {kCreatedAt, Timestamp::formatMsecs(createdAtMs)},
        {kUpdatedAt, Timestamp::formatMsecs(updatedAtMs)},
        {kEnvironment, environment},
        {kStatus, statusToString(status)},
        {kAutomated, automated},
        {kSafe, safe},
        {kRestorable, restorable},
        {kCommitId, commitId},
        {kExpiresAt, timeOrNull(expiresAtMs)},
        {kIndex, numberOrNull(index)},
        {kSizeOfVolumes, numberOrNull(sizeOfVolumes)},
        {kSizeUsed, numberOrNull(sizeUsed)},
        {kSizeObjectStorage, numberOrNull(sizeObjectStorage)},
        {kDeployment, deployment ? QJsonValue(*deployment) : QJsonValue(QJsonValue::Null)},
        {kAttributes, ApiObjectReader::attributesJson(attributes)},
        {kLinks, links.toJson()},
    };
}

QString Backup::statusToString(Status status)
{
    switch (status) {
    case Status::Created:
        return QStringLiteral("CREATED");
    case Status::Deleting:
        return QStringLiteral("DELETING");
    }
    return {};
}

std::optional<Backup::Status> Backup::statusFromString(const QString& text)
{
    for (Status s : {Status::Created, Status::Deleting}) {
        if (statusToString(s) == text)
            return s;
    }
    return std::nullopt;
}
