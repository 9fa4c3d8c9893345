#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>
#include <QUrl>

namespace {

// Whatever a server sends is shown, but never without bounds.
constexpr qsizetype kMaxTextLength = 1000;
constexpr qsizetype kMaxEntries = 5;

QString clip(const QString& text)
{
    const QString simplified = text.simplified();
    if (simplified.size() <= kMaxTextLength)
        return simplified;
    return simplified.left(kMaxTextLength) + QChar(0x2026);
}

// "127.0.0.1:8421", "api.upsun.com", "[::1]:8421"; empty when the URL names no host.
QString hostOf(const QString& url)
{
    const QUrl parsed(url);
    QString host = parsed.host();
    if (host.isEmpty())
        return {};
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (parsed.port() > 0)
        host += QLatin1Char(':') + QString::number(parsed.port());
    return clip(host);
}

QString detailValue(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// The detail entries the message does not already say ("path: sentence"), at most kMaxEntries of them.
QString extraDetail(const QJsonObject& detail, const QString& message)
{
    QStringList entries;
    qsizetype more = 0;
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QString value = clip(detailValue(it.value()));
        const QString key = clip(it.key());
        if (message.contains(key) && (value.isEmpty() || message.contains(value)))
            continue;
        if (entries.size() >= kMaxEntries) {
            ++more;
            continue;
        }
        entries.append(value.isEmpty() ? key : key + QLatin1String(": ") + value);
    }
    QString text = entries.join(QLatin1String("; "));
    if (more > 0)
        text += ApiError::tr(" (and %n more)", nullptr, int(std::min<qsizetype>(more, 1000000)));
    return text;
}

QString withoutFinalStop(const QString& text)
{
    return text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1String("..")) ? text.chopped(1) : text;
}

} // namespace

QString ApiError::message() const
{
    const QString host = hostOf(url);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::Network: {
        const QString reason = clip(networkError);
        if (host.isEmpty())
            return reason.isEmpty() ? tr("Cannot reach the server.") : tr("Cannot reach the server: %1").arg(reason);
        return reason.isEmpty() ? tr("Cannot reach %1.").arg(host) : tr("Cannot reach %1: %2").arg(host, reason);
    }
    case Kind::Timeout: {
        if (timeoutMs <= 0)
            return host.isEmpty() ? tr("The server did not answer in time.")
                                  : tr("%1 did not answer in time.").arg(host);
        const QString seconds = QLocale().toString(double(timeoutMs) / 1000.0, 'g', 4);
        return host.isEmpty() ? tr("The server did not answer within %1 s.").arg(seconds)
                              : tr("%1 did not answer within %2 s.").arg(host, seconds);
    }
    case Kind::Decode: {
        QStringList parts;
        for (qsizetype i = 0; i < problems.size() && i < kMaxEntries; ++i)
            parts.append(clip(problems.at(i).toString()));
        QString text = parts.join(QLatin1String("; "));
        if (problems.size() > kMaxEntries)
            text += tr(" (and %n more)", nullptr, int(std::min<qsizetype>(problems.size() - kMaxEntries, 1000000)));
        return text.isEmpty() ? tr("The server's answer could not be read.")
                              : tr("The server's answer could not be read: %1").arg(text);
    }
    case Kind::Auth: {
        const QString said = withoutFinalStop(clip(serverMessage.isEmpty() ? title : serverMessage));
        const QString where = host.isEmpty() ? tr("the server") : host;
        if (said.isEmpty())
            return tr("The API token was not accepted by %1. Check the token and the token URL of the connection.")
                .arg(where);
        return tr("The API token was not accepted by %1 (%2). Check the token and the token URL of the connection.")
            .arg(where, said);
    }
    case Kind::Http:
        break;
    }

    // Http: the server's own sentence, completed by the details it does not mention.
    QString said = clip(serverMessage.isEmpty() ? title : serverMessage);
    const QString extra = extraDetail(detail, said);
    if (!extra.isEmpty())
        said = said.isEmpty() ? extra : said + QLatin1String(" (") + extra + QLatin1Char(')');
    const QString status = QString::number(httpStatus);
    switch (httpStatus) {
    case 400:
    case 422:
        return said.isEmpty() ? tr("The server rejected the request.")
                              : tr("The server rejected the request: %1").arg(said);
    case 401:
        return said.isEmpty() ? tr("The server did not accept the credentials.")
                              : tr("The server did not accept the credentials: %1").arg(said);
    case 403:
        return said.isEmpty() ? tr("You are not allowed to do this.")
                              : tr("You are not allowed to do this: %1").arg(said);
    case 404:
        return said.isEmpty() ? tr("The server does not know what was asked for.") : tr("Not found: %1").arg(said);
    case 405:
    case 501:
        return said.isEmpty() ? tr("The server does not support this request.")
                              : tr("The server does not support this request: %1").arg(said);
    case 409:
        return said.isEmpty() ? tr("This is not possible right now.")
                              : tr("This is not possible right now: %1").arg(said);
    case 413:
        return said.isEmpty() ? tr("The request is too large for the server.")
                              : tr("The request is too large for the server: %1").arg(said);
    case 429:
        return said.isEmpty() ? tr("The server is busy; try again later.")
                              : tr("The server is busy; try again later: %1").arg(said);
    default:
        break;
    }
    if (httpStatus >= 500 && httpStatus <= 599) {
        return said.isEmpty() ? tr("The server failed (HTTP %1).").arg(status)
                              : tr("The server failed (HTTP %1): %2").arg(status, said);
    }
    return said.isEmpty() ? tr("The server answered with HTTP status %1.").arg(status)
                          : tr("The server answered with HTTP status %1: %2").arg(status, said);
}
