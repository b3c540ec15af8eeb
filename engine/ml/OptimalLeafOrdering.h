#pragma once

#include <Eigen/Core>
#include <atomic>

namespace sextant::engine {

// Optimal leaf ordering of a hierarchical clustering (Bar-Joseph, Gifford & Jaakkola,
// "Fast optimal leaf ordering for hierarchical clustering", 2001), as SciPy's
// scipy.cluster.hierarchy.optimal_leaf_ordering(Z, D) computes it: the children of
// merges are swapped so that neighbouring leaves are close, the tree itself unchanged.
//
// SciPy's variant is followed step by step so the leaf order is SciPy's: merges are
// visited in linkage order; for each merge V = (L, R) and each pair of outer leaves
// u in L, w in R the smallest cost M(u, w) = M(u, m) + D(m, k) + M(k, w) is kept (in
// single precision, as SciPy keeps M), m and k the inner ends on the other side of L's
// and R's own children; the best pair of V decides whether L and R are mirrored (a
// mirrored node mirrors its whole subtree, so swaps of a node and its ancestors add up
// modulo 2). The root is never mirrored. Ties of equal cost may resolve differently.
//
// Input: Z in SciPy's linkage format ((n-1) x 4, Dendrogram), D the n x n symmetric
// distances between the samples. Cost O(n^3) time, O(n^2) memory: meant for up to a few
// thousand leaves. Polls `cancel` once per merge (returns an empty matrix when set).
class OptimalLeafOrdering {
public:
    // Z with the columns 0 and 1 of some rows swapped; throws FitError on a malformed Z or
    // a D of the wrong size.
    static Eigen::MatrixXd reorder(const Eigen::Ref<const Eigen::MatrixXd> &Z,
        const Eigen::Ref<const Eigen::MatrixXd> &D, const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
