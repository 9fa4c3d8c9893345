#include "engine/sqlitecopy.h"

#include <atomic>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace std::chrono_literals;

namespace {

// One QSqlDatabase connection, removed again with this object. Used only on the thread that made it.
class Connection
{
public:
    explicit Connection(const QString& path)
        : m_name(QStringLiteral("tst_sqlitecopy_%1").arg(s_next.fetch_add(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_db.open();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    bool isOpen() const { return m_db.isOpen(); }

    bool exec(const QString& sql)
    {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }

    QVariant value(const QString& sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.value(0);
    }

    // Inserts one batch of `rows` rows that all carry `batch`.
    bool insertBatch(int batch, int rows)
    {
        return exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2) "
                                   "INSERT INTO t (batch, payload) SELECT %1, randomblob(500) FROM n")
                        .arg(batch)
                        .arg(rows));
    }

private:
    static inline std::atomic<int> s_next {0};
    QString m_name;
    QSqlDatabase m_db;
};

constexpr int batchRows = 100;

// A database with `batches` batches of 100 rows each.
bool createDatabase(const QString& path, const QString& journalMode, int batches)
{
    Connection db(path);
    if (!db.isOpen() || !db.exec(QStringLiteral("PRAGMA journal_mode=") + journalMode)
        || !db.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, payload BLOB)"))
        || !db.exec(QStringLiteral("BEGIN")))
        return false;
    for (int batch = 0; batch < batches; ++batch) {
        if (!db.insertBatch(batch, batchRows))
            return false;
    }
    return db.exec(QStringLiteral("COMMIT"));
}

// Empty when the database passes integrity_check and holds only whole batches, else what is wrong.
QString checkConsistent(const QString& path, int minimumBatches)
{
    Connection db(path);
    const QString integrity = db.value(QStringLiteral("PRAGMA integrity_check")).toString();
    if (integrity != QLatin1String("ok"))
        return QLatin1String("integrity_check: ") + integrity;
    const int rows = db.value(QStringLiteral("SELECT count(*) FROM t")).toInt();
    const int partial
        = db.value(QStringLiteral("SELECT count(*) FROM (SELECT batch FROM t GROUP BY batch HAVING count(*) != 100)"))
              .toInt();
    if (rows % batchRows != 0 || partial != 0)
        return QStringLiteral("%1 rows, %2 partial batches").arg(rows).arg(partial);
    if (rows < minimumBatches * batchRows)
        return QStringLiteral("only %1 rows").arg(rows);
    return {};
}

} // namespace

class TestSqliteCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void copyLeavesOutAnUncommittedTransaction_data();
    void copyLeavesOutAnUncommittedTransaction();
    void copyOnAWorkerThreadIsConsistentWhileCommitsRun_data();
    void copyOnAWorkerThreadIsConsistentWhileCommitsRun();
    void stagingCopyStandsAlone();
    void restoreIntoALiveDatabase_data();
    void restoreIntoALiveDatabase();
    void givesUpOnALockedDatabaseInBoundedTime();
    void reportsErrors();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestSqliteCopy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
}

void TestSqliteCopy::copyLeavesOutAnUncommittedTransaction_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("wal") << QStringLiteral("wal");
    QTest::newRow("rollback journal") << QStringLiteral("delete");
}

void TestSqliteCopy::copyLeavesOutAnUncommittedTransaction()
{
    QFETCH(QString, journalMode);
    const QString source = path(QLatin1String("uncommitted-") + journalMode + QLatin1String(".db"));
    const QString copy = source + QLatin1String(".copy");
    QVERIFY(createDatabase(source, journalMode, 30));

    // Committed but not checkpointed: in WAL mode these rows live only in the -wal file, which a copy of the
    // database file would miss.
    Connection committer(source);
    QVERIFY(committer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
    for (int batch = 30; batch < 35; ++batch)
        QVERIFY(committer.insertBatch(batch, batchRows));

    Connection writer(source);
    QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(writer.insertBatch(1000, batchRows));
    QVERIFY(writer.exec(QStringLiteral("UPDATE t SET payload = NULL WHERE batch = 3")));

    const QString error = SqliteCopy::copy(source, copy);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(writer.exec(QStringLiteral("COMMIT")));

    const QString problem = checkConsistent(copy, 35);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    Connection copied(copy);
    QCOMPARE(copied.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 35 * batchRows);
    QCOMPARE(copied.value(QStringLiteral("SELECT count(*) FROM t WHERE payload IS NULL")).toInt(), 0);
    Connection original(source);
    QCOMPARE(original.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 36 * batchRows);
}

void TestSqliteCopy::copyOnAWorkerThreadIsConsistentWhileCommitsRun_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::addColumn<int>("pagesPerStep");
    QTest::newRow("wal, one step") << QStringLiteral("wal") << -1;
    QTest::newRow("rollback journal, one step") << QStringLiteral("delete") << -1;
    // Every commit restarts a stepwise copy; past half the deadline it finishes in one step.
    QTest::newRow("wal, restarted steps") << QStringLiteral("wal") << 8;
}

