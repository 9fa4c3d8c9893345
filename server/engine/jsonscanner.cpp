#include "jsonscanner.h"

#include <cstring>

namespace {

constexpr int kMaxDepth = 64;

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray& out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

} // namespace

bool JsonScanner::fail()
{
    m_failed = true;
    m_at = m_end;
    return false;
}

void JsonScanner::whitespace()
{
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

bool JsonScanner::literal(const char* word)
{
    const size_t n = std::strlen(word);
    if (size_t(m_end - m_at) < n || std::memcmp(m_at, word, n) != 0)
        return fail();
    m_at += n;
    return true;
}

bool JsonScanner::null()
{
    whitespace();
    if (m_failed || m_at >= m_end || *m_at != 'n')
        return false;
    return literal("null");
}

bool JsonScanner::open(char bracket)
{
    whitespace();
    if (m_failed || m_at >= m_end || *m_at != bracket || ++m_depth > kMaxDepth)
        return fail();
    ++m_at;
    m_first = true;
    return true;
}

bool JsonScanner::next(char closing)
{
    if (m_failed)
        return false;
    whitespace();
    if (m_at >= m_end)
        return fail();
    if (*m_at == closing) {
        ++m_at;
        --m_depth;
        m_first = false;
        return false;
    }
    if (!m_first) {
        if (*m_at != ',')
            return fail();
        ++m_at;
    }
    m_first = false;
    return true;
}

bool JsonScanner::beginObject()
{
    return open('{');
}

bool JsonScanner::nextKey(QByteArrayView& key)
{
    if (!next('}') || !string(key))
        return false;
    whitespace();
    if (m_at >= m_end || *m_at != ':')
        return fail();
    ++m_at;
    return true;
}

bool JsonScanner::beginArray()
{
    return open('[');
}

bool JsonScanner::nextItem()
{
    return next(']');
}

bool JsonScanner::string(QByteArray& out)
{
    QByteArrayView view;
    if (!string(view))
        return false;
    out = view.toByteArray();
    return true;
}

bool JsonScanner::string(QByteArrayView& view)
{
    whitespace();
    if (m_failed || m_at >= m_end || *m_at != '"')
        return fail();
    ++m_at;
    const char* start = m_at;
    // Most strings have no escape: taken as they are.
    while (m_at < m_end && *m_at != '"' && *m_at != '\\') {
        if (static_cast<unsigned char>(*m_at) < 0x20)
            return fail();
        ++m_at;
    }
    if (m_at >= m_end)
        return fail();
    if (*m_at == '"') {
        view = QByteArrayView(start, m_at - start);
        ++m_at;
        return true;
    }
    QByteArray& out = m_buffer;
    out = QByteArray(start, m_at - start);
    while (*m_at != '"') {
        if (*m_at == '\\') {
            if (m_end - m_at < 2)
                return fail();
            const char e = m_at[1];
            m_at += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out.append(e);
                break;
            case 'b':
                out.append('\b');
                break;
            case 'f':
                out.append('\f');
                break;
            case 'n':
                out.append('\n');
                break;
            case 'r':
                out.append('\r');
                break;
            case 't':
                out.append('\t');
                break;
            case 'u': {
                const auto unit = [this](char32_t& v) {
                    if (m_end - m_at < 4)
                        return false;
                    v = 0;
                    for (int i = 0; i < 4; ++i) {
                        const int d = hexDigit(m_at[i]);
                        if (d < 0)
                            return false;
                        v = v * 16 + char32_t(d);
                    }
                    m_at += 4;
                    return true;
                };
                char32_t c = 0;
                if (!unit(c))
                    return fail();
                if (c >= 0xD800 && c < 0xDC00) {
                    char32_t next = 0;
                    bool escaped = false;
                    if (m_end - m_at >= 6 && m_at[0] == '\\' && m_at[1] == 'u') {
                        m_at += 2;
                        if (!unit(next))
                            return fail();
                        escaped = true;
                    }
                    if (escaped && next >= 0xDC00 && next < 0xE000) {
                        c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                    } else {
                        appendUtf8(out, 0xFFFD); // a lone high surrogate
                        if (!escaped)
                            break;
                        c = next >= 0xD800 && next < 0xE000 ? 0xFFFD : next; // the next one stands on its own
                    }
                } else if (c >= 0xDC00 && c < 0xE000) {
                    c = 0xFFFD;
                }
                appendUtf8(out, c);
                break;
            }
            default:
                return fail();
            }
        } else {
            if (static_cast<unsigned char>(*m_at) < 0x20)
                return fail();
            out.append(*m_at++);
        }
        if (m_at >= m_end)
            return fail();
    }
    ++m_at;
    view = out;
    return true;
}

bool JsonScanner::integer(qint64& out)
{
    whitespace();
    if (m_failed || m_at >= m_end)
        return fail();
    bool negative = false;
    if (*m_at == '-') {
        negative = true;
        ++m_at;
    }
    if (m_at >= m_end || *m_at < '0' || *m_at > '9')
        return fail();
    quint64 v = 0;
    int digits = 0;
    while (m_at < m_end && *m_at >= '0' && *m_at <= '9') {
        if (++digits > 19)
            return fail();
        v = v * 10 + quint64(*m_at++ - '0');
    }
    if (m_at < m_end && (*m_at == '.' || *m_at == 'e' || *m_at == 'E'))
        return fail(); // not an integer where one is expected
    if (v > quint64(std::numeric_limits<qint64>::max()))
        return fail();
    out = negative ? -qint64(v) : qint64(v);
    return true;
}

bool JsonScanner::skip()
{
    whitespace();
    if (m_failed || m_at >= m_end)
        return fail();
    switch (*m_at) {
    case '{': {
        beginObject();
        QByteArrayView key;
        while (nextKey(key))
            skip();
        return !m_failed;
    }
    case '[':
        beginArray();
        while (nextItem())
            skip();
        return !m_failed;
    case '"': {
        QByteArrayView ignored;
        return string(ignored);
    }
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        break;
    }
    // A number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const auto digits = [this] {
        const char* from = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        return m_at > from;
    };
    if (*m_at == '-')
        ++m_at;
    if (m_at < m_end && *m_at == '0')
        ++m_at;
    else if (!digits())
        return fail();
    if (m_at < m_end && *m_at == '.') {
        ++m_at;
        if (!digits())
            return fail();
    }
    if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
        ++m_at;
        if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
            ++m_at;
        if (!digits())
            return fail();
    }
    return true;
}

bool JsonScanner::atEnd()
{
    whitespace();
    return !m_failed && m_at == m_end;
}

qsizetype JsonScanner::endOfValue(QByteArrayView text, qsizetype at)
{
    int depth = 0;
    for (qsizetype i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\')
                    ++i;
            }
            if (i >= text.size())
                return -1;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}
