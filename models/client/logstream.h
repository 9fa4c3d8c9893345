#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class ApiClient;
class QNetworkReply;

// An activity's NDJSON log (`GET …/activities/{a}/log`) read as it arrives: one lineReceived() per
// `{"_id", "data": {timestamp, message}}` line, then sealed() at `{"seal": true}`, or failed() if the stream
// ends any other way. Exactly one of sealed() and failed() is emitted, and nothing after it. Lines that are
// not what the contract says are skipped. Uses the client's access token and exchanges it once more on a 401.
// Delete a stream with deleteLater() when its signals are connected to code that may still run.
class LogStream : public QObject
{
    Q_OBJECT

public:
    // A client keeps at most this many streams open: each holds one of the few connections Qt opens per host.
    static constexpr int kMaxOpenPerClient = 3;
    // A line longer than this is dropped (and counted as skipped) instead of being buffered without end.
    static constexpr qsizetype kMaxLineBytes = 1024 * 1024;

    LogStream(ApiClient* client, const QString& project, const QString& activityId, QObject* parent = nullptr);
    ~LogStream() override;

    void start();
    // Stops reading; no signal is emitted afterwards.
    void abort();
    // Fails the stream (Timeout) when no data arrives for this long; 0 (the default) waits as long as the
    // server keeps the connection. Until the answer's headers arrive the client's timeout applies.
    void setIdleTimeout(int milliseconds) { m_idleTimeoutMs = milliseconds; }

    QString project() const { return m_project; }
    QString activityId() const { return m_activityId; }
    bool isRunning() const { return m_started && !m_ended; }
    bool isSealed() const { return m_sealed; }
    int skippedLines() const { return m_skippedLines; }

signals:
    void lineReceived(int seq, qint64 timestampMs, const QString& message);
    void sealed();
    void failed(const ApiError& error);

private:
    void open();
    void sendRequest();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    // Returns false when the stream was deleted or ended by a receiver of the signal it emitted.
    bool processBuffer(bool final);
    bool processLine(const QByteArray& line);
    void fail(const ApiError& error);
    void failLater(const ApiError& error);
    void closeReply();
    ApiError baseError() const;

    QPointer<ApiClient> m_client;
    QString m_project;
    QString m_activityId;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QByteArray m_errorBody;
    QString m_usedToken;
    QTimer m_timer;
    int m_idleTimeoutMs = 0;
    int m_skippedLines = 0;
    bool m_started = false;
    bool m_ended = false;
    bool m_sealed = false;
    bool m_reauthenticated = false;
    bool m_headersSeen = false;
    bool m_counted = false;
};
