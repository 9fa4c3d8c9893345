#include "backupfilterproxymodel.h"

#include "backuptablemodel.h"
#include "modelroles.h"

BackupFilterProxyModel::BackupFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_lock(QStringLiteral(":/icons/lock.svg"))
    , m_safety(QStringLiteral(":/icons/safety.svg"))
{
    setSortRole(UnderlyingDataRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

QVariant BackupFilterProxyModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::DecorationRole
        && (index.column() == BackupTableModel::ProtectedColumn || index.column() == BackupTableModel::CreatedColumn)) {
        const QModelIndex source = mapToSource(index);
        if (source.isValid() && static_cast<const BackupTableModel*>(sourceModel())->backup(source.row()).isProtected())
            return m_lock;
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == BackupTableModel::KindColumn) {
        const QModelIndex source = mapToSource(index);
        if (source.isValid() && static_cast<const BackupTableModel*>(sourceModel())->backup(source.row()).isSafety())
            return m_safety;
        return {};
    }
    if ((role == Qt::DisplayRole || role == Qt::CheckStateRole) && index.column() == BackupTableModel::ProtectedColumn)
        return {}; // the lock says it
    return QSortFilterProxyModel::data(index, role);
}

void BackupFilterProxyModel::setFilterText(const QString& text)
{
    if (text.trimmed() == m_needle)
        return;
    m_needle = text.trimmed();
    invalidateFilter();
}

bool BackupFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QString& needle = m_needle;
    if (needle.isEmpty())
        return true;
    const QAbstractItemModel* model = sourceModel();
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QString text = model->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
        if (text.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    // The full id too, so a pasted id finds its backup, and the planner's short reasons ("1d #1/7") that the
    // command line prints, though the column shows them in words.
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    return first.data(BackupIdRole).toString().contains(needle, Qt::CaseInsensitive)
        || first.data(ReasonsRole).toStringList().join(QLatin1String(", ")).contains(needle, Qt::CaseInsensitive);
}
