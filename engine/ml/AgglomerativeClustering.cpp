#include "ml/AgglomerativeClustering.h"

#include "core/Parallel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <new>
#include <numeric>

namespace sextant::engine {

const char *AgglomerativeClusteringOptions::linkageName(Linkage linkage)
{
    switch (linkage) {
    case Linkage::Ward:
        return "ward";
    case Linkage::Complete:
        return "complete";
    case Linkage::Average:
        return "average";
    case Linkage::Single:
        return "single";
    }
    return "ward";
}

std::optional<AgglomerativeClusteringOptions::Linkage>
AgglomerativeClusteringOptions::linkageFromName(std::string_view name)
{
    for (Linkage l : { Linkage::Ward, Linkage::Complete, Linkage::Average, Linkage::Single })
        if (name == linkageName(l))
            return l;
    return std::nullopt;
}

namespace {

using Linkage = AgglomerativeClusteringOptions::Linkage;
struct CancelledFit { };

struct Merge {
    std::int64_t a, b;
    double distance;
};

// SciPy's LinkageUnionFind.
struct UnionFind {
    std::vector<std::int64_t> parent;
    std::vector<std::int64_t> size;
    std::int64_t next;
    explicit UnionFind(std::int64_t n)
        : parent(static_cast<std::size_t>(2 * n - 1)), size(static_cast<std::size_t>(2 * n - 1), 1),
          next(n)
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    std::int64_t find(std::int64_t x)
    {
        std::int64_t root = x;
        while (parent[root] != root)
            root = parent[root];
        while (parent[x] != root) {
            const std::int64_t p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }
    std::int64_t merge(std::int64_t x, std::int64_t y)
    {
        parent[x] = next;
        parent[y] = next;
        size[next] = size[x] + size[y];
        ++next;
        return size[next - 1];
    }
};

double euclid(const double *a, const double *b, std::int64_t d)
{
    double s = 0;
    for (std::int64_t j = 0; j < d; ++j) {
        const double diff = a[j] - b[j];
        s += diff * diff;
    }
    return std::sqrt(s);
}

// Before merge k (0-based) of n - 1: the cancel check, and every kMergesPerReport merges
// an EpochReport (unit "merge") for progress and for a callback that cancels. A callback
// asking to stop is not obeyed: half a hierarchy has no flat clusters.
constexpr std::int64_t kMergesPerReport = 64;
void reportMerges(const FitContext &context, std::int64_t k, std::int64_t n)
{
    if (context.cancelled())
        throw CancelledFit {};
    if (k == 0 || k % kMergesPerReport != 0 || !context.onEpoch)
        return;
    EpochReport r;
    r.epoch = static_cast<int>(k);
    r.totalEpochs = static_cast<int>(n - 1);
    r.unit = "merge";
    context.report(r);
    if (context.cancelled())
        throw CancelledFit {};
}

// The nearest-neighbour chain (SciPy's nn_chain). dist(x, i) gives the current distance
// between active clusters; mergeInto(x, y, nx, ny, d) updates for x merged into y.
template<typename Dist, typename MergeInto>
std::vector<Merge> nnChain(
    std::int64_t n, const FitContext &context, Dist &&dist, MergeInto &&mergeInto)
{
    std::vector<std::int64_t> size(static_cast<std::size_t>(n), 1);
    std::vector<std::int64_t> chain;
    chain.reserve(static_cast<std::size_t>(n));
    std::vector<Merge> merges;
    merges.reserve(static_cast<std::size_t>(n - 1));
    for (std::int64_t k = 0; k < n - 1; ++k) {
        reportMerges(context, k, n);
        if (chain.empty()) {
            for (std::int64_t i = 0; i < n; ++i)
                if (size[i] > 0) {
                    chain.push_back(i);
                    break;
                }
        }
        std::int64_t x = 0, y = 0;
        double currentMin = 0;
        while (true) {
            x = chain.back();
            if (chain.size() > 1) {
                y = chain[chain.size() - 2];
                currentMin = dist(x, y);
            } else {
                currentMin = std::numeric_limits<double>::infinity();
            }
            for (std::int64_t i = 0; i < n; ++i) {
                if (size[i] == 0 || i == x)
                    continue;
                const double v = dist(x, i);
                if (v < currentMin) {
                    currentMin = v;
                    y = i;
                }
            }
            if (chain.size() > 1 && y == chain[chain.size() - 2])
                break;
            chain.push_back(y);
        }
        chain.pop_back();
        chain.pop_back();
        if (x > y)
            std::swap(x, y);
        const std::int64_t nx = size[x], ny = size[y];
        merges.push_back({ x, y, currentMin });
        size[x] = 0;
        size[y] = nx + ny;
        mergeInto(x, y, nx, ny, currentMin, size);
    }
    return merges;
}

} // namespace

AgglomerativeClustering::AgglomerativeClustering(AgglomerativeClusteringOptions options)
    : m_options(options)
{
}

void AgglomerativeClustering::clear()
{
    m_linkage.resize(0, 0);
    m_centroids.resize(0, 0);
    m_labels.clear();
}

bool AgglomerativeClustering::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &, const FitContext &context)
{
    clear();
    const std::int64_t n = X.rows();
    const std::int64_t d = X.cols();
    const int clusters = m_options.clusters;
    if (n == 0 || d == 0)
        throw FitError("Agglomerative clustering needs at least one row and one column");
    if (n > kMaxRows)
        throw FitError("Agglomerative clustering is limited to 20,000 rows (its time and memory "
                       "grow with the square of the rows); this data has "
            + std::to_string(n) + ". Sample the rows or use k-means");
    if (clusters < 1)
        throw FitError("Agglomerative clustering needs at least one cluster");
    if (clusters > n)
        throw FitError("Agglomerative clustering cannot make " + std::to_string(clusters)
            + " clusters from " + std::to_string(n) + " rows");
    if (!X.allFinite())
        throw FitError("Agglomerative clustering input holds a missing or non-finite value; "
                       "impute or drop it first");
    if (context.cancelled())
        return false;

    // Row-major copy: rows are compared with each other.
    std::vector<double> pts(static_cast<std::size_t>(n * d));
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t j = 0; j < d; ++j)
            pts[i * d + j] = X(i, j);
    const auto row = [&](std::int64_t i) { return pts.data() + i * d; };

