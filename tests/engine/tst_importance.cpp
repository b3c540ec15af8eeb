// Feature importances: permutation importance (its definition checked exactly, and
// against scikit-learn's sklearn.inspection.permutation_importance statistically), the
// learners' own importance tables, and the nodes (Permutation Importance, the learners'
// "importances" output, the Feature Importance view).
#include "FlowFixture.h"
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "graph/Executor.h"
#include "graph/GraphModel.h"
#include "ml/DecisionTree.h"
#include "ml/LogisticRegression.h"
#include "ml/PermutationImportance.h"
#include "ml/TrainedModel.h"
#include "nodes/BuiltinNodes.h"
#include "nodes/ImportanceView.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// n rows: x0, x1 strongly informative, x2 weakly, x3 and x4 noise, and a categorical
// column "colour" (informative: "red" raises the odds); target "y" (no / yes) drawn from a
// logistic model.
Dataset makeTable(int n, unsigned seed, Eigen::MatrixXd *matrix = nullptr)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::vector<double>> x(5, std::vector<double>(static_cast<std::size_t>(n)));
    std::vector<std::int32_t> colour(static_cast<std::size_t>(n)), y(static_cast<std::size_t>(n));
    if (matrix)
        matrix->resize(n, 6);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < 5; ++j)
            x[std::size_t(j)][std::size_t(i)] = g(rng);
        colour[std::size_t(i)] = static_cast<std::int32_t>(rng() % 3);
        const double z = 3 * x[0][std::size_t(i)] - 2 * x[1][std::size_t(i)]
            + 0.5 * x[2][std::size_t(i)] + (colour[std::size_t(i)] == 0 ? 1.5 : -0.5);
        y[std::size_t(i)] = u(rng) < 1 / (1 + std::exp(-z)) ? 1 : 0;
        if (matrix) {
            for (int j = 0; j < 5; ++j)
                (*matrix)(i, j) = x[std::size_t(j)][std::size_t(i)];
            (*matrix)(i, 5) = y[std::size_t(i)];
        }
    }
    Dataset t;
    for (int j = 0; j < 5; ++j)
        t.addColumn(Column::numeric(QStringLiteral("x%1").arg(j), x[std::size_t(j)]));
    t.addColumn(Column::categorical(QStringLiteral("colour"), colour,
        { QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue") }));
    Column target = Column::categorical(
        QStringLiteral("y"), y, { QStringLiteral("no"), QStringLiteral("yes") });
    target.setRole(ColumnRole::Target);
    t.addColumn(target);
    return t;
}

std::shared_ptr<TrainedModel> train(const Dataset &data, std::unique_ptr<Estimator> e)
{
    return TrainedModel::train(data, std::move(e), QStringLiteral("y"), FitContext {});
}

using Flow = sextant::testing::GraphFlow;

} // namespace

class TestImportance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The definition, exactly: each drop is the baseline score less the score with that
    // column permuted by permutationFor(seed, column, repeat), mean and population std of
    // the drops; permutations are permutations, differ between columns and repeats, and
    // the same seed gives the same result.
    void definitionHoldsExactly()
    {
        const Dataset trainTable = makeTable(400, 1), test = makeTable(200, 2);
        const auto model = train(trainTable, std::make_unique<LogisticRegression>());
        QVERIFY(model);
        PermutationImportanceOptions o;
        o.repeats = 4;
        o.seed = 7;
        const PermutationImportanceResult r = permutationImportance(*model, test, o);
        QCOMPARE(r.features,
            QStringList({ QStringLiteral("x0"), QStringLiteral("x1"), QStringLiteral("x2"),
                QStringLiteral("x3"), QStringLiteral("x4"), QStringLiteral("colour") }));
        QCOMPARE(r.scoring, std::string("accuracy"));
        QCOMPARE(r.baseline, predictionScore(model->predict(test)));
        QCOMPARE(r.drops.rows(), Eigen::Index(6));
        QCOMPARE(r.drops.cols(), Eigen::Index(4));
        std::set<std::vector<std::int64_t>> seen;
        for (int j = 0; j < 6; ++j) {
            double sum = 0;
            for (int k = 0; k < 4; ++k) {
                const std::vector<std::int64_t> perm = permutationFor(7, j, k, test.rowCount());
                std::vector<std::int64_t> sorted = perm;
                std::sort(sorted.begin(), sorted.end());
                for (std::size_t i = 0; i < sorted.size(); ++i)
                    QCOMPARE(sorted[i], static_cast<std::int64_t>(i));
                QVERIFY(seen.insert(perm).second);
                const Dataset permuted = permuteColumn(test, j, perm);
                // Only column j moved, row i taking row perm[i]'s cell.
                for (int c = 0; c < test.columnCount(); ++c)
                    for (std::int64_t i = 0; i < test.rowCount(); i += 37)
                        QCOMPARE(permuted.column(c).displayValue(i),
                            test.column(c).displayValue(c == j ? perm[std::size_t(i)] : i));
                const double expected = r.baseline - predictionScore(model->predict(permuted));
                QCOMPARE(r.drops(j, k), expected);
                sum += expected;
            }
            const double mean = sum / 4;
            QCOMPARE(r.mean(j), r.drops.row(j).mean());
            QVERIFY(std::abs(r.mean(j) - mean) < 1e-15);
            double ss = 0;
            for (int k = 0; k < 4; ++k)
                ss += (r.drops(j, k) - r.mean(j)) * (r.drops(j, k) - r.mean(j));
            QVERIFY(std::abs(r.std(j) - std::sqrt(ss / 4)) < 1e-15);
        }
        const PermutationImportanceResult again = permutationImportance(*model, test, o);
        QVERIFY(again.drops == r.drops);
        o.seed = 8;
        QVERIFY(permutationImportance(*model, test, o).drops != r.drops);
        // The informative columns matter, the noise columns hardly.
        QVERIFY(r.mean(0) > 0.1 && r.mean(1) > 0.05);
        QVERIFY(std::abs(r.mean(3)) < 0.03 && std::abs(r.mean(4)) < 0.03);
        QVERIFY(r.mean(5) > 0.01);
    }

    void badInputIsRefused()
    {
        const Dataset trainTable = makeTable(200, 3);
        const auto model = train(trainTable, std::make_unique<LogisticRegression>());
        PermutationImportanceOptions o;
        o.repeats = 0;
        QVERIFY_THROWS_EXCEPTION(FitError, permutationImportance(*model, trainTable, o));
        Dataset noTarget = trainTable;
        noTarget.removeColumn(noTarget.indexOf(QStringLiteral("y")));
        QVERIFY_THROWS_EXCEPTION(
            FitError, permutationImportance(*model, noTarget, PermutationImportanceOptions {}));
    }

    // Against scikit-learn: the same model family (logistic regression, equal coefficients)
    // on the same rows, 30 repeats each; the permutations come from different generators,
    // so the means agree within their sampling error and the clearly important features
    // rank the same.
    void agreesWithSklearnStatistically()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(QStringLiteral("scikit-learn reference skipped: ") + why);
        Eigen::MatrixXd mtr, mte;
        Dataset trainTable = makeTable(600, 11, &mtr), test = makeTable(400, 12, &mte);
        const int colour = trainTable.indexOf(QStringLiteral("colour"));
        trainTable.removeColumn(colour); // numeric features only, as the matrices
        test.removeColumn(colour);
        const auto model = train(trainTable, std::make_unique<LogisticRegression>());
        PermutationImportanceOptions o;
        o.repeats = 30;
        o.seed = 3;
        const PermutationImportanceResult r = permutationImportance(*model, test, o);

        SklearnReference ref;
        QVERIFY(ref.isValid());
        const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> a = mtr,
                                                                                     b = mte;
        QVERIFY(ref.writeMatrix(QStringLiteral("train.csv"), a.data(), a.rows(), a.cols()));
        QVERIFY(ref.writeMatrix(QStringLiteral("test.csv"), b.data(), b.rows(), b.cols()));
        QString error;
        const QJsonObject s = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.inspection import permutation_importance
A = np.loadtxt("train.csv", delimiter=","); B = np.loadtxt("test.csv", delimiter=",")
m = LogisticRegression().fit(A[:, :5], A[:, 5].astype(int))
r = permutation_importance(m, B[:, :5], B[:, 5].astype(int), n_repeats=30, random_state=0,
                           scoring="accuracy")
print(json.dumps({"mean": r.importances_mean.tolist(), "std": r.importances_std.tolist(),
                  "baseline": float(m.score(B[:, :5], B[:, 5].astype(int)))}))
)PY"),
            &error);
        QVERIFY2(!s.isEmpty(), qPrintable(error));
        const std::vector<double> mean
            = SklearnReference::toVector(s.value(QStringLiteral("mean")));
        const std::vector<double> sd = SklearnReference::toVector(s.value(QStringLiteral("std")));
        QCOMPARE(mean.size(), std::size_t(5));
        QVERIFY(std::abs(r.baseline - s.value(QStringLiteral("baseline")).toDouble()) <= 0.01);
        for (int j = 0; j < 5; ++j) {
            const double tol = 0.01
                + 4
                    * std::sqrt(
                        (r.std(j) * r.std(j) + sd[std::size_t(j)] * sd[std::size_t(j)]) / 30);
            const QString msg = QStringLiteral("x%1: ours %2 ± %3, scikit-learn %4 ± %5")
                                    .arg(j)
                                    .arg(r.mean(j), 0, 'f', 4)
                                    .arg(r.std(j), 0, 'f', 4)
                                    .arg(mean[std::size_t(j)], 0, 'f', 4)
                                    .arg(sd[std::size_t(j)], 0, 'f', 4);
            qInfo("%s", qPrintable(msg));
            QVERIFY2(std::abs(r.mean(j) - mean[std::size_t(j)]) <= tol, qPrintable(msg));
        }
        // x0 first, x1 second in both; the noise columns near zero in both.
        for (const auto &m : { std::vector<double>(r.mean.data(), r.mean.data() + 5), mean }) {
            QVERIFY(m[0] > m[1] && m[1] > m[2] && m[1] > m[3] && m[1] > m[4]);
            QVERIFY(std::abs(m[3]) < 0.02 && std::abs(m[4]) < 0.02);
        }
    }

    // The tables: a learner's own importances named by matrix column (one-hot columns
    // "colour=red") and sorted; per-class coefficients named by class; the permutation
    // table; the view reads both.
    void tablesAndView()
    {
        const Dataset data = makeTable(500, 5);
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.maxDepth = 4;
        const auto tree
            = train(data, std::make_unique<DecisionTree>(EstimatorTask::Classification, o));
        const Dataset t = featureImportanceTable(*tree);
        QCOMPARE(t.columnNames(),
            QStringList({ QStringLiteral("feature"), QStringLiteral("importance") }));
        QCOMPARE(t.rowCount(), std::int64_t(8)); // x0..x4 and three colour indicators
        double sum = 0, previous = 2;
        for (std::int64_t i = 0; i < t.rowCount(); ++i) {
            const double v = t.column(1).numericValue(i);
            QVERIFY(v <= previous);
            previous = v;
            sum += v;
        }
        QVERIFY(std::abs(sum - 1) < 1e-12);
        QCOMPARE(t.column(0).displayValue(0), QStringLiteral("x0"));
        QVERIFY(tree->features.outputNames().contains(QStringLiteral("colour=red")));
        const ImportanceData d = ImportanceData::fromTable(t);
        QCOMPARE(d.features.size(), 8);
        QCOMPARE(d.measure, QStringLiteral("importance"));
        QVERIFY(d.spread.empty() && d.repeats.empty());

        const auto logistic = train(data, std::make_unique<LogisticRegression>());
        const Dataset c = featureImportanceTable(*logistic);
        QCOMPARE(c.column(1).name(), QStringLiteral("coefficient"));
        QCOMPARE(c.column(0).displayValue(0), QStringLiteral("x0"));

        PermutationImportanceOptions po;
        po.repeats = 3;
        const PermutationImportanceResult r = permutationImportance(*logistic, data, po);
        const Dataset p = permutationImportanceTable(r, QStringLiteral("LR"));
        QCOMPARE(p.columnNames(),
            QStringList({ QStringLiteral("feature"), QStringLiteral("importance_mean"),
                QStringLiteral("importance_std"), QStringLiteral("repeat 1"),
                QStringLiteral("repeat 2"), QStringLiteral("repeat 3") }));
        const ImportanceData pd = ImportanceData::fromTable(p);
        QCOMPARE(pd.measure, QStringLiteral("importance_mean"));
        QCOMPARE(pd.spread.size(), std::size_t(6));
        QCOMPARE(pd.repeats.size(), std::size_t(6));
        QCOMPARE(pd.features.front(), QStringLiteral("x0"));
        QCOMPARE(pd.values.front(), r.mean(0));
        QVERIFY_THROWS_EXCEPTION(std::exception, ImportanceData::fromTable(data));
    }

    // Through the graph: the tree node's importances output, Permutation Importance on the
    // test split, and the view.
    void nodes()
    {
        Flow f;
        const int file = f.add("data.file",
            { { QStringLiteral("path"),
                QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/iris.csv") } });
        const int sel
            = f.add("data.select", { { QStringLiteral("target"), QStringLiteral("species") } });
        const int split = f.add("data.split", { { QStringLiteral("seed"), 4 } });
        const int tree = f.add("model.random_forest", { { QStringLiteral("trees"), 20 } });
        const int perm = f.add("eval.permutation_importance",
            { { QStringLiteral("repeats"), 3 }, { QStringLiteral("seed"), 2 } });
        const int view = f.add("view.importance");
        const int ownView = f.add("view.importance");
        f.connect(file, 0, sel, 0);
        f.connect(sel, 0, split, 0);
        f.connect(split, 0, tree, 0);
        f.connect(tree, 0, perm, 0);
        f.connect(split, 1, perm, 1);
        f.connect(perm, 0, view, 0);
        f.connect(tree, 1, ownView, 0);
        Executor ex(f.model);
        const RunSummary s = ex.runBlocking();
        QVERIFY2(s.ok(), qPrintable(s.failureMessages.values().join(QLatin1Char('\n'))));
        const Dataset &own = *ex.output(tree, 1)->as<Dataset>();
        QCOMPARE(own.rowCount(), std::int64_t(4));
        const Dataset &table = *ex.output(perm, 0)->as<Dataset>();
        QCOMPARE(table.rowCount(), std::int64_t(4));
        QCOMPARE(table.columnCount(), 6);
        const auto *d = ex.result(view)->as<ImportanceData>();
        QVERIFY(d);
        QCOMPARE(d->features.size(), 4);
        QCOMPARE(d->repeats.front().size(), std::size_t(3));
        // Petal measurements carry iris.
        QVERIFY(d->features.front().startsWith(QStringLiteral("petal")));
        const auto *o = ex.result(ownView)->as<ImportanceData>();
        QVERIFY(o);
        QVERIFY(o->features.front().startsWith(QStringLiteral("petal")));
    }
};

QTEST_GUILESS_MAIN(TestImportance)
#include "tst_importance.moc"
