#include "jsonread.h"

#include "timestamp.h"

#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace JsonRead {

namespace {
// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JsonRead)
};
} // namespace

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return Tr::tr("null");
    case QJsonValue::Bool:
        return Tr::tr("a boolean");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return Tr::tr("a string");
    case QJsonValue::Array:
        return Tr::tr("an array");
    case QJsonValue::Object:
        return Tr::tr("an object");
    case QJsonValue::Undefined:
        return Tr::tr("missing");
    }
    return {};
}

std::optional<qint64> integer(const QJsonValue& value, const QString& path, qint64 min, qint64 max, Problems& problems)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && d >= double(min) && d <= double(max))
            return qint64(d);
    }
    problems.append({path, Tr::tr("must be an integer from %1 to %2, not %3").arg(min).arg(max).arg(describe(value))});
    return std::nullopt;
}

std::optional<QString> string(const QJsonValue& value, const QString& path, Problems& problems)
{
    if (value.isString())
        return value.toString();
    problems.append({path, Tr::tr("must be a string, not %1").arg(describe(value))});
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonValue& value, const QString& path, Problems& problems)
{
    if (value.isBool())
        return value.toBool();
    problems.append({path, Tr::tr("must be true or false, not %1").arg(describe(value))});
    return std::nullopt;
}

std::optional<qint64> time(const QJsonValue& value, const QString& path, Problems& problems)
{
    if (value.isString()) {
        if (auto ms = Timestamp::parseMsecs(value.toString()))
            return ms;
        problems.append({path,
            Tr::tr("'%1' is not an RFC 3339 date-time (like 2026-11-26T04:00:00Z)").arg(value.toString().left(64))});
        return std::nullopt;
    }
    problems.append({path, Tr::tr("must be an RFC 3339 date-time string, not %1").arg(describe(value))});
    return std::nullopt;
}

std::optional<QJsonObject> object(const QJsonValue& value, const QString& path, Problems& problems)
{
    if (value.isObject())
        return value.toObject();
    problems.append({path, Tr::tr("must be an object, not %1").arg(describe(value))});
    return std::nullopt;
}

void rejectUnknownKeys(const QJsonObject& object, const QStringList& allowed, const QString& path, Problems& problems)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            problems.append({JsonPath::key(path, it.key()),
                Tr::tr("is not a known field (expected one of: %1)").arg(allowed.join(QLatin1String(", ")))});
        }
    }
}

} // namespace JsonRead
