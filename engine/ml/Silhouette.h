#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace sextant::engine {

// Per-sample silhouette coefficients, as scikit-learn's
// sklearn.metrics.silhouette_samples(X, labels) with euclidean distances: for sample i
// in cluster A, a = mean distance to the other members of A, b = the smallest mean
// distance to the members of another cluster, s = (b - a) / max(a, b); 0 for a sample
// alone in its cluster (and where a = b = 0).
//
// Layout: X is n x d, rows are samples; labels are cluster codes 0..k-1, one per row
// (every code in [0, k) may be used; unused ones are ignored).
//
// Cost: O(n^2 d) time, done in blocks of kBlockRows rows against all rows (a matrix
// product per block, distances from |x|^2 + |y|^2 - 2 x.y on centred data), so memory is
// O(n) per thread (kBlockRows x n distances) besides X. Callers bound n (the Silhouette
// Plot node samples above a limit).
class Silhouette {
public:
    static constexpr int kBlockRows = 64;

    // Throws FitError unless 2 <= distinct labels <= n - 1 (scikit-learn's check).
    // `threads` 0: the hardware's. Polls `cancel` between blocks (returns an empty
    // vector when set); `progress` gets the fraction done (from worker threads).
    static std::vector<double> samples(const Eigen::Ref<const Eigen::MatrixXd> &X,
        std::span<const std::int32_t> labels, int threads = 0,
        const std::atomic<bool> *cancel = nullptr,
        const std::function<void(double)> &progress = {});
};

} // namespace sextant::engine
