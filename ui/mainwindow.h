#pragma once

#include <QMainWindow>

class QLabel;

// The console's main window. For now a shell with the menus that already work; the environment list,
// the backups table and the activity dock arrive with the client model.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void showAbout();

    QLabel* m_placeholder = nullptr;
};
