#include "fuzzvalues.h"

#include "jsonedit.h"
#include "jsonfuzzer.h"

namespace FuzzValues {

namespace {

QByteArray bytes(const char* text, qsizetype size)
{
    return QByteArray(text, size);
}

bool targetSafe(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArray("-._~!$&'()*+,;=:@/").contains(c);
}

} // namespace

// Raw JSON texts (some are not valid JSON on purpose) that replace a value of another type.
const QList<QByteArray>& hostileValues()
{
    static const QList<QByteArray> values {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "1e308",
        "-1e308",
        "9223372036854775808",
        "\"\"",
        "\" \"",
        "\"true\"",
        "\"1\"",
        "\"null\"",
        "\"0\"",
        "\"-1\"",
        "\"1d\"",
        "\"main\"",
        "\"production\"",
        "[]",
        "{}",
        "[null]",
        "[1,2,3]",
        "[\"true\"]",
        "{\"\":null}",
        "[[]]",
        "[{}]",
        "{\"a\":{\"b\":{\"c\":[]}}}",
        "\"\\u0000\"",
        "\"a\\u0000b\"",
        "\"\\ud800\"",
        "\"\\udc00x\"",
        bytes("\"\0\"", 3),
        bytes("\"a\0b\"", 5),
        "\"\xff\xfe\"",
        "\"\xc0\x80\"",
        "\"\xed\xa0\x80\"",
        "\"\xe2\x82\"",
        "\"\\n\\r\\t\\b\\f\"",
        "\"\\/\\\\\\\"\"",
        "\"../../../etc/passwd\"",
        "\"/\"",
        "\"/dev/zero\"",
        "\"/proc/self/mem\"",
        "\"%00\"",
        "\"%2F..%2F\"",
        "\"\\u202e\"",
        "\"\xf0\x9f\x92\xa9\"",
        "\"\xe2\x80\xae\"",
        "\"<script>alert(1)</script>\"",
        "\"' OR 1=1 --\"",
        "\"\\\"; DROP TABLE backups; --\"",
        "\"$(id)\"",
        "\"`id`\"",
        "\"\x01\x1f\"",
        "\"a\tb\"",
        "\"a\nb\"",
        "\"2026-11-26T04:00:00Z\"",
        "\"0000-00-00T00:00:00Z\"",
        "\"9999-12-31T23:59:59.999999999+14:00\"",
        "\"1h\"",
        "\"0d\"",
        "\"-1w\"",
        "\"99999999999y\"",
        "\"1M\"",
        "\"sqlite\"",
        "\"postgresql\"",
        "\"active\"",
        "\"inactive\"",
        "\"deleting\"",
        "\"backup\"",
        "\"TRUE\"",
        "\"yes\"",
        "\" true\"",
        "\"true \"",
    };
    return values;
}

// Numbers at the edges of what a double, a qint64 and an int hold, non-integral numbers where integers are
// expected, and number texts that are not JSON.
const QList<QByteArray>& numberEdges()
{
    static const QList<QByteArray> values {
        "1e308",
        "-1e308",
        "1.7976931348623157e308",
        "1e309",
        "-1e309",
        "1e999999",
        "-0",
        "-0.0",
        "-0e0",
        "0e-0",
        "0.5",
        "1.5",
        "2.5",
        "1.0000000000000002",
        "0.9999999999999999",
        "7.000000000000001",
        "7.0",
        "1e2",
        "100e-2",
        "1e-320",
        "4.9e-324",
        "2.2250738585072014e-308",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "4294967296",
        "9007199254740993",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "3600",
        "3601",
        "1001",
        "0",
        "-1",
        "01",
        "-01",
        ".5",
        "+1",
        "1.",
        "1e",
        "1e+",
        "--1",
        "0x10",
        "1_000",
        "Infinity",
        "-Infinity",
        "NaN",
        "nan",
    };
    return values;
}

const QList<QByteArray>& hostileKeys()
{
    static const QList<QByteArray> keys {
        "\"colour\"",
        "\"\"",
        "\" \"",
        "\"SAFE\"",
        "\"safe \"",
        "\"safe\\u0000\"",
        "\"__proto__\"",
        "\"constructor\"",
        "\"$where\"",
        "\"a.b\"",
        "\"[0]\"",
        "\"data_retention.production\"",
        "\"\\ud800\"",
        "\"\xff\"",
        bytes("\"\0\"", 3),
        "\"\xf0\x9f\x92\xa9\"",
        "\"_links\"",
        "\"id\"",
        "\"status\"",
        "\"attributes\"",
        "\"local\"",
        "\"name\"",
    };
    return keys;
}

const QList<QByteArray>& invalidUtf8()
{
    static const QList<QByteArray> sequences {"\xff", "\xfe", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80",
        "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\x80", "\xbf", "\xe2\x82", "\xf0\x9f\x92", "\xc3"};
    return sequences;
}

const QList<QByteArray>& loneSurrogates()
{
    static const QList<QByteArray> strings {"\"\\ud800\"", "\"\\udfff\"", "\"x\\ud800y\"", "\"\\ud800\\ud800\"",
        "\"\\udc00\\ud800\"", "\"\\ud83d\"", "\"\\ud83d\\u0041\"", "\"\\ud83d\\ude00\"", "\"\\uDBFF\\uDFFF\"",
        "\"\\uD800", "\"\\ud8\"", "\"\\uzzzz\"", "\"\\u\"", "\"\\U0041\"", "\"\\x41\"", "\"\\a\"", "\"\\'\""};
    return strings;
}

const QList<QByteArray>& contentTypes()
{
    static const QList<QByteArray> types {
        "",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "application/json; charset=latin1",
        "application/xml",
        "application/octet-stream",
        "*/*",
        "APPLICATION/JSON",
        "application/json;;;==",
        "application/jsonx",
        "json",
        "application/merge-patch+json",
        "text/html; charset=\"utf-8\"",
    };
    return types;
}

// Query values as they go into the target (already percent-encoded where needed; some encodings are broken on
// purpose).
const QList<QByteArray>& queryValues()
{
    static const QList<QByteArray> values {
        "",
        "0",
        "-1",
        "1",
        "2",
        "1000",
        "1001",
        "1.5",
        "1.0",
        "1e3",
        "0x10",
        "010",
        "+5",
        "%2B5",
        "%201",
        "1%20",
        "1%00",
        "%00",
        "%ff",
        "%",
        "%zz",
        "%%",
        "%2",
        "2147483648",
        "4294967297",
        "9223372036854775808",
        "-9223372036854775809",
        "NaN",
        "inf",
        "-0",
        "pending",
        "complete",
        "in_progress",
        "cancelled",
        "scheduled",
        "staged",
        "success",
        "failure",
        "environment.backup",
        "environment.restore",
        "environment.backup.delete",
        "true",
        "false",
        "TRUE",
        "yes",
        "on",
        "%C0%AF",
        "%E2%80%AE",
        "%ED%A0%80",
        "%F4%90%80%80",
        "..%2F..%2F",
        "a%26b%3Dc",
        "%27%20OR%201%3D1%20--",
        "%5B%5D",
        "%7B%7D",
        "%5Cu0000",
        "p%C3%A9nding",
        "PENDING",
        "pending%20",
        "%0D%0A",
        "%0D%0AX-Injected:%201",
        "a=b",
        "&",
    };
    return values;
}

const QList<QByteArray>& pathSegments()
{
    static const QList<QByteArray> segments {
        "%00",
        "a%00b",
        "%2F",
        "main%2Fbackups",
        "..",
        "%2E%2E",
        "%2e",
        ".",
        "",
        "%",
        "%zz",
        "%ff",
        "%C0%AF",
        "%E2%80%AE",
        "%F0%9F%92%A9",
        "%ED%A0%80",
        "%0D%0AX-Injected:%201",
        "%20",
        "+",
        "MAIN",
        "main.",
        "main%20",
        "main;x",
        "main%3Fx%3D1",
        "main%23x",
        "~",
        "'",
        "%27",
        "%22",
        "%5C",
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "%2E%2E%2F",
        "%u0000",
        "null",
        "0",
        "-1",
        "*",
        "%2A",
        "demo%00",
        "main%00",
    };
    return segments;
}

QByteArray percentEncode(const QByteArray& raw)
{
    QByteArray out;
    for (char c : raw) {
        if (targetSafe(c) && c != '&' && c != '=' && c != '+')
            out += c;
        else
            out += '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0').toUpper();
    }
    return out;
}

