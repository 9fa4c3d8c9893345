// Browse, download and compare a backup without restoring it to disk: restic ls, dump and a comparison of
// listings (api-contract.md, "Restore with confidence").
#include "activities/activityhub.h"
#include "apiserver.h"
#include "browse/backuppaths.h"
#include "browse/snapshotlisting.h"
#include "domain/timestamp.h"
#include "engine/engine.h"
#include "engine/githead.h"
#include "engine/repositoryreader.h"
#include "engine/resticreader.h"
#include "routehelpers.h"
#include "store/store.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QtConcurrent>
#include <QTcpSocket>

using namespace RouteHelpers;

namespace {

constexpr int kMaxDiffEntries = 1000;
// A file up to this size is downloaded from tidemarkd's own reader, in one answer; a larger one streams from restic.
constexpr qint64 kMaxDirectDownloadBytes = 16LL * 1024 * 1024;
// A download holds restic's output back while the client has this much unread.
constexpr qint64 kMaxUnsentDownloadBytes = 4 * 1024 * 1024;

// The folder of an absolute path as restic writes it (no file system access: this runs for every listed entry).
QString parentOf(const QString& absolute)
{
    const qsizetype slash = absolute.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : absolute.left(slash);
}

QJsonValue nullable(const std::optional<qint64>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonObject entryJson(const QString& name, const QString& apiPath, const QString& type, const TreeEntry& e)
{
    const bool sized = e.type == TreeEntry::Type::File;
    return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("path"), apiPath},
        {QStringLiteral("type"), type},
        {QStringLiteral("size"), sized ? QJsonValue(double(e.size)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("mtime"), e.mtimeMs ? QJsonValue(Timestamp::formatMsecs(e.mtimeMs)) : QJsonValue()},
        {QStringLiteral("mode"), e.mode}};
}

QString partType(const BackupPath& part)
{
    return part.kind == BackupPath::Kind::Service ? QStringLiteral("database") : QStringLiteral("dir");
}

QByteArray chunk(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

HttpReply readFailed(const QString& what, const QString& error)
{
    // restic's words may name the server's own paths: they go to the server's log, not to the client.
    qWarning("tidemarkd: %s: %s", qPrintable(what), qPrintable(error));
    return HttpReply::error(
        500, QCoreApplication::translate("ApiServer", "The backup could not be read (%1).").arg(what));
}

// One part compared, from the backup (before) to the other side (after): files and links by path inside the
// part, changed when their type, size or modification time differ.
// `contentChanges`, when given, is what `restic diff` said of the files both sides have (relative path →
// modifier): only "M" (content) and "T" (type) count as changed, so a file rewritten with the same size and time is
// found and one whose metadata alone changed ("U") is not.
QJsonObject comparePart(const QString& part, const QString& within, const PartTree& before, const PartTree& after,
    const QHash<QString, QChar>* contentChanges = nullptr)
{
    int added = 0, changed = 0, removed = 0;
    qint64 bytesBefore = 0, bytesAfter = 0;
    QList<QJsonObject> entries;
    const auto inScope = [&within](const QString& path) {
        return within.isEmpty() || path == within || path.startsWith(within + QLatin1Char('/'));
    };
    const auto counted = [](const TreeEntry& e) { return e.type != TreeEntry::Type::Dir; };
    const auto apiPath = [&part](const QString& rel) { return rel.isEmpty() ? part : part + QLatin1Char('/') + rel; };
    const auto add = [&](const QString& rel, const QString& change, const TreeEntry* b, const TreeEntry* a) {
        entries.append(QJsonObject {{QStringLiteral("path"), apiPath(rel)}, {QStringLiteral("change"), change},
            {QStringLiteral("size_before"), nullable(b ? std::optional<qint64>(b->size) : std::nullopt)},
            {QStringLiteral("size_after"), nullable(a ? std::optional<qint64>(a->size) : std::nullopt)}});
    };
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!counted(*it) || !inScope(it.key()))
            continue;
        bytesBefore += it->size;
        const auto other = after.constFind(it.key());
        if (other == after.cend() || !counted(*other)) {
            ++removed;
            add(it.key(), QStringLiteral("removed"), &*it, nullptr);
        } else if (contentChanges
                ? (contentChanges->value(it.key()) == QLatin1Char('M')
                    || contentChanges->value(it.key()) == QLatin1Char('T'))
                : (other->type != it->type || other->size != it->size || other->mtimeMs != it->mtimeMs)) {
            ++changed;
            add(it.key(), QStringLiteral("changed"), &*it, &*other);
        }
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!counted(*it) || !inScope(it.key()))
            continue;
        bytesAfter += it->size;
        const auto other = before.constFind(it.key());
        if (other == before.cend() || !counted(*other)) {
            ++added;
            add(it.key(), QStringLiteral("added"), nullptr, &*it);
        }
    }
    std::sort(entries.begin(), entries.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(QStringLiteral("path")).toString() < b.value(QStringLiteral("path")).toString();
    });
    const bool truncated = entries.size() > kMaxDiffEntries;
    QJsonArray list;
    for (qsizetype i = 0; i < std::min<qsizetype>(entries.size(), kMaxDiffEntries); ++i)
        list.append(entries.at(i));
    return QJsonObject {{QStringLiteral("part"), part}, {QStringLiteral("added"), added},
        {QStringLiteral("changed"), changed}, {QStringLiteral("removed"), removed},
        {QStringLiteral("bytes_before"), double(bytesBefore)}, {QStringLiteral("bytes_after"), double(bytesAfter)},
        {QStringLiteral("entries"), list}, {QStringLiteral("truncated"), truncated}};
}

