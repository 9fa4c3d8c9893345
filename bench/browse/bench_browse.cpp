// Browse, compare and single-file restore against a full `restic restore` of the same snapshot, in the same run.
//
// Starts a real tidemarkd (tests/support's ServerProcess) with a temporary data directory, creates an environment of
// 100 000 small files (one folder of 10 000 entries among them) with one mount, backs it up, then times through the
// API: the listing of the backup's root, the listing of the 10 000-entry folder, the comparison of the backup with the
// environment now, and the restore of one file (without a safety backup, which is a backup, not a restore). Then a
// plain `restic restore` of the whole snapshot into a temporary directory. Prints each time and its share of the full
// restore; the goals are under 2 % for listing and single-file restore, under 20 % for comparing.
// `bench_browse --files 10000` is a quick check. Not run by ctest.
#include "serverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse, compare and single-file restore against a full restore."));
    parser.addHelpOption();
    const QCommandLineOption filesOption(QStringLiteral("files"),
        QStringLiteral("How many files in all (default 100000)."), QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(filesOption);
    parser.process(app);
    const int files = std::max(10000, parser.value(filesOption).toInt());
    const int bigFolder = 10000;

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/bench-browse-XXXXXX"));
    const QString code = work.filePath(QStringLiteral("env/code"));
    const QString uploads = work.filePath(QStringLiteral("env/uploads"));
    out() << "Generating " << files << " files…" << Qt::endl;
    QDir().mkpath(code + QStringLiteral("/big"));
    QDir().mkpath(uploads);
    for (int i = 0; i < bigFolder; ++i)
        writeFile(
            code + QStringLiteral("/big/file-%1.txt").arg(i, 5, 10, QLatin1Char('0')), QByteArray::number(i) + '\n');
    const int rest = files - bigFolder;
    const int perFolder = 1000;
    for (int i = 0; i < rest; ++i) {
        const QString dir = uploads + QStringLiteral("/d%1").arg(i / perFolder, 3, 10, QLatin1Char('0'));
        if (i % perFolder == 0)
            QDir().mkpath(dir);
        writeFile(dir + QStringLiteral("/f%1.bin").arg(i, 6, 10, QLatin1Char('0')),
            QByteArray(64 + i % 512, char('a' + i % 26)));
    }

    ServerProcess server;
    server.setEnvironmentRoots({work.path()});
    // The demo project holds the bench environment (the demo's own environments are not used).
    if (!server.start(true)) {
        out() << "tidemarkd did not start: " << server.error() << Qt::endl;
        return 1;
    }
    TestHttp http(server.url());
    const QString access = http.exchange(server.adminToken());
    const QJsonObject environment {{QStringLiteral("name"), QStringLiteral("bench")},
        {QStringLiteral("type"), QStringLiteral("development")},
        {QStringLiteral("local"),
            QJsonObject {{QStringLiteral("code_path"), code},
                {QStringLiteral("mounts"),
                    QJsonArray {QJsonObject {
                        {QStringLiteral("name"), QStringLiteral("uploads")}, {QStringLiteral("path"), uploads}}}},
                {QStringLiteral("services"), QJsonArray()}}}};
    const auto made = http.request("POST", QStringLiteral("/projects/demo/environments"),
        QJsonDocument(environment).toJson(QJsonDocument::Compact), access);
    if (made.status != 201 && made.status != 200) {
        out() << "the environment was not created: " << made.body << Qt::endl;
        return 1;
    }
    const QString base = QStringLiteral("/projects/demo/environments/bench");
    QElapsedTimer timer;
    timer.start();
    const QJsonObject backup
        = http.startAndWait("POST", base + QStringLiteral("/backup"), R"({"safe": false})", access, 3600000);
    const QString backupId
        = backup.value(QStringLiteral("payload")).toObject().value(QStringLiteral("backup_name")).toString();
    if (backupId.isEmpty()) {
        out() << "the backup failed" << Qt::endl;
        return 1;
    }
    out() << "Backup " << backupId << " took " << timer.elapsed() << " ms" << Qt::endl;

    const auto timed = [&](const QString& what, const QString& path, int timeoutMs = 600000) {
        QElapsedTimer t;
        t.start();
        const auto r = http.request("GET", path, {}, access, QByteArrayLiteral("application/json"), timeoutMs);
        const qint64 ms = t.elapsed();
        if (r.status != 200)
            out() << what << " failed: " << r.status << ' ' << r.body.left(300) << Qt::endl;
        return ms;
    };
    const QString backupPath = base + QStringLiteral("/backups/") + backupId;
    const qint64 listRoot = timed(QStringLiteral("listing the root"), backupPath + QStringLiteral("/files?path="));
    const qint64 listBig
        = timed(QStringLiteral("listing the big folder"), backupPath + QStringLiteral("/files?path=code/big"));
    // Once more: what a person sees when going back to a folder already open.
    const qint64 listBigAgain
        = timed(QStringLiteral("listing the big folder again"), backupPath + QStringLiteral("/files?path=code/big"));
    writeFile(code + QStringLiteral("/big/file-00001.txt"), "changed\n");
    const qint64 compare = timed(QStringLiteral("comparing"), backupPath + QStringLiteral("/diff?against=current"));
    timer.restart();
    const QJsonObject restored = http.startAndWait("POST", backupPath + QStringLiteral("/restore"),
        R"({"paths": ["code/big/file-00001.txt"], "safety_backup": false})", access, 600000);
    const qint64 restoreOne = timer.elapsed();
    if (restored.value(QStringLiteral("result")).toString() != QLatin1String("success"))
        out() << "the single-file restore failed" << Qt::endl;

    // The full restore of the same snapshot with restic itself.
    const QString repoDir = server.dataDir() + QStringLiteral("/repositories/demo");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), repoDir + QStringLiteral("/repo"));
    env.insert(QStringLiteral("RESTIC_PASSWORD_FILE"), repoDir + QStringLiteral("/repo.password"));
    env.insert(QStringLiteral("RESTIC_CACHE_DIR"), repoDir + QStringLiteral("/cache/restic"));
    QProcess restic;
    restic.setProcessEnvironment(env);
    restic.start(QStringLiteral("restic"),
        {QStringLiteral("snapshots"), QStringLiteral("--json"), QStringLiteral("--no-lock"), QStringLiteral("--tag"),
            QStringLiteral("backup=") + backupId});
    restic.waitForFinished(600000);
    const QString snapshot = QJsonDocument::fromJson(restic.readAllStandardOutput())
                                 .array()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
    QTemporaryDir target;
    timer.restart();
    restic.start(QStringLiteral("restic"),
        {QStringLiteral("restore"), QStringLiteral("--no-lock"), QStringLiteral("--target"), target.path(), snapshot});
    restic.waitForFinished(3600000);
    const qint64 full = timer.elapsed();
    server.stop();

    const auto share
        = [full](qint64 ms) { return QString::number(100.0 * double(ms) / double(std::max<qint64>(1, full)), 'f', 2); };
    out() << Qt::endl << "files: " << files << Qt::endl;
    out() << "full restic restore:        " << full << " ms" << Qt::endl;
    out() << "list the root:              " << listRoot << " ms (" << share(listRoot) << " %, goal < 2 %)" << Qt::endl;
    out() << "list 10 000 entries:        " << listBig << " ms (" << share(listBig) << " %, goal < 2 %)" << Qt::endl;
    out() << "list them again:            " << listBigAgain << " ms (" << share(listBigAgain) << " %)" << Qt::endl;
    out() << "compare with now:           " << compare << " ms (" << share(compare) << " %, goal < 20 %)" << Qt::endl;
    out() << "restore one file:           " << restoreOne << " ms (" << share(restoreOne) << " %, goal < 2 %)"
          << Qt::endl;
    return 0;
}
