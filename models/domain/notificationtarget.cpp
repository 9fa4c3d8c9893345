#include "notificationtarget.h"

#include "jsonread.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(NotificationTarget)
};

const QString kName = QStringLiteral("name");
const QString kKind = QStringLiteral("kind");
const QString kUrl = QStringLiteral("url");
const QString kFormat = QStringLiteral("format");
const QString kSmtp = QStringLiteral("smtp");
const QString kHost = QStringLiteral("host");
const QString kPort = QStringLiteral("port");
const QString kTls = QStringLiteral("tls");
const QString kUser = QStringLiteral("user");
const QString kPassword = QStringLiteral("password");
const QString kTo = QStringLiteral("to");
const QString kFrom = QStringLiteral("from");
const QString kEvents = QStringLiteral("events");

constexpr int kMaxRecipients = 50;

bool isOneLine(const QString& text)
{
    return !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')) && !text.contains(QChar(0));
}

// A plain addr-spec (no display name, no comments): what SMTP's RCPT TO and MAIL FROM take as they are.
bool isMailAddress(const QString& text)
{
    static const QRegularExpression address(QStringLiteral("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$"));
    return text.size() <= 254 && address.match(text).hasMatch();
}

void readWebhook(const QJsonObject& root, const QString& basePath, NotificationTarget& target, Problems& problems)
{
    const QString urlPath = JsonPath::key(basePath, kUrl);
    if (!root.contains(kUrl)) {
        problems.append({urlPath, Tr::tr("is required for a webhook")});
    } else if (const auto url = JsonRead::string(root.value(kUrl), urlPath, problems)) {
        if (url->contains(NotificationTarget::kRedacted)) {
            // Given back as an answer showed it: the stored URL stays (the server checks that there is one).
            target.url = *url;
        } else {
            const QUrl parsed(*url, QUrl::StrictMode);
            const QString scheme = parsed.scheme();
            if (!isOneLine(*url) || !parsed.isValid() || parsed.host().isEmpty()
                || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
                problems.append({urlPath, Tr::tr("is not an http:// or https:// URL with a host")});
            else if (url->size() > 2048)
                problems.append({urlPath, Tr::tr("is longer than 2048 characters")});
            else {
                target.urlValue = *url;
                target.url = NotificationTarget::redactedUrl(*url);
            }
        }
    }
    const QJsonValue format = root.value(kFormat);
    if (!format.isUndefined() && !format.isNull()) {
        const QString formatPath = JsonPath::key(basePath, kFormat);
        if (const auto text = JsonRead::string(format, formatPath, problems)) {
            if (*text == QLatin1String("json"))
                target.format = NotificationTarget::Format::Json;
            else if (*text == QLatin1String("slack"))
                target.format = NotificationTarget::Format::Slack;
            else if (*text == QLatin1String("ntfy"))
                target.format = NotificationTarget::Format::Ntfy;
            else
                problems.append(
                    {formatPath, Tr::tr("'%1' is not a format (use json, slack or ntfy)").arg(text->left(64))});
        }
    }
    for (const QString& key : {kSmtp, kTo, kFrom}) {
        if (root.contains(key))
            problems.append({JsonPath::key(basePath, key), Tr::tr("is only for e-mail (kind \"email\")")});
    }
}

void readSmtp(const QJsonValue& value, const QString& path, NotificationTarget& target, Problems& problems)
{
    const auto smtp = JsonRead::object(value, path, problems);
    if (!smtp)
        return;
    JsonRead::rejectUnknownKeys(*smtp, {kHost, kPort, kTls, kUser, kPassword}, path, problems);

    const QString tlsPath = JsonPath::key(path, kTls);
    const QJsonValue tls = smtp->value(kTls);
    if (tls.isBool()) {
        target.tls = tls.toBool() ? NotificationTarget::Tls::StartTls : NotificationTarget::Tls::None;
    } else if (!tls.isUndefined() && !tls.isNull()) {
        if (const auto text = JsonRead::string(tls, tlsPath, problems)) {
            if (*text == QLatin1String("starttls"))
                target.tls = NotificationTarget::Tls::StartTls;
            else if (*text == QLatin1String("tls"))
                target.tls = NotificationTarget::Tls::Implicit;
            else if (*text == QLatin1String("none"))
                target.tls = NotificationTarget::Tls::None;
            else
                problems.append({tlsPath,
                    Tr::tr("'%1' is not a TLS mode (use starttls, tls for a TLS connection from the start, or none)")
                        .arg(text->left(64))});
        }
    }

    const QString hostPath = JsonPath::key(path, kHost);
    if (!smtp->contains(kHost)) {
        problems.append({hostPath, Tr::tr("is required")});
    } else if (const auto host = JsonRead::string(smtp->value(kHost), hostPath, problems)) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9.:_-]{1,253}$"));
        if (!pattern.match(*host).hasMatch())
            problems.append({hostPath, Tr::tr("'%1' is not a host name or address").arg(host->left(64))});
        else
            target.smtpHost = *host;
    }

    const QJsonValue port = smtp->value(kPort);
    if (!port.isUndefined() && !port.isNull()) {
        if (const auto number = JsonRead::integer(port, JsonPath::key(path, kPort), 1, 65535, problems))
            target.smtpPort = int(*number);
    } else {
        target.smtpPort = target.tls == NotificationTarget::Tls::Implicit ? 465
            : target.tls == NotificationTarget::Tls::StartTls             ? 587
                                                                          : 25;
    }

    const QJsonValue user = smtp->value(kUser);
    if (!user.isUndefined() && !user.isNull()) {
        const QString userPath = JsonPath::key(path, kUser);
        if (const auto text = JsonRead::string(user, userPath, problems)) {
            if (!isOneLine(*text) || text->size() > 256)
                problems.append({userPath, Tr::tr("must be one line of at most 256 characters")});
            else
                target.smtpUser = *text;
        }
    }

    const QString passwordPath = JsonPath::key(path, kPassword);
    const QJsonValue password = smtp->value(kPassword);
    if (password.isNull()) {
        target.passwordValue = QString(); // removes a stored password
    } else if (!password.isUndefined()) {
        if (const auto text = JsonRead::string(password, passwordPath, problems)) {
            if (*text == NotificationTarget::kRedacted)
                target.hasPassword = true; // kept as stored (the server checks that there is one)
            else if (!isOneLine(*text) || text->size() > 1024)
                problems.append({passwordPath, Tr::tr("must be one line of at most 1024 characters")});
            else {
                target.passwordValue = *text;
                target.hasPassword = !text->isEmpty();
            }
        }
    }
    if (target.tls == NotificationTarget::Tls::None
        && (target.hasPassword || target.passwordValue.value_or(QString()).size() > 0))
        problems.append(
            {tlsPath, Tr::tr("must be starttls or tls when a password is given (it would travel in the clear)")});
}

