// Kills tidemarkd with SIGKILL at random moments during backups, restores and deletions (with the prune after them),
// restarts it and checks what its start-up recovery leaves: a repository restic checks without complaint, backups
// that all have their snapshot and restore, no half-made snapshot, no leftover staging or previous trees, and a
// restore target that is entirely as it was before or entirely as the backup has it.
#include "environmentstate.h"
#include "serverprocess.h"

#include <csignal>
#include <limits>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <QUuid>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace EnvironmentState;

namespace {

// pid → parent pid, from /proc.
QHash<qint64, qint64> processParents()
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')'); // the command may contain spaces and parentheses
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' '); // state ppid ...
        if (fields.size() > 1)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

QString processName(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll().trimmed()) : QString();
}

// How far a journalled restore had got: its journal's state.
QString journalPhase(const QString& dir, const QStringList& journals)
{
    QFile file(dir + QLatin1Char('/') + journals.value(0));
    const QString state = file.open(QIODevice::ReadOnly)
        ? QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("state")).toString()
        : QStringLiteral("unreadable");
    return QStringLiteral("journal %1").arg(state);
}

// The entries next to `path` whose name starts with its name and ".tidemark-".
QStringList leftoversNextTo(const QString& path)
{
    const QFileInfo info(QDir::cleanPath(path));
    return info.dir().entryList(
        {info.fileName() + QStringLiteral(".tidemark-*")}, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

struct Place
{
    QString code;
    QString mount;
    QString db;
};

struct State
{
    Tree code;
    Tree mount;
    QStringList rows;
    bool operator==(const State&) const = default;
};

State stateOf(const Place& place)
{
    return {hashTree(place.code), hashTree(place.mount), tableRows(place.db)};
}

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killsAtRandomMomentsLeaveAConsistentState();
    void listedBackupsRestore();

private:
    enum class Kind { Backup, Restore, Delete };

    QString startActivity(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        return TestHttp::activityId(m_http->request(method, path, body, m_admin));
    }
    QJsonObject activity(const QString& id);
    QJsonObject waitForActivity(const QString& id, int timeoutMs = 120000)
    {
        return m_http->waitForActivity(QStringLiteral("demo"), id, m_admin, timeoutMs);
    }
    QJsonArray backups(const QString& environment);
    QJsonObject localOf(const QString& environment);
    bool waitForQuiet(int timeoutMs);
    // SIGKILL for tidemarkd and the restic and hook processes it started, as a service manager stopping its
    // control group would do; returns what was running at that moment, for the report.
    QString killEverything();
    QByteArray runRestic(const QStringList& args, int* status, QByteArray* errors = nullptr);
    void checkAfterRecovery(const QString& activityId, bool finishedBeforeKill);
    void checkRepository();
    QString newestBackup(const QString& environment);

    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    Place m_main;
    Place m_staging;
    QString m_maintenanceFlag; // exists while staging is paused
    State m_mainState; // main never changes: every backup of main holds this
    QHash<QString, int> m_phases;
};

void TestFaultInjection::initTestCase()
{
    // What tidemarkd started becomes this process's child when tidemarkd is killed, to be killed and reaped.
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
    qputenv("TIDEMARK_PRUNE_DELAY_MS", "300"); // the prune follows a deletion soon, inside the kill window
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
    const std::pair<QString, Place*> places[] {
        {QStringLiteral("main"), &m_main}, {QStringLiteral("staging"), &m_staging}};
    for (const auto& [name, place] : places) {
        const QJsonObject local = localOf(name);
        place->code = local.value(QStringLiteral("code_path")).toString();
        place->mount
            = local.value(QStringLiteral("mounts")).toArray().at(0).toObject().value(QStringLiteral("path")).toString();
        place->db = local.value(QStringLiteral("services"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("path"))
                        .toString();
        QVERIFY2(QFileInfo(place->mount).isDir() && QFileInfo(place->db).isFile(), qPrintable(name));
    }
    // Restores into staging pause it: the flag marks it in maintenance until its resume hook has run, also when
    // tidemarkd was killed in the pause, while it swapped trees or wrote the database back, or in the resume.
    m_maintenanceFlag = QFileInfo(m_staging.code).path() + QStringLiteral("/maintenance");
    QJsonObject staging = localOf(QStringLiteral("staging"));
    staging.insert(QStringLiteral("hooks"),
        QJsonObject {{QStringLiteral("pause"), QStringLiteral("touch '%1'").arg(m_maintenanceFlag)},
            {QStringLiteral("resume"), QStringLiteral("rm -f '%1'").arg(m_maintenanceFlag)}});
    const auto hooked = m_http->request("PATCH", QStringLiteral("/projects/demo/environments/staging"),
        QJsonDocument(QJsonObject {{QStringLiteral("local"), staging}}).toJson(QJsonDocument::Compact), m_admin);
    QVERIFY2(hooked.status == 200, hooked.body.constData());
    m_mainState = stateOf(m_main);
    QVERIFY(m_mainState.mount.size() >= 300);
    QVERIFY(m_mainState.rows.size() >= 3000);
    // More manual backups than the trials make, so retention does not delete behind the test's back.
    const auto r = m_http->request("PATCH", QStringLiteral("/projects/demo/settings"),
        R"({"data_retention": {"production": {"default_config": {"manual_count": 30}}}})", m_admin);
    QVERIFY2(r.status == 200, r.body.constData());
}

void TestFaultInjection::cleanupTestCase()
{
    m_server.stop();
    qInfo("Kills by phase:");
    for (auto it = m_phases.cbegin(); it != m_phases.cend(); ++it)
        qInfo("  %-40s %d", qPrintable(it.key()), it.value());
}

QJsonObject TestFaultInjection::activity(const QString& id)
{
    return m_http->get(QStringLiteral("/projects/demo/activities/") + id, m_admin).json.toObject();
}

QJsonArray TestFaultInjection::backups(const QString& environment)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/%1/backups").arg(environment), m_admin)
        .json.toArray();
}

QJsonObject TestFaultInjection::localOf(const QString& environment)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/") + environment, m_admin)
        .json.toObject()
        .value(QStringLiteral("local"))
        .toObject();
}

