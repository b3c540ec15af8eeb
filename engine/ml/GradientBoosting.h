#pragma once

#include "ml/ClassWeights.h"
#include "ml/DecisionTreeModel.h"
#include "ml/Estimator.h"
#include "ml/TreeLearner.h"

#include <cstdint>
#include <vector>

namespace sextant::engine {

// Options of GradientBoosting; defaults follow scikit-learn's
// HistGradientBoostingClassifier / HistGradientBoostingRegressor.
struct GradientBoostingOptions {
    enum class EarlyStopping {
        Auto, // on when the data has more than 10,000 rows (scikit-learn's "auto")
        Enabled, // hold out validationFraction of the rows and stop on its loss
        Disabled, // always maxIter iterations, no validation rows
    };

    double learningRate = 0.1; // shrinkage of every leaf value, > 0
    int maxIter = 100; // boosting iterations (classification with K > 2 classes
                       // grows K trees per iteration)
    int maxLeafNodes = 31; // leaves per tree, grown best-first; 0: unlimited
    int maxDepth = -1; // < 0: unlimited (the root has depth 0)
    int minSamplesLeaf = 20; // rows each leaf keeps at least
    double l2Regularization = 0; // L2 penalty on leaf values, >= 0
    int maxBins = 255; // bins per feature, 2..255
    EarlyStopping earlyStopping = EarlyStopping::Auto;
    double validationFraction = 0.1; // held-out share when early stopping, in (0, 1)
    int nIterNoChange = 10; // stop when the last n iterations did not improve the
                            // validation loss by more than tol over the one before them
    double tol = 1e-7;
    std::uint64_t seed = 0; // the validation split (stratified by class for classification)
    // Classification: every row's gradient and hessian (and its share of the baseline and
    // of the validation loss) are weighted by its class's weight (ClassWeights.h,
    // scikit-learn's class_weight="balanced", computed on all rows before the split).
    ClassWeight classWeight = ClassWeight::None;
};

// Histogram-based gradient-boosted trees (the LightGBM / scikit-learn
// HistGradientBoosting algorithm).
//
// Data layout: X is n x d (rows are samples), finite. Features are binned once into at
// most maxBins quantile bins (FeatureBinner); every tree is grown best-first on gradient /
// hessian histograms with sibling subtraction, histograms built on FitContext::threads
// threads in parallel over features.
//
// Losses: regression squared error (reported as the mean squared error); binary
// classification log loss with one tree per iteration on the log-odds; K > 2 classes
// softmax (multinomial log loss) with K trees per iteration, one per class. Raw score of
// class k = baseline[k] + sum of the class-k trees (tree index = iteration * K + k).
//
// Reports every iteration: trainLoss (on the training rows), validationLoss (when early
// stopping holds rows out), metric = validation accuracy / R^2 when there are validation
// rows.
class GradientBoosting : public TreeEstimator {
public:
    explicit GradientBoosting(
        EstimatorTask task = EstimatorTask::Classification, GradientBoostingOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "gradient_boosting";
    std::string kind() const override { return kKind; }
    const GradientBoostingOptions &options() const { return m_options; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;

    // n x treesPerIteration() raw scores (regression: the prediction; binary: log-odds).
    Eigen::MatrixXd decisionFunction(const Eigen::Ref<const Eigen::MatrixXd> &X) const;
    int iterationCount() const;
    int treesPerIteration() const { return m_treesPerIteration; }
    const std::vector<DecisionTreeModel> &trees() const { return m_trees; }
    const Eigen::VectorXd &baseline() const { return m_baseline; }

    // Gain-based importances: each feature's total loss reduction over the splits of all
    // trees (TreeImportance.h, addGainDecrease), normalised to sum 1 (the "gain" importance
    // of LightGBM and XGBoost). Kept in the state; empty for models restored from files
    // written before.
    FeatureImportances featureImportances() const override;

    // State: numbers task, feature_count, class_count, trees_per_iteration, the options
    // (class_weight: absent means none); feature_importances when known;
    // vector "baseline" (treesPerIteration); the trees under "tree_" (see
    // DecisionTreeModel::writeEnsemble, valueDim 1).
    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    void clear();

    GradientBoostingOptions m_options;
    int m_treesPerIteration = 1;
    Eigen::VectorXd m_baseline;
    std::vector<DecisionTreeModel> m_trees;
    Eigen::VectorXd m_importances; // d, empty when unknown
};

} // namespace sextant::engine
