// Fold assignment (KFold, StratifiedKFold, train/test split) and cross-validation
// (Evaluation::crossValidate, the one the nodes run): partitions, stratification, seeds,
// scikit-learn's unshuffled folds, and CV equal to fitting each fold by hand with small
// estimators defined here.
#include "SklearnReference.h"
#include "data/Dataset.h"
#include "ml/CrossValidation.h"
#include "ml/KNearestNeighbors.h"
#include "ml/TrainedModel.h"
#include "nodes/Evaluation.h"
#include "nodes/MetricsTable.h"

#include <QJsonObject>
#include <QTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <set>

using namespace sextant::engine;
using sextant::testing::SklearnReference;

namespace {

// Regression: predicts the mean of the training targets.
class MeanRegressor : public Estimator {
public:
    std::string kind() const override { return "test_mean"; }
    EstimatorTask task() const override { return EstimatorTask::Regression; }
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override
    {
        if (context.cancelled())
            return false;
        m_d = static_cast<int>(X.cols());
        m_mean = y.mean();
        return true;
    }
    bool isFitted() const override { return m_d > 0; }
    int featureCount() const override { return m_d; }

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override
    {
        return Eigen::VectorXd::Constant(X.rows(), m_mean);
    }
    ModelState state() const override { return {}; }
    void restore(const ModelState &) override { }
    std::unique_ptr<Estimator> cloneUnfitted() const override
    {
        return std::make_unique<MeanRegressor>();
    }

private:
    int m_d = 0;
    double m_mean = 0;
};

// Regression like MeanRegressor, in three reported epochs. The `stopOnFit`-th fit (1-based,
// counted in `fits`) sets `stop` during its first epoch, as Stop pressed then would.
class SteppingRegressor : public MeanRegressor {
public:
    SteppingRegressor(std::atomic<int> *fits, int stopOnFit, std::atomic<bool> *stop)
        : m_fits(fits), m_stopOnFit(stopOnFit), m_stop(stop)
    {
    }
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override
    {
        const int fit = ++*m_fits;
        for (int epoch = 1; epoch <= 3; ++epoch) {
            if (fit == m_stopOnFit)
                m_stop->store(true);
            EpochReport r;
            r.epoch = epoch;
            r.totalEpochs = 3;
            if (context.report(r))
                break;
        }
        return MeanRegressor::fit(X, y, context);
    }
    std::unique_ptr<Estimator> cloneUnfitted() const override
    {
        return std::make_unique<SteppingRegressor>(m_fits, m_stopOnFit, m_stop);
    }

private:
    std::atomic<int> *m_fits;
    int m_stopOnFit;
    std::atomic<bool> *m_stop;
};

// Classification: nearest class centroid; probabilities softmax(-squared distance). Classes
// absent from a fold get no centroid (probability 0).
class CentroidClassifier : public Estimator {
public:
    std::string kind() const override { return "test_centroid"; }
    EstimatorTask task() const override { return EstimatorTask::Classification; }
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override
    {
        m_k = context.classCount > 0 ? context.classCount : static_cast<int>(y.maxCoeff()) + 1;
        m_c = Eigen::MatrixXd::Zero(m_k, X.cols());
        m_n = Eigen::VectorXd::Zero(m_k);
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            m_c.row(static_cast<Eigen::Index>(y(i))) += X.row(i);
            m_n(static_cast<Eigen::Index>(y(i))) += 1;
        }
        for (int c = 0; c < m_k; ++c)
            if (m_n(c) > 0)
                m_c.row(c) /= m_n(c);
        return true;
    }
    bool isFitted() const override { return m_k > 0; }
    int featureCount() const override { return static_cast<int>(m_c.cols()); }
    bool hasProbabilities() const override { return true; }
    int classCount() const override { return m_k; }
    ModelState state() const override { return {}; }
    void restore(const ModelState &) override { }
    std::unique_ptr<Estimator> cloneUnfitted() const override
    {
        return std::make_unique<CentroidClassifier>();
    }

protected:
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override
    {
        Eigen::MatrixXd P(X.rows(), m_k);
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            for (int c = 0; c < m_k; ++c)
                P(i, c) = m_n(c) > 0 ? std::exp(-(X.row(i) - m_c.row(c)).squaredNorm()) : 0.0;
            P.row(i) /= P.row(i).sum();
        }
        return P;
    }
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override
    {
        const Eigen::MatrixXd P = probabilitiesFitted(X);
        Eigen::VectorXd out(X.rows());
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            Eigen::Index arg = 0;
            P.row(i).maxCoeff(&arg);
            out(i) = static_cast<double>(arg);
        }
        return out;
    }

