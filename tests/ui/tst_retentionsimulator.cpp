// The retention simulator in the policy editor, against a real tidemarkd with real backups of main (one taken by the
// scheduler, two by hand): the timeline draws the real backups and the scheduler's future ones, the span selector
// is reachable by keyboard, the steady-state line and its storage estimate follow the draft before Apply, every bar
// says why it is kept and when it goes, and a type without a schedule says it is not backed up. Runs offscreen.
#include "consoletest.h"
#include "displayformat.h"
#include "mainwindow.h"
#include "policyeditordialog.h"
#include "policyeditorpage.h"
#include "retentionpreviewmodel.h"
#include "retentiontimeline.h"
#include "scheduledraftmodel.h"
#include "serverprocess.h"
#include "translator.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QToolTip>
#include <QtTest>

namespace {

// "Steady state: 4 backups": the plural forms come from the translations, which are regenerated after a merge.
QString steadyPrefix(int total)
{
    return PolicyEditorPage::tr("Steady state: %n backup(s)", "", total);
}

} // namespace

class TestRetentionSimulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void drawsRealAndSimulatedBackups();
    void barsSayWhyAndWhen();
    void spanSelectorByKeyboard();
    void steadyStateFollowsTheDraft();
    void noScheduleWarning();
    void paintsWithThePalette();

private:
    PolicyEditorPage* production() const { return m_dialog->page(EnvironmentType::Production); }
    bool waitForPlan(PolicyEditorPage* page);

    ServerProcess m_server;
    std::unique_ptr<TestLocalServer> m_local;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestHttp> m_http;
    QString m_access;
    QJsonArray m_backups; // main's, as the server lists them
    QPointer<PolicyEditorDialog> m_dialog;
};

void TestRetentionSimulator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    Translator::install(*QCoreApplication::instance());
    // The scheduler takes production's first automated backup of main as soon as the server starts.
    m_server.setSchedulerEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_access = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_access.isEmpty());
    const QString backupsPath = QStringLiteral("/projects/demo/environments/main/backups");
    const auto automatedDone = [&] {
        for (const QJsonValue& v : m_http->get(backupsPath, m_access).json.toArray()) {
            if (v[QStringLiteral("automated")].toBool()
                && v[QStringLiteral("status")].toString() == QLatin1String("CREATED"))
                return true;
        }
        return false;
    };
    QVERIFY2(QTest::qWaitFor(automatedDone, 120000), "the scheduler took no backup of main");
    for (int i = 0; i < 2; ++i) {
        const QJsonObject done = m_http->startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})", m_access, 60000);
        QCOMPARE(done.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    }
    m_backups = m_http->get(backupsPath, m_access).json.toArray();
    QCOMPARE(m_backups.size(), 3);

    m_local = std::make_unique<TestLocalServer>(m_server.url(), m_server.adminToken());
    m_window = std::make_unique<MainWindow>(m_local.get());
    m_window->setRefreshInterval(0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedEnvironment().has_value(), 20000);

    m_window->findChild<QAction*>(QStringLiteral("policiesAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((m_dialog = m_window->findChild<PolicyEditorDialog*>()), 5000);
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog));
    QVERIFY(waitForPlan(production()));
    QTRY_COMPARE_WITH_TIMEOUT(production()->preview()->rowCount(), 3, 10000);
}

void TestRetentionSimulator::cleanupTestCase()
{
    if (m_dialog) {
        for (PolicyEditorPage* page : {production(), m_dialog->page(EnvironmentType::Staging)})
            page->revert();
        m_dialog->close();
    }
    m_window.reset();
    m_server.stop();
}

bool TestRetentionSimulator::waitForPlan(PolicyEditorPage* page)
{
    return QTest::qWaitFor(
        [page] { return !page->preview()->isComputing() && page->preview()->plan().nowMs > 0; }, 15000);
}

