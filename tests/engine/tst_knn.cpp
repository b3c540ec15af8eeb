// k-nearest neighbours: hand-computed neighbours and votes, tie-breaking by training row,
// brute force (SIMD kernel) = KD-tree = naive search, and scikit-learn's
// KNeighborsClassifier / KNeighborsRegressor (algorithm="brute") on iris, wine, diabetes.
#include "ReferenceCsv.h"
#include "SklearnReference.h"
#include "ml/KNearestNeighbors.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <atomic>
#include <cmath>
#include <map>
#include <random>

using sextant::engine::EstimatorTask;
using sextant::engine::FitContext;
using sextant::engine::FitError;
using sextant::engine::KNearestNeighbors;
using sextant::engine::ModelState;
using sextant::engine::ModelStateError;
using sextant::testing::SklearnReference;
using Opt = sextant::engine::KNearestNeighborsOptions;
using IndexMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;

namespace {

using sextant::testing::loadCsv;
// The k nearest rows by exact distance, ties to the lower row: a plain sort.
IndexMatrix naiveNeighbours(
    const Eigen::MatrixXd &train, const Eigen::MatrixXd &q, int k, bool manhattan)
{
    IndexMatrix out(q.rows(), k);
    for (Eigen::Index i = 0; i < q.rows(); ++i) {
        std::vector<std::pair<double, std::int64_t>> all;
        for (Eigen::Index r = 0; r < train.rows(); ++r) {
            double s = 0;
            for (Eigen::Index j = 0; j < train.cols(); ++j) {
                const double diff = q(i, j) - train(r, j);
                s += manhattan ? std::abs(diff) : diff * diff;
            }
            all.push_back({ s, r });
        }
        std::sort(all.begin(), all.end());
        for (int c = 0; c < k; ++c)
            out(i, c) = all[static_cast<std::size_t>(c)].second;
    }
    return out;
}

bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size()))
        == 0;
}

const char *kScript = R"PY(
import json, numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
X = np.loadtxt("Xtr.csv", delimiter=",", ndmin=2)
y = np.loadtxt("ytr.csv", delimiter=",")
Q = np.loadtxt("Xte.csv", delimiter=",", ndmin=2)
o = json.load(open("opts.json"))
kw = dict(n_neighbors=o["k"], weights=o["weights"], metric=o["metric"], algorithm="brute")
if o["regression"]:
    m = KNeighborsRegressor(**kw).fit(X, y)
    print(json.dumps({"pred": m.predict(Q).tolist()}))
else:
    m = KNeighborsClassifier(**kw).fit(X, y.astype(int))
    print(json.dumps({"pred": m.predict(Q).tolist(), "proba": m.predict_proba(Q).tolist()}))
)PY";

} // namespace

class TestKnn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void handComputed();
    void distanceWeightsAndZeroDistance();
    void tiesGoToLowerRow();
    void searchesAgree_data();
    void searchesAgree();
    void sklearnReference_data();
    void sklearnReference();
    void leaveOneOutChoice_data();
    void leaveOneOutChoice();
    void stateRoundTrip();
    void corruptedStateThrows();
    void invalidInput();
    void cancel();
};

