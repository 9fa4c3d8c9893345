#pragma once

#include <optional>
#include <QDateTime>
#include <QString>
#include <QStringView>

// RFC 3339 times as the API writes them. Input may carry any UTC offset and any number of
// fractional digits; everything internal is UTC, output is `YYYY-MM-DDTHH:MM:SSZ`.
namespace Timestamp {

// Milliseconds since the epoch, or nullopt when the text is not an RFC 3339 date-time.
std::optional<qint64> parseMsecs(QStringView text);
std::optional<QDateTime> parse(QStringView text);

QString format(const QDateTime& time);
QString formatMsecs(qint64 msecsSinceEpoch);

// Floor division that rounds towards negative infinity (bucket keys need it before 1970 too).
constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace Timestamp
