#include "domain/retentionpolicy.h"
#include "domain/timestamp.h"
#include "retention/retentionplanner.h"
#include "retention/retentionsimulation.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

// The retention simulator against the planner itself: for a year of simulated days, every prune the simulation
// claims is run again through RetentionPlanner::plan on the backups the simulation says exist at that moment, and
// what the planner keeps and deletes must be exactly what the simulation predicted. No part of the algorithm is
// written again here; the test only reads the simulation's own records (created, deleted at).
Q_DECLARE_METATYPE(RetentionPolicy)

class TestRetentionSimulation : public QObject
{
    Q_OBJECT

private slots:
    void matchesThePlannerDayByDay_data();
    void matchesThePlannerDayByDay();
    void realBackupsExpireAsProjected();
    void steadyState();
    void storageEstimate();
    void stopsAtTheWorkLimit();
};

namespace {

const qint64 kDayMs = 86400LL * 1000;

qint64 at(const char* iso)
{
    return *Timestamp::parseMsecs(QString::fromLatin1(iso));
}

RetentionPolicy policy(
    const QList<QPair<const char*, int>>& schedules, int manualCount = 2, std::optional<int> maxBackups = std::nullopt)
{
    RetentionPolicy p;
    for (const auto& [label, count] : schedules)
        p.schedules.append(Schedule {*Interval::parse(QString::fromLatin1(label)), count});
    p.manualCount = manualCount;
    p.maxBackups = maxBackups;
    return p;
}

// A year of history before `now`: an automated backup most days at about 04:00 (some days missed, some with a
// second one), manual backups now and then, one protected and one safety backup that expires during the simulation.
QList<RetentionBackup> history(qint64 nowMs, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<RetentionBackup> backups;
    int n = 0;
    const auto id = [&n] { return QStringLiteral("b%1").arg(++n, 4, 10, QLatin1Char('0')); };
    const qint64 firstDay = Timestamp::floorDiv(nowMs, kDayMs) - 365;
    for (qint64 day = firstDay; day * kDayMs < nowMs; ++day) {
        const qint64 base = day * kDayMs + 4 * 3600 * 1000 + random.bounded(600) * 1000;
        if (base < nowMs && random.bounded(10) != 0)
            backups.append({id(), base, true});
        if (random.bounded(15) == 0 && base + 3600 * 1000 < nowMs)
            backups.append({id(), base + 3600 * 1000, random.bounded(2) == 0});
    }
    backups.append({id(), nowMs - 200 * kDayMs, false, true}); // protected manual
    backups.append({id(), nowMs - 90 * kDayMs, true, true}); // protected automated
    backups.append({id(), nowMs - 2 * kDayMs, false, false, true}); // safety, 5 days left
    backups.append({id(), nowMs - 3 * kDayMs, true, true, true}); // protected safety
    return backups;
}

QStringList rules(const QStringList& reasons)
{
    QStringList out;
    for (const QString& r : reasons)
        out.append(r.section(QLatin1String(" #"), 0, 0));
    return out;
}

} // namespace

void TestRetentionSimulation::matchesThePlannerDayByDay_data()
{
    QTest::addColumn<RetentionPolicy>("policy");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("minimumPrunes"); // the simulation must have taken at least these many backups

    QTest::newRow("daily, weekly, monthly") << policy({{"1d", 7}, {"1w", 4}, {"1M", 12}}) << 1u << 365;
    QTest::newRow("every 6 hours, daily, weekly") << policy({{"6h", 4}, {"1d", 7}, {"1w", 2}}, 1) << 2u << 4 * 365;
    QTest::newRow("capped at 9") << policy({{"1d", 7}, {"1w", 4}, {"1M", 6}}, 2, 9) << 3u << 365;
    QTest::newRow("capped below the manual count") << policy({{"1d", 3}}, 5, 2) << 4u << 365;
    QTest::newRow("every 2 weeks, yearly") << policy({{"2w", 3}, {"1y", 2}}, 0) << 5u << 26;
    QTest::newRow("every 3 days, monthly oldest") << policy({{"3d", 2}, {"1M", 40}}) << 6u << 121;
    QTest::newRow("no schedule") << policy({}, 1) << 7u << 0;
}

