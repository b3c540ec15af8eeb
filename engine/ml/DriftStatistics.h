#pragma once

#include <cstdint>
#include <vector>

namespace sextant::engine {

// The statistics drift monitoring compares distributions with (DriftReport). Counts are
// per bin or category, in the same order on both sides.
class DriftStatistics {
public:
    // Fractions below this count as this in PSI, so that an empty bin on either side gives
    // a large but finite term (the usual convention; scikit-lego and NannyML use 1e-4 too).
    static constexpr double kPsiFloor = 1e-4;

    // Population stability index: sum over bins of (a - e) * ln(a / e), where e and a are
    // the expected (training) and actual (batch) fractions, each at least kPsiFloor.
    // 0 when either side has no values.
    static double psi(const std::vector<double> &expected, const std::vector<double> &actual);

    // Groups fine bins (training counts) into consecutive groups of at least `minShare`
    // of the training values each (the last group joins the one before it when it holds
    // less than minShare / 2): the usual ~10 PSI bins at training deciles, made of the
    // profile's finer bins. Returns the group of each fine bin.
    static std::vector<int> groupBins(const std::vector<double> &counts, double minShare = 0.1);

    // Sums `counts` into the groups groupBins returned.
    static std::vector<double> regroup(
        const std::vector<double> &counts, const std::vector<int> &groups);

    // Kolmogorov-Smirnov statistic of two binned samples: the largest difference between
    // their cumulative fractions at the bin edges. For bins at training quantiles this
    // is the two-sample KS statistic evaluated at those edges (at most the exact one, and
    // within the largest bin's share of it).
    static double ksStatistic(const std::vector<double> &a, const std::vector<double> &b);

    // The asymptotic p-value of a two-sample KS statistic d for samples of n and m values
    // (Kolmogorov's distribution with Stephens' small-sample correction, as Numerical
    // Recipes' probks): 1 when either sample is empty.
    static double ksPValue(double d, double n, double m);

    // Pearson's chi-square goodness of fit of `observed` counts to the `expected`
    // fractions (categories with expected fraction 0 left out): sum (O - E)^2 / E with
    // E = N * p. `df` gets the number of categories used minus 1.
    static double chiSquare(
        const std::vector<double> &observed, const std::vector<double> &expected, int &df);

    // P(X >= x) for X chi-square distributed with df degrees of freedom (the regularized
    // upper incomplete gamma function Q(df / 2, x / 2)); 1 for df < 1.
    static double chiSquarePValue(double x, int df);

    // Each count divided by their sum (all zeros when the sum is 0).
    static std::vector<double> fractions(const std::vector<double> &counts);
};

} // namespace sextant::engine
