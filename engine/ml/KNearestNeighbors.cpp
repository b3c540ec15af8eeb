#include "ml/KNearestNeighbors.h"

#include "core/Parallel.h"
#include "ml/KnnKernels.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <string>

namespace sextant::engine {

using namespace knnkernels;

// Exact KD-tree over a row-major permuted copy of the training rows.
struct KNearestNeighbors::KdTree {
    struct Node {
        std::int64_t begin = 0, end = 0; // rows [begin, end) of `order`
        std::int64_t left = -1, right = -1;
    };
    int d = 0;
    bool manhattan = false;
    std::vector<double> data; // n x d, row-major, in `order`
    std::vector<std::int64_t> order; // position -> training row
    std::vector<Node> nodes;
    std::vector<double> lo, hi; // per node: d bounds

    void build(const Eigen::Ref<const Eigen::MatrixXd> &X, int leafSize, bool useManhattan)
    {
        d = static_cast<int>(X.cols());
        manhattan = useManhattan;
        const std::int64_t n = X.rows();
        order.resize(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), std::int64_t(0));
        nodes.clear();
        lo.clear();
        hi.clear();
        std::vector<std::pair<std::int64_t, std::int64_t>> stack;
        nodes.push_back({ 0, n, -1, -1 });
        stack.push_back({ 0, 0 });
        while (!stack.empty()) {
            const std::int64_t id = stack.back().first;
            stack.pop_back();
            const std::int64_t b = nodes[id].begin, e = nodes[id].end;
            // Bounding box.
            std::vector<double> l(static_cast<std::size_t>(d), kInf),
                h(static_cast<std::size_t>(d), -kInf);
            for (std::int64_t i = b; i < e; ++i)
                for (int j = 0; j < d; ++j) {
                    const double v = X(order[i], j);
                    l[j] = std::min(l[j], v);
                    h[j] = std::max(h[j], v);
                }
            if (static_cast<std::int64_t>(lo.size()) < (id + 1) * d) {
                lo.resize(static_cast<std::size_t>((id + 1) * d));
                hi.resize(static_cast<std::size_t>((id + 1) * d));
            }
            std::copy(l.begin(), l.end(), lo.begin() + id * d);
            std::copy(h.begin(), h.end(), hi.begin() + id * d);
            if (e - b <= leafSize)
                continue;
            int dim = 0;
            for (int j = 1; j < d; ++j)
                if (h[j] - l[j] > h[dim] - l[dim])
                    dim = j;
            if (!(h[dim] > l[dim]))
                continue; // all points equal: leaf
            const std::int64_t mid = b + (e - b) / 2;
            std::nth_element(order.begin() + b, order.begin() + mid, order.begin() + e,
                [&](std::int64_t a, std::int64_t c) {
                    const double va = X(a, dim), vc = X(c, dim);
                    return va < vc || (va == vc && a < c);
                });
            const std::int64_t left = static_cast<std::int64_t>(nodes.size());
            nodes.push_back({ b, mid, -1, -1 });
            nodes.push_back({ mid, e, -1, -1 });
            nodes[id].left = left;
            nodes[id].right = left + 1;
            stack.push_back({ left, 0 });
            stack.push_back({ left + 1, 0 });
        }
        data.resize(static_cast<std::size_t>(n * d));
        for (std::int64_t i = 0; i < n; ++i)
            for (int j = 0; j < d; ++j)
                data[static_cast<std::size_t>(i * d + j)] = X(order[i], j);
    }

    double bound(std::int64_t node, const double *q) const
    {
        const double *l = lo.data() + node * d;
        const double *h = hi.data() + node * d;
        double s = 0;
        for (int j = 0; j < d; ++j) {
            double gap = 0;
            if (q[j] < l[j])
                gap = l[j] - q[j];
            else if (q[j] > h[j])
                gap = q[j] - h[j];
            s += manhattan ? gap : gap * gap;
        }
        return s;
    }

    double distance(const double *q, std::int64_t pos) const
    {
        const double *x = data.data() + pos * d;
        double s = 0;
        for (int j = 0; j < d; ++j) {
            const double diff = q[j] - x[j];
            s += manhattan ? std::abs(diff) : diff * diff;
        }
        return s;
    }

