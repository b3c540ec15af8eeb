// The exploration and evaluation views' computations, against numpy, SciPy and
// scikit-learn run on the same data: box-plot quartiles and whiskers (numpy.percentile),
// violin densities (scipy.stats.gaussian_kde), per-row silhouettes (silhouette_samples),
// calibration curves (calibration_curve), cumulative gains, feature scores (f_classif,
// chi2, mutual_info_classif, entropy-based scores); and the nodes that wrap them.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "ml/BoxStatistics.h"
#include "ml/FeatureScores.h"
#include "ml/FitContext.h"
#include "ml/ProbabilityCurves.h"
#include "ml/Silhouette.h"
#include "ml/TrainedModel.h"
#include "nodes/BoxPlotData.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/FeatureRanking.h"
#include "nodes/MetricsTable.h"
#include "nodes/ProbabilityCurvesData.h"
#include "nodes/ScatterMatrixData.h"
#include "nodes/SilhouetteData.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

bool close(double a, double b, double rel, double abs = 0)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= abs + rel * std::max(std::abs(a), std::abs(b));
}

#define COMPARE_NEAR(a, b, rel, abs, what)                                                         \
    QVERIFY2(close((a), (b), (rel), (abs)),                                                        \
        qPrintable(QStringLiteral("%1: ours %2, reference %3")                                     \
                       .arg(what)                                                                  \
                       .arg((a), 0, 'g', 17)                                                       \
                       .arg((b), 0, 'g', 17)))

struct Outcome {
    NodeValuePtr output;
    NodeValuePtr output2;
    NodeValuePtr result;
    QStringList warnings;
    QString error;
};

Outcome runNode(const QString &typeId, NodeValuePtr input, const QVariantMap &params = {})
{
    const NodeType *type = BuiltinNodes::registry().find(typeId);
    Outcome out;
    if (!type) {
        out.error = QStringLiteral("no node type ") + typeId;
        return out;
    }
    auto complete = type->completeParameters(params);
    if (!complete) {
        out.error = complete.error();
        return out;
    }
    NodeContext ctx(1, *type, complete.value(), { std::move(input) });
    try {
        type->createCompute()(ctx);
    } catch (const NodeError &e) {
        out.error = e.message();
        return out;
    }
    if (!ctx.outputs().empty())
        out.output = ctx.outputs()[0];
    if (ctx.outputs().size() > 1)
        out.output2 = ctx.outputs()[1];
    out.result = ctx.result();
    out.warnings = ctx.warnings();
    return out;
}

// Groups of values: normal, skewed (with outliers), rounded (many ties), and tiny ones.
std::vector<std::vector<double>> boxGroups()
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal;
    std::exponential_distribution<double> expo(0.5);
    std::vector<std::vector<double>> g(6);
    for (int i = 0; i < 501; ++i)
        g[0].push_back(10 + 3 * normal(rng));
    for (int i = 0; i < 400; ++i)
        g[1].push_back(expo(rng));
    for (int i = 0; i < 240; ++i)
        g[2].push_back(std::round(4 * normal(rng)) / 2);
    g[3] = { 5.0 };
    g[4] = { 1.0, 2.0 };
    g[5] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 100, -40 };
    return g;
}

const char *kBoxScript = R"PY(
import json, numpy as np
from scipy.stats import gaussian_kde
out = {}
for i in range(6):
    x = np.atleast_1d(np.loadtxt("g%d.csv" % i))
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    iqr = q3 - q1
    lo = x[x >= q1 - 1.5 * iqr].min(); hi = x[x <= q3 + 1.5 * iqr].max()
    r = {"q1": q1, "median": med, "q3": q3, "lo": lo, "hi": hi, "mean": x.mean(),
         "outliers": int(np.sum((x < lo) | (x > hi)))}
    if len(np.unique(x)) > 1:
        kde = gaussian_kde(x)
        grid = np.loadtxt("grid%d.csv" % i)
        r["density"] = kde(grid).tolist()
        r["bw"] = float(np.sqrt(kde.covariance[0, 0]))
    out["g%d" % i] = r
big = np.loadtxt("big.csv")
out["big"] = gaussian_kde(big)(np.loadtxt("biggrid.csv")).tolist()
print(json.dumps(out))
)PY";

// Well-separated blobs, one of them a single row, plus a noisy row between clusters.
struct Blobs {
    Eigen::MatrixXd X;
    std::vector<std::int32_t> labels;
};

