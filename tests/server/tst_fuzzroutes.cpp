// A fuzzing pass over every route's JSON, query and path: seeded malformed and hostile requests
// (tests/support/jsonfuzzer.h) against a real tidemarkd on 127.0.0.1, in a state where no valid request starts
// real work (tests/support/fuzzrunner.h). Every answer arrives, is below 500 and has the contract's error shape;
// the server survives every batch; its memory stays bounded. A failure names its seed and case number;
// `TIDEMARK_FUZZ_SEED=<seed> TIDEMARK_FUZZ_CASE=<n> tst_fuzzroutes seededCases` replays that one case and prints it,
// TIDEMARK_FUZZ_CASES=<n> runs more.
#include "fuzzrunner.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QtTest>

namespace {

constexpr quint32 kDefaultSeed = 20261201;
// About 25 s in a debug build on two cores; the random part of the run, the truncations come on top.
constexpr qint64 kDefaultCases = 15000;
// Cases between two checks of the server and its state; the first batch is the warm-up for the memory check.
constexpr qint64 kBatch = 250;
// The server's resident memory after the run may exceed its value after the warm-up by this much. The client
// sends one request at a time and no request is over 1 MiB (a few at 1 MiB + 1), so a server that frees what
// each request allocated holds a few MiB per request at most; what allocators and SQLite's page cache keep
// beyond that levels off within tens of MiB. A server that kept request bodies (or their parsed copies) would
// exceed it: the default run sends far more than this in bodies of 256 KiB and more (checked below).
constexpr qint64 kMemoryBoundKiB = 64 * 1024;
constexpr int kMaxFailuresShown = 40;

qint64 environmentNumber(const char* name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok ? value : fallback;
}

} // namespace

class TestFuzzRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void validRequestsGetTheirAnswers();
    void truncatedAtEveryPosition();
    void seededCases();

private:
    ServerProcess m_server;
    std::unique_ptr<FuzzRunner> m_runner;
    quint32 m_seed = kDefaultSeed;
};

void TestFuzzRoutes::initTestCase()
{
    m_seed = quint32(environmentNumber("TIDEMARK_FUZZ_SEED", kDefaultSeed));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_runner = std::make_unique<FuzzRunner>(m_server, m_seed);
    QString error;
    QVERIFY2(m_runner->prepare(&error), qPrintable(error));
}

void TestFuzzRoutes::cleanupTestCase()
{
    if (m_runner && m_runner->serverRunning()) {
        const QStringList problems = m_runner->cleanup();
        if (!problems.isEmpty())
            qWarning("cleanup: %s", qPrintable(problems.join(QLatin1Char('\n'))));
    }
    m_server.stop();
}

void TestFuzzRoutes::validRequestsGetTheirAnswers()
{
    // The fuzzer mutates these; if they were refused already, every case would only test the first check.
    const QStringList problems = m_runner->checkValidRequests();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    const QStringList state = m_runner->settle();
    QVERIFY2(state.isEmpty(), qPrintable(state.join(QLatin1Char('\n'))));
}

void TestFuzzRoutes::truncatedAtEveryPosition()
{
    // Random cases sample truncation points; here every prefix of every valid body, with a role that gets past
    // the role check to the body.
    const JsonFuzzer& fuzzer = m_runner->fuzzer();
    QStringList failures;
    qint64 cases = 0;
    for (int i = 0; i < fuzzer.routes().size(); ++i) {
        const JsonFuzzer::Route& route = fuzzer.routes().at(i);
        if (route.body == JsonFuzzer::Body::None)
            continue;
        const JsonFuzzer::Token token
            = route.tokens.contains(JsonFuzzer::Token::Admin) ? JsonFuzzer::Token::Admin : route.tokens.first();
        for (const JsonFuzzer::Case& c : fuzzer.truncations(i, token)) {
            ++cases;
            const QString problem = m_runner->run(c);
            if (!problem.isEmpty())
                failures.append(fuzzer.describe(c) + QStringLiteral(": ") + problem);
        }
    }
    qInfo("%lld truncations", cases);
    const QStringList state = m_runner->settle();
    QVERIFY2(state.isEmpty(), qPrintable(state.join(QLatin1Char('\n'))));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, kMaxFailuresShown).join(QLatin1Char('\n'))));
}

