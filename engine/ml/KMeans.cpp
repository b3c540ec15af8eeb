#include "ml/KMeans.h"

#include "core/Parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>

// The two kernels below are compiled twice (AVX2 and baseline x86-64) and picked at load
// time. Neither build may use FMA (not enabled by "avx2"), and the kernels only vectorise
// over independent rows, so both give bit-identical results.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define SEXTANT_KMEANS_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SEXTANT_KMEANS_CLONES
#endif

namespace sextant::engine {

namespace kmeans_detail {

// Rows per distance tile (the tile's centred copy stays in L1/L2), and rows per group
// of register accumulators; kTile is a multiple of kLanes.
constexpr std::int64_t kTile = 256;
constexpr int kLanes = 16;

// Four doubles (GCC/Clang vector extension): one AVX register, two SSE2 registers in the
// baseline build. Element-wise operations, so both builds round identically.
typedef double V4 __attribute__((vector_size(32)));
#define splat(v) (V4 { (v), (v), (v), (v) })

// One tile of at most kTile rows [r0, r0 + len) of the column-major data x (leading
// dimension ld): centres the rows on `mean` into xc (kTile x d, column-major, zeroed
// before the first use), finds for
// each row the nearest of the k centres ct (k x d, row-major, centred; cnorm = their
// squared norms) by ||c||^2 - 2 x.c (first minimum wins), writes labels, counts how many
// labels changed, adds the exact squared distance to the nearest centre to *inertia, and,
// when sums is not null, adds each row to sums[label] (k x d, row-major) and counts.
SEXTANT_KMEANS_CLONES
void kmeansAssignTile(const double *x, std::int64_t ld, std::int64_t r0, std::int64_t len,
    std::int64_t d, const double *mean, const double *ct, const double *cnorm, int k, double *xc,
    int *labels, double *sums, std::int64_t *counts, double *inertia, std::int64_t *changed)
{
    for (std::int64_t j = 0; j < d; ++j) {
        const double *src = x + j * ld + r0;
        double *dst = xc + j * kTile;
        const double m = mean[j];
        for (std::int64_t i = 0; i < len; ++i)
            dst[i] = src[i] - m;
    }
    // Groups of kLanes = 16 rows in four 4-double vectors: the dot products and the
    // running minimum stay in registers. Rows past len in the last group read stale
    // (finite or zero) tile entries; their results are discarded.
    int lab[kTile];
    const V4 inf = splat(std::numeric_limits<double>::infinity());
    for (std::int64_t i0 = 0; i0 < len; i0 += kLanes) {
        V4 best0 = inf, best1 = inf, best2 = inf, best3 = inf;
        V4 lab0 = splat(0.0), lab1 = lab0, lab2 = lab0, lab3 = lab0;
        for (int c = 0; c < k; ++c) {
            V4 a0 = splat(0.0), a1 = a0, a2 = a0, a3 = a0;
            for (std::int64_t j = 0; j < d; ++j) {
                const V4 w = splat(ct[c * d + j]);
                const double *xj = xc + j * kTile + i0;
                V4 x0, x1, x2, x3;
                __builtin_memcpy(&x0, xj, sizeof x0);
                __builtin_memcpy(&x1, xj + 4, sizeof x1);
                __builtin_memcpy(&x2, xj + 8, sizeof x2);
                __builtin_memcpy(&x3, xj + 12, sizeof x3);
                a0 += x0 * w;
                a1 += x1 * w;
                a2 += x2 * w;
                a3 += x3 * w;
            }
            const V4 cn = splat(cnorm[c]);
            const V4 cv = splat(static_cast<double>(c));
            const V4 m2 = splat(-2.0);
            const V4 v0 = m2 * a0 + cn, v1 = m2 * a1 + cn, v2 = m2 * a2 + cn, v3 = m2 * a3 + cn;
            const auto l0 = v0 < best0, l1 = v1 < best1, l2 = v2 < best2, l3 = v3 < best3;
            best0 = l0 ? v0 : best0;
            best1 = l1 ? v1 : best1;
            best2 = l2 ? v2 : best2;
            best3 = l3 ? v3 : best3;
            lab0 = l0 ? cv : lab0;
            lab1 = l1 ? cv : lab1;
            lab2 = l2 ? cv : lab2;
            lab3 = l3 ? cv : lab3;
        }
        for (int t = 0; t < 4; ++t) {
            lab[i0 + t] = static_cast<int>(lab0[t]);
            lab[i0 + 4 + t] = static_cast<int>(lab1[t]);
            lab[i0 + 8 + t] = static_cast<int>(lab2[t]);
            lab[i0 + 12 + t] = static_cast<int>(lab3[t]);
        }
    }
    std::int64_t ch = 0;
    double in = 0.0;
    for (std::int64_t i = 0; i < len; ++i) {
        const int l = lab[i];
        ch += labels[i] != l;
        labels[i] = l;
        const double *cl = ct + l * d;
        double s = 0.0;
        for (std::int64_t j = 0; j < d; ++j) {
            const double diff = xc[j * kTile + i] - cl[j];
            s += diff * diff;
        }
        in += s;
        if (sums) {
            counts[l] += 1;
            double *sl = sums + l * d;
            for (std::int64_t j = 0; j < d; ++j)
                sl[j] += xc[j * kTile + i];
        }
    }
    *changed += ch;
    *inertia += in;
}

// k-means++ step on rows [r0, r0 + len): for each of the t candidate centres cand
// (t x d, row-major, centred), out[c * outStride + i] = min(closest[i], squared distance
// of row i to candidate c); pots[c] += sum of those.
SEXTANT_KMEANS_CLONES
void kmeansCandidateTile(const double *x, std::int64_t ld, std::int64_t r0, std::int64_t len,
    std::int64_t d, const double *mean, const double *cand, int t, const double *closest,
    double *out, std::int64_t outStride, double *xc, double *pots)
{
    for (std::int64_t j = 0; j < d; ++j) {
        const double *src = x + j * ld + r0;
        double *dst = xc + j * kTile;
        const double m = mean[j];
        for (std::int64_t i = 0; i < len; ++i)
            dst[i] = src[i] - m;
    }
    for (int c = 0; c < t; ++c) {
        double *oc = out + c * outStride;
        double p = 0.0;
        for (std::int64_t i0 = 0; i0 < len; i0 += kLanes) {
            double acc[kLanes];
            for (int u = 0; u < kLanes; ++u)
                acc[u] = 0.0;
            for (std::int64_t j = 0; j < d; ++j) {
                const double w = cand[c * d + j];
                const double *xj = xc + j * kTile + i0;
                for (int u = 0; u < kLanes; ++u) {
                    const double diff = xj[u] - w;
                    acc[u] += diff * diff;
                }
            }
            const std::int64_t m = std::min<std::int64_t>(kLanes, len - i0);
            for (std::int64_t u = 0; u < m; ++u) {
                const double v = std::min(acc[u], closest[i0 + u]);
                oc[i0 + u] = v;
                p += v;
            }
        }
        pots[c] += p;
    }
}

#undef splat

} // namespace kmeans_detail

namespace {

using kmeans_detail::kTile;

// Rows per partial-sum block. Fixed, so partial sums and their combination in block
// order do not depend on the number of threads.
constexpr std::int64_t kBlock = 4096;

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

double uniform01(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

std::int64_t uniformIndex(std::mt19937_64 &rng, std::int64_t n)
{
    return std::min<std::int64_t>(n - 1, static_cast<std::int64_t>(uniform01(rng) * n));
}

struct CancelledRun { };

// The data and everything a run needs, shared by the runs of one fit.
struct Workspace {
    const double *x = nullptr;
    std::int64_t ld = 0;
    std::int64_t n = 0;
    std::int64_t d = 0;
    int k = 0;
    const double *mean = nullptr;
    int threads = 1;
    const FitContext *context = nullptr;

    std::int64_t blocks() const { return (n + kBlock - 1) / kBlock; }

    // One pass: assigns every row to its nearest centre (labels updated in place) and
    // returns the inertia; with sums != null also the per-cluster sums and counts.
    // Throws CancelledRun when cancelled.
    double assign(const std::vector<double> &ct, std::vector<int> &labels,
        std::vector<double> *sums, std::vector<std::int64_t> *counts, std::int64_t *changed) const
    {
        std::vector<double> cnorm(static_cast<std::size_t>(k));
        for (int c = 0; c < k; ++c) {
            double s = 0;
            for (std::int64_t j = 0; j < d; ++j)
                s += ct[c * d + j] * ct[c * d + j];
            cnorm[c] = s;
        }
        const std::int64_t nb = blocks();
        const std::size_t kd = static_cast<std::size_t>(k * d);
        std::vector<double> pInertia(nb, 0.0);
        std::vector<std::int64_t> pChanged(nb, 0);
        std::vector<double> pSums(sums ? nb * kd : 0, 0.0);
        std::vector<std::int64_t> pCounts(sums ? nb * k : 0, 0);
        std::atomic<bool> stop { false };
        parallelChunks(0, nb, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
            std::vector<double> xc(static_cast<std::size_t>(kTile * d)); // zeroed
            for (std::int64_t b = b0; b < b1; ++b) {
                if (context->cancelled()) {
                    stop = true;
                    return;
                }
                const std::int64_t end = std::min(n, (b + 1) * kBlock);
                for (std::int64_t r = b * kBlock; r < end; r += kTile) {
                    const std::int64_t len = std::min(kTile, end - r);
                    kmeans_detail::kmeansAssignTile(x, ld, r, len, d, mean, ct.data(), cnorm.data(),
                        k, xc.data(), labels.data() + r, sums ? pSums.data() + b * kd : nullptr,
                        sums ? pCounts.data() + b * k : nullptr, &pInertia[b], &pChanged[b]);
                }
            }
        });
        if (stop)
            throw CancelledRun {};
        double inertia = 0;
        std::int64_t ch = 0;
        for (std::int64_t b = 0; b < nb; ++b) {
            inertia += pInertia[b];
            ch += pChanged[b];
        }
        if (changed)
            *changed = ch;
        if (sums) {
            sums->assign(kd, 0.0);
            counts->assign(static_cast<std::size_t>(k), 0);
            for (std::int64_t b = 0; b < nb; ++b) {
                for (std::size_t i = 0; i < kd; ++i)
                    (*sums)[i] += pSums[b * kd + i];
                for (int c = 0; c < k; ++c)
                    (*counts)[c] += pCounts[b * k + c];
            }
        }
        return inertia;
    }

    double centred(std::int64_t row, std::int64_t j) const { return x[j * ld + row] - mean[j]; }

    // k-means++ seeding on the centred data; returns k x d row-major centres.
    std::vector<double> plusPlus(std::mt19937_64 &rng, bool greedy) const
    {
        const int trials = greedy ? 2 + static_cast<int>(std::log(static_cast<double>(k))) : 1;
        std::vector<double> centres(static_cast<std::size_t>(k * d));
        std::vector<double> closest(
            static_cast<std::size_t>(n), std::numeric_limits<double>::infinity());
        std::vector<double> cand(static_cast<std::size_t>(trials * d));
        std::vector<double> out(static_cast<std::size_t>(trials * n));
        std::vector<double> cumsum(static_cast<std::size_t>(n));
        const std::int64_t nb = blocks();

        // Distances of every row to the t candidates in `cand`; returns their potentials.
        const auto evaluate = [&](int t) {
            std::vector<double> pPots(static_cast<std::size_t>(nb * t), 0.0);
            std::atomic<bool> stop { false };
            parallelChunks(0, nb, threads, 1, [&](int, std::int64_t b0, std::int64_t b1) {
                std::vector<double> xc(static_cast<std::size_t>(kTile * d));
                for (std::int64_t b = b0; b < b1; ++b) {
                    if (context->cancelled()) {
                        stop = true;
                        return;
                    }
                    const std::int64_t end = std::min(n, (b + 1) * kBlock);
                    for (std::int64_t r = b * kBlock; r < end; r += kTile) {
                        const std::int64_t len = std::min(kTile, end - r);
                        kmeans_detail::kmeansCandidateTile(x, ld, r, len, d, mean, cand.data(), t,
                            closest.data() + r, out.data() + r, n, xc.data(), pPots.data() + b * t);
                    }
                }
            });
            if (stop)
                throw CancelledRun {};
            std::vector<double> pots(static_cast<std::size_t>(t), 0.0);
            for (std::int64_t b = 0; b < nb; ++b)
                for (int c = 0; c < t; ++c)
                    pots[c] += pPots[b * t + c];
            return pots;
        };

        const std::int64_t first = uniformIndex(rng, n);
        for (std::int64_t j = 0; j < d; ++j)
            cand[j] = centres[j] = centred(first, j);
        double pot = evaluate(1)[0];
        std::copy(out.begin(), out.begin() + n, closest.begin());

        for (int c = 1; c < k; ++c) {
            double acc = 0;
            for (std::int64_t i = 0; i < n; ++i) {
                acc += closest[i];
                cumsum[i] = acc;
            }
            std::vector<std::int64_t> ids(static_cast<std::size_t>(trials));
            for (int t = 0; t < trials; ++t) {
                const double r = uniform01(rng) * pot;
                const auto it = std::lower_bound(cumsum.begin(), cumsum.end(), r);
                ids[t] = std::min<std::int64_t>(n - 1, it - cumsum.begin());
                for (std::int64_t j = 0; j < d; ++j)
                    cand[t * d + j] = centred(ids[t], j);
            }
            const std::vector<double> pots = evaluate(trials);
            const int best
                = static_cast<int>(std::min_element(pots.begin(), pots.end()) - pots.begin());
            pot = pots[best];
            std::copy(out.begin() + best * n, out.begin() + (best + 1) * n, closest.begin());
            for (std::int64_t j = 0; j < d; ++j)
                centres[c * d + j] = cand[best * d + j];
        }
        return centres;
    }

    std::vector<double> randomRows(std::mt19937_64 &rng) const
    {
        // Partial Fisher-Yates over the row indices: k distinct rows.
        std::vector<std::int64_t> idx(static_cast<std::size_t>(n));
        std::iota(idx.begin(), idx.end(), 0);
        std::vector<double> centres(static_cast<std::size_t>(k * d));
        for (int c = 0; c < k; ++c) {
            const std::int64_t pick = c + uniformIndex(rng, n - c);
            std::swap(idx[c], idx[pick]);
            for (std::int64_t j = 0; j < d; ++j)
                centres[c * d + j] = centred(idx[c], j);
        }
        return centres;
    }
};

struct RunResult {
    std::vector<double> centres; // centred, k x d row-major
    double inertia = 0;
    int iterations = 0;
    bool stopRequested = false;
    bool converged = false; // the tolerance was reached (else max_iter)
};

// scikit-learn's _relocate_empty_clusters_dense: each empty cluster takes the sample
// farthest from its (old) centre.
void relocateEmpty(const Workspace &w, const std::vector<double> &oldCentres,
    const std::vector<int> &labels, std::vector<double> &sums, std::vector<std::int64_t> &counts)
{
    std::vector<int> empty;
    for (int c = 0; c < w.k; ++c)
        if (counts[c] == 0)
            empty.push_back(c);
    if (empty.empty())
        return;
    std::vector<double> dist(static_cast<std::size_t>(w.n));
    for (std::int64_t i = 0; i < w.n; ++i) {
        double s = 0;
        for (std::int64_t j = 0; j < w.d; ++j) {
            const double diff = w.centred(i, j) - oldCentres[labels[i] * w.d + j];
            s += diff * diff;
        }
        dist[i] = s;
    }
    std::vector<std::int64_t> order(static_cast<std::size_t>(w.n));
    std::iota(order.begin(), order.end(), 0);
    const std::size_t m = std::min(empty.size(), order.size());
    std::partial_sort(
        order.begin(), order.begin() + m, order.end(), [&](std::int64_t a, std::int64_t b) {
            return dist[a] > dist[b] || (dist[a] == dist[b] && a < b);
        });
    for (std::size_t e = 0; e < m; ++e) {
        const int target = empty[e];
        const std::int64_t far = order[e];
        const int old = labels[far];
        for (std::int64_t j = 0; j < w.d; ++j) {
            const double v = w.centred(far, j);
            sums[old * w.d + j] -= v;
            sums[target * w.d + j] = v;
        }
        counts[target] = 1;
        counts[old] -= 1;
    }
}

} // namespace

KMeans::KMeans(KMeansOptions options) : m_options(std::move(options))
{
}

void KMeans::clear()
{
    m_centres.resize(0, 0);
    m_mean.resize(0);
    m_inertia = 0;
    m_iterations = 0;
    m_labels.clear();
}

bool KMeans::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &, const FitContext &context)
{
    clear();
    const std::int64_t n = X.rows();
    const std::int64_t d = X.cols();
    const KMeansOptions &o = m_options;
    const bool given = o.initialCentres.size() > 0;
    const int k = given ? static_cast<int>(o.initialCentres.rows()) : o.clusters;
    if (n == 0 || d == 0)
        throw FitError("k-means needs at least one row and one column");
    if (k < 1)
        throw FitError("k-means needs at least one cluster");
    if (given && o.clusters != k)
        throw FitError("k-means: " + std::to_string(o.initialCentres.rows())
            + " initial centres given for " + std::to_string(o.clusters) + " clusters");
    if (k > n)
        throw FitError("k-means cannot make " + std::to_string(k) + " clusters from "
            + std::to_string(n) + " rows");
    if (o.nInit < 1)
        throw FitError("k-means needs at least one run (n_init)");
    if (o.maxIter < 1)
        throw FitError("k-means needs at least one iteration (max_iter)");
    if (!(o.tol >= 0) || !std::isfinite(o.tol))
        throw FitError("k-means tolerance must be a finite number >= 0");
    if (given && (o.initialCentres.cols() != d || !o.initialCentres.allFinite()))
        throw FitError("k-means initial centres must be " + std::to_string(k) + " x "
            + std::to_string(d) + " finite values");

    // Finiteness, column means and the tolerance scale (tol * mean feature variance).
    Eigen::RowVectorXd mean(d);
    double varianceSum = 0;
    for (std::int64_t j = 0; j < d; ++j) {
        if (context.cancelled())
            return false;
        const auto col = X.col(j);
        if (!col.allFinite())
            throw FitError("k-means input holds a missing or non-finite value in column "
                + std::to_string(j + 1) + "; impute or drop it first");
        double s = 0;
        for (std::int64_t i = 0; i < n; ++i)
            s += col(i);
        const double m = s / static_cast<double>(n);
        double v = 0;
        for (std::int64_t i = 0; i < n; ++i)
            v += (col(i) - m) * (col(i) - m);
        mean(j) = m;
        varianceSum += v / static_cast<double>(n);
    }
    const double tolScaled = o.tol * varianceSum / static_cast<double>(d);

    Workspace w;
    w.x = X.data();
    w.ld = X.outerStride();
    w.n = n;
    w.d = d;
    w.k = k;
    w.mean = mean.data();
    w.threads = context.threadCount();
    w.context = &context;

    std::mt19937_64 rng(o.seed);
    const int runs = given ? 1 : o.nInit;
    const std::size_t kd = static_cast<std::size_t>(k * d);
    RunResult best;
    bool haveBest = false;
    int epoch = 0;
    bool stoppedRuns = false; // Stop ended the runs early
    std::vector<int> labels(static_cast<std::size_t>(n));
    try {
        for (int run = 0; run < runs; ++run) {
            std::vector<double> centres(kd);
            if (given) {
                for (int c = 0; c < k; ++c)
                    for (std::int64_t j = 0; j < d; ++j)
                        centres[c * d + j] = o.initialCentres(c, j) - mean(j);
            } else if (o.init == KMeansOptions::Init::Random) {
                centres = w.randomRows(rng);
            } else {
                centres = w.plusPlus(rng, o.greedy);
            }

            // Lloyd iterations (scikit-learn's _kmeans_single_lloyd).
            std::fill(labels.begin(), labels.end(), -1);
            std::vector<double> sums;
            std::vector<std::int64_t> counts;
            std::vector<double> next(kd);
            RunResult r;
            for (int it = 1; it <= o.maxIter; ++it) {
                std::int64_t changed = 0;
                const double inertia = w.assign(centres, labels, &sums, &counts, &changed);
                relocateEmpty(w, centres, labels, sums, counts);
                double shift = 0;
                for (int c = 0; c < k; ++c) {
                    const double alpha = counts[c] > 0 ? 1.0 / static_cast<double>(counts[c]) : 1.0;
                    double s = 0;
                    for (std::int64_t j = 0; j < d; ++j) {
                        const double v = counts[c] > 0 ? sums[c * d + j] * alpha : sums[c * d + j];
                        const double diff = v - centres[c * d + j];
                        s += diff * diff;
                        next[c * d + j] = v;
                    }
                    shift += s; // the squared Euclidean shift of centre c
                }
                centres.swap(next);
                r.iterations = it;
                EpochReport rep;
                rep.epoch = ++epoch;
                rep.totalEpochs = runs * o.maxIter;
                rep.trainLoss = inertia;
                rep.metric = inertia;
                rep.metricName = "inertia";
                rep.unit = "iteration";
                if (context.report(rep)) {
                    if (context.cancelled())
                        throw CancelledRun {};
                    r.stopRequested = true;
                }
                if (changed == 0 || shift <= tolScaled) {
                    r.converged = true;
                    break;
                }
                if (r.stopRequested)
                    break;
            }
            // Final E-step (only needed to compare runs): inertia for the final centres.
            if (runs > 1)
                r.inertia = w.assign(centres, labels, nullptr, nullptr, nullptr);
            r.centres = std::move(centres);
            if (!haveBest || r.inertia < best.inertia) {
                best = std::move(r);
                haveBest = true;
            }
            if (best.stopRequested || r.stopRequested) {
                stoppedRuns = true;
                break;
            }
        }

        // Centres in the original space; the final labels and inertia use the same
        // (centres - mean) that predict() uses, so predict(X) reproduces labels().
        Eigen::MatrixXd centresOut(k, d);
        for (int c = 0; c < k; ++c)
            for (std::int64_t j = 0; j < d; ++j)
                centresOut(c, j) = best.centres[c * d + j] + mean(j);
        std::vector<double> ct(kd);
        for (int c = 0; c < k; ++c)
            for (std::int64_t j = 0; j < d; ++j)
                ct[c * d + j] = centresOut(c, j) - mean(j);
        m_inertia = w.assign(ct, labels, nullptr, nullptr, nullptr);
        m_centres = std::move(centresOut);
        m_mean = mean;
        m_iterations = best.iterations;
        m_labels = std::move(labels);
        context.ended(stoppedRuns ? FitEnd::Stopped
                : best.converged  ? FitEnd::Converged
                                  : FitEnd::Completed,
            epoch);
    } catch (const CancelledRun &) {
        clear();
        context.ended(FitEnd::Cancelled, epoch);
        return false;
    }
    return true;
}

