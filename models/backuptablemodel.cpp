#include "backuptablemodel.h"

#include "displayformat.h"
#include "modelroles.h"
#include "retentionreasons.h"

#include <algorithm>

namespace {

bool newestFirst(const Backup& a, const Backup& b)
{
    if (a.createdAtMs != b.createdAtMs)
        return a.createdAtMs > b.createdAtMs;
    return a.id > b.id;
}

constexpr int kCommitChars = 12;

} // namespace

BackupTableModel::BackupTableModel(QObject* parent)
    : KeyedTableModel(parent)
{ }

void BackupTableModel::setBackups(const QList<Backup>& backups)
{
    const auto id = [](const Backup& b) { return b.id; };
    QList<Backup> next = uniqueByKey(backups, id);
    std::sort(next.begin(), next.end(), newestFirst);
    syncRows(m_rows, next, id, [](const Backup& a, const Backup& b) { return a == b; });
}

void BackupTableModel::setPlan(const RetentionPlan& plan)
{
    QHash<QString, Decision> decisions;
    decisions.reserve(plan.backups.size());
    for (const PlannedBackup& p : plan.backups)
        decisions.insert(p.backup.id, Decision {p.keep, p.reasons, p.keep ? p.expiresAtMs : std::nullopt});
    applyDecisions(std::move(decisions), plan.nowMs);
}

void BackupTableModel::setPausesRecorded(bool recorded)
{
    if (recorded == m_pausesRecorded)
        return;
    m_pausesRecorded = recorded;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, ModeColumn), index(rowCount() - 1, ModeColumn));
}

void BackupTableModel::clearPlan()
{
    applyDecisions({}, 0);
}

void BackupTableModel::applyDecisions(QHash<QString, Decision> decisions, qint64 planNowMs)
{
    const bool nowChanged = planNowMs != m_planNowMs;
    QList<int> changed;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const QString& id = m_rows.at(row).id;
        const auto before = m_decisions.constFind(id);
        const auto after = decisions.constFind(id);
        const bool hadOne = before != m_decisions.constEnd();
        const bool hasOne = after != decisions.constEnd();
        // "Deleted at the next pruning" is dated by the plan's now, so a new now changes those rows too.
        if (hadOne != hasOne || (hasOne && (*before != *after || (nowChanged && !after->keep))))
            changed.append(int(row));
    }
    m_decisions = std::move(decisions);
    m_planNowMs = planNowMs;
    static_assert(ExpiresColumn + 1 == WhyKeptColumn, "one dataChanged covers both planned columns");
    emitRowsChanged(changed, ExpiresColumn, WhyKeptColumn);
}

int BackupTableModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int BackupTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BackupTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Backup& b = m_rows.at(index.row());
    const auto found = m_decisions.constFind(b.id);
    const Decision* decision = found != m_decisions.constEnd() ? &*found : nullptr;

    switch (role) {
    case BackupIdRole:
        return b.id;
    case DecisionRole:
        return decision ? QVariant(decision->keep) : QVariant();
    case ReasonsRole:
        return decision ? QVariant(decision->reasons) : QVariant();
    case ExpiresRole:
        return expiresData(b, decision, UnderlyingDataRole);
    }

    switch (index.column()) {
    case CreatedColumn:
        return createdData(b, role);
    case KindColumn:
        if (role == Qt::DisplayRole)
            return b.isSafety() ? tr("Safety") : b.automated ? tr("Automated") : tr("Manual");
        if (role == Qt::ToolTipRole)
            return b.isSafety()
                ? tr("Taken before restore %1 so that it can be undone; kept for 7 days").arg(b.safetyFor())
                : b.automated ? tr("Taken by the schedule")
                              : tr("Taken by a person or a script");
        if (role == UnderlyingDataRole)
            return b.isSafety() ? 2 : int(b.automated);
        break;
    case ModeColumn: {
        bool known = false;
        const qint64 pauseMs = b.attributes.value(QStringLiteral("pause_ms")).toLongLong(&known);
        const bool paused = known && pauseMs >= 0;
        if (role == Qt::DisplayRole)
            return !b.safe                    ? tr("Live")
                : paused || !m_pausesRecorded ? tr("Consistent")
                                              : tr("Consistent (no pause hook)");
        if (role == Qt::ToolTipRole) {
            if (!b.safe)
                return tr("Taken while the environment kept running");
            if (paused) {
                return tr("Taken with the environment paused for %1: data is consistent")
                    .arg(DisplayFormat::duration(pauseMs));
            }
            if (m_pausesRecorded)
                return tr("Asked for as consistent, but the environment has no pause hook, so it kept running: "
                          "the databases are consistent copies, files that changed while they were read may not be. "
                          "Set a pause hook on the server to pause it.");
            return tr("Taken with the environment paused briefly: data is consistent");
        }
        if (role == UnderlyingDataRole)
            return int(b.safe);
        break;
    }
    case SizeColumn:
        return sizeData(b, role);
    case CommitColumn:
        if (role == Qt::DisplayRole)
            return b.commitId.left(kCommitChars);
        if (role == Qt::ToolTipRole)
            return b.commitId.isEmpty() ? tr("No code revision was recorded") : b.commitId;
        if (role == UnderlyingDataRole)
            return b.commitId;
        break;
    case ExpiresColumn:
        return expiresData(b, decision, role);
    case WhyKeptColumn:
        return whyKeptData(decision, role);
    case CopiesColumn:
        return copiesData(b, role);
    case NoteColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == UnderlyingDataRole)
            return b.attributes.value(QStringLiteral("note"));
        break;
    case ProtectedColumn:
        if (role == Qt::CheckStateRole)
            return b.isProtected() ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return b.isProtected() ? tr("Protected: never deleted, not even by the retention policy")
                                   : tr("Not protected");
        if (role == UnderlyingDataRole)
            return int(b.isProtected());
        break;
    }
    return {};
}

QVariant BackupTableModel::createdData(const Backup& b, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return DisplayFormat::localTime(b.createdAtMs);
    case Qt::ToolTipRole:
        if (b.status == Backup::Status::Deleting)
            return tr("%1 (backup %2), being deleted").arg(DisplayFormat::localTimeLong(b.createdAtMs), b.id);
        return tr("%1 (backup %2)").arg(DisplayFormat::localTimeLong(b.createdAtMs), b.id);
    case UnderlyingDataRole:
        return b.createdAtMs;
    }
    return {};
}

QVariant BackupTableModel::sizeData(const Backup& b, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (!b.sizeOfVolumes)
            return QString();
        // What the backup holds, and beside it what it added to the repository (restic's data_added).
        if (b.sizeUsed)
            return tr("%1 (+%2)").arg(DisplayFormat::dataSize(*b.sizeOfVolumes), DisplayFormat::dataSize(*b.sizeUsed));
        return DisplayFormat::dataSize(*b.sizeOfVolumes);
    case Qt::ToolTipRole:
        if (!b.sizeOfVolumes)
            return tr("Size unknown");
        if (b.sizeUsed)
            return tr("%1 captured, %2 newly stored")
                .arg(DisplayFormat::dataSize(*b.sizeOfVolumes), DisplayFormat::dataSize(*b.sizeUsed));
        return tr("%1 captured").arg(DisplayFormat::dataSize(*b.sizeOfVolumes));
    case UnderlyingDataRole:
        return b.sizeOfVolumes ? QVariant(*b.sizeOfVolumes) : QVariant();
    }
    return {};
}

