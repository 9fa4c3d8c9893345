#include "modelroles.h"
#include "scheduledraftmodel.h"
#include "translator.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

class TestScheduleDraftModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void roundTrip();
    void showsRows();
    void setDataChecksTypes_data();
    void setDataChecksTypes();
    void problemsPerRow();
    void problemsFollowValidate();
    void manualCountAndMaxBackups();
    void addAndRemoveRows();
    void revert();

private:
    ScheduleDraftModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

using namespace Qt::StringLiterals;

namespace {

RetentionPolicy spec()
{
    RetentionPolicy policy;
    policy.schedules
        = {{{1, Interval::Unit::Day}, 7}, {{1, Interval::Unit::Week}, 4}, {{1, Interval::Unit::Month}, 12}};
    policy.manualCount = 2;
    policy.maxBackups = 21;
    return policy;
}

} // namespace

void TestScheduleDraftModel::initTestCase()
{
    // The unit names are plural forms ("day(s)"): English reads them from its translation, as in the console.
    Translator::install(*QCoreApplication::instance());
}

void TestScheduleDraftModel::init()
{
    m_model = new ScheduleDraftModel(this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestScheduleDraftModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestScheduleDraftModel::roundTrip()
{
    QSignalSpy drafts(m_model, &ScheduleDraftModel::draftChanged);
    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    m_model->setPolicy(spec());
    QCOMPARE(resets.count(), 1);
    QVERIFY(drafts.count() >= 1);
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->isValid());
    QVERIFY(!m_model->isModified());
    QVERIFY(m_model->policy().has_value());
    QCOMPARE(*m_model->policy(), spec());
    QCOMPARE(m_model->loadedPolicy(), spec());
    QCOMPARE(m_model->manualCount(), 2);
    QCOMPARE(m_model->maxBackups(), std::optional<int>(21));
    QVERIFY(m_model->allProblems().isEmpty());

    // An edit and its undo: modified, then not.
    QVERIFY(m_model->setData(m_model->index(1, ScheduleDraftModel::CountColumn), 5));
    QVERIFY(m_model->isModified());
    QCOMPARE(m_model->policy()->schedules.at(1).count, 5);
    QVERIFY(m_model->setData(m_model->index(1, ScheduleDraftModel::CountColumn), 4));
    QVERIFY(!m_model->isModified());

    // Through JSON and back, as the policy editor saves it.
    const auto decoded = RetentionPolicy::fromJson(m_model->policy()->toJson());
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded.value, spec());
}

void TestScheduleDraftModel::showsRows()
{
    RetentionPolicy policy;
    policy.schedules = {{{6, Interval::Unit::Hour}, 4}, {{1, Interval::Unit::Year}, 3}};
    m_model->setPolicy(policy);
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return m_model->index(row, column).data(role); };
    QCOMPARE(cell(0, ScheduleDraftModel::NumberColumn).toInt(), 6);
    QCOMPARE(cell(0, ScheduleDraftModel::UnitColumn).toString(), QStringLiteral("hours"));
    QCOMPARE(cell(0, ScheduleDraftModel::UnitColumn, Qt::EditRole).toInt(), 0);
    QCOMPARE(cell(0, ScheduleDraftModel::UnitColumn, UnderlyingDataRole).toString(), QStringLiteral("h"));
    QCOMPARE(cell(1, ScheduleDraftModel::UnitColumn).toString(), QStringLiteral("year")); // after 1, the singular
    QCOMPARE(cell(1, ScheduleDraftModel::CountColumn).toInt(), 3);
    QVERIFY(cell(1, ScheduleDraftModel::CountColumn, ProblemRole).toStringList().isEmpty());
    QVERIFY(m_model->flags(m_model->index(0, 0)) & Qt::ItemIsEditable);
    QCOMPARE(ScheduleDraftModel::unitNames(),
        (QStringList {QStringLiteral("hours"), QStringLiteral("days"), QStringLiteral("weeks"),
            QStringLiteral("months"), QStringLiteral("years")}));
}

