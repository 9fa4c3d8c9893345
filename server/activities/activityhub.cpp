#include "activityhub.h"

#include <QDateTime>
#include <QRandomGenerator>

ActivityHub::ActivityHub(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{ }

QString ActivityHub::newId()
{
    // Lower-case base32 of 130 random bits: 26 characters, like the hosted API's ids.
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    quint8 raw[17];
    QRandomGenerator::system()->generate(std::begin(raw), std::end(raw));
    QString id;
    id.reserve(26);
    for (int i = 0; i < 26; ++i) {
        const int bit = i * 5;
        const int pair = (raw[bit / 8] << 8) | raw[bit / 8 + 1];
        id.append(QLatin1Char(alphabet[(pair >> (11 - bit % 8)) & 31]));
    }
    return id;
}

std::optional<ActivityRecord> ActivityHub::create(const QString& projectId, const QString& type,
    const QStringList& environments, const QJsonObject& payload, const QString& text, const Actor& actor)
{
    ActivityRecord r;
    r.projectId = projectId;
    r.activity.id = newId();
    r.activity.type = type;
    r.activity.state = Activity::State::Pending;
    r.activity.environments = environments;
    r.activity.payload = payload;
    r.activity.payload.insert(QStringLiteral("user"), actor.toJson());
    r.activity.text = text;
    r.activity.createdAtMs = m_clock();
    if (!m_store.saveActivity(r))
        return std::nullopt;
    return r;
}

void ActivityHub::start(const QString& projectId, const QString& activityId)
{
    auto r = m_store.activity(projectId, activityId);
    if (!r)
        return;
    r->activity.state = Activity::State::InProgress;
    r->activity.startedAtMs = m_clock();
    m_store.saveActivity(*r);
}

void ActivityHub::setProgress(const QString& projectId, const QString& activityId, int percent)
{
    auto r = m_store.activity(projectId, activityId);
    if (!r || r->activity.completionPercent == percent)
        return;
    r->activity.completionPercent = std::clamp(percent, 0, 100);
    m_store.saveActivity(*r);
}

void ActivityHub::setPayload(const QString& projectId, const QString& activityId, const QJsonObject& payload)
{
    auto r = m_store.activity(projectId, activityId);
    if (!r)
        return;
    r->activity.payload = payload;
    m_store.saveActivity(*r);
}

void ActivityHub::log(const QString& activityId, const QString& message)
{
    const qint64 now = m_clock();
    const int seq = m_store.appendLog(activityId, now, message);
    if (seq > 0)
        emit logAppended(activityId, ActivityLogLine {seq, now, message});
}

void ActivityHub::finish(const QString& projectId, const QString& activityId, std::optional<Activity::Result> result,
    const QString& text, bool cancelled)
{
    auto r = m_store.activity(projectId, activityId);
    if (!r || r->activity.isFinished())
        return;
    const qint64 now = m_clock();
    r->activity.state = cancelled ? Activity::State::Cancelled : Activity::State::Complete;
    r->activity.result = result;
    if (cancelled)
        r->activity.cancelledAtMs = now;
    r->activity.completedAtMs = now;
    // Ended, whatever the result: the hosted API reports 100 for every activity that is over.
    r->activity.completionPercent = 100;
    if (!text.isEmpty())
        r->activity.text = text;
    m_store.saveActivity(*r);
    emit activityFinished(projectId, activityId);
}
