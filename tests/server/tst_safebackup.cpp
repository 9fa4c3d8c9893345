// Consistent backups in two passes (live pre-pass; pause, copy of what changed, resume; second pass over the paused
// state with the pre-pass as parent) and live backups that report the files changed while restic read them, against
// a real tidemarkd.
#include "environmentstate.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

namespace {

struct LogLine
{
    qint64 timestampMs = 0;
    QString message;
};

} // namespace

class TestSafeBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void safeBackupPausesOnlyToCopyChanges();
    void laterBackupReadsOnlyWhatChanged();
    void prePassSnapshotIsForgotten();
    void liveBackupReportsFilesChangedWhileRead();

private:
    QJsonObject environment(const QString& name);
    bool setHooks(const QString& name, const QString& pause, const QString& resume);
    QString startBackup(const QString& name, bool safe)
    {
        return TestHttp::activityId(
            m_http->request("POST", QStringLiteral("/projects/demo/environments/%1/backup").arg(name),
                safe ? QByteArrayLiteral(R"({"safe": true})") : QByteArrayLiteral(R"({"safe": false})"), m_admin));
    }
    QJsonObject waitForActivity(const QString& activityId)
    {
        return m_http->waitForActivity(QStringLiteral("demo"), activityId, m_admin);
    }
    QList<LogLine> log(const QString& activityId);
    static bool waitUntilUnchangedFor(const QStringList& roots, qint64 ms);
    QStringList snapshotBackupTags(QString* error);
    QStringList listedBackupIds();

    QTemporaryDir m_scratch;
    ServerProcess m_server;
    std::unique_ptr<TestHttp> m_http;
    QString m_admin;
    QString m_safeActivity;
};

void TestSafeBackup::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_http = std::make_unique<TestHttp>(m_server.url());
    m_admin = m_http->exchange(m_server.adminToken());
    QVERIFY(!m_admin.isEmpty());
}

void TestSafeBackup::cleanupTestCase()
{
    m_server.stop();
}

QJsonObject TestSafeBackup::environment(const QString& name)
{
    return m_http->get(QStringLiteral("/projects/demo/environments/") + name, m_admin).json.toObject();
}

bool TestSafeBackup::setHooks(const QString& name, const QString& pause, const QString& resume)
{
    QJsonObject local = environment(name).value(QStringLiteral("local")).toObject();
    local.insert(
        QStringLiteral("hooks"), QJsonObject {{QStringLiteral("pause"), pause}, {QStringLiteral("resume"), resume}});
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("local"), local}}).toJson(QJsonDocument::Compact);
    return m_http->request("PATCH", QStringLiteral("/projects/demo/environments/") + name, body, m_admin).status == 200;
}

// Waits until no file or folder under the roots has changed (by its change time) for ms; at most ms.
bool TestSafeBackup::waitUntilUnchangedFor(const QStringList& roots, qint64 ms)
{
    qint64 newest = 0;
    for (const QString& root : roots) {
        if (root.isEmpty())
            continue;
        newest = qMax(newest, QFileInfo(root).metadataChangeTime().toMSecsSinceEpoch());
        QDirIterator it(
            root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            newest = qMax(newest, it.fileInfo().metadataChangeTime().toMSecsSinceEpoch());
        }
    }
    const qint64 wait = newest + ms - QDateTime::currentMSecsSinceEpoch();
    if (wait > ms)
        return false; // a change time in the future: the clock went back
    if (wait > 0)
        QTest::qWait(int(wait));
    return true;
}

