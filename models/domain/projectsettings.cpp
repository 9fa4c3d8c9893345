#include "projectsettings.h"

#include "jsonread.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProjectSettings)
};

const QString kDataRetention = QStringLiteral("data_retention");
const QString kDefaultConfig = QStringLiteral("default_config");
const QString kVerify = QStringLiteral("verify");
const QString kBackupCopies = QStringLiteral("backup_copies");
const QString kNotifications = QStringLiteral("notifications");
const QString kHealth = QStringLiteral("health");

QString typeNames()
{
    QStringList names;
    for (EnvironmentType t : EnvironmentTypes::all())
        names.append(EnvironmentTypes::toString(t));
    return names.join(QLatin1String(", "));
}

void unknownType(const QString& path, const QString& name, Problems& problems)
{
    problems.append(
        {path, Tr::tr("'%1' is not an environment type (expected one of: %2)").arg(name.left(64), typeNames())});
}

} // namespace

RetentionPolicy ProjectSettings::policyFor(EnvironmentType type) const
{
    const auto it = dataRetention.constFind(type);
    return it != dataRetention.constEnd() ? *it : RetentionPolicy::defaultFor(type);
}

Decoded<ProjectSettings> ProjectSettings::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<ProjectSettings>::failure(problems);

    ProjectSettings settings;
    settings.other = *root;
    settings.other.remove(kDataRetention);
    settings.other.remove(kVerify);
    settings.other.remove(kBackupCopies);
    settings.other.remove(kNotifications);
    if (root->contains(kNotifications)) {
        Decoded<QList<NotificationTarget>> targets
            = NotificationTarget::listFromJson(root->value(kNotifications), JsonPath::key(basePath, kNotifications));
        problems.append(targets.problems);
        if (targets.value)
            settings.notifications = *targets.value;
    }
    settings.other.remove(kHealth);
    if (root->contains(kHealth)) {
        Decoded<HealthSettings> health
            = HealthSettings::fromJson(root->value(kHealth), JsonPath::key(basePath, kHealth));
        problems.append(health.problems);
        if (health.value)
            settings.health = *health.value;
    }
    if (root->contains(kBackupCopies)) {
        Decoded<QList<CopyTarget>> copies
            = CopyTarget::listFromJson(root->value(kBackupCopies), JsonPath::key(basePath, kBackupCopies));
        problems.append(copies.problems);
        if (copies.value)
            settings.backupCopies = *copies.value;
    }
    if (root->contains(kVerify)) {
        Decoded<VerifySettings> verify
            = VerifySettings::fromJson(root->value(kVerify), JsonPath::key(basePath, kVerify));
        problems.append(verify.problems);
        if (verify.value)
            settings.verify = *verify.value;
    }

    const QJsonValue retention = root->value(kDataRetention);
    const QString retentionPath = JsonPath::key(basePath, kDataRetention);
    if (!retention.isUndefined()) {
        if (const auto entries = JsonRead::object(retention, retentionPath, problems)) {
            for (auto it = entries->begin(); it != entries->end(); ++it) {
                const QString path = JsonPath::key(retentionPath, it.key());
                const auto type = EnvironmentTypes::fromString(it.key());
                if (!type) {
                    unknownType(path, it.key(), problems);
                    continue;
                }
                Decoded<RetentionPolicy> policy = RetentionPolicy::fromJson(it.value(), path);
                problems.append(policy.problems);
                if (policy.value)
                    settings.dataRetention.insert(*type, *policy.value);
            }
        }
    }
    for (EnvironmentType type : EnvironmentTypes::all()) {
        if (!settings.dataRetention.contains(type))
            settings.dataRetention.insert(type, RetentionPolicy::defaultFor(type));
    }

    if (!problems.isEmpty())
        return Decoded<ProjectSettings>::failure(problems);
    return Decoded<ProjectSettings>::success(settings);
}

QJsonObject ProjectSettings::toJson() const
{
    QJsonObject retention;
    for (EnvironmentType type : EnvironmentTypes::all())
        retention.insert(EnvironmentTypes::toString(type), policyFor(type).toJson());
    QJsonObject json = other;
    json.insert(kDataRetention, retention);
    json.insert(kVerify, verify.toJson());
    QJsonArray copies;
    for (const CopyTarget& copy : backupCopies)
        copies.append(copy.toJson());
    json.insert(kBackupCopies, copies);
    QJsonArray targets;
    for (const NotificationTarget& target : notifications)
        targets.append(target.toJson());
    json.insert(kNotifications, targets);
    json.insert(kHealth, health.toJson());
    return json;
}

