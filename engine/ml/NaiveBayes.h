#pragma once

#include "ml/Estimator.h"

#include <Eigen/Core>
#include <vector>

namespace sextant::engine {

// Options for NaiveBayes. The defaults count nominal values as Weka's NaiveBayes and
// scikit-learn's CategoricalNB do, and model numeric features like GaussianNB().
struct NaiveBayesOptions {
    // Nominal features: P(value | class) = (count + alpha) / (class count + alpha * values),
    // Laplace smoothing at 1 (scikit-learn's CategoricalNB alpha; Weka uses 1). >= 0; below
    // 1e-10 it is taken as 1e-10, as scikit-learn does, so no probability is 0.
    double alpha = 1.0;
    // Numeric features: a normal density per class (Gaussian), or a kernel density
    // estimate per class (Kernel: Weka's NaiveBayes -K: a normal kernel at every training
    // value, standard deviation max(range / sqrt(values), precision / 6), where the
    // precision is the mean gap between the feature's distinct training values).
    enum class Numeric { Gaussian, Kernel };
    Numeric numeric = Numeric::Gaussian;
    // Every matrix column, one-hot columns of nominal features included, as a normal
    // density: scikit-learn's GaussianNB on the encoded matrix (the former behaviour).
    bool nominalAsGaussian = false;
    // Added to every numeric per-class variance: varSmoothing * (largest variance of any
    // numeric feature over all training rows), as GaussianNB's var_smoothing. >= 0.
    double varSmoothing = 1e-9;
};

// Naive Bayes for mixed data. Features are the blocks of FitContext::featureBlocks (one
// per table column as FeatureEncoder encodes it): a nominal feature's one-hot columns
// give its value (the column holding 1; all zeros: missing or unseen, and the feature is
// left out of that row's likelihood, as Weka ignores missing values), a numeric column is
// modelled per class by a normal density or a kernel density estimate, NaN cells left out
// likewise. Without blocks (a matrix not made from a table) every column is numeric.
// Class priors are the class frequencies. kind() "naive_bayes".
//
// On all-nominal data the probabilities equal scikit-learn's CategoricalNB(alpha) on the
// category codes; on all-numeric data, GaussianNB(var_smoothing).
//
// Data layout: X is n x d; y holds class indices 0..K-1 as doubles (K =
// context.classCount, or max label + 1). A class without training rows gets prior 0.
class NaiveBayes : public Estimator {
public:
    explicit NaiveBayes(NaiveBayesOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "naive_bayes";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return EstimatorTask::Classification; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_priors.size() > 0; }
    int featureCount() const override { return m_width; }
    bool handlesMissing() const override { return true; }

    bool hasProbabilities() const override { return true; }
    int classCount() const override { return static_cast<int>(m_priors.size()); }

    // n x K joint log-likelihoods log P(c) + sum over features of log P(x_j | c).
    Eigen::MatrixXd jointLogLikelihood(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

    const NaiveBayesOptions &options() const { return m_options; }
    const std::vector<FeatureBlock> &blocks() const { return m_blocks; }
    const Eigen::VectorXd &priors() const { return m_priors; }
    // Nominal block b: K x width log P(value | class).
    const Eigen::MatrixXd &logValueProbabilities(int block) const;
    // Numeric features in block order: K x numeric means and variances (smoothing
    // included; Gaussian).
    const Eigen::MatrixXd &means() const { return m_means; }
    const Eigen::MatrixXd &variances() const { return m_variances; }

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    struct Kernel {
        std::vector<double> values; // sorted training values of one class
        double sigma = 1;
    };
    double kernelLogDensity(const Kernel &k, double x) const;
    void clear();

    NaiveBayesOptions m_options;
    int m_width = 0;
    std::vector<FeatureBlock> m_blocks; // cover 0..m_width-1 in order
    Eigen::VectorXd m_priors; // K
    std::vector<Eigen::MatrixXd> m_logP; // per block: nominal K x width, numeric empty
    std::vector<int> m_numericColumn; // matrix column of each numeric feature
    Eigen::MatrixXd m_means, m_variances; // K x numeric (Gaussian)
    std::vector<std::vector<Kernel>> m_kernels; // [numeric feature][class] (Kernel)
};

} // namespace sextant::engine
