#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QTest>

// Golden cases for retention-spec.md. Every expected reason, decision and expiry below was worked out by hand
// from the spec text; the comments show the arithmetic so that a reviewer can redo it.
class TestRetentionPlanner : public QObject
{
    Q_OBJECT

private slots:
    void bucketKeys_data();
    void bucketKeys();
    void boundaries_data();
    void boundaries();
    void golden_data();
    void golden();
    void scheduleOrderOnlyOrdersReasons();
    void workedExample();
    void manualBackupReplacedByNew();
    void safetyBackupsStandAsideForSevenDays();
    void finestInterval_data();
    void finestInterval();
    void finestTieDecidesTheExpiryClock();
    void steadyStateAutomatedCount_data();
    void steadyStateAutomatedCount();
};

namespace {

// One backup of a plan as a test expects it, in plan order.
struct Expected
{
    QString id;
    bool keep = false;
    QStringList reasons;
    QString expiresAt; // "null" or YYYY-MM-DDTHH:MM:SSZ
};

} // namespace

Q_DECLARE_METATYPE(RetentionPolicy)
Q_DECLARE_METATYPE(QList<RetentionBackup>)
Q_DECLARE_METATYPE(QList<Expected>)

namespace {

const QString kNull = QStringLiteral("null");

// A UTC time literal; the planner's own parser is deliberately not used.
qint64 at(const char* iso)
{
    const QString text = QString::fromLatin1(iso);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || !text.endsWith(QLatin1Char('Z')))
        qFatal("bad time literal in test: %s", iso);
    return time.toMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString iso(const std::optional<qint64>& ms)
{
    return ms ? iso(*ms) : kNull;
}

Interval interval(const char* label)
{
    const auto parsed = Interval::parse(QString::fromLatin1(label));
    if (!parsed)
        qFatal("bad interval literal in test: %s", label);
    return *parsed;
}

RetentionPolicy policy(std::initializer_list<std::pair<const char*, int>> schedules, int manualCount = 2,
    std::optional<int> maxBackups = std::nullopt)
{
    RetentionPolicy p;
    for (const auto& [label, count] : schedules)
        p.schedules.append(Schedule {interval(label), count});
    p.manualCount = manualCount;
    p.maxBackups = maxBackups;
    if (!p.validate().isEmpty())
        qFatal("invalid policy in test");
    return p;
}

RetentionBackup backup(const char* id, const char* time, bool automated, bool isProtected = false)
{
    return RetentionBackup {QString::fromUtf8(id), at(time), automated, isProtected};
}

RetentionBackup automatic(const char* id, const char* time)
{
    return backup(id, time, true);
}

RetentionBackup manual(const char* id, const char* time)
{
    return backup(id, time, false);
}

QStringList strings(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

Expected keep(const char* id, std::initializer_list<const char*> reasons, const char* expiresAt = "null")
{
    return Expected {QString::fromUtf8(id), true, strings(reasons), QString::fromLatin1(expiresAt)};
}

Expected drop(const char* id, std::initializer_list<const char*> reasons)
{
    return Expected {QString::fromUtf8(id), false, strings(reasons), kNull};
}

QString describe(const PlannedBackup& b)
{
    return b.backup.id + (b.keep ? QLatin1String(" keep [") : QLatin1String(" delete [")) + b.reasons.join(u'|')
        + QLatin1String("] expires ") + iso(b.expiresAtMs);
}

QString describe(const Expected& e)
{
    return e.id + (e.keep ? QLatin1String(" keep [") : QLatin1String(" delete [")) + e.reasons.join(u'|')
        + QLatin1String("] expires ") + e.expiresAt;
}

// Compares the whole plan, in plan order, line by line so that a failure names the backup.
void comparePlan(const RetentionPlan& plan, const QList<Expected>& expected)
{
    QStringList actualLines;
    for (const PlannedBackup& b : plan.backups)
        actualLines.append(describe(b));
    QStringList expectedLines;
    int kept = 0;
    for (const Expected& e : expected) {
        expectedLines.append(describe(e));
        kept += e.keep;
    }
    for (qsizetype i = 0; i < std::min(actualLines.size(), expectedLines.size()); ++i)
        QCOMPARE(actualLines.at(i), expectedLines.at(i));
    QCOMPARE(actualLines.size(), expectedLines.size());
    QCOMPARE(plan.kept, kept);
    QCOMPARE(plan.deleted, int(expected.size()) - kept);
}

} // namespace

void TestRetentionPlanner::bucketKeys_data()
{
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("interval");
    QTest::addColumn<qint64>("key");
    QTest::addColumn<QString>("start");

    // 2024-02-29T13:30:00Z: s = 1709213400, day = 19782 (a Thursday), year 2024, month 2.
    const auto row = [](const char* name, const char* time, const char* iv, qint64 key, const char* start) {
        QTest::newRow(name) << QString::fromLatin1(time) << QString::fromLatin1(iv) << key
                            << QString::fromLatin1(start);
    };
    row("1h", "2024-02-29T13:30:00Z", "1h", 474781, "2024-02-29T13:00:00Z"); // 1709213400 / 3600 = 474781.5
    row("6h", "2024-02-29T13:30:00Z", "6h", 79130, "2024-02-29T12:00:00Z"); // / 21600 = 79130.25
    row("1d", "2024-02-29T13:30:00Z", "1d", 19782, "2024-02-29T00:00:00Z");
    row("5d", "2024-02-29T13:30:00Z", "5d", 3956, "2024-02-27T00:00:00Z"); // 19782 / 5 = 3956.4; 3956 * 5 = 19780
    row("1w", "2024-02-29T13:30:00Z", "1w", 2825, "2024-02-26T00:00:00Z"); // (19782 - 4) / 7 = 2825.4; 2825*7+4 = 19779
    row("2w", "2024-02-29T13:30:00Z", "2w", 1412, "2024-02-19T00:00:00Z"); // 19778 / 14 = 1412.7; 1412*14+4 = 19772
    row("1M", "2024-02-29T13:30:00Z", "1M", 24289, "2024-02-01T00:00:00Z"); // 12 * 2024 + 2 - 1
    row("3M", "2024-02-29T13:30:00Z", "3M", 8096, "2024-01-01T00:00:00Z"); // 24289 / 3 = 8096.3; month 24288 = Jan
    row("1y", "2024-02-29T13:30:00Z", "1y", 2024, "2024-01-01T00:00:00Z");
    row("2y", "2024-02-29T13:30:00Z", "2y", 1012, "2024-01-01T00:00:00Z");
    row("2w Monday", "2024-03-04T00:00:00Z", "2w", 1413, "2024-03-04T00:00:00Z"); // (19786 - 4) / 14 = 1413
    row("1w Sunday", "2024-03-03T23:59:59Z", "1w", 2825, "2024-02-26T00:00:00Z"); // 19781 / 7 = 2825.9
    row("1w Monday", "2024-03-04T00:00:00Z", "1w", 2826, "2024-03-04T00:00:00Z"); // 19782 / 7 = 2826
    row("3M New Year's Eve", "2024-12-31T23:59:59Z", "3M", 8099, "2024-10-01T00:00:00Z"); // 24299 / 3 = 8099.7
    row("3M New Year", "2025-01-01T00:00:00Z", "3M", 8100, "2025-01-01T00:00:00Z"); // 24300 / 3
    row("5M", "2024-05-15T00:00:00Z", "5M", 4858, "2024-03-01T00:00:00Z"); // 24292 / 5 = 4858.4; 24290 = Mar 2024
    row("2y end of pair", "2025-12-31T23:59:59Z", "2y", 1012, "2024-01-01T00:00:00Z");
    row("2y next pair", "2026-01-01T00:00:00Z", "2y", 1013, "2026-01-01T00:00:00Z");
    // Before the epoch every division floors: s = -1, day = -1 (a Wednesday).
    row("1h before epoch", "1969-12-31T23:59:59Z", "1h", -1, "1969-12-31T23:00:00Z");
    row("6h before epoch", "1969-12-31T23:59:59Z", "6h", -1, "1969-12-31T18:00:00Z");
    row("1d before epoch", "1969-12-31T23:59:59Z", "1d", -1, "1969-12-31T00:00:00Z");
    row("1w before epoch", "1969-12-31T23:59:59Z", "1w", -1, "1969-12-29T00:00:00Z"); // (-1 - 4) / 7 = -0.7
    row("2w before epoch", "1969-12-31T23:59:59Z", "2w", -1, "1969-12-22T00:00:00Z"); // -14 + 4 = day -10
    row("1M before epoch", "1969-12-31T23:59:59Z", "1M", 23639, "1969-12-01T00:00:00Z");
    row("1y before epoch", "1969-12-31T23:59:59Z", "1y", 1969, "1969-01-01T00:00:00Z");
    row("2y before epoch", "1969-12-31T23:59:59Z", "2y", 984, "1968-01-01T00:00:00Z");
    row("1w epoch", "1970-01-01T00:00:00Z", "1w", -1, "1969-12-29T00:00:00Z");
    row("1w first Monday", "1970-01-05T00:00:00Z", "1w", 0, "1970-01-05T00:00:00Z");
}

void TestRetentionPlanner::bucketKeys()
{
    QFETCH(QString, time);
    QFETCH(QString, interval);
    QFETCH(qint64, key);
    QFETCH(QString, start);

    const Interval iv = ::interval(interval.toLatin1().constData());
    const qint64 s = at(time.toLatin1().constData()) / 1000;
    QCOMPARE(RetentionPlanner::bucketKey(s, iv), key);
    const qint64 startSeconds = RetentionPlanner::bucketStart(key, iv);
    QCOMPARE(iso(startSeconds * 1000), start);
    // The start is the first second of the bucket.
    QCOMPARE(RetentionPlanner::bucketKey(startSeconds, iv), key);
    QCOMPARE(RetentionPlanner::bucketKey(startSeconds - 1, iv), key - 1);
}

void TestRetentionPlanner::boundaries_data()
{
    QTest::addColumn<QString>("older");
    QTest::addColumn<QString>("newer");
    QTest::addColumn<QString>("interval");
    QTest::addColumn<bool>("sameBucket");

    const auto row = [](const char* name, const char* older, const char* newer, const char* iv, bool same) {
        QTest::newRow(name) << QString::fromLatin1(older) << QString::fromLatin1(newer) << QString::fromLatin1(iv)
                            << same;
    };
    // Weeks start on Monday 00:00:00Z.
    row("Sun 23:59:59 | Mon 00:00 1w", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z", "1w", false);
    row("Sun 23:59:59 | Mon 00:00 2w", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z", "2w", false);
    row("Sun 23:59:59 | Mon 00:00 1d", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z", "1d", false);
    row("Sun 23:59:59 | Mon 00:00 1M", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z", "1M", true);
    row("Mon 00:00 | Sun 23:59:59 1w", "2024-02-26T00:00:00Z", "2024-03-03T23:59:59Z", "1w", true);
    row("Mon 19 Feb | Sun 3 Mar 2w", "2024-02-19T00:00:00Z", "2024-03-03T23:59:59Z", "2w", true);
    row("Sun 18 Feb | Mon 19 Feb 2w", "2024-02-18T23:59:59Z", "2024-02-19T00:00:00Z", "2w", false);
    // Month ends.
    row("31 Jan | 1 Feb 1M", "2024-01-31T23:59:59Z", "2024-02-01T00:00:00Z", "1M", false);
    row("31 Jan | 1 Feb 1w", "2024-01-31T23:59:59Z", "2024-02-01T00:00:00Z", "1w", true);
    row("31 Jan | 1 Feb 3M", "2024-01-31T23:59:59Z", "2024-02-01T00:00:00Z", "3M", true);
    row("31 Mar | 1 Apr 3M", "2024-03-31T23:59:59Z", "2024-04-01T00:00:00Z", "3M", false);
    // 29 February 2024.
    row("28 Feb | 29 Feb 1d", "2024-02-28T12:00:00Z", "2024-02-29T12:00:00Z", "1d", false);
    row("28 Feb | 29 Feb 1M", "2024-02-28T12:00:00Z", "2024-02-29T12:00:00Z", "1M", true);
    row("29 Feb | 1 Mar 1d", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "1d", false);
    row("29 Feb | 1 Mar 1M", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "1M", false);
    row("29 Feb | 1 Mar 1w", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "1w", true);
    row("29 Feb | 1 Mar 2w", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "2w", true);
    row("29 Feb | 1 Mar 3M", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "3M", true);
    row("29 Feb | 1 Mar 1y", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z", "1y", true);
    row("28 Feb 2023 | 1 Mar 2023 1M", "2023-02-28T23:59:59Z", "2023-03-01T00:00:00Z", "1M", false);
    row("29 Feb 2024 | 28 Feb 2025 1y", "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z", "1y", false);
    row("29 Feb 2024 | 28 Feb 2025 2y", "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z", "2y", true);
    // Year boundaries: 31 Dec 2024 is a Tuesday, 1 Jan 2025 a Wednesday of the same week.
    row("31 Dec | 1 Jan 1y", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "1y", false);
    row("31 Dec | 1 Jan 1M", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "1M", false);
    row("31 Dec | 1 Jan 3M", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "3M", false);
    row("31 Dec | 1 Jan 1d", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "1d", false);
    row("31 Dec | 1 Jan 6h", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "6h", false);
    row("31 Dec | 1 Jan 1w", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "1w", true);
    row("31 Dec | 1 Jan 2y", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z", "2y", true);
    row("31 Dec 2025 | 1 Jan 2026 2y", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2y", false);
    // Fractional seconds floor: only whole seconds decide the bucket, and -0.5 s is second -1.
    row("23:59:59.999 | 00:00:00.000 1d", "2024-03-03T23:59:59.999Z", "2024-03-04T00:00:00.000Z", "1d", false);
    row("12:00:00.000 | 12:59:59.999 1h", "2024-02-29T12:00:00.000Z", "2024-02-29T12:59:59.999Z", "1h", true);
    row("-0.5 s | 0 s 1d", "1969-12-31T23:59:59.500Z", "1970-01-01T00:00:00.000Z", "1d", false);
    row("-0.999 s | 0 s 1h", "1969-12-31T23:59:59.001Z", "1970-01-01T00:00:00.000Z", "1h", false);
    row("-0.5 s | -0.1 s 1h", "1969-12-31T23:59:59.500Z", "1969-12-31T23:59:59.900Z", "1h", true);
}

void TestRetentionPlanner::boundaries()
{
    QFETCH(QString, older);
    QFETCH(QString, newer);
    QFETCH(QString, interval);
    QFETCH(bool, sameBucket);

    const QByteArray olderText = older.toLatin1();
    const QByteArray newerText = newer.toLatin1();
    const QByteArray label = interval.toLatin1();
    const Interval iv = ::interval(label.constData());
    const qint64 olderSeconds = Timestamp::floorDiv(at(olderText.constData()), 1000);
    const qint64 newerSeconds = Timestamp::floorDiv(at(newerText.constData()), 1000);
    QCOMPARE(
        RetentionPlanner::bucketKey(olderSeconds, iv) == RetentionPlanner::bucketKey(newerSeconds, iv), sameBucket);

    // The same through a plan: `x` lies decades earlier, in a bucket of its own for every interval here. With
    // count 2, `x` takes the second slot exactly when the two close backups share a bucket.
    const bool beforeEpoch = olderText.startsWith("1969");
    const QList<RetentionBackup> backups {
        backup("newer", newerText.constData(), true),
        backup("older", olderText.constData(), true),
        backup("x", beforeEpoch ? "1940-06-15T00:00:00Z" : "2000-06-15T00:00:00Z", true),
    };
    const RetentionPolicy p = policy({{label.constData(), 2}});
    const RetentionPlan plan
        = RetentionPlanner::plan(backups, p, at(newerText.constData()), RetentionPlanner::Expiry::Skip);
    const QByteArray first = label + " #1/2";
    const QByteArray second = label + " #2/2";
    if (sameBucket) {
        comparePlan(plan,
            {keep("newer", {first.constData()}), drop("older", {"not kept by schedule"}),
                keep("x", {second.constData()})});
    } else {
        comparePlan(plan,
            {keep("newer", {first.constData()}), keep("older", {second.constData()}),
                drop("x", {"not kept by schedule"})});
    }
}

void TestRetentionPlanner::golden_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QList<RetentionBackup>>("backups");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QList<Expected>>("expected");

    // --- units with multipliers -------------------------------------------------------------------------------------
    // 6h buckets of 29 Feb: 12–18 (79130), 06–12 (79129), 00–06 (79128); 28 Feb 18–24 is 79127.
    // Expiry: the finest is 6h, now is in 79130, so simulated backups come at 18:00, 00:00 (1 Mar), 06:00 ...
    // s1 18:00 -> [s1, h1, h3] keeps 3, h5 drops; s2 00:00 drops h3; s3 06:00 drops h1.
    QTest::newRow("6h x3") << policy({{"6h", 3}})
                           << QList<RetentionBackup> {automatic("h1", "2024-02-29T13:30:00Z"),
                                  automatic("h2", "2024-02-29T12:00:00Z"), automatic("h3", "2024-02-29T11:59:59Z"),
                                  automatic("h4", "2024-02-29T06:00:00Z"), automatic("h5", "2024-02-29T05:59:59Z"),
                                  automatic("h6", "2024-02-28T23:00:00Z")}
                           << at("2024-02-29T14:00:00Z")
                           << QList<Expected> {keep("h1", {"6h #1/3"}, "2024-03-01T06:00:00Z"),
                                  drop("h2", {"not kept by schedule"}), keep("h3", {"6h #2/3"}, "2024-03-01T00:00:00Z"),
                                  drop("h4", {"not kept by schedule"}), keep("h5", {"6h #3/3"}, "2024-02-29T18:00:00Z"),
                                  drop("h6", {"not kept by schedule"})};

    // 2w buckets: 1413 from Mon 4 Mar, 1412 = 19 Feb–3 Mar (holds 29 Feb), 1411 ends Sun 18 Feb.
    // Expiry: next 2w starts are 18 Mar (19800) and 1 Apr (19814).
    const QList<RetentionBackup> weeks {automatic("w1", "2024-03-04T00:00:00Z"),
        automatic("w2", "2024-03-03T23:59:59Z"), automatic("w3", "2024-02-29T12:00:00Z"),
        automatic("w4", "2024-02-18T23:59:59Z")};
    QTest::newRow("2w x2 around 29 Feb") << policy({{"2w", 2}}) << weeks << at("2024-03-04T01:00:00Z")
                                         << QList<Expected> {keep("w1", {"2w #1/2"}, "2024-04-01T00:00:00Z"),
                                                keep("w2", {"2w #2/2"}, "2024-03-18T00:00:00Z"),
                                                drop("w3", {"not kept by schedule"}),
                                                drop("w4", {"not kept by schedule"})};
    // 1w: w1 week 2826, w2 and w3 week 2825, w4 week 2823; week 2824 (19–25 Feb) is empty and uses no count.
    // Expiry: Mondays 11, 18, 25 Mar drop w4, w2, w1.
    QTest::newRow("1w x3 empty week uses no count")
        << policy({{"1w", 3}}) << weeks << at("2024-03-04T01:00:00Z")
        << QList<Expected> {keep("w1", {"1w #1/3"}, "2024-03-25T00:00:00Z"),
               keep("w2", {"1w #2/3"}, "2024-03-18T00:00:00Z"), drop("w3", {"not kept by schedule"}),
               keep("w4", {"1w #3/3"}, "2024-03-11T00:00:00Z")};

    // 3M: q1 8097 (Apr–Jun 2024), q2..q4 8096 (Jan–Mar 2024), q5 q6 8095 (Oct–Dec 2023). Three buckets meet the
    // count, so the oldest q6 gets no fallback. Expiry: quarter starts 1 Jul, 1 Oct 2024, 1 Jan 2025.
    QTest::newRow("3M x3") << policy({{"3M", 3}})
                           << QList<RetentionBackup> {automatic("q1", "2024-04-01T00:00:00Z"),
                                  automatic("q2", "2024-03-31T23:59:59Z"), automatic("q3", "2024-02-29T12:00:00Z"),
                                  automatic("q4", "2024-01-01T00:00:00Z"), automatic("q5", "2023-12-31T23:59:59Z"),
                                  automatic("q6", "2023-10-01T00:00:00Z")}
                           << at("2024-04-02T00:00:00Z")
                           << QList<Expected> {keep("q1", {"3M #1/3"}, "2025-01-01T00:00:00Z"),
                                  keep("q2", {"3M #2/3"}, "2024-10-01T00:00:00Z"), drop("q3", {"not kept by schedule"}),
                                  drop("q4", {"not kept by schedule"}), keep("q5", {"3M #3/3"}, "2024-07-01T00:00:00Z"),
                                  drop("q6", {"not kept by schedule"})};

    // 2y: 2026–2027 is 1013, 2024–2025 is 1012, 2022–2023 is 1011. Expiry: 2y starts 2028-01-01 and 2030-01-01.
    QTest::newRow("2y x2") << policy({{"2y", 2}})
                           << QList<RetentionBackup> {automatic("y1", "2026-01-01T00:00:00Z"),
                                  automatic("y2", "2025-12-31T23:59:59Z"), automatic("y3", "2024-02-29T12:00:00Z"),
                                  automatic("y4", "2024-01-01T00:00:00Z"), automatic("y5", "2023-12-31T23:59:59Z")}
                           << at("2026-06-01T00:00:00Z")
                           << QList<Expected> {keep("y1", {"2y #1/2"}, "2030-01-01T00:00:00Z"),
                                  keep("y2", {"2y #2/2"}, "2028-01-01T00:00:00Z"), drop("y3", {"not kept by schedule"}),
                                  drop("y4", {"not kept by schedule"}), drop("y5", {"not kept by schedule"})};

    // 1M around 29 Feb: March, February (29 Feb 23:59:59 is its newest), January. Expiry: 1 Apr, 1 May, 1 Jun.
    QTest::newRow("1M x3 around 29 Feb") << policy({{"1M", 3}})
                                         << QList<RetentionBackup> {automatic("f1", "2024-03-01T00:00:00Z"),
                                                automatic("f2", "2024-02-29T23:59:59Z"),
                                                automatic("f3", "2024-02-01T00:00:00Z"),
                                                automatic("f4", "2024-01-31T23:59:59Z")}
                                         << at("2024-03-01T06:00:00Z")
                                         << QList<Expected> {keep("f1", {"1M #1/3"}, "2024-06-01T00:00:00Z"),
                                                keep("f2", {"1M #2/3"}, "2024-05-01T00:00:00Z"),
                                                drop("f3", {"not kept by schedule"}),
                                                keep("f4", {"1M #3/3"}, "2024-04-01T00:00:00Z")};

    // 1y around 29 Feb: 2024 (l1, l2), 2023 (l3, l4). Expiry: 1 Jan 2025 drops l3, 1 Jan 2026 drops l1.
    QTest::newRow("1y x2 around 29 Feb")
        << policy({{"1y", 2}})
        << QList<RetentionBackup> {automatic("l1", "2024-02-29T12:00:00Z"), automatic("l2", "2024-01-01T00:00:00Z"),
               automatic("l3", "2023-12-31T23:59:59Z"), automatic("l4", "2023-02-28T12:00:00Z")}
        << at("2024-03-01T00:00:00Z")
        << QList<Expected> {keep("l1", {"1y #1/2"}, "2026-01-01T00:00:00Z"), drop("l2", {"not kept by schedule"}),
               keep("l3", {"1y #2/2"}, "2025-01-01T00:00:00Z"), drop("l4", {"not kept by schedule"})};

    // --- 1d x2 with daily backups (the production default) ----------------------------------------------------------
    // Simulated backups at 2 Mar 00:00 ([s1, d4]) and 3 Mar 00:00 ([s2, s1]).
    const QList<RetentionBackup> daily {automatic("d4", "2024-03-01T04:00:00Z"),
        automatic("d3", "2024-02-29T04:00:00Z"), automatic("d2", "2024-02-28T04:00:00Z"),
        automatic("d1", "2024-02-27T04:00:00Z")};
    const QList<Expected> dailyExpected {keep("d4", {"1d #1/2"}, "2024-03-03T00:00:00Z"),
        keep("d3", {"1d #2/2"}, "2024-03-02T00:00:00Z"), drop("d2", {"not kept by schedule"}),
        drop("d1", {"not kept by schedule"})};
    QTest::newRow("1d x2 daily") << policy({{"1d", 2}}) << daily << at("2024-03-01T12:00:00Z") << dailyExpected;
    QTest::newRow("production default") << RetentionPolicy::defaultFor(EnvironmentType::Production) << daily
                                        << at("2024-03-01T12:00:00Z") << dailyExpected;

    // A real backup at the start of the next bucket: the simulated one at the same time counts as the newer.
    QTest::newRow("simulated is newer at equal times")
        << policy({{"1d", 1}})
        << QList<RetentionBackup> {automatic("z", "2024-03-01T00:00:00Z"), automatic("a", "2024-02-29T04:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("z", {"1d #1/1"}, "2024-03-01T00:00:00Z"), drop("a", {"not kept by schedule"})};

    // --- equal timestamps: ties by id descending, byte-wise ---------------------------------------------------------
    // "b" (0x62) > "a9" > "a10" ('9' 0x39 > '1' 0x31) > "B" (0x42). One day bucket < 3, so the oldest in plan order,
    // "B", is kept by the fallback until s2 (2 Mar) makes three buckets; b drops at s3 (3 Mar).
    QTest::newRow("equal timestamps")
        << policy({{"1d", 3}})
        << QList<RetentionBackup> {automatic("a10", "2024-02-29T12:00:00Z"), automatic("B", "2024-02-29T12:00:00Z"),
               automatic("b", "2024-02-29T12:00:00Z"), automatic("a9", "2024-02-29T12:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("b", {"1d #1/3"}, "2024-03-03T00:00:00Z"), drop("a9", {"not kept by schedule"}),
               drop("a10", {"not kept by schedule"}), keep("B", {"1d oldest"}, "2024-03-02T00:00:00Z")};
    // UTF-8 bytes: U+1F600 is F0 9F 98 80, U+FFFD is EF BF BD, é is C3 A9, z is 7A.
    QTest::newRow("equal timestamps, UTF-8 byte order")
        << policy({{"1d", 1}})
        << QList<RetentionBackup> {automatic("z", "2024-02-29T12:00:00Z"),
               automatic("\xef\xbf\xbd", "2024-02-29T12:00:00Z"), automatic("\xc3\xa9", "2024-02-29T12:00:00Z"),
               automatic("\xf0\x9f\x98\x80", "2024-02-29T12:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("\xf0\x9f\x98\x80", {"1d #1/1"}, "2024-03-01T00:00:00Z"),
               drop("\xef\xbf\xbd", {"not kept by schedule"}), drop("\xc3\xa9", {"not kept by schedule"}),
               drop("z", {"not kept by schedule"})};

    // --- fractional seconds -----------------------------------------------------------------------------------------
    // Ordering uses the full time (".900" is newer than ".100" whatever the ids); buckets use floored seconds.
    QTest::newRow("fractional seconds order")
        << policy({{"1h", 1}})
        << QList<RetentionBackup> {automatic("b", "2024-02-29T12:00:00.100Z"),
               automatic("a", "2024-02-29T12:00:00.900Z"), automatic("d", "2024-02-29T11:59:59.999Z")}
        << at("2024-02-29T12:30:00Z")
        << QList<Expected> {keep("a", {"1h #1/1"}, "2024-02-29T13:00:00Z"), drop("b", {"not kept by schedule"}),
               drop("d", {"not kept by schedule"})};
    // -0.5 s floors to second -1 (31 Dec 1969), so the two are in different days; -0.9 s and -0.5 s share one.
    QTest::newRow("fractional seconds floor before the epoch")
        << policy({{"1d", 2}})
        << QList<RetentionBackup> {automatic("e0", "1970-01-01T00:00:00.000Z"),
               automatic("e1", "1969-12-31T23:59:59.500Z"), automatic("e2", "1969-12-31T23:59:59.100Z")}
        << at("1970-01-01T12:00:00Z")
        << QList<Expected> {keep("e0", {"1d #1/2"}, "1970-01-03T00:00:00Z"),
               keep("e1", {"1d #2/2"}, "1970-01-02T00:00:00Z"), drop("e2", {"not kept by schedule"})};

    // --- oldest fallback --------------------------------------------------------------------------------------------
    // Three days < 5, but the schedule already kept the oldest: no "oldest" reason.
    // Expiry: s1 1 Mar, s2 2 Mar (5 buckets), s3 3 Mar drops a1, then a2 and a3.
    QTest::newRow("fallback: oldest already kept")
        << policy({{"1d", 5}})
        << QList<RetentionBackup> {automatic("a3", "2024-02-29T04:00:00Z"), automatic("a2", "2024-02-28T04:00:00Z"),
               automatic("a1", "2024-02-27T04:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("a3", {"1d #1/5"}, "2024-03-05T00:00:00Z"),
               keep("a2", {"1d #2/5"}, "2024-03-04T00:00:00Z"), keep("a1", {"1d #3/5"}, "2024-03-03T00:00:00Z")};
    // Two days < 5: x3 is not its day's newest and is kept as the oldest until s3 (3 Mar) makes five buckets.
    const QList<RetentionBackup> fallback {automatic("x1", "2024-02-29T04:00:00Z"),
        automatic("x2", "2024-02-28T12:00:00Z"), automatic("x3", "2024-02-28T04:00:00Z")};
    QTest::newRow("fallback: oldest kept")
        << policy({{"1d", 5}}) << fallback << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("x1", {"1d #1/5"}, "2024-03-05T00:00:00Z"),
               keep("x2", {"1d #2/5"}, "2024-03-04T00:00:00Z"), keep("x3", {"1d oldest"}, "2024-03-03T00:00:00Z")};
    // Exactly count buckets: no fallback.
    QTest::newRow("fallback: not when the count is met")
        << policy({{"1d", 2}}) << fallback << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("x1", {"1d #1/2"}, "2024-03-02T00:00:00Z"),
               keep("x2", {"1d #2/2"}, "2024-03-01T00:00:00Z"), drop("x3", {"not kept by schedule"})};
    // "Unless that schedule already kept it": 1d keeping the oldest does not stop 1w's fallback. 27–29 Feb are one
    // week; a1 stays the 1w oldest until 25 Mar gives 1w five weeks (25, 18, 11, 4 Mar and 26 Feb, whose newest is
    // the simulated Sun 3 Mar). a2 and a3 leave the daily five on 4 and 5 Mar.
    QTest::newRow("fallback: per schedule")
        << policy({{"1d", 5}, {"1w", 5}})
        << QList<RetentionBackup> {automatic("a3", "2024-02-29T04:00:00Z"), automatic("a2", "2024-02-28T04:00:00Z"),
               automatic("a1", "2024-02-27T04:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("a3", {"1d #1/5", "1w #1/5"}, "2024-03-05T00:00:00Z"),
               keep("a2", {"1d #2/5"}, "2024-03-04T00:00:00Z"),
               keep("a1", {"1d #3/5", "1w oldest"}, "2024-03-25T00:00:00Z")};
    // The fallback takes the oldest automated backup, not an older manual one. x2 stays until 4 Mar (five days).
    QTest::newRow("fallback: manual backups are not candidates")
        << policy({{"1d", 5}})
        << QList<RetentionBackup> {automatic("x1", "2024-02-29T04:00:00Z"), automatic("x2", "2024-02-29T02:00:00Z"),
               manual("m", "2024-02-20T10:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("x1", {"1d #1/5"}, "2024-03-05T00:00:00Z"),
               keep("x2", {"1d oldest"}, "2024-03-04T00:00:00Z"), keep("m", {"manual #1/2"})};
    // ... nor a protected one. a1 is the oldest non-protected; s2 (2 Mar) gives three days.
    QTest::newRow("fallback: protected backups are not candidates")
        << policy({{"1d", 3}})
        << QList<RetentionBackup> {automatic("a2", "2024-02-29T12:00:00Z"), automatic("a1", "2024-02-29T04:00:00Z"),
               backup("p", "2024-02-20T04:00:00Z", true, true)}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("a2", {"1d #1/3"}, "2024-03-03T00:00:00Z"),
               keep("a1", {"1d oldest"}, "2024-03-02T00:00:00Z"), keep("p", {"protected"})};

    // --- manual backups ---------------------------------------------------------------------------------------------
    // m4 is newer than a1 on the same day but fills no bucket: a1 is the day's 1d #1.
    const QList<RetentionBackup> manuals {automatic("a1", "2024-02-29T04:00:00Z"), manual("m4", "2024-02-29T10:00:00Z"),
        manual("m3", "2024-02-28T10:00:00Z"), manual("m2", "2024-02-27T10:00:00Z"),
        manual("m1", "2024-02-26T10:00:00Z")};
    QTest::newRow("manual limit") << policy({{"1d", 1}}, 2) << manuals << at("2024-02-29T18:00:00Z")
                                  << QList<Expected> {keep("m4", {"manual #1/2"}),
                                         keep("a1", {"1d #1/1"}, "2024-03-01T00:00:00Z"), keep("m3", {"manual #2/2"}),
                                         drop("m2", {"manual limit 2"}), drop("m1", {"manual limit 2"})};
    QTest::newRow("manual_count 0") << policy({{"1d", 1}}, 0) << manuals << at("2024-02-29T18:00:00Z")
                                    << QList<Expected> {drop("m4", {"manual limit 0"}),
                                           keep("a1", {"1d #1/1"}, "2024-03-01T00:00:00Z"),
                                           drop("m3", {"manual limit 0"}), drop("m2", {"manual limit 0"}),
                                           drop("m1", {"manual limit 0"})};
    // Only manual backups: the schedule has no automated backup, hence no fallback either.
    QTest::newRow("manual only") << policy({{"1d", 2}},
        1) << QList<RetentionBackup> {manual("m2", "2024-02-29T10:00:00Z"), manual("m1", "2024-02-28T10:00:00Z")}
                                 << at("2024-02-29T18:00:00Z")
                                 << QList<Expected> {keep("m2", {"manual #1/1"}), drop("m1", {"manual limit 1"})};

    // --- cap
    // ---------------------------------------------------------------------------------------------------------- Before
    // the cap a3 a2 a1 m2 m1 are kept (5 > 3): evict a1 then a2. Expiry: at s1 (2 Mar) [s1 a3 m2 m1] is 4 > 3 and a3,
    // the oldest automated backup that is not the newest, is evicted. m2 and m1 are never evicted.
    const QList<RetentionBackup> capped {automatic("a3", "2024-03-01T04:00:00Z"), manual("m2", "2024-02-29T12:00:00Z"),
        automatic("a2", "2024-02-29T04:00:00Z"), automatic("a1", "2024-02-28T04:00:00Z"),
        manual("m1", "2024-02-27T12:00:00Z")};
    QTest::newRow("cap: automated oldest first")
        << policy({{"1d", 3}}, 2, 3) << capped << at("2024-03-01T12:00:00Z")
        << QList<Expected> {keep("a3", {"1d #1/3"}, "2024-03-02T00:00:00Z"), keep("m2", {"manual #1/2"}),
               drop("a2", {"max_backups 3"}), drop("a1", {"max_backups 3"}), keep("m1", {"manual #2/2"})};
    // a1, a2 go, a3 is the newest and stays, then the manual ones oldest first: m1, m2.
    QTest::newRow("cap: then manual, never the newest")
        << policy({{"1d", 3}}, 2, 1) << capped << at("2024-03-01T12:00:00Z")
        << QList<Expected> {keep("a3", {"1d #1/3"}, "2024-03-02T00:00:00Z"), drop("m2", {"max_backups 1"}),
               drop("a2", {"max_backups 1"}), drop("a1", {"max_backups 1"}), drop("m1", {"max_backups 1"})};
    // The newest is manual: all automated go (a1, a2, a3), then m1. Expiry: at s1 [s1 m3 m2] is 3 > 2; s1 is the
    // newest, so the cap evicts m2, a manual backup. m3 is never evicted: it stays null.
    QList<RetentionBackup> cappedManual = capped;
    cappedManual.prepend(manual("m3", "2024-03-01T10:00:00Z"));
    QTest::newRow("cap: newest manual, manual evicted in the projection")
        << policy({{"1d", 3}}, 3, 2) << cappedManual << at("2024-03-01T12:00:00Z")
        << QList<Expected> {keep("m3", {"manual #1/3"}), drop("a3", {"max_backups 2"}),
               keep("m2", {"manual #2/3"}, "2024-03-02T00:00:00Z"), drop("a2", {"max_backups 2"}),
               drop("a1", {"max_backups 2"}), drop("m1", {"max_backups 2"})};
    // The protected backup neither counts (3 others kept > 2: evict a1 only) nor is evicted. Expiry: [s1 a3 a2] is
    // 3 > 2, a2 goes at 2 Mar; [s2 s1 a3] evicts a3 at 3 Mar.
    QTest::newRow("cap: protected not counted")
        << policy({{"1d", 3}}, 2, 2)
        << QList<RetentionBackup> {backup("p", "2024-03-01T06:00:00Z", true, true),
               automatic("a3", "2024-03-01T04:00:00Z"), automatic("a2", "2024-02-29T04:00:00Z"),
               automatic("a1", "2024-02-28T04:00:00Z")}
        << at("2024-03-01T12:00:00Z")
        << QList<Expected> {keep("p", {"protected"}), keep("a3", {"1d #1/3"}, "2024-03-03T00:00:00Z"),
               keep("a2", {"1d #2/3"}, "2024-03-02T00:00:00Z"), drop("a1", {"max_backups 2"})};

    // --- protected --------------------------------------------------------------------------------------------------
    // p fills no bucket: a is the day's 1d #1.
    QTest::newRow("protected: no slot") << policy({{"1d", 1}})
                                        << QList<RetentionBackup> {backup("p", "2024-02-29T12:00:00Z", true, true),
                                               automatic("a", "2024-02-29T04:00:00Z")}
                                        << at("2024-02-29T18:00:00Z")
                                        << QList<Expected> {keep("p", {"protected"}),
                                               keep("a", {"1d #1/1"}, "2024-03-01T00:00:00Z")};
    QTest::newRow("protected: not a manual slot")
        << policy({{"1d", 1}}, 1)
        << QList<RetentionBackup> {backup("pm", "2024-02-29T12:00:00Z", false, true),
               manual("m2", "2024-02-28T10:00:00Z"), manual("m1", "2024-02-27T10:00:00Z")}
        << at("2024-02-29T18:00:00Z")
        << QList<Expected> {keep("pm", {"protected"}), keep("m2", {"manual #1/1"}), drop("m1", {"manual limit 1"})};

    // --- no schedule ------------------------------------------------------------------------------------------------
    const QList<RetentionBackup> unscheduled {automatic("a2", "2024-02-29T04:00:00Z"),
        manual("m2", "2024-02-28T12:00:00Z"), automatic("a1", "2024-02-28T04:00:00Z"),
        manual("m1", "2024-02-27T12:00:00Z"), backup("p", "2024-02-26T04:00:00Z", true, true)};
    QTest::newRow("no schedule") << policy({}, 1) << unscheduled << at("2024-02-29T18:00:00Z")
                                 << QList<Expected> {keep("a2", {"no schedule"}), keep("m2", {"manual #1/1"}),
                                        keep("a1", {"no schedule"}), drop("m1", {"manual limit 1"}),
                                        keep("p", {"protected"})};
    QTest::newRow("no schedule, capped") << policy({}, 1, 2) << unscheduled << at("2024-02-29T18:00:00Z")
                                         << QList<Expected> {keep("a2", {"no schedule"}), keep("m2", {"manual #1/1"}),
                                                drop("a1", {"max_backups 2"}), drop("m1", {"manual limit 1"}),
                                                keep("p", {"protected"})};

    // --- empty input
    // --------------------------------------------------------------------------------------------------
    QTest::newRow("empty") << policy({{"1d", 7}, {"1w", 4}, {"1M", 12}}, 2, 5) << QList<RetentionBackup> {}
                           << at("2024-02-29T18:00:00Z") << QList<Expected> {};
    QTest::newRow("empty, no schedule") << policy({}) << QList<RetentionBackup> {} << at("2024-02-29T18:00:00Z")
                                        << QList<Expected> {};

    // --- overlapping counts
    // ------------------------------------------------------------------------------------------- Mon 4 Mar and Sun 3
    // Mar are both the two newest days and the newest of the two newest weeks: each uses a slot of both schedules, so
    // only two backups are kept. Expiry (finest 1d): 4 Mar leaves 1d at 6 Mar (s2 and s1 are newer) and is not 1w's
    // newest of its week; 3 Mar stays 1w #2 until Mon 11 Mar.
    const QList<RetentionBackup> overlapping {automatic("mon", "2024-03-04T04:00:00Z"),
        automatic("sun", "2024-03-03T04:00:00Z"), automatic("sat", "2024-03-02T04:00:00Z"),
        automatic("fri", "2024-03-01T04:00:00Z")};
    QTest::newRow("overlapping counts") << policy({{"1d", 2}, {"1w", 2}}) << overlapping << at("2024-03-04T12:00:00Z")
                                        << QList<Expected> {keep("mon", {"1d #1/2", "1w #1/2"}, "2024-03-06T00:00:00Z"),
                                               keep("sun", {"1d #2/2", "1w #2/2"}, "2024-03-11T00:00:00Z"),
                                               drop("sat", {"not kept by schedule"}),
                                               drop("fri", {"not kept by schedule"})};
    QTest::newRow("overlapping counts, schedule order")
        << policy({{"1w", 2}, {"1d", 2}}) << overlapping << at("2024-03-04T12:00:00Z")
        << QList<Expected> {keep("mon", {"1w #1/2", "1d #1/2"}, "2024-03-06T00:00:00Z"),
               keep("sun", {"1w #2/2", "1d #2/2"}, "2024-03-11T00:00:00Z"), drop("sat", {"not kept by schedule"}),
               drop("fri", {"not kept by schedule"})};
}

void TestRetentionPlanner::golden()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QList<RetentionBackup>, backups);
    QFETCH(qint64, now);
    QFETCH(QList<Expected>, expected);

    const RetentionPlan plan = RetentionPlanner::plan(backups, policy, now);
    QCOMPARE(plan.nowMs, now);
    comparePlan(plan, expected);
    if (QTest::currentTestFailed())
        return;

    // Without the projection the decisions and reasons are the same and nothing has an expiry.
    const RetentionPlan skipped = RetentionPlanner::plan(backups, policy, now, RetentionPlanner::Expiry::Skip);
    QList<Expected> withoutExpiry = expected;
    for (Expected& e : withoutExpiry)
        e.expiresAt = kNull;
    comparePlan(skipped, withoutExpiry);
}

void TestRetentionPlanner::scheduleOrderOnlyOrdersReasons()
{
    // A backup kept by three schedules lists the reasons in the policy's order, whatever the input order.
    QList<RetentionBackup> backups {automatic("old", "2024-01-15T04:00:00Z"), automatic("new", "2024-02-29T04:00:00Z")};
    const RetentionPlan forward = RetentionPlanner::plan(
        backups, policy({{"1M", 2}, {"1d", 1}, {"1y", 1}}), at("2024-02-29T12:00:00Z"), RetentionPlanner::Expiry::Skip);
    comparePlan(forward, {keep("new", {"1M #1/2", "1d #1/1", "1y #1/1"}), keep("old", {"1M #2/2"})});
    std::reverse(backups.begin(), backups.end());
    const RetentionPlan backward = RetentionPlanner::plan(
        backups, policy({{"1y", 1}, {"1d", 1}, {"1M", 2}}), at("2024-02-29T12:00:00Z"), RetentionPlanner::Expiry::Skip);
    comparePlan(backward, {keep("new", {"1y #1/1", "1d #1/1", "1M #1/2"}), keep("old", {"1M #2/2"})});
}

void TestRetentionPlanner::workedExample()
{
    const QString dir = QStringLiteral(TIDEMARK_FIXTURES_DIR "/retention/");
    const auto read = [&](const QString& name) {
        QFile file(dir + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read fixture %s", qPrintable(file.fileName()));
        return file.readAll();
    };
    const auto policyJson = JsonDocument::parse(read(QStringLiteral("worked-example-policy.json")));
    QVERIFY(policyJson.ok());
    const auto policy = RetentionPolicy::fromJson(*policyJson.value);
    QVERIFY(policy.ok());
    QCOMPARE(*policy.value, ::policy({{"1d", 7}, {"1w", 4}, {"1M", 12}}, 2));
    const auto backupsJson = JsonDocument::parse(read(QStringLiteral("worked-example-backups.json")));
    QVERIFY(backupsJson.ok());
    const auto backups = PreviewReport::decodeBackups(*backupsJson.value);
    QVERIFY(backups.ok());
    QCOMPARE(backups.value->size(), 371);

    const RetentionPlan plan = RetentionPlanner::plan(*backups.value, *policy.value, at("2026-11-26T12:00:00Z"));
    QCOMPARE(plan.kept, 22);
    QCOMPARE(plan.deleted, 349);

    // The newest, a Thursday, is every schedule's #1 and leaves the daily seven a week later (3 Dec): by then
    // simulated backups represent its week (from 27 Nov) and its month (from 27 Nov too).
    const PlannedBackup& newest = plan.backups.first();
    QCOMPARE(newest.backup.id, QStringLiteral("a369"));
    QVERIFY(newest.keep);
    QCOMPARE(newest.reasons, strings({"1d #1/7", "1w #1/4", "1M #1/12"}));
    QCOMPARE(iso(newest.expiresAtMs), QStringLiteral("2026-12-03T00:00:00Z"));

    // The whole kept set, worked out by hand. aN was made on 2025-11-23 + (N - 1) days at 04:00Z.
    //  - 1d: 26 Nov back to 20 Nov; each leaves the seven days 7 days after it was made.
    //  - 1w: weeks of 23 Nov (a369), 16 Nov (Sun 22 Nov), 9 Nov (Sun 15), 2 Nov (Sun 8). A week's Sunday leaves
    //    the four newest weeks on the Monday four weeks after its own week: 8 Nov on 30 Nov, 15 Nov on 7 Dec,
    //    22 Nov on 14 Dec.
    //  - 1M: November (a369) and the last days of October 2026 back to December 2025; each month's last day
    //    leaves on the 1st of the same month a year later (31 Dec 2025 on 1 Dec 2026).
    //  - Manual: m2 and m1, null expiry.
    struct Kept
    {
        const char* date;
        QStringList reasons;
        const char* expiresAt;
    };
    const QList<Kept> keptAutomated {
        {"2026-11-26", strings({"1d #1/7", "1w #1/4", "1M #1/12"}), "2026-12-03T00:00:00Z"},
        {"2026-11-25", strings({"1d #2/7"}), "2026-12-02T00:00:00Z"},
        {"2026-11-24", strings({"1d #3/7"}), "2026-12-01T00:00:00Z"},
        {"2026-11-23", strings({"1d #4/7"}), "2026-11-30T00:00:00Z"},
        {"2026-11-22", strings({"1d #5/7", "1w #2/4"}), "2026-12-14T00:00:00Z"},
        {"2026-11-21", strings({"1d #6/7"}), "2026-11-28T00:00:00Z"},
        {"2026-11-20", strings({"1d #7/7"}), "2026-11-27T00:00:00Z"},
        {"2026-11-15", strings({"1w #3/4"}), "2026-12-07T00:00:00Z"},
        {"2026-11-08", strings({"1w #4/4"}), "2026-11-30T00:00:00Z"},
        {"2026-10-31", strings({"1M #2/12"}), "2027-10-01T00:00:00Z"},
        {"2026-09-30", strings({"1M #3/12"}), "2027-09-01T00:00:00Z"},
        {"2026-08-31", strings({"1M #4/12"}), "2027-08-01T00:00:00Z"},
        {"2026-07-31", strings({"1M #5/12"}), "2027-07-01T00:00:00Z"},
        {"2026-06-30", strings({"1M #6/12"}), "2027-06-01T00:00:00Z"},
        {"2026-05-31", strings({"1M #7/12"}), "2027-05-01T00:00:00Z"},
        {"2026-04-30", strings({"1M #8/12"}), "2027-04-01T00:00:00Z"},
        {"2026-03-31", strings({"1M #9/12"}), "2027-03-01T00:00:00Z"},
        {"2026-02-28", strings({"1M #10/12"}), "2027-02-01T00:00:00Z"},
        {"2026-01-31", strings({"1M #11/12"}), "2027-01-01T00:00:00Z"},
        {"2025-12-31", strings({"1M #12/12"}), "2026-12-01T00:00:00Z"},
    };
    QCOMPARE(keptAutomated.size(), 20);
    const QDate first(2025, 11, 23);
    QList<Expected> expected;
    for (int n = 369; n >= 1; --n) {
        const QDate date = first.addDays(n - 1);
        const QString id = QLatin1Char('a') + QString::number(n);
        const auto kept = std::find_if(keptAutomated.begin(), keptAutomated.end(),
            [&](const Kept& k) { return QDate::fromString(QString::fromLatin1(k.date), Qt::ISODate) == date; });
        if (kept != keptAutomated.end())
            expected.append(Expected {id, true, kept->reasons, QString::fromLatin1(kept->expiresAt)});
        else
            expected.append(Expected {id, false, {QStringLiteral("not kept by schedule")}, kNull});
        if (date == QDate(2026, 11, 21)) // m2, 20 Nov 15:30, sits between 21 Nov and 20 Nov 04:00
            expected.append(keep("m2", {"manual #1/2"}));
        if (date == QDate(2026, 10, 1)) // m1, 1 Oct 08:15Z, is newer than 1 Oct 04:00
            expected.insert(expected.size() - 1, keep("m1", {"manual #2/2"}));
    }
    comparePlan(plan, expected);
    QCOMPARE(iso(plan.backups.at(6).backup.createdAtMs), QStringLiteral("2026-11-20T15:30:00Z"));
}

void TestRetentionPlanner::safetyBackupsStandAsideForSevenDays()
{
    // Step 2: a safety backup is kept until created_at + 7 d outside every count (it takes no manual slot, no
    // bucket, no cap place), then deleted with "safety expired"; protected wins over safety.
    const auto safety = [](const char* id, const char* time, bool isProtected = false) {
        RetentionBackup b = backup(id, time, false, isProtected);
        b.isSafety = true;
        return b;
    };
    const QList<RetentionBackup> backups {manual("m1", "2024-03-01T10:00:00Z"), manual("m2", "2024-03-05T10:00:00Z"),
        safety("s1", "2024-03-06T09:30:00Z"), safety("s0", "2024-02-20T08:00:00Z"),
        safety("sp", "2024-02-19T08:00:00Z", true), automatic("a1", "2024-03-06T04:00:00Z")};
    const RetentionPlan plan = RetentionPlanner::plan(backups, policy({{"1d", 1}}, 2, 2), at("2024-03-07T12:00:00Z"));
    QStringList got;
    for (const PlannedBackup& b : plan.backups)
        got.append(QStringLiteral("%1 %2 %3 %4")
                       .arg(b.backup.id, b.keep ? QStringLiteral("keep") : QStringLiteral("drop"),
                           b.reasons.join(QLatin1Char(',')), iso(b.expiresAtMs)));
    // Plan order is newest first across all of them. m1 and m2 both keep their manual slots (s1 takes none), and
    // the cap of 2 evicts m1 only because a1, m2 and m1 count: s1 does not.
    QCOMPARE(got,
        QStringList({QStringLiteral("s1 keep safety until 2024-03-13T09:30:00Z 2024-03-13T09:30:00Z"),
            QStringLiteral("a1 keep 1d #1/1 2024-03-08T00:00:00Z"), QStringLiteral("m2 keep manual #1/2 null"),
            QStringLiteral("m1 drop max_backups 2 null"), QStringLiteral("s0 drop safety expired null"),
            QStringLiteral("sp keep protected null")}));
    QCOMPARE(plan.kept, 4);
    QCOMPARE(plan.deleted, 2);
    // A safety backup is not a manual backup that a new one could replace.
    QVERIFY(!RetentionPlanner::manualBackupReplacedByNew(
        {safety("s", "2024-03-01T00:00:00Z"), manual("m", "2024-03-02T00:00:00Z")}, policy({}, 2)));
}

void TestRetentionPlanner::manualBackupReplacedByNew()
{
    const RetentionPolicy two = policy({{"1d", 7}}, 2);
    const QList<RetentionBackup> backups {manual("m1", "2024-02-01T10:00:00Z"), automatic("a9", "2024-02-29T04:00:00Z"),
        manual("m3", "2024-02-20T10:00:00Z"), manual("m2", "2024-02-10T10:00:00Z"),
        backup("pm", "2024-02-28T10:00:00Z", false, true)};

    // m3 and m2 are the two kept; a new manual backup pushes m2 out (m1 is already beyond the limit, and the protected
    // pm takes no manual slot).
    auto replaced = RetentionPlanner::manualBackupReplacedByNew(backups, two);
    QVERIFY(replaced);
    QCOMPARE(replaced->id, QStringLiteral("m2"));
    QCOMPARE(replaced->createdAtMs, at("2024-02-10T10:00:00Z"));
    QVERIFY(!replaced->automated);

    // Exactly at the limit: the older of the two goes.
    replaced = RetentionPlanner::manualBackupReplacedByNew(backups.mid(1, 3), two);
    QVERIFY(replaced);
    QCOMPARE(replaced->id, QStringLiteral("m2"));

    // With one manual backup the new one is only the second.
    QVERIFY(!RetentionPlanner::manualBackupReplacedByNew(backups.mid(1, 2), two));
    QVERIFY(!RetentionPlanner::manualBackupReplacedByNew({}, two));
    // Manual backups disabled: nothing is replaced (the new one itself is over the limit).
    QVERIFY(!RetentionPlanner::manualBackupReplacedByNew(backups, policy({{"1d", 7}}, 0)));

    // manual_count 1: the newest manual one; equal times break by id descending like the plan.
    replaced = RetentionPlanner::manualBackupReplacedByNew(
        {manual("x", "2024-02-20T10:00:00Z"), manual("y", "2024-02-20T10:00:00Z"), manual("w", "2024-02-19T10:00:00Z")},
        policy({}, 1));
    QVERIFY(replaced);
    QCOMPARE(replaced->id, QStringLiteral("y"));

    // What the function answers is what a plan with the new backup deletes.
    QList<RetentionBackup> withNew = backups;
    withNew.append(manual("new", "2024-03-01T10:00:00Z"));
    const RetentionPlan plan = RetentionPlanner::plan(withNew, two, at("2024-03-01T12:00:00Z"));
    const auto m2 = std::find_if(plan.backups.begin(), plan.backups.end(),
        [](const PlannedBackup& b) { return b.backup.id == QLatin1String("m2"); });
    QVERIFY(m2 != plan.backups.end());
    QVERIFY(!m2->keep);
    QCOMPARE(m2->reasons, strings({"manual limit 2"}));
}

void TestRetentionPlanner::finestInterval_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<QString>("finest");

    // Nominal lengths: h 3600, d 86400, w 604800, M 2629746, y 31556952 seconds.
    QTest::newRow("none") << policy({}) << QString();
    QTest::newRow("single") << policy({{"1M", 12}}) << QStringLiteral("1M");
    QTest::newRow("smallest wins") << policy({{"1M", 12}, {"1w", 4}, {"1d", 7}}) << QStringLiteral("1d");
    QTest::newRow("30d < 1M") << policy({{"1M", 1}, {"30d", 1}}) << QStringLiteral("30d");
    QTest::newRow("4w < 1M") << policy({{"1M", 1}, {"4w", 1}}) << QStringLiteral("4w");
    QTest::newRow("25h > 1d") << policy({{"25h", 1}, {"1d", 1}}) << QStringLiteral("1d");
    QTest::newRow("tie 1w 7d") << policy({{"1w", 1}, {"7d", 1}}) << QStringLiteral("1w");
    QTest::newRow("tie 7d 1w") << policy({{"7d", 1}, {"1w", 1}}) << QStringLiteral("7d");
    QTest::newRow("tie 24h 1d") << policy({{"1y", 1}, {"24h", 1}, {"1d", 1}}) << QStringLiteral("24h");
    QTest::newRow("tie 1d 24h") << policy({{"1d", 1}, {"24h", 1}}) << QStringLiteral("1d");
    QTest::newRow("tie 12M 1y") << policy({{"12M", 1}, {"1y", 1}}) << QStringLiteral("12M");
    QTest::newRow("tie 1y 12M") << policy({{"1y", 1}, {"12M", 1}}) << QStringLiteral("1y");
    QTest::newRow("tie 168h 1w 7d") << policy({{"2w", 1}, {"168h", 1}, {"1w", 1}, {"7d", 1}}) << QStringLiteral("168h");
}

void TestRetentionPlanner::finestInterval()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(QString, finest);

    const auto actual = RetentionPlanner::finestInterval(policy);
    QCOMPARE(actual ? actual->label() : QString(), finest);
}

void TestRetentionPlanner::finestTieDecidesTheExpiryClock()
{
    // 7d and 1w tie at 604800 s but their buckets differ: 7d buckets start on Thursdays (day 0 was one), 1w on
    // Mondays. b is made on Wednesday 6 Mar 2024 (day 19788, 7d bucket 2826 = 29 Feb..6 Mar). With 7d first the
    // scheduler's next backup is Thu 7 Mar 00:00: it is the newest of a new 7d bucket and of b's week, so b goes.
    // With 1w first the next one is Mon 11 Mar.
    const QList<RetentionBackup> backups {automatic("b", "2024-03-06T12:00:00Z")};
    const qint64 now = at("2024-03-06T13:00:00Z");
    comparePlan(RetentionPlanner::plan(backups, policy({{"7d", 1}, {"1w", 1}}), now),
        {keep("b", {"7d #1/1", "1w #1/1"}, "2024-03-07T00:00:00Z")});
    comparePlan(RetentionPlanner::plan(backups, policy({{"1w", 1}, {"7d", 1}}), now),
        {keep("b", {"1w #1/1", "7d #1/1"}, "2024-03-11T00:00:00Z")});
}

void TestRetentionPlanner::steadyStateAutomatedCount_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("count");

    // 1d x7 keeps the seven newest days, whenever the simulation ends.
    QTest::newRow("1d x7") << policy({{"1d", 7}}) << at("2026-11-26T12:00:00Z") << 7;
    QTest::newRow("1d x7, other day") << policy({{"1d", 7}}) << at("2024-02-29T00:00:00Z") << 7;
    QTest::newRow("1d x2 with manual and cap") << policy({{"1d", 2}}, 5, 100) << at("2024-02-29T00:00:00Z") << 2;

    // 1d x7, 1w x4, 1M x12 after the simulation's min(10000, floor(2629746 * 13 / 86400) + 2) = 397 daily backups,
    // the last one on day F = now's day + 397, weekday w (Mon 0 .. Sun 6), day of month dom:
    //  - 1d keeps F-0..F-6;
    //  - 1w keeps F and the Sundays F-w-1, F-w-8, F-w-15; F-w-1 is among the daily seven unless w = 6 (Sunday);
    //  - 1M keeps F and the last days of the 11 previous months; F-dom (last day of the previous month) is among
    //    the daily seven if dom <= 6, or a weekly Sunday if dom is w+1, w+8 or w+15; the older ones are > 28 days
    //    back, older than any weekly pick (at most 21 days back).
    // So the count is 7 + (w == 6 ? 3 : 2) + (F-dom already kept ? 10 : 11): between 19 and 21, depending on F.
    const RetentionPolicy tiers = policy({{"1d", 7}, {"1w", 4}, {"1M", 12}});
    // F = Thu 26 Nov 2026 (the worked example's 20): 7 + 2 + 11.
    QTest::newRow("tiers, Thursday") << tiers << at("2025-10-25T12:00:00Z") << 20;
    // F = Sun 29 Nov 2026: the previous Sunday is 7 days back, outside the daily seven: 7 + 3 + 11.
    QTest::newRow("tiers, Sunday") << tiers << at("2025-10-28T12:00:00Z") << 21;
    // F = Thu 3 Dec 2026: 30 Nov is among the daily seven: 7 + 2 + 10.
    QTest::newRow("tiers, early in the month") << tiers << at("2025-11-01T12:00:00Z") << 19;
    // F = Sun 6 Dec 2026: 7 + 3 + 10.
    QTest::newRow("tiers, Sunday early in the month") << tiers << at("2025-11-04T12:00:00Z") << 20;
}

void TestRetentionPlanner::steadyStateAutomatedCount()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(qint64, now);
    QFETCH(int, count);

    QCOMPARE(RetentionPlanner::steadyStateAutomatedCount(policy, now), count);
}

QTEST_GUILESS_MAIN(TestRetentionPlanner)
#include "tst_retentionplanner.moc"
