#pragma once

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Checks JSON answers against the schemas of a published OpenAPI document (the hosted API's, in
// tests/fixtures/hosted/upsun-backup-schemas.json), in the subset those schemas use: `$ref`, `type`,
// `nullable`, `enum`, `format: date-time`, `required`, `properties`, `items`, and `additionalProperties` as the
// schema of a map's values. Properties a schema does not declare are not errors (they are tidemarkd's local
// extensions, `_links` among them); extensions() lists them.
class SchemaChecker
{
public:
    // Reads a document whose schemas are under "schemas" (or "components.schemas"); nullopt with `error` set.
    static std::optional<SchemaChecker> load(const QString& path, QString* error);

    bool hasSchema(const QString& name) const { return m_schemas.contains(name); }
    // Every way `value` breaks the named schema, one "path: problem" each; empty when it conforms.
    QStringList check(const QString& schemaName, const QJsonValue& value) const;
    // The paths of the properties of `value` that the named schema does not declare.
    QStringList extensions(const QString& schemaName, const QJsonValue& value) const;

private:
    void checkValue(const QJsonObject& schema, const QJsonValue& value, const QString& path, QStringList& problems,
        QStringList* extensions) const;
    QJsonObject resolve(const QJsonObject& schema) const;

    QJsonObject m_schemas;
};