private:
    int m_k = 0;
    Eigen::MatrixXd m_c;
    Eigen::VectorXd m_n;
};

// Train and test disjoint and covering all rows; with `allTested`, every row is a test row
// of exactly one split (k-fold).
void checkPartition(const std::vector<DataSplit> &folds, Eigen::Index n, bool allTested = true)
{
    std::vector<int> seen(static_cast<std::size_t>(n), 0);
    for (const DataSplit &f : folds) {
        QCOMPARE(static_cast<Eigen::Index>(f.train.size() + f.test.size()), n);
        QVERIFY(std::is_sorted(f.train.begin(), f.train.end()));
        QVERIFY(std::is_sorted(f.test.begin(), f.test.end()));
        std::set<Eigen::Index> all(f.train.begin(), f.train.end());
        all.insert(f.test.begin(), f.test.end());
        QCOMPARE(static_cast<Eigen::Index>(all.size()), n); // train and test disjoint, cover all
        for (Eigen::Index r : f.test)
            ++seen[static_cast<std::size_t>(r)];
    }
    if (allTested)
        for (int s : seen)
            QCOMPARE(s, 1); // every row tested exactly once
}

bool sameSplits(const std::vector<DataSplit> &a, const std::vector<DataSplit> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].test != b[i].test || a[i].train != b[i].train)
            return false;
    return true;
}

Eigen::VectorXd unbalancedLabels(int n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::discrete_distribution<int> cls({ 0.55, 0.3, 0.1, 0.05 });
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i)
        y(i) = cls(rng);
    return y;
}

bool sameBits(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size()))
        == 0;
}

// A table with X's columns "x0", "x1", ... as features and y as the target column: numeric
// for regression, categorical with classes "0".."K-1" (codes = y) for classification.
Dataset table(const Eigen::MatrixXd &X, const Eigen::VectorXd &y, int classes)
{
    Dataset d;
    for (Eigen::Index j = 0; j < X.cols(); ++j)
        d.addColumn(Column::numeric(QStringLiteral("x%1").arg(j),
            std::vector<double>(X.col(j).data(), X.col(j).data() + X.rows())));
    if (classes > 0) {
        std::vector<std::int32_t> codes(static_cast<std::size_t>(y.size()));
        QStringList names;
        for (int k = 0; k < classes; ++k)
            names.push_back(QString::number(k));
        for (Eigen::Index i = 0; i < y.size(); ++i)
            codes[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(y(i));
        d.addColumn(Column::categorical(QStringLiteral("y"), std::move(codes), names));
    } else {
        d.addColumn(Column::numeric(
            QStringLiteral("y"), std::vector<double>(y.data(), y.data() + y.size())));
    }
    d.setRole(static_cast<int>(X.cols()), ColumnRole::Target);
    return d;
}

// The pipeline Evaluation::crossValidate cross-validates: `prototype` fitted on all rows.
std::shared_ptr<TrainedModel> pipeline(const Dataset &data, const Estimator &prototype)
{
    return TrainedModel::train(data, prototype.cloneUnfitted(), QStringLiteral("y"), {});
}

Evaluation::CvOptions options(int folds, bool stratified, bool shuffle, std::uint64_t seed)
{
    Evaluation::CvOptions o;
    o.folds = folds;
    o.stratified = stratified;
    o.shuffle = shuffle;
    o.seed = seed;
    return o;
}

} // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void kFoldPartition();
    void kFoldSeeds();
    void stratifiedShares();
    void sklearnUnshuffledFolds();
    void trainTestSplit();
    void invalidArguments();
    void constantEstimatorByHand();
    void matchesManualFolds();
    void knnThreadsDeterministic();
    void cancel();
    void stopKeepsFinishedFolds();
    void stopAbandonsTheFoldInTraining();
};

