#include "activities/activityhub.h"
#include "apiserver.h"
#include "browse/backuppaths.h"
#include "domain/jsonread.h"
#include "engine/engine.h"
#include "engine/repositoryreader.h"
#include "engine/resticreader.h"
#include "routehelpers.h"
#include "store/store.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

using namespace RouteHelpers;

QJsonObject ApiServer::backupJson(const BackupRecord& record, const Environment& environment, const Call& call) const
{
    Backup b = record.backup;
    const QString base = QStringLiteral("/projects/") + record.projectId + QStringLiteral("/environments/")
        + b.environment + QStringLiteral("/backups/") + b.id;
    b.links = Links();
    b.links.set(QStringLiteral("self"), base);
    if (call.role == Role::Admin && b.status == Backup::Status::Created) {
        if (environment.status == Environment::Status::Active && b.restorable)
            b.links.set(QStringLiteral("#restore"), base + QStringLiteral("/restore"));
        if (!b.isProtected())
            b.links.set(QStringLiteral("#delete"), base);
        b.links.set(QStringLiteral("#edit"), base);
    }
    b.copies = m_engine.copiesOf(record);
    return b.toJson();
}

HttpReply ApiServer::listBackups(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    QJsonArray out;
    for (const BackupRecord& r : m_store.backups(p, e->id))
        out.append(backupJson(r, *e, call));
    return HttpReply::json(200, out);
}

HttpReply ApiServer::getBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    const auto& r = t.backup;
    return HttpReply::json(200, backupJson(*r, *e, call));
}

HttpReply ApiServer::annotateBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("change backups")))
        return *error;
    HttpReply invalid;
    const auto body = objectBody(call, invalid);
    if (!body)
        return invalid;
    Problems problems;
    {
        JsonRead::rejectUnknownKeys(*body, {QStringLiteral("attributes")}, QString(), problems);
        if (const auto attrs
            = JsonRead::object(body->value(QStringLiteral("attributes")), QStringLiteral("attributes"), problems)) {
            JsonRead::rejectUnknownKeys(
                *attrs, {QStringLiteral("note"), QStringLiteral("protected")}, QStringLiteral("attributes"), problems);
            if (attrs->contains(QStringLiteral("note"))) {
                if (auto note = JsonRead::string(
                        attrs->value(QStringLiteral("note")), QStringLiteral("attributes.note"), problems)) {
                    if (note->size() > 1000)
                        problems.append({QStringLiteral("attributes.note"), tr("is longer than 1000 characters")});
                    else
                        r->backup.attributes.insert(QStringLiteral("note"), *note);
                }
            }
            if (attrs->contains(QStringLiteral("protected"))) {
                const QJsonValue v = attrs->value(QStringLiteral("protected"));
                if (v.isString() && (v.toString() == QLatin1String("true") || v.toString() == QLatin1String("false")))
                    r->backup.attributes.insert(QStringLiteral("protected"), v.toString());
                else
                    problems.append(
                        {QStringLiteral("attributes.protected"), tr("must be the string \"true\" or \"false\"")});
            }
        }
    }
    if (!problems.isEmpty())
        return badRequest(problems);
    r->backup.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.saveBackup(*r))
        return HttpReply::error(500, tr("The backup could not be saved."));
    return HttpReply::json(200, backupJson(*r, *e, call));
}

HttpReply ApiServer::createBackup(const Call& call)
{
    Target t = resolve(call, false);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    if (auto error = requireAdmin(call, tr("create backups")))
        return *error;
    bool safe = true;
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        {
            JsonRead::rejectUnknownKeys(*body, {QStringLiteral("safe")}, QString(), problems);
            if (body->contains(QStringLiteral("safe"))) {
                if (auto v = JsonRead::boolean(body->value(QStringLiteral("safe")), QStringLiteral("safe"), problems))
                    safe = *v;
            }
        }
        if (!problems.isEmpty())
            return badRequest(problems);
    }
    const Engine::Request started = m_engine.createBackup(p, e->id, safe, false, Actor::token(call.tokenName));
    return accepted(started, call);
}

