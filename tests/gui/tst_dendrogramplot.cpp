// The dendrogram view: the Us the node laid out, coloured by cluster below the cut; the
// cut line dragged with the mouse asks for the clusters at its new height; in the studio
// that becomes the node's `clusters` parameter (undoable), the node runs again and its
// "cluster" output follows.
#include "PlotTestSupport.h"
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "graph/NodeContext.h"
#include "gui/AutoRun.h"
#include "gui/MainWindow.h"
#include "gui/ResultTabs.h"
#include "ml/Dendrogram.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/DendrogramData.h"
#include "plots/DendrogramPlot.h"
#include "plots/ResultViewFactory.h"
#include "widgets/GraphEditor.h"
#include "widgets/GraphScene.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <random>

using namespace sextant;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

constexpr int kRunTimeoutMs = 120000;

void sendMouse(
    QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// The node's result on `n` rows of three blobs.
engine::DendrogramData dendrogramOf(int n, int clusters)
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal;
    engine::Dataset data;
    for (int c = 0; c < 2; ++c) {
        std::vector<double> v;
        for (int i = 0; i < n; ++i)
            v.push_back(8.0 * (i % 3) * (c + 1) + normal(rng));
        data.addColumn(engine::Column::numeric(QStringLiteral("x%1").arg(c), std::move(v)));
    }
    const engine::NodeType *type
        = engine::BuiltinNodes::registry().find(QStringLiteral("view.dendrogram"));
    const auto params = type->completeParameters({ { QStringLiteral("clusters"), clusters } });
    engine::NodeContext ctx(1, *type, params.value(), { engine::makeValue(data) });
    type->createCompute()(ctx);
    return *ctx.result()->as<engine::DendrogramData>();
}

} // namespace

class TestDendrogramPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SextantTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dendrogramplot"));
        QSettings().clear();
    }

    void drawsTheLayout()
    {
        const engine::DendrogramData d = dendrogramOf(30, 3);
        const engine::NodeValuePtr value = engine::makeValue(d);
        auto view = plots::ResultViewFactory::create(*value);
        auto *plot = qobject_cast<plots::DendrogramPlot *>(view.get());
        QVERIFY(plot);

        QCOMPARE(plots::ResultViewFactory::title(*value), QStringLiteral("Dendrogram"));
        QVERIFY(showView(*plot));
        // Three segments per U; the k - 1 Us above the cut in grey.
        int total = 0;
        for (int c = -1; c < 3; ++c)
            total += static_cast<int>(plot->segments(c).size());
        QCOMPARE(total, 3 * 29);
        QCOMPARE(plot->segments(-1).size(), 3 * 2);
        for (int c = 0; c < 3; ++c) {
            QVERIFY(!plot->segments(c).isEmpty());
            for (const QLineF &l : plot->segments(c))
                QVERIFY(std::max(l.y1(), l.y2()) < d.cut);
        }
        // The first U drawn is SciPy's first: icoord[0], dcoord[0].
        QCOMPARE(plot->cutLineHeight(), d.cut);
        QCOMPARE(plot->clustersAt(d.cut), 3);
        snapshot(*plot, QStringLiteral("dendrogram"));
        // Hover: the cut line and a leaf.
        const QPointF onCut = plot->coordToPixel(QPointF(100, d.cut));
        QVERIFY(plot->toolTipAt(onCut).contains(QStringLiteral("3 clusters")));
        const QPointF leaf = plot->coordToPixel(QPointF(5, 0)) - QPointF(0, 4);
        QVERIFY2(plot->toolTipAt(leaf).contains(QStringLiteral("cluster")),
            qPrintable(plot->toolTipAt(leaf)));
    }

    // A mouse drag of the cut line: the pan does not happen, cutRequested says the
    // clusters at the release height.
    void dragTheCut()
    {
        const engine::DendrogramData d = dendrogramOf(30, 3);
        plots::DendrogramPlot plot;
        plot.setData(d);
        QVERIFY(showView(plot));
        QSignalSpy requested(&plot, &plots::DendrogramPlot::cutRequested);
        QWidget *w = plot.plotWidget();
        const QPointF from = plot.coordToPixel(QPointF(150, d.cut));
        QVERIFY(plot.grabsCutLine(from));
        QVERIFY(!plot.grabsCutLine(from + QPointF(0, 30)));
        // Down to between the 7th and 6th merges from the top: 7 clusters.
        Eigen::MatrixXd Z(29, 4);
        for (int j = 0; j < 29; ++j)
            for (int c = 0; c < 4; ++c)
                Z(j, c) = d.merges[static_cast<std::size_t>(4 * j + c)];
        const double target = engine::Dendrogram::cutHeight(Z, 7);
        const QPointF to = plot.coordToPixel(QPointF(150, target));
        const double xLower = plot.pixelToCoord(QPointF(0, 0)).x();
        sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        sendMouse(w, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
        sendMouse(w, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(requested.count(), 0); // only on release
        sendMouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toInt(), plot.clustersAt(plot.cutLineHeight()));
        QVERIFY(std::abs(requested.first().at(0).toInt() - 7) <= 1); // a pixel's rounding
        QCOMPARE(plot.pixelToCoord(QPointF(0, 0)).x(), xLower); // no pan
        // Dropping it where the node's cut is asks nothing.
        QCOMPARE(plot.dragCutTo(d.cut), 3);
        QCOMPARE(requested.count(), 1);
    }

    // In the studio: the drag sets the node's clusters (one undo step), Auto-run runs it
    // again and the output's cluster column has that many clusters; Undo takes it back.
    void cutEditsTheNode()
    {
        app::MainWindow window;
        window.setUnsavedChangesPrompt(
            [](const QString &) { return app::MainWindow::UnsavedChoice::Discard; });
        window.autoRun()->setEnabled(true);
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.openWorkflow(
            QStringLiteral(SEXTANT_RESOURCES_DIR "/examples/iris-explore.sextant")));
        engine::GraphModel &graph = window.graphModel();
        engine::Executor &executor = window.graphEditor()->executor();
        const int id = graph
                           .addNode(QStringLiteral("view.dendrogram"), QPointF(400, 400),
                               {
                                   { QStringLiteral("clusters"), 3 },
                               })
                           .value();
        QVERIFY(graph.addConnection({ 2, 0, id, 0 }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(executor.result(id) && !executor.isRunning(), kRunTimeoutMs);
        Q_EMIT window.graphEditor()->scene()->nodeDoubleClicked(id);
        auto *plot = qobject_cast<plots::DendrogramPlot *>(window.resultTabs()->view(id));
        QVERIFY(plot);
        QCOMPARE(plot->data().clusters, 3);
        QCOMPARE(plot->data().sampleCount(), 150);

        QUndoStack *undo = window.graphEditor()->undoStack();
        const int steps = undo->count();
        Eigen::MatrixXd Z(149, 4);
        for (int j = 0; j < 149; ++j)
            for (int c = 0; c < 4; ++c)
                Z(j, c) = plot->data().merges[static_cast<std::size_t>(4 * j + c)];
        QCOMPARE(plot->dragCutTo(engine::Dendrogram::cutHeight(Z, 5)), 5);
        QCOMPARE(graph.parameter(id, QStringLiteral("clusters")).toInt(), 5);
        QCOMPARE(undo->count(), steps + 1);
        const auto clustersOut = [&]() {
            const engine::NodeValuePtr out = executor.output(id, 0);
            const auto *table = out ? out->as<engine::Dataset>() : nullptr;
            const int c = table ? table->indexOf(QStringLiteral("cluster")) : -1;
            return c >= 0 ? table->column(c).categories().size() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            !executor.isRunning() && plot->data().clusters == 5, kRunTimeoutMs);
        QCOMPARE(window.resultTabs()->view(id), plot); // the same view, redrawn
        QCOMPARE(clustersOut(), 5);
        QCOMPARE(plot->segments(-1).size(), 3 * 4);
        undo->undo();
        QCOMPARE(graph.parameter(id, QStringLiteral("clusters")).toInt(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(
            !executor.isRunning() && plot->data().clusters == 3, kRunTimeoutMs);
        QCOMPARE(clustersOut(), 3);
    }
};

QTEST_MAIN(TestDendrogramPlot)
#include "tst_dendrogramplot.moc"
