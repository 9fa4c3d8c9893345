#include "retentionplanner.h"

#include "domain/timestamp.h"

#include <algorithm>
#include <vector>

using Timestamp::civilFromDays;
using Timestamp::daysFromCivil;
using Timestamp::floorDiv;

namespace {

struct Item
{
    qint64 ms = 0;
    qint64 secs = 0;
    QString id;
    bool automated = false;
    bool isProtected = false;
    bool simulated = false;
    int source = -1; // index into the plan's list, -1 for a simulated backup
};

// The spec orders ids by their bytes (UTF-8), i.e. by code point. QString compares UTF-16 code units, which differs
// when a surrogate (U+10000 and up) meets U+E000..U+FFFF; moving surrogates above that range fixes it.
bool idGreater(const QString& a, const QString& b)
{
    const auto rank = [](char16_t c) { return c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : int(c); };
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a.at(i).unicode();
        const char16_t y = b.at(i).unicode();
        if (x != y)
            return rank(x) > rank(y);
    }
    return a.size() > b.size();
}

// Newest first; at equal times a simulated backup is the newer, then ids descending.
bool newerFirst(const Item& a, const Item& b)
{
    if (a.ms != b.ms)
        return a.ms > b.ms;
    if (a.simulated != b.simulated)
        return a.simulated;
    return idGreater(a.id, b.id);
}

struct Outcome
{
    std::vector<char> keep;
    std::vector<QStringList> reasons; // empty when reasons were not asked for
};

// Steps 2–9 of the plan over items already in plan order.
Outcome planSorted(const std::vector<Item>& items, const RetentionPolicy& policy, bool withReasons)
{
    const size_t n = items.size();
    Outcome out;
    out.keep.assign(n, 0);
    if (withReasons)
        out.reasons.assign(n, {});
    auto keepWith = [&](size_t i, const QString& reason) {
        out.keep[i] = 1;
        if (withReasons)
            out.reasons[i].append(reason);
    };

    std::vector<size_t> automated;
    std::vector<size_t> manual;
    automated.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (items[i].isProtected)
            keepWith(i, QStringLiteral("protected"));
        else if (items[i].automated)
            automated.push_back(i);
        else
            manual.push_back(i);
    }

    if (policy.schedules.isEmpty()) {
        const QString reason = QStringLiteral("no schedule");
        for (size_t a : automated)
            keepWith(a, reason);
    } else {
        for (const Schedule& schedule : policy.schedules) {
            const QString label = schedule.interval.label();
            const QString suffix = QLatin1Char('/') + QString::number(schedule.count);
            int buckets = 0;
            qint64 previousKey = 0;
            bool keptOldest = false;
            for (size_t a : automated) {
                const qint64 key = RetentionPlanner::bucketKey(items[a].secs, schedule.interval);
                if (buckets > 0 && key == previousKey)
                    continue;
                previousKey = key;
                if (++buckets > schedule.count)
                    break;
                keepWith(a, withReasons ? label + QLatin1String(" #") + QString::number(buckets) + suffix : QString());
                keptOldest = a == automated.back();
            }
            if (buckets < schedule.count && !automated.empty() && !keptOldest)
                keepWith(automated.back(), withReasons ? label + QLatin1String(" oldest") : QString());
        }
        if (withReasons) {
            const QString reason = QStringLiteral("not kept by schedule");
            for (size_t a : automated) {
                if (!out.keep[a])
                    out.reasons[a].append(reason);
            }
        }
    }

    const QString manualSuffix = QLatin1Char('/') + QString::number(policy.manualCount);
    const QString manualLimit = QLatin1String("manual limit ") + QString::number(policy.manualCount);
    for (size_t i = 0; i < manual.size(); ++i) {
        if (int(i) < policy.manualCount) {
            keepWith(
                manual[i], withReasons ? QLatin1String("manual #") + QString::number(i + 1) + manualSuffix : QString());
        } else if (withReasons) {
            out.reasons[manual[i]].append(manualLimit);
        }
    }

    if (policy.maxBackups) {
        const qsizetype cap = *policy.maxBackups;
        qsizetype keptCount = 0;
        std::optional<size_t> newest;
        for (size_t i = 0; i < n; ++i) {
            if (items[i].isProtected)
                continue;
            if (!newest)
                newest = i;
            keptCount += out.keep[i];
        }
        const QString evicted = QLatin1String("max_backups ") + QString::number(cap);
        auto evictFrom = [&](const std::vector<size_t>& group) {
            for (auto it = group.rbegin(); it != group.rend() && keptCount > cap; ++it) {
                if (!out.keep[*it] || *it == newest)
                    continue;
                out.keep[*it] = 0;
                --keptCount;
                if (withReasons)
                    out.reasons[*it] = QStringList {evicted};
            }
        };
        evictFrom(automated);
        evictFrom(manual);
    }
    return out;
}

