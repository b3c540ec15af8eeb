#include "ml/Tsne.h"

#include "core/Parallel.h"
#include "core/ThreadCount.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
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

// Sparse symmetric affinities, CSR.
struct Affinities {
    std::vector<std::int64_t> start; // n + 1
    std::vector<std::int64_t> column;
    std::vector<double> value;
};

// The k nearest neighbours of every row (squared distances, ascending), self excluded.
void nearestNeighbours(const Eigen::Ref<const Eigen::MatrixXd> &X, int k, int threads,
    const std::atomic<bool> *cancel, std::vector<std::int64_t> &index, std::vector<double> &sq)
{
    const Eigen::Index n = X.rows();
    index.assign(static_cast<std::size_t>(n * k), 0);
    sq.assign(static_cast<std::size_t>(n * k), 0.0);
    const Eigen::VectorXd norms = X.rowwise().squaredNorm();
    constexpr Eigen::Index kBlock = 128;
    const Eigen::Index blocks = (n + kBlock - 1) / kBlock;
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
        Eigen::MatrixXd D;
        std::vector<std::int64_t> order(static_cast<std::size_t>(n));
        for (std::int64_t b = b0; b < b1; ++b) {
            if (cancel && cancel->load(std::memory_order_relaxed))
                return;
            const Eigen::Index r0 = b * kBlock;
            const Eigen::Index rows = std::min(kBlock, n - r0);
            D.noalias() = -2.0 * X.middleRows(r0, rows) * X.transpose();
            D.colwise() += norms.segment(r0, rows);
            D.rowwise() += norms.transpose();
            for (Eigen::Index i = 0; i < rows; ++i) {
                const Eigen::Index row = r0 + i;
                D(i, row) = std::numeric_limits<double>::infinity(); // not its own neighbour
                std::iota(order.begin(), order.end(), std::int64_t(0));
                const auto cmp = [&](std::int64_t a, std::int64_t c) {
                    const double da = D(i, a), dc = D(i, c);
                    return da < dc || (da == dc && a < c);
                };
                std::partial_sort(order.begin(), order.begin() + k, order.end(), cmp);
                for (int j = 0; j < k; ++j) {
                    const std::int64_t o = order[static_cast<std::size_t>(j)];
                    index[static_cast<std::size_t>(row * k + j)] = o;
                    sq[static_cast<std::size_t>(row * k + j)] = std::max(0.0, D(i, o));
                }
            }
        }
    });
}