QString TestFaultInjection::newestBackup(const QString& environment)
{
    QString id;
    qint64 newest = -1;
    const QJsonArray list = backups(environment);
    for (const QJsonValue& v : list) {
        const QJsonObject b = v.toObject();
        const qint64 created
            = QDateTime::fromString(b.value(QStringLiteral("created_at")).toString(), Qt::ISODate).toMSecsSinceEpoch();
        if (b.value(QStringLiteral("status")).toString() == QLatin1String("CREATED") && created >= newest) {
            newest = created;
            id = b.value(QStringLiteral("id")).toString();
        }
    }
    return id;
}

bool TestFaultInjection::waitForQuiet(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto running = m_http->get(QStringLiteral("/projects/demo/activities?state=in_progress"), m_admin);
        const auto pending = m_http->get(QStringLiteral("/projects/demo/activities?state=pending"), m_admin);
        if (running.status == 200 && pending.status == 200 && running.json.toArray().isEmpty()
            && pending.json.toArray().isEmpty())
            return true;
        QTest::qWait(100);
    }
    return false;
}

QString TestFaultInjection::killEverything()
{
    // tidemarkd first, so it starts nothing more. What it started then becomes this process's child (it is their
    // subreaper, see initTestCase): kill those and reap them as init would, so no zombie keeps a restic lock
    // looking alive to `restic unlock`, until none is left (their own children come up in turn).
    m_server.kill();
    const qint64 self = QCoreApplication::applicationPid();
    QStringList running;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QList<qint64> orphans;
        const QHash<qint64, qint64> parents = processParents();
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == self)
                orphans.append(it.key());
        }
        if (orphans.isEmpty())
            break;
        for (const qint64 pid : orphans) {
            running.append(processName(pid));
            ::kill(pid_t(pid), SIGKILL);
        }
        for (const qint64 pid : orphans) {
            int status = 0;
            while (::waitpid(pid_t(pid), &status, WNOHANG) == 0 && !deadline.hasExpired())
                QThread::msleep(5);
        }
    }
    running.sort();
    running.removeDuplicates();
    return running.join(QLatin1Char('+'));
}

QByteArray TestFaultInjection::runRestic(const QStringList& args, int* status, QByteArray* errors)
{
    const QString dir = m_server.dataDir() + QStringLiteral("/repositories/demo");
    QProcess restic;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), dir + QStringLiteral("/repo"));
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), dir + QStringLiteral("/repo.password"));
    env.insert(QStringLiteral("RESTIC_CACHE_DIR"), dir + QStringLiteral("/cache/restic"));
    restic.setProcessEnvironment(env);
    restic.start(QStringLiteral("restic"), args);
    if (!restic.waitForFinished(120000)) {
        restic.kill();
        restic.waitForFinished(5000);
        *status = -1;
        return {};
    }
    *status = restic.exitStatus() == QProcess::NormalExit ? restic.exitCode() : -1;
    if (errors)
        *errors = restic.readAllStandardError();
    return restic.readAllStandardOutput();
}

