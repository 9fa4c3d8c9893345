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
    // `serverPreviews`: the server answers dry runs (tidemarkd does; the hosted API would apply the change), so
    // Apply's confirmation comes from the server's own plan; otherwise it is planned here with the same code.
    PolicyEditorDialog(ApiClient* client, const QString& project, const ProjectSettings& settings,
        const QList<Environment>& environments, bool serverPreviews, QWidget* parent = nullptr);

    PolicyEditorPage* page(EnvironmentType type) const { return m_pages.value(type); }
    void apply();
    void revert();

    void reject() override; // asks before dropping unapplied changes

signals:
    void applied();

private:
    // Loads the current backups of every environment into the pages' previews (again after Apply, so that the
    // backups it deleted no longer show as "Delete").
    void loadBackups();
    void updateButtons();
    QJsonObject patch() const;
    void setBusy(bool busy, const QString& message = {});
    void confirmAndApply(const QJsonObject& dataRetention, const QStringList& deletions);

    ApiClient* m_client;
    QString m_project;
    QList<Environment> m_environments;
    QMap<EnvironmentType, PolicyEditorPage*> m_pages;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_busy = false;
    bool m_serverPreviews = true;
};
