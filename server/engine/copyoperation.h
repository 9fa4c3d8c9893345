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

    void start() override;
    void cancel() override;

    // After the run: primary snapshot id → copy snapshot id, for every snapshot the copy holds.
    const QHash<QString, QString>& copied() const { return m_copied; }
    const QStringList& forgotten() const { return m_forgotten; }
    QString error() const { return m_error; }

private:
    void unlock();
    void copy();
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
    QHash<QString, QString> m_copied;
    QStringList m_forgotten;
    QString m_error;
};
