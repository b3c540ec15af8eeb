#include "ml/IsolationForest.h"

#include "core/Parallel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace sextant::engine {

namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

IsolationForest::IsolationForest(IsolationForestOptions options) : m_options(options)
{
}

double IsolationForest::averagePathLength(double m)
{
    if (m <= 1)
        return 0;
    if (m <= 2)
        return 1;
    constexpr double kEuler = 0.5772156649015329;
    return 2.0 * (std::log(m - 1.0) + kEuler) - 2.0 * (m - 1.0) / m;
}

bool IsolationForest::fit(const Eigen::Ref<const Eigen::MatrixXd> &X)
{
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    if (n < 1 || d < 1)
        throw std::invalid_argument("isolation forest needs at least one row and one column");
    if (m_options.trees < 1 || m_options.maxSamples < 1)
        throw std::invalid_argument("isolation forest needs at least one tree and one sample");
    const Eigen::Index psi = std::min<Eigen::Index>(m_options.maxSamples, n);
    m_subsample = static_cast<double>(psi);
    const int maxDepth = static_cast<int>(
        std::ceil(std::log2(static_cast<double>(std::max<Eigen::Index>(psi, 2)))));
    m_trees.assign(static_cast<std::size_t>(m_options.trees), Tree {});
    const auto cancelled
        = [&] { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); };

    parallelChunks(0, m_options.trees, std::max(1, m_options.threads), 1,
        [&](int, std::int64_t begin, std::int64_t end) {
            std::vector<Eigen::Index> all(static_cast<std::size_t>(n));
            std::vector<int> candidates;
            for (std::int64_t t = begin; t < end; ++t) {
                if (cancelled())
                    return;
                std::mt19937_64 rng(
                    splitmix(m_options.seed * 0x100000001b3ULL + static_cast<std::uint64_t>(t)));
                // Partial Fisher-Yates: the first psi entries are the subsample.
                std::iota(all.begin(), all.end(), Eigen::Index(0));
                for (Eigen::Index i = 0; i < psi; ++i) {
                    std::uniform_int_distribution<Eigen::Index> pick(i, n - 1);
                    std::swap(
                        all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(pick(rng))]);
                }
                std::vector<Eigen::Index> rows(all.begin(), all.begin() + psi);
                Tree &tree = m_trees[static_cast<std::size_t>(t)];
                // Each stack entry: node index, row range [lo, hi), depth.
                struct Work {
                    int node;
                    std::size_t lo, hi;
                    int depth;
                };
                tree.push_back(Node {});
                std::vector<Work> stack { { 0, 0, rows.size(), 0 } };
                std::uniform_real_distribution<double> unit(0.0, 1.0);
                while (!stack.empty()) {
                    const Work w = stack.back();
                    stack.pop_back();
                    const auto size = static_cast<double>(w.hi - w.lo);
                    tree[static_cast<std::size_t>(w.node)].leafSize = size;
                    if (w.depth >= maxDepth || w.hi - w.lo <= 1)
                        continue;
                    candidates.clear();
                    std::vector<double> lows, highs;
                    for (Eigen::Index c = 0; c < d; ++c) {
                        double lo = X(rows[w.lo], c), hi = lo;
                        for (std::size_t r = w.lo + 1; r < w.hi; ++r) {
                            const double v = X(rows[r], c);
                            lo = std::min(lo, v);
                            hi = std::max(hi, v);
                        }
                        if (hi > lo) {
                            candidates.push_back(static_cast<int>(c));
                            lows.push_back(lo);
                            highs.push_back(hi);
                        }
                    }
                    if (candidates.empty())
                        continue; // all rows equal: a leaf
                    std::uniform_int_distribution<std::size_t> which(0, candidates.size() - 1);
                    const std::size_t f = which(rng);
                    const int feature = candidates[f];
                    double threshold = lows[f] + unit(rng) * (highs[f] - lows[f]);
                    if (threshold <= lows[f])
                        threshold = std::nextafter(lows[f], highs[f]);
                    const auto mid
                        = std::partition(rows.begin() + static_cast<std::ptrdiff_t>(w.lo),
                            rows.begin() + static_cast<std::ptrdiff_t>(w.hi),
                            [&](Eigen::Index r) { return X(r, feature) < threshold; });
                    const auto split = static_cast<std::size_t>(mid - rows.begin());
                    const int left = static_cast<int>(tree.size());
                    tree.push_back(Node {});
                    tree.push_back(Node {});
                    Node &node = tree[static_cast<std::size_t>(w.node)];
                    node.feature = feature;
                    node.threshold = threshold;
                    node.left = left;
                    node.right = left + 1;
                    stack.push_back({ left + 1, split, w.hi, w.depth + 1 });
                    stack.push_back({ left, w.lo, split, w.depth + 1 });
                }
            }
        });
    return !cancelled();
}

Eigen::VectorXd IsolationForest::scores(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (m_trees.empty())
        throw std::logic_error("isolation forest: scores() before fit()");
    const Eigen::Index n = X.rows();
    Eigen::VectorXd out(n);
    const double norm = averagePathLength(m_subsample);
    parallelChunks(
        0, n, std::max(1, m_options.threads), 256, [&](int, std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                double total = 0;
                for (const Tree &tree : m_trees) {
                    int node = 0;
                    int depth = 0;
                    while (tree[static_cast<std::size_t>(node)].feature >= 0) {
                        const Node &nd = tree[static_cast<std::size_t>(node)];
                        node = X(i, nd.feature) < nd.threshold ? nd.left : nd.right;
                        ++depth;
                    }
                    total
                        += depth + averagePathLength(tree[static_cast<std::size_t>(node)].leafSize);
                }
                const double mean = total / static_cast<double>(m_trees.size());
                out[i] = norm > 0 ? std::pow(2.0, -mean / norm) : 0.5;
            }
        });
    return out;
}

} // namespace sextant::engine
