#include "domain/retentionpolicy.h"
#include "retention/retentionplanner.h"

#include <algorithm>
#include <map>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QTest>
#include <vector>

// Property tests of retention-spec.md on seeded random inputs, plus a comparison with a deliberately naive
// reference implementation written straight from the spec text (QDate calendar, re-sorting at every step, no
// shortcuts), so that any disagreement points at one of the two.
class TestRetentionProperties : public QObject
{
    Q_OBJECT

private slots:
    void properties_data();
    void properties();
    void generatorCoverage();
};

namespace {

constexpr int kSeeds = 600;

qint64 floorDivision(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// --- reference implementation -----------------------------------------------------------------------------------

constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

QDate dateOfDay(qint64 day)
{
    return QDate::fromJulianDay(day + kJulianDayOfEpoch);
}

qint64 secondsOfDate(const QDate& date)
{
    return (date.toJulianDay() - kJulianDayOfEpoch) * 86400;
}

qint64 referenceKey(qint64 s, const Interval& iv)
{
    const qint64 k = iv.multiplier;
    const qint64 day = floorDivision(s, 86400);
    const QDate date = dateOfDay(day);
    switch (iv.unit) {
    case Interval::Unit::Hour:
        return floorDivision(s, 3600 * k);
    case Interval::Unit::Day:
        return floorDivision(day, k);
    case Interval::Unit::Week:
        return floorDivision(day - 4, 7 * k);
    case Interval::Unit::Month:
        return floorDivision(12 * qint64(date.year()) + date.month() - 1, k);
    case Interval::Unit::Year:
        return floorDivision(date.year(), k);
    }
    qFatal("unknown unit");
}

// The first second that maps to `key`, found from the calendar rather than by formula where possible.
qint64 referenceStart(qint64 key, const Interval& iv)
{
    const qint64 k = iv.multiplier;
    switch (iv.unit) {
    case Interval::Unit::Hour:
        return key * k * 3600;
    case Interval::Unit::Day:
        return key * k * 86400;
    case Interval::Unit::Week:
        return (key * k * 7 + 4) * 86400;
    case Interval::Unit::Month: {
        const qint64 month = key * k;
        const qint64 year = floorDivision(month, 12);
        return secondsOfDate(QDate(int(year), int(month - 12 * year + 1), 1));
    }
    case Interval::Unit::Year:
        return secondsOfDate(QDate(int(key * k), 1, 1));
    }
    qFatal("unknown unit");
}

struct RefItem
{
    QString id;
    QByteArray utf8Id;
    qint64 ms = 0;
    bool automated = false;
    bool isProtected = false;
    bool simulated = false;
    int source = -1; // index into the input list, -1 for simulated backups
    std::vector<qint64> keys; // one per schedule
};

// Step 1: newest first, ties by id descending byte-wise (UTF-8); a simulated backup is the newer at equal times.
bool refNewer(const RefItem& a, const RefItem& b)
{
    if (a.ms != b.ms)
        return a.ms > b.ms;
    if (a.simulated != b.simulated)
        return a.simulated;
    return a.utf8Id > b.utf8Id;
}

RefItem refItem(const RetentionBackup& b, int source, const RetentionPolicy& policy)
{
    RefItem item {b.id, b.id.toUtf8(), b.createdAtMs, b.automated, b.isProtected, false, source, {}};
    for (const Schedule& s : policy.schedules)
        item.keys.push_back(referenceKey(floorDivision(b.createdAtMs, 1000), s.interval));
    return item;
}

struct RefPlan
{
    std::vector<bool> keep;
    std::vector<QStringList> reasons;
};

// Steps 2–9 over items in plan order.
RefPlan referencePlan(const std::vector<RefItem>& items, const RetentionPolicy& policy, bool withReasons = true)
{
    const size_t n = items.size();
    RefPlan out {std::vector<bool>(n, false), std::vector<QStringList>(n)};
    // Reasons are only formatted when asked for: the expiry simulation plans thousands of times.
    const auto note = [&](size_t i, const auto& reason) {
        if (withReasons)
            out.reasons[i].append(reason());
    };
    std::vector<size_t> automated, manual;
    for (size_t i = 0; i < n; ++i) {
        if (items[i].isProtected) {
            out.keep[i] = true;
            note(i, [] { return QStringLiteral("protected"); });
        } else if (items[i].automated) {
            automated.push_back(i);
        } else {
            manual.push_back(i);
        }
    }
    if (policy.schedules.isEmpty()) {
        for (size_t a : automated) {
            out.keep[a] = true;
            note(a, [] { return QStringLiteral("no schedule"); });
        }
    }
    for (qsizetype j = 0; j < policy.schedules.size(); ++j) {
        const Schedule& schedule = policy.schedules.at(j);
        const QString label = schedule.interval.label();
        int buckets = 0;
        qint64 previous = 0;
        std::vector<size_t> keptHere;
        for (size_t a : automated) {
            const qint64 key = items[a].keys[size_t(j)];
            if (buckets > 0 && key == previous)
                continue;
            previous = key;
            ++buckets;
            if (buckets > schedule.count)
                break;
            out.keep[a] = true;
            note(a, [&] { return QStringLiteral("%1 #%2/%3").arg(label).arg(buckets).arg(schedule.count); });
            keptHere.push_back(a);
        }
        if (buckets < schedule.count && !automated.empty()
            && std::find(keptHere.begin(), keptHere.end(), automated.back()) == keptHere.end()) {
            out.keep[automated.back()] = true;
            note(automated.back(), [&]() -> QString { return label + QStringLiteral(" oldest"); });
        }
    }
    for (size_t i = 0; i < manual.size(); ++i) {
        if (int(i) < policy.manualCount) {
            out.keep[manual[i]] = true;
            note(manual[i], [&] { return QStringLiteral("manual #%1/%2").arg(i + 1).arg(policy.manualCount); });
        } else {
            note(manual[i], [&] { return QStringLiteral("manual limit %1").arg(policy.manualCount); });
        }
    }
    if (!policy.schedules.isEmpty()) {
        for (size_t a : automated) {
            if (!out.keep[a])
                note(a, [] { return QStringLiteral("not kept by schedule"); });
        }
    }
    if (policy.maxBackups) {
        // "Never the newest backup": the newest of those the cap applies to (protected ones take no part).
        std::optional<size_t> newest;
        int kept = 0;
        for (size_t i = 0; i < n; ++i) {
            if (items[i].isProtected)
                continue;
            if (!newest)
                newest = i;
            kept += out.keep[i];
        }
        std::vector<size_t> order(automated.rbegin(), automated.rend());
        order.insert(order.end(), manual.rbegin(), manual.rend());
        for (size_t i : order) {
            if (kept <= *policy.maxBackups)
                break;
            if (!out.keep[i] || i == newest)
                continue;
            out.keep[i] = false;
            out.reasons[i].clear();
            note(i, [&] { return QStringLiteral("max_backups %1").arg(*policy.maxBackups); });
            --kept;
        }
    }
    return out;
}

struct RefResult
{
    QString id;
    bool keep = false;
    QStringList reasons;
    std::optional<qint64> expiresAtMs;
};

std::vector<RefResult> referenceResult(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs)
{
    std::vector<RefItem> items;
    for (qsizetype i = 0; i < backups.size(); ++i)
        items.push_back(refItem(backups.at(i), int(i), policy));
    std::sort(items.begin(), items.end(), refNewer);
    const RefPlan plan = referencePlan(items, policy);
    std::vector<RefResult> results;
    std::vector<int> resultOfSource(size_t(backups.size()), -1);
    for (size_t i = 0; i < items.size(); ++i) {
        results.push_back(RefResult {items[i].id, plan.keep[i], plan.reasons[i], std::nullopt});
        resultOfSource[size_t(items[i].source)] = int(i);
    }
    if (policy.schedules.isEmpty())
        return results;

    const Schedule* finest = nullptr;
    qint64 longest = 0;
    for (const Schedule& s : policy.schedules) {
        if (!finest || s.interval.nominalSeconds() < finest->interval.nominalSeconds())
            finest = &s;
        longest = std::max(longest, s.interval.nominalSeconds() * (s.count + 1));
    }
    const qint64 limit = std::min<qint64>(10000, longest / finest->interval.nominalSeconds() + 2);
    const qint64 nowKey = referenceKey(floorDivision(nowMs, 1000), finest->interval);

    std::vector<RefItem> current;
    int waiting = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (plan.keep[i]) {
            current.push_back(items[i]);
            waiting += !items[i].isProtected;
        }
    }
    for (qint64 step = 1; step <= limit && waiting > 0; ++step) {
        const qint64 t = referenceStart(nowKey + step, finest->interval);
        RefItem simulated {QString(), QByteArray(), t * 1000, true, false, true, -1, {}};
        for (const Schedule& s : policy.schedules)
            simulated.keys.push_back(referenceKey(t, s.interval));
        current.push_back(simulated);
        std::sort(current.begin(), current.end(), refNewer);
        const RefPlan next = referencePlan(current, policy, false);
        std::vector<RefItem> survivors;
        for (size_t i = 0; i < current.size(); ++i) {
            if (next.keep[i]) {
                survivors.push_back(current[i]);
            } else if (current[i].source >= 0) {
                results[size_t(resultOfSource[size_t(current[i].source)])].expiresAtMs = t * 1000;
                --waiting;
            }
        }
        current.swap(survivors);
    }
    return results;
}

// --- random inputs ------------------------------------------------------------------------------------------------

struct Input
{
    RetentionPolicy policy;
    QList<RetentionBackup> backups;
    qint64 nowMs = 0;
};

Interval randomInterval(QRandomGenerator& rng)
{
    Interval iv;
    iv.unit = Interval::Unit(rng.bounded(5));
    static const int common[] = {1, 1, 1, 1, 2, 2, 3, 4, 6, 7, 12, 14, 24, 48, 168};
    int k = common[rng.bounded(int(std::size(common)))];
    if (rng.bounded(8) == 0)
        k = 1 + rng.bounded(iv.unit == Interval::Unit::Year ? 10 : 400);
    if (iv.unit == Interval::Unit::Year)
        k = std::min(k, 10); // keeps bucket starts after year 1 for QDate in the reference
    iv.multiplier = k;
    return iv;
}

Input randomInput(quint32 seed)
{
    QRandomGenerator rng(seed);
    Input in;
    const int schedules = rng.bounded(5);
    while (in.policy.schedules.size() < schedules) {
        Schedule s {randomInterval(rng), rng.bounded(6) == 0 ? 1 + rng.bounded(60) : 1 + rng.bounded(12)};
        const bool duplicate = std::any_of(in.policy.schedules.begin(), in.policy.schedules.end(),
            [&](const Schedule& other) { return other.interval.label() == s.interval.label(); });
        if (!duplicate)
            in.policy.schedules.append(s);
    }
    in.policy.manualCount = rng.bounded(6);
    if (rng.bounded(3) == 0)
        in.policy.maxBackups = 1 + rng.bounded(rng.bounded(2) ? 6 : 40);

    static const char* const prefixes[] = {"a", "b", "B", "a1", "\xc3\xa9", "z", "\xef\xbf\xbd", "\xf0\x9f\x98\x80"};
    const qint64 start = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = qint64(730) * 86400 * 1000;
    const int n = rng.bounded(2) ? rng.bounded(301) : rng.bounded(25);
    qint64 newest = start;
    for (int i = 0; i < n; ++i) {
        qint64 ms = start + qint64(rng.generateDouble() * double(span));
        const int shape = rng.bounded(20);
        if (shape < 3 && !in.backups.isEmpty()) {
            ms = in.backups.at(rng.bounded(int(in.backups.size()))).createdAtMs; // an equal timestamp
        } else if (shape < 5) {
            ms = floorDivision(ms, 86400000) * 86400000 - (shape == 3 ? 1 : 0); // midnight or just before it
        } else if (shape < 10) {
            ms = floorDivision(ms, 1000) * 1000; // whole seconds
        }
        const QString id = QString::fromUtf8(prefixes[rng.bounded(int(std::size(prefixes)))]) + QLatin1Char('-')
            + QString::number(i);
        const bool automated = rng.bounded(4) != 0;
        const bool isProtected = rng.bounded(10) == 0;
        in.backups.append(RetentionBackup {id, ms, automated, isProtected});
        newest = std::max(newest, ms);
    }
    // Usually after the newest backup, sometimes in the middle of them.
    in.nowMs = rng.bounded(4) == 0 ? start + qint64(rng.generateDouble() * double(span))
                                   : newest + qint64(rng.bounded(40 * 86400)) * 1000;
    return in;
}

QString describe(const Input& in)
{
    QStringList schedules;
    for (const Schedule& s : in.policy.schedules)
        schedules.append(s.interval.label() + QLatin1Char('x') + QString::number(s.count));
    return QStringLiteral("policy [%1] manual %2 cap %3, %4 backups, now %5")
        .arg(schedules.join(QLatin1String(", ")))
        .arg(in.policy.manualCount)
        .arg(in.policy.maxBackups ? QString::number(*in.policy.maxBackups) : QStringLiteral("none"))
        .arg(in.backups.size())
        .arg(QDateTime::fromMSecsSinceEpoch(in.nowMs, Qt::UTC).toString(Qt::ISODateWithMs));
}

QString describe(const std::optional<qint64>& ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("null");
}

QString describe(const PlannedBackup& b)
{
    return b.backup.id + (b.keep ? QLatin1String(" keep [") : QLatin1String(" delete [")) + b.reasons.join(u'|')
        + QLatin1String("] ") + describe(b.expiresAtMs);
}

QString describe(const RefResult& r)
{
    return r.id + (r.keep ? QLatin1String(" keep [") : QLatin1String(" delete [")) + r.reasons.join(u'|')
        + QLatin1String("] ") + describe(r.expiresAtMs);
}

QHash<QString, const PlannedBackup*> byId(const RetentionPlan& plan)
{
    QHash<QString, const PlannedBackup*> out;
    for (const PlannedBackup& b : plan.backups)
        out.insert(b.backup.id, &b);
    return out;
}

template<typename T>
void shuffle(QList<T>& list, QRandomGenerator& rng)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, rng.bounded(int(i + 1)));
}

