#include "jsondocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace JsonDocument {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("JsonDocument", text);
}

QString describeError(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        return {};
    case QJsonParseError::UnterminatedObject:
        return tr("an object is not closed with '}' or a ',' is missing between members");
    case QJsonParseError::MissingNameSeparator:
        return tr("a ':' is missing after a member name");
    case QJsonParseError::UnterminatedArray:
        return tr("an array is not closed with ']' or a ',' is missing between values");
    case QJsonParseError::MissingValueSeparator:
        return tr("a ',' is missing between values");
    case QJsonParseError::IllegalValue:
        return tr("a value is missing or not valid JSON (a trailing comma?)");
    case QJsonParseError::TerminationByNumber:
        return tr("the text ends inside a number");
    case QJsonParseError::IllegalNumber:
        return tr("a number is not valid");
    case QJsonParseError::IllegalEscapeSequence:
        return tr("a string has an invalid escape sequence");
    case QJsonParseError::IllegalUTF8String:
        return tr("a string is not valid UTF-8");
    case QJsonParseError::UnterminatedString:
        return tr("a string is not closed with '\"'");
    case QJsonParseError::MissingObject:
        return tr("a value is missing here (a trailing comma?)");
    case QJsonParseError::DeepNesting:
        return tr("the document is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return tr("the document is too large");
    case QJsonParseError::GarbageAtEnd:
        return tr("there is more text after the end of the document");
    }
    return tr("the text is not valid JSON");
}

} // namespace

Decoded<QJsonValue> parse(const QByteArray& text, const QString& path)
{
    if (text.trimmed().isEmpty())
        return Decoded<QJsonValue>::failure({{path, tr("is empty; a JSON document was expected")}});

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isArray())
            return Decoded<QJsonValue>::success(doc.array());
        return Decoded<QJsonValue>::success(doc.object());
    }

    // QJsonParseError::offset is a byte offset; count lines and UTF-8 characters up to it.
    const qsizetype offset = std::clamp<qsizetype>(error.offset, 0, text.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return Decoded<QJsonValue>::failure(
        {{path, tr("malformed JSON at line %1, column %2: %3").arg(line).arg(column).arg(describeError(error.error))}});
}

} // namespace JsonDocument