// scikit-learn's _binary_search_perplexity: per row, the conditional P whose entropy is
// log(perplexity), over the row's neighbours.
void conditionalP(
    const std::vector<double> &sq, std::int64_t n, int k, double perplexity, std::vector<double> &P)
{
    constexpr int kSteps = 100;
    constexpr double kTol = 1e-5;
    constexpr double kEpsilon = 1e-8;
    const double desired = std::log(perplexity);
    P.assign(sq.size(), 0.0);
    for (std::int64_t i = 0; i < n; ++i) {
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
}

// P + P^T, normalized to sum 1, as CSR.
Affinities symmetrize(
    const std::vector<std::int64_t> &index, const std::vector<double> &cond, std::int64_t n, int k)
{
    std::vector<std::vector<std::pair<std::int64_t, double>>> rows(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            const std::int64_t c = index[static_cast<std::size_t>(i * k + j)];
            const double v = cond[static_cast<std::size_t>(i * k + j)];
            rows[static_cast<std::size_t>(i)].push_back({ c, v });
            rows[static_cast<std::size_t>(c)].push_back({ i, v });
        }
    Affinities a;
    a.start.push_back(0);
    double total = 0;
    for (auto &r : rows) {
        std::sort(r.begin(), r.end());
        for (std::size_t e = 0; e < r.size();) {
            std::size_t f = e;
            double v = 0;
            while (f < r.size() && r[f].first == r[e].first)
                v += r[f++].second;
            a.column.push_back(r[e].first);
            a.value.push_back(v);
            total += v;
            e = f;
        }
        a.start.push_back(static_cast<std::int64_t>(a.column.size()));
    }
    total = std::max(total, kMachineEpsilon);
    for (double &v : a.value)
        v /= total;
    return a;
}

// A quadtree over the embedding for the repulsive forces.
class QuadTree {
public:
    void build(const Eigen::MatrixXd &Y)
    {
        const Eigen::Index n = Y.rows();
        m_points = &Y;
        m_nodes.clear();
        m_index.resize(static_cast<std::size_t>(n));
        std::iota(m_index.begin(), m_index.end(), std::int64_t(0));
        const double x0 = Y.col(0).minCoeff(), x1 = Y.col(0).maxCoeff();
        const double y0 = Y.col(1).minCoeff(), y1 = Y.col(1).maxCoeff();
        const double w = std::max({ x1 - x0, y1 - y0, 1e-12 }) * (1 + 1e-9);
        m_nodes.push_back({});
        split(0, 0, n, x0, y0, w, 0);
    }

    // Repulsion on point i: sum over others of q^2 (y_i - y_j) and of q, q = 1 / (1 + d^2).
    void repulsion(std::int64_t i, double theta2, double &fx, double &fy, double &sumQ) const
    {
        const Eigen::MatrixXd &Y = *m_points;
        const double xi = Y(i, 0), yi = Y(i, 1);
        std::int64_t stack[256];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node &node = m_nodes[static_cast<std::size_t>(stack[--top])];
            if (node.count == 0)
                continue;
            const double dx = xi - node.cx, dy = yi - node.cy;
            const double d2 = dx * dx + dy * dy;
            if (node.firstChild < 0) {
                for (std::int64_t p = node.begin; p < node.end; ++p) {
                    const std::int64_t j = m_index[static_cast<std::size_t>(p)];
                    if (j == i)
                        continue;
                    const double ex = xi - Y(j, 0), ey = yi - Y(j, 1);
                    const double q = 1.0 / (1.0 + ex * ex + ey * ey);
                    sumQ += q;
                    fx += q * q * ex;
                    fy += q * q * ey;
                }
                continue;
            }
            if (d2 > 0 && node.width * node.width < theta2 * d2) {
                const double q = 1.0 / (1.0 + d2);
                const double c = static_cast<double>(node.count);
                sumQ += c * q;
                fx += c * q * q * dx;
                fy += c * q * q * dy;
                continue;
            }
            for (int c = 0; c < 4; ++c)
                if (top < 255)
                    stack[top++] = node.firstChild + c;
        }
    }

private:
    struct Node {
        double cx = 0, cy = 0, width = 0;
        std::int64_t count = 0, begin = 0, end = 0;
        std::int64_t firstChild = -1;
    };

    void split(std::int64_t id, std::int64_t begin, std::int64_t end, double x0, double y0,
        double w, int depth)
    {
        const Eigen::MatrixXd &Y = *m_points;
        double sx = 0, sy = 0;
        for (std::int64_t p = begin; p < end; ++p) {
            sx += Y(m_index[static_cast<std::size_t>(p)], 0);
            sy += Y(m_index[static_cast<std::size_t>(p)], 1);
        }
        {
            Node &node = m_nodes[static_cast<std::size_t>(id)];
            node.count = end - begin;
            node.begin = begin;
            node.end = end;
            node.width = w;
            if (node.count > 0) {
                node.cx = sx / static_cast<double>(node.count);
                node.cy = sy / static_cast<double>(node.count);
            }
        }
        if (end - begin <= 1 || depth >= 48)
            return;
        const double mx = x0 + w / 2, my = y0 + w / 2;
        // Partition into quadrants 0 (left-bottom), 1 (right-bottom), 2 (left-top), 3.
        const auto quadrant
            = [&](std::int64_t j) { return (Y(j, 0) >= mx ? 1 : 0) + (Y(j, 1) >= my ? 2 : 0); };
        std::int64_t bounds[5];
        bounds[0] = begin;
        auto first = m_index.begin() + begin;
        const auto last = m_index.begin() + end;
        for (int q = 0; q < 3; ++q) {
            first = std::partition(first, last, [&](std::int64_t j) { return quadrant(j) == q; });
            bounds[q + 1] = first - m_index.begin();
        }
        bounds[4] = end;
        const auto child = static_cast<std::int64_t>(m_nodes.size());
        m_nodes[static_cast<std::size_t>(id)].firstChild = child;
        m_nodes.resize(m_nodes.size() + 4);
        for (int q = 0; q < 4; ++q)
            split(child + q, bounds[q], bounds[q + 1], q & 1 ? mx : x0, q & 2 ? my : y0, w / 2,
                depth + 1);
    }

    const Eigen::MatrixXd *m_points = nullptr;
    std::vector<Node> m_nodes;
    std::vector<std::int64_t> m_index;
};

