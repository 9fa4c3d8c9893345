#include "notifier.h"

#include "domain/timestamp.h"
#include "notificationsecrets.h"
#include "store/store.h"

#include <QDateTime>
#include <QHostInfo>
#include <QtConcurrent>
#include <QTimer>

namespace {

constexpr qsizetype kKeptDeliveries = 50;

QString statusKey(const QString& projectId, const QString& target)
{
    return projectId + QLatin1Char('/') + target;
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(Timestamp::formatMsecs(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Notifier::Options Notifier::Options::fromEnvironment()
{
    Options options;
    bool ok = false;
    if (const int retry = qEnvironmentVariableIntValue("TIDEMARK_NOTIFY_RETRY_MS", &ok); ok && retry > 0)
        options.firstRetryMs = retry;
    if (const int timeout = qEnvironmentVariableIntValue("TIDEMARK_NOTIFY_TIMEOUT_MS", &ok); ok && timeout > 0)
        options.timeoutMs = timeout;
    options.caFile = qEnvironmentVariable("CURL_CA_BUNDLE");
    return options;
}

Notifier::Notifier(Store& store, const QString& dataDir, const Options& options, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_dataDir(dataDir)
    , m_options(options)
{
    NotificationSender::initialize();
    // A few at once: enough that one slow receiver does not hold up the others, few enough for a small machine.
    m_pool.setMaxThreadCount(4);
}

Notifier::~Notifier()
{
    // Transfers in progress stop within about a second (curl's progress callback reads the flag).
    m_stopping->store(true);
    m_pool.waitForDone();
}

void Notifier::activityFinished(const QString& projectId, const QString& activityId)
{
    const auto record = m_store.activity(projectId, activityId);
    if (!record)
        return;
    const Activity& a = record->activity;
    const bool failed = a.state == Activity::State::Complete && a.result == Activity::Result::Failure;
    NotificationEvent event;
    if (a.type == QLatin1String("environment.backup") && failed)
        event.event = QStringLiteral("backup.failed");
    else if (a.type == QLatin1String("project.backup.copy") && failed)
        event.event = QStringLiteral("copy.failed");
    else if (a.type == QLatin1String("project.verify") && failed)
        event.event = QStringLiteral("verify.failed");
    else if (a.type == QLatin1String("environment.restore"))
        event.event = QStringLiteral("restore.finished");
    else
        return;
    event.projectId = projectId;
    event.activityId = a.id;
    event.activityType = a.type;
    event.result = a.state == Activity::State::Cancelled ? QStringLiteral("cancelled")
        : a.result                                       ? Activity::resultToString(*a.result)
                                                         : QString();
    event.reason = a.text;
    event.atMs = a.completedAtMs.value_or(QDateTime::currentMSecsSinceEpoch());
    if (a.type.startsWith(QLatin1String("environment."))) {
        event.environmentId = a.environments.value(0, a.payloadEnvironment());
        if (const auto environment = m_store.environment(projectId, event.environmentId))
            event.environmentTitle = environment->title;
    }
    raise(event);
}

void Notifier::runsMissed(const QString& projectId, const QString& environmentId, const MissedRuns& missed)
{
    NotificationEvent event;
    event.event = QStringLiteral("backup.missed");
    event.projectId = projectId;
    event.environmentId = environmentId;
    if (const auto environment = m_store.environment(projectId, environmentId))
        event.environmentTitle = environment->title;
    event.missedRuns = missed.total();
    // Why, in the words of the health report.
    QStringList why;
    if (missed.whileDown > 0)
        why.append(tr("%n while tidemarkd was not running", "", missed.whileDown));
    if (missed.withoutScheduler > 0)
        why.append(tr("%n while tidemarkd ran without its scheduler (--no-scheduler)", "", missed.withoutScheduler));
    if (missed.otherwise > 0)
        why.append(tr("%n not taken or failed while tidemarkd ran", "", missed.otherwise));
    event.reason = why.join(QStringLiteral("; "));
    event.atMs = QDateTime::currentMSecsSinceEpoch();
    raise(event);
}

std::optional<NotificationSender::Request> Notifier::requestFor(
    const QString& projectId, const NotificationTarget& target, const NotificationEvent& event) const
{
    const NotificationSecrets::Values secrets = NotificationSecrets(m_dataDir).read(projectId, target.name);
    NotificationSender::Request request;
    request.timeoutMs = m_options.timeoutMs;
    request.caFile = m_options.caFile.toLocal8Bit();
    if (target.kind == NotificationTarget::Kind::Webhook) {
        if (secrets.url.isEmpty()) {
            qWarning("tidemarkd: notification target %s/%s has no stored URL; nothing sent", qPrintable(projectId),
                qPrintable(target.name));
            return std::nullopt;
        }
        const NotificationMessage::Webhook hook = NotificationMessage::webhook(event, target.format);
        request.kind = NotificationSender::Request::Kind::Http;
        request.url = secrets.url.toUtf8();
        request.body = hook.body;
        request.contentType = hook.contentType;
        request.headers = hook.headers;
        const QUrl url(secrets.url);
        request.secrets = {secrets.url.toUtf8(), url.path(QUrl::FullyEncoded).toUtf8(),
            url.query(QUrl::FullyEncoded).toUtf8(), url.userInfo(QUrl::FullyEncoded).toUtf8()};
        request.secrets.removeAll(QByteArray("/"));
    } else {
        const QString from = target.from.isEmpty() ? QStringLiteral("tidemarkd@")
                + (QHostInfo::localHostName().isEmpty() ? QStringLiteral("localhost") : QHostInfo::localHostName())
                                                   : target.from;
        request.kind = NotificationSender::Request::Kind::Smtp;
        const bool implicit = target.tls == NotificationTarget::Tls::Implicit;
        const QString host = target.smtpHost.contains(QLatin1Char(':'))
            ? QLatin1Char('[') + target.smtpHost + QLatin1Char(']')
            : target.smtpHost;
        request.url = QStringLiteral("%1://%2:%3")
                          .arg(implicit ? QStringLiteral("smtps") : QStringLiteral("smtp"), host)
                          .arg(target.smtpPort)
                          .toUtf8();
        request.requireTls = target.tls == NotificationTarget::Tls::StartTls;
        request.user = target.smtpUser.toUtf8();
        request.password = target.hasPassword ? secrets.password.toUtf8() : QByteArray();
        request.from = from.toUtf8();
        for (const QString& to : target.to)
            request.recipients.append(to.toUtf8());
        request.body = NotificationMessage::email(event, from, target.to);
        request.secrets = {request.password};
    }
    return request;
}

void Notifier::raise(const NotificationEvent& event)
{
    const ProjectSettings settings = m_store.settings(event.projectId);
    NotificationEvent e = event;
    if (const auto project = m_store.project(event.projectId))
        e.projectTitle = project->title;
    for (const NotificationTarget& target : settings.notifications) {
        if (!target.events.contains(e.event))
            continue;
        if (const auto request = requestFor(e.projectId, target, e))
            enqueue(e, target, *request, 0, -1, QDateTime::currentMSecsSinceEpoch());
    }
}

void Notifier::resumeOutbox()
{
    int resumed = 0;
    for (const OutboxEntry& entry : m_store.outbox()) {
        const auto event = NotificationEvent::fromJson(entry.event);
        std::optional<NotificationTarget> target;
        if (event) {
            for (const NotificationTarget& t : m_store.settings(entry.projectId).notifications) {
                if (t.name == entry.target && t.events.contains(event->event))
                    target = t;
            }
        }
        const auto request = target ? requestFor(entry.projectId, *target, *event) : std::nullopt;
        if (!request) {
            qInfo("tidemarkd: a waiting notification to %s/%s is dropped: the target was removed or no longer takes it",
                qPrintable(entry.projectId), qPrintable(entry.target));
            m_store.deleteOutbox(entry.id);
            continue;
        }
        enqueue(*event, *target, *request, entry.attempts, entry.id, entry.queuedAtMs);
        ++resumed;
    }
    if (resumed > 0)
        qInfo("tidemarkd: %d notification(s) that waited for delivery are sent again", resumed);
}

void Notifier::enqueue(const NotificationEvent& e, const NotificationTarget& target,
    const NotificationSender::Request& request, int attempts, qint64 outboxId, qint64 queuedAtMs)
{
    // Bounded: a receiver that is down for long must not let the queue grow without end.
    if (m_jobs.size() >= m_options.maxQueued) {
        quint64 oldest = 0;
        for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
            if (it->attempts > 0 && (oldest == 0 || it.key() < oldest))
                oldest = it.key();
        }
        if (oldest != 0) {
            const Job dropped = m_jobs.take(oldest);
            qWarning("tidemarkd: notification %s to %s dropped: more than %d deliveries are waiting",
                qPrintable(dropped.event), qPrintable(dropped.shownTarget), m_options.maxQueued);
            statusOf(dropped.projectId, dropped.target).pending--;
            statusOf(dropped.projectId, dropped.target).failed++;
            record(dropped, QStringLiteral("failed"), tr("dropped: too many deliveries waiting"));
            m_store.deleteOutbox(dropped.outboxId);
        }
    }
    Job job;
    job.id = m_nextJob++;
    job.projectId = e.projectId;
    job.target = target.name;
    job.event = e.event;
    job.activityId = e.activityId;
    job.request = request;
    job.attempts = attempts;
    job.shownTarget
        = QStringLiteral("%1/%2 (%3%4)")
              .arg(e.projectId, target.name, NotificationTarget::kindToString(target.kind),
                  target.kind == NotificationTarget::Kind::Webhook ? QLatin1Char(' ') + target.url : QString());
    job.queuedAtMs = queuedAtMs;
    // Kept until delivered or given up, so that a restart does not lose it (a store error only costs that).
    job.outboxId = outboxId >= 0
        ? outboxId
        : m_store.addOutbox(OutboxEntry {0, e.projectId, target.name, e.toJson(), 0, queuedAtMs});
    m_jobs.insert(job.id, job);
    statusOf(job.projectId, job.target).pending++;
    record(job, QStringLiteral("pending"), {});
    attempt(job.id);
}

void Notifier::attempt(quint64 jobId)
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end())
        return;
    it->attempts++;
    if (it->outboxId >= 0)
        m_store.setOutboxAttempts(it->outboxId, it->attempts); // an attempt cut short by a crash still counts
    const NotificationSender::Request request = it->request;
    const std::shared_ptr<std::atomic_bool> stopping = m_stopping;
    QtConcurrent::run(&m_pool, [request, stopping] {
        return NotificationSender::send(request, stopping.get());
    }).then(this, [this, jobId](const NotificationSender::Result& result) { attempted(jobId, result); });
}

void Notifier::attempted(quint64 jobId, const NotificationSender::Result& result)
{
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end() || m_stopping->load())
        return; // stopping: it stays in the outbox and is sent again at the next start
    TargetStatus& status = statusOf(it->projectId, it->target);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    status.lastAttemptAtMs = now;
    status.lastEvent = it->event;
    if (result.ok) {
        status.pending--;
        status.sent++;
        status.lastSuccessAtMs = now;
        status.lastError.clear();
        qInfo("tidemarkd: notification %s to %s delivered (attempt %d)", qPrintable(it->event),
            qPrintable(it->shownTarget), it->attempts);
        record(*it, QStringLiteral("delivered"), {});
        m_store.deleteOutbox(it->outboxId);
        m_jobs.erase(it);
        return;
    }
    status.lastError = result.error;
    if (it->attempts >= m_options.attempts) {
        status.pending--;
        status.failed++;
        qWarning("tidemarkd: notification %s to %s failed after %d attempts, given up: %s", qPrintable(it->event),
            qPrintable(it->shownTarget), it->attempts, qPrintable(result.error));
        record(*it, QStringLiteral("failed"), result.error);
        m_store.deleteOutbox(it->outboxId);
        m_jobs.erase(it);
        return;
    }
    const qint64 delay
        = std::min<qint64>(qint64(m_options.firstRetryMs) << std::min(it->attempts - 1, 20), m_options.maxRetryMs);
    qWarning("tidemarkd: notification %s to %s failed (attempt %d of %d), retrying in %lld ms: %s",
        qPrintable(it->event), qPrintable(it->shownTarget), it->attempts, m_options.attempts,
        static_cast<long long>(delay), qPrintable(result.error));
    record(*it, QStringLiteral("retrying"), result.error);
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [this, jobId] { attempt(jobId); });
}

