#include "activityfollower.h"

#include "apiclient.h"
#include "logstream.h"

namespace {

constexpr int kMaxPollIntervalMs = 1000;
constexpr int kMinPollIntervalMs = 50;
constexpr int kFirstReopenDelayMs = 500;
constexpr int kMaxReopenDelayMs = 10000;
// After this many stream failures in a row without a line in between, polling alone follows the activity.
constexpr int kMaxStreamFailures = 30;

// Errors that more waiting will not cure.
bool isFinal(const ApiError& error)
{
    switch (error.kind) {
    case ApiError::Kind::Auth:
    case ApiError::Kind::Decode:
    case ApiError::Kind::Cancelled:
        return true;
    case ApiError::Kind::Http:
        return error.httpStatus >= 400 && error.httpStatus <= 499 && error.httpStatus != 408 && error.httpStatus != 429;
    case ApiError::Kind::None:
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        break;
    }
    return false;
}

} // namespace

ActivityFollower::ActivityFollower(
    ApiClient* client, const QString& project, const QString& activityId, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_project(project)
    , m_activityId(activityId)
{
    m_activity.id = activityId;
    m_pollTimer.setInterval(kMaxPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &ActivityFollower::poll);
    m_reopenTimer.setSingleShot(true);
    connect(&m_reopenTimer, &QTimer::timeout, this, &ActivityFollower::openStream);
    m_sinceContact.start();
    // Nothing happens before the caller has connected its slots.
    QTimer::singleShot(0, this, [this] {
        if (!isFollowing())
            return;
        m_pollTimer.start();
        poll();
        openStream();
    });
}

ActivityFollower::~ActivityFollower()
{
    m_stopped = true;
    closeStream();
}

void ActivityFollower::setPollInterval(int milliseconds)
{
    m_pollTimer.setInterval(std::clamp(milliseconds, kMinPollIntervalMs, kMaxPollIntervalMs));
}

void ActivityFollower::stop()
{
    m_stopped = true;
    m_pollTimer.stop();
    m_reopenTimer.stop();
    closeStream();
}

bool ActivityFollower::isStreaming() const
{
    return !m_stream.isNull();
}

// --- polling ---

void ActivityFollower::poll()
{
    if (!isFollowing())
        return;
    if (!m_client) {
        ApiError error;
        error.kind = ApiError::Kind::Cancelled;
        finish(error);
        return;
    }
    if (m_pollInFlight) {
        m_pollAgain = true;
        return;
    }
    m_pollInFlight = true;
    m_pollAgain = false;
    ApiClient::onResult(m_client->activity(m_project, m_activityId), this,
        [this](const ApiResult<Activity>& result) { onPolled(result); });
}

void ActivityFollower::onPolled(const ApiResult<Activity>& result)
{
    m_pollInFlight = false;
    if (!isFollowing())
        return;
    if (result.ok()) {
        m_sinceContact.restart();
        QPointer<ActivityFollower> self(this);
        apply(*result.value);
        if (self && isFollowing() && std::exchange(m_pollAgain, false))
            poll();
        return;
    }
    if (isFinal(result.error) || m_sinceContact.elapsed() > m_giveUpAfterMs)
        finish(result.error);
    else if (std::exchange(m_pollAgain, false))
        poll();
}

void ActivityFollower::apply(const Activity& activity)
{
    QPointer<ActivityFollower> self(this);
    emitLogText(activity.log);
    if (!self || !isFollowing())
        return;
    const bool changed = !m_haveActivity || activity != m_activity;
    m_activity = activity;
    m_haveActivity = true;
    if (activity.completionPercent != m_percent) {
        m_percent = activity.completionPercent;
        emit progress(m_percent);
        if (!self || !isFollowing())
            return;
    }
    if (changed) {
        emit activityChanged(m_activity);
        if (!self || !isFollowing())
            return;
    }
    if (m_activity.isFinished())
        finish({});
}

// The log text is the messages joined by '\n'. What follows the m_logChars characters already shown is new.
void ActivityFollower::emitLogText(const QString& log)
{
    QString rest;
    if (m_logLines == 0) {
        if (log.isEmpty())
            return;
        rest = log;
    } else {
        if (log.size() <= m_logChars || log.at(m_logChars) != QLatin1Char('\n'))
            return;
        rest = log.mid(m_logChars + 1);
    }
    m_logChars = log.size();
    const QStringList lines = rest.split(QLatin1Char('\n'));
    m_logLines += int(lines.size());
    QPointer<ActivityFollower> self(this);
    for (const QString& line : lines) {
        emit logLine(line, 0);
        if (!self || !isFollowing())
            return;
    }
}

// --- streaming ---

void ActivityFollower::openStream()
{
    if (!isFollowing() || m_streamDisabled || m_stream || !m_client)
        return;
    m_streamChars = 0;
    m_streamSeq = 0;
    m_streamInSync = true;
    m_stream = m_client->openLogStream(m_project, m_activityId, this);
    connect(m_stream, &LogStream::lineReceived, this,
        [this](int seq, qint64 timestampMs, const QString& message) { onStreamLine(seq, timestampMs, message); });
    connect(m_stream, &LogStream::sealed, this, [this] {
        // The activity has ended: the final state comes from one more poll, right away.
        closeStream();
        m_streamDisabled = true;
        poll();
    });
    connect(m_stream, &LogStream::failed, this, &ActivityFollower::onStreamFailed);
}

void ActivityFollower::onStreamLine(int seq, qint64 timestampMs, const QString& message)
{
    m_streamFailures = 0;
    if (seq != m_streamSeq + 1)
        m_streamInSync = false; // a line went missing; polling supplies the text from here
    m_streamSeq = seq;
    if (!m_streamInSync)
        return;
    const qsizetype end = m_streamChars + (seq > 1 ? 1 : 0) + message.size();
    m_streamChars = end;
    if (m_logLines > 0 && end <= m_logChars)
        return; // shown already (by polling)
    m_logChars = end;
    ++m_logLines;
    emit logLine(message, timestampMs);
}

void ActivityFollower::onStreamFailed(const ApiError& error)
{
    closeStream();
    if (!isFollowing())
        return;
    // Servers without the log route, and refusals, are not worth retrying: polling carries on alone.
    const bool hopeless = error.kind == ApiError::Kind::Auth || error.kind == ApiError::Kind::Cancelled
        || (error.kind == ApiError::Kind::Http && error.httpStatus >= 400 && error.httpStatus <= 499
            && error.httpStatus != 408 && error.httpStatus != 429);
    if (hopeless || ++m_streamFailures > kMaxStreamFailures) {
        m_streamDisabled = true;
        return;
    }
    scheduleStreamReopen();
}

void ActivityFollower::scheduleStreamReopen()
{
    int delay = kFirstReopenDelayMs;
    for (int i = 1; i < m_streamFailures && delay < kMaxReopenDelayMs; ++i)
        delay *= 2;
    m_reopenTimer.start(std::min(delay, kMaxReopenDelayMs));
}

void ActivityFollower::closeStream()
{
    if (!m_stream)
        return;
    LogStream* stream = m_stream;
    m_stream = nullptr;
    disconnect(stream, nullptr, this, nullptr);
    stream->abort();
    stream->deleteLater();
}

void ActivityFollower::finish(const ApiError& error)
{
    if (!isFollowing())
        return;
    m_finished = true;
    m_error = error;
    m_pollTimer.stop();
    m_reopenTimer.stop();
    closeStream();
    emit finished(m_activity, m_error);
}
