#include "project.h"

#include "apiobjectreader.h"
#include "jsonread.h"

namespace {

const QString kId = QStringLiteral("id");
const QString kTitle = QStringLiteral("title");
const QString kTimezone = QStringLiteral("timezone");
const QString kLinks = QStringLiteral("_links");

} // namespace

Decoded<Project> Project::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<Project>::failure(problems);

    Project project;
    ApiObjectReader reader(*root, basePath, problems);
    reader.requiredString(kId, project.id);
    reader.string(kTitle, project.title);
    reader.string(kTimezone, project.timezone);
    reader.links(project.links);

    if (!problems.isEmpty())
        return Decoded<Project>::failure(problems);
    return Decoded<Project>::success(project);
}

QJsonObject Project::toJson() const
{
    return QJsonObject {
        {kId, id},
        {kTitle, title},
        {kTimezone, timezone},
        {kLinks, links.toJson()},
    };
}
