#include "ml/Mds.h"

#include "core/Parallel.h"
#include "data/MemoryBudget.h"

#include <Eigen/Eigenvalues>
#include <QString>
#include <algorithm>
#include <cmath>
#include <new>
#include <random>
#include <vector>

namespace sextant::engine {

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr double kZeroDistance = 1e-5; // scikit-learn's stand-in for a zero distance
constexpr Eigen::Index kRowsPerPoll = 64;

bool isCancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The n x n euclidean distances between the rows of X (squared when `squared`), from the
// differences (exactly symmetric: d(i, j) and d(j, i) are summed in the same order).
// False when cancelled.
bool pairwiseDistances(const Eigen::Ref<const Eigen::MatrixXd> &X, bool squared, int threads,
    const std::atomic<bool> *cancel, Eigen::MatrixXd &D)
{
    const Eigen::Index n = X.rows();
    const Eigen::Index d = X.cols();
    const RowMatrix R = X;
    D.resize(n, n);
    parallelChunks(0, n, threads, kRowsPerPoll, [&](int, std::int64_t b, std::int64_t e) {
        for (std::int64_t i = b; i < e; ++i) {
            if ((i - b) % kRowsPerPoll == 0 && isCancelled(cancel))
                return;
            const double *xi = R.row(i).data();
            double *out = D.col(i).data(); // column i is row i: D is symmetric
            for (Eigen::Index j = 0; j < n; ++j) {
                const double *xj = R.row(j).data();
                double s = 0;
                for (Eigen::Index c = 0; c < d; ++c) {
                    const double diff = xi[c] - xj[c];
                    s += diff * diff;
                }
                out[j] = squared ? s : std::sqrt(s);
            }
        }
    });
    return !isCancelled(cancel);
}

// Makes the columns of W orthonormal, and orthogonal to the (orthonormal) columns of V:
// Gram-Schmidt twice per column; a column that vanishes (W's span meets V's, as for a
// matrix of low rank) is replaced by a random one.
void orthonormalize(
    Eigen::MatrixXd &W, const Eigen::Ref<const Eigen::MatrixXd> &V, std::mt19937_64 &rng)
{
    std::normal_distribution<double> normal;
    for (Eigen::Index c = 0; c < W.cols(); ++c) {
        for (int attempt = 0;; ++attempt) {
            Eigen::VectorXd w = W.col(c);
            const double before = w.norm();
            for (int pass = 0; pass < 2; ++pass) {
                if (V.cols() > 0)
                    w -= V * (V.transpose() * w);
                if (c > 0)
                    w -= W.leftCols(c) * (W.leftCols(c).transpose() * w);
            }
            const double after = w.norm();
            if (after > 1e-8 * before && after > 0) {
                W.col(c) = w / after;
                break;
            }
            if (attempt == 8) // the space is exhausted: cannot happen while cols < n
                throw FitError("classical MDS: no orthogonal direction left");
            for (Eigen::Index i = 0; i < W.rows(); ++i)
                W(i, c) = normal(rng);
        }
    }
}

// out = B * W by fixed blocks of rows (the same sums whatever the thread count).
void multiply(const Eigen::MatrixXd &B, const Eigen::MatrixXd &W, int threads,
    Eigen::Ref<Eigen::MatrixXd> out)
{
    constexpr Eigen::Index kBlock = 256;
    const Eigen::Index n = B.rows();
    const Eigen::Index blocks = (n + kBlock - 1) / kBlock;
    parallelChunks(0, blocks, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
        for (std::int64_t b = b0; b < b1; ++b) {
            const Eigen::Index r0 = b * kBlock;
            const Eigen::Index rows = std::min(kBlock, n - r0);
            out.middleRows(r0, rows).noalias() = B.middleRows(r0, rows) * W;
        }
    });
}

