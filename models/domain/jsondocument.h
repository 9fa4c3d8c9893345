#pragma once

#include "problem.h"

#include <QByteArray>
#include <QJsonValue>

// Parses a JSON text. A syntax error becomes one Problem whose message names the line and column
// ("line 4, column 19: a value is missing"), so a person can find it in the file or request body.
namespace JsonDocument {
Decoded<QJsonValue> parse(const QByteArray& text, const QString& path = {});
}
