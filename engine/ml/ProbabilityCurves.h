#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sextant::engine {

// A reliability diagram's points, as scikit-learn's
// sklearn.calibration.calibration_curve(y_true, y_prob, n_bins, strategy): per non-empty
// bin, the mean predicted probability and the fraction of positives. `edges` are the
// n_bins + 1 bin edges; a probability p falls in bin i when edges[i] < p <= edges[i + 1]
// (numpy.searchsorted on the inner edges, side "left"; the first bin also takes
// edges[0] itself). Only non-empty bins give a point.
struct CalibrationCurve {
    std::vector<double> meanPredicted; // x
    std::vector<double> fractionPositive; // y
    std::vector<std::int64_t> counts; // samples per point
    std::vector<double> edges;
    std::int64_t positives = 0;
    std::int64_t total = 0;
};

// Cumulative gains and lift: the samples ranked by score, highest first; after the top
// fraction `population[i]` of them, `gains[i]` is the fraction of all positives found and
// `lift[i]` = gains / population (how many times better than picking at random). Points
// are at the distinct scores (tied samples enter together), starting at (0, 0) (lift
// there: that of the first point), at most maxPoints of them (an even subset of the
// population range when there are more, the last point always kept).
struct GainsCurve {
    std::vector<double> population;
    std::vector<double> gains;
    std::vector<double> lift;
    std::int64_t positives = 0;
    std::int64_t total = 0;
};

class ProbabilityCurves {
public:
    enum class Strategy { Uniform, Quantile };

    // `labels[i] == positive` marks a positive; `probabilities` in [0, 1] (NaN: left
    // out). Throws FitError for a probability outside [0, 1] (scikit-learn raises too;
    // within 1e-9 of it, rounding, it is clamped).
    // Uniform: edges 0, 1/n, ..., 1. Quantile: edges at numpy.percentile(probabilities,
    // linspace(0, 100, n + 1)) (linear method).
    static CalibrationCurve calibration(std::span<const std::int32_t> labels,
        std::span<const double> probabilities, int bins, Strategy strategy,
        std::int32_t positive = 1);

    static constexpr int kMaxGainsPoints = 1000;
    static GainsCurve gains(std::span<const std::int32_t> labels, std::span<const double> scores,
        std::int32_t positive = 1, int maxPoints = kMaxGainsPoints);
};

} // namespace sextant::engine
