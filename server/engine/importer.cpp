#include "importer.h"

#include "resticrepository.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Importer)
};

const QString kManifestTag = QStringLiteral("tidemark-manifest");
const QString kManifestFile = QStringLiteral("tidemark-backup.json");
constexpr int kResticTimeoutMs = 6 * 3600 * 1000; // a copy of a large repository over a slow link

QString tagValue(const QJsonObject& snapshot, const QString& prefix)
{
    for (const QJsonValue& tag : snapshot.value(QStringLiteral("tags")).toArray()) {
        if (tag.toString().startsWith(prefix))
            return tag.toString().mid(prefix.size());
    }
    return {};
}

bool hasTag(const QJsonObject& snapshot, const QString& wanted)
{
    const QJsonArray tags = snapshot.value(QStringLiteral("tags")).toArray();
    return std::any_of(tags.begin(), tags.end(), [&wanted](const QJsonValue& t) { return t.toString() == wanted; });
}

} // namespace

Importer::Importer(Store& store, const QString& dataDir)
    : m_store(store)
    , m_dataDir(QDir(dataDir).absolutePath())
{ }

bool Importer::fail(const QString& error)
{
    m_error = error;
    return false;
}

bool Importer::restic(const QStringList& arguments, const QString& repository, const QString& passwordFile,
    QByteArray* out, const QString& cacheDir)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& key : environment.keys()) {
        if (key.startsWith(QLatin1String("RESTIC_")))
            environment.remove(key);
    }
    environment.insert(QStringLiteral("RESTIC_REPOSITORY"), repository);
    environment.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), passwordFile);
    if (!cacheDir.isEmpty())
        environment.insert(QStringLiteral("RESTIC_CACHE_DIR"), cacheDir);
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral("restic"), QStringList {QStringLiteral("--json")} + arguments);
    if (!process.waitForStarted(30000))
        return fail(Tr::tr("Could not run restic: %1").arg(process.errorString()));
    if (!process.waitForFinished(kResticTimeoutMs)) {
        process.kill();
        process.waitForFinished(10000);
        return fail(Tr::tr("restic %1 did not finish.").arg(arguments.value(0)));
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString said = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return fail(Tr::tr("restic %1 on %2 failed: %3").arg(arguments.value(0), repository, said.right(2000)));
    }
    return true;
}

