#include "ml/NaiveBayes.h"

#include "ml/JointLikelihood.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace sextant::engine {

namespace {

constexpr Eigen::Index kBlockRows = 4096;
constexpr double kTwoPi = 2.0 * 3.14159265358979323846;
constexpr double kMinAlpha = 1e-10; // scikit-learn's floor for alpha
constexpr double kKernelReach = 6.0; // kernels farther than this many sigmas add nothing
constexpr double kLogFloor = -1e300; // log density where every kernel is out of reach

[[noreturn]] void fail(const std::string &what)
{
    throw FitError("Naive Bayes: " + what);
}

// The value of nominal block `b` in row `i`: the column holding the largest entry above
// 0.5, -1 when none does (missing or unseen category).
int nominalValue(const Eigen::Ref<const Eigen::MatrixXd> &X, Eigen::Index i, const FeatureBlock &b)
{
    int best = -1;
    double top = 0.5;
    for (int t = 0; t < b.width; ++t) {
        const double v = X(i, b.first + t);
        if (v > top) {
            top = v;
            best = t;
        }
    }
    return best;
}

std::vector<FeatureBlock> numericBlocks(Eigen::Index d)
{
    std::vector<FeatureBlock> blocks(static_cast<std::size_t>(d));
    for (Eigen::Index j = 0; j < d; ++j)
        blocks[static_cast<std::size_t>(j)] = FeatureBlock { int(j), 1, false };
    return blocks;
}

bool validBlocks(const std::vector<FeatureBlock> &blocks, Eigen::Index d)
{
    Eigen::Index next = 0;
    for (const FeatureBlock &b : blocks) {
        if (b.first != next || b.width < (b.categorical ? 0 : 1)
            || (!b.categorical && b.width != 1))
            return false;
        next += b.width;
    }
    return next == d;
}

} // namespace

NaiveBayes::NaiveBayes(NaiveBayesOptions options) : m_options(options)
{
}

void NaiveBayes::clear()
{
    m_width = 0;
    m_blocks.clear();
    m_priors.resize(0);
    m_logP.clear();
    m_numericColumn.clear();
    m_means.resize(0, 0);
    m_variances.resize(0, 0);
    m_kernels.clear();
}

const Eigen::MatrixXd &NaiveBayes::logValueProbabilities(int block) const
{
    return m_logP.at(static_cast<std::size_t>(block));
}

