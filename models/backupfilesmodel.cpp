#include "backupfilesmodel.h"

#include "displayformat.h"
#include "modelroles.h"

#include <functional>

struct BackupFilesModel::Node
{
    BackupFileEntry entry;
    Node* parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    bool loaded = false;
    bool loading = false;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    bool isFolder() const { return !parent || entry.isFolder(); }
};

BackupFilesModel::BackupFilesModel(ApiClient* client, const QString& project, const Backup& backup, QObject* parent)
    : QAbstractItemModel(parent)
    , m_client(client)
    , m_project(project)
    , m_environment(backup.environment)
    , m_backupId(backup.id)
    , m_root(std::make_unique<Node>())
{
    m_root->entry.type = QStringLiteral("dir");
}

BackupFilesModel::~BackupFilesModel() = default;

BackupFilesModel::Node* BackupFilesModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex BackupFilesModel::indexOf(Node* node) const
{
    return node == m_root.get() ? QModelIndex() : createIndex(node->row(), 0, node);
}

QModelIndex BackupFilesModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex BackupFilesModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* p = nodeOf(child)->parent;
    return p ? indexOf(p) : QModelIndex();
}

int BackupFilesModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int BackupFilesModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool BackupFilesModel::hasChildren(const QModelIndex& parent) const
{
    const Node* n = nodeOf(parent);
    return n->isFolder() && (!n->loaded || !n->children.empty());
}

bool BackupFilesModel::canFetchMore(const QModelIndex& parent) const
{
    const Node* n = nodeOf(parent);
    return n->isFolder() && !n->loaded && !n->loading;
}

void BackupFilesModel::fetchMore(const QModelIndex& parent)
{
    Node* n = nodeOf(parent);
    if (!canFetchMore(parent) || !m_client)
        return;
    n->loading = true;
    ++m_pending;
    const QString path = n->entry.path;
    ApiClient::onResult(m_client->backupFiles(m_project, m_environment, m_backupId, path), this,
        [this, path](const ApiResult<BackupListing>& result) {
            --m_pending;
            // Found again by path: the tree may have been reset meanwhile.
            Node* node = m_root.get();
            if (!path.isEmpty()) {
                Node* found = nullptr;
                std::function<void(Node*)> search = [&](Node* at) {
                    for (const auto& c : at->children) {
                        if (found)
                            return;
                        if (c->entry.path == path)
                            found = c.get();
                        else if (path.startsWith(c->entry.path + QLatin1Char('/')))
                            search(c.get());
                    }
                };
                search(m_root.get());
                node = found;
            }
            if (!node)
                return;
            node->loading = false;
            if (!result.ok()) {
                emit listingFailed(path, result.error.message());
                return;
            }
            node->loaded = true;
            const QList<BackupFileEntry>& entries = result.value->entries;
            if (!entries.isEmpty()) {
                beginInsertRows(indexOf(node), 0, int(entries.size()) - 1);
                for (const BackupFileEntry& e : entries) {
                    auto child = std::make_unique<Node>();
                    child->entry = e;
                    child->parent = node;
                    node->children.push_back(std::move(child));
                }
                endInsertRows();
            } else {
                // No children after all: the expander goes.
                const QModelIndex at = indexOf(node);
                if (at.isValid())
                    emit dataChanged(at, at.siblingAtColumn(ColumnCount - 1));
            }
            emit listed(path);
        });
}

BackupFileEntry BackupFilesModel::entry(const QModelIndex& index) const
{
    return index.isValid() ? nodeOf(index)->entry : BackupFileEntry {};
}

QVariant BackupFilesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const BackupFileEntry& e = nodeOf(index)->entry;
    if (role == BackupPathRole)
        return e.path;
    if (role == EntryTypeRole)
        return e.type;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == UnderlyingDataRole)
            return e.name;
        if (role == Qt::ToolTipRole)
            return e.path;
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return e.size ? DisplayFormat::dataSize(*e.size) : QString();
        if (role == UnderlyingDataRole)
            return e.size ? QVariant(*e.size) : QVariant(qint64(-1));
        break;
    case ModifiedColumn:
        if (role == Qt::DisplayRole)
            return e.mtimeMs ? DisplayFormat::localTime(*e.mtimeMs) : QString();
        if (role == Qt::ToolTipRole)
            return e.mtimeMs ? DisplayFormat::localTimeLong(*e.mtimeMs) : QString();
        if (role == UnderlyingDataRole)
            return e.mtimeMs ? QVariant(*e.mtimeMs) : QVariant(qint64(0));
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole || role == UnderlyingDataRole) {
            if (e.type == QLatin1String("dir"))
                return tr("Folder");
            if (e.type == QLatin1String("file"))
                return tr("File");
            if (e.type == QLatin1String("symlink"))
                return tr("Link");
            if (e.type == QLatin1String("database"))
                return tr("Database");
            return e.type;
        }
        break;
    }
    return {};
}

QVariant BackupFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}
