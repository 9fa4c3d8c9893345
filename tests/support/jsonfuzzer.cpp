#include "jsonfuzzer.h"

#include "fuzzdice.h"
#include "fuzzvalues.h"
#include "jsonedit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace FuzzValues;
using namespace JsonEdit;

namespace {

// The kinds of mutation. A case draws one, by weight, from the list for its route's kind of body.
enum class Family {
    Valid,
    Replace,
    NumberEdge,
    Remove,
    UnknownKey,
    DuplicateKey,
    DeepNesting,
    LongString,
    LongKey,
    InvalidUtf8,
    LoneSurrogate,
    Nul,
    Truncate,
    TrailingGarbage,
    TopLevel,
    Empty,
    ContentType,
    RandomBytes,
    Syntax,
    Wide,
    Boundary,
    Method,
    Authorization,
    Query,
    PathSegment,
    BodyOnGet,
    FormValue,
    FormSyntax,
};

struct Weighted
{
    Family family;
    int weight;
};

const QList<Weighted>& jsonFamilies()
{
    static const QList<Weighted> families {
        {Family::Valid, 3},
        {Family::Replace, 14},
        {Family::NumberEdge, 6},
        {Family::Remove, 3},
        {Family::UnknownKey, 4},
        {Family::DuplicateKey, 4},
        {Family::DeepNesting, 4},
        {Family::LongString, 5},
        {Family::LongKey, 1},
        {Family::InvalidUtf8, 4},
        {Family::LoneSurrogate, 3},
        {Family::Nul, 3},
        {Family::Truncate, 6},
        {Family::TrailingGarbage, 3},
        {Family::TopLevel, 3},
        {Family::Empty, 2},
        {Family::ContentType, 3},
        {Family::RandomBytes, 3},
        {Family::Syntax, 4},
        {Family::Wide, 2},
        {Family::Boundary, 1},
        {Family::Method, 1},
        {Family::Authorization, 1},
    };
    return families;
}

const QList<Weighted>& formFamilies()
{
    static const QList<Weighted> families {
        {Family::Valid, 2},
        {Family::FormValue, 8},
        {Family::FormSyntax, 5},
        {Family::InvalidUtf8, 2},
        {Family::Nul, 2},
        {Family::Truncate, 3},
        {Family::Empty, 1},
        {Family::ContentType, 3},
        {Family::RandomBytes, 2},
        {Family::Boundary, 1},
        {Family::Method, 1},
    };
    return families;
}

const QList<Weighted>& getFamilies()
{
    static const QList<Weighted> families {
        {Family::Valid, 2},
        {Family::Query, 10},
        {Family::PathSegment, 10},
        {Family::BodyOnGet, 1},
        {Family::Method, 1},
        {Family::Authorization, 1},
    };
    return families;
}

Family pickFamily(FuzzDice& dice, const QList<Weighted>& families)
{
    int total = 0;
    for (const Weighted& w : families)
        total += w.weight;
    int r = dice.below(total);
    for (const Weighted& w : families) {
        if (r < w.weight)
            return w.family;
        r -= w.weight;
    }
    return families.first().family;
}

} // namespace

JsonFuzzer::JsonFuzzer(quint32 seed)
    : m_seed(seed)
{ }

void JsonFuzzer::addRoute(const Route& route)
{
    m_routes.append(route);
    m_totalWeight += std::max(1, route.weight);
}

QString JsonFuzzer::printable(const QByteArray& bytes, int maxBytes)
{
    QString out;
    for (qsizetype i = 0; i < std::min<qsizetype>(bytes.size(), maxBytes); ++i) {
        const uchar c = uchar(bytes.at(i));
        if (c >= 0x20 && c < 0x7f && c != '\\')
            out += QLatin1Char(char(c));
        else if (c == '\\')
            out += QStringLiteral("\\\\");
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > maxBytes)
        out += QStringLiteral("…");
    return out;
}