bool NaiveBayes::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    if (!(m_options.varSmoothing >= 0) || !std::isfinite(m_options.varSmoothing))
        fail("the variance smoothing must be a number >= 0.");
    if (!(m_options.alpha >= 0) || !std::isfinite(m_options.alpha))
        fail("the smoothing alpha must be a number >= 0.");
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (n == 0 || d == 0)
        fail("it needs at least one row and one feature column.");
    if (y.size() != n)
        fail("the target has " + std::to_string(y.size()) + " values but the data has "
            + std::to_string(n) + " rows.");
    if (X.array().isInf().any())
        fail("the data holds infinite values.");
    double maxLabel = -1;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double v = y(i);
        if (!std::isfinite(v) || v < 0 || v != std::floor(v) || v > 1e6)
            fail("the target must hold class indices 0, 1, 2, ... (row " + std::to_string(i + 1)
                + " does not).");
        maxLabel = std::max(maxLabel, v);
    }
    const int K = context.classCount > 0 ? context.classCount : static_cast<int>(maxLabel) + 1;
    if (maxLabel >= K)
        fail("a target label is beyond the " + std::to_string(K) + " classes given.");
    std::vector<double> counts(static_cast<std::size_t>(K), 0.0);
    std::vector<int> label(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        label[static_cast<std::size_t>(i)] = static_cast<int>(y(i));
        counts[static_cast<std::size_t>(y(i))] += 1.0;
    }
    if (std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0; }) < 2)
        fail("it needs at least two classes in the target; this data has only one.");

    std::vector<FeatureBlock> blocks = context.featureBlocks;
    if (blocks.empty() || m_options.nominalAsGaussian)
        blocks = numericBlocks(d);
    else if (!validBlocks(blocks, d))
        fail("the feature layout does not match the data's " + std::to_string(d) + " columns.");
    clear();

    const double alpha = std::max(m_options.alpha, kMinAlpha);
    std::vector<Eigen::MatrixXd> logP(blocks.size());
    std::vector<int> numericColumn;
    for (std::size_t b = 0; b < blocks.size(); ++b)
        if (!blocks[b].categorical)
            numericColumn.push_back(blocks[b].first);
    const Eigen::Index m = static_cast<Eigen::Index>(numericColumn.size());
    Eigen::MatrixXd means = Eigen::MatrixXd::Zero(K, m);
    Eigen::MatrixXd vars = Eigen::MatrixXd::Zero(K, m);
    std::vector<std::vector<Kernel>> kernels;
    if (m_options.numeric == NaiveBayesOptions::Numeric::Kernel)
        kernels.resize(static_cast<std::size_t>(m), std::vector<Kernel>(std::size_t(K)));

    // Nominal blocks: category counts per class over the rows where the value is known.
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const FeatureBlock &block = blocks[b];
        if (!block.categorical)
            continue;
        if (context.cancelled())
            return false;
        Eigen::MatrixXd count = Eigen::MatrixXd::Zero(K, block.width);
        for (Eigen::Index i = 0; i < n; ++i) {
            const int t = nominalValue(X, i, block);
            if (t >= 0)
                count(label[static_cast<std::size_t>(i)], t) += 1.0;
        }
        Eigen::MatrixXd lp(K, block.width);
        for (int k = 0; k < K; ++k) {
            const double total = count.row(k).sum() + alpha * block.width;
            for (int t = 0; t < block.width; ++t)
                lp(k, t) = std::log(count(k, t) + alpha) - std::log(total);
        }
        logP[b] = std::move(lp);
    }

    // Numeric columns: per-class mean and variance over the known values (two passes, like
    // numpy's mean/var), or the sorted values for a kernel estimate.
    double maxVariance = 0;
    std::vector<double> known(static_cast<std::size_t>(K));
    for (Eigen::Index f = 0; f < m; ++f) {
        if (context.cancelled())
            return false;
        const auto col = X.col(numericColumn[static_cast<std::size_t>(f)]);
        double sum = 0, seen = 0;
        std::fill(known.begin(), known.end(), 0.0);
        for (Eigen::Index i = 0; i < n; ++i) {
            const double v = col(i);
            if (std::isnan(v))
                continue;
            sum += v;
            seen += 1;
            means(label[static_cast<std::size_t>(i)], f) += v;
            known[static_cast<std::size_t>(label[static_cast<std::size_t>(i)])] += 1;
        }
        if (seen == double(n)) {
            // No missing value: the expressions of GaussianNB (and numpy), to the last bit.
            const double mean = col.mean();
            maxVariance = std::max(maxVariance, (col.array() - mean).square().mean());
        } else if (seen > 0) {
            const double mean = sum / seen;
            double ss = 0;
            for (Eigen::Index i = 0; i < n; ++i)
                if (!std::isnan(col(i)))
                    ss += (col(i) - mean) * (col(i) - mean);
            maxVariance = std::max(maxVariance, ss / seen);
        }
        for (int k = 0; k < K; ++k)
            if (known[std::size_t(k)] > 0)
                means(k, f) /= known[std::size_t(k)];
        for (Eigen::Index i = 0; i < n; ++i) {
            if (std::isnan(col(i)))
                continue;
            const int k = label[static_cast<std::size_t>(i)];
            const double dv = col(i) - means(k, f);
            vars(k, f) += dv * dv;
        }
        for (int k = 0; k < K; ++k)
            vars(k, f) = known[std::size_t(k)] > 0 ? vars(k, f) / known[std::size_t(k)] : 1.0;

        if (!kernels.empty()) {
            // Precision: the mean gap between the feature's distinct values (Weka's).
            std::vector<double> all;
            all.reserve(static_cast<std::size_t>(seen));
            for (Eigen::Index i = 0; i < n; ++i)
                if (!std::isnan(col(i)))
                    all.push_back(col(i));
            std::sort(all.begin(), all.end());
            all.erase(std::unique(all.begin(), all.end()), all.end());
            const double precision
                = all.size() > 1 ? (all.back() - all.front()) / double(all.size() - 1) : 1.0;
            for (int k = 0; k < K; ++k)
                kernels[std::size_t(f)][std::size_t(k)].values.clear();
            for (Eigen::Index i = 0; i < n; ++i)
                if (!std::isnan(col(i)))
                    kernels[std::size_t(f)][std::size_t(label[std::size_t(i)])].values.push_back(
                        col(i));
            for (int k = 0; k < K; ++k) {
                Kernel &kern = kernels[std::size_t(f)][std::size_t(k)];
                std::sort(kern.values.begin(), kern.values.end());
                const double range
                    = kern.values.empty() ? 0.0 : kern.values.back() - kern.values.front();
                const double cnt = std::max<double>(1.0, double(kern.values.size()));
                kern.sigma = std::max(range / std::sqrt(cnt), precision / 6.0);
                if (!(kern.sigma > 0))
                    kern.sigma = 1.0;
            }
        }
    }
    const double epsilon = m_options.varSmoothing * maxVariance;
    vars.array() += epsilon;
    if (kernels.empty() && !(vars.array() > 0).all())
        fail("a feature is constant within a class and the variance smoothing is 0; set a "
             "positive variance smoothing.");

    Eigen::VectorXd priors(K);
    for (int k = 0; k < K; ++k)
        priors(k) = counts[static_cast<std::size_t>(k)] / static_cast<double>(n);
    m_width = static_cast<int>(d);
    m_blocks = std::move(blocks);
    m_logP = std::move(logP);
    m_numericColumn = std::move(numericColumn);
    m_means = std::move(means);
    m_variances = std::move(vars);
    m_kernels = std::move(kernels);
    m_priors = std::move(priors);
    return true;
}

