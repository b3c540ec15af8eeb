#include "ml/Metrics.h"

#include "ml/FitContext.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <string>

namespace sextant::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireSameLength(Eigen::Index a, Eigen::Index b, const char *what)
{
    if (a != b)
        throw FitError(std::string(what) + ": the true and predicted values differ in length ("
            + std::to_string(a) + " and " + std::to_string(b) + ")");
    if (a == 0)
        throw FitError(std::string(what) + ": no samples");
}

// Class codes as ints; throws unless every label is a whole number in [0, limit).
std::vector<std::int32_t> toCodes(
    const Eigen::Ref<const Eigen::VectorXd> &v, int limit, const char *what)
{
    std::vector<std::int32_t> out(static_cast<std::size_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        const double x = v(i);
        if (!(x >= 0 && x < limit) || x != std::floor(x))
            throw FitError(std::string(what) + ": label " + std::to_string(x) + " at row "
                + std::to_string(i) + " is not a class code in [0, " + std::to_string(limit) + ")");
        out[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(x);
    }
    return out;
}

int inferClassCount(const Eigen::Ref<const Eigen::VectorXd> &a,
    const Eigen::Ref<const Eigen::VectorXd> &b, int given)
{
    if (given > 0)
        return given;
    double m = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (std::isfinite(a(i)))
            m = std::max(m, a(i));
    for (Eigen::Index i = 0; i < b.size(); ++i)
        if (std::isfinite(b(i)))
            m = std::max(m, b(i));
    if (m > 1e7)
        throw FitError("metrics: class labels must be class codes 0..K-1");
    return static_cast<int>(m) + 1;
}

// Integer labels of any value (clustering), remapped to 0..m-1 in order of first sight.
std::vector<int> remap(
    const Eigen::Ref<const Eigen::VectorXd> &labels, int *count, const char *what)
{
    std::map<double, int> codes;
    std::vector<int> out(static_cast<std::size_t>(labels.size()));
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        const double x = labels(i);
        if (!std::isfinite(x) || x != std::floor(x))
            throw FitError(std::string(what) + ": label at row " + std::to_string(i)
                + " is not a whole number");
        auto it = codes.emplace(x, static_cast<int>(codes.size())).first;
        out[static_cast<std::size_t>(i)] = it->second;
    }
    *count = static_cast<int>(codes.size());
    return out;
}

} // namespace

double Metrics::accuracy(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    requireSameLength(yTrue.size(), yPred.size(), "accuracy");
    std::int64_t hits = 0;
    for (Eigen::Index i = 0; i < yTrue.size(); ++i)
        hits += yTrue(i) == yPred(i) ? 1 : 0;
    return static_cast<double>(hits) / static_cast<double>(yTrue.size());
}

double Metrics::balancedAccuracy(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    const ConfusionMatrix cm = confusion(yTrue, yPred);
    double sum = 0;
    int classes = 0;
    for (int k = 0; k < cm.classCount; ++k) {
        const std::int64_t row = cm.rowTotal(k);
        if (row == 0)
            continue;
        sum += static_cast<double>(cm.at(k, k)) / static_cast<double>(row);
        ++classes;
    }
    return sum / classes;
}

ConfusionMatrix Metrics::confusion(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
    const Eigen::Ref<const Eigen::VectorXd> &yPred, int classCount)
{
    requireSameLength(yTrue.size(), yPred.size(), "confusion matrix");
    const int K = inferClassCount(yTrue, yPred, classCount);
    const auto t = toCodes(yTrue, K, "confusion matrix");
    const auto p = toCodes(yPred, K, "confusion matrix");
    return CurveMetrics::confusion(t, p, K);
}

