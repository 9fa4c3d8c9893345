// HealthTableModel: rows per connection kept in place across updates, the cells, and stateWorsened only when a
// state really got worse (not on a connection's first update). Under QAbstractItemModelTester.
#include "healthtablemodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

namespace {

HealthRow environmentRow(const QString& connection, const QString& environment, HealthState state,
    std::optional<qint64> newestMs = std::nullopt, const QStringList& reasons = {})
{
    HealthRow row;
    row.connection = connection;
    row.project = QStringLiteral("demo");
    row.environment = environment;
    row.state = HealthRow::fromHealth(state);
    EnvironmentHealth health;
    health.environment = environment;
    health.state = state;
    health.newestGoodBackupAtMs = newestMs;
    health.reasons = reasons;
    row.health = health;
    return row;
}

HealthRow unreachableRow(const QString& connection, const QString& error)
{
    HealthRow row;
    row.connection = connection;
    row.state = HealthRow::State::Unreachable;
    row.error = error;
    return row;
}

const QString kA = QStringLiteral("A");
const QString kB = QStringLiteral("B");

} // namespace

class TestHealthTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsPerConnectionAndCells();
    void worseStatesAreReportedOnce();
    void severityOrder();
};

void TestHealthTableModel::rowsPerConnectionAndCells()
{
    HealthTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    model.setNow(now);
    model.setConnectionRows(kA,
        {environmentRow(kA, QStringLiteral("main"), HealthState::Ok, now - 3 * 3600 * 1000),
            environmentRow(kA, QStringLiteral("staging"), HealthState::Critical, std::nullopt,
                {QStringLiteral("No backup yet.")})});
    model.setConnectionRows(kB, {unreachableRow(kB, QStringLiteral("Connection refused"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, HealthTableModel::AgeColumn).data().toString(), QStringLiteral("3 h"));
    QCOMPARE(model.index(1, HealthTableModel::NewestBackupColumn).data().toString(), QStringLiteral("none"));
    QCOMPARE(model.index(1, HealthTableModel::ReasonsColumn).data().toString(), QStringLiteral("No backup yet."));
    QCOMPARE(model.index(2, HealthTableModel::StateColumn).data().toString(), QStringLiteral("Unreachable"));
    QCOMPARE(model.index(2, HealthTableModel::ReasonsColumn).data().toString(), QStringLiteral("Connection refused"));
    QCOMPARE(model.worstState(), HealthRow::State::Critical);

    // B answers again: its one row becomes its environments, A's rows are untouched (no reset, same place).
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex staging = model.index(1, 0);
    model.setConnectionRows(kB, {environmentRow(kB, QStringLiteral("main"), HealthState::Warning)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(staging.row(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(kB, QStringLiteral("demo"), QStringLiteral("main")), 2);
    QCOMPARE(model.rowOf(kB, {}, {}), -1);

    model.keepConnections({kB});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.healthRow(0).connection, kB);
}

void TestHealthTableModel::worseStatesAreReportedOnce()
{
    HealthTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy worse(&model, &HealthTableModel::stateWorsened);
    // The first update of a connection is how things are, not a change.
    model.setConnectionRows(kA,
        {environmentRow(kA, QStringLiteral("main"), HealthState::Ok),
            environmentRow(kA, QStringLiteral("staging"), HealthState::Critical)});
    QCOMPARE(worse.count(), 0);
    // main gets worse, staging stays critical.
    model.setConnectionRows(kA,
        {environmentRow(kA, QStringLiteral("main"), HealthState::Warning),
            environmentRow(kA, QStringLiteral("staging"), HealthState::Critical)});
    QCOMPARE(worse.count(), 1);
    QCOMPARE(worse.at(0).at(0).value<HealthRow>().environment, QStringLiteral("main"));
    // The server goes away: worse than warning, not worse than critical, so it counts once.
    model.setConnectionRows(kA, {unreachableRow(kA, QStringLiteral("refused"))});
    QCOMPARE(worse.count(), 1);
    // It comes back with main critical (worse than unreachable) and staging ok.
    model.setConnectionRows(kA,
        {environmentRow(kA, QStringLiteral("main"), HealthState::Critical),
            environmentRow(kA, QStringLiteral("staging"), HealthState::Ok)});
    QCOMPARE(worse.count(), 2);
    QCOMPARE(worse.at(1).at(0).value<HealthRow>().environment, QStringLiteral("main"));
    // A new environment that arrives critical is news too.
    model.setConnectionRows(kA,
        {environmentRow(kA, QStringLiteral("main"), HealthState::Critical),
            environmentRow(kA, QStringLiteral("staging"), HealthState::Ok),
            environmentRow(kA, QStringLiteral("feature"), HealthState::Critical)});
    QCOMPARE(worse.count(), 3);
}

void TestHealthTableModel::severityOrder()
{
    using S = HealthRow::State;
    const QList<S> worstLast {S::Ok, S::Unknown, S::Warning, S::Unreachable, S::Critical};
    for (qsizetype i = 1; i < worstLast.size(); ++i)
        QVERIFY(HealthRow::severity(worstLast.at(i - 1)) < HealthRow::severity(worstLast.at(i)));
}

QTEST_GUILESS_MAIN(TestHealthTableModel)
#include "tst_healthtablemodel.moc"
