#include "domain/jsondocument.h"
#include "domain/timestamp.h"
#include "retention/backuparrayreader.h"
#include "retention/previewreport.h"

#include <cstring>
#include <QBuffer>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

// BackupArrayReader (the --backups file of retention:preview, read without a QJsonDocument of the whole file) against
// the path it replaces, JsonDocument::parse + PreviewReport::decodeBackups: the same backups or the very same problems
// on edge and malformed input, and the scanner really decodes the plain elements itself.
class TestBackupArrayReader : public QObject
{
    Q_OBJECT

private slots:
    void sameAsWholeDocument_data();
    void sameAsWholeDocument();
    void problemsStayClear();
    void acrossChunkBoundaries();
    void elementLargerThanAChunk();
    void sequentialDevice();
    void timestampsParseAsBefore();
};

namespace {

// How the reader is expected to get there.
enum class Route { Scanned, ViaQt, WholeDocument };

Decoded<QList<RetentionBackup>> oldPath(const QByteArray& text)
{
    const auto json = JsonDocument::parse(text);
    if (!json.ok())
        return Decoded<QList<RetentionBackup>>::failure(json.problems);
    return PreviewReport::decodeBackups(*json.value);
}

Decoded<QList<RetentionBackup>> newPath(const QByteArray& text, BackupArrayReader::Stats* stats = nullptr)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    BackupArrayReader reader(buffer);
    const auto result = reader.read();
    if (stats)
        *stats = reader.stats();
    return result;
}

QString describe(const Decoded<QList<RetentionBackup>>& d)
{
    if (!d.ok())
        return QStringLiteral("problems: ") + problemStrings(d.problems).join(QLatin1String(" | "));
    QStringList items;
    for (const RetentionBackup& b : *d.value) {
        items.append(QStringLiteral("%1@%2%3%4")
                         .arg(b.id)
                         .arg(b.createdAtMs)
                         .arg(b.automated ? QStringLiteral("/auto") : QString())
                         .arg(b.isProtected ? QStringLiteral("/protected") : QString()));
    }
    return QStringLiteral("%1 backups: ").arg(items.size()) + items.join(QLatin1String(", "));
}

