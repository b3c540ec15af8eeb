#include "ml/Tsne.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace sextant::engine {

namespace {

constexpr int kExplorationIter = 250;
constexpr int kCheckEvery = 50;
constexpr int kIterWithoutProgress = 300;
constexpr double kMinGradNorm = 1e-7;
constexpr double kMinGain = 0.01;
constexpr double kMachineEpsilon = std::numeric_limits<double>::epsilon();
constexpr double kFloatTiny = 1.1754943508222875e-38; // numpy float32 tiny, as scikit-learn

int threadCount(int requested)
{
    if (requested > 0)
        return requested;
    return defaultThreadCount();
}

// Rows per block of the parallel loops. Partial sums are kept per block and added in block
// order, so the results do not depend on the number of threads.
constexpr std::int64_t kBlock = 256;

std::int64_t blockCount(std::int64_t n)
{
    return (n + kBlock - 1) / kBlock;
}

// Sparse symmetric affinities, CSR.
struct Affinity {
    std::int64_t column;
    double value;
    auto operator<=>(const Affinity &) const = default; // by column, then value
};

struct Affinities {
    std::vector<std::int64_t> start; // n + 1
    std::vector<Affinity> entries; // row i's: [start[i], start[i + 1])
};

// The k nearest neighbours of every row (squared distances, ascending, ties by index),
// self excluded. Distances |x|^2 + |y|^2 - 2 x.y from matrix products of a block of
// queries with a tile of the rows (each query a contiguous column), a bounded max-heap per
// query.
void neighbours(const Eigen::Ref<const Eigen::MatrixXd> &X, int k, int threads,
    const std::atomic<bool> *cancel, std::vector<std::int64_t> &index, std::vector<double> &sq)
{
    const Eigen::Index n = X.rows();
    index.assign(static_cast<std::size_t>(n * k), 0);
    sq.assign(static_cast<std::size_t>(n * k), 0.0);
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    constexpr Eigen::Index kQueries = 128;
    constexpr Eigen::Index kTile = 2048;
    const Eigen::Index blocks = (n + kQueries - 1) / kQueries;
    using Entry = std::pair<double, std::int64_t>; // (squared distance, row)
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
        Eigen::MatrixXd G(std::min(kTile, n), kQueries);
        std::vector<Entry> heaps(static_cast<std::size_t>(kQueries * k));
        std::vector<int> sizes(static_cast<std::size_t>(kQueries));
        std::vector<double> dist(static_cast<std::size_t>(std::min(kTile, n)));
        for (std::int64_t b = b0; b < b1; ++b) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const Eigen::Index r0 = b * kQueries;
            const Eigen::Index rows = std::min(kQueries, n - r0);
            std::fill(sizes.begin(), sizes.end(), 0);
            for (Eigen::Index t0 = 0; t0 < n; t0 += kTile) {
                const Eigen::Index tile = std::min(kTile, n - t0);
                G.topLeftCorner(tile, rows).noalias()
                    = -2.0 * X.middleRows(t0, tile) * X.middleRows(r0, rows).transpose();
                for (Eigen::Index q = 0; q < rows; ++q) {
                    const std::int64_t row = r0 + q;
                    const double nq = norms[row];
                    const double *g = G.col(q).data();
                    for (Eigen::Index j = 0; j < tile; ++j)
                        dist[static_cast<std::size_t>(j)] = (g[j] + nq) + norms[t0 + j];
                    Entry *heap = heaps.data() + q * k;
                    int &size = sizes[static_cast<std::size_t>(q)];
                    Eigen::Index j = 0;
                    for (; j < tile && size < k; ++j) {
                        if (t0 + j == row)
                            continue; // not its own neighbour
                        heap[size++] = { dist[static_cast<std::size_t>(j)], t0 + j };
                        std::push_heap(heap, heap + size);
                    }
                    // Rows come in ascending order: a later row with the same distance as the
                    // heap's largest entry does not replace it.
                    double worst = size == k ? heap[0].first : 0;
                    for (; j < tile; ++j) {
                        const double dj = dist[static_cast<std::size_t>(j)];
                        if (dj >= worst || t0 + j == row)
                            continue;
                        std::pop_heap(heap, heap + k);
                        heap[k - 1] = { dj, t0 + j };
                        std::push_heap(heap, heap + k);
                        worst = heap[0].first;
                    }
                }
            }
            for (Eigen::Index q = 0; q < rows; ++q) {
                Entry *heap = heaps.data() + q * k;
                std::sort_heap(heap, heap + k);
                const std::int64_t row = r0 + q;
                for (int j = 0; j < k; ++j) {
                    index[static_cast<std::size_t>(row * k + j)] = heap[j].second;
                    sq[static_cast<std::size_t>(row * k + j)] = std::max(0.0, heap[j].first);
                }
            }
        }
    });
}

