#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sextant::engine {

// A receiver operating characteristic curve: points (fpr[i], tpr[i]) for decreasing
// thresholds, starting at (0, 0) with threshold +infinity and ending at (1, 1).
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;
    double auc = 0; // trapezoidal area; NaN when only one class is present
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
};

// A precision-recall curve in scikit-learn's order: recall decreasing, the last point
// (recall 0, precision 1) has no threshold, so `thresholds` is one shorter and increasing.
struct PrecisionRecallCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;
    double averagePrecision = 0; // sum over thresholds of (R_n - R_{n-1}) P_n; NaN if no positive
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
};

// Counts of (true class, predicted class) pairs for K classes.
// Layout: row-major K x K, row = true class, column = predicted class.
struct ConfusionMatrix {
    int classCount = 0;
    std::vector<std::int64_t> counts;

    std::int64_t at(int trueClass, int predicted) const
    {
        return counts[static_cast<std::size_t>(trueClass) * classCount + predicted];
    }
    std::int64_t rowTotal(int trueClass) const;
    std::int64_t total() const;
    // Each row divided by its total (recall per class on the diagonal); a row without
    // samples is all zeros. Same layout as `counts`.
    std::vector<double> rowNormalized() const;
    // Fraction of samples on the diagonal (NaN when empty).
    double accuracy() const;
};

// Threshold curves and confusion counts, computed the way scikit-learn's
// roc_curve / roc_auc_score, precision_recall_curve / average_precision_score and
// confusion_matrix compute them (same points, same tie handling).
//
// Input layout: one label and one score per sample. Samples whose score is NaN are left
// out. Multi-class scores are n x K, row-major (row = sample, column = class score).
class CurveMetrics {
public:
    // Binary ROC, `positive` says which label is the positive class (every other label is
    // negative). With `dropIntermediate`, points that lie on a straight horizontal or
    // vertical run are dropped (scikit-learn's default); the AUC is unchanged.
    static RocCurve roc(std::span<const std::int32_t> labels, std::span<const double> scores,
        std::int32_t positive = 1, bool dropIntermediate = true);
    // Binary precision-recall curve with average precision.
    static PrecisionRecallCurve precisionRecall(std::span<const std::int32_t> labels,
        std::span<const double> scores, std::int32_t positive = 1);

    // One-vs-rest for K classes: curve k treats label k as positive and scores column k.
    // `labels` are class codes in [0, K); `scores` has n * K entries.
    static std::vector<RocCurve> rocOneVsRest(
        std::span<const std::int32_t> labels, std::span<const double> scores, int classCount);
    static std::vector<PrecisionRecallCurve> precisionRecallOneVsRest(
        std::span<const std::int32_t> labels, std::span<const double> scores, int classCount);
    // Unweighted mean of the per-class AUCs (roc_auc_score(multi_class="ovr",
    // average="macro")), or weighted by the number of positives (average="weighted").
    // Classes without positives or negatives are left out; NaN when none is left.
    static double macroAuc(const std::vector<RocCurve> &curves);
    static double weightedAuc(const std::vector<RocCurve> &curves);

    // Area under a piecewise-linear curve by the trapezoidal rule (x monotonic).
    static double trapezoid(std::span<const double> x, std::span<const double> y);

    // Confusion counts for class codes in [0, K); pairs with a code outside are ignored
    // (scikit-learn ignores labels not listed in `labels`).
    static ConfusionMatrix confusion(std::span<const std::int32_t> trueLabels,
        std::span<const std::int32_t> predicted, int classCount);
};

} // namespace sextant::engine
