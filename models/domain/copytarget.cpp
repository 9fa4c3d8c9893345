#include "copytarget.h"

#include "jsonread.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CopyTarget)
};

const QString kName = QStringLiteral("name");
const QString kRepository = QStringLiteral("repository");
const QString kWhen = QStringLiteral("when");
const QString kDataRetention = QStringLiteral("data_retention");
const QString kEnv = QStringLiteral("env");
const QString kLimitUploadKib = QStringLiteral("limit_upload_kib");

constexpr int kMaxLimitUploadKib = 10 * 1024 * 1024; // 10 GiB/s: beyond any link

bool isRemoteLocation(const QString& repository)
{
    static const QRegularExpression remote(QStringLiteral("^(sftp|rest|s3|azure|gs|b2|swift|rclone):.+"));
    return remote.match(repository).hasMatch();
}

void readEnv(const QJsonValue& value, const QString& path, CopyTarget& target, Problems& problems)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    const auto checkName = [&](const QString& key, const QString& at) {
        if (!name.match(key).hasMatch()) {
            problems.append({at, Tr::tr("'%1' is not an environment variable name").arg(key.left(64))});
            return false;
        }
        // tidemarkd sets these itself: the copy's own password file and location.
        if (key.startsWith(QLatin1String("RESTIC_PASSWORD")) || key == QLatin1String("RESTIC_REPOSITORY")
            || key == QLatin1String("RESTIC_REPOSITORY_FILE") || key == QLatin1String("RESTIC_CACHE_DIR")) {
            problems.append({at, Tr::tr("%1 is set by tidemarkd (each copy has its own generated password)").arg(key)});
            return false;
        }
        return true;
    };
    if (value.isNull() || value.isUndefined())
        return;
    if (value.isArray()) {
        const QJsonArray names = value.toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString at = JsonPath::index(path, i);
            if (const auto key = JsonRead::string(names.at(i), at, problems); key && checkName(*key, at)) {
                if (!target.envNames.contains(*key))
                    target.envNames.append(*key);
            }
        }
    } else if (const auto object = JsonRead::object(value, path, problems)) {
        QMap<QString, QString> values;
        for (auto it = object->begin(); it != object->end(); ++it) {
            const QString at = JsonPath::key(path, it.key());
            if (!checkName(it.key(), at))
                continue;
            if (const auto text = JsonRead::string(it.value(), at, problems)) {
                if (text->contains(QChar(0)))
                    problems.append({at, Tr::tr("must not contain a NUL character")});
                else
                    values.insert(it.key(), *text);
            }
        }
        target.envNames = values.keys();
        target.envValues = values;
    } else {
        problems.append({path, Tr::tr("must be an object of names and values, or an array of names")});
    }
    target.envNames.sort();
}

} // namespace

RetentionPolicy CopyTarget::policyFor(EnvironmentType type) const
{
    if (!dataRetention)
        return RetentionPolicy::defaultFor(type);
    const auto it = dataRetention->constFind(type);
    return it != dataRetention->constEnd() ? *it : RetentionPolicy::defaultFor(type);
}

QString CopyTarget::whenToString(When when)
{
    return when == When::Daily ? QStringLiteral("daily") : QStringLiteral("after_backup");
}

