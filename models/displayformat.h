#pragma once

#include <QCoreApplication>
#include <QString>

// The few ways the item models write values for people, kept in one place so that every view agrees.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    // Local time as "yyyy-MM-dd HH:mm".
    static QString localTime(qint64 msecsSinceEpoch);
    // Local time with seconds and the UTC offset, for tool tips.
    static QString localTimeLong(qint64 msecsSinceEpoch);
    // Binary units with one decimal: "12.3 MiB".
    static QString dataSize(qint64 bytes);
    // "63 ms" below a second, else seconds with one decimal ("1.5 s"), in the locale's digits.
    static QString duration(qint64 milliseconds);
    // What a view shows for a value that does not exist (no backup yet, no expiry).
    static QString none();
};
