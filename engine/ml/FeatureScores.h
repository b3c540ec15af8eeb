#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

namespace sextant::engine {

// Univariate scores of one feature against a class (rows are samples). Classes are codes
// 0..K-1, one per row, never missing; a feature's missing cells (NaN, or code -1 for a
// categorical feature) leave that row out of that feature's score. Higher means more
// informative for every score. NaN where a score does not apply.
//
//   informationGain  H(class) - H(class | feature), in bits
//   gainRatio        information gain / H(feature) (Quinlan's C4.5)
//   giniDecrease     Gini(class) - sum over values of P(value) Gini(class | value)
//   anovaF           sklearn.feature_selection.f_classif's F (numeric features)
//   chi2             sklearn.feature_selection.chi2 for a numeric feature (NaN when a
//                    value is negative: scikit-learn refuses those); for a categorical
//                    feature the sum of chi2 over its one-hot columns, which is Pearson's
//                    chi-squared statistic of the feature-class contingency table
//   mutualInfo       sklearn.feature_selection.mutual_info_classif, in nats: for a numeric
//                    feature the k-nearest-neighbour estimate of Ross (2014) on the feature
//                    scaled to unit variance (scikit-learn adds 1e-10-sized noise to break
//                    ties; so does this, from `seed`, so tied data agree only closely);
//                    for a categorical one, mutual_info_score of the contingency table
//   reliefF          Kononenko's ReliefF weights for all features at once
//
// The entropy-based scores (gain, ratio, Gini) need discrete values: numeric features
// are first cut into `bins` equal-frequency bins (edges at numpy's linear percentiles;
// a value v falls in the first bin whose upper edge is >= v).
class FeatureScores {
public:
    // Discrete codes (0..bins-1, -1 where missing) of a numeric feature.
    static std::vector<std::int32_t> discretize(std::span<const double> x, int bins);

    // Scores of discrete codes (-1: missing) with `values` possible values.
    static double informationGain(std::span<const std::int32_t> codes, int values,
        std::span<const std::int32_t> y, int classes);
    static double gainRatio(std::span<const std::int32_t> codes, int values,
        std::span<const std::int32_t> y, int classes);
    static double giniDecrease(std::span<const std::int32_t> codes, int values,
        std::span<const std::int32_t> y, int classes);
    static double chi2Categorical(std::span<const std::int32_t> codes, int values,
        std::span<const std::int32_t> y, int classes);
    static double mutualInfoDiscrete(std::span<const std::int32_t> codes, int values,
        std::span<const std::int32_t> y, int classes);

    static double anovaF(std::span<const double> x, std::span<const std::int32_t> y, int classes);
    static double chi2(std::span<const double> x, std::span<const std::int32_t> y, int classes);
    static double mutualInfo(std::span<const double> x, std::span<const std::int32_t> y,
        int classes, int neighbors = 3, std::uint64_t seed = 0);

    // ReliefF over the feature matrix X (n x d; NaN missing): `samples` rows drawn with
    // `seed` (all rows when samples >= n), `neighbors` nearest hits and misses per class
    // (Manhattan distance of the per-feature differences: |a - b| / range for numeric
    // columns, 0 or 1 for the categorical ones flagged in `categorical`; a missing cell
    // differs by 1). Misses are weighted by their class's prior. Polls `cancel`.
    static std::vector<double> reliefF(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const std::vector<bool> &categorical, std::span<const std::int32_t> y, int classes,
        int neighbors = 10, int samples = 1000, std::uint64_t seed = 0,
        const std::atomic<bool> *cancel = nullptr);

    // The digamma function at a positive argument.
    static double digamma(double x);
};

} // namespace sextant::engine
