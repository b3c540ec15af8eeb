// Sextant: the desktop studio, and its headless subcommands.
//
//   sextant [FILE...]            open the studio (with the files loaded)
//   sextant info FILE [--json]   and the other subcommands: engine only, no display needed
#include "cli/Cli.h"

#ifdef SEXTANT_WITH_GUI
#include "gui/MainWindow.h"

#include <QApplication>
#include <QIcon>
#endif

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    if (sextant::cli::isCliInvocation(argc, argv)) {
        QCoreApplication app(argc, argv);
        return sextant::cli::run(app.arguments());
    }
#ifdef SEXTANT_WITH_GUI
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(sextant::cli::versionString());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sextant/icons/sextant.svg")));
    sextant::app::MainWindow window;
    window.show();
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i)
        window.openFile(args[i]);
    return app.exec();
#else
    QCoreApplication app(argc, argv);
    return sextant::cli::run(app.arguments());
#endif
}
