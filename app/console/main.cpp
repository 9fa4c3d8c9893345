#include "embeddedserver.h"
#include "mainwindow.h"
#include "translator.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tidemark"));
    QApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("tidemark"));
    Translator::install(app);

    // "This computer": a tidemarkd inside the console, its data in the user's data location.
    const QString dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                .filePath(QStringLiteral("this-computer"));
    EmbeddedServer localServer(dataDir);

    MainWindow window(&localServer);
    window.show();
    window.connectToServer();
    return QApplication::exec();
}