// The `k` largest eigenvalues of the symmetric B (descending) and their eigenvectors, by
// restarted block Krylov iterations with Rayleigh-Ritz: a basis [Q, BQ, B^2 Q, ...] of
// kKrylovColumns columns, the eigenpairs of its projection (SelfAdjointEigenSolver), and a
// restart from the best Ritz vectors until every residual ||B u - theta u|| is below
// 1e-10 ||B|| (a matrix of rank below the basis size, as euclidean distances of few
// columns give, converges in one cycle). False when cancelled.
bool krylovTop(const Eigen::MatrixXd &B, int k, int threads, const std::atomic<bool> *cancel,
    Eigen::VectorXd &values, Eigen::MatrixXd &vectors)
{
    constexpr Eigen::Index kKrylovColumns = 64;
    constexpr int kMaxCycles = 200;
    const Eigen::Index n = B.rows();
    const Eigen::Index p = std::min<Eigen::Index>(n, k + 8); // block size
    const Eigen::Index m = std::min<Eigen::Index>(n, std::max(2 * p, kKrylovColumns));
    std::mt19937_64 rng(0x5eed);
    std::normal_distribution<double> normal;
    Eigen::MatrixXd Q(n, p);
    for (Eigen::Index i = 0; i < Q.size(); ++i)
        Q.data()[i] = normal(rng);
    Eigen::MatrixXd V(n, m), BV(n, m);
    double residual = std::numeric_limits<double>::infinity(), scale = 0;
    for (int cycle = 0; cycle < kMaxCycles; ++cycle) {
        Eigen::Index cols = 0;
        Eigen::MatrixXd block = std::move(Q);
        while (cols < m) {
            const Eigen::Index width = std::min(block.cols(), m - cols);
            block.conservativeResize(Eigen::NoChange, width);
            orthonormalize(block, V.leftCols(cols), rng);
            V.middleCols(cols, width) = block;
            if (isCancelled(cancel))
                return false;
            multiply(B, block, threads, BV.middleCols(cols, width));
            block = BV.middleCols(cols, width);
            cols += width;
        }
        Eigen::MatrixXd H = V.transpose() * BV;
        H = (0.5 * (H + H.transpose())).eval();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> small(H);
        if (small.info() != Eigen::Success)
            throw FitError("classical MDS: the eigendecomposition did not converge");
        // Ascending: the top k are the last k.
        const Eigen::MatrixXd S = small.eigenvectors().rightCols(k).rowwise().reverse();
        values = small.eigenvalues().tail(k).reverse();
        vectors = V * S;
        scale = std::max(std::abs(small.eigenvalues()(0)), std::abs(small.eigenvalues()(m - 1)));
        const Eigen::MatrixXd R = BV * S - vectors * values.asDiagonal();
        residual = R.colwise().norm().maxCoeff();
        if (residual <= 1e-10 * scale || scale == 0 || m == n)
            return true;
        Q = V * small.eigenvectors().rightCols(p);
    }
    if (residual <= 1e-6 * scale)
        return true;
    throw FitError("classical MDS: the eigenvectors did not converge; use SMACOF");
}

// Classical scaling of the squared distances D2 (overwritten by B = -1/2 J D2 J, then
// freed). False when cancelled.
bool classicalFromSquared(Eigen::MatrixXd &D2, int components, int threads,
    const std::atomic<bool> *cancel, MdsResult &result)
{
    const Eigen::Index n = D2.rows();
    const Eigen::VectorXd rowMean = D2.colwise().mean().transpose(); // symmetric: = row means
    const double grandMean = rowMean.mean();
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = 0; i < n; ++i)
            D2(i, j) = -0.5 * (D2(i, j) - rowMean(i) - rowMean(j) + grandMean);
    Eigen::VectorXd values;
    Eigen::MatrixXd vectors;
    if (n <= Mds::kMaxDirectRows) {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(D2, Eigen::ComputeEigenvectors);
        if (eig.info() != Eigen::Success)
            throw FitError("classical MDS: the eigendecomposition did not converge");
        values = eig.eigenvalues().tail(components).reverse(); // ascending: the last ones
        vectors = eig.eigenvectors().rightCols(components).rowwise().reverse();
    } else if (!krylovTop(D2, components, threads, cancel, values, vectors)) {
        return false;
    }
    D2.resize(0, 0);
    result.embedding.resize(n, components);
    result.eigenvalues = values;
    for (int c = 0; c < components; ++c) {
        Eigen::VectorXd v = vectors.col(c);
        Eigen::Index arg = 0;
        v.cwiseAbs().maxCoeff(&arg); // the first row of largest magnitude
        if (v(arg) < 0)
            v = -v;
        result.embedding.col(c) = v * std::sqrt(std::max(values(c), 0.0));
    }
    return true;
}

