#include "ml/BayesianSearch.h"

#include "ml/GaussianProcess.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace sextant::engine {

namespace {

constexpr double kWholeGrid = 20000;
constexpr int kSampled = 4000;
constexpr std::size_t kMaxObservations = 200;
constexpr double kXi = 0.01;

double normalPdf(double z)
{
    return std::exp(-0.5 * z * z) / std::sqrt(2 * 3.14159265358979323846);
}
double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

} // namespace

BayesianSearch::BayesianSearch(std::vector<Axis> axes, Options options)
    : m_axes(std::move(axes)), m_options(options), m_rng(options.seed)
{
    if (m_axes.empty())
        throw std::invalid_argument("Bayesian search needs at least one axis");
    for (const Axis &a : m_axes) {
        if (a.size < 1)
            throw std::invalid_argument("Bayesian search: an axis without values");
        if (!a.positions.empty() && static_cast<int>(a.positions.size()) != a.size)
            throw std::invalid_argument("Bayesian search: one position per level");
        m_inputs += a.positions.empty() ? a.size : 1;
        m_combinations *= a.size;
    }
    if (m_combinations > 9007199254740992.0)
        throw std::invalid_argument("Bayesian search: more than 2^53 combinations");
    if (m_options.initialPoints <= 0)
        m_options.initialPoints = std::max(3, static_cast<int>(m_axes.size()) + 1);
}

std::vector<double> BayesianSearch::scaledPositions(const std::vector<double> &values)
{
    std::vector<double> out(values.size(), 0.5);
    if (values.empty())
        return out;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const bool logScale = *lo > 0 && *hi / *lo >= 100;
    const auto f = [&](double v) { return logScale ? std::log(v) : v; };
    const double a = f(*lo), b = f(*hi);
    if (!(b > a))
        return out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = (f(values[i]) - a) / (b - a);
    return out;
}

Eigen::VectorXd BayesianSearch::encode(std::int64_t combination) const
{
    Eigen::VectorXd x = Eigen::VectorXd::Zero(m_inputs);
    int at = 0;
    for (const Axis &a : m_axes) {
        const auto level = static_cast<int>(combination % a.size);
        combination /= a.size;
        if (a.positions.empty()) {
            x[at + level] = 1;
            at += a.size;
        } else {
            x[at++] = a.positions[static_cast<std::size_t>(level)];
        }
    }
    return x;
}

bool BayesianSearch::tried(std::int64_t combination) const
{
    return m_tried.count(combination) != 0;
}

std::int64_t BayesianSearch::randomUntried()
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (;;) {
        const auto c = std::min(static_cast<std::int64_t>(u(m_rng) * m_combinations),
            static_cast<std::int64_t>(m_combinations) - 1);
        if (!tried(c))
            return c;
    }
}

std::int64_t BayesianSearch::next()
{
    if (static_cast<double>(m_proposed.size()) >= m_combinations)
        return -1;
    // Random start; also while no score is known yet.
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < m_scores.size(); ++i)
        if (std::isfinite(m_scores[i]))
            usable.push_back(i);
    if (static_cast<int>(m_proposed.size()) < m_options.initialPoints || usable.empty()) {
        const std::int64_t c = randomUntried();
        m_proposed.push_back(c);
        m_tried.insert(c);
        return c;
    }

    // Observations: failed ones at the worst score; the best kMaxObservations.
    double worst = std::numeric_limits<double>::infinity();
    for (std::size_t i : usable)
        worst = std::min(worst, m_scores[i]);
    std::vector<std::size_t> order(m_scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const auto score
        = [&](std::size_t i) { return std::isfinite(m_scores[i]) ? m_scores[i] : worst; };
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return score(a) > score(b); });
    if (order.size() > kMaxObservations)
        order.resize(kMaxObservations);
    Eigen::MatrixXd X(static_cast<Eigen::Index>(order.size()), m_inputs);
    Eigen::VectorXd y(static_cast<Eigen::Index>(order.size()));
    for (std::size_t r = 0; r < order.size(); ++r) {
        X.row(static_cast<Eigen::Index>(r)) = encode(m_observed[order[r]]).transpose();
        y[static_cast<Eigen::Index>(r)] = score(order[r]);
    }
    GaussianProcess gp;
    gp.fit(X, y);
    const double best = y.maxCoeff();
    double scale = std::sqrt((y.array() - y.mean()).square().mean());
    if (!(scale > 1e-12))
        scale = 1;

    // Candidates, ascending.
    std::vector<std::int64_t> candidates;
    if (m_combinations <= kWholeGrid) {
        for (std::int64_t c = 0; c < static_cast<std::int64_t>(m_combinations); ++c)
            if (!tried(c))
                candidates.push_back(c);
    } else {
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int i = 0; i < kSampled; ++i)
            candidates.push_back(std::min(static_cast<std::int64_t>(u(m_rng) * m_combinations),
                static_cast<std::int64_t>(m_combinations) - 1));
        for (std::size_t r = 0; r < std::min<std::size_t>(5, order.size()); ++r) {
            const std::int64_t c = m_observed[order[r]];
            std::int64_t stride = 1;
            for (const Axis &a : m_axes) {
                const std::int64_t level = (c / stride) % a.size;
                if (level > 0)
                    candidates.push_back(c - stride);
                if (level + 1 < a.size)
                    candidates.push_back(c + stride);
                stride *= a.size;
            }
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                             [&](std::int64_t c) { return tried(c); }),
            candidates.end());
        if (candidates.empty())
            candidates.push_back(randomUntried());
    }
    Eigen::MatrixXd Xs(static_cast<Eigen::Index>(candidates.size()), m_inputs);
    for (std::size_t i = 0; i < candidates.size(); ++i)
        Xs.row(static_cast<Eigen::Index>(i)) = encode(candidates[i]).transpose();
    Eigen::VectorXd mean, sd;
    gp.predict(Xs, mean, sd);
    std::size_t pick = 0;
    double bestEi = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const auto j = static_cast<Eigen::Index>(i);
        // In standardised units, so xi does not depend on the metric's scale.
        const double gain = (mean[j] - best) / scale - kXi;
        const double s = sd[j] / scale;
        const double ei = s > 1e-12 ? gain * normalCdf(gain / s) + s * normalPdf(gain / s)
                                    : std::max(gain, 0.0);
        if (ei > bestEi) {
            bestEi = ei;
            pick = i;
        }
    }
    m_proposed.push_back(candidates[pick]);
    m_tried.insert(candidates[pick]);
    return candidates[pick];
}

void BayesianSearch::observe(std::int64_t combination, double score)
{
    m_observed.push_back(combination);
    m_scores.push_back(score);
}

} // namespace sextant::engine
