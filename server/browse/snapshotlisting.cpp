#include "snapshotlisting.h"

#include "domain/timestamp.h"

#include <QAtomicInt>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <sys/stat.h>

QString TreeEntry::typeName(Type type)
{
    switch (type) {
    case Type::Dir:
        return QStringLiteral("dir");
    case Type::File:
        return QStringLiteral("file");
    case Type::Symlink:
        return QStringLiteral("symlink");
    case Type::Other:
        break;
    }
    return QStringLiteral("other");
}

namespace SnapshotListing {

std::optional<QPair<QString, TreeEntry>> parseNode(const QByteArray& line)
{
    const QJsonObject node = QJsonDocument::fromJson(line).object();
    if (node.value(QStringLiteral("struct_type")).toString() != QLatin1String("node"))
        return std::nullopt;
    TreeEntry entry;
    const QString type = node.value(QStringLiteral("type")).toString();
    entry.type = type == QLatin1String("dir") ? TreeEntry::Type::Dir
        : type == QLatin1String("file")       ? TreeEntry::Type::File
        : type == QLatin1String("symlink")    ? TreeEntry::Type::Symlink
                                              : TreeEntry::Type::Other;
    entry.size = qint64(node.value(QStringLiteral("size")).toDouble());
    entry.mtimeMs = Timestamp::parseMsecs(node.value(QStringLiteral("mtime")).toString()).value_or(0);
    entry.mode = int(qint64(node.value(QStringLiteral("mode")).toDouble()) & 07777);
    return QPair<QString, TreeEntry> {node.value(QStringLiteral("path")).toString(), entry};
}

namespace {

std::optional<TreeEntry> statEntry(const QString& path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    TreeEntry entry;
    entry.type = S_ISDIR(st.st_mode) ? TreeEntry::Type::Dir
        : S_ISREG(st.st_mode)        ? TreeEntry::Type::File
        : S_ISLNK(st.st_mode)        ? TreeEntry::Type::Symlink
                                     : TreeEntry::Type::Other;
    entry.size = entry.type == TreeEntry::Type::File ? qint64(st.st_size) : 0;
    entry.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    entry.mode = int(st.st_mode & 07777);
    return entry;
}

} // namespace

PartTree scanLive(const QString& root)
{
    PartTree tree;
    const auto top = statEntry(root);
    if (!top || top->type != TreeEntry::Type::Dir)
        return tree;
    tree.insert(QString(), *top);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories); // QDirIterator does not descend through links unless told to
    const qsizetype prefix = root.size() + 1;
    while (it.hasNext()) {
        const QString path = it.next();
        if (const auto entry = statEntry(path))
            tree.insert(path.mid(prefix), *entry);
    }
    return tree;
}

QHash<QString, qint64> tableRows(const QString& databasePath)
{
    static QAtomicInt counter;
    QHash<QString, qint64> rows;
    if (!QFile::exists(databasePath))
        return rows;
    const QString name = QStringLiteral("tidemark-rows-%1").arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QStringList tables;
            QSqlQuery list(db);
            if (list.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                         "'sqlite_%' ORDER BY name"))) {
                while (list.next())
                    tables.append(list.value(0).toString());
            }
            for (const QString& table : tables) {
                QSqlQuery count(db);
                QString quoted = table;
                quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
                if (count.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(quoted)) && count.next())
                    rows.insert(table, count.value(0).toLongLong());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

} // namespace SnapshotListing
