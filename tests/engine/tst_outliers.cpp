// The Outliers node and its detectors: local outlier factor equal to scikit-learn's,
// isolation forest as good as scikit-learn's at ranking injected outliers, minimum
// covariance determinant close to MinCovDet, and the node's flags, removal, categorical
// columns, missing values and messages.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "data/DatasetLoader.h"
#include "graph/NodeContext.h"
#include "graph/NodeError.h"
#include "ml/IsolationForest.h"
#include "ml/LocalOutlierFactor.h"
#include "ml/Metrics.h"
#include "ml/MinCovDet.h"
#include "ml/OutlierThreshold.h"
#include "nodes/BuiltinNodes.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// Row-major copy for SklearnReference::writeMatrix.
std::vector<double> rowMajor(const Eigen::MatrixXd &X)
{
    std::vector<double> out(static_cast<std::size_t>(X.size()));
    for (Eigen::Index r = 0; r < X.rows(); ++r)
        for (Eigen::Index c = 0; c < X.cols(); ++c)
            out[static_cast<std::size_t>(r * X.cols() + c)] = X(r, c);
    return out;
}

// Two Gaussian clusters in d dimensions (inliers) and `outliers` rows from a wider Gaussian
// (standard deviation `spread`) around the origin, many of which land among the inliers;
// labels 1 for the injected rows. Seeded.
Eigen::MatrixXd benchmark(int inliers, int outliers, int d, std::uint64_t seed,
    Eigen::VectorXd &labels, double spread = 2.5)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd X(inliers + outliers, d);
    labels = Eigen::VectorXd::Zero(inliers + outliers);
    for (int i = 0; i < inliers; ++i)
        for (int c = 0; c < d; ++c)
            X(i, c) = (i % 2 ? 2.0 : -2.0) + normal(rng) * (c % 2 ? 0.7 : 1.2);
    for (int i = inliers; i < inliers + outliers; ++i) {
        labels[i] = 1;
        for (int c = 0; c < d; ++c)
            X(i, c) = normal(rng) * spread;
    }
    return X;
}

double auc(const Eigen::VectorXd &labels, const Eigen::VectorXd &scores)
{
    // Metrics::rocAuc takes class probabilities: column 1 is the outlier class's score.
    Eigen::MatrixXd p(scores.size(), 2);
    p.col(0) = -scores;
    p.col(1) = scores;
    return Metrics::rocAuc(labels, p);
}

struct Outcome {
    std::shared_ptr<const Dataset> data;
    QString error;
    QStringList warnings;
};

Outcome runOutliers(const Dataset &input, const QVariantMap &params)
{
    const NodeType *type = BuiltinNodes::registry().find(QStringLiteral("data.outliers"));
    Outcome out;
    if (!type) {
        out.error = QStringLiteral("no data.outliers node");
        return out;
    }
    auto complete = type->completeParameters(params);
    if (!complete) {
        out.error = complete.error();
        return out;
    }
    NodeContext ctx(1, *type, complete.value(), { makeValue(input) });
    try {
        type->createCompute()(ctx);
    } catch (const NodeError &e) {
        out.error = e.message();
        return out;
    }
    out.warnings = ctx.warnings();
    if (!ctx.outputs().empty() && ctx.outputs()[0])
        out.data
            = std::shared_ptr<const Dataset>(ctx.outputs()[0], ctx.outputs()[0]->as<Dataset>());
    return out;
}

Dataset iris()
{
    LoadResult r = DatasetLoader::load(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/iris.csv"));
    if (!r.ok())
        qFatal("iris: %s", qPrintable(r.error ? r.error->toString() : QStringLiteral("cancelled")));
    Dataset d = *r.dataset;
    d.setRole(d.indexOf(QStringLiteral("species")), ColumnRole::Target);
    return d;
}

} // namespace

class TestOutliers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // negative_outlier_factor_ and fit_predict of LocalOutlierFactor, to 1e-10 relative,
    // on clusters with injected outliers and exact duplicate rows (ties at distance 0, and
    // groups of more than k copies whose lrd is scikit-learn's 1e10).
    void lofEqualsScikitLearn()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        Eigen::VectorXd labels;
        Eigen::MatrixXd base = benchmark(300, 20, 3, 11, labels);
        Eigen::MatrixXd X(base.rows() + 14, 3);
        X.topRows(base.rows()) = base;
        for (int i = 0; i < 8; ++i) // a row repeated 8 times (> k = 5)
            X.row(base.rows() + i) = base.row(3);
        for (int i = 0; i < 6; ++i) // three rows twice more each
            X.row(base.rows() + 8 + i) = base.row(10 + i / 2);
        SklearnReference ref;
        const std::vector<double> flat = rowMajor(X);
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), flat.data(), X.rows(), X.cols()));
        QString error;
        const QJsonObject out = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.neighbors import LocalOutlierFactor
