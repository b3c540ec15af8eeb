// Tree learners: DecisionTree, RandomForest, GradientBoosting (and FeatureBinner /
// DecisionTreeModel). Known answers, scikit-learn comparisons on the bundled datasets with
// the same train/test splits, state round trips, corrupted states, determinism, cancel.
#include "SklearnReference.h"
#include "ml/DecisionTree.h"
#include "ml/FeatureBinner.h"
#include "ml/GradientBoosting.h"
#include "ml/RandomForest.h"

#include <Eigen/Core>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
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
                if (kind == "decision_tree" && !classification) {
                    DecisionTreeOptions o;
                    o.maxDepth = dtDepth;
                    m = std::make_unique<DecisionTree>(task, o);
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
            // An unlimited tree separates its training rows; with fewer rows than bins
            // (exact midpoint thresholds) it needs only the two true boundaries.
            QCOMPARE(score(*m, train.X, train.y), 1.0);
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
