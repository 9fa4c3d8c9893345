#include "healthreport.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <cmath>
#include <limits>
#include <QCoreApplication>
#include <QJsonArray>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HealthReport)
};

const QString kEnvironments = QStringLiteral("environments");
const QString kRepositories = QStringLiteral("repositories");
const QString kCopies = QStringLiteral("copies");
const QString kEnvironment = QStringLiteral("environment");
const QString kState = QStringLiteral("state");
const QString kNewestGoodBackupAt = QStringLiteral("newest_good_backup_at");
const QString kMaxAgeHours = QStringLiteral("max_age_hours");
const QString kMissedRuns = QStringLiteral("missed_runs");
const QString kNextRunAt = QStringLiteral("next_run_at");
const QString kLastFailure = QStringLiteral("last_failure");
const QString kActivity = QStringLiteral("activity");
const QString kAt = QStringLiteral("at");
const QString kText = QStringLiteral("text");
const QString kReasons = QStringLiteral("reasons");
const QString kName = QStringLiteral("name");
const QString kWhen = QStringLiteral("when");
const QString kLastRunAt = QStringLiteral("last_run_at");
const QString kLastResult = QStringLiteral("last_result");
const QString kLastText = QStringLiteral("last_text");
const QString kLastCopiedAt = QStringLiteral("last_copied_at");
const QString kFailedBackups = QStringLiteral("failed_backups");
const QString kPendingBackups = QStringLiteral("pending_backups");

const QStringList kStateNames {QStringLiteral("ok"), QStringLiteral("warning"), QStringLiteral("critical")};

