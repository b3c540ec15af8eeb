#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

namespace sextant::engine {

// The five-number summary of one group of values, as a box plot draws it, plus the
// density a violin plot draws.
//
// Quantiles are numpy's `np.percentile(values, q)` with the default method "linear"
// (type 7 of Hyndman and Fan): on the ascending values x[0..n-1], position h = (n-1) q,
// value x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
// Whiskers follow matplotlib's `boxplot(whis=1.5)`: the lowest value >= q1 - 1.5 IQR and
// the highest value <= q3 + 1.5 IQR (so they end at data, never beyond it); the values
// outside the whiskers are the outliers.
struct BoxSummary {
    std::int64_t count = 0; // values (missing ones left out)
    double minimum = 0, q1 = 0, median = 0, q3 = 0, maximum = 0, mean = 0;
    double lowerWhisker = 0, upperWhisker = 0;
    std::int64_t outlierCount = 0;
    // Ascending. All of them up to kMaxDrawnOutliers; above, that many spread evenly over
    // the ascending outliers, the lowest and highest included.
    std::vector<double> outliers;

    // Violin: the Gaussian kernel density estimate of scipy.stats.gaussian_kde (Scott's
    // rule: bandwidth = n^(-1/5) times the sample standard deviation with ddof 1),
    // evaluated at `densityGrid` (kDensityPoints points evenly from min - 2 bandwidths to
    // max + 2 bandwidths, seaborn's cut = 2). Empty when there are fewer than two distinct
    // values (no bandwidth).
    double bandwidth = 0;
    std::vector<double> densityGrid;
    std::vector<double> density;
};

class BoxStatistics {
public:
    static constexpr double kWhisker = 1.5;
    static constexpr std::size_t kMaxDrawnOutliers = 2000;
    static constexpr int kDensityPoints = 200;
    // Up to this many values the density is summed exactly, value by value (as
    // gaussian_kde); above, the values are first linearly binned onto kDensityBins bins
    // between min and max (relative error below 1e-3 for smooth densities).
    static constexpr std::int64_t kExactDensityLimit = 200000;
    static constexpr int kDensityBins = 16384;

    // numpy.percentile(sorted, 100 q), method "linear"; `sorted` ascending, non-empty.
    static double quantile(std::span<const double> sorted, double q);

    // Summarises `values` (NaN are left out; the vector is sorted in place). With
    // `density`, also the violin's density. Polls `cancel` (returns what it has so far
    // when set: the caller discards it). O(n log n) for the sort, O(n) plus
    // O(kDensityPoints * kDensityBins) for the density.
    static BoxSummary summarize(
        std::vector<double> &values, bool density, const std::atomic<bool> *cancel = nullptr);

    // The Gaussian KDE (Scott's bandwidth) of ascending `sorted` at `at`; exact (summed
    // over every value within 9 bandwidths of a point).
    static std::vector<double> gaussianKde(
        std::span<const double> sorted, double bandwidth, std::span<const double> at);
    // Scott's bandwidth of `values` (n^(-1/5) * std with ddof 1), 0 when undefined.
    static double scottBandwidth(std::span<const double> values);
};

} // namespace sextant::engine
