#include "healthcheck.h"

#include "domain/serverinfo.h"

HealthCheck::HealthCheck(QList<Target> targets, QObject* parent)
    : QObject(parent)
    , m_targets(std::move(targets))
{ }

void HealthCheck::start()
{
    next();
}

void HealthCheck::next()
{
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    if (m_targets.isEmpty()) {
        emit finished(m_rows);
        return;
    }
    m_current = m_targets.takeFirst();
    if (!m_current.error.isEmpty()) {
        fail(m_current.error);
        return;
    }
    m_client = new ApiClient(this);
    m_client->setConnection(m_current.connection);
    ApiClient::onResult(m_client->serverInfo(), this, [this](const ApiResult<ServerInfo>& info) {
        if (!info.ok()) {
            fail(info.error.message());
            return;
        }
        if (!info.value->has(Capability::Health)) {
            fail(tr("this server has no health report (only tidemarkd has one)"));
            return;
        }
        if (!m_current.project.isEmpty()) {
            askProjects({m_current.project});
            return;
        }
        ApiClient::onResult(m_client->projects(), this, [this](const ApiResult<QList<Project>>& projects) {
            if (!projects.ok()) {
                fail(projects.error.message());
                return;
            }
            QStringList ids;
            for (const Project& p : *projects.value)
                ids.append(p.id);
            askProjects(ids);
        });
    });
}

void HealthCheck::askProjects(const QStringList& projects)
{
    if (projects.isEmpty()) {
        next();
        return;
    }
    const QString project = projects.constFirst();
    const QStringList rest = projects.mid(1);
    ApiClient::onResult(m_client->health(project), this, [this, project, rest](const ApiResult<HealthReport>& report) {
        Row row;
        row.profile = m_current.profile;
        row.project = project;
        if (report.ok())
            row.report = *report.value;
        else
            row.error = report.error.message();
        m_rows.append(row);
        askProjects(rest);
    });
}

void HealthCheck::fail(const QString& error)
{
    Row row;
    row.profile = m_current.profile;
    row.project = m_current.project;
    row.error = error;
    m_rows.append(row);
    next();
}
