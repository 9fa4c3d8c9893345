#include "displayformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

QString DisplayFormat::localTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString DisplayFormat::localTimeLong(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

QString DisplayFormat::dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString DisplayFormat::duration(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(QLocale().toString(milliseconds));
    return QCoreApplication::translate("DisplayFormat", "%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
}

QString DisplayFormat::none()
{
    return QStringLiteral("\u2014");
}