Blobs makeBlobs(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    const double centres[4][3] = { { 0, 0, 0 }, { 4, 0, 1 }, { 0, 5, -1 }, { 3, 3, 3 } };
    Blobs b;
    b.X.resize(n + 1, 3);
    for (int i = 0; i < n; ++i) {
        const int c = i % 4;
        b.labels.push_back(c);
        for (int j = 0; j < 3; ++j)
            b.X(i, j) = 1000 + centres[c][j] + 1.3 * normal(rng);
    }
    b.labels.push_back(4); // a cluster of one
    b.X.row(n) << 1002, 2, 1;
    return b;
}

const char *kSilhouetteScript = R"PY(
import json, numpy as np
from sklearn.metrics import silhouette_samples
X = np.loadtxt("X.csv", delimiter=",")
y = np.loadtxt("y.csv").astype(int)
print(json.dumps({"s": silhouette_samples(X, y).tolist()}))
)PY";

const char *kCalibrationScript = R"PY(
import json, numpy as np
from sklearn.calibration import calibration_curve
y = np.loadtxt("y.csv").astype(int)
p = np.loadtxt("p.csv")
out = {}
for bins in (5, 10, 13):
    for strategy in ("uniform", "quantile"):
        t, q = calibration_curve(y, p, n_bins=bins, strategy=strategy)
        out["%s%d" % (strategy, bins)] = {"true": t.tolist(), "pred": q.tolist()}
# cumulative gains, independently: at each distinct score t, the share of rows with a
# score >= t and the share of positives among them
ts = np.unique(p)[::-1]
out["population"] = [float(np.mean(p >= t)) for t in ts]
out["gains"] = [float(y[p >= t].sum() / y.sum()) for t in ts]
print(json.dumps(out))
)PY";

const char *kRankingScript = R"PY(
import json, numpy as np
from sklearn.feature_selection import f_classif, chi2, mutual_info_classif
from sklearn.metrics import mutual_info_score
X = np.loadtxt("X.csv", delimiter=",")
y = np.loadtxt("y.csv").astype(int)
cat = np.loadtxt("cat.csv").astype(int)
F, _ = f_classif(X, y)
C, _ = chi2(np.abs(X), y)
onehot = np.eye(cat.max() + 1)[cat]
Ccat = chi2(onehot, y)[0].sum()
MI = mutual_info_classif(X, y, random_state=0)
# With ties the estimate depends on the noise that breaks them: its spread over seeds.
tied = [float(mutual_info_classif(X[:, 3:4], y, random_state=s)[0]) for s in range(10)]
def entropy(c):
    p = c[c > 0] / c.sum(); return float(-(p * np.log2(p)).sum())
def gini(c):
    p = c / c.sum(); return float(1 - (p * p).sum())
ig, gr, gi = [], [], []
K = y.max() + 1
for j in range(X.shape[1]):
    x = X[:, j]
    edges = np.percentile(x, [25, 50, 75])
    codes = np.searchsorted(edges, x, side="left")
    table = np.array([[np.sum((codes == v) & (y == k)) for k in range(K)] for v in range(4)], float)
    hy = entropy(table.sum(0)); n = table.sum()
    cond = sum(table[v].sum() / n * entropy(table[v]) for v in range(4) if table[v].sum() > 0)
    ig.append(hy - cond)
    gr.append((hy - cond) / entropy(table.sum(1)))
    gi.append(gini(table.sum(0)) - sum(table[v].sum() / n * gini(table[v]) for v in range(4) if table[v].sum() > 0))
print(json.dumps({"f": F.tolist(), "chi2": C.tolist(), "chi2cat": float(Ccat), "mi": MI.tolist(),
                  "micat": float(mutual_info_score(cat, y)), "tied": tied, "ig": ig, "gr": gr, "gini": gi}))
)PY";

} // namespace

class TestExplorationViews : public QObject {
    Q_OBJECT

private:
    QString m_skip;

private Q_SLOTS:
    void initTestCase()
    {
        m_skip = SklearnReference::unavailableReason();
        if (m_skip.isEmpty()) {
            QProcess p;
            p.start(QStringLiteral(SEXTANT_PYTHON),
                { QStringLiteral("-c"), QStringLiteral("import scipy.stats") });
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                m_skip = QStringLiteral("scipy not importable by " SEXTANT_PYTHON);
        }
    }