bool Importer::run(const QString& location, const QString& passwordFile, const QString& projectId)
{
    if (location.isEmpty())
        return fail(Tr::tr("--repository: the location of the repository to import from is missing"));
    if (!QFileInfo(passwordFile).isFile())
        return fail(Tr::tr("--password-file: '%1' is not a file").arg(passwordFile));
    const QString cache = m_dataDir + QStringLiteral("/staging/import-cache");
    QByteArray listing;
    if (!restic({QStringLiteral("snapshots")}, location, passwordFile, &listing, cache))
        return false;
    const QJsonArray snapshots = QJsonDocument::fromJson(listing).array();

    // backup id → the snapshot of its data and of its manifest, in the source.
    QHash<QString, QString> dataSnapshot;
    QHash<QString, QString> manifestSnapshot;
    // A copied snapshot keeps the id of the one it was first copied from (`original`); restic copy passes it on,
    // so it names the same snapshot in the source and in the new primary.
    QHash<QString, QString> originalOf;
    for (const QJsonValue& value : snapshots) {
        const QJsonObject snapshot = value.toObject();
        const QString id = snapshot.value(QStringLiteral("id")).toString();
        const QString original = snapshot.value(QStringLiteral("original")).toString();
        originalOf.insert(id, original.isEmpty() ? id : original);
        const QString backupId = tagValue(snapshot, QStringLiteral("backup="));
        if (backupId.isEmpty() || hasTag(snapshot, QStringLiteral("pre-pass")))
            continue;
        if (hasTag(snapshot, kManifestTag))
            manifestSnapshot.insert(backupId, snapshot.value(QStringLiteral("id")).toString());
        else if (hasTag(snapshot, QStringLiteral("tidemark")))
            dataSnapshot.insert(backupId, snapshot.value(QStringLiteral("id")).toString());
    }
    if (manifestSnapshot.isEmpty())
        return fail(Tr::tr("The repository %1 holds no Tidemark backup manifests: nothing to import.").arg(location));

    // Read every manifest first; group the backups by project.
    QHash<QString, QList<QJsonObject>> byProject;
    for (auto it = manifestSnapshot.constBegin(); it != manifestSnapshot.constEnd(); ++it) {
        if (!dataSnapshot.contains(it.key()))
            continue; // the backup's data is gone (deleted after its manifest was copied)
        QByteArray json;
        if (!restic({QStringLiteral("dump"), it.value(), QLatin1Char('/') + kManifestFile}, location, passwordFile,
                &json, cache))
            return false;
        const QJsonObject manifest = QJsonDocument::fromJson(json).object();
        const QString project
            = manifest.value(QStringLiteral("project")).toObject().value(QStringLiteral("id")).toString();
        if (project.isEmpty() || (!projectId.isEmpty() && project != projectId))
            continue;
        byProject[project].append(manifest);
    }
    if (byProject.isEmpty())
        return fail(projectId.isEmpty()
                ? Tr::tr("No backup in %1 could be imported.").arg(location)
                : Tr::tr("--project: no backup of project '%1' is in %2.").arg(projectId, location));

    for (auto project = byProject.constBegin(); project != byProject.constEnd(); ++project) {
        const QString p = project.key();
        const QJsonObject first = project.value().constFirst().value(QStringLiteral("project")).toObject();
        if (!m_store.project(p)) {
            const auto settings = ProjectSettings::fromJson(first.value(QStringLiteral("settings")));
            Project record {p, first.value(QStringLiteral("title")).toString(),
                first.value(QStringLiteral("timezone")).toString(QStringLiteral("UTC")), {}};
            if (!m_store.insertProject(
                    record, settings.ok() ? *settings.value : *ProjectSettings::fromJson(QJsonObject()).value))
                return fail(m_store.error());
        }
        // The new primary repository: created with the source's chunker parameters, filled by restic copy.
        const ResticRepository::Settings primary
            = ResticRepository::Settings::inDirectory(m_dataDir + QStringLiteral("/repositories/") + p);
        ResticRepository repository(primary);
        QStringList ids;
        for (const QJsonObject& manifest : project.value()) {
            const QString backupId
                = manifest.value(QStringLiteral("backup")).toObject().value(QStringLiteral("id")).toString();
            ids << dataSnapshot.value(backupId) << manifestSnapshot.value(backupId);
        }
        if (!QFileInfo::exists(primary.passwordFile)) {
            QDir().mkpath(QFileInfo(primary.passwordFile).absolutePath());
            QFile password(primary.passwordFile);
            if (!password.open(
                    QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return fail(Tr::tr("Could not create the password file %1.").arg(primary.passwordFile));
            password.write(ResticRepository::generatePassword());
            password.close();
        }
        if (!QFileInfo::exists(primary.repository + QStringLiteral("/config"))
            && !restic({QStringLiteral("init"), QStringLiteral("--repository-version"), QStringLiteral("2"),
                           QStringLiteral("--copy-chunker-params"), QLatin1String("--from-repo=") + location,
                           QLatin1String("--from-password-file=") + passwordFile},
                primary.repository, primary.passwordFile, nullptr, primary.cacheDirectory))
            return false;
        if (!restic(QStringList {QStringLiteral("copy"), QLatin1String("--from-repo=") + location,
                        QLatin1String("--from-password-file=") + passwordFile, QStringLiteral("--")}
                    + ids,
                primary.repository, primary.passwordFile, nullptr, primary.cacheDirectory))
            return false;
        QByteArray copied;
        if (!restic({QStringLiteral("snapshots")}, primary.repository, primary.passwordFile, &copied,
                primary.cacheDirectory))
            return false;
        QHash<QString, QString> newId; // original snapshot id → id in the new primary
        for (const QJsonValue& value : QJsonDocument::fromJson(copied).array()) {
            const QJsonObject snapshot = value.toObject();
            const QString original = snapshot.value(QStringLiteral("original")).toString();
            newId.insert(original.isEmpty() ? snapshot.value(QStringLiteral("id")).toString() : original,
                snapshot.value(QStringLiteral("id")).toString());
        }

        int backups = 0;
        QStringList environments;
        const bool ok = m_store.transaction([&] {
            for (const QJsonObject& manifest : project.value()) {
                const auto environment = Environment::fromJson(manifest.value(QStringLiteral("environment")));
                const auto backup = Backup::fromJson(manifest.value(QStringLiteral("backup")));
                if (!environment.ok() || !backup.ok())
                    continue;
                if (!m_store.environment(p, environment.value->id)) {
                    Environment e = *environment.value;
                    e.links = Links();
                    if (!m_store.saveEnvironment(p, e))
                        return false;
                    environments.append(e.id);
                }
                // The source's snapshot ids: the primary's (in the manifest), or the copy's own.
                const QString backupId = backup.value->id;
                const QString source = dataSnapshot.value(backupId);
                BackupRecord record;
                record.projectId = p;
                record.backup = *backup.value;
                record.backup.links = Links();
                record.backup.copies.reset();
                record.snapshotId = newId.value(originalOf.value(source));
                record.manifest = manifest.value(QStringLiteral("manifest")).toObject();
                record.manifest.insert(QStringLiteral("manifest_snapshot"),
                    newId.value(originalOf.value(manifestSnapshot.value(backupId))));
                if (record.snapshotId.isEmpty() || m_store.backup(p, backupId))
                    continue;
                if (!m_store.saveBackup(record))
                    return false;
                ++backups;
            }
            return true;
        });
        if (!ok)
            return fail(m_store.error());
        m_summary.append(Tr::tr("Project %1: %n backup(s) imported; environments created: %2.", nullptr, backups)
                             .arg(p, environments.isEmpty() ? Tr::tr("none") : environments.join(QLatin1String(", "))));
    }
    return true;
}