void TestKnn::handComputed()
{
    // 1-D points 0, 1, 2, 10, 11 with classes 0 0 1 1 1.
    Eigen::MatrixXd X(5, 1);
    X << 0, 1, 2, 10, 11;
    Eigen::VectorXd y(5);
    y << 0, 0, 1, 1, 1;
    Opt o;
    o.k = 3;
    KNearestNeighbors knn(o);
    QVERIFY(knn.fit(X, y, FitContext {}));
    QCOMPARE(knn.classCount(), 2);
    Eigen::MatrixXd q(2, 1);
    q << 0.4, 9;
    IndexMatrix idx;
    Eigen::MatrixXd dist;
    knn.kNeighbors(q, &idx, &dist);
    QCOMPARE(idx(0, 0), std::int64_t(0));
    QCOMPARE(idx(0, 1), std::int64_t(1));
    QCOMPARE(idx(0, 2), std::int64_t(2));
    QCOMPARE(dist(0, 2), 1.6);
    QCOMPARE(idx(1, 0), std::int64_t(3));
    QCOMPARE(idx(1, 1), std::int64_t(4));
    QCOMPARE(idx(1, 2), std::int64_t(2));
    const Eigen::VectorXd p = knn.predict(q);
    QCOMPARE(p(0), 0.0); // votes 2:1
    QCOMPARE(p(1), 1.0);
    const Eigen::MatrixXd P = knn.predictProbabilities(q);
    QCOMPARE(P(0, 0), 2.0 / 3.0);
    QCOMPARE(P(1, 1), 1.0);
    // Regression: mean of the 3 neighbours' targets.
    Opt r = o;
    r.task = EstimatorTask::Regression;
    KNearestNeighbors reg(r);
    Eigen::VectorXd t(5);
    t << 1, 2, 3, 4, 5;
    QVERIFY(reg.fit(X, t, FitContext {}));
    QCOMPARE(reg.predict(q)(0), 2.0);
    QCOMPARE(reg.predict(q)(1), 4.0);
}

void TestKnn::distanceWeightsAndZeroDistance()
{
    Eigen::MatrixXd X(4, 1);
    X << 0, 1, 3, 3;
    Eigen::VectorXd y(4);
    y << 0, 1, 1, 1;
    Opt o;
    o.k = 3;
    o.weights = Opt::Weights::Distance;
    KNearestNeighbors knn(o);
    QVERIFY(knn.fit(X, y, FitContext {}));
    Eigen::MatrixXd q(2, 1);
    q << 0.25, 1;
    // Query 0.25: neighbours 0 (d .25, class 0), 1 (d .75, class 1), 3 (d 2.75, class 1):
    // class 0 weight 4, class 1 weight 4/3 + 4/11.
    const Eigen::MatrixXd P = knn.predictProbabilities(q);
    const double w0 = 1 / 0.25, w1 = 1 / 0.75 + 1 / 2.75;
    QVERIFY(std::abs(P(0, 0) - w0 / (w0 + w1)) < 1e-15);
    QCOMPARE(knn.predict(q)(0), 0.0);
    // Query 1 sits on training row 1: all weight to it.
    QCOMPARE(P(1, 1), 1.0);
    QCOMPARE(P(1, 0), 0.0);
}

void TestKnn::tiesGoToLowerRow()
{
    // Rows 1, 2, 4 are copies of one point with classes 1, 0, 0; k = 1 must pick row 1,
    // k = 2 rows 1 and 2 (class-vote tie -> lowest class, 0).
    Eigen::MatrixXd X(5, 2);
    X << 5, 5, 1, 1, 1, 1, 9, 9, 1, 1;
    Eigen::VectorXd y(5);
    y << 2, 1, 0, 2, 0;
    Eigen::MatrixXd q(1, 2);
    q << 1.5, 1;
    for (auto alg : { Opt::Algorithm::Brute, Opt::Algorithm::KdTree }) {
        for (auto metric : { Opt::Metric::Euclidean, Opt::Metric::Manhattan }) {
            Opt o;
            o.k = 1;
            o.algorithm = alg;
            o.metric = metric;
            o.leafSize = 1;
            KNearestNeighbors one(o);
            QVERIFY(one.fit(X, y, FitContext {}));
            QCOMPARE(one.predict(q)(0), 1.0);
            o.k = 2;
            KNearestNeighbors two(o);
            QVERIFY(two.fit(X, y, FitContext {}));
            IndexMatrix idx;
            two.kNeighbors(q, &idx, nullptr);
            QCOMPARE(idx(0, 0), std::int64_t(1));
            QCOMPARE(idx(0, 1), std::int64_t(2));
            QCOMPARE(two.predict(q)(0), 0.0);
        }
    }
}

