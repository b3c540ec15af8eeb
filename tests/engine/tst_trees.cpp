// Tree learners: DecisionTree, RandomForest, GradientBoosting (and FeatureBinner /
// DecisionTreeModel). Known answers, scikit-learn comparisons on the bundled datasets with
// the same train/test splits, state round trips, corrupted states, determinism, cancel.
#include "SklearnReference.h"
#include "graph/NodeError.h"
#include "ml/DecisionTree.h"
#include "ml/FeatureBinner.h"
#include "ml/GradientBoosting.h"
#include "ml/RandomForest.h"
#include "nodes/LearnerRegistry.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

struct Table {
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
};

// A bundled CSV: numeric features, target in the last column (class names are mapped to
// 0..K-1 in sorted order; numeric targets kept for regression).
Table loadCsv(const QString &name, bool classification)
{
    QFile f(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + name + QStringLiteral(".csv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    std::vector<std::vector<double>> rows;
    std::vector<std::string> labels;
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        std::vector<double> r;
        for (int c = 0; c + 1 < cells.size(); ++c)
            r.push_back(cells[c].toDouble());
        rows.push_back(r);
        labels.push_back(cells.last().toStdString());
    }
    Table t;
    t.X.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    t.y.resize(t.X.rows());
    std::set<std::string> names(labels.begin(), labels.end());
    std::map<std::string, int> index;
    for (const std::string &s : names)
        index.emplace(s, static_cast<int>(index.size()));
    for (Eigen::Index i = 0; i < t.X.rows(); ++i) {
        for (Eigen::Index c = 0; c < t.X.cols(); ++c)
            t.X(i, c) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(c)];
        t.y(i) = classification ? index[labels[static_cast<std::size_t>(i)]]
                                : std::stod(labels[static_cast<std::size_t>(i)]);
    }
    return t;
}

std::unique_ptr<Estimator> makeModel(const std::string &kind, EstimatorTask task)
{
    if (kind == "decision_tree")
        return std::make_unique<DecisionTree>(task);
    if (kind == "random_forest")
        return std::make_unique<RandomForest>(task);
    GradientBoostingOptions o;
    return std::make_unique<GradientBoosting>(task, o);
}

// A decision tree grown without pruning (scikit-learn's defaults).
std::unique_ptr<Estimator> unprunedTree(EstimatorTask task, DecisionTreeOptions o = {})
{
    o.autoCcpAlpha = false;
    o.ccpAlpha = 0;
    return std::make_unique<DecisionTree>(task, o);
}

double score(const Estimator &m, const Eigen::MatrixXd &X, const Eigen::VectorXd &y)
{
    const Eigen::VectorXd p = m.predict(X);
    if (m.task() == EstimatorTask::Classification) {
        Eigen::Index c = 0;
        for (Eigen::Index i = 0; i < y.size(); ++i)
            c += p(i) == y(i);
        return static_cast<double>(c) / static_cast<double>(y.size());
    }
    const double ssTot = (y.array() - y.mean()).square().sum();
    return 1.0 - (p - y).squaredNorm() / ssTot;
}

bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size()))
        == 0;
}

// Axis-aligned classes: 0 below x0 = 0.3, else 1 above x1 = 0.6, else 2.
int boxLabel(double x0, double x1)
{
    return x0 <= 0.3 ? 0 : (x1 > 0.6 ? 1 : 2);
}

Table makeBoxes(int n, unsigned seed, double margin)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    Table t;
    t.X.resize(n, 3);
    t.y.resize(n);
    for (int i = 0; i < n;) {
        const double a = u(rng), b = u(rng), c = u(rng);
        if (std::abs(a - 0.3) < margin || (a > 0.3 && std::abs(b - 0.6) < margin))
            continue;
        t.X.row(i) << a, b, c;
        t.y(i) = boxLabel(a, b);
        ++i;
    }
    return t;
}

// Step function of x0 (x1 is noise the learners must ignore).
double stepValue(double x0)
{
    return x0 < 0.25 ? 3.0 : (x0 < 0.7 ? -1.0 : 5.0);
}

Table makeSteps(int n, unsigned seed, double margin)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    Table t;
    t.X.resize(n, 2);
    t.y.resize(n);
    for (int i = 0; i < n;) {
        const double a = u(rng), b = u(rng);
        if (std::abs(a - 0.25) < margin || std::abs(a - 0.7) < margin)
            continue;
        t.X.row(i) << a, b;
        t.y(i) = stepValue(a);
        ++i;
    }
    return t;
}

// Boxes (as makeBoxes, no margin) with a share of the labels replaced by a random class;
// the features lie on a grid of `levels` + 1 values (levels <= 254: one bin per value, so
// the tree's thresholds are as exact as scikit-learn's).
Table makeNoisyBoxes(int n, unsigned seed, double noise, int levels = 0)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    const auto grid = [&](double v) { return levels > 0 ? std::round(v * levels) / levels : v; };
    Table t;
    t.X.resize(n, 3);
    t.y.resize(n);
    for (int i = 0; i < n; ++i) {
        const double a = grid(u(rng)), b = grid(u(rng)), c = grid(u(rng));
        t.X.row(i) << a, b, c;
        t.y(i) = u(rng) < noise ? std::floor(u(rng) * 3) : boxLabel(a, b);
    }
    return t;
}

// The step function of x0 plus 0.8 x1 plus Gaussian noise (sd `sd`), features on a grid as
// makeNoisyBoxes.
Table makeNoisySteps(int n, unsigned seed, double sd, int levels = 0)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::normal_distribution<double> g(0, sd);
    const auto grid = [&](double v) { return levels > 0 ? std::round(v * levels) / levels : v; };
    Table t;
    t.X.resize(n, 2);
    t.y.resize(n);
    for (int i = 0; i < n; ++i) {
        const double a = grid(u(rng)), b = grid(u(rng));
        t.X.row(i) << a, b;
        t.y(i) = stepValue(a) + 0.8 * b + g(rng);
    }
    return t;
}

double accuracy(const Estimator &m, const Table &t)
{
    const Eigen::VectorXd p = m.predict(t.X);
    return static_cast<double>((p.array() == t.y.array()).count())
        / static_cast<double>(t.y.size());
}

// scikit-learn's unpruned tree (node count, training rows' leaves), its
// cost_complexity_pruning_path, and the trees pruned with opts["alphas"] (node counts,
// predictions on the training rows).
const char *kPruningScript = R"PY(
import json, numpy as np
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
y = np.loadtxt("y.csv", delimiter=",")
opts = json.load(open("opts.json"))
clf = opts["classification"]
def make(a):
    if clf:
        return DecisionTreeClassifier(criterion=opts["criterion"], random_state=0, ccp_alpha=a,
                                      min_samples_leaf=opts["min_samples_leaf"])
    return DecisionTreeRegressor(random_state=0, ccp_alpha=a,
                                 min_samples_leaf=opts["min_samples_leaf"])
full = make(0.0).fit(X, y)
path = make(0.0).cost_complexity_pruning_path(X, y)
t = full.tree_
out = {"node_count": int(t.node_count), "leaves": full.apply(X).tolist(),
       "tree": {"left": t.children_left.tolist(), "right": t.children_right.tolist(),
                "feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
                "weight": t.weighted_n_node_samples.tolist(), "impurity": t.impurity.tolist()},
       "alphas": path.ccp_alphas.tolist(), "impurities": path.impurities.tolist(), "pruned": []}
for a in opts["alphas"]:
    m = make(a).fit(X, y)
    p = m.predict_proba(X) if clf else m.predict(X).reshape(-1, 1)
    out["pruned"].append({"node_count": int(m.tree_.node_count), "values": p.tolist()})
print(json.dumps(out))
)PY";

const char *kSklearnScript = R"PY(
import json, numpy as np
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.ensemble import (RandomForestClassifier, RandomForestRegressor,
                              HistGradientBoostingClassifier, HistGradientBoostingRegressor)
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
y = np.loadtxt("y.csv", delimiter=",")
opts = json.load(open("opts.json"))
clf = opts["classification"]
splits = np.loadtxt("splits.csv", delimiter=",", ndmin=2).astype(int)  # one row per split: 1 = train
out = {}
for kind in ["decision_tree", "random_forest", "gradient_boosting"]:
    scores = []
    for s in (splits if kind == "decision_tree" else splits[:opts["ensemble_splits"]]):
        tr, te = s == 1, s == 0
        if kind == "decision_tree":
            m = (DecisionTreeClassifier(random_state=0) if clf
                 else DecisionTreeRegressor(max_depth=opts["dt_depth"], random_state=0))
        elif kind == "random_forest":
            m = (RandomForestClassifier(n_estimators=100, random_state=0) if clf
                 else RandomForestRegressor(n_estimators=100, random_state=0))
        else:
            m = (HistGradientBoostingClassifier(random_state=0) if clf
                 else HistGradientBoostingRegressor(random_state=0))
        m.fit(X[tr], y[tr])
        scores.append(float(m.score(X[te], y[te])))
    out[kind] = float(np.mean(scores))
