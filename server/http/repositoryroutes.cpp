// The project's repositories: their statistics and verification (api-contract.md, "Copies, verification and the
// repository").
#include "apiserver.h"
#include "domain/jsonread.h"
#include "domain/repositoryreport.h"
#include "domain/timestamp.h"
#include "engine/copysecrets.h"
#include "engine/engine.h"
#include "engine/resticrepository.h"
#include "routehelpers.h"
#include "store/store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>

using namespace RouteHelpers;

namespace {

const QString kPrimary = QStringLiteral("primary");

// Where the acknowledgement that a repository's password was saved is kept (its modification time is when).
QString acknowledgementFile(const QString& dataDir, const QString& projectId, const QString& repository)
{
    if (repository == kPrimary)
        return dataDir + QStringLiteral("/repositories/") + projectId + QStringLiteral("/key-acknowledged");
    return dataDir + QStringLiteral("/copies/") + projectId + QLatin1Char('/') + repository
        + QStringLiteral("/key-acknowledged");
}

} // namespace

HttpReply ApiServer::verifyRepository(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("verify repositories")))
        return *error;
    const QString p = call.params.value(kP);
    const VerifySettings defaults = m_store.settings(p).verify;
    QString repository = kPrimary;
    int percent = defaults.readDataPercent;
    bool testRestore = defaults.testRestore;
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        JsonRead::rejectUnknownKeys(*body,
            {QStringLiteral("repository"), QStringLiteral("read_data_percent"), QStringLiteral("test_restore")},
            QString(), problems);
        const QJsonValue name = body->value(QStringLiteral("repository"));
        if (!name.isUndefined() && !name.isNull()) {
            if (auto v = JsonRead::string(name, QStringLiteral("repository"), problems))
                repository = *v;
        }
        const QJsonValue read = body->value(QStringLiteral("read_data_percent"));
        if (!read.isUndefined()) {
            if (auto v = JsonRead::integer(read, QStringLiteral("read_data_percent"), 0, 100, problems))
                percent = int(*v);
        }
        const QJsonValue test = body->value(QStringLiteral("test_restore"));
        if (!test.isUndefined()) {
            if (auto v = JsonRead::boolean(test, QStringLiteral("test_restore"), problems))
                testRestore = *v;
        }
        if (!problems.isEmpty())
            return badRequest(problems);
    }
    return accepted(m_engine.verify(p, repository, percent, testRestore, Actor::token(call.tokenName)), call);
}

RepositoryReport ApiServer::repositoryReport(const QString& p)
{
    RepositoryStatus primary;
    primary.name = kPrimary;
    primary.location = m_engine.repository(p)->settings().repository;
    qint64 logical = 0;
    for (const Environment& e : m_store.environments(p)) {
        for (const BackupRecord& r : m_store.backups(p, e.id)) {
            if (r.backup.status != Backup::Status::Created)
                continue;
            ++primary.snapshots;
            logical += r.backup.sizeOfVolumes.value_or(0);
        }
    }
    RepositoryReport report;
    report.growth = m_store.growth(p, kPrimary);
    // The size after the last backup, verification or prune (a walk of the repository on every GET would cost
    // as much as the repository is large).
    if (!report.growth.isEmpty())
        primary.sizeBytes = report.growth.last().sizeBytes;
    else if (const qint64 size = m_engine.repository(p)->diskUsage(); size >= 0)
        primary.sizeBytes = size;
    primary.logicalBytes = logical;
    if (primary.sizeBytes && *primary.sizeBytes > 0)
        primary.dedupRatio = double(logical) / double(*primary.sizeBytes);
    if (const auto last = m_store.lastVerification(p, kPrimary)) {
        primary.lastVerifiedAtMs = last->atMs;
        primary.lastVerifyResult = last->ok ? QStringLiteral("success") : QStringLiteral("failure");
        primary.lastVerifyText = last->text;
    }
    report.repositories.append(primary);
    // The copies: what the store knows of them (their size is not measured from here).
    for (const CopyTarget& copy : m_store.settings(p).backupCopies) {
        RepositoryStatus status;
        status.name = copy.name;
        status.location = copy.repository;
        qint64 copiedLogical = 0;
        for (const Environment& e : m_store.environments(p)) {
            for (const BackupRecord& r : m_store.backups(p, e.id)) {
                for (const BackupCopy& c : m_store.backupCopies(r.backup.id)) {
                    if (c.name == copy.name && c.status == BackupCopy::Status::Copied) {
                        ++status.snapshots;
                        copiedLogical += r.backup.sizeOfVolumes.value_or(0);
                    }
                }
            }
        }
        status.logicalBytes = copiedLogical;
        if (const auto last = m_store.lastVerification(p, copy.name)) {
            status.lastVerifiedAtMs = last->atMs;
            status.lastVerifyResult = last->ok ? QStringLiteral("success") : QStringLiteral("failure");
            status.lastVerifyText = last->text;
        }
        report.repositories.append(status);
    }
    return report;
}