    void query(std::int64_t node, double nodeBound, const double *q, TopK &top) const
    {
        if (nodeBound > top.worst())
            return;
        const Node &nd = nodes[static_cast<std::size_t>(node)];
        if (nd.left < 0) {
            for (std::int64_t i = nd.begin; i < nd.end; ++i)
                top.insert(distance(q, i), order[static_cast<std::size_t>(i)]);
            return;
        }
        const double bl = bound(nd.left, q), br = bound(nd.right, q);
        if (bl <= br) {
            query(nd.left, bl, q, top);
            query(nd.right, br, q, top);
        } else {
            query(nd.right, br, q, top);
            query(nd.left, bl, q, top);
        }
    }
};

KNearestNeighbors::KNearestNeighbors(Options options) : m_options(options)
{
}

KNearestNeighbors::~KNearestNeighbors() = default;

void KNearestNeighbors::clear()
{
    m_rows = 0;
    m_features = 0;
    m_classCount = 0;
    m_panels = 0;
    m_panelData.clear();
    m_norms.clear();
    m_maxNorm = 0;
    m_maxAbs = 0;
    m_floatPanels = 0;
    m_floatData.clear();
    m_floatNorms.clear();
    m_y.resize(0);
    m_tree.reset();
    m_k = 0;
    m_looScores.clear();
}

std::unique_ptr<Estimator> KNearestNeighbors::cloneUnfitted() const
{
    return std::make_unique<KNearestNeighbors>(m_options);
}

KNearestNeighbors::Options::Algorithm KNearestNeighbors::effectiveAlgorithm() const
{
    if (m_options.algorithm != Options::Algorithm::Auto)
        return m_options.algorithm;
    return m_features <= 10 ? Options::Algorithm::KdTree : Options::Algorithm::Brute;
}

static void validateOptions(const KNearestNeighborsOptions &o)
{
    if (o.task != EstimatorTask::Classification && o.task != EstimatorTask::Regression)
        throw FitError("k-NN: the task must be classification or regression");
    if (!o.chooseK && o.k < 1)
        throw FitError("k-NN: k must be at least 1");
    if (o.chooseK && o.maxK < 1)
        throw FitError("k-NN: the largest k tried must be at least 1");
    if (o.leafSize < 1)
        throw FitError("k-NN: the leaf size must be at least 1");
}

bool KNearestNeighbors::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    clear();
    validateOptions(m_options);
    if (X.rows() == 0 || X.cols() == 0)
        throw FitError("k-NN: the training data is empty");
    if (y.size() != X.rows())
        throw FitError("k-NN: " + std::to_string(X.rows()) + " rows but " + std::to_string(y.size())
            + " target values");
    if (!m_options.chooseK && m_options.k > X.rows())
        throw FitError("k-NN: k = " + std::to_string(m_options.k) + " is more than the "
            + std::to_string(X.rows()) + " training rows");
    if (!X.allFinite())
        throw FitError("k-NN: the training data holds a missing or non-finite value");
    if (!y.allFinite())
        throw FitError("k-NN: the target holds a missing or non-finite value");
    int classCount = 0;
    if (m_options.task == EstimatorTask::Classification) {
        double maxLabel = 0;
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            if (y(i) < 0 || y(i) != std::floor(y(i)) || y(i) > 1e6)
                throw FitError(
                    "k-NN: the target must hold class codes 0, 1, 2... for classification");
            maxLabel = std::max(maxLabel, y(i));
        }
        classCount = std::max(context.classCount, static_cast<int>(maxLabel) + 1);
    }
    if (context.cancelled())
        return false;
    m_threads = context.threads;
    build(X, y, classCount, &context);
    if (!context.cancelled() && m_options.chooseK)
        chooseByLeaveOneOut(X, context);
    if (context.cancelled()) {
        clear();
        return false;
    }
    return true;
}

namespace {

// Neighbour weights like scikit-learn's _get_weights: 1/distance, and when a neighbour is at
// distance 0, weight 1 for those at 0 and 0 for the others.
void neighbourWeights(bool byDistance, const double *dist, int k, double *w)
{
    if (!byDistance) {
        std::fill(w, w + k, 1.0);
        return;
    }
    bool zero = false;
    for (int c = 0; c < k; ++c)
        zero = zero || dist[c] == 0;
    for (int c = 0; c < k; ++c)
        w[c] = zero ? (dist[c] == 0 ? 1.0 : 0.0) : 1.0 / dist[c];
}

} // namespace