QJsonValue optionalTime(const std::optional<qint64>& ms)
{
    return ms ? QJsonValue(Timestamp::formatMsecs(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalText(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void readState(ApiObjectReader& reader, HealthState& out)
{
    reader.enumeration(kState, &HealthStates::fromString, kStateNames, out);
}

void readReasons(const QJsonObject& object, const QString& path, Problems& problems, QStringList& out)
{
    const QJsonValue value = object.value(kReasons);
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isArray()) {
        problems.append({JsonPath::key(path, kReasons),
            Tr::tr("must be an array of strings, not %1").arg(JsonRead::describe(value))});
        return;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (const auto text
            = JsonRead::string(array.at(i), JsonPath::index(JsonPath::key(path, kReasons), i), problems))
            out.append(*text);
    }
}

int readCount(ApiObjectReader& reader, const QString& key)
{
    std::optional<qint64> count;
    reader.nullableInteger(key, 0, std::numeric_limits<int>::max(), count);
    return int(count.value_or(0));
}

// Each element of the array at `key` through `read`; a value that is not an array is a problem.
template<typename T, typename Read>
QList<T> readArray(const QJsonObject& root, const QString& key, const QString& basePath, Problems& problems, Read read)
{
    QList<T> out;
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return out;
    const QString path = JsonPath::key(basePath, key);
    if (!value.isArray()) {
        problems.append({path, Tr::tr("must be an array, not %1").arg(JsonRead::describe(value))});
        return out;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Decoded<T> item = read(array.at(i), JsonPath::index(path, i));
        problems.append(item.problems);
        if (item.value)
            out.append(*item.value);
    }
    return out;
}

Decoded<EnvironmentHealth> environmentFromJson(const QJsonValue& json, const QString& path)
{
    Problems problems;
    const auto root = JsonRead::object(json, path, problems);
    if (!root)
        return Decoded<EnvironmentHealth>::failure(problems);
    EnvironmentHealth e;
    ApiObjectReader reader(*root, path, problems);
    reader.requiredString(kEnvironment, e.environment);
    readState(reader, e.state);
    reader.nullableTime(kNewestGoodBackupAt, e.newestGoodBackupAtMs);
    const QJsonValue hours = root->value(kMaxAgeHours);
    if (hours.isDouble() && std::isfinite(hours.toDouble()))
        e.maxAgeHours = hours.toDouble();
    else if (!hours.isNull() && !hours.isUndefined())
        problems.append(
            {reader.path(kMaxAgeHours), Tr::tr("must be a number or null, not %1").arg(JsonRead::describe(hours))});
    e.missedRuns = readCount(reader, kMissedRuns);
    reader.nullableTime(kNextRunAt, e.nextRunAtMs);
    const QJsonValue failure = root->value(kLastFailure);
    if (!failure.isUndefined() && !failure.isNull()) {
        const QString failurePath = reader.path(kLastFailure);
        if (const auto object = JsonRead::object(failure, failurePath, problems)) {
            HealthFailure f;
            ApiObjectReader failureReader(*object, failurePath, problems);
            failureReader.string(kActivity, f.activity);
            failureReader.time(kAt, f.atMs);
            failureReader.string(kText, f.text);
            e.lastFailure = f;
        }
    }
    readReasons(*root, path, problems, e.reasons);
    if (!problems.isEmpty())
        return Decoded<EnvironmentHealth>::failure(problems);
    return Decoded<EnvironmentHealth>::success(e);
}

Decoded<CopyHealth> copyFromJson(const QJsonValue& json, const QString& path)
{
    Problems problems;
    const auto root = JsonRead::object(json, path, problems);
    if (!root)
        return Decoded<CopyHealth>::failure(problems);
    CopyHealth c;
    ApiObjectReader reader(*root, path, problems);
    reader.requiredString(kName, c.name);
    readState(reader, c.state);
    reader.string(kWhen, c.when);
    reader.nullableTime(kLastRunAt, c.lastRunAtMs);
    std::optional<QString> text;
    if (reader.nullableString(kLastResult, text))
        c.lastResult = text.value_or(QString());
    if (reader.nullableString(kLastText, text))
        c.lastText = text.value_or(QString());
    reader.nullableTime(kLastCopiedAt, c.lastCopiedAtMs);
    c.failedBackups = readCount(reader, kFailedBackups);
    c.pendingBackups = readCount(reader, kPendingBackups);
    readReasons(*root, path, problems, c.reasons);
    if (!problems.isEmpty())
        return Decoded<CopyHealth>::failure(problems);
    return Decoded<CopyHealth>::success(c);
}

} // namespace

QString HealthStates::toString(HealthState state)
{
    return kStateNames.at(int(state));
}

std::optional<HealthState> HealthStates::fromString(const QString& text)
{
    const qsizetype i = kStateNames.indexOf(text);
    if (i < 0)
        return std::nullopt;
    return HealthState(i);
}

HealthState HealthReport::state() const
{
    HealthState worst = HealthState::Ok;
    for (const EnvironmentHealth& e : environments)
        worst = std::max(worst, e.state);
    for (const CopyHealth& c : copies)
        worst = std::max(worst, c.state);
    return worst;
}

Decoded<HealthReport> HealthReport::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<HealthReport>::failure(problems);
    HealthReport report;
    report.environments = readArray<EnvironmentHealth>(*root, kEnvironments, basePath, problems, &environmentFromJson);
    report.repositories = readArray<RepositoryStatus>(*root, kRepositories, basePath, problems,
        [](const QJsonValue& v, const QString& path) { return RepositoryStatus::fromJson(v, path); });
    report.copies = readArray<CopyHealth>(*root, kCopies, basePath, problems, &copyFromJson);
    if (!problems.isEmpty())
        return Decoded<HealthReport>::failure(problems);
    return Decoded<HealthReport>::success(report);
}

QJsonObject HealthReport::toJson() const
{
    QJsonArray environmentsJson;
    for (const EnvironmentHealth& e : environments) {
        QJsonValue failure(QJsonValue::Null);
        if (e.lastFailure)
            failure = QJsonObject {{kActivity, e.lastFailure->activity},
                {kAt, Timestamp::formatMsecs(e.lastFailure->atMs)}, {kText, e.lastFailure->text}};
        environmentsJson.append(QJsonObject {{kEnvironment, e.environment}, {kState, HealthStates::toString(e.state)},
            {kNewestGoodBackupAt, optionalTime(e.newestGoodBackupAtMs)},
            {kMaxAgeHours, e.maxAgeHours ? QJsonValue(*e.maxAgeHours) : QJsonValue(QJsonValue::Null)},
            {kMissedRuns, e.missedRuns}, {kNextRunAt, optionalTime(e.nextRunAtMs)}, {kLastFailure, failure},
            {kReasons, QJsonArray::fromStringList(e.reasons)}});
    }
    QJsonArray repositoriesJson;
    for (const RepositoryStatus& r : repositories)
        repositoriesJson.append(r.toJson());
    QJsonArray copiesJson;
    for (const CopyHealth& c : copies) {
        copiesJson.append(QJsonObject {{kName, c.name}, {kState, HealthStates::toString(c.state)}, {kWhen, c.when},
            {kLastRunAt, optionalTime(c.lastRunAtMs)}, {kLastResult, optionalText(c.lastResult)},
            {kLastText, optionalText(c.lastText)}, {kLastCopiedAt, optionalTime(c.lastCopiedAtMs)},
            {kFailedBackups, c.failedBackups}, {kPendingBackups, c.pendingBackups},
            {kReasons, QJsonArray::fromStringList(c.reasons)}});
    }
    return QJsonObject {{kEnvironments, environmentsJson}, {kRepositories, repositoriesJson}, {kCopies, copiesJson}};
}