// A JSON string of about `size` bytes (at least 2): plain, multi-byte, escaped NULs, lone surrogates, escaped
// quotes, or bytes that are not UTF-8.
QByteArray longString(FuzzDice& dice, qsizetype size, QString* kind)
{
    static const QList<QPair<QByteArray, const char*>> units {
        {"a", "ASCII"},
        {"\xc3\xa9", "two-byte UTF-8"},
        {"\xf0\x9f\x92\xa9", "four-byte UTF-8"},
        {"\\u0000", "escaped NUL"},
        {"\\ud800", "lone surrogate"},
        {"\\\"", "escaped quote"},
        {"\xff", "invalid UTF-8"},
        {"a\\n", "escaped newline"},
    };
    const auto& [unit, name] = units.at(dice.below(int(units.size())));
    if (kind)
        *kind = QLatin1String(name);
    const qsizetype count = std::max<qsizetype>(0, (size - 2) / unit.size());
    return '"' + unit.repeated(count) + '"';
}

// `depth` levels of arrays, objects or both; unclosed when asked.
QByteArray nested(FuzzDice& dice, qsizetype depth, bool closed, QString* kind)
{
    const int shape = dice.below(3);
    QByteArray open;
    QByteArray close;
    if (shape == 0) {
        open = "[";
        close = "]";
    } else if (shape == 1) {
        open = "{\"a\":";
        close = "}";
    } else {
        open = "[{\"a\":";
        close = "}]";
    }
    if (kind)
        *kind = QStringLiteral("%1 levels of %2%3")
                    .arg(depth * (shape == 2 ? 2 : 1))
                    .arg(QString::fromLatin1(open), closed ? QString() : QStringLiteral(" (unclosed)"));
    const QByteArray core = shape == 0 ? QByteArray() : QByteArrayLiteral("1");
    return open.repeated(depth) + core + (closed ? close.repeated(depth) : QByteArray());
}

