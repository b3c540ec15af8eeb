// Classification, regression and clustering metrics: hand-computed cases and comparisons
// with scikit-learn (accuracy_score, balanced_accuracy_score, precision_recall_fscore_support,
// roc_auc_score, log_loss, confusion_matrix, mean_squared_error, mean_absolute_error,
// r2_score, mean_absolute_percentage_error, silhouette_score, adjusted_rand_score) on random
// and real (k-NN on iris / diabetes) predictions.
#include "ReferenceCsv.h"
#include "SklearnReference.h"
#include "ml/FitContext.h"
#include "ml/KNearestNeighbors.h"
#include "ml/Metrics.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <map>
#include <random>

using sextant::engine::FitContext;
using sextant::engine::FitError;
using sextant::engine::KNearestNeighbors;
using sextant::engine::Metrics;
using sextant::testing::SklearnReference;

namespace {

constexpr double kTol = 1e-12;

// A dataset CSV (header, numeric features, target last; a non-numeric target is coded by
// order of first appearance).
using sextant::testing::loadCsv;
bool close(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= kTol * std::max(1.0, std::abs(b));
}

#define COMPARE_REF(ours, ref, what)                                                               \
    QVERIFY2(close((ours), (ref)),                                                                 \
        qPrintable(QStringLiteral("%1: ours %2, sklearn %3")                                       \
                       .arg(QLatin1String(what))                                                   \
                       .arg((ours), 0, 'g', 17)                                                    \
                       .arg((ref), 0, 'g', 17)))

const char *kClassificationScript = R"PY(
import json, numpy as np
from sklearn import metrics as M
yt = np.loadtxt("yt.csv", delimiter=",").astype(int)
yp = np.loadtxt("yp.csv", delimiter=",").astype(int)
P = np.loadtxt("P.csv", delimiter=",", ndmin=2)
K = P.shape[1]
p, r, f, s = M.precision_recall_fscore_support(yt, yp, labels=list(range(K)), zero_division=0)
out = {"acc": M.accuracy_score(yt, yp), "bacc": M.balanced_accuracy_score(yt, yp),
       "p": p.tolist(), "r": r.tolist(), "f": f.tolist(), "s": s.tolist(),
       "cm": M.confusion_matrix(yt, yp, labels=list(range(K))).tolist(),
       "logloss": M.log_loss(yt, P, labels=list(range(K)))}
for avg in ("macro", "weighted"):
    a = M.precision_recall_fscore_support(yt, yp, average=avg, zero_division=0)
    out[avg] = [a[0], a[1], a[2]]
out["auc"] = M.roc_auc_score(yt, P[:, 1]) if K == 2 else M.roc_auc_score(yt, P, multi_class="ovr")
print(json.dumps(out))
)PY";

const char *kRegressionScript = R"PY(
import json, numpy as np
from sklearn import metrics as M
yt = np.loadtxt("yt.csv", delimiter=",")
yp = np.loadtxt("yp.csv", delimiter=",")
print(json.dumps({"rmse": float(np.sqrt(M.mean_squared_error(yt, yp))),
                  "mae": M.mean_absolute_error(yt, yp), "r2": M.r2_score(yt, yp),
                  "mape": M.mean_absolute_percentage_error(yt, yp)}))
)PY";

const char *kClusteringScript = R"PY(
import json, numpy as np
from sklearn import metrics as M
X = np.loadtxt("X.csv", delimiter=",", ndmin=2)
a = np.loadtxt("a.csv", delimiter=",").astype(int)
b = np.loadtxt("b.csv", delimiter=",").astype(int)
C = np.loadtxt("C.csv", delimiter=",", ndmin=2)
inertia_c = float(((X - C[a]) ** 2).sum())
means = np.array([X[a == k].mean(axis=0) for k in range(C.shape[0])])
inertia_m = float(((X - means[a]) ** 2).sum())
print(json.dumps({"sil": M.silhouette_score(X, a), "ari": M.adjusted_rand_score(a, b),
                  "ari_self": M.adjusted_rand_score(a, a),
                  "inertia_c": inertia_c, "inertia_m": inertia_m}))
)PY";

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private:
    void compareClassification(
        const Eigen::VectorXd &yt, const Eigen::VectorXd &yp, const Eigen::MatrixXd &P);
    void compareRegression(const Eigen::VectorXd &yt, const Eigen::VectorXd &yp);

