// The studio's worst GUI stall while a large CSV loads and while a model trains, measured
// in the real main window (offscreen): the File node loads the file on the executor, the
// inspector profiles it (column statistics, histograms, correlation, projection) and the
// views fill; then a Select Columns + MLP branch is added to the same workflow and run with
// the editor's Run action while the training monitor draws the live loss curve.
//
// A 1 ms timer on the GUI thread records the gap between its ticks; a stall is a gap the
// loop could not serve. Reported per phase: wall time until the load (run) is reported,
// worst gap and 99th percentile, with the gaps recorded until 1.5 s (0.5 s) after the
// report so the views' filling and first paint are included.
// Target (issue "One studio"): worst stall under 50 ms in both phases.
//
//   bench_studio_stall [--rows N] [--epochs E] [--data FILE]
// The generated CSV (N x 20 floats plus a class column, fixed seed) is kept in the working
// directory as studio_stall_NxN.csv and reused by later runs.
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "gui/MainWindow.h"
#include "widgets/GraphEditor.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace sextant;

namespace {

bool writeCsv(const QString &path, int rows)
{
    QFile f(path + QStringLiteral(".part"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    std::mt19937_64 rng(7);
    std::normal_distribution<double> n(0, 1);
    QByteArray block;
    for (int c = 0; c < 20; ++c)
        block += "x" + QByteArray::number(c) + ",";
    block += "y\n";
    for (int r = 0; r < rows; ++r) {
        double s = 0;
        for (int c = 0; c < 20; ++c) {
            const double v = n(rng);
            s += (c % 3 == 0 ? v : -0.5 * v);
            block += QByteArray::number(v, 'g', 7);
            block += ',';
        }
        block += s + 0.5 * n(rng) > 0 ? "pos\n" : "neg\n";
        if (block.size() > (1 << 22)) {
            f.write(block);
            block.clear();
        }
    }
    f.write(block);
    f.close();
    QFile::remove(path);
    return f.rename(path);
}

struct StallClock {
    std::vector<double> gaps;
    std::vector<double> ends; // when each gap ended (ms since start())
    double finishedAt = 0; // ms since start() when finished() was called
    QElapsedTimer clock;
    qint64 last = 0;
    QElapsedTimer phase;
    double seconds = 0; // from start() to finished()

    void start()
    {
        gaps.clear();
        ends.clear();
        clock.start();
        last = clock.nsecsElapsed();
        phase.start();
        seconds = 0;
    }
    void finished()
    {
        seconds = phase.nsecsElapsed() / 1e9;
        finishedAt = clock.nsecsElapsed() / 1e6;
    }
    void tick()
    {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back((now - last) / 1e6);
        ends.push_back(now / 1e6);
        last = now;
    }
    // Prints one table row; returns the worst gap.
    double report(const char *what)
    {
        // When the worst gap began, from the report of the end (negative: before it).
        const auto worstAt = std::max_element(gaps.begin(), gaps.end());
        const double at = worstAt == gaps.end()
            ? 0
            : ends[std::size_t(worstAt - gaps.begin())] - *worstAt - finishedAt;
        std::sort(gaps.begin(), gaps.end());
        const double worst = gaps.empty() ? 0 : gaps.back();
        const double p99
            = gaps.empty() ? 0 : gaps[static_cast<std::size_t>(0.99 * double(gaps.size() - 1))];
        std::printf(
            "| %s | %.2f s | worst stall %.1f ms (began %+.0f ms from the report) | p99 %.1f ms | "
            "%zu ticks |\n",
            what, seconds, worst, at, p99, gaps.size());
        std::fflush(stdout);
        return worst;
    }
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings, recent files and autosave of this run stay out of the user's.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationName(QStringLiteral("SextantBench"));
    int rows = 1000000, epochs = 5;
    QString data;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--rows") == 0)
            rows = std::atoi(argv[++i]);
        else if (qstrcmp(argv[i], "--epochs") == 0)
            epochs = std::atoi(argv[++i]);
        else if (qstrcmp(argv[i], "--data") == 0)
            data = QString::fromLocal8Bit(argv[++i]);
    }
    if (data.isEmpty()) {
        data = QDir::current().absoluteFilePath(QStringLiteral("studio_stall_%1x20.csv").arg(rows));
        if (!QFileInfo::exists(data)) {
            std::fprintf(stderr, "writing %s\n", qPrintable(data));
            if (!writeCsv(data, rows)) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(data));
                return 1;
            }
        }
    }
    const double mb = QFileInfo(data).size() / 1e6;

