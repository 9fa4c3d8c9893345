#include "jsondocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace JsonDocument {

namespace {

// Gives the file's free functions a translation context that lupdate understands.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(JsonDocument)
};

QString describeError(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        return {};
    case QJsonParseError::UnterminatedObject:
        return Tr::tr("an object is not closed with '}' or a ',' is missing between members");
    case QJsonParseError::MissingNameSeparator:
        return Tr::tr("a ':' is missing after a member name");
    case QJsonParseError::UnterminatedArray:
        return Tr::tr("an array is not closed with ']' or a ',' is missing between values");
    case QJsonParseError::MissingValueSeparator:
        return Tr::tr("a ',' is missing between values");
    case QJsonParseError::IllegalValue:
        return Tr::tr("a value is missing or not valid JSON (a trailing comma?)");
    case QJsonParseError::TerminationByNumber:
        return Tr::tr("the text ends inside a number");
    case QJsonParseError::IllegalNumber:
        return Tr::tr("a number is not valid");
    case QJsonParseError::IllegalEscapeSequence:
        return Tr::tr("a string has an invalid escape sequence");
    case QJsonParseError::IllegalUTF8String:
        return Tr::tr("a string is not valid UTF-8");
    case QJsonParseError::UnterminatedString:
        return Tr::tr("a string is not closed with '\"'");
    case QJsonParseError::MissingObject:
        return Tr::tr("a value is missing here (a trailing comma?)");
    case QJsonParseError::DeepNesting:
        return Tr::tr("the document is nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return Tr::tr("the document is too large");
    case QJsonParseError::GarbageAtEnd:
        return Tr::tr("there is more text after the end of the document");
    }
    return Tr::tr("the text is not valid JSON");
}

} // namespace

Decoded<QJsonValue> parse(const QByteArray& text, const QString& path)
{
    if (text.trimmed().isEmpty())
        return Decoded<QJsonValue>::failure({{path, Tr::tr("is empty; a JSON document was expected")}});

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
    return Decoded<QJsonValue>::failure({{path,
        Tr::tr("malformed JSON at line %1, column %2: %3").arg(line).arg(column).arg(describeError(error.error))}});
}

} // namespace JsonDocument
