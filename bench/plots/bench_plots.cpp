// Redraw benchmark of the plot views, offscreen (QT_QPA_PLATFORM=offscreen unless set).
//
// For each case the view is shown at a fixed size, warmed up, then replotted RUNS times
// with QCustomPlot::rpImmediateRefresh (draw every layer into the paint buffers and
// repaint the widget); the median, min and max are reported. Target: each median < 50 ms.
//   scatter-density-1M   1,000,000 points, 3 classes, density image (redraw only)
//   scatter-density-1M+  the same, re-aggregating the visible range first (zoom/pan cost)
//   scatter-points-100k  100,000 points drawn one by one, 3 classes
//   histogram-10M        HistogramPlot of 10,000,000 values (bins from Statistics::histogram)
//   histogram-10M-500bins  the same with 500 bins
//   heatmap-100          CorrelationHeatmap of a 100 x 100 matrix
//   boxplot-10M          BoxPlot of 10,000,000 values in 5 groups (summaries from
//                        BoxStatistics, computed by the Box Plot node off the GUI thread)
//   violin-10M           the same as violins (densities binned, 200 points each)
//   dataheatmap-1M       DataHeatMapPlot of 1,000,000 rows x 10 columns (the Heat Map
//                        node's 2,000 bands, computed off the GUI thread; time printed)
//   with --big: scatter-density-10M(+), 10,000,000 points (re-aggregation target 250 ms)
// Computing the histogram and the density grid happens off the GUI thread in the app;
// their times are printed separately.
#include "data/Column.h"
#include "data/Statistics.h"
#include "graph/NodeContext.h"
#include "ml/BoxStatistics.h"
#include "nodes/BoxPlotData.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/HeatMapData.h"
#include "plots/BoxPlot.h"
#include "plots/CorrelationHeatmap.h"
#include "plots/DataHeatMapPlot.h"
#include "plots/HistogramPlot.h"
#include "plots/QCustomPlotInclude.h"
#include "plots/ScatterPlot.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace sextant;

namespace {

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats measure(int runs, const std::function<void()> &work)
{
    for (int i = 0; i < 2; ++i) // warm-up: caches, label pixmaps, scaled images
        work();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        work();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms.front(), ms.back() };
}

double timeOnce(const std::function<void()> &work)
{
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool g_allPass = true;

void report(const char *name, const Stats &s, double target = 50.0)
{
    const bool ok = s.median < target;
    g_allPass = g_allPass && ok;
    std::printf("%-22s median %7.2f ms   min %7.2f   max %7.2f   %s (< %.0f ms)\n", name, s.median,
        s.min, s.max, ok ? "PASS" : "FAIL", target);
    std::fflush(stdout);
}

void show(QWidget &w, QSize size)
{
    w.resize(size);
    w.show();
    QCoreApplication::processEvents();
}

// Runs the event loop until `done` or the timeout; returns `done()`.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return done();
}

struct Points {
    engine::Column x, y, cls;
};

