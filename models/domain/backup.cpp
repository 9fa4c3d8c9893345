#include "backup.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <limits>
#include <QJsonArray>

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
const QString kCopies = QStringLiteral("copies");
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
    const QJsonValue copies = root->value(kCopies);
    if (copies.isArray()) {
        QList<BackupCopy> list;
        const QJsonArray array = copies.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = JsonPath::index(reader.path(kCopies), i);
            const auto entry = JsonRead::object(array.at(i), path, problems);
            if (!entry)
                continue;
            BackupCopy copy;
            ApiObjectReader copyReader(*entry, path, problems);
            copyReader.requiredString(QStringLiteral("name"), copy.name);
            copyReader.enumeration(QStringLiteral("status"), &BackupCopy::statusFromString,
                {QStringLiteral("pending"), QStringLiteral("copied"), QStringLiteral("failed")}, copy.status);
            copyReader.nullableTime(QStringLiteral("copied_at"), copy.copiedAtMs);
            std::optional<QString> error;
            copyReader.nullableString(QStringLiteral("error"), error);
            copy.error = error.value_or(QString());
            list.append(copy);
        }
        backup.copies = list;
    }

    reader.links(backup.links);

    if (!problems.isEmpty())
        return Decoded<Backup>::failure(problems);
    return Decoded<Backup>::success(backup);
}

QJsonObject Backup::toJson() const
{
    QJsonObject json {
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
    if (copies) {
        QJsonArray list;
        for (const BackupCopy& copy : *copies)
            list.append(copy.toJson());
        json.insert(kCopies, list);
    }
    return json;
}

QString BackupCopy::statusToString(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Copied:
        return QStringLiteral("copied");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Pruned:
        return QStringLiteral("pruned");
    }
    return QStringLiteral("pending");
}

std::optional<BackupCopy::Status> BackupCopy::statusFromString(const QString& text)
{
    if (text == QLatin1String("pending"))
        return Status::Pending;
    if (text == QLatin1String("copied"))
        return Status::Copied;
    if (text == QLatin1String("failed"))
        return Status::Failed;
    if (text == QLatin1String("pruned"))
        return Status::Pruned;
    return std::nullopt;
}

QJsonObject BackupCopy::toJson() const
{
    return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("status"), statusToString(status)},
        {QStringLiteral("copied_at"),
            copiedAtMs ? QJsonValue(Timestamp::formatMsecs(*copiedAtMs)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("error"), error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error)}};
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