void TestSqliteCopy::copyOnAWorkerThreadIsConsistentWhileCommitsRun()
{
    QFETCH(QString, journalMode);
    QFETCH(int, pagesPerStep);
    const bool wal = journalMode == QLatin1String("wal");
    const QString source = path(QStringLiteral("busy-%1-%2.db").arg(journalMode).arg(pagesPerStep));
    const QString copy = source + QLatin1String(".copy");
    QVERIFY(createDatabase(source, journalMode, 30));

    // Another connection commits batch after batch, each one transaction.
    std::atomic<bool> stop {false};
    std::atomic<int> committed {0};
    std::atomic<bool> writerFailed {false};
    std::thread writer([&] {
        Connection db(source);
        for (int batch = 100; !stop.load(); ++batch) {
            if (!db.exec(QStringLiteral("BEGIN")) || !db.insertBatch(batch, batchRows)
                || !db.exec(QStringLiteral("COMMIT"))) {
                writerFailed = true;
                return;
            }
            committed.fetch_add(1);
            // With a rollback journal, SQLite has no fairness between one writer committing back to back and
            // readers polling from their busy handler: a writer that never pauses starves every reader. A pause
            // of a millisecond between transactions is still far busier than a web application's database.
            if (!wal)
                std::this_thread::sleep_for(1ms);
        }
    });
    const auto stopWriter = [&] {
        stop = true;
        if (writer.joinable())
            writer.join();
    };
    const auto joinOnFailure = qScopeGuard(stopWriter);
    QTRY_VERIFY_WITH_TIMEOUT(committed.load() >= 3, 10000);

    const SqliteCopy::Options options {pagesPerStep, 2000ms, 2000ms};
    QElapsedTimer elapsed;
    elapsed.start();
    QFuture<QString> future = QtConcurrent::run([=] { return SqliteCopy::copy(source, copy, options); });
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
    const qint64 copyMs = elapsed.elapsed();
    const int committedAfterCopy = committed.load();
    QTRY_VERIFY_WITH_TIMEOUT(committed.load() >= committedAfterCopy + 3, 10000); // the writer was not shut out
    stopWriter();
    QVERIFY(!writerFailed.load());

    const QString error = future.result();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(copyMs < 10000, qPrintable(QString::number(copyMs)));
    const QString problem = checkConsistent(copy, 33);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(checkConsistent(source, 36), QString());
}

void TestSqliteCopy::stagingCopyStandsAlone()
{
    const QString source = path(QStringLiteral("staging-source.db"));
    const QString copy = path(QStringLiteral("staging/services/app.sqlite"));
    QVERIFY(createDatabase(source, QStringLiteral("wal"), 2));
    QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
    Connection live(source); // keeps the source's WAL in use
    QVERIFY(live.exec(QStringLiteral("INSERT INTO t (batch, payload) SELECT 2, payload FROM t WHERE batch = 0")));

    const QString error = SqliteCopy::copy(source, copy);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!QFile::exists(copy + QLatin1String("-wal")));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    QVERIFY(header.startsWith("SQLite format 3"));
    QCOMPARE(int(header.at(18)), 1); // rollback journal, not WAL: the file alone is the database
    QCOMPARE(checkConsistent(copy, 3), QString());
}