qsizetype nestingDepth(FuzzDice& dice, qsizetype budget)
{
    static const QList<qsizetype> depths {2, 64, 512, 1023, 1024, 1025, 4096, 10000, 10000, 100000};
    qsizetype depth = dice.pick(depths);
    // Each level costs at most 8 bytes ("[{\"a\":" and "}]").
    return std::max<qsizetype>(1, std::min(depth, budget / 8));
}

QByteArray wide(FuzzDice& dice, qsizetype budget, QString* kind)
{
    if (dice.percent(50)) {
        const qsizetype n = std::max<qsizetype>(1, dice.logSize(std::max<qsizetype>(1, budget / 2 - 2)));
        if (kind)
            *kind = QStringLiteral("an array of %1 zeros").arg(n);
        return "[" + QByteArray("0,").repeated(n - 1) + "0]";
    }
    const qsizetype n = std::max<qsizetype>(1, dice.logSize(std::max<qsizetype>(1, budget / 16)));
    if (kind)
        *kind = QStringLiteral("an object of %1 keys").arg(n);
    QByteArray out = "{";
    for (qsizetype i = 0; i < n; ++i)
        out += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":0";
    return out + '}';
}

QByteArray randomBytes(FuzzDice& dice, qsizetype size, bool printable)
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        const quint32 r = dice.next();
        out[i] = printable ? char(0x20 + r % 95) : char(r & 0xff);
    }
    return out;
}

// A small random JSON-like value, up to `depth` levels, with hostile scalars and numbers among the leaves.
QByteArray randomJson(FuzzDice& dice, int depth)
{
    const int kind = depth <= 0 ? dice.below(2) : dice.below(4);
    if (kind == 0)
        return dice.pick(hostileValues());
    if (kind == 1)
        return dice.pick(numberEdges());
    const int n = dice.below(4);
    QByteArray out = kind == 2 ? "[" : "{";
    for (int i = 0; i < n; ++i) {
        if (i)
            out += ',';
        if (kind == 3)
            out += JsonEdit::quote(QStringLiteral("k%1").arg(dice.below(5))) + ':';
        out += randomJson(dice, depth - 1);
    }
    return out + (kind == 2 ? "]" : "}");
}

