#include "environmentlistmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

class TestEnvironmentListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void ordersByNameAndShowsValues();
    void refreshKeepsSelectionWithoutReset();
    void valueChangeIsOneDataChanged();
    void nextAutomatedBackup();
    void sortsOnUnderlyingData();
    void randomRefreshesKeepIdentity();

private:
    EnvironmentListModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

namespace {

qint64 at(const char* iso)
{
    const QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!time.isValid())
        qFatal("bad time literal in test: %s", iso);
    return time.toMSecsSinceEpoch();
}

Environment env(const char* id, EnvironmentType type = EnvironmentType::Development,
    Environment::Status status = Environment::Status::Active, std::optional<qint64> lastBackup = std::nullopt)
{
    Environment e;
    e.id = e.name = e.machineName = QString::fromLatin1(id);
    e.title = e.id.toUpper();
    e.type = type;
    e.status = status;
    e.lastBackupAtMs = lastBackup;
    return e;
}

QStringList ids(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(EnvironmentRole).toString());
    return result;
}

} // namespace

void TestEnvironmentListModel::init()
{
    m_model = new EnvironmentListModel(this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestEnvironmentListModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestEnvironmentListModel::ordersByNameAndShowsValues()
{
    const qint64 last = at("2026-11-26T04:00:00Z");
    m_model->setEnvironments({env("staging", EnvironmentType::Staging),
        env("main", EnvironmentType::Production, Environment::Status::Active, last),
        env("feature-x", EnvironmentType::Development, Environment::Status::Inactive)});

    QCOMPARE(
        ids(*m_model), (QStringList {QStringLiteral("feature-x"), QStringLiteral("main"), QStringLiteral("staging")}));
    QCOMPARE(m_model->rowOf(QStringLiteral("main")), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(m_model->environment(1).id, QStringLiteral("main"));

    const int row = m_model->rowOf(QStringLiteral("main"));
    auto cell = [&](int column, int role = Qt::DisplayRole) { return m_model->index(row, column).data(role); };
    QCOMPARE(cell(EnvironmentListModel::NameColumn).toString(), QStringLiteral("MAIN (main)"));
    QCOMPARE(cell(EnvironmentListModel::TypeColumn).toString(), QStringLiteral("Production"));
    QCOMPARE(cell(EnvironmentListModel::TypeColumn, UnderlyingDataRole).toInt(), int(EnvironmentType::Production));
    QCOMPARE(cell(EnvironmentListModel::StatusColumn).toString(), QStringLiteral("Active"));
    QCOMPARE(cell(EnvironmentListModel::LastBackupColumn).toString(),
        QDateTime::fromMSecsSinceEpoch(last).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(cell(EnvironmentListModel::LastBackupColumn, UnderlyingDataRole).toLongLong(), last);
    QCOMPARE(cell(EnvironmentListModel::NameColumn, EnvironmentRole).toString(), QStringLiteral("main"));
    QVERIFY(!cell(EnvironmentListModel::NameColumn, Qt::DecorationRole).isValid());
    QVERIFY(!cell(EnvironmentListModel::LastBackupColumn, Qt::ToolTipRole).toString().isEmpty());

    const int never = m_model->rowOf(QStringLiteral("staging"));
    QCOMPARE(m_model->index(never, EnvironmentListModel::LastBackupColumn).data().toString(), QStringLiteral("\u2014"));
    QVERIFY(!m_model->index(never, EnvironmentListModel::LastBackupColumn).data(UnderlyingDataRole).isValid());
    QCOMPARE(m_model->headerData(EnvironmentListModel::NextBackupColumn, Qt::Horizontal).toString(),
        QStringLiteral("Next backup"));
}

void TestEnvironmentListModel::refreshKeepsSelectionWithoutReset()
{
    m_model->setEnvironments({env("main"), env("staging"), env("feature-x")});
    QItemSelectionModel selection(m_model);
    const QModelIndex staging = m_model->index(m_model->rowOf(QStringLiteral("staging")), 0);
    selection.setCurrentIndex(staging, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex persistent(staging);

    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    // "alpha" sorts before staging and shifts it; "feature-x" goes; staging itself changes status.
    Environment changedStaging = env("staging");
    changedStaging.status = Environment::Status::Paused;
    m_model->setEnvironments({env("alpha"), changedStaging, env("main")});

    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("alpha"), QStringLiteral("main"), QStringLiteral("staging")}));
    QVERIFY(persistent.isValid());
    QCOMPARE(persistent.data(EnvironmentRole).toString(), QStringLiteral("staging"));
    QCOMPARE(persistent.row(), 2);
    QCOMPARE(selection.currentIndex().data(EnvironmentRole).toString(), QStringLiteral("staging"));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().constFirst().data(EnvironmentRole).toString(), QStringLiteral("staging"));
    QCOMPARE(m_model->index(2, EnvironmentListModel::StatusColumn).data().toString(), QStringLiteral("Paused"));

    // The selected row going away clears the selection rather than moving it to a neighbour.
    m_model->setEnvironments({env("alpha"), env("main")});
    QVERIFY(!persistent.isValid());
    QVERIFY(selection.selectedRows().isEmpty());
}

void TestEnvironmentListModel::valueChangeIsOneDataChanged()
{
    m_model->setEnvironments({env("a"), env("b"), env("c")});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(m_model, &QAbstractItemModel::layoutChanged);
    QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);

    Environment b = env("b");
    b.lastBackupAtMs = at("2026-11-26T04:00:00Z");
    m_model->setEnvironments({env("c"), b, env("a")}); // input order does not matter

    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(layout.count() + moved.count() + inserted.count(), 0);

    changed.clear();
    m_model->setEnvironments({env("c"), b, env("a")});
    QCOMPARE(changed.count(), 0);

    // A rename moves the row to where its new name sorts, keeping its identity.
    const QPersistentModelIndex a(m_model->index(0, 0));
    Environment renamed = env("a");
    renamed.name = QStringLiteral("zzz");
    m_model->setEnvironments({env("c"), b, renamed});
    QCOMPARE(moved.count(), 1);
    QCOMPARE(a.row(), 2);
    QCOMPARE(a.data(EnvironmentRole).toString(), QStringLiteral("a"));
}

