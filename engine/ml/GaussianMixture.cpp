#include "ml/GaussianMixture.h"

#include "core/Parallel.h"
#include "ml/KMeans.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>

namespace sextant::engine {

namespace {

constexpr Eigen::Index kBlock = 4096;
constexpr double kLog2Pi = 1.8378770664093454835606594728112;

struct CancelledFit { };

const char *kIllDefined = "Gaussian mixture: a component has an ill-defined covariance "
                          "(too few or duplicate samples in it); try fewer components or a "
                          "larger reg_covar";

// Row-wise log-sum-exp of a n x K matrix.
Eigen::VectorXd logSumExpRows(const Eigen::MatrixXd &m)
{
    Eigen::VectorXd out(m.rows());
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        const double mx = m.row(i).maxCoeff();
        if (!std::isfinite(mx)) {
            out(i) = mx;
            continue;
        }
        double s = 0;
        for (Eigen::Index k = 0; k < m.cols(); ++k)
            s += std::exp(m(i, k) - mx);
        out(i) = mx + std::log(s);
    }
    return out;
}

std::uint64_t parseSeed(const ModelState &s)
{
    return s.unsignedInteger("seed");
}

} // namespace

GaussianMixture::GaussianMixture(GaussianMixtureOptions options) : m_options(options)
{
}

void GaussianMixture::clear()
{
    m_weights.resize(0);
    m_means.resize(0, 0);
    m_covariances.resize(0, 0);
    m_precisionCholesky.resize(0, 0);
    m_logDet.resize(0);
    m_lowerBound = 0;
    m_iterations = 0;
    m_converged = false;
}

Eigen::MatrixXd GaussianMixture::covariance(int k) const
{
    const Eigen::Index d = m_means.cols();
    if (m_options.covariance == GaussianMixtureOptions::Covariance::Full)
        return m_covariances.middleRows(k * d, d);
    return m_covariances.row(k).transpose().asDiagonal();
}

bool GaussianMixture::computePrecisions()
{
    const Eigen::Index K = m_means.rows();
    const Eigen::Index d = m_means.cols();
    m_logDet.resize(K);
    if (m_options.covariance == GaussianMixtureOptions::Covariance::Full) {
        m_precisionCholesky.resize(K * d, d);
        for (Eigen::Index k = 0; k < K; ++k) {
            const Eigen::MatrixXd cov = m_covariances.middleRows(k * d, d);
            Eigen::LLT<Eigen::MatrixXd> llt(cov);
            if (llt.info() != Eigen::Success)
                return false;
            const Eigen::MatrixXd L = llt.matrixL();
            if (!(L.diagonal().array() > 0).all())
                return false;
            // P = (L^-1)^T, upper triangular: prec = P P^T.
            const Eigen::MatrixXd Linv
                = L.triangularView<Eigen::Lower>().solve(Eigen::MatrixXd::Identity(d, d));
            m_precisionCholesky.middleRows(k * d, d) = Linv.transpose();
            m_logDet(k) = Linv.diagonal().array().log().sum();
        }
    } else {
        if (!(m_covariances.array() > 0).all())
            return false;
        m_precisionCholesky = m_covariances.array().sqrt().inverse().matrix();
        for (Eigen::Index k = 0; k < K; ++k)
            m_logDet(k) = m_precisionCholesky.row(k).array().log().sum();
    }
    return m_logDet.allFinite();
}

