#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Options for KMeans (defaults follow scikit-learn's KMeans).
struct KMeansOptions {
    enum class Init {
        // k-means++ seeding (Arthur & Vassilvitskii), scikit-learn's default.
        KMeansPlusPlus,
        // k distinct rows drawn uniformly at random.
        Random,
    };

    // Number of clusters k, 1 <= k <= rows.
    int clusters = 8;
    Init init = Init::KMeansPlusPlus;
    // k-means++ only: draw 2 + floor(ln k) candidates per new centre and keep the one that
    // lowers the potential most (scikit-learn's "greedy k-means++"); false draws one.
    bool greedy = true;
    // Number of independent runs (different seedings); the one with the lowest inertia is
    // kept. scikit-learn >= 1.4 uses 1 for k-means++ ("auto"). Ignored (1) with
    // initialCentres.
    int nInit = 1;
    // Lloyd iterations per run.
    int maxIter = 300;
    // Convergence: a run stops when the squared centre shift summed over the centres is at
    // most tol * (mean variance of the features) — scikit-learn's semantics — or when no
    // label changed.
    double tol = 1e-4;
    std::uint64_t seed = 0;
    // k x d starting centres (rows are centres). Empty: use `init`. When given, the result
    // is the same as scikit-learn's KMeans(init=centres, n_init=1).
    Eigen::MatrixXd initialCentres;
};

// k-means clustering by Lloyd's algorithm.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite; y is
// ignored (pass an empty vector). Internally, as scikit-learn does, the data is centred
// on its column means; distances are computed as ||c||^2 - 2 x.c on tiles of 256 rows
// (the nearest centre), partial sums are gathered per fixed block of 4096 rows and
// combined in block order, so the result does not depend on the thread count.
//
// predict() returns the index of the nearest centre (0..k-1). Each Lloyd iteration is
// reported through FitContext::report with trainLoss = inertia (the sum of squared
// distances of the samples to their nearest centre, before the centre update).
class KMeans : public Estimator {
public:
    explicit KMeans(KMeansOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "kmeans";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Clustering; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_centres.rows() > 0; }
    int featureCount() const override { return static_cast<int>(m_centres.cols()); }

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const KMeansOptions &options() const { return m_options; }
    // k x d, rows are the cluster centres (original feature space).
    const Eigen::MatrixXd &centres() const { return m_centres; }
    // Sum of squared distances of the training samples to their nearest centre.
    double inertia() const { return m_inertia; }
    // Lloyd iterations of the kept run.
    int iterations() const { return m_iterations; }
    // Cluster of every training sample (equal to predict(X) on the training data). Only
    // after fit(): not part of the state, empty after restore().
    const std::vector<int> &labels() const { return m_labels; }

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();

    KMeansOptions m_options;
    Eigen::MatrixXd m_centres;
    Eigen::RowVectorXd m_mean; // training column means: predictions use centred data too
    double m_inertia = 0;
    int m_iterations = 0;
    std::vector<int> m_labels;
};

} // namespace sextant::engine