double NaiveBayes::kernelLogDensity(const Kernel &k, double x) const
{
    if (k.values.empty())
        return 0.0; // no training value in this class: the feature says nothing
    const double reach = kKernelReach * k.sigma;
    const auto lo = std::lower_bound(k.values.begin(), k.values.end(), x - reach);
    const auto hi = std::upper_bound(lo, k.values.end(), x + reach);
    double sum = 0;
    for (auto it = lo; it != hi; ++it) {
        const double z = (x - *it) / k.sigma;
        sum += std::exp(-0.5 * z * z);
    }
    if (sum <= 0)
        return kLogFloor;
    return std::log(sum / (double(k.values.size()) * k.sigma * std::sqrt(kTwoPi)));
}

Eigen::MatrixXd NaiveBayes::jointLogLikelihood(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    const Eigen::Index n = X.rows();
    const Eigen::Index K = m_priors.size();
    Eigen::MatrixXd jll(n, K);
    for (Eigen::Index k = 0; k < K; ++k)
        jll.col(k).setConstant(std::log(m_priors(k))); // -inf for an empty class
    // Numeric features: the same sums, in the same order, as scikit-learn's GaussianNB
    // (the normalisation summed over features, then the squared deviations).
    const Eigen::Index m = static_cast<Eigen::Index>(m_numericColumn.size());
    if (m > 0 && m_kernels.empty()) {
        // The numeric columns side by side, and the same expressions, in the same order, as
        // scikit-learn's GaussianNB (and GaussianNaiveBayes): equal to the last bit.
        Eigen::MatrixXd Xn(n, m);
        for (Eigen::Index f = 0; f < m; ++f)
            Xn.col(f) = X.col(m_numericColumn[std::size_t(f)]);
        Eigen::ArrayXXd diff;
        for (Eigen::Index k = 0; k < K; ++k) {
            const double norm = -0.5 * (m_variances.row(k).array() * kTwoPi).log().sum();
            for (Eigen::Index start = 0; start < n; start += kBlockRows) {
                const Eigen::Index rows = std::min(kBlockRows, n - start);
                diff = (Xn.middleRows(start, rows).rowwise() - m_means.row(k)).array();
                diff = diff.square().rowwise() / m_variances.row(k).array();
                jll.col(k).segment(start, rows)
                    = (jll.col(k).segment(start, rows).array() + norm) - 0.5 * diff.rowwise().sum();
            }
        }
        // Rows with missing values: those features are left out.
        for (Eigen::Index i = 0; i < n; ++i) {
            if (!Xn.row(i).hasNaN())
                continue;
            for (Eigen::Index k = 0; k < K; ++k) {
                double norm = 0, dev = 0;
                for (Eigen::Index f = 0; f < m; ++f) {
                    const double x = Xn(i, f);
                    if (std::isnan(x))
                        continue;
                    norm += std::log(m_variances(k, f) * kTwoPi);
                    const double dx = x - m_means(k, f);
                    dev += dx * dx / m_variances(k, f);
                }
                jll(i, k) = (std::log(m_priors(k)) - 0.5 * norm) - 0.5 * dev;
            }
        }
    } else if (m > 0) {
        for (Eigen::Index f = 0; f < m; ++f)
            for (Eigen::Index i = 0; i < n; ++i) {
                const double x = X(i, m_numericColumn[std::size_t(f)]);
                if (std::isnan(x))
                    continue;
                for (Eigen::Index k = 0; k < K; ++k)
                    jll(i, k) += kernelLogDensity(m_kernels[std::size_t(f)][std::size_t(k)], x);
            }
    }
    for (std::size_t b = 0; b < m_blocks.size(); ++b) {
        const FeatureBlock &block = m_blocks[b];
        if (!block.categorical)
            continue;
        const Eigen::MatrixXd &lp = m_logP[b];
        for (Eigen::Index i = 0; i < n; ++i) {
            const int t = nominalValue(X, i, block);
            if (t >= 0)
                jll.row(i) += lp.col(t).transpose();
        }
    }
    return jll;
}

