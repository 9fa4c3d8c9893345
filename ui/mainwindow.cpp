#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tidemark"));
    resize(1280, 800);

    m_placeholder = new QLabel(tr("No server connection is configured yet."), this);
    m_placeholder->setObjectName(QStringLiteral("placeholderLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    setCentralWidget(m_placeholder);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Tidemark"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));

    statusBar()->showMessage(tr("Not connected"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tidemark"),
        tr("<p><b>Tidemark %1</b></p><p>Backups and restores of hosting environments, under retention policies "
           "that you preview before anything is deleted.</p>")
            .arg(QStringLiteral(TIDEMARK_VERSION)));
}
