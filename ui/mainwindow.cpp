#include "mainwindow.h"

#include "activitydelegate.h"
#include "activitylistmodel.h"
#include "backupdialog.h"
#include "backupfilterproxymodel.h"
#include "backuptablemodel.h"
#include "browsedialog.h"
#include "client/activityfollower.h"
#include "client/logstream.h"
#include "comparedialog.h"
#include "connectiondialog.h"
#include "connectionprofiles.h"
#include "environmentlistmodel.h"
#include "headerfit.h"
#include "healthmonitor.h"
#include "healthtablemodel.h"
#include "healthview.h"
#include "localserver.h"
#include "messagebox.h"
#include "modelroles.h"
#include "policyeditordialog.h"
#include "projectsettingsdialog.h"
#include "quitprompt.h"
#include "recoverykeybanner.h"
#include "restoredialog.h"
#include "retentionpreviewmodel.h"
#include "thiscomputerbanner.h"
#include "tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int kRefreshIntervalMs = 15000;
constexpr int kRequestTimeoutMs = 10000;
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(LocalServer* localServer, QWidget* parent)
    : QMainWindow(parent)
    , m_localServer(localServer)
    , m_client(new ApiClient(this))
    , m_profiles(new ConnectionProfiles(this))
    , m_tokens(new TokenStore(this))
    , m_environments(new EnvironmentListModel(this))
    , m_backups(new BackupTableModel(this))
    , m_backupProxy(new BackupFilterProxyModel(this))
    , m_activities(new ActivityListModel(this))
    , m_plan(new RetentionPreviewModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tidemark"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tidemark.svg")));
    m_client->setTimeout(kRequestTimeoutMs);
    m_banner = new ThisComputerBanner(
        m_localServer,
        [this] {
            if (!m_profiles->current().builtIn)
                return false;
            for (int row = 0; row < m_activities->rowCount(); ++row) {
                if (!m_activities->activity(row).isFinished())
                    return true;
            }
            return false;
        },
        this);
    m_quitPrompt = new QuitPrompt(this, m_localServer);
    m_health = new HealthTableModel(this);
    m_healthMonitor = new HealthMonitor(m_profiles, m_tokens, m_health, this);
    connect(m_quitPrompt, &QuitPrompt::quitRequested, this, &MainWindow::quitRequested);

    createActions();
    createWidgets();
    populateProfiles();
    restoreWindowState();

    connect(m_client, &ApiClient::stateChanged, this, [this](ApiClient::State state) {
        if (state == ApiClient::State::Connected && !m_connected)
            setConnected(true);
    });
    connect(m_plan, &RetentionPreviewModel::planReady, this, [this] { m_backups->setPlan(m_plan->plan()); });
    if (m_localServer) {
        connect(m_localServer, &LocalServer::started, this, [this](const QUrl& url, const QString& token) {
            m_localUrl = url;
            m_localToken = token;
            m_healthMonitor->setThisComputer(url, token);
            m_healthMonitor->pollNow();
            if (m_profiles->current().builtIn)
                connectUsing(url, QUrl(url.toString() + QStringLiteral("/oauth2/token")), token);
        });
        connect(m_localServer, &LocalServer::failed, this,
            [this](const QString& message) { setConnected(false, message); });
    }
    m_refreshTimer.setInterval(kRefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_project.isEmpty())
            refresh();
    });
    updateActions();
}

MainWindow::~MainWindow()
{
    for (const auto& follower : std::as_const(m_followers)) {
        if (follower)
            follower->stop();
    }
}