void Notifier::record(const Job& job, const QString& state, const QString& error)
{
    QList<Delivery>& list = m_deliveries[job.projectId];
    auto existing = std::find_if(list.begin(), list.end(), [&](const Delivery& d) { return d.jobId == job.id; });
    Delivery d {
        job.id, job.event, job.target, job.activityId, state, job.attempts, error, QDateTime::currentMSecsSinceEpoch()};
    if (existing != list.end()) {
        *existing = d;
        return;
    }
    list.append(d);
    while (list.size() > kKeptDeliveries)
        list.removeFirst();
}

Notifier::TargetStatus& Notifier::statusOf(const QString& projectId, const QString& target)
{
    return m_status[statusKey(projectId, target)];
}

void Notifier::sendTest(const QString& projectId, std::function<void(const QJsonArray&)> done)
{
    NotificationEvent event;
    event.event = QStringLiteral("test");
    event.projectId = projectId;
    if (const auto project = m_store.project(projectId))
        event.projectTitle = project->title;
    event.atMs = QDateTime::currentMSecsSinceEpoch();
    const QList<NotificationTarget> targets = m_store.settings(projectId).notifications;
    auto results = std::make_shared<QJsonArray>();
    for (const NotificationTarget& target : targets)
        results->append(QJsonObject {{QStringLiteral("name"), target.name},
            {QStringLiteral("kind"), NotificationTarget::kindToString(target.kind)}});
    auto remaining = std::make_shared<int>(int(targets.size()));
    if (targets.isEmpty()) {
        done(*results);
        return;
    }
    const std::shared_ptr<std::atomic_bool> stopping = m_stopping;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const NotificationTarget& target = targets.at(i);
        const auto finish = [results, remaining, done, i, projectId, name = target.name](
                                const NotificationSender::Result& result) {
            QJsonObject o = results->at(i).toObject();
            o.insert(QStringLiteral("ok"), result.ok);
            o.insert(QStringLiteral("error"), result.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(result.error));
            (*results)[i] = o;
            if (result.ok)
                qInfo("tidemarkd: test notification to %s/%s delivered", qPrintable(projectId), qPrintable(name));
            else
                qWarning("tidemarkd: test notification to %s/%s failed: %s", qPrintable(projectId), qPrintable(name),
                    qPrintable(result.error));
            if (--*remaining == 0)
                done(*results);
        };
        auto request = requestFor(projectId, target, event);
        if (!request) {
            finish(NotificationSender::Result {false, tr("its secret is not stored; give it again in the settings")});
            continue;
        }
        QtConcurrent::run(&m_pool, [request = *request, stopping] {
            return NotificationSender::send(request, stopping.get());
        }).then(this, finish);
    }
}