print(json.dumps(out))
)PY";

// scikit-learn's DecisionTreeClassifier with opts' class_weight and depth limit: node
// count, the rows' leaves, class probabilities and feature_importances_.
const char *kWeightedTreeScript = R"PY(
import json, numpy as np
from sklearn.tree import DecisionTreeClassifier
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
y = np.loadtxt("y.csv", delimiter=",")
opts = json.load(open("opts.json"))
cw = None if opts["class_weight"] == "none" else opts["class_weight"]
m = DecisionTreeClassifier(random_state=0, class_weight=cw, max_depth=opts["max_depth"],
                           min_samples_leaf=opts["min_samples_leaf"]).fit(X, y)
print(json.dumps({"node_count": int(m.tree_.node_count), "leaves": m.apply(X).tolist(),
                  "proba": m.predict_proba(X).tolist(),
                  "importances": m.feature_importances_.tolist()}))
)PY";

// Seeded 70/30 splits: the single tree's score varies a lot from split to split, so it is
// averaged over more of them than the ensembles'.
constexpr int kSplits = 20;
constexpr int kEnsembleSplits = 5;

template<typename Fn> bool throwsStateError(Fn &&fn)
{
    try {
        fn();
    } catch (const ModelStateError &) {
        return true;
    } catch (...) {
        return false;
    }
    return false;
}

} // namespace

class TestTrees : public QObject {
    Q_OBJECT

private:
    QString m_skip;

    void compareWithSklearn(const QString &dataset, bool classification)
    {
        const Table t = loadCsv(dataset, classification);
        QVERIFY(t.X.rows() > 0);
        // kSplits seeded 70/30 splits shared with Python.
        const Eigen::Index n = t.X.rows();
        Eigen::MatrixXd splits = Eigen::MatrixXd::Zero(kSplits, n);
        std::mt19937_64 rng(42);
        for (int s = 0; s < kSplits; ++s) {
            std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
            std::iota(order.begin(), order.end(), Eigen::Index(0));
            std::shuffle(order.begin(), order.end(), rng);
            for (Eigen::Index i = 0; i < n * 7 / 10; ++i)
                splits(s, order[static_cast<std::size_t>(i)]) = 1;
        }
        const int dtDepth = 4; // regression tree: unpruned ones are too noisy to compare
        std::map<std::string, double> ours;
        for (const std::string kind : { "decision_tree", "random_forest", "gradient_boosting" }) {
            double sum = 0;
            const int splitCount = kind == "decision_tree" ? kSplits : kEnsembleSplits;
            for (int s = 0; s < splitCount; ++s) {
                std::vector<Eigen::Index> tr, te;
                for (Eigen::Index i = 0; i < n; ++i)
                    (splits(s, i) == 1 ? tr : te).push_back(i);
                const Eigen::MatrixXd Xtr = t.X(tr, Eigen::all), Xte = t.X(te, Eigen::all);
                const Eigen::VectorXd ytr = t.y(tr), yte = t.y(te);
                const EstimatorTask task
                    = classification ? EstimatorTask::Classification : EstimatorTask::Regression;
                std::unique_ptr<Estimator> m;
                if (kind == "decision_tree") {
                    // scikit-learn's defaults: no pruning.
                    DecisionTreeOptions o;
                    if (!classification)
                        o.maxDepth = dtDepth;
                    m = unprunedTree(task, o);
                } else {
                    m = makeModel(kind, task);
                }
                FitContext ctx;
                ctx.classCount = classification ? static_cast<int>(t.y.maxCoeff()) + 1 : 0;
                QVERIFY(m->fit(Xtr, ytr, ctx));
                sum += score(*m, Xte, yte);
            }
            ours[kind] = sum / splitCount;
        }
        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = t.X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()));
        QVERIFY(ref.writeMatrix(QStringLiteral("y.csv"), t.y.data(), t.y.size(), 1));
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> sp = splits;
        QVERIFY(ref.writeMatrix(QStringLiteral("splits.csv"), sp.data(), sp.rows(), sp.cols()));
        QFile opts(ref.path(QStringLiteral("opts.json")));
        QVERIFY(opts.open(QIODevice::WriteOnly));
        opts.write(QJsonDocument(QJsonObject { { QStringLiteral("classification"), classification },
                                     { QStringLiteral("dt_depth"), dtDepth },
                                     { QStringLiteral("ensemble_splits"), kEnsembleSplits } })
                       .toJson());
        opts.close();
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kSklearnScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        for (const auto &[kind, mine] : ours) {
            const double theirs = r.value(QString::fromStdString(kind)).toDouble();
            const QString msg
                = QStringLiteral("%1 on %2: ours %3, scikit-learn %4 (mean of %5 splits)")
                      .arg(QString::fromStdString(kind), dataset)
                      .arg(mine, 0, 'f', 4)
                      .arg(theirs, 0, 'f', 4)
                      .arg(kind == "decision_tree" ? kSplits : kEnsembleSplits);
            qInfo("%s", qPrintable(msg));
            QVERIFY2(std::abs(mine - theirs) <= 0.02, qPrintable(msg));
        }
    }

