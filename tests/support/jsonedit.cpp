#include "jsonedit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace JsonEdit {

namespace {

void writeValue(QByteArray& out, const QJsonValue& value, const Path& here, const Edit& edit)
{
    if (edit.kind == Edit::Kind::Replace && here == edit.at) {
        out += edit.value;
        return;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        out += '{';
        bool first = true;
        const auto member = [&](const QByteArray& key, const QByteArray& text) {
            if (!first)
                out += ',';
            first = false;
            out += key + ':' + text;
        };
        for (auto it = object.begin(); it != object.end(); ++it) {
            Path child = here;
            child.append({it.key(), -1});
            if (edit.kind == Edit::Kind::Remove && child == edit.at)
                continue;
            const bool duplicate = edit.kind == Edit::Kind::Duplicate && child == edit.at;
            if (duplicate && edit.before)
                member(quote(it.key()), edit.value);
            QByteArray text;
            writeValue(text, it.value(), child, edit);
            member(quote(it.key()), text);
            if (duplicate && !edit.before)
                member(quote(it.key()), edit.value);
        }
        if (edit.kind == Edit::Kind::AddKey && here == edit.at)
            member(edit.key, edit.value);
        out += '}';
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        out += '[';
        bool first = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            Path child = here;
            child.append({QString(), i});
            if (edit.kind == Edit::Kind::Remove && child == edit.at)
                continue;
            if (!first)
                out += ',';
            first = false;
            writeValue(out, array.at(i), child, edit);
        }
        if (edit.kind == Edit::Kind::AddKey && here == edit.at)
            out += QByteArray(first ? "" : ",") + edit.value;
        out += ']';
        return;
    }
    out += scalarText(value);
}

void collectNodes(const QJsonValue& value, const Path& here, Nodes& nodes)
{
    if (!here.isEmpty())
        nodes.all.append(here);
    if (value.isString())
        nodes.strings.append(here);
    if (value.isDouble())
        nodes.numbers.append(here);
    if (value.isObject()) {
        nodes.containers.append(here);
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            Path child = here;
            child.append({it.key(), -1});
            nodes.members.append(child);
            collectNodes(it.value(), child, nodes);
        }
    } else if (value.isArray()) {
        nodes.containers.append(here);
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            Path child = here;
            child.append({QString(), i});
            collectNodes(array.at(i), child, nodes);
        }
    }
}

} // namespace

QByteArray quote(const QString& text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out + '"';
}

QByteArray scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::String:
        return quote(value.toString());
    default: {
        const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    }
    }
}

QString pathName(const Path& path)
{
    QString out;
    for (const Step& s : path) {
        if (s.index >= 0)
            out += QLatin1Char('[') + QString::number(s.index) + QLatin1Char(']');
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + s.key;
    }
    return out.isEmpty() ? QStringLiteral("(root)") : out;
}

QJsonValue valueAt(const QJsonValue& root, const Path& path)
{
    QJsonValue v = root;
    for (const Step& s : path)
        v = s.index >= 0 ? v.toArray().at(s.index) : v.toObject().value(s.key);
    return v;
}

QByteArray write(const QJsonValue& root, const Edit& edit)
{
    QByteArray out;
    writeValue(out, root, Path(), edit);
    return out;
}

Nodes collect(const QJsonValue& root)
{
    Nodes nodes;
    collectNodes(root, Path(), nodes);
    return nodes;
}

} // namespace JsonEdit
