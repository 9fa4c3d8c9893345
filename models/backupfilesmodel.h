#pragma once

#include "client/apiclient.h"
#include "domain/backupfiles.h"

#include <memory>
#include <QAbstractItemModel>
#include <QPointer>

// The tree of what one backup holds (its parts, folders and files), loaded folder by folder from
// GET …/backups/{b}/files as a view expands it (canFetchMore / fetchMore): the UI thread never waits for a listing.
class BackupFilesModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ModifiedColumn, TypeColumn, ColumnCount };

    BackupFilesModel(ApiClient* client, const QString& project, const Backup& backup, QObject* parent = nullptr);
    ~BackupFilesModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    BackupFileEntry entry(const QModelIndex& index) const;
    // Folders being listed right now (for tests and a busy indicator).
    int pendingListings() const { return m_pending; }

signals:
    void listed(const QString& path);
    void listingFailed(const QString& path, const QString& message);

private:
    struct Node;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(Node* node) const;

    QPointer<ApiClient> m_client;
    QString m_project;
    QString m_environment;
    QString m_backupId;
    std::unique_ptr<Node> m_root;
    int m_pending = 0;
};