void MainWindow::createActions()
{
    const auto make
        = [this](const QString& text, const QString& name, const QKeySequence& shortcut, QStyle::StandardPixmap icon) {
              auto* action = new QAction(style()->standardIcon(icon), text, this);
              action->setObjectName(name);
              action->setShortcut(shortcut);
              return action;
          };
    m_backupAction = make(tr("&Backup…"), QStringLiteral("backupAction"), QKeySequence(Qt::CTRL | Qt::Key_B),
        QStyle::SP_DialogSaveButton);
    // Not the reload arrows: those are Refresh's, and the two must not look alike.
    m_restoreAction = make(
        tr("&Restore…"), QStringLiteral("restoreAction"), QKeySequence(Qt::CTRL | Qt::Key_R), QStyle::SP_ArrowBack);
    m_restoreAction->setIcon(QIcon::fromTheme(QStringLiteral("document-revert"), m_restoreAction->icon()));
    m_deleteAction = make(tr("&Delete…"), QStringLiteral("deleteAction"), QKeySequence::Delete, QStyle::SP_TrashIcon);
    m_protectAction = make(tr("&Protect"), QStringLiteral("protectAction"), QKeySequence(Qt::CTRL | Qt::Key_L),
        QStyle::SP_FileDialogInfoView);
    m_protectAction->setIcon(QIcon(QStringLiteral(":/icons/lock.svg")));
    // Checked while the selected backup is protected; the text stays the same so the toolbar does not jump.
    m_protectAction->setCheckable(true);
    m_noteAction = make(
        tr("Edit &note…"), QStringLiteral("noteAction"), QKeySequence(Qt::Key_F2), QStyle::SP_FileDialogDetailedView);
    m_policiesAction = make(tr("Retention &policies…"), QStringLiteral("policiesAction"),
        QKeySequence(Qt::CTRL | Qt::Key_P), QStyle::SP_FileDialogContentsView);
    m_refreshAction
        = make(tr("Re&fresh"), QStringLiteral("refreshAction"), QKeySequence::Refresh, QStyle::SP_BrowserReload);
    m_connectionsAction = make(tr("&Connections…"), QStringLiteral("connectionsAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStyle::SP_DriveNetIcon);
    m_findAction
        = make(tr("&Find backups"), QStringLiteral("findAction"), QKeySequence::Find, QStyle::SP_FileDialogListView);
    m_cancelActivityAction = make(tr("&Cancel activity"), QStringLiteral("cancelActivityAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X), QStyle::SP_DialogCancelButton);
    m_undoAction = make(tr("&Undo restore…"), QStringLiteral("undoRestoreAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QStyle::SP_ArrowBack);
    m_undoAction->setEnabled(false);
    m_browseAction = make(tr("Bro&wse files…"), QStringLiteral("browseAction"), QKeySequence(Qt::CTRL | Qt::Key_O),
        QStyle::SP_DirOpenIcon);
    m_compareAction = make(tr("Co&mpare…"), QStringLiteral("compareAction"), QKeySequence(Qt::CTRL | Qt::Key_D),
        QStyle::SP_FileDialogContentsView);

    connect(m_backupAction, &QAction::triggered, this, &MainWindow::backUp);
    connect(m_restoreAction, &QAction::triggered, this, &MainWindow::restoreSelected);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(m_protectAction, &QAction::triggered, this, &MainWindow::toggleProtection);
    connect(m_noteAction, &QAction::triggered, this, &MainWindow::editNote);
    connect(m_policiesAction, &QAction::triggered, this, &MainWindow::editPolicies);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_connectionsAction, &QAction::triggered, this, &MainWindow::manageConnections);
    connect(m_undoAction, &QAction::triggered, this, &MainWindow::undoSelectedRestore);
    connect(m_browseAction, &QAction::triggered, this, &MainWindow::browseSelected);
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::compareSelected);
    m_copiesAction = make(tr("Copies, re&positories and alerts…"), QStringLiteral("copiesAction"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QStyle::SP_DriveHDIcon);
    connect(m_copiesAction, &QAction::triggered, this, &MainWindow::editCopies);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectionsAction);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* backups = menuBar()->addMenu(tr("&Backups"));
    backups->addAction(m_backupAction);
    backups->addAction(m_restoreAction);
    backups->addAction(m_undoAction);
    backups->addAction(m_deleteAction);
    backups->addSeparator();
    backups->addAction(m_browseAction);
    backups->addAction(m_compareAction);
    backups->addSeparator();
    backups->addAction(m_protectAction);
    backups->addAction(m_noteAction);
    backups->addSeparator();
    backups->addAction(m_findAction);
    backups->addAction(m_cancelActivityAction);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(m_policiesAction);
    settings->addAction(m_banner->backgroundAction());
    settings->addAction(m_copiesAction);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_refreshAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Tidemark"), this, [this] {
        QMessageBox::about(this, tr("About Tidemark"),
            tr("<p><b>Tidemark %1</b></p><p>Backups and restores of hosting environments, under retention policies "
               "that you preview before anything is deleted.</p>")
                .arg(QStringLiteral(TIDEMARK_VERSION)));
    });
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::createWidgets()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    auto* connectionLabel = new QLabel(tr(" Connection: "), m_toolBar);
    m_profileComboBox = new QComboBox(m_toolBar);
    m_profileComboBox->setObjectName(QStringLiteral("profileComboBox"));
    m_profileComboBox->setAccessibleName(tr("Connection"));
    m_profileComboBox->setMinimumContentsLength(16);
    connectionLabel->setBuddy(m_profileComboBox);
    m_toolBar->addWidget(connectionLabel);
    m_toolBar->addWidget(m_profileComboBox);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_backupAction);
    m_toolBar->addAction(m_restoreAction);
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_protectAction);
    m_toolBar->addAction(m_noteAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_policiesAction);
    m_toolBar->addAction(m_refreshAction);
    connect(m_profileComboBox, &QComboBox::activated, this, [this](int index) {
        const QString name = m_profileComboBox->itemData(index).toString();
        if (name.isEmpty()) { // "Manage connections…"
            m_profileComboBox->setCurrentIndex(m_profileComboBox->findData(m_profiles->current().name));
            QTimer::singleShot(0, this, &MainWindow::manageConnections);
        } else if (name != m_profiles->current().name) {
            m_profiles->setCurrent(name);
            connectToServer();
        }
    });

    // Environments.
    m_environmentView = new QTreeView(this);
    m_environmentView->setObjectName(QStringLiteral("environmentView"));
    m_environmentView->setAccessibleName(tr("Environments"));
    m_environmentView->setModel(m_environments);
    m_environmentView->setRootIsDecorated(false);
    m_environmentView->setUniformRowHeights(true);
    m_environmentView->setAlternatingRowColors(true);
    m_environmentView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Every column as wide as its contents: a narrow window scrolls sideways rather than cutting names down to
    // their first letter.
    m_environmentView->header()->setStretchLastSection(false);
    m_environmentView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_environmentView->setMinimumWidth(240);
    connect(m_environmentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_backupsLoadedFor.clear();
        m_backups->setBackups({});
        m_backups->clearPlan();
        refreshBackups();
        updateActions();
    });

    // Backups.
    m_backupProxy->setSourceModel(m_backups);
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("backupFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter backups (id, date, commit, note, reason…)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter backups"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_backupProxy, &BackupFilterProxyModel::setFilterText);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });

    m_backupView = new QTableView(this);
    m_backupView->setObjectName(QStringLiteral("backupView"));
    m_backupView->setAccessibleName(tr("Backups"));
    m_backupView->setModel(m_backupProxy);
    m_backupView->setSortingEnabled(true);
    m_backupView->sortByColumn(BackupTableModel::CreatedColumn, Qt::DescendingOrder);
    m_backupView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backupView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Tab leaves the table (the arrow keys move within it) instead of stopping at every cell of every row.
    m_backupView->setTabKeyNavigation(false);
    m_backupView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_backupView->setAlternatingRowColors(true);
    m_backupView->verticalHeader()->hide();
    m_backupView->setWordWrap(false);
    m_backupView->horizontalHeader()->setResizeContentsPrecision(0); // the visible rows only
    m_backupView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // "Why kept" reads in words now and is as wide as they are; the note, often empty, takes what is left.
    m_backupView->horizontalHeader()->setSectionResizeMode(BackupTableModel::NoteColumn, QHeaderView::Stretch);
    m_backupView->horizontalHeader()->setMinimumSectionSize(40);
    HeaderFit::apply(m_backupView->horizontalHeader());
    // The lock shows on the Created cell (BackupFilterProxyModel); the column itself would only cost width.
    m_backupView->setColumnHidden(BackupTableModel::ProtectedColumn, true);
    m_backupView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_backupView->addActions(
        {m_restoreAction, m_browseAction, m_compareAction, m_deleteAction, m_protectAction, m_noteAction});
    connect(m_backupView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_backupView, &QTableView::doubleClicked, this, [this] {
        if (m_restoreAction->isEnabled())
            restoreSelected();
    });

    m_backupsTitle = new QLabel(this);
    m_backupsTitle->setObjectName(QStringLiteral("backupsTitle"));
    QFont titleFont = m_backupsTitle->font();
    titleFont.setBold(true);
    m_backupsTitle->setFont(titleFont);
    m_backupsTitle->setMinimumWidth(120);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->hide();

    auto* backupsPane = new QWidget(this);
    auto* backupsLayout = new QVBoxLayout(backupsPane);
    backupsLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(m_backupsTitle, 1);
    top->addWidget(m_filterEdit, 1);
    backupsLayout->addLayout(top);
    m_keyBanner = new RecoveryKeyBanner(m_client, backupsPane);
    connect(this, &MainWindow::backupsRefreshed, m_keyBanner, &RecoveryKeyBanner::refresh);
    backupsLayout->addWidget(m_keyBanner);
    backupsLayout->addWidget(m_emptyLabel);
    backupsLayout->addWidget(m_backupView, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(m_environmentView);
    split->addWidget(backupsPane);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setChildrenCollapsible(false);
    split->setSizes({520, 846}); // at 1366 pixels the environments' five columns fit without scrolling
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(split, 1);
    setCentralWidget(central);

    // Activities.
    auto* dock = new QDockWidget(tr("Activities"), this);
    dock->setObjectName(QStringLiteral("activityDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_activityView = new QListView(dock);
    m_activityView->setObjectName(QStringLiteral("activityView"));
    m_activityView->setAccessibleName(tr("Activities"));
    m_activityView->setModel(m_activities);
    m_activityView->setItemDelegate(new ActivityDelegate(m_activityView));
    m_activityView->setUniformItemSizes(true);
    m_activityView->setMinimumWidth(220);
    m_logView = new QPlainTextEdit(dock);
    m_logView->setObjectName(QStringLiteral("activityLogView"));
    m_logView->setAccessibleName(tr("Activity log"));
    m_logView->setReadOnly(true);
    m_logView->setPlaceholderText(tr("Select an activity to see its log."));
    m_logView->setMaximumBlockCount(5000);
    // restic's own lines stay in the log for the record; most people need only Tidemark's account of the steps.
    m_logDetailsCheckBox = new QCheckBox(tr("Show restic's own output"), dock);
    m_logDetailsCheckBox->setObjectName(QStringLiteral("logDetailsCheckBox"));
    m_logDetailsCheckBox->setVisible(false);
    connect(m_logDetailsCheckBox, &QCheckBox::toggled, this, &MainWindow::updateActivityPane);
    m_cancelButton = new QPushButton(tr("&Cancel activity"), dock);
    m_cancelButton->setObjectName(QStringLiteral("cancelActivityButton"));
    connect(m_cancelButton, &QPushButton::clicked, m_cancelActivityAction, &QAction::trigger);
    m_undoButton = new QPushButton(tr("&Undo restore"), dock);
    m_undoButton->setObjectName(QStringLiteral("undoRestoreButton"));
    m_undoButton->setVisible(false);
    connect(m_undoButton, &QPushButton::clicked, m_undoAction, &QAction::trigger);
    connect(m_cancelActivityAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_activityView->currentIndex();
        if (!current.isValid() || !ApiClient::canCancel(m_activities->activity(current.row())))
            return;
        if (!m_connected) {
            MessageBox::warning(this, tr("Cancel activity"),
                tr("Not connected to %1: the activity cannot be cancelled now.").arg(m_profiles->current().name),
                tr("Reconnect with Retry in the status bar, then cancel it again."));
            return;
        }
        const QString id = m_activities->activity(current.row()).id;
        ApiClient::onResult(m_client->cancelActivity(m_project, id), this, [this](const ApiResult<Activity>& result) {
            if (!result.ok()) {
                handleError(result.error, tr("Cancelling the activity"));
                MessageBox::warning(this, tr("Cancel activity"), result.error.message());
            } else {
                m_activities->upsert(*result.value);
            }
            updateActivityPane();
        });
    });
    connect(m_activityView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::updateActivityPane);
    connect(
        m_activities, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
            const QModelIndex current = m_activityView->currentIndex();
            if (current.isValid() && current.row() >= from.row() && current.row() <= to.row())
                updateActivityPane();
        });

    auto* dockWidget = new QWidget(dock);
    auto* dockLayout = new QHBoxLayout(dockWidget);
    auto* left = new QVBoxLayout;
    left->addWidget(m_activityView, 1);
    left->addWidget(m_cancelButton);
    left->addWidget(m_undoButton);
    dockLayout->addLayout(left, 2);
    auto* right = new QVBoxLayout;
    right->addWidget(m_logView, 1);
    right->addWidget(m_logDetailsCheckBox);
    dockLayout->addLayout(right, 3);
    dock->setWidget(dockWidget);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {230}, Qt::Vertical);

    // Health: every environment of every connection, behind the activities.
    m_healthDock = new QDockWidget(tr("Health"), this);
    m_healthDock->setObjectName(QStringLiteral("healthDock"));
    m_healthDock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_healthView = new HealthView(m_health, m_healthDock);
    m_healthDock->setWidget(m_healthView);
    addDockWidget(Qt::BottomDockWidgetArea, m_healthDock);
    tabifyDockWidget(dock, m_healthDock);
    dock->raise();
    QAction* healthAction = m_healthDock->toggleViewAction();
    healthAction->setObjectName(QStringLiteral("healthAction"));
    healthAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))->addAction(healthAction);
    connect(healthAction, &QAction::triggered, this, [this](bool shown) {
        if (shown) {
            m_healthDock->raise();
            m_healthView->table()->setFocus();
        }
    });
    connect(m_healthView, &HealthView::environmentActivated, this, &MainWindow::openEnvironment);
    connect(m_healthView, &HealthView::refreshRequested, m_healthMonitor, &HealthMonitor::pollNow);
    connect(m_healthMonitor, &HealthMonitor::polled, this, [this] {
        m_healthView->setChecked(QDateTime::currentMSecsSinceEpoch());
        updateHealthIndicators();
    });
    connect(m_health, &HealthTableModel::stateWorsened, this, [this](const HealthRow& row, HealthRow::State) {
        const QString where = row.environment.isEmpty()
            ? row.connection
            : tr("%1 of %2 (%3)").arg(row.environment, row.project, row.connection);
        const QStringList reasons = row.health ? row.health->reasons : QStringList {row.error};
        notify(tr("%1 is now %2: %3")
                   .arg(where, HealthRow::stateName(row.state).toLower(), reasons.value(0, tr("no reason given"))),
            true);
    });

    // Status bar: the connection, and a retry when it is lost.
    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_retryButton = new QPushButton(tr("Re&try"), this);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &MainWindow::connectToServer);
    // Permanent, so that status tips and notifications appear beside the connection line, never over it.
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_retryButton);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(tr("Tidemark"));
        m_tray->show();
    }

    setTabOrder(m_profileComboBox, m_environmentView);
    setTabOrder(m_environmentView, m_filterEdit);
    setTabOrder(m_filterEdit, m_backupView);
    setTabOrder(m_backupView, m_activityView);
    setTabOrder(m_activityView, m_cancelButton);
    setTabOrder(m_cancelButton, m_logView);
    setTabOrder(m_logView, m_logDetailsCheckBox);

    // Where the keyboard is must be plain to see: the list that has focus gets the highlight colour as its frame.
    for (QAbstractItemView* view : {static_cast<QAbstractItemView*>(m_environmentView),
             static_cast<QAbstractItemView*>(m_backupView), static_cast<QAbstractItemView*>(m_activityView)}) {
        view->installEventFilter(this);
        view->setStyleSheet(QStringLiteral("%1 { border: 1px solid palette(mid); padding: 1px; }"
                                           "%1:focus { border: 2px solid palette(highlight); padding: 0px; }")
                                .arg(QLatin1String(view->metaObject()->className())));
    }
}

