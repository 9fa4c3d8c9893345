// A consistent backup against a plain restic backup of the same tree, in the same run.
//
// Generates an environment (--files N of --kib K each, 100 per directory, 5 % of them code, plus a SQLite database)
// and times, each into its own fresh repository:
//   plain:    restic init + a first `restic backup`, then for each run a warm `restic backup` after --churn % of the
//             files were rewritten;
//   tidemark: init + a first consistent backup with BackupOperation (as tidemarkd runs it, with a pause hook), then
//             for each run a consistent backup after the same rewrites, while a writer goes on rewriting files until
//             the environment is paused (what the pause must pick up). --meanwhile says which: `same` (the default)
//             rewrites the files changed before the run again, so that both sides store the same --churn % of the
//             files (the consistent backup runs first, so that the writer's rewrites are not news to the plain one);
//             `both` does the same and runs that writer during the plain backup too (as many of the same files), so
//             that the environment's load is on both sides, as it would be for a plain backup of a running site;
//             `other` rewrites another --churn % (each side then finds up to twice as many changed); `none` has no
//             writer. restic's init, the same on both sides and varying by a second, counts as the mean of the two.
// Prints, per run, each phase (the live restic pass, the pause, composing the snapshot after), what the pause looked
// at, the restic processes started, the totals, the ratio to plain restic and the process's peak memory. --scaling runs
// 1 000, 10 000, 100 000 and 300 000 files (1 000 000 with --large) and prints pause and ratios per size. Set
// TIDEMARK_CHANGE_TRACKING=off to measure the fallback (the pause scans every file); --second-pass measures the
// two-pass fallback (a second restic pass under the pause).
//
// --postgres adds a PostgreSQL database (a real server in a temporary directory, `pgbench -i -s --scale`, 70 ≈ 1 GiB)
// under a pgbench write load for the whole run, and compares each consistent backup with the plain way of the same
// data in the same run: `pg_dump -Fc` and then `restic backup` of the tree and that dump.
#include "engine/backupoperation.h"
#include "engine/changetracker.h"
#include "engine/repositoryreader.h"
#include "engine/resticjob.h"
#include "engine/resticrepository.h"

#include <malloc.h>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <sys/resource.h>
#include <unistd.h>

#ifdef TIDEMARK_BENCH_DATABASES
#include "databaseserver.h"
#endif

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

qint64 peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

qint64 currentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * 4096 / (1024 * 1024);
}

QString ratio(qint64 a, qint64 b)
{
    return QString::number(double(a) / double(qMax<qint64>(1, b)), 'f', 2);
}

struct Tree
{
    QString root;
    QString code;
    QString mount;
    QString database;
    int files = 0;
    int codeFiles = 0;
    qint64 fileSize = 0;

    // The path of file `i`, made when needed: a list of every path would weigh on the memory this bench reports.
    QString file(int i) const
    {
        const QString dir
            = (i < codeFiles ? code : mount) + QStringLiteral("/d%1").arg(i / 100, 4, 10, QLatin1Char('0'));
        return dir + QStringLiteral("/f%1.bin").arg(i, 7, 10, QLatin1Char('0'));
    }
};

bool generate(Tree& tree, int files, qint64 fileSize)
{
    tree.code = tree.root + QStringLiteral("/env/code");
    tree.mount = tree.root + QStringLiteral("/env/mounts/files");
    tree.database = tree.root + QStringLiteral("/env/data/app.sqlite");
    tree.fileSize = fileSize;
    QDir().mkpath(QFileInfo(tree.database).path());
    tree.files = files;
    tree.codeFiles = qMax(1, files / 20);
    const QByteArray content = randomBytes(fileSize); // varied below so that files do not deduplicate
    for (int i = 0; i < files; ++i) {
        const QString path = tree.file(i);
        if (i % 100 == 0 || i == tree.codeFiles)
            QDir().mkpath(QFileInfo(path).path());
        QByteArray data = content;
        const quint64 salt = QRandomGenerator::global()->generate64();
        memcpy(data.data(), &salt, qMin<qsizetype>(8, data.size()));
        if (!writeFile(path, data))
            return false;
    }
    return createDatabase(tree.database, 20000);
}

