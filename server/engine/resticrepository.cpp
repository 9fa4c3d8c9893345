#include "resticrepository.h"

#include "resticfastkey.h"

#include <array>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThreadPool>
#include <unistd.h>

namespace {

const QLatin1String localPrefix("local:");

bool isPackId(const QString& id)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(id).hasMatch();
}

bool isSnapshotId(const QString& id)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{4,64}$"));
    return hex.match(id).hasMatch();
}

// A path that stays inside the directory it is relative to.
bool isRelativeInside(const QString& path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return false;
    const QString clean = QDir::cleanPath(path);
    return clean != QLatin1String("..") && !clean.startsWith(QLatin1String("../"));
}

QString absolute(const QString& path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

ResticRepository::Settings ResticRepository::Settings::inDirectory(const QString& directory)
{
    const QDir dir(directory);
    Settings settings;
    settings.repository = dir.filePath(QStringLiteral("repo"));
    settings.passwordFile = dir.filePath(QStringLiteral("repo.password"));
    settings.cacheDirectory = dir.filePath(QStringLiteral("cache/restic"));
    settings.program = QStringLiteral("restic");
    return settings;
}

ResticRepository::ResticRepository(const Settings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
    // Backups run restic in their staging directory: every local path it gets must be absolute.
    if (isLocal())
        m_settings.repository = absolute(localPath());
    m_settings.passwordFile = absolute(m_settings.passwordFile);
    m_settings.cacheDirectory = absolute(m_settings.cacheDirectory);
    if (m_settings.program.isEmpty())
        m_settings.program = QStringLiteral("restic");
}

bool ResticRepository::isLocal() const
{
    static const QRegularExpression remote(QStringLiteral("^(sftp|rest|s3|azure|gs|b2|swift|rclone):"));
    return !remote.match(m_settings.repository).hasMatch();
}

QString ResticRepository::localPath() const
{
    const QString& repository = m_settings.repository;
    return repository.startsWith(localPrefix) ? repository.mid(localPrefix.size()) : repository;
}

QString ResticRepository::fastKeyHint() const
{
    if (!isLocal())
        return {};
    const std::shared_ptr<FastKey> state = m_fastKey;
    QMutexLocker lock(&state->mutex);
    if (!state->id.isEmpty() || state->started)
        return state->id;
    const QString directory = localPath();
    if (!QFile::exists(directory + QStringLiteral("/config")))
        return {}; // not created yet: asked again by the next run
    state->started = true;
    if (const QString found = ResticFastKey::find(directory); !found.isEmpty()) {
        state->id = found;
        return found;
    }
    // Making one opens restic's own key once (about half a second of scrypt): never on the caller's thread.
    const QString passwordFile = m_settings.passwordFile;
    QThreadPool::globalInstance()->start([state, directory, passwordFile] {
        QString error;
        const QString id = ResticFastKey::ensure(directory, ResticFastKey::passwordFromFile(passwordFile), &error);
        if (id.isEmpty())
            qWarning("tidemarkd: no fast key for %s (restic derives its own key in every run): %s",
                qPrintable(directory), qPrintable(error));
        QMutexLocker lock(&state->mutex);
        state->id = id;
    });
    return {};
}

QProcessEnvironment ResticRepository::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString& key : keys) {
        if (key.startsWith(QLatin1String("RESTIC_")))
            environment.remove(key);
    }
    environment.insert(QStringLiteral("RESTIC_REPOSITORY"), m_settings.repository);
    environment.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), m_settings.passwordFile);
    if (const QString hint = fastKeyHint(); !hint.isEmpty())
        environment.insert(QStringLiteral("RESTIC_KEY_HINT"), hint);
    if (!m_settings.cacheDirectory.isEmpty())
        environment.insert(QStringLiteral("RESTIC_CACHE_DIR"), m_settings.cacheDirectory);
    for (auto it = m_settings.extraEnvironment.constBegin(); it != m_settings.extraEnvironment.constEnd(); ++it) {
        if (!it.key().startsWith(QLatin1String("RESTIC_")))
            environment.insert(it.key(), it.value());
    }
    return environment;
}

ResticJob* ResticRepository::makeJob(
    ResticJob::Command command, const QStringList& arguments, QObject* parent, const QString& workingDirectory) const
{
    QStringList global;
    if (m_settings.limitUploadKib)
        global.append(QLatin1String("--limit-upload=") + QString::number(*m_settings.limitUploadKib));
    return new ResticJob(command, arguments,
        ResticJob::Context {m_settings.program, workingDirectory, environment(), isLocal() ? localPath() : QString(),
            global, m_settings.initArguments, m_settings.initFirst},
        parent);
}

