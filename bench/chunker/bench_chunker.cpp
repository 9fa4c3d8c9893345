#include "engine/resticchunker.h"

#include <algorithm>
#include <QBuffer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>
#include <vector>

// ResticChunker's split throughput on random bytes held in memory (no disk), the median of a few runs. restic's Go
// chunker does the same work; a split much slower than the disks it reads from would make storing files without
// restic the bottleneck. `bench_chunker [--mib N]` (200 by default); build with optimisation for numbers that mean
// anything.

int main(int argc, char** argv)
{
    qint64 mib = 200;
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--mib")
            mib = std::max<qint64>(1, QByteArray(argv[i + 1]).toLongLong());
    }
    QByteArray data(mib * 1024 * 1024, '\0');
    QRandomGenerator generator(20261202u);
    generator.fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);
    // A polynomial restic could have chosen (irreducible, degree 53): the tables differ, the work does not.
    ResticChunker chunker(*ResticChunker::parsePolynomial(QStringLiteral("3dea92648f6e83")));

    QTextStream out(stdout);
    std::vector<double> rates;
    for (int run = 0; run < 5; ++run) {
        QBuffer input(&data);
        input.open(QIODevice::ReadOnly);
        qint64 chunks = 0;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const bool ok = chunker.split(
            input,
            [&chunks](const QByteArray&) {
                ++chunks;
                return true;
            },
            &error);
        const double seconds = double(std::max<qint64>(1, timer.nsecsElapsed())) / 1e9;
        if (!ok) {
            out << "split failed: " << error << Qt::endl;
            return 1;
        }
        rates.push_back(double(data.size()) / 1e6 / seconds);
        out << "run " << run + 1 << ": " << chunks << " chunks, " << qRound(rates.back()) << " MB/s" << Qt::endl;
    }
    std::sort(rates.begin(), rates.end());
    out << mib << " MiB split at " << qRound(rates[rates.size() / 2]) << " MB/s (median of " << rates.size() << ")"
        << Qt::endl;
    return 0;
}
