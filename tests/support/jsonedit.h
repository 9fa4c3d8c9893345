#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

// JSON text written from a QJsonValue with one change made on the way (a value replaced by any bytes, a member
// removed, added or duplicated), so that the result may be anything a byte string can be: duplicate keys, invalid
// UTF-8, unbalanced brackets, not only what QJsonDocument can express. For the request fuzzer.
namespace JsonEdit {

struct Step
{
    QString key;
    qsizetype index = -1; // >= 0: an array element
    bool operator==(const Step&) const = default;
};
using Path = QList<Step>;

struct Edit
{
    enum class Kind { None, Replace, Remove, AddKey, Duplicate };
    Kind kind = Kind::None;
    Path at;
    QByteArray value; // raw text of the new value
    QByteArray key; // AddKey: raw text of the key, with its quotes
    bool before = false; // Duplicate: the hostile copy comes first
};

// The places in a JSON value that an edit can aim at.
struct Nodes
{
    QList<Path> all; // every value below the root
    QList<Path> members; // object members (can be removed or duplicated)
    QList<Path> containers; // objects and arrays, the root included (can get a new member)
    QList<Path> strings;
    QList<Path> numbers;
};

// A JSON string literal (UTF-8, control characters escaped).
QByteArray quote(const QString& text);
QByteArray scalarText(const QJsonValue& value);
// "local.mounts[0].path"; "(root)" for the empty path.
QString pathName(const Path& path);
QJsonValue valueAt(const QJsonValue& root, const Path& path);
QByteArray write(const QJsonValue& root, const Edit& edit = {});
Nodes collect(const QJsonValue& root);

} // namespace JsonEdit
