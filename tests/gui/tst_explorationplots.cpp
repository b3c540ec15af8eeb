// The exploration and evaluation plots draw what their node computed: box and whisker
// positions and violin widths from the summaries (a redraw never reads rows, so 10^7
// values draw as fast as ten), silhouette bars sorted within clusters with the mean line
// and rectangle/negative selections emitting rowsSelected, calibration and gains points,
// ranking bars and a sortable table; ResultViewFactory picks them for their results.
#include "PlotTestSupport.h"
#include "graph/GraphModel.h"
#include "graph/NodeValue.h"
#include "gui/LinkedSelection.h"
#include "ml/BoxStatistics.h"
#include "ml/DriftProfile.h"
#include "ml/DriftReport.h"
#include "ml/ProbabilityCurves.h"
#include "nodes/BoxPlotData.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/DriftData.h"
#include "nodes/FeatureRanking.h"
#include "nodes/ProbabilityCurvesData.h"
#include "nodes/ScatterMatrixData.h"
#include "nodes/SelectedRowsNode.h"
#include "nodes/SilhouetteData.h"
#include "plots/BoxPlot.h"
#include "plots/DriftPlot.h"
#include "plots/FeatureRankingPlot.h"
#include "plots/ProbabilityCurvesPlot.h"
#include "plots/ResultViewFactory.h"
#include "plots/ScatterMatrixPlot.h"
#include "plots/SilhouettePlot.h"

#include <QApplication>
#include <QMenu>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <random>

using namespace sextant;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button,
    Qt::MouseButtons buttons, Qt::KeyboardModifiers mods)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(w, &e);
}

engine::BoxPlotData boxData(bool violin, int perGroup)
{
    engine::BoxPlotData d;
    d.violin = violin;
    d.splitColumn = QStringLiteral("species");
    d.groupNames
        = { QStringLiteral("setosa"), QStringLiteral("versicolor"), QStringLiteral("virginica") };
    std::mt19937_64 rng(1);
    std::normal_distribution<double> normal;
    for (const char *name : { "petal_length", "sepal_width" }) {
        engine::BoxPlotData::ColumnBoxes c;
        c.name = QLatin1String(name);
        for (int g = 0; g < 3; ++g) {
            std::vector<double> v;
            v.reserve(static_cast<std::size_t>(perGroup));
            for (int i = 0; i < perGroup; ++i)
                v.push_back(2.0 * g + (g + 1) * 0.4 * normal(rng) + (i == 0 ? 6 : 0));
            c.groups.push_back(engine::BoxStatistics::summarize(v, violin));
        }
        d.columns.push_back(std::move(c));
    }
    return d;
}

engine::SilhouetteData silhouetteData()
{
    // Rows 0..59 in three clusters; every seventh row negative.
    engine::SilhouetteData d;
    d.clusterColumn = QStringLiteral("cluster");
    d.clusterNames = { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") };
    d.clusterSizes = { 20, 20, 20 };
    d.clusterMeans = { 0, 0, 0 };
    for (int i = 0; i < 60; ++i) {
        d.rows.push_back(i);
        d.cluster.push_back(i % 3);
        const double v = i % 7 == 0 ? -0.05 * (1 + i % 4) : 0.1 + 0.01 * ((i * 13) % 50);
        d.values.push_back(v);
        d.clusterMeans[static_cast<std::size_t>(i % 3)] += v / 20;
        d.mean += v / 60;
    }
    for (int c = 0; c < 3; ++c) {
        std::vector<std::int64_t> members;
        for (int i = 0; i < 60; ++i)
            if (i % 3 == c)
                members.push_back(i);
        std::stable_sort(members.begin(), members.end(), [&d](std::int64_t a, std::int64_t b) {
            return d.values[std::size_t(a)] > d.values[std::size_t(b)];
        });
        d.order.insert(d.order.end(), members.begin(), members.end());
    }
    d.tableRows = 60;
    return d;
}

} // namespace

class TestExplorationPlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void boxGeometry()
    {
        plots::BoxPlot view;
        const engine::BoxPlotData d = boxData(false, 200);
        view.setData(d);
        QVERIFY(showView(view));
        QCOMPARE(view.columnNames(),
            (QStringList { QStringLiteral("petal_length"), QStringLiteral("sepal_width") }));
        QCOMPARE(view.boxCount(), 3);
        for (int g = 0; g < 3; ++g) {
            const engine::BoxSummary &s = d.columns[0].groups[std::size_t(g)];
            QCOMPARE(view.drawnBox(g),
                (QList<double> { s.lowerWhisker, s.q1, s.median, s.q3, s.upperWhisker }));
            QCOMPARE(view.drawnOutlierCount(g), int(s.outliers.size()));
            QVERIFY(s.outlierCount >= 1); // the shifted first value
        }
        // Whiskers end inside the data, at most 1.5 IQR out.
        const engine::BoxSummary &s = d.columns[0].groups[0];
        QVERIFY(s.upperWhisker <= s.q3 + 1.5 * (s.q3 - s.q1) && s.upperWhisker <= s.maximum);
        QVERIFY(s.lowerWhisker >= s.q1 - 1.5 * (s.q3 - s.q1) && s.lowerWhisker >= s.minimum);
        // The box of group 1 is where the tool tip says.
        const QPointF centre = view.coordToPixel(QPointF(2, s.median));
        QVERIFY(view.toolTipAt(centre).startsWith(QStringLiteral("versicolor: 200 values")));
        QVERIFY(view.title().contains(QStringLiteral("petal_length by species")));
        QSignalSpy shown(&view, &plots::BoxPlot::columnShown);
        view.setCurrentColumn(1);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(view.drawnBox(0).at(2), d.columns[1].groups[0].median);
        snapshot(view, QStringLiteral("boxplot"));
    }

    void violinGeometry()
    {
        plots::BoxPlot view;
        const engine::BoxPlotData d = boxData(true, 300);
        view.setData(d);
        QVERIFY(showView(view));
        QVERIFY(view.isViolin());
        const engine::BoxSummary &s = d.columns[0].groups[2];
        QCOMPARE(view.violinPointCount(2), int(2 * s.density.size() + 1));
        // Width follows the density: widest near the mode, zero outside the grid; the
        // widest violin of all spans 0.42 of a slot each side.
        double widest = 0;
        for (int g = 0; g < 3; ++g)
            for (double y = d.columns[0].groups[std::size_t(g)].densityGrid.front();
                 y <= d.columns[0].groups[std::size_t(g)].densityGrid.back(); y += 0.01)
                widest = std::max(widest, view.violinHalfWidthAt(g, y));
        QVERIFY(std::abs(widest - 0.42) < 0.01);
        QVERIFY(view.violinHalfWidthAt(2, s.median)
            > view.violinHalfWidthAt(2, s.q3 + 2 * (s.q3 - s.q1)));
        QCOMPARE(view.violinHalfWidthAt(2, s.densityGrid.back() + 1), 0.0);
        QCOMPARE(view.drawnBox(2).at(2), s.median);
        snapshot(view, QStringLiteral("violin"));
    }

    void tenMillionValuesDrawFromTheSummary()
    {
        // The plot holds the summaries only: what a redraw touches does not grow with
        // the rows. 10^7 values summarised once (on the engine's side), then drawn.
        std::vector<double> v(10'000'000);
        std::mt19937_64 rng(5);
        std::normal_distribution<double> normal;
        for (double &x : v)
            x = normal(rng);
        engine::BoxPlotData d;
        d.violin = true;
        d.groupNames = { QStringLiteral("all rows") };
        engine::BoxPlotData::ColumnBoxes c;
        c.name = QStringLiteral("x");
        c.groups.push_back(engine::BoxStatistics::summarize(v, true));
        d.columns.push_back(c);
        std::vector<double>().swap(v);
        plots::BoxPlot view;
        view.setData(d);
        QVERIFY(showView(view));
        QCOMPARE(view.violinPointCount(0), 2 * engine::BoxStatistics::kDensityPoints + 1);
        QCOMPARE(view.drawnOutlierCount(0), int(engine::BoxStatistics::kMaxDrawnOutliers));
        QVERIFY(std::abs(view.drawnBox(0).at(2)) < 0.01);
        view.replotNow();
    }

    void silhouetteBarsAndSelection()
    {
        plots::SilhouettePlot view;
        const engine::SilhouetteData d = silhouetteData();
        view.setData(d);
        QVERIFY(showView(view));
        // Cluster by cluster, values descending, as the order says.
        for (int c = 0; c < 3; ++c) {
            const QList<double> drawn = view.drawnValues(c);
            QCOMPARE(drawn.size(), 20);
            for (int i = 1; i < drawn.size(); ++i)
                QVERIFY(drawn[i - 1] >= drawn[i]);
        }
        QCOMPARE(view.meanLine(), d.mean);
        // Bars top to bottom, clusters separated by a gap.
        QVERIFY(view.barPosition(20) - view.barPosition(19) > 1.5);
        QCOMPARE(view.barPosition(1) - view.barPosition(0), 1.0);

        QSignalSpy selected(&view, &plots::SilhouettePlot::rowsSelected);
        QList<qint64> negatives;
        for (int i = 0; i < 60; ++i)
            if (d.values[std::size_t(i)] < 0)
                negatives << i;
        QCOMPARE(view.negativeRows(), negatives);
        std::unique_ptr<QMenu> menu(view.createContextMenu());
        QAction *action = menu->findChild<QAction *>(QStringLiteral("selectNegative"));
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<QList<qint64>>(), negatives);
        QCOMPARE(view.selectedBarCount(), int(negatives.size()));
        // A Shift+drag rectangle over the first cluster's negative bars.
        const QPointF from = view.coordToPixel(QPointF(-0.3, 0));
        const QPointF to = view.coordToPixel(QPointF(-0.001, view.barPosition(19) + 0.4));
        QWidget *w = view.plotWidget();
        sendMouse(
            w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(selected.count(), 2);
        QList<qint64> firstCluster;
        for (qint64 r : negatives)
            if (r % 3 == 0)
                firstCluster << r;
        QCOMPARE(selected.at(1).at(0).value<QList<qint64>>(), firstCluster);
        QVERIFY(view.toolTipAt(view.coordToPixel(QPointF(0.05, view.barPosition(0))))
                    .startsWith(QStringLiteral("Row ")));
        snapshot(view, QStringLiteral("silhouette"));
    }

    void silhouetteLinkedSelection()
    {
        // File -> Silhouette Plot: the plot's selection becomes the File table's selected
        // rows (a Selected Rows node fed by it), exactly the rows picked.
        engine::GraphModel graph(engine::BuiltinNodes::registry());
        const int file = graph.addNode(QStringLiteral("data.file")).value();
        const int view = graph.addNode(QStringLiteral("view.silhouette")).value();
        QVERIFY(graph.addConnection({ file, 0, view, 0 }).ok());
        QUndoStack undo;
        app::LinkedSelection selection(graph, undo);
        plots::SilhouettePlot plot;
        plot.setData(silhouetteData());
        selection.attachSilhouette(&plot, view);
        selection.attachSilhouette(&plot, view); // once only
        plot.selectNegative();
        QCOMPARE(selection.source(), (app::TableSource { file, 0 }));
        QCOMPARE(selection.rows(), plot.negativeRows());
        const int node = selection.selectionNode();
        QVERIFY(node > 0);
        QCOMPARE(graph.nodeType(node)->id, engine::SelectedRowsNode::typeId());
        const auto decoded = engine::SelectedRowsNode::decodeRows(
            graph.parameter(node, engine::SelectedRowsNode::rowsParameter()).toString(), 60);
        QVERIFY(decoded.ok());
        QCOMPARE(qsizetype(decoded.value().size()), plot.negativeRows().size());
        QCOMPARE(undo.count(), 1);
        // Cleared elsewhere: the plot's outline goes too.
        selection.clear();
        QCOMPARE(plot.selectedBarCount(), 0);
    }

    void calibrationAndGains()
    {
        const std::vector<std::int32_t> y { 0, 0, 1, 1, 0, 1, 1, 0, 1, 1 };
        const std::vector<double> s { 0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.9, 0.5, 0.65, 0.95 };
        engine::ProbabilityCurvesData d;
        d.kind = engine::ProbabilityCurvesData::Kind::Calibration;
        d.curveNames = { QStringLiteral("yes") };
        d.bins = 5;
        d.strategy = QStringLiteral("uniform");
        d.calibration.push_back(engine::ProbabilityCurves::calibration(
            y, s, 5, engine::ProbabilityCurves::Strategy::Uniform));
        plots::ProbabilityCurvesPlot view;
        view.setData(d);
        QVERIFY(showView(view));
        const QList<QPointF> pts = view.drawnPoints(0);
        QCOMPARE(pts.size(), int(d.calibration[0].meanPredicted.size()));
        for (int i = 0; i < pts.size(); ++i)
            QCOMPARE(pts[i],
                QPointF(d.calibration[0].meanPredicted[std::size_t(i)],
                    d.calibration[0].fractionPositive[std::size_t(i)]));
        QCOMPARE(view.referenceLine(), (QList<QPointF> { QPointF(0, 0), QPointF(1, 1) }));
        QVERIFY(
            view.legendEntries().first().startsWith(QStringLiteral("yes (10 rows, 6 positive)")));
        snapshot(view, QStringLiteral("calibration"));

        d.kind = engine::ProbabilityCurvesData::Kind::Lift;
        d.gains.push_back(engine::ProbabilityCurves::gains(y, s));
        view.setData(d);
        QCOMPARE(view.referenceLine(), (QList<QPointF> { QPointF(0, 1), QPointF(1, 1) }));
        // The top row (0.95) is positive: lift 1 / 0.6 at a tenth of the rows.
        QCOMPARE(view.drawnPoints(0).at(1), QPointF(0.1, (1.0 / 6) / 0.1));
        snapshot(view, QStringLiteral("lift"));
    }

    void rankingBarsAndTable()
    {
        engine::FeatureRanking r;
        r.target = QStringLiteral("class");
        r.methods = { QStringLiteral("info_gain"), QStringLiteral("anova_f") };
        r.features = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("d") };
        r.scores = { 0.2, 10, 0.9, 5, 0.05, 40, std::nan(""), std::nan("") };
        r.topK = 2;
        plots::FeatureRankingPlot view;
        view.setData(r);
        QVERIFY(showView(view));
        QCOMPARE(view.barLabels(),
            (QStringList { QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c"),
                QStringLiteral("d") }));
        QCOMPARE(view.keptBarCount(), 2);
        view.setMethod(1);
        QCOMPARE(view.barLabels().first(), QStringLiteral("c"));
        QCOMPARE(view.barValues().first(), 40.0);
        QCOMPARE(view.keptBarCount(), 2); // still the node's choice (a and b)
        QTableWidget *table = view.table();
        QCOMPARE(table->rowCount(), 4);
        table->sortItems(2, Qt::DescendingOrder);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("c"));
        table->sortItems(1, Qt::DescendingOrder);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("b"));
        snapshot(view, QStringLiteral("ranking"));
    }

    void scatterMatrixCells()
    {
        engine::ScatterMatrixData m;
        m.columns = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
        m.colorColumn = QStringLiteral("cls");
        m.classNames = { QStringLiteral("x"), QStringLiteral("y") };
        m.values.resize(3);
        for (int i = 0; i < 50; ++i) {
            m.rows.push_back(i);
            m.classes.push_back(i % 2);
            m.values[0].push_back(i);
            m.values[1].push_back(i == 7 ? std::nan("") : i * i);
            m.values[2].push_back(-i);
        }
        for (int c = 0; c < 3; ++c) {
            m.edges.push_back({ -50, 0, 50, 2500 });
            m.counts.push_back({ 5, 10, 10, 5, 10, 10 });
        }
        m.tableRows = 50;
        plots::ScatterMatrixPlot view;
        view.setData(m);
        QVERIFY(showView(view));
        QCOMPARE(view.cellCount(), 9);
        QCOMPARE(view.pointCount(0, 2), 50);
        QCOMPARE(view.pointCount(1, 0), 49); // the missing b left out
        QCOMPARE(view.diagonalTotals(1), (QList<double> { 10, 20, 20 }));
        QCOMPARE(view.legendEntries(), (QStringList { QStringLiteral("x"), QStringLiteral("y") }));
        snapshot(view, QStringLiteral("scattermatrix"));
        // Fewer columns again: the grid shrinks.
        m.columns.removeLast();
        m.values.pop_back();
        m.edges.pop_back();
        m.counts.pop_back();
        view.setData(m);
        QCOMPARE(view.cellCount(), 4);
        QCOMPARE(view.pointCount(0, 1), 49);
        view.replotNow();
    }

    void driftOverlaidHistograms()
    {
        // A numeric feature that moved far and a categorical one that moved a little.
        std::mt19937_64 rng(5);
        std::normal_distribution<double> normal;
        std::vector<double> train(4000), batch(1500);
        for (double &v : train)
            v = normal(rng);
        for (double &v : batch)
            v = 1.5 + normal(rng);
        const QStringList cats
            = { QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue") };
        std::vector<std::int32_t> tc(4000), bc(1500);
        for (std::size_t i = 0; i < tc.size(); ++i)
            tc[i] = std::int32_t(i % 3);
        for (std::size_t i = 0; i < bc.size(); ++i)
            bc[i] = i % 5 == 0 ? 1 : std::int32_t(i % 3);
        const engine::Column trainX = engine::Column::numeric(QStringLiteral("x"), train);
        const engine::Column batchX = engine::Column::numeric(QStringLiteral("x"), batch);
        const engine::Column trainC
            = engine::Column::categorical(QStringLiteral("colour"), tc, cats);
        const engine::Column batchC
            = engine::Column::categorical(QStringLiteral("colour"), bc, cats);
        engine::DriftData d;
        d.model = QStringLiteral("model");
        d.batchRows = 1500;
        d.report.rows = 1500;
        d.report.features.push_back(
            engine::DriftReport::compareColumn(engine::FeatureDistribution::of(trainC), batchC));
        d.report.features.push_back(
            engine::DriftReport::compareColumn(engine::FeatureDistribution::of(trainX), batchX));
        const engine::DriftReport::Entry colour = d.report.features[0];
        const engine::DriftReport::Entry x = d.report.features[1];
        QVERIFY(x.psi > colour.psi);

        plots::DriftPlot view;
        view.setData(d);
        QVERIFY(showView(view));
        // The largest PSI first, on top, and its histograms overlaid: densities over the PSI
        // bins (share / width), the training's and this batch's.
        QCOMPARE(view.barLabels(), (QStringList { QStringLiteral("x"), QStringLiteral("colour") }));
        QCOMPARE(view.shownFeature(), 0);
        QCOMPARE(view.overlayEdges().size(), qsizetype(x.edges.size()));
        QCOMPARE(view.overlayTraining().size(), qsizetype(x.trainingShare.size()));
        double trainingArea = 0, batchArea = 0;
        for (std::size_t i = 0; i < x.trainingShare.size(); ++i) {
            const double w = x.edges[i + 1] - x.edges[i];
            QVERIFY(w > 0);
            QCOMPARE(view.overlayTraining()[qsizetype(i)], x.trainingShare[i] / w);
            QCOMPARE(view.overlayBatch()[qsizetype(i)], x.batchShare[i] / w);
            trainingArea += view.overlayTraining()[qsizetype(i)] * w;
            batchArea += view.overlayBatch()[qsizetype(i)] * w;
        }
        QVERIFY(std::abs(trainingArea - 1) < 1e-9);
        QVERIFY(std::abs(batchArea - 1) < 1e-9);
        // Both ranges are covered.
        QCOMPARE(x.edges.front(),
            std::min(*std::min_element(train.begin(), train.end()),
                *std::min_element(batch.begin(), batch.end())));
        QCOMPARE(x.edges.back(),
            std::max(*std::max_element(train.begin(), train.end()),
                *std::max_element(batch.begin(), batch.end())));
        snapshot(view, QStringLiteral("drift-numeric"));

        // A click on the second bar shows the categorical feature: shares side by side.
        const QPointF bar = view.coordToPixel(QPointF(colour.psi / 2, 2));
        QWidget *w = view.plotWidget();
        sendMouse(w, QEvent::MouseButtonPress, bar, Qt::LeftButton, Qt::LeftButton, {});
        sendMouse(w, QEvent::MouseButtonRelease, bar, Qt::LeftButton, Qt::NoButton, {});
        QCOMPARE(view.shownFeature(), 1);
        QCOMPARE(view.overlayLabels(), cats);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(view.overlayTraining()[i], colour.trainingShare[std::size_t(i)]);
            QCOMPARE(view.overlayBatch()[i], colour.batchShare[std::size_t(i)]);
        }
        QVERIFY(view.overlayBatch()[1] > view.overlayTraining()[1]);
        QVERIFY(view.overlayArea().width() > 100);
        snapshot(view, QStringLiteral("drift-categorical"));
    }

    // A Shift+drag rectangle in a cell selects the drawn rows inside it; the selection is
    // ringed in every cell, and through LinkedSelection it becomes the feeding table's.
    void scatterMatrixSelection()
    {
        engine::ScatterMatrixData m;
        m.columns = { QStringLiteral("a"), QStringLiteral("b") };
        m.classNames = { QStringLiteral("x") };
        m.values.resize(2);
        // A sample of every other row of a 100-row table.
        for (int i = 0; i < 50; ++i) {
            m.rows.push_back(2 * i);
            m.classes.push_back(0);
            m.values[0].push_back(i);
            m.values[1].push_back(i == 7 ? std::nan("") : 100 - i);
        }
        for (int c = 0; c < 2; ++c) {
            m.edges.push_back({ 0, 25, 50, 75, 100 });
            m.counts.push_back({ 25, 25, 25, 25 });
        }
        m.tableRows = 100;
        plots::ScatterMatrixPlot view;
        view.setData(m);
        QVERIFY(showView(view));
        QSignalSpy selected(&view, &plots::ScatterMatrixPlot::rowsSelected);
        // Cell (1, 0): b against a. The rectangle a in [4.5, 10.5], b in [91, 97]:
        // a = 5..10 with b = 100 - a in range -> a = 5, 6, (7 missing b), 8, 9.
        const QRect cell = view.cellArea(1, 0);
        QVERIFY(cell.width() > 50 && cell.height() > 50);
        const QList<qint64> inBox = view.rowsIn(1, 0, QRectF(QPointF(4.5, 91), QPointF(10.5, 97)));
        QCOMPARE(inBox, (QList<qint64> { 10, 12, 16, 18 }));
        // The diagonal: a band of a.
        QCOMPARE(view.rowsIn(0, 0, QRectF(QPointF(47.5, 0), QPointF(60, 1))),
            (QList<qint64> { 96, 98 }));
        // The same through the mouse: a Shift+drag over the whole of cell (1, 0) selects every
        // drawn row with both values.
        QWidget *w = view.plotWidget();
        const QPointF from = cell.topLeft() + QPointF(1, 1);
        const QPointF to = cell.bottomRight() - QPointF(1, 1);
        sendMouse(
            w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(selected.count(), 1);
        const QList<qint64> all = selected.at(0).at(0).value<QList<qint64>>();
        QCOMPARE(all.size(), 49); // row 14 has no b
        QVERIFY(!all.contains(14));
        QCOMPARE(view.selectedPointCount(1, 0), 49);
        QCOMPARE(view.selectedPointCount(0, 1), 49);

        // Linked: the selection is the feeding table's, and a selection made elsewhere is
        // ringed here (rows the sample does not draw are not).
        engine::GraphModel graph(engine::BuiltinNodes::registry());
        const int file = graph.addNode(QStringLiteral("data.file")).value();
        const int node = graph.addNode(QStringLiteral("view.scatter_matrix")).value();
        QVERIFY(graph.addConnection({ file, 0, node, 0 }).ok());
        QUndoStack undo;
        app::LinkedSelection selection(graph, undo);
        selection.attachScatterMatrix(&view, node);
        selection.attachScatterMatrix(&view, node); // once only
        sendMouse(
            w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(selection.source(), (app::TableSource { file, 0 }));
        QCOMPARE(selection.rows(), all);
        QCOMPARE(undo.count(), 1);
        selection.select({ file, 0 }, 100, QStringLiteral("File"), { 1, 2, 3, 4 },
            app::LinkedSelection::Mode::Replace, QStringLiteral("Select"));
        QCOMPARE(view.selectedPointCount(1, 0), 2); // rows 2 and 4 are drawn
        selection.clear();
        QCOMPARE(view.selectedPointCount(1, 0), 0);
        snapshot(view, QStringLiteral("scattermatrix-selection"));
    }

    void factoryPicksThePlots()
    {
        const engine::NodeValuePtr box = engine::makeValue(boxData(false, 20));
        const engine::NodeValuePtr violin = engine::makeValue(boxData(true, 20));
        const engine::NodeValuePtr sil = engine::makeValue(silhouetteData());
        engine::ProbabilityCurvesData gains;
        gains.kind = engine::ProbabilityCurvesData::Kind::Gains;
        const engine::NodeValuePtr curves = engine::makeValue(gains);
        engine::FeatureRanking ranking;
        ranking.target = QStringLiteral("class");
        const engine::NodeValuePtr rank = engine::makeValue(ranking);
        const QList<QPair<engine::NodeValuePtr, QString>> cases {
            { box, QStringLiteral("Box Plot") }, { violin, QStringLiteral("Violin Plot") },
            { sil, QStringLiteral("Silhouette") }, { curves, QStringLiteral("Cumulative Gains") },
            { rank, QStringLiteral("Feature Ranking") }
        };
        for (const auto &[value, title] : cases) {
            QVERIFY(plots::ResultViewFactory::hasPlot(*value));
            QCOMPARE(plots::ResultViewFactory::title(*value), title);
            std::unique_ptr<plots::PlotView> view = plots::ResultViewFactory::create(*value);
            QVERIFY2(view, qPrintable(title));
            QVERIFY(plots::ResultViewFactory::show(*view, *value));
        }
        QVERIFY(qobject_cast<plots::BoxPlot *>(plots::ResultViewFactory::create(*box).get()));
        QCOMPARE(plots::ResultViewFactory::describe(*box),
            QStringLiteral("Box Plot of 2 columns by species"));
        QCOMPARE(plots::ResultViewFactory::describe(*sil), QStringLiteral("Silhouette of cluster"));
        // A box result is not shown in a silhouette plot.
        plots::SilhouettePlot other;
        QVERIFY(!plots::ResultViewFactory::show(other, *box));
    }
};

QTEST_MAIN(TestExplorationPlots)
#include "tst_explorationplots.moc"