// scikit-learn's _binary_search_perplexity: per row, the conditional P whose entropy is
// log(perplexity), over the row's neighbours.
void conditionalP(const std::vector<double> &sq, std::int64_t n, int k, double perplexity,
    int threads, std::vector<double> &P)
{
    constexpr int kSteps = 100;
    constexpr double kTol = 1e-5;
    constexpr double kEpsilon = 1e-8;
    const double desired = std::log(perplexity);
    P.assign(sq.size(), 0.0);
    parallelChunks(0, n, threads, kBlock, [&](int, std::int64_t r0, std::int64_t r1) {
        for (std::int64_t i = r0; i < r1; ++i) {
            double betaMin = -std::numeric_limits<double>::infinity();
            double betaMax = std::numeric_limits<double>::infinity();
            double beta = 1.0;
            const double *d = sq.data() + i * k;
            double *p = P.data() + i * k;
            for (int step = 0; step < kSteps; ++step) {
                double sum = 0;
                for (int j = 0; j < k; ++j) {
                    p[j] = std::exp(-d[j] * beta);
                    sum += p[j];
                }
                if (sum == 0.0)
                    sum = kEpsilon;
                double sumDP = 0;
                for (int j = 0; j < k; ++j) {
                    p[j] /= sum;
                    sumDP += d[j] * p[j];
                }
                const double entropy = std::log(sum) + beta * sumDP;
                const double diff = entropy - desired;
                if (std::abs(diff) <= kTol)
                    break;
                if (diff > 0) {
                    betaMin = beta;
                    beta = std::isinf(betaMax) ? beta * 2.0 : (beta + betaMax) / 2.0;
                } else {
                    betaMax = beta;
                    beta = std::isinf(betaMin) ? beta / 2.0 : (beta + betaMin) / 2.0;
                }
            }
        }
    });
}