void KNearestNeighbors::chooseByLeaveOneOut(
    const Eigen::Ref<const Eigen::MatrixXd> &X, const FitContext &context)
{
    const std::int64_t n = m_rows;
    const int maxK = static_cast<int>(std::min<std::int64_t>(m_options.maxK, n - 1));
    if (maxK < 1) {
        m_k = 1; // a single training row: nothing to leave out
        return;
    }
    // The scored rows: all of them, or kLeaveOneOutRows evenly spaced ones.
    const std::int64_t q = std::min(n, kLeaveOneOutRows);
    std::vector<std::int64_t> rows(static_cast<std::size_t>(q));
    for (std::int64_t i = 0; i < q; ++i)
        rows[static_cast<std::size_t>(i)] = q == n ? i : i * n / q;
    Eigen::MatrixXd Q(q, X.cols());
    for (std::int64_t i = 0; i < q; ++i)
        Q.row(i) = X.row(rows[static_cast<std::size_t>(i)]);
    const int searched = maxK + 1;
    std::vector<std::int64_t> idx;
    std::vector<double> dist;
    search(Q, searched, idx, dist);
    if (context.cancelled())
        return;
    const bool euclidean = m_options.metric == Options::Metric::Euclidean;
    const bool byDistance = m_options.weights == Options::Weights::Distance;
    const bool classes = m_options.task == EstimatorTask::Classification;
    std::vector<double> score(static_cast<std::size_t>(maxK), 0.0);
    std::vector<std::int64_t> nb(static_cast<std::size_t>(maxK));
    std::vector<double> dd(static_cast<std::size_t>(maxK)), w(static_cast<std::size_t>(maxK));
    std::vector<double> votes(static_cast<std::size_t>(std::max(1, m_classCount)));
    for (std::int64_t i = 0; i < q; ++i) {
        // The row's neighbours without itself (when a run of duplicates pushes it out of the
        // searched ones, the farthest is dropped instead: it is at distance 0 like them).
        const std::int64_t self = rows[static_cast<std::size_t>(i)];
        int kept = 0;
        bool dropped = false;
        for (int c = 0; c < searched && kept < maxK; ++c) {
            const std::size_t at = static_cast<std::size_t>(i * searched + c);
            if (!dropped && idx[at] == self) {
                dropped = true;
                continue;
            }
            nb[static_cast<std::size_t>(kept)] = idx[at];
            dd[static_cast<std::size_t>(kept)] = euclidean ? std::sqrt(dist[at]) : dist[at];
            ++kept;
        }
        // Weights of the first k neighbours depend on k only through "is any at distance 0",
        // which the nearest one decides: one weight vector serves every k.
        const bool zero = byDistance && dd[0] == 0;
        for (int c = 0; c < maxK; ++c)
            w[static_cast<std::size_t>(c)] = !byDistance ? 1.0
                : zero ? (dd[static_cast<std::size_t>(c)] == 0 ? 1.0 : 0.0)
                       : 1.0 / dd[static_cast<std::size_t>(c)];
        const double truth = m_y(self);
        if (classes) {
            std::fill(votes.begin(), votes.end(), 0.0);
            int best = 0;
            for (int c = 0; c < maxK; ++c) {
                const int label = static_cast<int>(m_y(nb[static_cast<std::size_t>(c)]));
                votes[static_cast<std::size_t>(label)] += w[static_cast<std::size_t>(c)];
                // The first maximum (the lowest class code), as predict() picks it.
                best = 0;
                for (int l = 1; l < m_classCount; ++l)
                    if (votes[static_cast<std::size_t>(l)] > votes[static_cast<std::size_t>(best)])
                        best = l;
                score[static_cast<std::size_t>(c)] += best == truth ? 1.0 : 0.0;
            }
        } else {
            double num = 0, den = 0;
            for (int c = 0; c < maxK; ++c) {
                num += m_y(nb[static_cast<std::size_t>(c)]) * w[static_cast<std::size_t>(c)];
                den += w[static_cast<std::size_t>(c)];
                const double e = (den > 0 ? num / den : 0.0) - truth;
                score[static_cast<std::size_t>(c)] += e * e;
            }
        }
    }
    for (double &v : score)
        v /= static_cast<double>(q);
    int chosen = 1;
    for (int k = 2; k <= maxK; ++k) {
        const double v = score[static_cast<std::size_t>(k - 1)];
        const double b = score[static_cast<std::size_t>(chosen - 1)];
        if (classes ? v >= b : v <= b)
            chosen = k;
    }
    m_k = chosen;
    m_looScores = std::move(score);
}