void TestEnvironmentListModel::nextAutomatedBackup()
{
    const qint64 now = at("2026-11-26T12:34:56Z");
    m_model->setNow(now);
    m_model->setEnvironments({env("main", EnvironmentType::Production), env("staging", EnvironmentType::Staging),
        env("off", EnvironmentType::Production, Environment::Status::Inactive)});
    const int main = m_model->rowOf(QStringLiteral("main"));
    const int staging = m_model->rowOf(QStringLiteral("staging"));
    const int off = m_model->rowOf(QStringLiteral("off"));
    auto next = [&](int row, int role = UnderlyingDataRole) {
        return m_model->index(row, EnvironmentListModel::NextBackupColumn).data(role);
    };

    // Default policies: production 1d × 2, staging no schedule.
    QCOMPARE(next(main).toLongLong(), at("2026-11-27T00:00:00Z"));
    QCOMPARE(next(main, Qt::DisplayRole).toString(),
        QDateTime::fromMSecsSinceEpoch(at("2026-11-27T00:00:00Z"))
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QVERIFY(!next(staging).isValid());
    QCOMPARE(next(staging, Qt::DisplayRole).toString(), QStringLiteral("\u2014"));
    QVERIFY(next(staging, Qt::ToolTipRole).toString().contains(QStringLiteral("no schedule")));
    QVERIFY(!next(off).isValid());
    QCOMPARE(next(off, Qt::DisplayRole).toString(), QStringLiteral("\u2014"));

    // The finest schedule sets the clock: 6h beats 1d and 1w, whatever the order.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    ProjectSettings settings;
    RetentionPolicy production;
    production.schedules
        = {{{1, Interval::Unit::Week}, 4}, {{6, Interval::Unit::Hour}, 4}, {{1, Interval::Unit::Day}, 7}};
    RetentionPolicy staged;
    staged.schedules = {{{1, Interval::Unit::Month}, 3}};
    settings.dataRetention.insert(EnvironmentType::Production, production);
    settings.dataRetention.insert(EnvironmentType::Staging, staged);
    m_model->setSettings(settings);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(next(main).toLongLong(), at("2026-11-26T18:00:00Z"));
    QCOMPARE(next(staging).toLongLong(), at("2026-12-01T00:00:00Z"));
    QVERIFY(!next(off).isValid());

    // Exactly at a bucket start the next bucket is the following one.
    m_model->setNow(at("2026-11-26T18:00:00Z"));
    QCOMPARE(next(main).toLongLong(), at("2026-11-27T00:00:00Z"));
}

void TestEnvironmentListModel::sortsOnUnderlyingData()
{
    m_model->setEnvironments(
        {env("a", EnvironmentType::Development, Environment::Status::Active, at("2026-01-02T00:00:00Z")),
            env("b", EnvironmentType::Production, Environment::Status::Active, at("2025-12-31T23:00:00Z")),
            env("c", EnvironmentType::Staging, Environment::Status::Active)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model);
    proxy.setSortRole(UnderlyingDataRole);

    proxy.sort(EnvironmentListModel::TypeColumn, Qt::AscendingOrder);
    // Production, Staging, Development is the enum order; as text it would be Development, Production, Staging.
    QCOMPARE(ids(proxy), (QStringList {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")}));

    proxy.sort(EnvironmentListModel::LastBackupColumn, Qt::AscendingOrder);
    // Without a backup sorts last.
    QCOMPARE(ids(proxy), (QStringList {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}));
}

void TestEnvironmentListModel::randomRefreshesKeepIdentity()
{
    // Random renames (moves), arrivals and departures: after each refresh the rows are in name order, every
    // persistent index still points at its environment, and the rows moved are only those that had to.
    QRandomGenerator random(20261126);
    QList<Environment> current;
    for (int round = 0; round < 300; ++round) {
        QList<Environment> next;
        int renamed = 0;
        for (const Environment& e : std::as_const(current)) {
            const quint32 dice = random.bounded(10);
            if (dice == 0)
                continue; // gone
            Environment changed = e;
            if (dice == 1) {
                changed.name = QStringLiteral("n%1").arg(random.bounded(1000), 3, 10, QLatin1Char('0'));
                ++renamed;
            }
            if (dice == 2)
                changed.status = Environment::Status(random.bounded(5));
            next.append(changed);
        }
        const int arrivals = int(random.bounded(current.size() < 5 ? 6 : 3));
        for (int i = 0; i < arrivals; ++i) {
            Environment e = env(qPrintable(QStringLiteral("e%1-%2").arg(round).arg(i)));
            e.name = QStringLiteral("n%1").arg(random.bounded(1000), 3, 10, QLatin1Char('0'));
            next.append(e);
        }

        QList<QPersistentModelIndex> persistent;
        QStringList persistentIds;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            persistent.append(m_model->index(row, int(random.bounded(EnvironmentListModel::ColumnCount))));
            persistentIds.append(m_model->environment(row).id);
        }
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(m_model, &QAbstractItemModel::layoutChanged);
        QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);
        m_model->setEnvironments(next);
        QCOMPARE(resets.count() + layouts.count(), 0);
        QVERIFY2(moved.count() <= renamed,
            qPrintable(QStringLiteral("%1 moves for %2 renames").arg(moved.count()).arg(renamed)));

        QCOMPARE(m_model->rowCount(), next.size());
        for (int row = 1; row < m_model->rowCount(); ++row) {
            const Environment& a = m_model->environment(row - 1);
            const Environment& b = m_model->environment(row);
            QVERIFY(a.name.compare(b.name, Qt::CaseInsensitive) < 0
                || (a.name.compare(b.name, Qt::CaseInsensitive) == 0 && (a.name < b.name || a.id < b.id)));
        }
        for (const Environment& e : std::as_const(next)) {
            const int row = m_model->rowOf(e.id);
            QVERIFY(row >= 0);
            QCOMPARE(m_model->environment(row), e);
        }
        for (qsizetype i = 0; i < persistent.size(); ++i) {
            const bool stillThere = m_model->rowOf(persistentIds.at(i)) >= 0;
            QCOMPARE(persistent.at(i).isValid(), stillThere);
            if (stillThere)
                QCOMPARE(persistent.at(i).data(EnvironmentRole).toString(), persistentIds.at(i));
        }
        current = next;
    }
}

QTEST_GUILESS_MAIN(TestEnvironmentListModel)
#include "tst_environmentlistmodel.moc"