// The row counts a backup's manifest recorded for a service, when it recorded them.
std::optional<QHash<QString, qint64>> manifestRows(const QJsonObject& manifest, const QString& service)
{
    const QJsonArray services = manifest.value(QStringLiteral("services")).toArray();
    for (const QJsonValue& v : services) {
        const QJsonObject s = v.toObject();
        if (s.value(QStringLiteral("name")).toString() != service || !s.value(QStringLiteral("tables")).isObject())
            continue;
        QHash<QString, qint64> rows;
        const QJsonObject tables = s.value(QStringLiteral("tables")).toObject();
        for (auto it = tables.begin(); it != tables.end(); ++it)
            rows.insert(it.key(), qint64(it->toDouble()));
        return rows;
    }
    return std::nullopt;
}

// `text` as a JSON string, as QJsonDocument writes it.
void appendJsonString(QByteArray& out, QStringView text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// The answer to a listing, from what the listing found: the nodes by absolute path, in the order found.
HttpReply listingReply(const QHash<QString, TreeEntry>& nodesIn, const QStringList& orderIn, const BackupRecord& record,
    const BackupPath& where, const QList<BackupPath>& shown, const QString& raw)
{
    const auto* nodes = &nodesIn;
    const auto* order = &orderIn;
    QJsonArray entries;
    if (!shown.isEmpty()) {
        for (const BackupPath& part : shown) {
            const TreeEntry e = nodes->value(part.partRoot);
            if (!nodes->contains(part.partRoot))
                continue; // recorded in the manifest but not in the snapshot
            const QString name = part.kind == BackupPath::Kind::Code ? part.part : part.name;
            entries.append(entryJson(name, part.part, partType(part), e));
        }
        if (where.kind == BackupPath::Kind::Service && entries.isEmpty())
            return HttpReply::error(404,
                QCoreApplication::translate("ApiServer", "path: '%1' is not in backup %2.")
                    .arg(where.part, record.backup.id),
                QJsonObject {
                    {QStringLiteral("path"), QCoreApplication::translate("ApiServer", "is not in this backup")}});
        return HttpReply::json(200, QJsonObject {{QStringLiteral("path"), raw}, {QStringLiteral("entries"), entries}});
    }
    const QString dir = where.snapshotPath();
    const auto self = nodes->constFind(dir);
    if (self == nodes->cend())
        return HttpReply::error(404,
            QCoreApplication::translate("ApiServer", "path: '%1' is not in backup %2.")
                .arg(where.apiPath(), record.backup.id),
            QJsonObject {{QStringLiteral("path"), QCoreApplication::translate("ApiServer", "is not in this backup")}});
    if (self->type != TreeEntry::Type::Dir)
        return badRequest({{QStringLiteral("path"),
            QCoreApplication::translate("ApiServer", "'%1' is a %2, not a folder; download it with files/content")
                .arg(where.apiPath(), TreeEntry::typeName(self->type))}});
    // Written as text: a folder of 10 000 entries as QJsonObjects took a tenth of a second. The members come in key
    // order, as QJsonDocument writes them.
    QByteArray body = "{\"entries\":[";
    body.reserve(order->size() * 120 + 64);
    bool first = true;
    const QString base = where.apiPath() + QLatin1Char('/');
    const qsizetype prefix = dir.size() + 1;
    for (const QString& nodePath : *order) {
        // Direct children only: "<dir>/<name>" with no further slash.
        if (nodePath.size() <= prefix || !nodePath.startsWith(dir) || nodePath.at(dir.size()) != QLatin1Char('/')
            || nodePath.indexOf(QLatin1Char('/'), prefix) >= 0)
            continue;
        const TreeEntry e = nodes->value(nodePath);
        const QStringView name = QStringView(nodePath).mid(prefix);
        if (!first)
            body += ',';
        first = false;
        body += "{\"mode\":";
        body += QByteArray::number(e.mode);
        body += ",\"mtime\":";
        if (e.mtimeMs) {
            char text[Timestamp::kFormattedCapacity];
            body += '"';
            body.append(text, Timestamp::formatMsecsTo(e.mtimeMs, text));
            body += '"';
        } else {
            body += "null";
        }
        body += ",\"name\":";
        appendJsonString(body, name);
        body += ",\"path\":";
        appendJsonString(body, QString(base + name));
        body += ",\"size\":";
        body += e.type == TreeEntry::Type::File ? QByteArray::number(e.size) : QByteArrayLiteral("null");
        body += ",\"type\":";
        appendJsonString(body, TreeEntry::typeName(e.type));
        body += '}';
    }
    body += "],\"path\":";
    appendJsonString(body, where.apiPath());
    body += '}';
    HttpReply reply;
    reply.status = 200;
    reply.body = body;
    return reply;
}

} // namespace