Eigen::VectorXd KMeans::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const std::int64_t n = X.rows();
    const std::int64_t d = X.cols();
    const int k = static_cast<int>(m_centres.rows());
    std::vector<double> ct(static_cast<std::size_t>(k * d));
    for (int c = 0; c < k; ++c)
        for (std::int64_t j = 0; j < d; ++j)
            ct[c * d + j] = m_centres(c, j) - m_mean(j);
    std::vector<double> cnorm(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c) {
        double s = 0;
        for (std::int64_t j = 0; j < d; ++j)
            s += ct[c * d + j] * ct[c * d + j];
        cnorm[c] = s;
    }
    std::vector<int> labels(static_cast<std::size_t>(n), -1);
    std::vector<double> xc(static_cast<std::size_t>(kTile * d)); // zeroed
    double inertia = 0;
    std::int64_t changed = 0;
    for (std::int64_t r = 0; r < n; r += kTile) {
        const std::int64_t len = std::min(kTile, n - r);
        kmeans_detail::kmeansAssignTile(X.data(), X.outerStride(), r, len, d, m_mean.data(),
            ct.data(), cnorm.data(), k, xc.data(), labels.data() + r, nullptr, nullptr, &inertia,
            &changed);
    }
    Eigen::VectorXd out(n);
    for (std::int64_t i = 0; i < n; ++i)
        out(i) = labels[i];
    return out;
}

