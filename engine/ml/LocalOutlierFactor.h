#pragma once

#include <Eigen/Core>
#include <atomic>

namespace sextant::engine {

// Local outlier factor (Breunig et al. 2000) of every training row, as scikit-learn's
// LocalOutlierFactor computes it on the rows it was fitted on (negative_outlier_factor_
// is minus these values).
//
// Data layout: X is n x d, rows are samples, columns are features, all finite. Euclidean
// distances, exact (brute force, O(n^2 d), rows in parallel). For each row the k nearest
// other rows (k = min(neighbors, n - 1); the row itself is left out by index, an exact
// duplicate of it is a neighbour at distance 0); among rows at the same distance the lower
// row index comes first. k-distance(b) = distance from b to its k-th neighbour;
// reach(a, b) = max(k-distance(b), d(a, b)); lrd(a) = 1 / (mean over a's neighbours b of
// reach(a, b) + 1e-10); LOF(a) = mean over a's neighbours of lrd(b) / lrd(a). The 1e-10 is
// scikit-learn's: a row with more than k exact duplicates gets lrd 1e10 instead of a
// division by zero. Inliers score about 1, outliers clearly more.
struct LocalOutlierFactorOptions {
    int neighbors = 20; // >= 1
    int threads = 1;
    const std::atomic<bool> *cancel = nullptr; // polled once per row
};

class LocalOutlierFactor {
public:
    // The n factors; empty when cancelled. Needs n >= 2.
    static Eigen::VectorXd scores(
        const Eigen::Ref<const Eigen::MatrixXd> &X, const LocalOutlierFactorOptions &options);
};

} // namespace sextant::engine
