#pragma once

#include <optional>
#include <QList>
#include <QString>

// The three kinds of environment; each has its own retention policy.
enum class EnvironmentType { Production, Staging, Development };

namespace EnvironmentTypes {
QString toString(EnvironmentType type); // "production", …
std::optional<EnvironmentType> fromString(const QString& text);
QList<EnvironmentType> all();
} // namespace EnvironmentTypes
