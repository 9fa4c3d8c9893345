#include "thiscomputerbanner.h"

#include "localserver.h"
#include "messagebox.h"
#include "tones.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ThisComputerBanner::ThisComputerBanner(
    LocalServer* localServer, std::function<bool()> hasRunningActivities, QWidget* parent)
    : QFrame(parent)
    , m_localServer(localServer)
    , m_hasRunningActivities(std::move(hasRunningActivities))
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Run in the &background…"), this))
    , m_action(new QAction(tr("Run This computer in the &background"), this))
{
    setObjectName(QStringLiteral("thisComputerBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    Tones::follow(this, [this] {
        const QPalette app = QApplication::palette(this);
        QPalette p = palette();
        p.setColor(QPalette::Window, app.color(QPalette::ToolTipBase));
        p.setColor(QPalette::WindowText, app.color(QPalette::ToolTipText));
        setPalette(p);
    });
    m_label->setObjectName(QStringLiteral("thisComputerBannerLabel"));
    m_label->setWordWrap(true);
    m_button->setObjectName(QStringLiteral("runInBackgroundButton"));
    m_action->setObjectName(QStringLiteral("runInBackgroundAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    hide();

    connect(m_button, &QPushButton::clicked, this, [this] { switchTo(true); });
    connect(m_action, &QAction::triggered, this, [this](bool checked) {
        m_action->setChecked(!checked); // the action shows what runs, not what was asked; update() sets it
        switchTo(checked);
    });
    if (m_localServer) {
        connect(m_localServer, &LocalServer::backgroundChecked, this, [this] {
            m_checked = true;
            update();
        });
        connect(m_localServer, &LocalServer::started, this, &ThisComputerBanner::update);
        connect(m_localServer, &LocalServer::backgroundOffered, this, &ThisComputerBanner::offer);
    }
}

void ThisComputerBanner::setThisComputerShown(bool shown)
{
    m_thisComputerShown = shown;
    update();
}

void ThisComputerBanner::update()
{
    if (!m_localServer)
        return;
    const bool embedded = m_localServer->stopsWithConsole();
    const bool canMove = m_localServer->canRunInBackground();
    m_action->setEnabled(canMove);
    m_action->setChecked(!embedded && m_localServer->isRunning());
    m_action->setStatusTip(canMove ? QString() : m_localServer->backgroundUnavailableReason());
    QString text = tr("Scheduled backups run only while Tidemark is open: this computer's server runs inside the "
                      "console and stops when it quits.");
    const QString reason = m_localServer->backgroundUnavailableReason();
    if (!reason.isEmpty())
        text += QLatin1Char(' ') + tr("It cannot run in the background here: %1").arg(reason);
    m_label->setText(text);
    m_button->setVisible(canMove);
    // Only once the server said how it runs: until then it is not known whether the banner is true.
    setVisible(m_checked && m_thisComputerShown && embedded && m_localServer->isRunning());
}

void ThisComputerBanner::offer()
{
    const auto answer = MessageBox::question(parentWidget(), tr("Run in the background"),
        tr("Keep backing up this computer on schedule while Tidemark is closed?"),
        tr("Tidemark can run its server as a systemd user service (tidemarkd.service) that starts with your "
           "session. Closing the console then stops nothing. Otherwise scheduled backups run only while Tidemark is "
           "open. You can change this later under Settings."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes, tr("Run in the &background"), tr("Only while &open"));
    m_localServer->setRunInBackground(answer == QMessageBox::Yes);
}

void ThisComputerBanner::switchTo(bool background)
{
    if (!m_localServer || (background && !m_localServer->canRunInBackground()))
        return;
    if (background == !m_localServer->stopsWithConsole() && m_localServer->isRunning())
        return;
    if (m_hasRunningActivities && m_hasRunningActivities()) {
        MessageBox::warning(parentWidget(), tr("Run in the background"), tr("Activities are running on this computer."),
            tr("Moving the server stops them. Wait until they have ended, or cancel them, then try again."));
        return;
    }
    m_localServer->setRunInBackground(background);
}
