#include "activity.h"

#include "apiobjectreader.h"
#include "jsonread.h"
#include "timestamp.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <QCoreApplication>
#include <QJsonArray>

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Activity)
};

const QString kId = QStringLiteral("id");
const QString kType = QStringLiteral("type");
const QString kState = QStringLiteral("state");
const QString kResult = QStringLiteral("result");
const QString kCompletionPercent = QStringLiteral("completion_percent");
const QString kEnvironments = QStringLiteral("environments");
const QString kPayload = QStringLiteral("payload");
const QString kText = QStringLiteral("text");
const QString kLog = QStringLiteral("log");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kStartedAt = QStringLiteral("started_at");
const QString kCompletedAt = QStringLiteral("completed_at");
const QString kCancelledAt = QStringLiteral("cancelled_at");
const QString kProject = QStringLiteral("project");
const QString kUpdatedAt = QStringLiteral("updated_at");
const QString kParameters = QStringLiteral("parameters");
const QString kFailureReason = QStringLiteral("failure_reason");
const QString kTimings = QStringLiteral("timings");
const QString kDescription = QStringLiteral("description");
const QString kExpiresAt = QStringLiteral("expires_at");
const QString kCommands = QStringLiteral("commands");
const QString kLinks = QStringLiteral("_links");

constexpr Activity::State kStates[]
    = {Activity::State::Pending, Activity::State::InProgress, Activity::State::Complete, Activity::State::Cancelled};
constexpr Activity::Result kResults[] = {Activity::Result::Success, Activity::Result::Failure};

QJsonValue timeOrNull(const std::optional<qint64>& ms)
{
    return ms ? QJsonValue(Timestamp::formatMsecs(*ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Decoded<Activity> Activity::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<Activity>::failure(problems);

    static const QStringList states = [] {
        QStringList names;
        for (State s : kStates)
            names.append(stateToString(s));
        return names;
    }();
    static const QStringList results = [] {
        QStringList names;
        for (Result r : kResults)
            names.append(resultToString(r));
        return names;
    }();

    Activity activity;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kId, activity.id);
    reader.string(kType, activity.type);
    // The hosted API also has activities that wait for a later run ("scheduled") or a deployment ("staged"):
    // neither has started, so both read as pending.
    const QJsonValue stateValue = root->value(kState);
    if (stateValue == QJsonValue(QStringLiteral("scheduled")) || stateValue == QJsonValue(QStringLiteral("staged")))
        activity.state = State::Pending;
    else
        reader.enumeration(kState, &Activity::stateFromString, states, activity.state);
    reader.nullableEnumeration(kResult, &Activity::resultFromString, results, activity.result);

    // Servers send a percentage, some as a fraction (33.3); show it as a whole number within 0–100.
    const QJsonValue percent = root->value(kCompletionPercent);
    if (percent.isDouble()) {
        activity.completionPercent = int(std::lround(std::clamp(percent.toDouble(), 0.0, 100.0)));
    } else if (!percent.isUndefined()) {
        problems.append({reader.path(kCompletionPercent),
            Tr::tr("must be a number from 0 to 100, not %1").arg(JsonRead::describe(percent))});
    }

    const QJsonValue environments = root->value(kEnvironments);
    const QString environmentsPath = reader.path(kEnvironments);
    if (environments.isArray()) {
        const QJsonArray items = environments.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const auto name = JsonRead::string(items.at(i), JsonPath::index(environmentsPath, i), problems))
                activity.environments.append(*name);
        }
    } else if (!environments.isUndefined()) {
        problems.append({environmentsPath,
            Tr::tr("must be an array of environment names, not %1").arg(JsonRead::describe(environments))});
    }

    reader.object(kPayload, activity.payload);
    reader.string(kProject, activity.project);
    reader.nullableTime(kUpdatedAt, activity.updatedAtMs);
    reader.object(kParameters, activity.parameters);
    reader.nullableString(kFailureReason, activity.failureReason);
    reader.object(kTimings, activity.timings);
    reader.nullableString(kDescription, activity.description);
    reader.nullableTime(kExpiresAt, activity.expiresAtMs);
    const QJsonValue commands = root->value(kCommands);
    if (commands.isArray())
        activity.commands = commands.toArray();
    else if (!commands.isUndefined() && !commands.isNull())
        problems.append(
            {reader.path(kCommands), Tr::tr("must be an array of commands, not %1").arg(JsonRead::describe(commands))});

    reader.string(kText, activity.text);
    reader.string(kLog, activity.log);
    reader.time(kCreatedAt, activity.createdAtMs);
    reader.nullableTime(kStartedAt, activity.startedAtMs);
    reader.nullableTime(kCompletedAt, activity.completedAtMs);
    reader.nullableTime(kCancelledAt, activity.cancelledAtMs);
    reader.links(activity.links);

    if (!problems.isEmpty())
        return Decoded<Activity>::failure(problems);
    return Decoded<Activity>::success(activity);
}

QJsonObject Activity::toJson() const
{
    return QJsonObject {
        {kId, id},
        {kType, type},
        {kState, stateToString(state)},
        {kResult, result ? QJsonValue(resultToString(*result)) : QJsonValue(QJsonValue::Null)},
        {kCompletionPercent, completionPercent},
        {kEnvironments, QJsonArray::fromStringList(environments)},
        {kPayload, payload},
        {kText, text},
        {kLog, log},
        {kCreatedAt, Timestamp::formatMsecs(createdAtMs)},
        {kStartedAt, timeOrNull(startedAtMs)},
        {kCompletedAt, timeOrNull(completedAtMs)},
        {kCancelledAt, timeOrNull(cancelledAtMs)},
        {kProject, project},
        {kUpdatedAt, timeOrNull(updatedAtMs)},
        {kParameters, parameters},
        {kFailureReason, failureReason ? QJsonValue(*failureReason) : QJsonValue(QJsonValue::Null)},
        {kTimings, timings},
        {kDescription, description ? QJsonValue(*description) : QJsonValue(QJsonValue::Null)},
        {kExpiresAt, timeOrNull(expiresAtMs)},
        {kCommands, commands},
        {kLinks, links.toJson()},
    };
}

namespace {

// A payload entry that is either a plain string or a hosted object; `keys` are tried in order on the object.
QString nameIn(const QJsonValue& value, std::initializer_list<const char*> keys)
{
    if (value.isString())
        return value.toString();
    const QJsonObject object = value.toObject();
    for (const char* key : keys) {
        const QJsonValue v = object.value(QLatin1String(key));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

} // namespace

QString Activity::payloadEnvironment() const
{
    return nameIn(payload.value(QStringLiteral("environment")), {"id", "name", "machine_name"});
}

QString Activity::payloadUser() const
{
    return nameIn(payload.value(QStringLiteral("user")), {"display_name", "id"});
}

QString Activity::stateToString(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::InProgress:
        return QStringLiteral("in_progress");
    case State::Complete:
        return QStringLiteral("complete");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<Activity::State> Activity::stateFromString(const QString& text)
{
    for (State s : kStates) {
        if (stateToString(s) == text)
            return s;
    }
    return std::nullopt;
}

QString Activity::resultToString(Result result)
{
    switch (result) {
    case Result::Success:
        return QStringLiteral("success");
    case Result::Failure:
        return QStringLiteral("failure");
    }
    return {};
}

std::optional<Activity::Result> Activity::resultFromString(const QString& text)
{
    for (Result r : kResults) {
        if (resultToString(r) == text)
            return r;
    }
    return std::nullopt;
}
