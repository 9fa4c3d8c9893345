#include "activitylistmodel.h"

#include "displayformat.h"
#include "modelroles.h"

#include <algorithm>
#include <QDateTime>
#include <QLocale>

namespace {

bool newerFirst(const Activity& a, const Activity& b)
{
    if (a.createdAtMs != b.createdAtMs)
        return a.createdAtMs > b.createdAtMs;
    return a.id > b.id;
}

} // namespace

ActivityListModel::ActivityListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void ActivityListModel::upsert(const Activity& activity)
{
    const int row = rowOf(activity.id);
    if (row < 0) {
        const int at = insertionRow(activity);
        beginInsertRows({}, at, at);
        m_rows.insert(at, activity);
        endInsertRows();
        trim();
        return;
    }

    Activity next = activity;
    if (next.log.isEmpty())
        next.log = m_rows.at(row).log;
    if (next == m_rows.at(row))
        return;

    int at = row;
    if (next.createdAtMs != m_rows.at(row).createdAtMs) {
        // The list is sorted with the old row in it; without it, later positions shift up by one.
        const int found = insertionRow(next);
        const int target = found > row ? found - 1 : found;
        if (target != row) {
            // beginMoveRows counts the destination before the row leaves.
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            m_rows.move(row, target);
            endMoveRows();
            at = target;
        }
    }
    m_rows[at] = std::move(next);
    emit dataChanged(index(at), index(at));
    trim();
}

void ActivityListModel::setFinishedLimit(int limit)
{
    m_finishedLimit = std::max(0, limit);
    trim();
}

void ActivityListModel::trim()
{
    const auto finished = [](const Activity& a) {
        return a.state == Activity::State::Complete || a.state == Activity::State::Cancelled;
    };
    int kept = 0;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!finished(m_rows.at(row)) || ++kept <= m_finishedLimit)
            continue;
        beginRemoveRows({}, row, row);
        m_logTimes.remove(m_rows.at(row).id);
        m_rows.removeAt(row);
        endRemoveRows();
        --row;
    }
}

bool ActivityListModel::appendLog(const QString& id, const QString& line, qint64 timestampMs)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    QString& log = m_rows[row].log;
    if (!log.isEmpty() && !log.endsWith(QLatin1Char('\n')))
        log.append(QLatin1Char('\n'));
    if (timestampMs > 0) {
        // The new line's index is the number of lines before it; lines that came without a time (from polling) get 0.
        LogTimes& t = m_logTimes[id];
        if (t.countedChars > log.size()) // the log was replaced by a shorter one
            t = LogTimes {std::move(t.times), 0, 0};
        t.newlines += QStringView(log).mid(t.countedChars).count(QLatin1Char('\n'));
        t.countedChars = log.size();
        const qsizetype index = t.newlines;
        if (t.times.size() < index)
            t.times.resize(index, 0);
        if (t.times.size() == index)
            t.times.append(timestampMs);
    }
    log.append(line);
    emit dataChanged(index(row), index(row), {LogRole});
    return true;
}

bool ActivityListModel::remove(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_logTimes.remove(id);
    endRemoveRows();
    return true;
}

void ActivityListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_logTimes.clear();
    endResetModel();
}

int ActivityListModel::rowOf(const QString& id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

int ActivityListModel::insertionRow(const Activity& activity) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), activity, newerFirst) - m_rows.cbegin());
}

int ActivityListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ActivityListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Activity& a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(a);
    case Qt::ToolTipRole: {
        QString tip = describe(a);
        tip += QLatin1Char('\n')
            + tr("Started %1").arg(DisplayFormat::localTimeLong(a.startedAtMs.value_or(a.createdAtMs)));
        if (a.completedAtMs)
            tip += QLatin1Char('\n') + tr("Finished %1").arg(DisplayFormat::localTimeLong(*a.completedAtMs));
        return tip;
    }
    case ActivityIdRole:
        return a.id;
    case ProgressRole:
        return std::clamp(a.completionPercent, 0, 100);
    case StateRole:
        return int(a.state);
    case ResultRole:
        return a.result ? QVariant(int(*a.result)) : QVariant();
    case TextRole:
        return a.text;
    case DescriptionRole:
        return describe(a);
    case LogRole:
        return a.log;
    case UnderlyingDataRole:
        return a.createdAtMs;
    }
    return {};
}