Points blobs(std::size_t n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> x(n), y(n);
    std::vector<std::int32_t> c(n);
    const double cx[3] = { 0, 6, 3 }, cy[3] = { 0, 0, 5 };
    for (std::size_t i = 0; i < n; ++i) {
        const int k = static_cast<int>(i % 3);
        c[i] = k;
        x[i] = cx[k] + 1.3 * normal(rng);
        y[i] = cy[k] + 1.3 * normal(rng);
    }
    return { engine::Column::numeric(QStringLiteral("x"), std::move(x)),
        engine::Column::numeric(QStringLiteral("y"), std::move(y)),
        engine::Column::categorical(QStringLiteral("class"), std::move(c),
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }) };
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 15;
    bool big = false;
    QSize size(1000, 700);
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--size") && i + 1 < args.size()) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            if (wh.size() == 2)
                size = QSize(wh[0].toInt(), wh[1].toInt());
        } else if (args[i] == QLatin1String("--big")) {
            big = true;
        } else {
            std::printf("usage: bench_plots [--runs N] [--size WxH] [--big]\n"
                        "  --big  also 10M points in density mode (about 250 MB of data)\n");
            return args[i] == QLatin1String("--help") ? 0 : 2;
        }
    }
    std::printf("Offscreen redraw, %dx%d px, %d runs each (median), platform %s\n", size.width(),
        size.height(), runs, qPrintable(QGuiApplication::platformName()));

    // Scatter, 1M points, density mode.
    {
        const Points p = blobs(1'000'000, 1);
        plots::ScatterPlot view;
        show(view, size);
        view.setData(p.x, p.y);
        view.setColorColumn(p.cls);
        waitFor([&] { return view.densityGeneration() >= 1 && !view.isAggregating(); });
        view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); // settle the layout
        waitFor([&] { return !view.isAggregating(); });
        if (!view.isDensityMode() || view.densityGeneration() == 0) {
            std::printf("scatter-density-1M: no density image\n");
            return 1;
        }
        report("scatter-density-1M",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
        report("scatter-density-1M+", measure(runs, [&] { view.refreshDensityNow(); }));
        std::printf("  (grid %dx%d cells, 3 classes)\n", view.densityGridSize().width(),
            view.densityGridSize().height());
    }

    // Optional: 10M points (about 250 MB), re-aggregation while zooming/panning.
    if (big) {
        const Points p = blobs(10'000'000, 5);
        plots::ScatterPlot view;
        show(view, size);
        view.setData(p.x, p.y);
        view.setColorColumn(p.cls);
        waitFor([&] { return view.densityGeneration() >= 1 && !view.isAggregating(); }, 120000);
        report("scatter-density-10M",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
        report("scatter-density-10M+", measure(runs, [&] { view.refreshDensityNow(); }), 250.0);
    }

    // Scatter, 100k points, point mode.
    {
        const Points p = blobs(100'000, 2);
        plots::ScatterPlot view;
        show(view, size);
        view.setData(p.x, p.y);
        view.setColorColumn(p.cls);
        if (view.isDensityMode()) {
            std::printf("scatter-points-100k: unexpectedly in density mode\n");
            return 1;
        }
        report("scatter-points-100k",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
    }

    // Histogram of 10M values.
    {
        std::mt19937_64 rng(3);
        std::gamma_distribution<double> gamma(2.0, 1.5);
        std::vector<double> v(10'000'000);
        for (double &d : v)
            d = gamma(rng);
        const engine::Column column
            = engine::Column::numeric(QStringLiteral("value"), std::move(v));
        engine::Histogram h;
        const double computeMs = timeOnce(
            [&] { h = engine::Statistics::histogram(column, plots::HistogramPlot::kDefaultBins); });
        plots::HistogramPlot view;
        show(view, size);
        view.setHistogram(column.name(), false, h);
        report("histogram-10M",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
        std::printf(
            "  (%d bars; Statistics::histogram of 10M values: %.1f ms, off the GUI thread)\n",
            view.barCount(), computeMs);
        const engine::Histogram fine
            = engine::Statistics::histogram(column, plots::HistogramPlot::kMaxBins);
        view.setHistogram(column.name(), false, fine);
        report("histogram-10M-500bins",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
    }

    // Box and violin plots of 10M values in five groups.
    for (const bool violin : { false, true }) {
        std::mt19937_64 rng(6);
        std::normal_distribution<double> normal;
        engine::BoxPlotData d;
        d.violin = violin;
        d.splitColumn = QStringLiteral("group");
        engine::BoxPlotData::ColumnBoxes c;
        c.name = QStringLiteral("value");
        double computeMs = 0;
        for (int g = 0; g < 5; ++g) {
            d.groupNames << QStringLiteral("g%1").arg(g);
            std::vector<double> v(2'000'000);
            for (double &x : v)
                x = g + (1 + 0.3 * g) * normal(rng);
            computeMs += timeOnce(
                [&] { c.groups.push_back(engine::BoxStatistics::summarize(v, violin)); });
        }
        d.columns.push_back(c);
        plots::BoxPlot view;
        show(view, size);
        view.setData(d);
        report(violin ? "violin-10M" : "boxplot-10M",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
        std::printf(
            "  (BoxStatistics::summarize of 10M values: %.0f ms, off the GUI thread)\n", computeMs);
    }

    // Correlation heatmap, 100 x 100.
    {
        std::mt19937 rng(4);
        std::uniform_real_distribution<double> u(-1, 1);
        engine::CorrelationMatrix m;
        const int n = 100;
        for (int i = 0; i < n; ++i) {
            m.columns << i;
            m.names << QStringLiteral("column_%1").arg(i);
        }
        m.r.resize(n * n);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j <= i; ++j)
                m.r[i * n + j] = m.r[j * n + i] = i == j ? 1.0 : u(rng);
        plots::CorrelationHeatmap view;
        show(view, size);
        view.setMatrix(m);
        report("heatmap-100",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
    }

    // Data heat map of 1M rows x 10 columns with a class: the Heat Map node's result
    // (rows grouped by class, columns clustered, 2,000 bands), then redraws.
    {
        const std::size_t n = 1'000'000;
        std::mt19937_64 rng(8);
        std::normal_distribution<double> normal;
        engine::Dataset data;
        for (int c = 0; c < 10; ++c) {
            std::vector<double> v(n);
            for (std::size_t i = 0; i < n; ++i)
                v[i] = (i % 3 == std::size_t(c % 3) ? 2.0 : 0.0) + normal(rng);
            data.addColumn(engine::Column::numeric(QStringLiteral("c%1").arg(c), std::move(v)));
        }
        std::vector<std::int32_t> k(n);
        for (std::size_t i = 0; i < n; ++i)
            k[i] = static_cast<std::int32_t>(i % 3);
        data.addColumn(engine::Column::categorical(QStringLiteral("class"), std::move(k),
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        const engine::NodeType *type
            = engine::BuiltinNodes::registry().find(QStringLiteral("view.heatmap"));
        const auto params = type->completeParameters(
            { { QStringLiteral("annotation"), QStringLiteral("class") } });
        engine::NodeContext ctx(1, *type, params.value(), { engine::makeValue(data) });
        const double computeMs = timeOnce([&] { type->createCompute()(ctx); });
        plots::DataHeatMapPlot view;
        show(view, size);
        view.setData(*ctx.result()->as<engine::HeatMapData>());
        report("dataheatmap-1M",
            measure(runs, [&] { view.customPlot()->replot(QCustomPlot::rpImmediateRefresh); }));
        std::printf("  (Heat Map node on 1M x 10: %.0f ms, off the GUI thread)\n", computeMs);
    }

    std::printf("%s\n", g_allPass ? "all redraws under target" : "SOME REDRAWS OVER TARGET");
    return g_allPass ? 0 : 1;
}
