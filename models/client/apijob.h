#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonValue>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// One REST call (Nextcloud's AbstractNetworkJob): owns its QNetworkReply, a timeout and abort(), and emits
// finished() exactly once with the HTTP status, the parsed JSON and the mapped ApiError. Deletes itself
// afterwards unless told otherwise. ApiClient adds auth and retries on top; a job knows nothing of either.
class ApiJob : public QObject
{
    Q_OBJECT

public:
    // Answers larger than this are refused (a Decode error) rather than held in memory.
    static constexpr qint64 kMaxAnswerBytes = 64 * 1024 * 1024;

    ApiJob(QNetworkAccessManager* nam, const QNetworkRequest& request, const QByteArray& method,
        const QByteArray& body = {}, QObject* parent = nullptr);
    ~ApiJob() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; } // <= 0: no timeout
    int timeout() const { return m_timeoutMs; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    // Stops the request; finished() reports Cancelled (unless it has already been emitted).
    void abort();

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    QByteArray method() const { return m_method; }
    QUrl url() const { return m_request.url(); }
    int httpStatus() const { return m_httpStatus; }
    const QJsonValue& json() const { return m_json; }
    const ApiError& error() const { return m_error; }

    // The error an answer with status `httpStatus` and this body stands for: the contract shape
    // {code, title, message, detail}, OAuth's {error, error_description}, or anything else (reason phrase).
    static ApiError errorFromAnswer(
        int httpStatus, const QByteArray& body, const QString& reasonPhrase, const QUrl& url);

signals:
    void finished(int httpStatus, const QJsonValue& json, const ApiError& error);

private:
    void onReplyFinished();
    void onTimeout();
    void finish(int httpStatus, const QJsonValue& json, const ApiError& error);
    void releaseReply(bool abortIt);

    QNetworkAccessManager* m_nam;
    QNetworkRequest m_request;
    QByteArray m_method;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    int m_timeoutMs = 30000;
    bool m_autoDelete = true;
    bool m_started = false;
    bool m_finished = false;
    int m_httpStatus = 0;
    QJsonValue m_json;
    ApiError m_error;
};
