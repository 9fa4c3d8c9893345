#pragma once

#include <QList>
#include <QString>

#include <optional>

// The three kinds of environment; each has its own retention policy.
enum class EnvironmentType { Production, Staging, Development };

namespace EnvironmentTypes {
QString toString(EnvironmentType type); // "production", …
std::optional<EnvironmentType> fromString(const QString& text);
QList<EnvironmentType> all();
} // namespace EnvironmentTypes
