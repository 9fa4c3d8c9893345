#include "logstream.h"

#include "apiclient.h"
#include "apijob.h"
#include "domain/timestamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

LogStream::LogStream(ApiClient* client, const QString& project, const QString& activityId, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_project(project)
    , m_activityId(activityId)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LogStream::onTimeout);
}

LogStream::~LogStream()
{
    m_ended = true;
    closeReply();
}

ApiError LogStream::baseError() const
{
    ApiError error;
    if (m_client)
        error.url = m_client->urlFor(ApiClient::logPath(m_project, m_activityId)).toString();
    return error;
}

void LogStream::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_client) {
        ApiError error = baseError();
        error.kind = ApiError::Kind::Cancelled;
        failLater(error);
        return;
    }
    if (m_client->m_openLogStreams >= kMaxOpenPerClient) {
        ApiError error = baseError();
        error.kind = ApiError::Kind::Network;
        error.networkError = tr("too many log streams are open at once");
        failLater(error);
        return;
    }
    ++m_client->m_openLogStreams;
    m_counted = true;
    open();
}

void LogStream::abort()
{
    m_ended = true;
    closeReply();
}

void LogStream::open()
{
    QPointer<LogStream> self(this);
    m_client->withAccessToken([self](const ApiError& error) {
        if (!self || self->m_ended)
            return;
        if (error.isError()) {
            self->fail(error);
            return;
        }
        self->sendRequest();
    });
}

void LogStream::sendRequest()
{
    if (!m_client || !m_client->networkAccessManager()) {
        ApiError error = baseError();
        error.kind = ApiError::Kind::Cancelled;
        fail(error);
        return;
    }
    m_usedToken = m_client->m_accessToken;
    m_buffer.clear();
    m_errorBody.clear();
    m_headersSeen = false;
    QNetworkRequest request(m_client->urlFor(ApiClient::logPath(m_project, m_activityId)));
    request.setRawHeader("Authorization", "Bearer " + m_usedToken.toUtf8());
    request.setRawHeader("Accept", "application/x-ndjson, application/json");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_reply = m_client->networkAccessManager()->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_headersSeen = true;
        m_timer.stop();
        if (m_idleTimeoutMs > 0)
            m_timer.start(m_idleTimeoutMs);
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &LogStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &LogStream::onFinished);
    if (m_client->timeout() > 0)
        m_timer.start(m_client->timeout());
}

void LogStream::onTimeout()
{
    if (m_ended)
        return;
    ApiError error = baseError();
    error.kind = ApiError::Kind::Timeout;
    error.timeoutMs = m_headersSeen ? m_idleTimeoutMs : (m_client ? m_client->timeout() : 0);
    fail(error);
}

void LogStream::onReadyRead()
{
    if (!m_reply || m_ended)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = m_reply->readAll();
    if (status != 0 && (status < 200 || status > 299)) {
        // An error body; kept (bounded) for the error message.
        if (m_errorBody.size() < 1024 * 1024)
            m_errorBody += data;
        return;
    }
    if (m_headersSeen && m_idleTimeoutMs > 0)
        m_timer.start(m_idleTimeoutMs);
    m_buffer += data;
    processBuffer(false);
}

bool LogStream::processBuffer(bool final)
{
    QPointer<LogStream> self(this);
    qsizetype start = 0;
    while (!m_ended) {
        const qsizetype end = m_buffer.indexOf('\n', start);
        if (end < 0)
            break;
        const QByteArray line = m_buffer.mid(start, end - start);
        start = end + 1;
        if (!processLine(line))
            return false;
        if (!self)
            return false;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineBytes) {
        ++m_skippedLines;
        m_buffer.clear();
    }
    if (final && !m_ended && !m_buffer.isEmpty()) {
        const QByteArray rest = std::exchange(m_buffer, {});
        if (!processLine(rest) || !self)
            return false;
    }
    return !m_ended;
}

bool LogStream::processLine(const QByteArray& line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        ++m_skippedLines;
        return true;
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("seal")).toBool()) {
        m_sealed = true;
        m_ended = true;
        closeReply();
        emit sealed();
        return false;
    }

    const QJsonValue id = object.value(QStringLiteral("_id"));
    bool ok = false;
    int seq = 0;
    if (id.isString()) {
        seq = id.toString().toInt(&ok);
    } else if (id.isDouble()) {
        const double value = id.toDouble();
        ok = value >= 0 && value <= double(std::numeric_limits<int>::max()) && value == double(qint64(value));
        seq = ok ? int(value) : 0;
    }
    const QJsonObject data = object.value(QStringLiteral("data")).toObject();
    const QJsonValue message = data.value(QStringLiteral("message"));
    if (!ok || !message.isString()) {
        ++m_skippedLines;
        return true;
    }
    const qint64 timestampMs
        = Timestamp::parseMsecs(data.value(QStringLiteral("timestamp")).toString()).value_or(qint64(0));
    QPointer<LogStream> self(this);
    emit lineReceived(seq, timestampMs, message.toString());
    return self && !m_ended;
}

void LogStream::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_ended)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool success = status >= 200 && status <= 299;
    if (success) {
        m_buffer += reply->readAll();
        if (!processBuffer(true))
            return; // sealed, or a receiver ended or deleted the stream
    } else if (status != 0) {
        m_errorBody += reply->readAll();
    }

    ApiError error = baseError();
    if (status == 0 || (success && reply->error() != QNetworkReply::NoError)) {
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->errorString();
    } else if (success) {
        error.kind = ApiError::Kind::Network;
        error.networkError = tr("the log stream ended before the activity did");
    } else if (status == 401 && !m_reauthenticated && m_client) {
        m_reauthenticated = true;
        m_client->invalidateAccessToken(m_usedToken);
        closeReply();
        open();
        return;
    } else {
        error = ApiJob::errorFromAnswer(
            status, m_errorBody, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), reply->url());
        if (status == 401)
            error.kind = ApiError::Kind::Auth;
    }
    fail(error);
}

void LogStream::fail(const ApiError& error)
{
    if (m_ended)
        return;
    m_ended = true;
    closeReply();
    emit failed(error);
}

void LogStream::failLater(const ApiError& error)
{
    // Asynchronous, so a caller connects its slots before anything is emitted.
    QTimer::singleShot(0, this, [this, error] { fail(error); });
}

void LogStream::closeReply()
{
    m_timer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
    if (m_ended && m_counted) {
        m_counted = false;
        if (m_client)
            --m_client->m_openLogStreams;
    }
}
