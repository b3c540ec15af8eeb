// The Feature Importance view: bars largest first with the spread and every repeat,
// at most ImportancePlot::kMaxBars bars, hover texts, and the result view factory's entry.
#include "PlotTestSupport.h"
#include "graph/NodeValue.h"
#include "nodes/ImportanceView.h"
#include "plots/ImportancePlot.h"
#include "plots/ResultViewFactory.h"

#include <QTest>
#include <cmath>

using namespace sextant;
using sextant::testing::showView;

namespace {

engine::ImportanceData permutationData(int features)
{
    engine::ImportanceData d;
    d.title = QStringLiteral("Permutation importance (accuracy drop)");
    d.measure = QStringLiteral("importance_mean");
    for (int i = 0; i < features; ++i) {
        d.features.push_back(QStringLiteral("f%1").arg(i));
        const double v = 0.5 / (i + 1) - 0.02;
        d.values.push_back(v);
        d.spread.push_back(0.01 * (i + 1));
        d.repeats.push_back({ v - 0.01, v, v + 0.01 });
    }
    return d;
}

} // namespace

class TestImportancePlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barsSpreadAndRepeats()
    {
        plots::ImportancePlot plot;
        plot.setImportances(permutationData(6));
        QVERIFY(showView(plot));
        QCOMPARE(plot.barCount(), 6);
        QCOMPARE(plot.barLabel(0), QStringLiteral("f0"));
        QCOMPARE(plot.barValue(0), 0.48);
        QVERIFY(plot.hasSpread());
        QCOMPARE(plot.barSpread(2), 0.03);
        QCOMPARE(plot.repeatPointCount(), 18);
        QVERIFY(plot.title().startsWith(QStringLiteral("Permutation importance")));
        // The top bar is the first feature: hovering its middle names it.
        const QPointF top = plot.coordToPixel(QPointF(0.2, 6.0));
        const QString tip = plot.toolTipAt(top);
        QVERIFY2(tip.startsWith(QStringLiteral("f0")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("±")));
        // Negative values fit in the view.
        QVERIFY(plot.coordToPixel(QPointF(0.5 / 6 - 0.02 - 0.06, 1)).x() >= plot.plotArea().left());
    }

    void manyFeaturesAreCut()
    {
        plots::ImportancePlot plot;
        plot.setImportances(permutationData(100));
        QCOMPARE(plot.barCount(), plots::ImportancePlot::kMaxBars);
        QVERIFY(plot.title().contains(QStringLiteral("100")));
        engine::ImportanceData plain;
        plain.features = { QStringLiteral("a"), QStringLiteral("b") };
        plain.values = { 0.7, 0.3 };
        plot.setImportances(plain);
        QCOMPARE(plot.barCount(), 2);
        QVERIFY(!plot.hasSpread());
        QCOMPARE(plot.repeatPointCount(), 0);
        QVERIFY(std::isnan(plot.barSpread(0)));
    }

    void factoryMakesIt()
    {
        const engine::NodeValuePtr value = engine::makeValue(permutationData(3));
        QVERIFY(plots::ResultViewFactory::hasPlot(*value));
        std::unique_ptr<plots::PlotView> view = plots::ResultViewFactory::create(*value);
        auto *plot = qobject_cast<plots::ImportancePlot *>(view.get());
        QVERIFY(plot);
        QCOMPARE(plot->barCount(), 3);
        QCOMPARE(plots::ResultViewFactory::title(*value), QStringLiteral("Importance"));
    }
};

QTEST_MAIN(TestImportancePlot)
#include "tst_importanceplot.moc"