// The implementation before the fast parser (QDate, QTime, QDateTime): the oracle for Timestamp::parseMsecs.
std::optional<qint64> referenceParse(QStringView s)
{
    const auto digits = [&](qsizetype from, qsizetype n, int& out) {
        if (from + n > s.size())
            return false;
        int v = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            const QChar c = s.at(i);
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
            v = v * 10 + (c.unicode() - '0');
        }
        out = v;
        return true;
    };
    int year, month, day, hour, minute, second;
    if (!digits(0, 4, year) || s.size() < 20 || s.at(4) != QLatin1Char('-') || !digits(5, 2, month)
        || s.at(7) != QLatin1Char('-') || !digits(8, 2, day))
        return std::nullopt;
    const QChar t = s.at(10);
    if (t != QLatin1Char('T') && t != QLatin1Char('t') && t != QLatin1Char(' '))
        return std::nullopt;
    if (!digits(11, 2, hour) || s.at(13) != QLatin1Char(':') || !digits(14, 2, minute) || s.at(16) != QLatin1Char(':')
        || !digits(17, 2, second))
        return std::nullopt;
    qsizetype pos = 19;
    int msec = 0;
    if (pos < s.size() && s.at(pos) == QLatin1Char('.')) {
        ++pos;
        const qsizetype start = pos;
        int scale = 100;
        while (pos < s.size() && s.at(pos).isDigit() && s.at(pos).unicode() < 128) {
            msec += (s.at(pos).unicode() - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos >= s.size())
        return std::nullopt;
    int offsetSeconds = 0;
    const QChar z = s.at(pos);
    if (z == QLatin1Char('Z') || z == QLatin1Char('z')) {
        ++pos;
    } else if (z == QLatin1Char('+') || z == QLatin1Char('-')) {
        int oh, om;
        if (!digits(pos + 1, 2, oh) || pos + 3 >= s.size() || s.at(pos + 3) != QLatin1Char(':')
            || !digits(pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (z == QLatin1Char('-') ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    if (second == 60) {
        second = 59;
        msec = 999;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() - qint64(offsetSeconds) * 1000;
}

QByteArray backup(const QByteArray& id, const QByteArray& createdAt, bool automated = true, const QByteArray& more = {})
{
    return QByteArray("{\"id\": \"") + id + "\", \"created_at\": \"" + createdAt
        + "\", \"automated\": " + (automated ? "true" : "false") + more + "}";
}

} // namespace

void TestBackupArrayReader::sameAsWholeDocument_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("route");
    const auto row
        = [](const char* name, const QByteArray& text, Route route) { QTest::newRow(name) << text << int(route); };
    const QByteArray a = backup("a1", "2026-11-26T04:00:00Z");
    const QByteArray m = backup("m1", "2026-10-01T10:15:00+02:00", false);

    // Valid input the scanner decodes by itself.
    row("two backups", "[" + a + ",\n " + m + "]", Route::Scanned);
    row("empty array", "[]", Route::Scanned);
    row("empty array with space", " \r\n\t[ \n ] \n", Route::Scanned);
    row("byte order mark", "\xEF\xBB\xBF[" + a + "]", Route::Scanned);
    row("fractional seconds", "[" + backup("a", "2026-11-20T15:30:00.250Z") + "]", Route::Scanned);
    row("many fractional digits", "[" + backup("a", "2026-11-20T15:30:00.123456789Z") + "]", Route::Scanned);
    row("negative offset", "[" + backup("a", "2026-01-01T00:30:00-05:30") + "]", Route::Scanned);
    row("offset crosses a year", "[" + backup("a", "0001-01-01T00:30:00+01:00") + "]", Route::Scanned);
    row("leap second", "[" + backup("a", "2016-12-31T23:59:60Z") + "]", Route::Scanned);
    row("lower-case t and z", "[" + backup("a", "2026-11-20t15:30:00z") + "]", Route::Scanned);
    row("space separator", "[" + backup("a", "2026-11-20 15:30:00Z") + "]", Route::Scanned);
    row("29 February", "[" + backup("a", "2024-02-29T00:00:00Z") + "]", Route::Scanned);
    row("protected",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": {\"protected\": \"true\"}") + "]",
        Route::Scanned);
    row("not protected",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": {\"protected\": \"false\"}") + "]",
        Route::Scanned);
    row("attributes null", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": null") + "]",
        Route::Scanned);
    row("other attributes",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": {\"pause_ms\": 12, \"x\": []}") + "]",
        Route::Scanned);
    row("every other field",
        "["
            + backup("a", "2026-11-20T00:00:00Z", true,
                ", \"updated_at\": \"2026-11-20T00:01:00Z\", \"index\": 0, \"size_used\": -0.5, \"n\": 123456789012345,"
                " \"d\": null, \"b\": false, \"_links\": {\"self\": {\"href\": \"/b/a\"}}, \"deep\": [[[{\"k\": [1, "
                "2.25]}]]],"
                " \"ctl\": \"\x01\x1f\"")
            + "]",
        Route::Scanned);
    row("fields in any order",
        R"([{"automated": false, "attributes": {}, "created_at": "2026-11-20T00:00:00Z", "id": "x"}])", Route::Scanned);

    // Valid or semantically wrong input that Qt and PreviewReport decode element by element.
    row("escaped id", "[" + backup("a\\u00e9\\n\\\"", "2026-11-20T00:00:00Z") + "]", Route::ViaQt);
    row("non-ASCII id",
        "[" + backup("b\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80 \xEF\xBF\xBF", "2026-11-20T00:00:00Z") + "]",
        Route::Scanned);
    row("escaped key", R"([{"i\u0064": "a", "created_at": "2026-11-20T00:00:00Z", "automated": true}])", Route::ViaQt);
    row("escaped key that is another field",
        R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": true, "cr\u0065ated_at": 5}])",
        Route::ViaQt);
    row("duplicate key, last wins",
        R"([{"id": "a", "created_at": "x", "automated": true, "created_at": "2026-11-20T00:00:00Z"}])", Route::ViaQt);
    row("duplicate key, last is wrong",
        R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": true, "automated": 1}])", Route::ViaQt);
    row("duplicate protected",
        R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": true,
            "attributes": {"protected": "false", "protected": "true"}}])",
        Route::ViaQt);
    row("non-ASCII elsewhere",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"note\": \"caf\xC3\xA9 \xE2\x80\x93\", \"\xC3\xA9\": 1")
            + "]",
        Route::Scanned);
    row("non-ASCII created_at", "[" + backup("a", "2026-11-20T00:00:00\xC3\xA9") + "]", Route::ViaQt);
    row("non-ASCII protected",
        "["
            + backup("a", "2026-11-20T00:00:00Z", true,
                ", \"attributes\": {\"protected\": \"tr\xC3\xBC"
                "e\"}")
            + "]",
        Route::ViaQt);
    row("exponent elsewhere", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": 1e300, \"k\": 2E-3") + "]",
        Route::ViaQt);
    row("long integer elsewhere",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": 123456789012345678901234") + "]", Route::ViaQt);
    row("bare decimal point elsewhere", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": 1.") + "]",
        Route::ViaQt);
    row("missing id", R"([{"created_at": "2026-11-20T00:00:00Z", "automated": true}])", Route::ViaQt);
    row("missing created_at", R"([{"id": "a", "automated": true}])", Route::ViaQt);
    row("missing automated", R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z"}])", Route::ViaQt);
    row("missing everything", "[{}]", Route::ViaQt);
    row("id is a number", R"([{"id": 5, "created_at": "2026-11-20T00:00:00Z", "automated": true}])", Route::ViaQt);
    row("id is null", R"([{"id": null, "created_at": "2026-11-20T00:00:00Z", "automated": true}])", Route::ViaQt);
    row("id is empty", "[" + backup("", "2026-11-20T00:00:00Z") + "]", Route::ViaQt);
    row("duplicate id", "[" + a + "," + backup("a1", "2026-11-20T00:00:00Z") + "," + a + "]", Route::ViaQt);
    row("created_at is a number", R"([{"id": "a", "created_at": 1764129600, "automated": true}])", Route::ViaQt);
    row("created_at has no offset", "[" + backup("a", "2026-11-20T00:00:00") + "]", Route::ViaQt);
    row("created_at 30 February", "[" + backup("a", "2026-02-30T04:00:00Z") + "]", Route::ViaQt);
    row("created_at 29 February 2100", "[" + backup("a", "2100-02-29T04:00:00Z") + "]", Route::ViaQt);
    row("created_at year 0", "[" + backup("a", "0000-06-01T04:00:00Z") + "]", Route::ViaQt);
    row("created_at hour 24", "[" + backup("a", "2026-02-03T24:00:00Z") + "]", Route::ViaQt);
    row("created_at second 61", "[" + backup("a", "2026-02-03T23:59:61Z") + "]", Route::ViaQt);
    row("created_at offset +24:00", "[" + backup("a", "2026-02-03T04:00:00+24:00") + "]", Route::ViaQt);
    row("created_at empty fraction", "[" + backup("a", "2026-02-03T04:00:00.Z") + "]", Route::ViaQt);
    row("created_at trailing text", "[" + backup("a", "2026-02-03T04:00:00Zx") + "]", Route::ViaQt);
    row("created_at a long string", "[" + backup("a", QByteArray(300, '9').constData()) + "]", Route::ViaQt);
    row("automated is a string", R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": "true"}])",
        Route::ViaQt);
    row("automated is 1", R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": 1}])", Route::ViaQt);
    row("attributes is an array", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": []") + "]",
        Route::ViaQt);
    row("attributes is a string", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": \"p\"") + "]",
        Route::ViaQt);
    row("protected is a boolean",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": {\"protected\": true}") + "]", Route::ViaQt);
    row("protected is yes",
        "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"attributes\": {\"protected\": \"yes\"}") + "]",
        Route::ViaQt);
    row("element is a number", "[1, " + a + "]", Route::ViaQt);
    row("element is a string", "[\"a1\"]", Route::ViaQt);
    row("element is null", "[null]", Route::ViaQt);
    row("element is an array", "[[" + a + "]]", Route::ViaQt);
    row("problems in several elements", "[{}, " + a + ", {\"id\": 1}, " + backup("b", "yesterday") + "]", Route::ViaQt);

    // Not JSON, or not an array: the whole document goes the old way for its message.
    row("empty file", "", Route::WholeDocument);
    row("only white space", " \n\t ", Route::WholeDocument);
    row("an object", "{\"backups\": [" + a + "]}", Route::WholeDocument);
    row("a string", "\"a\"", Route::WholeDocument);
    row("trailing comma", "[" + a + ",]", Route::WholeDocument);
    row("trailing comma in an element", R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": true,}])",
        Route::WholeDocument);
    row("missing comma", "[" + a + " " + m + "]", Route::WholeDocument);
    row("missing colon", R"([{"id" "a"}])", Route::WholeDocument);
    row("unterminated array", "[" + a, Route::WholeDocument);
    row("unterminated array after a comma", "[" + a + ",", Route::WholeDocument);
    row("unterminated string", "[{\"id\": \"a", Route::WholeDocument);
    row("garbage after the array", "[" + a + "] x", Route::WholeDocument);
    row("NUL after the array", QByteArray("[]\0", 3), Route::WholeDocument);
    row("second array", "[][]", Route::WholeDocument);
    row("number too large for a double", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": 1e400") + "]",
        Route::WholeDocument);
    row("leading zero", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": 01") + "]", Route::WholeDocument);
    row("bare minus", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": -") + "]", Route::WholeDocument);
    row("misspelt literal", R"([{"id": "a", "created_at": "2026-11-20T00:00:00Z", "automated": tru}])",
        Route::WholeDocument);
    row("literal cut short", "[tru", Route::WholeDocument);
    row("number at the end", "[1", Route::WholeDocument);
    row("single quotes", "[{'id': 'a'}]", Route::WholeDocument);
    row("invalid UTF-8", "[" + backup("a\xC3(", "2026-11-20T00:00:00Z") + "]", Route::WholeDocument);
    row("overlong UTF-8", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": \"\xC0\xAF\"") + "]",
        Route::WholeDocument);
    row("UTF-8 surrogate", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": \"\xED\xA0\x80\"") + "]",
        Route::WholeDocument);
    row("UTF-8 beyond U+10FFFF", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": \"\xF4\x90\x80\x80\"") + "]",
        Route::WholeDocument);
    row("UTF-8 cut short", "[" + backup("a", "2026-11-20T00:00:00Z", true, ", \"n\": \"\xE2\x80\"") + "]",
        Route::WholeDocument);
    row("lone continuation byte", "[" + backup("a\x80", "2026-11-20T00:00:00Z") + "]", Route::WholeDocument);
    row("invalid escape", "[" + backup("a\\u12", "2026-11-20T00:00:00Z") + "]", Route::WholeDocument);
    row("deep nesting within Qt's limit", "[" + QByteArray(100, '[') + QByteArray(100, ']') + "]",
        Route::WholeDocument);
    row("deep nesting beyond Qt's limit", "[" + QByteArray(5000, '[') + QByteArray(5000, ']') + "]",
        Route::WholeDocument);
}

