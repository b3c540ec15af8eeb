#include "ml/KnnKernels.h"

#include <cmath>
#include <cstdlib>
#include <immintrin.h>
#include <string>

namespace sextant::engine::knnkernels {

namespace {

// Exact squared euclidean distance of query q to training row `row` of the panels.
double exactSquared(const double *panels, int d, const double *q, std::int64_t row)
{
    const double *p = panels + (row / kLanes) * d * kLanes + (row % kLanes);
    double s = 0;
    for (int j = 0; j < d; ++j) {
        const double diff = q[j] - p[j * kLanes];
        s += diff * diff;
    }
    return s;
}

// Candidates of query r among rows firstRow + bit (ascending bits), found by the kernel.
__attribute__((noinline)) void handleCandidates(
    Group &g, int r, std::int64_t firstRow, std::uint64_t mask)
{
    if (r >= g.active)
        return;
    while (mask) {
        const int bit = __builtin_ctzll(mask);
        mask &= mask - 1;
        const std::int64_t row = firstRow + bit;
        if (row >= g.rows)
            break;
        const double e = exactSquared(g.panels, g.d, g.q[r], row);
        g.top[r]->insert(e, row);
    }
    g.updateThreshold(r);
}

} // namespace

// Portable kernel: panels [pb, pe).
void kernelGeneric(Group &g, const double *norms, std::int64_t pb, std::int64_t pe)
{
    const int d = g.d;
    for (std::int64_t p = pb; p < pe; ++p) {
        const double *P = g.panels + p * d * kLanes;
        double acc[kGroup][kLanes] = {};
        for (int j = 0; j < d; ++j) {
            const double *x = P + j * kLanes;
            for (int r = 0; r < kGroup; ++r) {
                const double qv = g.q[r][j];
                for (int l = 0; l < kLanes; ++l)
                    acc[r][l] += qv * x[l];
            }
        }
        const double *nrm = norms + p * kLanes;
        for (int r = 0; r < kGroup; ++r) {
            unsigned mask = 0;
            for (int l = 0; l < kLanes; ++l)
                mask |= (nrm[l] - 2.0 * acc[r][l] < g.thr[r] ? 1u : 0u) << l;
            if (mask)
                handleCandidates(g, r, p * kLanes, mask);
        }
    }
}

__attribute__((target("avx2,fma"))) void kernelAvx2(
    Group &g, const double *norms, std::int64_t pb, std::int64_t pe)
{
    const int d = g.d;
    const __m256d minusTwo = _mm256_set1_pd(-2.0);
    for (std::int64_t p = pb; p < pe; ++p) {
        const double *P = g.panels + p * d * kLanes;
        __m256d a0[kGroup], a1[kGroup];
#pragma GCC unroll 4
        for (int r = 0; r < kGroup; ++r) {
            a0[r] = _mm256_setzero_pd();
            a1[r] = _mm256_setzero_pd();
        }
        for (int j = 0; j < d; ++j) {
            const __m256d x0 = _mm256_loadu_pd(P + j * kLanes);
            const __m256d x1 = _mm256_loadu_pd(P + j * kLanes + 4);
#pragma GCC unroll 4
            for (int r = 0; r < kGroup; ++r) {
                const __m256d qv = _mm256_broadcast_sd(g.q[r] + j);
                a0[r] = _mm256_fmadd_pd(qv, x0, a0[r]);
                a1[r] = _mm256_fmadd_pd(qv, x1, a1[r]);
            }
        }
        const __m256d n0 = _mm256_loadu_pd(norms + p * kLanes);
        const __m256d n1 = _mm256_loadu_pd(norms + p * kLanes + 4);
#pragma GCC unroll 4
        for (int r = 0; r < kGroup; ++r) {
            const __m256d t = _mm256_set1_pd(g.thr[r]);
            const __m256d v0 = _mm256_fmadd_pd(minusTwo, a0[r], n0);
            const __m256d v1 = _mm256_fmadd_pd(minusTwo, a1[r], n1);
            const unsigned mask
                = static_cast<unsigned>(_mm256_movemask_pd(_mm256_cmp_pd(v0, t, _CMP_LT_OQ)))
                | (static_cast<unsigned>(_mm256_movemask_pd(_mm256_cmp_pd(v1, t, _CMP_LT_OQ)))
                    << 4);
            if (mask)
                handleCandidates(g, r, p * kLanes, mask);
        }
    }
}

// The AVX-512 screening kernel over panels of T (double: 8 rows each, float: 16), the
// same for both precisions: four panels per step, 16 accumulators, 4 loads + 4
// broadcasts per 16 FMAs. Avx512<T> names the vector type and its operations.
template<class T> struct Avx512;

template<> struct Avx512<double> {
    using Vec = __m512d;
    using Mask = unsigned;
    static constexpr int kRows = kLanes;
    __attribute__((target("avx512f"), always_inline)) static Vec zero()
    {
        return _mm512_setzero_pd();
    }
    __attribute__((target("avx512f"), always_inline)) static Vec load(const double *p)
    {
        return _mm512_loadu_pd(p);
    }
    __attribute__((target("avx512f"), always_inline)) static Vec broadcast(double v)
    {
        return _mm512_set1_pd(v);
    }
    __attribute__((target("avx512f"), always_inline)) static Vec fmadd(Vec a, Vec b, Vec c)
    {
        return _mm512_fmadd_pd(a, b, c);
    }
    __attribute__((target("avx512f"), always_inline)) static Mask less(Vec a, Vec b)
    {
        return static_cast<Mask>(_mm512_cmp_pd_mask(a, b, _CMP_LT_OQ));
    }
};

template<> struct Avx512<float> {
    using Vec = __m512;
    using Mask = std::uint64_t;
    static constexpr int kRows = kLanesF;
    __attribute__((target("avx512f"), always_inline)) static Vec zero()
    {
        return _mm512_setzero_ps();
    }
    __attribute__((target("avx512f"), always_inline)) static Vec load(const float *p)
    {
        return _mm512_loadu_ps(p);
    }
    __attribute__((target("avx512f"), always_inline)) static Vec broadcast(float v)
    {
        return _mm512_set1_ps(v);
    }
    __attribute__((target("avx512f"), always_inline)) static Vec fmadd(Vec a, Vec b, Vec c)
    {
        return _mm512_fmadd_ps(a, b, c);
    }
    __attribute__((target("avx512f"), always_inline)) static Mask less(Vec a, Vec b)
    {
        return static_cast<Mask>(_mm512_cmp_ps_mask(a, b, _CMP_LT_OQ));
    }
};

// Screens the queries `q` (thresholds `thr`) against `panels` [pb, pe) (a multiple of 4)
// with squared norms `norms`; candidates go to handleCandidates, which re-checks them
// exactly in double.
template<class T>
__attribute__((target("avx512f"))) void screenAvx512(Group &g, const T *panels, const T *norms,
    const T *const *q, const T *thr, std::int64_t pb, std::int64_t pe)
{
    using V = Avx512<T>;
    using Vec = typename V::Vec;
    using Mask = typename V::Mask;
    constexpr int rows = V::kRows;
    const int d = g.d;
    const Vec minusTwo = V::broadcast(T(-2));
    const std::int64_t stride = static_cast<std::int64_t>(d) * rows;
    for (std::int64_t p = pb; p < pe; p += 4) {
        const T *P = panels + p * stride;
        Vec a[kGroup][4];
#pragma GCC unroll 4
        for (int r = 0; r < kGroup; ++r)
#pragma GCC unroll 4
            for (int c = 0; c < 4; ++c)
                a[r][c] = V::zero();
        for (int j = 0; j < d; ++j) {
            Vec x[4];
#pragma GCC unroll 4
            for (int c = 0; c < 4; ++c)
                x[c] = V::load(P + c * stride + j * rows);
#pragma GCC unroll 4
            for (int r = 0; r < kGroup; ++r) {
                const Vec qv = V::broadcast(q[r][j]);
#pragma GCC unroll 4
                for (int c = 0; c < 4; ++c)
                    a[r][c] = V::fmadd(qv, x[c], a[r][c]);
            }
        }
        Vec nrm[4];
#pragma GCC unroll 4
        for (int c = 0; c < 4; ++c)
            nrm[c] = V::load(norms + (p + c) * rows);
#pragma GCC unroll 4
        for (int r = 0; r < kGroup; ++r) {
            const Vec t = V::broadcast(thr[r]);
            Mask mask = 0;
#pragma GCC unroll 4
            for (int c = 0; c < 4; ++c)
                mask |= V::less(V::fmadd(minusTwo, a[r][c], nrm[c]), t) << (rows * c);
            if (mask)
                handleCandidates(g, r, p * rows, mask);
        }
    }
}

__attribute__((target("avx512f"))) void kernelAvx512(
    Group &g, const double *norms, std::int64_t pb, std::int64_t pe)
{
    screenAvx512<double>(g, g.panels, norms, g.q, g.thr, pb, pe);
}

// Single precision: float panels [pb, pe) (a multiple of 4), 16 rows each, feature-major
// like the double panels. Candidates are re-checked exactly in double by
// handleCandidates, so the result does not depend on this path.
__attribute__((target("avx512f"))) void kernelAvx512Float(
    Group &g, const float *panels, const float *norms, std::int64_t pb, std::int64_t pe)
{
    screenAvx512<float>(g, panels, norms, g.qf, g.thrf, pb, pe);
}

Kernel pickKernel()
{
    __builtin_cpu_init();
    const char *force = std::getenv("SEXTANT_KNN_SIMD");
    if (force && std::string(force) == "generic")
        return kernelGeneric;
    if (force && std::string(force) == "avx2" && __builtin_cpu_supports("avx2")
        && __builtin_cpu_supports("fma"))
        return kernelAvx2;
    if (__builtin_cpu_supports("avx512f"))
        return kernelAvx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return kernelAvx2;
    return kernelGeneric;
}

} // namespace sextant::engine::knnkernels
