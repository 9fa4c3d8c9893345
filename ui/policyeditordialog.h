#pragma once

#include "domain/environment.h"
#include "domain/projectsettings.h"

#include <QDialog>
#include <QMap>

class ApiClient;
class PolicyEditorPage;
class QDialogButtonBox;
class QLabel;
class QTabWidget;

// The retention policy editor: a tab per environment type, each with its form and live preview. Apply asks the
// server for a dry run first and confirms by listing exactly the backups that will be deleted.
class PolicyEditorDialog : public QDialog
{
    Q_OBJECT

public:
    PolicyEditorDialog(ApiClient* client, const QString& project, const ProjectSettings& settings,
        const QList<Environment>& environments, QWidget* parent = nullptr);

    PolicyEditorPage* page(EnvironmentType type) const { return m_pages.value(type); }
    void apply();
    void revert();

    void reject() override; // asks before dropping unapplied changes

signals:
    void applied();

private:
    void updateButtons();
    QJsonObject patch() const;
    void setBusy(bool busy, const QString& message = {});

    ApiClient* m_client;
    QString m_project;
    QMap<EnvironmentType, PolicyEditorPage*> m_pages;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_busy = false;
};
