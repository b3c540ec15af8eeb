#include "ml/Dbscan.h"

#include "core/Parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

namespace sextant::engine {

// k-d tree over n points of dimension d, stored row-major in tree order.
struct Dbscan::Index {
    struct Node {
        std::int64_t begin = 0;
        std::int64_t end = 0;
        int left = -1;
        int right = -1;
    };
    static constexpr std::int64_t kLeaf = 32;

    std::int64_t n = 0;
    std::int64_t d = 0;
    std::vector<double> points; // n x d, row-major, tree order
    std::vector<std::int64_t> perm; // tree position -> original row
    std::vector<Node> nodes;
    std::vector<double> lo, hi; // per node, d each: bounding box

    Index(const Eigen::Ref<const Eigen::MatrixXd> &X) : n(X.rows()), d(X.cols())
    {
        perm.resize(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            perm[i] = i;
        if (n > 0)
            build(X, 0, n);
        points.resize(static_cast<std::size_t>(n * d));
        for (std::int64_t p = 0; p < n; ++p)
            for (std::int64_t j = 0; j < d; ++j)
                points[p * d + j] = X(perm[p], j);
    }

    int build(const Eigen::Ref<const Eigen::MatrixXd> &X, std::int64_t begin, std::int64_t end)
    {
        const int id = static_cast<int>(nodes.size());
        nodes.push_back({ begin, end, -1, -1 });
        lo.resize(lo.size() + d);
        hi.resize(hi.size() + d);
        int split = 0;
        double widest = -1;
        for (std::int64_t j = 0; j < d; ++j) {
            double mn = std::numeric_limits<double>::infinity();
            double mx = -mn;
            for (std::int64_t p = begin; p < end; ++p) {
                const double v = X(perm[p], j);
                mn = std::min(mn, v);
                mx = std::max(mx, v);
            }
            lo[id * d + j] = mn;
            hi[id * d + j] = mx;
            if (mx - mn > widest) {
                widest = mx - mn;
                split = static_cast<int>(j);
            }
        }
        if (end - begin <= kLeaf || widest <= 0)
            return id;
        const std::int64_t mid = begin + (end - begin) / 2;
        std::nth_element(perm.begin() + begin, perm.begin() + mid, perm.begin() + end,
            [&](std::int64_t a, std::int64_t b) {
                const double va = X(a, split), vb = X(b, split);
                return va < vb || (va == vb && a < b);
            });
        const int left = build(X, begin, mid);
        const int right = build(X, mid, end);
        nodes[id].left = left;
        nodes[id].right = right;
        return id;
    }

    // Calls visit(originalRow, squaredDistance) for every point within squared radius r2
    // of q; visit returns false to stop the search.
    template<typename Visit> void radius(const double *q, double r2, Visit &&visit) const
    {
        if (n == 0)
            return;
        int stack[128];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const int id = stack[--top];
            double box = 0;
            for (std::int64_t j = 0; j < d; ++j) {
                const double v = q[j];
                const double gap = v < lo[id * d + j]
                    ? lo[id * d + j] - v
                    : (v > hi[id * d + j] ? v - hi[id * d + j] : 0.0);
                box += gap * gap;
            }
            if (box > r2)
                continue;
            const Node &node = nodes[id];
            if (node.left < 0) {
                for (std::int64_t p = node.begin; p < node.end; ++p) {
                    const double *pt = points.data() + p * d;
                    double s = 0;
                    for (std::int64_t j = 0; j < d; ++j) {
                        const double diff = q[j] - pt[j];
                        s += diff * diff;
                    }
                    if (s <= r2 && !visit(perm[p], s))
                        return;
                }
            } else {
                // Depth is at most log2(n / 32) + 1, far below the stack size.
                stack[top++] = node.right;
                stack[top++] = node.left;
            }
        }
    }
};

namespace {
struct Cancelled { };
} // namespace

Dbscan::Dbscan(DbscanOptions options) : m_options(options)
{
}

Dbscan::~Dbscan() = default;

void Dbscan::clear()
{
    m_fitted = false;
    m_features = 0;
    m_clusters = 0;
    m_coreSamples.resize(0, 0);
    m_coreLabels.resize(0);
    m_labels.clear();
    m_coreIndices.clear();
    m_index.reset();
}

bool Dbscan::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &, const FitContext &context)
{
    clear();
    const std::int64_t n = X.rows();
    const std::int64_t d = X.cols();
    if (n == 0 || d == 0)
        throw FitError("DBSCAN needs at least one row and one column");
    if (!(m_options.eps > 0) || !std::isfinite(m_options.eps))
        throw FitError("DBSCAN eps must be a finite number > 0");
    if (m_options.minSamples < 1)
        throw FitError("DBSCAN min_samples must be at least 1");
    if (!X.allFinite())
        throw FitError("DBSCAN input holds a missing or non-finite value; impute or drop it first");
    if (context.cancelled())
        return false;

    const Index tree(X);
    const double r2 = m_options.eps * m_options.eps;
    const std::int64_t minSamples = m_options.minSamples;

    // Pass 1: core samples (neighbour counts, itself included).
    std::vector<char> core(static_cast<std::size_t>(n), 0);
    std::atomic<bool> stop { false };
    constexpr std::int64_t kChunk = 1024;
    const std::int64_t chunks = (n + kChunk - 1) / kChunk;
    parallelChunks(0, chunks, context.threadCount(), 1, [&](int, std::int64_t c0, std::int64_t c1) {
        std::vector<double> q(static_cast<std::size_t>(d));
        for (std::int64_t c = c0; c < c1; ++c) {
            if (stop || context.cancelled()) {
                stop = true;
                return;
            }
            for (std::int64_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i) {
                for (std::int64_t j = 0; j < d; ++j)
                    q[j] = X(i, j);
                std::int64_t count = 0;
                tree.radius(
                    q.data(), r2, [&](std::int64_t, double) { return ++count < minSamples; });
                core[i] = count >= minSamples;
            }
        }
    });
    if (stop)
        return false;

    // Pass 2: depth-first expansion (scikit-learn's dbscan_inner).
    // A sample already on the stack is not pushed again: everything on the stack gets the
    // current cluster anyway, so this only keeps the stack within n entries.
    std::vector<int> labels(static_cast<std::size_t>(n), -1);
    std::vector<char> queued(static_cast<std::size_t>(n), 0);
    std::vector<std::int64_t> stack;
    std::vector<double> q(static_cast<std::size_t>(d));
    int label = 0;
    std::int64_t work = 0;
    for (std::int64_t start = 0; start < n; ++start) {
        if (labels[start] != -1 || !core[start])
            continue;
        std::int64_t i = start;
        while (true) {
            if (labels[i] == -1) {
                labels[i] = label;
                if (core[i]) {
                    if ((++work & 255) == 0 && context.cancelled())
                        return false;
                    for (std::int64_t j = 0; j < d; ++j)
                        q[j] = X(i, j);
                    tree.radius(q.data(), r2, [&](std::int64_t v, double) {
                        if (labels[v] == -1 && !queued[v]) {
                            queued[v] = 1;
                            stack.push_back(v);
                        }
                        return true;
                    });
                }
            }
            if (stack.empty())
                break;
            i = stack.back();
            stack.pop_back();
        }
        ++label;
    }

    std::vector<std::int64_t> coreIdx;
    for (std::int64_t i = 0; i < n; ++i)
        if (core[i])
            coreIdx.push_back(i);
    Eigen::MatrixXd coreSamples(static_cast<Eigen::Index>(coreIdx.size()), d);
    Eigen::VectorXd coreLabels(static_cast<Eigen::Index>(coreIdx.size()));
    for (std::size_t c = 0; c < coreIdx.size(); ++c) {
        coreSamples.row(static_cast<Eigen::Index>(c)) = X.row(coreIdx[c]);
        coreLabels(static_cast<Eigen::Index>(c)) = labels[coreIdx[c]];
    }
    m_fitted = true;
    m_features = static_cast<int>(d);
    m_clusters = label;
    m_coreSamples = std::move(coreSamples);
    m_coreLabels = std::move(coreLabels);
    m_labels = std::move(labels);
    m_coreIndices = std::move(coreIdx);
    m_index = std::make_shared<const Index>(m_coreSamples);
    return true;
}