// What a writer rewrites while a consistent backup runs, until the pause.
enum class Meanwhile { Same, Both, Other, None };

// Rewrites `count` files, picked by a stride from `from`.
int rewrite(const Tree& tree, int count, int& from)
{
    for (int i = 0; i < count; ++i) {
        from = (from + 7919) % tree.files;
        writeFile(tree.file(from), randomBytes(tree.fileSize));
    }
    return count;
}

struct Phases
{
    qint64 total = 0;
    qint64 live = 0; // from the start to the pause: the live restic pass (or pre-pass)
    qint64 pause = 0;
    qint64 pass = 0; // the restic pass: the live one, or the second one under the pause
    qint64 after = 0; // from the resume to the operation's end (the database dumps, composing the snapshot)
    qint64 examined = -1;
    qint64 fixMs = -1; // fixing the databases' state inside the pause
    bool scannedAll = false;
    int resticStarts = 0;
    int changedMeanwhile = 0;
    QString error;
};

class Bench
{
public:
    Bench(const Tree& tree, bool secondPass, bool verbose)
        : m_tree(tree)
        , m_secondPass(secondPass)
        , m_verbose(verbose)
    { }

    bool init(const QString& name)
    {
        m_name = name;
        m_repository = std::make_unique<ResticRepository>(
            ResticRepository::Settings::inDirectory(m_tree.root + QLatin1Char('/') + name));
        const ResticResult result = runJob(m_repository->ensureInitialised());
        if (!result.ok())
            out() << "restic init failed: " << result.errorString << Qt::endl;
        return result.ok();
    }