    void quantilesByHand()
    {
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75, 50 -> 2.5, 75 -> 3.25.
        const std::vector<double> x { 1, 2, 3, 4 };
        QCOMPARE(BoxStatistics::quantile(x, 0.25), 1.75);
        QCOMPARE(BoxStatistics::quantile(x, 0.5), 2.5);
        QCOMPARE(BoxStatistics::quantile(x, 0.75), 3.25);
        QCOMPARE(BoxStatistics::quantile(x, 1.0), 4.0);
        std::vector<double> v { 3, std::nan(""), 1, 2, 50 };
        const BoxSummary s = BoxStatistics::summarize(v, false);
        QCOMPARE(s.count, std::int64_t(4));
        QCOMPARE(s.median, 2.5);
        QCOMPARE(s.upperWhisker, 3.0); // 50 is beyond q3 + 1.5 IQR = 3.25 + 2.25
        QCOMPARE(s.outlierCount, std::int64_t(1));
        QCOMPARE(s.outliers, std::vector<double> { 50 });
        std::vector<double> empty;
        QCOMPARE(BoxStatistics::summarize(empty, true).count, std::int64_t(0));
    }

    void boxAndViolinAgainstNumpy()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const auto groups = boxGroups();
        std::vector<BoxSummary> ours;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            QVERIFY(ref.writeVector(QStringLiteral("g%1.csv").arg(i), groups[i]));
            std::vector<double> v = groups[i];
            ours.push_back(BoxStatistics::summarize(v, true));
            QVERIFY(ref.writeVector(QStringLiteral("grid%1.csv").arg(i),
                ours.back().densityGrid.empty() ? std::vector<double> { 0.0 }
                                                : ours.back().densityGrid));
        }
        // Above the exact limit the density is binned first: within 1e-3 of exact.
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal;
        std::vector<double> big;
        for (int i = 0; i < 300000; ++i)
            big.push_back(i % 3 == 0 ? 5 + normal(rng) : normal(rng));
        QVERIFY(ref.writeVector(QStringLiteral("big.csv"), big));
        std::vector<double> bigCopy = big;
        const BoxSummary bigSummary = BoxStatistics::summarize(bigCopy, true);
        QVERIFY(ref.writeVector(QStringLiteral("biggrid.csv"), bigSummary.densityGrid));

        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kBoxScript), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const QJsonObject g = r[QStringLiteral("g%1").arg(i)].toObject();
            const BoxSummary &s = ours[i];
            const QString at = QStringLiteral("group %1 ").arg(i);
            COMPARE_NEAR(s.q1, g["q1"].toDouble(), 1e-14, 1e-14, at + "q1");
            COMPARE_NEAR(s.median, g["median"].toDouble(), 1e-14, 1e-14, at + "median");
            COMPARE_NEAR(s.q3, g["q3"].toDouble(), 1e-14, 1e-14, at + "q3");
            COMPARE_NEAR(s.lowerWhisker, g["lo"].toDouble(), 0, 0, at + "lower whisker");
            COMPARE_NEAR(s.upperWhisker, g["hi"].toDouble(), 0, 0, at + "upper whisker");
            COMPARE_NEAR(s.mean, g["mean"].toDouble(), 1e-12, 1e-12, at + "mean");
            QCOMPARE(s.outlierCount, std::int64_t(g["outliers"].toInt()));
            QCOMPARE(std::int64_t(s.outliers.size()), s.outlierCount);
            if (!g.contains(QStringLiteral("density"))) {
                QVERIFY(s.density.empty());
                continue;
            }
            COMPARE_NEAR(s.bandwidth, g["bw"].toDouble(), 1e-12, 0, at + "bandwidth");
            const std::vector<double> d = SklearnReference::toVector(g["density"]);
            QCOMPARE(d.size(), s.density.size());
            for (std::size_t k = 0; k < d.size(); ++k)
                COMPARE_NEAR(
                    s.density[k], d[k], 1e-10, 1e-15, at + QStringLiteral("density %1").arg(k));
        }
        const std::vector<double> bigRef = SklearnReference::toVector(r["big"]);
        double peak = 0;
        for (double v : bigRef)
            peak = std::max(peak, v);
        QCOMPARE(bigRef.size(), bigSummary.density.size());
        for (std::size_t k = 0; k < bigRef.size(); ++k)
            COMPARE_NEAR(bigSummary.density[k], bigRef[k], 1e-3, 1e-4 * peak,
                QStringLiteral("binned density %1").arg(k));
    }

    void boxPlotNode()
    {
        // Column a split by cls (with a missing class); b has a NaN.
        Dataset d;
        std::vector<double> a, b;
        std::vector<std::int32_t> cls;
        for (int i = 0; i < 40; ++i) {
            a.push_back(i);
            b.push_back(i == 5 ? std::nan("") : i * i);
            cls.push_back(i == 39 ? -1 : i % 2);
        }
        d.addColumn(Column::numeric(QStringLiteral("a"), a));
        d.addColumn(Column::numeric(QStringLiteral("b"), b));
        d.addColumn(Column::categorical(
            QStringLiteral("cls"), cls, { QStringLiteral("even"), QStringLiteral("odd") }));
        d.setRole(2, ColumnRole::Target);
        Outcome o = runNode(
            QStringLiteral("view.boxplot"), makeValue(d), { { QStringLiteral("violin"), true } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const auto *box = o.result->as<BoxPlotData>();
        QVERIFY(box);
        QCOMPARE(box->splitColumn, QStringLiteral("cls")); // the categorical target
        QCOMPARE(box->groupNames,
            (QStringList {
                QStringLiteral("even"), QStringLiteral("odd"), QStringLiteral("(missing)") }));
        QCOMPARE(box->columns.size(), std::size_t(2));
        const BoxSummary &even = box->columns[0].groups[0];
        QCOMPARE(even.count, std::int64_t(20));
        QCOMPARE(even.median, 19.0); // 0, 2, ..., 38
        QCOMPARE(box->columns[0].groups[2].count, std::int64_t(1));
        QCOMPARE(box->columns[1].groups[1].count, std::int64_t(18)); // odd rows 1..37, 5 missing
        QVERIFY(!even.density.empty());
        // A numeric split column is refused with its name.
        o = runNode(QStringLiteral("view.boxplot"), makeValue(d),
            { { QStringLiteral("split"), QStringLiteral("b") } });
        QVERIFY(o.error.contains(QStringLiteral("'b' is not categorical")));
        o = runNode(QStringLiteral("view.boxplot"), makeValue(d),
            { { QStringLiteral("columns"), QStringList { QStringLiteral("cls") } } });
        QVERIFY(o.error.contains(QStringLiteral("'cls' is not numeric")));
    }

    void silhouetteAgainstSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        const Blobs b = makeBlobs(403, 11);
        SklearnReference ref;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), Eigen::MatrixXd(b.X.transpose()).data(),
            b.X.rows(), b.X.cols()));
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), b.labels));
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kSilhouetteScript), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::vector<double> expected = SklearnReference::toVector(r["s"]);
        for (int threads : { 1, 3 }) {
            const std::vector<double> s = Silhouette::samples(b.X, b.labels, threads);
            QCOMPARE(s.size(), expected.size());
            int negative = 0;
            for (std::size_t i = 0; i < s.size(); ++i) {
                COMPARE_NEAR(s[i], expected[i], 1e-9, 1e-9, QStringLiteral("silhouette %1").arg(i));
                negative += s[i] < 0 ? 1 : 0;
            }
            QVERIFY(negative > 0); // the blobs overlap a little: something to select
            QCOMPARE(s.back(), 0.0); // alone in its cluster
        }
    }

    void silhouetteRefusals()
    {
        Eigen::MatrixXd X(3, 1);
        X << 0, 1, 2;
        const std::vector<std::int32_t> one { 0, 0, 0 };
        QVERIFY_THROWS_EXCEPTION(FitError, Silhouette::samples(X, one));
        const std::vector<std::int32_t> all { 0, 1, 2 };
        QVERIFY_THROWS_EXCEPTION(FitError, Silhouette::samples(X, all));
    }

    void silhouetteNode()
    {
        const Blobs b = makeBlobs(600, 5);
        Dataset d;
        for (int j = 0; j < 3; ++j) {
            std::vector<double> col(b.X.col(j).data(), b.X.col(j).data() + b.X.rows());
            d.addColumn(Column::numeric(QStringLiteral("x%1").arg(j), col));
        }
        d.addColumn(Column::categorical(QStringLiteral("cluster"), b.labels,
            { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                QStringLiteral("5"), QStringLiteral("unused") }));
        Outcome o = runNode(QStringLiteral("view.silhouette"), makeValue(d));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const auto *s = o.result->as<SilhouetteData>();
        QVERIFY(s);
        QCOMPARE(s->clusterColumn, QStringLiteral("cluster"));
        QCOMPARE(s->clusterNames.size(), 5); // "unused" has no rows
        QCOMPARE(s->values.size(), std::size_t(601));
        QVERIFY(!s->sampled);
        const std::vector<double> direct = Silhouette::samples(b.X, b.labels);
        double total = 0;
        for (std::size_t i = 0; i < direct.size(); ++i) {
            QCOMPARE(s->rows[i], std::int64_t(i));
            COMPARE_NEAR(s->values[i], direct[i], 1e-12, 1e-12, "node value");
            total += direct[i];
        }
        COMPARE_NEAR(s->mean, total / 601, 1e-12, 0, "mean");
        // Sorted within clusters, clusters in order.
        for (std::size_t i = 1; i < s->order.size(); ++i) {
            const auto p = std::size_t(s->order[i - 1]), q = std::size_t(s->order[i]);
            QVERIFY(s->cluster[p] < s->cluster[q]
                || (s->cluster[p] == s->cluster[q] && s->values[p] >= s->values[q]));
        }
        // Above max_rows: a seeded sample, said so.
        o = runNode(QStringLiteral("view.silhouette"), makeValue(d),
            { { QStringLiteral("max_rows"), 200 } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        s = o.result->as<SilhouetteData>();
        QVERIFY(s->sampled);
        QCOMPARE(s->values.size(), std::size_t(200));
        QCOMPARE(s->tableRows, std::int64_t(601));
        QVERIFY(o.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("sample of 200 of 601")));
        // No cluster column: a message.
        Dataset plain;
        plain.addColumn(d.column(0));
        o = runNode(QStringLiteral("view.silhouette"), makeValue(plain));
        QVERIFY(o.error.contains(QStringLiteral("cluster")));
    }

    void calibrationAndGainsAgainstSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        std::mt19937_64 rng(21);
        std::uniform_real_distribution<double> uniform;
        std::vector<std::int32_t> y;
        std::vector<double> p;
        for (int i = 0; i < 997; ++i) {
            // Skewed, rounded probabilities (ties, empty uniform bins), label ~ p^1.5.
            const double v = std::round(std::pow(uniform(rng), 2.0) * 200) / 200;
            p.push_back(v);
            y.push_back(uniform(rng) < std::pow(v, 1.5) ? 1 : 0);
        }
        p[0] = 0.0;
        p[1] = 1.0;
        SklearnReference ref;
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), y));
        QVERIFY(ref.writeVector(QStringLiteral("p.csv"), p));
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kCalibrationScript), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (int bins : { 5, 10, 13 }) {
            for (auto strategy :
                { ProbabilityCurves::Strategy::Uniform, ProbabilityCurves::Strategy::Quantile }) {
                const QString key = (strategy == ProbabilityCurves::Strategy::Uniform
                                            ? QStringLiteral("uniform")
                                            : QStringLiteral("quantile"))
                    + QString::number(bins);
                const CalibrationCurve c = ProbabilityCurves::calibration(y, p, bins, strategy);
                const std::vector<double> t = SklearnReference::toVector(r[key].toObject()["true"]);
                const std::vector<double> q = SklearnReference::toVector(r[key].toObject()["pred"]);
                QVERIFY2(c.fractionPositive.size() == t.size(), qPrintable(key));
                for (std::size_t i = 0; i < t.size(); ++i) {
                    COMPARE_NEAR(c.fractionPositive[i], t[i], 1e-12, 0,
                        key + QStringLiteral(" true %1").arg(i));
                    COMPARE_NEAR(c.meanPredicted[i], q[i], 1e-12, 0,
                        key + QStringLiteral(" pred %1").arg(i));
                }
            }
        }
        const GainsCurve g = ProbabilityCurves::gains(y, p, 1, 100000);
        const std::vector<double> pop = SklearnReference::toVector(r["population"]);
        const std::vector<double> gains = SklearnReference::toVector(r["gains"]);
        QCOMPARE(g.population.size(), pop.size() + 1); // plus (0, 0)
        QCOMPARE(g.population.front(), 0.0);
        for (std::size_t i = 0; i < pop.size(); ++i) {
            COMPARE_NEAR(g.population[i + 1], pop[i], 1e-12, 0, "population");
            COMPARE_NEAR(g.gains[i + 1], gains[i], 1e-12, 0, "gains");
            COMPARE_NEAR(g.lift[i + 1], gains[i] / pop[i], 1e-12, 0, "lift");
        }
        // Thinned to at most maxPoints, ends kept.
        const GainsCurve thin = ProbabilityCurves::gains(y, p, 1, 20);
        QVERIFY(thin.population.size() <= 20 && thin.population.size() >= 10);
        QCOMPARE(thin.population.back(), 1.0);
        QCOMPARE(thin.gains.back(), 1.0);
        // Out of range probabilities are refused.
        const std::vector<double> bad { 0.5, 1.5 };
        const std::vector<std::int32_t> yb { 0, 1 };
        QVERIFY_THROWS_EXCEPTION(FitError,
            ProbabilityCurves::calibration(yb, bad, 5, ProbabilityCurves::Strategy::Uniform));
    }

    void probabilityCurveNodes()
    {
        Prediction p;
        p.task = EstimatorTask::Classification;
        p.modelName = QStringLiteral("model");
        p.targetName = QStringLiteral("y");
        p.classNames = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
        const int n = 90;
        p.predicted.resize(n);
        p.truth.resize(n);
        p.probabilities.resize(n, 3);
        for (int i = 0; i < n; ++i) {
            const int k = i % 3;
            p.truth(i) = i == 0 ? std::nan("") : k;
            p.predicted(i) = k;
            const double hit = 0.4 + 0.5 * ((i * 7) % 10) / 10.0;
            for (int c = 0; c < 3; ++c)
                p.probabilities(i, c) = c == k ? hit : (1 - hit) / 2;
        }
        Outcome o = runNode(QStringLiteral("view.calibration"), makeValue(p),
            { { QStringLiteral("bins"), 4 },
                { QStringLiteral("strategy"), QStringLiteral("quantile") } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const auto *c = o.result->as<ProbabilityCurvesData>();
        QVERIFY(c);
        QCOMPARE(c->curveNames, p.classNames); // one-vs-rest
        QCOMPARE(c->calibration.size(), std::size_t(3));
        QCOMPARE(c->calibration[0].total, std::int64_t(89)); // the row without truth left out
        o = runNode(QStringLiteral("view.lift"), makeValue(p),
            { { QStringLiteral("curve"), QStringLiteral("lift") } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        c = o.result->as<ProbabilityCurvesData>();
        QVERIFY(c->kind == ProbabilityCurvesData::Kind::Lift);
        QCOMPARE(c->gains.size(), std::size_t(3));
        QVERIFY(c->gains[1].lift[1] > 1.5); // confident rows first: better than random
        // Without probabilities: a message naming the model.
        p.probabilities.resize(0, 0);
        o = runNode(QStringLiteral("view.calibration"), makeValue(p));
        QVERIFY(o.error.contains(QStringLiteral("model gives no class probabilities")));
    }

    void featureScoresAgainstSklearn()
    {
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(m_skip);
        // Three classes; feature 0 strongly informative, 1 weakly, 2 noise, 3 rounded
        // (ties), 4 informative and skewed.
        std::mt19937_64 rng(17);
        std::normal_distribution<double> normal;
        const int n = 600;
        Eigen::MatrixXd X(n, 5);
        std::vector<std::int32_t> y, cat;
        for (int i = 0; i < n; ++i) {
            const int k = i % 3;
            y.push_back(k);
            X(i, 0) = 2.0 * k + normal(rng);
            X(i, 1) = 0.3 * k + normal(rng);
            X(i, 2) = normal(rng);
            X(i, 3) = std::round(k + 2 * normal(rng));
            X(i, 4) = std::exp(0.5 * k + 0.5 * normal(rng));
            cat.push_back((k + (i % 7 == 0 ? 1 : 0)) % 3 + (i % 5 == 0 ? 3 : 0));
        }
        SklearnReference ref;
        QVERIFY(
            ref.writeMatrix(QStringLiteral("X.csv"), Eigen::MatrixXd(X.transpose()).data(), n, 5));
        QVERIFY(ref.writeVector(QStringLiteral("y.csv"), y));
        QVERIFY(ref.writeVector(QStringLiteral("cat.csv"), cat));
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kRankingScript), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto F = SklearnReference::toVector(r["f"]);
        const auto C = SklearnReference::toVector(r["chi2"]);
        const auto MI = SklearnReference::toVector(r["mi"]);
        const auto IG = SklearnReference::toVector(r["ig"]);
        const auto GR = SklearnReference::toVector(r["gr"]);
        const auto GI = SklearnReference::toVector(r["gini"]);
        for (int j = 0; j < 5; ++j) {
            std::vector<double> x(X.col(j).data(), X.col(j).data() + n);
            const QString at = QStringLiteral("feature %1 ").arg(j);
            COMPARE_NEAR(FeatureScores::anovaF(x, y, 3), F[j], 1e-9, 0, at + "f_classif");
            std::vector<double> ax = x;
            for (double &v : ax)
                v = std::abs(v);
            COMPARE_NEAR(FeatureScores::chi2(ax, y, 3), C[j], 1e-9, 0, at + "chi2");
            // mutual_info_classif: tie-free columns agree to rounding; on the rounded one
            // the noise that breaks ties decides, so ours must lie within scikit-learn's
            // spread over ten seeds (widened by 0.03).
            const double mi = FeatureScores::mutualInfo(x, y, 3);
            if (j != 3) {
                COMPARE_NEAR(mi, MI[j], 1e-6, 1e-9, at + "mutual_info");
            } else {
                const auto tied = SklearnReference::toVector(r["tied"]);
                const auto [lo, hi] = std::minmax_element(tied.begin(), tied.end());
                QVERIFY2(mi >= *lo - 0.03 && mi <= *hi + 0.03,
                    qPrintable(QStringLiteral("tied mutual_info %1 outside [%2, %3]")
                                   .arg(mi)
                                   .arg(*lo)
                                   .arg(*hi)));
            }
            const std::vector<std::int32_t> codes = FeatureScores::discretize(x, 4);
            COMPARE_NEAR(FeatureScores::informationGain(codes, 4, y, 3), IG[j], 1e-12, 1e-14,
                at + "info gain");
            COMPARE_NEAR(
                FeatureScores::gainRatio(codes, 4, y, 3), GR[j], 1e-12, 1e-14, at + "gain ratio");
            COMPARE_NEAR(
                FeatureScores::giniDecrease(codes, 4, y, 3), GI[j], 1e-12, 1e-14, at + "gini");
        }
        COMPARE_NEAR(FeatureScores::chi2Categorical(cat, 6, y, 3), r["chi2cat"].toDouble(), 1e-10,
            0, "chi2 of a categorical feature");
        COMPARE_NEAR(FeatureScores::mutualInfoDiscrete(cat, 6, y, 3), r["micat"].toDouble(), 1e-10,
            0, "mutual information of a categorical feature");
        // chi2 of a feature with a negative value: not applicable (scikit-learn refuses it).
        std::vector<double> neg(X.col(0).data(), X.col(0).data() + n);
        QVERIFY(std::isnan(FeatureScores::chi2(neg, y, 3)));
        // ReliefF puts the informative features first and noise near zero.
        const std::vector<double> w
            = FeatureScores::reliefF(X, std::vector<bool>(5, false), y, 3, 10, 300, 1);
        QVERIFY2(w[0] > w[1] && w[0] > w[2] && w[4] > w[2],
            qPrintable(QStringLiteral("%1 %2 %3 %4 %5")
                           .arg(w[0])
                           .arg(w[1])
                           .arg(w[2])
                           .arg(w[3])
                           .arg(w[4])));
        QVERIFY(std::abs(w[2]) < 0.5 * w[0]);
    }

    void scatterMatrixNode()
    {
        Dataset d;
        std::vector<double> a, b, c;
        std::vector<std::int32_t> cls;
        for (int i = 0; i < 1000; ++i) {
            a.push_back(i);
            b.push_back(i % 10 == 0 ? std::nan("") : (i * 37) % 101);
            c.push_back(-i);
            cls.push_back(i % 3);
        }
        d.addColumn(Column::numeric(QStringLiteral("a"), a));
        d.addColumn(Column::numeric(QStringLiteral("b"), b));
        d.addColumn(Column::numeric(QStringLiteral("c"), c));
        d.addColumn(Column::categorical(QStringLiteral("cls"), cls,
            { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") }));
        d.setRole(3, ColumnRole::Target);
        Outcome o = runNode(QStringLiteral("view.scatter_matrix"), makeValue(d),
            { { QStringLiteral("max_points"), 300 }, { QStringLiteral("bins"), 10 } });
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        const auto *m = o.result->as<ScatterMatrixData>();
        QVERIFY(m);
        QCOMPARE(m->columns,
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QCOMPARE(m->colorColumn, QStringLiteral("cls"));
        QVERIFY(m->sampled);
        QCOMPARE(m->rows.size(), std::size_t(300));
        for (std::size_t i = 0; i < m->rows.size(); ++i) {
            QCOMPARE(m->values[0][i], double(m->rows[i]));
            QCOMPARE(m->classes[i], std::int32_t(m->rows[i] % 3));
        }
        // The diagonal counts every row (not the sample): 100 per bin of a, 900 values of b.
        std::int64_t totalA = 0, totalB = 0;
        for (std::int64_t n : m->counts[0])
            totalA += n;
        for (std::int64_t n : m->counts[1])
            totalB += n;
        QCOMPARE(totalA, std::int64_t(1000));
        QCOMPARE(totalB, std::int64_t(900));
        QCOMPARE(m->edges[0].front(), 0.0);
        QCOMPARE(m->edges[0].back(), 999.0);
        // More than ten columns are refused.
        Dataset wide;
        QStringList names;
        for (int j = 0; j < 11; ++j) {
            wide.addColumn(Column::numeric(QStringLiteral("v%1").arg(j), { 1.0, 2.0 }));
            names << QStringLiteral("v%1").arg(j);
        }
        o = runNode(QStringLiteral("view.scatter_matrix"), makeValue(wide),
            { { QStringLiteral("columns"), names } });
        QVERIFY(o.error.contains(QStringLiteral("at most 10")));
    }

    void rankFeaturesNode()
    {
        Dataset d;
        std::mt19937_64 rng(2);
        std::normal_distribution<double> normal;
        std::vector<double> good, noise, half;
        std::vector<std::int32_t> cls, colour;
        for (int i = 0; i < 300; ++i) {
            const int k = i % 2;
            cls.push_back(k);
            good.push_back(3.0 * k + normal(rng));
            noise.push_back(normal(rng));
            half.push_back(0.7 * k + normal(rng));
            colour.push_back((i / 2) % 3);
        }
        d.addColumn(Column::numeric(QStringLiteral("noise"), noise));
        d.addColumn(Column::numeric(QStringLiteral("good"), good));
        d.addColumn(Column::categorical(QStringLiteral("colour"), colour,
            { QStringLiteral("r"), QStringLiteral("g"), QStringLiteral("b") }));
        d.addColumn(Column::numeric(QStringLiteral("half"), half));
        d.addColumn(Column::categorical(
            QStringLiteral("cls"), cls, { QStringLiteral("no"), QStringLiteral("yes") }));
        d.setRole(4, ColumnRole::Target);
        for (const QString &method :
            { QStringLiteral("info_gain"), QStringLiteral("anova_f"), QStringLiteral("mutual_info"),
                QStringLiteral("relieff"), QStringLiteral("gini") }) {
            Outcome o = runNode(QStringLiteral("data.rank_features"), makeValue(d),
                { { QStringLiteral("sort_by"), method }, { QStringLiteral("k"), 2 } });
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            const auto *top = o.output->as<Dataset>();
            QVERIFY(top);
            // good and half kept, in the input's column order, and the target.
            QCOMPARE(top->columnNames(),
                (QStringList {
                    QStringLiteral("good"), QStringLiteral("half"), QStringLiteral("cls") }));
            const auto *scores = o.output2->as<MetricsTable>();
            QVERIFY(scores);
            QCOMPARE(scores->columns.first(), method);
            QCOMPARE(scores->rows.first().label, QStringLiteral("good"));
            QCOMPARE(scores->rows.size(), 4);
            const auto *ranking = o.result->as<FeatureRanking>();
            QVERIFY(ranking && ranking->topK == 2);
            // The Feature Ranking view reads the same table back.
            Outcome v = runNode(QStringLiteral("view.ranking"), o.output2);
            QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
            const auto *back = v.result->as<FeatureRanking>();
            QCOMPARE(back->features.first(), QStringLiteral("good"));
            QCOMPARE(back->target, QStringLiteral("cls"));
            QCOMPARE(back->topK, 2);
            QCOMPARE(back->methods.first(), method);
        }
        // ANOVA F does not apply to the categorical column: NaN, ranked last.
        Outcome o = runNode(QStringLiteral("data.rank_features"), makeValue(d),
            { { QStringLiteral("sort_by"), QStringLiteral("anova_f") } });
        const auto *scores = o.output2->as<MetricsTable>();
        QCOMPARE(scores->rows.last().label, QStringLiteral("colour"));
        QVERIFY(std::isnan(scores->rows.last().values.first()));
        // A numeric class is refused.
        o = runNode(QStringLiteral("data.rank_features"), makeValue(d),
            { { QStringLiteral("target"), QStringLiteral("good") } });
        QVERIFY(o.error.contains(QStringLiteral("'good' is not categorical")));
    }
};

QTEST_MAIN(TestExplorationViews)
#include "tst_explorationviews.moc"