void TestFaultInjection::checkRepository()
{
    // Every listed backup has its snapshot and no tidemark snapshot lacks its backup (half-made ones are forgotten
    // asynchronously at start-up: give that a bounded moment).
    QStringList listed;
    for (const QString& env : {QStringLiteral("main"), QStringLiteral("staging")}) {
        for (const QJsonValue& b : backups(env))
            listed.append(b.toObject().value(QStringLiteral("id")).toString());
    }
    listed.sort();
    QStringList tagged;
    QDeadlineTimer deadline(60000);
    int status = 0;
    while (!deadline.hasExpired()) {
        QByteArray errors;
        const QByteArray out = runRestic({QStringLiteral("snapshots"), QStringLiteral("--json"),
                                             QStringLiteral("--tag"), QStringLiteral("tidemark")},
            &status, &errors);
        tagged.clear();
        if (status == 0) {
            for (const QJsonValue& s : QJsonDocument::fromJson(out).array()) {
                for (const QJsonValue& t : s.toObject().value(QStringLiteral("tags")).toArray()) {
                    if (t.toString().startsWith(QLatin1String("backup=")))
                        tagged.append(t.toString().mid(7));
                }
            }
            tagged.sort();
            if (tagged == listed)
                break;
        }
        QTest::qWait(300);
    }
    if (tagged != listed) {
        QByteArray out
            = runRestic({QStringLiteral("snapshots"), QStringLiteral("--tag"), QStringLiteral("tidemark")}, &status);
        qWarning(
            "listed backups: %s\nrestic snapshots:\n%s", qPrintable(listed.join(QLatin1Char(' '))), out.constData());
    }
    QCOMPARE(tagged, listed);

    // A normal (locking) check: after recovery no stale lock may be in the way. A prune that tidemarkd runs
    // right now holds an exclusive lock for a moment, so a lock held by a live process is waited for.
    QByteArray errors;
    QDeadlineTimer checkDeadline(90000);
    do {
        runRestic({QStringLiteral("check")}, &status, &errors);
        if (status == 0 || !errors.contains("locked"))
            break;
        QTest::qWait(500);
    } while (!checkDeadline.hasExpired());
    QVERIFY2(status == 0, errors.constData());
}

void TestFaultInjection::checkAfterRecovery(const QString& activityId, bool finishedBeforeKill)
{
    QVERIFY2(waitForQuiet(120000), "activities still running two minutes after the restart");
    const QJsonObject a = activity(activityId);
    QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
    // An activity that finished between the look at its state and the kill has its own result.
    if (!finishedBeforeKill && a.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
        QCOMPARE(a.value(QStringLiteral("result")).toString(), QStringLiteral("failure"));
        QVERIFY2(a.value(QStringLiteral("text")).toString().contains(QLatin1String("tidemarkd stopped")),
            qPrintable(a.value(QStringLiteral("text")).toString()));
    }
    for (const Place* place : {&m_main, &m_staging}) {
        for (const QString& path : {place->code, place->mount, place->db})
            QVERIFY2(leftoversNextTo(path).isEmpty(), qPrintable(leftoversNextTo(path).join(QLatin1Char(' '))));
    }
    QVERIFY(!QFileInfo::exists(m_server.dataDir() + QStringLiteral("/staging")));
    QVERIFY2(!QFileInfo::exists(m_maintenanceFlag), "staging was left paused (its resume hook did not run)");
    const QStringList paused = QDir(m_server.dataDir() + QStringLiteral("/paused")).entryList(QDir::Files);
    QVERIFY2(paused.isEmpty(), qPrintable(paused.join(QLatin1Char(' '))));
    const QStringList journals = QDir(m_server.dataDir() + QStringLiteral("/journal")).entryList(QDir::Files);
    QVERIFY2(journals.isEmpty(), qPrintable(journals.join(QLatin1Char(' '))));
    QCOMPARE(stateOf(m_main), m_mainState);
    checkRepository();
}