void readEmail(const QJsonObject& root, const QString& basePath, NotificationTarget& target, Problems& problems)
{
    const QString smtpPath = JsonPath::key(basePath, kSmtp);
    if (!root.contains(kSmtp))
        problems.append({smtpPath, Tr::tr("is required for e-mail")});
    else
        readSmtp(root.value(kSmtp), smtpPath, target, problems);

    const QString toPath = JsonPath::key(basePath, kTo);
    const QJsonValue to = root.value(kTo);
    if (!to.isArray() || to.toArray().isEmpty()) {
        problems.append({toPath, Tr::tr("must be a non-empty array of e-mail addresses")});
    } else if (to.toArray().size() > kMaxRecipients) {
        problems.append({toPath, Tr::tr("has more than %1 addresses").arg(kMaxRecipients)});
    } else {
        const QJsonArray addresses = to.toArray();
        for (qsizetype i = 0; i < addresses.size(); ++i) {
            const QString at = JsonPath::index(toPath, i);
            if (const auto address = JsonRead::string(addresses.at(i), at, problems)) {
                if (!isMailAddress(*address))
                    problems.append({at, Tr::tr("'%1' is not an e-mail address (name@host)").arg(address->left(64))});
                else if (!target.to.contains(*address))
                    target.to.append(*address);
            }
        }
    }

    const QJsonValue from = root.value(kFrom);
    if (!from.isUndefined() && !from.isNull()) {
        const QString fromPath = JsonPath::key(basePath, kFrom);
        if (const auto address = JsonRead::string(from, fromPath, problems)) {
            if (!isMailAddress(*address))
                problems.append({fromPath, Tr::tr("'%1' is not an e-mail address (name@host)").arg(address->left(64))});
            else
                target.from = *address;
        }
    }
    for (const QString& key : {kUrl, kFormat}) {
        if (root.contains(key))
            problems.append({JsonPath::key(basePath, key), Tr::tr("is only for webhooks (kind \"webhook\")")});
    }
}

} // namespace