void MainWindow::populateProfiles()
{
    const QSignalBlocker blocker(m_profileComboBox);
    m_profileComboBox->clear();
    for (const ConnectionProfile& p : m_profiles->profiles())
        m_profileComboBox->addItem(p.name, p.name);
    m_profileComboBox->addItem(tr("Manage connections…"), QString());
    m_profileComboBox->setCurrentIndex(m_profileComboBox->findData(m_profiles->current().name));
}

// --- connecting ---

void MainWindow::clearServerData()
{
    // Answers still on their way from the previous server carry older request numbers and are dropped.
    ++m_environmentsRequest;
    ++m_backupsRequest;
    m_project.clear();
    m_serverInfo = ServerInfo {};
    m_settings = ProjectSettings {};
    m_environmentList.clear();
    m_selectAfterRefresh.clear();
    for (const auto& follower : std::as_const(m_followers)) {
        if (follower)
            follower->stop();
    }
    m_followers.clear();
    m_fetchedLogs.clear();
    m_activities->clear();
    m_backupsLoadedFor.clear();
    m_backups->setBackups({});
    m_backups->clearPlan();
    m_plan->setBackups({});
    m_environments->setSettings(m_settings);
    m_environments->setEnvironments({});
    m_backupsTitle->setText(tr("Backups"));
    m_keyBanner->setProject(QString(), false);
}

