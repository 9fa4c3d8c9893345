#pragma once

#include "domain/activity.h"
#include "domain/copytarget.h"

#include <QDialog>

class ApiClient;
class CopiesPage;
class QTabWidget;
class RepositoryPage;

// The project's copies and repositories, beside the retention policies: a Copies page (targets, check, remove) and
// a Repository page (statistics, growth, verify now). Each page shows only where the server has its capability.
class ProjectSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Pages
    {
        bool copies = false; // the `copies` capability
        bool repository = false; // `repository`
        bool verify = false; // `verify`
    };

    ProjectSettingsDialog(ApiClient* client, const QString& project, const QList<CopyTarget>& copies,
        const Pages& pages, QWidget* parent = nullptr);

    CopiesPage* copiesPage() const { return m_copies; }
    RepositoryPage* repositoryPage() const { return m_repository; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void copiesChanged(const QList<CopyTarget>& copies);
    void activityStarted(const Activity& activity);

private:
    QTabWidget* m_tabs = nullptr;
    CopiesPage* m_copies = nullptr;
    RepositoryPage* m_repository = nullptr;
};