ModelState KMeans::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    s.setNumber("clusters", m_options.clusters);
    s.setText("init", m_options.init == KMeansOptions::Init::Random ? "random" : "k-means++");
    s.setNumber("greedy", m_options.greedy ? 1 : 0);
    s.setNumber("n_init", m_options.nInit);
    s.setNumber("max_iter", m_options.maxIter);
    s.setNumber("tol", m_options.tol);
    s.setUnsignedInteger("seed", m_options.seed);
    s.setMatrix("initial_centres", m_options.initialCentres);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (isFitted()) {
        s.setMatrix("centres", m_centres);
        s.setVector("mean", m_mean.transpose());
        s.setNumber("inertia", m_inertia);
        s.setNumber("iterations", m_iterations);
    }
    return s;
}

void KMeans::restore(const ModelState &s)
{
    s.requireKind("kmeans", 1);
    KMeansOptions o;
    o.clusters = static_cast<int>(s.integer("clusters", 1, 1 << 30));
    const std::string &init = s.text("init");
    if (init == "random")
        o.init = KMeansOptions::Init::Random;
    else if (init == "k-means++")
        o.init = KMeansOptions::Init::KMeansPlusPlus;
    else
        throw ModelStateError("kmeans: unknown init '" + init + "'");
    o.greedy = s.integer("greedy", 0, 1) == 1;
    o.nInit = static_cast<int>(s.integer("n_init", 1, 1 << 30));
    o.maxIter = static_cast<int>(s.integer("max_iter", 1, 1 << 30));
    o.tol = s.number("tol", 0, std::numeric_limits<double>::max());
    o.seed = s.unsignedInteger("seed");
    o.initialCentres = s.matrix("initial_centres");
    if (o.initialCentres.size() > 0
        && (o.initialCentres.rows() != o.clusters || !o.initialCentres.allFinite()))
        throw ModelStateError("kmeans: 'initial_centres' must be 'clusters' rows of finite values");

    const bool fitted = s.integer("fitted", 0, 1) == 1;
    Eigen::MatrixXd centres;
    Eigen::RowVectorXd mean;
    double inertia = 0;
    int iterations = 0;
    if (fitted) {
        centres = s.matrix("centres", o.clusters, -1);
        if (centres.cols() < 1 || !centres.allFinite())
            throw ModelStateError(
                "kmeans: 'centres' must have at least one column of finite values");
        if (o.initialCentres.size() > 0 && o.initialCentres.cols() != centres.cols())
            throw ModelStateError("kmeans: 'initial_centres' and 'centres' differ in width");
        mean = s.vector("mean", centres.cols()).transpose();
        if (!mean.allFinite())
            throw ModelStateError("kmeans: 'mean' holds a non-finite value");
        inertia = s.number("inertia", 0, std::numeric_limits<double>::max());
        iterations = static_cast<int>(s.integer("iterations", 1, o.maxIter));
    }
    m_options = std::move(o);
    clear();
    m_centres = std::move(centres);
    m_mean = std::move(mean);
    m_inertia = inertia;
    m_iterations = iterations;
}

std::unique_ptr<Estimator> KMeans::cloneUnfitted() const
{
    return std::make_unique<KMeans>(m_options);
}

} // namespace sextant::engine
