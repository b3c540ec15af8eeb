#include "ml/FeatureScores.h"

#include "ml/BoxStatistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace sextant::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Counts of (value, class) over the rows whose code is known. Row-major values x classes.
struct Contingency {
    int values = 0;
    int classes = 0;
    std::vector<double> cells;
    std::vector<double> valueTotals;
    std::vector<double> classTotals;
    double total = 0;
};

Contingency contingency(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    Contingency t;
    t.values = values;
    t.classes = classes;
    t.cells.assign(static_cast<std::size_t>(values) * classes, 0.0);
    t.valueTotals.assign(static_cast<std::size_t>(values), 0.0);
    t.classTotals.assign(static_cast<std::size_t>(classes), 0.0);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::int32_t v = codes[i];
        if (v < 0 || v >= values)
            continue;
        const std::int32_t c = y[i];
        t.cells[static_cast<std::size_t>(v) * classes + c] += 1;
        t.valueTotals[static_cast<std::size_t>(v)] += 1;
        t.classTotals[static_cast<std::size_t>(c)] += 1;
        t.total += 1;
    }
    return t;
}

double entropyBits(const double *counts, std::size_t n, double total)
{
    double h = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (counts[i] > 0) {
            const double p = counts[i] / total;
            h -= p * std::log2(p);
        }
    return h;
}

double gini(const double *counts, std::size_t n, double total)
{
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = counts[i] / total;
        s += p * p;
    }
    return 1.0 - s;
}

} // namespace

double FeatureScores::digamma(double x)
{
    double result = 0;
    while (x < 6) {
        result -= 1 / x;
        x += 1;
    }
    const double f = 1 / (x * x);
    return result + std::log(x) - 0.5 / x
        - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
}

std::vector<std::int32_t> FeatureScores::discretize(std::span<const double> x, int bins)
{
    std::vector<double> sorted;
    sorted.reserve(x.size());
    for (double v : x)
        if (!std::isnan(v))
            sorted.push_back(v);
    std::vector<std::int32_t> codes(x.size(), -1);
    if (sorted.empty() || bins < 1)
        return codes;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> inner;
    for (int i = 1; i < bins; ++i)
        inner.push_back(BoxStatistics::quantile(sorted, static_cast<double>(i) / bins));
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i]))
            codes[i] = static_cast<std::int32_t>(
                std::lower_bound(inner.begin(), inner.end(), x[i]) - inner.begin());
    return codes;
}

double FeatureScores::informationGain(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    const Contingency t = contingency(codes, values, y, classes);
    if (t.total == 0)
        return kNaN;
    double conditional = 0;
    for (int v = 0; v < values; ++v) {
        const double nv = t.valueTotals[static_cast<std::size_t>(v)];
        if (nv > 0)
            conditional += nv / t.total
                * entropyBits(&t.cells[static_cast<std::size_t>(v) * classes], classes, nv);
    }
    return std::max(
        0.0, entropyBits(t.classTotals.data(), t.classTotals.size(), t.total) - conditional);
}

double FeatureScores::gainRatio(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    const Contingency t = contingency(codes, values, y, classes);
    if (t.total == 0)
        return kNaN;
    const double split = entropyBits(t.valueTotals.data(), t.valueTotals.size(), t.total);
    if (!(split > 0))
        return 0.0;
    return informationGain(codes, values, y, classes) / split;
}

double FeatureScores::giniDecrease(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    const Contingency t = contingency(codes, values, y, classes);
    if (t.total == 0)
        return kNaN;
    double weighted = 0;
    for (int v = 0; v < values; ++v) {
        const double nv = t.valueTotals[static_cast<std::size_t>(v)];
        if (nv > 0)
            weighted += nv / t.total
                * gini(&t.cells[static_cast<std::size_t>(v) * classes], classes, nv);
    }
    return std::max(0.0, gini(t.classTotals.data(), t.classTotals.size(), t.total) - weighted);
}

double FeatureScores::chi2Categorical(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    const Contingency t = contingency(codes, values, y, classes);
    if (t.total == 0)
        return kNaN;
    double chi = 0;
    for (int v = 0; v < values; ++v)
        for (int c = 0; c < classes; ++c) {
            const double expected = t.valueTotals[static_cast<std::size_t>(v)]
                * t.classTotals[static_cast<std::size_t>(c)] / t.total;
            if (expected > 0) {
                const double d = t.cells[static_cast<std::size_t>(v) * classes + c] - expected;
                chi += d * d / expected;
            }
        }
    return chi;
}

double FeatureScores::mutualInfoDiscrete(
    std::span<const std::int32_t> codes, int values, std::span<const std::int32_t> y, int classes)
{
    const Contingency t = contingency(codes, values, y, classes);
    if (t.total == 0)
        return kNaN;
    double mi = 0;
    for (int v = 0; v < values; ++v)
        for (int c = 0; c < classes; ++c) {
            const double n = t.cells[static_cast<std::size_t>(v) * classes + c];
            if (n > 0)
                mi += n / t.total
                    * std::log(n * t.total
                        / (t.valueTotals[static_cast<std::size_t>(v)]
                            * t.classTotals[static_cast<std::size_t>(c)]));
        }
    return std::max(0.0, mi);
}

