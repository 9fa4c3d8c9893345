// Copy targets before they are trusted: "Check connection" (api-contract.md, "Copies, verification and the
// repository").
#include "apiserver.h"
#include "domain/copytarget.h"
#include "domain/jsonread.h"
#include "engine/copycheck.h"
#include "engine/copysecrets.h"
#include "routehelpers.h"
#include "store/store.h"

#include <QJsonArray>

using namespace RouteHelpers;

namespace {

// restic gives up on a refused connection at once; this bounds a host that swallows packets, or a slow backend.
constexpr std::chrono::seconds kCheckTimeout {20};

} // namespace

HttpReply ApiServer::checkCopy(const Call& call)
{
    if (auto error = requireProject(call))
        return *error;
    if (auto error = requireAdmin(call, tr("check copy targets")))
        return *error;
    const QString p = call.params.value(kP);
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    const QString kName = QStringLiteral("name");
    const QString kRepository = QStringLiteral("repository");
    const QString kEnv = QStringLiteral("env");
    Problems problems;
    JsonRead::rejectUnknownKeys(*body, {kName, kRepository, kEnv}, QString(), problems);

    // The saved copy that `name` names, if any: its password and its stored credentials are used.
    std::optional<CopyTarget> saved;
    QString name;
    if (const QJsonValue value = body->value(kName); !value.isUndefined() && !value.isNull()) {
        if (const auto text = JsonRead::string(value, kName, problems)) {
            name = *text;
            for (const CopyTarget& copy : m_store.settings(p).backupCopies) {
                if (copy.name == name)
                    saved = copy;
            }
        }
    }
    const bool hasRepository = body->contains(kRepository) && !body->value(kRepository).isNull();
    if (!problems.isEmpty())
        return badRequest(problems);
    if (!hasRepository && !saved) {
        if (!name.isEmpty())
            return HttpReply::error(404, tr("name: there is no copy called '%1'.").arg(name.left(64)),
                QJsonObject {{kName, tr("names no saved copy; give its repository instead")}});
        return badRequest({{kRepository, tr("is required (or the name of a saved copy)")}});
    }

    CopyTarget target;
    if (hasRepository) {
        // The same rules as a saved copy: an absolute path or a restic backend, credentials never RESTIC_*.
        QJsonObject candidate {
            {kName, saved ? saved->name : QStringLiteral("check")}, {kRepository, body->value(kRepository)}};
        if (body->contains(kEnv))
            candidate.insert(kEnv, body->value(kEnv));
        Decoded<CopyTarget> decoded = CopyTarget::fromJson(candidate);
        if (!decoded.value)
            return badRequest(decoded.problems);
        target = *decoded.value;
    } else {
        target = *saved;
    }

    const CopySecrets secrets(m_engine.dataDir());
    ResticRepository::Settings settings;
    if (saved) {
        settings = secrets.settings(p, *saved);
        settings.repository = target.repository;
        // Values given now win; names given without values keep the stored ones.
        if (target.envValues) {
            for (auto it = target.envValues->cbegin(); it != target.envValues->cend(); ++it)
                settings.extraEnvironment.insert(it.key(), it.value());
        }
    } else {
        settings.repository = target.repository;
        settings.program = QStringLiteral("restic");
        if (!target.envNames.isEmpty() && !target.envValues)
            return badRequest({{kEnv, tr("gives names without values; a copy that is not saved needs the values")}});
        settings.extraEnvironment = target.envValues.value_or(QMap<QString, QString>());
    }
    return HttpReply::deferred([this, settings](HttpReply::Respond respond) {
        auto* check = new CopyCheck(settings, kCheckTimeout, this);
        connect(check, &CopyCheck::finished, this, [check, respond](const CopyCheck::Result& result) {
            check->deleteLater();
            respond(HttpReply::json(200,
                QJsonObject {{QStringLiteral("ok"), result.ok}, {QStringLiteral("text"), result.text},
                    {QStringLiteral("snapshots"),
                        result.snapshots >= 0 ? QJsonValue(result.snapshots) : QJsonValue(QJsonValue::Null)}}));
        });
        check->start();
    });
}
