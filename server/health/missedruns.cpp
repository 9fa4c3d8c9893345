#include "missedruns.h"

#include "domain/timestamp.h"
#include "retention/retentionplanner.h"

#include <algorithm>

qint64 MissedRuns::windowMs(const Interval& finest)
{
    return std::max<qint64>(7 * 86400LL * 1000, 3 * finest.nominalSeconds() * 1000);
}

MissedRuns MissedRuns::find(
    const Interval& finest, qint64 fromMs, qint64 nowMs, const QList<qint64>& startedAtMs, const QList<ServerRun>& runs)
{
    MissedRuns missed;
    if (fromMs >= nowMs)
        return missed;
    QList<qint64> started = startedAtMs;
    std::sort(started.begin(), started.end());
    const qint64 firstKey = RetentionPlanner::bucketKey(Timestamp::floorDiv(fromMs, 1000), finest);
    const qint64 currentKey = RetentionPlanner::bucketKey(Timestamp::floorDiv(nowMs, 1000), finest);
    for (qint64 key = firstKey; key < currentKey; ++key) {
        const qint64 startMs = RetentionPlanner::bucketStart(key, finest) * 1000;
        const qint64 endMs = RetentionPlanner::bucketStart(key + 1, finest) * 1000;
        if (startMs < fromMs)
            continue; // only partly in the window: the environment or the records may not have existed then
        const auto first = std::lower_bound(started.cbegin(), started.cend(), startMs);
        if (first != started.cend() && *first < endMs)
            continue;
        bool ran = false;
        bool scheduled = false;
        for (const ServerRun& run : runs) {
            if (run.startedAtMs < endMs && run.lastSeenAtMs >= startMs) {
                ran = true;
                scheduled = scheduled || run.scheduler;
            }
        }
        if (!ran)
            ++missed.whileDown;
        else if (!scheduled)
            ++missed.withoutScheduler;
        else
            ++missed.otherwise;
    }
    return missed;
}
