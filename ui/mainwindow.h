#pragma once

#include "client/apiclient.h"
#include "domain/projectsettings.h"

#include <optional>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class ActivityFollower;
class ActivityListModel;
class BackupFilterProxyModel;
class BackupTableModel;
class ConnectionProfiles;
class EnvironmentListModel;
class HealthMonitor;
class HealthTableModel;
class HealthView;
class LocalServer;
class QAction;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSystemTrayIcon;
class QTableView;
class QToolBar;
class QTreeView;
class QuitPrompt;
class RecoveryKeyBanner;
class RetentionPreviewModel;
class ThisComputerBanner;
class TokenStore;

// The console: environments on the left, the selected environment's backups in a sortable, filterable table,
// activities with progress and logs in a dock, the connection in the status bar. Every action is enabled from
// the links the server sent, and says why when it is not.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LocalServer* localServer, QWidget* parent = nullptr);
    ~MainWindow() override;

    ApiClient* client() const { return m_client; }
    // How often the window polls the server while connected (15 s); 0 stops polling until the next connection.
    void setRefreshInterval(int milliseconds);
    QString project() const { return m_project; }
    std::optional<Environment> selectedEnvironment() const;
    QList<Backup> selectedBackups() const;
    bool selectEnvironment(const QString& id);
    BackupTableModel* backupModel() const { return m_backups; }
    HealthMonitor* healthMonitor() const { return m_healthMonitor; }
    TokenStore* tokenStore() const { return m_tokens; }
    QString currentConnection() const;
    HealthView* healthView() const { return m_healthView; }
    // Opens an environment of any saved connection (from the Health view), switching connection and project first.
    void openEnvironment(const QString& connection, const QString& project, const QString& environment);
    ActivityListModel* activityModel() const { return m_activities; }

    // Connects with the current profile ("This computer" on first start).
    void connectToServer();

    void backUp();
    void restoreSelected();
    // Undoes the restore selected in the activity pane (its safety backup restored the same way).
    void undoSelectedRestore();
    void browseSelected();
    void compareSelected();
    void deleteSelected();
    void toggleProtection();
    void editNote();
    void editPolicies();
    // Copies, repositories and verification (projectsettingsdialog.h), where the server has them.
    void editCopies();
    RecoveryKeyBanner* recoveryKeyBanner() const { return m_keyBanner; }
    void refresh();

    // The toolbar's button style, icons with text when they fit the window's width (checked on every resize).
    Qt::ToolButtonStyle toolBarStyle() const;

signals:
    void connectionChanged(bool connected);
    void environmentsRefreshed();
    void backupsRefreshed(const QString& environment);
    void notified(const QString& message); // an activity ended (also shown in the tray when there is one)
    // Activities that were finishing in the background after a quit have ended: the application quits now.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createWidgets();
    void restorePaths(const Backup& backup, const QStringList& paths);
    void connectUsing(const QUrl& apiUrl, const QUrl& tokenUrl, const QString& token);
    // After the server said what it has: the profile's project, or the first one a tidemarkd lists.
    void chooseProject();
    void askForToken(const QUrl& apiUrl, const QUrl& tokenUrl, const QString& profileName);
    void refreshEnvironments();
    void refreshSettings();
    void refreshBackups();
    void refreshActivities();
    void follow(const Activity& activity);
    void activityFinished(const Activity& activity);
    void handleError(const ApiError& error, const QString& whileDoing);
    void setConnected(bool connected, const QString& message = {});
    void updateActions();
    void updateActivityPane();
    // Reads the whole log of an activity the console did not follow (finished ones come without their log).
    void fetchLog(const QString& activityId);
    void populateProfiles();
    void manageConnections();
    void notify(const QString& message, bool failure);
    // Forgets everything the previous server said, so nothing of it shows under another connection's name.
    void clearServerData();
    void restoreWindowState();
    void saveWindowState() const;
    void fitToolBar();
    void updateEmptyState();
    // The worst state of the Health view in the window title and the tray icon.
    void updateHealthIndicators();

    LocalServer* m_localServer;
    ApiClient* m_client;
    ConnectionProfiles* m_profiles;
    TokenStore* m_tokens;
    EnvironmentListModel* m_environments;
    BackupTableModel* m_backups;
    BackupFilterProxyModel* m_backupProxy;
    ActivityListModel* m_activities;
    RetentionPreviewModel* m_plan; // the current policy over the selected environment: why kept, what a backup replaces

    QString m_project;
    ProjectSettings m_settings;
    QList<Environment> m_environmentList;
    ServerInfo m_serverInfo; // what the connected server has (GET /tidemark); empty until it answered
    QHash<QString, QPointer<ActivityFollower>> m_followers;
    QHash<QString, bool> m_fetchedLogs; // activity id → its log has been read completely (false: being read)
    QUrl m_localUrl;
    QString m_localToken;
    bool m_connected = false;
    quint64 m_backupsRequest = 0; // the newest backups request; older answers are dropped
    quint64 m_environmentsRequest = 0;
    QTimer m_refreshTimer;
    QString m_selectAfterRefresh; // a backup the console just created: selected once the table lists it
    QString m_backupsLoadedFor; // the environment whose backups the table shows (empty while loading)
    int m_textBesideIconWidth = 0; // the toolbar's width with text beside the icons, measured once

    QComboBox* m_profileComboBox = nullptr;
    QTreeView* m_environmentView = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QTableView* m_backupView = nullptr;
    QLabel* m_backupsTitle = nullptr;
    QLabel* m_emptyLabel = nullptr; // what to do when the selected environment has no backup
    QListView* m_activityView = nullptr;
    QCheckBox* m_logDetailsCheckBox = nullptr;
    QPlainTextEdit* m_logView = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_undoButton = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QPushButton* m_retryButton = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QToolBar* m_toolBar = nullptr;
    ThisComputerBanner* m_banner = nullptr;
    HealthTableModel* m_health = nullptr;
    HealthMonitor* m_healthMonitor = nullptr;
    HealthView* m_healthView = nullptr;
    QDockWidget* m_healthDock = nullptr;
    QString m_openAfterRefresh; // an environment the Health view asked for, selected once the list has it
    QuitPrompt* m_quitPrompt = nullptr;

    QAction* m_backupAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_protectAction = nullptr;
    QAction* m_noteAction = nullptr;
    QAction* m_policiesAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_connectionsAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_cancelActivityAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_browseAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_copiesAction = nullptr;
    RecoveryKeyBanner* m_keyBanner = nullptr;
};
