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
// The same for Latin-1 text, such as a date-time straight out of a JSON file.
std::optional<qint64> parseMsecs(QLatin1String text);
std::optional<QDateTime> parse(QStringView text);

QString format(const QDateTime& time);
QString formatMsecs(qint64 msecsSinceEpoch);

// formatMsecs without a QString, for writers of a million rows: puts the ASCII text into `out`, which has room for
// kFormattedCapacity characters, and returns its length.
constexpr qsizetype kFormattedCapacity = 32;
qsizetype formatMsecsTo(qint64 msecsSinceEpoch, char* out);

// Floor division that rounds towards negative infinity (bucket keys need it before 1970 too).
constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar and back, after Howard Hinnant's days_from_civil and
// civil_from_days.
qint64 daysFromCivil(qint64 year, qint64 month, qint64 day);
void civilFromDays(qint64 days, qint64& year, qint64& month, qint64& day);

} // namespace Timestamp