double FeatureScores::anovaF(
    std::span<const double> x, std::span<const std::int32_t> y, int classes)
{
    std::vector<double> sum(static_cast<std::size_t>(classes), 0.0);
    std::vector<double> count(static_cast<std::size_t>(classes), 0.0);
    double total = 0, n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]))
            continue;
        sum[static_cast<std::size_t>(y[i])] += x[i];
        count[static_cast<std::size_t>(y[i])] += 1;
        total += x[i];
        n += 1;
    }
    int present = 0;
    for (double c : count)
        present += c > 0 ? 1 : 0;
    if (present < 2 || n <= present)
        return kNaN;
    const double mean = total / n;
    double between = 0;
    for (std::size_t c = 0; c < sum.size(); ++c)
        if (count[c] > 0) {
            const double d = sum[c] / count[c] - mean;
            between += count[c] * d * d;
        }
    double within = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]))
            continue;
        const auto c = static_cast<std::size_t>(y[i]);
        const double d = x[i] - sum[c] / count[c];
        within += d * d;
    }
    const double msb = between / (present - 1);
    const double msw = within / (n - present);
    return msw > 0 ? msb / msw : (msb > 0 ? std::numeric_limits<double>::infinity() : kNaN);
}

double FeatureScores::chi2(std::span<const double> x, std::span<const std::int32_t> y, int classes)
{
    std::vector<double> observed(static_cast<std::size_t>(classes), 0.0);
    std::vector<double> count(static_cast<std::size_t>(classes), 0.0);
    double featureSum = 0, n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]))
            continue;
        if (x[i] < 0)
            return kNaN;
        observed[static_cast<std::size_t>(y[i])] += x[i];
        count[static_cast<std::size_t>(y[i])] += 1;
        featureSum += x[i];
        n += 1;
    }
    if (n == 0 || !(featureSum > 0))
        return kNaN;
    double chi = 0;
    for (std::size_t c = 0; c < observed.size(); ++c) {
        if (count[c] == 0)
            continue; // LabelBinarizer has no column for an absent class
        const double expected = count[c] / n * featureSum;
        const double d = observed[c] - expected;
        chi += d * d / expected;
    }
    return chi;
}

double FeatureScores::mutualInfo(std::span<const double> x, std::span<const std::int32_t> y,
    int classes, int neighbors, std::uint64_t seed)
{
    std::vector<double> c;
    std::vector<std::int32_t> d;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isnan(x[i])) {
            c.push_back(x[i]);
            d.push_back(y[i]);
        }
    const std::size_t n = c.size();
    if (n < 2)
        return kNaN;
    // scale(with_mean=False): divide by the standard deviation (ddof 0) when not zero.
    double mean = 0;
    for (double v : c)
        mean += v;
    mean /= static_cast<double>(n);
    double ss = 0;
    for (double v : c)
        ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / static_cast<double>(n));
    double absMean = 0;
    for (double &v : c) {
        if (sd > 0)
            v /= sd;
        absMean += std::abs(v);
    }
    absMean /= static_cast<double>(n);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    const double noise = 1e-10 * std::max(1.0, absMean);
    for (double &v : c)
        v += noise * normal(rng);

    // Per class: the distance to the k-th nearest other member (k = min(neighbors,
    // count - 1)); rows alone in their class are left out.
    std::vector<std::vector<double>> byClass(static_cast<std::size_t>(classes));
    for (std::size_t i = 0; i < n; ++i)
        byClass[static_cast<std::size_t>(d[i])].push_back(c[i]);
    for (auto &v : byClass)
        std::sort(v.begin(), v.end());
    std::vector<double> all;
    double sumPsiK = 0, sumPsiLabel = 0;
    std::vector<double> radius;
    std::vector<double> centre;
    for (const auto &v : byClass) {
        const std::size_t count = v.size();
        if (count < 2)
            continue;
        const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(neighbors), count - 1);
        for (std::size_t i = 0; i < count; ++i) {
            // Merge outward from i: the k-th closest of the others.
            std::size_t l = i, r = i;
            double dk = 0;
            for (std::size_t step = 0; step < k; ++step) {
                const double dl = l > 0 ? v[i] - v[l - 1] : std::numeric_limits<double>::infinity();
                const double dr
                    = r + 1 < count ? v[r + 1] - v[i] : std::numeric_limits<double>::infinity();
                if (dl <= dr) {
                    dk = dl;
                    --l;
                } else {
                    dk = dr;
                    ++r;
                }
            }
            radius.push_back(std::nextafter(dk, 0.0));
            centre.push_back(v[i]);
            sumPsiK += digamma(static_cast<double>(k));
            sumPsiLabel += digamma(static_cast<double>(count));
            all.push_back(v[i]);
        }
    }
    const std::size_t m = all.size();
    if (m == 0)
        return kNaN;
    std::sort(all.begin(), all.end());
    double sumPsiM = 0;
    for (std::size_t i = 0; i < m; ++i) {
        // Points at distance <= radius, the distance computed as a difference (as the
        // KD-tree does): centre +- radius may round onto the k-th neighbour itself.
        const double x0 = centre[i], r = radius[i];
        auto lo = std::lower_bound(all.begin(), all.end(), x0 - r);
        while (lo != all.begin() && x0 - *(lo - 1) <= r)
            --lo;
        while (lo != all.end() && x0 - *lo > r)
            ++lo;
        auto hi = std::upper_bound(lo, all.end(), x0 + r);
        while (hi != lo && *(hi - 1) - x0 > r)
            --hi;
        while (hi != all.end() && *hi - x0 <= r)
            ++hi;
        sumPsiM += digamma(static_cast<double>(std::max<std::ptrdiff_t>(1, hi - lo)));
    }
    const double dm = static_cast<double>(m);
    const double mi = digamma(dm) + sumPsiK / dm - sumPsiLabel / dm - sumPsiM / dm;
    return std::max(0.0, mi);
}