// P + P^T, normalized to sum 1, as CSR (columns ascending).
Affinities symmetrize(
    const std::vector<std::int64_t> &index, const std::vector<double> &cond, std::int64_t n, int k)
{
    // Every row's own neighbours and the rows that have it as a neighbour, then per row
    // sorted by column with the duplicates added.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n + 1), 0);
    for (std::int64_t i = 0; i < n; ++i) {
        start[static_cast<std::size_t>(i + 1)] += k;
        for (int j = 0; j < k; ++j)
            ++start[static_cast<std::size_t>(index[static_cast<std::size_t>(i * k + j)] + 1)];
    }
    for (std::int64_t i = 0; i < n; ++i)
        start[static_cast<std::size_t>(i + 1)] += start[static_cast<std::size_t>(i)];
    Affinities a;
    a.entries.resize(static_cast<std::size_t>(start[static_cast<std::size_t>(n)]));
    std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
    for (std::int64_t i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            const std::int64_t c = index[static_cast<std::size_t>(i * k + j)];
            const double v = cond[static_cast<std::size_t>(i * k + j)];
            a.entries[static_cast<std::size_t>(fill[static_cast<std::size_t>(i)]++)] = { c, v };
            a.entries[static_cast<std::size_t>(fill[static_cast<std::size_t>(c)]++)] = { i, v };
        }
    // Sorted and merged in place: a row's merged entries are written at or before the ones
    // still to be read.
    a.start.reserve(static_cast<std::size_t>(n + 1));
    a.start.push_back(0);
    auto out = a.entries.begin();
    double total = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        const auto first = a.entries.begin() + start[static_cast<std::size_t>(i)];
        const auto last = a.entries.begin() + start[static_cast<std::size_t>(i + 1)];
        std::sort(first, last);
        for (auto e = first; e != last;) {
            const std::int64_t column = e->column;
            double v = 0;
            while (e != last && e->column == column)
                v += (e++)->value;
            *out++ = { column, v };
            total += v;
        }
        a.start.push_back(out - a.entries.begin());
    }
    a.entries.erase(out, a.entries.end());
    total = std::max(total, kMachineEpsilon);
    for (Affinity &e : a.entries)
        e.value /= total;
    return a;
}

// A quadtree over the embedding for the repulsive forces, rebuilt every iteration into flat
// arrays: the points sorted by their Morton code (cells at every depth are then contiguous
// ranges), the nodes in depth-first order, each with the index just past its subtree, so
// the traversal needs no stack. A node is the smallest cell holding its points (a cell
// with a single non-empty quadrant is that quadrant: same points, same centre of mass, a
// narrower width, so the same forces); a cell of at most kLeafSize points is a leaf whose
// points are summed exactly when it is too near to count as one.
class QuadTree {
public:
    // y: the embedding, interleaved (x0, y0, x1, y1, ...).
    void build(const double *y, std::int64_t n)
    {
        double x0 = y[0], x1 = y[0], y0 = y[1], y1 = y[1];
        for (std::int64_t i = 1; i < n; ++i) {
            x0 = std::min(x0, y[2 * i]);
            x1 = std::max(x1, y[2 * i]);
            y0 = std::min(y0, y[2 * i + 1]);
            y1 = std::max(y1, y[2 * i + 1]);
        }
        m_width = std::max({ x1 - x0, y1 - y0, 1e-12 }) * (1 + 1e-9);
        const double scale = std::ldexp(1.0, kBits) / m_width;
        constexpr double kMaxCell = static_cast<double>((std::uint64_t(1) << kBits) - 1);
        const auto sz = static_cast<std::size_t>(n);
        m_codes.resize(sz);
        m_order.resize(sz);
        m_scratchCodes.resize(sz);
        m_scratchOrder.resize(sz);
        // The cell of a coordinate at the finest depth (0 for a NaN: no undefined cast).
        const auto cell = [&](double offset) {
            const double c = std::floor(offset * scale);
            return c >= 0 ? static_cast<std::uint64_t>(std::min(c, kMaxCell)) : std::uint64_t(0);
        };
        for (std::int64_t i = 0; i < n; ++i) {
            m_codes[static_cast<std::size_t>(i)]
                = spread(cell(y[2 * i] - x0)) | (spread(cell(y[2 * i + 1] - y0)) << 1);
            m_order[static_cast<std::size_t>(i)] = i;
        }
        radixSort();
        m_x.resize(sz);
        m_y.resize(sz);
        for (std::size_t s = 0; s < sz; ++s) {
            m_x[s] = y[2 * m_order[s]];
            m_y[s] = y[2 * m_order[s] + 1];
        }
        m_nodes.clear();
        m_nodes.reserve(sz);
        double sx, sy;
        emit(0, n, sx, sy);
    }

