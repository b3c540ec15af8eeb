#pragma once

#include <Eigen/Core>
#include <atomic>
#include <functional>
#include <string>

namespace sextant::engine {

// Options for Pca::fit.
struct PcaOptions {
    enum class Solver {
        // Covariance when there are at least as many samples as features, SVD otherwise.
        Auto,
        // Eigen-decomposition of the d x d covariance: O(n d^2 + d^3), one pass over the
        // data in blocks, the choice for many rows and few columns (1M x 20).
        Covariance,
        // Singular value decomposition of the centred n x d data (BDCSVD): more accurate
        // for ill-conditioned data, but keeps a copy of the data.
        Svd,
    };

    // Number of components kept; 0 or more than min(n, d) keeps min(n, d).
    int components = 0;
    // Divide each feature by its sample standard deviation before the decomposition
    // (PCA on the correlation matrix). Constant features are left unscaled.
    bool standardize = false;
    Solver solver = Solver::Auto;
};

// Principal component analysis.
//
// Data layout: `X` is n x d, rows are samples, columns are features; no NaN (drop or
// impute missing cells first). Features are centred (and optionally standardised) with
// the means/deviations learnt by fit; transform applies the same ones.
//
// Results follow scikit-learn's PCA: `components()` is k x d with one principal axis per
// row, sorted by decreasing explained variance; `explainedVariance()` uses the n - 1
// denominator; `explainedVarianceRatio()` divides by the total variance of all d
// features, so it sums to 1 only when every component is kept.
//
// Sign convention: each component (row of `components()`) is flipped so that its entry
// of largest absolute value is positive — scikit-learn's svd_flip with
// u_based_decision=False (its default from 1.5; earlier versions decided on the scores
// instead). It depends only on the loadings, so the result does not depend on the order
// of the rows, and two runs on the same data give the same signs bit for bit.
class Pca {
public:
    // Returns false (and leaves the model unfitted) when X has fewer than two rows or no
    // column, holds a non-finite value, or `cancel` became true.
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const PcaOptions &options = {},
        const std::atomic<bool> *cancel = nullptr);
    // The same fit on data that is not one matrix (a table's columns): `rows(start, count,
    // out)` fills `out` with the count x d rows from `start` on. Asked for blocks of a few
    // thousand rows, so the data is never copied whole (except with the SVD solver, which
    // needs all of it: Auto picks it only when n < d).
    using RowBlocks
        = std::function<void(Eigen::Index start, Eigen::Index count, Eigen::MatrixXd &out)>;
    bool fit(Eigen::Index n, Eigen::Index d, const RowBlocks &rows, const PcaOptions &options = {},
        const std::atomic<bool> *cancel = nullptr);
    // Rows per block of the passes over the data (fit, transform).
    static constexpr Eigen::Index kBlockRows = 4096;

    // n x k scores: (X - mean) / scale * components^T. X must have featureCount() columns.
    Eigen::MatrixXd transform(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
    // Back from k scores to the d original features (lossy when k < d).
    Eigen::MatrixXd inverseTransform(const Eigen::Ref<const Eigen::MatrixXd> &scores) const;

    bool isFitted() const { return m_components.rows() > 0; }
    int componentCount() const { return static_cast<int>(m_components.rows()); }
    int featureCount() const { return static_cast<int>(m_mean.size()); }

    // k x d, rows are principal axes (unit length).
    const Eigen::MatrixXd &components() const { return m_components; }
    // k values, decreasing; variance of the data along each axis (n - 1 denominator).
    const Eigen::VectorXd &explainedVariance() const { return m_explainedVariance; }
    const Eigen::VectorXd &explainedVarianceRatio() const { return m_explainedVarianceRatio; }
    // k values: sqrt(explainedVariance * (n - 1)), the singular values of the centred data.
    const Eigen::VectorXd &singularValues() const { return m_singularValues; }
    // d feature means and the d scale factors (all 1 unless `standardize`).
    const Eigen::RowVectorXd &mean() const { return m_mean; }
    const Eigen::RowVectorXd &scale() const { return m_scale; }
    // Total variance of the (scaled) features, the denominator of the ratio.
    double totalVariance() const { return m_totalVariance; }

    // Why the last fit failed, empty after a successful one.
    const std::string &error() const { return m_error; }

private:
    void clear();
    // fit's passes; `block(start, count)` gives the rows from `start` on as an Eigen
    // expression, `whole()` all of them (SVD solver only).
    template<typename Block, typename Whole>
    bool fitFrom(Eigen::Index n, Eigen::Index d, Block &&block, Whole &&whole,
        const PcaOptions &options, const std::atomic<bool> *cancel);

    Eigen::MatrixXd m_components;
    Eigen::VectorXd m_explainedVariance;
    Eigen::VectorXd m_explainedVarianceRatio;
    Eigen::VectorXd m_singularValues;
    Eigen::RowVectorXd m_mean;
    Eigen::RowVectorXd m_scale;
    double m_totalVariance = 0;
    std::string m_error;
};

} // namespace sextant::engine
