#include "resticsnapshot.h"

#include "domain/timestamp.h"

#include <QJsonArray>

namespace {

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& item : array)
        list.append(item.toString());
    return list;
}

} // namespace

std::optional<ResticSnapshot> ResticSnapshot::fromJson(const QJsonObject& json)
{
    ResticSnapshot snapshot;
    snapshot.id = json.value(QLatin1String("id")).toString();
    if (snapshot.id.isEmpty())
        return std::nullopt;
    // restic writes local time with nanoseconds and an offset ("2026-11-26T18:43:04.964731899+01:00").
    const auto time = Timestamp::parseMsecs(json.value(QLatin1String("time")).toString());
    if (!time)
        return std::nullopt;
    snapshot.timeMs = *time;
    snapshot.shortId = json.value(QLatin1String("short_id")).toString();
    if (snapshot.shortId.isEmpty())
        snapshot.shortId = snapshot.id.left(8);
    snapshot.hostname = json.value(QLatin1String("hostname")).toString();
    snapshot.username = json.value(QLatin1String("username")).toString();
    snapshot.tags = stringList(json.value(QLatin1String("tags")));
    snapshot.paths = stringList(json.value(QLatin1String("paths")));
    snapshot.original = json.value(QLatin1String("original")).toString();
    snapshot.parent = json.value(QLatin1String("parent")).toString();
    snapshot.tree = json.value(QLatin1String("tree")).toString();
    return snapshot;
}
