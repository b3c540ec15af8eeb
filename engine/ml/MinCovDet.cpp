#include "ml/MinCovDet.h"

#include "ml/DriftStatistics.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace sextant::engine {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

struct Estimate {
    Vector location;
    Matrix covariance;
    double logDet = 0;
    std::vector<char> support;
    Vector dist;
};

// Pseudo-inverse of a symmetric matrix (scipy's pinvh: eigenvalues below a relative
// cut-off treated as zero).
Matrix pinvh(const Matrix &a)
{
    Eigen::SelfAdjointEigenSolver<Matrix> es(a);
    const Vector &w = es.eigenvalues();
    const double cutoff = w.cwiseAbs().maxCoeff() * static_cast<double>(a.rows())
        * std::numeric_limits<double>::epsilon();
    Vector inv(w.size());
    for (Eigen::Index i = 0; i < w.size(); ++i)
        inv[i] = std::abs(w[i]) > cutoff ? 1.0 / w[i] : 0.0;
    return es.eigenvectors() * inv.asDiagonal() * es.eigenvectors().transpose();
}

// log det of a symmetric positive semi-definite matrix; -inf when singular.
double logDet(const Matrix &a)
{
    Eigen::SelfAdjointEigenSolver<Matrix> es(a, Eigen::EigenvaluesOnly);
    double s = 0;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        const double v = es.eigenvalues()[i];
        if (!(v > 0))
            return -std::numeric_limits<double>::infinity();
        s += std::log(v);
    }
    return s;
}

void meanAndCovariance(const Eigen::Ref<const Matrix> &X, const std::vector<char> &support,
    Vector &location, Matrix &covariance)
{
    const Eigen::Index d = X.cols();
    location = Vector::Zero(d);
    double count = 0;
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        if (support[static_cast<std::size_t>(i)]) {
            location += X.row(i).transpose();
            ++count;
        }
    location /= count;
    covariance = Matrix::Zero(d, d);
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        if (support[static_cast<std::size_t>(i)]) {
            const Vector c = X.row(i).transpose() - location;
            covariance.selfadjointView<Eigen::Lower>().rankUpdate(c);
        }
    covariance = covariance.selfadjointView<Eigen::Lower>();
    covariance /= count;
}

Vector distances(const Eigen::Ref<const Matrix> &X, const Vector &location, const Matrix &precision)
{
    const Matrix centred = X.rowwise() - location.transpose();
    return ((centred * precision).array() * centred.array()).rowwise().sum();
}

std::vector<char> smallest(const Vector &dist, Eigen::Index h)
{
    std::vector<Eigen::Index> order(static_cast<std::size_t>(dist.size()));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::stable_sort(order.begin(), order.end(),
        [&](Eigen::Index a, Eigen::Index b) { return dist[a] < dist[b]; });
    std::vector<char> support(order.size(), 0);
    for (Eigen::Index i = 0; i < h; ++i)
        support[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = 1;
    return support;
}

// scikit-learn's _c_step: from a random h-subset, or from an initial (location, covariance).
Estimate cStep(const Eigen::Ref<const Matrix> &X, Eigen::Index h, int iterations,
    std::mt19937_64 &rng, const Estimate *initial)
{
    const Eigen::Index n = X.rows();
    Estimate e;
    if (!initial) {
        std::vector<Eigen::Index> perm(static_cast<std::size_t>(n));
        std::iota(perm.begin(), perm.end(), Eigen::Index(0));
        std::shuffle(perm.begin(), perm.end(), rng);
        e.support.assign(static_cast<std::size_t>(n), 0);
        for (Eigen::Index i = 0; i < h; ++i)
            e.support[static_cast<std::size_t>(perm[static_cast<std::size_t>(i)])] = 1;
    } else {
        e.support = smallest(distances(X, initial->location, pinvh(initial->covariance)), h);
    }
    meanAndCovariance(X, e.support, e.location, e.covariance);
    e.logDet = logDet(e.covariance);
    Matrix precision = pinvh(e.covariance);
    double previous = std::numeric_limits<double>::infinity();
    Estimate before = e;
    while (e.logDet < previous && iterations > 0 && !std::isinf(e.logDet)) {
        before = e;
        previous = e.logDet;
        precision = pinvh(e.covariance);
        e.support = smallest(distances(X, e.location, precision), h);
        meanAndCovariance(X, e.support, e.location, e.covariance);
        e.logDet = logDet(e.covariance);
        --iterations;
    }
    if (e.logDet > previous && iterations > 0) { // the determinant grew: keep the previous step
        before.dist = distances(X, before.location, pinvh(before.covariance));
        return before;
    }
    e.dist = distances(X, e.location, pinvh(e.covariance));
    return e;
}

std::vector<Estimate> best(std::vector<Estimate> all, std::size_t keep)
{
    std::stable_sort(all.begin(), all.end(),
        [](const Estimate &a, const Estimate &b) { return a.logDet < b.logDet; });
    if (all.size() > keep)
        all.resize(keep);
    return all;
}

} // namespace