QByteArray ResticRepository::generatePassword()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char*>(words.data()), qsizetype(sizeof(words)))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString ResticRepository::ensurePasswordFile() const
{
    const QString path = m_settings.passwordFile;
    if (path.isEmpty())
        return tr("The repository %1 has no password file configured.").arg(m_settings.repository);
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return tr("The password file %1 is not a file.").arg(path);
        if (info.size() > 0) {
            const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
            if (info.permissions() & others)
                QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            return {};
        }
        // Empty: a generation that did not finish. No repository can use it, so nothing is lost.
        QFile::remove(path);
    }
    if (!QDir().mkpath(info.absolutePath()))
        return tr("Could not create the directory %1.").arg(info.absolutePath());

    // Written beside and renamed into place, so the file is either absent or complete.
    const QString temporary = path + QLatin1String(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    // Owner-only from creation: the secret never sits in a file that others could open.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return tr("Could not create the password file %1: %2").arg(temporary, file.errorString());
    const QByteArray password = generatePassword();
    if (file.write(password) != password.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        const QString error = file.errorString();
        file.close();
        QFile::remove(temporary);
        return tr("Could not write the password file %1: %2").arg(temporary, error);
    }
    file.close();
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return tr("Could not move the password file into place at %1.").arg(path);
    }
    return {};
}

ResticJob* ResticRepository::ensureInitialised(QObject* parent) const
{
    if (isLocal() && QFileInfo::exists(QDir(localPath()).filePath(QStringLiteral("config")))
        && !QFileInfo::exists(m_settings.passwordFile)) {
        return ResticJob::refused(ResticJob::Command::Init,
            tr("The repository %1 exists but its password file %2 is missing.")
                .arg(m_settings.repository, m_settings.passwordFile),
            parent);
    }
    if (isLocal() && !QFileInfo::exists(QDir(localPath()).filePath(QStringLiteral("config")))) {
        // Keys or data without a config: a repository that lost its config, not an empty place to create one in.
        for (const char* part : {"keys", "data", "snapshots", "index"}) {
            if (!QDir(QDir(localPath()).filePath(QLatin1String(part)))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
                     .isEmpty()) {
                return ResticJob::refused(ResticJob::Command::Init,
                    tr("The repository %1 has no config file but is not empty (its %2 folder has entries); it was "
                       "left as it is. Put its config back from a copy.")
                        .arg(m_settings.repository, QLatin1String(part)),
                    parent);
            }
        }
    }
    const QString error = ensurePasswordFile();
    if (!error.isEmpty())
        return ResticJob::refused(ResticJob::Command::Init, error, parent);
    return makeJob(ResticJob::Command::Init, {}, parent);
}

QString ResticRepository::describeOpenFailure(const ResticResult& result) const
{
    const QString said = result.stderrText + QLatin1Char('\n') + result.errorString;
    if (said.contains(QLatin1String("wrong password or no key found"))) {
        return tr("The backup repository %1 exists, but its password file %2 does not open it (a wrong password, "
                  "or the repository's keys are missing). Nothing was changed in it.")
            .arg(m_settings.repository, m_settings.passwordFile);
    }
    if (said.contains(QLatin1String("ciphertext verification failed"))) {
        return tr("The backup repository %1 is damaged: its config or key cannot be decrypted (ciphertext "
                  "verification failed). Nothing was changed in it; check it with restic check or restore it from "
                  "a copy.")
            .arg(m_settings.repository);
    }
    return tr("The backup repository %1 is not usable: %2").arg(m_settings.repository, result.errorString);
}

ResticJob* ResticRepository::versionCheck(QObject* parent) const
{
    return makeJob(ResticJob::Command::Version, {}, parent);
}

ResticJob* ResticRepository::catConfig(QObject* parent) const
{
    return makeJob(ResticJob::Command::CatConfig, {}, parent);
}

ResticJob* ResticRepository::snapshots(QObject* parent) const
{
    return snapshots(SnapshotFilter {}, parent);
}

ResticJob* ResticRepository::snapshots(const SnapshotFilter& filter, QObject* parent) const
{
    QStringList arguments;
    if (!filter.host.isEmpty())
        arguments.append(QLatin1String("--host=") + filter.host);
    for (const QString& tag : filter.tags) {
        if (tag.isEmpty() || tag.contains(QLatin1Char(',')))
            return ResticJob::refused(
                ResticJob::Command::Snapshots, tr("The tag \"%1\" is empty or contains a comma.").arg(tag), parent);
    }
    if (!filter.tags.isEmpty()) // one --tag with commas: snapshots with all of them
        arguments.append(QLatin1String("--tag=") + filter.tags.join(QLatin1Char(',')));
    for (const QString& id : filter.ids) {
        if (!isSnapshotId(id))
            return ResticJob::refused(
                ResticJob::Command::Snapshots, tr("\"%1\" is not a snapshot id.").arg(id), parent);
    }
    if (!filter.ids.isEmpty())
        arguments << QStringLiteral("--") << filter.ids;
    return makeJob(ResticJob::Command::Snapshots, arguments, parent);
}

