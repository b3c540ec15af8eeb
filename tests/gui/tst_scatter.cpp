// Scatter: point mode (classes, numeric colour, legend, bounds, selection by rubber band
// and click, hover), density mode above the threshold (background aggregation, grid size,
// class colours, re-aggregation on zoom, selection on the worker), and PCA scores; the
// control bar over a table (X, Y, colour, size, shape; "cluster" picked for colour;
// computed axes over some rows; gathering on the worker), the class blend of density
// cells, rectangle selection reporting exact table rows, and highlighted rows.
#include "PlotTestSupport.h"
#include "data/Dataset.h"
#include "ml/Pca.h"
#include "plots/Palette.h"
#include "plots/ScatterControlBar.h"
#include "plots/ScatterDensityJob.h"
#include "plots/ScatterPlot.h"

#include <QApplication>
#include <QComboBox>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <random>

using sextant::engine::Column;
using sextant::engine::ColumnRole;
using sextant::engine::Dataset;
using sextant::plots::OkLab;
using sextant::plots::Palette;
using sextant::plots::ScatterChoice;
using sextant::plots::ScatterDensityJob;
using sextant::plots::ScatterPlot;
using sextant::plots::ScatterSource;
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

QStringList comboEntries(const QComboBox *combo)
{
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemData(i).toString();
    return out;
}

// Picks the entry holding column `name` as a person would (activated is what the bar
// listens to).
void pick(QComboBox *combo, const QString &name)
{
    const int i = combo->findData(name);
    QVERIFY2(i >= 0, qPrintable(name));
    combo->setCurrentIndex(i);
    Q_EMIT combo->activated(i);
}

double labDistance(const OkLab &a, const OkLab &b)
{
    return std::sqrt(
        (a.L - b.L) * (a.L - b.L) + (a.a - b.a) * (a.a - b.a) + (a.b - b.b) * (a.b - b.b));
}