void TestFaultInjection::killsAtRandomMomentsLeaveAConsistentState()
{
    const quint32 seed = qEnvironmentVariableIsSet("TIDEMARK_FAULT_SEED")
        ? quint32(qEnvironmentVariableIntValue("TIDEMARK_FAULT_SEED"))
        : 20261126u;
    qInfo("seed %u (set TIDEMARK_FAULT_SEED to repeat another run)", seed);
    QRandomGenerator random(seed);

    // How long each operation typically takes, to spread the kills over it.
    QElapsedTimer timer;
    timer.start();
    QString id = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": true})");
    QCOMPARE(waitForActivity(id).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const qint64 backupMs = timer.restart();
    const QString firstBackup = newestBackup(QStringLiteral("main"));
    id = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(firstBackup),
        R"({"restore_code": false, "environment_name": "staging"})");
    QCOMPARE(waitForActivity(id).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const qint64 restoreMs = timer.restart();
    id = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backup"), R"({"safe": false})");
    QCOMPARE(waitForActivity(id).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    timer.restart();
    id = startActivity("DELETE", QStringLiteral("/projects/demo/environments/main/backups/") + firstBackup);
    QCOMPARE(waitForActivity(id).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const qint64 deleteMs = timer.elapsed() + 300 + 1500; // the deletion, the prune delay, the prune
    qInfo("typical durations: backup %lld ms, restore %lld ms, deletion and prune about %lld ms", backupMs, restoreMs,
        deleteMs);

    // 21 trials by default, 7 per kind (at least 20 are asked for); TIDEMARK_FAULT_TRIALS=300 makes it a soak.
    const int trials = qMax(21, qEnvironmentVariableIntValue("TIDEMARK_FAULT_TRIALS"));
    QElapsedTimer total;
    total.start();
    for (int trial = 0; trial < trials; ++trial) {
        const Kind kind = Kind(trial % 3);
        QString activityId;
        qint64 window = 0;
        State before;
        if (kind == Kind::Backup) {
            window = backupMs;
            activityId = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backup"),
                random.bounded(2) ? QByteArray(R"({"safe": true})") : QByteArray(R"({"safe": false})"));
        } else if (kind == Kind::Restore) {
            // Staging differs from the backup in every part, so old and new can be told apart.
            const QByteArray mark = QByteArray::number(trial);
            QVERIFY(writeFile(m_staging.code + QStringLiteral("/trial-%1.txt").arg(trial), mark));
            QVERIFY(writeFile(m_staging.mount + QStringLiteral("/trial-%1.txt").arg(trial), mark));
            QVERIFY(execSql(m_staging.db,
                QStringLiteral("INSERT INTO orders (customer, amount_cents, created_at) VALUES ('trial-%1', %1, "
                               "'2026-11-26T00:00:00Z')")
                    .arg(trial)));
            before = stateOf(m_staging);
            QVERIFY(before != m_mainState);
            const bool restoreCode = trial % 2 == 1;
            window = restoreMs;
            activityId = startActivity("POST",
                QStringLiteral("/projects/demo/environments/main/backups/%1/restore")
                    .arg(newestBackup(QStringLiteral("main"))),
                restoreCode ? QByteArray(R"({"restore_code": true, "environment_name": "staging"})")
                            : QByteArray(R"({"restore_code": false, "environment_name": "staging"})"));
        } else {
            // The oldest backup of main goes, keeping at least one to restore from.
            if (backups(QStringLiteral("main")).size() < 2) {
                const QString extra
                    = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backup"), "{}");
                QCOMPARE(waitForActivity(extra).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
            }
            QString oldest;
            qint64 oldestMs = std::numeric_limits<qint64>::max();
            for (const QJsonValue& v : backups(QStringLiteral("main"))) {
                const qint64 created
                    = QDateTime::fromString(v.toObject().value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                          .toMSecsSinceEpoch();
                if (created < oldestMs) {
                    oldestMs = created;
                    oldest = v.toObject().value(QStringLiteral("id")).toString();
                }
            }
            window = deleteMs;
            activityId = startActivity("DELETE", QStringLiteral("/projects/demo/environments/main/backups/") + oldest);
        }
        QVERIFY2(!activityId.isEmpty(), "the activity did not start");

        // Half the restores are killed while their journal exists (swapping trees, saving and writing databases): a
        // window of milliseconds that uniform delays would hardly ever hit.
        const bool aimAtSwap = kind == Kind::Restore && random.bounded(2) == 1;
        const QString journalDir = m_server.dataDir() + QStringLiteral("/journal");
        int delay = 0;
        QString stateAtKill;
        if (aimAtSwap) {
            QElapsedTimer waited;
            waited.start();
            QDeadlineTimer deadline(restoreMs * 3 + 10000);
            while (QDir(journalDir).entryList(QDir::Files).isEmpty() && !deadline.hasExpired())
                QThread::usleep(200);
            QThread::usleep(random.bounded(15000u));
            delay = int(waited.elapsed());
        } else {
            delay = int(random.bounded(quint32(qMax<qint64>(1, window * 11 / 10))));
            QTest::qWait(delay);
            stateAtKill = activity(activityId).value(QStringLiteral("state")).toString();
        }
        const bool finished = stateAtKill == QLatin1String("complete");
        const QString running = killEverything();

        // Where the kill landed, from what it left behind.
        const QStringList journals = QDir(m_server.dataDir() + QStringLiteral("/journal")).entryList(QDir::Files);
        QString phase;
        if (kind == Kind::Backup)
            phase = QStringLiteral("backup: ") + (finished ? QStringLiteral("after it completed") : stateAtKill);
        else if (kind == Kind::Restore)
            phase = QStringLiteral("restore: ")
                + (finished                                           ? QStringLiteral("after it completed")
                        : !journals.isEmpty()                         ? journalPhase(journalDir, journals)
                        : !leftoversNextTo(m_staging.mount).isEmpty() ? QStringLiteral("fetching")
                        : aimAtSwap                                   ? QStringLiteral("aimed at the swap, after it")
                                                                      : stateAtKill);
        else
            phase = QStringLiteral("delete: ")
                + (!finished                                        ? stateAtKill
                        : running.contains(QLatin1String("restic")) ? QStringLiteral("prune running")
                                                                    : QStringLiteral("after it completed"));
        if (!running.isEmpty())
            phase += QStringLiteral(" [") + running + QLatin1Char(']');
        ++m_phases[phase];
        qInfo("trial %d: killed after %d ms: %s", trial, delay, qPrintable(phase));

        QVERIFY2(m_server.restart(), qPrintable(m_server.error()));
        m_http = std::make_unique<TestHttp>(m_server.url());
        m_admin = m_http->exchange(m_server.adminToken());
        QVERIFY(!m_admin.isEmpty());
        checkAfterRecovery(activityId, finished);
        if (QTest::currentTestFailed())
            return;

        if (kind == Kind::Restore) {
            const State after = stateOf(m_staging);
            const bool old = after == before;
            const bool restored = after.mount == m_mainState.mount && after.rows == m_mainState.rows
                && (trial % 2 == 1 ? after.code != before.code : after.code == before.code);
            QVERIFY2(old || restored, "the restore target is neither entirely old nor entirely new");
            const QString result = activity(activityId).value(QStringLiteral("result")).toString();
            if (result == QLatin1String("success"))
                QVERIFY2(restored, "a successful restore left the old state");
            ++m_phases[old ? QStringLiteral("restore: left entirely old")
                           : QStringLiteral("restore: left entirely new")];
            qInfo("trial %d: the restore target is entirely %s", trial, old ? "old" : "new");
        }
        if (total.elapsed() > 200000 && trial + 1 >= 20) {
            qInfo("stopping after %d trials to bound the run time", trial + 1);
            break;
        }
    }
}

void TestFaultInjection::listedBackupsRestore()
{
    // The newest few backups of main (and the oldest) restore into staging and give exactly main's state.
    QList<QPair<qint64, QString>> list;
    for (const QJsonValue& v : backups(QStringLiteral("main"))) {
        list.append({QDateTime::fromString(v.toObject().value(QStringLiteral("created_at")).toString(), Qt::ISODate)
                         .toMSecsSinceEpoch(),
            v.toObject().value(QStringLiteral("id")).toString()});
    }
    QVERIFY(!list.isEmpty());
    std::sort(list.begin(), list.end(), std::greater<>());
    QStringList chosen;
    for (qsizetype i = 0; i < list.size() && i < 3; ++i)
        chosen.append(list.at(i).second);
    if (!chosen.contains(list.last().second))
        chosen.append(list.last().second);
    for (const QString& backup : chosen) {
        QVERIFY(writeFile(m_staging.mount + QStringLiteral("/before-") + backup, "x"));
        const QString id
            = startActivity("POST", QStringLiteral("/projects/demo/environments/main/backups/%1/restore").arg(backup),
                R"({"restore_code": false, "environment_name": "staging"})");
        const QJsonObject a = waitForActivity(id);
        QVERIFY2(a.value(QStringLiteral("result")).toString() == QLatin1String("success"),
            qPrintable(a.value(QStringLiteral("text")).toString()));
        QCOMPARE(hashTree(m_staging.mount), m_mainState.mount);
        QCOMPARE(tableRows(m_staging.db), m_mainState.rows);
    }
}

QTEST_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