X = np.loadtxt("X.csv", delimiter=",")
res = {}
for k in (5, 20):
    m = LocalOutlierFactor(n_neighbors=k, contamination=0.1)
    pred = m.fit_predict(X)
    res["nof%d" % k] = m.negative_outlier_factor_.tolist()
    res["pred%d" % k] = pred.tolist()
print(json.dumps(res))
)PY"),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (int k : { 5, 20 }) {
            LocalOutlierFactorOptions o;
            o.neighbors = k;
            o.threads = 2;
            const Eigen::VectorXd lof = LocalOutlierFactor::scores(X, o);
            const std::vector<double> nof
                = SklearnReference::toVector(out.value(QStringLiteral("nof%1").arg(k)));
            const std::vector<double> pred
                = SklearnReference::toVector(out.value(QStringLiteral("pred%1").arg(k)));
            QCOMPARE(static_cast<Eigen::Index>(nof.size()), X.rows());
            for (Eigen::Index i = 0; i < X.rows(); ++i) {
                const double want = -nof[static_cast<std::size_t>(i)];
                QVERIFY2(std::abs(lof[i] - want) <= 1e-10 * std::max(1.0, std::abs(want)),
                    qPrintable(QStringLiteral("k=%1 row %2: %3 vs %4")
                                   .arg(k)
                                   .arg(i)
                                   .arg(lof[i], 0, 'g', 17)
                                   .arg(want, 0, 'g', 17)));
            }
            const std::vector<char> flags = OutlierThreshold::flags(lof, 0.1);
            int flagged = 0;
            for (Eigen::Index i = 0; i < X.rows(); ++i) {
                QCOMPARE(
                    flags[static_cast<std::size_t>(i)] != 0, pred[static_cast<std::size_t>(i)] < 0);
                flagged += flags[static_cast<std::size_t>(i)];
            }
            QVERIFY(flagged > 0);
        }
        // The repeated row: more than k copies at distance 0.
        LocalOutlierFactorOptions o;
        o.neighbors = 5;
        QVERIFY(std::abs(LocalOutlierFactor::scores(X, o)[base.rows()] - 1.0) < 1e-6);
    }

    // Ranking quality on labelled benchmarks with injected outliers: ROC AUC within 0.02 of
    // scikit-learn's IsolationForest (both averaged over three seeds).
    void isolationForestRanksLikeScikitLearn()
    {
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        struct Case {
            int inliers, outliers, d;
            std::uint64_t seed;
            double spread;
        };
        for (const Case c : { Case { 1000, 60, 5, 1, 2.5 }, Case { 600, 40, 2, 2, 2.5 },
                 Case { 2000, 100, 10, 3, 1.8 } }) {
            Eigen::VectorXd labels;
            const Eigen::MatrixXd X
                = benchmark(c.inliers, c.outliers, c.d, c.seed, labels, c.spread);
            SklearnReference ref;
            const std::vector<double> flat = rowMajor(X);
            QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), flat.data(), X.rows(), X.cols()));
            QVERIFY(ref.writeVector(QStringLiteral("y.csv"),
                std::vector<double>(labels.data(), labels.data() + labels.size())));
            QString error;
            const QJsonObject out = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score