    // The repulsion on the points at sorted positions [s0, s1): sum over the others of
    // q^2 (y_i - y_j), written to neg (interleaved, by row); returns the sum of q,
    // q = 1 / (1 + |y_i - y_j|^2).
    double repulsion(std::int64_t s0, std::int64_t s1, double theta2, double *neg) const
    {
        const Node *nodes = m_nodes.data();
        const auto count = static_cast<std::int64_t>(m_nodes.size());
        const double *px = m_x.data();
        const double *py = m_y.data();
        double sumQ = 0;
        for (std::int64_t s = s0; s < s1; ++s) {
            const double xi = px[s], yi = py[s];
            double fx = 0, fy = 0;
            std::int64_t id = 0;
            while (id < count) {
                const Node &node = nodes[id];
                const double dx = xi - node.cx, dy = yi - node.cy;
                const double d2 = dx * dx + dy * dy;
                // A leaf holding the point itself is never one point.
                if (node.width2 < theta2 * d2 && !(node.leaf && s >= node.begin && s < node.end)) {
                    const double q = 1.0 / (1.0 + d2);
                    const double cq = node.count * q;
                    sumQ += cq;
                    fx += cq * q * dx;
                    fy += cq * q * dy;
                    id = node.skip;
                } else if (node.leaf) {
                    for (std::int64_t p = node.begin; p < node.end; ++p) {
                        if (p == s)
                            continue;
                        const double ex = xi - px[p], ey = yi - py[p];
                        const double q = 1.0 / (1.0 + ex * ex + ey * ey);
                        sumQ += q;
                        fx += q * q * ex;
                        fy += q * q * ey;
                    }
                    id = node.skip;
                } else {
                    ++id; // the first child
                }
            }
            const std::int64_t i = m_order[static_cast<std::size_t>(s)];
            neg[2 * i] = fx;
            neg[2 * i + 1] = fy;
        }
        return sumQ;
    }

private:
    static constexpr int kBits = 31; // per axis: cells down to width / 2^31
    static constexpr std::int64_t kLeafSize = 8;

    struct Node {
        double cx = 0, cy = 0; // centre of mass
        double width2 = 0; // squared width of the cell
        double count = 0;
        std::int64_t begin = 0, end = 0; // sorted positions
        std::int64_t skip = 0; // the node after this one's subtree
        bool leaf = false;
    };

    // The bits of v interleaved with zeros (bit b to bit 2b).
    static std::uint64_t spread(std::uint64_t v)
    {
        v &= 0xffffffffULL;
        v = (v | (v << 16)) & 0x0000ffff0000ffffULL;
        v = (v | (v << 8)) & 0x00ff00ff00ff00ffULL;
        v = (v | (v << 4)) & 0x0f0f0f0f0f0f0f0fULL;
        v = (v | (v << 2)) & 0x3333333333333333ULL;
        v = (v | (v << 1)) & 0x5555555555555555ULL;
        return v;
    }

