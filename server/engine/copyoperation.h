#pragma once

#include "activities/operation.h"

#include <functional>
#include <QHash>
#include <QPointer>
#include <QStringList>

class ResticJob;
class ResticRepository;

// Copies backups of the primary repository to one copy target (restic copy), creating the copy's repository with
// the primary's chunker parameters on first use so that its data deduplicates the same way, then applies the copy's
// own retention (forgets there what its plan does not keep, and prunes). An unreachable target fails this operation
// only; the backups stay pending for the next run.
class CopyOperation : public Operation
{
    Q_OBJECT

public:
    // Given the copy's snapshots (primary snapshot id → copy snapshot id), the copy snapshots to forget.
    using RetentionPlan = std::function<QStringList(const QHash<QString, QString>& copied)>;

    CopyOperation(ResticRepository& primary, ResticRepository& copy, const QString& copyName,
        const QStringList& snapshotIds, QObject* parent = nullptr);

    void setRetentionPlan(RetentionPlan plan) { m_plan = std::move(plan); }
    // A file that records the location of a copy that was opened before: a later run then copies at once (one restic
    // start fewer), and opens (or creates) the copy only if the copy fails.
    void setOpenedMarker(const QString& path) { m_openedMarker = path; }

    void start() override;
    void cancel() override;

    // After the run: primary snapshot id → copy snapshot id. With a retention plan, for every snapshot the copy
    // holds (listed with `restic snapshots`); without one, for the snapshots this run was given, learned from
    // `restic copy`'s own output (the copy's id in full when the copy is local, else restic's short id).
    const QHash<QString, QString>& copied() const { return m_copied; }
    const QStringList& forgotten() const { return m_forgotten; }
    QString error() const { return m_error; }

private:
    // Opens the copy (creating it on first use), then `next`.
    void open(std::function<void()> next);
    // Removes stale locks (of restic runs that no longer exist), then `next`.
    void unlock(std::function<void()> next);
    bool openedBefore() const;
    void copy();
    // Learns from what `restic copy` printed (for each snapshot it was given: "snapshot <id> saved" after it, or
    // "skipping source snapshot <id>, was already copied to snapshot <id>") which copy snapshot holds each requested
    // one, so that no `restic snapshots` run is needed. False when the output does not name every requested snapshot
    // once (another restic's words, output cut short): the copy's snapshots are then listed as before.
    bool learnCopied(const QString& output);
    void list();
    void applyRetention();
    void prune();
    void fail(const QString& message);
    void succeed();
    ResticJob* track(ResticJob* job);

    ResticRepository& m_primary;
    ResticRepository& m_copy;
    QString m_name;
    QStringList m_snapshotIds;
    RetentionPlan m_plan;
    bool m_cancelled = false;
    bool m_finished = false;
    QPointer<ResticJob> m_job;
    QString m_openedMarker;
    bool m_opened = false; // opened in this run
    bool m_unlocked = false; // stale locks removed in this run
    int m_resticRuns = 0; // restic processes this run started
    QHash<QString, QString> m_copied;
    QStringList m_forgotten;
    QString m_error;
};