private Q_SLOTS:
    void handComputedClassification();
    void handComputedRegression();
    void handComputedClustering();
    void invalidInput();
    void sklearnRandomClassification();
    void sklearnBinaryClassification();
    void sklearnRealClassification();
    void sklearnRegression();
    void sklearnClustering();
    void silhouetteSampling();
};

void TestMetrics::handComputedClassification()
{
    // yt: 0 0 1 1 2 2, yp: 0 1 1 1 2 0
    Eigen::VectorXd yt(6), yp(6);
    yt << 0, 0, 1, 1, 2, 2;
    yp << 0, 1, 1, 1, 2, 0;
    QCOMPARE(Metrics::accuracy(yt, yp), 4.0 / 6.0);
    QCOMPARE(Metrics::balancedAccuracy(yt, yp), (0.5 + 1.0 + 0.5) / 3.0);
    const auto r = Metrics::classificationReport(yt, yp);
    QCOMPARE(r.precision[0], 0.5); // predicted 0 twice, right once
    QCOMPARE(r.precision[1], 2.0 / 3.0); // predicted 1 three times, right twice
    QCOMPARE(r.precision[2], 1.0);
    QCOMPARE(r.recall[1], 1.0);
    QCOMPARE(r.f1[2], 2.0 * 1.0 * 0.5 / 1.5);
    QCOMPARE(r.support[2], std::int64_t(2));
    const auto cm = Metrics::confusion(yt, yp);
    QCOMPARE(cm.at(0, 1), std::int64_t(1));
    QCOMPARE(cm.at(2, 0), std::int64_t(1));
    QCOMPARE(cm.total(), std::int64_t(6));
    // Perfect probabilities: AUC 1; uniform ones: log loss log(3).
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(6, 3);
    for (int i = 0; i < 6; ++i)
        P(i, static_cast<int>(yt(i))) = 1;
    QCOMPARE(Metrics::rocAuc(yt, P), 1.0);
    Eigen::MatrixXd U = Eigen::MatrixXd::Constant(6, 3, 1.0 / 3.0);
    QVERIFY(std::abs(Metrics::logLoss(yt, U) - std::log(3.0)) < 1e-15);
    // A class never predicted nor present (code 3 of 4) is left out of the macro average.
    const auto r4 = Metrics::classificationReport(yt, yp, 4);
    QCOMPARE(r4.macroPrecision, r.macroPrecision);
    QCOMPARE(r4.precision[3], 0.0);
}

void TestMetrics::handComputedRegression()
{
    Eigen::VectorXd yt(4), yp(4);
    yt << 1, 2, 3, 4;
    yp << 1, 2, 3, 6;
    QCOMPARE(Metrics::rmse(yt, yp), 1.0); // sqrt(4 / 4)
    QCOMPARE(Metrics::mae(yt, yp), 0.5);
    QCOMPARE(Metrics::r2(yt, yp), 1.0 - 4.0 / 5.0);
    QCOMPARE(Metrics::mape(yt, yp), 0.5 / 4.0);
    QCOMPARE(
        Metrics::r2(Eigen::VectorXd::Constant(3, 2.0), Eigen::VectorXd::Constant(3, 2.0)), 1.0);
    QCOMPARE(
        Metrics::r2(Eigen::VectorXd::Constant(3, 2.0), Eigen::VectorXd::Constant(3, 1.0)), 0.0);
}

void TestMetrics::handComputedClustering()
{
    // Two tight pairs far apart.
    Eigen::MatrixXd X(4, 1);
    X << 0, 1, 10, 11;
    Eigen::VectorXd l(4);
    l << 0, 0, 1, 1;
    QCOMPARE(Metrics::inertia(X, l), 4 * 0.25);
    Eigen::MatrixXd C(2, 1);
    C << 0, 10;
    QCOMPARE(Metrics::inertia(X, l, C), 2.0);
    // Silhouette of point 0: a = 1, b = (10 + 11) / 2 = 10.5 -> 9.5 / 10.5.
    const double s0 = 9.5 / 10.5, s1 = (9.5 - 1) / 9.5;
    QVERIFY(std::abs(Metrics::silhouette(X, l) - (s0 + s1 + s1 + s0) / 4) < 1e-15);
    Eigen::VectorXd other(4);
    other << 5, 5, 7, 7; // same partition, other names
    QCOMPARE(Metrics::adjustedRandIndex(l, other), 1.0);
    QVERIFY(std::isnan(Metrics::silhouette(X, Eigen::VectorXd::Zero(4))));
}