ClassificationReport Metrics::classificationReport(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
    const Eigen::Ref<const Eigen::VectorXd> &yPred, int classCount)
{
    const ConfusionMatrix cm = confusion(yTrue, yPred, classCount);
    const int K = cm.classCount;
    ClassificationReport r;
    r.precision.assign(K, 0.0);
    r.recall.assign(K, 0.0);
    r.f1.assign(K, 0.0);
    r.support.assign(K, 0);
    std::vector<std::int64_t> predicted(K, 0);
    for (int t = 0; t < K; ++t)
        for (int p = 0; p < K; ++p) {
            r.support[t] += cm.at(t, p);
            predicted[p] += cm.at(t, p);
        }
    int present = 0;
    std::int64_t totalSupport = 0;
    double sumP = 0, sumR = 0, sumF = 0, wP = 0, wR = 0, wF = 0;
    for (int k = 0; k < K; ++k) {
        const double tp = static_cast<double>(cm.at(k, k));
        r.precision[k] = predicted[k] > 0 ? tp / static_cast<double>(predicted[k]) : 0.0;
        r.recall[k] = r.support[k] > 0 ? tp / static_cast<double>(r.support[k]) : 0.0;
        double denom = r.precision[k] + r.recall[k];
        if (denom == 0.0)
            denom = 1;
        r.f1[k] = 2.0 * r.precision[k] * r.recall[k] / denom;
        if (r.support[k] == 0 && predicted[k] == 0)
            continue; // not among sklearn's labels
        ++present;
        sumP += r.precision[k];
        sumR += r.recall[k];
        sumF += r.f1[k];
        const double w = static_cast<double>(r.support[k]);
        wP += w * r.precision[k];
        wR += w * r.recall[k];
        wF += w * r.f1[k];
        totalSupport += r.support[k];
    }
    if (present > 0) {
        r.macroPrecision = sumP / present;
        r.macroRecall = sumR / present;
        r.macroF1 = sumF / present;
    }
    if (totalSupport > 0) {
        const double s = static_cast<double>(totalSupport);
        r.weightedPrecision = wP / s;
        r.weightedRecall = wR / s;
        r.weightedF1 = wF / s;
    }
    return r;
}

double Metrics::rocAuc(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
    const Eigen::Ref<const Eigen::MatrixXd> &probabilities)
{
    requireSameLength(yTrue.size(), probabilities.rows(), "ROC AUC");
    const int K = static_cast<int>(probabilities.cols());
    if (K < 2)
        throw FitError("ROC AUC: needs probabilities for at least two classes");
    const auto labels = toCodes(yTrue, K, "ROC AUC");
    if (K == 2) {
        std::vector<double> s(
            probabilities.col(1).data(), probabilities.col(1).data() + probabilities.rows());
        if (probabilities.col(1).innerStride() != 1)
            for (Eigen::Index i = 0; i < probabilities.rows(); ++i)
                s[static_cast<std::size_t>(i)] = probabilities(i, 1);
        const RocCurve c = CurveMetrics::roc(labels, s, 1, false);
        return (c.positives == 0 || c.negatives == 0) ? kNaN : c.auc;
    }
    std::vector<double> scores(static_cast<std::size_t>(probabilities.size()));
    for (Eigen::Index i = 0; i < probabilities.rows(); ++i)
        for (int k = 0; k < K; ++k)
            scores[static_cast<std::size_t>(i * K + k)] = probabilities(i, k);
    const auto curves = CurveMetrics::rocOneVsRest(labels, scores, K);
    for (const RocCurve &c : curves)
        if (c.positives == 0 || c.negatives == 0)
            return kNaN; // sklearn raises: every class must be present
    return CurveMetrics::macroAuc(curves);
}

double Metrics::logLoss(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
    const Eigen::Ref<const Eigen::MatrixXd> &probabilities, double eps)
{
    requireSameLength(yTrue.size(), probabilities.rows(), "log loss");
    const int K = static_cast<int>(probabilities.cols());
    const auto labels = toCodes(yTrue, K, "log loss");
    double total = 0;
    for (Eigen::Index i = 0; i < probabilities.rows(); ++i) {
        double rowSum = 0;
        for (int k = 0; k < K; ++k)
            rowSum += std::clamp(probabilities(i, k), eps, 1 - eps);
        const double p
            = std::clamp(probabilities(i, labels[static_cast<std::size_t>(i)]), eps, 1 - eps);
        total += -std::log(p / rowSum);
    }
    return total / static_cast<double>(probabilities.rows());
}