void MainWindow::connectToServer()
{
    const ConnectionProfile profile = m_profiles->current();
    m_refreshTimer.stop();
    clearServerData();
    const bool wasConnected = m_connected;
    m_connected = false;
    m_connectionLabel->setText(tr("Connecting to %1…").arg(profile.name));
    m_retryButton->hide();
    m_banner->setThisComputerShown(profile.builtIn);
    updateActions();
    if (wasConnected)
        emit connectionChanged(false);
    if (profile.builtIn) {
        if (!m_localServer) {
            setConnected(false, tr("This computer's server is not available in this build."));
            return;
        }
        if (m_localServer->isRunning())
            connectUsing(m_localUrl, QUrl(m_localUrl.toString() + QStringLiteral("/oauth2/token")), m_localToken);
        else
            m_localServer->start();
        return;
    }
    // A token typed in this session (Connections or the prompt) is the newest one; it wins over the keychain's.
    if (const auto token = m_tokens->sessionToken(profile.apiUrl)) {
        connectUsing(profile.apiUrl, profile.tokenUrl, *token);
        return;
    }
    // The token comes from the keychain; without one, it is asked for (and kept for this session only).
    auto* context = new QObject(this);
    connect(m_tokens, &TokenStore::tokenRead, context, [this, context, profile](const QUrl& url, const QString& token) {
        if (url != profile.apiUrl)
            return;
        context->deleteLater();
        connectUsing(profile.apiUrl, profile.tokenUrl, token);
    });
    const auto ask = [this, context, profile](const QUrl& url) {
        if (url != profile.apiUrl)
            return;
        context->deleteLater();
        askForToken(profile.apiUrl, profile.tokenUrl, profile.name);
    };
    connect(m_tokens, &TokenStore::tokenNotFound, context, ask);
    connect(m_tokens, &TokenStore::failed, context, [ask](const QUrl& url, const QString&) { ask(url); });
    m_tokens->read(profile.apiUrl);
}

void MainWindow::askForToken(const QUrl& apiUrl, const QUrl& tokenUrl, const QString& profileName)
{
    QString prompt = tr("API token for %1:").arg(profileName);
    if (!m_tokens->available())
        prompt += QLatin1Char('\n') + TokenStore::noKeychainSentence();
    bool ok = false;
    const QString token
        = QInputDialog::getText(this, tr("API token"), prompt, QLineEdit::Password, QString(), &ok).trimmed();
    if (!ok || token.isEmpty()) {
        setConnected(false, tr("No API token for %1.").arg(profileName));
        return;
    }
    m_tokens->setSessionToken(apiUrl, token);
    if (m_tokens->available())
        m_tokens->write(apiUrl, token);
    connectUsing(apiUrl, tokenUrl, token);
}

void MainWindow::connectUsing(const QUrl& apiUrl, const QUrl& tokenUrl, const QString& token)
{
    ApiClient::Connection connection;
    connection.apiUrl = apiUrl;
    connection.tokenUrl = tokenUrl.isEmpty() ? QUrl(apiUrl.toString() + QStringLiteral("/oauth2/token")) : tokenUrl;
    connection.apiToken = token;
    m_client->setConnection(connection);
    m_serverInfo = ServerInfo {};
    updateActions();
    // What the server has decides which local features show; a server without /tidemark has none of them.
    ApiClient::onResult(m_client->serverInfo(), this, [this](const ApiResult<ServerInfo>& result) {
        if (!result.ok()) {
            handleError(result.error, tr("Connecting"));
            return;
        }
        m_serverInfo = *result.value;
        // The Health view needs servers that report health; the hosted API does not.
        m_healthDock->toggleViewAction()->setVisible(m_serverInfo.has(Capability::Health));
        if (!m_serverInfo.has(Capability::Health))
            m_healthDock->hide();
        chooseProject();
    });
}

void MainWindow::chooseProject()
{
    const QString wanted = m_profiles->current().project;
    const auto use = [this](const QString& project) {
        m_project = project;
        setConnected(true);
        m_keyBanner->setProject(project, m_serverInfo.has(Capability::Repository));
        refresh();
        refreshActivities();
        m_refreshTimer.start();
    };
    if (!m_serverInfo.isTidemark()) {
        // The hosted API lists no projects at /projects: the connection names its project.
        if (wanted.isEmpty()) {
            setConnected(false, tr("This server does not list its projects; enter the project ID in Connections."));
            return;
        }
        ApiClient::onResult(m_client->project(wanted), this, [this, use, wanted](const ApiResult<Project>& result) {
            if (!result.ok()) {
                if (result.error.kind == ApiError::Kind::Http && result.error.httpStatus == 404)
                    setConnected(false, tr("The server has no project %1.").arg(wanted));
                else
                    handleError(result.error, tr("Connecting"));
                return;
            }
            use(result.value->id);
        });
        return;
    }
    ApiClient::onResult(m_client->projects(), this, [this, use, wanted](const ApiResult<QList<Project>>& result) {
        if (!result.ok()) {
            handleError(result.error, tr("Connecting"));
            return;
        }
        QString chosen;
        for (const Project& p : *result.value) {
            if (p.id == wanted || (wanted.isEmpty() && chosen.isEmpty()))
                chosen = p.id;
        }
        if (chosen.isEmpty()) {
            setConnected(false,
                wanted.isEmpty() ? tr("The server has no project.") : tr("The server has no project %1.").arg(wanted));
            return;
        }
        use(chosen);
    });
}

void MainWindow::setConnected(bool connected, const QString& message)
{
    const bool changed = connected != m_connected;
    m_connected = connected;
    const ConnectionProfile profile = m_profiles->current();
    if (connected) {
        m_connectionLabel->setText(m_project.isEmpty()
                ? tr("Connected to %1").arg(profile.name)
                : tr("Connected to %1 — project %2").arg(profile.name, m_project));
        m_retryButton->hide();
    } else {
        m_connectionLabel->setText(tr("Disconnected from %1: %2").arg(profile.name, message));
        m_retryButton->show();
    }
    updateActions();
    if (changed)
        emit connectionChanged(connected);
}

void MainWindow::handleError(const ApiError& error, const QString& whileDoing)
{
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
        || error.kind == ApiError::Kind::Auth) {
        // A refused token is not tried again: Retry asks for another one (or reads the keychain's).
        const ConnectionProfile profile = m_profiles->current();
        if (error.kind == ApiError::Kind::Auth && !profile.builtIn)
            m_tokens->forgetSessionToken(profile.apiUrl);
        setConnected(false, error.message());
        return;
    }
    statusBar()->showMessage(tr("%1 failed: %2").arg(whileDoing, error.message()), 15000);
}

// --- refreshing ---

void MainWindow::refresh()
{
    if (m_project.isEmpty()) {
        connectToServer();
        return;
    }
    refreshSettings();
    refreshEnvironments();
    refreshActivities();
}

void MainWindow::refreshEnvironments()
{
    const quint64 request = ++m_environmentsRequest;
    ApiClient::onResult(
        m_client->environments(m_project), this, [this, request](const ApiResult<QList<Environment>>& result) {
            if (request != m_environmentsRequest)
                return; // a newer refresh is on its way
            if (!result.ok()) {
                handleError(result.error, tr("Loading environments"));
                return;
            }
            if (!m_connected)
                setConnected(true);
            m_environmentList = *result.value;
            m_environments->setEnvironments(m_environmentList);
            if (!m_openAfterRefresh.isEmpty()) {
                selectEnvironment(m_openAfterRefresh);
                m_openAfterRefresh.clear();
            }
            if (!m_environmentView->currentIndex().isValid() && m_environments->rowCount() > 0) {
                // Start on the production environment, else the first active one.
                int row = -1;
                for (int r = 0; r < m_environments->rowCount() && row < 0; ++r) {
                    const Environment& e = m_environments->environment(r);
                    if (e.status == Environment::Status::Active && e.type == EnvironmentType::Production)
                        row = r;
                }
                for (int r = 0; r < m_environments->rowCount() && row < 0; ++r) {
                    if (m_environments->environment(r).status == Environment::Status::Active)
                        row = r;
                }
                m_environmentView->setCurrentIndex(m_environments->index(std::max(row, 0), 0));
            } else

                refreshBackups();
            updateActions();
            emit environmentsRefreshed();
        });
}

