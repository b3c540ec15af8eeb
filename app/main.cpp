// Sextant: the desktop studio, and its headless subcommands.
//
//   sextant [FILE...]            open the studio (with the files loaded)
//   sextant info FILE [--json]   and the other subcommands: engine only, no display needed
//   sextant run FLOW.sextant     in a GUI build also draws plots, on the offscreen platform
#include "cli/Cli.h"

#ifdef SEXTANT_WITH_GUI
#include "cli/SinkRenderer.h"
#include "gui/HeadlessPlotRenderer.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QIcon>
#endif

#include <QCoreApplication>
#include <cstring>

int main(int argc, char *argv[])
{
    if (sextant::cli::isCliInvocation(argc, argv)) {
#ifdef SEXTANT_WITH_GUI
        if (std::strcmp(argv[1], "run") == 0) {
            // `run` draws plots (PNG/SVG) with the plot widgets, which need a QApplication
            // but never a screen: the offscreen platform, unless the user chose one.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            sextant::app::HeadlessPlotRenderer renderer;
            sextant::cli::setSinkRenderer(&renderer);
            const int code = sextant::cli::run(app.arguments());
            sextant::cli::setSinkRenderer(nullptr);
            return code;
        }
#endif
        QCoreApplication app(argc, argv);
        return sextant::cli::run(app.arguments());
    }
#ifdef SEXTANT_WITH_GUI
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(sextant::cli::versionString());
    sextant::app::MainWindow window;
    // After the window: constructing it registers the resources the icon comes from.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sextant/icons/sextant.svg")));
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