X = np.loadtxt("X.csv", delimiter=","); y = np.loadtxt("y.csv")
aucs = [roc_auc_score(y, -IsolationForest(random_state=s).fit(X).score_samples(X)) for s in range(3)]
print(json.dumps({"auc": float(np.mean(aucs))}))
)PY"),
                &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const double theirs = out.value(QStringLiteral("auc")).toDouble();
            double ours = 0;
            for (std::uint64_t s = 0; s < 3; ++s) {
                IsolationForestOptions o;
                o.seed = s;
                o.threads = 2;
                IsolationForest forest(o);
                QVERIFY(forest.fit(X));
                ours += auc(labels, forest.scores(X)) / 3;
            }
            qInfo("isolation forest ROC AUC, %d rows x %d: Sextant %.4f, scikit-learn %.4f",
                static_cast<int>(X.rows()), c.d, ours, theirs);
            QVERIFY2(std::abs(ours - theirs) <= 0.02,
                qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(theirs)));
            QVERIFY2(ours > 0.7 && ours < 0.995, // a benchmark that can tell them apart
                qPrintable(QString::number(ours)));
        }
    }

    void isolationForestIsSeededAndThreadIndependent()
    {
        Eigen::VectorXd labels;
        const Eigen::MatrixXd X = benchmark(400, 20, 3, 5, labels);
        IsolationForestOptions o;
        o.seed = 9;
        o.threads = 1;
        IsolationForest a(o);
        QVERIFY(a.fit(X));
        o.threads = 2;
        IsolationForest b(o);
        QVERIFY(b.fit(X));
        QVERIFY(a.scores(X) == b.scores(X));
        o.seed = 10;
        IsolationForest c(o);
        QVERIFY(c.fit(X));
        QVERIFY(a.scores(X) != c.scores(X));
        QCOMPARE(IsolationForest::averagePathLength(256),
            2 * (std::log(255.0) + 0.5772156649015329) - 2 * 255.0 / 256);
    }

    // Raw and reweighted location and covariance, and the distances EllipticEnvelope scores
    // by, against MinCovDet on correlated Gaussian data with a shifted group of outliers
    // (n <= 500, where scikit-learn starts from 30 random subsets as here; n > 500; d = 1).
    void minCovDetMatchesScikitLearn_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("d");
        QTest::newRow("300x3") << 300 << 3;
        QTest::newRow("800x4") << 800 << 4;
        QTest::newRow("200x1") << 200 << 1;
    }
    void minCovDetMatchesScikitLearn()
    {
        QFETCH(int, n);
        QFETCH(int, d);
        if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
            SEXTANT_SKIP_REFERENCE(why);
        std::mt19937_64 rng(static_cast<std::uint64_t>(n * 31 + d));
        std::normal_distribution<double> normal;
        Eigen::MatrixXd A = Eigen::MatrixXd::Identity(d, d);
        for (int i = 0; i < d; ++i)
            for (int j = 0; j < i; ++j)
                A(i, j) = 0.5;
        Eigen::MatrixXd X(n, d);
        const int bad = n / 10;
        for (int i = 0; i < n; ++i) {
            Eigen::VectorXd z(d);
            for (int c = 0; c < d; ++c)
                z[c] = normal(rng);
            X.row(i) = (A * z).transpose();
            if (i < bad)
                X.row(i).array() += 6.0;
            X(i, 0) = X(i, 0) * 10 + 100; // scales differ
        }
        SklearnReference ref;
        const std::vector<double> flat = rowMajor(X);
        QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), flat.data(), X.rows(), X.cols()));
        QString error;
        const QJsonObject out = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.covariance import MinCovDet