QList<LogLine> TestSafeBackup::log(const QString& activityId)
{
    QList<LogLine> lines;
    const auto reply = m_http->get(QStringLiteral("/projects/demo/activities/%1/log").arg(activityId), m_admin);
    for (const QByteArray& raw : reply.body.trimmed().split('\n')) {
        const QJsonObject data = QJsonDocument::fromJson(raw).object().value(QStringLiteral("data")).toObject();
        if (data.isEmpty())
            continue;
        const QDateTime at
            = QDateTime::fromString(data.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
        lines.append({at.toMSecsSinceEpoch(), data.value(QStringLiteral("message")).toString()});
    }
    return lines;
}

// The backup ids the snapshots in the demo repository belong to (their "backup=" tags), one entry per snapshot.
QStringList TestSafeBackup::snapshotBackupTags(QString* error)
{
    const QString dir = m_server.dataDir() + QStringLiteral("/repositories/demo");
    QProcess restic;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& key : env.keys()) {
        if (key.startsWith(QLatin1String("RESTIC_")))
            env.remove(key);
    }
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), dir + QStringLiteral("/repo"));
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), dir + QStringLiteral("/repo.password"));
    restic.setProcessEnvironment(env);
    restic.start(QStringLiteral("restic"),
        {QStringLiteral("snapshots"), QStringLiteral("--json"), QStringLiteral("--no-lock"),
            QStringLiteral("--no-cache"), QStringLiteral("--tag"), QStringLiteral("tidemark")}); // not the manifests
    if (!restic.waitForFinished(30000) || restic.exitCode() != 0) {
        *error = QString::fromUtf8(restic.readAllStandardError());
        return {};
    }
    QStringList ids;
    for (const QJsonValue& snapshot : QJsonDocument::fromJson(restic.readAllStandardOutput()).array()) {
        QString id;
        for (const QJsonValue& tag : snapshot.toObject().value(QStringLiteral("tags")).toArray()) {
            if (tag.toString().startsWith(QLatin1String("backup=")))
                id = tag.toString().mid(7);
        }
        ids.append(id);
    }
    ids.sort();
    return ids;
}

QStringList TestSafeBackup::listedBackupIds()
{
    QStringList ids;
    for (const QString& name : {QStringLiteral("main"), QStringLiteral("staging")}) {
        const QJsonArray list
            = m_http->get(QStringLiteral("/projects/demo/environments/%1/backups").arg(name), m_admin).json.toArray();
        for (const QJsonValue& b : list)
            ids.append(b.toObject().value(QStringLiteral("id")).toString());
    }
    ids.sort();
    return ids;
}