void TestCrossValidation::kFoldPartition()
{
    const auto folds = CrossValidation::kFold(23, 5);
    QCOMPARE(folds.size(), std::size_t(5));
    checkPartition(folds, 23);
    // Sizes 5 5 5 4 4, consecutive without shuffling.
    const std::size_t sizes[5] = { 5, 5, 5, 4, 4 };
    for (int f = 0; f < 5; ++f)
        QCOMPARE(folds[f].test.size(), sizes[f]);
    QCOMPARE(folds[1].test.front(), Eigen::Index(5));
    QCOMPARE(folds[4].test.back(), Eigen::Index(22));
    checkPartition(CrossValidation::kFold(23, 5, true, 3), 23);
}

void TestCrossValidation::kFoldSeeds()
{
    const auto a = CrossValidation::kFold(100, 4, true, 11);
    QVERIFY(sameSplits(a, CrossValidation::kFold(100, 4, true, 11)));
    QVERIFY(!sameSplits(a, CrossValidation::kFold(100, 4, true, 12)));
    QVERIFY(!sameSplits(a, CrossValidation::kFold(100, 4, false, 11)));
    const Eigen::VectorXd y = unbalancedLabels(300, 1);
    const auto s = CrossValidation::stratifiedKFold(y, 5, true, 4);
    QVERIFY(sameSplits(s, CrossValidation::stratifiedKFold(y, 5, true, 4)));
    QVERIFY(!sameSplits(s, CrossValidation::stratifiedKFold(y, 5, true, 5)));
}

void TestCrossValidation::stratifiedShares()
{
    for (bool shuffle : { false, true }) {
        const Eigen::VectorXd y = unbalancedLabels(503, 2);
        const int k = 7;
        const auto folds = CrossValidation::stratifiedKFold(y, k, shuffle, 9);
        checkPartition(folds, y.size());
        for (int c = 0; c < 4; ++c) {
            const double total = static_cast<double>((y.array() == c).count());
            for (const DataSplit &f : folds) {
                int inFold = 0;
                for (Eigen::Index r : f.test)
                    inFold += y(r) == c ? 1 : 0;
                QVERIFY2(std::abs(inFold - total / k) < 1.0 + 1e-9,
                    qPrintable(QStringLiteral("class %1: %2 rows in a fold, %3 expected")
                                   .arg(c)
                                   .arg(inFold)
                                   .arg(total / k)));
            }
        }
        // Fold sizes differ by at most one.
        std::size_t lo = y.size(), hi = 0;
        for (const DataSplit &f : folds) {
            lo = std::min(lo, f.test.size());
            hi = std::max(hi, f.test.size());
        }
        QVERIFY(hi - lo <= 1);
    }
}

void TestCrossValidation::sklearnUnshuffledFolds()
{
    if (const QString why = SklearnReference::unavailableReason(); !why.isEmpty())
        SEXTANT_SKIP_REFERENCE(why);
    Eigen::VectorXd y = unbalancedLabels(211, 3);
    y(0) = 2; // first-appearance class order differs from the sorted one
    SklearnReference ref;
    QVERIFY(ref.writeVector(
        QStringLiteral("y.csv"), std::vector<double>(y.data(), y.data() + y.size())));
    QString error;
    const QJsonObject o = ref.run(QStringLiteral(R"PY(
import json, numpy as np
from sklearn.model_selection import KFold, StratifiedKFold
y = np.loadtxt("y.csv").astype(int)
kf = [t.tolist() for _, t in KFold(6).split(np.zeros(len(y)))]
skf = [t.tolist() for _, t in StratifiedKFold(6).split(np.zeros(len(y)), y)]
print(json.dumps({"kf": kf, "skf": skf}))
)PY"),
        &error);
    QVERIFY2(!o.isEmpty(), qPrintable(error));
    const auto kf = CrossValidation::kFold(y.size(), 6);
    const auto skf = CrossValidation::stratifiedKFold(y, 6);
    const QJsonArray refKf = o[QStringLiteral("kf")].toArray(),
                     refSkf = o[QStringLiteral("skf")].toArray();
    QCOMPARE(refKf.size(), 6);
    for (int f = 0; f < 6; ++f) {
        const auto a = SklearnReference::toVector(refKf[f]);
        const auto b = SklearnReference::toVector(refSkf[f]);
        QCOMPARE(std::vector<double>(kf[f].test.begin(), kf[f].test.end()), a);
        QCOMPARE(std::vector<double>(skf[f].test.begin(), skf[f].test.end()), b);
    }
}

