#pragma once

#include "problem.h"

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// Readers that check a JSON value's type and range and record a Problem (path + sentence) when it is wrong.
namespace JsonRead {

// "a string", "a boolean", "null", "an array", "an object", or the number itself.
QString describe(const QJsonValue& value);

std::optional<qint64> integer(const QJsonValue& value, const QString& path, qint64 min, qint64 max, Problems& problems);
std::optional<QString> string(const QJsonValue& value, const QString& path, Problems& problems);
std::optional<bool> boolean(const QJsonValue& value, const QString& path, Problems& problems);
// An RFC 3339 date-time, as milliseconds since the epoch.
std::optional<qint64> time(const QJsonValue& value, const QString& path, Problems& problems);
std::optional<QJsonObject> object(const QJsonValue& value, const QString& path, Problems& problems);

// Records a problem for each key of `object` that is not in `allowed`.
void rejectUnknownKeys(const QJsonObject& object, const QStringList& allowed, const QString& path, Problems& problems);

} // namespace JsonRead