void TestKnn::searchesAgree_data()
{
    QTest::addColumn<int>("d");
    QTest::addColumn<bool>("grid");
    QTest::addColumn<bool>("manhattan");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("scale");
    QTest::newRow("d3 continuous") << 3 << false << false << 0.0 << 1.0;
    QTest::newRow("d3 grid (many ties)") << 3 << true << false << 0.0 << 1.0;
    QTest::newRow("d20 continuous") << 20 << false << false << 0.0 << 1.0;
    QTest::newRow("d20 grid (many ties)") << 20 << true << false << 0.0 << 1.0;
    QTest::newRow("d20 large offset") << 20 << false << false << 1e4 << 1.0;
    // Float screening limits: values that are subnormal in float, and beyond 1e15 (double path).
    QTest::newRow("d20 tiny values") << 20 << false << false << 0.0 << 1e-41;
    QTest::newRow("d20 huge values") << 20 << false << false << 0.0 << 1e17;
    QTest::newRow("d7 grid manhattan") << 7 << true << true << 0.0 << 1.0;
    QTest::newRow("d13 manhattan") << 13 << false << true << 0.0 << 1.0;
}

void TestKnn::searchesAgree()
{
    QFETCH(int, d);
    QFETCH(bool, grid);
    QFETCH(bool, manhattan);
    QFETCH(double, offset);
    QFETCH(double, scale);
    std::mt19937_64 rng(static_cast<unsigned>(d * 31 + grid));
    std::normal_distribution<double> normal;
    std::uniform_int_distribution<int> cell(0, 3);
    const int n = 1500, nq = 203, k = 6;
    Eigen::MatrixXd X(n, d), Q(nq, d);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j)
            X(i, j) = offset + scale * (grid ? cell(rng) : normal(rng));
        y(i) = i % 3;
    }
    for (int i = 0; i < nq; ++i)
        for (int j = 0; j < d; ++j)
            Q(i, j) = offset + scale * (grid ? cell(rng) : normal(rng));
    const IndexMatrix expected = naiveNeighbours(X, Q, k, manhattan);
    Eigen::VectorXd firstPred;
    for (auto alg : { Opt::Algorithm::Brute, Opt::Algorithm::KdTree }) {
        for (int threads : { 1, 2, 3 }) {
            // Brute force: the portable, AVX2 and best SIMD kernels (when the CPU has them).
            qputenv("SEXTANT_KNN_SIMD", threads == 1 ? "generic" : threads == 2 ? "avx2" : "");
            Opt o;
            o.k = k;
            o.algorithm = alg;
            o.metric = manhattan ? Opt::Metric::Manhattan : Opt::Metric::Euclidean;
            KNearestNeighbors knn(o);
            FitContext ctx;
            ctx.threads = threads;
            QVERIFY(knn.fit(X, y, ctx));
            IndexMatrix idx;
            knn.kNeighbors(Q, &idx, nullptr);
            for (int i = 0; i < nq; ++i)
                for (int c = 0; c < k; ++c)
                    QVERIFY2(idx(i, c) == expected(i, c),
                        qPrintable(
                            QStringLiteral("query %1 neighbour %2: %3, expected %4 (algorithm %5)")
                                .arg(i)
                                .arg(c)
                                .arg(idx(i, c))
                                .arg(expected(i, c))
                                .arg(static_cast<int>(alg))));
            const Eigen::VectorXd pred = knn.predict(Q);
            if (firstPred.size() == 0)
                firstPred = pred;
            QVERIFY(sameBits(pred, firstPred));
            qunsetenv("SEXTANT_KNN_SIMD");
        }
    }
}

