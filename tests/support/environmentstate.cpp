#include "environmentstate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace EnvironmentState {

Tree hashTree(const QString& root)
{
    Tree tree;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/.git/")))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            tree.insert(
                QDir(root).relativeFilePath(path), QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return tree;
}

QStringList tableRows(const QString& dbPath)
{
    QStringList rows;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(QStringLiteral("SELECT id, customer, amount_cents FROM orders ORDER BY id"), db);
            while (q.next())
                rows.append(q.value(0).toString() + QLatin1Char('|') + q.value(1).toString() + QLatin1Char('|')
                    + q.value(2).toString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

bool execSql(const QString& dbPath, const QString& sql)
{
    bool ok = false;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QString damageLargestPack(const QString& repository, int count)
{
    QString pack;
    qint64 size = -1;
    QDirIterator it(repository + QStringLiteral("/data"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileInfo().size() > size) {
            size = it.fileInfo().size();
            pack = it.filePath();
        }
    }
    if (pack.isEmpty())
        return {};
    QFile file(pack);
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.open(QIODevice::ReadWrite)
        || !file.seek(size / 2))
        return {};
    QByteArray bytes = file.read(count);
    for (char& c : bytes)
        c = char(~c);
    if (!file.seek(size / 2) || file.write(bytes) != bytes.size())
        return {};
    return pack;
}

} // namespace EnvironmentState