// One Guttman transform of Y into Ynew (when not null); returns the stress of Y (sum over
// i < j). Row i against every row at once, as column arrays (vectorized); rowStress holds
// per-row sums so the total does not depend on the thread count.
double guttmanStep(const Eigen::MatrixXd &D, const Eigen::MatrixXd &Y, Eigen::MatrixXd *Ynew,
    int threads, std::vector<double> &rowStress)
{
    const Eigen::Index n = Y.rows();
    const Eigen::Index k = Y.cols();
    rowStress.assign(static_cast<std::size_t>(n), 0.0);
    parallelChunks(0, n, threads, kRowsPerPoll, [&](int, std::int64_t b, std::int64_t e) {
        Eigen::ArrayXd dist(n), ratio(n);
        for (std::int64_t i = b; i < e; ++i) {
            dist = (Y.col(0).array() - Y(i, 0)).square();
            for (Eigen::Index c = 1; c < k; ++c)
                dist += (Y.col(c).array() - Y(i, c)).square();
            dist = dist.sqrt();
            const double *di = D.col(i).data();
            // Row i's own term is 0: d_ii = 0 and its distance 0.
            rowStress[static_cast<std::size_t>(i)] = (dist - D.col(i).array()).square().sum();
            if (!Ynew)
                continue;
            double *r = ratio.data();
            const double *dd = dist.data();
            for (Eigen::Index j = 0; j < n; ++j)
                r[j] = di[j] / (dd[j] == 0.0 ? kZeroDistance : dd[j]);
            for (Eigen::Index c = 0; c < k; ++c)
                (*Ynew)(i, c)
                    = (ratio * (Y(i, c) - Y.col(c).array())).sum() / static_cast<double>(n);
        }
    });
    double total = 0;
    for (double v : rowStress)
        total += v;
    return total / 2.0;
}

} // namespace

std::uint64_t Mds::peakBytes(Eigen::Index rows, const MdsOptions &options)
{
    const auto n = static_cast<std::uint64_t>(rows);
    const std::uint64_t square = n * n * sizeof(double);
    // B, and the solver's eigenvectors (direct) or its two n x 64 Krylov bases.
    const std::uint64_t classical
        = rows <= kMaxDirectRows ? 2 * square : square + 2 * n * 64 * sizeof(double);
    if (options.method == MdsOptions::Method::Classical)
        return classical;
    return square + (options.classicalInit ? classical : 0); // the distances (+ a start)
}

std::optional<std::string> Mds::refusal(Eigen::Index rows, const MdsOptions &options)
{
    const bool classical = options.method == MdsOptions::Method::Classical;
    const Eigen::Index limit = classical ? kMaxClassicalRows : kMaxSmacofRows;
    if (rows > limit) {
        if (classical)
            return "classical MDS takes at most " + std::to_string(limit) + " rows, not "
                + std::to_string(rows)
                + ": it decomposes an n x n matrix (memory growing with n^2, time with n^3); "
                  "sample the rows first, or use t-SNE";
        return "SMACOF MDS takes at most " + std::to_string(limit) + " rows, not "
            + std::to_string(rows)
            + ": it holds the n x n distances and every iteration visits each pair; sample the "
              "rows first, or use t-SNE";
    }
    if (const auto why = MemoryBudget::shortfall(peakBytes(rows, options),
            QStringLiteral("run MDS on %1 rows (its n x n matrices)").arg(rows)))
        return why->toStdString();
    return std::nullopt;
}