    // Stable LSD radix sort of (code, row) by code, a byte per pass; a pass where every
    // code has the same byte is skipped.
    void radixSort()
    {
        const std::size_t n = m_codes.size();
        for (int shift = 0; shift < 2 * kBits; shift += 8) {
            std::size_t histogram[257] = {};
            for (std::size_t i = 0; i < n; ++i)
                ++histogram[((m_codes[i] >> shift) & 0xff) + 1];
            if (histogram[((m_codes[0] >> shift) & 0xff) + 1] == n)
                continue;
            for (int b = 0; b < 256; ++b)
                histogram[b + 1] += histogram[b];
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t to = histogram[(m_codes[i] >> shift) & 0xff]++;
                m_scratchCodes[to] = m_codes[i];
                m_scratchOrder[to] = m_order[i];
            }
            m_codes.swap(m_scratchCodes);
            m_order.swap(m_scratchOrder);
        }
    }

    // Appends the node of sorted positions [begin, end) and its subtree; returns the sums of
    // its points' coordinates in sx, sy.
    void emit(std::int64_t begin, std::int64_t end, double &sx, double &sy)
    {
        const std::uint64_t first = m_codes[static_cast<std::size_t>(begin)];
        const std::uint64_t last = m_codes[static_cast<std::size_t>(end - 1)];
        // The depth of the smallest cell holding the range: the common bit pairs of its
        // first and last codes (sorted, so of all its codes).
        const int depth = first == last
            ? kBits
            : std::min(kBits, (std::countl_zero(first ^ last) - (64 - 2 * kBits)) / 2);
        const auto id = static_cast<std::int64_t>(m_nodes.size());
        m_nodes.push_back({});
        const double w = std::ldexp(m_width, -depth);
        const bool leaf = end - begin <= kLeafSize || depth >= kBits;
        sx = 0;
        sy = 0;
        if (leaf) {
            for (std::int64_t p = begin; p < end; ++p) {
                sx += m_x[static_cast<std::size_t>(p)];
                sy += m_y[static_cast<std::size_t>(p)];
            }
        } else {
            // The quadrants at this depth: the next bit pair of the codes.
            const int shift = 2 * (kBits - 1 - depth);
            std::int64_t b = begin;
            while (b < end) {
                const std::uint64_t quadrant = m_codes[static_cast<std::size_t>(b)] >> shift;
                const auto next = std::partition_point(m_codes.begin() + b, m_codes.begin() + end,
                    [&](std::uint64_t c) { return (c >> shift) == quadrant; });
                const std::int64_t e = next - m_codes.begin();
                double cx, cy;
                emit(b, e, cx, cy);
                sx += cx;
                sy += cy;
                b = e;
            }
        }
        Node &node = m_nodes[static_cast<std::size_t>(id)];
        const double count = static_cast<double>(end - begin);
        node.cx = sx / count;
        node.cy = sy / count;
        node.width2 = w * w;
        node.count = count;
        node.begin = begin;
        node.end = end;
        node.skip = static_cast<std::int64_t>(m_nodes.size());
        node.leaf = leaf;
    }

    double m_width = 0;
    std::vector<std::uint64_t> m_codes, m_scratchCodes;
    std::vector<std::int64_t> m_order, m_scratchOrder; // sorted position -> row
    std::vector<double> m_x, m_y; // coordinates by sorted position
    std::vector<Node> m_nodes;
};

