#include "links.h"

#include <QJsonValue>
#include <QStringList>

namespace {

const QString kHref = QStringLiteral("href");
const QString kMethod = QStringLiteral("method");

// The HTTP method of an action relation, or an empty string for a plain link.
QString methodFor(const QString& rel)
{
    if (rel == QLatin1String("#delete"))
        return QStringLiteral("DELETE");
    if (rel == QLatin1String("#edit"))
        return QStringLiteral("PATCH");
    static const QStringList postRels = {QStringLiteral("#backup"), QStringLiteral("#restore"),
        QStringLiteral("#cancel"), QStringLiteral("#activate"), QStringLiteral("#deactivate")};
    if (postRels.contains(rel))
        return QStringLiteral("POST");
    return {};
}

} // namespace

Links Links::fromJson(const QJsonValue& json)
{
    Links links;
    const QJsonObject object = json.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue href = it.value().toObject().value(kHref);
        if (href.isString())
            links.set(it.key(), href.toString());
    }
    return links;
}

QJsonObject Links::toJson() const
{
    QJsonObject object;
    for (auto it = hrefs.begin(); it != hrefs.end(); ++it) {
        QJsonObject link {{kHref, it.value()}};
        const QString method = methodFor(it.key());
        if (!method.isEmpty())
            link.insert(kMethod, method);
        object.insert(it.key(), link);
    }
    return object;
}
