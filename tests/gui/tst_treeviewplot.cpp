// The Tree Viewer's plot: one box per drawn node laid out top-down (leaves one unit apart,
// parents centred over their children), the node's text as tool tip, the folded marker,
// the result factory's choice, and headless PNG/SVG export. SEXTANT_PLOT_SNAPSHOTS keeps
// the iris tree's picture.
#include "PlotTestSupport.h"
#include "data/DatasetLoader.h"
#include "graph/NodeValue.h"
#include "ml/FitContext.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/LearnerNode.h"
#include "nodes/LearnerRegistry.h"
#include "nodes/TreeViewNode.h"
#include "plots/ResultViewFactory.h"
#include "plots/TreeViewPlot.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sextant;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

engine::Dataset iris()
{
    engine::LoadResult r
        = engine::DatasetLoader::load(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/iris.csv"));
    if (!r.ok())
        qFatal("cannot load iris");
    engine::Dataset data = *r.dataset;
    for (int c = 0; c < data.columnCount(); ++c)
        data.setRole(c,
            data.column(c).name() == QLatin1String("species") ? engine::ColumnRole::Target
                                                              : engine::ColumnRole::Feature);
    return data;
}

engine::TreeViewData irisTree(int maxDepth, const char *learner = "model.decision_tree",
    const QVariantMap &params = {}, const QString &target = QStringLiteral("species"))
{
    engine::Dataset data = iris();
    for (int c = 0; c < data.columnCount(); ++c)
        data.setRole(c,
            data.column(c).name() == target ? engine::ColumnRole::Target
                                            : engine::ColumnRole::Feature);
    const engine::NodeType *type
        = engine::BuiltinNodes::registry().find(QString::fromLatin1(learner));
    const engine::Learner *spec = engine::LearnerRegistry::byNodeId(QString::fromLatin1(learner));
    QVariantMap p = type->defaultParameters();
    if (p.contains(QStringLiteral("ccp_alpha")))
        p[QStringLiteral("ccp_alpha")] = QStringLiteral("0"); // the whole tree
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        p[it.key()] = it.value();
    const auto model = engine::LearnerNode::fit(*spec, p, data, nullptr, engine::FitContext {});
    return engine::TreeViewNode::build(*model, 0, maxDepth, &data);
}

} // namespace

class TestTreeViewPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void layout()
    {
        const engine::TreeViewData d = irisTree(5);
        plots::TreeViewPlot plot;
        plot.setData(d);
        QVERIFY(showView(plot));
        QCOMPARE(plot.boxCount(), static_cast<int>(d.nodes.size()));
        double column = 0;
        for (std::size_t i = 0; i < d.nodes.size(); ++i) {
            const auto &n = d.nodes[i];
            const QPointF c = plot.nodeCenter(static_cast<int>(i));
            QCOMPARE(c.y(), double(n.depth));
            if (n.left < 0) {
                QCOMPARE(c.x(), column); // leaves evenly spread, in order
                ++column;
            } else {
                QCOMPARE(c.x(), (plot.nodeCenter(n.left).x() + plot.nodeCenter(n.right).x()) / 2);
            }
        }
        QCOMPARE(int(column), d.drawnLeafCount());

        // The tool tip over the root's box is its full text.
        const QPointF root = plot.coordToPixel(plot.nodeCenter(0));
        const QString tip = plot.toolTipAt(root);
        QVERIFY2(tip.contains(d.nodes[0].split), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("samples = 150")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("[50, 50, 50]")), qPrintable(tip));
        QCOMPARE(plot.nodeAt(root), 0);
        // Between two levels there is no box.
        QVERIFY(plot.toolTipAt(plot.coordToPixel(QPointF(plot.nodeCenter(0).x(), 0.5))).isEmpty());
        snapshot(plot, QStringLiteral("tree-iris"));
    }

    void foldedMarker()
    {
        const engine::TreeViewData d = irisTree(2);
        plots::TreeViewPlot plot;
        plot.setData(d);
        QVERIFY(showView(plot));
        QCOMPARE(plot.boxCount(), static_cast<int>(d.nodes.size()));
        int folded = -1;
        for (std::size_t i = 0; i < d.nodes.size(); ++i)
            if (d.nodes[i].folded)
                folded = static_cast<int>(i);
        QVERIFY(folded >= 0);
        const QString tip = plot.nodeText(folded);
        QVERIFY2(tip.contains(QStringLiteral("not drawn (max depth 2)")), qPrintable(tip));
        snapshot(plot, QStringLiteral("tree-iris-depth2"));
    }

    void regressionShadesByMean()
    {
        // Petal width from the rest: a split on the species' one-hot columns, boxes in
        // shades of one colour by their mean.
        const engine::TreeViewData d = irisTree(3, "model.decision_tree",
            { { QStringLiteral("task"), QStringLiteral("regression") } },
            QStringLiteral("petal_width_cm"));
        QVERIFY(!d.classification);
        plots::TreeViewPlot plot;
        plot.setData(d);
        QVERIFY(showView(plot));
        QCOMPARE(plot.boxCount(), static_cast<int>(d.nodes.size()));
        const QString tip = plot.nodeText(0);
        QVERIFY2(tip.contains(QStringLiteral("mean = ")), qPrintable(tip));
        QVERIFY2(!tip.contains(QStringLiteral("class = ")), qPrintable(tip));
        snapshot(plot, QStringLiteral("tree-iris-regression"));
    }

    void factoryAndExport()
    {
        const engine::TreeViewData d = irisTree(5);
        const engine::NodeValuePtr value = engine::makeValue(d);
        QVERIFY(plots::ResultViewFactory::hasPlot(*value));
        auto view = plots::ResultViewFactory::create(*value);
        QVERIFY(qobject_cast<plots::TreeViewPlot *>(view.get()));
        QVERIFY(plots::ResultViewFactory::show(*view, *value));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        plots::ExportOptions o;
        o.size = QSize(800, 600);
        for (const char *suffix : { ".png", ".svg", ".pdf" }) {
            const QString path = dir.filePath(QStringLiteral("tree") + QLatin1String(suffix));
            QVERIFY2(view->exportTo(path, o, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        QFile svg(dir.filePath(QStringLiteral("tree.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        // The root's split is written at the default export size (its feature on a line).
        QVERIFY2(text.contains(d.nodes[0].feature.toUtf8()), "root split not drawn in the SVG");
        const QImage image = view->toImage(QSize(800, 600));
        QCOMPARE(image.size(), QSize(800, 600));
    }
};

QTEST_MAIN(TestTreeViewPlot)
#include "tst_treeviewplot.moc"
