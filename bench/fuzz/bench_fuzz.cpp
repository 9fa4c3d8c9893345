// The request fuzzer of tst_fuzzroutes at scale: seeded malformed and hostile bodies, queries and paths against a
// real tidemarkd on 127.0.0.1 (tests/support/jsonfuzzer.h, fuzzrunner.h). Prints cases per second, the status
// histogram, the server's resident memory after the warm-up, at the end and at its peak, and every failing case
// with its seed and number. `bench_fuzz --cases 1000 --seed 7` for a quick run, `--case N` replays one case.
#include "fuzzrunner.h"
#include "serverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

constexpr qint64 kBatch = 1000;

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fuzzes tidemarkd's routes with seeded hostile requests."));
    parser.addHelpOption();
    const QCommandLineOption casesOption(QStringLiteral("cases"), QStringLiteral("Number of cases (100000)."),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Seed (20261201)."), QStringLiteral("S"), QStringLiteral("20261201"));
    const QCommandLineOption caseOption(
        QStringLiteral("case"), QStringLiteral("Replay this one case and print it in full."), QStringLiteral("N"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QStringLiteral("Milliseconds an answer may take (10000)."), QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption recoverOption(QStringLiteral("recover"),
        QStringLiteral("Seconds to wait for a server that stopped answering (300)."), QStringLiteral("S"),
        QStringLiteral("300"));
    parser.addOptions({casesOption, seedOption, caseOption, timeoutOption, recoverOption});
    parser.process(app);
    const qint64 count = parser.value(casesOption).toLongLong();
    const quint32 seed = parser.value(seedOption).toUInt();
    const int recoverMs = parser.value(recoverOption).toInt() * 1000;

    ServerProcess server;
    if (!server.start()) {
        out() << "tidemarkd did not start: " << server.error() << Qt::endl;
        return 2;
    }
    FuzzRunner runner(server, seed);
    runner.setRequestTimeoutMs(parser.value(timeoutOption).toInt());
    QString error;
    if (!runner.prepare(&error)) {
        out() << "prepare: " << error << Qt::endl;
        return 2;
    }
    const JsonFuzzer& fuzzer = runner.fuzzer();

    if (parser.isSet(caseOption)) {
        const JsonFuzzer::Case c = fuzzer.generate(parser.value(caseOption).toULongLong());
        RawHttp::Response r;
        const QString problem = runner.run(c, &r);
        out() << fuzzer.describe(c, 1 << 20) << "\n-> " << r.status << ' ' << JsonFuzzer::printable(r.body, 4000)
              << '\n'
              << (problem.isEmpty() ? QStringLiteral("ok") : problem) << Qt::endl;
        runner.cleanup();
        return problem.isEmpty() ? 0 : 1;
    }

    out() << "seed " << seed << ", " << count << " cases" << Qt::endl;
    QStringList failures;
    QStringList stateProblems;
    qint64 warmKiB = -1;
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    bool stop = false;
    for (qint64 first = 0; first < count && !stop; first += kBatch) {
        for (qint64 n = first; n < std::min(count, first + kBatch); ++n) {
            const JsonFuzzer::Case c = fuzzer.generate(quint64(n));
            const QString problem = runner.run(c);
            ++done;
            if (problem.isEmpty())
                continue;
            failures.append(fuzzer.describe(c) + QStringLiteral(": ") + problem);
            out() << "FAIL " << failures.last() << Qt::endl;
            // A server busy with one request for longer than the timeout is waited for (bounded), so that one slow
            // case does not hide the ones after it; a dead or stuck server ends the run.
            if (problem.startsWith(QLatin1String("no answer")) && !runner.responsive()) {
                QElapsedTimer busy;
                busy.start();
                if (!runner.waitUntilResponsive(recoverMs)) {
                    out() << "tidemarkd no longer answers; stopping" << Qt::endl;
                    stop = true;
                    break;
                }
                out() << "  (tidemarkd answered again after " << busy.elapsed() << " ms more)" << Qt::endl;
            }
        }
        stateProblems = runner.settle();
        if (!stateProblems.isEmpty()) {
            out() << "after case " << done - 1 << ": " << stateProblems.join(QStringLiteral("; ")) << Qt::endl;
            stop = true;
        }
        if (warmKiB < 0)
            warmKiB = runner.residentKiB();
        out() << done << " cases, " << qint64(double(done) * 1000.0 / double(std::max<qint64>(1, timer.elapsed())))
              << "/s, resident " << runner.residentKiB() << " KiB, peak " << runner.peakResidentKiB() << " KiB"
              << Qt::endl;
    }
    const qint64 elapsed = std::max<qint64>(1, timer.elapsed());
    const qint64 endKiB = runner.residentKiB();
    const qint64 peakKiB = runner.peakResidentKiB();

    out() << "\n"
          << done << " cases in " << elapsed / 1000.0 << " s: " << qint64(double(done) * 1000.0 / double(elapsed))
          << " cases/s; " << (runner.bytesSent() >> 20) << " MiB sent\n";
    out() << "statuses:";
    for (auto it = runner.statusCounts().begin(); it != runner.statusCounts().end(); ++it)
        out() << ' ' << it.key() << ": " << it.value();
    out() << "\nresident memory: " << warmKiB << " KiB after the warm-up, " << endKiB << " KiB at the end, peak "
          << peakKiB << " KiB\n";
    out() << "slowest cases:\n";
    for (const FuzzRunner::Slow& slow : runner.slowest())
        out() << "  " << slow.ms << " ms  " << slow.description << '\n';
    out() << failures.size() << " failing cases" << (failures.isEmpty() ? "" : ":") << '\n';
    for (const QString& f : failures)
        out() << "  " << f << '\n';
    if (!stateProblems.isEmpty())
        out() << "state: " << stateProblems.join(QStringLiteral("; ")) << '\n';
    out().flush();
    const QStringList left = runner.cleanup();
    if (!left.isEmpty())
        out() << "cleanup: " << left.join(QStringLiteral("; ")) << Qt::endl;
    return failures.isEmpty() && stateProblems.isEmpty() ? 0 : 1;
}
