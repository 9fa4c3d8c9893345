#include "modelroles.h"
#include "retention/retentionplanner.h"
#include "retentionpreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

class TestRetentionPreviewModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matchesThePlanner();
    void debounces();
    void neverDeliversAnOutdatedDraft();
    void resultAfterTheModelDiedIsDropped();
    void tenThousandBackupsStayResponsive();
    void incrementalUpdates();
    void invalidPolicyIsNotPlanned();
    void backupsBeingDeletedTakeNoPart();
    void replacedByNewManualBackup();
    void steadyStateCount();

private:
    void attach(RetentionPreviewModel* model);
    // Waits for the model's plan of its current inputs.
    bool waitForPlan(RetentionPreviewModel& model, int timeoutMs = 30000);

    RetentionPreviewModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

namespace {

const qint64 kNow = QDateTime::fromString(QStringLiteral("2026-11-26T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

Backup backup(const QString& id, qint64 createdAtMs, bool automated)
{
    Backup b;
    b.id = id;
    b.createdAtMs = b.updatedAtMs = createdAtMs;
    b.environment = QStringLiteral("main");
    b.automated = automated;
    return b;
}

// Daily automated backups at 04:00Z going back `days` from the day of kNow, and `manual` manual ones in between.
QList<Backup> daily(int days, int manual)
{
    const qint64 today = kNow - kNow % kDay + 4 * kHour;
    QList<Backup> backups;
    for (int i = 0; i < days; ++i)
        backups.append(backup(QStringLiteral("a%1").arg(days - i, 5, 10, QLatin1Char('0')), today - i * kDay, true));
    for (int i = 0; i < manual; ++i)
        backups.append(backup(QStringLiteral("m%1").arg(i), today - i * 3 * kDay - 7 * kHour, false));
    return backups;
}

// Hourly automated backups: 10 000 of them are a bit over a year.
QList<Backup> hourly(int count)
{
    const qint64 newest = kNow - kNow % kHour;
    QList<Backup> backups;
    backups.reserve(count);
    for (int i = 0; i < count; ++i)
        backups.append(backup(QStringLiteral("h%1").arg(count - i, 6, 10, QLatin1Char('0')), newest - i * kHour, true));
    return backups;
}

RetentionPolicy policy(QList<Schedule> schedules, int manualCount = 2, std::optional<int> maxBackups = std::nullopt)
{
    RetentionPolicy p;
    p.schedules = std::move(schedules);
    p.manualCount = manualCount;
    p.maxBackups = maxBackups;
    return p;
}

RetentionPolicy specPolicy()
{
    return policy({{{1, Interval::Unit::Day}, 7}, {{1, Interval::Unit::Week}, 4}, {{1, Interval::Unit::Month}, 12}});
}

QList<RetentionBackup> planInput(const QList<Backup>& backups)
{
    QList<RetentionBackup> input;
    for (const Backup& b : backups) {
        if (b.status == Backup::Status::Created)
            input.append({b.id, b.createdAtMs, b.automated, b.isProtected()});
    }
    return input;
}

RetentionPlan expectedPlan(const QList<Backup>& backups, const RetentionPolicy& policy, qint64 now = kNow)
{
    return RetentionPlanner::plan(planInput(backups), policy, now);
}

// Every row of the model against the planner's own answer; an empty string when they agree.
QString differences(const RetentionPreviewModel& model, const RetentionPlan& plan)
{
    if (model.rowCount() != plan.backups.size())
        return QStringLiteral("%1 rows, the planner has %2").arg(model.rowCount()).arg(plan.backups.size());
    if (model.keptCount() != plan.kept || model.deletedCount() != plan.deleted)
        return QStringLiteral("kept/deleted %1/%2, the planner says %3/%4")
            .arg(model.keptCount())
            .arg(model.deletedCount())
            .arg(plan.kept)
            .arg(plan.deleted);
    for (int row = 0; row < model.rowCount(); ++row) {
        const PlannedBackup& p = plan.backups.at(row);
        const QModelIndex index = model.index(row, 0);
        const QVariant expires = index.data(ExpiresRole);
        // (Compared as a pair, not as std::optional: GCC 12 at -O2 warns about the optional's storage.)
        const bool hasShown = expires.isValid();
        const qint64 shownValue = hasShown ? expires.toLongLong() : 0;
        if (index.data(BackupIdRole).toString() != p.backup.id || index.data(DecisionRole).toBool() != p.keep
            || index.data(ReasonsRole).toStringList() != p.reasons || hasShown != p.expiresAtMs.has_value()
            || (hasShown && shownValue != *p.expiresAtMs))
            return QStringLiteral("row %1 (%2) differs from the planner").arg(row).arg(p.backup.id);
    }
    return {};
}

QStringList ids(const QList<Backup>& backups)
{
    QStringList result;
    for (const Backup& b : backups)
        result.append(b.id);
    return result;
}

} // namespace

void TestRetentionPreviewModel::init()
{
    m_model = new RetentionPreviewModel(this);
    m_model->setNow(kNow);
    attach(m_model);
}

void TestRetentionPreviewModel::cleanup()
{
    delete m_tester;
    delete m_model;
    m_tester = nullptr;
    // No test leaves work behind for the next one.
    QThreadPool::globalInstance()->waitForDone();
}

void TestRetentionPreviewModel::attach(RetentionPreviewModel* model)
{
    delete m_tester;
    m_tester = new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

bool TestRetentionPreviewModel::waitForPlan(RetentionPreviewModel& model, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (model.isComputing() && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return !model.isComputing();
}

void TestRetentionPreviewModel::matchesThePlanner()
{
    QSignalSpy ready(m_model, &RetentionPreviewModel::planReady);
    QSignalSpy computing(m_model, &RetentionPreviewModel::computingChanged);
    const QList<Backup> backups = daily(365, 3);
    m_model->setBackups(backups);
    m_model->setPolicy(specPolicy());
    QVERIFY(m_model->isComputing()); // since init() set the time
    QCOMPARE(computing.count(), 0);
    QVERIFY(ready.wait(30000));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!m_model->isComputing());
    QCOMPARE(computing.count(), 1);
    QCOMPARE(computing.at(0).at(0).toBool(), false);
    m_model->setNow(kNow + 1);
    QCOMPARE(computing.count(), 2);
    QCOMPARE(computing.at(1).at(0).toBool(), true);
    QVERIFY(ready.wait(30000));
    m_model->setNow(kNow);
    QVERIFY(ready.wait(30000));

    const RetentionPlan plan = expectedPlan(backups, specPolicy());
    QCOMPARE(differences(*m_model, plan), QString());
    // The spec's worked example: 20 automated + 2 manual kept.
    QCOMPARE(m_model->keptCount(), 22);
    QCOMPARE(m_model->plan().nowMs, kNow);
    QCOMPARE(m_model->plan().keptIds(), plan.keptIds());
    QCOMPARE(ids(m_model->deletedBackups()), plan.deletedIds());
    QCOMPARE(m_model->deletedBackups().size(), m_model->deletedCount());
    QCOMPARE(m_model->steadyStateCount(), RetentionPlanner::steadyStateAutomatedCount(specPolicy(), kNow) + 2);
    QCOMPARE(m_model->replacedByNewManualBackup()->id,
        RetentionPlanner::manualBackupReplacedByNew(planInput(backups), specPolicy())->id);
    QCOMPARE(m_model->backup(0).id, plan.backups.at(0).backup.id);
    QCOMPARE(m_model->rowOf(plan.backups.at(5).backup.id), 5);

    // Display: the newest is kept for the three reasons of the worked example.
    QCOMPARE(m_model->index(0, RetentionPreviewModel::DecisionColumn).data().toString(), QStringLiteral("Keep"));
    QCOMPARE(m_model->index(0, RetentionPreviewModel::ReasonsColumn).data().toString(),
        QStringLiteral("daily #1 of 7, weekly #1 of 4, monthly #1 of 12"));
    QCOMPARE(m_model->index(0, RetentionPreviewModel::ReasonsColumn).data(UnderlyingDataRole).toString(),
        QStringLiteral("1d #1/7, 1w #1/4, 1M #1/12"));
    const int deleted = m_model->rowOf(m_model->deletedBackups().constFirst().id);
    QCOMPARE(
        m_model->index(deleted, RetentionPreviewModel::DecisionColumn).data().toString(), QStringLiteral("Delete"));
    QCOMPARE(m_model->index(deleted, RetentionPreviewModel::DecisionColumn).data(UnderlyingDataRole).toInt(), 0);
}

void TestRetentionPreviewModel::debounces()
{
    constexpr int kDebounceMs = 400;
    m_model->setDebounceInterval(kDebounceMs);
    QSignalSpy ready(m_model, &RetentionPreviewModel::planReady);
    const QList<Backup> backups = daily(60, 2);

    // A burst of changes without the event loop in between: one planning, for the last of them.
    m_model->setBackups(backups);
    m_model->setPolicy(policy({{{1, Interval::Unit::Day}, 3}}));
    m_model->setPolicy(policy({{{1, Interval::Unit::Day}, 5}}));
    m_model->setPolicy(specPolicy());
    QCOMPARE(m_model->planningRuns(), 0);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_model->planningRuns(), 1);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(differences(*m_model, expectedPlan(backups, specPolicy())), QString());

    // A change restarts the wait: two changes 150 ms apart plan once, 400 ms after the second.
    QElapsedTimer clock;
    clock.start();
    m_model->setPolicy(policy({{{1, Interval::Unit::Day}, 3}}));
    QTest::qWait(150);
    m_model->setPolicy(policy({{{1, Interval::Unit::Day}, 4}}));
    const qint64 secondChange = clock.elapsed();
    QTest::qWait(150);
    if (clock.elapsed() >= kDebounceMs)
        QSKIP("the machine is too busy to time a 400 ms debounce");
    QCOMPARE(m_model->planningRuns(), 1);
    QVERIFY(m_model->isComputing());
    QVERIFY(ready.wait(30000));
    // A coarse timer may fire up to 5 % early.
    QVERIFY2(clock.elapsed() >= secondChange + kDebounceMs * 9 / 10,
        qPrintable(QStringLiteral("planned %1 ms after the second change").arg(clock.elapsed() - secondChange)));
    QCOMPARE(m_model->planningRuns(), 2);
    QCOMPARE(ready.count(), 2);
    QCOMPARE(m_model->keptCount(), expectedPlan(backups, policy({{{1, Interval::Unit::Day}, 4}})).kept);
}

void TestRetentionPreviewModel::neverDeliversAnOutdatedDraft()
{
    // Without a debounce every change starts a planning at once; each change below comes right after the
    // previous planning started, while it is still running on the pool.
    m_model->setDebounceInterval(0);
    const QList<Backup> backups = hourly(10000);
    const QList<RetentionPolicy> drafts {
        policy({{{1, Interval::Unit::Day}, 7}}),
        policy({{{1, Interval::Unit::Day}, 30}, {{1, Interval::Unit::Week}, 8}}),
        policy({{{6, Interval::Unit::Hour}, 12}}, 2, 5),
        policy({{{1, Interval::Unit::Hour}, 48}, {{1, Interval::Unit::Month}, 6}}),
        specPolicy(),
        policy({{{1, Interval::Unit::Day}, 14}, {{1, Interval::Unit::Month}, 3}}, 1),
    };

    // Whatever arrives must be the plan of the inputs the model has at that moment.
    QStringList wrong;
    int delivered = 0;
    connect(m_model, &RetentionPreviewModel::planReady, this, [&] {
        ++delivered;
        const QString d = differences(*m_model, expectedPlan(backups, m_model->policy()));
        if (!d.isEmpty())
            wrong.append(d);
    });

    m_model->setBackups(backups);
    for (const RetentionPolicy& draft : drafts) {
        m_model->setPolicy(draft);
        const int runs = m_model->planningRuns();
        while (m_model->planningRuns() == runs)
            QCoreApplication::processEvents();
    }
    QCOMPARE(m_model->planningRuns(), int(drafts.size()));
    QVERIFY(waitForPlan(*m_model));
    // Let any stale result that is still on its way arrive, too.
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);

    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
    QCOMPARE(delivered, 1);
    QCOMPARE(m_model->policy(), drafts.constLast());
    const RetentionPlan final = expectedPlan(backups, drafts.constLast());
    QCOMPARE(differences(*m_model, final), QString());
    QCOMPARE(m_model->keptCount(), final.kept);
    QCOMPARE(m_model->deletedCount(), final.deleted);
}

void TestRetentionPreviewModel::resultAfterTheModelDiedIsDropped()
{
    auto* model = new RetentionPreviewModel;
    attach(model);
    model->setDebounceInterval(0);
    model->setNow(kNow);
    int delivered = 0;
    connect(model, &RetentionPreviewModel::planReady, this, [&] { ++delivered; });
    model->setBackups(hourly(10000));
    model->setPolicy(specPolicy());
    while (model->planningRuns() == 0)
        QCoreApplication::processEvents();
    QPointer<RetentionPreviewModel> guard(model);
    delete m_tester;
    m_tester = nullptr;
    delete model;

    // The planning finishes on the pool after the model is gone; its result must go nowhere.
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QVERIFY(guard.isNull());
    QCOMPARE(delivered, 0);
}

void TestRetentionPreviewModel::tenThousandBackupsStayResponsive()
{
    // Hourly backups for over a year under a policy with an hourly schedule: the expiry projection then runs its
    // full 10 000 steps, so planning takes long enough on this thread to be told apart from the model's own work.
    const QList<Backup> backups = hourly(10000);
    const RetentionPolicy heavy = policy({{{1, Interval::Unit::Hour}, 168}, {{1, Interval::Unit::Day}, 30},
        {{1, Interval::Unit::Week}, 12}, {{1, Interval::Unit::Month}, 24}});
    QElapsedTimer direct;
    direct.start();
    const RetentionPlan expected = expectedPlan(backups, heavy);
    const qint64 planning = direct.elapsed();

    // A 5 ms heartbeat on the GUI thread: while the model plans, it must keep beating.
    QElapsedTimer sinceBeat;
    qint64 longestStall = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    connect(&heartbeat, &QTimer::timeout, this, [&] { longestStall = std::max(longestStall, sinceBeat.restart()); });

    QElapsedTimer clock;
    clock.start();
    m_model->setBackups(backups);
    m_model->setPolicy(heavy);
    const qint64 setting = clock.elapsed();
    sinceBeat.start();
    heartbeat.start();
    QSignalSpy ready(m_model, &RetentionPreviewModel::planReady);
    QVERIFY(ready.wait(120000));
    const qint64 total = clock.elapsed();
    heartbeat.stop();
    qInfo("10 000 backups: the planner alone %lld ms; the model: inputs set in %lld ms, plan shown after %lld ms, "
          "longest GUI stall %lld ms",
        planning, setting, total, longestStall);

    QCOMPARE(m_model->rowCount(), 10000);
    QCOMPARE(differences(*m_model, expected), QString());
    // Were the planning on the GUI thread, the heartbeat would stop for all of it. A ratio of this run's own
    // figures, judged only when planning is long enough to tell (an optimised build plans this in ~70 ms).
    if (planning >= 150) {
        QVERIFY2(longestStall < planning / 3,
            qPrintable(QStringLiteral("stalled %1 ms, planning takes %2 ms").arg(longestStall).arg(planning)));
    }

    // A policy change on 10 000 rows is applied as changed rows, not as a reset.
    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    m_model->setPolicy(specPolicy());
    QVERIFY(ready.wait(120000));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(differences(*m_model, expectedPlan(backups, specPolicy())), QString());
}

void TestRetentionPreviewModel::incrementalUpdates()
{
    m_model->setDebounceInterval(0);
    QList<Backup> backups = daily(40, 2);
    m_model->setBackups(backups);
    m_model->setPolicy(specPolicy());
    QVERIFY(waitForPlan(*m_model));

    // A selection on a kept and a deleted backup.
    const QString keptId = m_model->plan().keptIds().at(3);
    const QString deletedId = m_model->plan().deletedIds().at(0);
    QItemSelectionModel selection(m_model);
    selection.select(
        m_model->index(m_model->rowOf(keptId), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.select(
        m_model->index(m_model->rowOf(deletedId), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QPersistentModelIndex kept(m_model->index(m_model->rowOf(keptId), RetentionPreviewModel::ReasonsColumn));

    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    // Only the decisions change: dataChanged for exactly the rows whose decision, reasons or expiry changed.
    const RetentionPlan before = m_model->plan();
    const RetentionPolicy longer
        = policy({{{1, Interval::Unit::Day}, 10}, {{1, Interval::Unit::Week}, 4}, {{1, Interval::Unit::Month}, 12}});
    m_model->setPolicy(longer);
    QVERIFY(waitForPlan(*m_model));
    const RetentionPlan after = m_model->plan();
    QCOMPARE(resets.count() + inserted.count() + removed.count(), 0);
    QSet<int> expectedRows;
    for (int row = 0; row < after.backups.size(); ++row) {
        const PlannedBackup& a = before.backups.at(row);
        const PlannedBackup& b = after.backups.at(row);
        if (a.keep != b.keep || a.reasons != b.reasons || a.expiresAtMs != b.expiresAtMs)
            expectedRows.insert(row);
    }
    QVERIFY(!expectedRows.isEmpty());
    QVERIFY(expectedRows.size() < after.backups.size());
    QSet<int> notified;
    for (const QList<QVariant>& signal : changed) {
        for (int row = signal.at(0).value<QModelIndex>().row(); row <= signal.at(1).value<QModelIndex>().row(); ++row)
            notified.insert(row);
    }
    QCOMPARE(notified, expectedRows);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.data(BackupIdRole).toString(), keptId);
    QCOMPARE(selection.selectedRows().size(), 2);

    // A new backup and a pruned one: rows inserted and removed, still no reset, the selection stays.
    changed.clear();
    backups.prepend(backup(QStringLiteral("a99999"), kNow - kNow % kDay + 10 * kHour, true));
    backups.removeIf([&](const Backup& b) { return b.id == m_model->plan().deletedIds().constLast(); });
    m_model->setBackups(backups);
    QVERIFY(waitForPlan(*m_model));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->index(0, 0).data(BackupIdRole).toString(), QStringLiteral("a99999"));
    QCOMPARE(kept.data(BackupIdRole).toString(), keptId);
    QCOMPARE(differences(*m_model, expectedPlan(backups, longer)), QString());
    QStringList selected;
    for (const QModelIndex& index : selection.selectedRows())
        selected.append(index.data(BackupIdRole).toString());
    selected.sort();
    QStringList wanted {keptId, deletedId};
    wanted.sort();
    QCOMPARE(selected, wanted);
}

void TestRetentionPreviewModel::invalidPolicyIsNotPlanned()
{
    m_model->setDebounceInterval(0);
    const QList<Backup> backups = daily(20, 1);
    m_model->setBackups(backups);
    m_model->setPolicy(specPolicy());
    QVERIFY(waitForPlan(*m_model));
    QVERIFY(m_model->isPolicyValid());
    const int runs = m_model->planningRuns();

    QSignalSpy ready(m_model, &RetentionPreviewModel::planReady);
    m_model->setPolicy(policy({{{0, Interval::Unit::Day}, 7}}));
    QVERIFY(!m_model->isPolicyValid());
    QVERIFY(!m_model->isComputing());
    QTest::qWait(50);
    QCOMPARE(m_model->planningRuns(), runs);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(differences(*m_model, expectedPlan(backups, specPolicy())), QString());

    m_model->setPolicy(policy({{{2, Interval::Unit::Day}, 7}}));
    QVERIFY(m_model->isPolicyValid());
    QVERIFY(ready.wait(30000));
    QCOMPARE(differences(*m_model, expectedPlan(backups, policy({{{2, Interval::Unit::Day}, 7}}))), QString());
}

void TestRetentionPreviewModel::backupsBeingDeletedTakeNoPart()
{
    m_model->setDebounceInterval(0);
    QList<Backup> backups = daily(10, 0);
    backups[0].status = Backup::Status::Deleting;
    m_model->setBackups(backups);
    m_model->setPolicy(policy({{{1, Interval::Unit::Day}, 3}}));
    QVERIFY(waitForPlan(*m_model));
    QCOMPARE(m_model->rowCount(), 9);
    QCOMPARE(m_model->rowOf(backups.at(0).id), -1);
    QCOMPARE(differences(*m_model, expectedPlan(backups, policy({{{1, Interval::Unit::Day}, 3}}))), QString());
}

void TestRetentionPreviewModel::replacedByNewManualBackup()
{
    m_model->setDebounceInterval(0);
    QList<Backup> backups = daily(5, 3); // m0 newest manual, then m1, m2
    m_model->setBackups(backups);
    m_model->setPolicy(specPolicy()); // manual_count 2
    QVERIFY(waitForPlan(*m_model));
    QVERIFY(m_model->replacedByNewManualBackup());
    // m2 is deleted by the limit already; a new manual backup pushes out m1.
    QCOMPARE(m_model->replacedByNewManualBackup()->id, QStringLiteral("m1"));
    QCOMPARE(m_model->replacedByNewManualBackup()->createdAtMs, backups.at(6).createdAtMs);
    QVERIFY(ids(m_model->deletedBackups()).contains(QStringLiteral("m2")));

    RetentionPolicy one = specPolicy();
    one.manualCount = 1;
    m_model->setPolicy(one);
    QVERIFY(waitForPlan(*m_model));
    QCOMPARE(m_model->replacedByNewManualBackup()->id, QStringLiteral("m0"));

    RetentionPolicy none = specPolicy();
    none.manualCount = 0;
    m_model->setPolicy(none);
    QVERIFY(waitForPlan(*m_model));
    QVERIFY(!m_model->replacedByNewManualBackup());

    RetentionPolicy roomy = specPolicy();
    roomy.manualCount = 5;
    m_model->setPolicy(roomy);
    QVERIFY(waitForPlan(*m_model));
    QVERIFY(!m_model->replacedByNewManualBackup());
}

void TestRetentionPreviewModel::steadyStateCount()
{
    m_model->setDebounceInterval(0);
    m_model->setBackups(daily(3, 0));
    m_model->setPolicy(specPolicy());
    QVERIFY(waitForPlan(*m_model));
    const int automated = RetentionPlanner::steadyStateAutomatedCount(specPolicy(), kNow);
    QVERIFY(automated > 0);
    QCOMPARE(m_model->steadyStateAutomatedCount(), automated);
    QCOMPARE(m_model->steadyStateCount(), automated + 2);

    RetentionPolicy capped = specPolicy();
    capped.maxBackups = 10;
    m_model->setPolicy(capped);
    QVERIFY(waitForPlan(*m_model));
    QCOMPARE(m_model->steadyStateAutomatedCount(), RetentionPlanner::steadyStateAutomatedCount(capped, kNow));
    QCOMPARE(m_model->steadyStateCount(), 10);

    m_model->setPolicy(policy({}, 3));
    QVERIFY(waitForPlan(*m_model));
    QCOMPARE(m_model->steadyStateAutomatedCount(), 0);
    QCOMPARE(m_model->steadyStateCount(), 3);
}

QTEST_GUILESS_MAIN(TestRetentionPreviewModel)
#include "tst_retentionpreviewmodel.moc"
