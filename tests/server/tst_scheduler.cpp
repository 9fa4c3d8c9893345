// The scheduler with a clock the test moves: buckets, catch-up, no double runs, pruning over a simulated month.
#include "engine/engine.h"
#include "engine/scheduler.h"
#include "store/store.h"
#include "tidemarkserver.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstRunTakesOneBackup();
    void noDoubleRunInTheSameBucket();
    void catchUpOnceAfterMissedBuckets();
    void simulatedMonthPrunesToPolicy();
    void inactiveAndUnscheduledEnvironmentsAreLeftAlone();
    void dailyCopyStartsOnceADay();
    void backupsInOneSecondListInTheirOrder();

private:
    QList<BackupRecord> mainBackups()
    {
        return m_server->store().backups(QStringLiteral("demo"), QStringLiteral("main"));
    }
    void setNow(const QString& rfc3339);
    void waitIdle();

    QTemporaryDir m_dir;
    std::unique_ptr<TidemarkServer> m_server;
    qint64 m_now = 0;
};

void TestScheduler::initTestCase()
{
    qputenv("TIDEMARK_PRUNE_DELAY_MS", "200");
    m_server = std::make_unique<TidemarkServer>();
    TidemarkServer::Options options;
    options.dataDir = m_dir.path();
    options.port = 0;
    options.demo = true;
    options.scheduler = false; // the test ticks it
    QString error;
    QVERIFY2(m_server->start(options, error), qPrintable(error));
    m_server->engine().setClock([this] { return m_now; });

    // Production keeps 3 daily and 2 weekly automated backups; staging and development have no schedule.
    ProjectSettings settings = m_server->store().settings(QStringLiteral("demo"));
    const Problems problems = settings.applyPatch(QJsonDocument::fromJson(R"({"data_retention": {"production":
        {"default_config": {"schedule": [{"interval": "1d", "count": 3}, {"interval": "1w", "count": 2}]}}}})")
                                                      .object());
    QVERIFY(problems.isEmpty());
    QVERIFY(m_server->store().saveSettings(QStringLiteral("demo"), settings));
}

void TestScheduler::cleanupTestCase()
{
    m_server.reset();
}

void TestScheduler::setNow(const QString& rfc3339)
{
    m_now = QDateTime::fromString(rfc3339, Qt::ISODate).toMSecsSinceEpoch();
}

void TestScheduler::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_server->engine().pendingOperations() == 0, 60000);
}

void TestScheduler::firstRunTakesOneBackup()
{
    setNow(QStringLiteral("2026-03-02T10:00:00Z")); // a Monday
    QCOMPARE(m_server->scheduler().tick(), 1);
    waitIdle();
    const auto backups = mainBackups();
    QCOMPARE(backups.size(), 1);
    QVERIFY(backups.at(0).backup.automated);
    QVERIFY(!backups.at(0).backup.safe); // automated backups are live
    QCOMPARE(backups.at(0).backup.createdAtMs, m_now);
    QCOMPARE(backups.at(0).backup.index, std::optional<int>(1));
}

void TestScheduler::noDoubleRunInTheSameBucket()
{
    QCOMPARE(m_server->scheduler().tick(), 0);
    setNow(QStringLiteral("2026-03-02T23:59:59Z"));
    QCOMPARE(m_server->scheduler().tick(), 0);
    QCOMPARE(mainBackups().size(), 1);
}

void TestScheduler::catchUpOnceAfterMissedBuckets()
{
    // Three days without the server: one catch-up backup, not three.
    setNow(QStringLiteral("2026-03-05T10:00:00Z"));
    QCOMPARE(m_server->scheduler().tick(), 1);
    QCOMPARE(m_server->scheduler().tick(), 0); // already on its way
    waitIdle();
    QCOMPARE(mainBackups().size(), 2);
}

