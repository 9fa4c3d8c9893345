#include "routehelpers.h"

namespace RouteHelpers {

QJsonObject link(const QString& href, const char* method)
{
    QJsonObject o {{QStringLiteral("href"), href}};
    if (method)
        o.insert(QStringLiteral("method"), QLatin1String(method));
    return o;
}

HttpReply badRequest(const Problems& problems)
{
    QJsonObject detail;
    for (const Problem& p : problems)
        detail.insert(p.path.isEmpty() ? QStringLiteral("body") : p.path, p.message);
    return HttpReply::error(400, problemStrings(problems).join(QLatin1String("; ")), detail);
}

} // namespace RouteHelpers