QStringList NotificationTarget::allEvents()
{
    return {QStringLiteral("backup.failed"), QStringLiteral("backup.missed"), QStringLiteral("copy.failed"),
        QStringLiteral("verify.failed"), QStringLiteral("restore.finished")};
}

QString NotificationTarget::kindToString(Kind kind)
{
    return kind == Kind::Email ? QStringLiteral("email") : QStringLiteral("webhook");
}

QString NotificationTarget::formatToString(Format format)
{
    switch (format) {
    case Format::Slack:
        return QStringLiteral("slack");
    case Format::Ntfy:
        return QStringLiteral("ntfy");
    case Format::Json:
        break;
    }
    return QStringLiteral("json");
}

QString NotificationTarget::tlsToString(Tls tls)
{
    switch (tls) {
    case Tls::Implicit:
        return QStringLiteral("tls");
    case Tls::None:
        return QStringLiteral("none");
    case Tls::StartTls:
        break;
    }
    return QStringLiteral("starttls");
}

QString NotificationTarget::redactedUrl(const QString& url)
{
    const QUrl parsed(url);
    QString shown = parsed.scheme() + QStringLiteral("://") + parsed.host(QUrl::FullyEncoded);
    if (parsed.port() != -1)
        shown += QLatin1Char(':') + QString::number(parsed.port());
    const bool secretPart = !parsed.userInfo().isEmpty() || parsed.hasQuery() || parsed.hasFragment()
        || (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/"));
    return shown + QLatin1Char('/') + (secretPart ? kRedacted : QString());
}

Decoded<NotificationTarget> NotificationTarget::fromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    const auto root = JsonRead::object(json, basePath, problems);
    if (!root)
        return Decoded<NotificationTarget>::failure(problems);
    JsonRead::rejectUnknownKeys(*root, {kName, kKind, kUrl, kFormat, kSmtp, kTo, kFrom, kEvents}, basePath, problems);

    NotificationTarget target;
    const QString namePath = JsonPath::key(basePath, kName);
    if (!root->contains(kName)) {
        problems.append({namePath, Tr::tr("is required")});
    } else if (const auto name = JsonRead::string(root->value(kName), namePath, problems)) {
        static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
        if (!pattern.match(*name).hasMatch())
            problems.append({namePath,
                Tr::tr("'%1' is not a notification name (use 1 to 64 lower-case letters, digits, - and _)")
                    .arg(name->left(64))});
        else
            target.name = *name;
    }

    const QString kindPath = JsonPath::key(basePath, kKind);
    std::optional<Kind> kind;
    if (!root->contains(kKind)) {
        problems.append({kindPath, Tr::tr("is required (webhook or email)")});
    } else if (const auto text = JsonRead::string(root->value(kKind), kindPath, problems)) {
        if (*text == QLatin1String("webhook"))
            kind = Kind::Webhook;
        else if (*text == QLatin1String("email"))
            kind = Kind::Email;
        else
            problems.append({kindPath, Tr::tr("'%1' is not a kind (use webhook or email)").arg(text->left(64))});
    }
    if (kind) {
        target.kind = *kind;
        if (*kind == Kind::Webhook)
            readWebhook(*root, basePath, target, problems);
        else
            readEmail(*root, basePath, target, problems);
    }

    const QString eventsPath = JsonPath::key(basePath, kEvents);
    const QJsonValue events = root->value(kEvents);
    if (events.isUndefined() || events.isNull()) {
        target.events = allEvents();
    } else if (!events.isArray() || events.toArray().isEmpty()) {
        problems.append({eventsPath,
            Tr::tr("must be a non-empty array of events (%1)").arg(allEvents().join(QLatin1String(", ")))});
    } else {
        const QJsonArray names = events.toArray();
        QStringList chosen;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString at = JsonPath::index(eventsPath, i);
            if (const auto name = JsonRead::string(names.at(i), at, problems)) {
                if (!allEvents().contains(*name))
                    problems.append({at,
                        Tr::tr("'%1' is not an event (use %2)")
                            .arg(name->left(64), allEvents().join(QLatin1String(", ")))});
                else
                    chosen.append(*name);
            }
        }
        for (const QString& event : allEvents()) {
            if (chosen.contains(event))
                target.events.append(event);
        }
    }

    if (!problems.isEmpty())
        return Decoded<NotificationTarget>::failure(problems);
    return Decoded<NotificationTarget>::success(target);
}