qint64 stepLimit(const RetentionPolicy& policy, const Interval& finest)
{
    qint64 longest = 0;
    for (const Schedule& s : policy.schedules)
        longest = std::max(longest, s.interval.nominalSeconds() * (s.count + 1));
    return std::min<qint64>(10000, longest / finest.nominalSeconds() + 2);
}

} // namespace

qint64 RetentionPlanner::bucketKey(qint64 s, const Interval& interval)
{
    const qint64 k = interval.multiplier;
    switch (interval.unit) {
    case Interval::Unit::Hour:
        return floorDiv(s, 3600 * k);
    case Interval::Unit::Day:
        return floorDiv(floorDiv(s, 86400), k);
    case Interval::Unit::Week:
        return floorDiv(floorDiv(s, 86400) - 4, 7 * k);
    case Interval::Unit::Month: {
        qint64 year, month, day;
        civilFromDays(floorDiv(s, 86400), year, month, day);
        return floorDiv(12 * year + month - 1, k);
    }
    case Interval::Unit::Year: {
        qint64 year, month, day;
        civilFromDays(floorDiv(s, 86400), year, month, day);
        return floorDiv(year, k);
    }
    }
    return 0;
}

qint64 RetentionPlanner::bucketStart(qint64 key, const Interval& interval)
{
    const qint64 k = interval.multiplier;
    switch (interval.unit) {
    case Interval::Unit::Hour:
        return key * 3600 * k;
    case Interval::Unit::Day:
        return key * k * 86400;
    case Interval::Unit::Week:
        return (key * 7 * k + 4) * 86400;
    case Interval::Unit::Month: {
        const qint64 monthIndex = key * k;
        const qint64 year = floorDiv(monthIndex, 12);
        const qint64 month = monthIndex - 12 * year + 1;
        return daysFromCivil(year, month, 1) * 86400;
    }
    case Interval::Unit::Year:
        return daysFromCivil(key * k, 1, 1) * 86400;
    }
    return 0;
}

qint64 RetentionPlanner::projectionSteps(const RetentionPolicy& policy)
{
    const std::optional<Interval> finest = finestInterval(policy);
    return finest ? stepLimit(policy, *finest) : 0;
}

std::optional<Interval> RetentionPlanner::finestInterval(const RetentionPolicy& policy)
{
    std::optional<Interval> finest;
    for (const Schedule& s : policy.schedules) {
        if (!finest || s.interval.nominalSeconds() < finest->nominalSeconds())
            finest = s.interval;
    }
    return finest;
}