    std::vector<Merge> merges;
    try {
        if (n > 1) {
            const Linkage linkage = m_options.linkage;
            if (linkage == Linkage::Single) {
                // SciPy's mst_single_linkage (Prim).
                std::vector<char> merged(static_cast<std::size_t>(n), 0);
                std::vector<double> D(
                    static_cast<std::size_t>(n), std::numeric_limits<double>::infinity());
                std::int64_t y = 0;
                for (std::int64_t k = 0; k < n - 1; ++k) {
                    reportMerges(context, k, n);
                    double currentMin = std::numeric_limits<double>::infinity();
                    merged[y] = 1;
                    const std::int64_t x = y;
                    for (std::int64_t i = 0; i < n; ++i) {
                        if (merged[i])
                            continue;
                        const double v = euclid(row(x), row(i), d);
                        if (D[i] > v)
                            D[i] = v;
                        if (D[i] < currentMin) {
                            y = i;
                            currentMin = D[i];
                        }
                    }
                    merges.push_back({ x, y, currentMin });
                }
            } else if (linkage == Linkage::Ward) {
                // Centroids stand for the clusters; Ward's distance from them.
                std::vector<double> centroid = pts;
                std::vector<std::int64_t> csize(static_cast<std::size_t>(n), 1);
                merges = nnChain(
                    n, context,
                    [&](std::int64_t a, std::int64_t b) {
                        const double na = static_cast<double>(csize[a]);
                        const double nb = static_cast<double>(csize[b]);
                        return std::sqrt(2.0 * na * nb / (na + nb))
                            * euclid(centroid.data() + a * d, centroid.data() + b * d, d);
                    },
                    [&](std::int64_t x, std::int64_t y, std::int64_t nx, std::int64_t ny, double,
                        const std::vector<std::int64_t> &) {
                        const double fx = static_cast<double>(nx), fy = static_cast<double>(ny);
                        for (std::int64_t j = 0; j < d; ++j)
                            centroid[y * d + j]
                                = (fx * centroid[x * d + j] + fy * centroid[y * d + j]) / (fx + fy);
                        csize[y] = nx + ny;
                        csize[x] = 0;
                    });
            } else {
                // Condensed distance matrix, updated by Lance-Williams.
                std::vector<double> D;
                try {
                    D.resize(static_cast<std::size_t>(n * (n - 1) / 2));
                } catch (const std::bad_alloc &) {
                    throw FitError("Agglomerative clustering: not enough memory for the "
                        + std::to_string(n) + " x " + std::to_string(n) + " distance matrix");
                }
                const auto idx = [n](std::int64_t i, std::int64_t j) {
                    if (i > j)
                        std::swap(i, j);
                    return static_cast<std::size_t>(n * i - (i * (i + 1)) / 2 + (j - i - 1));
                };
                std::atomic<bool> stop { false };
                parallelChunks(
                    0, n, context.threadCount(), 64, [&](int, std::int64_t r0, std::int64_t r1) {
                        for (std::int64_t i = r0; i < r1; ++i) {
                            if ((i & 63) == 0 && context.cancelled()) {
                                stop = true;
                                return;
                            }
                            for (std::int64_t j = i + 1; j < n; ++j)
                                D[idx(i, j)] = euclid(row(i), row(j), d);
                        }
                    });
                if (stop)
                    throw CancelledFit {};
                const bool complete = linkage == Linkage::Complete;
                merges = nnChain(
                    n, context, [&](std::int64_t a, std::int64_t b) { return D[idx(a, b)]; },
                    [&](std::int64_t x, std::int64_t y, std::int64_t nx, std::int64_t ny, double,
                        const std::vector<std::int64_t> &size) {
                        const double fx = static_cast<double>(nx), fy = static_cast<double>(ny);
                        for (std::int64_t i = 0; i < n; ++i) {
                            if (size[i] == 0 || i == y)
                                continue;
                            const double dx = D[idx(i, x)], dy = D[idx(i, y)];
                            D[idx(i, y)]
                                = complete ? std::max(dx, dy) : (fx * dx + fy * dy) / (fx + fy);
                        }
                    });
            }
        }
    } catch (const CancelledFit &) {
        context.ended(FitEnd::Cancelled, static_cast<int>(merges.size()));
        return false;
    }
    context.ended(FitEnd::Completed, static_cast<int>(n - 1));