void MainWindow::refreshSettings()
{
    ApiClient::onResult(m_client->settings(m_project), this, [this](const ApiResult<ProjectSettings>& result) {
        if (!result.ok()) {
            handleError(result.error, tr("Loading settings"));
            return;
        }
        m_settings = *result.value;
        m_environments->setSettings(m_settings);
        if (const auto env = selectedEnvironment())
            m_plan->setPolicy(m_settings.policyFor(env->type));
    });
}

void MainWindow::refreshBackups()
{
    const auto env = selectedEnvironment();
    if (!env) {
        m_backupsTitle->setText(tr("Backups"));
        return;
    }
    m_backupsTitle->setText(tr("Backups of %1").arg(env->title.isEmpty() ? env->id : env->title));
    const QString id = env->id;
    const quint64 request = ++m_backupsRequest;
    ApiClient::onResult(
        m_client->backups(m_project, id), this, [this, id, request](const ApiResult<QList<Backup>>& result) {
            // Answers can overtake each other: only the newest request's answer is shown, never an older list.
            if (request != m_backupsRequest)
                return;
            const auto current = selectedEnvironment();
            if (!current || current->id != id)
                return; // the selection moved on while this was on its way
            if (!result.ok()) {
                handleError(result.error, tr("Loading backups"));
                return;
            }
            m_backups->setBackups(*result.value);
            m_plan->setBackups(*result.value);
            m_plan->setPolicy(m_settings.policyFor(current->type));
            // Inputs the plan already has (the selection went away and came back before another environment's
            // list arrived) start no planning and bring no planReady: the plan in hand is theirs.
            if (!m_plan->isComputing() && m_plan->isPolicyValid())
                m_backups->setPlan(m_plan->plan());
            m_backups->setPausesRecorded(m_serverInfo.isTidemark());
            m_backupsLoadedFor = id;
            if (!m_selectAfterRefresh.isEmpty()) {
                const int row = m_backups->rowOf(m_selectAfterRefresh);
                if (row >= 0) {
                    m_selectAfterRefresh.clear();
                    const QModelIndex index = m_backupProxy->mapFromSource(m_backups->index(row, 0));
                    if (index.isValid()) {
                        m_backupView->selectionModel()->setCurrentIndex(
                            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                        m_backupView->scrollTo(index);
                    }
                }
            }
            updateActions();
            emit backupsRefreshed(id);
        });
}

void MainWindow::refreshActivities()
{
    ApiClient::ActivityFilter filter;
    filter.count = 30;
    ApiClient::onResult(
        m_client->activities(m_project, filter), this, [this](const ApiResult<QList<Activity>>& result) {
            if (!result.ok())
                return;
            for (const Activity& a : *result.value) {
                m_activities->upsert(a);
                if (!a.isFinished())
                    follow(a);
            }
        });
}

void MainWindow::setRefreshInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshTimer.setInterval(milliseconds);
    if (m_connected)
        m_refreshTimer.start();
}

// --- selection ---

std::optional<Environment> MainWindow::selectedEnvironment() const
{
    const QModelIndex current = m_environmentView->currentIndex();
    if (!current.isValid() || current.row() >= m_environments->rowCount())
        return std::nullopt;
    return m_environments->environment(current.row());
}

bool MainWindow::selectEnvironment(const QString& id)
{
    const int row = m_environments->rowOf(id);
    if (row < 0)
        return false;
    m_environmentView->setCurrentIndex(m_environments->index(row, 0));
    return true;
}

QList<Backup> MainWindow::selectedBackups() const
{
    QList<Backup> out;
    for (const QModelIndex& index : m_backupView->selectionModel()->selectedRows()) {
        const QModelIndex source = m_backupProxy->mapToSource(index);
        if (source.isValid())
            out.append(m_backups->backup(source.row()));
    }
    return out;
}

void MainWindow::updateActions()
{
    const auto env = selectedEnvironment();
    const QList<Backup> selected = selectedBackups();
    const auto enable = [](QAction* action, bool enabled, const QString& why) {
        action->setEnabled(enabled);
        const QString base = action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        const QString tip = shortcut.isEmpty() ? base : tr("%1 (%2)").arg(base, shortcut);
        action->setToolTip(enabled || why.isEmpty() ? tip : tr("%1 — %2").arg(tip, why));
        action->setStatusTip(enabled ? QString() : why);
    };
    const bool active = env && env->status == Environment::Status::Active;

    QString why;
    if (!m_connected)
        why = tr("Not connected");
    else if (!env)
        why = tr("Select an environment");
    else if (!active)
        why = tr("Environment is inactive");
    else if (!ApiClient::canBackup(*env))
        why = tr("Viewers cannot back up");
    enable(m_backupAction, m_connected && env && ApiClient::canBackup(*env), why);

    why.clear();
    if (selected.isEmpty())
        why = tr("Select one backup to restore");
    else if (selected.size() > 1)
        why = tr("Select only one backup to restore");
    else if (!active)
        why = tr("Environment is inactive");
    else if (selected.first().status != Backup::Status::Created)
        why = tr("The backup is being deleted");
    else if (!ApiClient::canRestore(selected.first()))
        why = tr("Viewers cannot restore");
    enable(m_restoreAction, m_connected && selected.size() == 1 && ApiClient::canRestore(selected.first()), why);

    why.clear();
    bool deletable = !selected.isEmpty();
    for (const Backup& b : selected)
        deletable = deletable && ApiClient::canDelete(b);
    if (selected.isEmpty())
        why = tr("Select the backups to delete");
    else if (std::any_of(selected.begin(), selected.end(), [](const Backup& b) { return b.isProtected(); }))
        why = tr("Protected backups cannot be deleted");
    else if (std::any_of(
                 selected.begin(), selected.end(), [](const Backup& b) { return b.status != Backup::Status::Created; }))
        why = tr("The backup is being deleted");
    else if (!deletable)
        why = tr("Viewers cannot delete backups");
    enable(m_deleteAction, m_connected && deletable, why);

    // Notes and protection are a tidemarkd extension: shown only where the server has them.
    const bool annotations = m_serverInfo.has(Capability::Annotations);
    if (m_protectAction->isVisible() != annotations) {
        m_protectAction->setVisible(annotations);
        m_noteAction->setVisible(annotations);
        m_textBesideIconWidth = 0; // the toolbar's width changed: measure again
        fitToolBar();
    }
    const bool editable = annotations && selected.size() == 1 && ApiClient::canEdit(selected.first());
    why = selected.size() != 1 ? tr("Select one backup") : editable ? QString() : tr("Viewers cannot change backups");
    enable(m_protectAction, m_connected && editable, why);
    const bool isProtected = selected.size() == 1 && selected.first().isProtected();
    m_protectAction->setChecked(isProtected);
    if (m_protectAction->isEnabled())
        m_protectAction->setToolTip(isProtected
                ? tr("Protected: never deleted. Click to unprotect (%1)")
                      .arg(m_protectAction->shortcut().toString(QKeySequence::NativeText))
                : tr("Protect: never delete this backup (%1)")
                      .arg(m_protectAction->shortcut().toString(QKeySequence::NativeText)));
    enable(m_noteAction, m_connected && editable, why);
    // Browse and compare: where the server has them, for one backup.
    const bool files = m_serverInfo.has(Capability::Files);
    const bool diff = m_serverInfo.has(Capability::Diff);
    m_browseAction->setVisible(files);
    m_compareAction->setVisible(diff);
    const bool one = selected.size() == 1 && selected.first().status == Backup::Status::Created;
    enable(m_browseAction, m_connected && files && one, one ? QString() : tr("Select one backup"));
    enable(m_compareAction, m_connected && diff && one, one ? QString() : tr("Select one backup"));
    enable(m_policiesAction, m_connected, m_connected ? QString() : tr("Not connected"));
    // Copies and repository statistics are tidemarkd's: hidden for the hosted API.
    const bool copies = m_serverInfo.has(Capability::Copies);
    m_copiesAction->setVisible(
        copies || m_serverInfo.has(Capability::Repository) || m_serverInfo.has(Capability::Notifications));
    enable(m_copiesAction, m_connected, m_connected ? QString() : tr("Not connected"));
    m_backupView->setColumnHidden(BackupTableModel::CopiesColumn, !copies);
    enable(m_refreshAction, true, QString());
    updateActivityPane();
    updateEmptyState();
}