HttpReply ApiServer::listFiles(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const BackupRecord record = *t.backup;
    QString error;
    const QString raw = call.query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    const auto path = BackupPath::parse(raw, record.manifest, error);
    if (!path)
        return badRequest({{QStringLiteral("path"), error}});

    // The parts themselves are listed from their parents (one restic ls for all); a folder from itself.
    QList<BackupPath> shown;
    QStringList dirs;
    if (!path->isPart() || path->kind == BackupPath::Kind::Service) {
        for (const BackupPath& part : BackupPath::parts(record.manifest)) {
            const bool wanted = path->kind == BackupPath::Kind::Root
                || (path->kind == BackupPath::Kind::Mounts && part.kind == BackupPath::Kind::Mount)
                || (path->kind == BackupPath::Kind::Services && part.kind == BackupPath::Kind::Service)
                || (path->kind == BackupPath::Kind::Service && part.part == path->part);
            if (!wanted)
                continue;
            shown.append(part);
            if (!dirs.contains(parentOf(part.partRoot)))
                dirs.append(parentOf(part.partRoot));
        }
        if (dirs.isEmpty()) // a backup without mounts (or services) lists none
            return HttpReply::json(
                200, QJsonObject {{QStringLiteral("path"), raw}, {QStringLiteral("entries"), QJsonArray()}});
    } else {
        dirs.append(path->snapshotPath());
    }
    const BackupPath where = *path;
    return HttpReply::deferred([this, p, record, where, shown, dirs, raw](HttpReply::Respond respond) {
        // tidemarkd reads the repository itself (milliseconds); restic ls where it cannot.
        struct Listing
        {
            QHash<QString, TreeEntry> nodes;
            QStringList order;
            std::optional<HttpReply> reply; // written on the reader's thread, not the server's
        };
        auto listing = std::make_shared<Listing>();
        const QString snapshotId = record.snapshotId;
        m_engine.readDirect(
            p, this,
            [listing, snapshotId, dirs, record, where, shown, raw](RepositoryReader* reader, const QString& openError) {
                if (!reader) {
                    qInfo("tidemarkd: listing with restic: %s", qPrintable(openError));
                    return;
                }
                QString error;
                const auto root = reader->snapshotTree(snapshotId, &error);
                if (!root)
                    return;
                const auto add = [&listing](const QString& path, const RepositoryReader::Node& node) {
                    listing->order.append(path);
                    listing->nodes.insert(path, node.entry());
                };
                for (const QString& dir : dirs) {
                    std::shared_ptr<const RepositoryReader::Tree> children;
                    QString base = dir;
                    if (dir == QLatin1String("/")) {
                        children = reader->tree(*root, &error);
                        base.clear();
                    } else {
                        const auto node = reader->find(*root, dir, &error);
                        if (!error.isEmpty())
                            return;
                        if (!node)
                            continue; // not in the backup: the answer says so
                        add(dir, *node);
                        if (node->type == QLatin1String("dir"))
                            children = reader->tree(node->subtree, &error);
                    }
                    if (!error.isEmpty())
                        return;
                    if (children) {
                        for (const RepositoryReader::Node& child : *children)
                            add(base + QLatin1Char('/') + child.name, child);
                    }
                }
                listing->reply = listingReply(listing->nodes, listing->order, record, where, shown, raw);
            },
            [this, p, listing, record, where, shown, dirs, raw, respond] {
                if (listing->reply)
                    return respond(*listing->reply);
                ResticReader* reader = m_engine.read(p,
                    QStringList {
                        QStringLiteral("ls"), QStringLiteral("--json"), QStringLiteral("--"), record.snapshotId}
                        + dirs,
                    ResticReader::Output::Lines, this);
                auto nodes = std::make_shared<QHash<QString, TreeEntry>>();
                auto order = std::make_shared<QStringList>();
                connect(reader, &ResticReader::line, reader, [nodes, order](const QByteArray& line) {
                    if (auto node = SnapshotListing::parseNode(line)) {
                        order->append(node->first);
                        nodes->insert(node->first, node->second);
                    }
                });
                connect(reader, &ResticReader::finished, this,
                    [reader, respond, nodes, order, record, where, shown, raw](bool ok, const QString& error) {
                        reader->deleteLater();
                        if (!ok)
                            return respond(readFailed(tr("restic ls of backup %1").arg(record.backup.id), error));
                        respond(listingReply(*nodes, *order, record, where, shown, raw));
                    });
            });
    });
}

