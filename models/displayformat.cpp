#include "displayformat.h"

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

QString DisplayFormat::none()
{
    return QStringLiteral("\u2014");
}
