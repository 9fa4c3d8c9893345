#include "serverinfo.h"

#include "apiobjectreader.h"
#include "jsonread.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

const QString kServer = QStringLiteral("server");
const QString kVersion = QStringLiteral("version");
const QString kCapabilities = QStringLiteral("capabilities");

} // namespace

Decoded<ServerInfo> ServerInfo::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<ServerInfo>::failure(problems);
    ServerInfo info;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kServer, info.server);
    reader.string(kVersion, info.version);
    const QJsonValue capabilities = root->value(kCapabilities);
    if (capabilities.isArray()) {
        const QJsonArray items = capabilities.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const auto name
                = JsonRead::string(items.at(i), JsonPath::index(reader.path(kCapabilities), i), problems))
                info.capabilities.append(*name);
        }
    } else if (!capabilities.isUndefined()) {
        problems.append({reader.path(kCapabilities),
            QCoreApplication::translate("ServerInfo", "must be an array of names, not %1")
                .arg(JsonRead::describe(capabilities))});
    }
    if (!problems.isEmpty())
        return Decoded<ServerInfo>::failure(problems);
    return Decoded<ServerInfo>::success(info);
}

QJsonObject ServerInfo::toJson() const
{
    return QJsonObject {
        {kServer, server},
        {kVersion, version},
        {kCapabilities, QJsonArray::fromStringList(capabilities)},
    };
}