HttpReply ApiServer::downloadFiles(const Call& call, bool archive)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const BackupRecord record = *t.backup;
    QString error;
    const QString raw = call.query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    if (raw.isEmpty())
        return badRequest({{QStringLiteral("path"), tr("is required: the file or folder inside the backup")}});
    const auto path = BackupPath::parse(raw, record.manifest, error);
    if (!path)
        return badRequest({{QStringLiteral("path"), error}});
    if (!path->isPart())
        return badRequest({{QStringLiteral("path"),
            tr("'%1' names a group of parts; download one part, folder or file").arg(raw.left(200))}});
    if (archive && path->kind == BackupPath::Kind::Service)
        return badRequest({{QStringLiteral("path"),
            tr("'%1' is a database, not a folder; download it with files/content").arg(path->part)}});
    const BackupPath where = *path;
    // First what the entry is, then its bytes: a file of up to 16 MiB read by tidemarkd itself (repositoryreader.h),
    // anything else streamed from restic dump (a folder as tar).
    return HttpReply::deferred([this, p, record, where, archive](HttpReply::Respond respond) {
        const QString target = where.snapshotPath();
        const auto answer = [this, respond, p, record, where, archive, target](
                                const std::optional<TreeEntry>& found, const std::optional<QByteArray>& content) {
            if (!found)
                return respond(
                    HttpReply::error(404, tr("path: '%1' is not in backup %2.").arg(where.apiPath(), record.backup.id),
                        QJsonObject {{QStringLiteral("path"), tr("is not in this backup")}}));
            const TreeEntry::Type type = found->type;
            if (archive && type != TreeEntry::Type::Dir)
                return respond(badRequest({{QStringLiteral("path"),
                    tr("'%1' is a %2, not a folder; download it with files/content")
                        .arg(where.apiPath(), TreeEntry::typeName(type))}}));
            if (!archive && type != TreeEntry::Type::File)
                return respond(badRequest({{QStringLiteral("path"),
                    tr("'%1' is a %2, not a file; %3")
                        .arg(where.apiPath(), TreeEntry::typeName(type),
                            type == TreeEntry::Type::Dir ? tr("download a folder with files/archive")
                                                         : tr("only files can be downloaded"))}}));
            QString name = where.kind == BackupPath::Kind::Service ? where.name + QStringLiteral(".sqlite")
                                                                   : QFileInfo(where.apiPath()).fileName();
            if (archive)
                name += QStringLiteral(".tar");
            name.replace(QLatin1Char('"'), QLatin1Char('_'));
            HttpReply reply;
            reply.contentType
                = archive ? QByteArrayLiteral("application/x-tar") : QByteArrayLiteral("application/octet-stream");
            reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                QByteArrayLiteral("attachment; filename=\"") + name.toUtf8() + '"'});
            if (!archive)
                reply.headers.append({QByteArrayLiteral("X-Tidemark-Size"), QByteArray::number(found->size)});
            if (content) {
                reply.body = *content;
                return respond(reply);
            }
            const QString snapshotId = record.snapshotId;
            reply.stream = [this, p, snapshotId, target](QTcpSocket* socket) {
                // The reader belongs to the socket: a client that goes away stops restic.
                ResticReader* dump
                    = m_engine.read(p, {QStringLiteral("dump"), QStringLiteral("--"), snapshotId, target},
                        ResticReader::Output::Bytes, socket);
                QPointer<ResticReader> guard(dump);
                connect(dump, &ResticReader::bytes, socket, [socket, dump](const QByteArray& data) {
                    socket->write(chunk(data));
                    if (socket->bytesToWrite() > kMaxUnsentDownloadBytes)
                        dump->pauseOutput();
                });
                connect(socket, &QTcpSocket::bytesWritten, dump, [socket, dump] {
                    if (socket->bytesToWrite() <= kMaxUnsentDownloadBytes / 2)
                        dump->resumeOutput();
                });
                connect(dump, &ResticReader::finished, socket, [socket, dump](bool ok, const QString& error) {
                    dump->deleteLater();
                    if (!ok) {
                        // The status line is out: an answer cut short without its last chunk says it failed.
                        qWarning("tidemarkd: restic dump failed: %s", qPrintable(error));
                        socket->abort();
                        return;
                    }
                    socket->write("0\r\n\r\n");
                    socket->disconnectFromHost();
                });
            };
            respond(reply);
        };
        struct Direct
        {
            bool done = false;
            std::optional<TreeEntry> found;
            std::optional<QByteArray> content;
        };
        auto direct = std::make_shared<Direct>();
        const QString snapshotId = record.snapshotId;
        m_engine.readDirect(
            p, this,
            [direct, snapshotId, target, archive](RepositoryReader* reader, const QString&) {
                if (!reader)
                    return;
                QString error;
                const auto root = reader->snapshotTree(snapshotId, &error);
                if (!root)
                    return;
                const auto node = reader->find(*root, target, &error);
                if (!error.isEmpty())
                    return;
                if (node) {
                    direct->found = node->entry();
                    if (!archive && node->type == QLatin1String("file") && node->size <= kMaxDirectDownloadBytes) {
                        QByteArray content;
                        for (const QByteArray& id : node->content) {
                            const auto blob = reader->blob(id, &error);
                            if (!blob)
                                return; // restic reads it, or says why it cannot
                            content += *blob;
                        }
                        if (content.size() != node->size)
                            return;
                        direct->content = content;
                    }
                }
                direct->done = true;
            },
            [this, direct, answer, respond, p, record, target] {
                if (direct->done)
                    return answer(direct->found, direct->content);
                ResticReader* probe = m_engine.read(p,
                    {QStringLiteral("ls"), QStringLiteral("--json"), QStringLiteral("--"), record.snapshotId,
                        parentOf(target)},
                    ResticReader::Output::Lines, this);
                auto found = std::make_shared<std::optional<TreeEntry>>();
                connect(probe, &ResticReader::line, probe, [found, target](const QByteArray& line) {
                    const auto node = SnapshotListing::parseNode(line);
                    if (node && node->first == target)
                        *found = node->second;
                });
                connect(probe, &ResticReader::finished, this,
                    [probe, found, answer, respond, record](bool ok, const QString& error) {
                        probe->deleteLater();
                        if (!ok)
                            return respond(readFailed(tr("restic ls of backup %1").arg(record.backup.id), error));
                        answer(*found, std::nullopt);
                    });
            });
    });
}