ResticJob* ResticRepository::backup(const BackupRequest& request, QObject* parent) const
{
    const auto refuse
        = [parent](const QString& error) { return ResticJob::refused(ResticJob::Command::Backup, error, parent); };
    if (!QDir::isAbsolutePath(request.rootDirectory) || !QFileInfo(request.rootDirectory).isDir())
        return refuse(
            tr("The backup root \"%1\" is not a directory given by its absolute path.").arg(request.rootDirectory));
    if (request.paths.isEmpty())
        return refuse(tr("A backup needs at least one path."));
    for (const QString& path : request.paths) {
        if (!isRelativeInside(path))
            return refuse(tr("The backup path \"%1\" is not inside the backup root.").arg(path));
    }
    for (const QString& tag : request.tags) {
        if (tag.isEmpty() || tag.contains(QLatin1Char(',')))
            return refuse(tr("The tag \"%1\" is empty or contains a comma.").arg(tag));
    }
    if (!request.parentSnapshotId.isEmpty() && !isSnapshotId(request.parentSnapshotId))
        return refuse(tr("\"%1\" is not a snapshot id.").arg(request.parentSnapshotId));

    QStringList arguments;
    if (!request.host.isEmpty())
        arguments.append(QLatin1String("--host=") + request.host);
    for (const QString& tag : request.tags)
        arguments.append(QLatin1String("--tag=") + tag);
    if (!request.parentSnapshotId.isEmpty())
        arguments.append(QLatin1String("--parent=") + request.parentSnapshotId);
    for (const QString& pattern : request.excludes)
        arguments.append(QLatin1String("--exclude=") + pattern);
    arguments << QStringLiteral("--") << request.paths;
    return makeJob(ResticJob::Command::Backup, arguments, parent, QDir::cleanPath(request.rootDirectory));
}

ResticJob* ResticRepository::restore(
    const QString& snapshotId, const QString& targetDirectory, const QStringList& includes, QObject* parent) const
{
    if (!isSnapshotId(snapshotId) && snapshotId != QLatin1String("latest"))
        return ResticJob::refused(
            ResticJob::Command::Restore, tr("\"%1\" is not a snapshot id.").arg(snapshotId), parent);
    if (targetDirectory.isEmpty())
        return ResticJob::refused(ResticJob::Command::Restore, tr("A restore needs a target directory."), parent);
    QStringList arguments {QLatin1String("--target=") + absolute(targetDirectory)};
    for (const QString& include : includes) {
        QString path = include;
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        if (!isRelativeInside(path))
            return ResticJob::refused(
                ResticJob::Command::Restore, tr("\"%1\" is not a path inside the snapshot.").arg(include), parent);
        // Snapshots made from a root directory hold its entries at their top: /code, /mounts/...
        arguments.append(QLatin1String("--include=/") + QDir::cleanPath(path));
    }
    arguments << QStringLiteral("--") << snapshotId;
    return makeJob(ResticJob::Command::Restore, arguments, parent);
}

ResticJob* ResticRepository::forget(const QStringList& snapshotIds, QObject* parent) const
{
    if (snapshotIds.isEmpty())
        return ResticJob::refused(ResticJob::Command::Forget, tr("No snapshot to forget was named."), parent);
    for (const QString& id : snapshotIds) {
        if (!isSnapshotId(id))
            return ResticJob::refused(ResticJob::Command::Forget, tr("\"%1\" is not a snapshot id.").arg(id), parent);
    }
    return makeJob(ResticJob::Command::Forget, QStringList {QStringLiteral("--")} + snapshotIds, parent);
}

ResticJob* ResticRepository::prune(QObject* parent) const
{
    return makeJob(ResticJob::Command::Prune, {}, parent);
}

ResticJob* ResticRepository::check(QObject* parent) const
{
    return makeJob(ResticJob::Command::Check, {}, parent);
}

ResticJob* ResticRepository::unlock(QObject* parent) const
{
    return makeJob(ResticJob::Command::Unlock, {}, parent);
}

