// Correlation heatmap: colour map dimensions and range, colour bar, cell colours at known
// cells, tool tips, clicks, and readability at 60 columns.
#include "PlotTestSupport.h"
#include "plots/CorrelationHeatmap.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <random>

using sextant::engine::CorrelationMatrix;
using sextant::plots::CorrelationHeatmap;
using sextant::testing::colorDistance;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

CorrelationMatrix matrix(const QStringList &names, std::vector<double> r)
{
    CorrelationMatrix m;
    for (int i = 0; i < names.size(); ++i)
        m.columns << i;
    m.names = names;
    m.r = std::move(r);
    return m;
}

CorrelationMatrix four()
{
    // Symmetric, with exact -1, 0, 1 and an undefined pair.
    const double nan = std::nan("");
    return matrix({ QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
                      QStringLiteral("delta") },
        { 1.0, -1.0, 0.0, 0.5, //
            -1.0, 1.0, 0.25, nan, //
            0.0, 0.25, 1.0, -0.5, //
            0.5, nan, -0.5, 1.0 });
}

CorrelationMatrix random(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    QStringList names;
    for (int i = 0; i < n; ++i)
        names << QStringLiteral("feature_%1_long_column_name").arg(i);
    std::vector<double> r(static_cast<std::size_t>(n) * n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j <= i; ++j)
            r[i * n + j] = r[j * n + i] = i == j ? 1.0 : u(rng);
    return matrix(names, r);
}

// A point inside the cell but away from the text in its middle.
QPoint offCentre(const CorrelationHeatmap &view, int row, int column)
{
    const QPointF c = view.cellCenter(row, column);
    const QPointF next = view.cellCenter(row + 1 < view.columnCount() ? row + 1 : row - 1,
        column + 1 < view.columnCount() ? column + 1 : column - 1);
    const double w = std::abs(next.x() - c.x());
    const double h = std::abs(next.y() - c.y());
    return QPoint(qRound(c.x() - w * 0.4), qRound(c.y() - h * 0.4));
}

} // namespace

