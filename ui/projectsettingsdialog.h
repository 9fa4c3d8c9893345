#pragma once

#include "domain/activity.h"
#include "domain/copytarget.h"
#include "domain/notificationtarget.h"

#include <QDialog>

class ApiClient;
class CopiesPage;
class NotificationsPage;
class QTabWidget;
class RepositoryPage;

// The project's copies, repositories and alerts, beside the retention policies: a Copies page (targets, check,
// remove), a Repository page (statistics, growth, verify now) and an Alerts page (where tidemarkd sends its alerts,
// a test message, what was delivered). Each page shows only where the server has its capability.
class ProjectSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Pages
    {
        bool copies = false; // the `copies` capability
        bool repository = false; // `repository`
        bool verify = false; // `verify`
        bool notifications = false; // `notifications`
    };

    ProjectSettingsDialog(ApiClient* client, const QString& project, const QList<CopyTarget>& copies,
        const QList<NotificationTarget>& notifications, const Pages& pages, QWidget* parent = nullptr);

    CopiesPage* copiesPage() const { return m_copies; }
    RepositoryPage* repositoryPage() const { return m_repository; }
    NotificationsPage* notificationsPage() const { return m_notifications; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void copiesChanged(const QList<CopyTarget>& copies);
    void activityStarted(const Activity& activity);
    void notificationsChanged(const QList<NotificationTarget>& targets);

private:
    QTabWidget* m_tabs = nullptr;
    CopiesPage* m_copies = nullptr;
    RepositoryPage* m_repository = nullptr;
    NotificationsPage* m_notifications = nullptr;
};
