#include "apiobjectreader.h"

#include "jsonread.h"

#include <QCoreApplication>

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApiObjectReader)
};

} // namespace

ApiObjectReader::ApiObjectReader(const QJsonObject& object, const QString& basePath, Problems& problems)
    : m_object(object)
    , m_basePath(basePath)
    , m_problems(problems)
{ }

QString ApiObjectReader::path(const QString& key) const
{
    return JsonPath::key(m_basePath, key);
}

bool ApiObjectReader::requiredString(const QString& key, QString& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        m_problems.append({path(key), Tr::tr("is required")});
        return false;
    }
    const auto text = JsonRead::string(v, path(key), m_problems);
    if (!text)
        return false;
    if (text->isEmpty()) {
        m_problems.append({path(key), Tr::tr("must not be empty")});
        return false;
    }
    out = *text;
    return true;
}

bool ApiObjectReader::string(const QString& key, QString& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    const auto text = JsonRead::string(v, path(key), m_problems);
    if (!text)
        return false;
    out = *text;
    return true;
}

bool ApiObjectReader::nullableString(const QString& key, std::optional<QString>& out)
{
    if (value(key).isNull()) {
        out.reset();
        return true;
    }
    QString text;
    if (!string(key, text))
        return false;
    out = text;
    return true;
}

bool ApiObjectReader::boolean(const QString& key, bool& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    const auto b = JsonRead::boolean(v, path(key), m_problems);
    if (!b)
        return false;
    out = *b;
    return true;
}

bool ApiObjectReader::requiredTime(const QString& key, qint64& out)
{
    if (value(key).isUndefined()) {
        m_problems.append({path(key), Tr::tr("is required (an RFC 3339 date-time like 2026-11-26T04:00:00Z)")});
        return false;
    }
    return time(key, out);
}

bool ApiObjectReader::time(const QString& key, qint64& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    const auto ms = JsonRead::time(v, path(key), m_problems);
    if (!ms)
        return false;
    out = *ms;
    return true;
}

bool ApiObjectReader::nullableTime(const QString& key, std::optional<qint64>& out)
{
    if (value(key).isNull()) {
        out.reset();
        return true;
    }
    qint64 ms = 0;
    if (!time(key, ms))
        return false;
    out = ms;
    return true;
}

bool ApiObjectReader::nullableInteger(const QString& key, qint64 min, qint64 max, std::optional<qint64>& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    if (v.isNull()) {
        out.reset();
        return true;
    }
    const auto n = JsonRead::integer(v, path(key), min, max, m_problems);
    if (!n)
        return false;
    out = *n;
    return true;
}

bool ApiObjectReader::links(Links& out)
{
    const QString key = QStringLiteral("_links");
    const QJsonValue v = value(key);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!JsonRead::object(v, path(key), m_problems))
        return false;
    out = Links::fromJson(v);
    return true;
}

bool ApiObjectReader::attributes(const QString& key, QHash<QString, QString>& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    const auto object = JsonRead::object(v, path(key), m_problems);
    if (!object)
        return false;
    bool valid = true;
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (it.value().isString()) {
            out.insert(it.key(), it.value().toString());
        } else {
            valid = false;
            m_problems.append({JsonPath::key(path(key), it.key()),
                Tr::tr("must be a string (attributes are text), not %1").arg(JsonRead::describe(it.value()))});
        }
    }
    return valid;
}

bool ApiObjectReader::object(const QString& key, QJsonObject& out)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return false;
    const auto object = JsonRead::object(v, path(key), m_problems);
    if (!object)
        return false;
    out = *object;
    return true;
}

QJsonObject ApiObjectReader::attributesJson(const QHash<QString, QString>& attributes)
{
    QJsonObject o;
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

void ApiObjectReader::unknownValue(const QString& key, const QString& text, const QStringList& allowed)
{
    m_problems.append({path(key),
        Tr::tr("'%1' is not a known value (expected one of: %2)")
            .arg(text.left(64), allowed.join(QLatin1String(", ")))});
}
