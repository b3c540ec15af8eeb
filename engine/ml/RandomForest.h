#pragma once

#include "ml/ClassWeights.h"
#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"
#include "ml/Estimator.h"
#include "ml/TreeLearner.h"

#include <cstdint>
#include <vector>

namespace sextant::engine {

// Options of RandomForest; defaults follow scikit-learn's RandomForestClassifier /
// RandomForestRegressor.
struct RandomForestOptions {
    int nTrees = 100; // trees, >= 1
    SplitCriterion criterion = SplitCriterion::Gini; // classification: Gini or Entropy;
                                                     // regression always uses SquaredError
    int maxDepth = -1; // < 0: unlimited (root has depth 0)
    int minSamplesSplit = 2; // distinct rows a node needs to split
    int minSamplesLeaf = 1; // distinct rows each leaf keeps
    MaxFeatures maxFeatures = MaxFeatures::Auto; // Auto: sqrt(d) classification, d regression
    double maxFeaturesFraction = 1.0; // used when maxFeatures == Fraction
    bool bootstrap = true; // n draws with replacement per tree
    int maxBins = 255; // bins per feature, 2..255
    std::uint64_t seed = 0; // bootstrap draws and feature draws
    // Classification: a row's weight is its bootstrap count times its class's weight
    // (ClassWeights.h, computed on all training rows: scikit-learn's "balanced").
    ClassWeight classWeight = ClassWeight::None;
};

// Random forest of histogram CART trees (bagging + a feature draw at every node).
//
// Data layout: X is n x d (rows are samples), finite. Features are binned once into at
// most maxBins quantile bins (FeatureBinner; exact when a feature has <= maxBins distinct
// values); thresholds are stored on the raw scale. Tree t uses its own seed derived from
// `seed` and t, and trees are grown in parallel (FitContext::threads), so the forest is
// the same bit for bit whatever the thread count.
//
// Classification trees store class distributions (fractions of the bootstrap weight);
// predictProbabilities is the mean of the trees' distributions, predict its argmax.
// Regression predicts the mean of the trees' leaf means.
//
// Reports once per tree (epoch = trees built; trainLoss NaN, no metric).
class RandomForest : public TreeEstimator {
public:
    explicit RandomForest(
        EstimatorTask task = EstimatorTask::Classification, RandomForestOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "random_forest";
    std::string kind() const override { return kKind; }
    const RandomForestOptions &options() const { return m_options; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;

    const std::vector<DecisionTreeModel> &trees() const { return m_trees; }

    // Impurity-based importances (TreeImportance.h): the mean of the trees' normalised
    // importances (trees that are a single leaf left out), normalised again, as
    // scikit-learn's forests compute feature_importances_. Kept in the state; empty for
    // models restored from files written before.
    FeatureImportances featureImportances() const override;

    // State: numbers task, feature_count, class_count and the options (class_weight,
    // absent: none), feature_importances when known; the trees under
    // "tree_" (DecisionTreeModel::writeEnsemble; valueDim = classCount or 1).
    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    // n x valueDim: mean of the trees' leaf values.
    Eigen::MatrixXd meanValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    RandomForestOptions m_options;
    std::vector<DecisionTreeModel> m_trees;
    Eigen::VectorXd m_importances; // d, empty when unknown
};

} // namespace sextant::engine