std::vector<double> FeatureScores::reliefF(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const std::vector<bool> &categorical, std::span<const std::int32_t> y, int classes,
    int neighbors, int samples, std::uint64_t seed, const std::atomic<bool> *cancel)
{
    const Eigen::Index n = X.rows(), f = X.cols();
    std::vector<double> weights(static_cast<std::size_t>(f), 0.0);
    if (n < 2 || f == 0)
        return weights;
    std::vector<double> range(static_cast<std::size_t>(f), 0.0);
    for (Eigen::Index j = 0; j < f; ++j) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (Eigen::Index i = 0; i < n; ++i)
            if (!std::isnan(X(i, j))) {
                lo = std::min(lo, X(i, j));
                hi = std::max(hi, X(i, j));
            }
        range[static_cast<std::size_t>(j)] = hi > lo ? hi - lo : 0.0;
    }
    const auto diff = [&](Eigen::Index j, Eigen::Index a, Eigen::Index b) {
        const double u = X(a, j), v = X(b, j);
        if (std::isnan(u) || std::isnan(v))
            return 1.0;
        if (categorical[static_cast<std::size_t>(j)])
            return u == v ? 0.0 : 1.0;
        const double r = range[static_cast<std::size_t>(j)];
        return r > 0 ? std::abs(u - v) / r : 0.0;
    };
    std::vector<double> prior(static_cast<std::size_t>(classes), 0.0);
    for (std::int32_t c : y)
        prior[static_cast<std::size_t>(c)] += 1.0 / static_cast<double>(n);
    std::vector<Eigen::Index> chosen(static_cast<std::size_t>(n));
    std::iota(chosen.begin(), chosen.end(), Eigen::Index(0));
    const auto m = static_cast<std::size_t>(std::min<Eigen::Index>(std::max(1, samples), n));
    if (m < chosen.size()) {
        std::mt19937_64 rng(seed);
        for (std::size_t i = 0; i < m; ++i) {
            std::uniform_int_distribution<std::size_t> pick(i, chosen.size() - 1);
            std::swap(chosen[i], chosen[pick(rng)]);
        }
        chosen.resize(m);
    }
    std::vector<std::vector<std::pair<double, Eigen::Index>>> byClass(
        static_cast<std::size_t>(classes));
    for (std::size_t s = 0; s < m; ++s) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        const Eigen::Index r = chosen[s];
        for (auto &v : byClass)
            v.clear();
        for (Eigen::Index i = 0; i < n; ++i) {
            if (i == r)
                continue;
            double dist = 0;
            for (Eigen::Index j = 0; j < f; ++j)
                dist += diff(j, r, i);
            byClass[static_cast<std::size_t>(y[static_cast<std::size_t>(i)])].push_back(
                { dist, i });
        }
        const std::int32_t own = y[static_cast<std::size_t>(r)];
        const double ownPrior = prior[static_cast<std::size_t>(own)];
        for (int c = 0; c < classes; ++c) {
            auto &v = byClass[static_cast<std::size_t>(c)];
            const std::size_t k
                = std::min<std::size_t>(static_cast<std::size_t>(neighbors), v.size());
            if (k == 0)
                continue;
            std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
            const double scale = c == own
                ? -1.0 / (static_cast<double>(m) * static_cast<double>(k))
                : (ownPrior < 1 ? prior[static_cast<std::size_t>(c)] / (1 - ownPrior) : 0.0)
                    / (static_cast<double>(m) * static_cast<double>(k));
            for (std::size_t h = 0; h < k; ++h)
                for (Eigen::Index j = 0; j < f; ++j)
                    weights[static_cast<std::size_t>(j)] += scale * diff(j, r, v[h].second);
        }
    }
    return weights;
}

} // namespace sextant::engine