double Metrics::rmse(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    requireSameLength(yTrue.size(), yPred.size(), "RMSE");
    return std::sqrt((yTrue - yPred).squaredNorm() / static_cast<double>(yTrue.size()));
}

double Metrics::mae(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    requireSameLength(yTrue.size(), yPred.size(), "MAE");
    return (yTrue - yPred).cwiseAbs().sum() / static_cast<double>(yTrue.size());
}

double Metrics::r2(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    requireSameLength(yTrue.size(), yPred.size(), "R²");
    const double mean = yTrue.mean();
    const double ssRes = (yTrue - yPred).squaredNorm();
    const double ssTot = (yTrue.array() - mean).square().sum();
    if (ssTot == 0)
        return ssRes == 0 ? 1.0 : 0.0;
    return 1.0 - ssRes / ssTot;
}

double Metrics::mape(
    const Eigen::Ref<const Eigen::VectorXd> &yTrue, const Eigen::Ref<const Eigen::VectorXd> &yPred)
{
    requireSameLength(yTrue.size(), yPred.size(), "MAPE");
    const double eps = std::numeric_limits<double>::epsilon();
    double s = 0;
    for (Eigen::Index i = 0; i < yTrue.size(); ++i)
        s += std::abs(yPred(i) - yTrue(i)) / std::max(std::abs(yTrue(i)), eps);
    return s / static_cast<double>(yTrue.size());
}

double Metrics::inertia(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &labels,
    const Eigen::Ref<const Eigen::MatrixXd> &centres)
{
    requireSameLength(X.rows(), labels.size(), "inertia");
    if (centres.cols() != X.cols())
        throw FitError("inertia: the centres have " + std::to_string(centres.cols())
            + " columns, the data " + std::to_string(X.cols()));
    double s = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const double l = labels(i);
        if (l == -1)
            continue;
        if (!(l >= 0 && l < static_cast<double>(centres.rows())) || l != std::floor(l))
            throw FitError("inertia: label at row " + std::to_string(i) + " has no centre");
        s += (X.row(i) - centres.row(static_cast<Eigen::Index>(l))).squaredNorm();
    }
    return s;
}

double Metrics::inertia(
    const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &labels)
{
    requireSameLength(X.rows(), labels.size(), "inertia");
    double maxLabel = -1;
    for (Eigen::Index i = 0; i < labels.size(); ++i) {
        const double l = labels(i);
        if (l == -1)
            continue;
        if (!(l >= 0 && l < 1e7) || l != std::floor(l))
            throw FitError("inertia: label at row " + std::to_string(i) + " is not a cluster code");
        maxLabel = std::max(maxLabel, l);
    }
    const Eigen::Index k = static_cast<Eigen::Index>(maxLabel) + 1;
    Eigen::MatrixXd centres = Eigen::MatrixXd::Zero(k, X.cols());
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(k);
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        if (labels(i) != -1) {
            const auto c = static_cast<Eigen::Index>(labels(i));
            centres.row(c) += X.row(i);
            counts(c) += 1;
        }
    for (Eigen::Index c = 0; c < k; ++c)
        if (counts(c) > 0)
            centres.row(c) /= counts(c);
    return inertia(X, labels, centres);
}

