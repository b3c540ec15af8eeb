#pragma once

#include <Eigen/Core>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Isolation forest (Liu, Ting & Zhou 2008), the algorithm of scikit-learn's IsolationForest.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite. Each tree is
// grown on `maxSamples` rows drawn without replacement (min(maxSamples, n)) down to depth
// ceil(log2(subsample)): a node splits on a feature drawn uniformly among those not
// constant in it, at a threshold uniform between that feature's minimum and maximum there;
// a node whose rows are all equal is a leaf. The path length of a row is the depth of the
// leaf it reaches plus c(size of that leaf), c(m) = 2 H(m - 1) - 2 (m - 1) / m the average
// path length of an unsuccessful search in a binary search tree of m keys. The anomaly
// score is 2^(-mean path length / c(subsample)): about 0.5 or less for inliers, near 1 for
// rows isolated early (scikit-learn's score_samples is minus this score).
//
// Deterministic: tree t draws from its own generator seeded from (seed, t), so the forest
// does not depend on the number of threads.
struct IsolationForestOptions {
    int trees = 100;
    int maxSamples = 256;
    std::uint64_t seed = 0;
    int threads = 1;
    const std::atomic<bool> *cancel = nullptr; // polled once per tree
};

class IsolationForest {
public:
    explicit IsolationForest(IsolationForestOptions options = {});

    // Grows the forest; false when cancelled. Needs n >= 1.
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X);
    // Anomaly scores of the rows of X (same columns as the fitted data).
    Eigen::VectorXd scores(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    // c(m) above: 0 for m <= 1, 1 for m = 2.
    static double averagePathLength(double m);

private:
    struct Node {
        int feature = -1; // -1: leaf
        double threshold = 0; // rows with x[feature] < threshold go left
        int left = -1;
        int right = -1;
        double leafSize = 0;
    };
    using Tree = std::vector<Node>;

    IsolationForestOptions m_options;
    std::vector<Tree> m_trees;
    double m_subsample = 0;
};

} // namespace sextant::engine
