#include "backuparrayreader.h"

#include "domain/jsondocument.h"
#include "domain/timestamp.h"
#include "previewreport.h"

#include <cstring>
#include <QBuffer>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QtAlgorithms>
#include <QtEndian>

namespace {

constexpr qsizetype kChunk = qsizetype(1) << 20;
// Deeper elements go through the old path, which knows Qt's own nesting limit.
constexpr int kMaxDepth = 64;
// Integers of up to 15 digits are exact doubles; longer ones and exponents are left to Qt (overflow, rounding).
constexpr qsizetype kMaxPlainDigits = 15;
// How many elements tell the size of an element, for reserving room for the rest.
constexpr qsizetype kSampleElements = 1000;

// The outcome of scanning from a position: done, ran out of buffered text, or not JSON as far as the scanner knows.
enum class Status { Ok, More, Bad };

enum class Kind { String, True, False, Null, Number, Array, Object };

struct Span
{
    const char* begin = nullptr; // a string's text without its quotes, any other value as written
    const char* end = nullptr;
    Kind kind = Kind::Null;
    bool ascii = true; // a string without bytes above 0x7f (its text is then Latin-1 too)

    bool is(const char* text, qsizetype length) const
    {
        if (end - begin != length)
            return false;
        for (qsizetype i = 0; i < length; ++i) {
            if (begin[i] != text[i])
                return false;
        }
        return true;
    }
    template<qsizetype N>
    bool is(const char (&text)[N]) const
    {
        return is(text, N - 1);
    }
};

// The members of one object that the planner needs: how often each occurred and the last value.
struct Field
{
    explicit Field(const char* fieldName)
        : name(fieldName)
        , length(qsizetype(std::strlen(fieldName)))
    { }

    const char* name;
    qsizetype length;
    int count = 0;
    Span value;
};

struct Fields
{
    Field* fields = nullptr;
    int size = 0;
    int nestedIndex = -1; // the field whose object value is scanned with `nested`
    Fields* nested = nullptr;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Eight bytes at a time through the long runs of an indented file: indentation and plain string text.
constexpr quint64 kOnes = 0x0101010101010101ULL;
constexpr quint64 kHighBits = 0x8080808080808080ULL;

quint64 load8(const char* p)
{
    return qFromLittleEndian<quint64>(p);
}

// The high bit of each byte of `v` that is zero (exact up to the first such byte, which is all that is used).
quint64 zeroBytes(quint64 v)
{
    return (v - kOnes) & ~v & kHighBits;
}

const char* skipSpace(const char* p, const char* end)
{
    while (p < end) {
        if (end - p >= 8 && load8(p) == kOnes * ' ')
            p += 8;
        else if (isSpace(*p))
            ++p;
        else
            break;
    }
    return p;
}

// A validating scanner over buffered UTF-8. It accepts only text Qt's parser accepts with the same meaning, and
// marks `unsure` wherever Qt's rules are subtler (escapes, bytes that are not UTF-8, long numbers, exponents), so
// that the element is then handed to Qt.
class Scanner
{
public:
    Scanner(const char* begin, const char* end)
        : p(begin)
        , m_end(end)
    { }

    const char* p;
    bool unsure = false;

    Status value(Span& span, int depth, Fields* fields = nullptr)
    {
        if (p >= m_end)
            return Status::More;
        span.begin = p;
        Status status = Status::Bad;
        switch (*p) {
        case '"':
            return string(span);
        case 't':
            span.kind = Kind::True;
            status = literal("true");
            break;
        case 'f':
            span.kind = Kind::False;
            status = literal("false");
            break;
        case 'n':
            span.kind = Kind::Null;
            status = literal("null");
            break;
        case '[':
            span.kind = Kind::Array;
            status = array(depth + 1);
            break;
        case '{':
            span.kind = Kind::Object;
            status = object(depth + 1, fields);
            break;
        default:
            span.kind = Kind::Number;
            status = number();
            break;
        }
        span.end = p;
        return status;
    }

private:
    bool skipSpace()
    {
        p = ::skipSpace(p, m_end);
        return p < m_end;
    }