void MainWindow::updateActivityPane()
{
    const QModelIndex current = m_activityView->currentIndex();
    if (!current.isValid()) {
        m_logView->clear();
        m_logView->setPlaceholderText(tr("Select an activity to see its log."));
        m_cancelButton->setEnabled(false);
        m_cancelActivityAction->setEnabled(false);
        m_cancelButton->setToolTip(tr("Select a running activity"));
        m_undoAction->setEnabled(false);
        m_undoButton->setVisible(false);
        return;
    }
    const Activity& a = m_activities->activity(current.row());
    const QString rawLog = current.data(LogRole).toString();
    int toolLines = 0;
    const QString log = ActivityListModel::renderLog(
        rawLog, m_activities->logTimes(a.id), m_logDetailsCheckBox->isChecked(), &toolLines);
    m_logDetailsCheckBox->setVisible(toolLines > 0);
    m_logDetailsCheckBox->setText(tr("Show restic's own output (%n line(s))", "", toolLines));
    if (rawLog.isEmpty() && a.isFinished() && !m_followers.value(a.id))
        fetchLog(a.id);
    const auto fetched = m_fetchedLogs.constFind(a.id);
    m_logView->setPlaceholderText(fetched == m_fetchedLogs.cend() ? tr("The log appears here as the activity runs.")
            : *fetched                                            ? tr("This activity has no log.")
                                                                  : tr("Loading the log…"));
    if (m_logView->toPlainText() != log) {
        m_logView->setPlainText(log);
        m_logView->moveCursor(QTextCursor::End);
    }
    // A finished restore is undone from here while its safety backup exists (the server's #undo link says so).
    const bool undoable = ApiClient::canUndo(a) && m_connected;
    m_undoAction->setEnabled(undoable);
    m_undoButton->setVisible(ApiClient::canUndo(a));
    m_undoButton->setEnabled(undoable);
    const bool cancellable = ApiClient::canCancel(a) && !a.isFinished() && m_connected;
    m_cancelButton->setEnabled(cancellable);
    m_cancelActivityAction->setEnabled(cancellable);
    m_cancelButton->setToolTip(cancellable ? QString()
            : a.isFinished()               ? tr("The activity has ended")
            : !m_connected                 ? tr("Not connected: reconnect to cancel it")
                                           : tr("This activity cannot be cancelled"));
}

void MainWindow::fetchLog(const QString& activityId)
{
    if (m_fetchedLogs.contains(activityId))
        return;
    m_fetchedLogs.insert(activityId, false);
    LogStream* stream = m_client->openLogStream(m_project, activityId, this);
    connect(
        stream, &LogStream::lineReceived, this, [this, activityId](int, qint64 timestampMs, const QString& message) {
            m_activities->appendLog(activityId, message, timestampMs);
        });
    connect(stream, &LogStream::sealed, this, [this, stream, activityId] {
        stream->deleteLater();
        m_fetchedLogs.insert(activityId, true);
        updateActivityPane();
    });
    connect(stream, &LogStream::failed, this, [this, stream, activityId](const ApiError& error) {
        stream->deleteLater();
        m_fetchedLogs.remove(activityId); // selecting it again tries again
        handleError(error, tr("Loading the activity's log"));
        updateActivityPane();
    });
    stream->start();
}

// --- actions ---

void MainWindow::follow(const Activity& activity)
{
    if (m_followers.value(activity.id))
        return;
    m_activities->upsert(activity);
    auto* follower = new ActivityFollower(m_client, m_project, activity.id, this);
    m_followers.insert(activity.id, follower);
    const QString id = activity.id;
    connect(follower, &ActivityFollower::activityChanged, this, [this](const Activity& a) { m_activities->upsert(a); });
    connect(follower, &ActivityFollower::logLine, this,
        [this, id](const QString& line, qint64 timestampMs) { m_activities->appendLog(id, line, timestampMs); });
    connect(follower, &ActivityFollower::finished, this, [this, follower, id](const Activity& a) {
        m_followers.remove(id);
        follower->deleteLater();
        activityFinished(a);
    });
}

void MainWindow::activityFinished(const Activity& activity)
{
    m_activities->upsert(activity);
    const bool failed = activity.result == Activity::Result::Failure;
    const QString what = ActivityListModel::describe(activity);
    QString message;
    if (activity.state == Activity::State::Cancelled)
        message = tr("Cancelled: %1").arg(what);
    else if (failed)
        message = tr("Failed: %1").arg(what);
    else
        message = tr("Done: %1").arg(what);
    // The backup someone just asked for is what they want to look at next.
    if (activity.type == QLatin1String("environment.backup") && !failed && activity.state == Activity::State::Complete
        && !activity.payload.value(QStringLiteral("automated")).toBool())
        m_selectAfterRefresh = activity.payload.value(QStringLiteral("backup_name")).toString();
    notify(message, failed);
    refreshEnvironments(); // also refreshes the selected environment's backups
    refreshActivities(); // and follows what the server started in turn (deletes by the retention policy)
    updateActivityPane();
}

void MainWindow::notify(const QString& message, bool failure)
{
    statusBar()->showMessage(message, 10000);
    if (m_tray)
        m_tray->showMessage(
            tr("Tidemark"), message, failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    emit notified(message);
}

void MainWindow::backUp()
{
    const auto env = selectedEnvironment();
    if (!env || !m_backupAction->isEnabled())
        return;
    BackupDialog dialog(env->title.isEmpty() ? env->id : env->title, this);
    const RetentionPolicy policy = m_settings.policyFor(env->type);
    dialog.setReplacedBackup(m_plan->replacedByNewManualBackup(), policy.manualCount);
    dialog.setManualBackupsDisabled(policy.manualCount == 0);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ApiClient::onResult(m_client->createBackup(m_project, env->id, !dialog.isLive()), this,
        [this](const ApiResult<QList<Activity>>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Backup"), result.error.message());
                handleError(result.error, tr("Starting the backup"));
                return;
            }
            for (const Activity& a : *result.value)
                follow(a);
            if (!result.value->isEmpty())
                m_activityView->setCurrentIndex(m_activities->index(m_activities->rowOf(result.value->first().id), 0));
            refreshEnvironments();
        });
}

