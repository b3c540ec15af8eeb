#include "ml/Pca.h"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>

namespace sextant::engine {

namespace {

// Rows per block in the passes over the data (Pca::kBlockRows): the cancel flag is polled
// between blocks, and a block of centred rows stays in cache.
constexpr Eigen::Index kBlockRows = Pca::kBlockRows;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

void Pca::clear()
{
    m_components.resize(0, 0);
    m_explainedVariance.resize(0);
    m_explainedVarianceRatio.resize(0);
    m_singularValues.resize(0);
    m_mean.resize(0);
    m_scale.resize(0);
    m_totalVariance = 0;
}

bool Pca::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const PcaOptions &options,
    const std::atomic<bool> *cancel)
{
    return fitFrom(
        X.rows(), X.cols(),
        [&X](Eigen::Index start, Eigen::Index rows) { return X.middleRows(start, rows); },
        [&X]() -> const Eigen::Ref<const Eigen::MatrixXd> & { return X; }, options, cancel);
}

bool Pca::fit(Eigen::Index n, Eigen::Index d, const RowBlocks &rows, const PcaOptions &options,
    const std::atomic<bool> *cancel)
{
    Eigen::MatrixXd buffer;
    Eigen::MatrixXd all;
    return fitFrom(
        n, d,
        [&](Eigen::Index start, Eigen::Index count) -> const Eigen::MatrixXd & {
            buffer.resize(count, d);
            rows(start, count, buffer);
            return buffer;
        },
        [&]() -> const Eigen::MatrixXd & {
            all.resize(n, d);
            rows(0, n, all);
            return all;
        },
        options, cancel);
}

template<typename Block, typename Whole>
bool Pca::fitFrom(Eigen::Index n, Eigen::Index d, Block &&blockOf, Whole &&whole,
    const PcaOptions &options, const std::atomic<bool> *cancel)
{
    clear();
    m_error.clear();
    if (n < 2 || d < 1) {
        m_error = "PCA needs at least two rows and one column";
        return false;
    }

    // Pass 1: finiteness and means.
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(d);
    for (Eigen::Index start = 0; start < n; start += kBlockRows) {
        if (cancelled(cancel)) {
            m_error = "cancelled";
            return false;
        }
        const Eigen::Index rows = std::min(kBlockRows, n - start);
        const auto &block = blockOf(start, rows);
        if (!block.allFinite()) {
            m_error = "PCA input holds a missing or non-finite value";
            return false;
        }
        mean += block.colwise().sum();
    }
    mean /= static_cast<double>(n);

    // Pass 2 (only when standardising): sample standard deviations.
    Eigen::RowVectorXd scale = Eigen::RowVectorXd::Ones(d);
    if (options.standardize) {
        Eigen::RowVectorXd ss = Eigen::RowVectorXd::Zero(d);
        for (Eigen::Index start = 0; start < n; start += kBlockRows) {
            if (cancelled(cancel)) {
                m_error = "cancelled";
                return false;
            }
            const Eigen::Index rows = std::min(kBlockRows, n - start);
            ss += (blockOf(start, rows).rowwise() - mean).array().square().colwise().sum().matrix();
        }
        for (Eigen::Index j = 0; j < d; ++j) {
            const double sd = std::sqrt(ss(j) / static_cast<double>(n - 1));
            scale(j) = (sd > 0 && std::isfinite(sd)) ? sd : 1.0;
        }
    }

    const Eigen::Index maxK = std::min(n, d);
    const Eigen::Index k = (options.components <= 0 || options.components > maxK)
        ? maxK
        : static_cast<Eigen::Index>(options.components);

    PcaOptions::Solver solver = options.solver;
    if (solver == PcaOptions::Solver::Auto)
        solver = n >= d ? PcaOptions::Solver::Covariance : PcaOptions::Solver::Svd;

    Eigen::MatrixXd axes(k, d); // rows are components
    Eigen::VectorXd variance(k);
    double total = 0;

    if (solver == PcaOptions::Solver::Covariance) {
        // Pass 3: covariance of the centred, scaled data, accumulated block by block.
        Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(d, d);
        const Eigen::RowVectorXd invScale = scale.cwiseInverse();
        Eigen::MatrixXd centred;
        for (Eigen::Index start = 0; start < n; start += kBlockRows) {
            if (cancelled(cancel)) {
                m_error = "cancelled";
                return false;
            }
            const Eigen::Index rows = std::min(kBlockRows, n - start);
            centred = ((blockOf(start, rows).rowwise() - mean).array().rowwise() * invScale.array())
                          .matrix();
            cov.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose());
        }
        cov = cov.selfadjointView<Eigen::Lower>();
        cov /= static_cast<double>(n - 1);
        total = cov.trace();

        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
        if (eig.info() != Eigen::Success) {
            m_error = "the eigen-decomposition of the covariance did not converge";
            return false;
        }
        // Eigenvalues come in increasing order; take them from the end.
        for (Eigen::Index c = 0; c < k; ++c) {
            const Eigen::Index src = d - 1 - c;
            variance(c) = std::max(0.0, eig.eigenvalues()(src));
            axes.row(c) = eig.eigenvectors().col(src).transpose();
        }
    } else {
        if (cancelled(cancel)) {
            m_error = "cancelled";
            return false;
        }
        const auto &X = whole();
        const Eigen::MatrixXd centred
            = ((X.rowwise() - mean).array().rowwise() / scale.array()).matrix();
        Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
        if (svd.info() != Eigen::Success) {
            m_error = "the singular value decomposition did not converge";
            return false;
        }
        const Eigen::VectorXd &s = svd.singularValues(); // decreasing
        for (Eigen::Index c = 0; c < k; ++c) {
            variance(c) = s(c) * s(c) / static_cast<double>(n - 1);
            axes.row(c) = svd.matrixV().col(c).transpose();
        }
        total = centred.squaredNorm() / static_cast<double>(n - 1);
    }