private Q_SLOTS:
    void initTestCase() { m_skip = SklearnReference::unavailableReason(); }

    void binnerThresholdsMatchBins()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> g;
        Eigen::MatrixXd X(3000, 3);
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            X.row(i) << g(rng), std::floor(g(rng) * 3), (i % 7 == 0 ? 1.0 : 0.0);
        FeatureBinner b;
        b.fit(X, 255, 2);
        QCOMPARE(b.binCount(2), 2); // two distinct values: one edge
        QCOMPARE(b.upperEdge(2, 0), 0.5); // their midpoint
        QVERIFY(b.binCount(0) <= 255);
        const std::vector<std::uint8_t> codes = b.transform(X, 2);
        for (int f = 0; f < 3; ++f)
            for (Eigen::Index i = 0; i < X.rows(); ++i) {
                const int bin = codes[static_cast<std::size_t>(f * X.rows() + i)];
                QVERIFY(bin < b.binCount(f));
                for (int e = 0; e + 1 < b.binCount(f); ++e)
                    QCOMPARE(bin <= e, X(i, f) <= b.upperEdge(f, e));
            }
    }

    void separableClassesAreLearnt_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("decision_tree") << QStringLiteral("decision_tree");
        QTest::newRow("random_forest") << QStringLiteral("random_forest");
        QTest::newRow("gradient_boosting") << QStringLiteral("gradient_boosting");
    }
    void separableClassesAreLearnt()
    {
        QFETCH(QString, kind);
        const Table train = makeBoxes(1500, 1, 0.0);
        const Table test = makeBoxes(2000, 2, 0.02);
        auto m = makeModel(kind.toStdString(), EstimatorTask::Classification);
        QVERIFY(m->fit(train.X, train.y, {}));
        QCOMPARE(m->classCount(), 3);
        QCOMPARE(score(*m, test.X, test.y), 1.0);
        const Eigen::MatrixXd p = m->predictProbabilities(test.X);
        QCOMPARE(p.cols(), Eigen::Index(3));
        QVERIFY((p.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-9);
        if (kind == QStringLiteral("decision_tree")) {
            // An unpruned tree separates its training rows; with fewer rows than bins
            // (exact midpoint thresholds) it needs only the two true boundaries.
            auto whole = unprunedTree(EstimatorTask::Classification);
            QVERIFY(whole->fit(train.X, train.y, {}));
            QCOMPARE(score(*whole, train.X, train.y), 1.0);
            const Table small = makeBoxes(200, 6, 0.0);
            auto exact = makeModel("decision_tree", EstimatorTask::Classification);
            QVERIFY(exact->fit(small.X, small.y, {}));
            const auto &tree = static_cast<DecisionTree &>(*exact).tree();
            QVERIFY(tree.leafCount() <= 4);
            for (int i = 0; i < tree.nodeCount(); ++i)
                QVERIFY(tree.isLeaf(i) || tree.feature(i) != 2);
        }
    }

    void stepFunctionIsRecovered_data() { separableClassesAreLearnt_data(); }
    void stepFunctionIsRecovered()
    {
        QFETCH(QString, kind);
        const Table train = makeSteps(1000, 3, 0.0);
        const Table test = makeSteps(500, 4, 0.05);
        auto m = makeModel(kind.toStdString(), EstimatorTask::Regression);
        QVERIFY(m->fit(train.X, train.y, {}));
        QVERIFY(!m->hasProbabilities());
        if (kind == QStringLiteral("decision_tree")) {
            // Pruning (the default) may merge the few rows of a bin that straddles a step
            // into a neighbouring leaf: close, not exact. The unpruned tree is exact.
            QVERIFY(score(*m, test.X, test.y) > 0.99);
            m = unprunedTree(EstimatorTask::Regression);
            QVERIFY(m->fit(train.X, train.y, {}));
        }
        const Eigen::VectorXd p = m->predict(test.X);
        // Boosting shrinks its steps (learning rate 0.1, leaves of >= 20 rows) and keeps
        // splitting on the noise feature: within an eighth of the smallest step (4) of the
        // right level (scikit-learn's HistGradientBoostingRegressor is off by up to 0.33 on
        // this data), and R^2 near 1. The trees recover it exactly.
        const bool boosting = kind == QStringLiteral("gradient_boosting");
        const double tol = boosting ? 0.5 : 1e-12;
        QVERIFY(score(*m, test.X, test.y) > (boosting ? 0.995 : 1.0 - 1e-12));
        for (Eigen::Index i = 0; i < p.size(); ++i)
            QVERIFY2(std::abs(p(i) - test.y(i)) <= tol,
                qPrintable(
                    QStringLiteral("row %1: %2 instead of %3").arg(i).arg(p(i)).arg(test.y(i))));
        if (kind == QStringLiteral("decision_tree")) {
            // Fewer rows than bins: exact thresholds, three leaves, feature 1 unused.
            const Table small = makeSteps(200, 5, 0.0);
            auto exact = makeModel("decision_tree", EstimatorTask::Regression);
            QVERIFY(exact->fit(small.X, small.y, {}));
            const auto &tree = static_cast<DecisionTree &>(*exact).tree();
            QCOMPARE(tree.leafCount(), 3);
            for (int i = 0; i < tree.nodeCount(); ++i)
                QVERIFY(tree.isLeaf(i) || tree.feature(i) == 0);
        }
    }

    void matchesSklearnIris() { compareWithSklearn(QStringLiteral("iris"), true); }
    void matchesSklearnWine() { compareWithSklearn(QStringLiteral("wine"), true); }
    void matchesSklearnBreastCancer() { compareWithSklearn(QStringLiteral("breast_cancer"), true); }
    void matchesSklearnDiabetes() { compareWithSklearn(QStringLiteral("diabetes"), false); }

    // Minimal cost-complexity pruning against scikit-learn on the same grown tree: features
    // on a grid (exact thresholds) and noisy labels, so the unpruned tree is deep. The
    // unpruned trees are checked to be the same first (node count and the partition of the
    // rows into leaves); then the pruning path and the trees pruned with three alphas.
    // Classification uses one feature: with several, equal gains of different features in
    // tiny nodes are broken by scikit-learn's random feature order, so the grown trees
    // differ. The "sklearn tree" rows check the pruning alone on a three-feature tree: our
    // path of scikit-learn's grown tree (its nodes, weights and impurities) against its own.
    void pruningMatchesSklearn_data()
    {
        QTest::addColumn<bool>("classification");
        QTest::addColumn<QString>("criterion");
        QTest::addColumn<bool>("theirTree");
        QTest::newRow("gini") << true << QStringLiteral("gini") << false;
        QTest::newRow("entropy") << true << QStringLiteral("entropy") << false;
        QTest::newRow("squared_error") << false << QStringLiteral("squared_error") << false;
        QTest::newRow("gini/sklearn tree") << true << QStringLiteral("gini") << true;
        QTest::newRow("entropy/sklearn tree") << true << QStringLiteral("entropy") << true;
    }
    void pruningMatchesSklearn()
    {
        QFETCH(bool, classification);
        QFETCH(QString, criterion);
        QFETCH(bool, theirTree);
        const int minLeaf = 1;
        Table t = classification ? makeNoisyBoxes(400, 11, 0.25, 250)
                                 : makeNoisySteps(300, 12, 1.0, 200);
        if (classification && !theirTree) {
            const Eigen::MatrixXd one = t.X.leftCols(1);
            t.X = one;
        }
        const EstimatorTask task
            = classification ? EstimatorTask::Classification : EstimatorTask::Regression;
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.ccpAlpha = 0;
        o.minSamplesLeaf = minLeaf;
        o.criterion = !classification                ? SplitCriterion::SquaredError
            : criterion == QStringLiteral("entropy") ? SplitCriterion::Entropy
                                                     : SplitCriterion::Gini;
        DecisionTree whole(task, o);
        QVERIFY(whole.fit(t.X, t.y, {}));
        const CostComplexityPath path = whole.pruningPath(t.X, t.y);
        QVERIFY(path.alphas.size() > 20);
        QCOMPARE(path.alphas.size(), path.impurities.size());
        QCOMPARE(path.alphas.front(), 0.0);
        for (std::size_t i = 1; i < path.alphas.size(); ++i)
            QVERIFY(path.alphas[i] >= path.alphas[i - 1] - 1e-15);
        QVERIFY(path.impurities.back() > path.impurities.front());
        // Three alphas inside the path (geometric means of consecutive distinct alphas).
        std::vector<double> distinct;
        for (double a : path.alphas)
            if (distinct.empty() || a > distinct.back() * (1 + 1e-9))
                distinct.push_back(a);
        QVERIFY(distinct.size() > 8);
        std::vector<double> alphas;
        for (std::size_t q : { distinct.size() / 4, distinct.size() / 2, distinct.size() * 3 / 4 })
            alphas.push_back(std::sqrt(distinct[q] * distinct[q + 1]));

        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = t.X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()));
        QVERIFY(ref.writeMatrix(QStringLiteral("y.csv"), t.y.data(), t.y.size(), 1));
        QJsonArray alphaList;
        for (double a : alphas)
            alphaList.append(a);
        QFile opts(ref.path(QStringLiteral("opts.json")));
        QVERIFY(opts.open(QIODevice::WriteOnly));
        opts.write(QJsonDocument(QJsonObject { { QStringLiteral("classification"), classification },
                                     { QStringLiteral("criterion"), criterion },
                                     { QStringLiteral("min_samples_leaf"), minLeaf },
                                     { QStringLiteral("alphas"), alphaList } })
                       .toJson());
        opts.close();
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kPruningScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        const std::vector<double> theirAlphas
            = SklearnReference::toVector(r.value(QStringLiteral("alphas")));
        const std::vector<double> theirImpurities
            = SklearnReference::toVector(r.value(QStringLiteral("impurities")));
        const auto comparePaths = [&](const CostComplexityPath &mine) {
            QCOMPARE(mine.alphas.size(), theirAlphas.size());
            QCOMPARE(mine.impurities.size(), theirImpurities.size());
            for (std::size_t i = 0; i < theirAlphas.size(); ++i) {
                QVERIFY2(std::abs(mine.alphas[i] - theirAlphas[i]) <= 1e-9,
                    qPrintable(QStringLiteral("alpha %1: %2 vs %3")
                                   .arg(i)
                                   .arg(mine.alphas[i], 0, 'g', 17)
                                   .arg(theirAlphas[i], 0, 'g', 17)));
                QVERIFY2(std::abs(mine.impurities[i] - theirImpurities[i]) <= 1e-9,
                    qPrintable(QStringLiteral("impurity %1: %2 vs %3")
                                   .arg(i)
                                   .arg(mine.impurities[i], 0, 'g', 17)
                                   .arg(theirImpurities[i], 0, 'g', 17)));
            }
        };
        if (theirTree) {
            const QJsonObject tr = r.value(QStringLiteral("tree")).toObject();
            const auto column = [&](const char *name) {
                return SklearnReference::toVector(tr.value(QString::fromLatin1(name)));
            };
            const std::vector<double> left = column("left"), right = column("right"),
                                      feature = column("feature"), threshold = column("threshold");
            TreeNodeImpurities imp { column("weight"), column("impurity") };
            DecisionTreeModel tree(3);
            for (std::size_t i = 0; i < left.size(); ++i)
                tree.addNode();
            for (std::size_t i = 0; i < left.size(); ++i)
                if (left[i] >= 0)
                    tree.setSplit(static_cast<int>(i), static_cast<int>(feature[i]), threshold[i],
                        static_cast<int>(left[i]), static_cast<int>(right[i]));
            QVERIFY(tree.nodeCount() > 100);
            comparePaths(costComplexityPath(tree, imp));
            return;
        }

        // The same unpruned tree: node count and the rows' partition into leaves.
        QCOMPARE(whole.tree().nodeCount(), r.value(QStringLiteral("node_count")).toInt());
        const std::vector<double> theirLeaves
            = SklearnReference::toVector(r.value(QStringLiteral("leaves")));
        QCOMPARE(static_cast<Eigen::Index>(theirLeaves.size()), t.X.rows());
        std::map<int, int> oursToTheirs, theirsToOurs;
        for (Eigen::Index i = 0; i < t.X.rows(); ++i) {
            const int ours = whole.tree().leafIndex(t.X.data() + i, t.X.outerStride());
            const int theirs = static_cast<int>(theirLeaves[static_cast<std::size_t>(i)]);
            QCOMPARE(oursToTheirs.emplace(ours, theirs).first->second, theirs);
            QCOMPARE(theirsToOurs.emplace(theirs, ours).first->second, ours);
        }
        // The pruning path.
        comparePaths(path);
        // The pruned trees: node counts and every row's prediction.
        const QJsonArray pruned = r.value(QStringLiteral("pruned")).toArray();
        QCOMPARE(pruned.size(), static_cast<qsizetype>(alphas.size()));
        int previousNodes = whole.tree().nodeCount();
        for (std::size_t a = 0; a < alphas.size(); ++a) {
            const QJsonObject theirs = pruned[static_cast<qsizetype>(a)].toObject();
            DecisionTreeOptions po = o;
            po.ccpAlpha = alphas[a];
            DecisionTree m(task, po);
            QVERIFY(m.fit(t.X, t.y, {}));
            QCOMPARE(m.chosenCcpAlpha(), alphas[a]);
            QCOMPARE(m.tree().nodeCount(), theirs.value(QStringLiteral("node_count")).toInt());
            QVERIFY(m.tree().nodeCount() < previousNodes);
            previousNodes = m.tree().nodeCount();
            int rows = 0, cols = 0;
            const std::vector<double> values
                = SklearnReference::toMatrix(theirs.value(QStringLiteral("values")), &rows, &cols);
            QCOMPARE(static_cast<Eigen::Index>(rows), t.X.rows());
            const Eigen::MatrixXd mine
                = classification ? m.predictProbabilities(t.X) : Eigen::MatrixXd(m.predict(t.X));
            QCOMPARE(static_cast<Eigen::Index>(cols), mine.cols());
            for (int i = 0; i < rows; ++i)
                for (int c = 0; c < cols; ++c)
                    QVERIFY2(std::abs(mine(i, c) - values[static_cast<std::size_t>(i * cols + c)])
                            <= 1e-9 * (1 + std::abs(mine(i, c))),
                        qPrintable(QStringLiteral("alpha %1, row %2").arg(alphas[a]).arg(i)));
        }
    }

    // class_weight = balanced (and none): the same tree as scikit-learn's
    // DecisionTreeClassifier(class_weight=...) on data with a thinned class (depth-limited,
    // so that no two features tie for a split and both libraries grow the same tree): the
    // rows' partition into leaves, the leaves' class distributions and feature_importances_.
    void classWeightedTreeMatchesSklearn_data()
    {
        QTest::addColumn<QString>("classWeight");
        QTest::newRow("balanced") << QStringLiteral("balanced");
        QTest::newRow("none") << QStringLiteral("none");
    }
    void classWeightedTreeMatchesSklearn()
    {
        QFETCH(QString, classWeight);
        const Table all = makeNoisyBoxes(900, 17, 0.15, 250);
        std::vector<Eigen::Index> keep;
        int seen0 = 0;
        for (Eigen::Index i = 0; i < all.y.size(); ++i)
            if (all.y(i) != 0 || seen0++ % 5 == 0)
                keep.push_back(i);
        const Eigen::MatrixXd X = all.X(keep, Eigen::all);
        const Eigen::VectorXd y = all.y(keep);
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.ccpAlpha = 0;
        o.maxDepth = 4;
        o.minSamplesLeaf = 15; // no node small enough for two features to tie
        o.classWeight
            = classWeight == QStringLiteral("balanced") ? ClassWeight::Balanced : ClassWeight::None;
        DecisionTree tree(EstimatorTask::Classification, o);
        QVERIFY(tree.fit(X, y, {}));
        const FeatureImportances imp = tree.featureImportances();
        QCOMPARE(imp.values.rows(), X.cols());
        QVERIFY(std::abs(imp.values.sum() - 1.0) < 1e-12);
        // The weights change the tree's class distributions.
        DecisionTreeOptions other = o;
        other.classWeight
            = o.classWeight == ClassWeight::None ? ClassWeight::Balanced : ClassWeight::None;
        DecisionTree otherTree(EstimatorTask::Classification, other);
        QVERIFY(otherTree.fit(X, y, {}));
        QVERIFY(
            (tree.predictProbabilities(X) - otherTree.predictProbabilities(X)).cwiseAbs().maxCoeff()
            > 0.05);
        // Round trip: the option and the importances.
        DecisionTree back;
        back.restore(tree.state());
        QCOMPARE(int(back.options().classWeight), int(o.classWeight));
        QVERIFY(sameBits(back.featureImportances().values, imp.values));

        if (!m_skip.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + m_skip);
        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = X;
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rm.data(), rm.rows(), rm.cols()));
        QVERIFY(ref.writeMatrix(QStringLiteral("y.csv"), y.data(), y.size(), 1));
        QFile opts(ref.path(QStringLiteral("opts.json")));
        QVERIFY(opts.open(QIODevice::WriteOnly));
        opts.write(QJsonDocument(QJsonObject { { QStringLiteral("class_weight"), classWeight },
                                     { QStringLiteral("max_depth"), o.maxDepth },
                                     { QStringLiteral("min_samples_leaf"), o.minSamplesLeaf } })
                       .toJson());
        opts.close();
        QString error;
        const QJsonObject r = ref.run(QString::fromLatin1(kWeightedTreeScript), &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        QCOMPARE(tree.tree().nodeCount(), r.value(QStringLiteral("node_count")).toInt());
        const std::vector<double> theirLeaves
            = SklearnReference::toVector(r.value(QStringLiteral("leaves")));
        QCOMPARE(static_cast<Eigen::Index>(theirLeaves.size()), X.rows());
        std::map<int, int> oursToTheirs, theirsToOurs;
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            const int ours = tree.tree().leafIndex(X.data() + i, X.outerStride());
            const int theirs = static_cast<int>(theirLeaves[static_cast<std::size_t>(i)]);
            QCOMPARE(oursToTheirs.emplace(ours, theirs).first->second, theirs);
            QCOMPARE(theirsToOurs.emplace(theirs, ours).first->second, ours);
        }
        int rows = 0, cols = 0;
        const std::vector<double> proba
            = SklearnReference::toMatrix(r.value(QStringLiteral("proba")), &rows, &cols);
        const Eigen::MatrixXd mine = tree.predictProbabilities(X);
        QCOMPARE(static_cast<Eigen::Index>(rows), X.rows());
        QCOMPARE(static_cast<Eigen::Index>(cols), mine.cols());
        for (int i = 0; i < rows; ++i)
            for (int c = 0; c < cols; ++c)
                QVERIFY2(
                    std::abs(mine(i, c) - proba[static_cast<std::size_t>(i * cols + c)]) <= 1e-9,
                    qPrintable(QStringLiteral("row %1 class %2").arg(i).arg(c)));
        const std::vector<double> theirImp
            = SklearnReference::toVector(r.value(QStringLiteral("importances")));
        QCOMPARE(static_cast<Eigen::Index>(theirImp.size()), X.cols());
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            QVERIFY2(std::abs(imp.values(j, 0) - theirImp[static_cast<std::size_t>(j)]) <= 1e-9,
                qPrintable(QStringLiteral("feature %1: ours %2, scikit-learn %3")
                               .arg(j)
                               .arg(imp.values(j, 0), 0, 'g', 17)
                               .arg(theirImp[static_cast<std::size_t>(j)], 0, 'g', 17)));
    }

    // The ensembles' importances: normalised, the informative features (x0, x1) above the
    // noise feature x2; class weights change the model; both survive a round trip, and a
    // state written before importances existed loads without them.
    void ensembleImportancesAndClassWeights_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("random_forest") << QStringLiteral("random_forest");
        QTest::newRow("gradient_boosting") << QStringLiteral("gradient_boosting");
    }
    void ensembleImportancesAndClassWeights()
    {
        QFETCH(QString, kind);
        const Table all = makeNoisyBoxes(1200, 23, 0.1);
        std::vector<Eigen::Index> keep;
        int seen0 = 0;
        for (Eigen::Index i = 0; i < all.y.size(); ++i)
            if (all.y(i) != 0 || seen0++ % 6 == 0)
                keep.push_back(i);
        const Eigen::MatrixXd X = all.X(keep, Eigen::all);
        const Eigen::VectorXd y = all.y(keep);
        const auto make = [&](ClassWeight cw) -> std::unique_ptr<Estimator> {
            if (kind == QStringLiteral("random_forest")) {
                RandomForestOptions o;
                o.nTrees = 30;
                o.classWeight = cw;
                return std::make_unique<RandomForest>(EstimatorTask::Classification, o);
            }
            GradientBoostingOptions o;
            o.maxIter = 30;
            o.classWeight = cw;
            o.earlyStopping = GradientBoostingOptions::EarlyStopping::Enabled;
            o.nIterNoChange = 1000; // all 30 iterations, on the stratified split
            return std::make_unique<GradientBoosting>(EstimatorTask::Classification, o);
        };
        std::unique_ptr<Estimator> plain = make(ClassWeight::None);
        std::unique_ptr<Estimator> weighted = make(ClassWeight::Balanced);
        QVERIFY(plain->fit(X, y, {}));
        QVERIFY(weighted->fit(X, y, {}));
        for (const Estimator *m : { plain.get(), weighted.get() }) {
            const FeatureImportances imp = m->featureImportances();
            QCOMPARE(imp.values.rows(), Eigen::Index(3));
            QVERIFY(std::abs(imp.values.sum() - 1.0) < 1e-12);
            QVERIFY2(imp.values(0, 0) > imp.values(2, 0) && imp.values(1, 0) > 3 * imp.values(2, 0),
                qPrintable(QStringLiteral("%1 %2 %3")
                               .arg(imp.values(0, 0))
                               .arg(imp.values(1, 0))
                               .arg(imp.values(2, 0))));
        }
        // Balanced weights raise the thinned class's probabilities on its own rows.
        double plainP = 0, weightedP = 0;
        const Eigen::MatrixXd pp = plain->predictProbabilities(X),
                              wp = weighted->predictProbabilities(X);
        for (Eigen::Index i = 0; i < y.size(); ++i)
            if (y(i) == 0) {
                plainP += pp(i, 0);
                weightedP += wp(i, 0);
            }
        QVERIFY2(
            weightedP > plainP, qPrintable(QStringLiteral("%1 vs %2").arg(weightedP).arg(plainP)));
        const std::unique_ptr<Estimator> back
            = makeModel(kind.toStdString(), EstimatorTask::Classification);
        back->restore(weighted->state());
        QVERIFY(back->state() == weighted->state());
        QVERIFY(sameBits(back->predictProbabilities(X), wp));
        QVERIFY(sameBits(back->featureImportances().values, weighted->featureImportances().values));
        ModelState old = weighted->state();
        old.texts.erase("class_weight");
        old.arrays.erase("feature_importances");
        const std::unique_ptr<Estimator> oldBack
            = makeModel(kind.toStdString(), EstimatorTask::Classification);
        oldBack->restore(old);
        QVERIFY(oldBack->featureImportances().empty());
        QVERIFY(sameBits(oldBack->predictProbabilities(X), wp));
    }

    // Pruning with the path's last alpha (or more) leaves the root alone; just below it (on
    // this data, where the root is the last internal node left) the root and two leaves.
    void largestAlphaLeavesTheRoot()
    {
        const Table t = makeNoisyBoxes(500, 31, 0.2);
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        DecisionTree whole(EstimatorTask::Classification, o);
        const CostComplexityPath path = whole.pruningPath(t.X, t.y);
        QVERIFY(path.alphas.size() > 2);
        const double last = path.alphas.back();
        QVERIFY(path.alphas[path.alphas.size() - 2] < last);
        o.ccpAlpha = last;
        DecisionTree root(EstimatorTask::Classification, o);
        QVERIFY(root.fit(t.X, t.y, {}));
        QCOMPARE(root.tree().nodeCount(), 1);
        o.ccpAlpha = std::nextafter(last, 0.0);
        DecisionTree stump(EstimatorTask::Classification, o);
        QVERIFY(stump.fit(t.X, t.y, {}));
        QCOMPARE(stump.tree().nodeCount(), 3);
    }

    // ccp_alpha = auto (the default): deterministic for a seed, and on noisy data a smaller
    // tree that predicts held-out rows better than the unpruned one.
    void autoPruningGeneralises_data()
    {
        QTest::addColumn<bool>("classification");
        QTest::newRow("classification") << true;
        QTest::newRow("regression") << false;
    }
    void autoPruningGeneralises()
    {
        QFETCH(bool, classification);
        const EstimatorTask task
            = classification ? EstimatorTask::Classification : EstimatorTask::Regression;
        const Table train
            = classification ? makeNoisyBoxes(3000, 21, 0.3) : makeNoisySteps(3000, 21, 1.5);
        const Table test
            = classification ? makeNoisyBoxes(5000, 22, 0.3) : makeNoisySteps(5000, 22, 1.5);
        DecisionTree pruned(task);
        QVERIFY(pruned.options().autoCcpAlpha);
        QVERIFY(pruned.fit(train.X, train.y, {}));
        auto whole = unprunedTree(task);
        QVERIFY(whole->fit(train.X, train.y, {}));
        const DecisionTreeModel &full = static_cast<DecisionTree &>(*whole).tree();
        QVERIFY(pruned.chosenCcpAlpha() > 0);
        QVERIFY(pruned.tree().leafCount() < full.leafCount());
        const double mine = score(pruned, test.X, test.y);
        const double unpruned = score(*whole, test.X, test.y);
        qInfo("auto ccp_alpha %.3g: %d leaves, held-out %s %.4f; unpruned %d leaves, %.4f",
            pruned.chosenCcpAlpha(), pruned.tree().leafCount(), classification ? "accuracy" : "R^2",
            mine, full.leafCount(), unpruned);
        QVERIFY(mine > unpruned);
        // The pruned tree is the full tree pruned with the chosen alpha.
        DecisionTreeOptions fixed;
        fixed.autoCcpAlpha = false;
        fixed.ccpAlpha = pruned.chosenCcpAlpha();
        DecisionTree same(task, fixed);
        QVERIFY(same.fit(train.X, train.y, {}));
        QCOMPARE(same.tree().nodeCount(), pruned.tree().nodeCount());
        QVERIFY(sameBits(same.predict(test.X), pruned.predict(test.X)));
        // Deterministic: the same seed gives the same alpha and tree, whatever the threads
        // (the pruning folds' trees grow one per thread, 5 folds over 1 or 3 threads).
        for (int threads : { 1, 3 }) {
            FitContext context;
            context.threads = threads;
            DecisionTree again(task);
            QVERIFY(again.fit(train.X, train.y, context));
            QCOMPARE(again.chosenCcpAlpha(), pruned.chosenCcpAlpha());
            QVERIFY(again.state() == pruned.state());
        }
        QCOMPARE(pruned.state().number("ccp_alpha_chosen"), pruned.chosenCcpAlpha());
    }

    // C4.5's gain ratio on a known answer: feature 0 isolates 10 rows of class 1 (gain
    // 0.108 bits, split information 0.469, ratio 0.230), feature 1 splits the rows in halves
    // of 70% / 30% (gain 0.119, ratio 0.119), feature 2 is nearly useless (gain 0.001) and
    // pulls the average gain (0.076) below feature 0's. Information gain (entropy) picks
    // feature 1 at the root, the gain ratio feature 0.
    // Categorical splits (DecisionTreeOptions::categoricalSplits): a one-hot block of
    // FitContext::featureBlocks splits into two subsets of categories in one node.
    void categoricalSplitGroupsCategories()
    {
        // Column 0 numeric noise, columns 1..5 one categorical column a..e; the class is
        // "a or c", a missing cell (all zeros) is class 0.
        const int n = 300;
        Eigen::MatrixXd X = Eigen::MatrixXd::Zero(n, 6);
        Eigen::VectorXd y(n);
        std::mt19937 rng(7);
        for (int i = 0; i < n; ++i) {
            X(i, 0) = std::uniform_real_distribution<double>(0, 1)(rng);
            const int c = i % 6; // 5: missing
            if (c < 5)
                X(i, 1 + c) = 1;
            y(i) = c == 0 || c == 2 ? 1 : 0;
        }
        FitContext ctx;
        ctx.featureBlocks = { { 0, 1, false }, { 1, 5, true } };
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        DecisionTree tree(EstimatorTask::Classification, o);
        QVERIFY(tree.fit(X, y, ctx));
        const DecisionTreeModel &t = tree.tree();
        QVERIFY(t.hasCategoricalSplits());
        QCOMPARE(t.leafCount(), 2); // one split: {a, c} against {b, d, e, missing}
        QCOMPARE(t.feature(0), 1);
        QCOMPARE(t.categoryWidth(0), 5);
        const bool aLeft = t.categoryGoesLeft(0, 0);
        for (int c = 0; c <= 5; ++c)
            QCOMPARE(t.categoryGoesLeft(0, c), (c == 0 || c == 2) == aLeft);
        QCOMPARE((tree.predict(X) - y).cwiseAbs().sum(), 0.0);
        // One indicator at a time needs more splits; without blocks the same.
        o.categoricalSplits = false;
        DecisionTree oneHot(EstimatorTask::Classification, o);
        QVERIFY(oneHot.fit(X, y, ctx));
        QVERIFY(!oneHot.tree().hasCategoricalSplits());
        QVERIFY(oneHot.tree().leafCount() >= 3);
        DecisionTree noBlocks(EstimatorTask::Classification, DecisionTreeOptions {});
        QVERIFY(noBlocks.fit(X, y, {}));
        QVERIFY(!noBlocks.tree().hasCategoricalSplits());
        // A block that is not 0/1 (scaled columns) is numeric.
        Eigen::MatrixXd scaled = X;
        scaled.rightCols(5) *= 2.0;
        DecisionTree notOneHot(EstimatorTask::Classification, DecisionTreeOptions {});
        QVERIFY(notOneHot.fit(scaled, y, ctx));
        QVERIFY(!notOneHot.tree().hasCategoricalSplits());

        // Importances: the block's columns share the split, numeric noise gets nothing.
        const FeatureImportances imp = tree.featureImportances();
        QCOMPARE(imp.values(0), 0.0);
        for (int j = 1; j <= 5; ++j)
            QVERIFY(std::abs(imp.values(j) - 0.2) < 1e-12);

        // The state: version 3 with the category arrays; round trip; corruptions refused.
        const ModelState s = tree.state();
        QCOMPARE(s.version, 3);
        QVERIFY(s.has("tree_category_width") && s.has("tree_category_left"));
        QCOMPARE(s.number("categorical_splits"), 1.0);
        DecisionTree back;
        back.restore(s);
        QVERIFY(back.state() == s);
        QCOMPARE(back.predictProbabilities(X), tree.predictProbabilities(X));
        QCOMPARE(back.options().categoricalSplits, true);
        const std::vector<std::pair<const char *, std::function<void(ModelState &)>>> edits = {
            { "flag not 0/1", [](ModelState &m) { m.arrays["tree_category_left"].values[0] = 2; } },
            { "flags short",
                [](ModelState &m) {
                    auto &a = m.arrays["tree_category_left"];
                    a.values.pop_back();
                    a.shape[0] -= 1;
                } },
            { "flags long",
                [](ModelState &m) {
                    auto &a = m.arrays["tree_category_left"];
                    a.values.push_back(0);
                    a.shape[0] += 1;
                } },
            { "block past the features",
                [](ModelState &m) { m.arrays["tree_category_width"].values[0] = 6; } },
            { "width 1", [](ModelState &m) { m.arrays["tree_category_width"].values[0] = 1; } },
            { "leaf with categories",
                [](ModelState &m) { m.arrays["tree_category_width"].values[1] = 5; } },
            { "widths missing", [](ModelState &m) { m.arrays.erase("tree_category_width"); } },
        };
        for (auto &[name, edit] : edits) {
            ModelState bad = s;
            edit(bad);
            DecisionTree target;
            QVERIFY2(throwsStateError([&] { target.restore(bad); }), name);
        }
        // A tree without categorical splits stays version 2 (older readers load it).
        QCOMPARE(oneHot.state().version, 2);
        QVERIFY(!oneHot.state().has("tree_category_width"));
    }

    // The subset a node takes is the best of all bipartitions of its categories: by
    // ordering for two classes and for regression (Breiman et al. 1984, Fisher 1958), by
    // trying every subset for three classes; checked against a brute force here.
    void categoricalSplitIsTheBestSubset_data()
    {
        QTest::addColumn<int>("categories");
        QTest::addColumn<int>("classes"); // 0: regression
        QTest::newRow("2 classes, 12 categories") << 12 << 2;
        QTest::newRow("3 classes, 8 categories") << 8 << 3;
        QTest::newRow("regression, 12 categories") << 12 << 0;
    }
    void categoricalSplitIsTheBestSubset()
    {
        QFETCH(int, categories);
        QFETCH(int, classes);
        const int n = 600, w = categories;
        std::mt19937 rng(11);
        std::vector<std::vector<double>> p(static_cast<std::size_t>(w + 1));
        for (auto &pc : p) {
            for (int k = 0; k < std::max(classes, 1); ++k)
                pc.push_back(std::uniform_real_distribution<double>(0.05, 1)(rng));
        }
        Eigen::MatrixXd X = Eigen::MatrixXd::Zero(n, w);
        Eigen::VectorXd y(n);
        std::vector<int> cat(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const int c = std::uniform_int_distribution<int>(0, w)(rng); // w: missing
            cat[static_cast<std::size_t>(i)] = c;
            if (c < w)
                X(i, c) = 1;
            const auto &pc = p[static_cast<std::size_t>(c)];
            if (classes == 0)
                y(i) = pc[0] * 10 + std::normal_distribution<double>(0, 1)(rng);
            else
                y(i) = std::discrete_distribution<int>(pc.begin(), pc.end())(rng);
        }
        // The impurity decrease of a bipartition (set: the categories going left).
        const auto decrease = [&](const std::vector<char> &left) {
            const int K = std::max(classes, 1);
            std::vector<double> sl(static_cast<std::size_t>(K + 2), 0.0), sr(sl.size(), 0.0);
            for (int i = 0; i < n; ++i) {
                auto &s
                    = left[static_cast<std::size_t>(cat[static_cast<std::size_t>(i)])] ? sl : sr;
                if (classes == 0) {
                    s[0] += 1;
                    s[1] += y(i);
                } else {
                    s[static_cast<std::size_t>(y(i))] += 1;
                }
            }
            const auto score = [&](const std::vector<double> &s) {
                if (classes == 0)
                    return s[0] > 0 ? s[1] * s[1] / s[0] : 0.0;
                double total = 0, sq = 0;
                for (int k = 0; k < K; ++k) {
                    total += s[static_cast<std::size_t>(k)];
                    sq += s[static_cast<std::size_t>(k)] * s[static_cast<std::size_t>(k)];
                }
                return total > 0 ? sq / total : 0.0;
            };
            return score(sl) + score(sr);
        };
        double best = -1;
        std::vector<char> left(static_cast<std::size_t>(w + 1), 0);
        for (std::uint32_t set = 1; set < (std::uint32_t(1) << w); ++set) {
            for (int c = 0; c <= w; ++c)
                left[static_cast<std::size_t>(c)] = c < w && (set >> c & 1u);
            best = std::max(best, decrease(left));
        }
        FitContext ctx;
        ctx.featureBlocks = { { 0, w, true } };
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.maxDepth = 1;
        DecisionTree tree(classes ? EstimatorTask::Classification : EstimatorTask::Regression, o);
        QVERIFY(tree.fit(X, y, ctx));
        const DecisionTreeModel &t = tree.tree();
        QCOMPARE(t.categoryWidth(0), w);
        for (int c = 0; c <= w; ++c)
            left[static_cast<std::size_t>(c)] = t.categoryGoesLeft(0, c);
        const double got = decrease(left);
        QVERIFY2(std::abs(got - best) <= 1e-9 * std::abs(best),
            qPrintable(
                QStringLiteral("tree %1, best %2").arg(got, 0, 'g', 17).arg(best, 0, 'g', 17)));
        // And one-hot splits (one category against the rest) do worse here.
        o.categoricalSplits = false;
        DecisionTree oneHot(classes ? EstimatorTask::Classification : EstimatorTask::Regression, o);
        QVERIFY(oneHot.fit(X, y, ctx));
        const int f = oneHot.tree().feature(0);
        for (int c = 0; c <= w; ++c)
            left[static_cast<std::size_t>(c)] = c != f;
        QVERIFY(decrease(left) < got);
    }

    void gainRatioPicksC45sSplit()
    {
        Eigen::MatrixXd X(100, 3);
        Eigen::VectorXd y(100);
        for (int i = 0; i < 100; ++i) {
            const bool one = i < 50; // rows 0..49 class 1, 50..99 class 0
            y(i) = one ? 1 : 0;
            X(i, 0) = i < 10 ? 0 : 1;
            X(i, 1) = (one && i < 35) || (!one && i < 65) ? 0 : 1;
            X(i, 2) = (one && i >= 24) || (!one && i >= 76) ? 0 : 1;
        }
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.criterion = SplitCriterion::Entropy;
        DecisionTree entropy(EstimatorTask::Classification, o);
        QVERIFY(entropy.fit(X, y, {}));
        QCOMPARE(entropy.tree().feature(0), 1);
        o.criterion = SplitCriterion::GainRatio;
        DecisionTree ratio(EstimatorTask::Classification, o);
        QVERIFY(ratio.fit(X, y, {}));
        QCOMPARE(ratio.tree().feature(0), 0);
        QCOMPARE(ratio.tree().threshold(0), 0.5);
        // The left child is the 10 pure rows.
        QCOMPARE(ratio.tree().values(ratio.tree().left(0))[1], 1.0);
        // State: entropy criterion with gain_ratio 1, restored as the gain ratio.
        const ModelState s = ratio.state();
        QCOMPARE(s.number("gain_ratio"), 1.0);
        DecisionTree back;
        back.restore(s);
        QVERIFY(back.options().criterion == SplitCriterion::GainRatio);
        QVERIFY(back.state() == s);
        // On a real dataset it learns (and pruning works with it).
        const Table t = loadCsv(QStringLiteral("breast_cancer"), true);
        DecisionTreeOptions po;
        po.criterion = SplitCriterion::GainRatio;
        DecisionTree pruned(EstimatorTask::Classification, po);
        QVERIFY(pruned.fit(t.X, t.y, {}));
        QVERIFY(accuracy(pruned, t) > 0.9);
        // The learner offers it.
        const Learner *learner = LearnerRegistry::byKind(DecisionTree::kKind);
        QVariantMap p;
        for (const ParameterSpec &spec : learner->parameters)
            p.insert(spec.name, spec.defaultValue);
        p.insert(QStringLiteral("task"), QStringLiteral("classification"));
        p.insert(QStringLiteral("criterion"), QStringLiteral("gain_ratio"));
        const std::unique_ptr<Estimator> e = learner->create(p);
        QVERIFY(
            static_cast<const DecisionTree &>(*e).options().criterion == SplitCriterion::GainRatio);
    }

    // The learner's ccp_alpha parameter: auto, a number, and refusals naming it.
    void ccpAlphaParameterIsChecked()
    {
        const Learner *learner = LearnerRegistry::byKind(DecisionTree::kKind);
        QVERIFY(learner);
        QVariantMap p;
        for (const ParameterSpec &spec : learner->parameters)
            p.insert(spec.name, spec.defaultValue);
        p.insert(QStringLiteral("task"), QStringLiteral("classification"));
        QCOMPARE(p.value(QStringLiteral("ccp_alpha")).toString(), QStringLiteral("auto"));
        const auto options = [&](const QVariantMap &values) {
            const std::unique_ptr<Estimator> e = learner->create(values);
            return static_cast<const DecisionTree &>(*e).options();
        };
        QVERIFY(options(p).autoCcpAlpha);
        p.insert(QStringLiteral("ccp_alpha"), QStringLiteral("0.015"));
        QVERIFY(!options(p).autoCcpAlpha);
        QCOMPARE(options(p).ccpAlpha, 0.015);
        p.insert(QStringLiteral("ccp_alpha"), QStringLiteral("0"));
        QCOMPARE(options(p).ccpAlpha, 0.0);
        for (const char *bad : { "-1", "abc", "", "nan", "inf" }) {
            p.insert(QStringLiteral("ccp_alpha"), QString::fromLatin1(bad));
            try {
                learner->create(p);
                QFAIL(qPrintable(QStringLiteral("ccp_alpha '%1' accepted").arg(bad)));
            } catch (const NodeError &e) {
                QVERIFY2(
                    e.message().contains(QStringLiteral("ccp_alpha")), qPrintable(e.message()));
            }
        }
        // The estimator refuses a negative alpha too.
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.ccpAlpha = -1;
        DecisionTree m(EstimatorTask::Classification, o);
        const Table t = loadCsv(QStringLiteral("iris"), true);
        QVERIFY_THROWS_EXCEPTION(FitError, m.fit(t.X, t.y, {}));
    }

    // A state written before pruning existed (version 1, no ccp fields) still loads: the
    // same tree, no pruning in its options.
    void unprunedStateOfVersionOneLoads()
    {
        const Table t = loadCsv(QStringLiteral("wine"), true);
        auto m = unprunedTree(EstimatorTask::Classification);
        QVERIFY(m->fit(t.X, t.y, {}));
        ModelState old = m->state();
        old.version = 1;
        for (const char *field : { "ccp_auto", "ccp_alpha", "ccp_folds", "ccp_alpha_chosen" })
            old.numbers.erase(field);
        DecisionTree r;
        r.restore(old);
        QVERIFY(r.isFitted());
        QVERIFY(!r.options().autoCcpAlpha);
        QCOMPARE(r.options().ccpAlpha, 0.0);
        QVERIFY(sameBits(r.predictProbabilities(t.X), m->predictProbabilities(t.X)));
        // A version 2 state without its ccp fields is refused.
        ModelState missing = m->state();
        missing.numbers.erase("ccp_auto");
        QVERIFY(throwsStateError([&] { r.restore(missing); }));
        ModelState negative = m->state();
        negative.numbers["ccp_alpha"] = -0.5;
        QVERIFY(throwsStateError([&] { r.restore(negative); }));
    }

    void roundTripIsExact_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("classification");
        for (const char *k : { "decision_tree", "random_forest", "gradient_boosting" }) {
            QTest::newRow((std::string(k) + "/wine").c_str()) << QString::fromLatin1(k) << true;
            QTest::newRow((std::string(k) + "/diabetes").c_str())
                << QString::fromLatin1(k) << false;
        }
    }
    void roundTripIsExact()
    {
        QFETCH(QString, kind);
        QFETCH(bool, classification);
        const Table t = loadCsv(
            classification ? QStringLiteral("wine") : QStringLiteral("diabetes"), classification);
        const EstimatorTask task
            = classification ? EstimatorTask::Classification : EstimatorTask::Regression;
        auto m = makeModel(kind.toStdString(), task);
        QVERIFY(m->fit(t.X, t.y, {}));
        const ModelState s = m->state();
        QCOMPARE(QString::fromStdString(s.kind), kind);
        auto r = makeModel(kind.toStdString(),
            classification ? EstimatorTask::Regression : EstimatorTask::Classification);
        r->restore(s);
        QCOMPARE(r->task(), task);
        QVERIFY(r->isFitted());
        QCOMPARE(r->featureCount(), m->featureCount());
        QVERIFY(r->state() == s);
        QVERIFY(sameBits(r->predict(t.X), m->predict(t.X)));
        if (classification)
            QVERIFY(sameBits(r->predictProbabilities(t.X), m->predictProbabilities(t.X)));
        // An unfitted model's state restores to an unfitted model with the same options.
        auto clone = m->cloneUnfitted();
        QVERIFY(!clone->isFitted());
        auto r2 = makeModel(kind.toStdString(), task);
        r2->restore(clone->state());
        QVERIFY(!r2->isFitted());
        QVERIFY(r2->state() == clone->state());
    }

    void corruptedStateIsRefused_data() { separableClassesAreLearnt_data(); }
    void corruptedStateIsRefused()
    {
        QFETCH(QString, kind);
        const Table t = loadCsv(QStringLiteral("iris"), true);
        auto m = makeModel(kind.toStdString(), EstimatorTask::Classification);
        QVERIFY(m->fit(t.X, t.y, {}));
        const ModelState good = m->state();
        auto fresh = makeModel(kind.toStdString(), EstimatorTask::Classification);
        fresh->restore(good); // sanity: the untouched state restores

        std::vector<std::pair<const char *, std::function<void(ModelState &)>>> edits = {
            { "wrong kind", [](ModelState &s) { s.kind = "pca"; } },
            { "future version", [](ModelState &s) { s.version = 99; } },
            { "missing trees", [](ModelState &s) { s.arrays.erase("tree_left"); } },
            { "child before parent", [](ModelState &s) { s.arrays["tree_left"].values[0] = 0; } },
            { "child out of range", [](ModelState &s) { s.arrays["tree_right"].values[0] = 1e6; } },
            { "one child only",
                [](ModelState &s) {
                    auto &l = s.arrays["tree_left"].values;
                    for (std::size_t i = 0; i < l.size(); ++i)
                        if (l[i] >= 0) {
                            s.arrays["tree_right"].values[i] = -1;
                            break;
                        }
                } },
            { "feature out of range",
                [](ModelState &s) { s.arrays["tree_feature"].values[0] = 4; } },
            { "non-integer feature",
                [](ModelState &s) { s.arrays["tree_feature"].values[0] = 0.5; } },
            { "NaN threshold",
                [](ModelState &s) { s.arrays["tree_threshold"].values[0] = std::nan(""); } },
            { "infinite value",
                [](ModelState &s) { s.arrays["tree_values"].values[0] = INFINITY; } },
            { "node counts disagree",
                [](ModelState &s) { s.arrays["tree_node_counts"].values[0] += 1; } },
            { "values shape", [](ModelState &s) { s.arrays["tree_values"].shape[1] += 1; } },
            { "class count", [](ModelState &s) { s.numbers["class_count"] = 5; } },
            { "negative feature count", [](ModelState &s) { s.numbers["feature_count"] = -1; } },
            { "bad seed", [](ModelState &s) { s.texts["seed"] = "-3x"; } },
            { "missing option", [](ModelState &s) { s.numbers.erase("max_depth"); } },
            { "task", [](ModelState &s) { s.numbers["task"] = 2; } },
        };
        for (auto &[name, edit] : edits) {
            ModelState bad = good;
            edit(bad);
            auto target = makeModel(kind.toStdString(), EstimatorTask::Classification);
            QVERIFY2(throwsStateError([&] { target->restore(bad); }), name);
        }
    }

    void fitsAreDeterministic_data() { separableClassesAreLearnt_data(); }
    void fitsAreDeterministic()
    {
        QFETCH(QString, kind);
        const Table t = loadCsv(QStringLiteral("breast_cancer"), true);
        FitContext one, two;
        one.threads = 1;
        two.threads = 2;
        auto a = makeModel(kind.toStdString(), EstimatorTask::Classification);
        auto b = makeModel(kind.toStdString(), EstimatorTask::Classification);
        auto c = makeModel(kind.toStdString(), EstimatorTask::Classification);
        QVERIFY(a->fit(t.X, t.y, two));
        QVERIFY(b->fit(t.X, t.y, two));
        QVERIFY(c->fit(t.X, t.y, one));
        QVERIFY(a->state() == b->state());
        QVERIFY(a->state() == c->state());
        QVERIFY(sameBits(a->predictProbabilities(t.X), c->predictProbabilities(t.X)));
    }

    void seedChangesTheForest()
    {
        const Table t = loadCsv(QStringLiteral("wine"), true);
        RandomForestOptions o;
        o.nTrees = 10;
        RandomForest a(EstimatorTask::Classification, o);
        o.seed = 7;
        RandomForest b(EstimatorTask::Classification, o);
        QVERIFY(a.fit(t.X, t.y, {}));
        QVERIFY(b.fit(t.X, t.y, {}));
        QVERIFY(!sameBits(a.predictProbabilities(t.X), b.predictProbabilities(t.X)));
    }

    void invalidInputThrows_data() { separableClassesAreLearnt_data(); }
    void invalidInputThrows()
    {
        QFETCH(QString, kind);
        const Table t = loadCsv(QStringLiteral("iris"), true);
        auto m = makeModel(kind.toStdString(), EstimatorTask::Classification);
        Eigen::MatrixXd X = t.X;
        X(3, 1) = std::nan("");
        QVERIFY_THROWS_EXCEPTION(FitError, m->fit(X, t.y, {}));
        QVERIFY_THROWS_EXCEPTION(FitError, m->fit(t.X, t.y.head(10), {}));
        QVERIFY_THROWS_EXCEPTION(FitError, m->fit(t.X, Eigen::VectorXd::Zero(t.X.rows()), {}));
        Eigen::VectorXd y = t.y;
        y(0) = 0.5;
        QVERIFY_THROWS_EXCEPTION(FitError, m->fit(t.X, y, {}));
        QVERIFY(!m->isFitted());
        QVERIFY(m->fit(t.X, t.y, {}));
        QVERIFY_THROWS_EXCEPTION(FitError, m->predict(t.X.leftCols(2)));
    }

    void reportsAndStops()
    {
        const Table t = loadCsv(QStringLiteral("breast_cancer"), true);
        // Forest: one report per tree; stopping after 7 keeps 7 trees.
        std::vector<EpochReport> reports;
        FitContext ctx;
        ctx.onEpoch = [&](const EpochReport &r) {
            reports.push_back(r);
            return r.epoch == 7;
        };
        RandomForest forest;
        QVERIFY(forest.fit(t.X, t.y, ctx));
        QCOMPARE(static_cast<int>(forest.trees().size()), 7);
        QCOMPARE(static_cast<int>(reports.size()), 7);
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(reports[static_cast<std::size_t>(i)].epoch, i + 1);
            QCOMPARE(reports[static_cast<std::size_t>(i)].totalEpochs, 100);
        }
        // Boosting with early stopping: train and validation loss every iteration, the
        // training loss falling, and an early stop on data it fits quickly.
        reports.clear();
        ctx.onEpoch = [&](const EpochReport &r) {
            reports.push_back(r);
            return false;
        };
        GradientBoostingOptions o;
        o.earlyStopping = GradientBoostingOptions::EarlyStopping::Enabled;
        o.maxIter = 500;
        GradientBoosting gb(EstimatorTask::Classification, o);
        QVERIFY(gb.fit(t.X, t.y, ctx));
        QVERIFY(!reports.empty());
        QVERIFY(static_cast<int>(reports.size()) < 500);
        QCOMPARE(gb.iterationCount(), static_cast<int>(reports.size()));
        for (const EpochReport &r : reports) {
            QVERIFY(std::isfinite(r.trainLoss));
            QVERIFY(std::isfinite(r.validationLoss));
            QCOMPARE(r.metricName, std::string("accuracy"));
        }
        QVERIFY(reports.back().trainLoss < reports.front().trainLoss);
        // Multiclass: K trees per iteration.
        const Table iris = loadCsv(QStringLiteral("iris"), true);
        GradientBoostingOptions o3;
        o3.maxIter = 5;
        GradientBoosting gb3(EstimatorTask::Classification, o3);
        QVERIFY(gb3.fit(iris.X, iris.y, {}));
        QCOMPARE(gb3.treesPerIteration(), 3);
        QCOMPARE(static_cast<int>(gb3.trees().size()), 15);
    }

    // A table of a few dozen rows still gets splits with the default leaf size (20, capped
    // at a quarter of the rows): 24 rows split at x = 0 are learnt, not predicted by class
    // shares. From 80 rows on the leaf size is the option as given.
    void boostingSplitsSmallTables()
    {
        const Table t = makeBoxes(24, 3, 0.1);
        GradientBoosting gb(EstimatorTask::Classification, GradientBoostingOptions {});
        QVERIFY(gb.fit(t.X, t.y, {}));
        QVERIFY2(score(gb, t.X, t.y) > 0.9, qPrintable(QString::number(score(gb, t.X, t.y))));
        QVERIFY(gb.trees().front().nodeCount() > 1);
        // 80 rows and more: the same model as before the cap (leaves of 20 rows at least).
        const Table big = makeBoxes(400, 4, 0.0);
        GradientBoostingOptions o;
        o.maxIter = 3;
        GradientBoosting capped(EstimatorTask::Classification, o);
        QVERIFY(capped.fit(big.X, big.y, {}));
        for (const DecisionTreeModel &tree : capped.trees()) {
            std::map<int, int> rowsPerLeaf;
            for (Eigen::Index i = 0; i < big.X.rows(); ++i)
                ++rowsPerLeaf[tree.leafIndex(&big.X(i, 0), big.X.rows())];
            QVERIFY(rowsPerLeaf.size() > 1);
            for (const auto &[leaf, rows] : rowsPerLeaf)
                QVERIFY2(
                    rows >= 20, qPrintable(QStringLiteral("leaf %1: %2 rows").arg(leaf).arg(rows)));
        }
    }

    void cancelReturnsPromptly_data() { separableClassesAreLearnt_data(); }
    void cancelReturnsPromptly()
    {
        QFETCH(QString, kind);
        const Table t = makeBoxes(20000, 5, 0.0);
        std::atomic<bool> cancel { true };
        FitContext ctx;
        ctx.cancel = &cancel;
        auto m = makeModel(kind.toStdString(), EstimatorTask::Classification);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!m->fit(t.X, t.y, ctx));
        QVERIFY(!m->isFitted());
        QVERIFY(timer.elapsed() < 2000);
        if (kind == QStringLiteral("decision_tree"))
            return;
        // Cancelled after the first report: the model reached so far is kept, well short of
        // the full ensemble.
        cancel = false;
        int reports = 0;
        ctx.onEpoch = [&](const EpochReport &) {
            ++reports;
            cancel = true;
            return false;
        };
        QVERIFY(m->fit(t.X, t.y, ctx));
        QCOMPARE(reports, 1);
        const ModelState s = m->state();
        QVERIFY(s.arrays.at("tree_node_counts").values.size() < 10);
    }
};

QTEST_GUILESS_MAIN(TestTrees)
#include "tst_trees.moc"
