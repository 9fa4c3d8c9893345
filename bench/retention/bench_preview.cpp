#include "domain/backup.h"
#include "domain/jsondocument.h"
#include "domain/retentionpolicy.h"
#include "retention/backuparrayreader.h"
#include "retention/previewreport.h"
#include "retention/retentionplanner.h"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

// `tidemark-cli retention:preview` end to end on a large backup list (issue 17: 1 000 000 backups under 5 s and
// 1 GB). Writes a policy and a list of Backup objects as the API shows them (every field, `_links`, attributes),
// then runs the CLI once per output format and prints its wall time and peak resident memory (from wait4).
//
//   bench_preview --cli build/release/app/tidemark-cli [--backups 1000000] [--dir DIR]
//
// With --dir the files stay there (and are reused when the count matches), so the same input can be timed
// with /usr/bin/time -v as well.

extern char** environ;

namespace {

const char kPolicy[] = "{ \"max_backups\": null,\n"
                       "  \"default_config\": { \"manual_count\": 2,\n"
                       "                      \"schedule\": [ {\"interval\": \"1d\", \"count\": 7},\n"
                       "                                    {\"interval\": \"1w\", \"count\": 4},\n"
                       "                                    {\"interval\": \"1M\", \"count\": 12} ] } }\n";

// Automated backups at random times over eight years, 1 % manual, 0.1 % protected, a few with notes; fixed seed.
bool writeBackups(const QString& path, int n, qint64 endMs)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(20261201u + quint32(n));
    const qint64 span = qint64(8) * 365 * 86400 * 1000;
    QByteArray chunk = "[\n";
    for (int i = 0; i < n; ++i) {
        Backup b;
        const bool automated = rng.bounded(100) != 0;
        b.id = QLatin1Char(automated ? 'a' : 'm') + QString::number(i);
        b.createdAtMs = (endMs - qint64(rng.generateDouble() * double(span))) / 1000 * 1000;
        b.updatedAtMs = b.createdAtMs + 42000;
        b.environment = QStringLiteral("main");
        b.automated = automated;
        b.commitId = QString::number(rng.generate64(), 16).rightJustified(16, QLatin1Char('0'));
        b.index = i;
        b.sizeOfVolumes = qint64(rng.bounded(1 << 30));
        b.sizeUsed = *b.sizeOfVolumes / 2;
        b.attributes.insert(QStringLiteral("pause_ms"), QString::number(rng.bounded(200)));
        if (rng.bounded(1000) == 0)
            b.attributes.insert(QStringLiteral("protected"), QStringLiteral("true"));
        if (rng.bounded(50) == 0)
            b.attributes.insert(QStringLiteral("note"), QStringLiteral("before the release – checked by ops"));
        const QString self = QStringLiteral("/projects/p/environments/main/backups/") + b.id;
        b.links.set(QStringLiteral("self"), self);
        b.links.set(QStringLiteral("#restore"), self + QStringLiteral("/restore"));
        b.links.set(QStringLiteral("#delete"), self);
        chunk += QJsonDocument(b.toJson()).toJson(QJsonDocument::Indented);
        chunk.chop(1);
        chunk += i + 1 < n ? ",\n" : "\n";
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    chunk += "]\n";
    return file.write(chunk) == chunk.size() && file.flush();
}

struct Run
{
    int status = -1;
    double seconds = 0;
    long maxRssKb = 0;
    qint64 outputBytes = 0;
};

// posix_spawn + wait4: the child's own peak RSS, not the maximum over every child so far.
Run run(const QString& program, const QStringList& arguments, const QString& outputPath)
{
    QList<QByteArray> storage {program.toLocal8Bit()};
    for (const QString& a : arguments)
        storage.append(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out = outputPath.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    Run result;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.maxRssKb = usage.ru_maxrss;
    result.outputBytes = QFileInfo(outputPath).size();
    return result;
}

// CPU seconds of this process: on a machine shared with builds, wall time says more about the others.
double cpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Where the time of one preview goes: the streaming reader, the planner, each writer (into /dev/null).
void phases(QTextStream& out, const QString& policyPath, const QString& backupsPath, qint64 nowMs)
{
    QFile policyFile(policyPath);
    policyFile.open(QIODevice::ReadOnly);
    const RetentionPolicy policy = *RetentionPolicy::fromJson(*JsonDocument::parse(policyFile.readAll()).value).value;
    std::vector<double> read, plan, json, table, readCpu, planCpu, jsonCpu, tableCpu;
    for (int r = 0; r < 3; ++r) {
        QElapsedTimer timer;
        timer.start();
        double cpu = cpuSeconds();
        const auto lap = [&](std::vector<double>& wall, std::vector<double>& used) {
            wall.push_back(timer.nsecsElapsed() / 1e9);
            used.push_back(cpuSeconds() - cpu);
            timer.restart();
            cpu = cpuSeconds();
        };
        QFile file(backupsPath);
        file.open(QIODevice::ReadOnly);
        BackupArrayReader reader(file);
        const auto backups = reader.read();
        lap(read, readCpu);
        const RetentionPlan p = RetentionPlanner::plan(*backups.value, policy, nowMs);
        lap(plan, planCpu);
        QFile null(QStringLiteral("/dev/null"));
        null.open(QIODevice::WriteOnly);
        timer.restart();
        cpu = cpuSeconds();
        PreviewReport::writeJson(p, null);
        lap(json, jsonCpu);
        PreviewReport::writeTable(p, null);
        lap(table, tableCpu);
        if (r == 0) {
            out << QStringLiteral("read: %1 scanned, %2 through Qt%3\n")
                       .arg(reader.stats().scanned)
                       .arg(reader.stats().viaQt)
                       .arg(reader.stats().wholeDocument ? QStringLiteral(", whole document") : QString());
        }
    }
    const auto both = [](const std::vector<double>& wall, const std::vector<double>& used) {
        return QStringLiteral("%1 s (CPU %2 s)").arg(median(wall), 0, 'f', 2).arg(median(used), 0, 'f', 2);
    };
    out << QStringLiteral("medians of 3: read %1, plan %2, write json %3, write table %4\n")
               .arg(both(read, readCpu), both(plan, planCpu), both(json, jsonCpu), both(table, tableCpu));
    out.flush();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cliOption(
        QStringLiteral("cli"), QStringLiteral("The tidemark-cli to run."), QStringLiteral("PATH"));
    const QCommandLineOption countOption(
        QStringLiteral("backups"), QStringLiteral("How many backups."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Where the input files go (kept)."), QStringLiteral("DIR"));
    const QCommandLineOption phasesOption(QStringLiteral("phases"),
        QStringLiteral("Also time reading, planning and writing in this process (median of 3)."));
    parser.addOptions({cliOption, countOption, dirOption, phasesOption});
    parser.process(app);

    QTextStream out(stdout);
    const int n = parser.value(countOption).toInt();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    QDir().mkpath(dir);
    const QString policyPath = dir + QStringLiteral("/policy.json");
    const QString backupsPath = dir + QStringLiteral("/backups-%1.json").arg(n);
    const qint64 nowMs = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

    QFile policy(policyPath);
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) || policy.write(kPolicy) < 0)
        return 1;
    policy.close();
    if (!QFileInfo::exists(backupsPath)) {
        QElapsedTimer timer;
        timer.start();
        if (!writeBackups(backupsPath, n, nowMs - 8 * 3600 * 1000)) {
            out << "cannot write " << backupsPath << Qt::endl;
            return 1;
        }
        out << QStringLiteral("wrote %1 (%2 MB) in %3 s\n")
                   .arg(backupsPath)
                   .arg(QFileInfo(backupsPath).size() / 1e6, 0, 'f', 0)
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    }
    if (parser.isSet(phasesOption))
        phases(out, policyPath, backupsPath, nowMs);
    if (!parser.isSet(cliOption))
        return 0;

    out << QStringLiteral("%1 backups, policy 1d x7, 1w x4, 1M x12, manual 2\n").arg(n);
    out.flush();
    for (const QString& format : {QStringLiteral("json"), QStringLiteral("table")}) {
        const Run r = run(parser.value(cliOption),
            {QStringLiteral("retention:preview"), QStringLiteral("--policy"), policyPath, QStringLiteral("--backups"),
                backupsPath, QStringLiteral("--now"), QStringLiteral("2026-11-26T12:00:00Z"),
                QStringLiteral("--format"), format},
            dir + QStringLiteral("/preview.") + format);
        out << QStringLiteral("--format %1: exit %2, %3 s, peak RSS %4 MB, output %5 MB\n")
                   .arg(format, 5)
                   .arg(r.status)
                   .arg(r.seconds, 0, 'f', 2)
                   .arg(r.maxRssKb / 1024.0, 0, 'f', 0)
                   .arg(r.outputBytes / 1e6, 0, 'f', 0);
        out.flush();
    }
    return 0;
}
