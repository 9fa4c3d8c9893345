#include "healthtablemodel.h"

#include "displayformat.h"
#include "modelroles.h"

#include <QDateTime>

QString HealthRow::keyOf(const QString& connection, const QString& project, const QString& environment)
{
    return connection + QChar(0) + project + QChar(0) + environment;
}

HealthRow::State HealthRow::fromHealth(HealthState state)
{
    switch (state) {
    case HealthState::Ok:
        return State::Ok;
    case HealthState::Warning:
        return State::Warning;
    case HealthState::Critical:
        return State::Critical;
    }
    return State::Unknown;
}

QString HealthRow::stateName(State state)
{
    switch (state) {
    case State::Ok:
        return HealthTableModel::tr("OK");
    case State::Unknown:
        return HealthTableModel::tr("Unknown");
    case State::Warning:
        return HealthTableModel::tr("Warning");
    case State::Unreachable:
        return HealthTableModel::tr("Unreachable");
    case State::Critical:
        return HealthTableModel::tr("Critical");
    }
    return {};
}

HealthTableModel::HealthTableModel(QObject* parent)
    : KeyedTableModel(parent)
{ }

void HealthTableModel::setConnectionRows(const QString& connection, const QList<HealthRow>& rows)
{
    QHash<QString, HealthRow::State> before;
    for (const HealthRow& r : std::as_const(m_rows)) {
        if (r.connection == connection)
            before.insert(r.key(), r.state);
    }
    const bool seen = m_seenConnections.contains(connection);
    // The connection's rows keep their block (in the order connections first arrived); the others are untouched.
    QList<HealthRow> next;
    bool placed = false;
    const QList<HealthRow> incoming = uniqueByKey(rows, [](const HealthRow& r) { return r.key(); });
    for (const HealthRow& r : std::as_const(m_rows)) {
        if (r.connection != connection) {
            next.append(r);
        } else if (!placed) {
            next.append(incoming);
            placed = true;
        }
    }
    if (!placed)
        next.append(incoming);
    syncRows(
        m_rows, next, [](const HealthRow& r) { return r.key(); },
        [](const HealthRow& a, const HealthRow& b) { return a == b; });
    if (!seen)
        m_seenConnections.append(connection);

    // What each incoming row was: itself at the previous update; for a connection-wide row the worst of the
    // connection's rows then; for an environment after a connection-wide row, that row's state.
    std::optional<HealthRow::State> worstBefore;
    for (const HealthRow::State state : std::as_const(before)) {
        if (!worstBefore || HealthRow::severity(state) > HealthRow::severity(*worstBefore))
            worstBefore = state;
    }
    const auto wide = before.constFind(HealthRow::keyOf(connection, {}, {}));
    for (const HealthRow& r : incoming) {
        std::optional<HealthRow::State> was;
        if (const auto previous = before.constFind(r.key()); previous != before.cend())
            was = *previous;
        else if (r.environment.isEmpty())
            was = worstBefore;
        else if (wide != before.cend())
            was = *wide;
        else if (seen)
            was = HealthRow::State::Ok; // a new environment
        if (was && HealthRow::severity(r.state) > HealthRow::severity(*was))
            emit stateWorsened(r, *was);
    }
}

void HealthTableModel::keepConnections(const QStringList& connections)
{
    QList<HealthRow> next;
    for (const HealthRow& r : std::as_const(m_rows)) {
        if (connections.contains(r.connection))
            next.append(r);
    }
    m_seenConnections.removeIf([&](const QString& c) { return !connections.contains(c); });
    syncRows(
        m_rows, next, [](const HealthRow& r) { return r.key(); },
        [](const HealthRow& a, const HealthRow& b) { return a == b; });
}

int HealthTableModel::rowOf(const QString& connection, const QString& project, const QString& environment) const
{
    const QString key = HealthRow::keyOf(connection, project, environment);
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).key() == key)
            return r;
    }
    return -1;
}

HealthRow::State HealthTableModel::worstState() const
{
    HealthRow::State worst = HealthRow::State::Ok;
    for (const HealthRow& r : m_rows) {
        if (HealthRow::severity(r.state) > HealthRow::severity(worst))
            worst = r.state;
    }
    return worst;
}

int HealthTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HealthTableModel::age(qint64 milliseconds)
{
    const qint64 minutes = std::max<qint64>(0, milliseconds / 60000);
    if (minutes < 60)
        return tr("%n min", "", int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%n h", "", int(hours));
    return tr("%n d", "", int(hours / 24));
}

QString HealthTableModel::copiesText(const HealthRow& row) const
{
    QStringList parts;
    for (const CopyHealth& c : row.copies) {
        QString state;
        if (c.failedBackups > 0)
            state = tr("%n failed", "", c.failedBackups);
        else if (c.pendingBackups > 0)
            state = tr("%n pending", "", c.pendingBackups);
        else if (c.lastCopiedAtMs)
            state = tr("copied %1").arg(DisplayFormat::localTime(*c.lastCopiedAtMs));
        else
            state = tr("nothing copied yet");
        parts.append(tr("%1: %2").arg(c.name, state));
    }
    return parts.join(QStringLiteral("; "));
}

QString HealthTableModel::verifiedText(const HealthRow& row) const
{
    if (!row.primary)
        return {};
    if (!row.primary->lastVerifiedAtMs)
        return tr("never");
    const QString when = DisplayFormat::localTime(*row.primary->lastVerifiedAtMs);
    return row.primary->lastVerifyResult == QLatin1String("failure") ? tr("%1, failed").arg(when)
                                                                     : tr("%1, passed").arg(when);
}

QVariant HealthTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HealthRow& row = m_rows.at(index.row());
    const auto& h = row.health;
    const qint64 now = m_nowMs.value_or(QDateTime::currentMSecsSinceEpoch());
    const QStringList reasons = h ? h->reasons : (row.error.isEmpty() ? QStringList() : QStringList {row.error});

    if (role == EnvironmentRole)
        return row.environment;
    if (role == ReasonsRole)
        return reasons;
    if (role == Qt::ToolTipRole) {
        if (index.column() == NewestBackupColumn && h && h->newestGoodBackupAtMs)
            return DisplayFormat::localTimeLong(*h->newestGoodBackupAtMs);
        if (index.column() == VerifiedColumn && row.primary && !row.primary->lastVerifyText.isEmpty())
            return row.primary->lastVerifyText;
        if (index.column() == CopiesColumn) {
            QStringList lines;
            for (const CopyHealth& c : row.copies)
                lines.append(c.reasons);
            if (!lines.isEmpty())
                return lines.join(QLatin1Char('\n'));
        }
        return reasons.isEmpty() ? QVariant() : QVariant(reasons.join(QLatin1Char('\n')));
    }
    if (role == UnderlyingDataRole) {
        switch (index.column()) {
        case StateColumn:
            return HealthRow::severity(row.state);
        case NewestBackupColumn:
        case AgeColumn:
            return h && h->newestGoodBackupAtMs ? QVariant(*h->newestGoodBackupAtMs) : QVariant();
        case NextRunColumn:
            return h && h->nextRunAtMs ? QVariant(*h->nextRunAtMs) : QVariant();
        case VerifiedColumn:
            return row.primary && row.primary->lastVerifiedAtMs ? QVariant(*row.primary->lastVerifiedAtMs) : QVariant();
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};

    switch (index.column()) {
    case ConnectionColumn:
        return row.connection;
    case ProjectColumn:
        return row.project;
    case EnvironmentColumn:
        return row.environment;
    case StateColumn:
        return HealthRow::stateName(row.state);
    case NewestBackupColumn:
        if (!h)
            return QString();
        return h->newestGoodBackupAtMs ? DisplayFormat::localTime(*h->newestGoodBackupAtMs) : tr("none");
    case AgeColumn:
        return h && h->newestGoodBackupAtMs ? age(now - *h->newestGoodBackupAtMs) : QString();
    case NextRunColumn:
        if (!h)
            return QString();
        return h->nextRunAtMs ? DisplayFormat::localTime(*h->nextRunAtMs) : tr("not scheduled");
    case CopiesColumn:
        return copiesText(row);
    case VerifiedColumn:
        return verifiedText(row);
    case ReasonsColumn:
        return reasons.join(QStringLiteral(" · "));
    default:
        return {};
    }
}

QVariant HealthTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConnectionColumn:
        return tr("Connection");
    case ProjectColumn:
        return tr("Project");
    case EnvironmentColumn:
        return tr("Environment");
    case StateColumn:
        return tr("State");
    case NewestBackupColumn:
        return tr("Newest good backup");
    case AgeColumn:
        return tr("Age");
    case NextRunColumn:
        return tr("Next run");
    case CopiesColumn:
        return tr("Copies");
    case VerifiedColumn:
        return tr("Last verification");
    case ReasonsColumn:
        return tr("Reasons");
    default:
        return {};
    }
}