void TestScheduleDraftModel::setDataChecksTypes_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("label"); // of row 0 afterwards
    QTest::addColumn<int>("count");

    using C = ScheduleDraftModel;
    QTest::newRow("number int") << int(C::NumberColumn) << QVariant(6) << true << u"6d"_s << 7;
    QTest::newRow("number text") << int(C::NumberColumn) << QVariant(u"12"_s) << true << u"12d"_s << 7;
    QTest::newRow("number double") << int(C::NumberColumn) << QVariant(1.5) << false << u"1d"_s << 7;
    QTest::newRow("number bool") << int(C::NumberColumn) << QVariant(true) << false << u"1d"_s << 7;
    QTest::newRow("number junk") << int(C::NumberColumn) << QVariant(u"6h"_s) << false << u"1d"_s << 7;
    QTest::newRow("number too big for int")
        << int(C::NumberColumn) << QVariant(qint64(1) << 40) << false << u"1d"_s << 7;
    QTest::newRow("unit char") << int(C::UnitColumn) << QVariant(u"M"_s) << true << u"1M"_s << 7;
    QTest::newRow("unit QChar") << int(C::UnitColumn) << QVariant(QChar(u'w')) << true << u"1w"_s << 7;
    QTest::newRow("unit index") << int(C::UnitColumn) << QVariant(0) << true << u"1h"_s << 7;
    QTest::newRow("unit bad index") << int(C::UnitColumn) << QVariant(5) << false << u"1d"_s << 7;
    QTest::newRow("unit bad char") << int(C::UnitColumn) << QVariant(u"x"_s) << false << u"1d"_s << 7;
    QTest::newRow("unit lower-case m is not month") << int(C::UnitColumn) << QVariant(u"m"_s) << false << u"1d"_s << 7;
    QTest::newRow("unit label") << int(C::UnitColumn) << QVariant(u"2w"_s) << false << u"1d"_s << 7;
    QTest::newRow("count int") << int(C::CountColumn) << QVariant(30) << true << u"1d"_s << 30;
    QTest::newRow("count out of range is kept") << int(C::CountColumn) << QVariant(0) << true << u"1d"_s << 0;
    QTest::newRow("count list") << int(C::CountColumn) << QVariant(QStringList {u"3"_s}) << false << u"1d"_s << 7;
}

void TestScheduleDraftModel::setDataChecksTypes()
{
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(bool, accepted);
    QFETCH(QString, label);
    QFETCH(int, count);

    RetentionPolicy policy;
    policy.schedules = {{{1, Interval::Unit::Day}, 7}};
    m_model->setPolicy(policy);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QCOMPARE(m_model->setData(m_model->index(0, column), value), accepted);
    QCOMPARE(changed.isEmpty(), !accepted);
    QCOMPARE(m_model->draftPolicy().schedules.at(0).interval.label(), label);
    QCOMPARE(m_model->draftPolicy().schedules.at(0).count, count);
    // Only the edit role edits.
    QVERIFY(!m_model->setData(m_model->index(0, column), value, Qt::DisplayRole));
}