RetentionPlan RetentionPlanner::plan(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy, qint64 nowMs, Expiry expiry)
{
    // Step 2: a safety backup that is not protected takes no part in the steps: kept (with its expiry) for
    // kSafetyDays after its creation, deleted from then on. Set aside here and merged back in plan order.
    std::vector<Item> items;
    std::vector<Item> safety;
    items.reserve(backups.size());
    for (const RetentionBackup& b : backups) {
        Item item {b.createdAtMs, floorDiv(b.createdAtMs, 1000), b.id, b.automated, b.isProtected, false, -1};
        if (b.isSafety && !b.isProtected)
            safety.push_back(item);
        else
            items.push_back(item);
    }
    std::sort(items.begin(), items.end(), newerFirst);
    std::sort(safety.begin(), safety.end(), newerFirst);

    const Outcome outcome = planSorted(items, policy, true);

    RetentionPlan plan;
    plan.nowMs = nowMs;
    plan.backups.reserve(qsizetype(items.size() + safety.size()));
    size_t nextSafety = 0;
    const auto appendSafety = [&](const Item& it) {
        const qint64 until = it.secs * 1000 + kSafetyDays * 86400 * 1000LL;
        const bool keep = nowMs < until;
        const QString reason
            = keep ? QLatin1String("safety until ") + Timestamp::formatMsecs(until) : QStringLiteral("safety expired");
        plan.backups.append(PlannedBackup {RetentionBackup {it.id, it.ms, it.automated, false, true}, keep,
            QStringList {reason}, keep ? std::optional<qint64>(until) : std::nullopt});
        keep ? ++plan.kept : ++plan.deleted;
    };
    for (size_t i = 0; i < items.size(); ++i) {
        while (nextSafety < safety.size() && newerFirst(safety[nextSafety], items[i]))
            appendSafety(safety[nextSafety++]);
        items[i].source = int(plan.backups.size()); // the simulation below reports expiry through it
        const Item& it = items[i];
        plan.backups.append(PlannedBackup {RetentionBackup {it.id, it.ms, it.automated, it.isProtected},
            bool(outcome.keep[i]), outcome.reasons[i], std::nullopt});
        if (outcome.keep[i])
            ++plan.kept;
        else
            ++plan.deleted;
    }
    while (nextSafety < safety.size())
        appendSafety(safety[nextSafety++]);

    const std::optional<Interval> finest = finestInterval(policy);
    if (expiry == Expiry::Skip || !finest)
        return plan;

    // Projected expiry: add one simulated automated backup at the start of every finest bucket after now
    // and plan again over what is still kept. Protected backups take no part and never expire.
    std::vector<Item> current;
    int unresolved = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!outcome.keep[i] || items[i].isProtected)
            continue;
        current.push_back(items[i]);
        // Without a cap nothing but a newer manual backup deletes a manual one, and the simulation adds none.
        if (items[i].automated || policy.maxBackups)
            ++unresolved;
    }
    const qint64 limit = stepLimit(policy, *finest);
    const qint64 nowKey = bucketKey(floorDiv(nowMs, 1000), *finest);
    for (qint64 step = 1; step <= limit && unresolved > 0; ++step) {
        const qint64 at = bucketStart(nowKey + step, *finest);
        Item simulated {at * 1000, at, QString(), true, false, true, -1};
        current.insert(std::upper_bound(current.begin(), current.end(), simulated, newerFirst), simulated);
        const Outcome next = planSorted(current, policy, false);
        std::vector<Item> survivors;
        survivors.reserve(current.size());
        for (size_t i = 0; i < current.size(); ++i) {
            if (next.keep[i]) {
                survivors.push_back(std::move(current[i]));
            } else if (current[i].source >= 0) {
                PlannedBackup& planned = plan.backups[current[i].source];
                planned.expiresAtMs = at * 1000;
                if (planned.backup.automated || policy.maxBackups)
                    --unresolved;
            }
        }
        current.swap(survivors);
    }
    return plan;
}

std::optional<RetentionBackup> RetentionPlanner::manualBackupReplacedByNew(
    const QList<RetentionBackup>& backups, const RetentionPolicy& policy)
{
    if (policy.manualCount <= 0)
        return std::nullopt;
    std::vector<Item> manual;
    for (const RetentionBackup& b : backups) {
        if (!b.automated && !b.isProtected && !b.isSafety)
            manual.push_back(Item {b.createdAtMs, floorDiv(b.createdAtMs, 1000), b.id, false, false, false, -1});
    }
    if (qsizetype(manual.size()) < policy.manualCount)
        return std::nullopt;
    // A new manual backup is the newest; the manual backup now at position manual_count drops out.
    std::sort(manual.begin(), manual.end(), newerFirst);
    const Item& out = manual[size_t(policy.manualCount) - 1];
    return RetentionBackup {out.id, out.ms, false, false};
}

int RetentionPlanner::steadyStateAutomatedCount(const RetentionPolicy& policy, qint64 nowMs)
{
    const std::optional<Interval> finest = finestInterval(policy);
    if (!finest)
        return 0;
    const qint64 limit = stepLimit(policy, *finest);
    const qint64 nowKey = bucketKey(floorDiv(nowMs, 1000), *finest);
    std::vector<Item> current;
    for (qint64 step = 1; step <= limit; ++step) {
        const qint64 at = bucketStart(nowKey + step, *finest);
        current.insert(current.begin(), Item {at * 1000, at, QString(), true, false, true, -1});
        const Outcome next = planSorted(current, policy, false);
        std::vector<Item> survivors;
        for (size_t i = 0; i < current.size(); ++i) {
            if (next.keep[i])
                survivors.push_back(std::move(current[i]));
        }
        current.swap(survivors);
    }
    return int(current.size());
}