    // tidemarkd makes its fast key (resticfastkey.h) on the thread pool once a repository exists: a one-time cost of
    // about a key derivation, left out of the timings (it would land on whichever backup runs meanwhile).
    void waitForFastKey()
    {
        QDeadlineTimer deadline(60000);
        while (m_repository->fastKeyHint().isEmpty() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

    qint64 plain()
    {
        // What an earlier phase wrote reaches the disk first, not during this one.
        ::sync();
        ResticRepository::BackupRequest request;
        request.rootDirectory = QStringLiteral("/");
        request.paths = {m_tree.code.mid(1), m_tree.mount.mid(1), QFileInfo(m_tree.database).path().mid(1)};
        for (const QString& extra : std::as_const(m_extraPaths))
            request.paths.append(extra.mid(1));
        QElapsedTimer clock;
        clock.start();
        const ResticResult result = runJob(m_repository->backup(request));
        if (!result.ok()) {
            out() << "plain restic backup failed: " << result.errorString << Qt::endl;
            return -1;
        }
        const qint64 elapsed = clock.elapsed();
        if (m_verbose && result.backupSummary) {
            out() << "    plain restic backup: " << result.backupSummary->totalFilesProcessed << " files ("
                  << result.backupSummary->filesNew << " new, " << result.backupSummary->filesChanged << " changed, "
                  << result.backupSummary->filesUnmodified << " unchanged), " << result.backupSummary->dataAdded
                  << " bytes added, " << elapsed << " ms" << Qt::endl;
        }
        return elapsed;
    }

    Phases consistent(int changeMeanwhile, int& stride)
    {
        ::sync();
        Phases phases;
        const QString marker = m_tree.root + QStringLiteral("/paused-") + m_name;
        QFile::remove(marker);
        Environment environment;
        environment.id = environment.name = QStringLiteral("bench");
        environment.status = Environment::Status::Active;
        LocalDescriptor local;
        local.codePath = m_tree.code;
        local.mounts.append({QStringLiteral("files"), m_tree.mount});
        local.services.append(LocalDescriptor::Service::sqlite(QStringLiteral("database"), m_tree.database));
        local.services += m_services;
        local.pauseHook = QStringLiteral("touch '%1'").arg(marker);
        local.resumeHook = QStringLiteral("true");
        environment.local = local;

        BackupOperation operation(*m_repository, m_tree.root + QStringLiteral("/staging-") + m_name,
            QStringLiteral("bench"), environment, QStringLiteral("backup-%1").arg(++m_count), true);
        operation.setRepositoryKnownReady(true);
        operation.setComposeAllowed(!m_secondPass);
        operation.setChangeTracker(m_tracker); // kept from one backup to the next, as tidemarkd does
        // tidemarkd keeps its reader of the repository between backups and refreshes it (only the index files added
        // since); without this, each backup would load the whole index while restic runs.
        operation.setReaderSource([this](QString* error) { return reader(error); });
        QElapsedTimer timer;
        qint64 liveEnd = -1, passStart = -1, passEnd = -1, resumed = -1;
        QObject::connect(&operation, &BackupOperation::logLine, &operation, [&](const QString& line) {
            const qint64 at = timer.elapsed();
            if (line.startsWith(QLatin1String("Pausing the environment")))
                liveEnd = at;
            else if (line.startsWith(QLatin1String("Storing the code and the mounts while"))
                || line.startsWith(QLatin1String("Second pass")))
                passStart = at;
            else if (line.startsWith(QLatin1String("Stored the environment while it ran"))
                || (passEnd < 0 && passStart >= 0 && line.startsWith(QLatin1String("Stored "))))
                passEnd = at;
            else if (line.startsWith(QLatin1String("Resumed the environment"))
                || line.startsWith(QLatin1String("The environment has no resume hook")))
                resumed = at;
            static const QRegularExpression fixed(QStringLiteral("^Fixed the state .* in (\\d+) ms"));
            if (const QRegularExpressionMatch m = fixed.match(line); m.hasMatch())
                phases.fixMs = m.captured(1).toLongLong();
            if (m_verbose)
                out() << "    " << QString::number(at).rightJustified(7) << " ms | " << line << Qt::endl;
        });

        QTimer writer;
        writer.setInterval(5);
        QObject::connect(&writer, &QTimer::timeout, &operation, [&] {
            if (phases.changedMeanwhile >= changeMeanwhile || QFileInfo::exists(marker)) {
                writer.stop();
                return;
            }
            phases.changedMeanwhile += rewrite(m_tree, 1, stride);
        });

        Operation::Outcome outcome;
        QEventLoop loop;
        QObject::connect(&operation, &Operation::finished, &loop, [&](const Operation::Outcome& o) {
            outcome = o;
            loop.quit();
        });
        timer.start();
        operation.start();
        if (changeMeanwhile > 0)
            writer.start();
        loop.exec();
        phases.total = timer.elapsed();
        writer.stop();
        // tidemarkd refreshes its reader after each backup (for browsing): not counted, as there.
        QString readerError;
        reader(&readerError);
        if (outcome.kind != Operation::Outcome::Kind::Success) {
            phases.error = outcome.message;
            return phases;
        }
        const BackupOperation::Result& result = operation.result();
        phases.pause = result.pauseMs;
        phases.live = liveEnd;
        phases.pass = passEnd >= 0 && passStart >= 0 ? passEnd - passStart : -1;
        phases.after = resumed >= 0 ? phases.total - std::max(resumed, passEnd) : -1;
        phases.examined = result.pauseExamined;
        phases.scannedAll = result.pauseScannedAll;
        phases.resticStarts = result.resticStarts;
        return phases;
    }

    // Database servers backed up with the tree, and what a plain backup stores besides it (their dumps).
    void setServices(const QList<LocalDescriptor::Service>& services) { m_services = services; }
    void setExtraPaths(const QStringList& paths) { m_extraPaths = paths; }

private:
    std::shared_ptr<RepositoryReader> reader(QString* error)
    {
        QMutexLocker lock(&m_readerMutex);
        if (m_reader && !m_reader->refresh(error))
            m_reader.reset();
        if (!m_reader)
            m_reader = RepositoryReader::open(
                m_repository->settings().repository, m_repository->settings().passwordFile, error);
        return m_reader;
    }

    QList<LocalDescriptor::Service> m_services;
    QStringList m_extraPaths;
    const Tree& m_tree;
    bool m_secondPass;
    bool m_verbose;
    QString m_name;
    int m_count = 0;
    std::unique_ptr<ResticRepository> m_repository;
    std::shared_ptr<ChangeTracker> m_tracker = std::make_shared<ChangeTracker>();
    QMutex m_readerMutex;
    std::shared_ptr<RepositoryReader> m_reader;
};

// One later run: `toChange` files are rewritten, then the consistent backup (with its writer) and the plain one (a
// callable giving its milliseconds) run. With --meanwhile same or both the consistent backup runs first: its writer's
// rewrites are of files both sides store anyway, so each side finds the same files changed since its previous backup.
// Otherwise the plain backup runs first, and each finds the writer's files of the run before as well.
template<typename Plain>
std::pair<Phases, qint64> laterRun(
    const Tree& tree, Bench& tidemark, Plain plain, Meanwhile meanwhile, int toChange, int& stride)
{
    int replay = stride; // with --meanwhile same or both, the writer rewrites these files again
    const int replayFrom = replay;
    rewrite(tree, toChange, stride);
    const bool sameFiles = meanwhile == Meanwhile::Same || meanwhile == Meanwhile::Both;
    qint64 plainMs = sameFiles ? 0 : plain();
    Phases p = tidemark.consistent(meanwhile == Meanwhile::None ? 0 : toChange, sameFiles ? replay : stride);
    if (sameFiles) {
        // With --meanwhile both, plain restic runs under the same writer: as many of the same files, one every 5 ms.
        int from = replayFrom;
        int written = 0;
        QTimer writer;
        writer.setInterval(5);
        QObject::connect(&writer, &QTimer::timeout, &writer, [&] {
            if (written >= p.changedMeanwhile)
                writer.stop();
            else
                written += rewrite(tree, 1, from);
        });
        if (meanwhile == Meanwhile::Both)
            writer.start();
        plainMs = plain();
        writer.stop();
    }
    return {p, plainMs};
}

void printPhases(const QString& label, const Phases& p, qint64 plainMs)
{
    out() << "  " << label << ": total " << p.total << " ms (plain " << plainMs << " ms, ratio "
          << ratio(p.total, plainMs) << "); live " << p.live << " ms, pause " << p.pause << " ms (looked at "
          << p.examined << (p.scannedAll ? ", whole tree scanned" : ", as the kernel reported") << "), pass " << p.pass
          << " ms, after " << p.after << " ms; restic starts " << p.resticStarts << "; changed during the backup "
          << p.changedMeanwhile << "; peak " << peakMiB() << " MiB, now " << currentMiB() << " MiB" << Qt::endl;
}

struct SizeResult
{
    int files = 0;
    qint64 firstRatioX100 = 0;
    qint64 warmRatioX100 = 0;
    qint64 pause = 0;
};

std::optional<SizeResult> runSize(
    int files, qint64 kib, double churn, int runs, bool secondPass, bool verbose, Meanwhile meanwhile)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return std::nullopt;
    Tree tree;
    tree.root = tmp.path();
    out() << "Generating " << files << " files of " << kib << " KiB in " << tree.root << " ..." << Qt::endl;
    if (!generate(tree, files, kib * 1024)) {
        out() << "Could not generate the tree." << Qt::endl;
        return std::nullopt;
    }
    Bench plain(tree, secondPass, verbose);
    Bench tidemark(tree, secondPass, verbose);
    QElapsedTimer clock;
    ::sync(); // what the generation wrote reaches the disk first, not during the init
    clock.start();
    if (!plain.init(QStringLiteral("plain")))
        return std::nullopt;
    const qint64 plainInitMs = clock.elapsed();
    plain.waitForFastKey();
    const qint64 plainFirst = plainInitMs + plain.plain();
    ::sync();
    clock.restart();
    if (!tidemark.init(QStringLiteral("tidemark")))
        return std::nullopt;
    const qint64 initMs = clock.elapsed();
    tidemark.waitForFastKey();
    // restic's init calibrates its key derivation and varies by a second from run to run: shown apart.
    out() << "  init: plain " << plainInitMs << " ms, tidemark " << initMs << " ms; first backups without it: plain "
          << plainFirst - plainInitMs << " ms" << Qt::endl;
    int stride = 0;
    Phases first = tidemark.consistent(0, stride);
    if (!first.error.isEmpty()) {
        out() << "The consistent backup failed: " << first.error << Qt::endl;
        return std::nullopt;
    }
    // The same `restic init` on both sides, whose time varies by a second or more from run to run (restic calibrates
    // its key derivation): counted on both sides as the mean of the two, and shown without it.
    const qint64 meanInitMs = (plainInitMs + initMs) / 2;
    const qint64 plainNoInit = plainFirst - plainInitMs;
    out() << "  first backups without init: tidemark " << first.total << " ms, plain " << plainNoInit << " ms, ratio "
          << ratio(first.total, plainNoInit) << Qt::endl;
    first.total += meanInitMs;
    printPhases(QStringLiteral("first backup (the mean init counted on both sides)"), first, plainNoInit + meanInitMs);
    SizeResult size {files, 100 * first.total / qMax<qint64>(1, plainNoInit + meanInitMs), 0, 0};

    const int toChange = qMax(1, int(files * churn / 100.0));
    QList<qint64> ratios;
    for (int run = 1; run <= runs; ++run) {
        const auto [p, plainMs] = laterRun(
            tree, tidemark, [&plain] { return plain.plain(); }, meanwhile, toChange, stride);
        if (!p.error.isEmpty()) {
            out() << "The consistent backup failed: " << p.error << Qt::endl;
            return std::nullopt;
        }
        printPhases(QStringLiteral("run %1 (%2 files rewritten before)").arg(run).arg(toChange), p, plainMs);
        ratios.append(100 * p.total / qMax<qint64>(1, plainMs));
        size.pause = qMax(size.pause, p.pause);
    }
    std::sort(ratios.begin(), ratios.end());
    size.warmRatioX100 = ratios.isEmpty() ? 0 : ratios.at(ratios.size() / 2);
    ::malloc_trim(0);
    out() << "  after the runs: " << currentMiB() << " MiB resident (peak " << peakMiB() << " MiB)" << Qt::endl;
    return size;
}

#ifdef TIDEMARK_BENCH_DATABASES
// Runs a PostgreSQL tool against the bench server as its application user; its output, or an empty optional.
std::optional<QByteArray> runPg(const PostgresServer& pg, const QString& tool, const QStringList& args, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), pg.password());
    process.setProcessEnvironment(env);
    process.start(PostgresServer::binary(tool),
        QStringList {QStringLiteral("-h"), pg.host(), QStringLiteral("-p"), QString::number(pg.port()),
            QStringLiteral("-U"), pg.user()}
            + args);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        out() << tool << " failed: " << process.readAllStandardError() << Qt::endl;
        process.kill();
        process.waitForFinished(2000);
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

