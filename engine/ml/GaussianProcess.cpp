#include "ml/GaussianProcess.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace sextant::engine {

namespace {

std::vector<double> logSpaced(double lo, double hi, int count)
{
    std::vector<double> v(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        v[static_cast<std::size_t>(i)]
            = std::exp(std::log(lo) + (std::log(hi) - std::log(lo)) * i / (count - 1));
    return v;
}

} // namespace

double GaussianProcess::kernel(const double *a, const double *b, const Hyperparameters &h, int d)
{
    double r2 = 0;
    for (int j = 0; j < d; ++j) {
        const double t = (a[j] - b[j]) / h.lengthScales[static_cast<std::size_t>(j)];
        r2 += t * t;
    }
    const double r = std::sqrt(5.0 * r2);
    return h.signalVariance * (1.0 + r + r * r / 3.0) * std::exp(-r);
}

bool GaussianProcess::factor(const Hyperparameters &h)
{
    const Eigen::Index n = m_X.rows();
    const int d = static_cast<int>(m_X.cols());
    // Row-major copy of the inputs is not needed: rows are read through a temporary.
    Eigen::MatrixXd K(n, n);
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> R = m_X;
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j <= i; ++j)
            K(i, j) = kernel(R.data() + i * d, R.data() + j * d, h, d);
        K(i, i) += h.noiseVariance;
    }
    Eigen::LLT<Eigen::MatrixXd> llt(K.selfadjointView<Eigen::Lower>());
    if (llt.info() != Eigen::Success)
        return false;
    m_L = llt.matrixL();
    m_alpha = llt.solve(m_y);
    double logDet = 0;
    for (Eigen::Index i = 0; i < n; ++i)
        logDet += std::log(m_L(i, i));
    m_logLikelihood = -0.5 * m_y.dot(m_alpha) - logDet
        - 0.5 * static_cast<double>(n) * std::log(2 * 3.14159265358979323846);
    m_h = h;
    return true;
}

void GaussianProcess::fit(
    const Eigen::MatrixXd &X, const Eigen::VectorXd &y, const Hyperparameters &h)
{
    if (X.rows() < 1 || X.rows() != y.size())
        throw std::invalid_argument("Gaussian process: need as many values as rows, at least one");
    if (static_cast<Eigen::Index>(h.lengthScales.size()) != X.cols())
        throw std::invalid_argument("Gaussian process: one length scale per input");
    m_X = X;
    m_yMean = y.mean();
    const double sd = std::sqrt((y.array() - m_yMean).square().mean());
    m_yScale = sd > 1e-12 ? sd : 1.0;
    m_y = (y.array() - m_yMean) / m_yScale;
    Hyperparameters tried = h;
    // A matrix that is not numerically positive definite gets more noise until it is.
    while (!factor(tried)) {
        tried.noiseVariance = std::max(1e-8, tried.noiseVariance * 10);
        if (tried.noiseVariance > 1e6)
            throw std::runtime_error("Gaussian process: covariance not positive definite");
    }
}

void GaussianProcess::fit(const Eigen::MatrixXd &X, const Eigen::VectorXd &y)
{
    const auto d = static_cast<std::size_t>(X.cols());
    Hyperparameters h;
    h.lengthScales.assign(d, 0.3);
    h.signalVariance = 1;
    h.noiseVariance = 1e-4;
    fit(X, y, h);
    if (X.rows() < 2)
        return;
    const std::vector<double> scales = logSpaced(0.02, 5, 16);
    const std::vector<double> signals = logSpaced(0.05, 20, 9);
    const std::vector<double> noises = logSpaced(1e-6, 0.5, 12);
    Hyperparameters best = m_h;
    double bestLl = m_logLikelihood;
    const auto tryOne = [&](const Hyperparameters &c) {
        if (factor(c) && m_logLikelihood > bestLl) {
            bestLl = m_logLikelihood;
            best = c;
        }
    };
    for (int sweep = 0; sweep < 3; ++sweep) {
        // First sweep: one shared length scale, so a good starting point for each.
        if (sweep == 0)
            for (double s : scales) {
                Hyperparameters c = best;
                c.lengthScales.assign(d, s);
                tryOne(c);
            }
        for (std::size_t j = 0; j < d; ++j)
            for (double s : scales) {
                Hyperparameters c = best;
                c.lengthScales[j] = s;
                tryOne(c);
            }
        for (double s : signals) {
            Hyperparameters c = best;
            c.signalVariance = s;
            tryOne(c);
        }
        for (double s : noises) {
            Hyperparameters c = best;
            c.noiseVariance = s;
            tryOne(c);
        }
    }
    fit(X, y, best);
}

void GaussianProcess::predict(
    const Eigen::MatrixXd &Xs, Eigen::VectorXd &mean, Eigen::VectorXd &sd) const
{
    const Eigen::Index n = m_X.rows();
    const Eigen::Index m = Xs.rows();
    const int d = static_cast<int>(m_X.cols());
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> R = m_X;
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> S = Xs;
    Eigen::MatrixXd Ks(n, m);
    for (Eigen::Index j = 0; j < m; ++j)
        for (Eigen::Index i = 0; i < n; ++i)
            Ks(i, j) = kernel(R.data() + i * d, S.data() + j * d, m_h, d);
    mean = (Ks.transpose() * m_alpha).array() * m_yScale + m_yMean;
    const Eigen::MatrixXd V = m_L.triangularView<Eigen::Lower>().solve(Ks);
    sd.resize(m);
    for (Eigen::Index j = 0; j < m; ++j) {
        const double var = m_h.signalVariance - V.col(j).squaredNorm();
        sd[j] = std::sqrt(std::max(var, 0.0)) * m_yScale;
    }
}

} // namespace sextant::engine