// The repulsion on rows [r0, r1) from every other row (theta 0): as QuadTree::repulsion.
double pairRepulsion(const double *y, std::int64_t n, std::int64_t r0, std::int64_t r1, double *neg)
{
    double sumQ = 0;
    for (std::int64_t i = r0; i < r1; ++i) {
        const double xi = y[2 * i], yi = y[2 * i + 1];
        double fx = 0, fy = 0;
        const auto add = [&](std::int64_t j0, std::int64_t j1) {
            for (std::int64_t j = j0; j < j1; ++j) {
                const double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                sumQ += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
        };
        add(0, i);
        add(i + 1, n);
        neg[2 * i] = fx;
        neg[2 * i + 1] = fy;
    }
    return sumQ;
}

// How klGradient computes the repulsive forces.
enum class Repulsion : std::uint8_t { Tree, Pairs };

// Buffers of klGradient, kept between iterations.
struct GradientWork {
    QuadTree tree;
    std::vector<double> neg, blockSums;
};

// The KL gradient (scikit-learn's _kl_divergence_bh): 4 (attraction - repulsion / sumQ), all
// vectors interleaved (x0, y0, x1, y1, ...); the divergence too when `kl` is set. One
// parallel pass over blocks of rows: each block's repulsion (through the tree, its rows
// taken in sorted order) and attraction (its rows of P), its sum of q kept apart.
void klGradient(const std::vector<double> &y, const Affinities &P, double exaggeration,
    double theta, Repulsion method, int threads, GradientWork &work, std::vector<double> &grad,
    double *kl, const std::atomic<bool> *cancel = nullptr)
{
    const auto n = static_cast<std::int64_t>(y.size() / 2);
    if (method == Repulsion::Tree)
        work.tree.build(y.data(), n);
    work.neg.resize(y.size());
    grad.resize(y.size());
    const std::int64_t blocks = blockCount(n);
    work.blockSums.assign(static_cast<std::size_t>(blocks), 0.0);
    const double theta2 = theta * theta;
    const double *yd = y.data();
    double *neg = work.neg.data();
    double *g = grad.data();
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
        for (std::int64_t b = b0; b < b1; ++b) {
            // A cancelled run stops within a fraction of an iteration.
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const std::int64_t r0 = b * kBlock, r1 = std::min(n, r0 + kBlock);
            work.blockSums[static_cast<std::size_t>(b)] = method == Repulsion::Tree
                ? work.tree.repulsion(r0, r1, theta2, neg)
                : pairRepulsion(yd, n, r0, r1, neg);
            for (std::int64_t i = r0; i < r1; ++i) {
                const double xi = yd[2 * i], yi = yd[2 * i + 1];
                double px = 0, py = 0;
                const std::int64_t e1 = P.start[static_cast<std::size_t>(i + 1)];
                for (std::int64_t e = P.start[static_cast<std::size_t>(i)]; e < e1; ++e) {
                    const Affinity &a = P.entries[static_cast<std::size_t>(e)];
                    const std::int64_t j = a.column;
                    const double p = a.value * exaggeration;
                    const double dx = xi - yd[2 * j], dy = yi - yd[2 * j + 1];
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    px += p * q * dx;
                    py += p * q * dy;
                }
                g[2 * i] = px;
                g[2 * i + 1] = py;
            }
        }
    });
    double sumQ = 0;
    for (double s : work.blockSums)
        sumQ += s;
    sumQ = std::max(sumQ, kMachineEpsilon);
    for (std::size_t c = 0; c < grad.size(); ++c)
        g[c] = 4.0 * (g[c] - neg[c] / sumQ);
    if (!kl)
        return;
    work.blockSums.assign(static_cast<std::size_t>(blocks), 0.0);
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
        for (std::int64_t b = b0; b < b1; ++b) {
            double C = 0;
            for (std::int64_t i = b * kBlock, r1 = std::min(n, i + kBlock); i < r1; ++i) {
                const std::int64_t e1 = P.start[static_cast<std::size_t>(i + 1)];
                for (std::int64_t e = P.start[static_cast<std::size_t>(i)]; e < e1; ++e) {
                    const Affinity &a = P.entries[static_cast<std::size_t>(e)];
                    const std::int64_t j = a.column;
                    const double p = a.value * exaggeration;
                    const double dx = yd[2 * i] - yd[2 * j], dy = yd[2 * i + 1] - yd[2 * j + 1];
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    C += p * std::log(std::max(p, kFloatTiny) / std::max(q / sumQ, kFloatTiny));
                }
            }
            work.blockSums[static_cast<std::size_t>(b)] = C;
        }
    });
    double C = 0;
    for (double s : work.blockSums)
        C += s;
    *kl = C;
}

// The affinities fit uses: the 3 * perplexity + 1 nearest neighbours, their conditional
// P, symmetrized. Empty when cancelled.
Affinities affinities(const Eigen::Ref<const Eigen::MatrixXd> &X, double perplexity, int threads,
    const std::atomic<bool> *cancel)
{
    const Eigen::Index n = X.rows();
    const int k = static_cast<int>(
        std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(3.0 * perplexity + 1.0)));
    std::vector<std::int64_t> index;
    std::vector<double> sq, cond;
    neighbours(X, k, threads, cancel, index, sq);
    if (cancel && cancel->load(std::memory_order_relaxed))
        return {};
    conditionalP(sq, n, k, perplexity, threads, cond);
    std::vector<double>().swap(sq); // not needed any more: less memory at the peak
    return symmetrize(index, cond, n, k);
}

