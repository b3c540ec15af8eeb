#pragma once

#include "ml/ClassWeights.h"
#include "ml/Estimator.h"

#include <Eigen/Core>

namespace sextant::engine {

// Options for LogisticRegression (defaults: scikit-learn's LogisticRegression()).
struct LogisticRegressionOptions {
    // Inverse regularisation strength (> 0): the objective is
    //   0.5 * ||W||^2 + C * sum_i logloss_i        (intercepts not penalised),
    // i.e. scikit-learn's penalty="l2" with the same C.
    double C = 1.0;
    // Learn an intercept per class (unpenalised).
    bool fitIntercept = true;
    // L-BFGS iterations at most (scikit-learn's max_iter).
    int maxIterations = 100;
    // Stop when the largest absolute gradient entry of sum_i logloss_i + 0.5/C ||W||^2
    // (taken with respect to the internally rescaled parameters, see below) is at most
    // `tolerance` (scikit-learn's tol for lbfgs), or when the objective's relative
    // decrease in one iteration falls below 2.2e-9 * min(1, tolerance / 1e-4) (scipy's
    // L-BFGS-B default at the default tolerance, tighter for smaller ones).
    double tolerance = 1e-4;
    // Balanced: each row's log loss is weighted by its class's weight (ClassWeights.h),
    // scikit-learn's class_weight="balanced": 0.5 ||W||^2 + C * sum_i w_i logloss_i.
    ClassWeight classWeight = ClassWeight::None;
};

// L2-regularised logistic regression: binary (sigmoid) for two classes, multinomial
// (softmax) for more, solved with L-BFGS (engine/ml/Lbfgs) like scikit-learn's default
// solver. kind() "logistic_regression".
//
// Data layout: X is n x d (rows are samples, columns are features, all finite); y holds
// class indices 0..K-1 as doubles (K = context.classCount, or max label + 1).
//
// Learnt parameters, as in scikit-learn:
//   binary (K = 2): coefficients() is 1 x d and intercepts() has 1 entry; the decision
//     value z = x . coef + intercept is the log-odds of class 1.
//   multinomial (K > 2): coefficients() is K x d and intercepts() has K entries; the
//     probabilities are softmax(W x + b) over the K rows (the symmetric, over-complete
//     parametrisation scikit-learn uses, made unique by the penalty).
//
// The optimiser works on internally rescaled parameters (W = V / t, b = c - mean . W,
// with mean the feature means and t_j = sqrt(var_j + 4 / (C n)), which balances the data
// term's curvature against the penalty's), an exact change of variables: the objective
// and its minimiser are unchanged, but badly scaled data converges in far fewer
// iterations. The gradient test of `tolerance` is taken on these parameters (on
// standardised data they are the original ones up to a factor ~1).
//
// Work per iteration: one pass over X in fixed blocks of rows (GEMV/GEMM per block),
// spread over context.threadCount() threads; per-block partial sums are added in block
// order, so results are bit-identical whatever the number of threads. The cancel flag is
// polled between blocks.
//
// Reports, once per L-BFGS iteration: trainLoss = mean log loss on the training rows
// (without the penalty), metric = training accuracy ("accuracy").
//
// fit() returns false and leaves the model unfitted when context.cancel is set during the
// fit; a callback asking to stop keeps the parameters reached so far.
class LogisticRegression : public Estimator {
public:
    explicit LogisticRegression(LogisticRegressionOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "logistic_regression";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Classification; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_classCount > 0; }
    int featureCount() const override { return static_cast<int>(m_coefficients.cols()); }

    bool hasProbabilities() const override { return true; }
    int classCount() const override { return m_classCount; }

    // n x rows(coefficients()): X * coef^T + intercepts (log-odds for binary).
    Eigen::MatrixXd decisionFunction(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const LogisticRegressionOptions &options() const { return m_options; }
    // 1 x d (binary) or K x d (multinomial); see the class comment.
    const Eigen::MatrixXd &coefficients() const { return m_coefficients; }
    // 1 (binary) or K entries.
    const Eigen::VectorXd &intercepts() const { return m_intercepts; }
    // L-BFGS iterations run by the last fit (scikit-learn's n_iter_).
    int iterations() const { return m_iterations; }

    // Standardized coefficients: coef(k, j) * sd_j, with sd_j the population standard
    // deviation of training column j (the change of the log-odds per standard deviation).
    // One column for two classes ("coefficient"), one per class for more. Needs the
    // training deviations, kept in the state as "feature_std" (not in older model files).
    FeatureImportances featureImportances() const override;
    const Eigen::VectorXd &featureStd() const { return m_featureStd; }

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();

    LogisticRegressionOptions m_options;
    Eigen::MatrixXd m_coefficients; // rows x d, rows = 1 (binary) or K
    Eigen::VectorXd m_intercepts; // rows
    Eigen::VectorXd m_featureStd; // d, empty for models restored from older states
    int m_classCount = 0; // 0 while unfitted
    int m_iterations = 0;
};

} // namespace sextant::engine