void TestRetentionSimulator::drawsRealAndSimulatedBackups()
{
    // Production's default policy: one automated backup a day, the two newest kept, and two manual backups.
    RetentionTimeline* timeline = production()->timeline();
    const RetentionSimulation& sim = timeline->simulation();
    QCOMPARE(sim.realCount(), 3);
    QCOMPARE(sim.deletedNow(), 0);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(qAbs(sim.nowMs() - now) < 600 * 1000);
    QCOMPARE(
        sim.endMs(), RetentionPreviewModel::spanEndMs(RetentionPreviewModel::SimulationSpan::EightWeeks, sim.nowMs()));

    // Every backup kept now is a real bar from the left edge; the scheduler's are simulated, one a day.
    int real = 0;
    int simulated = 0;
    const double left = timeline->barRect(0).left();
    for (int i = 0; i < timeline->barCount(); ++i) {
        if (timeline->isBarSimulated(i)) {
            ++simulated;
            QVERIFY(timeline->barRect(i).left() > left);
        } else {
            ++real;
            QCOMPARE(timeline->barRect(i).left(), left);
        }
    }
    QCOMPARE(real, 3);
    QVERIFY2(simulated >= 55 && simulated <= 56, qPrintable(QString::number(simulated)));
    // Two daily backups kept at a time plus the two manual ones: four rows at most, the bars share them.
    QCOMPARE(timeline->laneCount(), 4);
    QVERIFY(timeline->toolTip().contains(QStringLiteral("Backups kept now: 3.")));
}

void TestRetentionSimulator::barsSayWhyAndWhen()
{
    RetentionTimeline* timeline = production()->timeline();
    // The real automated backup: daily #1 of 2 now, deleted when the second simulated backup is made.
    int automatedReal = -1;
    int firstSimulated = -1;
    for (int i = 0; i < timeline->barCount(); ++i) {
        const QString text = timeline->barDescription(i);
        if (!timeline->isBarSimulated(i) && text.startsWith(QStringLiteral("Real automated backup")))
            automatedReal = i;
        if (timeline->isBarSimulated(i) && firstSimulated < 0)
            firstSimulated = i;
    }
    QVERIFY(automatedReal >= 0 && firstSimulated >= 0);
    const QList<qint64>& prunes = timeline->simulation().pruneTimes();
    const QString real = timeline->barDescription(automatedReal);
    QVERIFY2(real.contains(QStringLiteral("daily #1 of 2 until %1,").arg(DisplayFormat::localTime(prunes.at(2)))),
        qPrintable(real));
    QVERIFY2(real.contains(QStringLiteral("then daily #2 of 2")) == false, qPrintable(real)); // same rule: one phase
    QVERIFY2(real.endsWith(QStringLiteral("then deleted when the backup of %1 is made: no schedule keeps it")
                               .arg(DisplayFormat::localTime(prunes.at(2)))),
        qPrintable(real));
    const QString sim = timeline->barDescription(firstSimulated);
    QVERIFY2(
        sim.startsWith(QStringLiteral("Simulated automated backup of %1").arg(DisplayFormat::localTime(prunes.at(1)))),
        qPrintable(sim));

    // The tooltip over the bar is that text.
    const QPoint inside = timeline->barRect(firstSimulated).center().toPoint();
    QHelpEvent help(QEvent::ToolTip, inside, timeline->mapToGlobal(inside));
    QApplication::sendEvent(timeline, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), sim);
    QToolTip::hideText();

    // By keyboard: into the timeline, then the arrows choose bars and the line below tells their story.
    auto* details = production()->findChild<QLabel*>(QStringLiteral("barDetailsLabel"));
    QVERIFY(details);
    timeline->setFocus();
    QTRY_VERIFY(timeline->hasFocus());
    QTest::keyClick(timeline, Qt::Key_Right);
    QCOMPARE(timeline->currentBar(), 0);
    QStringList lines = timeline->barDescription(0).split(QLatin1Char('\n'));
    QVERIFY(lines.size() >= 2);
    const QString first = lines.takeFirst();
    QCOMPARE(details->text(), first + QStringLiteral(": ") + lines.join(QStringLiteral("; ")));
    QTest::keyClick(timeline, Qt::Key_End);
    QCOMPARE(timeline->currentBar(), timeline->barCount() - 1);
    QVERIFY(timeline->isBarSimulated(timeline->currentBar()));
    QVERIFY2(details->text().contains(QStringLiteral("still kept on")), qPrintable(details->text()));
    QTest::keyClick(timeline, Qt::Key_Escape);
    QCOMPARE(timeline->currentBar(), -1);
    QVERIFY(m_dialog->isVisible()); // Escape took the choice back, it did not close the editor
}

