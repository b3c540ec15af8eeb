#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>

namespace sextant::engine {

// Options for GaussianNaiveBayes (defaults: scikit-learn's GaussianNB()).
struct GaussianNaiveBayesOptions {
    // Added to every per-class variance: varSmoothing * (largest variance of any feature
    // over all training rows), for numerical stability. >= 0.
    double varSmoothing = 1e-9;
};

// Gaussian naive Bayes, like scikit-learn's GaussianNB: each feature is normal within a
// class (per-class mean and variance, n denominator), class priors are the class
// frequencies in the training data. kind() "gaussian_naive_bayes".
//
// Data layout: X is n x d (rows are samples, columns are features, all finite); y holds
// class indices 0..K-1 as doubles (K = context.classCount, or max label + 1). A class
// with no training rows gets prior 0 (never predicted), mean 0 and variance 1.
//
// means() and variances() are K x d (one row per class), priors() has K entries.
class GaussianNaiveBayes : public Estimator {
public:
    explicit GaussianNaiveBayes(GaussianNaiveBayesOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "gaussian_naive_bayes";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Classification; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_means.rows() > 0; }
    int featureCount() const override { return static_cast<int>(m_means.cols()); }

    bool hasProbabilities() const override { return true; }
    int classCount() const override { return static_cast<int>(m_means.rows()); }

    // n x K joint log-likelihoods log P(c) + log P(x | c) (scikit-learn's
    // _joint_log_likelihood).
    Eigen::MatrixXd jointLogLikelihood(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const GaussianNaiveBayesOptions &options() const { return m_options; }
    const Eigen::MatrixXd &means() const { return m_means; }
    const Eigen::MatrixXd &variances() const { return m_variances; } // smoothing included
    const Eigen::VectorXd &priors() const { return m_priors; }
    double epsilon() const { return m_epsilon; } // the variance added to every entry

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    GaussianNaiveBayesOptions m_options;
    Eigen::MatrixXd m_means; // K x d
    Eigen::MatrixXd m_variances; // K x d, > 0
    Eigen::VectorXd m_priors; // K, sums to 1
    double m_epsilon = 0;
};

} // namespace sextant::engine