QVariant BackupTableModel::copiesData(const Backup& b, int role) const
{
    if (!b.copies || b.copies->isEmpty())
        return {};
    const QList<BackupCopy>& copies = *b.copies;
    const int copied = int(std::count_if(
        copies.begin(), copies.end(), [](const BackupCopy& c) { return c.status == BackupCopy::Status::Copied; }));
    const int failed = int(std::count_if(
        copies.begin(), copies.end(), [](const BackupCopy& c) { return c.status == BackupCopy::Status::Failed; }));
    switch (role) {
    case Qt::DisplayRole: {
        const QString on = tr("on %1 of %n copies", "", int(copies.size())).arg(copied);
        return failed > 0 ? tr("%1, %n failed", "", failed).arg(on) : on;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const BackupCopy& c : copies) {
            switch (c.status) {
            case BackupCopy::Status::Copied:
                lines.append(c.copiedAtMs
                        ? tr("%1: copied at %2").arg(c.name, DisplayFormat::localTimeLong(*c.copiedAtMs))
                        : tr("%1: copied").arg(c.name));
                break;
            case BackupCopy::Status::Pending:
                lines.append(tr("%1: waiting for the next copy").arg(c.name));
                break;
            case BackupCopy::Status::Failed:
                lines.append(tr("%1: the last copy failed: %2").arg(c.name, c.error));
                break;
            case BackupCopy::Status::Pruned:
                lines.append(tr("%1: removed by the copy's own retention").arg(c.name));
                break;
            }
        }
        return lines.join(QLatin1Char('\n'));
    }
    case UnderlyingDataRole:
        return copied;
    }
    return {};
}

QVariant BackupTableModel::expiresData(const Backup& b, const Decision* decision, int role) const
{
    if (b.status == Backup::Status::Deleting) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return tr("Being deleted");
        return role == UnderlyingDataRole ? QVariant(qint64(0)) : QVariant();
    }
    // A plan that deletes the backup means the next pruning removes it.
    if (decision && !decision->keep) {
        if (role == Qt::DisplayRole)
            return tr("Next pruning");
        if (role == Qt::ToolTipRole)
            return tr("The retention policy no longer keeps this backup");
        return role == UnderlyingDataRole ? QVariant(m_planNowMs) : QVariant();
    }
    const std::optional<qint64> expires = decision ? decision->expiresAtMs : b.expiresAtMs;
    switch (role) {
    case Qt::DisplayRole:
        return expires ? DisplayFormat::localTime(*expires) : DisplayFormat::none();
    case Qt::ToolTipRole:
        if (expires)
            return tr("Deleted by the schedule at %1 unless the policy changes")
                .arg(DisplayFormat::localTimeLong(*expires));
        return b.automated ? tr("No projected expiry") : tr("Kept until newer manual backups replace it");
    case UnderlyingDataRole:
        return expires ? QVariant(*expires) : QVariant();
    }
    return {};
}

QVariant BackupTableModel::whyKeptData(const Decision* decision, int role) const
{
    if (!decision)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QString words = RetentionReasons::plain(decision->reasons).join(QLatin1String(", "));
        return decision->keep ? words : tr("Not kept: %1").arg(words);
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const QString& reason : decision->reasons)
            lines.append(RetentionReasons::withShortForm(reason));
        return decision->keep ? tr("Kept by the retention policy:\n%1").arg(lines.join(QLatin1Char('\n')))
                              : tr("The retention policy deletes this backup:\n%1").arg(lines.join(QLatin1Char('\n')));
    }
    case UnderlyingDataRole:
        return decision->reasons.join(QLatin1String(", ")); // the short forms sort by schedule, then rank
    }
    return {};
}

QVariant BackupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == WhyKeptColumn)
        return tr("Which rule of the retention policy keeps each backup. The filter also finds the short forms "
                  "the command line uses, such as 1d #1/7 for daily #1 of 7.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case KindColumn:
        return tr("Kind");
    case ModeColumn:
        return tr("Mode");
    case SizeColumn:
        return tr("Size");
    case CommitColumn:
        return tr("Commit");
    case ExpiresColumn:
        return tr("Expires");
    case WhyKeptColumn:
        return tr("Why kept");
    case CopiesColumn:
        return tr("Copies");
    case NoteColumn:
        return tr("Note");
    case ProtectedColumn:
        return tr("Protected");
    }
    return {};
}

QHash<int, QByteArray> BackupTableModel::roleNames() const
{
    QHash<int, QByteArray> names = KeyedTableModel::roleNames();
    names.insert(BackupIdRole, "backupId");
    names.insert(UnderlyingDataRole, "underlyingData");
    names.insert(DecisionRole, "decision");
    names.insert(ReasonsRole, "reasons");
    names.insert(ExpiresRole, "expires");
    return names;
}
