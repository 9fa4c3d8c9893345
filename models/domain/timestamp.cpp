#include "timestamp.h"

#include <cstring>

namespace Timestamp {

namespace {

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

void twoDigits(char* out, int v)
{
    out[0] = char('0' + v / 10);
    out[1] = char('0' + v % 10);
}

// YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM), the same rules for UTF-16 and Latin-1 text.
template<typename View>
std::optional<qint64> parseView(View s)
{
    const auto at = [&](qsizetype i) -> char16_t { return s.at(i).unicode(); };
    const auto digits = [&](qsizetype from, qsizetype n, int& out) {
        if (from + n > s.size())
            return false;
        int v = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            const char16_t c = at(i);
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + (c - u'0');
        }
        out = v;
        return true;
    };

    int year, month, day, hour, minute, second;
    if (!digits(0, 4, year) || s.size() < 20 || at(4) != u'-' || !digits(5, 2, month) || at(7) != u'-'
        || !digits(8, 2, day))
        return std::nullopt;
    const char16_t t = at(10);
    if (t != u'T' && t != u't' && t != u' ')
        return std::nullopt;
    if (!digits(11, 2, hour) || at(13) != u':' || !digits(14, 2, minute) || at(16) != u':' || !digits(17, 2, second))
        return std::nullopt;
    qsizetype pos = 19;
    int msec = 0;
    if (pos < s.size() && at(pos) == u'.') {
        ++pos;
        const qsizetype start = pos;
        int scale = 100;
        while (pos < s.size() && at(pos) >= u'0' && at(pos) <= u'9') {
            msec += (at(pos) - u'0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos >= s.size())
        return std::nullopt;
    int offsetSeconds = 0;
    const char16_t z = at(pos);
    if (z == u'Z' || z == u'z') {
        ++pos;
    } else if (z == u'+' || z == u'-') {
        int oh, om;
        if (!digits(pos + 1, 2, oh) || pos + 3 >= s.size() || at(pos + 3) != u':' || !digits(pos + 4, 2, om) || oh > 23
            || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (z == u'-' ? -1 : 1);
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
    // What QDate and QTime accept: proleptic Gregorian dates from year 1 (Qt has no year 0), times up to 23:59:59.
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
        || second > 59)
        return std::nullopt;
    const qint64 days = daysFromCivil(year, month, day);
    return (((days * 24 + hour) * 60 + minute) * 60 + second - offsetSeconds) * 1000 + msec;
}

} // namespace

qint64 daysFromCivil(qint64 y, qint64 m, qint64 d)
{
    y -= m <= 2;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, qint64& year, qint64& month, qint64& day)
{
    z += 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = yoe + era * 400 + (month <= 2);
}

std::optional<qint64> parseMsecs(QStringView text)
{
    return parseView(text);
}

std::optional<qint64> parseMsecs(QLatin1String text)
{
    return parseView(text);
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

qsizetype formatMsecsTo(qint64 msecsSinceEpoch, char* out)
{
    const qint64 seconds = floorDiv(msecsSinceEpoch, 1000);
    const qint64 days = floorDiv(seconds, 86400);
    qint64 year, month, day;
    civilFromDays(days, year, month, day);
    if (year < 1 || year > 9999) {
        // Outside four-digit years QDateTime decides (it has no year 0).
        const QByteArray text = format(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)).toLatin1();
        const qsizetype n = std::min<qsizetype>(text.size(), kFormattedCapacity);
        std::memcpy(out, text.constData(), size_t(n));
        return n;
    }
    const int secondOfDay = int(seconds - days * 86400);
    twoDigits(out, int(year / 100));
    twoDigits(out + 2, int(year % 100));
    out[4] = '-';
    twoDigits(out + 5, int(month));
    out[7] = '-';
    twoDigits(out + 8, int(day));
    out[10] = 'T';
    twoDigits(out + 11, secondOfDay / 3600);
    out[13] = ':';
    twoDigits(out + 14, secondOfDay / 60 % 60);
    out[16] = ':';
    twoDigits(out + 17, secondOfDay % 60);
    out[19] = 'Z';
    return 20;
}

QString formatMsecs(qint64 msecsSinceEpoch)
{
    char text[kFormattedCapacity];
    return QString::fromLatin1(text, formatMsecsTo(msecsSinceEpoch, text));
}

} // namespace Timestamp
