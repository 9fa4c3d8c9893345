#pragma once

#include <optional>
#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QGroupBox;
struct Backup;
struct BackupDiff;
struct Environment;

// Asks where and how to restore a backup: the target environment (the backup's own by default) and whether to
// restore the code too. Unchecking "Restore code" restores the data only and leaves the code as it is now. On a
// server that has them, it also offers the parts (mounts and databases) as checkboxes, a checked "Take a safety
// backup first", and shows what the restore would change (the comparison with the environment now).
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const Backup& backup, const QList<Environment>& environments, QWidget* parent = nullptr);

    QString targetEnvironment() const;
    bool restoreCode() const;

    // The server can restore parts ("partial_restore") and take a safety backup first ("safety_backup").
    void setFeatures(bool partialRestore, bool safetyBackup);
    // The parts to restore when not all are checked (code included when "Restore code" is), else empty.
    QStringList parts() const;
    // Unset where the server has no safety backups.
    std::optional<bool> safetyBackup() const;
    // The impact preview: the comparison of the backup with the environment now, or why there is none.
    void setImpact(const BackupDiff& diff);
    void setImpactUnavailable(const QString& why);
    static QString impactText(const BackupDiff& diff);

    void accept() override; // asks for confirmation naming the target

private:
    void updateTexts();

    QString m_backupEnvironment;
    QString m_backupId;
    QComboBox* m_targetComboBox = nullptr;
    QCheckBox* m_restoreCodeCheckBox = nullptr;
    QLabel* m_warningLabel = nullptr;
    QGroupBox* m_partsBox = nullptr;
    QHash<QString, QCheckBox*> m_partCheckBoxes; // "mounts/uploads" → its checkbox
    QCheckBox* m_safetyCheckBox = nullptr;
    QLabel* m_impactLabel = nullptr;
    QString m_impactHtml; // the preview as it came (or why there is none)
    QDialogButtonBox* m_buttons = nullptr;
};
