// The project's repositories: their statistics and verification (api-contract.md, "Copies, verification and the
// repository").
#include "apiserver.h"
#include "domain/jsonread.h"
#include "domain/repositoryreport.h"
#include "engine/engine.h"
#include "engine/resticrepository.h"
#include "routehelpers.h"
#include "store/store.h"

using namespace RouteHelpers;

namespace {

const QString kPrimary = QStringLiteral("primary");

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

HttpReply ApiServer::getRepository(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    const QString p = call.params.value(kP);

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
    QJsonObject json = report.toJson();
    const QString base = QStringLiteral("/projects/") + p;
    QJsonObject links {{QStringLiteral("self"), link(base + QStringLiteral("/repository"))}};
    if (call.role == Role::Admin)
        links.insert(QStringLiteral("#verify"), link(base + QStringLiteral("/verify"), "POST"));
    json.insert(QStringLiteral("_links"), links);
    return HttpReply::json(200, json);
}
