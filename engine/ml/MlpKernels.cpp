#include "ml/MlpKernels.h"

#include <Eigen/Core>
#include <algorithm>
#include <atomic>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SEXTANT_MLP_HAVE_AVX2_KERNEL 1
#endif

namespace sextant::engine::mlpkernels {

namespace {

std::atomic<bool> g_forceGeneric { false };

void gemmGeneric(int M, int N, int K, const float *A, std::ptrdiff_t aRowStride,
    std::ptrdiff_t aColStride, const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc,
    bool accumulate)
{
    using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using ColMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
    using OStride = Eigen::OuterStride<>;
    Eigen::Map<const RowMat, 0, OStride> b(B, K, N, OStride(ldb));
    Eigen::Map<RowMat, 0, OStride> c(C, M, N, OStride(ldc));
    if (!accumulate)
        c.setZero();
    if (K == 0)
        return;
    if (aColStride == 1) {
        Eigen::Map<const RowMat, 0, OStride> a(A, M, K, OStride(aRowStride));
        c.noalias() += a * b;
    } else {
        Eigen::Map<const ColMat, 0, OStride> a(A, M, K, OStride(aColStride));
        c.noalias() += a * b;
    }
}

#ifdef SEXTANT_MLP_HAVE_AVX2_KERNEL

bool cpuHasAvx2Fma()
{
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    return has;
}

__attribute__((target("avx2,fma"))) inline __m256i laneMask(int count)
{
    // Lanes [0, count) set, count in [0, 8].
    const __m256i idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(count), idx);
}

// 6 rows x up to 16 columns of C (ncols in [1, 16]; Full: all 16, no masking). The twelve
// accumulators are named variables so that they stay in registers.
template<bool Full>
__attribute__((target("avx2,fma"))) void microKernel6(int K, const float *A, std::ptrdiff_t sm,
    std::ptrdiff_t sk, const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc, int ncols,
    bool accumulate)
{
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
    __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
    __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
    __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    __m256i m0 = _mm256_setzero_si256(), m1 = _mm256_setzero_si256();
    if constexpr (!Full) {
        m0 = laneMask(ncols < 8 ? ncols : 8);
        m1 = laneMask(ncols > 8 ? ncols - 8 : 0);
    }
    const float *a0 = A, *a1 = A + sm, *a2 = A + 2 * sm, *a3 = A + 3 * sm, *a4 = A + 4 * sm,
                *a5 = A + 5 * sm;
    const float *bk = B;
    for (std::ptrdiff_t k = 0; k < K; ++k, bk += ldb) {
        __m256 b0, b1;
        if constexpr (Full) {
            b0 = _mm256_loadu_ps(bk);
            b1 = _mm256_loadu_ps(bk + 8);
        } else {
            b0 = _mm256_maskload_ps(bk, m0);
            b1 = _mm256_maskload_ps(bk + 8, m1);
        }
        const std::ptrdiff_t o = k * sk;
        __m256 a = _mm256_broadcast_ss(a0 + o);
        c00 = _mm256_fmadd_ps(a, b0, c00);
        c01 = _mm256_fmadd_ps(a, b1, c01);
        a = _mm256_broadcast_ss(a1 + o);
        c10 = _mm256_fmadd_ps(a, b0, c10);
        c11 = _mm256_fmadd_ps(a, b1, c11);
        a = _mm256_broadcast_ss(a2 + o);
        c20 = _mm256_fmadd_ps(a, b0, c20);
        c21 = _mm256_fmadd_ps(a, b1, c21);
        a = _mm256_broadcast_ss(a3 + o);
        c30 = _mm256_fmadd_ps(a, b0, c30);
        c31 = _mm256_fmadd_ps(a, b1, c31);
        a = _mm256_broadcast_ss(a4 + o);
        c40 = _mm256_fmadd_ps(a, b0, c40);
        c41 = _mm256_fmadd_ps(a, b1, c41);
        a = _mm256_broadcast_ss(a5 + o);
        c50 = _mm256_fmadd_ps(a, b0, c50);
        c51 = _mm256_fmadd_ps(a, b1, c51);
    }
    const auto put = [&](float *cr, __m256 v0, __m256 v1) __attribute__((target("avx2,fma")))
    {
        if constexpr (Full) {
            if (accumulate) {
                v0 = _mm256_add_ps(_mm256_loadu_ps(cr), v0);
                v1 = _mm256_add_ps(_mm256_loadu_ps(cr + 8), v1);
            }
            _mm256_storeu_ps(cr, v0);
            _mm256_storeu_ps(cr + 8, v1);
        } else {
            if (accumulate) {
                v0 = _mm256_add_ps(_mm256_maskload_ps(cr, m0), v0);
                v1 = _mm256_add_ps(_mm256_maskload_ps(cr + 8, m1), v1);
            }
            _mm256_maskstore_ps(cr, m0, v0);
            _mm256_maskstore_ps(cr + 8, m1, v1);
        }
    };
    put(C, c00, c01);
    put(C + ldc, c10, c11);
    put(C + 2 * ldc, c20, c21);
    put(C + 3 * ldc, c30, c31);
    put(C + 4 * ldc, c40, c41);
    put(C + 5 * ldc, c50, c51);
}

// Six rows of C, all N columns.
__attribute__((target("avx2,fma"))) void rowBlock6(int N, int K, const float *A, std::ptrdiff_t sm,
    std::ptrdiff_t sk, const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc,
    bool accumulate)
{
    int n = 0;
    for (; n + 16 <= N; n += 16)
        microKernel6<true>(K, A, sm, sk, B + n, ldb, C + n, ldc, 16, accumulate);
    if (n < N)
        microKernel6<false>(K, A, sm, sk, B + n, ldb, C + n, ldc, N - n, accumulate);
}

using RowBlockFn = void (*)(int, int, const float *, std::ptrdiff_t, std::ptrdiff_t, const float *,
    std::ptrdiff_t, float *, std::ptrdiff_t, bool);

// Runs `rowBlock` (a 6-row kernel: 256-bit rowBlock6 or 512-bit rowBlock6x512) over all
// rows of C.
void gemmBlocked(RowBlockFn rowBlock, int M, int N, int K, const float *A, std::ptrdiff_t sm,
    std::ptrdiff_t sk, const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc,
    bool accumulate)
{
    int m = 0;
    for (; m + 6 <= M; m += 6)
        rowBlock(N, K, A + m * sm, sm, sk, B, ldb, C + m * ldc, ldc, accumulate);
    const int rest = M - m;
    if (rest == 0)
        return;
    // The last 1..5 rows: pack them, padded with zero rows, into a 6-row block (k-major),
    // run the 6-row kernel into a scratch C and copy the real rows back. Padding rows add
    // nothing to the real ones, so the sums are the same as in the full blocks.
    thread_local std::vector<float> packA, packC;
    packA.assign(static_cast<std::size_t>(6) * std::max(K, 1), 0.0f);
    packC.assign(static_cast<std::size_t>(6) * N, 0.0f);
    for (int k = 0; k < K; ++k)
        for (int r = 0; r < rest; ++r)
            packA[static_cast<std::size_t>(k) * 6 + r] = A[(m + r) * sm + k * sk];
    if (accumulate)
        for (int r = 0; r < rest; ++r)
            std::copy(C + (m + r) * ldc, C + (m + r) * ldc + N,
                packC.begin() + static_cast<std::ptrdiff_t>(r) * N);
    rowBlock(N, K, packA.data(), 1, 6, B, ldb, packC.data(), N, accumulate);
    for (int r = 0; r < rest; ++r)
        std::copy(packC.begin() + static_cast<std::ptrdiff_t>(r) * N,
            packC.begin() + static_cast<std::ptrdiff_t>(r + 1) * N, C + (m + r) * ldc);
}

// The same 6-row kernel on 512-bit registers: 6 rows x up to 32 columns (ncols in
// [1, 32]), for CPUs with AVX-512F.
template<bool Full>
__attribute__((target("avx512f,avx2,fma"))) void microKernel6x32(int K, const float *A,
    std::ptrdiff_t sm, std::ptrdiff_t sk, const float *B, std::ptrdiff_t ldb, float *C,
    std::ptrdiff_t ldc, int ncols, bool accumulate)
{
    __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps();
    __m512 c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps();
    __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps();
    __m512 c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps();
    __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps();
    __m512 c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps();
    __mmask16 m0 = 0xFFFF, m1 = 0xFFFF;
    if constexpr (!Full) {
        const int n0 = ncols < 16 ? ncols : 16;
        const int n1 = ncols > 16 ? ncols - 16 : 0;
        m0 = static_cast<__mmask16>((1u << n0) - 1u);
        m1 = static_cast<__mmask16>((1u << n1) - 1u);
    }
    const float *a0 = A, *a1 = A + sm, *a2 = A + 2 * sm, *a3 = A + 3 * sm, *a4 = A + 4 * sm,
                *a5 = A + 5 * sm;
    const float *bk = B;
    for (std::ptrdiff_t k = 0; k < K; ++k, bk += ldb) {
        __m512 b0, b1;
        if constexpr (Full) {
            b0 = _mm512_loadu_ps(bk);
            b1 = _mm512_loadu_ps(bk + 16);
        } else {
            b0 = _mm512_maskz_loadu_ps(m0, bk);
            b1 = _mm512_maskz_loadu_ps(m1, bk + 16);
        }
        const std::ptrdiff_t o = k * sk;
        __m512 a = _mm512_set1_ps(a0[o]);
        c00 = _mm512_fmadd_ps(a, b0, c00);
        c01 = _mm512_fmadd_ps(a, b1, c01);
        a = _mm512_set1_ps(a1[o]);
        c10 = _mm512_fmadd_ps(a, b0, c10);
        c11 = _mm512_fmadd_ps(a, b1, c11);
        a = _mm512_set1_ps(a2[o]);
        c20 = _mm512_fmadd_ps(a, b0, c20);
        c21 = _mm512_fmadd_ps(a, b1, c21);
        a = _mm512_set1_ps(a3[o]);
        c30 = _mm512_fmadd_ps(a, b0, c30);
        c31 = _mm512_fmadd_ps(a, b1, c31);
        a = _mm512_set1_ps(a4[o]);
        c40 = _mm512_fmadd_ps(a, b0, c40);
        c41 = _mm512_fmadd_ps(a, b1, c41);
        a = _mm512_set1_ps(a5[o]);
        c50 = _mm512_fmadd_ps(a, b0, c50);
        c51 = _mm512_fmadd_ps(a, b1, c51);
    }
    const auto put
        = [&](float *cr, __m512 v0, __m512 v1) __attribute__((target("avx512f,avx2,fma")))
    {
        if constexpr (Full) {
            if (accumulate) {
                v0 = _mm512_add_ps(_mm512_loadu_ps(cr), v0);
                v1 = _mm512_add_ps(_mm512_loadu_ps(cr + 16), v1);
            }
            _mm512_storeu_ps(cr, v0);
            _mm512_storeu_ps(cr + 16, v1);
        } else {
            if (accumulate) {
                v0 = _mm512_add_ps(_mm512_maskz_loadu_ps(m0, cr), v0);
                v1 = _mm512_add_ps(_mm512_maskz_loadu_ps(m1, cr + 16), v1);
            }
            _mm512_mask_storeu_ps(cr, m0, v0);
            _mm512_mask_storeu_ps(cr + 16, m1, v1);
        }
    };
    put(C, c00, c01);
    put(C + ldc, c10, c11);
    put(C + 2 * ldc, c20, c21);
    put(C + 3 * ldc, c30, c31);
    put(C + 4 * ldc, c40, c41);
    put(C + 5 * ldc, c50, c51);
}

__attribute__((target("avx512f,avx2,fma"))) void rowBlock6x512(int N, int K, const float *A,
    std::ptrdiff_t sm, std::ptrdiff_t sk, const float *B, std::ptrdiff_t ldb, float *C,
    std::ptrdiff_t ldc, bool accumulate)
{
    int n = 0;
    for (; n + 32 <= N; n += 32)
        microKernel6x32<true>(K, A, sm, sk, B + n, ldb, C + n, ldc, 32, accumulate);
    if (n < N)
        microKernel6x32<false>(K, A, sm, sk, B + n, ldb, C + n, ldc, N - n, accumulate);
}

bool cpuHasAvx512()
{
    static const bool has = [] {
        __builtin_cpu_init();
        return cpuHasAvx2Fma() && __builtin_cpu_supports("avx512f");
    }();
    return has;
}

#endif

} // namespace

