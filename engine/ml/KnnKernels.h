#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace sextant::engine::knnkernels {

// The brute-force euclidean search kernels of KNearestNeighbors: the training rows are
// stored in panels of kLanes rows, feature-major inside a panel (value j of row
// p * kLanes + l at panels[p * d * kLanes + j * kLanes + l]), with each row's squared norm
// alongside. A kernel screens one group of kGroup queries against panels [pb, pe) by
// ||x||² - 2 q·x < threshold and re-checks every candidate exactly in double, so every
// kernel finds the same neighbours bit for bit; AVX2 and AVX-512 variants are chosen at
// run time (the library itself being compiled for baseline x86-64).

constexpr int kLanes = 8; // rows per panel
constexpr int kGroup = 4; // queries per kernel call
constexpr std::int64_t kQueryBlock = 64; // queries sharing one pass over a train block
constexpr std::int64_t kTrainBlock = 256; // panels per train block (2048 rows, fits L2)
constexpr double kInf = std::numeric_limits<double>::infinity();

constexpr int kLanesF = 16; // rows per float panel
constexpr std::int64_t kTrainBlockF = 128; // float panels per train block (2048 rows)

// Largest |value| for which the float screening is used (squares stay far from overflow).
constexpr double kFloatLimit = 1e15;

// The k best (distance, row) pairs of one query, sorted by distance then row.
struct TopK {
    double *dist;
    std::int64_t *idx;
    int k;
    int count = 0;

    double worst() const { return count < k ? kInf : dist[k - 1]; }
    // Inserts unless (d, row) is not better than the current k-th pair.
    void insert(double d, std::int64_t row)
    {
        if (count == k) {
            if (d > dist[k - 1] || (d == dist[k - 1] && row > idx[k - 1]))
                return;
        } else {
            ++count;
        }
        int pos = count - 1;
        while (pos > 0 && (dist[pos - 1] > d || (dist[pos - 1] == d && idx[pos - 1] > row))) {
            dist[pos] = dist[pos - 1];
            idx[pos] = idx[pos - 1];
            --pos;
        }
        dist[pos] = d;
        idx[pos] = row;
    }
};

// Search state of one group of kGroup queries for the euclidean brute-force kernel.
struct Group {
    const double *panels = nullptr;
    std::int64_t rows = 0;
    int d = 0;
    double maxNorm = 0;
    const double *q[kGroup] = {}; // query rows (row-major, d values each)
    double qnorm[kGroup] = {};
    double thr[kGroup] = {}; // screening threshold on ||x||² - 2 q·x
    TopK *top[kGroup] = {};
    int active = kGroup; // queries in use (the rest are padding)
    // Single-precision screening (AVX-512 path): float copies of the queries, the threshold
    // with a float-sized margin, and the largest |value| of queries and training rows.
    const float *qf[kGroup] = {};
    float thrf[kGroup] = {};
    double maxAbs = 0;

    void updateThreshold(int r)
    {
        const double w = top[r]->worst();
        if (w == kInf) {
            thr[r] = kInf;
            thrf[r] = std::numeric_limits<float>::infinity();
            return;
        }
        // Rounding margin of the screening value (|error| <= (d+3) eps (||x||² + 2|q.x|) <=
        // (d+3) eps (2||x||² + ||q||²)) plus that of the exact distance, a factor 4 to spare.
        const double scale = qnorm[r] + 2.0 * maxNorm + w;
        const double tol = 4.0 * (d + 4) * std::numeric_limits<double>::epsilon() * scale;
        thr[r] = w - qnorm[r] + tol;
        // Float screening: the same bound with the float epsilon (the conversions of q, x and
        // ||x||² to float are within it), plus an absolute term for values that become
        // subnormal or underflow in float (2^-149 per conversion / product, 2^-126 slack).
        const double tolF = 4.0 * (d + 4)
            * (static_cast<double>(std::numeric_limits<float>::epsilon()) * scale
                + std::ldexp(1.0, -149) * 2.0 * (maxAbs + 1.0) + std::ldexp(1.0, -126));
        thrf[r] = static_cast<float>(w - qnorm[r] + tolF);
    }
};

using Kernel = void (*)(Group &, const double *, std::int64_t, std::int64_t);

// Portable, AVX2+FMA and AVX-512 kernels over the double panels [pb, pe) (the AVX-512 one
// takes 4 panels per step: pe - pb a multiple of 4).
void kernelGeneric(Group &g, const double *norms, std::int64_t pb, std::int64_t pe);
void kernelAvx2(Group &g, const double *norms, std::int64_t pb, std::int64_t pe);
void kernelAvx512(Group &g, const double *norms, std::int64_t pb, std::int64_t pe);
// Single-precision screening (AVX-512) over float panels of kLanesF rows, same layout.
void kernelAvx512Float(
    Group &g, const float *panels, const float *norms, std::int64_t pb, std::int64_t pe);

// SEXTANT_KNN_SIMD=generic|avx2 forces a lesser kernel (tests use it to check that every
// path gives the same neighbours); otherwise the best the CPU supports.
Kernel pickKernel();

} // namespace sextant::engine::knnkernels
