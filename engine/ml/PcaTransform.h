#pragma once

#include "ml/Transformer.h"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace sextant::engine {

// Replaces numeric feature columns by their principal components (kind "pca"), fitted
// with engine/ml/Pca (scikit-learn PCA's axes, variances and sign convention: the largest
// |loading| of each axis is positive). The k new numeric Feature columns, named
// `prefix`1..`prefix`k ("PC1".."PCk"), take the place of the first used column; the other
// used columns are removed and every other column stays.
//
// The number of components: `varianceTarget` in (0, 1) keeps the fewest components whose
// cumulative explained-variance ratio exceeds it (sklearn's PCA(n_components=0.95):
// searchsorted(cumsum, target, side='right') + 1); otherwise `components` (0 or more
// than min(n, d): min(n, d)).
//
// With `standardize`, each column is divided by its sample (n - 1) standard deviation
// before the decomposition (PCA on the correlation matrix). Missing values are refused:
// fit and transform throw FitError naming the column. When `context.cancel` becomes true
// during fit, fit returns with the step unfitted.
class PcaTransform : public Transformer {
public:
    struct Options {
        // Empty: every numeric Feature column.
        std::vector<std::string> columns;
        int components = 0;
        double varianceTarget = 0.0; // in (0, 1) to choose the count by variance
        bool standardize = false;
        std::string prefix = "PC";
    };

    PcaTransform() = default;
    explicit PcaTransform(Options options) : m_options(std::move(options)) { }
    const Options &options() const { return m_options; }

    std::string kind() const override { return "pca"; }
    void fit(const Dataset &data, const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    Dataset transform(const Dataset &data) const override;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Transformer> cloneUnfitted() const override;

    const std::vector<std::string> &fittedColumns() const { return m_columns; }
    // k x d, rows are the kept axes; d means and scales; k variance ratios.
    const Eigen::MatrixXd &components() const { return m_components; }
    const Eigen::RowVectorXd &mean() const { return m_mean; }
    const Eigen::RowVectorXd &scale() const { return m_scale; }
    const Eigen::VectorXd &explainedVarianceRatio() const { return m_ratio; }
    int componentCount() const { return static_cast<int>(m_components.rows()); }

private:
    Options m_options;
    bool m_fitted = false;
    std::vector<std::string> m_columns;
    Eigen::MatrixXd m_components;
    Eigen::RowVectorXd m_mean;
    Eigen::RowVectorXd m_scale;
    Eigen::VectorXd m_ratio;
};

} // namespace sextant::engine