bool vectorized()
{
#ifdef SEXTANT_MLP_HAVE_AVX2_KERNEL
    return cpuHasAvx2Fma() && !g_forceGeneric.load(std::memory_order_relaxed);
#else
    return false;
#endif
}

void setForceGeneric(bool force)
{
    g_forceGeneric.store(force, std::memory_order_relaxed);
}

void gemm(int M, int N, int K, const float *A, std::ptrdiff_t aRowStride, std::ptrdiff_t aColStride,
    const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc, bool accumulate)
{
    if (M <= 0 || N <= 0)
        return;
    // No inner dimension: C becomes zero (or stays, when accumulating). The blocked kernels
    // would still offset B's pointer, which an empty matrix may hold as null (UBSan).
    if (K <= 0) {
        gemmGeneric(M, N, K, A, aRowStride, aColStride, B, ldb, C, ldc, accumulate);
        return;
    }
#ifdef SEXTANT_MLP_HAVE_AVX2_KERNEL
    if (vectorized()) {
        gemmBlocked(cpuHasAvx512() ? &rowBlock6x512 : &rowBlock6, M, N, K, A, aRowStride,
            aColStride, B, ldb, C, ldc, accumulate);
        return;
    }
#endif
    gemmGeneric(M, N, K, A, aRowStride, aColStride, B, ldb, C, ldc, accumulate);
}

} // namespace sextant::engine::mlpkernels
