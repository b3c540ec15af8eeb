#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

namespace sextant::engine {

// Options for KNearestNeighbors (defaults follow scikit-learn's KNeighborsClassifier /
// KNeighborsRegressor).
struct KNearestNeighborsOptions {
    enum class Weights {
        Uniform, // every neighbour votes 1
        Distance, // neighbour votes 1 / distance; neighbours at distance 0 take all the weight
    };
    enum class Metric {
        Euclidean,
        Manhattan,
    };
    enum class Algorithm {
        Auto, // KD-tree for at most 10 features, brute force above
        Brute, // blocked scan of all training rows (euclidean: GEMM-style SIMD kernel)
        KdTree, // exact KD-tree search
    };

    // Classification (predict = majority class, probabilities = vote shares) or Regression
    // (predict = (weighted) mean of the neighbours' targets).
    EstimatorTask task = EstimatorTask::Classification;
    int k = 5; // neighbours per query, 1 <= k <= training rows (ignored with chooseK)
    // Choose k by leave-one-out on the training rows instead (Weka's IBk -X): every k from 1
    // to min(maxK, rows - 1) is scored on the training rows, each row predicted from its
    // neighbours without itself (accuracy for classes, squared error for values; at most
    // kLeaveOneOutRows evenly spaced rows are scored), and the best is kept, the larger k on
    // a tie (the smoother model).
    bool chooseK = false;
    int maxK = 30; // >= 1, the largest k tried with chooseK
    Weights weights = Weights::Uniform;
    Metric metric = Metric::Euclidean;
    Algorithm algorithm = Algorithm::Auto;
    int leafSize = 30; // KD-tree leaf size (rows), >= 1
};

// k-nearest-neighbours classifier / regressor (kind "knn").
//
// Data layout: X is n x d, rows are samples, columns are features, all finite; y holds class
// codes 0..K-1 (classification) or values (regression). The model keeps a copy of the
// training rows in a panel layout (blocks of 8 rows stored feature-major: panel p holds
// d x 8 values, value (j, l) = X(8p + l, j)) plus their squared norms, and for the KD-tree
// a row-major permuted copy.
//
// Neighbours are the k training rows with the smallest exact distance, ties broken by the
// lower training row index — whatever the algorithm, the SIMD path or the thread count, so
// predictions are bit-for-bit deterministic. The euclidean brute-force search screens
// candidates with ||x||² - 2 q·x (SIMD kernel chosen at run time: AVX-512 in single precision
// when every |value| <= 1e15, else AVX2+FMA or portable in double; SEXTANT_KNN_SIMD=generic|avx2
// forces a lesser one) and recomputes every candidate's distance exactly as sum((q_j - x_j)²),
// the screening threshold carrying a proven rounding margin, so the screening path never
// changes the result.
//
// Differences from scikit-learn: scikit-learn ranks by the GEMM-identity distance (brute) or
// by tree order (kd_tree), so on exact or near-exact distance ties at the k-th place it may
// pick another neighbour; class-vote ties go to the lowest class code like scikit-learn's.
class KNearestNeighbors : public Estimator {
public:
    using Options = KNearestNeighborsOptions;

    explicit KNearestNeighbors(Options options = {});
    ~KNearestNeighbors() override;

    const Options &options() const { return m_options; }

    // The most rows chooseK scores by leave-one-out (evenly spaced over the training rows).
    static constexpr std::int64_t kLeaveOneOutRows = 2000;

    // The k the fitted model predicts with: options().k, or the one chosen by leave-one-out.
    int neighbours() const { return m_k; }
    // With chooseK, the leave-one-out score of every k tried (index k - 1): accuracy for
    // classes, mean squared error for values. Empty otherwise (and after restore()).
    const std::vector<double> &leaveOneOutScores() const { return m_looScores; }

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "knn";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return m_options.task; }
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_rows > 0; }
    int featureCount() const override { return m_features; }
    bool hasProbabilities() const override
    {
        return m_options.task == EstimatorTask::Classification;
    }
    int classCount() const override { return m_classCount; }
    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    // The k nearest training rows of each query: q x k row indices and distances (true
    // euclidean or manhattan distances), each row sorted by (distance, index).
    void kNeighbors(const Eigen::Ref<const Eigen::MatrixXd> &X,
        Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic> *indices,
        Eigen::MatrixXd *distances) const;
    // Which search the fitted model uses (Auto resolved).
    Options::Algorithm effectiveAlgorithm() const;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    struct KdTree;
    void build(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &y, int classCount, const FitContext *context);
    void clear();
    // q x k neighbour rows and distances (squared for euclidean), sorted by (distance, index).
    void search(const Eigen::Ref<const Eigen::MatrixXd> &X, int k, std::vector<std::int64_t> &idx,
        std::vector<double> &dist) const;
    // chooseK: sets m_k and m_looScores from the fitted training rows.
    void chooseByLeaveOneOut(const Eigen::Ref<const Eigen::MatrixXd> &X, const FitContext &context);
    void checkQuery(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    Options m_options;
    std::int64_t m_rows = 0;
    int m_features = 0;
    int m_classCount = 0;
    int m_threads = 0;
    int m_k = 0; // the k used (fitted models)
    std::vector<double> m_looScores;
    std::int64_t m_panels = 0; // padded to a multiple of 4
    std::vector<double> m_panelData; // m_panels x d x 8
    std::vector<double> m_norms; // m_panels x 8, +inf for padding rows
    double m_maxNorm = 0;
    double m_maxAbs = 0; // largest |training value|
    std::int64_t m_floatPanels = 0; // float panels of 16 rows, padded to a multiple of 4
    std::vector<float> m_floatData; // m_floatPanels x d x 16 (euclidean, |values| <= 1e15)
    std::vector<float> m_floatNorms; // m_floatPanels x 16, +inf for padding rows
    Eigen::VectorXd m_y;
    std::unique_ptr<KdTree> m_tree;
};

} // namespace sextant::engine
