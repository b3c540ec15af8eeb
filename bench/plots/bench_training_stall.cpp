// The GUI event loop's worst stall while an MLP trains on 100k rows through the executor,
// with the training monitor drawing the live loss curve (offscreen).
//
// A 1 ms timer on the GUI thread records the gap between its ticks; a stall is a gap the
// loop could not serve. Reported: worst gap, 99th percentile, training time, epochs seen.
// Target (issue): worst stall under 50 ms.
//
//   bench_training_stall [--rows N] [--epochs E]
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "nodes/BuiltinNodes.h"
#include "widgets/TrainingMonitor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace sextant;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rows = 100000, epochs = 10;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--rows") == 0)
            rows = std::atoi(argv[++i]);
        else if (qstrcmp(argv[i], "--epochs") == 0)
            epochs = std::atoi(argv[++i]);
    }

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("train.csv"));
    {
        QFile f(csv);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        std::mt19937_64 rng(1);
        std::normal_distribution<double> n(0, 1);
        QByteArray line;
        for (int c = 0; c < 20; ++c)
            line += "x" + QByteArray::number(c) + ",";
        f.write(line + "y\n");
        for (int r = 0; r < rows; ++r) {
            line.clear();
            double s = 0;
            for (int c = 0; c < 20; ++c) {
                const double v = n(rng);
                s += (c % 3 == 0 ? v : -0.5 * v);
                line += QByteArray::number(v, 'g', 6) + ',';
            }
            line += s + 0.5 * n(rng) > 0 ? "pos\n" : "neg\n";
            f.write(line);
        }
    }

    engine::GraphModel model(engine::BuiltinNodes::registry());
    const int file
        = model.addNode(QStringLiteral("data.file"), {}, { { QStringLiteral("path"), csv } })
              .value();
    const int select = model
                           .addNode(QStringLiteral("data.select"), {},
                               { { QStringLiteral("target"), QStringLiteral("y") } })
                           .value();
    const int mlp = model
                        .addNode(QStringLiteral("model.mlp"), {},
                            { { QStringLiteral("epochs"), epochs },
                                { QStringLiteral("early_stopping"), false },
                                { QStringLiteral("batch_size"), 256 },
                                { QStringLiteral("hidden_layers"), QStringLiteral("64, 64") } })
                        .value();
    model.addConnection({ file, 0, select, 0 });
    model.addConnection({ select, 0, mlp, 0 });

    widgets::TrainingMonitor monitor;
    monitor.resize(900, 600);
    monitor.show();
    engine::Executor executor(model);
    int updates = 0;
    // Worker thread -> GUI thread: queued.
    QObject::connect(
        &executor, &engine::Executor::nodeUpdate, &monitor,
        [&](int id, const engine::NodeValuePtr &v) {
            ++updates;
            monitor.addUpdate(id, v);
        },
        Qt::QueuedConnection);

    std::vector<double> gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back((now - last) / 1e6);
        last = now;
    });
    bool finished = false;
    QObject::connect(
        &executor, &engine::Executor::runFinished, &app,
        [&](const engine::RunSummary &) {
            finished = true;
            app.quit();
        },
        Qt::QueuedConnection);
    tick.start();
    QElapsedTimer training;
    training.start();
    executor.run();
    app.exec();
    const double seconds = training.nsecsElapsed() / 1e9;
    if (!finished || executor.state(mlp).status != engine::NodeStatus::Done) {
        std::fprintf(
            stderr, "training did not finish: %s\n", qPrintable(executor.state(mlp).message));
        return 1;
    }
    std::sort(gaps.begin(), gaps.end());
    const double worst = gaps.empty() ? 0 : gaps.back();
    const double p99 = gaps.empty() ? 0 : gaps[static_cast<std::size_t>(0.99 * (gaps.size() - 1))];
    std::printf("| MLP 64-64, %d epochs, %d x 20 (load + train, executor + live monitor) | %.2f s "
                "| %d updates | worst stall %.1f ms | p99 %.1f ms | %zu ticks |\n",
        epochs, rows, seconds, updates, worst, p99, gaps.size());
    return worst < 50.0 ? 0 : 2;
}