void TestScheduleDraftModel::problemsPerRow()
{
    m_model->setPolicy(spec());
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy drafts(m_model, &ScheduleDraftModel::draftChanged);

    // Row 1: number 0. Only row 1 has a problem, on its interval cells.
    QVERIFY(m_model->setData(m_model->index(1, ScheduleDraftModel::NumberColumn), 0));
    QCOMPARE(drafts.count(), 1);
    QVERIFY(!m_model->isValid());
    QVERIFY(!m_model->policy().has_value());
    QVERIFY(m_model->rowProblems(0).isEmpty());
    QVERIFY(m_model->rowProblems(2).isEmpty());
    const QStringList problems = m_model->rowProblems(1);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.at(0).contains(QStringLiteral("from 1 to 9999")), qPrintable(problems.at(0)));
    const QModelIndex number = m_model->index(1, ScheduleDraftModel::NumberColumn);
    QCOMPARE(number.data(ProblemRole).toStringList().size(), 1);
    QVERIFY(number.data(Qt::ToolTipRole).toString().contains(QStringLiteral("from 1 to 9999")));
    QCOMPARE(m_model->index(1, ScheduleDraftModel::UnitColumn).data(ProblemRole).toStringList().size(), 1);
    QVERIFY(m_model->index(1, ScheduleDraftModel::CountColumn).data(ProblemRole).toStringList().isEmpty());
    // The views learned that the row's problems changed.
    bool toldProblem = false;
    for (const QList<QVariant>& signal : changed) {
        const auto roles = signal.at(2).value<QList<int>>();
        toldProblem |= signal.at(0).value<QModelIndex>().row() == 1 && roles.contains(ProblemRole);
    }
    QVERIFY(toldProblem);

    // Row 2 becomes a second "1d": the duplicate is reported on row 2, not on row 0 which had it first.
    QVERIFY(m_model->setData(m_model->index(1, ScheduleDraftModel::NumberColumn), 1));
    QVERIFY(m_model->setData(m_model->index(2, ScheduleDraftModel::UnitColumn), QStringLiteral("d")));
    QVERIFY(m_model->rowProblems(0).isEmpty());
    QVERIFY(m_model->rowProblems(1).isEmpty());
    QCOMPARE(m_model->rowProblems(2).size(), 1);
    QVERIFY2(m_model->rowProblems(2).at(0).contains(QStringLiteral("'1d' is already used")),
        qPrintable(m_model->rowProblems(2).at(0)));

    // Row 0 moves away from 1d: row 2 is fine again, without being touched.
    changed.clear();
    QVERIFY(m_model->setData(m_model->index(0, ScheduleDraftModel::UnitColumn), 0));
    QVERIFY(m_model->rowProblems(2).isEmpty());
    bool row2Told = false;
    for (const QList<QVariant>& signal : changed)
        row2Told |= signal.at(0).value<QModelIndex>().row() == 2;
    QVERIFY(row2Told);
    QVERIFY(m_model->isValid());

    // A count out of range is reported on the count cell.
    QVERIFY(m_model->setData(m_model->index(0, ScheduleDraftModel::CountColumn), 1001));
    QCOMPARE(m_model->index(0, ScheduleDraftModel::CountColumn).data(ProblemRole).toStringList().size(), 1);
    QVERIFY(m_model->index(0, ScheduleDraftModel::NumberColumn).data(ProblemRole).toStringList().isEmpty());
    QVERIFY(m_model->rowProblems(0).at(0).startsWith(QStringLiteral("Count: ")));
    QVERIFY(m_model->allProblems().at(0).startsWith(QStringLiteral("Schedule 1: Count: ")));
}

void TestScheduleDraftModel::problemsFollowValidate()
{
    // Everything RetentionPolicy::validate() says about a schedule appears on the row its path names.
    RetentionPolicy policy;
    policy.schedules = {{{0, Interval::Unit::Day}, 0}, {{1, Interval::Unit::Week}, 4},
        {{10000, Interval::Unit::Hour}, 3}, {{1, Interval::Unit::Week}, 2000}};
    m_model->setPolicy(policy);
    const Problems expected = policy.validate();
    QVERIFY(expected.size() >= 5);
    static const QRegularExpression path(QStringLiteral("^default_config\\.schedule\\[(\\d+)\\]\\.(interval|count)$"));
    int mapped = 0;
    for (const Problem& problem : expected) {
        const auto match = path.match(problem.path);
        QVERIFY2(match.hasMatch(), qPrintable(problem.path));
        const int row = match.captured(1).toInt();
        const int column = match.captured(2) == QLatin1String("count") ? ScheduleDraftModel::CountColumn
                                                                       : ScheduleDraftModel::NumberColumn;
        QVERIFY2(m_model->index(row, column).data(ProblemRole).toStringList().contains(problem.message),
            qPrintable(problem.toString()));
        ++mapped;
    }
    int shown = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown += int(m_model->rowProblems(row).size());
    QCOMPARE(shown, mapped);
    QVERIFY(m_model->rowProblems(1).isEmpty());
    QVERIFY(!m_model->policy());
}