void TestFuzzRoutes::seededCases()
{
    const JsonFuzzer& fuzzer = m_runner->fuzzer();
    const qint64 count = environmentNumber("TIDEMARK_FUZZ_CASES", kDefaultCases);
    const qint64 only = environmentNumber("TIDEMARK_FUZZ_CASE", -1);
    if (only >= 0) {
        const JsonFuzzer::Case c = fuzzer.generate(quint64(only));
        RawHttp::Response r;
        const QString problem = m_runner->run(c, &r);
        qInfo("%s\n-> %d %s", qPrintable(fuzzer.describe(c, 4096)), r.status,
            qPrintable(JsonFuzzer::printable(r.body, 2000)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        return;
    }
    qInfo("seed %u, %lld cases", fuzzer.seed(), count);

    QStringList failures;
    qint64 warmKiB = -1;
    qint64 largeAtWarm = 0;
    QElapsedTimer timer;
    timer.start();
    bool hung = false;
    for (qint64 first = 0; first < count && !hung; first += kBatch) {
        for (qint64 n = first; n < std::min(count, first + kBatch); ++n) {
            const JsonFuzzer::Case c = fuzzer.generate(quint64(n));
            const QString problem = m_runner->run(c);
            if (problem.isEmpty())
                continue;
            failures.append(fuzzer.describe(c) + QStringLiteral(": ") + problem);
            // One slow answer is a failure; a server that no longer answers anything ends the run.
            if (problem.startsWith(QLatin1String("no answer")) && !m_runner->responsive()) {
                hung = true;
                break;
            }
        }
        const QStringList state = m_runner->settle();
        QVERIFY2(state.isEmpty(),
            qPrintable(QStringLiteral("after case %1 (seed %2):\n").arg(std::min(count, first + kBatch) - 1).arg(m_seed)
                + state.join(QLatin1Char('\n')) + QStringLiteral("\nfailures so far:\n")
                + failures.mid(0, kMaxFailuresShown).join(QLatin1Char('\n'))));
        if (warmKiB < 0) {
            warmKiB = m_runner->residentKiB();
            largeAtWarm = m_runner->largeBodyBytes();
        }
    }
    const qint64 endKiB = m_runner->residentKiB();
    const qint64 largeMiB = (m_runner->largeBodyBytes() - largeAtWarm) >> 20;

    QStringList histogram;
    for (auto it = m_runner->statusCounts().begin(); it != m_runner->statusCounts().end(); ++it)
        histogram.append(QStringLiteral("%1: %2").arg(it.key()).arg(it.value()));
    qInfo("%lld cases in %lld ms; statuses %s; resident %lld KiB after the warm-up, %lld KiB at the end, peak %lld "
          "KiB; %lld MiB in large bodies",
        count, qint64(timer.elapsed()), qPrintable(histogram.join(QStringLiteral(", "))), warmKiB, endKiB,
        m_runner->peakResidentKiB(), largeMiB);
    for (const FuzzRunner::Slow& slow : m_runner->slowest().mid(0, 3))
        qInfo("slow: %lld ms %s", slow.ms, qPrintable(slow.description));

    QVERIFY2(failures.isEmpty(),
        qPrintable(QStringLiteral("%1 failing cases (seed %2):\n").arg(failures.size()).arg(m_seed)
            + failures.mid(0, kMaxFailuresShown).join(QLatin1Char('\n'))));
    QVERIFY2(warmKiB > 0 && endKiB > 0, "the server's VmRSS could not be read");
    QVERIFY2(endKiB - warmKiB <= kMemoryBoundKiB,
        qPrintable(QStringLiteral("resident memory grew from %1 KiB to %2 KiB").arg(warmKiB).arg(endKiB)));
    // A run that sent less than the bound in large bodies after the warm-up could not have seen them kept.
    if (count >= kDefaultCases)
        QVERIFY2(largeMiB * 1024 > 2 * kMemoryBoundKiB,
            qPrintable(QStringLiteral("only %1 MiB in large bodies after the warm-up").arg(largeMiB)));
}

QTEST_GUILESS_MAIN(TestFuzzRoutes)
#include "tst_fuzzroutes.moc"
