// The data heat map view: the cells are the node's band values, the class strip its
// bands' classes; a Shift+drag over bands of rows emits exactly the rows of those bands
// and becomes the linked selection of the table feeding the node; a million rows draw
// as two thousand bands.
#include "PlotTestSupport.h"
#include "data/Dataset.h"
#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "gui/LinkedSelection.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/HeatMapData.h"
#include "plots/DataHeatMapPlot.h"
#include "plots/ResultViewFactory.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
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

engine::HeatMapData heatMapOf(int n, int d, const QVariantMap &params = {})
{
    std::mt19937_64 rng(2);
    std::normal_distribution<double> normal;
    engine::Dataset data;
    for (int c = 0; c < d; ++c) {
        std::vector<double> v;
        v.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            v.push_back((i % 3 == c % 3 ? 3.0 : 0.0) + normal(rng));
        data.addColumn(engine::Column::numeric(QStringLiteral("col%1").arg(c), std::move(v)));
    }
    std::vector<std::int32_t> k(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        k[static_cast<std::size_t>(i)] = i % 3;
    engine::Column cls = engine::Column::categorical(QStringLiteral("kind"), std::move(k),
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
    cls.setRole(engine::ColumnRole::Target);
    data.addColumn(std::move(cls));
    const engine::NodeType *type
        = engine::BuiltinNodes::registry().find(QStringLiteral("view.heatmap"));
    const auto complete = type->completeParameters(params);
    engine::NodeContext ctx(1, *type, complete.value(), { engine::makeValue(data) });
    type->createCompute()(ctx);
    return *ctx.result()->as<engine::HeatMapData>();
}

} // namespace

class TestDataHeatMapPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void drawsTheBands()
    {
        const engine::HeatMapData h = heatMapOf(120, 5);
        const engine::NodeValuePtr value = engine::makeValue(h);
        auto view = plots::ResultViewFactory::create(*value);
        auto *plot = qobject_cast<plots::DataHeatMapPlot *>(view.get());
        QVERIFY(plot);
        QCOMPARE(plots::ResultViewFactory::title(*value), QStringLiteral("Heat Map"));
        QVERIFY(showView(*plot));
        for (std::int64_t b = 0; b < h.bandCount(); b += 7)
            for (int c = 0; c < 5; ++c)
                QCOMPARE(plot->cellValue(c, b), double(h.value(b, c)));
        QVERIFY(plot->toolTipAt(plot->coordToPixel(QPointF(1, 3))).contains(h.columns[1]));
        QVERIFY(plot->toolTipAt(plot->coordToPixel(QPointF(1, 3)))
                    .contains(QStringLiteral("kind: %1").arg(h.classNames[h.bandClass[3]])));
        snapshot(*plot, QStringLiteral("dataheatmap"));
    }

    void shiftDragSelectsBands()
    {
        const engine::HeatMapData h = heatMapOf(6000, 4);
        QVERIFY(h.bandCount() < 6000); // aggregated
        plots::DataHeatMapPlot plot;
        plot.setData(h);
        QVERIFY(showView(plot));
        QSignalSpy selected(&plot, &plots::DataHeatMapPlot::rowsSelected);
        QWidget *w = plot.plotWidget();
        const QPointF from = plot.coordToPixel(QPointF(1, 100.2));
        const QPointF to = plot.coordToPixel(QPointF(2, 399.8));
        sendMouse(
            w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        sendMouse(
            w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, Qt::ShiftModifier);
        QCOMPARE(selected.count(), 1);
        const auto rows = selected.first().at(0).value<QList<qint64>>();
        // The bands under the rectangle (a pixel is several bands: within 4 of the ends).
        const QList<qint64> marked = plot.markedBands();
        QVERIFY(!marked.isEmpty());
        const std::int64_t b0 = marked.first(), b1 = marked.last();
        QVERIFY2(std::abs(b0 - 100) <= 4 && std::abs(b1 - 400) <= 4,
            qPrintable(QStringLiteral("bands %1 to %2").arg(b0).arg(b1)));
        QList<qint64> expected;
        for (std::int64_t p = h.bandStart[b0]; p < h.bandStart[b1 + 1]; ++p)
            expected << h.order[p];
        std::sort(expected.begin(), expected.end());
        QCOMPARE(rows, expected);
        QCOMPARE(marked.size(), b1 - b0 + 1);
    }

    void linkedSelection()
    {
        engine::GraphModel graph(engine::BuiltinNodes::registry());
        const int file = graph.addNode(QStringLiteral("data.file")).value();
        const int view = graph.addNode(QStringLiteral("view.heatmap")).value();
        QVERIFY(graph.addConnection({ file, 0, view, 0 }).ok());
        QUndoStack undo;
        app::LinkedSelection selection(graph, undo);
        plots::DataHeatMapPlot plot;
        plot.setData(heatMapOf(90, 4));
        selection.attachHeatMap(&plot, view);
        selection.attachHeatMap(&plot, view); // once only
        plot.selectBands(10, 19);
        QCOMPARE(selection.source(), (app::TableSource { file, 0 }));
        QCOMPARE(selection.rows(), plot.rowsOfBands(10, 19));
        QCOMPARE(selection.rows().size(), 10);
        QCOMPARE(undo.count(), 1);
        selection.clear();
        QVERIFY(plot.markedBands().isEmpty());
    }
};

QTEST_MAIN(TestDataHeatMapPlot)
#include "tst_dataheatmapplot.moc"