void TestScheduleDraftModel::manualCountAndMaxBackups()
{
    m_model->setPolicy(spec());
    QSignalSpy drafts(m_model, &ScheduleDraftModel::draftChanged);
    m_model->setManualCount(-1);
    QCOMPARE(drafts.count(), 1);
    QCOMPARE(m_model->manualCountProblems().size(), 1);
    QVERIFY(!m_model->isValid());
    m_model->setManualCount(0);
    QVERIFY(m_model->manualCountProblems().isEmpty());
    QVERIFY(m_model->isValid());
    QCOMPARE(m_model->property("manualCount").toInt(), 0);

    m_model->setMaxBackups(0);
    QCOMPARE(m_model->maxBackupsProblems().size(), 1);
    QVERIFY(!m_model->policy());
    m_model->setMaxBackups(std::nullopt);
    QVERIFY(m_model->maxBackupsProblems().isEmpty());
    QCOMPARE(m_model->policy()->maxBackups, std::nullopt);
    QCOMPARE(m_model->policy()->manualCount, 0);
    QVERIFY(m_model->isModified());

    const int before = int(drafts.count());
    m_model->setMaxBackups(std::nullopt); // no change, no signal
    QCOMPARE(drafts.count(), before);
}

void TestScheduleDraftModel::addAndRemoveRows()
{
    m_model->setPolicy(RetentionPolicy {});
    QCOMPARE(m_model->addRow(), 0);
    QCOMPARE(m_model->draftPolicy().schedules.at(0), (Schedule {{1, Interval::Unit::Day}, 7}));
    QCOMPARE(m_model->addRow(), 1);
    QCOMPARE(m_model->draftPolicy().schedules.at(1), (Schedule {{1, Interval::Unit::Week}, 4}));
    QVERIFY(m_model->isValid());
    QVERIFY(m_model->isModified());

    while (m_model->canAddRow())
        QVERIFY(m_model->addRow() >= 0);
    QCOMPARE(m_model->rowCount(), RetentionPolicy::kMaxSchedules);
    QCOMPARE(m_model->addRow(), -1);
    // What addRow proposes never collides with an existing schedule.
    QVERIFY2(m_model->isValid(), qPrintable(m_model->allProblems().join(QLatin1Char('\n'))));

    QVERIFY(m_model->removeRows(2, 8));
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(!m_model->removeRows(1, 5));
    QVERIFY(m_model->removeRow(0));
    QCOMPARE(m_model->draftPolicy().schedules, (QList<Schedule> {{{1, Interval::Unit::Week}, 4}}));

    // Removing the row with a problem removes the problem.
    QCOMPARE(m_model->addRow(), 1);
    QVERIFY(m_model->setData(m_model->index(1, ScheduleDraftModel::CountColumn), 0));
    QVERIFY(!m_model->isValid());
    QVERIFY(m_model->removeRow(1));
    QVERIFY(m_model->isValid());
}

void TestScheduleDraftModel::revert()
{
    m_model->setPolicy(spec());
    QVERIFY(m_model->setData(m_model->index(0, ScheduleDraftModel::CountColumn), 0));
    m_model->setManualCount(5);
    m_model->addRow();
    QVERIFY(m_model->isModified());
    m_model->revert();
    QVERIFY(!m_model->isModified());
    QCOMPARE(*m_model->policy(), spec());
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(m_model->rowProblems(0).isEmpty());
}

QTEST_GUILESS_MAIN(TestScheduleDraftModel)
#include "tst_scheduledraftmodel.moc"