Decoded<CopyTarget> CopyTarget::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<CopyTarget>::failure(problems);
    JsonRead::rejectUnknownKeys(
        *root, {kName, kRepository, kWhen, kDataRetention, kEnv, kLimitUploadKib}, basePath, problems);

    CopyTarget target;
    const QString namePath = JsonPath::key(basePath, kName);
    if (!root->contains(kName)) {
        problems.append({namePath, Tr::tr("is required")});
    } else if (const auto name = JsonRead::string(root->value(kName), namePath, problems)) {
        static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
        if (!pattern.match(*name).hasMatch())
            problems.append({namePath,
                Tr::tr("'%1' is not a copy name (use 1 to 64 lower-case letters, digits, - and _)")
                    .arg(name->left(64))});
        else if (*name == QLatin1String("primary"))
            problems.append({namePath, Tr::tr("'primary' names the project's own repository")});
        else
            target.name = *name;
    }

    const QString repositoryPath = JsonPath::key(basePath, kRepository);
    if (!root->contains(kRepository)) {
        problems.append({repositoryPath, Tr::tr("is required")});
    } else if (const auto repository = JsonRead::string(root->value(kRepository), repositoryPath, problems)) {
        if (repository->contains(QLatin1Char('\n')) || repository->contains(QChar(0)))
            problems.append({repositoryPath, Tr::tr("must be one line")});
        else if (!isRemoteLocation(*repository) && !repository->startsWith(QLatin1Char('/')))
            problems.append({repositoryPath,
                Tr::tr("'%1' is not a restic location (use an absolute path or sftp:, rest:, s3:, rclone:, b2:, "
                       "azure:, gs:, swift:)")
                    .arg(repository->left(200))});
        else
            target.repository = *repository;
    }

    const QJsonValue when = root->value(kWhen);
    if (!when.isUndefined() && !when.isNull()) {
        const QString whenPath = JsonPath::key(basePath, kWhen);
        if (const auto text = JsonRead::string(when, whenPath, problems)) {
            if (*text == QLatin1String("after_backup"))
                target.when = When::AfterBackup;
            else if (*text == QLatin1String("daily"))
                target.when = When::Daily;
            else
                problems.append({whenPath, Tr::tr("must be after_backup or daily")});
        }
    }

    const QJsonValue retention = root->value(kDataRetention);
    if (!retention.isUndefined() && !retention.isNull()) {
        const QString retentionPath = JsonPath::key(basePath, kDataRetention);
        if (const auto entries = JsonRead::object(retention, retentionPath, problems)) {
            QMap<EnvironmentType, RetentionPolicy> policies;
            for (auto it = entries->begin(); it != entries->end(); ++it) {
                const QString path = JsonPath::key(retentionPath, it.key());
                const auto type = EnvironmentTypes::fromString(it.key());
                if (!type) {
                    problems.append({path, Tr::tr("'%1' is not an environment type").arg(it.key().left(64))});
                    continue;
                }
                Decoded<RetentionPolicy> policy = RetentionPolicy::fromJson(it.value(), path);
                problems.append(policy.problems);
                if (policy.value)
                    policies.insert(*type, *policy.value);
            }
            target.dataRetention = policies;
        }
    }

    readEnv(root->value(kEnv), JsonPath::key(basePath, kEnv), target, problems);

    const QJsonValue limit = root->value(kLimitUploadKib);
    if (!limit.isUndefined() && !limit.isNull()) {
        if (const auto kib
            = JsonRead::integer(limit, JsonPath::key(basePath, kLimitUploadKib), 1, kMaxLimitUploadKib, problems))
            target.limitUploadKib = int(*kib);
    }

    if (!problems.isEmpty())
        return Decoded<CopyTarget>::failure(problems);
    return Decoded<CopyTarget>::success(target);
}

QJsonObject CopyTarget::toJson() const
{
    QJsonValue retention(QJsonValue::Null);
    if (dataRetention) {
        QJsonObject policies;
        for (auto it = dataRetention->constBegin(); it != dataRetention->constEnd(); ++it)
            policies.insert(EnvironmentTypes::toString(it.key()), it.value().toJson());
        retention = policies;
    }
    return QJsonObject {{kName, name}, {kRepository, repository}, {kWhen, whenToString(when)},
        {kDataRetention, retention}, {kEnv, QJsonArray::fromStringList(envNames)},
        {kLimitUploadKib, limitUploadKib ? QJsonValue(*limitUploadKib) : QJsonValue(QJsonValue::Null)}};
}

Decoded<QList<CopyTarget>> CopyTarget::listFromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    QList<CopyTarget> targets;
    if (json.isNull())
        return Decoded<QList<CopyTarget>>::success(targets);
    if (!json.isArray()) {
        problems.append({basePath, Tr::tr("must be an array of copies, not %1").arg(JsonRead::describe(json))});
        return Decoded<QList<CopyTarget>>::failure(problems);
    }
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = JsonPath::index(basePath, i);
        Decoded<CopyTarget> target = CopyTarget::fromJson(array.at(i), path);
        problems.append(target.problems);
        if (!target.value)
            continue;
        const bool taken = std::any_of(
            targets.begin(), targets.end(), [&](const CopyTarget& other) { return other.name == target.value->name; });
        if (taken)
            problems.append({JsonPath::key(path, kName),
                Tr::tr("'%1' names another copy already (names must be unique)").arg(target.value->name)});
        else
            targets.append(*target.value);
    }
    if (!problems.isEmpty())
        return Decoded<QList<CopyTarget>>::failure(problems);
    return Decoded<QList<CopyTarget>>::success(targets);
}
