#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Maps raw feature values to at most 255 ordered bins per feature (uint8 codes), the
// input of the histogram-based tree learners, and bin edges back to raw thresholds.
//
// Edges follow scikit-learn's HistGradientBoosting binner: when a feature has at most
// maxBins distinct values, the edges are the midpoints between consecutive distinct
// values (so splitting on bins is as exact as sorting); otherwise they are the
// (maxBins - 1) interior percentiles ("midpoint" interpolation), duplicates removed.
//
// A feature f with edges e_0 < e_1 < ... < e_{m-1} has m + 1 bins:
//   bin(x) = the first b with x <= e_b, or m when x > e_{m-1}  (NaN goes to bin m)
// so "bin(x) <= b" holds exactly when "x <= e_b": a split "go left when bin <= b" is the
// raw split "x <= upperEdge(f, b)".
//
// Data layout of transform(): n x d codes, COLUMN-major (codes[f * n + i]), one byte each.
class FeatureBinner {
public:
    static constexpr int kMaxBins = 255;

    // X: n x d, rows are samples, finite values. Features are processed in parallel on up
    // to `threads` threads; the result does not depend on the thread count.
    void fit(const Eigen::Ref<const Eigen::MatrixXd> &X, int maxBins = kMaxBins, int threads = 1);
    std::vector<std::uint8_t> transform(
        const Eigen::Ref<const Eigen::MatrixXd> &X, int threads = 1) const;

    // Makes feature f (after fit) a categorical code column holding integers 0 .. codes - 1:
    // one bin per code, bin c for code c, whether or not the code occurs (2 <= codes <=
    // 256).
    void setCategorical(int feature, int codes);

    int featureCount() const { return static_cast<int>(m_edges.size()); }
    int binCount(int feature) const
    {
        return static_cast<int>(m_edges[static_cast<std::size_t>(feature)].size()) + 1;
    }
    // The raw threshold of the split "bin <= b", b in [0, binCount - 2].
    double upperEdge(int feature, int bin) const
    {
        return m_edges[static_cast<std::size_t>(feature)][static_cast<std::size_t>(bin)];
    }
    std::uint8_t binOf(int feature, double x) const;
    // A raw threshold separating bins <= low from bins >= high (low < high, the bins in
    // between holding none of the rows at hand): the midpoint of the largest value of bin
    // low and the smallest of bin high when every bin holds one distinct value (CART's
    // midpoint between the node's neighbouring values), else the midpoint of the two
    // bounding edges.
    double splitThreshold(int feature, int low, int high) const;

private:
    std::vector<std::vector<double>> m_edges;
    std::vector<std::vector<double>> m_values; // per feature: the bins' distinct values
                                               // (empty when bins are quantile ranges)
};

} // namespace sextant::engine
