#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>

namespace sextant::engine {

// Options for LinearRegression (defaults: scikit-learn's LinearRegression()).
struct LinearRegressionOptions {
    enum class Solver {
        // Qr while the centred copy of X has at most 8 million cells, Cholesky beyond.
        Auto,
        // Complete orthogonal decomposition of the centred data (stacked on
        // sqrt(alpha) * I for ridge): accurate like scikit-learn's lstsq, minimum-norm
        // solution for rank-deficient data; O(n d^2) and a copy of the data.
        Qr,
        // Normal equations: X_c^T X_c + alpha I accumulated in one blocked pass over X
        // (no copy, threads), solved by a complete orthogonal decomposition. Loses
        // accuracy on ill-conditioned data (the condition number is squared).
        Cholesky,
    };

    // L2 penalty (ridge) on the coefficients, >= 0; 0 is ordinary least squares. The
    // intercept is not penalised (scikit-learn's Ridge(alpha)).
    double alpha = 0.0;
    // Learn an intercept: fit on centred X and y, intercept = mean(y) - mean(X) . coef.
    bool fitIntercept = true;
    Solver solver = Solver::Auto;
};

// Ordinary least squares and ridge regression: minimises
//   ||y - X w - b||^2 + alpha ||w||^2.
// kind() "linear_regression".
//
// Data layout: X is n x d (rows are samples, columns are features, all finite); y has n
// finite values. coefficients() has d entries, intercept() is a number.
class LinearRegression : public Estimator {
public:
    explicit LinearRegression(LinearRegressionOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "linear_regression";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Regression; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    int featureCount() const override { return static_cast<int>(m_coefficients.size()); }
    // n values X w + b.

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const LinearRegressionOptions &options() const { return m_options; }
    const Eigen::VectorXd &coefficients() const { return m_coefficients; }
    double intercept() const { return m_intercept; }

    // Standardized coefficients: coef_j * sd_j, with sd_j the population standard deviation
    // of training column j (the change of the prediction per standard deviation of the
    // feature). Needs the deviations, kept in the state as "feature_std" (not in older files).
    FeatureImportances featureImportances() const override;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    LinearRegressionOptions m_options;
    Eigen::VectorXd m_coefficients; // d
    double m_intercept = 0;
    Eigen::VectorXd m_featureStd; // d, empty for models restored from older states
    bool m_fitted = false;
};

} // namespace sextant::engine
