// Evaluation plots: ROC and precision-recall curves from engine::CurveMetrics, the
// confusion matrix (counts and row-normalised, cell colours), and residuals (points, and
// density cells above the scatter's threshold, computed on the worker).
#include "PlotTestSupport.h"
#include "ml/CurveMetrics.h"
#include "plots/ConfusionMatrixPlot.h"
#include "plots/PrecisionRecallPlot.h"
#include "plots/ResidualPlot.h"
#include "plots/RocPlot.h"
#include "plots/ScatterPlot.h"

#include <QCheckBox>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <random>

using namespace sextant;
using sextant::engine::CurveMetrics;
using sextant::testing::colorDistance;
using sextant::testing::showView;
using sextant::testing::snapshot;

namespace {

const QStringList kClasses { QStringLiteral("setosa"), QStringLiteral("versicolor"),
    QStringLiteral("virginica") };

// Three classes with noisy softmax scores.
struct Scores {
    std::vector<std::int32_t> labels, predicted;
    std::vector<double> scores; // n x 3
};

Scores scores(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Scores s;
    for (int i = 0; i < n; ++i) {
        const int y = i % 3;
        double e[3], sum = 0;
        int best = 0;
        for (int k = 0; k < 3; ++k) {
            e[k] = std::exp((k == y ? 1.2 : 0.0) + normal(rng));
            sum += e[k];
            if (e[k] > e[best])
                best = k;
        }
        for (int k = 0; k < 3; ++k)
            s.scores.push_back(e[k] / sum);
        s.labels.push_back(y);
        s.predicted.push_back(best);
    }
    return s;
}

} // namespace