QJsonObject Notifier::status(const QString& projectId) const
{
    QJsonArray targets;
    for (const NotificationTarget& target : m_store.settings(projectId).notifications) {
        const TargetStatus s = m_status.value(statusKey(projectId, target.name));
        targets.append(QJsonObject {{QStringLiteral("name"), target.name},
            {QStringLiteral("kind"), NotificationTarget::kindToString(target.kind)}, {QStringLiteral("sent"), s.sent},
            {QStringLiteral("failed"), s.failed}, {QStringLiteral("pending"), s.pending},
            {QStringLiteral("last_attempt_at"), timeOrNull(s.lastAttemptAtMs)},
            {QStringLiteral("last_success_at"), timeOrNull(s.lastSuccessAtMs)},
            {QStringLiteral("last_event"), s.lastEvent.isEmpty() ? QJsonValue(QJsonValue::Null) : s.lastEvent},
            {QStringLiteral("last_error"), s.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : s.lastError}});
    }
    QJsonArray deliveries;
    const QList<Delivery> list = m_deliveries.value(projectId);
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        deliveries.append(QJsonObject {{QStringLiteral("event"), it->event}, {QStringLiteral("target"), it->target},
            {QStringLiteral("activity"), it->activityId.isEmpty() ? QJsonValue(QJsonValue::Null) : it->activityId},
            {QStringLiteral("state"), it->state}, {QStringLiteral("attempts"), it->attempts},
            {QStringLiteral("error"), it->error.isEmpty() ? QJsonValue(QJsonValue::Null) : it->error},
            {QStringLiteral("at"), Timestamp::formatMsecs(it->atMs)}});
    }
    return QJsonObject {{QStringLiteral("targets"), targets}, {QStringLiteral("deliveries"), deliveries}};
}
