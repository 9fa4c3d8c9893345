#include "apijob.h"

#include "domain/jsondocument.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

ApiJob::ApiJob(QNetworkAccessManager* nam, const QNetworkRequest& request, const QByteArray& method,
    const QByteArray& body, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(request)
    , m_method(method)
    , m_body(body)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ApiJob::onTimeout);
}

ApiJob::~ApiJob()
{
    releaseReply(true);
}

void ApiJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_error.url = m_request.url().toString();
    if (!m_nam) {
        ApiError error;
        error.kind = ApiError::Kind::Network;
        error.url = m_error.url;
        error.networkError = tr("the client is shutting down");
        // Asynchronous like every other outcome, so a caller can connect after start().
        QTimer::singleShot(0, this, [this, error] { finish(0, {}, error); });
        return;
    }
    m_reply = m_nam->sendCustomRequest(m_request, m_method, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received <= kMaxAnswerBytes || m_finished)
            return;
        ApiError error;
        error.kind = ApiError::Kind::Decode;
        error.url = m_request.url().toString();
        error.problems.append({QString(), tr("the answer is larger than %n MiB", nullptr, int(kMaxAnswerBytes >> 20))});
        finish(0, {}, error);
    });
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
}

void ApiJob::abort()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiError::Kind::Cancelled;
    error.url = m_request.url().toString();
    finish(0, {}, error);
}

void ApiJob::onTimeout()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.url = m_request.url().toString();
    error.timeoutMs = m_timeoutMs;
    finish(0, {}, error);
}

void ApiJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QUrl url = m_request.url();

    ApiError error;
    error.url = url.toString();
    QJsonValue json;
    if (status == 0) {
        // No HTTP answer at all: refused, reset, DNS, TLS.
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->errorString();
    } else if (status < 200 || status > 299) {
        error = errorFromAnswer(
            status, body, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), url);
    } else if (reply->error() != QNetworkReply::NoError) {
        // A success status, then the connection broke inside the body.
        error.kind = ApiError::Kind::Network;
        error.networkError = reply->errorString();
    } else if (!body.trimmed().isEmpty()) {
        // An empty body (204, or a 200 with nothing) is fine; a body must be JSON.
        Decoded<QJsonValue> parsed = JsonDocument::parse(body);
        if (parsed.ok()) {
            json = *parsed.value;
        } else {
            error.kind = ApiError::Kind::Decode;
            error.problems = parsed.problems;
        }
    }
    finish(status, json, error);
}

void ApiJob::finish(int httpStatus, const QJsonValue& json, const ApiError& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    releaseReply(true);
    m_httpStatus = httpStatus;
    m_json = json;
    m_error = error;
    emit finished(m_httpStatus, m_json, m_error);
    if (m_autoDelete)
        deleteLater();
}

void ApiJob::releaseReply(bool abortIt)
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (abortIt && reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

ApiError ApiJob::errorFromAnswer(int httpStatus, const QByteArray& body, const QString& reasonPhrase, const QUrl& url)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = httpStatus;
    error.url = url.toString();
    error.title = reasonPhrase;

    // Error bodies are small; anything larger is not one of ours and is not worth parsing.
    if (body.size() > 1024 * 1024)
        return error;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error;
    const QJsonObject object = document.object();
    const QJsonValue message = object.value(QStringLiteral("message"));
    const QJsonValue title = object.value(QStringLiteral("title"));
    const QJsonValue detail = object.value(QStringLiteral("detail"));
    const QJsonValue oauthError = object.value(QStringLiteral("error"));
    const QJsonValue oauthDescription = object.value(QStringLiteral("error_description"));
    if (message.isString())
        error.serverMessage = message.toString();
    else if (oauthDescription.isString())
        error.serverMessage = oauthDescription.toString();
    if (title.isString() && !title.toString().isEmpty())
        error.title = title.toString();
    else if (oauthError.isString() && !oauthError.toString().isEmpty())
        error.title = oauthError.toString();
    if (detail.isObject())
        error.detail = detail.toObject();
    return error;
}
