// Copies to off-machine targets against `restic copy` run by hand, in the same run, and the verification at 5 %.
//
// Starts a real tidemarkd (tests/support's ServerProcess) with a temporary data directory, an SFTP target (a test
// sshd) and a REST target (`rclone serve restic`) on 127.0.0.1, and an environment of 1 GiB in 10 000 files of
// incompressible data. Each target in turn is set to copy after each backup and a backup taken; each copy activity's
// own time (started to completed), and how many times it started restic, is then compared with what a person would run
// by hand on the same backend: `restic init --copy-chunker-params` and `restic copy --from-repo` of the primary
// repository into a fresh repository. Then a later run: a backup with 1 % of the files changed, and its copy to each
// target, against `restic copy` by hand. Last, the primary repository is verified with 5 % of its data read (`POST
// /projects/demo/verify`). The goal is a copy within 1.1× of the one by hand. `bench_copy --mib 100 --files 1000` is a
// quick check. Not run by ctest.
#include "resticrestserver.h"
#include "serverprocess.h"
#include "sshserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 msecs(const QJsonObject& activity, const char* key)
{
    return QDateTime::fromString(activity.value(QLatin1String(key)).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// An activity's own duration in ms: from its start to its end (waiting in its queue excluded).
qint64 ownDuration(const QJsonObject& activity)
{
    return qRound64(
        activity.value(QStringLiteral("timings")).toObject().value(QStringLiteral("execute")).toDouble() * 1000.0);
}

// Runs restic with `arguments` and the given environment; its wall time in ms, or -1 (with its output printed). A run
// that finds the primary repository locked (tidemarkd forgets after a backup) is tried again a second later, and only
// the run that works is timed.
qint64 timedRestic(const QStringList& arguments, const QProcessEnvironment& environment)
{
    for (int attempt = 0; attempt < 120; ++attempt) {
        QProcess restic;
        restic.setProcessEnvironment(environment);
        restic.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        restic.start(QStringLiteral("restic"), arguments);
        const bool finished = restic.waitForFinished(3600000);
        const qint64 ms = timer.elapsed();
        const QByteArray output = restic.readAll();
        if (finished && restic.exitStatus() == QProcess::NormalExit && restic.exitCode() == 0)
            return ms;
        if (!output.contains("already locked")) {
            out() << "restic " << arguments.join(QLatin1Char(' ')) << " failed: " << output.right(600) << Qt::endl;
            return -1;
        }
        QThread::msleep(1000);
    }
    out() << "the primary repository stayed locked" << Qt::endl;
    return -1;
}

QString ratio(qint64 a, qint64 b)
{
    return b > 0 ? QString::number(double(a) / double(b), 'f', 2) + QStringLiteral("×") : QStringLiteral("n/a");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Copies to SFTP and REST targets against restic copy by hand."));
    parser.addHelpOption();
    const QCommandLineOption filesOption(QStringLiteral("files"), QStringLiteral("How many files (default 10000)."),
        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption mibOption(QStringLiteral("mib"), QStringLiteral("Their total size in MiB (default 1024)."),
        QStringLiteral("MIB"), QStringLiteral("1024"));
    const QCommandLineOption percentOption(QStringLiteral("read-data"),
        QStringLiteral("Share of the data the verification reads, in % (default 5)."), QStringLiteral("PERCENT"),
        QStringLiteral("5"));
    parser.addOptions({filesOption, mibOption, percentOption});
    parser.process(app);
    const int files = std::max(1, parser.value(filesOption).toInt());
    const qint64 totalBytes = std::max<qint64>(1, parser.value(mibOption).toLongLong()) * 1024 * 1024;
    const int readPercent = std::clamp(parser.value(percentOption).toInt(), 1, 100);

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/bench-copy-XXXXXX"));
    const QString code = work.filePath(QStringLiteral("env/code"));
    out() << "Generating " << files << " files, " << totalBytes / (1024 * 1024) << " MiB in all…" << Qt::endl;
    QRandomGenerator random(20261201);
    const qint64 perFile = totalBytes / files;
    for (int i = 0; i < files; ++i) {
        const QString dir = code + QStringLiteral("/d%1").arg(i / 1000, 3, 10, QLatin1Char('0'));
        if (i % 1000 == 0)
            QDir().mkpath(dir);
        QByteArray data(perFile, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
        QFile f(dir + QStringLiteral("/f%1.bin").arg(i, 6, 10, QLatin1Char('0')));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
            out() << "could not write " << f.fileName() << Qt::endl;
            return 1;
        }
    }

    ResticRestServer rest;
    SshServer ssh;
    if (!rest.start() || !ssh.start()) {
        out() << "a target did not start: " << rest.error() << ssh.error() << Qt::endl;
        return 1;
    }
    ServerProcess server;
    server.setEnvironmentRoots({work.path()});
    // restic runs `ssh` from PATH: the test server's client configuration comes first.
    server.setEnvironmentVariable(QStringLiteral("PATH"), ssh.path());
    // No prune of the primary repository while copies are timed.
    server.setEnvironmentVariable(QStringLiteral("TIDEMARK_PRUNE_DELAY_MS"), QStringLiteral("36000000"));
    if (!server.start(true)) {
        out() << "tidemarkd did not start: " << server.error() << Qt::endl;
        return 1;
    }
    TestHttp http(server.url());
    const QString access = http.exchange(server.adminToken());
    const QJsonObject environment {{QStringLiteral("name"), QStringLiteral("bench")},
        {QStringLiteral("type"), QStringLiteral("development")},
        {QStringLiteral("local"),
            QJsonObject {{QStringLiteral("code_path"), code}, {QStringLiteral("mounts"), QJsonArray()},
                {QStringLiteral("services"), QJsonArray()}}}};
    auto reply = http.request("POST", QStringLiteral("/projects/demo/environments"),
        QJsonDocument(environment).toJson(QJsonDocument::Compact), access);
    if (reply.status != 201) {
        out() << "the environment was not created: " << reply.body << Qt::endl;
        return 1;
    }
    // One target copies after each backup at a time ("daily" ones wait for the scheduler's day), so that two copies
    // never share the machine. Returns the copy activity's own time in ms, or -1; `resticRuns` is how many restic
    // processes the copy started, as its log says (-1 when it does not).
    const auto copyAfterBackup = [&](const QString& name, int& resticRuns) -> qint64 {
        resticRuns = -1;
        QJsonArray copies;
        for (const auto& [target, location] :
            {std::pair {QStringLiteral("rest"), rest.location(QStringLiteral("tidemark"))},
                std::pair {QStringLiteral("sftp"), ssh.location(QStringLiteral("tidemark"))}}) {
            copies.append(QJsonObject {{QStringLiteral("name"), target}, {QStringLiteral("repository"), location},
                {QStringLiteral("when"), target == name ? QStringLiteral("after_backup") : QStringLiteral("daily")}});
        }
        const auto set = http.request("PATCH", QStringLiteral("/projects/demo/settings"),
            QJsonDocument(QJsonObject {{QStringLiteral("backup_copies"), copies}}).toJson(QJsonDocument::Compact),
            access);
        if (set.status != 200) {
            out() << "the copies were not set: " << set.body << Qt::endl;
            return -1;
        }
        QElapsedTimer timer;
        timer.start();
        const QJsonObject backup = http.startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/bench/backup"), R"({"safe": false})", access, 3600000);
        if (backup.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
            out() << "the backup failed" << Qt::endl;
            return -1;
        }
        out() << "Backup took " << timer.elapsed() << " ms; copying it to " << name << Qt::endl;
        const QDeadlineTimer deadline(3600000);
        while (!deadline.hasExpired()) {
            const auto list = http.get(QStringLiteral("/projects/demo/activities?type=project.backup.copy"), access);
            for (const QJsonValue& v : list.json.toArray()) {
                const QJsonObject a = v.toObject();
                if (a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("copy")).toString() != name
                    || a.value(QStringLiteral("state")).toString() != QLatin1String("complete")
                    || msecs(a, "created_at") < msecs(backup, "created_at"))
                    continue;
                if (a.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
                    out() << "the copy to " << name << " failed" << Qt::endl;
                    return -1;
                }
                const QString log
                    = http.get(QStringLiteral("/projects/demo/activities/") + a.value(QStringLiteral("id")).toString(),
                              access)
                          .json.toObject()
                          .value(QStringLiteral("log"))
                          .toString();
                const QRegularExpressionMatch runs
                    = QRegularExpression(QStringLiteral("restic ran (\\d+) time\\S* for this copy")).match(log);
                if (runs.hasMatch())
                    resticRuns = runs.captured(1).toInt();
                return ownDuration(a);
            }
            QThread::msleep(100);
        }
        out() << "the copy to " << name << " did not end within an hour" << Qt::endl;
        return -1;
    };

    // By hand: restic copy of the primary repository into a repository of one's own on the same backend.
    const QString primary = server.dataDir() + QStringLiteral("/repositories/demo/repo");
    const QString primaryPassword = server.dataDir() + QStringLiteral("/repositories/demo/repo.password");
    const QString password = work.filePath(QStringLiteral("by-hand.password"));
    {
        QFile f(password);
        if (!f.open(QIODevice::WriteOnly) || f.write("by hand\n") != 8)
            return 1;
    }
    QProcessEnvironment environmentByHand = QProcessEnvironment::systemEnvironment();
    environmentByHand.insert(QStringLiteral("PATH"), ssh.path());
    environmentByHand.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), password);
    environmentByHand.insert(QStringLiteral("RESTIC_CACHE_DIR"), work.filePath(QStringLiteral("cache")));
    const auto byHand = [&](const QString& location, bool init) -> qint64 {
        const QStringList from {
            QStringLiteral("--from-repo"), primary, QStringLiteral("--from-password-file"), primaryPassword};
        const qint64 created = init ? timedRestic(QStringList {QStringLiteral("-r"), location, QStringLiteral("init"),
                                                      QStringLiteral("--copy-chunker-params")}
                                       + from,
                                   environmentByHand)
                                    : 0;
        const qint64 copied = timedRestic(
            QStringList {QStringLiteral("-r"), location, QStringLiteral("copy")} + from, environmentByHand);
        return created < 0 || copied < 0 ? -1 : created + copied;
    };

    const int changed = std::max(1, files / 100);
    QStringList lines;
    for (const auto& [name, location] : {std::pair {QStringLiteral("rest"), rest.location(QStringLiteral("byhand"))},
             std::pair {QStringLiteral("sftp"), ssh.location(QStringLiteral("byhand"))}}) {
        // The first copy to a new target: everything.
        int firstRuns = -1;
        int laterRuns = -1;
        const qint64 first = copyAfterBackup(name, firstRuns);
        const qint64 firstByHand = byHand(location, true);
        // A later one: the next backup, with 1 % of the files rewritten.
        for (int i = 0; i < changed; ++i) {
            const int n = int(random.bounded(quint32(files)));
            QFile f(code
                + QStringLiteral("/d%1/f%2.bin")
                      .arg(n / 1000, 3, 10, QLatin1Char('0'))
                      .arg(n, 6, 10, QLatin1Char('0')));
            QByteArray data(perFile, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
                return 1;
        }
        const qint64 later = copyAfterBackup(name, laterRuns);
        const qint64 laterByHand = byHand(location, false);
        if (first < 0 || firstByHand < 0 || later < 0 || laterByHand < 0)
            return 1;
        // By hand, restic runs twice for the first copy (init, copy) and once for a later one.
        lines.append(QStringLiteral("%1  first: %2 ms (restic ran %3×), by hand (init + copy) %4 ms (2×), %5;  later "
                                    "(1 % changed): %6 ms (%7×), by hand %8 ms (1×), %9")
                         .arg(name.leftJustified(4))
                         .arg(first)
                         .arg(firstRuns)
                         .arg(firstByHand)
                         .arg(ratio(first, firstByHand))
                         .arg(later)
                         .arg(laterRuns)
                         .arg(laterByHand)
                         .arg(ratio(later, laterByHand)));
    }
    out() << Qt::endl;
    for (const QString& line : lines)
        out() << line << Qt::endl;

    const QJsonObject verify = http.startAndWait("POST", QStringLiteral("/projects/demo/verify"),
        QStringLiteral(R"({"repository": "primary", "read_data_percent": %1, "test_restore": false})")
            .arg(readPercent)
            .toUtf8(),
        access, 3600000);
    if (verify.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
        out() << "the verification failed: " << verify.value(QStringLiteral("log")).toString().right(600) << Qt::endl;
        return 1;
    }
    out() << Qt::endl
          << "Verification of the primary repository, " << readPercent << " % of its data read: " << ownDuration(verify)
          << " ms" << Qt::endl;
    return 0;
}