void TestCrossValidation::trainTestSplit()
{
    const DataSplit s = CrossValidation::trainTestSplit(101, 0.25, 5);
    QCOMPARE(s.test.size(), std::size_t(26)); // ceil(25.25)
    QCOMPARE(s.train.size(), std::size_t(75));
    checkPartition({ s }, 101, false);
    QVERIFY(CrossValidation::trainTestSplit(101, 0.25, 5).test == s.test);
    QVERIFY(CrossValidation::trainTestSplit(101, 0.25, 6).test != s.test);
    const Eigen::VectorXd y = unbalancedLabels(400, 7);
    const DataSplit st = CrossValidation::trainTestSplit(y, 0.3, true, 1);
    QCOMPARE(st.test.size(), std::size_t(120));
    checkPartition({ st }, 400, false);
    for (int c = 0; c < 4; ++c) {
        const double total = static_cast<double>((y.array() == c).count());
        int inTest = 0;
        for (Eigen::Index r : st.test)
            inTest += y(r) == c ? 1 : 0;
        QVERIFY(std::abs(inTest - 0.3 * total) < 1.0 + 1e-9);
    }
}

void TestCrossValidation::invalidArguments()
{
    QVERIFY_THROWS_EXCEPTION(FitError, CrossValidation::kFold(3, 5));
    QVERIFY_THROWS_EXCEPTION(FitError, CrossValidation::kFold(10, 1));
    Eigen::VectorXd y(6);
    y << 0, 0, 1, 1, 2, 2;
    QVERIFY_THROWS_EXCEPTION(FitError, CrossValidation::stratifiedKFold(y, 3 + 1));
    QVERIFY_THROWS_EXCEPTION(FitError, CrossValidation::trainTestSplit(10, 1.5));
    Eigen::VectorXd frac = y;
    frac(2) = 0.5;
    QVERIFY_THROWS_EXCEPTION(FitError, CrossValidation::stratifiedKFold(frac, 2));
    // More folds than rows, and a table without the model's target column.
    const Dataset d = table(Eigen::MatrixXd::Zero(6, 1), y, 0);
    MeanRegressor m;
    const auto model = pipeline(d, m);
    QVERIFY_THROWS_EXCEPTION(
        FitError, Evaluation::crossValidate(*model, d, options(7, false, false, 0)));
    Dataset noTarget = d;
    noTarget.removeColumn(1);
    QVERIFY_THROWS_EXCEPTION(
        FitError, Evaluation::crossValidate(*model, noTarget, options(2, false, false, 0)));
}

void TestCrossValidation::constantEstimatorByHand()
{
    // y = 0..9, 5 consecutive folds of 2 rows: fold f predicts the mean of the other 8 rows,
    // (45 - (2f + 2f + 1)) / 8.
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(10, 1);
    Eigen::VectorXd y(10);
    for (int i = 0; i < 10; ++i)
        y(i) = i;
    const Dataset d = table(X, y, 0);
    MeanRegressor proto;
    const Evaluation::CvResult r
        = Evaluation::crossValidate(*pipeline(d, proto), d, options(5, false, false, 0));
    QVERIFY(!r.cancelled);
    QCOMPARE(r.perFold.size(), qsizetype(5));
    QCOMPARE(r.outOfFold.probabilities.size(), Eigen::Index(0));
    for (int i = 0; i < 10; ++i) {
        const int f = i / 2;
        QCOMPARE(r.outOfFold.predicted(i), (45.0 - (4 * f + 1)) / 8.0);
        QCOMPARE(r.outOfFold.truth(i), y(i));
    }
}

