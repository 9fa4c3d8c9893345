#pragma once

#include "domain/activity.h"
#include "domain/repositoryreport.h"

#include <QPointer>
#include <QWidget>

class ActivityFollower;
class ApiClient;
class GrowthChart;
class QLabel;
class QPushButton;
class QTableWidget;

// The project's repositories (GET /projects/{p}/repository): size, logical size, deduplication, snapshots, the last
// verification and its words, the growth of the primary as a chart, and "Verify now" per repository, followed to
// its end.
class RepositoryPage : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        LocationColumn,
        SizeColumn,
        LogicalColumn,
        DedupColumn,
        SnapshotsColumn,
        VerifiedColumn,
        ResultColumn,
        VerifyColumn,
        ColumnCount
    };

    // `canVerify`: the server has the `verify` capability.
    RepositoryPage(ApiClient* client, const QString& project, bool canVerify, QWidget* parent = nullptr);

    void refresh();
    void verify(const QString& repository);
    const RepositoryReport& report() const { return m_report; }
    bool isLoaded() const { return m_loaded; }
    GrowthChart* chart() const { return m_chart; }

signals:
    void loaded();
    // A verification started (the main window follows it in its activity pane too).
    void activityStarted(const Activity& activity);
    void verificationFinished(const Activity& activity);

private:
    void show(const RepositoryReport& report);

    ApiClient* m_client;
    QString m_project;
    bool m_canVerify;
    bool m_loaded = false;
    bool m_verifying = false; // from the click until the verification ended
    RepositoryReport m_report;
    QPointer<ActivityFollower> m_follower;

    QTableWidget* m_table = nullptr;
    GrowthChart* m_chart = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_verifySelected = nullptr;
};
