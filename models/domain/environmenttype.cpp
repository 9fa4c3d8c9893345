#include "environmenttype.h"

namespace EnvironmentTypes {

QString toString(EnvironmentType type)
{
    switch (type) {
    case EnvironmentType::Production:
        return QStringLiteral("production");
    case EnvironmentType::Staging:
        return QStringLiteral("staging");
    case EnvironmentType::Development:
        return QStringLiteral("development");
    }
    return {};
}

std::optional<EnvironmentType> fromString(const QString& text)
{
    for (EnvironmentType t : all()) {
        if (toString(t) == text)
            return t;
    }
    return std::nullopt;
}

QList<EnvironmentType> all()
{
    return {EnvironmentType::Production, EnvironmentType::Staging, EnvironmentType::Development};
}

} // namespace EnvironmentTypes
