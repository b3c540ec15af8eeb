#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

namespace sextant::engine {

// Options for Dbscan (defaults follow scikit-learn's DBSCAN).
struct DbscanOptions {
    // Neighbourhood radius (Euclidean distance, inclusive: d <= eps). Must be > 0.
    double eps = 0.5;
    // A sample is a core sample when at least this many samples (itself included) lie
    // within eps of it.
    int minSamples = 5;
    // DBSCAN has no random step; kept so every estimator takes a seed. Unused.
    std::uint64_t seed = 0;
};

// DBSCAN density-based clustering with Euclidean distance.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite; y is
// ignored (pass an empty vector). Neighbourhoods come from a k-d tree (leaves of 32
// points, split on the widest dimension at the median) and are never stored: a first
// pass counts neighbours to find the core samples (in parallel), a second expands the
// clusters depth-first from each unlabelled core sample in row order, querying the
// neighbours of each core sample once — O(n) memory. Clusters are numbered in the order
// of their first core sample, as scikit-learn does; core samples and noise are the same
// as scikit-learn's, a border sample reachable from two clusters may go to either.
//
// predict() gives new rows the label of the nearest core sample within eps (ties: the
// lowest core index), or -1 (noise). The state holds the core samples and their labels.
class Dbscan : public Estimator {
public:
    explicit Dbscan(DbscanOptions options = {});
    ~Dbscan() override;

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "dbscan";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Clustering; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_fitted; }
    int featureCount() const override { return m_features; }

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const DbscanOptions &options() const { return m_options; }
    int clusterCount() const { return m_clusters; }
    // m x d core samples (rows) and their m cluster labels.
    const Eigen::MatrixXd &coreSamples() const { return m_coreSamples; }
    const Eigen::VectorXd &coreLabels() const { return m_coreLabels; }
    // Training labels (-1 noise) and the row indices of the core samples: only after
    // fit(), not part of the state.
    const std::vector<int> &labels() const { return m_labels; }
    const std::vector<std::int64_t> &coreSampleIndices() const { return m_coreIndices; }

    struct Index; // k-d tree over the core samples (Dbscan.cpp)

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();

    DbscanOptions m_options;
    bool m_fitted = false;
    int m_features = 0;
    int m_clusters = 0;
    Eigen::MatrixXd m_coreSamples;
    Eigen::VectorXd m_coreLabels;
    std::vector<int> m_labels;
    std::vector<std::int64_t> m_coreIndices;
    std::shared_ptr<const Index> m_index;
};

} // namespace sextant::engine