double Metrics::silhouette(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &labels, int sampleLimit, std::uint64_t seed)
{
    requireSameLength(X.rows(), labels.size(), "silhouette");
    int clusters = 0;
    std::vector<int> all = remap(labels, &clusters, "silhouette");
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(X.rows()));
    std::iota(rows.begin(), rows.end(), Eigen::Index(0));
    if (sampleLimit > 0 && X.rows() > sampleLimit) {
        std::mt19937_64 rng(seed);
        // Partial Fisher-Yates: the first sampleLimit entries are the sample.
        for (std::size_t i = 0; i < static_cast<std::size_t>(sampleLimit); ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, rows.size() - 1);
            std::swap(rows[i], rows[pick(rng)]);
        }
        rows.resize(static_cast<std::size_t>(sampleLimit));
        std::sort(rows.begin(), rows.end());
    }
    const std::size_t n = rows.size();
    // Cluster codes of the (sampled) rows, renumbered 0..m-1.
    std::map<int, int> codes;
    std::vector<int> lab(n);
    for (std::size_t i = 0; i < n; ++i)
        lab[i]
            = codes.emplace(all[static_cast<std::size_t>(rows[i])], static_cast<int>(codes.size()))
                  .first->second;
    const int m = static_cast<int>(codes.size());
    if (m < 2 || m > static_cast<int>(n) - 1)
        return kNaN;
    std::vector<std::int64_t> size(m, 0);
    for (int l : lab)
        ++size[l];
    // Row-major copy of the sampled rows for cache-friendly distance loops.
    const Eigen::Index d = X.cols();
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> Z(
        static_cast<Eigen::Index>(n), d);
    for (std::size_t i = 0; i < n; ++i)
        Z.row(static_cast<Eigen::Index>(i)) = X.row(rows[i]);
    std::vector<double> sums(m);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::fill(sums.begin(), sums.end(), 0.0);
        const double *zi = Z.row(static_cast<Eigen::Index>(i)).data();
        for (std::size_t j = 0; j < n; ++j) {
            const double *zj = Z.row(static_cast<Eigen::Index>(j)).data();
            double s = 0;
            for (Eigen::Index c = 0; c < d; ++c) {
                const double diff = zi[c] - zj[c];
                s += diff * diff;
            }
            sums[lab[j]] += std::sqrt(s);
        }
        const int own = lab[i];
        if (size[own] <= 1)
            continue; // silhouette 0 for a singleton
        const double a = sums[own] / static_cast<double>(size[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (int c = 0; c < m; ++c)
            if (c != own)
                b = std::min(b, sums[c] / static_cast<double>(size[c]));
        const double den = std::max(a, b);
        if (den > 0)
            total += (b - a) / den;
    }
    return total / static_cast<double>(n);
}

double Metrics::adjustedRandIndex(const Eigen::Ref<const Eigen::VectorXd> &labelsA,
    const Eigen::Ref<const Eigen::VectorXd> &labelsB)
{
    requireSameLength(labelsA.size(), labelsB.size(), "adjusted Rand index");
    int ka = 0, kb = 0;
    const auto a = remap(labelsA, &ka, "adjusted Rand index");
    const auto b = remap(labelsB, &kb, "adjusted Rand index");
    std::map<std::pair<int, int>, std::int64_t> cells;
    std::vector<std::int64_t> rowSum(ka, 0), colSum(kb, 0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++cells[{ a[i], b[i] }];
        ++rowSum[a[i]];
        ++colSum[b[i]];
    }
    using I = __int128;
    const I n = static_cast<I>(a.size());
    I sumSquares = 0, rowDot = 0, colDot = 0;
    for (const auto &[key, c] : cells) {
        sumSquares += static_cast<I>(c) * c;
        rowDot += static_cast<I>(c) * colSum[key.second]; // C . n_k
        colDot += static_cast<I>(c) * rowSum[key.first]; // C^T . n_c
    }
    const I tp = sumSquares - n;
    const I fp = rowDot - sumSquares;
    const I fn = colDot - sumSquares;
    const I tn = n * n - fp - fn - sumSquares;
    if (fn == 0 && fp == 0)
        return 1.0;
    const I num = tp * tn - fn * fp;
    const I den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
    return 2.0 * static_cast<double>(num) / static_cast<double>(den);
}

} // namespace sextant::engine