    // Sign convention: the largest-magnitude loading of each component is positive.
    for (Eigen::Index c = 0; c < k; ++c) {
        Eigen::Index arg = 0;
        axes.row(c).cwiseAbs().maxCoeff(&arg);
        if (axes(c, arg) < 0)
            axes.row(c) *= -1.0;
    }

    m_components = std::move(axes);
    m_explainedVariance = variance;
    m_explainedVarianceRatio
        = total > 0 ? Eigen::VectorXd(variance / total) : Eigen::VectorXd(Eigen::VectorXd::Zero(k));
    m_singularValues = (variance * static_cast<double>(n - 1)).cwiseSqrt();
    m_mean = mean;
    m_scale = scale;
    m_totalVariance = total;
    return true;
}

Eigen::MatrixXd Pca::transform(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted() || X.cols() != m_mean.size())
        return {};
    // Block by block: the centred and scaled rows are a temporary of the product, and
    // for the whole of X that temporary is as large as X.
    Eigen::MatrixXd out(X.rows(), m_components.rows());
    const Eigen::MatrixXd componentsT = m_components.transpose();
    for (Eigen::Index start = 0; start < X.rows(); start += kBlockRows) {
        const Eigen::Index rows = std::min(kBlockRows, X.rows() - start);
        out.middleRows(start, rows).noalias()
            = ((X.middleRows(start, rows).rowwise() - m_mean).array().rowwise() / m_scale.array())
                  .matrix()
            * componentsT;
    }
    return out;
}

Eigen::MatrixXd Pca::inverseTransform(const Eigen::Ref<const Eigen::MatrixXd> &scores) const
{
    if (!isFitted() || scores.cols() != m_components.rows())
        return {};
    Eigen::MatrixXd back = ((scores * m_components).array().rowwise() * m_scale.array()).matrix();
    back.rowwise() += m_mean;
    return back;
}

} // namespace sextant::engine
