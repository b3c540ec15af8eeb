#include "ml/GaussianNaiveBayes.h"

#include "ml/JointLikelihood.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sextant::engine {

namespace {

const char *const kKind = "gaussian_naive_bayes";
constexpr Eigen::Index kBlockRows = 4096;
constexpr double kTwoPi = 2.0 * 3.14159265358979323846;

} // namespace

GaussianNaiveBayes::GaussianNaiveBayes(GaussianNaiveBayesOptions options) : m_options(options)
{
}

bool GaussianNaiveBayes::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    if (!(m_options.varSmoothing >= 0) || !std::isfinite(m_options.varSmoothing))
        throw FitError("Naive Bayes: the variance smoothing must be a number >= 0.");
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (n == 0 || d == 0)
        throw FitError("Naive Bayes needs at least one row and one feature column.");
    if (y.size() != n)
        throw FitError("Naive Bayes: the target has " + std::to_string(y.size())
            + " values but the data has " + std::to_string(n) + " rows.");
    if (!X.allFinite())
        throw FitError("Naive Bayes: the data holds missing or infinite values; "
                       "impute or drop them first.");
    double maxLabel = -1;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = y(i);
        if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > 1e6)
            throw FitError("Naive Bayes: the target must hold class indices 0, 1, 2, ... (row "
                + std::to_string(i + 1) + " does not).");
        maxLabel = std::max(maxLabel, v);
    }
    const int K = context.classCount > 0 ? context.classCount : static_cast<int>(maxLabel) + 1;
    if (maxLabel >= K)
        throw FitError(
            "Naive Bayes: a target label is beyond the " + std::to_string(K) + " classes given.");
    std::vector<double> counts(static_cast<std::size_t>(K), 0.0);
    for (Eigen::Index i = 0; i < n; ++i)
        counts[static_cast<std::size_t>(y(i))] += 1.0;
    if (std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0; }) < 2)
        throw FitError("Naive Bayes needs at least two classes in the target; this data has "
                       "only one.");
    m_means.resize(0, 0);
    m_variances.resize(0, 0);
    m_priors.resize(0);
    m_epsilon = 0;

    Eigen::MatrixXd means = Eigen::MatrixXd::Zero(K, d);
    Eigen::MatrixXd vars = Eigen::MatrixXd::Zero(K, d);
    double maxVariance = 0;
    std::vector<int> label(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        label[static_cast<std::size_t>(i)] = static_cast<int>(y(i));
    // Two passes per feature (means, then squared deviations), like numpy's mean/var.
    for (Eigen::Index j = 0; j < d; ++j) {
        if (context.cancelled())
            return false;
        const auto col = X.col(j);
        const double mean = col.mean();
        maxVariance = std::max(maxVariance, (col.array() - mean).square().mean());
        for (Eigen::Index i = 0; i < n; ++i)
            means(label[static_cast<std::size_t>(i)], j) += col(i);
        for (int k = 0; k < K; ++k)
            if (counts[static_cast<std::size_t>(k)] > 0)
                means(k, j) /= counts[static_cast<std::size_t>(k)];
        for (Eigen::Index i = 0; i < n; ++i) {
            const int k = label[static_cast<std::size_t>(i)];
            const double dv = col(i) - means(k, j);
            vars(k, j) += dv * dv;
        }
        for (int k = 0; k < K; ++k)
            vars(k, j) = counts[static_cast<std::size_t>(k)] > 0
                ? vars(k, j) / counts[static_cast<std::size_t>(k)]
                : 1.0;
    }
    m_epsilon = m_options.varSmoothing * maxVariance;
    vars.array() += m_epsilon;
    if (!(vars.array() > 0).all())
        throw FitError("Naive Bayes: a feature is constant within a class and the variance "
                       "smoothing is 0; set a positive variance smoothing.");
    Eigen::VectorXd priors(K);
    for (int k = 0; k < K; ++k)
        priors(k) = counts[static_cast<std::size_t>(k)] / static_cast<double>(n);
    m_means = std::move(means);
    m_variances = std::move(vars);
    m_priors = std::move(priors);
    return true;
}

