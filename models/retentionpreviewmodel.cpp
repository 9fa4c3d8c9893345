#include "retentionpreviewmodel.h"

#include "asynctask.h"
#include "displayformat.h"
#include "modelroles.h"
#include "retention/retentionplanner.h"
#include "retentionreasons.h"

#include <algorithm>
#include <QDateTime>

namespace {

bool samePlanned(const PlannedBackup& a, const PlannedBackup& b)
{
    return a.keep == b.keep && a.expiresAtMs == b.expiresAtMs && a.backup.createdAtMs == b.backup.createdAtMs
        && a.backup.automated == b.backup.automated && a.backup.isProtected == b.backup.isProtected
        && a.reasons == b.reasons;
}

} // namespace

RetentionPreviewModel::RetentionPreviewModel(QObject* parent)
    : KeyedTableModel(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &RetentionPreviewModel::startPlanning);
}

void RetentionPreviewModel::setBackups(const QList<Backup>& backups)
{
    if (backups == m_backups)
        return;
    m_backups = backups;
    inputsChanged();
}

void RetentionPreviewModel::setPolicy(const RetentionPolicy& policy)
{
    // The first policy is planned even when it is the default one (a type without schedule, no backups): the
    // simulation and the steady state have something to say about it too.
    if (policy == m_policy && m_policySet)
        return;
    m_policySet = true;
    m_policy = policy;
    m_policyValid = policy.validate().isEmpty();
    inputsChanged();
}

void RetentionPreviewModel::setNow(std::optional<qint64> nowMs)
{
    if (nowMs == m_nowMs)
        return;
    m_nowMs = nowMs;
    inputsChanged();
}

void RetentionPreviewModel::setDebounceInterval(int milliseconds)
{
    m_debounce.setInterval(std::max(0, milliseconds));
}

void RetentionPreviewModel::setSimulationEnabled(bool enabled)
{
    if (enabled == m_simulate)
        return;
    m_simulate = enabled;
    inputsChanged();
}

void RetentionPreviewModel::setSimulationSpan(SimulationSpan span)
{
    if (span == m_span)
        return;
    m_span = span;
    if (m_simulate)
        inputsChanged();
}

qint64 RetentionPreviewModel::spanEndMs(SimulationSpan span, qint64 nowMs)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    switch (span) {
    case SimulationSpan::EightWeeks:
        return now.addDays(8 * 7).toMSecsSinceEpoch();
    case SimulationSpan::SixMonths:
        return now.addMonths(6).toMSecsSinceEpoch();
    case SimulationSpan::TwoYears:
        return now.addYears(2).toMSecsSinceEpoch();
    }
    return nowMs;
}

void RetentionPreviewModel::inputsChanged()
{
    // Whatever is in flight now plans outdated inputs.
    ++m_generation;
    if (!m_policyValid) {
        m_debounce.stop();
        setComputing(false);
        return;
    }
    setComputing(true);
    m_debounce.start();
}

void RetentionPreviewModel::startPlanning()
{
    ++m_planningRuns;
    const quint64 generation = m_generation;
    const qint64 now = m_nowMs.value_or(QDateTime::currentMSecsSinceEpoch());
    AsyncTask::runThenCallback(
        [generation, backups = m_backups, policy = m_policy, now,
            span = m_simulate ? std::optional(m_span) : std::nullopt] {
            return compute(generation, backups, policy, now, span);
        },
        this, [this](Result result) { apply(std::move(result)); });
}

RetentionPreviewModel::Result RetentionPreviewModel::compute(quint64 generation, const QList<Backup>& backups,
    const RetentionPolicy& policy, qint64 nowMs, std::optional<SimulationSpan> span)
{
    Result result;
    result.generation = generation;
    result.policy = policy;
    QList<RetentionBackup> input;
    input.reserve(backups.size());
    result.backups.reserve(backups.size());
    for (const Backup& b : backups) {
        if (b.status == Backup::Status::Deleting || result.backups.contains(b.id))
            continue;
        input.append(RetentionBackup {b.id, b.createdAtMs, b.automated, b.isProtected(), b.isSafety()});
        result.backups.insert(b.id, b);
    }
    result.plan = RetentionPlanner::plan(input, policy, nowMs);
    if (const auto replaced = RetentionPlanner::manualBackupReplacedByNew(input, policy))
        result.replacedByNewManual = result.backups.value(replaced->id);
    result.steadyStateAutomated = RetentionPlanner::steadyStateAutomatedCount(policy, nowMs);
    if (span) {
        result.simulation = RetentionSimulation::run(input, policy, nowMs, spanEndMs(*span, nowMs));
        result.steadyState = RetentionSimulation::steadyState(input, policy, nowMs);
        RetentionSimulation::estimateStorage(result.steadyState, backups);
    }
    return result;
}

