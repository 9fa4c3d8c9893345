#include "scheduledraftmodel.h"

#include "modelroles.h"

#include <limits>
#include <QRegularExpression>

namespace {

constexpr Interval::Unit kUnits[]
    = {Interval::Unit::Hour, Interval::Unit::Day, Interval::Unit::Week, Interval::Unit::Month, Interval::Unit::Year};

// Which schedule addRow() proposes, in order of preference.
const Schedule kSuggestions[] = {
    {{1, Interval::Unit::Day}, 7},
    {{1, Interval::Unit::Week}, 4},
    {{1, Interval::Unit::Month}, 12},
    {{1, Interval::Unit::Year}, 2},
    {{1, Interval::Unit::Hour}, 24},
};

// Only whole numbers of an integer type (or digits in a string) are numbers here: a spin box sends int, and a
// double or a bool reaching this model is a bug in the caller, not a value to round.
std::optional<int> integerFrom(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
            return std::nullopt;
        return int(v);
    }
    case QMetaType::QString: {
        bool ok = false;
        const int v = value.toString().trimmed().toInt(&ok);
        return ok ? std::optional<int>(v) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<Interval::Unit> unitFrom(const QVariant& value)
{
    if (value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QChar) {
        const QString text = value.toString();
        if (text.size() != 1)
            return std::nullopt;
        const auto parsed = Interval::parse(text);
        return parsed ? std::optional(parsed->unit) : std::nullopt;
    }
    if (const auto i = integerFrom(value); i && *i >= 0 && *i < int(std::size(kUnits)))
        return kUnits[*i];
    return std::nullopt;
}

int unitIndex(Interval::Unit unit)
{
    for (int i = 0; i < int(std::size(kUnits)); ++i) {
        if (kUnits[i] == unit)
            return i;
    }
    return 0;
}

QString unitChar(Interval::Unit unit)
{
    return Interval {1, unit}.label().right(1);
}

} // namespace

ScheduleDraftModel::ScheduleDraftModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    revalidate();
}

void ScheduleDraftModel::setPolicy(const RetentionPolicy& policy)
{
    beginResetModel();
    m_loaded = policy;
    m_schedules = policy.schedules;
    m_manualCount = policy.manualCount;
    m_maxBackups = policy.maxBackups;
    m_problems = QList<Row>(m_schedules.size());
    endResetModel();
    revalidate();
}

std::optional<RetentionPolicy> ScheduleDraftModel::policy() const
{
    if (!isValid())
        return std::nullopt;
    return draftPolicy();
}

RetentionPolicy ScheduleDraftModel::draftPolicy() const
{
    RetentionPolicy policy;
    policy.schedules = m_schedules;
    policy.manualCount = m_manualCount;
    policy.maxBackups = m_maxBackups;
    return policy;
}

bool ScheduleDraftModel::isValid() const
{
    if (!m_manualCountProblems.isEmpty() || !m_maxBackupsProblems.isEmpty() || !m_scheduleProblems.isEmpty())
        return false;
    for (const Row& row : m_problems) {
        if (!row.intervalProblems.isEmpty() || !row.countProblems.isEmpty())
            return false;
    }
    return true;
}

bool ScheduleDraftModel::isModified() const
{
    return draftPolicy() != m_loaded;
}

void ScheduleDraftModel::revert()
{
    setPolicy(m_loaded);
}

void ScheduleDraftModel::setManualCount(int count)
{
    if (count == m_manualCount)
        return;
    m_manualCount = count;
    revalidate();
}

void ScheduleDraftModel::setMaxBackups(std::optional<int> maxBackups)
{
    if (maxBackups == m_maxBackups)
        return;
    m_maxBackups = maxBackups;
    revalidate();
}

bool ScheduleDraftModel::canAddRow() const
{
    return m_schedules.size() < RetentionPolicy::kMaxSchedules;
}

int ScheduleDraftModel::addRow()
{
    if (!canAddRow())
        return -1;
    QSet<QString> used;
    for (const Schedule& s : std::as_const(m_schedules))
        used.insert(s.interval.label());
    Schedule schedule = kSuggestions[0];
    bool found = false;
    for (const Schedule& suggestion : kSuggestions) {
        if (!used.contains(suggestion.interval.label())) {
            schedule = suggestion;
            found = true;
            break;
        }
    }
    // Every unit is taken: offer the next free multiple of a day rather than a duplicate.
    while (!found && used.contains(schedule.interval.label()))
        ++schedule.interval.multiplier;

    const int row = int(m_schedules.size());
    beginInsertRows({}, row, row);
    m_schedules.append(schedule);
    m_problems.append(Row {});
    endInsertRows();
    revalidate();
    return row;
}

QStringList ScheduleDraftModel::rowProblems(int row) const
{
    if (row < 0 || row >= m_problems.size())
        return {};
    QStringList problems;
    for (const QString& p : m_problems.at(row).intervalProblems)
        problems.append(tr("Interval: %1").arg(p));
    for (const QString& p : m_problems.at(row).countProblems)
        problems.append(tr("Count: %1").arg(p));
    return problems;
}

QStringList ScheduleDraftModel::allProblems() const
{
    QStringList problems = m_scheduleProblems;
    for (int row = 0; row < m_problems.size(); ++row) {
        for (const QString& p : rowProblems(row))
            problems.append(tr("Schedule %1: %2").arg(row + 1).arg(p));
    }
    for (const QString& p : m_manualCountProblems)
        problems.append(tr("Manual backups: %1").arg(p));
    for (const QString& p : m_maxBackupsProblems)
        problems.append(tr("Maximum backups: %1").arg(p));
    return problems;
}