QString JsonFuzzer::describe(const Case& c, int excerptBytes) const
{
    static const char* tokens[] = {"admin", "viewer", "none"};
    const Route& route = m_routes.at(c.route);
    // Concatenated, not QString::arg: the hostile texts contain "%1"-like sequences of their own.
    return QStringLiteral("seed ") + QString::number(c.seed) + QStringLiteral(" case ") + QString::number(c.number)
        + QStringLiteral(": ") + QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern
        + QStringLiteral(" | ") + QString::fromLatin1(c.method) + QLatin1Char(' ') + printable(c.target, 300)
        + QStringLiteral(" | token ") + QLatin1String(tokens[int(c.token)])
        + (c.authorization.isEmpty()
                ? QString()
                : QString(QStringLiteral(" (Authorization: ") + printable(c.authorization, 60) + QLatin1Char(')')))
        + QStringLiteral(" | Content-Type ")
        + (c.contentType.isEmpty() ? QStringLiteral("(none)") : printable(c.contentType, 80)) + QStringLiteral(" | ")
        + c.mutation + QStringLiteral(" | body ") + QString::number(c.body.size()) + QStringLiteral(" bytes: ")
        + printable(c.body, excerptBytes);
}

QList<JsonFuzzer::Case> JsonFuzzer::truncations(int routeIndex, Token token) const
{
    const Route& route = m_routes.at(routeIndex);
    QList<Case> out;
    const QByteArray valid = QByteArray(route.validBody).replace("@CASE@", "0");
    for (qsizetype at = 0; at < valid.size(); ++at) {
        Case c;
        c.seed = m_seed;
        c.route = routeIndex;
        c.method = route.method;
        c.target = route.paths.value(int(at % std::max<qsizetype>(1, route.paths.size()))).toLatin1()
            + (route.query.isEmpty() ? QByteArray() : '?' + route.query);
        c.token = token;
        c.contentType = route.body == Body::Form ? "application/x-www-form-urlencoded" : "application/json";
        c.body = valid.left(at);
        c.mutation = QStringLiteral("truncated at %1 of %2").arg(at).arg(valid.size());
        out.append(c);
    }
    return out;
}