    // Sort by distance (stable), then SciPy's label(): cluster ids n, n+1, ...
    std::stable_sort(merges.begin(), merges.end(),
        [](const Merge &p, const Merge &q) { return p.distance < q.distance; });
    Eigen::MatrixXd Z(n - 1, 4);
    UnionFind uf(n);
    for (std::int64_t i = 0; i < n - 1; ++i) {
        const std::int64_t xr = uf.find(merges[i].a), yr = uf.find(merges[i].b);
        Z(i, 0) = static_cast<double>(std::min(xr, yr));
        Z(i, 1) = static_cast<double>(std::max(xr, yr));
        Z(i, 2) = merges[i].distance;
        Z(i, 3) = static_cast<double>(uf.merge(xr, yr));
    }

    // Flat clusters: apply the first n - clusters merges.
    UnionFind cut(n);
    for (std::int64_t i = 0; i < n - clusters; ++i)
        cut.merge(cut.find(static_cast<std::int64_t>(Z(i, 0))),
            cut.find(static_cast<std::int64_t>(Z(i, 1))));
    std::vector<int> labels(static_cast<std::size_t>(n), -1);
    std::vector<int> rootLabel(static_cast<std::size_t>(2 * n - 1), -1);
    int next = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const std::int64_t r = cut.find(i);
        if (rootLabel[r] < 0)
            rootLabel[r] = next++;
        labels[i] = rootLabel[r];
    }
    Eigen::MatrixXd centroids = Eigen::MatrixXd::Zero(clusters, d);
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(clusters);
    for (std::int64_t i = 0; i < n; ++i) {
        centroids.row(labels[i]) += X.row(i);
        counts(labels[i]) += 1;
    }
    for (int c = 0; c < clusters; ++c)
        centroids.row(c) /= counts(c);

    m_linkage = std::move(Z);
    m_centroids = std::move(centroids);
    m_labels = std::move(labels);
    return true;
}