void TestKnn::sklearnReference_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("regression");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("distance");
    QTest::addColumn<bool>("manhattan");
    QTest::newRow("iris k5") << "iris.csv" << false << 5 << false << false;
    QTest::newRow("iris k8 distance") << "iris.csv" << false << 8 << true << false;
    QTest::newRow("iris k4 manhattan") << "iris.csv" << false << 4 << false << true;
    QTest::newRow("wine k5") << "wine.csv" << false << 5 << false << false;
    QTest::newRow("wine k6 distance manhattan") << "wine.csv" << false << 6 << true << true;
    QTest::newRow("diabetes k5") << "diabetes.csv" << true << 5 << false << false;
    QTest::newRow("diabetes k9 distance") << "diabetes.csv" << true << 9 << true << false;
    QTest::newRow("diabetes k3 manhattan distance") << "diabetes.csv" << true << 3 << true << true;
}

void TestKnn::sklearnReference()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    QFETCH(QString, file);
    QFETCH(bool, regression);
    QFETCH(int, k);
    QFETCH(bool, distance);
    QFETCH(bool, manhattan);
    Eigen::MatrixXd X;
    Eigen::VectorXd y;
    QVERIFY(loadCsv(file, X, y));
    // Split: every third row is a test row.
    std::vector<Eigen::Index> tr, te;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        (i % 3 == 1 ? te : tr).push_back(i);
    const Eigen::MatrixXd Xtr = X(tr, Eigen::all), Xte = X(te, Eigen::all);
    const Eigen::VectorXd ytr = y(tr);
    SklearnReference ref;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> a = Xtr, b = Xte;
    QVERIFY(ref.writeMatrix(QStringLiteral("Xtr.csv"), a.data(), a.rows(), a.cols()));
    QVERIFY(ref.writeMatrix(QStringLiteral("Xte.csv"), b.data(), b.rows(), b.cols()));
    QVERIFY(ref.writeVector(
        QStringLiteral("ytr.csv"), std::vector<double>(ytr.data(), ytr.data() + ytr.size())));
    QFile opts(ref.path(QStringLiteral("opts.json")));
    QVERIFY(opts.open(QIODevice::WriteOnly));
    opts.write(
        QStringLiteral("{\"k\": %1, \"weights\": \"%2\", \"metric\": \"%3\", \"regression\": %4}")
            .arg(k)
            .arg(distance ? QStringLiteral("distance") : QStringLiteral("uniform"))
            .arg(manhattan ? QStringLiteral("manhattan") : QStringLiteral("euclidean"))
            .arg(regression ? QStringLiteral("true") : QStringLiteral("false"))
            .toUtf8());
    opts.close();
    QString error;
    const QJsonObject o = ref.run(QString::fromUtf8(kScript), &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));

    Opt opt;
    opt.k = k;
    opt.task = regression ? EstimatorTask::Regression : EstimatorTask::Classification;
    opt.weights = distance ? Opt::Weights::Distance : Opt::Weights::Uniform;
    opt.metric = manhattan ? Opt::Metric::Manhattan : Opt::Metric::Euclidean;
    for (auto alg : { Opt::Algorithm::Auto, Opt::Algorithm::Brute }) {
        opt.algorithm = alg;
        KNearestNeighbors knn(opt);
        QVERIFY(knn.fit(Xtr, ytr, FitContext {}));
        const Eigen::VectorXd pred = knn.predict(Xte);
        const auto refPred = SklearnReference::toVector(o[QStringLiteral("pred")]);
        QCOMPARE(refPred.size(), static_cast<std::size_t>(pred.size()));
        for (Eigen::Index i = 0; i < pred.size(); ++i) {
            const double r = refPred[static_cast<std::size_t>(i)];
            if (regression)
                QVERIFY2(std::abs(pred(i) - r) <= 1e-9 * std::max(1.0, std::abs(r)),
                    qPrintable(QStringLiteral("row %1: ours %2, sklearn %3")
                                   .arg(i)
                                   .arg(pred(i), 0, 'g', 17)
                                   .arg(r, 0, 'g', 17)));
            else
                QVERIFY2(pred(i) == r,
                    qPrintable(
                        QStringLiteral("row %1: ours %2, sklearn %3").arg(i).arg(pred(i)).arg(r)));
        }
        if (!regression) {
            int rows = 0, cols = 0;
            const auto P = SklearnReference::toMatrix(o[QStringLiteral("proba")], &rows, &cols);
            const Eigen::MatrixXd ours = knn.predictProbabilities(Xte);
            QCOMPARE(rows, static_cast<int>(ours.rows()));
            QCOMPARE(cols, static_cast<int>(ours.cols()));
            for (int i = 0; i < rows; ++i)
                for (int c = 0; c < cols; ++c)
                    QVERIFY2(
                        std::abs(ours(i, c) - P[static_cast<std::size_t>(i * cols + c)]) <= 1e-9,
                        qPrintable(QStringLiteral("proba (%1, %2)").arg(i).arg(c)));
        }
    }
}