void TestMetrics::invalidInput()
{
    Eigen::VectorXd a(3), b(2);
    a << 0, 1, 2;
    b << 0, 1;
    QVERIFY_THROWS_EXCEPTION(FitError, Metrics::accuracy(a, b));
    QVERIFY_THROWS_EXCEPTION(FitError, Metrics::rmse(Eigen::VectorXd(), Eigen::VectorXd()));
    Eigen::VectorXd bad(3);
    bad << 0, 1.5, 2;
    QVERIFY_THROWS_EXCEPTION(FitError, Metrics::confusion(a, bad));
    QVERIFY_THROWS_EXCEPTION(FitError, Metrics::logLoss(a, Eigen::MatrixXd::Constant(3, 2, 0.5)));
}

void TestMetrics::compareClassification(
    const Eigen::VectorXd &yt, const Eigen::VectorXd &yp, const Eigen::MatrixXd &P)
{
    SklearnReference ref;
    QVERIFY(ref.isValid());
    std::vector<double> vt(yt.data(), yt.data() + yt.size()), vp(yp.data(), yp.data() + yp.size());
    QVERIFY(ref.writeVector(QStringLiteral("yt.csv"), vt));
    QVERIFY(ref.writeVector(QStringLiteral("yp.csv"), vp));
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = P;
    QVERIFY(ref.writeMatrix(QStringLiteral("P.csv"), rm.data(), rm.rows(), rm.cols()));
    QString error;
    const QJsonObject o = ref.run(QString::fromUtf8(kClassificationScript), &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    const int K = static_cast<int>(P.cols());
    COMPARE_REF(Metrics::accuracy(yt, yp), o[QStringLiteral("acc")].toDouble(), "accuracy");
    COMPARE_REF(Metrics::balancedAccuracy(yt, yp), o[QStringLiteral("bacc")].toDouble(),
        "balanced accuracy");
    const auto r = Metrics::classificationReport(yt, yp, K);
    const auto p = SklearnReference::toVector(o[QStringLiteral("p")]);
    const auto rc = SklearnReference::toVector(o[QStringLiteral("r")]);
    const auto f = SklearnReference::toVector(o[QStringLiteral("f")]);
    const auto s = SklearnReference::toVector(o[QStringLiteral("s")]);
    QCOMPARE(p.size(), static_cast<std::size_t>(K));
    for (int k = 0; k < K; ++k) {
        COMPARE_REF(r.precision[k], p[k], "precision");
        COMPARE_REF(r.recall[k], rc[k], "recall");
        COMPARE_REF(r.f1[k], f[k], "f1");
        QCOMPARE(static_cast<double>(r.support[k]), s[k]);
    }
    const auto macro = SklearnReference::toVector(o[QStringLiteral("macro")]);
    const auto weighted = SklearnReference::toVector(o[QStringLiteral("weighted")]);
    COMPARE_REF(r.macroPrecision, macro[0], "macro precision");
    COMPARE_REF(r.macroRecall, macro[1], "macro recall");
    COMPARE_REF(r.macroF1, macro[2], "macro F1");
    COMPARE_REF(r.weightedPrecision, weighted[0], "weighted precision");
    COMPARE_REF(r.weightedRecall, weighted[1], "weighted recall");
    COMPARE_REF(r.weightedF1, weighted[2], "weighted F1");
    const auto cm = Metrics::confusion(yt, yp, K);
    const auto refCm = SklearnReference::toMatrix(o[QStringLiteral("cm")]);
    for (int t = 0; t < K; ++t)
        for (int q = 0; q < K; ++q)
            QCOMPARE(static_cast<double>(cm.at(t, q)), refCm[static_cast<std::size_t>(t * K + q)]);
    COMPARE_REF(Metrics::logLoss(yt, P), o[QStringLiteral("logloss")].toDouble(), "log loss");
    COMPARE_REF(Metrics::rocAuc(yt, P), o[QStringLiteral("auc")].toDouble(), "ROC AUC");
}

void TestMetrics::compareRegression(const Eigen::VectorXd &yt, const Eigen::VectorXd &yp)
{
    SklearnReference ref;
    QVERIFY(ref.isValid());
    QVERIFY(ref.writeVector(
        QStringLiteral("yt.csv"), std::vector<double>(yt.data(), yt.data() + yt.size())));
    QVERIFY(ref.writeVector(
        QStringLiteral("yp.csv"), std::vector<double>(yp.data(), yp.data() + yp.size())));
    QString error;
    const QJsonObject o = ref.run(QString::fromUtf8(kRegressionScript), &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    COMPARE_REF(Metrics::rmse(yt, yp), o[QStringLiteral("rmse")].toDouble(), "RMSE");
    COMPARE_REF(Metrics::mae(yt, yp), o[QStringLiteral("mae")].toDouble(), "MAE");
    COMPARE_REF(Metrics::r2(yt, yp), o[QStringLiteral("r2")].toDouble(), "R2");
    COMPARE_REF(Metrics::mape(yt, yp), o[QStringLiteral("mape")].toDouble(), "MAPE");
}

void TestMetrics::sklearnRandomClassification()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    std::mt19937_64 rng(7);
    const int n = 600, K = 4;
    std::uniform_int_distribution<int> cls(0, K - 1);
    std::uniform_real_distribution<double> u(0, 1);
    Eigen::VectorXd yt(n), yp(n);
    Eigen::MatrixXd P(n, K);
    for (int i = 0; i < n; ++i) {
        yt(i) = cls(rng);
        // Mostly right; class 3 is never predicted (zero-division precision).
        yp(i) = u(rng) < 0.6 ? yt(i) : cls(rng);
        if (yp(i) == 3)
            yp(i) = 2;
        for (int k = 0; k < K; ++k)
            P(i, k) = u(rng) + (k == yt(i) ? 0.7 : 0.0);
        P(i, static_cast<int>(yt(i))) = std::round(P(i, static_cast<int>(yt(i))) * 20) / 20; // ties
        P.row(i) /= P.row(i).sum();
    }
    P(0, static_cast<int>(yt(0))) = 0; // exercises the eps clipping of log loss
    P.row(0) /= P.row(0).sum();
    compareClassification(yt, yp, P);
}

void TestMetrics::sklearnBinaryClassification()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    const int n = 300;
    Eigen::VectorXd yt(n), yp(n);
    Eigen::MatrixXd P(n, 2);
    for (int i = 0; i < n; ++i) {
        yt(i) = u(rng) < 0.3 ? 1 : 0;
        const double p1 = std::round(std::clamp(0.5 * yt(i) + 0.6 * u(rng), 0.0, 1.0) * 50) / 50;
        P(i, 1) = p1;
        P(i, 0) = 1 - p1;
        yp(i) = p1 > 0.5 ? 1 : 0;
    }
    compareClassification(yt, yp, P);
}

