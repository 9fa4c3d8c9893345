#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
struct Backup;
struct Environment;

// Asks where and how to restore a backup: the target environment (the backup's own by default) and whether to
// restore the code too. Unchecking "Restore code" restores the data only and leaves the code as it is now.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const Backup& backup, const QList<Environment>& environments, QWidget* parent = nullptr);

    QString targetEnvironment() const;
    bool restoreCode() const;

    void accept() override; // asks for confirmation naming the target

private:
    void updateTexts();

    QString m_backupEnvironment;
    QString m_backupId;
    QComboBox* m_targetComboBox = nullptr;
    QCheckBox* m_restoreCodeCheckBox = nullptr;
    QLabel* m_warningLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};