// A value of another type for a key: the hostile pool most often, generated shapes sometimes.
QByteArray replacement(FuzzDice& dice, qsizetype budget, QString* what)
{
    const int r = dice.below(100);
    if (r < 55) {
        const QByteArray v = dice.pick(hostileValues());
        *what = JsonFuzzer::printable(v, 48);
        return v;
    }
    if (r < 70) {
        const QByteArray v = dice.pick(numberEdges());
        *what = QString::fromLatin1(v);
        return v;
    }
    if (r < 85) {
        const QByteArray v = randomJson(dice, 3);
        *what = JsonFuzzer::printable(v, 48);
        return v;
    }
    if (r < 92) {
        QString kind;
        const QByteArray v = longString(dice, std::max<qsizetype>(2, dice.logSize(budget)), &kind);
        *what = QStringLiteral("a %1-byte string (%2)").arg(v.size()).arg(kind);
        return v;
    }
    if (r < 96) {
        QString kind;
        const QByteArray v = nested(dice, nestingDepth(dice, budget), dice.percent(85), &kind);
        *what = kind;
        return v;
    }
    QString kind;
    const QByteArray v = wide(dice, budget, &kind);
    *what = kind;
    return v;
}

QByteArray formValue(FuzzDice& dice, qsizetype budget, QString* what)
{
    const int r = dice.below(10);
    if (r < 6) {
        const QByteArray v = dice.pick(queryValues());
        *what = QString::fromLatin1(v);
        return v;
    }
    if (r < 8) {
        const qsizetype n = std::max<qsizetype>(1, dice.logSize(budget));
        *what = QStringLiteral("%1 bytes of 'A'").arg(n);
        return QByteArray(n, 'A');
    }
    const QByteArray raw = randomBytes(dice, dice.between(1, 64), false);
    *what = QStringLiteral("raw bytes ") + JsonFuzzer::printable(raw, 32);
    return dice.percent(50) ? percentEncode(raw) : raw;
}

QByteArray inject(FuzzDice& dice, const QByteArray& text, const QByteArray& insert, qsizetype* at)
{
    *at = dice.between(0, text.size());
    return text.left(*at) + insert + text.mid(*at);
}

QByteArray hostileQuery(FuzzDice& dice, const QStringList& keys, QString* what)
{
    QByteArray query;
    QStringList parts;
    const int n = 1 + dice.below(4);
    for (int i = 0; i < n; ++i) {
        QByteArray key = !keys.isEmpty() && dice.percent(85)
            ? keys.at(dice.below(int(keys.size()))).toLatin1()
            : dice.pick(QList<QByteArray> {
                "", "COUNT", "count[]", "%63ount", "count%00", "type%5B%5D", "x", "_", "dry_run%20", "%ff"});
        QByteArray value;
        const int r = dice.below(100);
        if (r < 80) {
            value = dice.pick(queryValues());
        } else if (r < 90) {
            const qsizetype size = dice.logSize(60000);
            value = QByteArray(size, 'a');
            parts.append(QString::fromLatin1(key) + QStringLiteral("=<%1 x 'a'>").arg(size));
        } else {
            value = percentEncode(randomBytes(dice, dice.between(1, 32), false));
        }
        QByteArray param;
        switch (dice.below(10)) {
        case 0:
            param = key; // no '='
            break;
        case 1:
            param = '=' + value;
            break;
        case 2:
            param = key + "==" + value;
            break;
        default:
            param = key + '=' + value;
        }
        // A parameter repeated many times (every repeated filter is honoured: ?type=a&type=b).
        int repeat = 1;
        if (dice.percent(10))
            repeat = int(dice.logSize(4000));
        if (r < 80 || r >= 90)
            parts.append(
                QString::fromLatin1(param.left(80)) + (repeat > 1 ? QStringLiteral(" x%1").arg(repeat) : QString()));
        for (int k = 0; k < repeat; ++k) {
            if (!query.isEmpty())
                query += dice.percent(95) ? "&" : dice.pick(QList<QByteArray> {"&&", ";", "&;&"});
            query += param;
        }
    }
    *what = QStringLiteral("query ") + parts.join(QLatin1Char('&'));
    return query;
}

} // namespace FuzzValues
