#include "activitylistmodel.h"
#include "modelroles.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

class TestActivityListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newestFirst();
    void updateKeepsRow();
    void movesWhenCreatedAtChanges();
    void appendsLog();
    void rendersLogWithTimes();
    void keepsOnlyTheNewestFinished();
    void displayText_data();
    void displayText();

private:
    ActivityListModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
};

namespace {

Activity activity(
    const char* id, qint64 createdAtMs, Activity::State state = Activity::State::InProgress, int percent = 0)
{
    Activity a;
    a.id = QString::fromLatin1(id);
    a.type = QStringLiteral("environment.backup");
    a.environments = {QStringLiteral("main")};
    a.createdAtMs = createdAtMs;
    a.state = state;
    a.completionPercent = percent;
    return a;
}

QStringList ids(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(ActivityIdRole).toString());
    return result;
}

} // namespace

Q_DECLARE_METATYPE(Activity)

void TestActivityListModel::init()
{
    m_model = new ActivityListModel(this);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestActivityListModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestActivityListModel::newestFirst()
{
    m_model->upsert(activity("b", 2000));
    m_model->upsert(activity("a", 1000));
    m_model->upsert(activity("d", 3000));
    m_model->upsert(activity("c", 2000)); // a tie in time: ids descending
    QCOMPARE(ids(*m_model),
        (QStringList {QStringLiteral("d"), QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(m_model->rowOf(QStringLiteral("b")), 2);
    QCOMPARE(m_model->activity(0).id, QStringLiteral("d"));
    QVERIFY(m_model->remove(QStringLiteral("c")));
    QVERIFY(!m_model->remove(QStringLiteral("c")));
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("d"), QStringLiteral("b"), QStringLiteral("a")}));
}

void TestActivityListModel::updateKeepsRow()
{
    m_model->upsert(activity("a", 1000, Activity::State::Pending));
    m_model->upsert(activity("b", 2000));
    const QPersistentModelIndex a(m_model->index(1));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);

    Activity next = activity("a", 1000, Activity::State::InProgress, 45);
    next.text = QStringLiteral("Backing up main");
    m_model->upsert(next);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(a.row(), 1);
    QCOMPARE(a.data(ProgressRole).toInt(), 45);
    QCOMPARE(a.data(StateRole).toInt(), int(Activity::State::InProgress));
    QCOMPARE(a.data(TextRole).toString(), QStringLiteral("Backing up main"));
    QVERIFY(!a.data(ResultRole).isValid());

    // The same values again: nothing to tell.
    m_model->upsert(next);
    QCOMPARE(changed.count(), 1);

    next.state = Activity::State::Complete;
    next.result = Activity::Result::Success;
    next.completionPercent = 140; // a server bug must not break a progress bar
    m_model->upsert(next);
    QCOMPARE(a.data(ResultRole).toInt(), int(Activity::Result::Success));
    QCOMPARE(a.data(ProgressRole).toInt(), 100);
}

void TestActivityListModel::movesWhenCreatedAtChanges()
{
    m_model->upsert(activity("a", 1000));
    m_model->upsert(activity("b", 2000));
    m_model->upsert(activity("c", 3000));
    const QPersistentModelIndex a(m_model->index(2));
    QSignalSpy moved(m_model, &QAbstractItemModel::rowsMoved);

    m_model->upsert(activity("a", 2500));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(a.row(), 1);

    m_model->upsert(activity("c", 500));
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    m_model->upsert(activity("c", 9000));
    QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(moved.count(), 3);
}

void TestActivityListModel::appendsLog()
{
    m_model->upsert(activity("a", 1000));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->appendLog(QStringLiteral("a"), QStringLiteral("Pausing main")));
    QVERIFY(m_model->appendLog(QStringLiteral("a"), QStringLiteral("Dumping services")));
    QVERIFY(!m_model->appendLog(QStringLiteral("nope"), QStringLiteral("lost")));
    QCOMPARE(m_model->index(0).data(LogRole).toString(), QStringLiteral("Pausing main\nDumping services"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> {LogRole});

    // Polling answers without a log keep the streamed one; an answer with a log replaces it.
    m_model->upsert(activity("a", 1000, Activity::State::InProgress, 60));
    QCOMPARE(m_model->index(0).data(LogRole).toString(), QStringLiteral("Pausing main\nDumping services"));
    Activity withLog = activity("a", 1000, Activity::State::InProgress, 60);
    withLog.log = QStringLiteral("the server's log\n");
    m_model->upsert(withLog);
    QVERIFY(m_model->appendLog(QStringLiteral("a"), QStringLiteral("Resuming main")));
    QCOMPARE(m_model->index(0).data(LogRole).toString(), QStringLiteral("the server's log\nResuming main"));
}

