#include "routehelpers.h"

#include <algorithm>
#include <limits>
#include <QCoreApplication>

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
    // A body with a hundred thousand bad items gets the first of them named, not an answer many times its size
    // (and the time that takes: every insert into a JSON object costs more as it grows).
    const Problems shown = problems.mid(0, kMaxReportedProblems);
    QJsonObject detail;
    for (const Problem& p : shown)
        detail.insert(p.path.isEmpty() ? QStringLiteral("body") : p.path, p.message);
    QString message = problemStrings(shown).join(QLatin1String("; "));
    if (problems.size() > shown.size()) {
        // Counted into a plain int first: Qt 6.4's lupdate does not finish on a template call inside translate().
        const int more = int(std::min<qsizetype>(problems.size() - shown.size(), std::numeric_limits<int>::max()));
        message
            += QLatin1String("; ") + QCoreApplication::translate("ApiServer", "and %n more problem(s)", nullptr, more);
    }
    return HttpReply::error(400, message, detail);
}

} // namespace RouteHelpers