double MinCovDet::chiSquareIsf(double q, int df)
{
    // P(X >= x) decreases in x: bisection on [0, hi].
    double lo = 0, hi = std::max(1.0, static_cast<double>(df));
    while (DriftStatistics::chiSquarePValue(hi, df) > q)
        hi *= 2;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (DriftStatistics::chiSquarePValue(mid, df) > q)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

Eigen::VectorXd MinCovDet::mahalanobis(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::VectorXd &location, const Eigen::MatrixXd &covariance)
{
    return distances(X, location, pinvh(covariance));
}

MinCovDetResult MinCovDet::fit(
    const Eigen::Ref<const Eigen::MatrixXd> &X, const MinCovDetOptions &options)
{
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (d < 1 || n <= d)
        throw std::invalid_argument("minimum covariance determinant needs more rows than columns");
    const Eigen::Index h = options.supportFraction > 0
        ? std::max<Eigen::Index>(
            1, static_cast<Eigen::Index>(options.supportFraction * static_cast<double>(n)))
        : static_cast<Eigen::Index>(std::ceil(0.5 * static_cast<double>(n + d + 1)));
    const auto cancelled
        = [&] { return options.cancel && options.cancel->load(std::memory_order_relaxed); };
    MinCovDetResult result;
    std::mt19937_64 rng(options.seed);
    Estimate raw;
    if (d == 1) {
        // Shortest half: the h consecutive sorted values with the smallest range.
        std::vector<double> sorted(X.col(0).data(), X.col(0).data() + n);
        std::sort(sorted.begin(), sorted.end());
        double location = 0;
        if (h < n) {
            double smallestDiff = std::numeric_limits<double>::infinity();
            for (Eigen::Index i = 0; i + h < n; ++i)
                smallestDiff = std::min(smallestDiff, sorted[i + h] - sorted[i]);
            double sum = 0;
            int count = 0;
            for (Eigen::Index i = 0; i + h < n; ++i)
                if (sorted[i + h] - sorted[i] == smallestDiff) {
                    sum += sorted[i + h] + sorted[i];
                    ++count;
                }
            location = 0.5 * sum / count;
            Vector absDev = (X.col(0).array() - location).abs();
            raw.support = smallest(absDev, h);
        } else {
            raw.support.assign(static_cast<std::size_t>(n), 1);
        }
        Vector mean;
        meanAndCovariance(X, raw.support, mean, raw.covariance);
        raw.location = h < n ? Vector::Constant(1, location) : mean;
        raw.dist = distances(X, raw.location, pinvh(raw.covariance));
    } else {
        std::vector<Estimate> starts;
        for (int t = 0; t < 30; ++t) {
            if (cancelled()) {
                result.cancelled = true;
                return result;
            }
            starts.push_back(cStep(X, h, 2, rng, nullptr));
        }
        std::vector<Estimate> refined;
        for (const Estimate &s : best(std::move(starts), 10)) {
            if (cancelled()) {
                result.cancelled = true;
                return result;
            }
            refined.push_back(cStep(X, h, 30, rng, &s));
        }
        raw = best(std::move(refined), 1).front();
    }
    result.rawLocation = raw.location;
    result.rawCovariance = raw.covariance;

    // Consistency correction.
    Vector dist = raw.dist;
    std::vector<double> sortedDist(dist.data(), dist.data() + n);
    std::sort(sortedDist.begin(), sortedDist.end());
    const double median = n % 2 ? sortedDist[static_cast<std::size_t>(n / 2)]
                                : 0.5
            * (sortedDist[static_cast<std::size_t>(n / 2 - 1)]
                + sortedDist[static_cast<std::size_t>(n / 2)]);
    const double correction = median / chiSquareIsf(0.5, static_cast<int>(d));
    if (correction > 0)
        dist /= correction;
    // Reweighting.
    const double cutoff = chiSquareIsf(0.025, static_cast<int>(d));
    result.support.assign(static_cast<std::size_t>(n), 0);
    for (Eigen::Index i = 0; i < n; ++i)
        result.support[static_cast<std::size_t>(i)] = dist[i] < cutoff ? 1 : 0;
    if (std::count(result.support.begin(), result.support.end(), 1) == 0)
        result.support = raw.support;
    meanAndCovariance(X, result.support, result.location, result.covariance);
    result.distances = distances(X, result.location, pinvh(result.covariance));
    return result;
}

} // namespace sextant::engine
