#pragma once

#include <QIcon>
#include <QSortFilterProxyModel>

// The backups table's proxy: sorts on the raw values (dates, sizes), filters on the text of every column, and shows
// a lock on protected backups and a shield on safety backups (taken before a restore).
class BackupFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BackupFilterProxyModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // Plain text (not a pattern) looked for in every column, case-insensitively.
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QIcon m_lock;
    QIcon m_safety;
    QString m_needle;
};