    Status string(Span& span)
    {
        ++p;
        span.kind = Kind::String;
        span.ascii = true;
        span.begin = p;
        while (true) {
            while (m_end - p >= 8) {
                const quint64 v = load8(p);
                const quint64 stop = zeroBytes(v ^ (kOnes * '"')) | zeroBytes(v ^ (kOnes * '\\')) | (v & kHighBits);
                if (stop) {
                    p += qCountTrailingZeroBits(stop) / 8;
                    break;
                }
                p += 8;
            }
            while (p < m_end) {
                const auto c = static_cast<unsigned char>(*p);
                if (c == '"' || c == '\\' || c >= 0x80)
                    break;
                ++p;
            }
            if (p >= m_end)
                return Status::More;
            if (*p == '"') {
                span.end = p++;
                return Status::Ok;
            }
            if (*p == '\\') {
                unsure = true;
                if (m_end - p < 2)
                    return Status::More;
                p += 2;
                continue;
            }
            span.ascii = false;
            const qsizetype n = utf8Sequence(p);
            if (n < 0)
                return Status::More;
            if (n == 0) {
                unsure = true; // not UTF-8: Qt has the message
                ++p;
            } else {
                p += n;
            }
        }
    }

    // The length of the well-formed UTF-8 sequence at `s` (RFC 3629, the sequences Qt's parser accepts), 0 when it
    // is not one, -1 when it is cut off by the end of the buffer.
    qsizetype utf8Sequence(const char* s) const
    {
        const auto c = static_cast<unsigned char>(s[0]);
        qsizetype n = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        for (qsizetype i = 1; i < n; ++i) {
            if (i >= m_end - s)
                return -1;
            const auto b = static_cast<unsigned char>(s[i]);
            if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
                return 0;
        }
        return n;
    }

    template<qsizetype N>
    Status literal(const char (&word)[N])
    {
        constexpr qsizetype n = N - 1;
        if (m_end - p < n)
            return std::memcmp(p, word, size_t(m_end - p)) == 0 ? Status::More : Status::Bad;
        if (std::memcmp(p, word, size_t(n)) != 0)
            return Status::Bad;
        p += n;
        return Status::Ok;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    // Reads past a number; a number is only complete once the next byte is buffered.
    Status number()
    {
        if (*p == '-')
            ++p;
        if (p >= m_end)
            return Status::More;
        if (*p == '0') {
            ++p;
        } else if (*p >= '1' && *p <= '9') {
            const char* digits = p;
            while (p < m_end && isDigit(*p))
                ++p;
            if (p - digits > kMaxPlainDigits)
                unsure = true;
        } else {
            return Status::Bad;
        }
        if (p < m_end && *p == '.') {
            ++p;
            const char* digits = p;
            while (p < m_end && isDigit(*p))
                ++p;
            if (p == digits)
                unsure = true; // Qt accepts "1."
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            unsure = true;
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            while (p < m_end && isDigit(*p))
                ++p;
        }
        return p < m_end ? Status::Ok : Status::More;
    }

    Status array(int depth)
    {
        if (depth > kMaxDepth)
            return Status::Bad;
        ++p;
        if (!skipSpace())
            return Status::More;
        if (*p == ']') {
            ++p;
            return Status::Ok;
        }
        while (true) {
            Span element;
            if (const Status s = value(element, depth); s != Status::Ok)
                return s;
            if (!skipSpace())
                return Status::More;
            if (*p == ']') {
                ++p;
                return Status::Ok;
            }
            if (*p != ',')
                return Status::Bad;
            ++p;
            if (!skipSpace())
                return Status::More;
        }
    }

    Status object(int depth, Fields* fields)
    {
        if (depth > kMaxDepth)
            return Status::Bad;
        ++p;
        if (!skipSpace())
            return Status::More;
        if (*p == '}') {
            ++p;
            return Status::Ok;
        }
        while (true) {
            if (*p != '"')
                return Status::Bad;
            const bool unsureBefore = unsure;
            Span key;
            if (const Status s = string(key); s != Status::Ok)
                return s;
            Field* field = nullptr;
            Fields* nested = nullptr;
            // An escaped or non-ASCII key may still spell one of the fields; string() has marked it unsure.
            if (fields && unsure == unsureBefore) {
                for (int i = 0; i < fields->size; ++i) {
                    if (key.is(fields->fields[i].name, fields->fields[i].length)) {
                        field = &fields->fields[i];
                        if (i == fields->nestedIndex)
                            nested = fields->nested;
                        break;
                    }
                }
            }
            if (!skipSpace())
                return Status::More;
            if (*p != ':')
                return Status::Bad;
            ++p;
            if (!skipSpace())
                return Status::More;
            Span member;
            if (const Status s = value(member, depth, nested); s != Status::Ok)
                return s;
            if (field) {
                ++field->count;
                field->value = member;
            }
            if (!skipSpace())
                return Status::More;
            if (*p == '}') {
                ++p;
                return Status::Ok;
            }
            if (*p != ',')
                return Status::Bad;
            ++p;
            if (!skipSpace())
                return Status::More;
        }
    }

    const char* m_end;
};

// The window over the device: text is read in chunks and dropped once consumed.
class Window
{
public:
    explicit Window(QIODevice& device)
        : m_device(device)
    { }

