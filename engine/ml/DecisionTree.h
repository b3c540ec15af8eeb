#pragma once

#include "ml/ClassWeights.h"
#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"
#include "ml/DecisionTreePruning.h"
#include "ml/Estimator.h"
#include "ml/TreeLearner.h"

#include <cstdint>

namespace sextant::engine {

// Options of DecisionTree; defaults follow scikit-learn's DecisionTreeClassifier /
// DecisionTreeRegressor, except pruning: the default picks ccp_alpha by cross-validation.
struct DecisionTreeOptions {
    SplitCriterion criterion = SplitCriterion::Gini; // classification: Gini, Entropy or
                                                     // GainRatio (C4.5's, see SplitCriterion);
                                                     // regression always uses SquaredError
    int maxDepth = -1; // < 0: unlimited (root has depth 0)
    int minSamplesSplit = 2; // rows a node needs to be split
    int minSamplesLeaf = 1; // rows each leaf keeps
    MaxFeatures maxFeatures = MaxFeatures::All; // features drawn per node
    double maxFeaturesFraction = 1.0; // used when maxFeatures == Fraction
    int maxBins = 255; // bins per feature, 2..255
    std::uint64_t seed = 0; // feature draws (maxFeatures != All) and the pruning folds
    // Minimal cost-complexity pruning (DecisionTreePruning.h). autoCcpAlpha: alpha chosen
    // by ccpFolds-fold cross-validation on the training rows (see DecisionTree); otherwise
    // ccpAlpha >= 0 (0: no pruning, scikit-learn's default).
    bool autoCcpAlpha = true;
    double ccpAlpha = 0;
    int ccpFolds = 5; // 2..100
    // Classification: each row's weight in the split statistics is its class's weight
    // (ClassWeights.h; scikit-learn's class_weight="balanced"), so impurities, leaf class
    // distributions, pruning and the automatic alpha's held-out error are all weighted.
    // Counts (min_samples_split, min_samples_leaf) stay in rows, as in scikit-learn.
    ClassWeight classWeight = ClassWeight::None;
    // A categorical column (a one-hot block of FitContext::featureBlocks) splits into two
    // subsets of its categories in one node, as CART does for nominal attributes
    // (TreeGrowParams::categorical); false: each one-hot column is a 0/1 feature of its
    // own (scikit-learn's trees on one-hot data), a split separating one category.
    bool categoricalSplits = true;
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
//
// Pruning: the tree grown on all rows is pruned by minimal cost-complexity pruning with
// ccp_alpha, which gives scikit-learn's pruned tree for the same grown tree and alpha.
// With autoCcpAlpha, alpha is chosen by cross-validation on the training rows (CART's
// procedure, Breiman et al. 1984, section 3.4): the candidates are the geometric means
// sqrt(a_k a_{k+1}) of consecutive distinct alphas of the full tree's pruning path (each
// the middle of the interval where subtree T_k is optimal; 0 for the unpruned tree and
// the last alpha for the root alone). Every fold's training rows grow a tree (same
// options, same bins), which is pruned with each candidate and scored on the held-out
// rows (misclassified rows, or squared error for regression); folds are stratified by
// class for classification and drawn from `seed`. The candidate with the least total
// held-out error is chosen (min-error rule; on equal error the larger alpha, the smaller
// tree), and the full tree is pruned with it. chosenCcpAlpha() records the alpha used.
// Min-error rather than CART's 1-SE rule (the largest alpha within one standard error of
// the least error): on Weka's example datasets (bench/ml/tree_quality.py) 1-SE pruned too
// much, 0.6 points lower mean 10-fold accuracy (bench/RESULTS.md). The fold trees reuse
// the bins of all rows (unsupervised; no label of a held-out row is seen).
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
    // The alpha the fitted tree was pruned with (0: not pruned); with autoCcpAlpha the one
    // cross-validation chose.
    double chosenCcpAlpha() const { return m_chosenCcpAlpha; }

    // Impurity-based importances of the fitted (pruned) tree, scikit-learn's
    // feature_importances_ (TreeImportance.h): one column "importance", summing to 1.
    // Kept in the state; empty for models restored from files written before.
    FeatureImportances featureImportances() const override;

    // scikit-learn's cost_complexity_pruning_path: the pruning path of the tree these
    // options grow on X, y without pruning (does not change this estimator). Throws
    // FitError like fit(); empty when cancelled.
    CostComplexityPath pruningPath(const Eigen::Ref<const Eigen::MatrixXd> &X,
        const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context = {}) const;

    // State (version 3 when the tree holds a categorical split, else 2; categorical_splits
    // since then, absent: 0): numbers task, feature_count, class_count and the options
    // (ccp_auto, ccp_alpha, ccp_folds and gain_ratio since version 2: the gain ratio is
    // written as criterion entropy with gain_ratio 1; version 1 states were never pruned
    // and load with ccp_alpha 0), class_weight (absent: none), ccp_alpha_chosen and
    // feature_importances (absent in older states) when fitted; the tree under
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
    double m_chosenCcpAlpha = 0;
    Eigen::VectorXd m_importances; // d, empty when unknown
};

} // namespace sextant::engine