void TestKnn::leaveOneOutChoice_data()
{
    QTest::addColumn<bool>("regression");
    QTest::addColumn<bool>("distance");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("maxK");
    QTest::newRow("classes, uniform") << false << false << 150 << 12;
    QTest::newRow("classes, distance") << false << true << 150 << 12;
    QTest::newRow("values, uniform") << true << false << 150 << 12;
    QTest::newRow("values, distance") << true << true << 150 << 12;
    // Above kLeaveOneOutRows: 2,000 evenly spaced rows are scored.
    QTest::newRow("classes, sampled rows") << false << false << 2600 << 3;
}

void TestKnn::leaveOneOutChoice()
{
    // Each score is checked against its definition: the row left out of the training rows
    // altogether, a model with that fixed k fitted on the others, the row predicted.
    QFETCH(bool, regression);
    QFETCH(bool, distance);
    QFETCH(int, rows);
    QFETCH(int, maxK);
    std::mt19937_64 rng(11);
    std::normal_distribution<double> normal;
    const int n = rows, d = 3;
    Eigen::MatrixXd X(n, d);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < d; ++j)
            X(i, j) = std::round(normal(rng) * 4) / 4; // coarse: duplicate rows and ties
        const double signal = X(i, 0) - 0.5 * X(i, 1) + 0.7 * normal(rng);
        y(i) = regression ? signal : (signal > 0.6 ? 2 : signal > -0.4 ? 1 : 0);
    }
    Opt o;
    o.task = regression ? EstimatorTask::Regression : EstimatorTask::Classification;
    o.weights = distance ? Opt::Weights::Distance : Opt::Weights::Uniform;
    o.chooseK = true;
    o.maxK = maxK;
    KNearestNeighbors knn(o);
    QVERIFY(knn.fit(X, y, FitContext {}));
    const std::vector<double> &scores = knn.leaveOneOutScores();
    QCOMPARE(static_cast<int>(scores.size()), maxK);
    const std::int64_t q = std::min<std::int64_t>(n, KNearestNeighbors::kLeaveOneOutRows);
    std::vector<double> expected(static_cast<std::size_t>(maxK), 0.0);
    for (std::int64_t s = 0; s < q; ++s) {
        const std::int64_t row = q == n ? s : s * n / q;
        std::vector<Eigen::Index> others;
        for (Eigen::Index r = 0; r < n; ++r)
            if (r != row)
                others.push_back(r);
        const Eigen::MatrixXd Xo = X(others, Eigen::all);
        const Eigen::VectorXd yo = y(others);
        for (int k = 1; k <= maxK; ++k) {
            Opt fixed = o;
            fixed.chooseK = false;
            fixed.k = k;
            KNearestNeighbors m(fixed);
            QVERIFY(m.fit(Xo, yo, FitContext {}));
            const double p = m.predict(X.row(row))(0);
            const double e = p - y(row);
            expected[static_cast<std::size_t>(k - 1)]
                += regression ? e * e : (p == y(row) ? 1.0 : 0.0);
        }
    }
    int best = 1;
    for (int k = 1; k <= maxK; ++k) {
        const double want = expected[static_cast<std::size_t>(k - 1)] / static_cast<double>(q);
        const double got = scores[static_cast<std::size_t>(k - 1)];
        QVERIFY2(std::abs(got - want) <= 1e-12 * std::max(1.0, std::abs(want)),
            qPrintable(QStringLiteral("k = %1: leave-one-out score %2, by refitting %3")
                           .arg(k)
                           .arg(got, 0, 'g', 17)
                           .arg(want, 0, 'g', 17)));
        const double b = expected[static_cast<std::size_t>(best - 1)];
        const double v = expected[static_cast<std::size_t>(k - 1)];
        if (regression ? v <= b : v >= b)
            best = k; // the larger k on a tie
    }
    QCOMPARE(knn.neighbours(), best);
    QVERIFY(knn.neighbours() > 1); // the noise makes a single neighbour a poor choice
    // The model predicts as a fixed-k model with the chosen k.
    Opt fixed = o;
    fixed.chooseK = false;
    fixed.k = best;
    KNearestNeighbors same(fixed);
    QVERIFY(same.fit(X, y, FitContext {}));
    const Eigen::MatrixXd Q = X.topRows(40).array() + 0.1;
    QVERIFY(sameBits(knn.predict(Q), same.predict(Q)));
    // A model file keeps the chosen k, and a clone chooses again.
    KNearestNeighbors restored;
    restored.restore(knn.state());
    QVERIFY(restored.options().chooseK);
    QCOMPARE(restored.options().maxK, maxK);
    QCOMPARE(restored.neighbours(), best);
    QVERIFY(restored.state() == knn.state());
    QVERIFY(sameBits(knn.predict(Q), restored.predict(Q)));
    auto clone = knn.cloneUnfitted();
    QVERIFY(clone->fit(X, y, FitContext {}));
    QCOMPARE(static_cast<KNearestNeighbors &>(*clone).neighbours(), best);
    // Fewer training rows than maxK + 1: k up to rows - 1.
    KNearestNeighbors small(o);
    QVERIFY(small.fit(X.topRows(4), y.head(4), FitContext {}));
    QCOMPARE(static_cast<int>(small.leaveOneOutScores().size()), std::min(maxK, 3));
    KNearestNeighbors single(o);
    QVERIFY(single.fit(X.topRows(1), y.head(1), FitContext {}));
    QCOMPARE(single.neighbours(), 1);
}