void TestRetentionSimulator::spanSelectorByKeyboard()
{
    PolicyEditorPage* page = production();
    auto* span = page->findChild<QComboBox*>(QStringLiteral("simulationSpanComboBox"));
    QVERIFY(span);
    QCOMPARE(span->currentText(), QStringLiteral("8 weeks"));
    // Its mnemonic (Alt+I, "Simulate:") takes the keyboard there; the arrow keys choose.
    QTest::keyClick(m_dialog, Qt::Key_I, Qt::AltModifier);
    QTRY_VERIFY(span->hasFocus());
    QTest::keyClick(span, Qt::Key_Down);
    QCOMPARE(span->currentText(), QStringLiteral("6 months"));
    QVERIFY(waitForPlan(page));
    RetentionTimeline* timeline = page->timeline();
    QTRY_COMPARE(timeline->simulation().endMs(),
        RetentionPreviewModel::spanEndMs(
            RetentionPreviewModel::SimulationSpan::SixMonths, timeline->simulation().nowMs()));
    int simulated = 0;
    for (int i = 0; i < timeline->barCount(); ++i)
        simulated += timeline->isBarSimulated(i);
    QVERIFY2(simulated >= 180 && simulated <= 185, qPrintable(QString::number(simulated)));

    QTest::keyClick(span, Qt::Key_Down);
    QCOMPARE(span->currentText(), QStringLiteral("2 years"));
    QVERIFY(waitForPlan(page));
    QTRY_COMPARE(timeline->simulation().endMs(),
        RetentionPreviewModel::spanEndMs(
            RetentionPreviewModel::SimulationSpan::TwoYears, timeline->simulation().nowMs()));
    QVERIFY(timeline->simulation().pruneTimes().size() >= 730);
    QVERIFY(!timeline->simulation().isTruncated());

    QTest::keyClick(span, Qt::Key_Home);
    QCOMPARE(span->currentText(), QStringLiteral("8 weeks"));
    QVERIFY(waitForPlan(page));
}

void TestRetentionSimulator::steadyStateFollowsTheDraft()
{
    PolicyEditorPage* page = production();
    auto* steady = page->findChild<QLabel*>(QStringLiteral("steadyStateLabel"));
    QVERIFY(steady);
    // The storage estimate from the real backups: the largest size newly stored for one full copy, the mean of the
    // others for each further backup.
    QList<qint64> used;
    for (const QJsonValue& v : std::as_const(m_backups))
        used.append(v[QStringLiteral("size_used")].toInteger());
    std::sort(used.begin(), used.end());
    QVERIFY(used.first() >= 0 && used.last() > 0);
    const qint64 full = used.last();
    const qint64 perBackup = qint64((used.at(0) + used.at(1)) / 2.0 + 0.5);
    const auto expectedSize = [&](int total) { return DisplayFormat::dataSize(full + (total - 1) * perBackup); };

    // Today's policy: 2 daily and 2 manual.
    QCOMPARE(steady->text(), steadyPrefix(4) + QStringLiteral(" (2 daily, 2 manual), about %1").arg(expectedSize(4)));
    QVERIFY2(steady->toolTip().contains(QStringLiteral("sizes newly stored by 3 current backup")),
        qPrintable(steady->toolTip()));

    // The draft, before Apply: a week of dailies, four weeklies, a year of monthlies, three manual backups.
    ScheduleDraftModel* draft = page->draft();
    QVERIFY(draft->setData(draft->index(0, ScheduleDraftModel::CountColumn), 7));
    QCOMPARE(draft->addRow(), 1); // one a week, four kept
    QCOMPARE(draft->addRow(), 2); // one a month, twelve kept
    page->findChild<QSpinBox*>(QStringLiteral("manualCountSpinBox"))->setValue(3);
    QVERIFY(page->isModified());
    QVERIFY(waitForPlan(page));
    const SteadyState& state = page->preview()->steadyState();
    // About 23 (how many weeklies and monthlies are not dailies already depends on the day of the week and month).
    QCOMPARE(state.total, page->preview()->steadyStateCount());
    QVERIFY2(state.total >= 21 && state.total <= 25, qPrintable(QString::number(state.total)));
    QCOMPARE(state.bySchedule.size(), 3);
    QCOMPARE(state.bySchedule.at(0).count, 7);
    QCOMPARE(state.bySchedule.at(1).count + state.bySchedule.at(2).count, state.total - 10);
    QCOMPARE(steady->text(),
        steadyPrefix(state.total)
            + QStringLiteral(" (7 daily, %1 weekly, %2 monthly, 3 manual), about %3")
                  .arg(state.bySchedule.at(1).count)
                  .arg(state.bySchedule.at(2).count)
                  .arg(expectedSize(state.total)));
    // The timeline follows too: weeklies and monthlies in its legend's words, and bars that change colour with them.
    RetentionTimeline* timeline = page->timeline();
    QCOMPARE(timeline->simulation().pruneTimes().size(), page->preview()->simulation().pruneTimes().size());
    bool weekly = false;
    for (int i = 0; i < timeline->barCount(); ++i)
        weekly = weekly || timeline->barDescription(i).contains(QStringLiteral("weekly #"));
    QVERIFY(weekly);

    page->revert();
    QVERIFY(waitForPlan(page));
    QTRY_VERIFY(steady->text().startsWith(steadyPrefix(4) + QStringLiteral(" (2 daily, 2 manual)")));
}

