#pragma once

#include "domain/copytarget.h"

#include <optional>
#include <QWidget>

class ApiClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

// The project's copy targets (settings `backup_copies`): add one (name, restic location, when, credentials as
// write-only NAME=value pairs, upload limit, its own retention), check that restic can reach it, save, remove.
// Every change is saved at once with PATCH …/settings; the form shows what the server answered.
class CopiesPage : public QWidget
{
    Q_OBJECT

public:
    CopiesPage(ApiClient* client, const QString& project, const QList<CopyTarget>& copies, QWidget* parent = nullptr);

    const QList<CopyTarget>& copies() const { return m_copies; }
    // The copy being edited: a saved one, or the new one (empty name until typed).
    int currentRow() const;
    // The form as a copy target (credentials with values only when new ones were typed), or the problem.
    std::optional<CopyTarget> formTarget(QString& problem) const;

    void addCopy();
    void saveCopy();
    void removeCopy();
    void checkConnection();

signals:
    // The server accepted a change of `backup_copies`.
    void copiesChanged(const QList<CopyTarget>& copies);
    void busyChanged(bool busy);

private:
    void populateList(const QString& select);
    void showCopy(int row);
    void updateButtons();
    void addCredentialRow(const QString& name, bool stored);
    void send(const QList<CopyTarget>& copies, const QString& select, const QString& doneText);
    void setStatus(const QString& text, bool failure);

    ApiClient* m_client;
    QString m_project;
    QList<CopyTarget> m_copies;
    bool m_editingNew = false;
    bool m_busy = false;

    QListWidget* m_list = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_repositoryEdit = nullptr;
    QComboBox* m_whenCombo = nullptr;
    QTableWidget* m_credentials = nullptr;
    QPushButton* m_addCredentialButton = nullptr;
    QPushButton* m_removeCredentialButton = nullptr;
    QSpinBox* m_uploadLimit = nullptr;
    QCheckBox* m_ownRetention = nullptr;
    QTableWidget* m_retention = nullptr;
    QPushButton* m_checkButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QLabel* m_status = nullptr;
};