void TestCrossValidation::matchesManualFolds()
{
    std::mt19937_64 rng(8);
    std::normal_distribution<double> normal;
    const int n = 240;
    Eigen::MatrixXd X(n, 3);
    Eigen::VectorXd y = unbalancedLabels(n, 9);
    y(n - 1) = 3; // class 3 is rare: some folds miss it in training or testing
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < 3; ++j)
            X(i, j) = normal(rng) + 1.5 * y(i) * (j == 0);
    const Dataset d = table(X, y, 4);
    const auto folds = CrossValidation::stratifiedKFold(y, 4, true, 2);
    CentroidClassifier proto;
    const auto model = pipeline(d, proto);
    for (int threads : { 1, 2, 4 }) {
        Evaluation::CvOptions o = options(4, true, true, 2);
        o.threads = threads;
        const Evaluation::CvResult r = Evaluation::crossValidate(*model, d, o);
        QCOMPARE(r.outOfFold.probabilities.cols(), Eigen::Index(4));
        QCOMPARE(r.outOfFold.classNames.size(), qsizetype(4));
        for (std::size_t f = 0; f < folds.size(); ++f) {
            CentroidClassifier manual;
            FitContext mc;
            mc.classCount = 4;
            QVERIFY(manual.fit(X(folds[f].train, Eigen::all), y(folds[f].train), mc));
            const Eigen::MatrixXd Xt = X(folds[f].test, Eigen::all);
            const Eigen::VectorXd p = manual.predict(Xt);
            const Eigen::MatrixXd P = manual.predictProbabilities(Xt);
            for (std::size_t i = 0; i < folds[f].test.size(); ++i) {
                const Eigen::Index row = folds[f].test[i];
                QCOMPARE(r.outOfFold.predicted(row), p(static_cast<Eigen::Index>(i)));
                QVERIFY(sameBits(
                    r.outOfFold.probabilities.row(row), P.row(static_cast<Eigen::Index>(i))));
            }
        }
    }
}

void TestCrossValidation::knnThreadsDeterministic()
{
    std::mt19937_64 rng(12);
    std::normal_distribution<double> normal;
    const int n = 900;
    Eigen::MatrixXd X(n, 12);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < 12; ++j)
            X(i, j) = normal(rng);
        y(i) = X(i, 0) + 0.5 * X(i, 1) > 0 ? 1 : 0;
    }
    const Dataset d = table(X, y, 2);
    KNearestNeighbors proto;
    const auto model = pipeline(d, proto);
    Evaluation::CvOptions one = options(5, false, true, 1);
    one.threads = 1;
    Evaluation::CvOptions many = one;
    many.threads = 3;
    const auto a = Evaluation::crossValidate(*model, d, one);
    const auto b = Evaluation::crossValidate(*model, d, many);
    QVERIFY(sameBits(a.outOfFold.predicted, b.outOfFold.predicted));
    QVERIFY(sameBits(a.outOfFold.probabilities, b.outOfFold.probabilities));
    // Accuracy of a clearly learnable problem.
    const double accuracy
        = static_cast<double>((a.outOfFold.predicted.array() == y.array()).count()) / n;
    QVERIFY2(accuracy > 0.7, qPrintable(QString::number(accuracy)));
}

void TestCrossValidation::cancel()
{
    Eigen::MatrixXd X = Eigen::MatrixXd::Random(50, 2);
    Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(50, 0, 1);
    const Dataset d = table(X, y, 0);
    MeanRegressor proto;
    const auto model = pipeline(d, proto);
    std::atomic<bool> flag { true };
    Evaluation::CvOptions o = options(5, false, false, 0);
    o.cancel = &flag;
    const auto r = Evaluation::crossValidate(*model, d, o);
    QVERIFY(r.cancelled);
    QVERIFY(r.perFold.isEmpty());
}