void checkInput(const Eigen::Ref<const Eigen::MatrixXd> &X, const TsneOptions &options)
{
    const Eigen::Index n = X.rows();
    if (n < 2 || X.cols() == 0)
        throw FitError("t-SNE needs at least two rows and one column");
    if (!X.allFinite())
        throw FitError("t-SNE input holds a missing or non-finite value; impute or drop it first");
    if (!(options.perplexity > 0) || options.perplexity >= static_cast<double>(n))
        throw FitError("t-SNE perplexity must be above 0 and below the number of rows ("
            + std::to_string(n) + ")");
}

std::vector<double> interleaved(const Eigen::MatrixXd &Y)
{
    std::vector<double> y(static_cast<std::size_t>(Y.size()));
    for (Eigen::Index i = 0; i < Y.rows(); ++i) {
        y[static_cast<std::size_t>(2 * i)] = Y(i, 0);
        y[static_cast<std::size_t>(2 * i + 1)] = Y(i, 1);
    }
    return y;
}

Eigen::MatrixXd matrix(const std::vector<double> &y)
{
    const auto n = static_cast<Eigen::Index>(y.size() / 2);
    Eigen::MatrixXd Y(n, 2);
    for (Eigen::Index i = 0; i < n; ++i) {
        Y(i, 0) = y[static_cast<std::size_t>(2 * i)];
        Y(i, 1) = y[static_cast<std::size_t>(2 * i + 1)];
    }
    return Y;
}

} // namespace