Eigen::MatrixXd NaiveBayes::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return probabilitiesFromJointLogLikelihood(jointLogLikelihood(X));
}

Eigen::VectorXd NaiveBayes::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return classesFromJointLogLikelihood(jointLogLikelihood(X));
}

ModelState NaiveBayes::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("alpha", m_options.alpha);
    s.setText(
        "numeric", m_options.numeric == NaiveBayesOptions::Numeric::Kernel ? "kernel" : "gaussian");
    s.setNumber("nominal_as_gaussian", m_options.nominalAsGaussian ? 1.0 : 0.0);
    s.setNumber("var_smoothing", m_options.varSmoothing);
    s.setNumber("fitted", isFitted() ? 1.0 : 0.0);
    if (!isFitted())
        return s;
    const Eigen::Index K = m_priors.size();
    s.setNumber("classes", static_cast<double>(K));
    s.setNumber("features", static_cast<double>(m_width));
    s.setVector("class_prior", m_priors);
    // Blocks as two vectors: widths, and 1 for nominal.
    Eigen::VectorXd widths(Eigen::Index(m_blocks.size())), nominal(Eigen::Index(m_blocks.size()));
    for (std::size_t b = 0; b < m_blocks.size(); ++b) {
        widths(Eigen::Index(b)) = m_blocks[b].width;
        nominal(Eigen::Index(b)) = m_blocks[b].categorical ? 1.0 : 0.0;
    }
    s.setNumber("blocks", static_cast<double>(m_blocks.size()));
    s.setVector("block_width", widths);
    s.setVector("block_nominal", nominal);
    for (std::size_t b = 0; b < m_blocks.size(); ++b)
        if (m_blocks[b].categorical)
            s.setMatrix("log_p_" + std::to_string(b), m_logP[b]);
    if (m_kernels.empty()) {
        s.setMatrix("theta", m_means);
        s.setMatrix("var", m_variances);
    } else {
        for (std::size_t f = 0; f < m_kernels.size(); ++f)
            for (std::size_t k = 0; k < m_kernels[f].size(); ++k) {
                const Kernel &kern = m_kernels[f][k];
                const std::string key = std::to_string(f) + "_" + std::to_string(k);
                s.setVector("kernel_values_" + key,
                    Eigen::Map<const Eigen::VectorXd>(
                        kern.values.data(), Eigen::Index(kern.values.size())));
                s.setNumber("kernel_sigma_" + key, kern.sigma);
            }
    }
    return s;
}

