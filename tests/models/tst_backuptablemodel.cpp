#include "backuptablemodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

class TestBackupTableModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsValues();
    void refreshKeepsSelection();
    void onlyChangedRowsAreNotified();
    void sortsNumerically();
    void planFillsWhyKeptAndExpires();

private:
    BackupTableModel* m_model = nullptr;
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

Backup backup(const char* id, const char* created, bool automated = true, std::optional<qint64> size = std::nullopt)
{
    Backup b;
    b.id = QString::fromLatin1(id);
    b.createdAtMs = b.updatedAtMs = at(created);
    b.environment = QStringLiteral("main");
    b.automated = automated;
    b.sizeOfVolumes = size;
    return b;
}

QStringList ids(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(BackupIdRole).toString());
    return result;
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items)
        result.append(QString::fromLatin1(item));
    return result;
}

} // namespace

void TestBackupTableModel::init()
{
    m_model = new BackupTableModel(this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestBackupTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestBackupTableModel::showsValues()
{
    Backup b = backup("b1", "2026-11-26T04:00:00Z", false, 12897485);
    b.safe = false;
    b.commitId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    b.sizeUsed = 1024;
    b.expiresAtMs = at("2026-12-03T00:00:00Z");
    b.attributes.insert(QStringLiteral("note"), QStringLiteral("before the upgrade"));
    b.attributes.insert(QStringLiteral("protected"), QStringLiteral("true"));
    Backup a0 = backup("a0", "2026-11-25T04:00:00Z");
    a0.attributes.insert(QStringLiteral("pause_ms"), QStringLiteral("63"));
    m_model->setBackups({b, a0});

    QCOMPARE(ids(*m_model), list({"b1", "a0"})); // newest first
    QCOMPARE(m_model->backup(0).id, QStringLiteral("b1"));
    QCOMPARE(m_model->rowOf(QStringLiteral("a0")), 1);
    auto cell = [&](int column, int role = Qt::DisplayRole) { return m_model->index(0, column).data(role); };
    QCOMPARE(cell(BackupTableModel::CreatedColumn).toString(),
        QDateTime::fromMSecsSinceEpoch(b.createdAtMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(cell(BackupTableModel::KindColumn).toString(), QStringLiteral("Manual"));
    QCOMPARE(cell(BackupTableModel::ModeColumn).toString(), QStringLiteral("Live"));
    QCOMPARE(cell(BackupTableModel::SizeColumn).toString(), QStringLiteral("12.3 MiB (+1.0 KiB)"));
    QCOMPARE(cell(BackupTableModel::SizeColumn, UnderlyingDataRole).toLongLong(), 12897485);
    QVERIFY(cell(BackupTableModel::SizeColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("1.0 KiB")));
    QCOMPARE(cell(BackupTableModel::CommitColumn).toString(), QStringLiteral("0123456789ab"));
    QCOMPARE(cell(BackupTableModel::CommitColumn, Qt::ToolTipRole).toString(), b.commitId);
    QCOMPARE(cell(BackupTableModel::NoteColumn).toString(), QStringLiteral("before the upgrade"));
    QCOMPARE(cell(BackupTableModel::ProtectedColumn, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(m_model->index(1, BackupTableModel::ProtectedColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    // Without a plan: the server's projected expiry, and no reason.
    QCOMPARE(cell(BackupTableModel::ExpiresColumn, UnderlyingDataRole).toLongLong(), *b.expiresAtMs);
    QCOMPARE(cell(BackupTableModel::WhyKeptColumn).toString(), QString());
    QCOMPARE(m_model->index(1, BackupTableModel::ExpiresColumn).data().toString(), QStringLiteral("\u2014"));
    QCOMPARE(m_model->index(1, BackupTableModel::KindColumn).data().toString(), QStringLiteral("Automated"));
    QCOMPARE(m_model->index(1, BackupTableModel::ModeColumn).data().toString(), QStringLiteral("Consistent"));
    QCOMPARE(m_model->index(1, BackupTableModel::ModeColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Taken with the environment paused for 63 ms: data is consistent"));
    QCOMPARE(cell(BackupTableModel::ModeColumn, Qt::ToolTipRole).toString(),
        QStringLiteral("Taken while the environment kept running"));
    QCOMPARE(m_model->index(1, BackupTableModel::SizeColumn).data().toString(), QString());
    QVERIFY(!m_model->index(1, BackupTableModel::SizeColumn).data(UnderlyingDataRole).isValid());

    const QStringList headers
        = list({"Created", "Kind", "Mode", "Size", "Commit", "Expires", "Why kept", "Copies", "Note", "Protected"});
    QCOMPARE(m_model->columnCount(), headers.size());
    for (int column = 0; column < headers.size(); ++column)
        QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(), headers.at(column));
}

void TestBackupTableModel::refreshKeepsSelection()
{
    m_model->setBackups({backup("c", "2026-11-26T04:00:00Z"), backup("b", "2026-11-25T04:00:00Z"),
        backup("a", "2026-11-24T04:00:00Z"), backup("z", "2026-11-23T04:00:00Z")});
    QItemSelectionModel selection(m_model);
    selection.select(m_model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.select(m_model->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(m_model->index(3, BackupTableModel::SizeColumn), QItemSelectionModel::NoUpdate);
    const QPersistentModelIndex b(m_model->index(1, BackupTableModel::NoteColumn));
    const QPersistentModelIndex z(m_model->index(3, 0));

    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(m_model, &QAbstractItemModel::layoutChanged);
    // The refresh the console makes after a backup: a new one on top, one pruned, the rest unchanged.
    m_model->setBackups({backup("d", "2026-11-27T04:00:00Z"), backup("c", "2026-11-26T04:00:00Z"),
        backup("b", "2026-11-25T04:00:00Z"), backup("z", "2026-11-23T04:00:00Z")});

    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(ids(*m_model), list({"d", "c", "b", "z"}));
    QVERIFY(b.isValid() && z.isValid());
    QCOMPARE(b.row(), 2);
    QCOMPARE(b.column(), int(BackupTableModel::NoteColumn));
    QCOMPARE(z.row(), 3);
    QStringList selected;
    for (const QModelIndex& index : selection.selectedRows())
        selected.append(index.data(BackupIdRole).toString());
    selected.sort();
    QCOMPARE(selected, list({"b", "z"}));
    QCOMPARE(selection.currentIndex().data(BackupIdRole).toString(), QStringLiteral("z"));
    QCOMPARE(selection.currentIndex().column(), int(BackupTableModel::SizeColumn));
}

void TestBackupTableModel::onlyChangedRowsAreNotified()
{
    const QList<Backup> before {
        backup("c", "2026-11-26T04:00:00Z"), backup("b", "2026-11-25T04:00:00Z"), backup("a", "2026-11-24T04:00:00Z")};
    m_model->setBackups(before);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    m_model->setBackups(before);
    QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);

    QList<Backup> after = before;
    after[1].attributes.insert(QStringLiteral("note"), QStringLiteral("keep"));
    after[1].status = Backup::Status::Deleting;
    m_model->setBackups(after);
    QCOMPARE(inserted.count() + removed.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(1, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, BackupTableModel::ColumnCount - 1));
    QCOMPARE(m_model->index(1, BackupTableModel::NoteColumn).data().toString(), QStringLiteral("keep"));
    QCOMPARE(m_model->index(1, BackupTableModel::ExpiresColumn).data().toString(), QStringLiteral("Being deleted"));
}

void TestBackupTableModel::sortsNumerically()
{
    // As text: "100.0 KiB" < "12.3 MiB" < "2.0 GiB" < "900 bytes"; as numbers: 900 B < 100 KiB < 12.3 MiB < 2 GiB.
    // Created: two in the same minute show the same text; only the milliseconds order them.
    m_model->setBackups(
        {backup("kib", "2026-11-26T12:00:50Z", true, 102400), backup("mib", "2026-11-26T12:00:10Z", true, 12897485),
            backup("gib", "2026-11-20T04:00:00Z", true, qint64(2) * 1024 * 1024 * 1024),
            backup("bytes", "2026-11-25T04:00:00Z", true, 900), backup("unknown", "2026-11-24T04:00:00Z", true)});
    QCOMPARE(m_model->index(0, BackupTableModel::CreatedColumn).data().toString(),
        m_model->index(1, BackupTableModel::CreatedColumn).data().toString());

    QSortFilterProxyModel proxy;
    new QAbstractItemModelTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, &proxy);
    proxy.setSourceModel(m_model);
    proxy.setSortRole(UnderlyingDataRole);

    proxy.sort(BackupTableModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(ids(proxy), list({"bytes", "kib", "mib", "gib", "unknown"}));
    proxy.sort(BackupTableModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(ids(proxy).mid(1), list({"gib", "mib", "kib", "bytes"}));

    proxy.sort(BackupTableModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(ids(proxy), list({"gib", "unknown", "bytes", "mib", "kib"}));

    // The proxy follows incremental updates of the source.
    m_model->setBackups({backup("kib", "2026-11-26T12:00:50Z", true, 102400),
        backup("mib", "2026-11-26T12:00:10Z", true, 12897485), backup("huge", "2026-11-27T04:00:00Z", true, 1)});
    QCOMPARE(ids(proxy), list({"mib", "kib", "huge"}));
}

void TestBackupTableModel::planFillsWhyKeptAndExpires()
{
    m_model->setBackups({backup("c", "2026-11-26T04:00:00Z"), backup("b", "2026-11-25T04:00:00Z"),
        backup("a", "2026-11-24T04:00:00Z")});
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    RetentionPlan plan;
    plan.nowMs = at("2026-11-26T12:00:00Z");
    plan.backups = {
        {{QStringLiteral("c"), at("2026-11-26T04:00:00Z"), true, false}, true, list({"1d #1/2", "1w #1/4"}),
            at("2026-11-28T00:00:00Z")},
        {{QStringLiteral("b"), at("2026-11-25T04:00:00Z"), true, false}, true, list({"1d #2/2"}), std::nullopt},
        {{QStringLiteral("a"), at("2026-11-24T04:00:00Z"), true, false}, false, list({"not kept by schedule"}),
            std::nullopt},
    };
    m_model->setPlan(plan);
    QCOMPARE(changed.count(), 1); // rows 0–2 in one run
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, BackupTableModel::ExpiresColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(2, BackupTableModel::WhyKeptColumn));

    // In words; the short forms in the tooltip, and sorting by them.
    QCOMPARE(m_model->index(0, BackupTableModel::WhyKeptColumn).data().toString(),
        QStringLiteral("daily #1 of 2, weekly #1 of 4"));
    QVERIFY(m_model->index(0, BackupTableModel::WhyKeptColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("daily #1 of 2 (1d #1/2)\nweekly #1 of 4 (1w #1/4)")));
    QCOMPARE(m_model->index(0, BackupTableModel::WhyKeptColumn).data(UnderlyingDataRole).toString(),
        QStringLiteral("1d #1/2, 1w #1/4"));
    QCOMPARE(m_model->index(0, BackupTableModel::ExpiresColumn).data(UnderlyingDataRole).toLongLong(),
        at("2026-11-28T00:00:00Z"));
    QCOMPARE(m_model->index(0, 0).data(ReasonsRole).toStringList(), list({"1d #1/2", "1w #1/4"}));
    QCOMPARE(m_model->index(0, 0).data(DecisionRole).toBool(), true);
    QCOMPARE(m_model->index(1, BackupTableModel::ExpiresColumn).data().toString(), QStringLiteral("\u2014"));
    QCOMPARE(m_model->index(2, BackupTableModel::WhyKeptColumn).data().toString(),
        QStringLiteral("Not kept: no schedule keeps it"));
    QCOMPARE(m_model->index(2, 0).data(DecisionRole).toBool(), false);

    // The same plan again changes nothing; a plan that differs in one row notifies that row only.
    changed.clear();
    m_model->setPlan(plan);
    QCOMPARE(changed.count(), 0);
    plan.backups[1].reasons = list({"1d #2/2", "1M #1/12"});
    m_model->setPlan(plan);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(1, BackupTableModel::ExpiresColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, BackupTableModel::WhyKeptColumn));

    changed.clear();
    m_model->clearPlan();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->index(0, BackupTableModel::WhyKeptColumn).data().toString(), QString());
}

QTEST_GUILESS_MAIN(TestBackupTableModel)
#include "tst_backuptablemodel.moc"
