#include "projectsettingsdialog.h"

#include "copiespage.h"
#include "notificationspage.h"
#include "repositorypage.h"

#include <QDialogButtonBox>
#include <QTabWidget>
#include <QVBoxLayout>

ProjectSettingsDialog::ProjectSettingsDialog(ApiClient* client, const QString& project, const QList<CopyTarget>& copies,
    const QList<NotificationTarget>& notifications, const Pages& pages, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("projectSettingsDialog"));
    setWindowTitle(tr("Copies, repositories and alerts of %1").arg(project));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("projectSettingsTabWidget"));
    layout->addWidget(m_tabs);
    if (pages.copies) {
        m_copies = new CopiesPage(client, project, copies, m_tabs);
        m_copies->setObjectName(QStringLiteral("copiesPage"));
        m_tabs->addTab(m_copies, tr("&Copies"));
        connect(m_copies, &CopiesPage::copiesChanged, this, &ProjectSettingsDialog::copiesChanged);
    }
    if (pages.repository) {
        m_repository = new RepositoryPage(client, project, pages.verify, m_tabs);
        m_repository->setObjectName(QStringLiteral("repositoryPage"));
        m_tabs->addTab(m_repository, tr("&Repositories"));
        connect(m_repository, &RepositoryPage::activityStarted, this, &ProjectSettingsDialog::activityStarted);
        // A new or removed copy is a new or removed repository.
        if (m_copies)
            connect(m_copies, &CopiesPage::copiesChanged, m_repository, &RepositoryPage::refresh);
    }
    if (pages.notifications) {
        m_notifications = new NotificationsPage(client, project, notifications, m_tabs);
        m_notifications->setObjectName(QStringLiteral("notificationsPage"));
        m_tabs->addTab(m_notifications, tr("A&lerts"));
        connect(m_notifications, &NotificationsPage::notificationsChanged, this,
            &ProjectSettingsDialog::notificationsChanged);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 620);
}
