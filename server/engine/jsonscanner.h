#pragma once

#include <QByteArray>
#include <QByteArrayView>

// A forward-only reader of JSON text for the large, regular documents restic writes (its trees and index files):
// no document is built, and a caller takes the members it wants and skips the rest. Strings come back as UTF-8, their
// escapes decoded; numbers as integers where they are integers. Any syntax error sets failed() and every later call
// returns false, so a caller checks once at the end.
class JsonScanner
{
public:
    explicit JsonScanner(QByteArrayView text)
        : m_at(text.data())
        , m_end(text.data() + text.size())
    { }

    bool failed() const { return m_failed; }
    // Whether the next value is null (consumed if so).
    bool null();
    // Objects: beginObject(), then while (nextKey(key)) { value }, which also consumes the closing brace.
    bool beginObject();
    bool nextKey(QByteArrayView& key);
    // Arrays: beginArray(), then while (nextItem()) { value }, which also consumes the closing bracket.
    bool beginArray();
    bool nextItem();
    // The view is into the text, or (when the string has escapes) into the scanner's buffer: valid until the next
    // call of string() or nextKey().
    bool string(QByteArrayView& out);
    bool string(QByteArray& out);
    bool integer(qint64& out);
    bool skip();
    // Only white space is left.
    bool atEnd();
    // Where the next value starts in the text (white space skipped), or where the last one ended: for taking a
    // member's text as it is.
    const char* position()
    {
        whitespace();
        return m_at;
    }

    // Where the object or array that starts at `at` in `text` ends (just past its closing bracket), found without
    // reading its members (strings and their escapes are stepped over); -1 when the text ends first. For cutting a
    // large document into its entries before reading the few that matter.
    static qsizetype endOfValue(QByteArrayView text, qsizetype at);

private:
    void whitespace();
    bool fail();
    bool literal(const char* word);
    // The opening bracket of an object or array, and the step to its next member or item (false at its end).
    bool open(char bracket);
    bool next(char closing);

    QByteArray m_buffer;
    const char* m_at;
    const char* m_end;
    bool m_failed = false;
    bool m_first = false; // the next member or item is the first of its object or array
    int m_depth = 0;
};
