#include "mainwindow.h"
#include "thiscomputer.h"
#include "translator.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tidemark"));
    QApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tidemark"));
    Translator::install(app);

    // "This computer": a tidemarkd in a systemd user service when the user chose it, else inside the console; its
    // data in the user's data location either way. The service runs the tidemarkd installed beside the console.
    const QString dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                .filePath(QStringLiteral("this-computer"));
    QString tidemarkd = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tidemarkd"));
    if (!QFileInfo(tidemarkd).isExecutable())
        tidemarkd = QStandardPaths::findExecutable(QStringLiteral("tidemarkd"));
    ThisComputer localServer(dataDir, tidemarkd);

    MainWindow window(&localServer);
    // "Finish in the background": the window hid, the activities have ended.
    QObject::connect(&window, &MainWindow::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    window.show();
    window.connectToServer();
    return QApplication::exec();
}