QHash<int, QByteArray> ActivityListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ActivityIdRole, "activityId");
    names.insert(ProgressRole, "progress");
    names.insert(StateRole, "state");
    names.insert(ResultRole, "result");
    names.insert(TextRole, "text");
    names.insert(LogRole, "log");
    names.insert(DescriptionRole, "description");
    names.insert(UnderlyingDataRole, "underlyingData");
    return names;
}

QString ActivityListModel::displayText(const Activity& a)
{
    const QString environment = a.environments.isEmpty() ? tr("the project") : a.environments.join(QLatin1String(", "));
    QString what;
    if (a.type == QLatin1String("environment.backup"))
        what = tr("Backup of %1").arg(environment);
    else if (a.type == QLatin1String("environment.restore"))
        what = tr("Restore of %1").arg(environment);
    else if (a.type == QLatin1String("environment.backup.delete"))
        what = tr("Deletion of a backup of %1").arg(environment);
    else
        what = a.text.isEmpty() ? a.type : a.text;
    return tr("%1 \u2014 %2").arg(what, stateText(a));
}

QString ActivityListModel::describe(const Activity& a)
{
    const QString environment = a.environments.isEmpty() ? a.payloadEnvironment() : a.environments.first();
    const QString backup = a.payload.value(QStringLiteral("backup_name")).toString().left(8);
    if (a.type == QLatin1String("environment.backup")) {
        if (a.payload.value(QStringLiteral("automated")).toBool())
            return tr("Automated backup of %1").arg(environment);
        if (!a.payload.contains(QStringLiteral("safe")))
            return tr("Backup of %1").arg(environment);
        return a.payload.value(QStringLiteral("safe")).toBool() ? tr("Consistent backup of %1").arg(environment)
                                                                : tr("Live backup of %1").arg(environment);
    }
    if (a.type == QLatin1String("environment.restore")) {
        const QString target = a.payload.value(QStringLiteral("environment_name")).toString();
        const QString into = target.isEmpty() ? environment : target;
        if (backup.isEmpty())
            return tr("Restore of %1").arg(into);
        return a.payload.value(QStringLiteral("restore_code")).toBool(true)
            ? tr("Restore of backup %1 into %2").arg(backup, into)
            : tr("Restore of the data of backup %1 into %2 (code unchanged)").arg(backup, into);
    }
    if (a.type == QLatin1String("environment.backup.delete"))
        return backup.isEmpty() ? tr("Deletion of a backup of %1").arg(environment)
                                : tr("Deletion of backup %1 of %2").arg(backup, environment);
    if (a.type == QLatin1String("environment.resume"))
        return tr("Resume of %1 after the server stopped while it was paused").arg(environment);
    return a.text.isEmpty() ? a.type : a.text;
}

QString ActivityListModel::stateText(const Activity& a)
{
    switch (a.state) {
    case Activity::State::Pending:
        return tr("waiting");
    case Activity::State::InProgress:
        return tr("%1 %").arg(std::clamp(a.completionPercent, 0, 100));
    case Activity::State::Complete:
        return a.result == Activity::Result::Failure ? tr("failed") : tr("done");
    case Activity::State::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString ActivityListModel::renderLog(const QString& log, const QList<qint64>& times, bool details, int* toolLines)
{
    const QStringList lines = log.split(QLatin1Char('\n'));
    QStringList shown;
    int tools = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.isEmpty() && i == lines.size() - 1)
            break;
        const bool tool = Activity::isToolLine(line);
        tools += tool ? 1 : 0;
        if (tool && !details)
            continue;
        const qint64 at = i < times.size() ? times.at(i) : 0;
        QString out;
        if (at > 0)
            out = QLocale().toString(QDateTime::fromMSecsSinceEpoch(at).time(), QStringLiteral("HH:mm:ss"))
                + QLatin1String("  ");
        out += line;
        const qint64 next = i + 1 < times.size() ? times.at(i + 1) : 0;
        if (at > 0 && next >= at + 100)
            out += QLatin1String("  ") + tr("(%1)", "how long the step took").arg(DisplayFormat::duration(next - at));
        shown.append(out);
    }
    if (toolLines)
        *toolLines = tools;
    return shown.join(QLatin1Char('\n'));
}