Problems ProjectSettings::applyPatch(const QJsonValue& patch)
{
    Problems problems;
    const auto root = JsonRead::object(patch, QString(), problems);
    if (!root)
        return problems;

    for (auto it = root->begin(); it != root->end(); ++it) {
        if (it.key() != kDataRetention && it.key() != kVerify && it.key() != kBackupCopies && it.key() != kNotifications
            && it.key() != kHealth) {
            problems.append({it.key(),
                Tr::tr("is not a setting that can be changed here (only data_retention, verify, backup_copies, "
                       "notifications and health can be changed)")});
        }
    }

    std::optional<QList<CopyTarget>> copiesChanged;
    if (root->contains(kBackupCopies)) {
        Decoded<QList<CopyTarget>> copies = CopyTarget::listFromJson(root->value(kBackupCopies), kBackupCopies);
        problems.append(copies.problems);
        copiesChanged = copies.value;
    }

    std::optional<QList<NotificationTarget>> notificationsChanged;
    if (root->contains(kNotifications)) {
        Decoded<QList<NotificationTarget>> targets
            = NotificationTarget::listFromJson(root->value(kNotifications), kNotifications);
        problems.append(targets.problems);
        notificationsChanged = targets.value;
    }
    // `health` replaces the whole setting: types not named go back to their defaults.
    std::optional<HealthSettings> healthChanged;
    if (root->contains(kHealth)) {
        Decoded<HealthSettings> health = HealthSettings::fromJson(root->value(kHealth), kHealth);
        problems.append(health.problems);
        healthChanged = health.value;
    }

    std::optional<VerifySettings> verifyChanged;
    if (root->contains(kVerify)) {
        // Keys not given keep their current values, as inside default_config.
        QJsonObject merged = verify.toJson();
        if (const auto given = JsonRead::object(root->value(kVerify), kVerify, problems)) {
            for (auto field = given->begin(); field != given->end(); ++field)
                merged.insert(field.key(), field.value());
            Decoded<VerifySettings> decoded = VerifySettings::fromJson(merged, kVerify);
            problems.append(decoded.problems);
            verifyChanged = decoded.value;
        }
    }

    QMap<EnvironmentType, RetentionPolicy> changed;
    const QJsonValue retention = root->value(kDataRetention);
    if (!retention.isUndefined()) {
        if (const auto entries = JsonRead::object(retention, kDataRetention, problems)) {
            for (auto it = entries->begin(); it != entries->end(); ++it) {
                const QString path = JsonPath::key(kDataRetention, it.key());
                const auto type = EnvironmentTypes::fromString(it.key());
                if (!type) {
                    unknownType(path, it.key(), problems);
                    continue;
                }
                const auto entry = JsonRead::object(it.value(), path, problems);
                if (!entry)
                    continue;

                // Merge onto the current policy and let RetentionPolicy::fromJson judge the result, so the patch
                // obeys exactly the rules of a full policy. Keys of default_config that are not given keep their
                // current values ({"default_config": {"manual_count": 1}} keeps the schedule).
                QJsonObject merged = policyFor(*type).toJson();
                for (auto field = entry->begin(); field != entry->end(); ++field) {
                    if (field.key() == kDefaultConfig && field.value().isObject()) {
                        QJsonObject config = merged.value(kDefaultConfig).toObject();
                        const QJsonObject given = field.value().toObject();
                        for (auto c = given.begin(); c != given.end(); ++c)
                            config.insert(c.key(), c.value());
                        merged.insert(kDefaultConfig, config);
                    } else {
                        merged.insert(field.key(), field.value());
                    }
                }
                Decoded<RetentionPolicy> policy = RetentionPolicy::fromJson(merged, path);
                problems.append(policy.problems);
                if (policy.value)
                    changed.insert(*type, *policy.value);
            }
        }
    }

    if (!problems.isEmpty())
        return problems;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        dataRetention.insert(it.key(), it.value());
    if (verifyChanged)
        verify = *verifyChanged;
    if (copiesChanged)
        backupCopies = *copiesChanged;
    if (notificationsChanged)
        notifications = *notificationsChanged;
    if (healthChanged)
        health = *healthChanged;
    return {};
}

bool ProjectSettings::operator==(const ProjectSettings& rhs) const
{
    if (other != rhs.other || verify != rhs.verify || backupCopies != rhs.backupCopies
        || notifications != rhs.notifications || health != rhs.health)
        return false;
    for (EnvironmentType type : EnvironmentTypes::all()) {
        if (policyFor(type) != rhs.policyFor(type))
            return false;
    }
    return true;
}
