// The pause window of a consistent backup against a plain restic backup of the same tree.
//
// Generates an environment (by default 1 GiB in 10 000 files of random, incompressible content, plus a SQLite
// database) in a temporary directory, times a plain `restic backup` of it into a fresh repository, then takes a
// consistent backup with BackupOperation (live pre-pass; pause hook, copy of what changed, resume hook; second pass
// over the paused state) into another fresh repository while a background writer changes 1 % of the files during the
// pre-pass, then the same with the second pass under the pause (the fallback where the frozen view is unavailable).
// Prints each pause window, total time and ratio to the plain backup; --verbose prints the backups' logs with the
// time of each line. `bench_pause --mib 100 --files 1000` is a quick check.
#include "engine/backupoperation.h"
#include "engine/resticjob.h"
#include "engine/resticrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray randomBytes(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(data.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        data[i] = char(QRandomGenerator::global()->bounded(256));
    return data;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

ResticResult runJob(ResticJob* job)
{
    ResticResult result;
    QEventLoop loop;
    QObject::connect(job, &ResticJob::finished, &loop, [&](const ResticResult& r) {
        result = r;
        loop.quit();
    });
    job->start();
    loop.exec();
    job->deleteLater();
    return result;
}

bool createDatabase(const QString& path, int rows)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, amount INTEGER)"));
            db.transaction();
            q.prepare(QStringLiteral("INSERT INTO orders (customer, amount) VALUES (?, ?)"));
            for (int i = 0; ok && i < rows; ++i) {
                q.addBindValue(QStringLiteral("customer %1").arg(i));
                q.addBindValue(i * 7);
                ok = q.exec();
            }
            ok = db.commit() && ok;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return ok;
}