void TestRetentionSimulator::noScheduleWarning()
{
    // Staging has no schedule by default.
    PolicyEditorPage* staging = m_dialog->page(EnvironmentType::Staging);
    auto* warning = staging->findChild<QWidget*>(QStringLiteral("noScheduleWarning"));
    auto* label = staging->findChild<QLabel*>(QStringLiteral("noScheduleWarningLabel"));
    QVERIFY(warning && label);
    QVERIFY(warning->isVisibleTo(staging));
    QVERIFY2(label->text().contains(QStringLiteral(
                 "No automated backups:</b> environments of type staging are not backed up on a schedule")),
        qPrintable(label->text()));
    // A schedule in the draft takes it away; removing it brings it back.
    QCOMPARE(staging->draft()->addRow(), 0);
    QVERIFY(!warning->isVisibleTo(staging));
    QVERIFY(staging->draft()->removeRows(0, 1));
    QVERIFY(warning->isVisibleTo(staging));
    QVERIFY(waitForPlan(staging));
    // The simulation of a type without schedule takes nothing new.
    QCOMPARE(staging->timeline()->simulation().pruneTimes().size(), 1);

    // Production has one, so no warning there until its last schedule goes.
    auto* productionWarning = production()->findChild<QWidget*>(QStringLiteral("noScheduleWarning"));
    QVERIFY(!productionWarning->isVisibleTo(production()));
    QVERIFY(production()->draft()->removeRows(0, 1));
    QVERIFY(productionWarning->isVisibleTo(production()));
    QVERIFY(waitForPlan(production()));
    // Without a schedule every automated backup stays: steady state is today's backups.
    QCOMPARE(production()->steadyStateText().section(QLatin1Char(','), 0, 0),
        steadyPrefix(3) + QStringLiteral(" (1 automated"));
    production()->revert();
    QVERIFY(!productionWarning->isVisibleTo(production()));
    QVERIFY(waitForPlan(production()));
}

void TestRetentionSimulator::paintsWithThePalette()
{
    // Light and dark: the background and the text are the palette's, whatever the colours of the bars.
    RetentionTimeline* timeline = production()->timeline();
    const QPalette original = timeline->palette();
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    for (const QPalette& palette : {original, dark}) {
        timeline->setPalette(palette);
        const QImage image = timeline->grab().toImage();
        QCOMPARE(image.pixelColor(2, image.height() - 2).rgb(), palette.color(QPalette::Base).rgb());
        // The title is drawn in the text colour: some pixel of the first line is close to it.
        bool textSeen = false;
        const QColor text = palette.color(QPalette::Text);
        const int lineHeight = int(timeline->fontMetrics().height() * image.devicePixelRatio());
        for (int y = 0; y < lineHeight && !textSeen; ++y) {
            for (int x = 0; x < image.width() / 3 && !textSeen; ++x) {
                const QColor c = image.pixelColor(x, y);
                textSeen
                    = qAbs(c.red() - text.red()) + qAbs(c.green() - text.green()) + qAbs(c.blue() - text.blue()) < 60;
            }
        }
        QVERIFY(textSeen);
    }
    timeline->setPalette(original);
}

QTEST_MAIN(TestRetentionSimulator)
#include "tst_retentionsimulator.moc"
