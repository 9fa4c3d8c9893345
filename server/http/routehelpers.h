#pragma once

#include "domain/problem.h"
#include "httpreply.h"

#include <QJsonObject>
#include <QString>

// What the route files of ApiServer share: the names of path parameters, HAL links, 400 answers.
namespace RouteHelpers {

inline const QString kP = QStringLiteral("p");
inline const QString kE = QStringLiteral("e");
inline const QString kB = QStringLiteral("b");
inline const QString kA = QStringLiteral("a");

QJsonObject link(const QString& href, const char* method = nullptr);
// The contract's 400: the problems in `message`, and by path in `detail` (the first kMaxReportedProblems; the
// message says how many more there were).
constexpr qsizetype kMaxReportedProblems = 50;
HttpReply badRequest(const Problems& problems);

} // namespace RouteHelpers