void TestSafeBackup::safeBackupPausesOnlyToCopyChanges()
{
    // The pause hook writes the state the backup must hold; the resume hook changes it again at once (same size),
    // before the second pass runs. Only a backup of the paused state holds "paused".
    const QString mount = environment(QStringLiteral("main"))
                              .value(QStringLiteral("local"))
                              .toObject()
                              .value(QStringLiteral("mounts"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("path"))
                              .toString();
    QVERIFY(QFileInfo(mount).isDir());
    const QString stateFile = mount + QStringLiteral("/state.txt");
    QVERIFY(EnvironmentState::writeFile(stateFile, "running"));
    const QString marker = m_scratch.filePath(QStringLiteral("paused"));
    QVERIFY(
        setHooks(QStringLiteral("main"), QStringLiteral("printf paused > '%1' && touch '%2'").arg(stateFile, marker),
            QStringLiteral("printf resumd > '%1'").arg(stateFile)));
    EnvironmentState::Tree paused = EnvironmentState::hashTree(mount);
    QVERIFY(paused.size() > 1);

    QElapsedTimer elapsed;
    elapsed.start();
    m_safeActivity = startBackup(QStringLiteral("main"), true);
    QVERIFY(!m_safeActivity.isEmpty());
    const QJsonObject activity = waitForActivity(m_safeActivity);
    const qint64 observedMs = elapsed.elapsed(); // at least the activity's duration
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY(QFileInfo::exists(marker));

    // The log shows the live pass, the pause, the capture of what changed meanwhile, then the snapshot written from
    // the pass and the capture, which starts before the resume (there is no database server to dump first).
    const QList<LogLine> lines = log(m_safeActivity);
    QVERIFY(lines.size() >= 6);
    const auto indexOf = [&lines](const QString& start, qsizetype from = 0) -> qsizetype {
        for (qsizetype i = from; i < lines.size(); ++i) {
            if (lines.at(i).message.startsWith(start))
                return i;
        }
        return -1;
    };
    const qsizetype prePass = indexOf(QStringLiteral("Storing the code and the mounts while the environment runs"));
    const qsizetype prePassStored = indexOf(QStringLiteral("Stored the environment while it ran"));
    const qsizetype pausing = indexOf(QStringLiteral("Pausing the environment"));
    const qsizetype copied = indexOf(QStringLiteral("Captured while paused"), pausing);
    const qsizetype resumed = indexOf(QStringLiteral("Resumed the environment after a pause of"));
    const qsizetype secondPass = indexOf(QStringLiteral("Writing the backup's snapshot"));
    QVERIFY2(prePass >= 0 && prePassStored > prePass && pausing > prePassStored && copied > pausing
            && secondPass > copied && resumed > secondPass,
        qPrintable(QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(prePass)
                       .arg(prePassStored)
                       .arg(pausing)
                       .arg(copied)
                       .arg(resumed)
                       .arg(secondPass)));
    QCOMPARE(EnvironmentState::hashTree(mount).value(QStringLiteral("state.txt")),
        QCryptographicHash::hash("resumd", QCryptographicHash::Sha256));

    // pause_ms is stored, matches the logged pause window and is shorter than the whole activity.
    const QJsonArray list
        = m_http->get(QStringLiteral("/projects/demo/environments/main/backups"), m_admin).json.toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject backup = list.at(0).toObject();
    QCOMPARE(backup.value(QStringLiteral("safe")).toBool(), true);
    bool ok = false;
    const qint64 pauseMs = backup.value(QStringLiteral("attributes"))
                               .toObject()
                               .value(QStringLiteral("pause_ms"))
                               .toString()
                               .toLongLong(&ok);
    QVERIFY(ok);
    QVERIFY(pauseMs >= 0);
    // The API's timestamps have whole seconds.
    const qint64 window = lines.at(resumed).timestampMs - lines.at(pausing).timestampMs;
    QVERIFY2(qAbs(pauseMs - window) <= 1100, qPrintable(QStringLiteral("%1 vs %2").arg(pauseMs).arg(window)));
    const QDateTime startedAt
        = QDateTime::fromString(activity.value(QStringLiteral("started_at")).toString(), Qt::ISODate);
    const qint64 apiDurationMs = startedAt.msecsTo(
        QDateTime::fromString(activity.value(QStringLiteral("completed_at")).toString(), Qt::ISODate));
    QVERIFY2(apiDurationMs >= 0, qPrintable(QString::number(apiDurationMs)));
    QVERIFY2(pauseMs < apiDurationMs + 1000, qPrintable(QStringLiteral("%1 vs %2").arg(pauseMs).arg(apiDurationMs)));
    QVERIFY2(pauseMs < observedMs, qPrintable(QStringLiteral("%1 vs %2").arg(pauseMs).arg(observedMs)));

    // Restored, the mount is as it was during the pause: the copied file as the pause hook left it, the others (which
    // restic took from the pre-pass without reading the view) with their content.
    QVERIFY(setHooks(QStringLiteral("main"), QString(), QString()));
    const auto restore = m_http->request("POST",
        QStringLiteral("/projects/demo/environments/main/backups/%1/restore")
            .arg(backup.value(QStringLiteral("id")).toString()),
        QByteArrayLiteral(R"({"restore_code": true})"), m_admin);
    QCOMPARE(restore.status, 202);
    const QString restoreActivity = TestHttp::activityId(restore);
    QCOMPARE(waitForActivity(restoreActivity).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    paused.insert(QStringLiteral("state.txt"), QCryptographicHash::hash("paused", QCryptographicHash::Sha256));
    QCOMPARE(EnvironmentState::hashTree(mount), paused);
}

void TestSafeBackup::laterBackupReadsOnlyWhatChanged()
{
    // A second consistent backup's live pass takes the first as parent and reads nothing: nothing changed between
    // them. Its pause captures only state.txt, which the pause hook rewrites (with change tracking the kernel reports
    // just that file). restic starts once.
    const QString mount = environment(QStringLiteral("main"))
                              .value(QStringLiteral("local"))
                              .toObject()
                              .value(QStringLiteral("mounts"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("path"))
                              .toString();
    const QString stateFile = mount + QStringLiteral("/state.txt");
    QVERIFY(setHooks(QStringLiteral("main"), QStringLiteral("printf paused > '%1'").arg(stateFile), QString()));
    // The restore of the previous test rewrote every file: the first backup reads them all.
    const QString first = startBackup(QStringLiteral("main"), true);
    QCOMPARE(waitForActivity(first).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    // Without change tracking the pause takes every file whose change time is within a second of the pass's start
    // (coarse file-system clocks): the restore's files must be older than that, or all of them count as changed.
    const QJsonObject local = environment(QStringLiteral("main")).value(QStringLiteral("local")).toObject();
    QVERIFY(waitUntilUnchangedFor({local.value(QStringLiteral("code_path")).toString(), mount}, 1200));
    const QString activityId = startBackup(QStringLiteral("main"), true);
    QCOMPARE(waitForActivity(activityId).value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    const QList<LogLine> lines = log(activityId);
    QStringList messages;
    for (const LogLine& line : lines)
        messages.append(line.message);
    const QString all = messages.join(QLatin1Char('\n'));
    const auto number = [&all](const QString& pattern, int group = 1) {
        const QRegularExpressionMatch match = QRegularExpression(pattern).match(all);
        return match.hasMatch() ? match.captured(group).toLongLong() : -1;
    };
    const qint64 captured = number(QStringLiteral("Captured while paused[^\\n]*?(\\d+) files? copied"));
    const qint64 stored = number(QStringLiteral("while it ran: (\\d+) files"));
    const qint64 read = number(QStringLiteral("while it ran: \\d+ files \\((\\d+) new"))
        + number(QStringLiteral("new, (\\d+) changed"));
    const qint64 unchanged = number(QStringLiteral("changed, (\\d+) unchanged"));
    QVERIFY2(captured == 1 && stored > 0 && read == 0 && unchanged == stored, qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("restic ran 1 time for this backup.")), qPrintable(all));
    if (qgetenv("TIDEMARK_CHANGE_TRACKING") != "off") {
        QVERIFY2(
            all.contains(QStringLiteral("Captured while paused: the kernel reported 1 changed path; 1 file copied")),
            qPrintable(all));
    } else {
        QVERIFY2(all.contains(QStringLiteral("after scanning every file")), qPrintable(all));
    }
    QVERIFY(setHooks(QStringLiteral("main"), QString(), QString()));
}

void TestSafeBackup::prePassSnapshotIsForgotten()
{
    QVERIFY(!m_safeActivity.isEmpty());
    // Every snapshot belongs to a listed backup: no pre-pass is left behind. The retention policy may delete the
    // oldest meanwhile, so both sides are read again until they agree.
    QString error;
    QStringList snapshots;
    QStringList listed;
    QDeadlineTimer deadline(30000);
    do {
        listed = listedBackupIds();
        snapshots = snapshotBackupTags(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (snapshots == listed)
            break;
        QTest::qWait(200);
    } while (!deadline.hasExpired());
    QCOMPARE(snapshots, listed);
    QVERIFY(!listed.isEmpty());
}

void TestSafeBackup::liveBackupReportsFilesChangedWhileRead()
{
    const QString mount = environment(QStringLiteral("staging"))
                              .value(QStringLiteral("local"))
                              .toObject()
                              .value(QStringLiteral("mounts"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("path"))
                              .toString();
    QVERIFY(QFileInfo(mount).isDir());
    const QString stop = m_scratch.filePath(QStringLiteral("stop-writer"));

    // Writes a few files of the mount over and over, for at most 60 s or until told to stop.
    QProcess writer;
    writer.setWorkingDirectory(mount);
    writer.start(QStringLiteral("sh"),
        {QStringLiteral("-c"),
            QStringLiteral("end=$(( $(date +%s) + 60 )); i=0; "
                           "while [ ! -e '%1' ] && [ $(date +%s) -lt $end ]; do "
                           "echo \"$i $(date +%s%N)\" > live-$((i % 5)).txt; i=$((i + 1)); sleep 0.02; done")
                .arg(stop)});
    QVERIFY(writer.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(mount + QStringLiteral("/live-4.txt")), 10000);

    const QString activityId = startBackup(QStringLiteral("staging"), false);
    QVERIFY(!activityId.isEmpty());
    const QJsonObject activity = waitForActivity(activityId);
    QFile(stop).open(QIODevice::WriteOnly);
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(activity.value(QStringLiteral("result")).toString(), QStringLiteral("success"));

    QString report;
    bool paused = false;
    for (const LogLine& line : log(activityId)) {
        if (line.message.contains(QLatin1String("files changed while the backup read them")))
            report = line.message;
        paused = paused || line.message.startsWith(QLatin1String("Pausing"));
    }
    QVERIFY(!paused);
    QVERIFY2(report.contains(QLatin1String("mounts/uploads/live-")), qPrintable(report));
    const QJsonObject backup = m_http->get(QStringLiteral("/projects/demo/environments/staging/backups"), m_admin)
                                   .json.toArray()
                                   .at(0)
                                   .toObject();
    QVERIFY(!backup.value(QStringLiteral("attributes")).toObject().contains(QStringLiteral("pause_ms")));
}

QTEST_GUILESS_MAIN(TestSafeBackup)
#include "tst_safebackup.moc"