// What the generator produced and what the plans did, so that generatorCoverage() can show the properties were
// exercised on inputs where they can fail.
std::map<QString, int> g_seen;

void see(const char* what, bool happened = true)
{
    if (happened)
        ++g_seen[QString::fromLatin1(what)];
}

} // namespace

void TestRetentionProperties::properties_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= kSeeds; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestRetentionProperties::properties()
{
    QFETCH(quint32, seed);
    const Input in = randomInput(seed);
    QVERIFY2(in.policy.validate().isEmpty(), qPrintable(describe(in)));
    const QByteArray context = describe(in).toUtf8();
    const RetentionPolicy& policy = in.policy;
    const qsizetype n = in.backups.size();

    const RetentionPlan plan = RetentionPlanner::plan(in.backups, policy, in.nowMs);

    // kept + deleted == n, and the plan lists every input once.
    QVERIFY2(plan.backups.size() == n, context);
    QVERIFY2(plan.kept + plan.deleted == n, context);
    QVERIFY2(plan.kept == plan.keptIds().size(), context);
    QStringList inputIds;
    for (const RetentionBackup& b : in.backups)
        inputIds.append(b.id);
    QStringList planIds = plan.keptIds() + plan.deletedIds();
    inputIds.sort();
    planIds.sort();
    QVERIFY2(planIds == inputIds, context);

    // The naive reference agrees on everything, in plan order.
    const std::vector<RefResult> reference = referenceResult(in.backups, policy, in.nowMs);
    for (qsizetype i = 0; i < n; ++i) {
        const QString actual = describe(plan.backups.at(i));
        const QString expected = describe(reference[size_t(i)]);
        QVERIFY2(actual == expected,
            qPrintable(QStringLiteral("%1\n  at %2: planner %3\n        reference %4")
                           .arg(QString::fromUtf8(context))
                           .arg(i)
                           .arg(actual, expected)));
    }

    int keptUnprotected = 0;
    int keptManual = 0;
    std::optional<qsizetype> newestUnprotected;
    for (qsizetype i = 0; i < n; ++i) {
        const PlannedBackup& b = plan.backups.at(i);
        QVERIFY2(!b.reasons.isEmpty(), context);
        if (b.backup.isProtected) {
            QVERIFY2(b.keep && b.reasons == QStringList {QStringLiteral("protected")}, context);
            QVERIFY2(!b.expiresAtMs, context); // the policy never deletes it
            continue;
        }
        if (!newestUnprotected)
            newestUnprotected = i;
        keptUnprotected += b.keep;
        keptManual += b.keep && !b.backup.automated;
        if (!b.keep) {
            QVERIFY2(!b.expiresAtMs, context); // deleted: null expiry
            QVERIFY2(b.reasons.size() == 1, context);
        } else if (b.expiresAtMs) {
            QVERIFY2(*b.expiresAtMs > in.nowMs, context); // strictly after now
        }
        if (policy.schedules.isEmpty())
            QVERIFY2(!b.expiresAtMs, context);
        see("evicted by the cap", b.reasons.first().startsWith(QLatin1String("max_backups")));
        see("kept by a fallback", b.reasons.join(u'|').contains(QLatin1String("oldest")));
        see("kept by several schedules", b.reasons.count() > 1 && b.keep);
        see("manual over the limit", b.reasons.first().startsWith(QLatin1String("manual limit")));
        see("manual with an expiry", !b.backup.automated && b.expiresAtMs.has_value());
        see("automated kept, null expiry",
            b.backup.automated && b.keep && !b.expiresAtMs && !policy.schedules.isEmpty());
    }
    // Nothing kept beyond max_backups (protected ones excepted) unless only the newest remains.
    if (policy.maxBackups) {
        const bool onlyNewest = keptUnprotected == 1 && plan.backups.at(*newestUnprotected).keep;
        QVERIFY2(keptUnprotected <= *policy.maxBackups || onlyNewest, context);
    }
    // At most manual_count manual, non-protected backups are kept.
    QVERIFY2(keptManual <= policy.manualCount, context);
    see("ran", true);
    see("had a cap", policy.maxBackups.has_value());
    see("had no schedule", policy.schedules.isEmpty());
    see("empty input", n == 0);
    see("now before some backups", std::any_of(in.backups.begin(), in.backups.end(), [&](const RetentionBackup& b) {
        return b.createdAtMs > in.nowMs;
    }));
    for (qsizetype i = 1; i < n; ++i) {
        if (plan.backups.at(i).backup.createdAtMs == plan.backups.at(i - 1).backup.createdAtMs) {
            see("equal timestamps");
            break;
        }
    }

    // Planning the kept set again deletes nothing (in another order, to be sure).
    QRandomGenerator rng(seed ^ 0x5eed5eedu);
    QList<RetentionBackup> keptSet;
    for (const PlannedBackup& b : plan.backups) {
        if (b.keep)
            keptSet.append(b.backup);
    }
    shuffle(keptSet, rng);
    const RetentionPlan again = RetentionPlanner::plan(keptSet, policy, in.nowMs, RetentionPlanner::Expiry::Skip);
    QVERIFY2(again.deleted == 0,
        qPrintable(QString::fromUtf8(context) + QLatin1String(": replanning deletes ")
            + again.deletedIds().join(QLatin1String(", "))));

    // The input order changes nothing at all.
    QList<RetentionBackup> shuffled = in.backups;
    shuffle(shuffled, rng);
    const RetentionPlan reordered = RetentionPlanner::plan(shuffled, policy, in.nowMs);
    for (qsizetype i = 0; i < n; ++i)
        QVERIFY2(describe(reordered.backups.at(i)) == describe(plan.backups.at(i)), context);

    // The schedule order changes no decision and no expiry; it only orders a backup's reasons. The one exception the
    // spec itself makes: the expiry clock is the first of the finest schedules, so when two schedules tie in length
    // with different buckets (7d and 1w) a reordering may move expiries; then only decisions are compared.
    RetentionPolicy reversed = policy;
    std::reverse(reversed.schedules.begin(), reversed.schedules.end());
    RetentionPolicy rotated = policy;
    if (!rotated.schedules.isEmpty())
        std::rotate(rotated.schedules.begin(), rotated.schedules.begin() + 1, rotated.schedules.end());
    const auto original = byId(plan);
    for (const RetentionPolicy& other : {reversed, rotated}) {
        const bool sameClock = RetentionPlanner::finestInterval(other) == RetentionPlanner::finestInterval(policy);
        see("schedule order moved the expiry clock", !sameClock);
        shuffle(shuffled, rng);
        const RetentionPlan plan2 = RetentionPlanner::plan(shuffled, other, in.nowMs);
        QVERIFY2(plan2.kept == plan.kept, context);
        for (const PlannedBackup& b : plan2.backups) {
            const PlannedBackup* a = original.value(b.backup.id);
            QVERIFY2(a, context);
            QVERIFY2(a->keep == b.keep, qPrintable(QString::fromUtf8(context) + QLatin1Char(' ') + b.backup.id));
            QStringList ra = a->reasons;
            QStringList rb = b.reasons;
            ra.sort();
            rb.sort();
            QVERIFY2(ra == rb, qPrintable(QString::fromUtf8(context) + QLatin1Char(' ') + b.backup.id));
            if (sameClock) {
                QVERIFY2(a->expiresAtMs == b.expiresAtMs,
                    qPrintable(QString::fromUtf8(context) + QLatin1Char(' ') + describe(*a) + QLatin1String(" vs ")
                        + describe(b)));
            }
        }
    }

    // Skipping the projection changes no decision.
    const RetentionPlan skipped = RetentionPlanner::plan(in.backups, policy, in.nowMs, RetentionPlanner::Expiry::Skip);
    for (qsizetype i = 0; i < n; ++i) {
        QVERIFY2(skipped.backups.at(i).keep == plan.backups.at(i).keep, context);
        QVERIFY2(skipped.backups.at(i).reasons == plan.backups.at(i).reasons, context);
        QVERIFY2(!skipped.backups.at(i).expiresAtMs, context);
    }
}

void TestRetentionProperties::generatorCoverage()
{
    // The random inputs must reach the situations the properties are about, or passing proves little.
    for (const auto& [what, count] : g_seen)
        qInfo("%s: %d", qPrintable(what), count);
    QCOMPARE(g_seen[QStringLiteral("ran")], kSeeds);
    for (const char* what : {"had a cap", "had no schedule", "empty input", "evicted by the cap", "kept by a fallback",
             "kept by several schedules", "manual over the limit", "equal timestamps", "now before some backups",
             "manual with an expiry", "automated kept, null expiry", "schedule order moved the expiry clock"})
        QVERIFY2(g_seen[QString::fromLatin1(what)] > 0, what);
}

QTEST_GUILESS_MAIN(TestRetentionProperties)
#include "tst_retentionproperties.moc"