// KL gradient (scikit-learn's _kl_divergence_bh): 4 (attraction - repulsion / sumQ);
// the divergence too when `kl` is set.
void gradient(const Eigen::MatrixXd &Y, const Affinities &P, double exaggeration, double theta,
    int threads, QuadTree &tree, Eigen::MatrixXd &grad, double *kl,
    const std::atomic<bool> *cancel = nullptr)
{
    const Eigen::Index n = Y.rows();
    const bool exact = theta <= 0;
    if (!exact)
        tree.build(Y);
    Eigen::MatrixXd neg(n, 2);
    const int chunks = std::max(1, threads);
    std::vector<double> sumQs(static_cast<std::size_t>(chunks), 0.0);
    const double theta2 = theta * theta;
    parallelChunks(0, n, threads, 256, [&](int chunk, std::int64_t b, std::int64_t e) {
        double sumQ = 0;
        for (std::int64_t i = b; i < e; ++i) {
            // A cancelled run stops within a fraction of an iteration.
            if ((i & 127) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                return;
            double fx = 0, fy = 0;
            if (exact) {
                for (Eigen::Index j = 0; j < n; ++j) {
                    if (j == i)
                        continue;
                    const double dx = Y(i, 0) - Y(j, 0), dy = Y(i, 1) - Y(j, 1);
                    const double q = 1.0 / (1.0 + dx * dx + dy * dy);
                    sumQ += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
            } else {
                tree.repulsion(i, theta2, fx, fy, sumQ);
            }
            neg(i, 0) = fx;
            neg(i, 1) = fy;
        }
        sumQs[static_cast<std::size_t>(chunk)] = sumQ;
    });
    double sumQ = 0;
    for (double s : sumQs)
        sumQ += s;
    sumQ = std::max(sumQ, kMachineEpsilon);
    double C = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        double px = 0, py = 0;
        for (std::int64_t e = P.start[static_cast<std::size_t>(i)];
             e < P.start[static_cast<std::size_t>(i + 1)]; ++e) {
            const std::int64_t j = P.column[static_cast<std::size_t>(e)];
            const double p = P.value[static_cast<std::size_t>(e)] * exaggeration;
            const double dx = Y(i, 0) - Y(j, 0), dy = Y(i, 1) - Y(j, 1);
            const double q = 1.0 / (1.0 + dx * dx + dy * dy);
            px += p * q * dx;
            py += p * q * dy;
            if (kl)
                C += p * std::log(std::max(p, kFloatTiny) / std::max(q / sumQ, kFloatTiny));
        }
        grad(i, 0) = 4.0 * (px - neg(i, 0) / sumQ);
        grad(i, 1) = 4.0 * (py - neg(i, 1) / sumQ);
    }
    if (kl)
        *kl = C;
}

} // namespace

bool Tsne::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const TsneOptions &options,
    const FitContext &context, TsneResult &result, int reportEvery,
    const std::function<void(const Eigen::MatrixXd &, int)> &snapshot)
{
    result = {};
    const Eigen::Index n = X.rows();
    if (n < 2 || X.cols() == 0)
        throw FitError("t-SNE needs at least two rows and one column");
    if (!X.allFinite())
        throw FitError("t-SNE input holds a missing or non-finite value; impute or drop it first");
    if (!(options.perplexity > 0) || options.perplexity >= static_cast<double>(n))
        throw FitError("t-SNE perplexity must be above 0 and below the number of rows ("
            + std::to_string(n) + ")");
    if (options.maxIter < kExplorationIter)
        throw FitError("t-SNE needs at least 250 iterations");
    const int threads = threadCount(options.threads);
    const std::atomic<bool> *cancel = context.cancel;
    const auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };

    // Affinities.
    const int k = static_cast<int>(
        std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(3.0 * options.perplexity + 1.0)));
    std::vector<std::int64_t> index;
    std::vector<double> sq, cond;
    nearestNeighbours(X, k, threads, cancel, index, sq);
    if (cancelled())
        return false;
    conditionalP(sq, n, k, options.perplexity, cond);
    const Affinities P = symmetrize(index, cond, n, k);

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
    Eigen::MatrixXd update = Eigen::MatrixXd::Zero(n, 2);
    Eigen::MatrixXd gains = Eigen::MatrixXd::Ones(n, 2);
    Eigen::MatrixXd grad(n, 2);
    QuadTree tree;
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
            gradient(Y, P, exaggeration, options.theta, threads, tree, grad,
                check ? &error : nullptr, cancel);
            if (cancelled())
                return false;
            for (Eigen::Index i = 0; i < grad.size(); ++i) {
                double &g = gains.data()[i];
                const bool increase = update.data()[i] * grad.data()[i] < 0.0;
                g = increase ? g + 0.2 : g * 0.8;
                g = std::max(g, kMinGain);
                update.data()[i] = momentum * update.data()[i] - lr * g * grad.data()[i];
                Y.data()[i] += update.data()[i];
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
                    snapshot(Y, it + 1);
            }
            if (check) {
                if (error < bestError) {
                    bestError = error;
                    bestIter = it;
                } else if (it - bestIter > kIterWithoutProgress) {
                    ++it;
                    return true;
                }
                if ((grad.cwiseProduct(gains)).norm() < kMinGradNorm) {
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
    gradient(Y, P, 1.0, options.theta, threads, tree, grad, &finalKl);
    result.embedding = std::move(Y);
    result.klDivergence = finalKl;
    result.iterations = it;
    return true;
}

} // namespace sextant::engine
