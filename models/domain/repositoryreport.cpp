#include "repositoryreport.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <limits>
#include <QCoreApplication>
#include <QJsonArray>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RepositoryReport)
};

const QString kName = QStringLiteral("name");
const QString kLocation = QStringLiteral("location");
const QString kSizeBytes = QStringLiteral("size_bytes");
const QString kLogicalBytes = QStringLiteral("logical_bytes");
const QString kDedupRatio = QStringLiteral("dedup_ratio");
const QString kSnapshots = QStringLiteral("snapshots");
const QString kLastVerifiedAt = QStringLiteral("last_verified_at");
const QString kLastVerifyResult = QStringLiteral("last_verify_result");
const QString kLastVerifyText = QStringLiteral("last_verify_text");
const QString kKeyAcknowledgedAt = QStringLiteral("key_acknowledged_at");
const QString kRepositories = QStringLiteral("repositories");
const QString kGrowth = QStringLiteral("growth");
const QString kAt = QStringLiteral("at");

constexpr qint64 kMaxBytes = std::numeric_limits<qint64>::max();

QJsonValue optionalInteger(const std::optional<qint64>& value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Decoded<RepositoryStatus> RepositoryStatus::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<RepositoryStatus>::failure(problems);
    RepositoryStatus status;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kName, status.name);
    reader.string(kLocation, status.location);
    reader.nullableInteger(kSizeBytes, 0, kMaxBytes, status.sizeBytes);
    reader.nullableInteger(kLogicalBytes, 0, kMaxBytes, status.logicalBytes);
    const QJsonValue ratio = root->value(kDedupRatio);
    if (ratio.isDouble())
        status.dedupRatio = ratio.toDouble();
    else if (!ratio.isNull() && !ratio.isUndefined())
        problems.append(
            {reader.path(kDedupRatio), Tr::tr("must be a number or null, not %1").arg(JsonRead::describe(ratio))});
    std::optional<qint64> snapshots;
    if (reader.nullableInteger(kSnapshots, 0, std::numeric_limits<int>::max(), snapshots) && snapshots)
        status.snapshots = int(*snapshots);
    reader.nullableTime(kLastVerifiedAt, status.lastVerifiedAtMs);
    std::optional<QString> result;
    if (reader.nullableString(kLastVerifyResult, result))
        status.lastVerifyResult = result.value_or(QString());
    std::optional<QString> text;
    if (reader.nullableString(kLastVerifyText, text))
        status.lastVerifyText = text.value_or(QString());
    reader.nullableTime(kKeyAcknowledgedAt, status.keyAcknowledgedAtMs);
    if (!problems.isEmpty())
        return Decoded<RepositoryStatus>::failure(problems);
    return Decoded<RepositoryStatus>::success(status);
}

QJsonObject RepositoryStatus::toJson() const
{
    return QJsonObject {{kName, name}, {kLocation, location}, {kSizeBytes, optionalInteger(sizeBytes)},
        {kLogicalBytes, optionalInteger(logicalBytes)},
        {kDedupRatio, dedupRatio ? QJsonValue(*dedupRatio) : QJsonValue(QJsonValue::Null)}, {kSnapshots, snapshots},
        {kLastVerifiedAt,
            lastVerifiedAtMs ? QJsonValue(Timestamp::formatMsecs(*lastVerifiedAtMs)) : QJsonValue(QJsonValue::Null)},
        {kLastVerifyResult, lastVerifyResult.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastVerifyResult)},
        {kLastVerifyText, lastVerifyText.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastVerifyText)},
        {kKeyAcknowledgedAt,
            keyAcknowledgedAtMs ? QJsonValue(Timestamp::formatMsecs(*keyAcknowledgedAtMs))
                                : QJsonValue(QJsonValue::Null)}};
}

Decoded<RepositoryReport> RepositoryReport::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<RepositoryReport>::failure(problems);
    RepositoryReport report;
    const QJsonArray repositories = root->value(kRepositories).toArray();
    for (qsizetype i = 0; i < repositories.size(); ++i) {
        Decoded<RepositoryStatus> status = RepositoryStatus::fromJson(
            repositories.at(i), JsonPath::index(JsonPath::key(basePath, kRepositories), i));
        problems.append(status.problems);
        if (status.value)
            report.repositories.append(*status.value);
    }
    const QJsonArray growth = root->value(kGrowth).toArray();
    for (qsizetype i = 0; i < growth.size(); ++i) {
        const QString path = JsonPath::index(JsonPath::key(basePath, kGrowth), i);
        const auto point = JsonRead::object(growth.at(i), path, problems);
        if (!point)
            continue;
        const auto at = JsonRead::time(point->value(kAt), JsonPath::key(path, kAt), problems);
        const auto size
            = JsonRead::integer(point->value(kSizeBytes), JsonPath::key(path, kSizeBytes), 0, kMaxBytes, problems);
        if (at && size)
            report.growth.append({*at, *size});
    }
    report.links = Links::fromJson(root->value(QStringLiteral("_links")));
    if (!problems.isEmpty())
        return Decoded<RepositoryReport>::failure(problems);
    return Decoded<RepositoryReport>::success(report);
}

QJsonObject RepositoryReport::toJson() const
{
    QJsonArray repositoriesJson;
    for (const RepositoryStatus& r : repositories)
        repositoriesJson.append(r.toJson());
    QJsonArray growthJson;
    for (const GrowthPoint& p : growth)
        growthJson.append(QJsonObject {{kAt, Timestamp::formatMsecs(p.atMs)}, {kSizeBytes, double(p.sizeBytes)}});
    return QJsonObject {{kRepositories, repositoriesJson}, {kGrowth, growthJson}};
}