HttpReply ApiServer::restoreBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& e = t.environment;
    const auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("restore backups")))
        return *error;
    Engine::RestoreSelection selection;
    bool& restoreCode = selection.restoreCode;
    QString target = e->id;
    QJsonObject recorded; // the hosted options: accepted, recorded, without effect on a local server
    if (!call.body.trimmed().isEmpty()) {
        HttpReply invalid;
        const auto body = objectBody(call, invalid);
        if (!body)
            return invalid;
        Problems problems;
        {
            JsonRead::rejectUnknownKeys(*body,
                {QStringLiteral("restore_code"), QStringLiteral("environment_name"), QStringLiteral("branch_from"),
                    QStringLiteral("restore_resources"), QStringLiteral("resources"), QStringLiteral("parts"),
                    QStringLiteral("paths"), QStringLiteral("safety_backup"), QStringLiteral("from_copy")},
                QString(), problems);
            const auto stringList = [&](const QString& key, QStringList& into) {
                const QJsonValue v = body->value(key);
                if (v.isUndefined() || v.isNull())
                    return;
                if (!v.isArray()) {
                    problems.append({key, tr("must be an array of paths inside the backup")});
                    return;
                }
                const QJsonArray items = v.toArray();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    const QString at = key + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
                    if (auto item = JsonRead::string(items.at(i), at, problems)) {
                        QString error;
                        const auto path = BackupPath::parse(*item, r->manifest, error);
                        if (!path)
                            problems.append({at, error});
                        else if (!path->isPart())
                            problems.append({at, tr("'%1' is not a part or a path inside one").arg(item->left(200))});
                        else if (key == QLatin1String("parts") && !path->rest.isEmpty())
                            problems.append(
                                {at, tr("'%1' is a path inside a part; list it under paths").arg(item->left(200))});
                        else
                            into.append(path->apiPath());
                    }
                }
            };
            stringList(QStringLiteral("parts"), selection.parts);
            stringList(QStringLiteral("paths"), selection.paths);
            if (body->contains(QStringLiteral("safety_backup"))) {
                if (auto v = JsonRead::boolean(
                        body->value(QStringLiteral("safety_backup")), QStringLiteral("safety_backup"), problems))
                    selection.safetyBackup = *v;
            }
            const QJsonValue restoreResources = body->value(QStringLiteral("restore_resources"));
            if (!restoreResources.isUndefined()) {
                if (auto v = JsonRead::boolean(restoreResources, QStringLiteral("restore_resources"), problems))
                    recorded.insert(QStringLiteral("restore_resources"), *v);
            }
            const QJsonValue resources = body->value(QStringLiteral("resources"));
            if (!resources.isUndefined() && !resources.isNull()) {
                if (auto object = JsonRead::object(resources, QStringLiteral("resources"), problems)) {
                    JsonRead::rejectUnknownKeys(
                        *object, {QStringLiteral("init")}, QStringLiteral("resources"), problems);
                    const QJsonValue init = object->value(QStringLiteral("init"));
                    static const QStringList inits = {QStringLiteral("backup"), QStringLiteral("parent"),
                        QStringLiteral("default"), QStringLiteral("minimum")};
                    if (init.isNull() || init.isUndefined()) {
                        recorded.insert(
                            QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), QJsonValue::Null}});
                    } else if (init.isString() && inits.contains(init.toString())) {
                        recorded.insert(QStringLiteral("resources"), QJsonObject {{QStringLiteral("init"), init}});
                    } else {
                        problems.append({QStringLiteral("resources.init"),
                            tr("must be one of backup, parent, default or minimum (or null)")});
                    }
                }
            }
            if (body->contains(QStringLiteral("restore_code"))) {
                if (auto v = JsonRead::boolean(
                        body->value(QStringLiteral("restore_code")), QStringLiteral("restore_code"), problems))
                    restoreCode = *v;
            }
            const QJsonValue name = body->value(QStringLiteral("environment_name"));
            if (!name.isUndefined() && !name.isNull()) {
                if (auto v = JsonRead::string(name, QStringLiteral("environment_name"), problems))
                    target = *v;
            }
            const QJsonValue copy = body->value(QStringLiteral("from_copy"));
            if (!copy.isUndefined() && !copy.isNull()) {
                if (auto v = JsonRead::string(copy, QStringLiteral("from_copy"), problems))
                    selection.fromCopy = *v;
            }
            const QJsonValue branch = body->value(QStringLiteral("branch_from"));
            if (!branch.isUndefined() && !branch.isNull()) {
                problems.append({QStringLiteral("branch_from"),
                    tr("is not supported by a local server (restore into an existing environment with "
                       "environment_name)")});
            }
        }
        if (!selection.parts.isEmpty() && !selection.paths.isEmpty())
            problems.append({QStringLiteral("paths"), tr("give parts or paths, not both")});
        if (selection.parts.contains(QStringLiteral("code")) && !restoreCode)
            problems.append({QStringLiteral("parts"), tr("lists code, but restore_code is false")});
        for (qsizetype i = 0; i < selection.paths.size(); ++i) {
            const QString& a = selection.paths.at(i);
            if (a.startsWith(QLatin1String("code")) && (a.size() == 4 || a.at(4) == QLatin1Char('/')) && !restoreCode)
                problems.append({QStringLiteral("paths[%1]").arg(i), tr("is code, but restore_code is false")});
            for (qsizetype j = 0; j < selection.paths.size(); ++j) {
                const QString& b = selection.paths.at(j);
                if (i != j && (a == b ? i > j : b.startsWith(a + QLatin1Char('/'))))
                    problems.append(
                        {QStringLiteral("paths[%1]").arg(j), tr("is inside (or the same as) paths[%1]").arg(i)});
            }
        }
        if (!problems.isEmpty())
            return badRequest(problems);
    }
    const Actor actor = Actor::token(call.tokenName);
    const QString backupId = r->backup.id;
    Call later = call; // the request itself is gone by the time a deferred answer starts the restore
    later.request = nullptr;
    const auto start = [this, p, backupId, target, selection, actor, recorded, later]() {
        return accepted(m_engine.restore(p, backupId, target, selection, actor, recorded), later);
    };
    if (selection.paths.isEmpty())
        return start();
    // The paths are checked in the backup first: each must be in it, and no link in what it brings back may
    // point outside the environment (restic ls -l --recursive shows where links point).
    const auto targetEnvironment = m_store.environment(p, target);
    if (!targetEnvironment)
        return HttpReply::error(404, tr("Environment '%1' does not exist.").arg(target.left(64)));
    if (targetEnvironment->status != Environment::Status::Active)
        return HttpReply::error(409,
            tr("environment_name: environment '%1' is inactive; activate it before restoring into it.").arg(target),
            QJsonObject {{QStringLiteral("environment_name"), tr("is inactive")}});
    QStringList liveRoots; // where links may point
    if (targetEnvironment->local) {
        liveRoots.append(QDir::cleanPath(QDir(targetEnvironment->local->codePath).absolutePath()));
        for (const auto& m : targetEnvironment->local->mounts)
            liveRoots.append(QDir::cleanPath(QDir(m.path).absolutePath()));
    }
    QList<BackupPath> checked;
    QStringList dirs;
    for (const QString& path : selection.paths) {
        QString ignored;
        const BackupPath where = *BackupPath::parse(path, r->manifest, ignored);
        checked.append(where);
        dirs.append(where.snapshotPath());
        if (where.kind != BackupPath::Kind::Service || !dirs.contains(QFileInfo(where.partRoot).path()))
            dirs.append(QFileInfo(where.snapshotPath()).path()); // the parent lists the entry itself
    }
    const BackupRecord record = *r;
    const Environment targetEnv = *targetEnvironment;
    // From a copy, the copy is read (the primary may be the thing that was lost); a backup not on it is the restore's
    // own 409.
    const QString copySnapshot
        = selection.fromCopy.isEmpty() ? QString() : m_store.backupCopySnapshot(record.backup.id, selection.fromCopy);
    if (!selection.fromCopy.isEmpty() && copySnapshot.isEmpty())
        return start();
    const QString fromCopy = selection.fromCopy;
    // Where a link at `inside` (below the part's root) of `where` would point once back in the environment: a problem
    // when that is outside it.
    const auto linkProblem
        = [liveRoots, targetEnv](const BackupPath& where, const QString& inside, const QString& linkTarget) -> QString {
        QString liveRoot;
        if (where.kind == BackupPath::Kind::Code)
            liveRoot = liveRoots.value(0);
        else if (targetEnv.local) {
            for (const auto& m : targetEnv.local->mounts) {
                if (m.name == where.name)
                    liveRoot = QDir::cleanPath(QDir(m.path).absolutePath());
            }
        }
        const QString linkAt = liveRoot + inside;
        const QString resolved = QDir::cleanPath(
            QDir::isAbsolutePath(linkTarget) ? linkTarget : QFileInfo(linkAt).path() + QLatin1Char('/') + linkTarget);
        const bool inEnvironment = std::any_of(liveRoots.begin(), liveRoots.end(), [&resolved](const QString& root) {
            return resolved == root || resolved.startsWith(root + QLatin1Char('/'));
        });
        if (inEnvironment)
            return {};
        return tr("'%1' is a link in the backup that points outside the environment (to %2); it is not restored")
            .arg(where.part + inside, linkTarget.left(200));
    };
    // Only unknown paths: 404; anything else wrong with them: 400.
    const auto answer = [start](const Problems& problems, int missing) {
        if (problems.isEmpty())
            return start();
        HttpReply reply = badRequest(problems);
        if (missing == problems.size())
            reply = HttpReply::error(404, problemStrings(problems).join(QLatin1String("; ")));
        return reply;
    };
    return HttpReply::deferred([this, p, record, checked, dirs, start, fromCopy, copySnapshot, linkProblem, answer](
                                   HttpReply::Respond respond) {
        const auto withRestic = [this, p, record, checked, dirs, start, fromCopy, copySnapshot, linkProblem, answer,
                                    respond] {
            const QStringList ls {QStringLiteral("ls"), QStringLiteral("-l"), QStringLiteral("--recursive"),
                QStringLiteral("--"), fromCopy.isEmpty() ? record.snapshotId : copySnapshot};
            ResticReader* reader = fromCopy.isEmpty()
                ? m_engine.read(p, ls + dirs, ResticReader::Output::Lines, this)
                : m_engine.readCopy(p, fromCopy, ls + dirs, ResticReader::Output::Lines, this);
            if (!reader)
                return respond(start()); // the copy is gone from the settings: the restore says so
            auto lines = std::make_shared<QList<QByteArray>>();
            connect(reader, &ResticReader::line, reader, [lines](const QByteArray& line) { lines->append(line); });
            connect(reader, &ResticReader::finished, this,
                [reader, respond, lines, record, checked, linkProblem, answer](bool ok, const QString& error) {
                    reader->deleteLater();
                    if (!ok) {
                        qWarning("tidemarkd: restic ls of backup %s failed: %s", qPrintable(record.backup.id),
                            qPrintable(error));
                        return respond(HttpReply::error(500, tr("The backup could not be read.")));
                    }
                    Problems problems;
                    int missing = 0;
                    for (qsizetype i = 0; i < checked.size(); ++i) {
                        const BackupPath& where = checked.at(i);
                        const QString at = QStringLiteral("paths[%1]").arg(i);
                        const QString stored = where.snapshotPath();
                        bool present = false;
                        for (const QByteArray& raw : *lines) {
                            const QString line = QString::fromUtf8(raw);
                            const qsizetype from = line.indexOf(QLatin1Char(' ') + stored);
                            if (from < 0)
                                continue;
                            QString rest = line.mid(from + 1);
                            QString linkTarget;
                            if (line.startsWith(QLatin1Char('L'))) {
                                const qsizetype arrow = rest.indexOf(QLatin1String(" -> "));
                                if (arrow >= 0) {
                                    linkTarget = rest.mid(arrow + 4);
                                    rest = rest.left(arrow);
                                }
                            }
                            if (rest != stored && !rest.startsWith(stored + QLatin1Char('/')))
                                continue;
                            present = true;
                            if (!line.startsWith(QLatin1Char('L')))
                                continue;
                            const QString inside
                                = where.kind == BackupPath::Kind::Service ? QString() : rest.mid(where.partRoot.size());
                            if (const QString problem = linkProblem(where, inside, linkTarget); !problem.isEmpty()) {
                                problems.append({at, problem});
                                break;
                            }
                        }
                        if (!present && ++missing)
                            problems.append(
                                {at, tr("'%1' is not in backup %2").arg(where.apiPath(), record.backup.id)});
                    }
                    respond(answer(problems, missing));
                });
        };
        if (!fromCopy.isEmpty())
            return withRestic();
        // From the primary repository tidemarkd reads the paths itself (milliseconds); restic where it cannot.
        struct Checked
        {
            bool done = false;
            Problems problems;
            int missing = 0;
        };
        auto result = std::make_shared<Checked>();
        m_engine.readDirect(
            p, this,
            [result, record, checked, linkProblem](RepositoryReader* reader, const QString&) {
                if (!reader)
                    return;
                QString error;
                const auto root = reader->snapshotTree(record.snapshotId, &error);
                if (!root)
                    return;
                for (qsizetype i = 0; i < checked.size(); ++i) {
                    const BackupPath& where = checked.at(i);
                    const QString at = QStringLiteral("paths[%1]").arg(i);
                    bool present = false;
                    bool undecided = false;
                    QString problem;
                    const bool walked = reader->walk(
                        *root, where.snapshotPath(),
                        [&](const QString& path, const RepositoryReader::Node& node) {
                            present = true;
                            if (node.type != QLatin1String("symlink"))
                                return true;
                            if (node.extras || node.linkTarget.isEmpty()) {
                                undecided = true; // a target that is not UTF-8: restic shows it
                                return false;
                            }
                            const QString inside
                                = where.kind == BackupPath::Kind::Service ? QString() : path.mid(where.partRoot.size());
                            problem = linkProblem(where, inside, node.linkTarget);
                            return problem.isEmpty();
                        },
                        &error);
                    if (!walked || undecided)
                        return; // unreadable here: restic decides
                    if (!problem.isEmpty())
                        result->problems.append({at, problem});
                    if (!present && ++result->missing)
                        result->problems.append({at,
                            QCoreApplication::translate("ApiServer", "'%1' is not in backup %2")
                                .arg(where.apiPath(), record.backup.id)});
                }
                result->done = true;
            },
            [result, respond, answer, withRestic] {
                if (!result->done)
                    return withRestic();
                respond(answer(result->problems, result->missing));
            });
    });
}

HttpReply ApiServer::deleteBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const auto& r = t.backup;
    if (auto error = requireAdmin(call, tr("delete backups")))
        return *error;
    const Engine::Request started = m_engine.deleteBackup(p, r->backup.id, Actor::token(call.tokenName));
    return accepted(started, call);
}