QStringList ScheduleDraftModel::unitNames(int count)
{
    QStringList names;
    for (Interval::Unit unit : kUnits)
        names.append(unitName(unit, count));
    return names;
}

QString ScheduleDraftModel::unitName(Interval::Unit unit, int count)
{
    switch (unit) {
    case Interval::Unit::Hour:
        return tr("hour(s)", "unit of a schedule's interval, after its number", count);
    case Interval::Unit::Day:
        return tr("day(s)", "unit of a schedule's interval, after its number", count);
    case Interval::Unit::Week:
        return tr("week(s)", "unit of a schedule's interval, after its number", count);
    case Interval::Unit::Month:
        return tr("month(s)", "unit of a schedule's interval, after its number", count);
    case Interval::Unit::Year:
        return tr("year(s)", "unit of a schedule's interval, after its number", count);
    }
    return {};
}

int ScheduleDraftModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_schedules.size());
}

int ScheduleDraftModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleDraftModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Schedule& s = m_schedules.at(index.row());
    const Row& problems = m_problems.at(index.row());
    const QStringList& cellProblems
        = index.column() == CountColumn ? problems.countProblems : problems.intervalProblems;

    if (role == ProblemRole)
        return cellProblems;
    if (role == Qt::ToolTipRole && !cellProblems.isEmpty())
        return cellProblems.join(QLatin1Char('\n'));

    switch (index.column()) {
    case NumberColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case UnderlyingDataRole:
            return s.interval.multiplier;
        case Qt::ToolTipRole:
            return tr("One bucket spans this many %1 (1 to 9999)").arg(unitName(s.interval.unit, 2));
        }
        break;
    case UnitColumn:
        switch (role) {
        case Qt::DisplayRole:
            return unitName(s.interval.unit, s.interval.multiplier);
        case Qt::EditRole:
            return unitIndex(s.interval.unit);
        case UnderlyingDataRole:
            return unitChar(s.interval.unit);
        case Qt::ToolTipRole:
            return tr("Buckets are counted in UTC; weeks start on Monday");
        }
        break;
    case CountColumn:
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case UnderlyingDataRole:
            return s.count;
        case Qt::ToolTipRole:
            return tr("The newest backup of each of this many %1 buckets is kept (1 to 1000)").arg(s.interval.label());
        }
        break;
    }
    return {};
}

bool ScheduleDraftModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Schedule next = m_schedules.at(index.row());
    switch (index.column()) {
    case NumberColumn: {
        const auto number = integerFrom(value);
        if (!number)
            return false;
        next.interval.multiplier = *number;
        break;
    }
    case UnitColumn: {
        const auto unit = unitFrom(value);
        if (!unit)
            return false;
        next.interval.unit = *unit;
        break;
    }
    case CountColumn: {
        const auto count = integerFrom(value);
        if (!count)
            return false;
        next.count = *count;
        break;
    }
    default:
        return false;
    }
    if (next == m_schedules.at(index.row()))
        return true;
    m_schedules[index.row()] = next;
    // The unit names the other columns' tool tips, so the whole row changes.
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    revalidate();
    return true;
}

Qt::ItemFlags ScheduleDraftModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QVariant ScheduleDraftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NumberColumn:
        return tr("Every");
    case UnitColumn:
        return tr("Unit");
    case CountColumn:
        return tr("Keep");
    }
    return {};
}

bool ScheduleDraftModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || count <= 0 || row < 0 || row + count > m_schedules.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_schedules.remove(row, count);
    m_problems.remove(row, count);
    endRemoveRows();
    revalidate();
    return true;
}

QHash<int, QByteArray> ScheduleDraftModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ProblemRole, "problems");
    names.insert(UnderlyingDataRole, "underlyingData");
    return names;
}

void ScheduleDraftModel::revalidate()
{
    static const QRegularExpression rowPath(
        QStringLiteral("^default_config\\.schedule\\[(\\d+)\\]\\.(interval|count)$"));
    const QString manualCountPath = QStringLiteral("default_config.manual_count");
    const QString maxBackupsPath = QStringLiteral("max_backups");

    QList<Row> rows(m_schedules.size());
    QStringList manualCount, maxBackups, other;
    for (const Problem& problem : draftPolicy().validate()) {
        const QRegularExpressionMatch match = rowPath.match(problem.path);
        const int row = match.hasMatch() ? match.captured(1).toInt() : -1;
        if (row >= 0 && row < rows.size()) {
            Row& r = rows[row];
            (match.captured(2) == QLatin1String("count") ? r.countProblems : r.intervalProblems)
                .append(problem.message);
        } else if (problem.path == manualCountPath) {
            manualCount.append(problem.message);
        } else if (problem.path == maxBackupsPath) {
            maxBackups.append(problem.message);
        } else {
            other.append(problem.message);
        }
    }

    QList<int> changed;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i >= m_problems.size() || rows.at(i) != m_problems.at(i))
            changed.append(int(i));
    }
    m_problems = rows;
    m_manualCountProblems = manualCount;
    m_maxBackupsProblems = maxBackups;
    m_scheduleProblems = other;
    for (int row : std::as_const(changed))
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::ToolTipRole, ProblemRole});
    emit draftChanged();
}