Eigen::VectorXd AgglomerativeClustering::predictFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        double best = std::numeric_limits<double>::infinity();
        int arg = 0;
        for (Eigen::Index c = 0; c < m_centroids.rows(); ++c) {
            double s = 0;
            for (Eigen::Index j = 0; j < X.cols(); ++j) {
                const double diff = X(i, j) - m_centroids(c, j);
                s += diff * diff;
            }
            if (s < best) {
                best = s;
                arg = static_cast<int>(c);
            }
        }
        out(i) = arg;
    }
    return out;
}

ModelState AgglomerativeClustering::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    s.setNumber("clusters", m_options.clusters);
    s.setText("linkage", AgglomerativeClusteringOptions::linkageName(m_options.linkage));
    s.setUnsignedInteger("seed", m_options.seed);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (isFitted()) {
        s.setMatrix("linkage_matrix", m_linkage);
        s.setMatrix("centroids", m_centroids);
        Eigen::VectorXd labels(static_cast<Eigen::Index>(m_labels.size()));
        for (std::size_t i = 0; i < m_labels.size(); ++i)
            labels(static_cast<Eigen::Index>(i)) = m_labels[i];
        s.setVector("labels", labels);
    }
    return s;
}

void AgglomerativeClustering::restore(const ModelState &s)
{
    s.requireKind("agglomerative", 1);
    AgglomerativeClusteringOptions o;
    o.clusters = static_cast<int>(s.integer("clusters", 1, kMaxRows));
    const std::string &l = s.text("linkage");
    const std::optional<Linkage> linkage = AgglomerativeClusteringOptions::linkageFromName(l);
    if (!linkage)
        throw ModelStateError("agglomerative: unknown linkage '" + l + "'");
    o.linkage = *linkage;
    o.seed = s.unsignedInteger("seed");
    AgglomerativeClustering a(o);
    if (s.integer("fitted", 0, 1) == 1) {
        const Eigen::VectorXd labels = s.vector("labels");
        const std::int64_t n = labels.size();
        if (n < o.clusters || n > kMaxRows)
            throw ModelStateError("agglomerative: 'labels' has " + std::to_string(n)
                + " entries, expected between 'clusters' and 20000");
        a.m_labels.resize(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            const double v = labels(i);
            if (!(v >= 0 && v < o.clusters) || v != std::floor(v))
                throw ModelStateError("agglomerative: 'labels' holds an invalid cluster index");
            a.m_labels[i] = static_cast<int>(v);
        }
        a.m_linkage = s.matrix("linkage_matrix", n - 1, 4);
        std::vector<double> size(static_cast<std::size_t>(2 * n - 1), 1.0);
        std::vector<char> used(static_cast<std::size_t>(2 * n - 1), 0);
        for (std::int64_t i = 0; i < n - 1; ++i) {
            const double ca = a.m_linkage(i, 0), cb = a.m_linkage(i, 1);
            const double dist = a.m_linkage(i, 2);
            const double limit = static_cast<double>(n + i);
            if (!(ca >= 0 && ca < cb && cb < limit) || ca != std::floor(ca) || cb != std::floor(cb)
                || used[static_cast<std::size_t>(ca)] || used[static_cast<std::size_t>(cb)])
                throw ModelStateError("agglomerative: 'linkage_matrix' row " + std::to_string(i)
                    + " does not merge two existing clusters");
            if (!(dist >= 0) || !std::isfinite(dist))
                throw ModelStateError("agglomerative: 'linkage_matrix' row " + std::to_string(i)
                    + " has an invalid distance");
            used[static_cast<std::size_t>(ca)] = used[static_cast<std::size_t>(cb)] = 1;
            size[n + i] = size[static_cast<std::size_t>(ca)] + size[static_cast<std::size_t>(cb)];
            if (a.m_linkage(i, 3) != size[n + i])
                throw ModelStateError("agglomerative: 'linkage_matrix' row " + std::to_string(i)
                    + " has a wrong size");
        }
        a.m_centroids = s.matrix("centroids", o.clusters, -1);
        if (a.m_centroids.cols() < 1 || !a.m_centroids.allFinite())
            throw ModelStateError(
                "agglomerative: 'centroids' must have at least one column of finite values");
    }
    *this = std::move(a);
}

std::unique_ptr<Estimator> AgglomerativeClustering::cloneUnfitted() const
{
    return std::make_unique<AgglomerativeClustering>(m_options);
}

} // namespace sextant::engine