void TestBackupArrayReader::sameAsWholeDocument()
{
    QFETCH(QByteArray, text);
    QFETCH(int, route);

    const auto expected = oldPath(text);
    BackupArrayReader::Stats stats;
    const auto actual = newPath(text, &stats);
    QCOMPARE(describe(actual), describe(expected));
    QCOMPARE(actual.ok(), expected.ok());
    QCOMPARE(actual.problems, expected.problems);
    if (expected.ok()) {
        QCOMPARE(actual.value->size(), expected.value->size());
        for (qsizetype i = 0; i < expected.value->size(); ++i) {
            QCOMPARE(actual.value->at(i).id, expected.value->at(i).id);
            QCOMPARE(actual.value->at(i).createdAtMs, expected.value->at(i).createdAtMs);
            QCOMPARE(actual.value->at(i).automated, expected.value->at(i).automated);
            QCOMPARE(actual.value->at(i).isProtected, expected.value->at(i).isProtected);
        }
    }

    switch (Route(route)) {
    case Route::Scanned:
        QVERIFY(!stats.wholeDocument);
        QCOMPARE(stats.viaQt, qsizetype(0));
        QCOMPARE(stats.scanned, expected.value->size());
        break;
    case Route::ViaQt:
        QVERIFY(!stats.wholeDocument);
        QVERIFY(stats.viaQt > 0);
        break;
    case Route::WholeDocument:
        QVERIFY(stats.wholeDocument);
        break;
    }
}

