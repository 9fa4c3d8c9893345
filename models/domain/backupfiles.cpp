#include "backupfiles.h"

#include "timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

std::optional<qint64> optionalInteger(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<qint64>(qint64(v.toDouble())) : std::nullopt;
}

} // namespace

Decoded<BackupListing> BackupListing::fromJson(const QJsonValue& json, const QString& basePath)
{
    if (!json.isObject() || !json.toObject().value(QStringLiteral("entries")).isArray())
        return Decoded<BackupListing>::failure(
            {{basePath, QCoreApplication::translate("BackupListing", "is not a listing of a backup's files")}});
    const QJsonObject o = json.toObject();
    BackupListing listing;
    listing.json = o;
    listing.path = o.value(QStringLiteral("path")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("entries")).toArray()) {
        const QJsonObject e = v.toObject();
        BackupFileEntry entry;
        entry.name = e.value(QStringLiteral("name")).toString();
        entry.path = e.value(QStringLiteral("path")).toString();
        entry.type = e.value(QStringLiteral("type")).toString();
        entry.size = optionalInteger(e.value(QStringLiteral("size")));
        entry.mtimeMs = Timestamp::parseMsecs(e.value(QStringLiteral("mtime")).toString());
        entry.mode = e.value(QStringLiteral("mode")).toInt();
        if (!entry.path.isEmpty())
            listing.entries.append(entry);
    }
    return Decoded<BackupListing>::success(listing);
}

int BackupDiff::totalChanges() const
{
    int n = 0;
    for (const Part& p : parts)
        n += p.added + p.changed + p.removed;
    return n;
}

Decoded<BackupDiff> BackupDiff::fromJson(const QJsonValue& json, const QString& basePath)
{
    if (!json.isObject() || !json.toObject().value(QStringLiteral("parts")).isArray())
        return Decoded<BackupDiff>::failure(
            {{basePath, QCoreApplication::translate("BackupDiff", "is not a comparison of a backup")}});
    const QJsonObject o = json.toObject();
    BackupDiff diff;
    diff.json = o;
    diff.backup = o.value(QStringLiteral("backup")).toString();
    diff.against = o.value(QStringLiteral("against")).toString();
    const QJsonObject code = o.value(QStringLiteral("code")).toObject();
    diff.backupCommit = code.value(QStringLiteral("backup_commit")).toString();
    diff.againstCommit = code.value(QStringLiteral("against_commit")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("parts")).toArray()) {
        const QJsonObject p = v.toObject();
        Part part;
        part.part = p.value(QStringLiteral("part")).toString();
        part.added = p.value(QStringLiteral("added")).toInt();
        part.changed = p.value(QStringLiteral("changed")).toInt();
        part.removed = p.value(QStringLiteral("removed")).toInt();
        part.bytesBefore = qint64(p.value(QStringLiteral("bytes_before")).toDouble());
        part.bytesAfter = qint64(p.value(QStringLiteral("bytes_after")).toDouble());
        part.truncated = p.value(QStringLiteral("truncated")).toBool();
        for (const QJsonValue& ev : p.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = ev.toObject();
            part.entries.append({e.value(QStringLiteral("path")).toString(),
                e.value(QStringLiteral("change")).toString(), optionalInteger(e.value(QStringLiteral("size_before"))),
                optionalInteger(e.value(QStringLiteral("size_after")))});
        }
        diff.parts.append(part);
    }
    for (const QJsonValue& v : o.value(QStringLiteral("services")).toArray()) {
        const QJsonObject s = v.toObject();
        Service service;
        service.name = s.value(QStringLiteral("name")).toString();
        for (const QJsonValue& tv : s.value(QStringLiteral("tables")).toArray()) {
            const QJsonObject t = tv.toObject();
            service.tables.append(
                {t.value(QStringLiteral("name")).toString(), optionalInteger(t.value(QStringLiteral("rows_backup"))),
                    optionalInteger(t.value(QStringLiteral("rows_against")))});
        }
        diff.services.append(service);
    }
    return Decoded<BackupDiff>::success(diff);
}