void KNearestNeighbors::build(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, int classCount, const FitContext *context)
{
    const std::int64_t n = X.rows();
    const int d = static_cast<int>(X.cols());
    m_features = d;
    m_classCount = classCount;
    m_y = y;
    const bool tree = effectiveAlgorithm() == Options::Algorithm::KdTree;
    const bool panels = !tree && m_options.metric == Options::Metric::Euclidean;
    if (panels || !tree) {
        // Panels (also used by the manhattan brute force for its row access).
        std::int64_t count = (n + kLanes - 1) / kLanes;
        count += (4 - count % 4) % 4; // the AVX-512 kernel takes 4 panels per step
        m_panels = count;
        m_panelData.assign(static_cast<std::size_t>(count * d * kLanes), 0.0);
        m_norms.assign(static_cast<std::size_t>(count * kLanes), kInf);
        m_maxNorm = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            if (context && (i & 0xffff) == 0 && context->cancelled())
                return;
            double *dst = m_panelData.data() + (i / kLanes) * d * kLanes + (i % kLanes);
            double s = 0;
            for (int j = 0; j < d; ++j) {
                const double v = X(i, j);
                dst[j * kLanes] = v;
                s += v * v;
            }
            m_norms[static_cast<std::size_t>(i)] = s;
            m_maxNorm = std::max(m_maxNorm, s);
        }
        m_maxAbs = m_panelData.empty() ? 0.0 : X.cwiseAbs().maxCoeff();
        // Float panels for the single-precision screening (euclidean, values in range).
        if (m_options.metric == Options::Metric::Euclidean && m_maxAbs <= kFloatLimit) {
            std::int64_t fcount = (n + kLanesF - 1) / kLanesF;
            fcount += (4 - fcount % 4) % 4;
            m_floatPanels = fcount;
            m_floatData.assign(static_cast<std::size_t>(fcount * d * kLanesF), 0.0f);
            m_floatNorms.assign(
                static_cast<std::size_t>(fcount * kLanesF), std::numeric_limits<float>::infinity());
            for (std::int64_t i = 0; i < n; ++i) {
                float *dst = m_floatData.data() + (i / kLanesF) * d * kLanesF + (i % kLanesF);
                for (int j = 0; j < d; ++j)
                    dst[j * kLanesF] = static_cast<float>(X(i, j));
                m_floatNorms[static_cast<std::size_t>(i)]
                    = static_cast<float>(m_norms[static_cast<std::size_t>(i)]);
            }
        }
    }
    if (tree) {
        m_tree = std::make_unique<KdTree>();
        m_tree->build(X, m_options.leafSize, m_options.metric == Options::Metric::Manhattan);
    }
    m_rows = n;
    m_k = m_options.chooseK ? static_cast<int>(std::min<std::int64_t>(m_options.maxK, n))
                            : m_options.k;
}

void KNearestNeighbors::checkQuery(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    if (!X.allFinite())
        throw FitError("k-NN: the data holds a missing or non-finite value");
}

