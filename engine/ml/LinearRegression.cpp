#include "ml/LinearRegression.h"

#include "core/Parallel.h"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sextant::engine {

namespace {

const char *const kKind = "linear_regression";
constexpr Eigen::Index kBlockRows = 4096;
constexpr double kQrMaxCells = 8e6;

} // namespace

LinearRegression::LinearRegression(LinearRegressionOptions options) : m_options(options)
{
}

bool LinearRegression::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    if (!(m_options.alpha >= 0) || !std::isfinite(m_options.alpha))
        throw FitError("Linear regression: alpha must be a number >= 0.");
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (n == 0 || d == 0)
        throw FitError("Linear regression needs at least one row and one feature column.");
    if (y.size() != n)
        throw FitError("Linear regression: the target has " + std::to_string(y.size())
            + " values but the data has " + std::to_string(n) + " rows.");
    if (!X.allFinite())
        throw FitError("Linear regression: the data holds missing or infinite values; "
                       "impute or drop them first.");
    if (!y.allFinite())
        throw FitError("Linear regression: the target holds missing or infinite values.");
    m_fitted = false;
    m_coefficients.resize(0);
    m_intercept = 0;
    if (context.cancelled())
        return false;

    const bool intercept = m_options.fitIntercept;
    const double alpha = m_options.alpha;
    Eigen::RowVectorXd xMean = Eigen::RowVectorXd::Zero(d);
    double yMean = 0;
    if (intercept) {
        xMean = X.colwise().mean();
        yMean = y.mean();
    }

    LinearRegressionOptions::Solver solver = m_options.solver;
    if (solver == LinearRegressionOptions::Solver::Auto)
        solver = static_cast<double>(n + d) * static_cast<double>(d) <= kQrMaxCells
            ? LinearRegressionOptions::Solver::Qr
            : LinearRegressionOptions::Solver::Cholesky;

    Eigen::VectorXd w;
    if (solver == LinearRegressionOptions::Solver::Qr) {
        const Eigen::Index rows = alpha > 0 ? n + d : n;
        Eigen::MatrixXd A(rows, d);
        Eigen::VectorXd rhs(rows);
        A.topRows(n) = X.rowwise() - xMean;
        rhs.head(n) = y.array() - yMean;
        if (alpha > 0) {
            A.bottomRows(d) = Eigen::MatrixXd::Identity(d, d) * std::sqrt(alpha);
            rhs.tail(d).setZero();
        }
        if (context.cancelled())
            return false;
        Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(A);
        w = cod.solve(rhs);
    } else {
        // One blocked pass: per-block Gram matrices of the centred rows, summed in block
        // order (deterministic whatever the thread count).
        const Eigen::Index blocks = (n + kBlockRows - 1) / kBlockRows;
        std::vector<Eigen::MatrixXd> grams(static_cast<std::size_t>(blocks));
        std::vector<Eigen::VectorXd> xty(static_cast<std::size_t>(blocks));
        std::atomic<bool> stop { false };
        parallelChunks(
            0, blocks, context.threadCount(), 1, [&](int, std::int64_t first, std::int64_t end) {
                Eigen::MatrixXd Xc;
                for (std::int64_t blk = first; blk < end; ++blk) {
                    if (context.cancelled()) {
                        stop = true;
                        return;
                    }
                    const Eigen::Index r0 = blk * kBlockRows;
                    const Eigen::Index m = std::min(kBlockRows, n - r0);
                    Xc = X.middleRows(r0, m).rowwise() - xMean;
                    Eigen::MatrixXd &g = grams[static_cast<std::size_t>(blk)];
                    g.setZero(d, d);
                    g.selfadjointView<Eigen::Lower>().rankUpdate(Xc.transpose());
                    xty[static_cast<std::size_t>(blk)].noalias()
                        = Xc.transpose() * (y.segment(r0, m).array() - yMean).matrix();
                }
            });
        if (stop || context.cancelled())
            return false;
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(d, d);
        Eigen::VectorXd b = Eigen::VectorXd::Zero(d);
        for (Eigen::Index blk = 0; blk < blocks; ++blk) {
            gram += grams[static_cast<std::size_t>(blk)];
            b += xty[static_cast<std::size_t>(blk)];
        }
        gram = gram.selfadjointView<Eigen::Lower>();
        gram.diagonal().array() += alpha;
        Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(gram);
        w = cod.solve(b);
    }
    if (!w.allFinite())
        throw FitError("Linear regression: the solution is not finite (the data may be "
                       "degenerate or badly scaled).");
    m_coefficients = w;
    m_intercept = intercept ? yMean - xMean.dot(w) : 0.0;
    m_featureStd.resize(X.cols());
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
        const double mean = X.col(j).mean();
        m_featureStd(j) = std::sqrt((X.col(j).array() - mean).square().mean());
    }
    m_fitted = true;
    return true;
}

FeatureImportances LinearRegression::featureImportances() const
{
    FeatureImportances out;
    if (!m_fitted || m_featureStd.size() != m_coefficients.size())
        return out;
    out.measure = "standardized coefficient";
    out.columns = { "coefficient" };
    out.values = (m_coefficients.array() * m_featureStd.array()).matrix();
    return out;
}

Eigen::VectorXd LinearRegression::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    Eigen::VectorXd out(X.rows());
    out.noalias() = X * m_coefficients;
    out.array() += m_intercept;
    return out;
}

ModelState LinearRegression::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("alpha", m_options.alpha);
    s.setNumber("fit_intercept", m_options.fitIntercept ? 1.0 : 0.0);
    s.setNumber("solver", static_cast<double>(m_options.solver));
    s.setNumber("fitted", m_fitted ? 1.0 : 0.0);
    if (m_fitted) {
        s.setNumber("features", static_cast<double>(m_coefficients.size()));
        s.setVector("coef", m_coefficients);
        s.setNumber("intercept", m_intercept);
        if (m_featureStd.size() > 0)
            s.setVector("feature_std", m_featureStd);
    }
    return s;
}

void LinearRegression::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    LinearRegressionOptions o;
    o.alpha = s.number("alpha", 0.0, std::numeric_limits<double>::max());
    o.fitIntercept = s.integer("fit_intercept", 0, 1) != 0;
    o.solver = static_cast<LinearRegressionOptions::Solver>(s.integer("solver", 0, 2));
    const bool fitted = s.integer("fitted", 0, 1) != 0;
    if (!fitted) {
        m_options = o;
        m_fitted = false;
        m_coefficients.resize(0);
        m_featureStd.resize(0);
        m_intercept = 0;
        return;
    }
    const std::int64_t d = s.integer("features", 1, std::int64_t(1) << 31);
    Eigen::VectorXd coef = s.vector("coef", d);
    if (!coef.allFinite())
        throw ModelStateError(std::string(kKind) + ": 'coef' holds a non-finite value");
    const double b = s.number(
        "intercept", -std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    if (!o.fitIntercept && b != 0)
        throw ModelStateError(std::string(kKind) + ": 'intercept' must be 0 without fit_intercept");
    Eigen::VectorXd featureStd;
    if (s.has("feature_std")) {
        featureStd = s.vector("feature_std", d);
        if (!featureStd.allFinite() || (featureStd.array() < 0).any())
            throw ModelStateError(std::string(kKind) + ": 'feature_std' holds an invalid value");
    }
    m_options = o;
    m_coefficients = std::move(coef);
    m_intercept = b;
    m_featureStd = std::move(featureStd);
    m_fitted = true;
}

std::unique_ptr<Estimator> LinearRegression::cloneUnfitted() const
{
    return std::make_unique<LinearRegression>(m_options);
}

} // namespace sextant::engine
