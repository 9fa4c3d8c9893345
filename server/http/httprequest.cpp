#include "httprequest.h"

#include <QUrl>

QByteArray HttpRequest::value(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::setTarget(const QByteArray& rawTarget)
{
    target = rawTarget;
    QByteArray path = rawTarget;
    // Absolute-form is what a client sends through a proxy; RFC 9112 asks servers to accept it.
    for (const QByteArray& scheme : {QByteArrayLiteral("http://"), QByteArrayLiteral("https://")}) {
        if (path.size() >= scheme.size() && path.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0) {
            const qsizetype slash = path.indexOf('/', scheme.size());
            const qsizetype question = path.indexOf('?', scheme.size());
            if (slash < 0 || (question >= 0 && question < slash))
                path = '/' + (question >= 0 ? path.mid(question) : QByteArray());
            else
                path = path.mid(slash);
            break;
        }
    }
    if (!path.startsWith('/'))
        return false;
    const qsizetype question = path.indexOf('?');
    const QByteArray rawQuery = question >= 0 ? path.mid(question + 1) : QByteArray();
    if (question >= 0)
        path.truncate(question);
    // Split first, decode second: a decoded '/' must never make a segment boundary (an id with "%2F" in it names
    // one resource, not two).
    pathSegments.clear();
    for (const QByteArray& segment : path.split('/')) {
        if (!segment.isEmpty())
            pathSegments.append(QUrl::fromPercentEncoding(segment));
    }
    query = QUrlQuery(QString::fromUtf8(rawQuery));
    return true;
}
