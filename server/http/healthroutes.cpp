// Health and metrics (api-contract.md, "Health, alerts and metrics"): GET /projects/{p}/health and GET /metrics, on
// the API's address with a bearer token, or on tidemarkd's --metrics-listen address without one.
#include "apiserver.h"
#include "health/healthreporter.h"
#include "health/metricscollector.h"
#include "health/prometheustext.h"
#include "routehelpers.h"

using namespace RouteHelpers;

HttpReply ApiServer::getHealth(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);
    const RepositoryReport repositories = repositoryReport(p);
    HealthReporter reporter(m_store, m_engine, m_heartbeat);
    const HealthReport report = reporter.report(p, repositories.repositories);
    QJsonObject json = report.toJson();
    // The repositories exactly as GET /projects/{p}/repository shows them.
    json.insert(QStringLiteral("repositories"), repositoriesJson(p, report.repositories));
    const QString base = QStringLiteral("/projects/") + p;
    json.insert(QStringLiteral("_links"),
        QJsonObject {{QStringLiteral("self"), link(base + QStringLiteral("/health"))},
            {QStringLiteral("repository"), link(base + QStringLiteral("/repository"))}});
    return HttpReply::json(200, json);
}

HttpReply ApiServer::getMetrics(const Call& call)
{
    Q_UNUSED(call);
    MetricsCollector collector(
        m_store, m_engine, m_heartbeat, [this](const QString& p) { return repositoryReport(p).repositories; });
    HttpReply reply;
    reply.status = 200;
    reply.contentType = QByteArray(PrometheusText::kContentType);
    reply.body = collector.collect();
    return reply;
}

HttpReply ApiServer::dispatchMetrics(const HttpRequest& request)
{
    if (request.pathSegments != QStringList {QStringLiteral("metrics")})
        return HttpReply::error(404, tr("There is nothing at this address; the metrics are at /metrics."));
    if (request.method != "GET" && request.method != "HEAD") {
        HttpReply reply = HttpReply::error(
            405, tr("%1 is not allowed here; use GET.").arg(QString::fromLatin1(request.method.left(32))));
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET")});
        return reply;
    }
    return getMetrics(Call {});
}