QJsonObject NotificationTarget::toJson() const
{
    QJsonObject o {{kName, name}, {kKind, kindToString(kind)}, {kEvents, QJsonArray::fromStringList(events)}};
    if (kind == Kind::Webhook) {
        o.insert(kUrl, url);
        o.insert(kFormat, formatToString(format));
    } else {
        o.insert(kSmtp,
            QJsonObject {{kHost, smtpHost}, {kPort, smtpPort}, {kTls, tlsToString(tls)},
                {kUser, smtpUser.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(smtpUser)},
                {kPassword, hasPassword ? QJsonValue(kRedacted) : QJsonValue(QJsonValue::Null)}});
        o.insert(kTo, QJsonArray::fromStringList(to));
        o.insert(kFrom, from.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(from));
    }
    return o;
}

Decoded<QList<NotificationTarget>> NotificationTarget::listFromJson(const QJsonValue& json, const QString& basePath)
{
    Problems problems;
    QList<NotificationTarget> targets;
    if (json.isNull())
        return Decoded<QList<NotificationTarget>>::success(targets);
    if (!json.isArray()) {
        problems.append(
            {basePath, Tr::tr("must be an array of notification targets, not %1").arg(JsonRead::describe(json))});
        return Decoded<QList<NotificationTarget>>::failure(problems);
    }
    const QJsonArray array = json.toArray();
    if (array.size() > 50)
        problems.append({basePath, Tr::tr("has more than 50 targets")});
    for (qsizetype i = 0; i < array.size() && i < 50; ++i) {
        const QString path = JsonPath::index(basePath, i);
        Decoded<NotificationTarget> target = NotificationTarget::fromJson(array.at(i), path);
        problems.append(target.problems);
        if (!target.value)
            continue;
        const bool taken = std::any_of(targets.begin(), targets.end(),
            [&](const NotificationTarget& other) { return other.name == target.value->name; });
        if (taken)
            problems.append({JsonPath::key(path, kName),
                Tr::tr("'%1' names another notification target already (names must be unique)")
                    .arg(target.value->name)});
        else
            targets.append(*target.value);
    }
    if (!problems.isEmpty())
        return Decoded<QList<NotificationTarget>>::failure(problems);
    return Decoded<QList<NotificationTarget>>::success(targets);
}
