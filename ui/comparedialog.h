#pragma once

#include "domain/backup.h"

#include <QDialog>

class ApiClient;
class QComboBox;
class QLabel;
class QTreeWidget;
struct BackupDiff;

// Compare one backup "with the environment now" or "with the previous backup": a readable summary (added, changed
// and removed files per part, the code commit then and now, database tables whose row counts differ) above a tree
// that expands each part to its entries. The comparison is asked for asynchronously; the dialog never waits.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    // `previousBackup`: the next older backup of the environment, empty when there is none.
    CompareDialog(ApiClient* client, const QString& project, const Backup& backup, const QString& previousBackup,
        QWidget* parent = nullptr);

    QComboBox* againstComboBox() const { return m_againstComboBox; }
    QTreeWidget* changesTree() const { return m_tree; }
    QString summaryText() const;
    static QString summary(const BackupDiff& diff);

signals:
    void compared();

private:
    void compare();
    void showDiff(const BackupDiff& diff);

    ApiClient* m_client;
    QString m_project;
    Backup m_backup;
    QComboBox* m_againstComboBox = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QTreeWidget* m_tree = nullptr;
    quint64 m_request = 0;
};
