// Sextant: the desktop studio, and its headless subcommands.
//
//   sextant [FILE...]            open the studio (with the files loaded)
//   sextant info FILE [--json]   and the other subcommands: engine only, no display needed
//   sextant run FLOW.sextant     in a GUI build also draws plots, on the offscreen platform
#include "cli/Cli.h"
#include "cli/SlurmTrialRunner.h"
#include "core/Translations.h"

#ifdef SEXTANT_WITH_GUI
#include "cli/RunReportWriter.h"
#include "cli/SinkRenderer.h"
#include "gui/Autosave.h"
#include "gui/HeadlessPlotRenderer.h"
#include "gui/MainWindow.h"
#include "gui/Preferences.h"
#include "gui/ReportCommand.h"
#include "gui/RunPathGuard.h"
#include "gui/Theme.h"
#include "gui/WelcomePage.h"
#include "gui/WorkflowReportWriter.h"

#include <QApplication>
#include <QIcon>
#include <QTextStream>
#endif

#include <QCoreApplication>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Tune's run_on = slurm, in the studio and on the command line: its trials as a Slurm
    // job array (the engine declares the runner, the command-line library has it).
    sextant::engine::RemoteTrialRunner::set(std::make_unique<sextant::cli::SlurmTrialRunner>());
    if (sextant::cli::isCliInvocation(argc, argv)) {
#ifdef SEXTANT_WITH_GUI
        if (std::strcmp(argv[1], "run") == 0) {
            // `run` draws plots (PNG/SVG) with the plot widgets, which need a QApplication
            // but never a screen: the offscreen platform, unless the user chose one.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            // The command line speaks the system's language (or SEXTANT_LANGUAGE's).
            sextant::engine::Translations::install(QStringLiteral("system"));
            sextant::app::HeadlessPlotRenderer renderer;
            sextant::cli::setSinkRenderer(&renderer);
            sextant::app::WorkflowReportWriter reportWriter; // --report
            sextant::cli::setRunReportWriter(&reportWriter);
            const int code = sextant::cli::run(app.arguments());
            sextant::cli::setRunReportWriter(nullptr);
            sextant::cli::setSinkRenderer(nullptr);
            return code;
        }
        if (std::strcmp(argv[1], "report") == 0) {
            // The report's plots are drawn like run's: offscreen.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            QTextStream out(stdout), err(stderr);
            return sextant::app::ReportCommand::exec(app.arguments().mid(2), out, err);
        }
#endif
        QCoreApplication app(argc, argv);
        sextant::engine::Translations::install(QStringLiteral("system"));
        return sextant::cli::run(app.arguments());
    }
#ifdef SEXTANT_WITH_GUI
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(sextant::cli::versionString());
    // Before any window or node type exists: they take their texts in this language.
    sextant::engine::Translations::install(sextant::app::Preferences::language());
    sextant::app::Theme::apply(sextant::app::Preferences::theme());
    sextant::app::Preferences::applySlurmDefaults();
    sextant::app::MainWindow window;
    window.welcomePage()->setAutomatic(true); // until a workflow is open
    // After the window: constructing it registers the resources the icon comes from.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/sextant/icons/sextant.svg")));
    window.show();
    // Asks before running a workflow that reads files outside its folder.
    sextant::app::RunPathGuard pathGuard(window);
    // Crash recovery: offers what a crashed session left, then keeps a copy of unsaved work.
    sextant::app::Autosave autosave(window);
    autosave.start();
    autosave.offerRecovery();
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i)
        window.openFile(args[i]);
    const int code = app.exec();
    if (code == 0)
        autosave.finish(); // a clean exit: the window closed after a save or discard
    return code;
#else
    QCoreApplication app(argc, argv);
    sextant::engine::Translations::install(QStringLiteral("system"));
    return sextant::cli::run(app.arguments());
#endif
}