HttpReply ApiServer::diffBackup(const Call& call)
{
    Target t = resolve(call, true);
    if (t.error)
        return *t.error;
    const QString p = call.params.value(kP);
    const BackupRecord record = *t.backup;
    const QString against = call.query.queryItemValue(QStringLiteral("against"), QUrl::FullyDecoded);
    if (against.isEmpty())
        return badRequest({{QStringLiteral("against"), tr("is required: current, or the id of another backup")}});
    std::optional<BackupRecord> other;
    if (against != QLatin1String("current")) {
        other = m_store.backup(p, against);
        if (!other || other->backup.status != Backup::Status::Created)
            return HttpReply::error(404, tr("against: backup '%1' does not exist.").arg(against.left(64)),
                QJsonObject {{QStringLiteral("against"), tr("is not a backup of this project")}});
    }
    QString error;
    const QString raw = call.query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    const auto path = BackupPath::parse(raw, record.manifest, error);
    if (!path)
        return badRequest({{QStringLiteral("path"), error}});
    if (path->kind == BackupPath::Kind::Service)
        return badRequest({{QStringLiteral("path"),
            tr("'%1' is a database; compare the backup as a whole or a part of files").arg(path->part)}});

    // The file parts in scope, each with where the other side keeps it.
    struct Side
    {
        BackupPath part;
        QString otherRoot; // the other backup's stored root, or the live path; empty if it has no such part
    };
    QList<Side> sides;
    const auto environment = m_store.environment(p, record.backup.environment);
    for (const BackupPath& part : BackupPath::parts(record.manifest)) {
        if (part.kind == BackupPath::Kind::Service)
            continue;
        const bool wanted = path->kind == BackupPath::Kind::Root
            || (path->kind == BackupPath::Kind::Mounts && part.kind == BackupPath::Kind::Mount)
            || (path->isPart() && part.part == path->part);
        if (!wanted)
            continue;
        QString otherRoot;
        if (other) {
            QString ignored;
            if (const auto there = BackupPath::parse(part.part, other->manifest, ignored))
                otherRoot = there->partRoot;
        } else if (environment && environment->local) {
            if (part.kind == BackupPath::Kind::Code) {
                otherRoot = QDir::cleanPath(QDir(environment->local->codePath).absolutePath());
            } else {
                for (const auto& m : environment->local->mounts) {
                    if (m.name == part.name)
                        otherRoot = QDir::cleanPath(QDir(m.path).absolutePath());
                }
            }
        }
        sides.append({part, otherRoot});
    }
    QStringList dirs;
    QStringList otherDirs;
    for (const Side& s : sides) {
        dirs.append(s.part.partRoot);
        if (other && !s.otherRoot.isEmpty())
            otherDirs.append(s.otherRoot);
    }
    // Live services (for their row counts), by name.
    QHash<QString, QString> liveServices;
    if (environment && environment->local) {
        for (const auto& s : environment->local->services)
            liveServices.insert(s.name, s.path);
    }
    const QString within = path->isPart() ? path->rest : QString();
    const bool withServices = path->kind == BackupPath::Kind::Root;

    return HttpReply::deferred([this, p, record, other, sides, dirs, otherDirs, liveServices, within, withServices,
                                   environment, against](HttpReply::Respond respond) {
        // The listings: the backup's (restic ls --recursive of its part roots), the other backup's the same way,
        // or the live trees and databases (on the thread pool).
        struct State
        {
            // restic's lines as they came; parsed on the thread pool, not on the server's thread (100 000 entries
            // take a while, and other requests wait for nothing meanwhile).
            QList<QByteArray> backupLines;
            QList<QByteArray> otherLines;
            QHash<QString, PartTree> live; // by part
            QHash<QString, QHash<QString, qint64>> liveRows; // by service
            QHash<QString, QChar> resticChanges; // restic diff of the two backups: absolute path → modifier
            bool haveResticDiff = false;
            // Read by tidemarkd itself (repositoryreader.h) instead of restic ls and diff: the nodes, and each file's
            // content ids (which say whether its content changed, as restic diff would).
            bool direct = false;
            QHash<QString, TreeEntry> backupNodes;
            QHash<QString, TreeEntry> otherNodes;
            QHash<QString, QByteArray> backupContent;
            QHash<QString, QByteArray> otherContent;
            int pending = 0;
            bool failed = false;
        };
        auto state = std::make_shared<State>();
        const auto compute
            = [state, record, other, sides, within, withServices, environment, against]() -> QJsonObject {
            const auto parse = [](const QList<QByteArray>& lines) {
                QHash<QString, TreeEntry> nodes;
                nodes.reserve(lines.size());
                for (const QByteArray& line : lines) {
                    if (auto node = SnapshotListing::parseNode(line))
                        nodes.insert(node->first, node->second);
                }
                return nodes;
            };
            const QHash<QString, TreeEntry> backupNodes
                = state->direct ? state->backupNodes : parse(state->backupLines);
            const QHash<QString, TreeEntry> otherNodes = state->direct ? state->otherNodes : parse(state->otherLines);
            const auto partTree = [](const QHash<QString, TreeEntry>& nodes, const QString& root) {
                PartTree tree;
                if (root.isEmpty())
                    return tree;
                for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
                    if (it.key() == root)
                        tree.insert(QString(), *it);
                    else if (it.key().startsWith(root + QLatin1Char('/')))
                        tree.insert(it.key().mid(root.size() + 1), *it);
                }
                return tree;
            };
            QJsonArray parts;
            for (const Side& s : sides) {
                const PartTree before = partTree(backupNodes, s.part.partRoot);
                const PartTree after = other ? partTree(otherNodes, s.otherRoot) : state->live.value(s.part.part);
                if (other && state->direct) {
                    // Content ids of the files both sides have: different ids, different content.
                    QHash<QString, QChar> changes;
                    for (auto it = before.cbegin(); it != before.cend(); ++it) {
                        const auto there = after.constFind(it.key());
                        if (there == after.cend())
                            continue;
                        const QString rel = it.key().isEmpty() ? QString() : QLatin1Char('/') + it.key();
                        if (there->type != it->type)
                            changes.insert(it.key(), QLatin1Char('T'));
                        else if (state->backupContent.value(s.part.partRoot + rel)
                            != state->otherContent.value(s.otherRoot + rel))
                            changes.insert(it.key(), QLatin1Char('M'));
                    }
                    parts.append(comparePart(s.part.part, within, before, after, &changes));
                } else if (other && state->haveResticDiff && s.otherRoot == s.part.partRoot) {
                    // restic diff names a changed file by one path: usable where both backups stored the part there.
                    QHash<QString, QChar> changes;
                    const QString prefix = s.part.partRoot + QLatin1Char('/');
                    for (auto it = state->resticChanges.cbegin(); it != state->resticChanges.cend(); ++it) {
                        if (it.key().startsWith(prefix))
                            changes.insert(it.key().mid(prefix.size()), it.value());
                    }
                    parts.append(comparePart(s.part.part, within, before, after, &changes));
                } else {
                    parts.append(comparePart(s.part.part, within, before, after));
                }
            }
            QJsonArray services;
            if (withServices) {
                for (const BackupPath& part : BackupPath::parts(record.manifest)) {
                    if (part.kind != BackupPath::Kind::Service)
                        continue;
                    const auto rowsBackup = manifestRows(record.manifest, part.name);
                    const std::optional<QHash<QString, qint64>> rowsAgainst = other
                        ? manifestRows(other->manifest, part.name)
                        : std::optional(state->liveRows.value(part.name));
                    QStringList names;
                    if (rowsBackup)
                        names += rowsBackup->keys();
                    if (rowsAgainst)
                        names += rowsAgainst->keys();
                    names.removeDuplicates();
                    names.sort();
                    QJsonArray tables;
                    for (const QString& name : names) {
                        const auto count = [&name](const std::optional<QHash<QString, qint64>>& rows) {
                            return rows && rows->contains(name) ? std::optional<qint64>(rows->value(name))
                                                                : std::nullopt;
                        };
                        tables.append(QJsonObject {{QStringLiteral("name"), name},
                            {QStringLiteral("rows_backup"), nullable(count(rowsBackup))},
                            {QStringLiteral("rows_against"), nullable(count(rowsAgainst))}});
                    }
                    services.append(QJsonObject {{QStringLiteral("name"), part.name},
                        {QStringLiteral("tables"), tables}, {QStringLiteral("rows_known"), rowsBackup.has_value()}});
                }
            }
            QString againstCommit;
            if (other)
                againstCommit = other->backup.commitId;
            else if (environment && environment->local)
                againstCommit = GitHead::read(environment->local->codePath).value_or(QString());
            return QJsonObject {{QStringLiteral("backup"), record.backup.id}, {QStringLiteral("against"), against},
                {QStringLiteral("code"),
                    QJsonObject {{QStringLiteral("backup_commit"), record.backup.commitId},
                        {QStringLiteral("against_commit"), againstCommit}}},
                {QStringLiteral("parts"), parts}, {QStringLiteral("services"), services}};
        };
        auto finish = [this, state, respond, compute] {
            if (state->failed || --state->pending > 0)
                return;
            auto* watcher = new QFutureWatcher<QJsonObject>(this);
            connect(watcher, &QFutureWatcher<QJsonObject>::finished, this, [watcher, respond] {
                watcher->deleteLater();
                respond(HttpReply::json(200, watcher->result()));
            });
            watcher->setFuture(QtConcurrent::run(compute));
        };
        const auto list = [this, p, state, finish, record, respond](
                              const QString& snapshotId, const QStringList& roots, QList<QByteArray> State::*into) {
            ++state->pending;
            ResticReader* reader = m_engine.read(p,
                QStringList {QStringLiteral("ls"), QStringLiteral("--json"), QStringLiteral("--recursive"),
                    QStringLiteral("--"), snapshotId}
                    + roots,
                ResticReader::Output::Lines, this);
            connect(reader, &ResticReader::line, reader,
                [state, into](const QByteArray& line) { (state.get()->*into).append(line); });
            connect(reader, &ResticReader::finished, this,
                [reader, state, finish, record, respond](bool ok, const QString& error) {
                    reader->deleteLater();
                    if (ok)
                        return finish();
                    if (!state->failed) {
                        state->failed = true;
                        respond(readFailed(tr("restic ls of backup %1").arg(record.backup.id), error));
                    }
                });
        };
        // One extra count for the start, so that nothing answers before every listing has been started.
        state->pending = 1;
        const auto diffWithRestic = [this, p, state, finish, record, other, otherDirs, list, respond] {
            list(other->snapshotId, otherDirs, &State::otherLines);
            // Which files restic itself finds changed between the two snapshots (content, not only metadata).
            ++state->pending;
            ResticReader* diff = m_engine.read(p,
                {QStringLiteral("diff"), QStringLiteral("--json"), QStringLiteral("--"), record.snapshotId,
                    other->snapshotId},
                ResticReader::Output::Lines, this);
            connect(diff, &ResticReader::line, diff, [state](const QByteArray& line) {
                const QJsonObject change = QJsonDocument::fromJson(line).object();
                if (change.value(QStringLiteral("message_type")).toString() != QLatin1String("change"))
                    return;
                QString path = change.value(QStringLiteral("path")).toString();
                while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
                    path.chop(1);
                const QString modifier = change.value(QStringLiteral("modifier")).toString();
                if (!path.isEmpty() && !modifier.isEmpty())
                    state->resticChanges.insert(path, modifier.at(0));
            });
            connect(diff, &ResticReader::finished, this,
                [diff, state, finish, record, respond](bool ok, const QString& error) {
                    diff->deleteLater();
                    if (ok) {
                        state->haveResticDiff = true;
                        return finish();
                    }
                    if (!state->failed) {
                        state->failed = true;
                        respond(readFailed(tr("restic diff of backup %1").arg(record.backup.id), error));
                    }
                });
        };
        // The backups' trees: read by tidemarkd itself where it can, else with restic ls and restic diff.
        ++state->pending;
        State* shared = state.get();
        const QString backupSnapshot = record.snapshotId;
        const QString otherSnapshot = other ? other->snapshotId : QString();
        m_engine.readDirect(
            p, this,
            [shared, keep = state, backupSnapshot, otherSnapshot, dirs, otherDirs](
                RepositoryReader* reader, const QString& openError) {
                if (!reader) {
                    qInfo("tidemarkd: comparing with restic: %s", qPrintable(openError));
                    return;
                }
                QString error;
                const auto read = [&](const QString& snapshotId, const QStringList& roots,
                                      QHash<QString, TreeEntry>& nodes, QHash<QString, QByteArray>& content) {
                    const auto root = reader->snapshotTree(snapshotId, &error);
                    if (!root)
                        return false;
                    for (const QString& dir : roots) {
                        const bool walked = reader->walk(
                            *root, dir,
                            [&](const QString& path, const RepositoryReader::Node& node) {
                                nodes.insert(path, node.entry());
                                if (!node.content.isEmpty())
                                    content.insert(path, node.content.join());
                                return true;
                            },
                            &error);
                        if (!walked)
                            return false;
                    }
                    return true;
                };
                if (!read(backupSnapshot, dirs, shared->backupNodes, shared->backupContent))
                    return;
                if (!otherSnapshot.isEmpty()
                    && !read(otherSnapshot, otherDirs, shared->otherNodes, shared->otherContent))
                    return;
                shared->direct = true;
            },
            [state, finish, record, other, dirs, otherDirs, list, diffWithRestic] {
                if (state->direct)
                    return finish();
                if (!dirs.isEmpty())
                    list(record.snapshotId, dirs, &State::backupLines);
                if (other && !otherDirs.isEmpty())
                    diffWithRestic();
                finish();
            });
        if (!other) {
            ++state->pending;
            QHash<QString, QString> roots;
            for (const Side& s : sides)
                roots.insert(s.part.part, s.otherRoot);
            auto* watcher = new QFutureWatcher<void>(this);
            connect(watcher, &QFutureWatcher<void>::finished, this, [watcher, finish] {
                watcher->deleteLater();
                finish();
            });
            State* raw = state.get();
            const auto keep = state; // the state outlives the work
            watcher->setFuture(QtConcurrent::run([raw, keep, roots, liveServices, withServices] {
                for (auto it = roots.cbegin(); it != roots.cend(); ++it)
                    raw->live.insert(
                        it.key(), it.value().isEmpty() ? PartTree() : SnapshotListing::scanLive(it.value()));
                if (withServices) {
                    for (auto it = liveServices.cbegin(); it != liveServices.cend(); ++it)
                        raw->liveRows.insert(it.key(), SnapshotListing::tableRows(it.value()));
                }
            }));
        }
        finish();
    });
}