Eigen::MatrixXd GaussianMixture::weightedLogProb(
    const Eigen::Ref<const Eigen::MatrixXd> &X, int threads) const
{
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    const Eigen::Index K = m_means.rows();
    const bool full = m_options.covariance == GaussianMixtureOptions::Covariance::Full;
    Eigen::MatrixXd out(n, K);
    const Eigen::Index blocks = (n + kBlock - 1) / kBlock;
    parallelChunks(0, blocks, std::max(1, threads), 1, [&](int, std::int64_t b0, std::int64_t b1) {
        Eigen::MatrixXd diff;
        for (std::int64_t b = b0; b < b1; ++b) {
            const Eigen::Index r0 = b * kBlock;
            const Eigen::Index len = std::min(kBlock, n - r0);
            for (Eigen::Index k = 0; k < K; ++k) {
                diff = X.middleRows(r0, len).rowwise() - m_means.row(k);
                Eigen::VectorXd sq;
                if (full) {
                    const Eigen::MatrixXd y = diff * m_precisionCholesky.middleRows(k * d, d);
                    sq = y.rowwise().squaredNorm();
                } else {
                    sq = (diff.array().rowwise() * m_precisionCholesky.row(k).array())
                             .matrix()
                             .rowwise()
                             .squaredNorm();
                }
                out.col(k).segment(r0, len)
                    = ((-0.5) * (static_cast<double>(d) * kLog2Pi + sq.array()) + m_logDet(k)
                        + std::log(m_weights(k)))
                          .matrix();
            }
        }
    });
    return out;
}

bool GaussianMixture::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &, const FitContext &context)
{
    // A cancelled or failed fit leaves the model unfitted, not half-way.
    clear();
    try {
        if (fitImpl(X, context))
            return true;
    } catch (...) {
        clear();
        throw;
    }
    clear();
    return false;
}

bool GaussianMixture::fitImpl(const Eigen::Ref<const Eigen::MatrixXd> &X, const FitContext &context)
{
    const GaussianMixtureOptions &o = m_options;
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    const Eigen::Index K = o.components;
    if (n == 0 || d == 0)
        throw FitError("Gaussian mixture needs at least one row and one column");
    if (K < 1)
        throw FitError("Gaussian mixture needs at least one component");
    if (K > n)
        throw FitError("Gaussian mixture cannot fit " + std::to_string(K) + " components to "
            + std::to_string(n) + " rows");
    if (o.nInit < 1 || o.maxIter < 1)
        throw FitError("Gaussian mixture needs n_init >= 1 and max_iter >= 1");
    if (!(o.tol >= 0) || !std::isfinite(o.tol) || !(o.regCovar >= 0) || !std::isfinite(o.regCovar))
        throw FitError("Gaussian mixture tol and reg_covar must be finite numbers >= 0");
    if (!X.allFinite())
        throw FitError(
            "Gaussian mixture input holds a missing or non-finite value; impute or drop it first");
    const bool full = o.covariance == GaussianMixtureOptions::Covariance::Full;
    const int threads = context.threadCount();
    const double eps10 = 10 * std::numeric_limits<double>::epsilon();

    // M-step: weights (unnormalised nk), means, covariances from responsibilities.
    const auto mStep = [&](const Eigen::MatrixXd &resp) {
        const Eigen::VectorXd nk = resp.colwise().sum().transpose().array() + eps10;
        m_means = (resp.transpose() * X).array().colwise() / nk.array();
        if (full) {
            m_covariances.resize(K * d, d);
            Eigen::MatrixXd diff, weighted, cov(d, d);
            for (Eigen::Index k = 0; k < K; ++k) {
                diff = X.rowwise() - m_means.row(k);
                weighted = diff.array().colwise() * resp.col(k).array();
                cov.noalias() = weighted.transpose() * diff;
                cov /= nk(k);
                cov.diagonal().array() += o.regCovar;
                m_covariances.middleRows(k * d, d) = cov;
            }
        } else {
            const Eigen::MatrixXd avgX2
                = (resp.transpose() * X.array().square().matrix()).array().colwise() / nk.array();
            const Eigen::MatrixXd avgMeans2 = m_means.array().square();
            const Eigen::MatrixXd avgXMeans
                = m_means.array() * ((resp.transpose() * X).array().colwise() / nk.array());
            m_covariances
                = (avgX2.array() - 2 * avgXMeans.array() + avgMeans2.array() + o.regCovar).matrix();
        }
        m_weights = nk / nk.sum();
        if (!computePrecisions())
            throw FitError(kIllDefined);
    };

    std::mt19937_64 rng(o.seed);
    double bestBound = -std::numeric_limits<double>::infinity();
    bool haveBest = false;
    GaussianMixture best(o);
    int epoch = 0;
    bool stopAll = false;
    for (int init = 0; init < o.nInit && !stopAll; ++init) {
        if (context.cancelled())
            return false;
        // k-means labels -> one-hot responsibilities.
        KMeansOptions ko;
        ko.clusters = o.components;
        ko.nInit = 1;
        ko.seed = rng();
        KMeans km(ko);
        FitContext kc;
        kc.cancel = context.cancel;
        kc.threads = context.threads;
        if (!km.fit(X, Eigen::VectorXd(), kc))
            return false;
        Eigen::MatrixXd resp = Eigen::MatrixXd::Zero(n, K);
        for (Eigen::Index i = 0; i < n; ++i)
            resp(i, km.labels()[i]) = 1.0;
        mStep(resp);

        double bound = -std::numeric_limits<double>::infinity();
        bool converged = false;
        int it = 0;
        for (it = 1; it <= o.maxIter; ++it) {
            if (context.cancelled())
                return false;
            const double prev = bound;
            Eigen::MatrixXd wlp = weightedLogProb(X, threads);
            const Eigen::VectorXd norm = logSumExpRows(wlp);
            double s = 0;
            for (Eigen::Index i = 0; i < n; ++i)
                s += norm(i);
            bound = s / static_cast<double>(n);
            wlp.colwise() -= norm;
            mStep(wlp.array().exp().matrix());
            EpochReport rep;
            rep.epoch = ++epoch;
            rep.totalEpochs = o.nInit * o.maxIter;
            rep.trainLoss = -bound;
            rep.unit = "iteration";
            if (context.report(rep)) {
                if (context.cancelled())
                    return false;
                stopAll = true;
            }
            if (std::abs(bound - prev) < o.tol) {
                converged = true;
                break;
            }
            if (stopAll)
                break;
        }
        if (!haveBest || bound > bestBound) {
            bestBound = bound;
            haveBest = true;
            best.m_weights = m_weights;
            best.m_means = m_means;
            best.m_covariances = m_covariances;
            best.m_iterations = std::min(it, o.maxIter);
            best.m_converged = converged;
        }
    }
    m_weights = best.m_weights;
    m_means = best.m_means;
    m_covariances = best.m_covariances;
    m_iterations = best.m_iterations;
    m_converged = best.m_converged;
    m_lowerBound = bestBound;
    if (!computePrecisions())
        throw FitError(kIllDefined);
    context.ended(stopAll ? FitEnd::Stopped
            : m_converged ? FitEnd::Converged
                          : FitEnd::Completed,
        epoch);
    return true;
}