void TestBackupArrayReader::problemsStayClear()
{
    // A person finds the place: the element and field, or the line and column of a syntax error.
    const auto bad = newPath("[" + backup("a", "2026-11-26T04:00:00Z") + ",\n" + backup("b", "2026-02-30T04:00:00Z")
        + ",\n {\"id\": \"c\", \"created_at\": \"2026-11-26T04:00:00Z\"}]");
    QVERIFY(!bad.ok());
    QCOMPARE(problemStrings(bad.problems),
        QStringList({QStringLiteral("[1].created_at: '2026-02-30T04:00:00Z' is not an RFC 3339 date-time (like "
                                    "2026-11-26T04:00:00Z)"),
            QStringLiteral("[2].automated: is required")}));

    const auto malformed = newPath("[\n" + backup("a", "2026-11-26T04:00:00Z") + ",\n  ]\n");
    QVERIFY(!malformed.ok());
    QCOMPARE(malformed.problems.size(), 1);
    QVERIFY2(malformed.problems.first().message.contains(QLatin1String("line 3, column 4")),
        qPrintable(malformed.problems.first().message));
}

void TestBackupArrayReader::acrossChunkBoundaries()
{
    // Several mebibytes with elements of every kind, so that elements, strings, numbers and literals are cut by
    // the reader's 1 MiB chunks at every possible place.
    QRandomGenerator rng(17);
    QByteArray text = "[";
    int n = 0;
    while (text.size() < 5 * 1024 * 1024) {
        if (n > 0)
            text += ",\n";
        const QByteArray id = "b" + QByteArray::number(n);
        const QByteArray padding(int(rng.bounded(400)), 'x');
        switch (rng.bounded(20)) {
        case 0:
            text += backup(id + "\\u00e9", "2026-11-20T00:00:00.5+01:00");
            break;
        case 1:
            text
                += backup(id.constData(), "2026-11-20T00:00:00Z", false, ", \"attributes\": {\"protected\": \"true\"}");
            break;
        default:
            text += backup(id.constData(),
                QDateTime::fromMSecsSinceEpoch(qint64(rng.bounded(2000000000)) * 1000, Qt::UTC)
                    .toString(Qt::ISODate)
                    .toLatin1()
                    .constData(),
                rng.bounded(2) == 0, ", \"pad\": \"" + padding + "\", \"n\": [1.5, -20, true, null]");
            break;
        }
        ++n;
    }
    text += "\n]\n";
    const auto expected = oldPath(text);
    QVERIFY(expected.ok());
    BackupArrayReader::Stats stats;
    const auto actual = newPath(text, &stats);
    QVERIFY(actual.ok());
    QCOMPARE(describe(actual), describe(expected));
    QVERIFY(!stats.wholeDocument);
    QVERIFY(stats.scanned > n / 2);
    QCOMPARE(stats.scanned + stats.viaQt, qsizetype(n));

    // The same with a syntax error near the end: the old path's message, line and column.
    QByteArray broken = text;
    broken.chop(3);
    broken += ",]";
    const auto brokenExpected = oldPath(broken);
    QVERIFY(!brokenExpected.ok());
    QCOMPARE(newPath(broken).problems, brokenExpected.problems);
}

