#pragma once

#include "domain/retentionpolicy.h"
#include "store/store.h"

#include <QList>

// Scheduled runs that did not happen: the complete buckets of an environment's finest schedule in a recent window
// in which no automated backup was started, each with why as far as tidemarkd's recorded runs tell.
struct MissedRuns
{
    int whileDown = 0; // tidemarkd was not running at any time in the bucket
    int withoutScheduler = 0; // it ran, but without its scheduler (--no-scheduler)
    int otherwise = 0; // it ran with its scheduler and still took none (the environment was inactive, say)

    int total() const { return whileDown + withoutScheduler + otherwise; }

    // How far back missed runs count: a week, or three buckets of a coarser schedule.
    static qint64 windowMs(const Interval& finest);

    // The buckets of `finest` that lie wholly in [fromMs, nowMs) and hold none of `startedAtMs` (when automated
    // backups were started), classified against `runs` (tidemarkd's runs, in any order). The bucket that is going on
    // does not count: the scheduler may still take its backup.
    static MissedRuns find(const Interval& finest, qint64 fromMs, qint64 nowMs, const QList<qint64>& startedAtMs,
        const QList<ServerRun>& runs);
};
