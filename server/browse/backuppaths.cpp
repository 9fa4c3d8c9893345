#include "backuppaths.h"

#include <QDir>
#include <QJsonArray>

namespace {

QString cleanAbsolute(const QString& path)
{
    return path.isEmpty() ? path : QDir::cleanPath(path);
}

} // namespace

QString BackupPath::apiPath() const
{
    switch (kind) {
    case Kind::Root:
        return QString();
    case Kind::Mounts:
        return QStringLiteral("mounts");
    case Kind::Services:
        return QStringLiteral("services");
    default:
        return rest.isEmpty() ? part : part + QLatin1Char('/') + rest;
    }
}

QList<BackupPath> BackupPath::parts(const QJsonObject& manifest)
{
    QList<BackupPath> out;
    const QString code = cleanAbsolute(manifest.value(QStringLiteral("code_path")).toString());
    if (!code.isEmpty())
        out.append(BackupPath {Kind::Code, QStringLiteral("code"), QString(), code, QString()});
    const QJsonArray mounts = manifest.value(QStringLiteral("mounts")).toArray();
    for (const QJsonValue& v : mounts) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const QString path = cleanAbsolute(v.toObject().value(QStringLiteral("path")).toString());
        if (!name.isEmpty() && !path.isEmpty())
            out.append(BackupPath {Kind::Mount, QStringLiteral("mounts/") + name, name, path, QString()});
    }
    const QJsonArray services = manifest.value(QStringLiteral("services")).toArray();
    for (const QJsonValue& v : services) {
        const QString name = v.toObject().value(QStringLiteral("name")).toString();
        const QString staged = cleanAbsolute(v.toObject().value(QStringLiteral("staged")).toString());
        if (!name.isEmpty() && !staged.isEmpty())
            out.append(BackupPath {Kind::Service, QStringLiteral("services/") + name, name, staged, QString()});
    }
    return out;
}

std::optional<BackupPath> BackupPath::parse(const QString& path, const QJsonObject& manifest, QString& error)
{
    if (path.isEmpty() || path == QLatin1String("/"))
        return BackupPath {};
    if (path.startsWith(QLatin1Char('/'))) {
        error = tr("'%1' is absolute; paths inside a backup start with its part (code/…, mounts/<name>/…, "
                   "services/<name>)")
                    .arg(path.left(200));
        return std::nullopt;
    }
    if (path.contains(QChar(0))) {
        error = tr("contains a NUL character");
        return std::nullopt;
    }
    QStringList segments = path.split(QLatin1Char('/'));
    if (segments.size() > 1 && segments.last().isEmpty())
        segments.removeLast(); // "code/sub/" names the folder
    for (const QString& segment : segments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String("..")) {
            error = tr("'%1' has an empty, '.' or '..' segment; name entries inside the backup plainly")
                        .arg(path.left(200));
            return std::nullopt;
        }
    }
    const QList<BackupPath> all = parts(manifest);
    const auto known = [&all] {
        QStringList names;
        for (const BackupPath& p : all)
            names.append(p.part);
        return names.join(QLatin1String(", "));
    };
    const QString first = segments.takeFirst();
    if (segments.isEmpty() && first == QLatin1String("mounts"))
        return BackupPath {Kind::Mounts, QString(), QString(), QString(), QString()};
    if (segments.isEmpty() && first == QLatin1String("services"))
        return BackupPath {Kind::Services, QString(), QString(), QString(), QString()};
    QString part = first;
    if (first == QLatin1String("mounts") || first == QLatin1String("services"))
        part += QLatin1Char('/') + segments.takeFirst();
    const auto found = std::find_if(all.begin(), all.end(), [&part](const BackupPath& p) { return p.part == part; });
    if (found == all.end()) {
        error = tr("'%1' is in no part of this backup (its parts: %2)").arg(path.left(200), known());
        return std::nullopt;
    }
    BackupPath out = *found;
    out.rest = segments.join(QLatin1Char('/'));
    if (out.kind == Kind::Service && !out.rest.isEmpty()) {
        error = tr("'%1' goes inside the database %2, which is one entry").arg(path.left(200), out.part);
        return std::nullopt;
    }
    return out;
}

std::optional<BackupPath> BackupPath::fromSnapshotPath(const QString& snapshotPath, const QJsonObject& manifest)
{
    for (const BackupPath& p : parts(manifest)) {
        if (snapshotPath == p.partRoot)
            return p;
        if (p.kind != Kind::Service && snapshotPath.startsWith(p.partRoot + QLatin1Char('/'))) {
            BackupPath out = p;
            out.rest = snapshotPath.mid(p.partRoot.size() + 1);
            return out;
        }
    }
    return std::nullopt;
}