Eigen::VectorXd Dbscan::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const double r2 = m_options.eps * m_options.eps;
    Eigen::VectorXd out(X.rows());
    std::vector<double> q(static_cast<std::size_t>(X.cols()));
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            q[j] = X(i, j);
        std::int64_t best = -1;
        double bestDist = std::numeric_limits<double>::infinity();
        m_index->radius(q.data(), r2, [&](std::int64_t v, double s) {
            if (s < bestDist || (s == bestDist && v < best)) {
                bestDist = s;
                best = v;
            }
            return true;
        });
        out(i) = best < 0 ? -1.0 : m_coreLabels(best);
    }
    return out;
}

ModelState Dbscan::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    s.setNumber("eps", m_options.eps);
    s.setNumber("min_samples", m_options.minSamples);
    s.setUnsignedInteger("seed", m_options.seed);
    s.setNumber("fitted", m_fitted ? 1 : 0);
    if (m_fitted) {
        s.setNumber("features", m_features);
        s.setNumber("clusters", m_clusters);
        s.setMatrix("core_samples", m_coreSamples);
        s.setVector("core_labels", m_coreLabels);
    }
    return s;
}

void Dbscan::restore(const ModelState &s)
{
    s.requireKind("dbscan", 1);
    DbscanOptions o;
    o.eps = s.number("eps", std::numeric_limits<double>::min(), std::numeric_limits<double>::max());
    o.minSamples = static_cast<int>(s.integer("min_samples", 1, 1 << 30));
    o.seed = s.unsignedInteger("seed");
    const bool fitted = s.integer("fitted", 0, 1) == 1;
    Dbscan restored(o);
    if (fitted) {
        const int features = static_cast<int>(s.integer("features", 1, 1 << 24));
        const int clusters = static_cast<int>(s.integer("clusters", 0, 1 << 30));
        Eigen::MatrixXd coreSamples = s.matrix("core_samples", -1, features);
        if (!coreSamples.allFinite())
            throw ModelStateError("dbscan: 'core_samples' holds a non-finite value");
        Eigen::VectorXd coreLabels = s.vector("core_labels", coreSamples.rows());
        for (Eigen::Index i = 0; i < coreLabels.size(); ++i) {
            const double v = coreLabels(i);
            if (!(v >= 0 && v < clusters) || v != std::floor(v))
                throw ModelStateError("dbscan: 'core_labels' holds " + std::to_string(v)
                    + ", expected a cluster index below " + std::to_string(clusters));
        }
        if ((clusters > 0) != (coreSamples.rows() > 0))
            throw ModelStateError("dbscan: 'clusters' does not agree with 'core_samples'");
        restored.m_fitted = true;
        restored.m_features = features;
        restored.m_clusters = clusters;
        restored.m_coreSamples = std::move(coreSamples);
        restored.m_coreLabels = std::move(coreLabels);
        restored.m_index = std::make_shared<const Index>(restored.m_coreSamples);
    }
    m_options = restored.m_options;
    m_fitted = restored.m_fitted;
    m_features = restored.m_features;
    m_clusters = restored.m_clusters;
    m_coreSamples = std::move(restored.m_coreSamples);
    m_coreLabels = std::move(restored.m_coreLabels);
    m_labels.clear();
    m_coreIndices.clear();
    m_index = std::move(restored.m_index);
}

std::unique_ptr<Estimator> Dbscan::cloneUnfitted() const
{
    return std::make_unique<Dbscan>(m_options);
}

} // namespace sextant::engine