bool Mds::fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const MdsOptions &options,
    const FitContext &context, MdsResult &result)
{
    result = {};
    const Eigen::Index n = X.rows();
    if (n < 2 || X.cols() == 0)
        throw FitError("MDS needs at least two rows and one column");
    if (!X.allFinite())
        throw FitError("MDS input holds a missing or non-finite value; impute or drop it first");
    if (options.components < 1 || options.components >= n)
        throw FitError("MDS components must be at least 1 and below the number of rows ("
            + std::to_string(n) + ")");
    const bool classical = options.method == MdsOptions::Method::Classical;
    if (!classical && (options.nInit < 1 || options.maxIter < 1 || !(options.eps >= 0)))
        throw FitError("SMACOF needs at least one run and one iteration, and eps >= 0");
    if (const auto why = refusal(n, options))
        throw FitError(*why);
    const int threads = options.threads > 0 ? options.threads : context.threadCount();
    const int k = options.components;

    // Cancelled (or, for classical scaling, asked to stop): nothing is kept.
    int lastEpoch = 0;
    const auto abandon = [&] {
        context.ended(FitEnd::Cancelled, lastEpoch);
        return false;
    };
    try {
        if (classical) {
            Eigen::MatrixXd D2;
            if (!pairwiseDistances(X, true, threads, context.cancel, D2))
                return abandon();
            EpochReport r;
            r.epoch = 1;
            r.totalEpochs = 2;
            r.unit = "step";
            lastEpoch = 1;
            if (context.report(r))
                return abandon();
            MdsResult out;
            if (!classicalFromSquared(D2, k, threads, context.cancel, out) || context.cancelled())
                return abandon();
            Eigen::MatrixXd D;
            if (!pairwiseDistances(X, false, threads, context.cancel, D))
                return abandon();
            std::vector<double> rowStress;
            out.stress = guttmanStep(D, out.embedding, nullptr, threads, rowStress);
            r.epoch = 2;
            r.trainLoss = out.stress;
            r.metricName = "stress";
            if (context.report(r))
                return abandon();
            result = std::move(out);
            context.ended(FitEnd::Completed, 2);
            return true;
        }

        Eigen::MatrixXd D;
        if (!pairwiseDistances(X, false, threads, context.cancel, D))
            return abandon();
        Eigen::MatrixXd start;
        Eigen::VectorXd startEigenvalues;
        if (options.classicalInit) {
            Eigen::MatrixXd D2 = D.array().square().matrix();
            MdsResult c;
            if (!classicalFromSquared(D2, k, threads, context.cancel, c))
                return abandon();
            start = c.embedding;
            startEigenvalues = c.eigenvalues;
        }
        const int runs = options.classicalInit ? 1 : options.nInit;
        // numpy's legacy RandomState(seed).uniform(): MT19937 seeded with init_genrand (as
        // std::mt19937), 53-bit doubles from two 32-bit draws; so seed s starts as
        // scikit-learn's MDS(random_state=s) does.
        std::mt19937 rng(static_cast<std::uint32_t>(options.seed));
        const auto uniform = [&rng] {
            const std::uint32_t a = static_cast<std::uint32_t>(rng()) >> 5;
            const std::uint32_t b = static_cast<std::uint32_t>(rng()) >> 6;
            return (a * 67108864.0 + b) / 9007199254740992.0;
        };
        std::vector<double> rowStress;
        Eigen::MatrixXd Y(n, k), next(n, k);
        MdsResult best;
        bool stopped = false;
        for (int run = 0; run < runs && !stopped; ++run) {
            if (options.classicalInit) {
                Y = start;
            } else {
                for (Eigen::Index i = 0; i < n; ++i) // row by row, as scikit-learn's reshape
                    for (int c = 0; c < k; ++c)
                        Y(i, c) = uniform();
            }
            double previous = std::numeric_limits<double>::quiet_NaN();
            bool converged = false;
            int it = 0;
            while (it < options.maxIter) {
                if (context.cancelled())
                    return abandon();
                const double stress = guttmanStep(D, Y, &next, threads, rowStress);
                Y.swap(next);
                ++it;
                const double norms = Y.rowwise().norm().sum();
                const double relative = stress / norms;
                EpochReport r;
                r.epoch = ++lastEpoch;
                r.totalEpochs = runs * options.maxIter;
                r.trainLoss = stress;
                r.metricName = "stress";
                r.unit = "iteration";
                const bool stop = context.onEpoch && context.onEpoch(r);
                if (context.cancelled())
                    return abandon();
                if (!std::isnan(previous) && previous - relative < options.eps) {
                    converged = true;
                    break;
                }
                previous = relative;
                if (stop) {
                    stopped = true;
                    break;
                }
            }
            // The stress of the embedding this run returns (one more pass, no transform).
            const double finalStress = guttmanStep(D, Y, nullptr, threads, rowStress);
            if (run == 0 || finalStress < best.stress) {
                best.embedding = Y;
                best.stress = finalStress;
                best.iterations = it;
                best.bestRun = run;
                best.converged = converged;
            }
        }
        if (context.cancelled())
            return abandon();
        best.eigenvalues = startEigenvalues;
        result = std::move(best);
        context.ended(
            stopped ? FitEnd::Stopped : (result.converged ? FitEnd::Converged : FitEnd::Completed),
            lastEpoch);
        return true;
    } catch (const std::bad_alloc &) {
        throw FitError(MemoryBudget::outOfMemory(
            QStringLiteral("run MDS on %1 rows (its n x n matrices)").arg(n), peakBytes(n, options))
                           .toStdString());
    }
}

} // namespace sextant::engine