from scipy.stats import chi2
X = np.loadtxt("X.csv", delimiter=",").reshape(-1, %1)
m = MinCovDet(random_state=0).fit(X)
print(json.dumps({"raw_loc": m.raw_location_.tolist(), "raw_cov": m.raw_covariance_.tolist(),
  "loc": m.location_.tolist(), "cov": m.covariance_.tolist(), "dist": m.mahalanobis(X).tolist(),
  "isf50": chi2(%1).isf(0.5), "isf975": chi2(%1).isf(0.025)}))
)PY")
                                            .arg(d),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(std::abs(
                    MinCovDet::chiSquareIsf(0.5, d) - out.value(QStringLiteral("isf50")).toDouble())
            < 1e-9);
        QVERIFY(std::abs(MinCovDet::chiSquareIsf(0.025, d)
                    - out.value(QStringLiteral("isf975")).toDouble())
            < 1e-9);
        MinCovDetOptions o;
        o.seed = 3;
        const MinCovDetResult r = MinCovDet::fit(X, o);
        const auto close = [](const Eigen::MatrixXd &ours, const std::vector<double> &theirs,
                               double tol, const char *what) {
            QCOMPARE(static_cast<Eigen::Index>(theirs.size()), ours.size());
            double worst = 0, scale = 0;
            for (Eigen::Index i = 0; i < ours.rows(); ++i)
                for (Eigen::Index j = 0; j < ours.cols(); ++j) {
                    const double t = theirs[static_cast<std::size_t>(i * ours.cols() + j)];
                    worst = std::max(worst, std::abs(ours(i, j) - t));
                    scale = std::max(scale, std::abs(t));
                }
            QVERIFY2(worst <= tol * scale,
                qPrintable(QStringLiteral("%1: off by %2 (scale %3)")
                               .arg(QLatin1String(what))
                               .arg(worst)
                               .arg(scale)));
        };
        close(r.rawLocation.transpose(),
            SklearnReference::toVector(out.value(QStringLiteral("raw_loc"))), 1e-8, "raw location");
        close(r.rawCovariance, SklearnReference::toMatrix(out.value(QStringLiteral("raw_cov"))),
            1e-8, "raw covariance");
        close(r.location.transpose(), SklearnReference::toVector(out.value(QStringLiteral("loc"))),
            1e-8, "location");
        close(r.covariance, SklearnReference::toMatrix(out.value(QStringLiteral("cov"))), 1e-8,
            "covariance");
        close(r.distances.transpose(),
            SklearnReference::toVector(out.value(QStringLiteral("dist"))), 1e-6, "distances");
        // The shifted rows are the farthest.
        int caught = 0;
        const std::vector<char> flags = OutlierThreshold::flags(r.distances, 0.1);
        for (int i = 0; i < bad; ++i)
            caught += flags[static_cast<std::size_t>(i)];
        QVERIFY(caught >= bad * 9 / 10);
    }

    void percentileIsNumpys()
    {
        QCOMPARE(OutlierThreshold::percentile({ 3, 1, 2, 4 }, 50), 2.5);
        QCOMPARE(OutlierThreshold::percentile({ 3, 1, 2, 4 }, 10), 1.3);
        QCOMPARE(OutlierThreshold::percentile({ 5 }, 10), 5.0);
        QCOMPARE(OutlierThreshold::percentile({ 1, 2, 3, 4, 5 }, 100), 5.0);
    }

    // Flag: two Ignore-role columns; the flagged share is the contamination; the node's LOF
    // is the detector's on the standardized columns.
    void nodeFlagsRows()
    {
        const Dataset data = iris();
        for (const char *method :
            { "isolation_forest", "local_outlier_factor", "robust_covariance" }) {
            const Outcome o = runOutliers(data,
                { { QStringLiteral("method"), QString::fromLatin1(method) },
                    { QStringLiteral("contamination"), 0.1 } });
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QVERIFY2(o.warnings.isEmpty(), qPrintable(o.warnings.join(QLatin1Char('\n'))));
            const Dataset &out = *o.data;
            QCOMPARE(out.rowCount(), 150);
            QCOMPARE(out.columnCount(), data.columnCount() + 2);
            const Column &flag = out.column(out.indexOf(QStringLiteral("outlier")));
            const Column &score = out.column(out.indexOf(QStringLiteral("outlier_score")));
            QVERIFY(flag.isCategorical());
            QCOMPARE(
                flag.categories(), QStringList({ QStringLiteral("no"), QStringLiteral("yes") }));
            QVERIFY(flag.role() == ColumnRole::Ignore);
            QVERIFY(score.role() == ColumnRole::Ignore);
            int flagged = 0;
            double lowestFlagged = 1e300, highestKept = -1e300;
            for (std::int64_t r = 0; r < 150; ++r) {
                const bool yes = flag.codes()[static_cast<std::size_t>(r)] == 1;
                flagged += yes;
                (yes ? lowestFlagged : highestKept) = yes
                    ? std::min(lowestFlagged, score.values()[static_cast<std::size_t>(r)])
                    : std::max(highestKept, score.values()[static_cast<std::size_t>(r)]);
            }
            QCOMPARE(flagged, 15);
            QVERIFY(lowestFlagged > highestKept);
            // Running again on the flagged table replaces the two columns.
            const Outcome again
                = runOutliers(out, { { QStringLiteral("method"), QString::fromLatin1(method) } });
            QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
            QCOMPARE(again.data->columnCount(), out.columnCount());
        }
        // LOF through the node = the detector on standardized features.
        const Outcome lof = runOutliers(data,
            { { QStringLiteral("method"), QStringLiteral("local_outlier_factor") },
                { QStringLiteral("neighbors"), 10 } });
        Eigen::MatrixXd X(150, 4);
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 150; ++r)
                X(r, c) = data.column(c).values()[static_cast<std::size_t>(r)];
            const double mean = X.col(c).mean();
            X.col(c).array() -= mean;
            X.col(c) /= std::sqrt(X.col(c).squaredNorm() / 150);
        }
        LocalOutlierFactorOptions lo;
        lo.neighbors = 10;
        const Eigen::VectorXd want = LocalOutlierFactor::scores(X, lo);
        const Column &score = lof.data->column(lof.data->indexOf(QStringLiteral("outlier_score")));
        for (int r = 0; r < 150; ++r)
            QVERIFY(std::abs(score.values()[static_cast<std::size_t>(r)] - want[r]) < 1e-9);
    }

    void nodeRemovesRowsAndIsSeeded()
    {
        const Dataset data = iris();
        const QVariantMap p { { QStringLiteral("action"), QStringLiteral("remove") },
            { QStringLiteral("contamination"), 0.2 }, { QStringLiteral("seed"), 4 } };
        const Outcome a = runOutliers(data, p);
        QVERIFY2(a.error.isEmpty(), qPrintable(a.error));
        QCOMPARE(a.data->rowCount(), 120);
        QCOMPARE(a.data->columnCount(), data.columnCount());
        const Outcome b = runOutliers(data, p);
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 120; ++r)
                QCOMPARE(a.data->column(c).values()[static_cast<std::size_t>(r)],
                    b.data->column(c).values()[static_cast<std::size_t>(r)]);
    }

    // Categorical columns: one-hot for isolation forest and LOF, refused by robust covariance.
    void nodeCategoricalColumns()
    {
        Dataset data = iris();
        data.setRole(data.indexOf(QStringLiteral("species")), ColumnRole::Feature);
        const Outcome lof = runOutliers(
            data, { { QStringLiteral("method"), QStringLiteral("local_outlier_factor") } });
        QVERIFY2(lof.error.isEmpty(), qPrintable(lof.error));
        const Outcome forest = runOutliers(data, {});
        QVERIFY2(forest.error.isEmpty(), qPrintable(forest.error));
        const Outcome mcd = runOutliers(
            data, { { QStringLiteral("method"), QStringLiteral("robust_covariance") } });
        QVERIFY2(mcd.error.contains(QStringLiteral(
                     "robust covariance needs numeric columns; species is categorical")),
            qPrintable(mcd.error));
        // Choosing the numeric columns works.
        const Outcome chosen = runOutliers(data,
            { { QStringLiteral("method"), QStringLiteral("robust_covariance") },
                { QStringLiteral("columns"),
                    QStringList {
                        QStringLiteral("petal_length_cm"), QStringLiteral("petal_width_cm") } } });
        QVERIFY2(chosen.error.isEmpty(), qPrintable(chosen.error));
        const Outcome missing = runOutliers(
            data, { { QStringLiteral("columns"), QStringList { QStringLiteral("nope") } } });
        QVERIFY2(
            missing.error.contains(QStringLiteral("no column 'nope'")), qPrintable(missing.error));
    }

    // Rows with a missing cell are not scored: missing flag and score, kept by remove, and
    // a warning with the count.
    void nodeMissingValues()
    {
        std::vector<double> a, b;
        std::vector<std::uint8_t> miss;
        for (int i = 0; i < 60; ++i) {
            a.push_back(i % 7);
            b.push_back(i == 5 ? 50.0 : (i * 3) % 11);
            miss.push_back(i == 9 || i == 20 ? 1 : 0);
        }
        a[9] = a[20] = std::nan("");
        Dataset data;
        data.addColumn(Column::numeric(QStringLiteral("a"), a, miss));
        data.addColumn(Column::numeric(QStringLiteral("b"), b));
        const Outcome flag = runOutliers(data, { { QStringLiteral("contamination"), 0.05 } });
        QVERIFY2(flag.error.isEmpty(), qPrintable(flag.error));
        QCOMPARE(flag.warnings.size(), 1);
        QVERIFY2(flag.warnings[0].contains(QStringLiteral("2 of 60 rows have a missing value")),
            qPrintable(flag.warnings[0]));
        const Column &f = flag.data->column(flag.data->indexOf(QStringLiteral("outlier")));
        const Column &s = flag.data->column(flag.data->indexOf(QStringLiteral("outlier_score")));
        QVERIFY(f.isMissing(9) && f.isMissing(20) && s.isMissing(9) && s.isMissing(20));
        QCOMPARE(f.missingCount(), 2);
        QCOMPARE(f.displayValue(5), QStringLiteral("yes"));
        const Outcome removed = runOutliers(data,
            { { QStringLiteral("contamination"), 0.05 },
                { QStringLiteral("action"), QStringLiteral("remove") } });
        QVERIFY2(removed.error.isEmpty(), qPrintable(removed.error));
        QCOMPARE(removed.data->rowCount(),
            60 - 3); // ceil-free: 3 of 58 scored rows above the 95th percentile
        QCOMPARE(removed.data->column(0).missingCount(), 2);

        Dataset empty;
        empty.addColumn(Column::numeric(QStringLiteral("a"), { 1.0, std::nan("") }, { 0, 1 }));
        const Outcome tooFew = runOutliers(empty, {});
        QVERIFY2(tooFew.error.contains(QStringLiteral("fewer than 2 rows left")),
            qPrintable(tooFew.error));
    }
};

QTEST_GUILESS_MAIN(TestOutliers)
#include "tst_outliers.moc"
