#include "domain/timestamp.h"

#include <QTest>

// RFC 3339 parsing and the one output format of the API.
class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidTimes_data();
    void parsesValidTimes();
    void rejectsInvalidTimes_data();
    void rejectsInvalidTimes();
    void parseGivesUtcDateTime();
    void formatsUtcWithoutFraction_data();
    void formatsUtcWithoutFraction();
    void formatConvertsOffsetsToUtc();
    void floorDivRoundsDown();
};

namespace {
// 2026-11-26T04:00:00Z
constexpr qint64 kBase = 1795665600000;
} // namespace

void TestTimestamp::parsesValidTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs");

    QTest::newRow("Z") << QStringLiteral("2026-11-26T04:00:00Z") << kBase;
    QTest::newRow("+02:00") << QStringLiteral("2026-11-26T06:00:00+02:00") << kBase;
    QTest::newRow("-05:30") << QStringLiteral("2026-11-25T22:30:00-05:30") << kBase;
    QTest::newRow("+00:00") << QStringLiteral("2026-11-26T04:00:00+00:00") << kBase;
    QTest::newRow("-00:00") << QStringLiteral("2026-11-26T04:00:00-00:00") << kBase;
    QTest::newRow("lowercase t and z") << QStringLiteral("2026-11-26t04:00:00z") << kBase;
    QTest::newRow("offset crosses the year") << QStringLiteral("2027-01-01T01:30:00+02:00") << qint64(1798759800000);
    QTest::newRow("1 fractional digit") << QStringLiteral("2026-11-26T04:00:00.5Z") << kBase + 500;
    QTest::newRow("2 fractional digits") << QStringLiteral("2026-11-26T04:00:00.25Z") << kBase + 250;
    QTest::newRow("3 fractional digits") << QStringLiteral("2026-11-26T04:00:00.123Z") << kBase + 123;
    QTest::newRow("4 fractional digits") << QStringLiteral("2026-11-26T04:00:00.1239Z") << kBase + 123;
    QTest::newRow("6 fractional digits") << QStringLiteral("2026-11-26T04:00:00.654321Z") << kBase + 654;
    QTest::newRow("9 fractional digits") << QStringLiteral("2026-11-26T04:00:00.999999999Z") << kBase + 999;
    QTest::newRow("fraction and offset") << QStringLiteral("2026-11-26T05:00:00.042+01:00") << kBase + 42;
    QTest::newRow("leap day 2024") << QStringLiteral("2024-02-29T00:00:00Z") << qint64(1709164800000);
    QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
    QTest::newRow("before epoch") << QStringLiteral("1969-12-31T23:59:59Z") << qint64(-1000);
    QTest::newRow("end of day") << QStringLiteral("2026-11-26T23:59:59Z") << kBase + (19 * 3600 + 59 * 60 + 59) * 1000;
}

void TestTimestamp::parsesValidTimes()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const std::optional<qint64> parsed = Timestamp::parseMsecs(text);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QCOMPARE(*parsed, msecs);
}