ResticJob* ResticRepository::restoreVerified(
    const QString& snapshotId, const QString& targetDirectory, QObject* parent) const
{
    if (!isSnapshotId(snapshotId))
        return ResticJob::refused(
            ResticJob::Command::Restore, tr("\"%1\" is not a snapshot id.").arg(snapshotId), parent);
    if (targetDirectory.isEmpty())
        return ResticJob::refused(ResticJob::Command::Restore, tr("A restore needs a target directory."), parent);
    return makeJob(ResticJob::Command::Restore,
        {QLatin1String("--target=") + absolute(targetDirectory), QStringLiteral("--verify"), QStringLiteral("--"),
            snapshotId},
        parent);
}

ResticJob* ResticRepository::checkData(int readDataPercent, QObject* parent) const
{
    if (readDataPercent < 1 || readDataPercent > 100)
        return ResticJob::refused(ResticJob::Command::Check,
            tr("The share of data to read must be between 1 and 100 percent, not %1.").arg(readDataPercent), parent);
    return makeJob(ResticJob::Command::Check,
        {QLatin1String("--read-data-subset=") + QString::number(readDataPercent) + u'%'}, parent);
}

ResticJob* ResticRepository::findPacks(const QStringList& packIds, QObject* parent) const
{
    if (packIds.isEmpty())
        return ResticJob::refused(ResticJob::Command::Find, tr("No pack to look for was named."), parent);
    for (const QString& id : packIds) {
        if (!isPackId(id))
            return ResticJob::refused(ResticJob::Command::Find, tr("\"%1\" is not a pack id.").arg(id), parent);
    }
    return makeJob(
        ResticJob::Command::Find, QStringList {QStringLiteral("--pack"), QStringLiteral("--")} + packIds, parent);
}

ResticJob* ResticRepository::rebuildIndex(QObject* parent) const
{
    return makeJob(ResticJob::Command::RebuildIndex, {}, parent);
}

ResticJob* ResticRepository::list(const QString& snapshotId, QObject* parent) const
{
    if (!isSnapshotId(snapshotId))
        return ResticJob::refused(ResticJob::Command::Ls, tr("\"%1\" is not a snapshot id.").arg(snapshotId), parent);
    return makeJob(ResticJob::Command::Ls, {QStringLiteral("--"), snapshotId}, parent);
}

ResticJob* ResticRepository::stats(const QString& mode, QObject* parent) const
{
    if (mode != QLatin1String("raw-data") && mode != QLatin1String("restore-size"))
        return ResticJob::refused(ResticJob::Command::Stats, tr("\"%1\" is not a statistics mode.").arg(mode), parent);
    return makeJob(ResticJob::Command::Stats, {QLatin1String("--mode=") + mode}, parent);
}

QString ResticRepository::quarantinePack(const QString& packId, const QString& quarantineDirectory) const
{
    if (!isPackId(packId))
        return tr("\"%1\" is not a pack id.").arg(packId);
    if (!isLocal())
        return tr("The pack %1 is in the remote repository %2; it can only be moved aside in a local one.")
            .arg(packId, m_settings.repository);
    const QString pack = QDir(localPath()).filePath(QStringLiteral("data/") + packId.left(2) + u'/' + packId);
    if (!QFileInfo::exists(pack))
        return tr("The pack %1 is not in the repository any more.").arg(packId);
    if (!QDir().mkpath(quarantineDirectory))
        return tr("Could not create the directory %1.").arg(quarantineDirectory);
    const QString target = QDir(quarantineDirectory).filePath(packId);
    QFile::remove(target);
    if (!QFile::rename(pack, target))
        return tr("Could not move the pack %1 out of the repository into %2.").arg(packId, quarantineDirectory);
    return {};
}

qint64 ResticRepository::diskUsage() const
{
    if (!isLocal() || !QFileInfo(localPath()).isDir())
        return -1;
    qint64 total = 0;
    QDirIterator it(localPath(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

ResticJob* ResticRepository::copyFrom(
    const ResticRepository& source, const QStringList& snapshotIds, QObject* parent) const
{
    for (const QString& id : snapshotIds) {
        if (!isSnapshotId(id))
            return ResticJob::refused(ResticJob::Command::Copy, tr("\"%1\" is not a snapshot id.").arg(id), parent);
    }
    QStringList arguments {QLatin1String("--from-repo=") + source.settings().repository,
        QLatin1String("--from-password-file=") + source.settings().passwordFile};
    if (const QString hint = source.fastKeyHint(); !hint.isEmpty())
        arguments.append(QLatin1String("--from-key-hint=") + hint);
    if (!snapshotIds.isEmpty())
        arguments << QStringLiteral("--") << snapshotIds;
    return makeJob(ResticJob::Command::Copy, arguments, parent);
}