class TestHeatmap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dimensionsAndRange()
    {
        CorrelationHeatmap view;
        view.setMatrix(four());
        QVERIFY(showView(view, QSize(600, 600)));
        QCOMPARE(view.columnCount(), 4);
        QCOMPARE(view.colorMapSize(), QSize(4, 4));
        QCOMPARE(view.colorRange(), std::make_pair(-1.0, 1.0));
        QVERIFY(view.hasColorScale());
        QCOMPARE(view.valueAt(0, 1), -1.0);
        QCOMPARE(view.valueAt(2, 3), -0.5);
        QVERIFY(std::isnan(view.valueAt(1, 3)));
        QVERIFY(std::isnan(view.valueAt(9, 0)));
        QCOMPARE(view.axisLabels(Qt::Horizontal), view.names());
        QCOMPARE(view.axisLabels(Qt::Vertical), view.names());
        QVERIFY(view.cellValuesShown());
        // Row 0 at the top: its centre is above row 3's.
        QVERIFY(view.cellCenter(0, 0).y() < view.cellCenter(3, 0).y());
        snapshot(view, QStringLiteral("heatmap_4"));

        view.clear();
        view.replotNow();
        QCOMPARE(view.columnCount(), 0);
        QCOMPARE(view.colorMapSize(), QSize(0, 0));
        QVERIFY(view.toolTipAt(QPointF(300, 300)).isEmpty());
    }

    void pixelColoursAtKnownCells()
    {
        CorrelationHeatmap view;
        view.setMatrix(four());
        QVERIFY(showView(view, QSize(600, 600)));
        const QImage image = view.toImage();
        QCOMPARE(image.size(), QSize(600, 600));
        // The diverging scale: -1 dark blue, 0 near white, +1 dark red, NaN grey.
        const auto at = [&](int row, int column) {
            return QColor(image.pixel(offCentre(view, row, column)));
        };
        QVERIFY2(colorDistance(at(0, 0), QColor(0x67001f)) <= 10, qPrintable(at(0, 0).name()));
        QVERIFY2(colorDistance(at(0, 1), QColor(0x053061)) <= 10, qPrintable(at(0, 1).name()));
        QVERIFY2(colorDistance(at(0, 2), QColor(0xf7f7f7)) <= 10, qPrintable(at(0, 2).name()));
        QVERIFY2(colorDistance(at(1, 3), QColor(0xd9d9d9)) <= 10, qPrintable(at(1, 3).name()));
        // +0.5 is a light red: more red than blue.
        const QColor half = at(0, 3);
        QVERIFY2(half.red() > half.blue() + 40, qPrintable(half.name()));
    }

    void toolTipsAndClicks()
    {
        CorrelationHeatmap view;
        view.setMatrix(four());
        QVERIFY(showView(view, QSize(600, 600)));
        const QString tip = view.toolTipAt(view.cellCenter(2, 3));
        QVERIFY2(tip.contains(QStringLiteral("gamma")) && tip.contains(QStringLiteral("delta"))
                && tip.contains(QStringLiteral("-0.500")),
            qPrintable(tip));
        QVERIFY(view.toolTipAt(view.cellCenter(1, 3)).contains(QStringLiteral("undefined")));
        QCOMPARE(view.cellAt(view.cellCenter(3, 1)), QPoint(1, 3));
        QCOMPARE(view.cellAt(QPointF(2, 2)), QPoint(-1, -1));

        QSignalSpy clicked(&view, &CorrelationHeatmap::cellClicked);
        QTest::mouseClick(
            view.plotWidget(), Qt::LeftButton, Qt::NoModifier, view.cellCenter(2, 1).toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 2);
        QCOMPARE(clicked.at(0).at(1).toInt(), 1);
    }

    void readableAtSixtyColumns()
    {
        CorrelationHeatmap view;
        view.setMatrix(random(60, 3));
        QVERIFY(showView(view, QSize(900, 900)));
        QCOMPARE(view.colorMapSize(), QSize(60, 60));
        // Labels are thinned so that they do not overlap: each shown label gets at least
        // its font height along the axis.
        const QStringList labels = view.axisLabels(Qt::Vertical);
        QVERIFY(labels.size() >= 15);
        QVERIFY(labels.size() <= 60);
        const double cellPx = std::abs(view.cellCenter(1, 0).y() - view.cellCenter(0, 0).y());
        const double perLabel = cellPx * 60.0 / labels.size();
        QVERIFY2(perLabel >= view.labelPixelSize(),
            qPrintable(QStringLiteral("%1 px per label, font %2 px")
                           .arg(perLabel)
                           .arg(view.labelPixelSize())));
        QVERIFY(view.labelPixelSize() >= 8);
        // Long names are elided on the axis, complete in the tool tip.
        QVERIFY(labels.first().size() <= 18);
        QVERIFY(view.toolTipAt(view.cellCenter(0, 0))
                    .contains(QStringLiteral("feature_0_long_column_name")));
        // Cells too small for values: none written.
        QVERIFY(!view.cellValuesShown());
        snapshot(view, QStringLiteral("heatmap_60"));

        // 100 columns still render, thinned further.
        view.setMatrix(random(100, 4));
        view.replotNow();
        QVERIFY(view.axisLabels(Qt::Horizontal).size() < 100);
        snapshot(view, QStringLiteral("heatmap_100"));
    }

    void allLabelsWhenTheyFit()
    {
        // Iris: four numeric columns in a normal window. Every name fits: none is dropped,
        // on the first replot after showing, after a resize, and in an export at another
        // size (ticks are generated before QCustomPlot lays out, from the last layout).
        const CorrelationMatrix iris
            = matrix({ QStringLiteral("sepal_length"), QStringLiteral("sepal_width"),
                         QStringLiteral("petal_length"), QStringLiteral("petal_width") },
                { 1.0, -0.12, 0.87, 0.82, -0.12, 1.0, -0.43, -0.37, 0.87, -0.43, 1.0, 0.96, 0.82,
                    -0.37, 0.96, 1.0 });
        CorrelationHeatmap view;
        view.setMatrix(iris);
        QVERIFY(showView(view, QSize(600, 500)));
        QCOMPARE(view.axisLabels(Qt::Horizontal), iris.names);
        QCOMPARE(view.axisLabels(Qt::Vertical), iris.names);
        QCOMPARE(view.labelPixelSize(), 12);

        // 16 columns in a small view: cells smaller than an 8 px label, so thinned.
        const CorrelationMatrix sixteen = random(16, 8);
        view.setMatrix(sixteen);
        view.resize(260, 170);
        view.replotNow();
        QVERIFY2(view.axisLabels(Qt::Vertical).size() < 16,
            qPrintable(QString::number(view.axisLabels(Qt::Vertical).size())));
        QCOMPARE(view.labelPixelSize(), 8);
        // One replot at the normal size again: all names at once, at full size.
        view.resize(600, 500);
        view.replotNow();
        QCOMPARE(view.axisLabels(Qt::Vertical).size(), 16);
        QCOMPARE(view.axisLabels(Qt::Horizontal).size(), 16);
        QCOMPARE(view.labelPixelSize(), 12);

        // An export larger than the widget decides for the exported cells.
        view.resize(260, 170);
        view.replotNow();
        QVERIFY(view.axisLabels(Qt::Vertical).size() < 16);
        const QImage image = view.toImage(QSize(600, 500));
        QCOMPARE(image.size(), QSize(600, 500));
        QCOMPARE(view.axisLabels(Qt::Vertical).size(), 16);
        QCOMPARE(view.labelPixelSize(), 12);
    }

    void thinnedOnlyWhenOverlapping()
    {
        // 40 columns at 900 x 900: cells of ~19 px hold a 12 px label: all names.
        CorrelationHeatmap view;
        view.setMatrix(random(40, 6));
        QVERIFY(showView(view, QSize(900, 900)));
        QCOMPARE(view.axisLabels(Qt::Vertical).size(), 40);
        // 150 columns: thinned, and the names shown are at least a line height apart.
        view.setMatrix(random(150, 7));
        view.replotNow();
        const QStringList labels = view.axisLabels(Qt::Vertical);
        QVERIFY2(
            labels.size() < 150 && labels.size() >= 30, qPrintable(QString::number(labels.size())));
        const double cellPx = std::abs(view.cellCenter(1, 0).y() - view.cellCenter(0, 0).y());
        const int stride = static_cast<int>(std::ceil(150.0 / labels.size()));
        QFont font = view.font();
        font.setPixelSize(view.labelPixelSize());
        QVERIFY2(stride * cellPx >= QFontMetricsF(font).height(),
            qPrintable(QStringLiteral("stride %1, cell %2 px").arg(stride).arg(cellPx)));
        // ... and not thinned more than needed: half the stride would overlap.
        QVERIFY(stride == 1 || (stride - 1) * cellPx < QFontMetricsF(font).height() + 1.0);
    }

    void zoomBringsLabelsBack()
    {
        CorrelationHeatmap view;
        view.setMatrix(random(60, 5));
        QVERIFY(showView(view, QSize(900, 900)));
        const int before = static_cast<int>(view.axisLabels(Qt::Vertical).size());
        // Zoom in with the wheel at the centre until fewer than ten cells are visible.
        for (int i = 0; i < 12 && view.axisLabels(Qt::Vertical).size() > 10; ++i) {
            QWheelEvent wheel(QPointF(450, 450), view.plotWidget()->mapToGlobal(QPointF(450, 450)),
                QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.plotWidget(), &wheel);
            view.replotNow();
        }
        const QStringList after = view.axisLabels(Qt::Vertical);
        QVERIFY2(after.size() <= 12, qPrintable(QString::number(after.size())));
        QVERIFY(before > after.size());
        view.replotNow();
        QVERIFY(view.cellValuesShown());
        snapshot(view, QStringLiteral("heatmap_60_zoomed"));
    }
};

QTEST_MAIN(TestHeatmap)
#include "tst_heatmap.moc"
