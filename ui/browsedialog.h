#pragma once

#include "client/backupdownload.h" // QPointer<BackupDownload> needs the complete type
#include "domain/backup.h"

#include <functional>
#include <QDialog>
#include <QPointer>
#include <QStringList>

class ApiClient;
class BackupFilesModel;
class QFile;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

// Browse one backup: a tree of its parts, folders and files with sizes and times, a filter box, and for the selected
// items "Restore…" (put them back into the environment) or "Save to…" (download them into a local folder without
// touching the environment). Listings and downloads are asynchronous; the dialog never waits.
class BrowseDialog : public QDialog
{
    Q_OBJECT

public:
    BrowseDialog(ApiClient* client, const QString& project, const Backup& backup, QWidget* parent = nullptr);
    ~BrowseDialog() override;

    BackupFilesModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The selected entries' paths inside the backup, parents before children, nothing inside a selected folder.
    QStringList selectedPaths() const;
    // Where "Save to…" asks for its folder; tests answer it without a file dialog.
    void setFolderChooser(std::function<QString()> chooser) { m_chooseFolder = std::move(chooser); }
    // Downloads the selected items into `folder` (a file as itself, a folder as NAME.tar, a database as NAME.sqlite).
    void saveSelectedTo(const QString& folder);
    bool isSaving() const { return !m_queue.isEmpty() || m_download; }

signals:
    void restoreRequested(const QStringList& paths);
    void saved(const QString& folder, int files);
    void saveFailed(const QString& message);

private:
    void updateButtons();
    void saveNext();
    void finishSaving(const QString& error);

    ApiClient* m_client;
    QString m_project;
    Backup m_backup;
    BackupFilesModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QPushButton* m_restoreButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_cancelSaveButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_statusLabel = nullptr;
    std::function<QString()> m_chooseFolder;

    struct Item
    {
        QString path;
        QString type;
        QString name;
    };
    QList<Item> m_queue;
    QString m_folder;
    int m_saved = 0;
    QPointer<BackupDownload> m_download;
    QFile* m_file = nullptr;
};
