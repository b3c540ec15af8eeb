#pragma once

#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"
#include "ml/Estimator.h"
#include "ml/TreeLearner.h"

#include <cstdint>

namespace sextant::engine {

// Options of DecisionTree; defaults follow scikit-learn's DecisionTreeClassifier /
// DecisionTreeRegressor.
struct DecisionTreeOptions {
    SplitCriterion criterion = SplitCriterion::Gini; // classification: Gini or Entropy;
                                                     // regression always uses SquaredError
    int maxDepth = -1; // < 0: unlimited (root has depth 0)
    int minSamplesSplit = 2; // rows a node needs to be split
    int minSamplesLeaf = 1; // rows each leaf keeps
    MaxFeatures maxFeatures = MaxFeatures::All; // features drawn per node
    double maxFeaturesFraction = 1.0; // used when maxFeatures == Fraction
    int maxBins = 255; // bins per feature, 2..255
    std::uint64_t seed = 0; // feature draws (maxFeatures != All)
};

// One CART tree (classification with Gini / entropy, regression with squared error).
//
// Data layout: X is n x d (rows are samples), finite. Split search is histogram-based:
// features are binned into at most maxBins bins (FeatureBinner). A feature with at most
// maxBins distinct values gets one bin per value and midpoint thresholds, so the search is
// as exact as scikit-learn's sorted scan; beyond that, candidate thresholds are the
// feature's quantiles. Thresholds are stored on the raw scale (go left when x <= t).
//
// Classification leaves hold class distributions (predictProbabilities); predict is their
// argmax (lowest class on ties). Regression leaves hold the mean target.
class DecisionTree : public TreeEstimator {
public:
    explicit DecisionTree(
        EstimatorTask task = EstimatorTask::Classification, DecisionTreeOptions options = {});

    // The family's id in model files and node ids (see engine/nodes/LearnerRegistry).
    static constexpr const char kKind[] = "decision_tree";
    std::string kind() const override { return kKind; }
    const DecisionTreeOptions &options() const { return m_options; }

    bool fit(const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
        const FitContext &context) override;

    const DecisionTreeModel &tree() const { return m_tree; }

    // State: numbers task, feature_count, class_count and the options; the tree under
    // "tree_" (DecisionTreeModel::writeEnsemble with one tree).
    ModelState state() const override;
    void restore(const ModelState &state) override;
    std::unique_ptr<Estimator> cloneUnfitted() const override;

protected:
    Eigen::VectorXd predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;
    Eigen::MatrixXd probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const override;

private:
    Eigen::MatrixXd leafValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const;

    DecisionTreeOptions m_options;
    DecisionTreeModel m_tree;
};

} // namespace sextant::engine