JsonFuzzer::Case JsonFuzzer::generate(quint64 number) const
{
    const quint32 words[] = {m_seed, quint32(number), quint32(number >> 32), 0x6a09e667u};
    QRandomGenerator rng(words);
    FuzzDice dice(rng);

    Case c;
    c.seed = m_seed;
    c.number = number;
    int r = dice.below(m_totalWeight);
    for (c.route = 0; c.route < m_routes.size() - 1; ++c.route) {
        const int w = std::max(1, m_routes.at(c.route).weight);
        if (r < w)
            break;
        r -= w;
    }
    const Route& route = m_routes.at(c.route);
    c.method = route.method;
    // Mostly a token that gets past the role check to the body; the others end at 401 or 403 whatever the body.
    if (route.tokens.contains(Token::Admin) && dice.percent(70))
        c.token = Token::Admin;
    else
        c.token = route.tokens.isEmpty() ? Token::None : route.tokens.at(dice.below(int(route.tokens.size())));
    QByteArray path = route.paths.at(dice.below(int(route.paths.size()))).toLatin1();
    QByteArray query = route.query;
    const QByteArray valid = QByteArray(route.validBody).replace("@CASE@", QByteArray::number(number));
    switch (route.body) {
    case Body::Json:
        c.contentType = "application/json";
        break;
    case Body::Form:
        c.contentType = "application/x-www-form-urlencoded";
        break;
    case Body::None:
        break;
    }

    const QList<Weighted>& families = route.body == Body::Json ? jsonFamilies()
        : route.body == Body::Form                             ? formFamilies()
                                                               : getFamilies();
    const Family family = pickFamily(dice, families);

    QJsonValue root;
    if (route.body == Body::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(valid);
        root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    const Nodes nodes = collect(root);
    const qsizetype budget = kMaxBody - valid.size() - 64;
    const auto anyNode = [&](const QList<Path>& preferred) {
        if (!preferred.isEmpty() && dice.percent(80))
            return dice.pick(preferred);
        return nodes.all.isEmpty() ? Path() : dice.pick(nodes.all);
    };
    QString what;
    QByteArray body = valid;

    switch (family) {
    case Family::Valid:
        c.mutation = QStringLiteral("valid");
        break;
    case Family::Replace:
    case Family::NumberEdge: {
        Edit edit;
        edit.kind = Edit::Kind::Replace;
        edit.at = family == Family::NumberEdge ? anyNode(nodes.numbers) : anyNode({});
        if (family == Family::NumberEdge) {
            edit.value = dice.pick(numberEdges());
            what = QString::fromLatin1(edit.value);
        } else {
            edit.value = replacement(dice, budget, &what);
        }
        body = write(root, edit);
        c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), what);
        break;
    }
    case Family::Remove: {
        if (nodes.members.isEmpty()) {
            body = "{}";
            c.mutation = QStringLiteral("empty object");
            break;
        }
        Edit edit;
        edit.kind = Edit::Kind::Remove;
        edit.at = dice.pick(nodes.members);
        body = write(root, edit);
        c.mutation = QStringLiteral("without %1").arg(pathName(edit.at));
        break;
    }
    case Family::UnknownKey:
    case Family::LongKey: {
        Edit edit;
        edit.kind = Edit::Kind::AddKey;
        edit.at = nodes.containers.isEmpty() ? Path() : dice.pick(nodes.containers);
        if (family == Family::LongKey) {
            QString kind;
            edit.key = longString(dice, std::max<qsizetype>(2, dice.logSize(budget - 8)), &kind);
            what = QStringLiteral("a %1-byte key (%2)").arg(edit.key.size()).arg(kind);
        } else {
            edit.key = dice.pick(hostileKeys());
            what = printable(edit.key, 48);
        }
        QString value = QStringLiteral("1");
        edit.value = dice.percent(50) ? QByteArray("1") : replacement(dice, budget - edit.key.size(), &value);
        body = write(root, edit);
        c.mutation = QStringLiteral("unknown key %1 in %2 := %3").arg(what, pathName(edit.at), value);
        break;
    }
    case Family::DuplicateKey: {
        if (nodes.members.isEmpty()) {
            body = "{\"a\":1,\"a\":2}";
            c.mutation = QStringLiteral("duplicate key in a new object");
            break;
        }
        Edit edit;
        edit.kind = Edit::Kind::Duplicate;
        edit.at = dice.pick(nodes.members);
        edit.before = dice.percent(50);
        if (dice.percent(30)) {
            // The same member twice: a duplicate that is not wrong in itself.
            edit.value = write(valueAt(root, edit.at));
            what = QStringLiteral("the same value");
        } else {
            edit.value = replacement(dice, budget, &what);
        }
        body = write(root, edit);
        c.mutation = QStringLiteral("duplicate %1 (%2 copy %3)")
                         .arg(pathName(edit.at), edit.before ? QStringLiteral("first") : QStringLiteral("last"), what);
        break;
    }
    case Family::DeepNesting: {
        const bool closed = dice.percent(80);
        const qsizetype depth = nestingDepth(dice, budget);
        const QByteArray deep = nested(dice, depth, closed, &what);
        if (dice.percent(40) || nodes.all.isEmpty()) {
            body = deep;
            c.mutation = QStringLiteral("body is %1").arg(what);
        } else {
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = dice.pick(nodes.all);
            edit.value = deep;
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), what);
        }
        break;
    }
    case Family::LongString: {
        Edit edit;
        edit.kind = Edit::Kind::Replace;
        edit.at = anyNode(nodes.strings);
        // Mostly near the limit: "up to just under 1 MiB" is where buffers double and copies cost.
        const qsizetype size = dice.percent(60) ? budget - dice.between(0, 1024) : dice.logSize(budget);
        edit.value = longString(dice, std::max<qsizetype>(2, size), &what);
        body = write(root, edit);
        c.mutation
            = QStringLiteral("%1 := a %2-byte string (%3)").arg(pathName(edit.at)).arg(edit.value.size()).arg(what);
        break;
    }
    case Family::InvalidUtf8: {
        const QByteArray sequence = dice.pick(invalidUtf8());
        if (route.body == Body::Json && !nodes.strings.isEmpty() && dice.percent(60)) {
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = dice.pick(nodes.strings);
            edit.value = '"' + QByteArray("x").repeated(dice.below(3)) + sequence + '"';
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := string with %2").arg(pathName(edit.at), printable(sequence, 16));
        } else {
            qsizetype at = 0;
            body = inject(dice, valid, sequence, &at);
            c.mutation = QStringLiteral("%1 inserted at %2").arg(printable(sequence, 16)).arg(at);
        }
        break;
    }
    case Family::LoneSurrogate: {
        const QByteArray text = dice.pick(loneSurrogates());
        if (dice.percent(25) || nodes.containers.isEmpty()) {
            Edit edit;
            edit.kind = Edit::Kind::AddKey;
            edit.at = nodes.containers.isEmpty() ? Path() : dice.pick(nodes.containers);
            edit.key = text.endsWith('"') ? text : text + '"';
            edit.value = "1";
            body = write(root, edit);
            c.mutation = QStringLiteral("key %1 in %2").arg(printable(edit.key, 32), pathName(edit.at));
        } else {
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = anyNode(nodes.strings);
            edit.value = text;
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), printable(text, 32));
        }
        break;
    }
    case Family::Nul: {
        const int shape = dice.below(5);
        if (shape == 0 && route.body == Body::Json && !nodes.strings.isEmpty()) {
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = dice.pick(nodes.strings);
            edit.value = dice.percent(50) ? QByteArray("\"a\0b\"", 5) : QByteArray("\"a\\u0000b\"");
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := a string with a NUL").arg(pathName(edit.at));
        } else if (shape == 1) {
            body = QByteArray(1, '\0') + valid;
            c.mutation = QStringLiteral("NUL before the body");
        } else if (shape == 2) {
            body = valid + QByteArray(1, '\0');
            c.mutation = QStringLiteral("NUL after the body");
        } else if (shape == 3) {
            body = QByteArray(dice.between(1, 4096), '\0');
            c.mutation = QStringLiteral("only NUL bytes");
        } else {
            qsizetype at = 0;
            body = inject(dice, valid, QByteArray(1, '\0'), &at);
            c.mutation = QStringLiteral("NUL inserted at %1").arg(at);
        }
        break;
    }
    case Family::Truncate: {
        QByteArray whole = valid;
        if (route.body == Body::Json && dice.percent(30) && !nodes.all.isEmpty()) {
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = dice.pick(nodes.all);
            edit.value = replacement(dice, std::min<qsizetype>(budget, 4096), &what);
            whole = write(root, edit);
            what = QStringLiteral(" (%1 := %2)").arg(pathName(edit.at), what);
        }
        const qsizetype at = dice.between(0, std::max<qsizetype>(0, whole.size() - 1));
        body = whole.left(at);
        c.mutation = QStringLiteral("truncated at %1 of %2%3").arg(at).arg(whole.size()).arg(what);
        break;
    }
    case Family::TrailingGarbage: {
        static const QList<QByteArray> garbage {"x", "}", "]", "{}", "[]", QByteArray(1, '\0'), ",", ", 1", "\n{}",
            " // comment", "/* */", "\xff", "null", "\"", "\\", "\r\n\r\nGET / HTTP/1.1\r\n\r\n"};
        const QByteArray tail = dice.percent(80) ? dice.pick(garbage)
            : dice.percent(50)                   ? randomBytes(dice, dice.between(1, 64), false)
                                                 : valid;
        body = valid + tail;
        c.mutation = QStringLiteral("trailing %1").arg(printable(tail, 32));
        break;
    }
    case Family::TopLevel: {
        static const QList<QByteArray> scalars {"[]", "1", "-0", "1e308", "\"text\"", "null", "true", "false", "\"\"",
            "[null]", "[[]]", "{}", "0", "\"{}\""};
        const int shape = dice.below(4);
        if (shape == 0) {
            body = '[' + valid + ']';
            c.mutation = QStringLiteral("the valid body in an array");
        } else if (shape == 1) {
            body = quote(QString::fromUtf8(valid));
            c.mutation = QStringLiteral("the valid body as a JSON string");
        } else {
            body = dice.pick(scalars);
            c.mutation = QStringLiteral("top-level %1").arg(QString::fromLatin1(body));
        }
        break;
    }
    case Family::Empty: {
        static const QList<QByteArray> empties {"", " ", "\n", "\t\r\n ", "\r\n\r\n"};
        body = dice.pick(empties);
        c.mutation = QStringLiteral("empty body (%1)").arg(printable(body, 16));
        break;
    }
    case Family::ContentType: {
        c.contentType = dice.pick(contentTypes());
        if (dice.percent(20)) {
            body = route.body == Body::Form ? QByteArray("{\"grant_type\":\"api_token\"}") : QByteArray("safe=true");
            what = QStringLiteral(" and a body of the other kind");
        }
        c.mutation
            = QStringLiteral("Content-Type %1%2")
                  .arg(c.contentType.isEmpty() ? QStringLiteral("(none)") : QString::fromLatin1(c.contentType), what);
        break;
    }
    case Family::RandomBytes: {
        const bool printableOnly = dice.percent(30);
        body = randomBytes(dice, std::max<qsizetype>(1, dice.logSize(65536)), printableOnly);
        if (dice.percent(30))
            body[0] = '{';
        c.mutation = QStringLiteral("%1 random %2bytes")
                         .arg(body.size())
                         .arg(printableOnly ? QStringLiteral("printable ") : QString());
        break;
    }
    case Family::Syntax: {
        const int shape = dice.below(12);
        switch (shape) {
        case 0:
            body = QByteArray(valid).replace('"', '\'');
            c.mutation = QStringLiteral("single quotes");
            break;
        case 1:
            body = QString::fromUtf8(valid)
                       .replace(QRegularExpression(QStringLiteral("\"(\\w+)\":")), QStringLiteral("\\1:"))
                       .toUtf8();
            c.mutation = QStringLiteral("unquoted keys");
            break;
        case 2: {
            const qsizetype last = valid.lastIndexOf('}');
            body = last > 1 ? QByteArray(valid.left(last) + ",}") : QByteArray(valid + ',');
            c.mutation = QStringLiteral("trailing comma");
            break;
        }
        case 3:
            body = "/* comment */" + valid;
            c.mutation = QStringLiteral("a comment before the body");
            break;
        case 4:
            body = "\xEF\xBB\xBF" + valid;
            c.mutation = QStringLiteral("UTF-8 byte order mark");
            break;
        case 5: {
            const QString text = QString::fromUtf8(valid);
            const bool bigEndian = dice.percent(50);
            body = bigEndian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE");
            for (const QChar ch : text) {
                const ushort u = ch.unicode();
                body += char(bigEndian ? u >> 8 : u & 0xff);
                body += char(bigEndian ? u & 0xff : u >> 8);
            }
            c.mutation = bigEndian ? QStringLiteral("UTF-16BE with BOM") : QStringLiteral("UTF-16LE with BOM");
            break;
        }
        case 6: {
            static const QList<QByteArray> spaces {"\v", "\f", "\xc2\xa0", "\xe2\x80\x8b", "\xe3\x80\x80"};
            qsizetype at = 0;
            body = inject(dice, valid, dice.pick(spaces), &at);
            c.mutation = QStringLiteral("odd white space at %1").arg(at);
            break;
        }
        case 7: {
            static const QList<QByteArray> literals {"tru", "nul", "fals", "True", "NULL", "undefined", "None",
                "truefalse", "-", "\"unterminated", "'single'"};
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = anyNode({});
            edit.value = dice.pick(literals);
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), QString::fromLatin1(edit.value));
            break;
        }
        case 8: {
            // Keys whose first letter is a \u escape decode to the real names: valid, in an unusual spelling.
            body.clear();
            for (qsizetype i = 0; i < valid.size(); ++i) {
                const char ch = valid.at(i);
                // In compact JSON a key opens after '{' or ',' and its closing quote is followed by ':'.
                const bool keyStart = i >= 2 && valid.at(i - 1) == '"'
                    && (valid.at(i - 2) == '{' || valid.at(i - 2) == ',') && ch >= 'a' && ch <= 'z'
                    && valid.indexOf('"', i) == valid.indexOf("\":", i);
                if (keyStart)
                    body += "\\u00" + QByteArray::number(uchar(ch), 16);
                else
                    body += ch;
            }
            c.mutation = QStringLiteral("keys spelled with \\u escapes");
            break;
        }
        case 9:
            body = "{" + valid + "}";
            c.mutation = QStringLiteral("braces doubled");
            break;
        case 10:
            body = QByteArray(valid).replace(':', '=');
            c.mutation = QStringLiteral("'=' for ':'");
            break;
        default: {
            // Raw control characters and new lines inside a string, which JSON forbids.
            Edit edit;
            edit.kind = Edit::Kind::Replace;
            edit.at = anyNode(nodes.strings);
            edit.value = dice.pick(QList<QByteArray> {"\"a\tb\"", "\"a\nb\"", "\"a\rb\"", "\"\x1b[31m\"", "\"\x7f\""});
            body = write(root, edit);
            c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), printable(edit.value, 16));
            break;
        }
        }
        break;
    }
    case Family::Wide: {
        Edit edit;
        edit.kind = Edit::Kind::Replace;
        edit.at = anyNode({});
        edit.value = wide(dice, budget, &what);
        body = write(root, edit);
        c.mutation = QStringLiteral("%1 := %2").arg(pathName(edit.at), what);
        break;
    }
    case Family::Boundary: {
        // Exactly at the limit (accepted) or one byte over it (413).
        const bool over = dice.percent(50);
        const qsizetype size = kMaxBody + (over ? 1 : 0);
        body = valid + QByteArray(std::max<qsizetype>(0, size - valid.size()), ' ');
        c.mutation = QStringLiteral("valid body padded with spaces to %1 bytes").arg(body.size());
        break;
    }
    case Family::Method: {
        // Methods no route has: a swap to another route's method could do real work on the same path.
        c.method = dice.pick(QList<QByteArray> {"PUT", "OPTIONS", "TRACE"});
        c.mutation = QStringLiteral("method %1").arg(QString::fromLatin1(c.method));
        break;
    }
    case Family::Authorization: {
        static const QList<QByteArray> values {"Bearer", "Bearer ", "Bearer  ", "Bearer x", "bearer x", "Basic x",
            "Basic dGlkZW1hcms6", "Token abc", "Bearer \t", "Bearer %00", "Bearer null", "Bearer undefined",
            "Bearer tm_0000000000000000000000000000"};
        c.authorization = dice.percent(85) ? dice.pick(values) : "Bearer " + QByteArray(dice.logSize(8192), 'A');
        c.mutation = QStringLiteral("Authorization %1").arg(printable(c.authorization, 40));
        break;
    }
    case Family::Query:
        query = hostileQuery(dice, route.queryKeys, &what);
        c.mutation = what;
        break;
    case Family::PathSegment: {
        QList<QByteArray> segments = path.split('/');
        const QStringList pattern = route.pattern.split(QLatin1Char('/'));
        QList<int> parameters;
        for (int i = 1; i < pattern.size(); ++i) {
            if (pattern.at(i).startsWith(QLatin1Char('{')))
                parameters.append(i);
        }
        QByteArray segment;
        const int r2 = dice.below(100);
        if (r2 < 70) {
            segment = dice.pick(pathSegments());
            what = QString::fromLatin1(segment);
        } else if (r2 < 85) {
            const qsizetype size = dice.pick(QList<qsizetype> {64, 255, 256, 4096, 16384, 65536});
            segment = dice.percent(70) ? QByteArray(size, 'a') : QByteArray("%41").repeated(size / 3);
            what = QStringLiteral("a %1-byte id").arg(segment.size());
        } else if (r2 < 93) {
            static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
            for (int i = 0; i < 26; ++i)
                segment += alphabet[dice.below(32)];
            what = QStringLiteral("an unknown id ") + QString::fromLatin1(segment);
        } else {
            segment = percentEncode(randomBytes(dice, dice.between(1, 48), false));
            what = QString::fromLatin1(segment.left(60));
        }
        const int op = dice.below(10);
        if (op < 7 && segments.size() > 1) {
            const int at = !parameters.isEmpty() && dice.percent(75) ? parameters.at(dice.below(int(parameters.size())))
                                                                     : 1 + dice.below(int(segments.size() - 1));
            if (at < segments.size())
                segments[at] = segment;
            path = segments.join('/');
            c.mutation = QStringLiteral("segment %1 := %2").arg(at).arg(what);
        } else if (op < 8) {
            path += '/' + segment;
            c.mutation = QStringLiteral("extra segment %1").arg(what);
        } else if (op < 9) {
            static const QList<QByteArray> shapes {"/", "//", "/./", "/../"};
            const QByteArray shape = dice.pick(shapes);
            const qsizetype at = dice.percent(50) ? path.size() : path.indexOf('/', 1);
            path = path.left(std::max<qsizetype>(0, at)) + shape + path.mid(std::max<qsizetype>(0, at) + 1);
            c.mutation = QStringLiteral("path with %1").arg(QString::fromLatin1(shape));
        } else {
            path = "http://localhost" + path;
            c.mutation = QStringLiteral("absolute-form target");
        }
        if (dice.percent(15) && !route.queryKeys.isEmpty()) {
            query = hostileQuery(dice, route.queryKeys, &what);
            c.mutation += QStringLiteral(", ") + what;
        }
        break;
    }
    case Family::BodyOnGet: {
        body = dice.percent(50) ? randomJson(dice, 3) : randomBytes(dice, dice.logSize(4096), false);
        c.contentType = dice.pick(contentTypes());
        c.mutation = QStringLiteral("a body on GET");
        break;
    }
    case Family::FormValue: {
        // One of the form's values (or its grant type) is hostile; sometimes a parameter repeats.
        const qsizetype formBudget = kMaxBody - 64;
        const bool grant = dice.percent(40);
        const QByteArray value = formValue(dice, formBudget, &what);
        const QList<QByteArray> pairs = valid.split('&');
        QList<QByteArray> out;
        for (const QByteArray& pair : pairs) {
            const bool isGrant = pair.startsWith("grant_type=");
            if (isGrant == grant)
                out.append(pair.left(pair.indexOf('=') + 1) + value);
            else
                out.append(pair);
        }
        if (dice.percent(20))
            out.insert(dice.below(int(out.size()) + 1), out.at(dice.below(int(out.size()))));
        body = out.join('&');
        c.mutation = QStringLiteral("%1 := %2")
                         .arg(grant ? QStringLiteral("grant_type") : QStringLiteral("api_token"), what.left(80));
        break;
    }
    case Family::FormSyntax: {
        static const QList<QByteArray> shapes {"&&&", "=", "grant_type", "=api_token",
            "grant_type=api_token;api_token=x", "grant_type=api_token&api_token",
            "grant_type=api_token&api_token=", "grant_type=api%5Ftoken&api_token=x",
            "grant_type=api_token&&api_token=%", "%%%", "grant_type=api_token&api_token=%zz", "+=+", "&=&=&",
            "grant_type[]=api_token", "GRANT_TYPE=api_token"};
        body = dice.percent(70) ? dice.pick(shapes) : valid + dice.pick(shapes);
        c.mutation = QStringLiteral("form %1").arg(printable(body, 60));
        break;
    }
    }

    c.body = body;
    c.target = path + (query.isEmpty() ? QByteArray() : '?' + query);
    // A body route's query is fuzzed too, now and then, when it reads one (dry_run).
    if (route.body != Body::None && !route.queryKeys.isEmpty() && family != Family::Query && dice.percent(30)) {
        c.target = path + '?' + hostileQuery(dice, route.queryKeys, &what);
        c.mutation += QStringLiteral(", ") + what;
    }
    return c;
}