    const char* begin() const { return m_buffer.constData() + m_pos; }
    const char* end() const { return m_buffer.constData() + m_buffer.size(); }
    void consume(const char* to) { m_pos = to - m_buffer.constData(); }

    // Reads the next chunk, keeping what is not consumed yet; false at the end of the device.
    bool more()
    {
        if (m_atEnd)
            return false;
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        const qsizetype kept = m_buffer.size();
        m_buffer.resize(kept + kChunk);
        const qint64 n = m_device.read(m_buffer.data() + kept, kChunk);
        m_buffer.resize(kept + std::max<qint64>(n, 0));
        if (n <= 0)
            m_atEnd = true;
        return n > 0;
    }

    // The next byte that is not white space (consumed up to it), or -1 at the end of the device.
    int peek()
    {
        while (true) {
            const char* p = skipSpace(begin(), end());
            consume(p);
            if (p < end())
                return static_cast<unsigned char>(*p);
            if (!more())
                return -1;
        }
    }

    qsizetype available() const { return m_buffer.size() - m_pos; }

private:
    QIODevice& m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_atEnd = false;
};

} // namespace

BackupArrayReader::BackupArrayReader(QIODevice& device)
    : m_device(device)
{ }

Decoded<QList<RetentionBackup>> BackupArrayReader::read()
{
    m_stats = {};
    if (m_device.isSequential()) {
        // A pipe cannot be read twice, and a syntax error needs a second pass; keep its text (still no document).
        QBuffer buffer;
        buffer.setData(m_device.readAll());
        buffer.open(QIODevice::ReadOnly);
        BackupArrayReader reader(buffer);
        const auto result = reader.read();
        m_stats = reader.m_stats;
        return result;
    }
    if (auto scanned = scan())
        return *scanned;

    // Not valid JSON as far as the scanner can tell, or not an array: Qt's parser names the line and column, and
    // PreviewReport what is wrong with the document.
    m_stats.wholeDocument = true;
    m_device.seek(0);
    const auto json = JsonDocument::parse(m_device.readAll());
    if (!json.ok())
        return Decoded<QList<RetentionBackup>>::failure(json.problems);
    return PreviewReport::decodeBackups(*json.value);
}

std::optional<Decoded<QList<RetentionBackup>>> BackupArrayReader::scan()
{
    Window window(m_device);
    window.more();
    // Qt's parser skips a UTF-8 byte order mark.
    if (window.available() > 3 && std::memcmp(window.begin(), "\xEF\xBB\xBF", 3) == 0)
        window.consume(window.begin() + 3);
    if (window.peek() != '[')
        return std::nullopt;
    window.consume(window.begin() + 1);

    Field top[] = {Field("id"), Field("created_at"), Field("automated"), Field("attributes")};
    Field attributes[] = {Field("protected")};
    Fields attributeFields {attributes, 1};
    Fields topFields {top, 4, 3, &attributeFields};
    const Field& id = top[0];
    const Field& createdAt = top[1];
    const Field& automated = top[2];
    const Field& attrs = top[3];
    const Field& isProtected = attributes[0];

    QList<RetentionBackup> backups;
    QSet<QString> ids;
    Problems problems;
    qsizetype index = 0;

    if (window.peek() == ']') {
        window.consume(window.begin() + 1);
    } else {
        while (true) {
            if (window.peek() < 0)
                return std::nullopt;
            const char* start = window.begin();
            Scanner scanner(start, window.end());
            Span element;
            for (Field& f : top)
                f.count = 0;
            attributes[0].count = 0;
            const Status status = scanner.value(element, 1, &topFields);
            if (status == Status::More) {
                if (!window.more())
                    return std::nullopt;
                continue;
            }
            if (status == Status::Bad)
                return std::nullopt;

            bool decoded = false;
            if (!scanner.unsure && element.kind == Kind::Object && id.count == 1 && createdAt.count == 1
                && automated.count == 1 && attrs.count <= 1 && id.value.kind == Kind::String
                && id.value.end > id.value.begin && createdAt.value.kind == Kind::String && createdAt.value.ascii
                && (automated.value.kind == Kind::True || automated.value.kind == Kind::False)) {
                RetentionBackup backup;
                bool good = true;
                if (attrs.count == 1 && attrs.value.kind != Kind::Null) {
                    good = attrs.value.kind == Kind::Object && isProtected.count <= 1;
                    if (good && isProtected.count == 1) {
                        const Span& v = isProtected.value;
                        good = v.kind == Kind::String && (v.is("true") || v.is("false"));
                        backup.isProtected = good && v.is("true");
                    }
                }
                const auto ms = Timestamp::parseMsecs(
                    QLatin1String(createdAt.value.begin, createdAt.value.end - createdAt.value.begin));
                if (good && ms) {
                    const qsizetype size = id.value.end - id.value.begin;
                    backup.id = id.value.ascii ? QString::fromLatin1(id.value.begin, size)
                                               : QString::fromUtf8(id.value.begin, size);
                    const qsizetype before = ids.size();
                    ids.insert(backup.id);
                    if (ids.size() > before) {
                        backup.createdAtMs = *ms;
                        backup.automated = automated.value.kind == Kind::True;
                        backups.append(backup);
                        decoded = true;
                        ++m_stats.scanned;
                    }
                }
            }
            if (!decoded) {
                // Qt parses just this element, and PreviewReport decodes it, problems and all.
                QByteArray text;
                text.reserve(scanner.p - start + 2);
                text.append('[').append(start, scanner.p - start).append(']');
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(text, &error);
                if (error.error != QJsonParseError::NoError || !document.isArray() || document.array().size() != 1)
                    return std::nullopt;
                if (auto backup = PreviewReport::decodeBackup(document.array().at(0), index, ids, problems))
                    backups.append(*backup);
                ++m_stats.viaQt;
            }
            ++index;
            window.consume(scanner.p);
            if (index == kSampleElements && m_stats.scanned == index) {
                // Room for all ids and backups at once, as far as the first elements tell: no rehashing.
                const double perElement = double(m_device.pos() - window.available()) / double(index);
                const qsizetype expected = qsizetype(double(m_device.size()) / perElement * 1.05) + 16;
                ids.reserve(expected);
                backups.reserve(expected);
            }

            const int next = window.peek();
            if (next != ']' && next != ',')
                return std::nullopt;
            window.consume(window.begin() + 1);
            if (next == ']')
                break;
        }
    }
    if (window.peek() >= 0)
        return std::nullopt; // text after the array
    if (!problems.isEmpty())
        return Decoded<QList<RetentionBackup>>::failure(problems);
    return Decoded<QList<RetentionBackup>>::success(backups);
}