void RetentionPreviewModel::apply(Result result)
{
    if (result.generation != m_generation)
        return;
    syncRows(
        m_plan.backups, result.plan.backups, [](const PlannedBackup& p) { return p.backup.id; }, samePlanned);
    m_plan.nowMs = result.plan.nowMs;
    m_plan.kept = result.plan.kept;
    m_plan.deleted = result.plan.deleted;
    m_plannedPolicy = std::move(result.policy);
    m_planBackups = std::move(result.backups);
    m_replacedByNewManual = std::move(result.replacedByNewManual);
    m_steadyStateAutomated = result.steadyStateAutomated;
    m_simulation = std::move(result.simulation);
    m_steadyState = std::move(result.steadyState);
    setComputing(false);
    emit planReady();
}

void RetentionPreviewModel::setComputing(bool computing)
{
    if (computing == m_computing)
        return;
    m_computing = computing;
    emit computingChanged(computing);
}

QList<Backup> RetentionPreviewModel::deletedBackups() const
{
    QList<Backup> deleted;
    deleted.reserve(m_plan.deleted);
    for (const PlannedBackup& p : m_plan.backups) {
        if (!p.keep)
            deleted.append(m_planBackups.value(p.backup.id));
    }
    return deleted;
}

int RetentionPreviewModel::steadyStateCount() const
{
    const int count = m_steadyStateAutomated + m_plannedPolicy.manualCount;
    return m_plannedPolicy.maxBackups ? std::min(count, *m_plannedPolicy.maxBackups) : count;
}

Backup RetentionPreviewModel::backup(int row) const
{
    return m_planBackups.value(m_plan.backups.at(row).backup.id);
}

int RetentionPreviewModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_plan.backups.size(); ++i) {
        if (m_plan.backups.at(i).backup.id == id)
            return int(i);
    }
    return -1;
}

int RetentionPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_plan.backups.size());
}

int RetentionPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RetentionPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlannedBackup& p = m_plan.backups.at(index.row());
    switch (role) {
    case BackupIdRole:
        return p.backup.id;
    case DecisionRole:
        return p.keep;
    case ReasonsRole:
        return p.reasons;
    case ExpiresRole:
        return p.keep && p.expiresAtMs ? QVariant(*p.expiresAtMs) : QVariant();
    }

    switch (index.column()) {
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return DisplayFormat::localTime(p.backup.createdAtMs);
        if (role == Qt::ToolTipRole)
            return tr("%1 (backup %2)").arg(DisplayFormat::localTimeLong(p.backup.createdAtMs), p.backup.id);
        if (role == UnderlyingDataRole)
            return p.backup.createdAtMs;
        break;
    case KindColumn:
        if (role == Qt::DisplayRole)
            return p.backup.automated ? tr("Automated") : tr("Manual");
        if (role == Qt::ToolTipRole && p.backup.isProtected)
            return tr("Protected: always kept");
        if (role == UnderlyingDataRole)
            return int(p.backup.automated);
        break;
    case DecisionColumn:
        if (role == Qt::DisplayRole)
            return p.keep ? tr("Keep") : tr("Delete");
        if (role == UnderlyingDataRole)
            return int(p.keep);
        break;
    case ReasonsColumn:
        if (role == Qt::DisplayRole)
            return RetentionReasons::plain(p.reasons).join(QLatin1String(", "));
        if (role == UnderlyingDataRole)
            return p.reasons.join(QLatin1String(", "));
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const QString& reason : p.reasons)
                lines.append(RetentionReasons::withShortForm(reason));
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case ExpiresColumn:
        if (role == Qt::DisplayRole) {
            if (!p.keep)
                return tr("When applied");
            return p.expiresAtMs ? DisplayFormat::localTime(*p.expiresAtMs) : DisplayFormat::none();
        }
        if (role == Qt::ToolTipRole) {
            if (!p.keep)
                return tr("Applying the policy deletes this backup");
            return p.expiresAtMs ? tr("Deleted by the schedule at %1").arg(DisplayFormat::localTimeLong(*p.expiresAtMs))
                                 : tr("No projected expiry");
        }
        if (role == UnderlyingDataRole) {
            if (!p.keep)
                return m_plan.nowMs;
            return p.expiresAtMs ? QVariant(*p.expiresAtMs) : QVariant();
        }
        break;
    }
    return {};
}

QVariant RetentionPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case KindColumn:
        return tr("Kind");
    case DecisionColumn:
        return tr("Decision");
    case ReasonsColumn:
        return tr("Reasons");
    case ExpiresColumn:
        return tr("Expires");
    }
    return {};
}

QHash<int, QByteArray> RetentionPreviewModel::roleNames() const
{
    QHash<int, QByteArray> names = KeyedTableModel::roleNames();
    names.insert(BackupIdRole, "backupId");
    names.insert(UnderlyingDataRole, "underlyingData");
    names.insert(DecisionRole, "decision");
    names.insert(ReasonsRole, "reasons");
    names.insert(ExpiresRole, "expires");
    return names;
}