void TestMetrics::sklearnRealClassification()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    // k-NN on iris and wine, odd rows train, even rows test.
    for (const char *name : { "iris.csv", "wine.csv" }) {
        Eigen::MatrixXd X;
        Eigen::VectorXd y;
        QVERIFY(loadCsv(QString::fromLatin1(name), X, y));
        std::vector<Eigen::Index> tr, te;
        for (Eigen::Index i = 0; i < X.rows(); ++i)
            (i % 2 ? tr : te).push_back(i);
        KNearestNeighbors::Options o;
        o.k = 7;
        KNearestNeighbors knn(o);
        QVERIFY(knn.fit(X(tr, Eigen::all), y(tr), FitContext {}));
        const Eigen::MatrixXd Xte = X(te, Eigen::all);
        compareClassification(y(te), knn.predict(Xte), knn.predictProbabilities(Xte));
    }
}

void TestMetrics::sklearnRegression()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    std::mt19937_64 rng(3);
    std::normal_distribution<double> normal;
    const int n = 400;
    Eigen::VectorXd yt(n), yp(n);
    for (int i = 0; i < n; ++i) {
        yt(i) = 5 * normal(rng) + (i % 50 == 0 ? -5.0 : 2.0);
        yp(i) = yt(i) + normal(rng);
    }
    yt(3) = 0; // MAPE's epsilon denominator
    compareRegression(yt, yp);
    // Real: k-NN regression on diabetes.
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    QVERIFY(loadCsv(QStringLiteral("diabetes.csv"), X, y));
    std::vector<Eigen::Index> tr, te;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        (i % 3 ? tr : te).push_back(i);
    KNearestNeighbors::Options o;
    o.task = sextant::engine::EstimatorTask::Regression;
    KNearestNeighbors knn(o);
    QVERIFY(knn.fit(X(tr, Eigen::all), y(tr), FitContext {}));
    compareRegression(y(te), knn.predict(X(te, Eigen::all)));
}