void TestActivityListModel::rendersLogWithTimes()
{
    m_model->upsert(activity("a", 1000));
    const qint64 start = QDateTime(QDate(2026, 12, 1), QTime(17, 44, 3)).toMSecsSinceEpoch();
    // A line that came by polling has no time; the streamed ones have theirs.
    Activity polled = activity("a", 1000, Activity::State::InProgress, 10);
    polled.log = QStringLiteral("Taking a consistent backup of main.");
    m_model->upsert(polled);
    QVERIFY(m_model->appendLog(QStringLiteral("a"), QStringLiteral("Pausing the environment."), start));
    QVERIFY(m_model->appendLog(QStringLiteral("a"), Activity::toolLine(QStringLiteral("open repository")), start + 20));
    QVERIFY(m_model->appendLog(QStringLiteral("a"), QStringLiteral("Resumed."), start + 2520));
    QCOMPARE(m_model->logTimes(QStringLiteral("a")), (QList<qint64> {0, start, start + 20, start + 2520}));

    const QString log = m_model->index(0).data(LogRole).toString();
    int toolLines = -1;
    const QString brief = ActivityListModel::renderLog(log, m_model->logTimes(QStringLiteral("a")), false, &toolLines);
    QCOMPARE(toolLines, 1);
    // The pause took until restic's line (20 ms: too short to mention); restic's line is left out; resuming is last.
    QCOMPARE(brief,
        QStringLiteral("Taking a consistent backup of main.\n17:44:03  Pausing the environment.\n17:44:05  Resumed."));
    const QString details = ActivityListModel::renderLog(log, m_model->logTimes(QStringLiteral("a")), true);
    QCOMPARE(details,
        QStringLiteral("Taking a consistent backup of main.\n17:44:03  Pausing the environment.\n"
                       "17:44:03  restic: open repository  (2.5 s)\n17:44:05  Resumed."));

    // Cleared with the activity.
    QVERIFY(m_model->remove(QStringLiteral("a")));
    QVERIFY(m_model->logTimes(QStringLiteral("a")).isEmpty());
}

void TestActivityListModel::displayText_data()
{
    QTest::addColumn<Activity>("activity");
    QTest::addColumn<QString>("text");

    QTest::newRow("backup in progress") << activity("a", 1, Activity::State::InProgress, 45)
                                        << QStringLiteral("Backup of main \u2014 45 %");
    QTest::newRow("pending") << activity("a", 1, Activity::State::Pending)
                             << QStringLiteral("Backup of main \u2014 waiting");
    Activity restore = activity("a", 1, Activity::State::Complete, 100);
    restore.type = QStringLiteral("environment.restore");
    restore.result = Activity::Result::Failure;
    QTest::newRow("failed restore") << restore << QStringLiteral("Restore of main \u2014 failed");
    Activity deletion = activity("a", 1, Activity::State::Complete, 100);
    deletion.type = QStringLiteral("environment.backup.delete");
    deletion.result = Activity::Result::Success;
    QTest::newRow("deletion") << deletion << QStringLiteral("Deletion of a backup of main \u2014 done");
    Activity other = activity("a", 1, Activity::State::Cancelled);
    other.type = QStringLiteral("environment.something");
    other.text = QStringLiteral("Something happened");
    QTest::newRow("other") << other << QStringLiteral("Something happened \u2014 cancelled");
}

void TestActivityListModel::displayText()
{
    QFETCH(Activity, activity);
    QFETCH(QString, text);
    m_model->upsert(activity);
    QCOMPARE(m_model->index(0).data(Qt::DisplayRole).toString(), text);
    QCOMPARE(ActivityListModel::displayText(activity), text);
}

void TestActivityListModel::keepsOnlyTheNewestFinished()
{
    m_model->setFinishedLimit(2);
    m_model->upsert(activity("running-old", 1000)); // oldest, but running: it stays
    m_model->upsert(activity("done-1", 2000, Activity::State::Complete));
    m_model->upsert(activity("done-2", 3000, Activity::State::Cancelled));
    m_model->upsert(activity("done-3", 4000, Activity::State::Complete));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOf(QStringLiteral("done-1")), -1);
    QVERIFY(m_model->rowOf(QStringLiteral("running-old")) >= 0);

    // The running one finishes: now it is the oldest finished and goes.
    m_model->upsert(activity("running-old", 1000, Activity::State::Complete, 100));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->activity(0).id, QStringLiteral("done-3"));
    QCOMPARE(m_model->activity(1).id, QStringLiteral("done-2"));

    m_model->setFinishedLimit(0);
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestActivityListModel)
#include "tst_activitylistmodel.moc"
