// Scatter: point mode (classes, numeric colour, legend, bounds, selection by rubber band
// and click, hover), density mode above the threshold (background aggregation, grid size,
// class colours, re-aggregation on zoom, selection on the worker), and PCA scores.
#include "PlotTestSupport.h"
#include "ml/Pca.h"
#include "plots/Palette.h"
#include "plots/ScatterPlot.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <random>

using sextant::engine::Column;
using sextant::plots::Palette;
using sextant::plots::ScatterPlot;
using sextant::testing::colorDistance;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

// Three Gaussian blobs, one per class, far apart; a few NaN coordinates.
struct Blobs {
    Column x, y, cls, value;
    std::vector<double> xs, ys;
    std::vector<std::int32_t> codes;
};

Blobs blobs(std::size_t n, unsigned seed, bool withNaN = true)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Blobs b;
    b.xs.resize(n);
    b.ys.resize(n);
    b.codes.resize(n);
    std::vector<double> v(n);
    const double cx[3] = { 0, 10, 5 }, cy[3] = { 0, 0, 8 };
    for (std::size_t i = 0; i < n; ++i) {
        const int k = static_cast<int>(i % 3);
        b.codes[i] = k;
        b.xs[i] = cx[k] + normal(rng);
        b.ys[i] = cy[k] + normal(rng);
        v[i] = b.xs[i] + b.ys[i];
    }
    if (withNaN && n > 10) {
        b.xs[7] = std::nan("");
        b.ys[8] = std::nan("");
    }
    b.x = Column::numeric(QStringLiteral("x"), b.xs);
    b.y = Column::numeric(QStringLiteral("y"), b.ys);
    b.cls = Column::categorical(QStringLiteral("species"), b.codes,
        { QStringLiteral("setosa"), QStringLiteral("versicolor"), QStringLiteral("virginica") });
    b.value = Column::numeric(QStringLiteral("x+y"), v);
    return b;
}

