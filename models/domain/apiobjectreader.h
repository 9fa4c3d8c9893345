#pragma once

#include "links.h"
#include "problem.h"

#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Reads the known fields of an object the API sends, tolerantly: unknown fields are ignored and absent fields
// keep the value they had, but a field of the wrong type is a Problem named by its path. Only the readers for
// nullable fields accept null. Each reader returns true when the field was present and valid.
class ApiObjectReader
{
public:
    ApiObjectReader(const QJsonObject& object, const QString& basePath, Problems& problems);

    QString path(const QString& key) const;
    QJsonValue value(const QString& key) const { return m_object.value(key); }

    // A non-empty string that must be present.
    bool requiredString(const QString& key, QString& out);
    bool string(const QString& key, QString& out);
    bool nullableString(const QString& key, std::optional<QString>& out);
    bool boolean(const QString& key, bool& out);
    bool requiredTime(const QString& key, qint64& out);
    bool time(const QString& key, qint64& out);
    bool nullableTime(const QString& key, std::optional<qint64>& out);
    bool nullableInteger(const QString& key, qint64 min, qint64 max, std::optional<qint64>& out);
    // `_links`: absent or null is no links; entries that are not links are skipped.
    bool links(Links& out);
    // An object of string values (`attributes`); a value that is not a string is a problem.
    bool attributes(const QString& key, QHash<QString, QString>& out);
    // Any object, kept as it is (`payload`, `parameters`, `timings`).
    bool object(const QString& key, QJsonObject& out);

    static QJsonObject attributesJson(const QHash<QString, QString>& attributes);

    // A string that must be one of `allowed`; `fromString` maps it to the enum.
    template<typename Enum, typename FromString>
    bool enumeration(const QString& key, FromString fromString, const QStringList& allowed, Enum& out)
    {
        QString text;
        if (!string(key, text))
            return false;
        if (const std::optional<Enum> value = fromString(text)) {
            out = *value;
            return true;
        }
        unknownValue(key, text, allowed);
        return false;
    }

    template<typename Enum, typename FromString>
    bool nullableEnumeration(
        const QString& key, FromString fromString, const QStringList& allowed, std::optional<Enum>& out)
    {
        if (value(key).isNull()) {
            out.reset();
            return true;
        }
        Enum e {};
        if (!enumeration(key, fromString, allowed, e))
            return false;
        out = e;
        return true;
    }

private:
    void unknownValue(const QString& key, const QString& text, const QStringList& allowed);

    QJsonObject m_object;
    QString m_basePath;
    Problems& m_problems;
};
