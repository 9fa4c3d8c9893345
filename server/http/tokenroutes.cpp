#include "apiserver.h"
#include "domain/jsonread.h"
#include "domain/timestamp.h"
#include "routehelpers.h"
#include "store/store.h"
#include "tidemarkserver.h"

#include <QJsonArray>

using namespace RouteHelpers;

namespace {

const QString kName = QStringLiteral("name");

QJsonObject tokenJson(const ApiToken& token)
{
    return QJsonObject {{kName, token.name}, {QStringLiteral("role"), token.role},
        {QStringLiteral("created_at"),
            token.createdAtMs > 0 ? QJsonValue(Timestamp::formatMsecs(token.createdAtMs)) : QJsonValue()}};
}

} // namespace

HttpReply ApiServer::listTokens(const Call& call)
{
    if (auto error = requireAdmin(call, tr("list API tokens")))
        return *error;
    QJsonArray out;
    for (const ApiToken& token : m_store.apiTokens())
        out.append(tokenJson(token));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::createApiToken(const Call& call)
{
    if (auto error = requireAdmin(call, tr("create API tokens")))
        return *error;
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    Problems problems;
    JsonRead::rejectUnknownKeys(*body, {kName, QStringLiteral("role")}, QString(), problems);
    const auto name = JsonRead::string(body->value(kName), kName, problems);
    const auto role = JsonRead::string(body->value(QStringLiteral("role")), QStringLiteral("role"), problems);
    if (name && (name->trimmed().isEmpty() || name->size() > 200))
        problems.append({kName, tr("must be 1 to 200 characters")});
    if (role && *role != QLatin1String("admin") && *role != QLatin1String("viewer"))
        problems.append({QStringLiteral("role"), tr("must be \"admin\" or \"viewer\"")});
    if (!problems.isEmpty())
        return badRequest(problems);
    QString error;
    const QString token = TidemarkServer::createToken(m_store, *role, *name, error);
    if (token.isEmpty())
        return HttpReply::error(500, tr("The API token could not be created."));
    // The only time the token is shown: only its hash is kept.
    QJsonObject answer = tokenJson(ApiToken {name->trimmed(), *role, 0});
    answer.insert(QStringLiteral("token"), token);
    return HttpReply::json(201, answer);
}

HttpReply ApiServer::revokeToken(const Call& call)
{
    if (auto error = requireAdmin(call, tr("revoke API tokens")))
        return *error;
    const QString name = call.params.value(QStringLiteral("t"));
    const int revoked = m_store.revokeApiTokensNamed(name);
    if (revoked < 0)
        return HttpReply::error(500, tr("The API token could not be revoked."));
    if (revoked == 0)
        return HttpReply::error(404, tr("There is no API token named '%1'.").arg(name.left(200)));
    // Its access tokens stop working on their next request (dispatch() checks the token still exists).
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->tokenName == name)
            it = m_sessions.erase(it);
        else
            ++it;
    }
    HttpReply reply;
    reply.status = 204;
    return reply;
}