void TestBackupArrayReader::elementLargerThanAChunk()
{
    const QByteArray note(3 * 1024 * 1024, 'n');
    const QByteArray text = "[" + backup("big", "2026-11-20T00:00:00Z", true, ", \"note\": \"" + note + "\"") + ","
        + backup("small", "2026-11-21T00:00:00Z") + "]";
    BackupArrayReader::Stats stats;
    const auto actual = newPath(text, &stats);
    QCOMPARE(describe(actual), describe(oldPath(text)));
    QCOMPARE(stats.scanned, qsizetype(2));
}

void TestBackupArrayReader::sequentialDevice()
{
    // A pipe cannot be read twice; the reader takes all of it first and still reports like the old path.
    class Pipe : public QIODevice
    {
    public:
        explicit Pipe(const QByteArray& data)
            : m_data(data)
        {
            open(QIODevice::ReadOnly);
        }
        bool isSequential() const override { return true; }
        qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

    protected:
        qint64 readData(char* data, qint64 maxSize) override
        {
            const qint64 n = std::min(maxSize, m_data.size() - m_offset);
            std::memcpy(data, m_data.constData() + m_offset, size_t(n));
            m_offset += n;
            return n;
        }
        qint64 writeData(const char*, qint64) override { return -1; }

    private:
        QByteArray m_data;
        qint64 m_offset = 0;
    };
    for (const QByteArray& text : {QByteArray("[" + backup("a", "2026-11-20T00:00:00Z") + "]"),
             QByteArray("[" + backup("a", "x") + "]"), QByteArray("[,]")}) {
        Pipe pipe(text);
        BackupArrayReader reader(pipe);
        QCOMPARE(describe(reader.read()), describe(oldPath(text)));
    }
}