void KNearestNeighbors::search(const Eigen::Ref<const Eigen::MatrixXd> &X, int k,
    std::vector<std::int64_t> &idx, std::vector<double> &dist) const
{
    checkQuery(X);
    const std::int64_t nq = X.rows();
    const int d = m_features;
    idx.assign(static_cast<std::size_t>(nq * k), -1);
    dist.assign(static_cast<std::size_t>(nq * k), kInf);
    const bool manhattan = m_options.metric == Options::Metric::Manhattan;
    const Options::Algorithm algorithm = effectiveAlgorithm();
    FitContext threadsOnly;
    threadsOnly.threads = m_threads;
    const int threads = threadsOnly.threadCount();
    const Kernel kernel = pickKernel();

    parallelChunks(0, nq, threads, kQueryBlock, [&](int, std::int64_t begin, std::int64_t end) {
        std::vector<double> q(static_cast<std::size_t>(kQueryBlock * d), 0.0);
        std::vector<float> qf(static_cast<std::size_t>(kQueryBlock * d), 0.0f);
        std::vector<TopK> tops;
        for (std::int64_t qb = begin; qb < end; qb += kQueryBlock) {
            const std::int64_t count = std::min(kQueryBlock, end - qb);
            tops.clear();
            for (std::int64_t i = 0; i < count; ++i) {
                TopK t;
                t.dist = dist.data() + (qb + i) * k;
                t.idx = idx.data() + (qb + i) * k;
                t.k = k;
                tops.push_back(t);
                for (int j = 0; j < d; ++j)
                    q[static_cast<std::size_t>(i * d + j)] = X(qb + i, j);
            }
            if (algorithm == Options::Algorithm::KdTree) {
                for (std::int64_t i = 0; i < count; ++i) {
                    const double *qi = q.data() + i * d;
                    m_tree->query(0, m_tree->bound(0, qi), qi, tops[static_cast<std::size_t>(i)]);
                }
                continue;
            }
            if (manhattan) {
                for (std::int64_t i = 0; i < count; ++i) {
                    const double *qi = q.data() + i * d;
                    TopK &t = tops[static_cast<std::size_t>(i)];
                    for (std::int64_t row = 0; row < m_rows; ++row) {
                        const double *p
                            = m_panelData.data() + (row / kLanes) * d * kLanes + (row % kLanes);
                        double s = 0;
                        for (int j = 0; j < d; ++j)
                            s += std::abs(qi[j] - p[j * kLanes]);
                        if (s < t.worst())
                            t.insert(s, row);
                    }
                }
                continue;
            }
            // Euclidean brute force: groups of kGroup queries over blocks of panels.
            double queryMaxAbs = 0;
            for (std::int64_t i = 0; i < count * d; ++i)
                queryMaxAbs = std::max(queryMaxAbs, std::abs(q[static_cast<std::size_t>(i)]));
            const bool useFloat
                = kernel == kernelAvx512 && m_floatPanels > 0 && queryMaxAbs <= kFloatLimit;
            if (useFloat)
                for (std::int64_t i = 0; i < count * d; ++i)
                    qf[static_cast<std::size_t>(i)]
                        = static_cast<float>(q[static_cast<std::size_t>(i)]);
            const std::int64_t groups = (count + kGroup - 1) / kGroup;
            std::vector<Group> gs(static_cast<std::size_t>(groups));
            for (std::int64_t g = 0; g < groups; ++g) {
                Group &G = gs[static_cast<std::size_t>(g)];
                G.panels = m_panelData.data();
                G.rows = m_rows;
                G.d = d;
                G.maxNorm = m_maxNorm;
                G.maxAbs = std::max(m_maxAbs, queryMaxAbs);
                G.active = static_cast<int>(std::min<std::int64_t>(kGroup, count - g * kGroup));
                for (int r = 0; r < kGroup; ++r) {
                    const std::int64_t i = std::min<std::int64_t>(g * kGroup + r, count - 1);
                    G.q[r] = q.data() + i * d;
                    G.top[r] = &tops[static_cast<std::size_t>(i)];
                    double s = 0;
                    for (int j = 0; j < d; ++j)
                        s += G.q[r][j] * G.q[r][j];
                    G.qnorm[r] = s;
                    G.thr[r] = r < G.active ? kInf : -kInf;
                    G.qf[r] = qf.data() + i * d;
                    G.thrf[r] = r < G.active ? std::numeric_limits<float>::infinity()
                                             : -std::numeric_limits<float>::infinity();
                }
            }
            if (useFloat) {
                for (std::int64_t pb = 0; pb < m_floatPanels; pb += kTrainBlockF) {
                    const std::int64_t pe = std::min(m_floatPanels, pb + kTrainBlockF);
                    for (Group &G : gs)
                        kernelAvx512Float(G, m_floatData.data(), m_floatNorms.data(), pb, pe);
                }
                continue;
            }
            for (std::int64_t pb = 0; pb < m_panels; pb += kTrainBlock) {
                const std::int64_t pe = std::min(m_panels, pb + kTrainBlock);
                for (Group &G : gs)
                    kernel(G, m_norms.data(), pb, pe);
            }
        }
    });
}

