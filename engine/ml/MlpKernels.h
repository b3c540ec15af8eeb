#pragma once

#include <cstddef>

namespace sextant::engine::mlpkernels {

// The single-precision matrix products of Mlp's mini-batch training and prediction.
//
// Data layout: every matrix is row-major. gemm computes, for m < M, n < N,
//     C[m * ldc + n] = (accumulate ? C[m * ldc + n] : 0) + sum_{k < K} A(m, k) * B[k * ldb + n]
// where A(m, k) = A[m * aRowStride + k * aColStride]. So
//   - A stored M x K row-major (leading dimension lda): aRowStride = lda, aColStride = 1;
//   - A^T with A stored K x M row-major:                aRowStride = 1,   aColStride = lda.
// B is K x N row-major with leading dimension ldb; C is M x N row-major with ldc.
//
// On x86-64 CPUs with AVX-512F an explicit 6 x 32 register-blocked kernel runs, with AVX2 and
// FMA a 6 x 16 one (chosen at run time, the library itself being compiled for baseline
// x86-64); elsewhere a portable Eigen product. Each output sums over k in increasing order, so the
// result is the same bit for bit on every run on the same machine and build.
void gemm(int M, int N, int K, const float *A, std::ptrdiff_t aRowStride, std::ptrdiff_t aColStride,
    const float *B, std::ptrdiff_t ldb, float *C, std::ptrdiff_t ldc, bool accumulate = false);

// True when gemm uses one of the explicit AVX2 / AVX-512 kernels.
bool vectorized();

// Testing hook: force the portable kernel even where AVX2 is available (process-wide,
// not thread-safe; set it before fitting).
void setForceGeneric(bool force);

} // namespace sextant::engine::mlpkernels
