#include "environmentlistmodel.h"

#include "displayformat.h"
#include "domain/timestamp.h"
#include "modelroles.h"
#include "retention/retentionplanner.h"

#include <algorithm>
#include <limits>
#include <QDateTime>

using Timestamp::floorDiv;

namespace {

bool byName(const Environment& a, const Environment& b)
{
    if (const int c = QString::compare(a.name, b.name, Qt::CaseInsensitive))
        return c < 0;
    if (const int c = QString::compare(a.name, b.name, Qt::CaseSensitive))
        return c < 0;
    return a.id < b.id;
}

bool schedulable(const Environment& environment)
{
    // Paused and dirty are passing states of an active environment; the scheduler waits for them.
    return environment.status != Environment::Status::Inactive && environment.status != Environment::Status::Deleting;
}

// QTimer counts in int milliseconds; waking up once a day at most is plenty for a clock shown in minutes.
constexpr qint64 kMaxTimerMs = 24 * 3600 * 1000;

} // namespace

EnvironmentListModel::EnvironmentListModel(QObject* parent)
    : KeyedTableModel(parent)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, NextBackupColumn), index(rowCount() - 1, NextBackupColumn));
        scheduleNextRefresh();
    });
}

void EnvironmentListModel::setEnvironments(const QList<Environment>& environments)
{
    const auto id = [](const Environment& e) { return e.id; };
    QList<Environment> next = uniqueByKey(environments, id);
    std::sort(next.begin(), next.end(), byName);
    syncRows(m_rows, next, id, [](const Environment& a, const Environment& b) { return a == b; });
    scheduleNextRefresh();
}

void EnvironmentListModel::setSettings(const ProjectSettings& settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, NextBackupColumn), index(rowCount() - 1, NextBackupColumn));
    scheduleNextRefresh();
}

void EnvironmentListModel::setNow(std::optional<qint64> nowMs)
{
    m_nowMs = nowMs;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, NextBackupColumn), index(rowCount() - 1, NextBackupColumn));
    scheduleNextRefresh();
}

int EnvironmentListModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

std::optional<qint64> EnvironmentListModel::nextAutomatedBackupMs(const Environment& environment) const
{
    if (!schedulable(environment))
        return std::nullopt;
    const std::optional<Interval> finest = RetentionPlanner::finestInterval(m_settings.policyFor(environment.type));
    if (!finest)
        return std::nullopt;
    const qint64 key = RetentionPlanner::bucketKey(floorDiv(now(), 1000), *finest);
    return RetentionPlanner::bucketStart(key + 1, *finest) * 1000;
}

int EnvironmentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvironmentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Environment& e = m_rows.at(index.row());
    if (role == EnvironmentRole)
        return e.id;

    switch (index.column()) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
            return e.title.isEmpty() || e.title == e.id ? e.id : tr("%1 (%2)").arg(e.title, e.id);
        case Qt::ToolTipRole:
            return e.parent ? tr("%1, branched from %2").arg(e.id, *e.parent) : e.id;
        case UnderlyingDataRole:
            return e.name;
        }
        break;
    case TypeColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return typeName(e.type);
        case UnderlyingDataRole:
            return int(e.type);
        }
        break;
    case StatusColumn:
        switch (role) {
        case Qt::DisplayRole:
            return statusName(e.status);
        case Qt::ToolTipRole:
            return e.isDirty ? tr("%1; an activity is pending or running").arg(statusName(e.status))
                             : statusName(e.status);
        case UnderlyingDataRole:
            return int(e.status);
        }
        break;
    case LastBackupColumn:
        switch (role) {
        case Qt::DisplayRole:
            return e.lastBackupAtMs ? DisplayFormat::localTime(*e.lastBackupAtMs) : DisplayFormat::none();
        case Qt::ToolTipRole:
            return e.lastBackupAtMs ? DisplayFormat::localTimeLong(*e.lastBackupAtMs) : tr("No backup yet");
        case UnderlyingDataRole:
            return e.lastBackupAtMs ? QVariant(*e.lastBackupAtMs) : QVariant();
        }
        break;
    case NextBackupColumn: {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != UnderlyingDataRole)
            break;
        const std::optional<qint64> next = nextAutomatedBackupMs(e);
        switch (role) {
        case Qt::DisplayRole:
            return next ? DisplayFormat::localTime(*next) : DisplayFormat::none();
        case Qt::ToolTipRole:
            return nextBackupToolTip(e);
        case UnderlyingDataRole:
            return next ? QVariant(*next) : QVariant();
        }
        break;
    }
    }
    return {};
}

QVariant EnvironmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == NextBackupColumn)
        return tr(
            "When the scheduler takes the next automated backup (the start of the finest schedule's next interval)");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case LastBackupColumn:
        return tr("Last backup");
    case NextBackupColumn:
        return tr("Next backup");
    }
    return {};
}

QHash<int, QByteArray> EnvironmentListModel::roleNames() const
{
    QHash<int, QByteArray> names = KeyedTableModel::roleNames();
    names.insert(EnvironmentRole, "environment");
    names.insert(UnderlyingDataRole, "underlyingData");
    return names;
}

QString EnvironmentListModel::typeName(EnvironmentType type)
{
    switch (type) {
    case EnvironmentType::Production:
        return tr("Production");
    case EnvironmentType::Staging:
        return tr("Staging");
    case EnvironmentType::Development:
        return tr("Development");
    }
    return {};
}

QString EnvironmentListModel::statusName(Environment::Status status)
{
    switch (status) {
    case Environment::Status::Active:
        return tr("Active");
    case Environment::Status::Inactive:
        return tr("Inactive");
    case Environment::Status::Paused:
        return tr("Paused");
    case Environment::Status::Dirty:
        return tr("Busy");
    case Environment::Status::Deleting:
        return tr("Being deleted");
    }
    return {};
}

qint64 EnvironmentListModel::now() const
{
    return m_nowMs ? *m_nowMs : QDateTime::currentMSecsSinceEpoch();
}

QString EnvironmentListModel::nextBackupToolTip(const Environment& environment) const
{
    if (!schedulable(environment))
        return tr("Only active environments are backed up automatically.");
    const std::optional<Interval> finest = RetentionPlanner::finestInterval(m_settings.policyFor(environment.type));
    if (!finest)
        return tr("The %1 retention policy has no schedule, so no backup is taken automatically.")
            .arg(typeName(environment.type).toLower());
    const std::optional<qint64> next = nextAutomatedBackupMs(environment);
    return tr("%1: at the start of every %2 bucket (UTC)").arg(DisplayFormat::localTimeLong(*next), finest->label());
}

void EnvironmentListModel::scheduleNextRefresh()
{
    m_refreshTimer.stop();
    if (m_nowMs)
        return;
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Environment& e : std::as_const(m_rows)) {
        if (const auto next = nextAutomatedBackupMs(e))
            earliest = std::min(earliest, *next);
    }
    if (earliest == std::numeric_limits<qint64>::max())
        return;
    const qint64 wait = std::clamp<qint64>(earliest - QDateTime::currentMSecsSinceEpoch() + 1000, 1000, kMaxTimerMs);
    m_refreshTimer.start(int(wait));
}