void MainWindow::restoreSelected()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.size() != 1 || !m_restoreAction->isEnabled())
        return;
    RestoreDialog dialog(selected.first(), m_environmentList, this);
    const Backup backup = selected.first();
    if (m_serverInfo.has(Capability::PartialRestore) || m_serverInfo.has(Capability::SafetyBackup)
        || m_serverInfo.has(Capability::Diff)) {
        dialog.setFeatures(m_serverInfo.has(Capability::PartialRestore), m_serverInfo.has(Capability::SafetyBackup));
        // The impact preview arrives while the dialog is open; the UI never waits for it.
        if (m_serverInfo.has(Capability::Diff)) {
            QPointer<RestoreDialog> guard(&dialog);
            ApiClient::onResult(
                m_client->backupDiff(m_project, backup.environment, backup.id, QStringLiteral("current")), &dialog,
                [guard](const ApiResult<BackupDiff>& result) {
                    if (!guard)
                        return;
                    if (result.ok())
                        guard->setImpact(*result.value);
                    else
                        guard->setImpactUnavailable(tr("The comparison with the environment now is not available: %1")
                                                        .arg(result.error.message()));
                });
        } else {
            dialog.setImpactUnavailable(tr("This server cannot compare a backup with the environment."));
        }
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    ApiClient::RestoreOptions options;
    options.restoreCode = dialog.restoreCode();
    options.targetEnvironment = dialog.targetEnvironment();
    options.parts = dialog.parts();
    options.safetyBackup = dialog.safetyBackup();
    ApiClient::onResult(m_client->restoreBackup(m_project, backup.environment, backup.id, options), this,
        [this](const ApiResult<QList<Activity>>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Restore"), result.error.message());
                handleError(result.error, tr("Starting the restore"));
                return;
            }
            for (const Activity& a : *result.value)
                follow(a);
            if (!result.value->isEmpty())
                m_activityView->setCurrentIndex(m_activities->index(m_activities->rowOf(result.value->first().id), 0));
        });
}

void MainWindow::undoSelectedRestore()
{
    const QModelIndex current = m_activityView->currentIndex();
    if (!current.isValid() || !m_undoAction->isEnabled())
        return;
    const Activity restore = m_activities->activity(current.row());
    const QString target = restore.payload.value(QStringLiteral("environment_name")).toString();
    const QString safety = restore.payload.value(QStringLiteral("safety_backup")).toString();
    const auto answer
        = MessageBox::question(this, tr("Undo restore"), tr("Put %1 back as it was before this restore?").arg(target),
            tr("The safety backup %1 taken before the restore is restored into %2, with the same parts; a new safety "
               "backup is taken first.")
                .arg(safety.left(8), target),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Undo restore"));
    if (answer != QMessageBox::Yes)
        return;
    ApiClient::onResult(
        m_client->undoRestore(m_project, restore.id), this, [this](const ApiResult<QList<Activity>>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Undo restore"), result.error.message());
                handleError(result.error, tr("Undoing the restore"));
                return;
            }
            for (const Activity& a : *result.value)
                follow(a);
            if (!result.value->isEmpty())
                m_activityView->setCurrentIndex(m_activities->index(m_activities->rowOf(result.value->first().id), 0));
        });
}

void MainWindow::browseSelected()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.size() != 1 || !m_browseAction->isEnabled())
        return;
    auto* dialog = new BrowseDialog(m_client, m_project, selected.first(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BrowseDialog::restoreRequested, this,
        [this, backup = selected.first()](const QStringList& paths) { restorePaths(backup, paths); });
    dialog->show();
}

void MainWindow::restorePaths(const Backup& backup, const QStringList& paths)
{
    const auto answer = MessageBox::question(this, tr("Restore files"),
        tr("Put back %n item(s) of backup %1 into %2?", nullptr, int(paths.size()))
            .arg(backup.id.left(8), backup.environment),
        tr("Only these are replaced; everything else in %1 stays as it is. A safety backup is taken first, so the "
           "restore can be undone.")
            .arg(backup.environment),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel, tr("Restore"));
    if (answer != QMessageBox::Yes)
        return;
    ApiClient::RestoreOptions options;
    options.paths = paths;
    if (m_serverInfo.has(Capability::SafetyBackup))
        options.safetyBackup = true;
    ApiClient::onResult(m_client->restoreBackup(m_project, backup.environment, backup.id, options), this,
        [this](const ApiResult<QList<Activity>>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Restore files"), result.error.message());
                handleError(result.error, tr("Starting the restore"));
                return;
            }
            for (const Activity& a : *result.value)
                follow(a);
        });
}

void MainWindow::compareSelected()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.size() != 1 || !m_compareAction->isEnabled())
        return;
    // "The previous backup": the next older one in the environment's list.
    QString previous;
    qint64 previousAt = 0;
    for (int row = 0; row < m_backups->rowCount(); ++row) {
        const Backup& b = m_backups->backup(row);
        if (b.createdAtMs < selected.first().createdAtMs && b.createdAtMs > previousAt
            && b.status == Backup::Status::Created) {
            previous = b.id;
            previousAt = b.createdAtMs;
        }
    }
    auto* dialog = new CompareDialog(m_client, m_project, selected.first(), previous, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::deleteSelected()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.isEmpty() || !m_deleteAction->isEnabled())
        return;
    QStringList lines;
    for (const Backup& b : selected) {
        lines.append(tr("%1 — %2, %3")
                         .arg(QDateTime::fromMSecsSinceEpoch(b.createdAtMs)
                                  .toLocalTime()
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             b.automated ? tr("automated") : tr("manual"), b.id.left(8)));
    }
    const QString question = selected.size() == 1
        ? tr("Delete this backup? It cannot be restored afterwards.")
        : tr("Delete these %1 backups? They cannot be restored afterwards.").arg(selected.size());
    const auto answer = MessageBox::question(this, tr("Delete backups"), question, lines.join(QLatin1Char('\n')),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
        selected.size() == 1 ? tr("Delete") : tr("Delete %1").arg(selected.size()));
    if (answer != QMessageBox::Yes)
        return;
    for (const Backup& b : selected) {
        ApiClient::onResult(m_client->deleteBackup(m_project, b.environment, b.id), this,
            [this](const ApiResult<QList<Activity>>& result) {
                if (!result.ok()) {
                    handleError(result.error, tr("Deleting a backup"));
                    MessageBox::warning(this, tr("Delete backups"), result.error.message());
                    return;
                }
                for (const Activity& a : *result.value)
                    follow(a);
                refreshBackups();
            });
    }
}

void MainWindow::toggleProtection()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.size() != 1)
        return;
    const Backup b = selected.first();
    ApiClient::onResult(m_client->annotateBackup(m_project, b.environment, b.id, std::nullopt, !b.isProtected()), this,
        [this](const ApiResult<Backup>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Protect backup"), result.error.message());
                return;
            }
            refreshBackups();
        });
}