void TestBackupArrayReader::timestampsParseAsBefore()
{
    // Random variations of valid and almost valid times against the QDateTime-based implementation.
    QRandomGenerator rng(2026);
    const QList<QList<QByteArray>> choices = {
        {"0000", "0001", "1969", "1970", "2000", "2024", "2100", "9999"},
        {"-"},
        {"01", "02", "12", "13", "00"},
        {"-"},
        {"00", "01", "28", "29", "30", "31"},
        {"T", "t", " ", "x"},
        {"00", "12", "23", "24"},
        {":"},
        {"00", "30", "59", "60"},
        {":"},
        {"00", "59", "60", "61"},
        {"", "", ".", ".5", ".123456"},
        {"Z", "z", "+00:00", "-23:59", "+24:00", "+05:3", "+05:30", ""},
    };
    const QList<QByteArray> anything = {"", "-", ":", "1", "99", "+", "T", "\xC3\xA9", "Z", "2026-11-26"};
    const auto text
        = [](const std::optional<qint64>& ms) { return ms ? QString::number(*ms) : QStringLiteral("invalid"); };
    int valid = 0;
    for (int i = 0; i < 200000; ++i) {
        // The fixed shape with a random choice in each slot, now and then replaced by anything.
        QByteArray bytes;
        for (const QList<QByteArray>& slot : choices) {
            bytes += rng.bounded(50) == 0 ? anything.at(rng.bounded(int(anything.size())))
                                          : slot.at(rng.bounded(int(slot.size())));
        }
        const QString string = QString::fromUtf8(bytes);
        const auto expected = referenceParse(string);
        QCOMPARE(text(Timestamp::parseMsecs(string)), text(expected));
        if (!bytes.contains('\xC3'))
            QCOMPARE(text(Timestamp::parseMsecs(QLatin1String(bytes))), text(expected));
        valid += expected.has_value();
    }
    QVERIFY(valid > 1000); // the variations reach the valid cases too
}

QTEST_GUILESS_MAIN(TestBackupArrayReader)
#include "tst_backuparrayreader.moc"