    app::MainWindow window;
    window.resize(1600, 1000);
    window.setUnsavedChangesPrompt(
        [](const QString &) { return app::MainWindow::UnsavedChoice::Discard; });
    window.show();

    StallClock stall;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] { stall.tick(); });

    // Phase 1: open the file as a user does and wait until the views show it.
    bool loaded = false;
    // The views fill in the slot that reports the load, then paint, and the scatter's density
    // job finishes on a worker: the clock keeps ticking for a while after the report.
    QObject::connect(&window, &app::MainWindow::loadFinished, &app, [&](bool ok) {
        loaded = ok;
        stall.finished();
        QTimer::singleShot(1500, &app, &QApplication::quit);
    });
    QTimer::singleShot(200, &app, [&] {
        stall.start();
        tick.start();
        window.openFile(data);
    });
    app.exec();
    tick.stop();
    if (!loaded) {
        std::fprintf(stderr, "loading failed: %s\n", qPrintable(window.errorText()));
        return 1;
    }
    const QByteArray loadLabel = QStringLiteral("studio: open %1 x 20 CSV (%2 MB), views filled")
                                     .arg(rows)
                                     .arg(mb, 0, 'f', 0)
                                     .toUtf8();
    const double loadWorst = stall.report(loadLabel.constData());

    // Phase 2: a Select Columns + MLP branch on the File node, run with the editor's Run.
    engine::GraphModel &graph = window.graphModel();
    const QList<int> nodes = graph.nodeIds();
    if (nodes.isEmpty()) {
        std::fprintf(stderr, "no File node after opening the file\n");
        return 1;
    }
    const int file = nodes.first();
    const int select = graph
                           .addNode(QStringLiteral("data.select"), {},
                               { { QStringLiteral("target"), QStringLiteral("y") } })
                           .value();
    const int mlp = graph
                        .addNode(QStringLiteral("model.mlp"), {},
                            { { QStringLiteral("epochs"), epochs },
                                { QStringLiteral("early_stopping"), false },
                                { QStringLiteral("batch_size"), 256 },
                                { QStringLiteral("hidden_layers"), QStringLiteral("64, 64") } })
                        .value();
    if (!graph.addConnection({ file, 0, select, 0 }).ok()
        || !graph.addConnection({ select, 0, mlp, 0 }).ok()) {
        std::fprintf(stderr, "cannot wire the training branch\n");
        return 1;
    }
    widgets::GraphEditor *editor = window.graphEditor();
    bool trained = false;
    // Worker thread -> GUI thread: queued.
    QObject::connect(
        &editor->executor(), &engine::Executor::runFinished, &app,
        [&](const engine::RunSummary &summary) {
            trained = summary.ok() && summary.executed.contains(mlp);
            stall.finished();
            QTimer::singleShot(500, &app, &QApplication::quit);
        },
        Qt::QueuedConnection);
    QTimer::singleShot(200, &app, [&] {
        stall.start();
        tick.start();
        editor->runAction()->trigger();
    });
    app.exec();
    tick.stop();
    if (!trained) {
        std::fprintf(stderr, "training did not finish\n");
        return 1;
    }
    const QByteArray trainLabel
        = QStringLiteral("studio: MLP 64-64, %1 epochs on it (Run, live monitor)")
              .arg(epochs)
              .toUtf8();
    const double trainWorst = stall.report(trainLabel.constData());
    return loadWorst < 50.0 && trainWorst < 50.0 ? 0 : 2;
}