void TestScheduler::simulatedMonthPrunesToPolicy()
{
    // Protect the very first backup: it must survive the month.
    auto first = mainBackups().last();
    first.backup.attributes.insert(QStringLiteral("protected"), QStringLiteral("true"));
    QVERIFY(m_server->store().saveBackup(first));

    const qint64 day = 86400LL * 1000;
    const qint64 start = QDateTime::fromString(QStringLiteral("2026-03-05T10:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    for (int d = 1; d <= 25; ++d) {
        m_now = start + d * day;
        QCOMPARE(m_server->scheduler().tick(), 1);
        waitIdle();
    }
    // Now Monday 2026-03-30 10:00. Daily ×3: Mar 30, 29, 28. Weekly ×2: the week of Mar 30 (Mar 30, already kept)
    // and the week of Mar 23 (its newest, Sunday Mar 29, already kept). Plus the protected Mar 2.
    const auto backups = mainBackups();
    QStringList days;
    for (const BackupRecord& r : backups)
        days.append(QDateTime::fromMSecsSinceEpoch(r.backup.createdAtMs, Qt::UTC).toString(QStringLiteral("MM-dd")));
    QCOMPARE(days,
        (QStringList {
            QStringLiteral("03-30"), QStringLiteral("03-29"), QStringLiteral("03-28"), QStringLiteral("03-02")}));
    QCOMPARE(backups.at(0).backup.index, std::optional<int>(1));
    QCOMPARE(backups.at(2).backup.index, std::optional<int>(3));
    QVERIFY(backups.at(3).backup.isProtected());
    QVERIFY(!backups.at(3).backup.expiresAtMs); // protected: never projected to expire
    // Mar 28 leaves the daily three when Mar 31's backup arrives.
    QCOMPARE(backups.at(2).backup.expiresAtMs,
        std::optional<qint64>(
            QDateTime::fromString(QStringLiteral("2026-03-31T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch()));
}

void TestScheduler::inactiveAndUnscheduledEnvironmentsAreLeftAlone()
{
    QVERIFY(m_server->store().backups(QStringLiteral("demo"), QStringLiteral("staging")).isEmpty());
    QVERIFY(m_server->store().backups(QStringLiteral("demo"), QStringLiteral("feature-x")).isEmpty());
}

void TestScheduler::dailyCopyStartsOnceADay()
{
    QTemporaryDir target;
    QVERIFY(target.isValid());
    ProjectSettings settings = m_server->store().settings(QStringLiteral("demo"));
    CopyTarget copy;
    copy.name = QStringLiteral("nightly");
    copy.repository = target.filePath(QStringLiteral("repo"));
    copy.when = CopyTarget::When::Daily;
    settings.backupCopies = {copy};
    QVERIFY(m_server->store().saveSettings(QStringLiteral("demo"), settings));

    ActivityQuery copies;
    copies.types = {QStringLiteral("project.backup.copy")};
    m_server->scheduler().tick();
    QList<ActivityRecord> runs = m_server->store().activities(QStringLiteral("demo"), copies);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).activity.payload.value(QStringLiteral("copy")).toString(), QStringLiteral("nightly"));
    waitIdle();
    const auto done = m_server->store().activity(QStringLiteral("demo"), runs.at(0).activity.id);
    QVERIFY(done);
    QVERIFY2(done->activity.result == Activity::Result::Success, qPrintable(done->activity.text));
    QVERIFY(QFileInfo::exists(target.filePath(QStringLiteral("repo/config"))));

    // The same day: not again.
    m_server->scheduler().tick();
    waitIdle();
    QCOMPARE(m_server->store().activities(QStringLiteral("demo"), copies).size(), 1);
}

void TestScheduler::backupsInOneSecondListInTheirOrder()
{
    // The clock stands still: three manual backups in one second. Each lists newer than the one before it (ties
    // would go by the random id), one second apart.
    setNow(QStringLiteral("2026-04-01T09:00:00.250Z"));
    QStringList taken;
    for (int i = 0; i < 3; ++i) {
        const Engine::Request request = m_server->engine().createBackup(QStringLiteral("demo"), QStringLiteral("main"),
            /*safe=*/false);
        QVERIFY2(request.ok(), qPrintable(request.error));
        waitIdle();
        const auto newest = mainBackups().first().backup;
        QVERIFY(!newest.automated);
        QVERIFY(!taken.contains(newest.id));
        taken.prepend(newest.id);
    }
    QStringList manual;
    qint64 previous = 0;
    for (const BackupRecord& record : mainBackups()) {
        if (record.backup.automated)
            continue;
        manual.append(record.backup.id);
        if (previous)
            QCOMPARE(record.backup.createdAtMs, previous - 1000);
        previous = record.backup.createdAtMs;
    }
    QCOMPARE(manual, taken.mid(0, manual.size())); // the policy may keep fewer manual backups than three
    QVERIFY(manual.size() >= 2);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
