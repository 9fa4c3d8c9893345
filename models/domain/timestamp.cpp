#include "timestamp.h"

#include <QDate>
#include <QTime>

namespace Timestamp {

namespace {

bool digits(QStringView s, qsizetype from, qsizetype n, int& out)
{
    if (from + n > s.size())
        return false;
    int v = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        const QChar c = s.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = v * 10 + (c.unicode() - '0');
    }
    out = v;
    return true;
}

} // namespace

std::optional<qint64> parseMsecs(QStringView s)
{
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 20 || s.at(4) != QLatin1Char('-') || !digits(s, 5, 2, month)
        || s.at(7) != QLatin1Char('-') || !digits(s, 8, 2, day))
        return std::nullopt;
    const QChar t = s.at(10);
    if (t != QLatin1Char('T') && t != QLatin1Char('t') && t != QLatin1Char(' '))
        return std::nullopt;
    if (!digits(s, 11, 2, hour) || s.at(13) != QLatin1Char(':') || !digits(s, 14, 2, minute)
        || s.at(16) != QLatin1Char(':') || !digits(s, 17, 2, second))
        return std::nullopt;
    qsizetype pos = 19;
    int msec = 0;
    if (pos < s.size() && s.at(pos) == QLatin1Char('.')) {
        ++pos;
        const qsizetype start = pos;
        int scale = 100;
        while (pos < s.size() && s.at(pos).isDigit() && s.at(pos).unicode() < 128) {
            msec += (s.at(pos).unicode() - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos >= s.size())
        return std::nullopt;
    int offsetSeconds = 0;
    const QChar z = s.at(pos);
    if (z == QLatin1Char('Z') || z == QLatin1Char('z')) {
        ++pos;
    } else if (z == QLatin1Char('+') || z == QLatin1Char('-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s.at(pos + 3) != QLatin1Char(':')
            || !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (z == QLatin1Char('-') ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;

    // RFC 3339 allows a leap second (:60); it is stored as the last millisecond of that minute.
    if (second == 60) {
        second = 59;
        msec = 999;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QDateTime local(date, time, Qt::UTC);
    return local.toMSecsSinceEpoch() - qint64(offsetSeconds) * 1000;
}

std::optional<QDateTime> parse(QStringView text)
{
    const auto ms = parseMsecs(text);
    if (!ms)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
}

QString format(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
}

QString formatMsecs(qint64 msecsSinceEpoch)
{
    return format(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

} // namespace Timestamp
