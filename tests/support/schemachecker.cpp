#include "schemachecker.h"

#include <cmath>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString join(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number (%1)").arg(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("a string (\"%1\")").arg(value.toString().left(40));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool isDateTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid()
        || QDateTime::fromString(text, Qt::ISODate).isValid();
}

} // namespace

std::optional<SchemaChecker> SchemaChecker::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = path + QStringLiteral(": ") + parseError.errorString();
        return std::nullopt;
    }
    SchemaChecker checker;
    checker.m_schemas = document.object().value(QStringLiteral("schemas")).toObject();
    if (checker.m_schemas.isEmpty())
        checker.m_schemas = document.object()
                                .value(QStringLiteral("components"))
                                .toObject()
                                .value(QStringLiteral("schemas"))
                                .toObject();
    if (checker.m_schemas.isEmpty()) {
        *error = path + QStringLiteral(": no schemas");
        return std::nullopt;
    }
    return checker;
}

QStringList SchemaChecker::check(const QString& schemaName, const QJsonValue& value) const
{
    if (!m_schemas.contains(schemaName))
        return {QStringLiteral("no schema named %1").arg(schemaName)};
    QStringList problems;
    checkValue(m_schemas.value(schemaName).toObject(), value, QString(), problems, nullptr);
    return problems;
}

QStringList SchemaChecker::extensions(const QString& schemaName, const QJsonValue& value) const
{
    QStringList problems;
    QStringList extra;
    checkValue(m_schemas.value(schemaName).toObject(), value, QString(), problems, &extra);
    return extra;
}

QJsonObject SchemaChecker::resolve(const QJsonObject& schema) const
{
    const QString ref = schema.value(QStringLiteral("$ref")).toString();
    if (ref.isEmpty())
        return schema;
    return m_schemas.value(ref.section(QLatin1Char('/'), -1)).toObject();
}

void SchemaChecker::checkValue(const QJsonObject& unresolved, const QJsonValue& value, const QString& path,
    QStringList& problems, QStringList* extensions) const
{
    const QJsonObject schema = resolve(unresolved);
    const QString where = path.isEmpty() ? QStringLiteral("(root)") : path;
    if (value.isNull()) {
        if (!schema.value(QStringLiteral("nullable")).toBool())
            problems.append(where + QStringLiteral(": is null but the schema does not allow null"));
        return;
    }
    const QString type = schema.value(QStringLiteral("type")).toString();
    bool typeOk = true;
    if (type == QLatin1String("string"))
        typeOk = value.isString();
    else if (type == QLatin1String("boolean"))
        typeOk = value.isBool();
    else if (type == QLatin1String("number"))
        typeOk = value.isDouble();
    else if (type == QLatin1String("integer"))
        typeOk = value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
    else if (type == QLatin1String("object"))
        typeOk = value.isObject();
    else if (type == QLatin1String("array"))
        typeOk = value.isArray();
    if (!typeOk) {
        problems.append(where + QStringLiteral(": must be of type %1, not %2").arg(type, describe(value)));
        return;
    }

    const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
    if (!allowed.isEmpty() && !allowed.contains(value)) {
        QStringList names;
        for (const QJsonValue& v : allowed)
            names.append(v.toString());
        problems.append(
            where + QStringLiteral(": %1 is not one of %2").arg(describe(value), names.join(QStringLiteral(", "))));
    }
    if (schema.value(QStringLiteral("format")).toString() == QLatin1String("date-time") && value.isString()
        && !isDateTime(value.toString()))
        problems.append(where + QStringLiteral(": \"%1\" is not an RFC 3339 date-time").arg(value.toString()));

    if (value.isArray()) {
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && !items.isEmpty(); ++i)
            checkValue(items, array.at(i), path + QStringLiteral("[%1]").arg(i), problems, extensions);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (const QJsonValue& required : schema.value(QStringLiteral("required")).toArray()) {
        if (!object.contains(required.toString()))
            problems.append(join(path, required.toString()) + QStringLiteral(": is required but missing"));
    }
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString childPath = join(path, it.key());
        if (properties.contains(it.key()))
            checkValue(properties.value(it.key()).toObject(), it.value(), childPath, problems, extensions);
        else if (additional.isObject())
            checkValue(additional.toObject(), it.value(), childPath, problems, extensions);
        else if (extensions)
            extensions->append(childPath);
    }
}
