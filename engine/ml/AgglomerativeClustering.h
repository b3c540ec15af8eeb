#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sextant::engine {

// Options for AgglomerativeClustering (defaults follow scikit-learn's).
struct AgglomerativeClusteringOptions {
    enum class Linkage {
        Ward, // minimises the increase of within-cluster variance
        Complete, // maximum distance between the members of two clusters
        Average, // mean distance between the members of two clusters
        Single, // minimum distance between the members of two clusters
    };
    // "ward", "complete", "average", "single": the names in node parameters and model files.
    static const char *linkageName(Linkage linkage);
    static std::optional<Linkage> linkageFromName(std::string_view name);

    // Number of flat clusters cut from the tree, 1 <= clusters <= rows.
    int clusters = 2;
    Linkage linkage = Linkage::Ward;
    // No random step; kept so every estimator takes a seed. Unused.
    std::uint64_t seed = 0;
};

// Bottom-up hierarchical clustering on Euclidean distances.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite; y is
// ignored (pass an empty vector). At most kMaxRows rows: the cost grows with n^2
// (complete and average keep the n(n-1)/2 distances, 1.6 GB at 20,000 rows; ward works
// from cluster centroids and single linkage from a minimum spanning tree, both in O(n)
// memory but O(n^2 d) time).
//
// Algorithms follow SciPy: the nearest-neighbour chain for ward, complete and average,
// Prim's minimum spanning tree for single. linkageMatrix() is in SciPy's linkage format:
// (n-1) x 4, row i merges clusters a < b (ids < n are samples, n + j is the cluster made
// by row j) at distance `distance` into a cluster of `size` samples; rows sorted by
// distance (ward distances are SciPy's: sqrt(2 |A||B| / (|A|+|B|)) ||cA - cB||).
//
// The flat clustering undoes the last clusters - 1 merges (as scikit-learn does); labels
// are numbered in the order of the clusters' first row. predict() assigns new rows to the
// nearest cluster centroid (the mean of its training rows) — a hierarchy has no natural
// rule for unseen samples, and this one is exact for ward-like compact clusters.
class AgglomerativeClustering : public Estimator {
public:
    static constexpr int kMaxRows = 20000;

    explicit AgglomerativeClustering(AgglomerativeClusteringOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "agglomerative";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Clustering; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_centroids.rows() > 0; }
    int featureCount() const override { return static_cast<int>(m_centroids.cols()); }

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const AgglomerativeClusteringOptions &options() const { return m_options; }
    // (n-1) x 4 dendrogram in SciPy linkage format (see above).
    const Eigen::MatrixXd &linkageMatrix() const { return m_linkage; }
    // clusters x d centroids of the flat clusters.
    const Eigen::MatrixXd &centroids() const { return m_centroids; }
    // Flat cluster of every training row.
    const std::vector<int> &labels() const { return m_labels; }

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();

    AgglomerativeClusteringOptions m_options;
    Eigen::MatrixXd m_linkage;
    Eigen::MatrixXd m_centroids;
    std::vector<int> m_labels;
};

} // namespace sextant::engine
