#include "browsedialog.h"

#include "backupfilesmodel.h"
#include "client/apiclient.h"
#include "client/backupdownload.h"
#include "displayformat.h"
#include "headerfit.h"
#include "modelroles.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

BrowseDialog::BrowseDialog(ApiClient* client, const QString& project, const Backup& backup, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_project(project)
    , m_backup(backup)
{
    setObjectName(QStringLiteral("browseDialog"));
    setWindowTitle(tr("Backup %1 of %2").arg(backup.id.left(8), backup.environment));

    m_model = new BackupFilesModel(client, project, backup, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(UnderlyingDataRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true); // a match deep down keeps its folders
    m_proxy->setFilterKeyColumn(BackupFilesModel::NameColumn);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter the listed names"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("filesView"));
    m_view->setAccessibleName(tr("Files of the backup"));
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(BackupFilesModel::NameColumn, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(BackupFilesModel::NameColumn, QHeaderView::Stretch);
    for (int column :
        {int(BackupFilesModel::SizeColumn), int(BackupFilesModel::ModifiedColumn), int(BackupFilesModel::TypeColumn)})
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    HeaderFit::apply(m_view->header());
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BrowseDialog::updateButtons);

    m_statusLabel = new QLabel(tr("Listing the backup…"), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    connect(m_model, &BackupFilesModel::listed, this, [this] {
        if (!isSaving())
            m_statusLabel->setText(tr("Expand a folder to see what it holds; select items to restore or save them."));
    });
    connect(m_model, &BackupFilesModel::listingFailed, this, [this](const QString& path, const QString& message) {
        m_statusLabel->setText(tr("%1 could not be listed: %2").arg(path.isEmpty() ? tr("The backup") : path, message));
    });
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("saveProgressBar"));
    m_progress->setVisible(false);

    m_restoreButton = new QPushButton(tr("&Restore…"), this);
    m_restoreButton->setObjectName(QStringLiteral("restoreSelectedButton"));
    m_restoreButton->setToolTip(
        tr("Put the selected items back into %1; everything else stays as it is.").arg(backup.environment));
    m_restoreButton->setEnabled(false);
    m_restoreButton->setVisible(backup.links.has(QStringLiteral("#restore")));
    connect(m_restoreButton, &QPushButton::clicked, this, [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty())
            emit restoreRequested(paths);
    });
    m_saveButton = new QPushButton(tr("&Save to…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveToButton"));
    m_saveButton->setToolTip(tr("Download the selected items into a folder on this computer; the environment is not "
                                "touched."));
    m_saveButton->setEnabled(false);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString folder = m_chooseFolder
            ? m_chooseFolder()
            : QFileDialog::getExistingDirectory(this, tr("Save the selected items to"), QDir::homePath());
        if (!folder.isEmpty())
            saveSelectedTo(folder);
    });
    m_cancelSaveButton = new QPushButton(tr("Stop saving"), this);
    m_cancelSaveButton->setObjectName(QStringLiteral("stopSavingButton"));
    m_cancelSaveButton->setVisible(false);
    connect(m_cancelSaveButton, &QPushButton::clicked, this, [this] {
        m_queue.clear();
        if (m_download)
            m_download->abort();
    });

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_restoreButton);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_cancelSaveButton);
    buttons->addStretch();
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttons);
    resize(760, 520);
    m_model->fetchMore(QModelIndex());
}

BrowseDialog::~BrowseDialog()
{
    m_queue.clear();
    if (m_download)
        m_download->abort();
}

QStringList BrowseDialog::selectedPaths() const
{
    QStringList paths;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(BackupFilesModel::NameColumn))
        paths.append(index.data(BackupPathRole).toString());
    paths.sort();
    QStringList out;
    for (const QString& path : paths) {
        if (out.isEmpty() || !(path == out.last() || path.startsWith(out.last() + QLatin1Char('/'))))
            out.append(path);
    }
    return out;
}

void BrowseDialog::updateButtons()
{
    const bool any = !selectedPaths().isEmpty();
    // A part itself is restored from the Restore dialog (with its checkboxes); here, what is inside parts.
    bool insideParts = any;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(BackupFilesModel::NameColumn)) {
        const QString path = index.data(BackupPathRole).toString();
        insideParts = insideParts && path.count(QLatin1Char('/')) >= (path.startsWith(QLatin1String("code")) ? 1 : 2);
    }
    m_restoreButton->setEnabled(insideParts && !isSaving());
    m_saveButton->setEnabled(any && !isSaving());
}

void BrowseDialog::saveSelectedTo(const QString& folder)
{
    if (isSaving())
        return;
    m_queue.clear();
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows(BackupFilesModel::NameColumn)) {
        const QString path = index.data(BackupPathRole).toString();
        if (!selectedPaths().contains(path))
            continue;
        const QString type = index.data(EntryTypeRole).toString();
        if (type == QLatin1String("symlink"))
            continue; // a link has no content to save
        m_queue.append({path, type, index.data(Qt::DisplayRole).toString()});
    }
    if (m_queue.isEmpty()) {
        m_statusLabel->setText(tr("Nothing to save: links have no content of their own."));
        return;
    }
    m_folder = folder;
    m_saved = 0;
    m_progress->setVisible(true);
    m_progress->setRange(0, int(m_queue.size()));
    m_progress->setValue(0);
    m_cancelSaveButton->setVisible(true);
    updateButtons();
    saveNext();
}

void BrowseDialog::saveNext()
{
    if (m_queue.isEmpty()) {
        finishSaving(QString());
        return;
    }
    const Item item = m_queue.takeFirst();
    const bool archive = item.type == QLatin1String("dir");
    QString name = item.type == QLatin1String("database") ? item.name + QStringLiteral(".sqlite") : item.name;
    if (archive)
        name += QStringLiteral(".tar");
    const QString target = QDir(m_folder).filePath(name);
    delete m_file;
    m_file = new QFile(target, this);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        finishSaving(tr("%1 could not be created (%2); nothing was overwritten.").arg(target, m_file->errorString()));
        return;
    }
    m_statusLabel->setText(tr("Saving %1…").arg(item.path));
    m_download
        = m_client->downloadBackupFiles(m_project, m_backup.environment, m_backup.id, item.path, archive, m_file, this);
    connect(m_download, &BackupDownload::progress, this, [this, item](qint64 received, qint64 total) {
        m_statusLabel->setText(total > 0
                ? tr("Saving %1: %2 of %3")
                      .arg(item.path, DisplayFormat::dataSize(received), DisplayFormat::dataSize(total))
                : tr("Saving %1: %2").arg(item.path, DisplayFormat::dataSize(received)));
    });
    connect(m_download, &BackupDownload::finished, this, [this](const ApiError& error) {
        m_download->deleteLater();
        m_download = nullptr;
        m_file->close();
        if (error.isError()) {
            m_file->remove(); // no half file left behind
            finishSaving(error.kind == ApiError::Kind::Cancelled ? tr("Saving stopped.") : error.message());
            return;
        }
        ++m_saved;
        m_progress->setValue(m_saved);
        saveNext();
    });
    m_download->start();
}

void BrowseDialog::finishSaving(const QString& error)
{
    m_queue.clear();
    m_progress->setVisible(false);
    m_cancelSaveButton->setVisible(false);
    if (error.isEmpty()) {
        m_statusLabel->setText(tr("Saved %n item(s) to %1.", nullptr, m_saved).arg(QDir::toNativeSeparators(m_folder)));
        emit saved(m_folder, m_saved);
    } else {
        m_statusLabel->setText(error);
        emit saveFailed(error);
    }
    updateButtons();
}