void KNearestNeighbors::kNeighbors(const Eigen::Ref<const Eigen::MatrixXd> &X,
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> *indices,
    Eigen::MatrixXd *distances) const
{
    std::vector<std::int64_t> idx;
    std::vector<double> dist;
    search(X, m_k, idx, dist);
    const int k = m_k;
    const bool euclidean = m_options.metric == Options::Metric::Euclidean;
    if (indices)
        indices->resize(X.rows(), k);
    if (distances)
        distances->resize(X.rows(), k);
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        for (int c = 0; c < k; ++c) {
            const std::size_t at = static_cast<std::size_t>(i * k + c);
            if (indices)
                (*indices)(i, c) = idx[at];
            if (distances)
                (*distances)(i, c) = euclidean ? std::sqrt(dist[at]) : dist[at];
        }
}

Eigen::MatrixXd KNearestNeighbors::probabilitiesFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    std::vector<std::int64_t> idx;
    std::vector<double> dist;
    search(X, m_k, idx, dist);
    const int k = m_k;
    const bool euclidean = m_options.metric == Options::Metric::Euclidean;
    const bool byDistance = m_options.weights == Options::Weights::Distance;
    Eigen::MatrixXd P = Eigen::MatrixXd::Zero(X.rows(), m_classCount);
    std::vector<double> dd(static_cast<std::size_t>(k)), w(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        for (int c = 0; c < k; ++c) {
            const double v = dist[static_cast<std::size_t>(i * k + c)];
            dd[c] = euclidean ? std::sqrt(v) : v;
        }
        neighbourWeights(byDistance, dd.data(), k, w.data());
        for (int c = 0; c < k; ++c)
            P(i, static_cast<Eigen::Index>(m_y(idx[static_cast<std::size_t>(i * k + c)]))) += w[c];
        double norm = P.row(i).sum();
        if (norm == 0)
            norm = 1;
        P.row(i) /= norm;
    }
    return P;
}

Eigen::VectorXd KNearestNeighbors::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const int k = m_k;
    Eigen::VectorXd out(X.rows());
    if (m_options.task == EstimatorTask::Classification) {
        // Vote totals (unnormalised, like scikit-learn's mode / weighted_mode); the first
        // maximum wins, i.e. the lowest class code.
        std::vector<std::int64_t> idx;
        std::vector<double> dist;
        search(X, m_k, idx, dist);
        const bool euclidean = m_options.metric == Options::Metric::Euclidean;
        const bool byDistance = m_options.weights == Options::Weights::Distance;
        std::vector<double> dd(static_cast<std::size_t>(k)), w(static_cast<std::size_t>(k)),
            votes(static_cast<std::size_t>(m_classCount));
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            for (int c = 0; c < k; ++c) {
                const double v = dist[static_cast<std::size_t>(i * k + c)];
                dd[c] = euclidean ? std::sqrt(v) : v;
            }
            neighbourWeights(byDistance, dd.data(), k, w.data());
            std::fill(votes.begin(), votes.end(), 0.0);
            for (int c = 0; c < k; ++c)
                votes[static_cast<std::size_t>(m_y(idx[static_cast<std::size_t>(i * k + c)]))]
                    += w[c];
            int best = 0;
            for (int c = 1; c < m_classCount; ++c)
                if (votes[c] > votes[best])
                    best = c;
            out(i) = best;
        }
        return out;
    }
    std::vector<std::int64_t> idx;
    std::vector<double> dist;
    search(X, m_k, idx, dist);
    const bool euclidean = m_options.metric == Options::Metric::Euclidean;
    const bool byDistance = m_options.weights == Options::Weights::Distance;
    std::vector<double> dd(static_cast<std::size_t>(k)), w(static_cast<std::size_t>(k));
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        if (!byDistance) {
            double s = 0;
            for (int c = 0; c < k; ++c)
                s += m_y(idx[static_cast<std::size_t>(i * k + c)]);
            out(i) = s / k;
            continue;
        }
        for (int c = 0; c < k; ++c) {
            const double v = dist[static_cast<std::size_t>(i * k + c)];
            dd[c] = euclidean ? std::sqrt(v) : v;
        }
        neighbourWeights(true, dd.data(), k, w.data());
        double num = 0, den = 0;
        for (int c = 0; c < k; ++c) {
            num += m_y(idx[static_cast<std::size_t>(i * k + c)]) * w[c];
            den += w[c];
        }
        out(i) = num / den;
    }
    return out;
}