QPointF pixelOf(const ScatterPlot &view, double x, double y)
{
    return view.coordToPixel(QPointF(x, y));
}

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button,
    Qt::MouseButtons buttons, Qt::KeyboardModifiers mods)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestScatter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pointModeByClass()
    {
        const Blobs b = blobs(300, 1);
        ScatterPlot view;
        view.setData(b.x, b.y);
        view.setColorColumn(b.cls);
        QVERIFY(showView(view));
        QVERIFY(!view.isDensityMode());
        QCOMPARE(view.pointCount(), qint64(300));
        QCOMPARE(view.drawnPointCount(), qint64(298)); // two NaN rows are not drawn
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Categorical);
        QCOMPARE(view.legendEntries(),
            QStringList({ QStringLiteral("setosa"), QStringLiteral("versicolor"),
                QStringLiteral("virginica") }));
        QCOMPARE(view.legendTitle(), QStringLiteral("species"));
        QCOMPARE(view.plottableCount(), 3); // one legend graph per class
        QVERIFY(!view.hasColorScale());
        QCOMPARE(view.xLabel(), QStringLiteral("x"));
        QCOMPARE(view.yLabel(), QStringLiteral("y"));

        double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
        for (std::size_t i = 0; i < 300; ++i) {
            if (std::isnan(b.xs[i]) || std::isnan(b.ys[i]))
                continue;
            x0 = std::min(x0, b.xs[i]);
            x1 = std::max(x1, b.xs[i]);
            y0 = std::min(y0, b.ys[i]);
            y1 = std::max(y1, b.ys[i]);
        }
        QCOMPARE(view.dataBounds().left(), x0);
        QCOMPARE(view.dataBounds().right(), x1);
        QCOMPARE(view.dataBounds().top(), y0);
        QCOMPARE(view.dataBounds().bottom(), y1);
        QVERIFY(view.visibleRange().contains(view.dataBounds()));
        snapshot(view, QStringLiteral("scatter_classes"));

        view.setColorColumn(b.value);
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Numeric);
        QVERIFY(view.hasColorScale());
        QVERIFY(view.legendEntries().isEmpty());
        QCOMPARE(view.drawnPointCount(), qint64(298));
        view.replotNow();
        snapshot(view, QStringLiteral("scatter_numeric"));

        view.clearColor();
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::None);
        QVERIFY(!view.hasColorScale());
        QCOMPARE(view.plottableCount(), 0);
        QCOMPARE(view.drawnPointCount(), qint64(298));
    }

    void numericLabelsBecomeClasses()
    {
        // A numeric column of a few integers (cluster ids) colours as classes.
        const Blobs b = blobs(90, 2);
        std::vector<double> ids(90);
        for (int i = 0; i < 90; ++i)
            ids[i] = i % 3;
        ScatterPlot view;
        view.setData(b.x, b.y);
        view.setColorColumn(Column::numeric(QStringLiteral("cluster"), ids));
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Categorical);
        QCOMPARE(view.legendEntries().size(), 3);
    }

    void rubberBandAndClick()
    {
        const Blobs b = blobs(300, 3, false);
        ScatterPlot view;
        view.setData(b.x, b.y);
        view.setColorColumn(b.cls);
        QVERIFY(showView(view));
        QSignalSpy selection(&view, &ScatterPlot::selectionChanged);

        // Programmatic rectangle: exactly the points inside.
        const QRectF rect(QPointF(8, -3), QPointF(12, 3));
        view.selectInRect(rect);
        QCOMPARE(selection.count(), 1);
        QList<qint64> expected;
        for (std::size_t i = 0; i < 300; ++i)
            if (rect.contains(b.xs[i], b.ys[i]))
                expected << static_cast<qint64>(i);
        const auto got = selection.takeFirst().at(0).value<QList<qint64>>();
        QCOMPARE(got, expected);
        QCOMPARE(view.selectedRows(), expected);
        QCOMPARE(view.highlightedCount(), expected.size());

        // A Shift+drag with the mouse over the versicolor blob selects the same kind of rows.
        QWidget *plot = view.plotWidget();
        const QPointF a = pixelOf(view, 7.5, 3.5);
        const QPointF c = pixelOf(view, 12.5, -3.5);
        sendMouse(
            plot, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            plot, QEvent::MouseMove, (a + c) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(plot, QEvent::MouseMove, c, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            plot, QEvent::MouseButtonRelease, c, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(selection.count(), 1);
        const auto dragged = selection.takeFirst().at(0).value<QList<qint64>>();
        QVERIFY(dragged.size() >= 95);
        for (qint64 row : dragged)
            QCOMPARE(b.codes[static_cast<std::size_t>(row)], 1);

        // A click on a point selects its row.
        QSignalSpy clicked(&view, &ScatterPlot::pointClicked);
        const QPointF p = pixelOf(view, b.xs[42], b.ys[42]);
        QCOMPARE(view.pointAt(p), qint64(42));
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, p.toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).value<qint64>(), qint64(42));
        QCOMPARE(view.selectedRows(), QList<qint64> { 42 });

        // Hover text names the row (1-based) and its values.
        const QString tip = view.toolTipAt(p);
        QVERIFY2(tip.contains(QStringLiteral("Row 43")) && tip.contains(QStringLiteral("species")),
            qPrintable(tip));
        QVERIFY(view.toolTipAt(QPointF(2, 2)).isEmpty());

        // A click on empty space clears the selection.
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixelOf(view, 5, -3).toPoint());
        QVERIFY(view.selectedRows().isEmpty());
        snapshot(view, QStringLiteral("scatter_selected"));
    }

    void rowIdsAndExternalSelection()
    {
        const Blobs b = blobs(30, 4, false);
        ScatterPlot view;
        view.setData(b.x, b.y);
        std::vector<qint64> ids(30);
        for (int i = 0; i < 30; ++i)
            ids[i] = 1000 + 2 * i;
        view.setRowIds(ids);
        QVERIFY(showView(view));
        QSignalSpy clicked(&view, &ScatterPlot::pointClicked);
        QTest::mouseClick(view.plotWidget(), Qt::LeftButton, Qt::NoModifier,
            pixelOf(view, b.xs[5], b.ys[5]).toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).value<qint64>(), qint64(1010));

        QSignalSpy selection(&view, &ScatterPlot::selectionChanged);
        view.setSelectedRows({ 1000, 1002, 1004, 7 }); // 7 is not a point of this plot
        QCOMPARE(selection.count(), 0); // external selections do not echo back
        QCOMPARE(view.highlightedCount(), 3);
    }

    void densityMode()
    {
        const std::size_t n = 300'000;
        const Blobs b = blobs(n, 5);
        ScatterPlot view;
        QVERIFY(showView(view));
        QSignalSpy updated(&view, &ScatterPlot::densityUpdated);
        view.setData(b.x, b.y);
        view.setColorColumn(b.cls);
        QVERIFY(view.isDensityMode());
        QCOMPARE(view.drawnPointCount(), qint64(0));
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() >= 1 && !view.isAggregating(), 20000);
        QVERIFY(updated.count() >= 1);
        QCOMPARE(view.legendEntries().size(), 3);

        // The grid covers the axis rect in 2 x 2 pixel cells and counts every finite point.
        view.replotNow(); // a layout change (legend) re-aggregates at the new size
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAggregating(), 20000);
        const QRect axisRect = view.plotArea();
        QCOMPARE(view.densityGridSize(), QSize(axisRect.width() / 2, axisRect.height() / 2));
        const auto *grid = view.densityGrid();
        QVERIFY(grid);
        QCOMPARE(grid->inside, std::uint64_t(n - 2));
        QCOMPARE(grid->skipped, std::uint64_t(2));
        QVERIFY(view.dataBounds().width() > 10);

        // Pixel colour at the centre of the setosa blob: setosa's colour.
        view.replotNow();
        const QImage image = view.toImage();
        const QColor centre(image.pixel(pixelOf(view, 0, 0).toPoint()));
        QVERIFY2(colorDistance(centre, Palette::categorical(0)) <= 40, qPrintable(centre.name()));
        const QColor virginica(image.pixel(pixelOf(view, 5, 8).toPoint()));
        QVERIFY2(
            colorDistance(virginica, Palette::categorical(2)) <= 40, qPrintable(virginica.name()));
        // Hover gives the cell count and its majority.
        QVERIFY(view.toolTipAt(pixelOf(view, 0, 0)).contains(QStringLiteral("setosa")));
        snapshot(view, QStringLiteral("scatter_density_classes"));

        // Zooming re-aggregates the new range.
        const quint64 before = view.densityGeneration();
        const QRectF r = view.visibleRange();
        view.setVisibleRange(QRectF(r.left() / 2, r.top() / 2, r.width() / 2, r.height() / 2));
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() > before && !view.isAggregating(), 20000);
        QCOMPARE(view.densityGrid()->xMin, view.visibleRange().left());
        QCOMPARE(view.densityGrid()->xMax, view.visibleRange().right());
        QVERIFY(view.densityGrid()->outside > 0);

        // Blending.
        const quint64 g2 = view.densityGeneration();
        view.setDensityColoring(ScatterPlot::DensityColoring::Blend);
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() > g2 && !view.isAggregating(), 20000);
        view.resetView();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAggregating(), 20000);
        view.replotNow();
        snapshot(view, QStringLiteral("scatter_density_blend"));

        // A rectangle selection runs on the worker and reports every row inside.
        QSignalSpy selection(&view, &ScatterPlot::selectionChanged);
        const QRectF rect(QPointF(-1, -1), QPointF(1, 1));
        view.selectInRect(rect);
        QVERIFY(selection.wait(20000));
        qsizetype expected = 0;
        for (std::size_t i = 0; i < n; ++i)
            expected += rect.contains(b.xs[i], b.ys[i]) ? 1 : 0;
        QCOMPARE(selection.at(0).at(0).value<QList<qint64>>().size(), expected);
        QCOMPARE(view.highlightedCount(),
            int(std::min<qsizetype>(expected, ScatterPlot::kMaxHighlighted)));

        // Numeric colouring and no colouring in density mode have a colour bar.
        const quint64 g3 = view.densityGeneration();
        view.setColorColumn(b.value);
        QVERIFY(view.hasColorScale());
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() > g3 && !view.isAggregating(), 20000);
        view.replotNow();
        snapshot(view, QStringLiteral("scatter_density_numeric"));
        view.clearColor();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAggregating(), 20000);
        QVERIFY(view.hasColorScale());
        view.replotNow();
        snapshot(view, QStringLiteral("scatter_density_counts"));

        // Raising the threshold goes back to points.
        view.setDensityThreshold(1'000'000);
        QVERIFY(!view.isDensityMode());
        QCOMPARE(view.drawnPointCount(), qint64(n - 2));
    }

    void synchronousRefreshAndThreshold()
    {
        const Blobs b = blobs(1000, 6);
        ScatterPlot view;
        view.setDensityThreshold(500);
        QVERIFY(showView(view));
        view.setData(b.x, b.y);
        QVERIFY(view.isDensityMode());
        view.refreshDensityNow();
        QVERIFY(view.densityGeneration() >= 1);
        QCOMPARE(view.densityGrid()->inside, std::uint64_t(998));
        QVERIFY(!view.densityImageRect().isEmpty());
    }

    void destroyedWhileAggregating()
    {
        // Deleting the view while a job runs must neither crash nor deliver to a dead object.
        const Blobs b = blobs(2'000'000, 7, false);
        for (int i = 0; i < 3; ++i) {
            auto *view = new ScatterPlot;
            view->resize(600, 400);
            view->setData(b.x, b.y);
            view->setColorColumn(b.cls);
            QVERIFY(view->isAggregating());
            delete view;
            QCoreApplication::processEvents();
        }
    }

    void pcaScores()
    {
        // The first two principal components of 4-dimensional blobs.
        const Blobs b = blobs(600, 8, false);
        Eigen::MatrixXd X(600, 4);
        for (int i = 0; i < 600; ++i) {
            X(i, 0) = b.xs[i];
            X(i, 1) = b.ys[i];
            X(i, 2) = b.xs[i] - b.ys[i];
            X(i, 3) = 0.5 * b.xs[i];
        }
        sextant::engine::Pca pca;
        QVERIFY(pca.fit(X));
        const Eigen::MatrixXd s = pca.transform(X);
        std::vector<double> pc1(600), pc2(600);
        for (int i = 0; i < 600; ++i) {
            pc1[i] = s(i, 0);
            pc2[i] = s(i, 1);
        }
        ScatterPlot view;
        view.setData(std::move(pc1), std::move(pc2),
            QStringLiteral("PC1 (%1%)").arg(100 * pca.explainedVarianceRatio()(0), 0, 'f', 1),
            QStringLiteral("PC2 (%1%)").arg(100 * pca.explainedVarianceRatio()(1), 0, 'f', 1));
        view.setColorColumn(b.cls);
        QVERIFY(showView(view));
        QVERIFY(view.xLabel().startsWith(QStringLiteral("PC1")));
        QCOMPARE(view.drawnPointCount(), qint64(600));
        snapshot(view, QStringLiteral("scatter_pca"));
    }
};

QTEST_MAIN(TestScatter)
#include "tst_scatter.moc"