void MainWindow::editNote()
{
    const QList<Backup> selected = selectedBackups();
    if (selected.size() != 1)
        return;
    const Backup b = selected.first();
    bool ok = false;
    const QString note = QInputDialog::getText(this, tr("Backup note"),
        tr("Note for the backup of %1 from %2:")
            .arg(b.environment,
                QDateTime::fromMSecsSinceEpoch(b.createdAtMs)
                    .toLocalTime()
                    .toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
        QLineEdit::Normal, b.attributes.value(QStringLiteral("note")), &ok);
    if (!ok)
        return;
    ApiClient::onResult(m_client->annotateBackup(m_project, b.environment, b.id, note, std::nullopt), this,
        [this](const ApiResult<Backup>& result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Backup note"), result.error.message());
                return;
            }
            refreshBackups();
        });
}

void MainWindow::editPolicies()
{
    if (m_project.isEmpty())
        return;
    // Only a server that says so answers dry runs; the hosted API would apply the change, so the editor plans
    // locally with the same planner there.
    const bool serverPreviews = m_serverInfo.has(Capability::RetentionDryRun);
    auto* dialog = new PolicyEditorDialog(m_client, m_project, m_settings, m_environmentList, serverPreviews, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PolicyEditorDialog::applied, this, [this] {
        refresh();
        refreshActivities();
    });
    dialog->open();
}

void MainWindow::openEnvironment(const QString& connection, const QString& project, const QString& environment)
{
    std::optional<ConnectionProfile> profile = m_profiles->profile(connection);
    if (!profile)
        return;
    if (profile->name == m_profiles->current().name && (project.isEmpty() || project == m_project) && m_connected) {
        if (!environment.isEmpty())
            selectEnvironment(environment);
        m_environmentView->setFocus();
        return;
    }
    // The project is the connection's own setting: opening another one makes it the connection's project.
    if (!project.isEmpty() && profile->project != project) {
        profile->project = project;
        m_profiles->update(connection, *profile);
    }
    m_profiles->setCurrent(connection);
    populateProfiles();
    connectToServer();
    m_openAfterRefresh = environment;
    m_environmentView->setFocus();
}

QString MainWindow::currentConnection() const
{
    return m_profiles->current().name;
}

void MainWindow::updateHealthIndicators()
{
    const bool any = m_health->rowCount() > 0;
    const HealthRow::State worst = m_health->worstState();
    setWindowTitle(any ? tr("Tidemark — %1").arg(HealthRow::stateName(worst)) : tr("Tidemark"));
    if (m_tray) {
        m_tray->setIcon(any ? HealthView::stateIcon(worst, windowIcon()) : windowIcon());
        m_tray->setToolTip(windowTitle());
    }
}

void MainWindow::editCopies()
{
    if (m_project.isEmpty())
        return;
    ProjectSettingsDialog::Pages pages;
    pages.copies = m_serverInfo.has(Capability::Copies);
    pages.repository = m_serverInfo.has(Capability::Repository);
    pages.verify = m_serverInfo.has(Capability::Verify);
    pages.notifications = m_serverInfo.has(Capability::Notifications);
    auto* dialog = new ProjectSettingsDialog(
        m_client, m_project, m_settings.backupCopies, m_settings.notifications, pages, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProjectSettingsDialog::copiesChanged, this, [this] {
        refreshSettings();
        refreshBackups();
    });
    connect(dialog, &ProjectSettingsDialog::notificationsChanged, this, &MainWindow::refreshSettings);
    connect(dialog, &ProjectSettingsDialog::activityStarted, this, [this](const Activity& activity) {
        follow(activity);
        refreshActivities();
    });
    dialog->open();
}

void MainWindow::manageConnections()
{
    ConnectionDialog dialog(m_profiles, m_tokens, this);
    dialog.exec();
    populateProfiles();
    if (dialog.switchedProfile())
        connectToServer();
}

// --- empty states ---

void MainWindow::updateEmptyState()
{
    const auto env = selectedEnvironment();
    QStringList lines;
    if (m_connected && env) {
        const QString name = env->title.isEmpty() ? env->id : env->title;
        const bool active = env->status == Environment::Status::Active;
        if (!m_backupsLoadedFor.isEmpty() && m_backupsLoadedFor == env->id && m_backups->rowCount() == 0) {
            lines.append(active ? tr("%1 has no backup yet. Take the first one with Backup (%2).")
                                      .arg(name, m_backupAction->shortcut().toString(QKeySequence::NativeText))
                                : tr("%1 has no backup, and it is inactive: activate it to back it up.").arg(name));
        }
        // Without a schedule nothing is backed up unless someone asks; that should not go unnoticed.
        if (m_environmentList.size() > 0 && m_settings.policyFor(env->type).schedules.isEmpty() && active) {
            lines.append(tr("The %1 retention policy has no schedule, so %2 is never backed up automatically. "
                            "Add a schedule under Retention policies (%3).")
                             .arg(EnvironmentListModel::typeName(env->type).toLower(), name,
                                 m_policiesAction->shortcut().toString(QKeySequence::NativeText)));
        }
    }
    m_emptyLabel->setText(lines.join(QLatin1Char('\n')));
    m_emptyLabel->setVisible(!lines.isEmpty());
}

// --- window state and quitting ---

void MainWindow::restoreWindowState()
{
    QSettings settings;
    const bool restored = restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (restored)
        return;
    // The first window fits the screen it opens on, title bar and panel included (1280×800 does not fit 1366×768).
    QSize size(1280, 800);
    if (const QScreen* screen = QGuiApplication::primaryScreen()) {
        const QRect available = screen->availableGeometry();
        size = size.boundedTo(QSize(available.width() * 95 / 100, available.height() * 90 / 100));
        resize(size.expandedTo(minimumSizeHint()));
        move(available.center() - rect().center());
        return;
    }
    resize(size);
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_quitPrompt->mayClose()) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

// --- keyboard and layout ---

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // Ctrl+Tab always leaves a list or table, as it leaves a text field: the way out that never depends on the
    // widget.
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) && (key->modifiers() & Qt::ControlModifier)) {
            const bool backwards = key->key() == Qt::Key_Backtab || (key->modifiers() & Qt::ShiftModifier);
            if (auto* widget = qobject_cast<QWidget*>(watched)) {
                QWidget* next = backwards ? widget->previousInFocusChain() : widget->nextInFocusChain();
                while (next && next != widget
                    && (!next->isVisible() || !next->isEnabled() || !(next->focusPolicy() & Qt::TabFocus)))
                    next = backwards ? next->previousInFocusChain() : next->nextInFocusChain();
                if (next && next != widget)
                    next->setFocus(backwards ? Qt::BacktabFocusReason : Qt::TabFocusReason);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    fitToolBar();
}

Qt::ToolButtonStyle MainWindow::toolBarStyle() const
{
    return m_toolBar->toolButtonStyle();
}

void MainWindow::fitToolBar()
{
    // Text beside the icons while it fits; icons alone (the text in their tooltips) rather than hiding the last
    // actions behind the toolbar's overflow arrow.
    if (m_textBesideIconWidth == 0 || m_toolBar->toolButtonStyle() == Qt::ToolButtonTextBesideIcon) {
        const Qt::ToolButtonStyle before = m_toolBar->toolButtonStyle();
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_textBesideIconWidth = m_toolBar->sizeHint().width();
        m_toolBar->setToolButtonStyle(before);
    }
    const Qt::ToolButtonStyle wanted
        = width() >= m_textBesideIconWidth ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    if (m_toolBar->toolButtonStyle() != wanted)
        m_toolBar->setToolButtonStyle(wanted);
}
