#pragma once

#include "ml/DecisionTreeBuilder.h"
#include "ml/DecisionTreeModel.h"
#include "ml/Estimator.h"
#include "ml/FitContext.h"
#include "ml/ModelState.h"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace sextant::engine {

// The part of the Estimator interface the tree learners (DecisionTree, RandomForest,
// GradientBoosting) answer alike from their task and the counts they were fitted with.
class TreeEstimator : public Estimator {
public:
    EstimatorTask task() const override { return m_task; }
    bool isFitted() const override { return m_featureCount > 0; }
    int featureCount() const override { return m_featureCount; }
    bool hasProbabilities() const override { return m_task == EstimatorTask::Classification; }
    int classCount() const override { return m_classCount; }

protected:
    // Throws FitError "<who> does classification or regression, not clustering" for
    // EstimatorTask::Clustering.
    TreeEstimator(EstimatorTask task, const char *who);

    EstimatorTask m_task;
    int m_featureCount = 0; // 0: not fitted
    int m_classCount = 0; // classification: the class count; regression: 0
};

} // namespace sextant::engine

namespace sextant::engine::treelearner {

// What the histogram tree learners (DecisionTree, RandomForest, GradientBoosting) share:
// option checks, the growth parameters of a CART tree, the row statistics trees are grown
// from, the common part of their model states, and predictions from leaf values.
//
// `who` names the learner in messages ("decision tree"). The templates take the options
// of DecisionTree or RandomForest, which share the fields used here (criterion, maxDepth,
// minSamplesSplit, minSamplesLeaf, maxFeatures, maxFeaturesFraction, maxBins, seed).

// Throws FitError "<who>: ..." unless 1 <= minSamplesLeaf and 2 <= maxBins <= 255.
void checkLeafAndBins(const std::string &who, int minSamplesLeaf, int maxBins);

template<class Options>
void checkGrowth(const std::string &who, bool classification, const Options &o)
{
    if (o.minSamplesSplit < 2)
        throw FitError(who + ": min samples to split must be at least 2");
    checkLeafAndBins(who, o.minSamplesLeaf, o.maxBins);
    if (o.maxFeatures == MaxFeatures::Fraction
        && !(o.maxFeaturesFraction > 0 && o.maxFeaturesFraction <= 1))
        throw FitError(who + ": the max features fraction must lie in (0, 1]");
    if (classification && o.criterion != SplitCriterion::Gini
        && o.criterion != SplitCriterion::Entropy)
        throw FitError(who + ": classification uses the Gini or entropy criterion");
}

// The growth parameters of one CART tree on d features (statDim: the class count for
// classification, 3 — weight, sum, sum of squares — for regression).
template<class Options>
TreeGrowParams growParams(
    const Options &o, bool classification, int classes, int d, MaxFeatures maxFeatures, int threads)
{
    TreeGrowParams params;
    params.criterion = classification ? o.criterion : SplitCriterion::SquaredError;
    params.statDim = classification ? classes : 3;
    params.maxDepth = o.maxDepth;
    params.minSamplesSplit = o.minSamplesSplit;
    params.minSamplesLeaf = o.minSamplesLeaf;
    params.midpointThresholds = true;
    params.maxFeatures = resolveMaxFeatures(maxFeatures, o.maxFeaturesFraction, d, classification);
    params.threads = threads;
    return params;
}

// The statistics of one row with weight w (statDim entries, zero beforehand):
// classification w at the row's class, regression (w, w y, w y y).
inline void rowStats(double *st, bool classification, double y, double w)
{
    if (classification) {
        st[static_cast<int>(y)] = w;
    } else {
        st[0] = w;
        st[1] = w * y;
        st[2] = w * y * y;
    }
}

// State numbers of the growth options (criterion, max_depth, min_samples_split,
// min_samples_leaf, max_features, max_features_fraction, max_bins) and the seed.
template<class Options> void writeGrowth(ModelState &s, const Options &o)
{
    s.setNumber("criterion", static_cast<int>(o.criterion));
    s.setNumber("max_depth", o.maxDepth);
    s.setNumber("min_samples_split", o.minSamplesSplit);
    s.setNumber("min_samples_leaf", o.minSamplesLeaf);
    s.setNumber("max_features", static_cast<int>(o.maxFeatures));
    s.setNumber("max_features_fraction", o.maxFeaturesFraction);
    s.setNumber("max_bins", o.maxBins);
    s.setUnsignedInteger("seed", o.seed);
}

template<class Options> void readGrowth(const ModelState &s, Options &o)
{
    o.criterion = static_cast<SplitCriterion>(s.integer("criterion", 0, 2));
    o.maxDepth = static_cast<int>(s.integer("max_depth", -1, 1000000000));
    o.minSamplesSplit = static_cast<int>(s.integer("min_samples_split", 2, 1000000000));
    o.minSamplesLeaf = static_cast<int>(s.integer("min_samples_leaf", 1, 1000000000));
    o.maxFeatures = static_cast<MaxFeatures>(s.integer("max_features", 0, 4));
    o.maxFeaturesFraction = s.number("max_features_fraction", 0, 1);
    o.maxBins = static_cast<int>(s.integer("max_bins", 2, 255));
    o.seed = s.unsignedInteger("seed");
}

// "task" (0 classification, 1 regression) and "fitted"; when fitted also "feature_count"
// and "class_count" (0 for regression).
void writeHeader(ModelState &s, EstimatorTask task, bool fitted, int featureCount, int classCount);
EstimatorTask readTask(const ModelState &s);
bool readFitted(const ModelState &s);
// feature_count (1..1e8) and class_count (2..maxClasses for classification, 0 otherwise)
// of a fitted state.
void readCounts(
    const ModelState &s, EstimatorTask task, int maxClasses, int &featureCount, int &classCount);

// The categorical columns of a tree's matrix, which it splits into subsets of categories
// instead of one indicator at a time (DecisionTreeModel's categorical splits). The
// "compact" matrix has one column per numeric column and one per categorical block,
// holding the row's category code 0 .. width - 1, or width for none (all zeros).
struct CategoricalLayout {
    std::vector<int> rawColumn; // compact column -> matrix column (a block's first)
    std::vector<int> width; // compact column -> block width, 0 for a numeric column
    bool any = false; // some compact column is categorical
};
// From FitContext::featureBlocks: the blocks marked categorical, 2 to 255 columns wide,
// whose cells in X are all 0 or 1 with at most one 1 per row (FeatureEncoder's one-hot
// columns). Blocks that do not cover X in order give a layout without categories.
CategoricalLayout categoricalLayout(
    const std::vector<FeatureBlock> &blocks, const Eigen::Ref<const Eigen::MatrixXd> &X);
Eigen::MatrixXd compactMatrix(
    const CategoricalLayout &layout, const Eigen::Ref<const Eigen::MatrixXd> &X);

// Predictions from n x V leaf values: column 0 (regression) or the largest class.
Eigen::VectorXd predictions(const Eigen::MatrixXd &values, EstimatorTask task);

} // namespace sextant::engine::treelearner
