#pragma once

#include "ml/CurveMetrics.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Per-class precision, recall and F1 with their macro and weighted averages.
// Per-class vectors have classCount entries (index = class code); a class absent from both
// the true and the predicted labels gets 0 everywhere and is left out of the averages.
struct ClassificationReport {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> f1;
    std::vector<std::int64_t> support; // true samples per class
    double macroPrecision = 0;
    double macroRecall = 0;
    double macroF1 = 0;
    double weightedPrecision = 0;
    double weightedRecall = 0;
    double weightedF1 = 0;
};

// Evaluation metrics, computed the way scikit-learn (1.2) computes them.
//
// Data layout: one entry per sample. Class labels are class codes 0..K-1 stored as doubles
// (the Estimator convention); probabilities are n x K, row = sample, column = class.
// Regression targets/predictions are plain values. Clustering: X is n x d (rows are
// samples), labels are integer cluster codes stored as doubles (-1 = noise, treated as a
// cluster of its own by silhouette/ARI like scikit-learn does with any label value).
//
// Unusable input (different lengths, empty input, a label that is not a whole number in
// [0, K)) throws FitError with a message. Degenerate cases return NaN where scikit-learn
// raises (AUC with a class without positives or negatives, silhouette with one cluster).
class Metrics {
public:
    // ---- classification -------------------------------------------------------------
    static double accuracy(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);
    // Mean recall over the classes present in yTrue (balanced_accuracy_score).
    static double balancedAccuracy(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);
    // precision_recall_fscore_support with zero_division=0. classCount 0: max label + 1.
    // Averages run over the classes that appear in yTrue or yPred (scikit-learn's default
    // `labels`).
    static ClassificationReport classificationReport(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred, int classCount = 0);
    // roc_auc_score: binary (K = 2) AUC of column 1; K > 2 one-vs-rest macro average
    // (multi_class="ovr", average="macro"). NaN when a class has no positive or no negative.
    static double rocAuc(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::MatrixXd> &probabilities);
    // log_loss: probabilities clipped to [eps, 1 - eps], rows renormalised, mean of
    // -log p(true class). eps defaults to the float64 machine epsilon (sklearn's "auto").
    static double logLoss(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::MatrixXd> &probabilities, double eps = 2.220446049250313e-16);
    // K x K counts, row = true class, column = predicted class (CurveMetrics::confusion).
    static ConfusionMatrix confusion(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred, int classCount = 0);

    // ---- regression -----------------------------------------------------------------
    static double rmse(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);
    static double mae(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);
    // 1 - SS_res / SS_tot; for constant yTrue 1 when the fit is perfect, else 0 (sklearn's
    // force_finite).
    static double r2(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);
    // mean(|y - p| / max(|y|, float64 eps)) — a fraction, not a percentage (sklearn).
    static double mape(const Eigen::Ref<const Eigen::VectorXd> &yTrue,
        const Eigen::Ref<const Eigen::VectorXd> &yPred);

    // ---- clustering -----------------------------------------------------------------
    // Sum of squared euclidean distances of each sample to its cluster's centre (row
    // `label` of `centres`, k x d). Samples labelled -1 are left out.
    static double inertia(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &labels,
        const Eigen::Ref<const Eigen::MatrixXd> &centres);
    // The same with each centre the mean of its cluster's samples.
    static double inertia(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &labels);
    // Mean silhouette coefficient, euclidean distances computed exactly (not through the
    // GEMM identity). Up to `sampleLimit` rows it is exact (silhouette_score with
    // sample_size=None); above, it is computed on `sampleLimit` rows drawn without
    // replacement with `seed` (std::mt19937_64 — not scikit-learn's random stream, so
    // sampled values differ from sklearn's sampled ones). NaN unless 2 <= clusters <= n-1.
    static double silhouette(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &labels, int sampleLimit = 5000,
        std::uint64_t seed = 0);
    // adjusted_rand_score (pair-counting form, exact integer arithmetic).
    static double adjustedRandIndex(const Eigen::Ref<const Eigen::VectorXd> &labelsA,
        const Eigen::Ref<const Eigen::VectorXd> &labelsB);
};

} // namespace sextant::engine
