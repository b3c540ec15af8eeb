#pragma once

#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The drawing of a hierarchical clustering, as SciPy's scipy.cluster.hierarchy.dendrogram
// draws it (orientation "top", no count or distance sort, no truncation).
//
// Input: a linkage matrix in SciPy's format, (n-1) x 4, rows sorted by distance: row j
// merges clusters Z(j,0) and Z(j,1) (ids < n are samples, n + i is the cluster of row i)
// at height Z(j,2) into a cluster of Z(j,3) samples (AgglomerativeClustering::linkageMatrix).
//
// Layout: the tree is walked from the root, the first cluster of each row (column 0) to
// the left, so the leaves come out in SciPy's order (its "leaves", leaves_list(Z)); the
// leaf at position p sits at x = 5 + 10 p, and each merge draws a "U": icoord holds its
// four x positions and dcoord its four heights, in SciPy's order (post-order: a merge
// after the two it joins), so both equal SciPy's `icoord` / `dcoord` for the same Z.
struct DendrogramLayout {
    std::vector<std::int64_t> leaves; // sample id at each leaf position, left to right
    std::vector<std::array<double, 4>> icoord;
    std::vector<std::array<double, 4>> dcoord;
    // The linkage row each U draws (index into Z), in the same order as icoord.
    std::vector<std::int64_t> linkRow;
};

class Dendrogram {
public:
    // The layout of `Z` (see above); n = Z.rows() + 1 samples. Z must be a valid
    // linkage (checked: ids in range, each cluster merged once); throws FitError otherwise.
    // O(n) time and memory, no recursion.
    static DendrogramLayout layout(const Eigen::Ref<const Eigen::MatrixXd> &Z);

    // The height at which a horizontal cut leaves `clusters` clusters (1 <= clusters <= n):
    // half-way between the last merge kept (row n - clusters - 1; 0 when none is) and the
    // first one undone (row n - clusters; 5% above the root for one cluster).
    static double cutHeight(const Eigen::Ref<const Eigen::MatrixXd> &Z, int clusters);
    // The clusters a cut at `height` leaves: 1 + the merges above it (strictly).
    static int clustersAt(const Eigen::Ref<const Eigen::MatrixXd> &Z, double height);
};

} // namespace sextant::engine