// Stop after two folds (from the fold callback): the result is exactly those two folds of
// the full cross-validation, their mean, and their rows' out-of-fold predictions.
void TestCrossValidation::stopKeepsFinishedFolds()
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> normal;
    const int n = 60;
    Eigen::MatrixXd X(n, 2);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        X(i, 0) = normal(rng);
        X(i, 1) = normal(rng);
        y(i) = 3 * X(i, 0) + normal(rng);
    }
    const Dataset d = table(X, y, 0);
    MeanRegressor proto;
    const auto model = pipeline(d, proto);
    Evaluation::CvOptions o = options(5, false, true, 4);
    o.threads = 1;
    const Evaluation::CvResult full = Evaluation::crossValidate(*model, d, o);
    QVERIFY(!full.partial);
    QCOMPARE(full.foldNumbers, QList<int>({ 1, 2, 3, 4, 5 }));

    std::atomic<bool> stop { false };
    o.stop = &stop;
    o.onFoldDone = [&](int done) {
        if (done == 2)
            stop = true;
    };
    const Evaluation::CvResult r = Evaluation::crossValidate(*model, d, o);
    QVERIFY(!r.cancelled);
    QVERIFY(r.partial);
    QCOMPARE(r.foldsTotal, 5);
    QCOMPARE(r.foldNumbers, QList<int>({ 1, 2 }));
    QCOMPARE(r.perFold.size(), qsizetype(2));
    QCOMPARE(r.partialNote(), QStringLiteral("2 of 5 folds, Stop pressed"));
    for (int f = 0; f < 2; ++f)
        QCOMPARE(r.perFold[f], full.perFold[f]);
    for (int m = 0; m < r.mean.size(); ++m) {
        const double a = full.perFold[0][m].second, b = full.perFold[1][m].second;
        QCOMPARE(r.mean[m].first, full.mean[m].first);
        QVERIFY(std::abs(r.mean[m].second - (a + b) / 2) < 1e-12);
        QVERIFY(std::abs(r.std[m].second - std::abs(a - b) / 2) < 1e-9);
    }
    // Out-of-fold: the rows of folds 1 and 2, in row order, predicted as in the full run.
    const auto folds = CrossValidation::kFold(n, 5, true, 4);
    std::vector<Eigen::Index> rows(folds[0].test.begin(), folds[0].test.end());
    rows.insert(rows.end(), folds[1].test.begin(), folds[1].test.end());
    std::sort(rows.begin(), rows.end());
    QCOMPARE(r.outOfFold.predicted.size(), static_cast<Eigen::Index>(rows.size()));
    QCOMPARE(r.outOfFold.table.rowCount(), static_cast<std::int64_t>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto at = static_cast<Eigen::Index>(i);
        QCOMPARE(r.outOfFold.predicted(at), full.outOfFold.predicted(rows[i]));
        QCOMPARE(r.outOfFold.truth(at), y(rows[i]));
    }
    // The table says it is partial.
    const MetricsTable t = Evaluation::foldTable(r, QStringLiteral("CV"));
    QCOMPARE(t.title, QStringLiteral("CV — partial: 2 of 5 folds, Stop pressed"));
    QCOMPARE(t.rows.size(), qsizetype(4));
    QCOMPARE(t.rows[0].label, QStringLiteral("fold 1"));
    QCOMPARE(t.rows[2].label, QStringLiteral("mean (partial: 2 of 5 folds, Stop pressed)"));

    // Stopped before the first fold: partial and empty, not a failure of the folds.
    stop = true;
    const Evaluation::CvResult none = Evaluation::crossValidate(*model, d, o);
    QVERIFY(none.partial && !none.cancelled);
    QVERIFY(none.perFold.isEmpty());
}

// Stop while a fold's learner is training: it ends at its next epoch and that fold is not
// counted; no fold starts after it.
void TestCrossValidation::stopAbandonsTheFoldInTraining()
{
    Eigen::MatrixXd X = Eigen::MatrixXd::Random(40, 2);
    Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(40, 0, 1);
    const Dataset d = table(X, y, 0);
    std::atomic<int> fits { 0 };
    std::atomic<bool> stop { false };
    // Fit 1 is the pipeline's own; folds 1 and 2 are fits 2 and 3; fold 3 (fit 4) sees Stop.
    SteppingRegressor proto(&fits, 4, &stop);
    const auto model = pipeline(d, proto);
    Evaluation::CvOptions o = options(4, false, false, 0);
    o.threads = 1;
    o.stop = &stop;
    const Evaluation::CvResult r = Evaluation::crossValidate(*model, d, o);
    QVERIFY(r.partial);
    QCOMPARE(r.foldNumbers, QList<int>({ 1, 2 }));
    QCOMPARE(fits.load(), 4);
    QCOMPARE(r.outOfFold.predicted.size(), Eigen::Index(20));
}

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "tst_crossvalidation.moc"