void TestMetrics::sklearnClustering()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> cls(0, 3);
    const int n = 700, d = 3, K = 4;
    Eigen::MatrixXd X(n, d), C(K, d);
    Eigen::VectorXd a(n), b(n);
    for (int k = 0; k < K; ++k)
        for (int j = 0; j < d; ++j)
            C(k, j) = 4 * normal(rng);
    for (int i = 0; i < n; ++i) {
        a(i) = cls(rng);
        b(i) = normal(rng) < 1.0 ? a(i) : cls(rng) + 2; // other codes, some disagreement
        X.row(i) = C.row(static_cast<int>(a(i)))
            + Eigen::RowVectorXd::NullaryExpr(d, [&] { return normal(rng); });
    }
    SklearnReference ref;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rx = X, rc = C;
    QVERIFY(ref.writeMatrix(QStringLiteral("X.csv"), rx.data(), n, d));
    QVERIFY(ref.writeMatrix(QStringLiteral("C.csv"), rc.data(), K, d));
    QVERIFY(ref.writeVector(QStringLiteral("a.csv"), std::vector<double>(a.data(), a.data() + n)));
    QVERIFY(ref.writeVector(QStringLiteral("b.csv"), std::vector<double>(b.data(), b.data() + n)));
    QString error;
    const QJsonObject o = ref.run(QString::fromUtf8(kClusteringScript), &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    COMPARE_REF(Metrics::silhouette(X, a), o[QStringLiteral("sil")].toDouble(), "silhouette");
    COMPARE_REF(Metrics::adjustedRandIndex(a, b), o[QStringLiteral("ari")].toDouble(), "ARI");
    COMPARE_REF(
        Metrics::adjustedRandIndex(a, a), o[QStringLiteral("ari_self")].toDouble(), "ARI self");
    COMPARE_REF(
        Metrics::inertia(X, a, C), o[QStringLiteral("inertia_c")].toDouble(), "inertia (centres)");
    COMPARE_REF(
        Metrics::inertia(X, a), o[QStringLiteral("inertia_m")].toDouble(), "inertia (means)");
}

void TestMetrics::silhouetteSampling()
{
    // Above the row limit the value is computed on a seeded sample: same seed same value,
    // close to the exact one for well-separated clusters.
    std::mt19937_64 rng(9);
    std::normal_distribution<double> normal;
    const int n = 3000;
    Eigen::MatrixXd X(n, 2);
    Eigen::VectorXd l(n);
    for (int i = 0; i < n; ++i) {
        l(i) = i % 3;
        X(i, 0) = 6 * (i % 3) + normal(rng);
        X(i, 1) = normal(rng);
    }
    const double exact = Metrics::silhouette(X, l, 0);
    const double s1 = Metrics::silhouette(X, l, 500, 42);
    QCOMPARE(Metrics::silhouette(X, l, 500, 42), s1);
    QVERIFY(s1 != Metrics::silhouette(X, l, 500, 43));
    QVERIFY2(
        std::abs(s1 - exact) < 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(s1).arg(exact)));
    QCOMPARE(Metrics::silhouette(X, l, n), exact); // limit not exceeded: exact
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