void TestTimestamp::rejectsInvalidTimes_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("yesterday at noon");
    QTest::newRow("date only") << QStringLiteral("2026-11-26");
    QTest::newRow("missing offset") << QStringLiteral("2026-11-26T04:00:00");
    QTest::newRow("missing offset after fraction") << QStringLiteral("2026-11-26T04:00:00.123");
    QTest::newRow("offset without colon") << QStringLiteral("2026-11-26T04:00:00+0200");
    QTest::newRow("short offset") << QStringLiteral("2026-11-26T04:00:00+02");
    QTest::newRow("offset hour 24") << QStringLiteral("2026-11-26T04:00:00+24:00");
    QTest::newRow("offset minute 60") << QStringLiteral("2026-11-26T04:00:00+01:60");
    QTest::newRow("dot without digits") << QStringLiteral("2026-11-26T04:00:00.Z");
    QTest::newRow("comma fraction") << QStringLiteral("2026-11-26T04:00:00,5Z");
    QTest::newRow("February 30") << QStringLiteral("2026-02-30T00:00:00Z");
    QTest::newRow("2025-02-29 (not a leap year)") << QStringLiteral("2025-02-29T00:00:00Z");
    QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z");
    QTest::newRow("month 00") << QStringLiteral("2026-00-10T00:00:00Z");
    QTest::newRow("day 00") << QStringLiteral("2026-01-00T00:00:00Z");
    QTest::newRow("April 31") << QStringLiteral("2026-04-31T00:00:00Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-11-26T24:00:00Z");
    QTest::newRow("minute 60") << QStringLiteral("2026-11-26T04:60:00Z");
    QTest::newRow("one-digit month") << QStringLiteral("2026-1-26T04:00:00Z");
    QTest::newRow("slashes") << QStringLiteral("2026/11/26T04:00:00Z");
    QTest::newRow("no separator") << QStringLiteral("2026-11-26X04:00:00Z");
    QTest::newRow("trailing text") << QStringLiteral("2026-11-26T04:00:00Zjunk");
    QTest::newRow("trailing space") << QStringLiteral("2026-11-26T04:00:00Z ");
    QTest::newRow("leading space") << QStringLiteral(" 2026-11-26T04:00:00Z");
    QTest::newRow("non-ASCII digits") << QStringLiteral("2026-11-26T04:00:00.\u0663Z");
    QTest::newRow("epoch number as text") << QStringLiteral("1795665600");
}

void TestTimestamp::rejectsInvalidTimes()
{
    QFETCH(QString, text);
    QVERIFY2(!Timestamp::parseMsecs(text).has_value(), qPrintable(text));
    QVERIFY(!Timestamp::parse(text).has_value());
}

void TestTimestamp::parseGivesUtcDateTime()
{
    const std::optional<QDateTime> time = Timestamp::parse(u"2026-11-26T06:00:00.250+02:00");
    QVERIFY(time.has_value());
    QCOMPARE(time->timeSpec(), Qt::UTC);
    QCOMPARE(time->date(), QDate(2026, 11, 26));
    QCOMPARE(time->time(), QTime(4, 0, 0, 250));
    QCOMPARE(time->toMSecsSinceEpoch(), kBase + 250);
}

void TestTimestamp::formatsUtcWithoutFraction_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("text");

    QTest::newRow("base") << kBase << QStringLiteral("2026-11-26T04:00:00Z");
    QTest::newRow("milliseconds dropped") << kBase + 999 << QStringLiteral("2026-11-26T04:00:00Z");
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::newRow("before epoch") << qint64(-1000) << QStringLiteral("1969-12-31T23:59:59Z");
    QTest::newRow("leap day") << qint64(1709164800000) << QStringLiteral("2024-02-29T00:00:00Z");
    QTest::newRow("single digits padded") << qint64(1767323045000) << QStringLiteral("2026-01-02T03:04:05Z");
}

void TestTimestamp::formatsUtcWithoutFraction()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, text);
    QCOMPARE(Timestamp::formatMsecs(msecs), text);
    // What we write, we read back (to the second).
    QCOMPARE(Timestamp::parseMsecs(text).value_or(-1), Timestamp::floorDiv(msecs, 1000) * 1000);
}

void TestTimestamp::formatConvertsOffsetsToUtc()
{
    const QDateTime plusTwo(QDate(2026, 11, 26), QTime(6, 0), Qt::OffsetFromUTC, 7200);
    QCOMPARE(Timestamp::format(plusTwo), QStringLiteral("2026-11-26T04:00:00Z"));
    const QDateTime minusHalf(QDate(2026, 11, 25), QTime(22, 30), Qt::OffsetFromUTC, -19800);
    QCOMPARE(Timestamp::format(minusHalf), QStringLiteral("2026-11-26T04:00:00Z"));
}

void TestTimestamp::floorDivRoundsDown()
{
    QCOMPARE(Timestamp::floorDiv(7, 2), qint64(3));
    QCOMPARE(Timestamp::floorDiv(-7, 2), qint64(-4));
    QCOMPARE(Timestamp::floorDiv(-8, 2), qint64(-4));
    QCOMPARE(Timestamp::floorDiv(-1, 86400), qint64(-1));
    QCOMPARE(Timestamp::floorDiv(0, 86400), qint64(0));
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
