#include "problem.h"

QStringList problemStrings(const Problems& problems)
{
    QStringList out;
    out.reserve(problems.size());
    for (const Problem& p : problems)
        out.append(p.toString());
    return out;
}

namespace JsonPath {

QString key(const QString& base, const QString& key)
{
    return base.isEmpty() ? key : base + QLatin1Char('.') + key;
}

QString index(const QString& base, qsizetype i)
{
    return base + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

} // namespace JsonPath