int runPostgres(int files, qint64 kib, double churn, int runs, int scale, int clients, bool verbose,
    Meanwhile meanwhile, bool consistentFirst)
{
    PostgresServer pg;
    QElapsedTimer clock;
    clock.start();
    if (!pg.start()) {
        out() << "PostgreSQL did not start: " << pg.error() << Qt::endl;
        return 1;
    }
    out() << "PostgreSQL started in " << clock.elapsed() << " ms; pgbench -i -s " << scale << " ..." << Qt::endl;
    clock.restart();
    // As the service's user: its tables belong to it, as an application's do.
    if (!runPg(pg, QStringLiteral("pgbench"),
            {QStringLiteral("-i"), QStringLiteral("-q"), QStringLiteral("-s"), QString::number(scale), pg.database()},
            3600000))
        return 1;
    const auto size = runPg(pg, QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-c"),
            QStringLiteral("SELECT pg_size_pretty(pg_database_size(current_database()))"), pg.database()},
        60000);
    out() << "  initialised in " << clock.elapsed() << " ms: " << (size ? size->trimmed() : QByteArray("?"))
          << Qt::endl;
    // What pgbench -i wrote reaches the disk now, in a checkpoint of its own, not in the middle of one side's timing.
    clock.restart();
    bool checkpointed = false;
    pg.sql(QStringLiteral("CHECKPOINT;"), &checkpointed);
    ::sync();
    out() << "  checkpoint " << (checkpointed ? "" : "failed ") << "in " << clock.elapsed() << " ms" << Qt::endl;

    QTemporaryDir tmp;
    Tree tree;
    tree.root = tmp.path();
    out() << "Generating " << files << " files of " << kib << " KiB in " << tree.root << " ..." << Qt::endl;
    if (!tmp.isValid() || !generate(tree, files, kib * 1024)) {
        out() << "Could not generate the tree." << Qt::endl;
        return 1;
    }
    const QString dumpDir = tree.root + QStringLiteral("/plain-dump");
    QDir().mkpath(dumpDir);
    const QString dumpFile = dumpDir + QStringLiteral("/app.pgdump");

    // The write load runs for the whole comparison, on both sides.
    QProcess load;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), pg.password());
    load.setProcessEnvironment(env);
    load.setStandardOutputFile(QProcess::nullDevice());
    load.setStandardErrorFile(tree.root + QStringLiteral("/pgbench.log"));
    load.start(PostgresServer::binary(QStringLiteral("pgbench")),
        {QStringLiteral("-h"), pg.host(), QStringLiteral("-p"), QString::number(pg.port()), QStringLiteral("-U"),
            pg.user(), QStringLiteral("-n"), QStringLiteral("-c"), QString::number(clients), QStringLiteral("-j"),
            QStringLiteral("1"), QStringLiteral("-T"), QStringLiteral("86400"), pg.database()});
    if (!load.waitForStarted(10000)) {
        out() << "pgbench did not start" << Qt::endl;
        return 1;
    }
    out() << "pgbench write load: " << clients << " client(s), TPC-B-like transactions" << Qt::endl;

    LocalDescriptor::Service service;
    service.name = QStringLiteral("pg");
    service.kind = QStringLiteral("postgresql");
    service.host = pg.host();
    service.port = pg.port();
    service.database = pg.database();
    service.user = pg.user();
    service.passwordFile = pg.passwordFile();
    Bench plain(tree, false, verbose);
    plain.setExtraPaths({dumpDir});
    Bench tidemark(tree, false, verbose);
    tidemark.setServices({service});

    const auto baseline = [&](qint64* dumpMs) -> qint64 {
        QElapsedTimer t;
        t.start();
        if (!runPg(pg, QStringLiteral("pg_dump"),
                {QStringLiteral("-Fc"), QStringLiteral("--file=") + dumpFile, pg.database()}, 3600000))
            return -1;
        *dumpMs = t.elapsed();
        const qint64 resticMs = plain.plain();
        return resticMs < 0 ? -1 : *dumpMs + resticMs;
    };
    const auto print = [](const QString& label, const Phases& p, qint64 plainMs, qint64 dumpMs) {
        out() << "  " << label << ": pause " << p.pause << " ms (fixing the database's state " << p.fixMs
              << " ms); total " << p.total << " ms against pg_dump + restic backup " << plainMs << " ms (pg_dump "
              << dumpMs << " ms), ratio " << ratio(p.total, plainMs) << "; restic starts " << p.resticStarts
              << Qt::endl;
    };

    ::sync();
    clock.restart();
    if (!plain.init(QStringLiteral("plain")))
        return 1;
    qint64 dumpMs = 0;
    const qint64 plainInit = clock.elapsed();
    // The second 1 GiB backup of a run is the slower one under the write load, whichever side takes it:
    // --consistent-first swaps the first backups to show it.
    qint64 plainFirst = consistentFirst ? 0 : baseline(&dumpMs);
    ::sync();
    clock.restart();
    if (!tidemark.init(QStringLiteral("tidemark")))
        return 1;
    const qint64 initMs = clock.elapsed();
    int stride = 0;
    Phases first = tidemark.consistent(0, stride);
    if (consistentFirst)
        plainFirst = baseline(&dumpMs);
    if (plainFirst < 0 || !first.error.isEmpty()) {
        out() << "The first backup failed: " << first.error << Qt::endl;
        return 1;
    }
    first.total += initMs;
    print(QStringLiteral("first backup (init counted on both sides)"), first, plainFirst + plainInit, dumpMs);
    const int toChange = qMax(1, int(files * churn / 100.0));
    QList<qint64> pauses;
    QList<qint64> ratios;
    for (int run = 1; run <= runs; ++run) {
        const auto [p, plainMs] = laterRun(
            tree, tidemark, [&] { return baseline(&dumpMs); }, meanwhile, toChange, stride);
        if (plainMs < 0 || !p.error.isEmpty()) {
            out() << "The backup failed: " << p.error << Qt::endl;
            return 1;
        }
        print(QStringLiteral("run %1 (%2 files rewritten before)").arg(run).arg(toChange), p, plainMs, dumpMs);
        pauses.append(p.pause);
        ratios.append(100 * p.total / qMax<qint64>(1, plainMs));
    }
    load.kill();
    load.waitForFinished(5000);
    std::sort(pauses.begin(), pauses.end());
    std::sort(ratios.begin(), ratios.end());
    if (!pauses.isEmpty()) {
        out() << "PostgreSQL scale " << scale << ": pause median " << pauses.at(pauses.size() / 2) << " ms, longest "
              << pauses.last() << " ms (goal < 100 ms); total/baseline median "
              << QString::number(ratios.at(ratios.size() / 2) / 100.0, 'f', 2) << " (goal <= 1.30)" << Qt::endl;
    }
    pg.stop();
    return 0;
}
#endif

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A consistent backup against a plain restic backup."));
    parser.addHelpOption();
    const QCommandLineOption filesOption(
        QStringLiteral("files"), QStringLiteral("Number of files."), QStringLiteral("count"), QStringLiteral("10000"));
    const QCommandLineOption kibOption(
        QStringLiteral("kib"), QStringLiteral("Size of each file in KiB."), QStringLiteral("kib"), QStringLiteral("4"));
    const QCommandLineOption churnOption(QStringLiteral("churn"),
        QStringLiteral("Percent of the files rewritten before each run (and as many during it)."),
        QStringLiteral("pct"), QStringLiteral("1"));
    const QCommandLineOption meanwhileOption(QStringLiteral("meanwhile"),
        QStringLiteral("What a writer rewrites during each consistent backup until the pause: same (the files "
                       "rewritten before the run), both (the same, and a writer during the plain backup too), other "
                       "(as many other "
                       "files) or none."),
        QStringLiteral("which"), QStringLiteral("same"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Later backups after the first."),
        QStringLiteral("count"), QStringLiteral("3"));
    const QCommandLineOption scalingOption(
        QStringLiteral("scaling"), QStringLiteral("1 000 to 300 000 files; pause and ratios per size."));
    const QCommandLineOption largeOption(QStringLiteral("large"), QStringLiteral("With --scaling: up to 1 000 000."));
    const QCommandLineOption secondPassOption(
        QStringLiteral("second-pass"), QStringLiteral("The two-pass fallback: a second restic pass under the pause."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print the backups' logs."));
    const QCommandLineOption postgresOption(QStringLiteral("postgres"),
        QStringLiteral("Add a PostgreSQL database under a pgbench write load; compare with pg_dump + restic backup."));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
        QStringLiteral("With --postgres: pgbench's scale (70 is about 1 GiB)."), QStringLiteral("n"),
        QStringLiteral("70"));
    const QCommandLineOption consistentFirstOption(QStringLiteral("consistent-first"),
        QStringLiteral("With --postgres: the first consistent backup before the first plain one."));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
        QStringLiteral("With --postgres: pgbench clients writing meanwhile."), QStringLiteral("n"),
        QStringLiteral("2"));
    parser.addOptions({filesOption, kibOption, churnOption, meanwhileOption, runsOption, scalingOption, largeOption,
        secondPassOption, verboseOption, postgresOption, scaleOption, clientsOption, consistentFirstOption});
    parser.process(app);
    const int files = parser.value(filesOption).toInt();
    const qint64 kib = parser.value(kibOption).toLongLong();
    const double churn = parser.value(churnOption).toDouble();
    const int runs = parser.value(runsOption).toInt();
    const QString which = parser.value(meanwhileOption);
    const Meanwhile meanwhile = which == QLatin1String("other") ? Meanwhile::Other
        : which == QLatin1String("none")                        ? Meanwhile::None
        : which == QLatin1String("both")                        ? Meanwhile::Both
                                                                : Meanwhile::Same;
    if (files <= 0 || kib <= 0 || churn < 0 || runs < 0
        || (meanwhile == Meanwhile::Same && which != QLatin1String("same")))
        parser.showHelp(1);
    const bool secondPass = parser.isSet(secondPassOption);
    const bool verbose = parser.isSet(verboseOption);
    out() << "Change tracking: "
          << (qgetenv("TIDEMARK_CHANGE_TRACKING") == "off" ? "off (the pause scans)" : "on (inotify)")
          << (secondPass ? "; two-pass fallback (a second restic pass under the pause)" : "")
          << "; during each consistent backup a writer rewrites "
          << (meanwhile == Meanwhile::Same ? "the files changed before it again"
                     : meanwhile == Meanwhile::Both
                     ? "the files changed before it again, and so during the plain backup"
                     : meanwhile == Meanwhile::Other ? "as many other files"
                                                     : "nothing")
          << Qt::endl;

    if (parser.isSet(postgresOption)) {
#ifdef TIDEMARK_BENCH_DATABASES
        const int scale = parser.value(scaleOption).toInt();
        const int clients = parser.value(clientsOption).toInt();
        if (scale <= 0 || clients <= 0)
            parser.showHelp(1);
        return runPostgres(
            files, kib, churn, runs, scale, clients, verbose, meanwhile, parser.isSet(consistentFirstOption));
#else
        out() << "--postgres needs the tests' support library (configure with the tests)." << Qt::endl;
        return 2;
#endif
    }
    if (!parser.isSet(scalingOption))
        return runSize(files, kib, churn, runs, secondPass, verbose, meanwhile) ? 0 : 1;

    QList<int> sizes {1000, 10000, 100000, 300000};
    if (parser.isSet(largeOption))
        sizes.append(1000000);
    QList<SizeResult> results;
    for (int size : std::as_const(sizes)) {
        const auto result = runSize(size, kib, churn, qMax(1, runs), secondPass, verbose, meanwhile);
        if (!result)
            return 1;
        results.append(*result);
    }
    out() << Qt::endl << "files      first/plain  later/plain (median)  longest pause" << Qt::endl;
    for (const SizeResult& r : std::as_const(results)) {
        out() << QString::number(r.files).rightJustified(9) << "  "
              << QString::number(r.firstRatioX100 / 100.0, 'f', 2).rightJustified(11) << "  "
              << QString::number(r.warmRatioX100 / 100.0, 'f', 2).rightJustified(20) << "  "
              << QString::number(r.pause).rightJustified(10) << " ms" << Qt::endl;
    }
    return 0;
}
