#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>

// One complete HTTP request as tidemarkd's transport parsed it; what ApiServer routes on.
struct HttpRequest
{
    QByteArray method; // as sent, case-sensitive ("GET")
    QByteArray target; // the raw request target, still percent-encoded
    // The path split on '/' before percent-decoding, then each segment decoded: "%2F" stays inside its segment.
    QStringList pathSegments;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // in the order sent
    QByteArray body;
    QHostAddress peerAddress;

    // The first header with this name (names compare case-insensitively), or an empty array.
    QByteArray value(const QByteArray& name) const;
    // Fills pathSegments and query from target; false when the target is neither origin-form ("/path?query")
    // nor absolute-form ("http://host/path").
    bool setTarget(const QByteArray& rawTarget);
};