void TestSqliteCopy::restoreIntoALiveDatabase_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("wal") << QStringLiteral("wal");
    QTest::newRow("rollback journal") << QStringLiteral("delete");
}

void TestSqliteCopy::restoreIntoALiveDatabase()
{
    QFETCH(QString, journalMode);
    const bool wal = journalMode == QLatin1String("wal");
    const QString live = path(QLatin1String("live-") + journalMode + QLatin1String(".db"));
    const QString restored = path(QLatin1String("restored-") + journalMode + QLatin1String(".db"));
    QVERIFY(createDatabase(live, journalMode, 1));
    QVERIFY(createDatabase(restored, QStringLiteral("delete"), 25));
    {
        Connection db(restored);
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE extra (note TEXT)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO extra VALUES ('from the backup')")));
    }

    // The application's connection stays open throughout.
    Connection app(live);
    QCOMPARE(app.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), batchRows);
    // In WAL mode a reader in the middle of a transaction keeps its view until it ends it.
    Connection reader(live);
    if (wal) {
        QVERIFY(reader.exec(QStringLiteral("BEGIN")));
        QCOMPARE(reader.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), batchRows);
    }

    const QString error = SqliteCopy::copy(restored, live);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    if (wal) {
        QCOMPARE(reader.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), batchRows);
        QVERIFY(reader.exec(QStringLiteral("COMMIT")));
    }
    QCOMPARE(reader.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 25 * batchRows);
    QCOMPARE(app.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 25 * batchRows);
    QCOMPARE(app.value(QStringLiteral("SELECT note FROM extra")).toString(), QStringLiteral("from the backup"));
    QCOMPARE(app.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(app.value(QStringLiteral("PRAGMA journal_mode")).toString(), journalMode);
    QVERIFY(app.insertBatch(500, batchRows)); // and the application carries on writing
    QCOMPARE(checkConsistent(live, 26), QString());
}

void TestSqliteCopy::givesUpOnALockedDatabaseInBoundedTime()
{
    const QString live = path(QStringLiteral("locked.db"));
    const QString restored = path(QStringLiteral("locked-restored.db"));
    QVERIFY(createDatabase(live, QStringLiteral("wal"), 1));
    QVERIFY(createDatabase(restored, QStringLiteral("delete"), 5));

    Connection holder(live);
    QVERIFY(holder.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(holder.insertBatch(7, batchRows));

    QElapsedTimer elapsed;
    elapsed.start();
    const QString error = SqliteCopy::copy(restored, live, SqliteCopy::Options {-1, 100ms, 600ms});
    QVERIFY2(!error.isEmpty(), "a copy into a database another connection is writing must wait, then give up");
    QVERIFY2(error.contains(QLatin1String("locked")), qPrintable(error));
    QVERIFY2(elapsed.elapsed() >= 500 && elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));

    // The live database is untouched, and the holder's own transaction still commits.
    QVERIFY(holder.exec(QStringLiteral("COMMIT")));
    Connection check(live);
    QCOMPARE(check.value(QStringLiteral("SELECT count(*) FROM t")).toInt(), 2 * batchRows);
    QCOMPARE(checkConsistent(live, 2), QString());
}

void TestSqliteCopy::reportsErrors()
{
    const QString missing = path(QStringLiteral("missing.db"));
    QString error = SqliteCopy::copy(missing, path(QStringLiteral("never.db")));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(!QFile::exists(path(QStringLiteral("never.db"))));

    // Not a database: the copy fails and the destination it would have created is not left behind.
    const QString garbage = path(QStringLiteral("garbage.db"));
    {
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    const QString destination = path(QStringLiteral("from-garbage.db"));
    error = SqliteCopy::copy(garbage, destination);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QLatin1String("not a database")), qPrintable(error));
    QVERIFY(!QFile::exists(destination));

    const QString source = path(QStringLiteral("self.db"));
    QVERIFY(createDatabase(source, QStringLiteral("delete"), 1));
    error = SqliteCopy::copy(source, source);
    QVERIFY(!error.isEmpty());
    QCOMPARE(checkConsistent(source, 1), QString());
}

QTEST_GUILESS_MAIN(TestSqliteCopy)
#include "tst_sqlitecopy.moc"