// A table for the control bar: x, y (blobs), weight = row, cluster (class-like numbers),
// species (the target) and kind (nine classes).
Dataset exploreTable(const Blobs &b)
{
    const std::size_t n = b.xs.size();
    Dataset t;
    t.addColumn(b.x);
    t.addColumn(b.y);
    std::vector<double> weight(n), cluster(n);
    std::vector<std::int32_t> kind(n);
    for (std::size_t i = 0; i < n; ++i) {
        weight[i] = static_cast<double>(i);
        cluster[i] = static_cast<double>((i / 7) % 3);
        kind[i] = static_cast<std::int32_t>(i % 9);
    }
    t.addColumn(Column::numeric(QStringLiteral("weight"), weight));
    t.addColumn(Column::numeric(QStringLiteral("cluster"), cluster));
    Column species = b.cls;
    species.setRole(ColumnRole::Target);
    t.addColumn(species);
    QStringList kinds;
    for (int k = 0; k < 9; ++k)
        kinds << QStringLiteral("k%1").arg(k);
    t.addColumn(Column::categorical(QStringLiteral("kind"), kind, kinds));
    return t;
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

        // Majority colouring, then back to the blend (the default).
        QCOMPARE(view.densityColoring(), ScatterPlot::DensityColoring::Blend);
        const quint64 g1 = view.densityGeneration();
        view.setDensityColoring(ScatterPlot::DensityColoring::Majority);
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() > g1 && !view.isAggregating(), 20000);
        snapshot(view, QStringLiteral("scatter_density_majority"));
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

    void controlBarChoosesColumns()
    {
        const std::size_t n = 400;
        const Blobs b = blobs(n, 11, false);
        ScatterPlot view;
        QVERIFY(showView(view));
        QSignalSpy gathered(&view, &ScatterPlot::dataGathered);
        ScatterSource source;
        source.table = exploreTable(b);
        view.setSource(source);
        QVERIFY(view.hasSource());
        QVERIFY(view.controlBar()->isVisible());
        QCOMPARE(gathered.count(), 1); // a small table is gathered at once
        QCOMPARE(view.pointCount(), qint64(n));

        // The combos offer what fits: numeric axes and sizes, any colour, class-like shapes.
        auto *bar = view.controlBar();
        const QStringList axes { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("weight"),
            QStringLiteral("cluster") };
        QCOMPARE(comboEntries(bar->xCombo()), axes);
        QCOMPARE(comboEntries(bar->yCombo()), axes);
        QCOMPARE(comboEntries(bar->colorCombo()),
            QStringList({ QString(), QStringLiteral("x"), QStringLiteral("y"),
                QStringLiteral("weight"), QStringLiteral("cluster"), QStringLiteral("species"),
                QStringLiteral("kind") }));
        QCOMPARE(comboEntries(bar->sizeCombo()), QStringList({ QString() }) + axes);
        QCOMPARE(comboEntries(bar->shapeCombo()),
            QStringList({ QString(), QStringLiteral("cluster"), QStringLiteral("species"),
                QStringLiteral("kind") }));

        // "cluster" wins the colour over the target, as classes (its values are labels).
        QCOMPARE(view.choice().x, QStringLiteral("x"));
        QCOMPARE(view.choice().y, QStringLiteral("y"));
        QCOMPARE(view.choice().color, QStringLiteral("cluster"));
        QCOMPARE(bar->colorCombo()->currentData().toString(), QStringLiteral("cluster"));
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Categorical);
        QCOMPARE(view.legendTitle(), QStringLiteral("cluster"));
        QCOMPARE(view.legendEntries().size(), 3);

        // Without a cluster column the target is the colour.
        {
            ScatterSource noCluster;
            noCluster.table = exploreTable(b);
            noCluster.table.removeColumn(noCluster.table.indexOf(QStringLiteral("cluster")));
            ScatterPlot other;
            other.setSource(noCluster);
            QCOMPARE(other.choice().color, QStringLiteral("species"));
            QCOMPARE(other.legendEntries(),
                QStringList({ QStringLiteral("setosa"), QStringLiteral("versicolor"),
                    QStringLiteral("virginica") }));
        }

        // Size: the smallest value gets the smallest marker, the largest the largest.
        QSignalSpy changed(&view, &ScatterPlot::choiceChanged);
        pick(bar->sizeCombo(), QStringLiteral("weight"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.choice().size, QStringLiteral("weight"));
        QCOMPARE(view.pointSizeAt(0), ScatterPlot::kMinSizePx);
        QCOMPARE(view.pointSizeAt(qint64(n - 1)), ScatterPlot::kMaxSizePx);
        const double middle = view.pointSizeAt(qint64(n / 2));
        QVERIFY(middle > ScatterPlot::kMinSizePx && middle < ScatterPlot::kMaxSizePx);
        for (qint64 i = 1; i < qint64(n); ++i)
            QVERIFY(view.pointSizeAt(i) >= view.pointSizeAt(i - 1));

        // Shape: the first six classes get their own marker, the other three share one, and
        // the legend says so.
        pick(bar->shapeCombo(), QStringLiteral("kind"));
        for (qint64 i = 0; i < qint64(n); ++i) {
            const int k = static_cast<int>(i % 9);
            QCOMPARE(view.pointShapeAt(i), k < 6 ? k : 6);
        }
        const QStringList legend = view.legendEntries();
        QVERIFY2(legend.contains(QStringLiteral("kind: k0")), qPrintable(legend.join(',')));
        QVERIFY2(legend.contains(QStringLiteral("kind: k5")), qPrintable(legend.join(',')));
        QVERIFY2(!legend.contains(QStringLiteral("kind: k6")), qPrintable(legend.join(',')));
        QVERIFY2(legend.contains(QStringLiteral("kind: other (3 classes)")),
            qPrintable(legend.join(',')));
        snapshot(view, QStringLiteral("scatter_size_shape"));

        // Another axis and a numeric colour; "none" stays none (no automatic colour again).
        pick(bar->yCombo(), QStringLiteral("weight"));
        QCOMPARE(view.yLabel(), QStringLiteral("weight"));
        QCOMPARE(view.dataBounds().bottom(), double(n - 1));
        pick(bar->colorCombo(), QStringLiteral("x"));
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Numeric);
        QVERIFY(view.hasColorScale());
        pick(bar->colorCombo(), QString());
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::None);
        QCOMPARE(view.choice().color, QString());
        QCOMPARE(changed.count(), 5);

        // A wheel over a combo box without focus changes nothing.
        {
            QComboBox *x = bar->xCombo();
            const int before = x->currentIndex();
            QWheelEvent wheel(QPointF(5, 5), x->mapToGlobal(QPointF(5, 5)), QPoint(),
                QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(x, &wheel);
            QCOMPARE(x->currentIndex(), before);
            QCOMPARE(view.choice().x, QStringLiteral("x"));
        }

        // Plain data drops the source and its controls.
        view.setData(b.x, b.y);
        QVERIFY(!view.hasSource());
        QVERIFY(view.controlBar()->isHidden());
    }

    // A long column name shows whole in X and Y where the bar has room, and the bar still
    // fits a narrow window (the combo then cuts the name; its tooltip has it whole).
    void longAxisNamesShowWholeWhereThereIsRoom()
    {
        const QString longName = QStringLiteral("od280_od315_of_diluted_wines");
        sextant::plots::ScatterControlBar bar;
        sextant::plots::ScatterOptions options;
        options.axes = { QStringLiteral("hue"), longName };
        options.colors = options.axes;
        options.sizes = options.axes;
        bar.setOptions(options);
        sextant::plots::ScatterChoice choice;
        choice.x = longName;
        choice.y = QStringLiteral("hue");
        bar.setChoice(choice);
        bar.resize(1500, 40);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        const int text = bar.xCombo()->fontMetrics().horizontalAdvance(longName);
        QVERIFY2(bar.xCombo()->width() > text,
            qPrintable(QStringLiteral("%1 <= %2").arg(bar.xCombo()->width()).arg(text)));
        QVERIFY(bar.yCombo()->width() > text); // Y offers it too
        QCOMPARE(bar.xCombo()->itemData(1, Qt::ToolTipRole).toString(), longName);
        // Narrow: the bar asks no more than before (seven characters a combo).
        QVERIFY2(bar.minimumSizeHint().width() < 5 * text,
            qPrintable(QString::number(bar.minimumSizeHint().width())));
        bar.resize(bar.minimumSizeHint().width(), 40);
        QTest::qWait(10);
        QVERIFY(bar.xCombo()->width() < text);

        // In a scatter view 1,100 pixels wide the whole row is the bar's: the axes read whole.
        const Blobs b = blobs(60, 3, false);
        Dataset table;
        Column first = b.x;
        first.setName(longName);
        Column second = b.y;
        second.setName(QStringLiteral("proanthocyanins_and_flavanoids"));
        table.addColumn(first);
        table.addColumn(second);
        ScatterPlot view;
        QVERIFY(showView(view, QSize(1100, 600)));
        ScatterSource source;
        source.table = table;
        view.setSource(source);
        auto *x = view.controlBar()->xCombo();
        QTRY_VERIFY2(x->width() > text,
            qPrintable(QStringLiteral("%1 <= %2 (bar %3 of %4)")
                           .arg(x->width())
                           .arg(text)
                           .arg(view.controlBar()->width())
                           .arg(view.width())));
    }

    void computedAxesOverSomeRows()
    {
        // Principal components of the complete rows only: rows 0, 2, 4, ... of twelve.
        const Blobs b = blobs(12, 12, false);
        ScatterSource source;
        source.table = exploreTable(b);
        source.table.removeColumn(source.table.indexOf(QStringLiteral("cluster")));
        std::vector<double> pc1, pc2;
        for (std::size_t r = 0; r < 12; r += 2) {
            source.extraRows.push_back(qint64(r));
            pc1.push_back(double(r));
            pc2.push_back(-double(r));
        }
        source.extra = { Column::numeric(QStringLiteral("PC1"), pc1),
            Column::numeric(QStringLiteral("PC2"), pc2) };
        ScatterPlot view;
        QVERIFY(showView(view));
        view.setSource(source);
        QCOMPARE(view.choice().x, QStringLiteral("PC1"));
        QCOMPARE(view.choice().y, QStringLiteral("PC2"));
        QCOMPARE(comboEntries(view.controlBar()->xCombo()).mid(0, 3),
            QStringList({ QStringLiteral("PC1"), QStringLiteral("PC2"), QStringLiteral("x") }));
        QCOMPARE(view.pointCount(), qint64(6));
        // The colour column is gathered at the rows of the points.
        QCOMPARE(view.choice().color, QStringLiteral("species"));
        const auto codes = view.colorColumn().codes();
        QCOMPARE(codes.size(), std::size_t(6));
        for (std::size_t i = 0; i < 6; ++i) {
            QCOMPARE(view.rowId(qint64(i)), qint64(2 * i));
            QCOMPARE(codes[i], b.codes[2 * i]);
        }
        // A rectangle reports table rows.
        QSignalSpy rows(&view, &ScatterPlot::rowsSelected);
        view.selectInRect(QRectF(QPointF(3, -9), QPointF(9, -3))); // PC1 in [3, 9]: rows 4..8
        QCOMPARE(rows.count(), 1);
        QCOMPARE(rows.at(0).at(0).value<QList<qint64>>(), QList<qint64>({ 4, 6, 8 }));

        // A table column on one axis and a component on the other: still those rows.
        ScatterChoice c = view.choice();
        c.x = QStringLiteral("weight");
        view.setChoice(c);
        QCOMPARE(view.pointCount(), qint64(6));
        QCOMPARE(view.rowId(5), qint64(10));
        // Two table columns: every row.
        c.y = QStringLiteral("y");
        view.setChoice(c);
        QCOMPARE(view.pointCount(), qint64(12));
        QCOMPARE(view.rowId(11), qint64(11));
        // The highlighted rows are table rows and survive the change.
        QCOMPARE(view.highlightedCount(), 3);
    }

    void largeSourceIsGatheredOnTheWorker()
    {
        const std::size_t n = 300'000;
        const Blobs b = blobs(n, 13);
        ScatterSource source;
        source.table = exploreTable(b);
        ScatterPlot view;
        QVERIFY(showView(view));
        QSignalSpy gathered(&view, &ScatterPlot::dataGathered);
        view.setSource(source);
        QVERIFY(view.isGathering());
        QCOMPARE(gathered.count(), 0);
        QVERIFY(gathered.wait(20000));
        QVERIFY(!view.isGathering());
        QVERIFY(view.isDensityMode());
        QCOMPARE(view.pointCount(), qint64(n));
        QCOMPARE(view.colorMode(), ScatterPlot::ColorMode::Categorical);
        QVERIFY(!view.controlBar()->sizeCombo()->isEnabled()); // markers: points only
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() >= 1 && !view.isAggregating(), 20000);
        QCOMPARE(view.densityGrid()->inside, std::uint64_t(n - 2));
        QCOMPARE(view.densityGrid()->classCount, 3);

        // settleNow finishes a pending choice on the calling thread.
        ScatterChoice c = view.choice();
        c.color = QStringLiteral("species");
        view.setChoice(c);
        QVERIFY(view.isGathering());
        view.settleNow();
        QVERIFY(!view.isGathering());
        QCOMPARE(view.colorColumn().name(), QStringLiteral("species"));
        QCOMPARE(view.densityGrid()->classCount, 3);
        QCoreApplication::processEvents(); // the dropped worker result changes nothing
        QCOMPARE(view.colorColumn().name(), QStringLiteral("species"));
    }

    void densityBlendsClassesInProportion()
    {
        const QRgb c0 = Palette::categorical(0).rgb(), c1 = Palette::categorical(1).rgb();
        const std::vector<OkLab> labs { OkLab::fromRgb(c0), OkLab::fromRgb(c1) };
        const QRgb missing = qRgb(1, 2, 3);
        const std::uint32_t pure[2] { 100, 0 }, minority[2] { 99, 1 }, half[2] { 50, 50 },
            none[2] { 0, 0 };
        const QRgb p = ScatterDensityJob::blend(pure, labs, missing);
        const QRgb m = ScatterDensityJob::blend(minority, labs, missing);
        const QRgb h = ScatterDensityJob::blend(half, labs, missing);
        QCOMPARE(ScatterDensityJob::blend(none, labs, missing), missing);
        // A pure cell has its class colour (within rounding).
        QVERIFY(colorDistance(QColor(p), QColor(c0)) <= 1);
        // 1% of class 1 tints the cell measurably: past a just-noticeable OKLab difference
        // (about 0.02), and by several levels of an 8-bit channel.
        const double tint = labDistance(OkLab::fromRgb(m), OkLab::fromRgb(p));
        QVERIFY2(tint > 0.02, qPrintable(QString::number(tint)));
        QVERIFY2(colorDistance(QColor(m), QColor(p)) >= 4, qPrintable(QColor(m).name()));
        // ... in the direction of class 1, and less than half-way.
        QVERIFY(labDistance(OkLab::fromRgb(m), labs[1]) < labDistance(labs[0], labs[1]));
        QVERIFY(tint < labDistance(labs[0], labs[1]) / 2);
        // 50:50 is the midpoint of the two colours in OKLab (within 8-bit rounding).
        const OkLab mid { (labs[0].L + labs[1].L) / 2, (labs[0].a + labs[1].a) / 2,
            (labs[0].b + labs[1].b) / 2 };
        QVERIFY2(labDistance(OkLab::fromRgb(h), mid) < 0.006,
            qPrintable(QString::number(labDistance(OkLab::fromRgb(h), mid))));

        // The same through a density grid: three cells of 100 points each (same opacity),
        // 100:0, 99:1 and 50:50.
        std::vector<double> x, y;
        std::vector<std::int32_t> cls;
        const auto add = [&](double cx, int a, int b1) {
            for (int i = 0; i < a + b1; ++i) {
                x.push_back(cx);
                y.push_back(0.5);
                cls.push_back(i < a ? 0 : 1);
            }
        };
        add(0.5, 100, 0);
        add(1.5, 99, 1);
        add(2.5, 50, 50);
        sextant::plots::ScatterDensityRequest r;
        r.x = Column::numeric(QStringLiteral("x"), x);
        r.y = Column::numeric(QStringLiteral("y"), y);
        r.color = Column::categorical(
            QStringLiteral("c"), cls, { QStringLiteral("a"), QStringLiteral("b") });
        r.colorMode = sextant::plots::ScatterColorMode::Categorical;
        r.classCount = 2;
        r.classColors = { c0, c1 };
        r.range = QRectF(QPointF(0, 0), QPointF(3, 1));
        r.grid = QSize(3, 1);
        const auto result = ScatterDensityJob::run(r, nullptr);
        QVERIFY(!result.cancelled && result.grid);
        QCOMPARE(result.grid->classCountAt(1, 0, 1), 1u);
        const QImage image = result.image.convertToFormat(QImage::Format_ARGB32);
        for (int ix = 0; ix < 3; ++ix)
            QCOMPARE(qAlpha(image.pixel(ix, 0)), 255);
        QCOMPARE(QColor(image.pixel(0, 0)).rgb(), QColor(p).rgb());
        QCOMPARE(QColor(image.pixel(1, 0)).rgb(), QColor(m).rgb());
        QCOMPARE(QColor(image.pixel(2, 0)).rgb(), QColor(h).rgb());
        QVERIFY(image.pixel(1, 0) != image.pixel(0, 0));

        // Majority colouring hides the 1%: that cell looks pure.
        r.coloring = ScatterPlot::DensityColoring::Majority;
        const auto majority = ScatterDensityJob::run(r, nullptr);
        QCOMPARE(majority.image.pixel(1, 0), majority.image.pixel(0, 0));
    }

    void rectangleSelectsExactRows()
    {
        // A 20 x 20 lattice: point i at (i % 20, i / 20).
        std::vector<double> xs, ys;
        for (int i = 0; i < 400; ++i) {
            xs.push_back(i % 20);
            ys.push_back(i / 20);
        }
        ScatterPlot view;
        QVERIFY(showView(view));
        view.setData(
            Column::numeric(QStringLiteral("x"), xs), Column::numeric(QStringLiteral("y"), ys));
        QSignalSpy rows(&view, &ScatterPlot::rowsSelected);
        // Shift+drag from (2.5, 3.5) to (5.5, 6.5): x in {3, 4, 5}, y in {4, 5, 6}.
        QWidget *w = view.plotWidget();
        const QPointF a = view.coordToPixel(QPointF(2.5, 6.5));
        const QPointF z = view.coordToPixel(QPointF(5.5, 3.5));
        sendMouse(
            w, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseMove, (a + z) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseMove, z, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseButtonRelease, z, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(rows.count(), 1);
        QList<qint64> expected;
        for (int yy = 4; yy <= 6; ++yy)
            for (int xx = 3; xx <= 5; ++xx)
                expected << qint64(yy * 20 + xx);
        QList<qint64> got = rows.at(0).at(0).value<QList<qint64>>();
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);

        // The same in density mode, from the data (not from drawn cells).
        view.setDensityThreshold(100);
        QVERIFY(view.isDensityMode());
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAggregating(), 20000);
        rows.clear();
        view.selectInRect(QRectF(QPointF(2.5, 3.5), QPointF(5.5, 6.5)));
        QVERIFY(rows.wait(20000));
        got = rows.at(0).at(0).value<QList<qint64>>();
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
    }

    void lassoSelectsExactRows()
    {
        // The 20 x 20 lattice again; a triangle with the hypotenuse x + y = 10.2 holds the
        // points with x + y <= 10.
        std::vector<double> xs, ys;
        for (int i = 0; i < 400; ++i) {
            xs.push_back(i % 20);
            ys.push_back(i / 20);
        }
        ScatterPlot view;
        QVERIFY(showView(view));
        view.setData(
            Column::numeric(QStringLiteral("x"), xs), Column::numeric(QStringLiteral("y"), ys));
        QSignalSpy rows(&view, &ScatterPlot::rowsSelected);
        const QPolygonF triangle { QPointF(-0.5, -0.5), QPointF(10.7, -0.5), QPointF(-0.5, 10.7) };
        view.selectInPolygon(triangle);
        QCOMPARE(rows.count(), 1);
        QList<qint64> expected;
        for (int i = 0; i < 400; ++i)
            if (i % 20 + i / 20 <= 10)
                expected << qint64(i);
        QCOMPARE(expected.size(), 66);
        QCOMPARE(rows.at(0).at(0).value<QList<qint64>>(), expected);

        // Alt+drag around the square [2.5, 5.5] x [3.5, 6.5] with the mouse.
        rows.clear();
        QWidget *w = view.plotWidget();
        const QList<QPointF> path { QPointF(2.5, 3.5), QPointF(5.5, 3.5), QPointF(5.5, 6.5),
            QPointF(2.5, 6.5), QPointF(2.5, 3.6) };
        const QPointF start = view.coordToPixel(path.first());
        sendMouse(
            w, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton, Qt::AltModifier);
        for (const QPointF &c : path)
            sendMouse(w, QEvent::MouseMove, view.coordToPixel(c), Qt::NoButton, Qt::LeftButton,
                Qt::AltModifier);
        sendMouse(w, QEvent::MouseButtonRelease, view.coordToPixel(path.last()), Qt::LeftButton,
            Qt::NoButton, Qt::AltModifier);
        QCOMPARE(rows.count(), 1);
        QList<qint64> square;
        for (int yy = 4; yy <= 6; ++yy)
            for (int xx = 3; xx <= 5; ++xx)
                square << qint64(yy * 20 + xx);
        QCOMPARE(rows.at(0).at(0).value<QList<qint64>>(), square);
        // The view did not pan meanwhile.
        QCOMPARE(view.coordToPixel(path.first()), start);

        // With "lasso" on, a Shift+drag draws one too; in density mode the rows come from
        // the data, on the worker.
        view.setLassoSelects(true);
        view.setDensityThreshold(100);
        QVERIFY(view.isDensityMode());
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAggregating(), 20000);
        rows.clear();
        const QPointF s2 = view.coordToPixel(path.first());
        sendMouse(
            w, QEvent::MouseButtonPress, s2, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        for (const QPointF &c : path)
            sendMouse(w, QEvent::MouseMove, view.coordToPixel(c), Qt::NoButton, Qt::LeftButton,
                Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseButtonRelease, view.coordToPixel(path.last()), Qt::LeftButton,
            Qt::NoButton, Qt::ShiftModifier);
        QVERIFY(rows.wait(20000));
        QCOMPARE(rows.at(0).at(0).value<QList<qint64>>(), square);
    }

    void highlightedRowsDimTheRest()
    {
        // Two far-apart points of one class; highlighting one dims the other.
        const std::vector<double> xs { 0, 10 }, ys { 0, 10 };
        ScatterPlot view;
        QVERIFY(showView(view));
        view.setData(
            Column::numeric(QStringLiteral("x"), xs), Column::numeric(QStringLiteral("y"), ys));
        QSignalSpy rows(&view, &ScatterPlot::rowsSelected);
        view.replotNow();
        QImage before = view.toImage();
        const QPoint p0 = view.coordToPixel(QPointF(0, 0)).toPoint();
        const QPoint p1 = view.coordToPixel(QPointF(10, 10)).toPoint();
        const QColor bg = before.pixelColor(p0 + QPoint(40, -40));
        QVERIFY(colorDistance(before.pixelColor(p1), bg) > 60);
        QCOMPARE(view.dimming(), 1.0);

        view.setHighlightedRows({ 0 });
        QCOMPARE(rows.count(), 0); // a selection made elsewhere does not echo back
        QCOMPARE(view.highlightedCount(), 1);
        QVERIFY(view.dimming() < 0.5);
        view.replotNow();
        const QImage after = view.toImage();
        // The highlighted point: opaque, in its class colour.
        QVERIFY2(colorDistance(after.pixelColor(p0), Palette::categorical(0)) <= 12,
            qPrintable(after.pixelColor(p0).name()));
        // The other one: faded towards the background.
        QVERIFY(
            colorDistance(after.pixelColor(p1), bg) < colorDistance(before.pixelColor(p1), bg) / 2);
        snapshot(view, QStringLiteral("scatter_highlight"));

        view.setHighlightedRows({});
        QCOMPARE(view.dimming(), 1.0);
        QCOMPARE(view.highlightedCount(), 0);
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
