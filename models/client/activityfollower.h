#pragma once

#include "apierror.h"
#include "domain/activity.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class ApiClient;
class LogStream;

// Follows one activity to its end, from construction: the log stream delivers lines as they happen, and
// polling `GET …/activities/{a}` (every second) gives progress, the state, and the log whenever the stream
// is down. Lines are de-duplicated by their position in the log, so switching between the two paths neither
// repeats nor loses one. A server that goes away is waited for: polling goes on and the stream is re-opened
// with backoff. finished() is emitted exactly once, unless stop() abandons the activity first.
class ActivityFollower : public QObject
{
    Q_OBJECT

public:
    ActivityFollower(ApiClient* client, const QString& project, const QString& activityId, QObject* parent = nullptr);
    ~ActivityFollower() override;

    // How often to poll while the activity runs (default 1000 ms; at most 1000 ms is used).
    void setPollInterval(int milliseconds);
    // How long the server may be unreachable before the follower gives up (default 5 minutes).
    void setGiveUpAfter(int milliseconds) { m_giveUpAfterMs = milliseconds; }
    // Abandons the activity (it keeps running on the server); no signal is emitted afterwards.
    void stop();

    QString project() const { return m_project; }
    QString activityId() const { return m_activityId; }
    bool isFollowing() const { return !m_finished && !m_stopped; }
    bool isFinished() const { return m_finished; }
    // The newest state known (only the id before the first answer).
    const Activity& activity() const { return m_activity; }
    // Why the follower gave up, if it did (the activity's end is then unknown).
    const ApiError& error() const { return m_error; }
    bool isStreaming() const;

signals:
    void progress(int percent);
    // One line of the log, with the time the server wrote it (0 when it came by polling, without one).
    void logLine(const QString& line, qint64 timestampMs);
    void activityChanged(const Activity& activity);
    // The activity ended (error.kind == None: `activity` is its final state), or the follower gave up
    // (`error` says why; `activity` is the last state known).
    void finished(const Activity& activity, const ApiError& error);

private:
    void poll();
    void onPolled(const ApiResult<Activity>& result);
    void apply(const Activity& activity);
    void emitLogText(const QString& log);
    void openStream();
    void onStreamLine(int seq, qint64 timestampMs, const QString& message);
    void onStreamFailed(const ApiError& error);
    void scheduleStreamReopen();
    void closeStream();
    void finish(const ApiError& error);

    QPointer<ApiClient> m_client;
    QString m_project;
    QString m_activityId;
    Activity m_activity;
    ApiError m_error;
    QTimer m_pollTimer;
    QTimer m_reopenTimer;
    QElapsedTimer m_sinceContact;
    QPointer<LogStream> m_stream;
    int m_giveUpAfterMs = 5 * 60 * 1000;
    int m_percent = -1;
    bool m_haveActivity = false;
    bool m_pollInFlight = false;
    bool m_pollAgain = false;
    bool m_finished = false;
    bool m_stopped = false;
    // Log bookkeeping: m_logChars characters of the log text (the messages joined by '\n') were emitted.
    qsizetype m_logChars = 0;
    int m_logLines = 0;
    // The current stream's own position in the log; a stream that skips a seq is left to polling.
    qsizetype m_streamChars = 0;
    int m_streamSeq = 0;
    bool m_streamInSync = true;
    bool m_streamDisabled = false;
    int m_streamFailures = 0;
};