void TestRetentionSimulation::matchesThePlannerDayByDay()
{
    QFETCH(RetentionPolicy, policy);
    QFETCH(quint32, seed);
    QFETCH(int, minimumPrunes);
    const qint64 now = at("2026-12-01T10:30:00Z");
    const qint64 end = now + 365 * kDayMs;
    const QList<RetentionBackup> real = history(now, seed);
    const RetentionSimulation sim = RetentionSimulation::run(real, policy, now, end);
    QVERIFY(!sim.isTruncated());
    QCOMPARE(sim.realCount(), real.size());
    QCOMPARE(sim.pruneTimes().first(), now);
    QVERIFY2(sim.pruneTimes().size() - 1 >= minimumPrunes, qPrintable(QString::number(sim.pruneTimes().size())));
    QVERIFY(std::is_sorted(sim.pruneTimes().begin(), sim.pruneTimes().end()));

    QSet<qint64> pruneSet(sim.pruneTimes().begin(), sim.pruneTimes().end());
    int checkedPrunes = 0;
    int deletions = 0;
    // A day at a time, every prune of that day.
    for (qint64 dayStart = Timestamp::floorDiv(now, kDayMs) * kDayMs; dayStart <= end; dayStart += kDayMs) {
        for (const qint64 t : sim.pruneTimes()) {
            if (t < dayStart || t >= dayStart + kDayMs)
                continue;
            // What the simulation says exists at this prune: created at or before it, not deleted before it.
            QList<RetentionBackup> present;
            QStringList predictedDeleted;
            QHash<QString, const SimulatedBackup*> byId;
            for (const SimulatedBackup& s : sim.backups()) {
                if (s.backup.createdAtMs > t || (s.deletedAtMs && *s.deletedAtMs < t))
                    continue;
                present.append(s.backup);
                byId.insert(s.backup.id, &s);
                if (s.deletedAtMs == t)
                    predictedDeleted.append(s.backup.id);
            }
            const RetentionPlan plan = RetentionPlanner::plan(present, policy, t, RetentionPlanner::Expiry::Skip);
            QStringList deleted = plan.deletedIds();
            deleted.sort();
            predictedDeleted.sort();
            QVERIFY2(deleted == predictedDeleted,
                qPrintable(QStringLiteral("%1: planner deletes [%2], simulation says [%3]")
                               .arg(Timestamp::formatMsecs(t), deleted.join(QLatin1Char(' ')),
                                   predictedDeleted.join(QLatin1Char(' ')))));
            // And why: the deletion reasons, and the rules the simulation says keep each survivor.
            for (const PlannedBackup& p : plan.backups) {
                const SimulatedBackup* s = byId.value(p.backup.id);
                QVERIFY(s);
                if (!p.keep) {
                    QCOMPARE(s->deletionReasons, p.reasons);
                    continue;
                }
                const SimulatedBackup::Phase* phase = nullptr;
                for (const SimulatedBackup::Phase& candidate : s->phases) {
                    if (candidate.fromMs <= t)
                        phase = &candidate;
                }
                QVERIFY2(phase, qPrintable(p.backup.id));
                QVERIFY(pruneSet.contains(phase->fromMs));
                QCOMPARE(rules(phase->reasons), rules(p.reasons));
                if (phase->fromMs == t)
                    QCOMPARE(phase->reasons, p.reasons);
            }
            deletions += int(deleted.size());
            ++checkedPrunes;
        }
    }
    QCOMPARE(checkedPrunes, sim.pruneTimes().size());
    // Whatever is not deleted within the year survives it, and nothing is deleted outside a prune.
    for (const SimulatedBackup& s : sim.backups()) {
        if (s.deletedAtMs)
            QVERIFY(pruneSet.contains(*s.deletedAtMs));
        QCOMPARE(s.simulated, s.backup.id.startsWith(QLatin1Char('~')));
        if (s.simulated)
            QVERIFY(s.backup.automated);
    }
    if (!policy.schedules.isEmpty())
        QVERIFY(deletions > 0);
}

void TestRetentionSimulation::realBackupsExpireAsProjected()
{
    // The timeline and the preview table's Expires column must tell the same story.
    const RetentionPolicy p = policy({{"1d", 7}, {"1w", 4}, {"1M", 12}}, 2);
    const qint64 now = at("2026-12-01T10:30:00Z");
    const qint64 end = now + 2 * 365 * kDayMs;
    const QList<RetentionBackup> real = history(now, 11);
    const RetentionSimulation sim = RetentionSimulation::run(real, p, now, end);
    const RetentionPlan projected = RetentionPlanner::plan(real, p, now);
    QCOMPARE(sim.deletedNow(), projected.deleted);
    int expiring = 0;
    for (qsizetype i = 0; i < sim.realCount(); ++i) {
        const SimulatedBackup& s = sim.backups().at(i);
        const PlannedBackup& planned = projected.backups.at(i);
        QCOMPARE(s.backup.id, planned.backup.id); // both in plan order
        if (!planned.keep) {
            QCOMPARE(s.deletedAtMs, std::optional<qint64>(now));
        } else if (s.backup.isSafety && !s.backup.isProtected) {
            // Kept until its week is over, then gone at the first prune after that.
            QVERIFY(s.deletedAtMs);
            QVERIFY(*s.deletedAtMs >= *planned.expiresAtMs);
            QVERIFY(*s.deletedAtMs - *planned.expiresAtMs < kDayMs);
        } else if (planned.expiresAtMs && *planned.expiresAtMs <= end) {
            QCOMPARE(s.deletedAtMs, planned.expiresAtMs);
            ++expiring;
        } else {
            QCOMPARE(s.deletedAtMs, std::nullopt);
        }
    }
    QVERIFY(expiring >= 15);
}