struct Measured
{
    qint64 pauseMs = 0;
    qint64 totalMs = 0;
    int changed = 0;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pause window of a consistent backup vs. a plain restic backup."));
    parser.addHelpOption();
    const QCommandLineOption mibOption(QStringLiteral("mib"), QStringLiteral("Size of the tree in MiB."),
        QStringLiteral("mib"), QStringLiteral("1024"));
    const QCommandLineOption filesOption(
        QStringLiteral("files"), QStringLiteral("Number of files."), QStringLiteral("count"), QStringLiteral("10000"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print the backup's log."));
    parser.addOptions({mibOption, filesOption, verboseOption});
    parser.process(app);
    const qint64 mib = parser.value(mibOption).toLongLong();
    const int files = parser.value(filesOption).toInt();
    if (mib <= 0 || files <= 0)
        parser.showHelp(1);

    QTemporaryDir tmp;
    if (!tmp.isValid())
        return 1;
    const QString root = tmp.path();
    const QString code = root + QStringLiteral("/env/code");
    const QString mount = root + QStringLiteral("/env/mounts/files");
    const QString db = root + QStringLiteral("/env/data/app.sqlite");
    QDir().mkpath(code);
    QDir().mkpath(mount);
    QDir().mkpath(QFileInfo(db).path());

    // 5 % of the files are code, the rest the mount; 100 files per directory.
    out() << "Generating " << mib << " MiB in " << files << " files in " << root << " ..." << Qt::endl;
    const qint64 fileSize = mib * 1024 * 1024 / files;
    const int codeFiles = qMax(1, files / 20);
    QStringList mountFiles;
    for (int i = 0; i < files; ++i) {
        const bool inCode = i < codeFiles;
        const QString dir = (inCode ? code : mount) + QStringLiteral("/d%1").arg(i / 100, 3, 10, QLatin1Char('0'));
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/f%1.bin").arg(i, 5, 10, QLatin1Char('0'));
        if (!writeFile(path, randomBytes(fileSize))) {
            out() << "Could not write " << path << Qt::endl;
            return 1;
        }
        if (!inCode)
            mountFiles.append(path);
    }
    if (!createDatabase(db, 20000)) {
        out() << "Could not create the database" << Qt::endl;
        return 1;
    }

    // A plain restic backup of the same tree into a fresh repository.
    ResticRepository plain(ResticRepository::Settings::inDirectory(root + QStringLiteral("/plain")));
    ResticResult result = runJob(plain.ensureInitialised());
    if (!result.ok()) {
        out() << "restic init failed: " << result.errorString << Qt::endl;
        return 1;
    }
    ResticRepository::BackupRequest request;
    request.rootDirectory = QStringLiteral("/");
    request.paths = {code.mid(1), mount.mid(1), QFileInfo(db).path().mid(1)};
    QElapsedTimer clock;
    clock.start();
    result = runJob(plain.backup(request));
    const qint64 plainMs = clock.elapsed();
    if (!result.ok()) {
        out() << "plain restic backup failed: " << result.errorString << Qt::endl;
        return 1;
    }
    out() << "Plain restic backup: " << plainMs << " ms" << Qt::endl;

    // Consistent backups, each into a fresh repository, with 1 % of the files changing during the pre-pass: the
    // frozen view (what tidemarkd does), then the second pass under the pause (its fallback) for comparison.
    const bool verbose = parser.isSet(verboseOption);
    const auto consistentBackup = [&](bool frozenView, const QString& name) -> std::optional<Measured> {
        ResticRepository repository(ResticRepository::Settings::inDirectory(root + QLatin1Char('/') + name));
        ResticResult init = runJob(repository.ensureInitialised());
        if (!init.ok()) {
            out() << "restic init failed: " << init.errorString << Qt::endl;
            return std::nullopt;
        }
        const QString marker = root + QStringLiteral("/paused-") + name;
        Environment environment;
        environment.id = environment.name = QStringLiteral("bench");
        environment.status = Environment::Status::Active;
        LocalDescriptor local;
        local.codePath = code;
        local.mounts.append({QStringLiteral("files"), mount});
        local.services.append({QStringLiteral("database"), QStringLiteral("sqlite"), db});
        local.pauseHook = QStringLiteral("touch '%1'").arg(marker);
        local.resumeHook = QStringLiteral("true");
        environment.local = local;

        BackupOperation operation(repository, root + QStringLiteral("/staging-") + name, QStringLiteral("bench"),
            environment, QStringLiteral("bench-backup"), true);
        operation.setRepositoryKnownReady(true);
        operation.setFrozenViewAllowed(frozenView);
        QElapsedTimer timer;
        QObject::connect(&operation, &BackupOperation::logLine, &app, [verbose, &timer](const QString& line) {
            if (verbose)
                out() << "  " << QString::number(timer.elapsed()).rightJustified(7) << " ms | " << line << Qt::endl;
        });

        const int toChange = qMax(1, files / 100);
        int changed = 0;
        QTimer writer;
        writer.setInterval(int(qBound(qint64(1), plainMs * 9 / 10 / toChange, qint64(60000))));
        QObject::connect(&writer, &QTimer::timeout, &app, [&] {
            if (changed >= toChange || QFileInfo::exists(marker)) {
                writer.stop();
                return;
            }
            const QString path = mountFiles.at((changed * 7919 + (frozenView ? 0 : 13)) % mountFiles.size());
            writeFile(path, randomBytes(fileSize));
            ++changed;
        });

        Operation::Outcome outcome;
        QEventLoop loop;
        QObject::connect(&operation, &Operation::finished, &loop, [&](const Operation::Outcome& o) {
            outcome = o;
            loop.quit();
        });
        timer.start();
        operation.start();
        writer.start();
        loop.exec();
        const qint64 totalMs = timer.elapsed();
        writer.stop();
        if (outcome.kind != Operation::Outcome::Kind::Success) {
            out() << "The consistent backup failed: " << outcome.message << Qt::endl;
            return std::nullopt;
        }
        return Measured {operation.result().pauseMs, totalMs, changed};
    };

    const auto ratio
        = [](qint64 a, qint64 b) { return QString::number(double(a) / double(qMax<qint64>(1, b)), 'f', 2); };
    out() << "Consistent backup (frozen view):" << Qt::endl;
    const std::optional<Measured> frozen = consistentBackup(true, QStringLiteral("frozen"));
    if (!frozen)
        return 1;
    out() << "  files changed during the pre-pass: " << frozen->changed << " of " << files << Qt::endl;
    out() << "  pause window " << frozen->pauseMs << " ms, total " << frozen->totalMs << " ms" << Qt::endl;
    out() << "Consistent backup (second pass under the pause, the fallback):" << Qt::endl;
    const std::optional<Measured> paused = consistentBackup(false, QStringLiteral("paused"));
    if (!paused)
        return 1;
    out() << "  files changed during the pre-pass: " << paused->changed << " of " << files << Qt::endl;
    out() << "  pause window " << paused->pauseMs << " ms, total " << paused->totalMs << " ms" << Qt::endl;
    out() << "Plain restic backup: " << plainMs
          << " ms; frozen view: total / plain = " << ratio(frozen->totalMs, plainMs)
          << ", pause / plain = " << ratio(frozen->pauseMs, plainMs)
          << "; fallback: total / plain = " << ratio(paused->totalMs, plainMs)
          << ", pause / plain = " << ratio(paused->pauseMs, plainMs) << Qt::endl;
    return 0;
}