Eigen::MatrixXd GaussianNaiveBayes::jointLogLikelihood(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    const Eigen::Index n = X.rows();
    const Eigen::Index K = m_means.rows();
    Eigen::MatrixXd jll(n, K);
    Eigen::ArrayXXd diff;
    for (Eigen::Index k = 0; k < K; ++k) {
        const double logPrior = std::log(m_priors(k)); // -inf for an empty class
        const double norm = -0.5 * (m_variances.row(k).array() * kTwoPi).log().sum();
        for (Eigen::Index start = 0; start < n; start += kBlockRows) {
            const Eigen::Index m = std::min(kBlockRows, n - start);
            diff = (X.middleRows(start, m).rowwise() - m_means.row(k)).array();
            // sum_j (x_j - mu_j)^2 / var_j, divided like scikit-learn (not multiplied by
            // the inverse) so the values agree to the last bits.
            diff = diff.square().rowwise() / m_variances.row(k).array();
            jll.col(k).segment(start, m) = (logPrior + norm) - 0.5 * diff.rowwise().sum();
        }
    }
    return jll;
}

Eigen::MatrixXd GaussianNaiveBayes::probabilitiesFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return probabilitiesFromJointLogLikelihood(jointLogLikelihood(X));
}

Eigen::VectorXd GaussianNaiveBayes::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return classesFromJointLogLikelihood(jointLogLikelihood(X));
}

ModelState GaussianNaiveBayes::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("var_smoothing", m_options.varSmoothing);
    s.setNumber("fitted", isFitted() ? 1.0 : 0.0);
    if (isFitted()) {
        s.setNumber("classes", static_cast<double>(m_means.rows()));
        s.setNumber("features", static_cast<double>(m_means.cols()));
        s.setMatrix("theta", m_means);
        s.setMatrix("var", m_variances);
        s.setVector("class_prior", m_priors);
        s.setNumber("epsilon", m_epsilon);
    }
    return s;
}

void GaussianNaiveBayes::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    GaussianNaiveBayesOptions o;
    o.varSmoothing = s.number("var_smoothing", 0.0, std::numeric_limits<double>::max());
    const bool fitted = s.integer("fitted", 0, 1) != 0;
    if (!fitted) {
        m_options = o;
        m_means.resize(0, 0);
        m_variances.resize(0, 0);
        m_priors.resize(0);
        m_epsilon = 0;
        return;
    }
    const std::int64_t K = s.integer("classes", 2, 1000000);
    const std::int64_t d = s.integer("features", 1, std::int64_t(1) << 31);
    Eigen::MatrixXd means = s.matrix("theta", K, d);
    Eigen::MatrixXd vars = s.matrix("var", K, d);
    Eigen::VectorXd priors = s.vector("class_prior", K);
    const double eps = s.number("epsilon", 0.0, std::numeric_limits<double>::max());
    const auto bad
        = [&](const std::string &what) { throw ModelStateError(std::string(kKind) + ": " + what); };
    if (!means.allFinite())
        bad("'theta' holds a non-finite value");
    if (!vars.allFinite() || !(vars.array() > 0).all())
        bad("'var' must hold finite positive values");
    if (!priors.allFinite() || !(priors.array() >= 0).all() || !(priors.array() <= 1).all()
        || std::abs(priors.sum() - 1.0) > 1e-9)
        bad("'class_prior' must hold probabilities summing to 1");
    m_options = o;
    m_means = std::move(means);
    m_variances = std::move(vars);
    m_priors = std::move(priors);
    m_epsilon = eps;
}

std::unique_ptr<Estimator> GaussianNaiveBayes::cloneUnfitted() const
{
    return std::make_unique<GaussianNaiveBayes>(m_options);
}

} // namespace sextant::engine
