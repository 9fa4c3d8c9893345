#include "domain/retentionpolicy.h"
#include "retention/retentionplanner.h"

#include <algorithm>
#include <cmath>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <vector>

// How planning time grows with the number of backups. The plan sorts once (n log n) and walks the list a few
// times; the expiry projection only plans over the kept set, so t(100k) / t(10k) should stay near n log n
// (12.5), not grow towards the quadratic 100.

namespace {

constexpr int kRepeats = 21;

// Automated backups at random times over eight years, plus 1 % manual ones; fixed seed, so runs compare.
QList<RetentionBackup> generate(int n, qint64 endMs)
{
    QRandomGenerator rng(20261126u + quint32(n));
    const qint64 span = qint64(8) * 365 * 86400 * 1000;
    QList<RetentionBackup> backups;
    backups.reserve(n);
    for (int i = 0; i < n; ++i) {
        const qint64 ms = endMs - qint64(rng.generateDouble() * double(span));
        const bool automated = rng.bounded(100) != 0;
        backups.append(RetentionBackup {QLatin1Char(automated ? 'a' : 'm') + QString::number(i), ms, automated, false});
    }
    return backups;
}

struct Measure
{
    double medianMs = 0;
    int kept = 0;
};

Measure measure(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs, RetentionPlanner::Expiry expiry)
{
    RetentionPlanner::plan(backups, policy, nowMs, expiry); // warm-up
    std::vector<double> times;
    int kept = 0;
    for (int r = 0; r < kRepeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        const RetentionPlan plan = RetentionPlanner::plan(backups, policy, nowMs, expiry);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        kept = plan.kept;
    }
    std::sort(times.begin(), times.end());
    return Measure {times[times.size() / 2], kept};
}

} // namespace

int main()
{
    QTextStream out(stdout);
    RetentionPolicy policy;
    policy.schedules = {Schedule {Interval {1, Interval::Unit::Day}, 7},
        Schedule {Interval {1, Interval::Unit::Week}, 4}, Schedule {Interval {1, Interval::Unit::Month}, 12}};
    policy.manualCount = 2;
    const qint64 nowMs = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

    out << "Policy 1d x7, 1w x4, 1M x12, manual 2; median of " << kRepeats << " runs after a warm-up\n";
    const int sizes[] = {10000, 100000};
    double projected[2] = {};
    for (int s = 0; s < 2; ++s) {
        const QList<RetentionBackup> backups = generate(sizes[s], nowMs - 8 * 3600 * 1000);
        const Measure withExpiry = measure(backups, policy, nowMs, RetentionPlanner::Expiry::Project);
        const Measure withoutExpiry = measure(backups, policy, nowMs, RetentionPlanner::Expiry::Skip);
        projected[s] = withExpiry.medianMs;
        out << QStringLiteral("n = %1: %2 ms with expiry projection (%3 ms without), %4 kept\n")
                   .arg(sizes[s], 6)
                   .arg(withExpiry.medianMs, 0, 'f', 2)
                   .arg(withoutExpiry.medianMs, 0, 'f', 2)
                   .arg(withExpiry.kept);
    }
    const double nLogN = 100000.0 * std::log(100000.0) / (10000.0 * std::log(10000.0));
    out << QStringLiteral("t(100k) / t(10k) = %1   (n log n: %2, linear: 10)\n")
               .arg(projected[1] / projected[0], 0, 'f', 2)
               .arg(nLogN, 0, 'f', 1);
    return 0;
}
