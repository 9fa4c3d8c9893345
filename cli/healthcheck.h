#pragma once

#include "client/apiclient.h"
#include "domain/healthreport.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QString>

// Asks one or more servers for the health of their projects (`tidemark-cli health`): per connection whether it has a
// health report (GET /tidemark), which projects it has (GET /projects, unless one is named), then GET
// /projects/{p}/health for each. Connections are asked one after the other, never blocking; finished() comes once,
// with a row per project or per connection that could not be asked.
class HealthCheck : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        QString profile; // the saved profile's name; empty for the connection given on the command line
        ApiClient::Connection connection;
        QString project; // empty: every project the server lists
        QString error; // set: this target cannot be asked (no token); reported as it is
    };
    struct Row
    {
        QString profile;
        QString project; // empty when the connection itself failed
        std::optional<HealthReport> report;
        QString error; // why there is no report
    };

    explicit HealthCheck(QList<Target> targets, QObject* parent = nullptr);

    void start();

signals:
    void finished(const QList<HealthCheck::Row>& rows);

private:
    void next();
    void askProjects(const QStringList& projects);
    void fail(const QString& error);

    QList<Target> m_targets;
    Target m_current;
    ApiClient* m_client = nullptr;
    QList<Row> m_rows;
};
