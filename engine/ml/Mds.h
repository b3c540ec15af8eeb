#pragma once

#include "ml/FitContext.h"

#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace sextant::engine {

// Options of Mds. The SMACOF defaults are scikit-learn's MDS(metric=True) (1.2: n_init 4,
// max_iter 300, eps 1e-3, a uniform [0, 1) random start).
struct MdsOptions {
    enum class Method : std::uint8_t {
        Classical, // Torgerson: eigenvectors of the double-centred squared distances
        Smacof, // metric stress majorization (Guttman transform iterations)
    };
    Method method = Method::Smacof;
    int components = 2; // 1 <= components < rows
    // SMACOF only.
    int nInit = 4; // runs from different random starts; the lowest stress is kept
    int maxIter = 300; // per run
    double eps = 1e-3; // scikit-learn's tolerance on the stress change (see Mds)
    bool classicalInit = false; // start from the classical solution (one run, nInit ignored)
    std::uint64_t seed = 0; // its low 32 bits, as numpy's RandomState
    int threads = 0; // 0: the hardware's
};

struct MdsResult {
    Eigen::MatrixXd embedding; // n x components
    // Raw stress of the embedding: the sum over pairs i < j of (||e_i - e_j|| - d_ij)^2,
    // d_ij the euclidean distance between input rows i and j (scikit-learn's stress_
    // definition, here evaluated at the embedding returned).
    double stress = std::numeric_limits<double>::quiet_NaN();
    // Classical (and a classical start): the top `components` eigenvalues of the
    // double-centred matrix, descending (a negative one gives a zero coordinate).
    Eigen::VectorXd eigenvalues;
    int iterations = 0; // SMACOF: Guttman transforms of the run kept
    int bestRun = 0; // SMACOF: 0-based index of the run kept
    bool converged = false; // SMACOF: the run kept met eps before max_iter
};

// Multidimensional scaling of the rows of X into `components` dimensions, preserving the
// euclidean distances between rows.
//
// Classical (Torgerson): B = -1/2 J D2 J, D2 the squared distances, J = I - 11'/n; the
// embedding is the top eigenvectors of B scaled by the square roots of their eigenvalues
// (0 for a non-positive one). Up to kMaxDirectRows rows, Eigen's SelfAdjointEigenSolver on
// the whole n x n matrix (B and its eigenvectors: 2 n^2 doubles; time growing with n^3,
// not interruptible: a few seconds at 1,000 rows, minutes at 5,000). Above, restarted
// block Krylov iterations with Rayleigh-Ritz (SelfAdjointEigenSolver on the projection of
// B on 64 vectors) until the residuals are below 1e-10 ||B||: B alone is held (n^2
// doubles, 800 MB at 10,000 rows), each cycle costs 64 products with B, and the cancel
// flag is polled between them. Sign convention: each axis is flipped so that its
// largest-magnitude coordinate is positive (the first such row on a tie), so two runs on
// the same data give the same signs, bit for bit. At most kMaxClassicalRows rows.
//
// SMACOF (metric), as scikit-learn's _smacof_single: from a start X0 (uniform [0, 1) per
// coordinate, drawn as numpy's RandomState(seed) draws them, so that a seed starts where
// scikit-learn's MDS(random_state=seed) starts; or the classical solution), each
// iteration computes the stress of X, then the Guttman transform X <- (1/n) B(X) X with
// B_ij = -d_ij / ||x_i - x_j|| (a zero embedding distance counts as 1e-5) and
// B_ii = -sum_j B_ij; it stops when (previous - stress / sum_i ||x_i||) < eps, the ratio
// taken with the new X (scikit-learn's relative stress change), or after maxIter
// iterations. Of nInit runs (one random stream, the runs' starts drawn one after the
// other) the one whose final embedding has the lowest stress is kept. Time O(n^2 k) per
// iteration, memory the n x n distances (plus the classical solver's for a classical
// start); at most kMaxSmacofRows rows.
//
// Layout: X is n x d, rows are samples, all finite, n >= 2. Polls the cancel flag every
// iteration (and every block of rows while computing distances); returns false with an
// empty result when cancelled. Reports an EpochReport per SMACOF iteration (unit
// "iteration", trainLoss the stress of the iteration's start, epoch the iterations done
// over all runs, totalEpochs nInit * maxIter, as k-means counts); a stop asked
// by context.onEpoch ends SMACOF where it is and keeps the best run so far (FitEnd::Stopped).
// Classical reports its two steps (unit "step": distances, then the decomposition with the
// stress) and returns false when asked to stop. Throws FitError for input it refuses (too
// many rows, not enough memory, non-finite values).
class Mds {
public:
    static constexpr Eigen::Index kMaxDirectRows = 1000; // classical: whole decomposition
    static constexpr Eigen::Index kMaxClassicalRows = 10000;
    static constexpr Eigen::Index kMaxSmacofRows = 5000;

    // Why fitting `rows` rows with `options` is refused (the row limit, the memory
    // budget), in the user's terms; nothing when it may run.
    static std::optional<std::string> refusal(Eigen::Index rows, const MdsOptions &options);
    // Bytes held at the peak of a fit on `rows` rows (the n x n matrices).
    static std::uint64_t peakBytes(Eigen::Index rows, const MdsOptions &options);

    static bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const MdsOptions &options,
        const FitContext &context, MdsResult &result);
};

} // namespace sextant::engine
