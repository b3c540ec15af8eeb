#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Options for GaussianMixture (defaults follow scikit-learn's GaussianMixture).
struct GaussianMixtureOptions {
    enum class Covariance {
        Full, // one full d x d covariance per component
        Diagonal, // one variance per feature per component
    };

    // Number of mixture components K, 1 <= K <= rows.
    int components = 1;
    Covariance covariance = Covariance::Full;
    // EM stops when the mean log-likelihood changes by less than tol between iterations.
    double tol = 1e-3;
    // Added to the diagonal of every covariance, keeps them positive definite.
    double regCovar = 1e-6;
    int maxIter = 100;
    // Number of initialisations; the one with the highest final lower bound is kept.
    int nInit = 1;
    // Seeds the k-means (k-means++) that gives the initial responsibilities.
    std::uint64_t seed = 0;
};

// Gaussian mixture model fitted by expectation-maximisation, initialised from k-means
// labels (scikit-learn's init_params="kmeans").
//
// Data layout: X is n x d, rows are samples, columns are features, all finite; y is
// ignored (pass an empty vector). The E-step runs on fixed blocks of 4096 rows (in
// parallel), so results do not depend on the thread count.
//
// predict() returns the most probable component (0..K-1); predictProbabilities() the
// n x K responsibilities (rows sum to 1). Each EM iteration is reported through
// FitContext::report with trainLoss = - mean log-likelihood of the E-step before the
// update (scikit-learn's lower bound, negated).
class GaussianMixture : public Estimator {
public:
    explicit GaussianMixture(GaussianMixtureOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "gaussian_mixture";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Clustering; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_weights.size() > 0; }
    int featureCount() const override { return static_cast<int>(m_means.cols()); }
    bool hasProbabilities() const override { return true; }
    int classCount() const override { return static_cast<int>(m_weights.size()); }

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const GaussianMixtureOptions &options() const { return m_options; }
    // K mixing weights (sum 1), K x d means (rows).
    const Eigen::VectorXd &weights() const { return m_weights; }
    const Eigen::MatrixXd &means() const { return m_means; }
    // Covariance of component k: d x d (Full) or a d x d diagonal matrix (Diagonal).
    Eigen::MatrixXd covariance(int k) const;
    // Mean log-likelihood per sample of the training data at the last E-step of the kept
    // initialisation (scikit-learn's lower_bound_).
    double lowerBound() const { return m_lowerBound; }
    int iterations() const { return m_iterations; }
    bool converged() const { return m_converged; }
    // Mean log-likelihood per sample of X under the model (scikit-learn's score()).
    double score(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();
    bool fitImpl(const Eigen::Ref<const Eigen::MatrixXd> &X, const FitContext &context);
    bool computePrecisions(); // from m_covariances; false when a covariance is not SPD
    // n x K log(weight_k) + log N(x | k); returns it and fills logNorm (n) when not null.
    Eigen::MatrixXd weightedLogProb(const Eigen::Ref<const Eigen::MatrixXd> &X, int threads) const;

    GaussianMixtureOptions m_options;
    Eigen::VectorXd m_weights;
    Eigen::MatrixXd m_means;
    // Full: K blocks of d x d stacked vertically (K*d x d). Diagonal: K x d variances.
    Eigen::MatrixXd m_covariances;
    // Full: K blocks of d x d upper-triangular precision Cholesky factors (K*d x d), with
    // prec = P P^T. Diagonal: K x d, 1 / sqrt(variance).
    Eigen::MatrixXd m_precisionCholesky;
    Eigen::VectorXd m_logDet; // K: sum of log diag(P)
    double m_lowerBound = 0;
    int m_iterations = 0;
    bool m_converged = false;
};

} // namespace sextant::engine