void TestKnn::stateRoundTrip()
{
    std::mt19937_64 rng(4);
    std::normal_distribution<double> normal;
    const int n = 400;
    for (int d : { 4, 16 }) {
        Eigen::MatrixXd X(n, d);
        Eigen::VectorXd y(n);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < d; ++j)
                X(i, j) = normal(rng);
            y(i) = X(i, 0) + X(i, 1) > 0 ? 1 : (X(i, 2) > 0.5 ? 2 : 0);
        }
        const Eigen::MatrixXd Q = X.topRows(50).array() + 0.1;
        for (auto task : { EstimatorTask::Classification, EstimatorTask::Regression }) {
            Opt o;
            o.task = task;
            o.k = 7;
            o.weights = Opt::Weights::Distance;
            KNearestNeighbors a(o);
            QVERIFY(a.fit(X, task == EstimatorTask::Regression ? Eigen::VectorXd(X.col(3)) : y,
                FitContext {}));
            const ModelState s = a.state();
            QCOMPARE(QString::fromStdString(s.kind), QStringLiteral("knn"));
            KNearestNeighbors b;
            b.restore(s);
            QVERIFY(b.state() == s);
            QVERIFY(b.task() == task);
            QCOMPARE(b.options().k, 7);
            QVERIFY(sameBits(a.predict(Q), b.predict(Q)));
            if (task == EstimatorTask::Classification)
                QVERIFY(sameBits(a.predictProbabilities(Q), b.predictProbabilities(Q)));
            auto c = a.cloneUnfitted();
            QVERIFY(!c->isFitted());
            QCOMPARE(QString::fromStdString(c->kind()), QStringLiteral("knn"));
        }
    }
    // An unfitted model's state restores to an unfitted model with the same options.
    Opt o;
    o.k = 3;
    KNearestNeighbors u(o), v;
    v.restore(u.state());
    QVERIFY(!v.isFitted());
    QCOMPARE(v.options().k, 3);
}

