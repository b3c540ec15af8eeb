#pragma once

#include "ml/ClassWeights.h"
#include "ml/Estimator.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <vector>

namespace cv::ml {
class SVM;
}

namespace sextant::engine {

// Options for Svm (defaults follow scikit-learn's SVC / SVR).
struct SvmOptions {
    enum class Kernel {
        Linear, // K(x, z) = x·z
        Rbf, // K(x, z) = exp(-gamma ||x - z||²)
    };

    // Classification: C-SVC, one-vs-one for more than two classes. Regression: epsilon-SVR.
    EstimatorTask task = EstimatorTask::Classification;
    Kernel kernel = Kernel::Rbf;
    double C = 1.0; // regularisation, > 0
    // RBF width; <= 0 means "scale" like scikit-learn: 1 / (d * var(X)), var over all cells
    // of the training matrix (1 when that variance is 0). The resolved value is kept in the
    // model (resolvedGamma()).
    double gamma = 0;
    double epsilon = 0.1; // SVR: width of the insensitive tube, >= 0
    double tolerance = 1e-3; // solver stopping tolerance (sklearn's tol), > 0
    int maxIterations = 10000000; // solver iteration cap (sklearn has none)
    // Classification: class probabilities by Platt scaling, as libsvm (and scikit-learn's
    // SVC(probability=True)) computes them: for every pair of classes a sigmoid
    // 1 / (1 + exp(A f + B)) of the pair's decision value f, fitted on decision values
    // from a 5-fold cross-validation on the pair's training rows (Platt 2000, with the
    // Newton method of Lin, Lin & Weng 2007), and for more than two classes the pairwise
    // probabilities coupled into one distribution (Wu, Lin & Weng 2004, method 2). Costs
    // about five more trainings per pair. The predicted class stays the vote of the
    // pairwise machines, as in libsvm.
    bool probability = true;
    std::uint64_t seed = 0; // the probability folds' shuffle
    // Classification: the margin penalty of class k's rows is C * weight_k (ClassWeights.h;
    // libsvm's -wi and scikit-learn's SVC(class_weight="balanced")), also in the
    // probability folds' machines.
    ClassWeight classWeight = ClassWeight::None;
};

// Support vector machine (kind "svm"), a wrapper around OpenCV's cv::ml::SVM.
//
// Data layout: X is n x d, rows are samples, columns are features, all finite (standardise
// them first: SVMs are not scale invariant); y holds class codes 0..K-1 (classification,
// at least two distinct) or values (regression). OpenCV trains and predicts in single
// precision: X is converted to float, so predictions agree with scikit-learn's (double
// precision libsvm) up to float rounding, not bit for bit.
//
// Class probabilities with `probability` (see SvmOptions); models written before it
// existed (state version 1) have none. Cancel is honoured between OpenCV's trainings, each
// of which cannot be interrupted.
//
// State: the options, the resolved gamma, the class codes seen in training, and the trained
// OpenCV model as YAML text (cv::FileStorage in memory) under "opencv_model".
class Svm : public Estimator {
public:
    using Options = SvmOptions;

    explicit Svm(Options options = {});
    ~Svm() override;

    const Options &options() const { return m_options; }
    double resolvedGamma() const { return m_gamma; }
    int supportVectorCount() const;

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "svm";
    std::string kind() const override { return kKind; }
    EstimatorTask task() const override { return m_options.task; }
    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;
    bool isFitted() const override { return m_features > 0; }
    int featureCount() const override { return m_features; }
    int classCount() const override { return m_classCount; }
    bool hasProbabilities() const override;
    // n x pairs decision values of the pairwise machines (pair order: (0,1), (0,2), ...,
    // (1,2), ... over the training classes; positive: the first class of the pair), in
    // double precision from the trained support vectors. Regression: n x 1 predictions.
    Eigen::MatrixXd decisionValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
    // One trained decision function f(x) = sum_k alpha_k K(sv_k, x) - rho (classification:
    // one per pair of training classes in decisionValues() order, positive: the pair's
    // first class; regression: one). `supportVectors` indexes rows of supportVectors().
    struct DecisionFunction {
        double rho = 0;
        std::vector<int> supportVectors;
        std::vector<double> alphas;
    };
    std::vector<DecisionFunction> decisionFunctions() const;
    // The trained support vectors, one per row (float precision, as OpenCV keeps them).
    Eigen::MatrixXd supportVectors() const;
    // The class codes seen in training, ascending (classification).
    const std::vector<int> &trainingClasses() const { return m_classes; }
    // The sigmoids' A and B per pair (empty without probabilities).
    const Eigen::VectorXd &plattA() const { return m_probA; }
    const Eigen::VectorXd &plattB() const { return m_probB; }
    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();
    bool fitProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &y, double gamma, const FitContext &context);

    Options m_options;
    int m_features = 0;
    int m_classCount = 0;
    double m_gamma = 0;
    std::vector<int> m_classes; // class codes present in training (classification)
    std::shared_ptr<cv::ml::SVM> m_svm;
    Eigen::VectorXd m_probA, m_probB; // per pair (probabilities)
    // Set by fit for its trainings: per class code, C's factor (empty: no class weights).
    std::vector<double> m_classWeight;
};

} // namespace sextant::engine
