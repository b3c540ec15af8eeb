#pragma once

#include "ml/FitContext.h"

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <vector>

namespace sextant::engine {

// Options of Tsne, with scikit-learn's TSNE defaults (1.2: init "pca", learning rate
// "auto", Barnes-Hut with angle 0.5).
struct TsneOptions {
    double perplexity = 30.0; // 0 < perplexity < n
    double earlyExaggeration = 12.0;
    // 0: "auto", max(n / earlyExaggeration / 4, 50).
    double learningRate = 0.0;
    int maxIter = 1000; // at least 250 (the exaggeration phase)
    double theta = 0.5; // Barnes-Hut angle; 0 computes every pair (exact, O(n^2))
    bool pcaInit = true; // else a seeded Gaussian start (standard deviation 1e-4)
    std::uint64_t seed = 0;
    int threads = 0; // 0: the hardware's
};

// How Tsne::gradient computes the repulsive forces.
enum class TsneForces : std::uint8_t { BarnesHut, ExactPairs };

struct TsneResult {
    Eigen::MatrixXd embedding; // n x 2
    double klDivergence = 0; // KL(P || Q) at the end (Q from the Barnes-Hut sums)
    int iterations = 0;
};

// t-distributed stochastic neighbour embedding into two dimensions, following
// scikit-learn's TSNE (method "barnes_hut"): affinities from the 3 * perplexity + 1
// nearest neighbours (squared euclidean distances, a binary search per row for the
// bandwidth whose entropy is log(perplexity)), symmetrized and normalized; PCA start
// scaled to a standard deviation of 1e-4 along the first axis; 250 iterations with the
// affinities exaggerated and momentum 0.5, then momentum 0.8, gradient descent with
// per-coordinate gains (+0.2 / x0.8, at least 0.01); the repulsive forces from a
// quadtree (a cell counts as one point at its centre of mass when its width / distance <
// theta; a leaf cell of at most 8 points that does not is summed point by point).
//
// Layout: X is n x d, rows are samples, all finite, n >= 2. Time O(n^2 d) for the
// neighbours (blocked matrix products), then O(n log n) per iteration. Polls the cancel
// flag every iteration (returns false, embedding empty) and reports an EpochReport
// (unit "iteration", trainLoss the KL divergence where computed, every 50 iterations) to
// context.onEpoch every `reportEvery` iterations; `snapshot`, when set, receives the
// current embedding as often (for a view that animates). The result does not depend on
// options.threads.
class Tsne {
public:
    static bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const TsneOptions &options,
        const FitContext &context, TsneResult &result, int reportEvery = 10,
        const std::function<void(const Eigen::MatrixXd &, int iteration)> &snapshot = {});

    // The steps of fit, for tests and benchmarks.

    // The gradient of KL(P || Q) (exaggeration 1) at the embedding Y (n x 2), P the
    // affinities fit computes from X with options.perplexity; returns the divergence.
    // BarnesHut: the repulsion through the quadtree with angle options.theta (0 opens every
    // cell, so it sums every pair through the tree); ExactPairs: every pair directly.
    static double gradient(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::MatrixXd &Y,
        const TsneOptions &options, TsneForces forces, Eigen::MatrixXd &grad);

    // The k nearest neighbours of every row of X (squared euclidean distances, ascending,
    // equal distances by row), the row itself excluded: row i's are entries
    // [i * k, (i + 1) * k) of index and squaredDistances. 1 <= k < n.
    static void nearestNeighbours(const Eigen::Ref<const Eigen::MatrixXd> &X, int k, int threads,
        std::vector<std::int64_t> &index, std::vector<double> &squaredDistances);
};

} // namespace sextant::engine
