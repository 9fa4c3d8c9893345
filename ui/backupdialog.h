#pragma once

#include <optional>
#include <QDialog>

class QCheckBox;
class QLabel;
class QDialogButtonBox;
struct Backup;

// Asks how to back up an environment: consistent (a short pause) or live (no downtime), and says which manual
// backup the new one will replace when the manual limit is reached.
class BackupDialog : public QDialog
{
    Q_OBJECT

public:
    BackupDialog(const QString& environmentTitle, QWidget* parent = nullptr);

    // The manual backup that the new one will replace (from the retention preview), or none.
    void setReplacedBackup(const std::optional<Backup>& backup, int manualCount);
    // Manual backups disabled (manual_count 0): the dialog says so and cannot be accepted.
    void setManualBackupsDisabled(bool disabled);
    bool isLive() const;

private:
    void updateNote();

    QCheckBox* m_liveCheckBox = nullptr;
    QLabel* m_noteLabel = nullptr;
    QLabel* m_replaceLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