ModelState KNearestNeighbors::state() const
{
    ModelState s;
    s.kind = kKind;
    s.version = 1;
    s.setNumber("task", m_options.task == EstimatorTask::Regression ? 1 : 0);
    // "k" is the k predictions use (the chosen one with choose_k); files without choose_k
    // (written before it existed) used a fixed k.
    s.setNumber("k", isFitted() ? m_k : m_options.k);
    s.setNumber("choose_k", m_options.chooseK ? 1 : 0);
    s.setNumber("max_k", m_options.maxK);
    s.setNumber("weights", m_options.weights == Options::Weights::Distance ? 1 : 0);
    s.setNumber("metric", m_options.metric == Options::Metric::Manhattan ? 1 : 0);
    s.setNumber("algorithm", static_cast<double>(static_cast<int>(m_options.algorithm)));
    s.setNumber("leaf_size", m_options.leafSize);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (!isFitted())
        return s;
    s.setNumber("class_count", m_classCount);
    // Training rows back from the panels (exact copies).
    std::vector<double> x(static_cast<std::size_t>(m_rows * m_features));
    if (!m_panelData.empty()) {
        for (std::int64_t i = 0; i < m_rows; ++i)
            for (int j = 0; j < m_features; ++j)
                x[static_cast<std::size_t>(i * m_features + j)]
                    = m_panelData[static_cast<std::size_t>(
                        (i / kLanes) * m_features * kLanes + j * kLanes + i % kLanes)];
    } else {
        for (std::int64_t pos = 0; pos < m_rows; ++pos) {
            const std::int64_t row = m_tree->order[static_cast<std::size_t>(pos)];
            for (int j = 0; j < m_features; ++j)
                x[static_cast<std::size_t>(row * m_features + j)]
                    = m_tree->data[static_cast<std::size_t>(pos * m_features + j)];
        }
    }
    s.setArray("x", { m_rows, m_features }, std::move(x));
    s.setVector("y", m_y);
    return s;
}

void KNearestNeighbors::restore(const ModelState &s)
{
    s.requireKind(kKind, 1);
    Options o;
    o.task
        = s.integer("task", 0, 1) == 1 ? EstimatorTask::Regression : EstimatorTask::Classification;
    o.k = static_cast<int>(s.integer("k", 1, 1 << 30));
    if (s.has("choose_k")) {
        o.chooseK = s.integer("choose_k", 0, 1) == 1;
        o.maxK = static_cast<int>(s.integer("max_k", 1, 1 << 30));
    }
    o.weights
        = s.integer("weights", 0, 1) == 1 ? Options::Weights::Distance : Options::Weights::Uniform;
    o.metric
        = s.integer("metric", 0, 1) == 1 ? Options::Metric::Manhattan : Options::Metric::Euclidean;
    o.algorithm = static_cast<Options::Algorithm>(s.integer("algorithm", 0, 2));
    o.leafSize = static_cast<int>(s.integer("leaf_size", 1, 1 << 30));
    const bool fitted = s.integer("fitted", 0, 1) == 1;
    if (!fitted) {
        clear();
        m_options = o;
        return;
    }
    const int classCount = o.task == EstimatorTask::Classification
        ? static_cast<int>(s.integer("class_count", 1, 1000000))
        : static_cast<int>(s.integer("class_count", 0, 0));
    const Eigen::MatrixXd X = s.matrix("x");
    if (X.rows() < o.k || X.cols() < 1)
        throw ModelStateError("knn: 'x' is " + std::to_string(X.rows()) + " x "
            + std::to_string(X.cols()) + ", expected at least k = " + std::to_string(o.k)
            + " rows and one column");
    if (!X.allFinite())
        throw ModelStateError("knn: 'x' holds a non-finite value");
    const Eigen::VectorXd y = s.vector("y", X.rows());
    if (!y.allFinite())
        throw ModelStateError("knn: 'y' holds a non-finite value");
    if (o.task == EstimatorTask::Classification)
        for (Eigen::Index i = 0; i < y.size(); ++i)
            if (!(y(i) >= 0 && y(i) < classCount) || y(i) != std::floor(y(i)))
                throw ModelStateError("knn: 'y' entry " + std::to_string(i)
                    + " is not a class code below " + std::to_string(classCount));
    clear();
    m_options = o;
    build(X, y, classCount, nullptr);
    m_k = o.k; // the k chosen when the model was fitted
}

} // namespace sextant::engine