class TestEvalPlots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roc()
    {
        const Scores s = scores(600, 1);
        const auto curves = CurveMetrics::rocOneVsRest(s.labels, s.scores, 3);
        plots::RocPlot view;
        view.setCurves(curves, kClasses);
        QVERIFY(showView(view));
        QCOMPARE(view.curveCount(), 3);
        for (int k = 0; k < 3; ++k)
            QCOMPARE(view.pointCount(k), int(curves[k].fpr.size()));
        const QStringList legend = view.legendEntries();
        QCOMPARE(legend.size(), 3);
        QCOMPARE(
            legend.at(1), QStringLiteral("versicolor (AUC = %1)").arg(curves[1].auc, 0, 'f', 3));
        QVERIFY(view.hasChanceLine());
        QVERIFY(view.title().contains(
            QStringLiteral("macro AUC = %1").arg(CurveMetrics::macroAuc(curves), 0, 'f', 3)));
        // Axes show the unit square.
        QVERIFY(view.pixelToCoord(view.plotArea().bottomLeft()).x() < 0.0);
        QVERIFY(view.pixelToCoord(view.plotArea().topRight()).y() > 1.0);
        // Hover on a curve names it.
        const auto &c0 = curves[0];
        const std::size_t mid = c0.fpr.size() / 2;
        const QString tip = view.toolTipAt(view.coordToPixel(QPointF(c0.fpr[mid], c0.tpr[mid])));
        QVERIFY2(tip.contains(QStringLiteral("AUC")), qPrintable(tip));
        snapshot(view, QStringLiteral("roc"));

        // A class without positives: listed, not drawn.
        std::vector<std::int32_t> noTwo = s.labels;
        for (auto &l : noTwo)
            if (l == 2)
                l = 0;
        view.setCurves(CurveMetrics::rocOneVsRest(noTwo, s.scores, 3), kClasses);
        QVERIFY(view.legendEntries().at(2).contains(QStringLiteral("undefined")));
        QCOMPARE(view.pointCount(2), 0);
        view.setCurve(CurveMetrics::roc(s.labels, std::vector<double>(s.labels.size(), 0.5), 1),
            QStringLiteral("constant"));
        QCOMPARE(view.curveCount(), 1);
        QVERIFY(view.legendEntries().at(0).contains(QStringLiteral("AUC = 0.500")));
        view.clear();
        QCOMPARE(view.curveCount(), 0);
    }

    void precisionRecall()
    {
        const Scores s = scores(600, 2);
        const auto curves = CurveMetrics::precisionRecallOneVsRest(s.labels, s.scores, 3);
        plots::PrecisionRecallPlot view;
        view.setCurves(curves, kClasses);
        QVERIFY(showView(view));
        QCOMPARE(view.curveCount(), 3);
        QCOMPARE(view.pointCount(0), int(2 * curves[0].recall.size() - 1));
        QCOMPARE(view.legendEntries().at(2),
            QStringLiteral("virginica (AP = %1)").arg(curves[2].averagePrecision, 0, 'f', 3));
        QVERIFY(view.title().contains(QStringLiteral("mean AP")));
        snapshot(view, QStringLiteral("precision_recall"));
    }

    void confusionMatrix()
    {
        // Known counts: row = true, column = predicted.
        engine::ConfusionMatrix m;
        m.classCount = 3;
        m.counts = { 50, 0, 0, //
            0, 45, 5, //
            0, 10, 40 };
        plots::ConfusionMatrixPlot view;
        view.setMatrix(m, kClasses);
        QVERIFY(showView(view, QSize(600, 560)));
        QCOMPARE(view.classCount(), 3);
        QCOMPARE(view.colorMapSize(), QSize(3, 3));
        QVERIFY(view.hasColorScale());
        QCOMPARE(view.colorRange(), std::make_pair(0.0, 50.0));
        QCOMPARE(view.cellText(1, 2), QStringLiteral("5"));
        QCOMPARE(view.cellText(2, 1), QStringLiteral("10"));
        QVERIFY(view.cellValuesShown());
        QVERIFY(view.title().contains(QStringLiteral("90.0%")));
        // True class 0 is the top row.
        QVERIFY(view.cellCenter(0, 0).y() < view.cellCenter(2, 0).y());
        QCOMPARE(view.cellAt(view.cellCenter(2, 1)), QPoint(1, 2));
        const QString tip = view.toolTipAt(view.cellCenter(2, 1));
        QVERIFY2(tip.contains(QStringLiteral("virginica"))
                && tip.contains(QStringLiteral("versicolor"))
                && tip.contains(QStringLiteral("10 sample"))
                && tip.contains(QStringLiteral("20.0%")),
            qPrintable(tip));

        // Colours: the largest count is the darkest blue, zero is white.
        const QImage image = view.toImage();
        const auto corner = [&](int t, int p) {
            const QPointF c = view.cellCenter(t, p);
            const QPointF d = view.cellCenter(t + 1 < 3 ? t + 1 : t - 1, p + 1 < 3 ? p + 1 : p - 1);
            return QColor(image.pixel(QPointF(
                c.x() - 0.4 * std::abs(d.x() - c.x()), c.y() - 0.4 * std::abs(d.y() - c.y()))
                                          .toPoint()));
        };
        QVERIFY2(
            colorDistance(corner(0, 0), QColor(0x08306b)) <= 10, qPrintable(corner(0, 0).name()));
        QVERIFY2(
            colorDistance(corner(0, 1), QColor(0xf7fbff)) <= 10, qPrintable(corner(0, 1).name()));
        snapshot(view, QStringLiteral("confusion_counts"));

        // Row-normalised through the check box.
        auto *box = view.findChild<QCheckBox *>(QStringLiteral("rowNormalized"));
        QVERIFY(box);
        box->setChecked(true);
        QVERIFY(view.isNormalized());
        QCOMPARE(view.colorRange(), std::make_pair(0.0, 1.0));
        QCOMPARE(view.cellText(1, 1), QStringLiteral("0.90"));
        QCOMPARE(view.cellText(2, 1), QStringLiteral("0.20"));
        QCOMPARE(view.cellValue(0, 0), 1.0);
        view.replotNow();
        snapshot(view, QStringLiteral("confusion_normalized"));

        // And through the context menu action.
        std::unique_ptr<QMenu> menu(view.createContextMenu());
        auto *action = menu->findChild<QAction *>(QStringLiteral("rowNormalizedAction"));
        QVERIFY(action && action->isChecked());
        action->trigger();
        QVERIFY(!view.isNormalized());
        QVERIFY(!box->isChecked());
    }

    void confusionMatrixManyClasses()
    {
        const int K = 12;
        engine::ConfusionMatrix m;
        m.classCount = K;
        m.counts.assign(K * K, 1);
        for (int k = 0; k < K; ++k)
            m.counts[k * K + k] = 30 + k;
        QStringList names;
        for (int k = 0; k < K; ++k)
            names << QStringLiteral("class_%1").arg(k);
        plots::ConfusionMatrixPlot view;
        view.setMatrix(m, names);
        QVERIFY(showView(view, QSize(700, 650)));
        QCOMPARE(view.colorMapSize(), QSize(K, K));
        snapshot(view, QStringLiteral("confusion_12"));
    }

    void residuals()
    {
        std::vector<double> predicted, actual;
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal;
        for (int i = 0; i < 400; ++i) {
            const double p = i * 0.05;
            predicted.push_back(p);
            actual.push_back(p + 0.3 * normal(rng) * (1 + p / 10));
        }
        actual[10] = std::nan("");
        plots::ResidualPlot view;
        view.setData(predicted, actual);
        QVERIFY(showView(view));
        QCOMPARE(view.pointCount(), qint64(399));
        QVERIFY(view.hasZeroLine());
        QCOMPARE(view.residual(3), actual[3] - predicted[3]);
        double maxAbs = 0;
        for (int i = 0; i < 400; ++i)
            if (!std::isnan(actual[i]))
                maxAbs = std::max(maxAbs, std::abs(actual[i] - predicted[i]));
        QVERIFY(view.yRange().first <= -maxAbs && view.yRange().second >= maxAbs);
        QCOMPARE(view.yRange().first, -view.yRange().second); // symmetric around 0
        QVERIFY(view.xRange().first < 0 && view.xRange().second > 19.95);
        const QString tip = view.toolTipAt(
            view.coordToPixel(QPointF(predicted[200], actual[200] - predicted[200])));
        QVERIFY2(tip.contains(QStringLiteral("residual")), qPrintable(tip));
        snapshot(view, QStringLiteral("residuals"));
        QVERIFY(!view.isDensityMode());
        QCOMPARE(view.drawnPointCount(), qint64(399));
    }

    void residualDensity()
    {
        // Above the scatter's threshold (the same policy) the residuals are computed on the
        // worker and drawn as density cells by the scatter's density job.
        const std::size_t n = 400'000;
        std::vector<double> predicted(n), actual(n);
        std::mt19937_64 rng(4);
        std::normal_distribution<double> normal;
        for (std::size_t i = 0; i < n; ++i) {
            predicted[i] = static_cast<double>(i % 1000) * 0.01;
            actual[i] = predicted[i] + normal(rng);
        }
        actual[5] = std::nan("");
        predicted[6] = std::nan("");
        plots::ResidualPlot view;
        QCOMPARE(view.densityThreshold(), plots::ScatterPlot::kDefaultDensityThreshold);
        QVERIFY(showView(view));
        QSignalSpy gathered(&view, &plots::ScatterPlot::dataGathered);
        view.setData(predicted, actual);
        QVERIFY(view.isGathering()); // not on the GUI thread
        QVERIFY(gathered.wait(20000));
        QVERIFY(view.isDensityMode());
        QCOMPARE(view.drawnPointCount(), qint64(0));
        QTRY_VERIFY_WITH_TIMEOUT(view.densityGeneration() >= 1 && !view.isAggregating(), 20000);
        const auto *grid = view.densityGrid();
        QVERIFY(grid);
        QCOMPARE(grid->inside + grid->outside, std::uint64_t(n - 2));
        QCOMPARE(grid->skipped, std::uint64_t(2));
        QCOMPARE(view.pointCount(), qint64(n - 2));
        QCOMPARE(view.residual(3), actual[3] - predicted[3]);
        QVERIFY(std::isnan(view.residual(5)));
        QVERIFY(view.hasZeroLine());
        QCOMPARE(view.yRange().first, -view.yRange().second); // symmetric around 0
        double maxAbs = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (std::isfinite(actual[i] - predicted[i]))
                maxAbs = std::max(maxAbs, std::abs(actual[i] - predicted[i]));
        QVERIFY(view.yRange().second >= maxAbs);
        QCOMPARE(grid->outside, std::uint64_t(0));
        // Most residuals sit near zero: the cells on the zero line are the densest.
        view.replotNow();
        const QString tip = view.toolTipAt(view.coordToPixel(QPointF(5, 0)));
        QVERIFY2(tip.contains(QStringLiteral("point")), qPrintable(tip));
        snapshot(view, QStringLiteral("residuals_density"));

        // A rectangle selects sample indices, from the data.
        QSignalSpy rows(&view, &plots::ScatterPlot::rowsSelected);
        view.selectInRect(QRectF(QPointF(-1, 3), QPointF(20, 100)));
        QVERIFY(rows.wait(20000));
        qsizetype expected = 0;
        for (std::size_t i = 0; i < n; ++i)
            expected += actual[i] - predicted[i] >= 3 ? 1 : 0;
        QCOMPARE(rows.at(0).at(0).value<QList<qint64>>().size(), expected);
    }
};

QTEST_MAIN(TestEvalPlots)
#include "tst_evalplots.moc"