Eigen::VectorXd GaussianMixture::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd wlp = weightedLogProb(X, 1);
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        Eigen::Index arg = 0;
        wlp.row(i).maxCoeff(&arg);
        out(i) = static_cast<double>(arg);
    }
    return out;
}

Eigen::MatrixXd GaussianMixture::probabilitiesFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    Eigen::MatrixXd wlp = weightedLogProb(X, 1);
    wlp.colwise() -= logSumExpRows(wlp);
    return wlp.array().exp().matrix();
}

double GaussianMixture::score(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted() || X.cols() != m_means.cols() || X.rows() == 0)
        throw FitError("Gaussian mixture: score needs a fitted model and matching columns");
    return logSumExpRows(weightedLogProb(X, 1)).mean();
}

ModelState GaussianMixture::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    s.setNumber("components", m_options.components);
    s.setText("covariance_type",
        m_options.covariance == GaussianMixtureOptions::Covariance::Full ? "full" : "diag");
    s.setNumber("tol", m_options.tol);
    s.setNumber("reg_covar", m_options.regCovar);
    s.setNumber("max_iter", m_options.maxIter);
    s.setNumber("n_init", m_options.nInit);
    s.setUnsignedInteger("seed", m_options.seed);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (isFitted()) {
        s.setVector("weights", m_weights);
        s.setMatrix("means", m_means);
        if (m_options.covariance == GaussianMixtureOptions::Covariance::Full) {
            const Eigen::Index K = m_means.rows(), d = m_means.cols();
            std::vector<double> v;
            v.reserve(static_cast<std::size_t>(K * d * d));
            for (Eigen::Index k = 0; k < K; ++k)
                for (Eigen::Index r = 0; r < d; ++r)
                    for (Eigen::Index c = 0; c < d; ++c)
                        v.push_back(m_covariances(k * d + r, c));
            s.setArray("covariances", { K, d, d }, std::move(v));
        } else {
            s.setMatrix("covariances", m_covariances);
        }
        s.setNumber("lower_bound", m_lowerBound);
        s.setNumber("iterations", m_iterations);
        s.setNumber("converged", m_converged ? 1 : 0);
    }
    return s;
}