void NaiveBayes::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    const auto bad
        = [&](const std::string &what) { throw ModelStateError(std::string(kKind) + ": " + what); };
    NaiveBayesOptions o;
    o.alpha = s.number("alpha", 0.0, std::numeric_limits<double>::max());
    const std::string numeric = s.text("numeric");
    if (numeric != "gaussian" && numeric != "kernel")
        bad("'numeric' must be gaussian or kernel");
    o.numeric = numeric == "kernel" ? NaiveBayesOptions::Numeric::Kernel
                                    : NaiveBayesOptions::Numeric::Gaussian;
    o.nominalAsGaussian = s.integer("nominal_as_gaussian", 0, 1) != 0;
    o.varSmoothing = s.number("var_smoothing", 0.0, std::numeric_limits<double>::max());
    const bool fitted = s.integer("fitted", 0, 1) != 0;
    clear();
    m_options = o;
    if (!fitted)
        return;
    const std::int64_t K = s.integer("classes", 2, 1000000);
    const std::int64_t d = s.integer("features", 1, std::int64_t(1) << 31);
    Eigen::VectorXd priors = s.vector("class_prior", K);
    if (!priors.allFinite() || !(priors.array() >= 0).all() || !(priors.array() <= 1).all()
        || std::abs(priors.sum() - 1.0) > 1e-9)
        bad("'class_prior' must hold probabilities summing to 1");
    const std::int64_t B = s.integer("blocks", 1, d);
    const Eigen::VectorXd widths = s.vector("block_width", B);
    const Eigen::VectorXd nominal = s.vector("block_nominal", B);
    std::vector<FeatureBlock> blocks;
    int next = 0;
    for (Eigen::Index b = 0; b < B; ++b) {
        const double w = widths(b);
        const bool cat = nominal(b) == 1.0;
        if (!(nominal(b) == 0.0 || cat) || !(w >= 0) || w != std::floor(w) || w > double(d)
            || (!cat && w != 1.0))
            bad("the feature blocks are inconsistent");
        blocks.push_back(FeatureBlock { next, int(w), cat });
        next += int(w);
    }
    if (next != d)
        bad("the feature blocks do not cover the features");
    std::vector<Eigen::MatrixXd> logP(blocks.size());
    std::vector<int> numericColumn;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        if (!blocks[b].categorical) {
            numericColumn.push_back(blocks[b].first);
            continue;
        }
        logP[b] = s.matrix("log_p_" + std::to_string(b), K, blocks[b].width);
        if (!logP[b].allFinite() || !(logP[b].array() <= 0).all())
            bad("a nominal feature's log probabilities must be finite and <= 0");
    }
    const Eigen::Index m = Eigen::Index(numericColumn.size());
    if (o.numeric == NaiveBayesOptions::Numeric::Gaussian || m == 0) {
        m_means = s.matrix("theta", K, m);
        m_variances = s.matrix("var", K, m);
        if (!m_means.allFinite())
            bad("'theta' holds a non-finite value");
        if (!m_variances.allFinite() || !(m_variances.array() > 0).all())
            bad("'var' must hold finite positive values");
    } else {
        m_kernels.assign(std::size_t(m), std::vector<Kernel>(std::size_t(K)));
        for (Eigen::Index f = 0; f < m; ++f)
            for (Eigen::Index k = 0; k < K; ++k) {
                const std::string key = std::to_string(f) + "_" + std::to_string(k);
                const Eigen::VectorXd v = s.vector("kernel_values_" + key);
                Kernel &kern = m_kernels[std::size_t(f)][std::size_t(k)];
                kern.values.assign(v.data(), v.data() + v.size());
                kern.sigma
                    = s.number("kernel_sigma_" + key, 0.0, std::numeric_limits<double>::max());
                if (!(kern.sigma > 0) || !v.allFinite()
                    || !std::is_sorted(kern.values.begin(), kern.values.end()))
                    bad("a kernel estimate is inconsistent");
            }
    }
    m_width = int(d);
    m_blocks = std::move(blocks);
    m_logP = std::move(logP);
    m_numericColumn = std::move(numericColumn);
    m_priors = std::move(priors);
}

std::unique_ptr<Estimator> NaiveBayes::cloneUnfitted() const
{
    return std::make_unique<NaiveBayes>(m_options);
}

} // namespace sextant::engine
