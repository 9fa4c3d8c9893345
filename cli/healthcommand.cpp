// tidemark-cli health [--all-profiles]: the health table of one server's projects, or of every connection saved in
// the console, and an exit status for cron jobs and monitoring.
#include "cliapp.h"
#include "clioutput.h"
#include "connectionprofiles.h"
#include "tokenstore.h"

#include <QJsonArray>

void CliApp::health()
{
    if (!m_options.allProfiles) {
        runHealthCheck({HealthCheck::Target {QString(), m_connection, m_options.project, QString()}});
        return;
    }
    // The console keeps its profiles under its own organization and application name (app/console/main.cpp).
    const ConnectionProfiles profiles(QStringLiteral("Tidemark"), QStringLiteral("Tidemark"));
    QList<ConnectionProfile> remote;
    for (const ConnectionProfile& profile : profiles.profiles()) {
        if (profile.builtIn)
            printErr(tr("%1 is skipped: it is the console's own server; ask it with --api while the console or a "
                        "tidemarkd service runs it.\n")
                         .arg(profile.name));
        else
            remote.append(profile);
    }
    if (remote.isEmpty()) {
        failUsage(tr("--all-profiles: the console has no saved connections besides %1")
                      .arg(ConnectionProfiles::thisComputerName()));
        return;
    }
    readProfileTokens(remote, {});
}

void CliApp::readProfileTokens(QList<ConnectionProfile> profiles, QList<HealthCheck::Target> targets)
{
    if (profiles.isEmpty()) {
        runHealthCheck(targets);
        return;
    }
    const ConnectionProfile profile = profiles.takeFirst();
    HealthCheck::Target target;
    target.profile = profile.name;
    target.project = profile.project;
    target.connection.apiUrl = profile.apiUrl;
    target.connection.tokenUrl = profile.tokenUrl; // a saved profile always has one
    // The keychain answers each read with exactly one signal, later.
    auto* store = new TokenStore(this);
    const auto done = [this, store, profiles, targets, target](const QString& token, const QString& error) {
        store->disconnect(this);
        store->deleteLater();
        HealthCheck::Target t = target;
        t.connection.apiToken = token;
        t.error = error;
        readProfileTokens(profiles, targets + QList<HealthCheck::Target> {t});
    };
    connect(store, &TokenStore::tokenRead, this, [done](const QUrl&, const QString& token) { done(token, {}); });
    connect(store, &TokenStore::tokenNotFound, this, [done, profile](const QUrl&) {
        done({},
            tr("the keychain holds no API token for %1; connect to it once from the console")
                .arg(profile.apiUrl.toString()));
    });
    connect(store, &TokenStore::failed, this, [done](const QUrl&, const QString& message) { done({}, message); });
    store->read(profile.apiUrl);
}

void CliApp::runHealthCheck(const QList<HealthCheck::Target>& targets)
{
    auto* check = new HealthCheck(targets, this);
    connect(check, &HealthCheck::finished, this, [this, check](const QList<HealthCheck::Row>& rows) {
        check->deleteLater();
        bool unhealthy = false;
        bool failed = false;
        for (const HealthCheck::Row& row : rows) {
            failed = failed || !row.report;
            unhealthy = unhealthy || (row.report && row.report->state() != HealthState::Ok);
        }
        if (m_options.json) {
            QJsonArray out;
            for (const HealthCheck::Row& row : rows) {
                QJsonObject o;
                if (m_options.allProfiles)
                    o.insert(QStringLiteral("profile"), row.profile);
                o.insert(QStringLiteral("project"), row.project.isEmpty() ? QJsonValue() : QJsonValue(row.project));
                if (row.report) {
                    o.insert(QStringLiteral("state"), HealthStates::toString(row.report->state()));
                    o.insert(QStringLiteral("health"), row.report->toJson());
                } else {
                    o.insert(QStringLiteral("error"), row.error);
                }
                out.append(o);
            }
            printJson(out);
        } else {
            printOut(CliOutput::health(rows, m_options.allProfiles));
        }
        for (const HealthCheck::Row& row : rows) {
            if (row.report)
                continue;
            QString where = row.profile;
            if (!row.project.isEmpty())
                where += (where.isEmpty() ? QString() : QStringLiteral("/")) + row.project;
            printErr(QLatin1String("tidemark-cli: ") + (where.isEmpty() ? QString() : where + QLatin1String(": "))
                + row.error + QLatin1Char('\n'));
        }
        // A server that could not be asked outweighs the answers of the others: nothing is known of it.
        finish(failed ? ServerError : unhealthy ? Unhealthy : Success);
    });
    check->start();
}
