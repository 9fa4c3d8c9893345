// tidemarkd's own memory through consistent backups of a large environment, in the same run.
//
// Starts a real tidemarkd (tests/support's ServerProcess) with a temporary data directory, creates an environment of
// --files small files (--kib each, 100 per folder) in one mount, and takes a first consistent backup through the API,
// then --runs more after --churn % of the files were rewritten each time. tidemarkd's resident memory is read from
// /proc every 20 ms: per backup its peak, and what it holds two seconds after the backup ended (the engine's reader
// is warmed after each backup, the retention applied, the manifest stored). The goal is under 100 MB at 300 000 files,
// given back afterwards. `bench_servermemory --files 20000` is a quick check. Not run by ctest.
#include "serverprocess.h"

#include <atomic>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <thread>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// A field of /proc/<pid>/status in KiB ("VmRSS", "VmHWM"), or -1.
qint64 statusKiB(qint64 pid, const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Samples a process's resident memory on a thread of its own; peak() since the last reset().
class Sampler
{
public:
    explicit Sampler(qint64 pid)
        : m_pid(pid)
        , m_thread([this] {
            while (!m_stop) {
                const qint64 rss = statusKiB(m_pid, "VmRSS");
                qint64 seen = m_peak.load();
                while (rss > seen && !m_peak.compare_exchange_weak(seen, rss)) { }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        })
    { }
    ~Sampler()
    {
        m_stop = true;
        m_thread.join();
    }
    void reset() { m_peak = statusKiB(m_pid, "VmRSS"); }
    qint64 peakMiB() const { return m_peak / 1024; }

private:
    qint64 m_pid;
    std::atomic<bool> m_stop {false};
    std::atomic<qint64> m_peak {0};
    std::thread m_thread;
};

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QString fileName(const QString& mount, int i)
{
    return mount + QStringLiteral("/d%1/f%2.bin").arg(i / 100, 5, 10, QLatin1Char('0')).arg(i, 7, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("tidemarkd's memory through consistent backups."));
    parser.addHelpOption();
    const QCommandLineOption filesOption(QStringLiteral("files"), QStringLiteral("Number of files (default 300000)."),
        QStringLiteral("N"), QStringLiteral("300000"));
    const QCommandLineOption kibOption(QStringLiteral("kib"), QStringLiteral("Size of each file in KiB (default 1)."),
        QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption churnOption(QStringLiteral("churn"),
        QStringLiteral("Percent of the files rewritten before each later backup (default 1)."), QStringLiteral("PCT"),
        QStringLiteral("1"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Later backups after the first (default 2)."), QStringLiteral("R"), QStringLiteral("2"));
    const QCommandLineOption waitOption(QStringLiteral("wait"),
        QStringLiteral("Seconds to wait after tidemarkd started, to attach a profiler (default 0)."),
        QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption idleOption(QStringLiteral("idle"),
        QStringLiteral("Seconds to leave tidemarkd idle at the end before its memory is read again (default 0; its "
                       "reader of the repository is let go two to three minutes after its last use)."),
        QStringLiteral("S"), QStringLiteral("0"));
    parser.addOptions({filesOption, kibOption, churnOption, runsOption, waitOption, idleOption});
    parser.process(app);
    const int files = std::max(100, parser.value(filesOption).toInt());
    const int kib = std::max(1, parser.value(kibOption).toInt());
    const double churn = std::max(0.0, parser.value(churnOption).toDouble());
    const int runs = std::max(0, parser.value(runsOption).toInt());

    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/bench-servermemory-XXXXXX"));
    const QString code = work.filePath(QStringLiteral("env/code"));
    const QString mount = work.filePath(QStringLiteral("env/files"));
    out() << "Generating " << files << " files of " << kib << " KiB in " << work.path() << " ..." << Qt::endl;
    QDir().mkpath(code);
    writeFile(code + QStringLiteral("/index.php"), "<?php echo 'hello';\n");
    QByteArray content(kib * 1024, 'x');
    for (int i = 0; i < files; ++i) {
        if (i % 100 == 0)
            QDir().mkpath(QFileInfo(fileName(mount, i)).path());
        content.replace(0, 12, QByteArray::number(i).rightJustified(12, '0'));
        if (!writeFile(fileName(mount, i), content)) {
            out() << "could not write " << fileName(mount, i) << Qt::endl;
            return 1;
        }
    }

    ServerProcess server;
    server.setEnvironmentRoots({work.path()});
    server.setSchedulerEnabled(false);
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
                        {QStringLiteral("name"), QStringLiteral("files")}, {QStringLiteral("path"), mount}}}},
                {QStringLiteral("services"), QJsonArray()},
                // A consistent backup pauses through its hooks; without a pause hook it is one plain pass.
                {QStringLiteral("hooks"),
                    QJsonObject {{QStringLiteral("pause"), QStringLiteral("true")},
                        {QStringLiteral("resume"), QStringLiteral("true")}}}}}};
    const auto made = http.request("POST", QStringLiteral("/projects/demo/environments"),
        QJsonDocument(environment).toJson(QJsonDocument::Compact), access);
    if (made.status != 201 && made.status != 200) {
        out() << "the environment was not created: " << made.body << Qt::endl;
        return 1;
    }
    const qint64 pid = server.pid();
    out() << "tidemarkd (pid " << pid << ") before the first backup: " << statusKiB(pid, "VmRSS") / 1024
          << " MiB (private " << statusKiB(pid, "RssAnon") / 1024 << " MiB, mapped files "
          << statusKiB(pid, "RssFile") / 1024 << " MiB)" << Qt::endl;

    if (const int wait = parser.value(waitOption).toInt(); wait > 0) {
        out() << "waiting " << wait << " s" << Qt::endl;
        QThread::sleep(wait);
    }
    Sampler sampler(pid);
    int stride = 0;
    const int toChange = std::max(1, int(files * churn / 100.0));
    for (int run = 0; run <= runs; ++run) {
        if (run > 0) {
            for (int k = 0; k < toChange; ++k) {
                const int i = (stride + k * std::max(1, files / toChange)) % files; // spread over the folders
                content.replace(0, 12, QByteArray::number(run * 1000000 + k).rightJustified(12, '0'));
                writeFile(fileName(mount, i), content);
            }
            stride = (stride + 1) % 100;
        }
        sampler.reset();
        QElapsedTimer timer;
        timer.start();
        const QJsonObject activity = http.startAndWait(
            "POST", QStringLiteral("/projects/demo/environments/bench/backup"), R"({"safe": true})", access, 3600000);
        const qint64 ms = timer.elapsed();
        if (activity.value(QStringLiteral("result")).toString() != QLatin1String("success")) {
            out() << "the backup failed: " << QJsonDocument(activity).toJson(QJsonDocument::Compact).left(2000)
                  << Qt::endl;
            return 1;
        }
        // What the pause looked at, from the activity's log (one JSON object per line).
        const QByteArray log = http.get(QStringLiteral("/projects/demo/activities/%1/log")
                                            .arg(activity.value(QStringLiteral("id")).toString()),
                                       access)
                                   .body;
        if (log.isEmpty())
            out() << "    (no log)" << Qt::endl;
        for (const QByteArray& line : log.split('\n')) {
            const QString text = QJsonDocument::fromJson(line)
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toObject()
                                     .value(QStringLiteral("message"))
                                     .toString();
            if (text.contains(QLatin1String("Captured")) || text.contains(QLatin1String("scann")))
                out() << "    " << text << Qt::endl;
        }
        const qint64 peak = sampler.peakMiB();
        QThread::msleep(2000);
        out() << (run == 0 ? QStringLiteral("first backup")
                           : QStringLiteral("run %1 (%2 files rewritten)").arg(run).arg(toChange))
              << ": " << ms << " ms; tidemarkd peak " << std::max(peak, sampler.peakMiB()) << " MiB, "
              << statusKiB(pid, "VmRSS") / 1024 << " MiB two seconds after" << Qt::endl;
    }
    out() << "tidemarkd's high-water mark (VmHWM): " << statusKiB(pid, "VmHWM") / 1024 << " MiB" << Qt::endl;
    // While idle, tidemarkd's memory every 30 seconds: the reader is let go between two and three minutes after its
    // last use.
    const int idle = parser.value(idleOption).toInt();
    for (int waited = 0; waited < idle;) {
        const int step = std::min(30, idle - waited);
        QThread::sleep(step);
        waited += step;
        out() << "after " << waited << " s idle: " << statusKiB(pid, "VmRSS") / 1024 << " MiB (heap and other "
              << "private memory " << statusKiB(pid, "RssAnon") / 1024 << " MiB, mapped files such as libraries "
              << statusKiB(pid, "RssFile") / 1024 << " MiB)" << Qt::endl;
    }
    server.stop();
    return 0;
}
