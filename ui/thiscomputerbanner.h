#pragma once

#include <functional>
#include <QFrame>

class LocalServer;
class QAction;
class QLabel;
class QPushButton;

// What the window says about "This computer" when its server runs inside the console: schedules run only while
// Tidemark is open. Offers the background service where the machine has one (the banner's button, the Settings
// menu's checkable action, and once, the question on first start).
class ThisComputerBanner : public QFrame
{
    Q_OBJECT

public:
    // `hasRunningActivities` tells whether moving the server would stop activities (asked about first).
    ThisComputerBanner(LocalServer* localServer, std::function<bool()> hasRunningActivities, QWidget* parent);

    // Settings ▸ Run in the background (checked while the server is a background service).
    QAction* backgroundAction() const { return m_action; }
    // Whether the window shows "This computer" now (the banner is about it only).
    void setThisComputerShown(bool shown);

private:
    void update();
    void offer();
    void switchTo(bool background);

    LocalServer* m_localServer;
    std::function<bool()> m_hasRunningActivities;
    QLabel* m_label;
    QPushButton* m_button;
    QAction* m_action;
    bool m_thisComputerShown = false;
    bool m_checked = false; // the server said how it runs (a server that never says gets no banner)
};