void GaussianMixture::restore(const ModelState &s)
{
    s.requireKind("gaussian_mixture", 1);
    GaussianMixtureOptions o;
    o.components = static_cast<int>(s.integer("components", 1, 1 << 20));
    const std::string &type = s.text("covariance_type");
    if (type == "full")
        o.covariance = GaussianMixtureOptions::Covariance::Full;
    else if (type == "diag")
        o.covariance = GaussianMixtureOptions::Covariance::Diagonal;
    else
        throw ModelStateError("gaussian_mixture: unknown covariance_type '" + type + "'");
    o.tol = s.number("tol", 0, std::numeric_limits<double>::max());
    o.regCovar = s.number("reg_covar", 0, std::numeric_limits<double>::max());
    o.maxIter = static_cast<int>(s.integer("max_iter", 1, 1 << 30));
    o.nInit = static_cast<int>(s.integer("n_init", 1, 1 << 30));
    o.seed = parseSeed(s);
    GaussianMixture g(o);
    if (s.integer("fitted", 0, 1) == 1) {
        const Eigen::Index K = o.components;
        g.m_weights = s.vector("weights", K);
        if (!(g.m_weights.array() > 0).all() || !g.m_weights.allFinite()
            || std::abs(g.m_weights.sum() - 1.0) > 1e-6)
            throw ModelStateError("gaussian_mixture: 'weights' must be positive and sum to 1");
        g.m_means = s.matrix("means", K, -1);
        const Eigen::Index d = g.m_means.cols();
        if (d < 1 || !g.m_means.allFinite())
            throw ModelStateError(
                "gaussian_mixture: 'means' must have at least one column of finite values");
        if (o.covariance == GaussianMixtureOptions::Covariance::Full) {
            const ModelArray &a = s.array("covariances");
            if (a.shape != std::vector<std::int64_t> { K, d, d })
                throw ModelStateError("gaussian_mixture: 'covariances' must be components x d x d");
            g.m_covariances.resize(K * d, d);
            for (Eigen::Index k = 0; k < K; ++k)
                for (Eigen::Index r = 0; r < d; ++r)
                    for (Eigen::Index c = 0; c < d; ++c)
                        g.m_covariances(k * d + r, c)
                            = a.values[static_cast<std::size_t>((k * d + r) * d + c)];
            for (Eigen::Index k = 0; k < K; ++k) {
                const Eigen::MatrixXd cov = g.m_covariances.middleRows(k * d, d);
                if (!cov.allFinite() || !cov.isApprox(cov.transpose(), 1e-12))
                    throw ModelStateError("gaussian_mixture: covariance " + std::to_string(k)
                        + " is not a finite symmetric matrix");
            }
        } else {
            g.m_covariances = s.matrix("covariances", K, d);
            if (!g.m_covariances.allFinite())
                throw ModelStateError("gaussian_mixture: 'covariances' holds a non-finite value");
        }
        if (!g.computePrecisions())
            throw ModelStateError("gaussian_mixture: a covariance is not positive definite");
        g.m_lowerBound = s.number("lower_bound");
        if (!std::isfinite(g.m_lowerBound))
            throw ModelStateError("gaussian_mixture: 'lower_bound' is not finite");
        g.m_iterations = static_cast<int>(s.integer("iterations", 1, o.maxIter));
        g.m_converged = s.integer("converged", 0, 1) == 1;
    }
    *this = std::move(g);
}

std::unique_ptr<Estimator> GaussianMixture::cloneUnfitted() const
{
    return std::make_unique<GaussianMixture>(m_options);
}

} // namespace sextant::engine