QJsonArray ApiServer::repositoriesJson(const QString& p, const QList<RepositoryStatus>& repositories) const
{
    // Whether each repository's password was saved somewhere safe (the console reminds until it was).
    QJsonArray out;
    for (const RepositoryStatus& status : repositories) {
        QJsonObject r = status.toJson();
        const QFileInfo acknowledged(acknowledgementFile(m_engine.dataDir(), p, status.name));
        r.insert(QStringLiteral("key_acknowledged_at"),
            acknowledged.exists() ? QJsonValue(Timestamp::formatMsecs(acknowledged.lastModified().toMSecsSinceEpoch()))
                                  : QJsonValue(QJsonValue::Null));
        out.append(r);
    }
    return out;
}

HttpReply ApiServer::getRepository(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);
    const bool admin = call.role == Role::Admin;
    // The size comes from the newest growth point: the answer waits for a measurement under way (after a backup,
    // verification or prune) so that it never shows the size from before. A repository never measured is measured
    // once now.
    return HttpReply::deferred([this, p, admin](HttpReply::Respond respond) {
        m_engine.whenGrowthRecorded(p, this, [this, p, admin, respond] {
            if (!m_store.growth(p, kPrimary).isEmpty() || !m_engine.repository(p)->isLocal()) {
                respond(HttpReply::json(200, repositoryJson(p, admin)));
                return;
            }
            m_engine.measureGrowth(p);
            m_engine.whenGrowthRecorded(
                p, this, [this, p, admin, respond] { respond(HttpReply::json(200, repositoryJson(p, admin))); });
        });
    });
}

QJsonObject ApiServer::repositoryJson(const QString& p, bool admin)
{
    const RepositoryReport report = repositoryReport(p);
    QJsonObject json = report.toJson();
    json.insert(QStringLiteral("repositories"), repositoriesJson(p, report.repositories));
    const QString base = QStringLiteral("/projects/") + p;
    QJsonObject links {{QStringLiteral("self"), link(base + QStringLiteral("/repository"))}};
    if (admin)
        links.insert(QStringLiteral("#verify"), link(base + QStringLiteral("/verify"), "POST"));
    if (admin)
        links.insert(QStringLiteral("key"), link(base + QStringLiteral("/repository/key")));
    json.insert(QStringLiteral("_links"), links);
    return json;
}

std::optional<QString> ApiServer::keyRepository(const Call& call, HttpReply& error) const
{
    const QString p = call.params.value(kP);
    const QString name = call.query.queryItemValue(QStringLiteral("repository"));
    if (name.isEmpty() || name == kPrimary)
        return kPrimary;
    for (const CopyTarget& copy : m_store.settings(p).backupCopies) {
        if (copy.name == name)
            return name;
    }
    error = HttpReply::error(404, tr("repository: there is no repository called '%1'.").arg(name.left(64)));
    return std::nullopt;
}

HttpReply ApiServer::getRepositoryKey(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("read a repository's password")))
        return *error;
    const QString p = call.params.value(kP);
    HttpReply notFound;
    const auto name = keyRepository(call, notFound);
    if (!name)
        return notFound;
    QString location;
    QString passwordFile;
    if (*name == kPrimary) {
        location = m_engine.repository(p)->settings().repository;
        passwordFile = m_engine.repository(p)->settings().passwordFile;
    } else {
        for (const CopyTarget& copy : m_store.settings(p).backupCopies) {
            if (copy.name == *name) {
                const ResticRepository::Settings settings = CopySecrets(m_engine.dataDir()).settings(p, copy);
                location = settings.repository;
                passwordFile = settings.passwordFile;
            }
        }
    }
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return HttpReply::error(
            409, tr("The %1 repository has no password yet: it is created by its first backup or copy.").arg(*name));
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("repository"), *name}, {QStringLiteral("location"), location},
            {QStringLiteral("password"), QString::fromUtf8(file.readAll().trimmed())}});
}

HttpReply ApiServer::acknowledgeRepositoryKey(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("acknowledge a repository's password")))
        return *error;
    const QString p = call.params.value(kP);
    HttpReply notFound;
    const auto name = keyRepository(call, notFound);
    if (!name)
        return notFound;
    const QString path = acknowledgementFile(m_engine.dataDir(), p, *name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return HttpReply::error(500, tr("The acknowledgement could not be recorded."));
    file.write(Timestamp::formatMsecs(QDateTime::currentMSecsSinceEpoch()).toUtf8());
    file.close();
    return HttpReply::json(200,
        QJsonObject {{QStringLiteral("repository"), *name},
            {QStringLiteral("key_acknowledged_at"),
                Timestamp::formatMsecs(QFileInfo(path).lastModified().toMSecsSinceEpoch())}});
}