void TestRetentionSimulation::steadyState()
{
    const qint64 now = at("2026-11-26T12:00:00Z");
    // The worked example of retention-spec.md: 20 automated + 2 manual, 7 of them daily.
    const RetentionPolicy worked = policy({{"1d", 7}, {"1w", 4}, {"1M", 12}}, 2);
    const SteadyState s = RetentionSimulation::steadyState({}, worked, now);
    QCOMPARE(s.total, RetentionPlanner::steadyStateAutomatedCount(worked, now) + 2);
    QCOMPARE(s.total, 22);
    QCOMPARE(s.manual, 2);
    QCOMPARE(s.bySchedule.size(), 3);
    QCOMPARE(s.bySchedule.at(0).interval.label(), QStringLiteral("1d"));
    QCOMPARE(s.bySchedule.at(0).count, 7);
    QCOMPARE(s.bySchedule.at(1).interval.label(), QStringLiteral("1w"));
    QCOMPARE(s.bySchedule.at(2).interval.label(), QStringLiteral("1M"));
    QCOMPARE(s.bySchedule.at(0).count + s.bySchedule.at(1).count + s.bySchedule.at(2).count, 20);

    // Real protected backups stay; real automated ones are all replaced by the scheduler's; safety ones go.
    const QList<RetentionBackup> real = history(now, 3);
    const SteadyState withReal = RetentionSimulation::steadyState(real, worked, now);
    QCOMPARE(withReal.protectedCount, 3);
    QCOMPARE(withReal.total, 22 + 3);

    // A cap holds the steady state, protected backups aside.
    const RetentionPolicy capped = policy({{"1d", 7}, {"1w", 4}}, 2, 6);
    const SteadyState c = RetentionSimulation::steadyState(real, capped, now);
    QCOMPARE(c.total - c.protectedCount, 6);

    // Without a schedule nothing new comes: today's automated backups stay, with the manual ones.
    const RetentionPolicy none = policy({}, 1);
    int automated = 0;
    for (const RetentionBackup& b : real)
        automated += b.automated && !b.isProtected;
    const SteadyState n = RetentionSimulation::steadyState(real, none, now);
    QCOMPARE(n.unscheduled, automated);
    QCOMPARE(n.manual, 1);
    QVERIFY(n.bySchedule.isEmpty());
}

void TestRetentionSimulation::storageEstimate()
{
    const qint64 mib = 1024 * 1024;
    SteadyState s;
    s.total = 22;
    QList<Backup> backups(4);
    backups[0].sizeUsed = 100 * mib;
    backups[1].sizeUsed = 2 * mib;
    backups[2].sizeUsed = 3 * mib;
    backups[3].sizeUsed = 4 * mib;
    for (Backup& b : backups)
        b.sizeOfVolumes = 150 * mib;
    RetentionSimulation::estimateStorage(s, backups);
    QCOMPARE(s.storageBasis, SteadyState::StorageBasis::NewlyStored);
    QCOMPARE(s.fullCopyBytes, 100 * mib);
    QCOMPARE(s.perBackupBytes, 3 * mib);
    QCOMPARE(s.storageBytes, 100 * mib + 21 * 3 * mib);
    QCOMPARE(s.sizeSamples, 4);

    // A backup being deleted is not counted.
    backups[0].status = Backup::Status::Deleting;
    RetentionSimulation::estimateStorage(s, backups);
    QCOMPARE(s.fullCopyBytes, 4 * mib);

    RetentionSimulation::estimateStorage(s, backups.mid(3));
    QCOMPARE(s.storageBasis, SteadyState::StorageBasis::SingleBackup);
    QCOMPARE(s.storageBytes, 4 * mib);

    for (Backup& b : backups)
        b.sizeUsed.reset();
    RetentionSimulation::estimateStorage(s, backups);
    QCOMPARE(s.storageBasis, SteadyState::StorageBasis::Logical);
    QCOMPARE(s.storageBytes, 22 * 150 * mib);

    RetentionSimulation::estimateStorage(s, {});
    QCOMPARE(s.storageBasis, SteadyState::StorageBasis::None);
    QCOMPARE(s.storageBytes, 0);
}

void TestRetentionSimulation::stopsAtTheWorkLimit()
{
    // A thousand hourly backups kept, simulated hour by hour for two years: stopped early, and says where.
    const RetentionPolicy p = policy({{"1h", 1000}});
    const qint64 now = at("2026-12-01T10:30:00Z");
    const qint64 end = now + 2 * 365 * kDayMs;
    const RetentionSimulation sim = RetentionSimulation::run({}, p, now, end);
    QVERIFY(sim.isTruncated());
    QVERIFY(sim.simulatedUntilMs() > now + 30 * kDayMs);
    QCOMPARE(sim.simulatedUntilMs(), sim.pruneTimes().last());
    int kept = 0;
    for (const SimulatedBackup& s : sim.backups())
        kept += !s.deletedAtMs;
    QCOMPARE(kept, 1000);

    // A steady state that takes longer than the limit to reach says it is a lower bound.
    QVERIFY(!RetentionSimulation::steadyState({}, p, now).truncated);
    const SteadyState huge = RetentionSimulation::steadyState({}, policy({{"1h", 3000}}), now);
    QVERIFY(huge.truncated);
    QVERIFY(huge.total > 1000 && huge.total < 3000 + 2);
}

QTEST_GUILESS_MAIN(TestRetentionSimulation)
#include "tst_retentionsimulation.moc"
