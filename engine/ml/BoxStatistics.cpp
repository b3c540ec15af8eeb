#include "ml/BoxStatistics.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sextant::engine {

namespace {

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// numpy's _lerp: a + (b - a) t, computed from the nearer end (as numpy does) so that
// t = 1 gives b exactly.
double lerp(double a, double b, double t)
{
    const double d = b - a;
    return t >= 0.5 ? b - d * (1.0 - t) : a + d * t;
}

// Sum over weighted points (positions ascending) of w exp(-((x - p) / h)^2 / 2), for the
// points within 9 bandwidths of x (the rest add less than 1e-17 of a point's weight).
double kernelSum(std::span<const double> positions, const double *weights, double h, double x)
{
    const double reach = 9.0 * h;
    const auto lo = std::lower_bound(positions.begin(), positions.end(), x - reach);
    const auto hi = std::upper_bound(lo, positions.end(), x + reach);
    double sum = 0;
    for (auto it = lo; it != hi; ++it) {
        const double z = (x - *it) / h;
        const double k = std::exp(-0.5 * z * z);
        sum += weights ? weights[it - positions.begin()] * k : k;
    }
    return sum;
}

} // namespace

double BoxStatistics::quantile(std::span<const double> sorted, double q)
{
    const std::size_t n = sorted.size();
    if (n == 0)
        return std::nan("");
    const double h = (static_cast<double>(n) - 1.0) * q;
    const double lower = std::floor(h);
    const auto i = static_cast<std::size_t>(std::clamp(lower, 0.0, static_cast<double>(n - 1)));
    const std::size_t j = std::min(i + 1, n - 1);
    return lerp(sorted[i], sorted[j], h - lower);
}

double BoxStatistics::scottBandwidth(std::span<const double> values)
{
    const std::size_t n = values.size();
    if (n < 2)
        return 0;
    double mean = 0;
    for (double v : values)
        mean += v;
    mean /= static_cast<double>(n);
    double ss = 0;
    for (double v : values)
        ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / static_cast<double>(n - 1));
    return std::pow(static_cast<double>(n), -0.2) * sd;
}

std::vector<double> BoxStatistics::gaussianKde(
    std::span<const double> sorted, double bandwidth, std::span<const double> at)
{
    std::vector<double> out(at.size(), 0.0);
    if (sorted.empty() || !(bandwidth > 0))
        return out;
    const double norm = 1.0
        / (static_cast<double>(sorted.size()) * bandwidth * std::sqrt(2.0 * std::numbers::pi));
    for (std::size_t k = 0; k < at.size(); ++k)
        out[k] = norm * kernelSum(sorted, nullptr, bandwidth, at[k]);
    return out;
}

BoxSummary BoxStatistics::summarize(
    std::vector<double> &values, bool density, const std::atomic<bool> *cancel)
{
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
        values.end());
    BoxSummary s;
    s.count = static_cast<std::int64_t>(values.size());
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    if (isCancelled(cancel))
        return s;
    const std::span<const double> x(values);
    const std::size_t n = x.size();
    s.minimum = x.front();
    s.maximum = x.back();
    double sum = 0;
    for (double v : x)
        sum += v;
    s.mean = sum / static_cast<double>(n);
    s.q1 = quantile(x, 0.25);
    s.median = quantile(x, 0.5);
    s.q3 = quantile(x, 0.75);
    const double iqr = s.q3 - s.q1;
    const double lowFence = s.q1 - kWhisker * iqr;
    const double highFence = s.q3 + kWhisker * iqr;
    const auto first = std::lower_bound(x.begin(), x.end(), lowFence);
    const auto last = std::upper_bound(x.begin(), x.end(), highFence); // one past
    // A box whose quartiles lie outside every value cannot happen (q1 and q3 are between
    // values), so [first, last) is never empty.
    s.lowerWhisker = first != x.end() ? *first : s.minimum;
    s.upperWhisker = last != x.begin() ? *(last - 1) : s.maximum;
    const auto below = static_cast<std::size_t>(first - x.begin());
    const auto above = static_cast<std::size_t>(x.end() - last);
    s.outlierCount = static_cast<std::int64_t>(below + above);
    std::vector<double> outliers;
    outliers.reserve(std::min<std::size_t>(below + above, kMaxDrawnOutliers));
    const std::size_t total = below + above;
    const auto outlierAt
        = [&](std::size_t k) { return k < below ? x[k] : x[n - above + (k - below)]; };
    if (total <= kMaxDrawnOutliers) {
        for (std::size_t k = 0; k < total; ++k)
            outliers.push_back(outlierAt(k));
    } else {
        for (std::size_t k = 0; k < kMaxDrawnOutliers; ++k)
            outliers.push_back(outlierAt(k * (total - 1) / (kMaxDrawnOutliers - 1)));
    }
    s.outliers = std::move(outliers);
    if (!density || isCancelled(cancel))
        return s;

    s.bandwidth = scottBandwidth(x);
    if (!(s.bandwidth > 0))
        return s;
    const double h = s.bandwidth;
    const double from = s.minimum - 2 * h, to = s.maximum + 2 * h;
    s.densityGrid.resize(kDensityPoints);
    for (int k = 0; k < kDensityPoints; ++k)
        s.densityGrid[k] = from + (to - from) * k / (kDensityPoints - 1);
    if (s.count <= kExactDensityLimit) {
        s.density = gaussianKde(x, h, s.densityGrid);
        return s;
    }
    // Linear binning: each value splits its weight between the two nearest bin centres.
    std::vector<double> centres(kDensityBins), weights(kDensityBins, 0.0);
    const double step = (s.maximum - s.minimum) / (kDensityBins - 1);
    for (int b = 0; b < kDensityBins; ++b)
        centres[b] = s.minimum + step * b;
    for (double v : x) {
        const double pos = (v - s.minimum) / step;
        const int b = std::clamp(static_cast<int>(pos), 0, kDensityBins - 2);
        const double t = std::clamp(pos - b, 0.0, 1.0);
        weights[b] += 1.0 - t;
        weights[b + 1] += t;
    }
    if (isCancelled(cancel))
        return s;
    const double norm = 1.0 / (static_cast<double>(n) * h * std::sqrt(2.0 * std::numbers::pi));
    s.density.resize(kDensityPoints);
    for (int k = 0; k < kDensityPoints; ++k)
        s.density[k] = norm * kernelSum(centres, weights.data(), h, s.densityGrid[k]);
    return s;
}

} // namespace sextant::engine