void TestKnn::corruptedStateThrows()
{
    Eigen::MatrixXd X(6, 2);
    X << 0, 0, 1, 0, 0, 1, 1, 1, 2, 2, 3, 3;
    Eigen::VectorXd y(6);
    y << 0, 0, 1, 1, 2, 2;
    KNearestNeighbors a;
    QVERIFY(a.fit(X, y, FitContext {}));
    const ModelState good = a.state();
    const auto expectThrow = [&](ModelState s, const char *what) {
        KNearestNeighbors b;
        bool thrown = false;
        try {
            b.restore(s);
        } catch (const ModelStateError &) {
            thrown = true;
        }
        QVERIFY2(thrown, what);
    };
    ModelState s = good;
    s.kind = "svm";
    expectThrow(s, "kind");
    s = good;
    s.numbers["k"] = 7; // more than the 6 rows
    expectThrow(s, "k > rows");
    s = good;
    s.numbers["k"] = 2.5;
    expectThrow(s, "fractional k");
    s = good;
    s.arrays["y"].values[0] = 3; // class_count is 3
    expectThrow(s, "label out of range");
    s = good;
    s.arrays["x"].values[1] = std::nan("");
    expectThrow(s, "NaN in x");
    s = good;
    s.arrays["x"].shape = { 4, 3 };
    expectThrow(s, "x shape");
    s = good;
    s.arrays["y"] = { { 5 }, { 0, 0, 1, 1, 2 } };
    expectThrow(s, "y length");
    s = good;
    s.numbers.erase("metric");
    expectThrow(s, "missing metric");
    s = good;
    s.numbers["weights"] = 2;
    expectThrow(s, "weights out of range");
    s = good;
    s.version = 2;
    expectThrow(s, "version");
}

void TestKnn::invalidInput()
{
    KNearestNeighbors knn;
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(3, 2);
    Eigen::VectorXd y(3);
    y << 0, 1, 1;
    QVERIFY_THROWS_EXCEPTION(FitError, knn.fit(X, y, FitContext {})); // k = 5 > 3 rows
    Opt o;
    o.k = 2;
    KNearestNeighbors k2(o);
    QVERIFY_THROWS_EXCEPTION(FitError, k2.fit(X, Eigen::VectorXd::Zero(2), FitContext {}));
    Eigen::MatrixXd bad = X;
    bad(1, 1) = std::nan("");
    QVERIFY_THROWS_EXCEPTION(FitError, k2.fit(bad, y, FitContext {}));
    Eigen::VectorXd frac = y;
    frac(0) = 0.5;
    QVERIFY_THROWS_EXCEPTION(FitError, k2.fit(X, frac, FitContext {}));
    QVERIFY(k2.fit(X, y, FitContext {}));
    QVERIFY_THROWS_EXCEPTION(FitError, k2.predict(Eigen::MatrixXd::Zero(2, 3)));
    o.k = 0;
    KNearestNeighbors k0(o);
    QVERIFY_THROWS_EXCEPTION(FitError, k0.fit(X, y, FitContext {}));
}

void TestKnn::cancel()
{
    Eigen::MatrixXd X = Eigen::MatrixXd::Random(200000, 8);
    Eigen::VectorXd y = Eigen::VectorXd::Zero(200000);
    std::atomic<bool> flag { true };
    FitContext ctx;
    ctx.cancel = &flag;
    KNearestNeighbors knn;
    QElapsedTimer t;
    t.start();
    QVERIFY(!knn.fit(X, y, ctx));
    QVERIFY(t.elapsed() < 2000);
    QVERIFY(!knn.isFitted());
}

QTEST_GUILESS_MAIN(TestKnn)
#include "tst_knn.moc"