bool Tsne::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const TsneOptions &options,
    const FitContext &context, TsneResult &result, int reportEvery,
    const std::function<void(const Eigen::MatrixXd &, int)> &snapshot)
{
    result = {};
    checkInput(X, options);
    const Eigen::Index n = X.rows();
    if (options.maxIter < kExplorationIter)
        throw FitError("t-SNE needs at least 250 iterations");
    const int threads = threadCount(options.threads);
    const std::atomic<bool> *cancel = context.cancel;
    const auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };

    const Affinities P = affinities(X, options.perplexity, threads, cancel);
    if (cancelled())
        return false;

    // Start.
    Eigen::MatrixXd Y(n, 2);
    if (options.pcaInit && X.cols() >= 2) {
        const Eigen::RowVectorXd mean = X.colwise().mean();
        const Eigen::MatrixXd centred = X.rowwise() - mean;
        const Eigen::MatrixXd cov
            = centred.transpose() * centred / double(std::max<Eigen::Index>(1, n - 1));
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
        const Eigen::Index d = X.cols();
        Eigen::MatrixXd top(d, 2);
        top.col(0) = eig.eigenvectors().col(d - 1);
        top.col(1) = eig.eigenvectors().col(d - 2);
        // scikit-learn's sign convention (svd_flip): the largest loading positive.
        for (int c = 0; c < 2; ++c) {
            Eigen::Index arg;
            top.col(c).cwiseAbs().maxCoeff(&arg);
            if (top(arg, c) < 0)
                top.col(c) *= -1;
        }
        Y = centred * top;
        const double m0 = Y.col(0).mean();
        const double sd = std::sqrt((Y.col(0).array() - m0).square().sum() / double(n));
        Y *= sd > 0 ? 1e-4 / sd : 1.0;
    } else {
        std::mt19937_64 rng(options.seed);
        std::normal_distribution<double> normal(0.0, 1e-4);
        for (Eigen::Index i = 0; i < Y.size(); ++i)
            Y.data()[i] = normal(rng);
    }

    const double lr = options.learningRate > 0
        ? options.learningRate
        : std::max(static_cast<double>(n) / options.earlyExaggeration / 4.0, 50.0);
    // The optimisation works on interleaved coordinates (x0, y0, x1, y1, ...).
    std::vector<double> y = interleaved(Y);
    std::vector<double> update(y.size(), 0.0);
    std::vector<double> gains(y.size(), 1.0);
    std::vector<double> grad(y.size());
    const Repulsion method = options.theta > 0 ? Repulsion::Tree : Repulsion::Pairs;
    GradientWork work;
    double kl = std::numeric_limits<double>::quiet_NaN();
    double bestError = std::numeric_limits<double>::infinity();
    int bestIter = 0;
    int it = 0;
    const auto stage = [&](int first, int last, double momentum, double exaggeration) {
        bestError = std::numeric_limits<double>::infinity();
        bestIter = first;
        for (it = first; it < last; ++it) {
            if (cancelled())
                return false;
            const bool check = (it + 1) % kCheckEvery == 0 || it == last - 1;
            double error = 0;
            klGradient(y, P, exaggeration, options.theta, method, threads, work, grad,
                check ? &error : nullptr, cancel);
            if (cancelled())
                return false;
            double gradNorm2 = 0;
            for (std::size_t c = 0; c < y.size(); ++c) {
                double &g = gains[c];
                const bool increase = update[c] * grad[c] < 0.0;
                g = increase ? g + 0.2 : g * 0.8;
                g = std::max(g, kMinGain);
                update[c] = momentum * update[c] - lr * g * grad[c];
                y[c] += update[c];
                gradNorm2 += (grad[c] * g) * (grad[c] * g);
            }
            if (check)
                kl = error;
            if (reportEvery > 0 && (it + 1) % reportEvery == 0) {
                EpochReport r;
                r.epoch = it + 1;
                r.totalEpochs = options.maxIter;
                r.trainLoss = kl;
                r.metricName = "kl_divergence";
                r.unit = "iteration";
                if (context.onEpoch && context.onEpoch(r))
                    return false;
                if (snapshot)
                    snapshot(matrix(y), it + 1);
            }
            if (check) {
                if (error < bestError) {
                    bestError = error;
                    bestIter = it;
                } else if (it - bestIter > kIterWithoutProgress) {
                    ++it;
                    return true;
                }
                if (std::sqrt(gradNorm2) < kMinGradNorm) {
                    ++it;
                    return true;
                }
            }
        }
        return true;
    };
    if (!stage(0, kExplorationIter, 0.5, options.earlyExaggeration))
        return false;
    if (!stage(it, options.maxIter, 0.8, 1.0))
        return false;
    if (cancelled())
        return false;
    // The divergence of the final embedding.
    double finalKl = 0;
    klGradient(y, P, 1.0, options.theta, method, threads, work, grad, &finalKl);
    result.embedding = matrix(y);
    result.klDivergence = finalKl;
    result.iterations = it;
    return true;
}

double Tsne::gradient(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::MatrixXd &Y,
    const TsneOptions &options, TsneForces forces, Eigen::MatrixXd &grad)
{
    checkInput(X, options);
    if (Y.rows() != X.rows() || Y.cols() != 2)
        throw FitError(
            "t-SNE gradient: the embedding must have one row per sample and two columns");
    const int threads = threadCount(options.threads);
    const Affinities P = affinities(X, options.perplexity, threads, nullptr);
    GradientWork work;
    std::vector<double> g;
    double kl = 0;
    klGradient(interleaved(Y), P, 1.0, options.theta,
        forces == TsneForces::BarnesHut ? Repulsion::Tree : Repulsion::Pairs, threads, work, g,
        &kl);
    grad = matrix(g);
    return kl;
}

void Tsne::nearestNeighbours(const Eigen::Ref<const Eigen::MatrixXd> &X, int k, int threads,
    std::vector<std::int64_t> &index, std::vector<double> &squaredDistances)
{
    if (k < 1 || k >= X.rows())
        throw FitError("t-SNE neighbours: k must be at least 1 and below the number of rows");
    neighbours(X, k, threadCount(threads), nullptr, index, squaredDistances);
}

} // namespace sextant::engine
