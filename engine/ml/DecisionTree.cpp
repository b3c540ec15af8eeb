#include "ml/DecisionTree.h"

#include "ml/FeatureBinner.h"

#include <numeric>

namespace sextant::engine {

DecisionTree::DecisionTree(EstimatorTask task, DecisionTreeOptions options)
    : m_task(task), m_options(options)
{
    if (task == EstimatorTask::Clustering)
        throw FitError("a decision tree does classification or regression, not clustering");
}

std::unique_ptr<Estimator> DecisionTree::cloneUnfitted() const
{
    return std::make_unique<DecisionTree>(m_task, m_options);
}

bool DecisionTree::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    m_featureCount = 0;
    m_classCount = 0;
    m_tree = DecisionTreeModel();
    const DecisionTreeOptions &o = m_options;
    const bool classification = m_task == EstimatorTask::Classification;
    const std::string who = "decision tree";
    if (o.minSamplesSplit < 2)
        throw FitError(who + ": min samples to split must be at least 2");
    if (o.minSamplesLeaf < 1)
        throw FitError(who + ": min samples per leaf must be at least 1");
    if (o.maxBins < 2 || o.maxBins > 255)
        throw FitError(who + ": the number of bins must be between 2 and 255");
    if (o.maxFeatures == MaxFeatures::Fraction
        && !(o.maxFeaturesFraction > 0 && o.maxFeaturesFraction <= 1))
        throw FitError(who + ": the max features fraction must lie in (0, 1]");
    if (classification && o.criterion != SplitCriterion::Gini
        && o.criterion != SplitCriterion::Entropy)
        throw FitError(who + ": classification uses the Gini or entropy criterion");
    const int classes = validateTreeInput(who, X, y, classification, context.classCount);
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    if (context.cancelled())
        return false;

    const int threads = context.threadCount();
    FeatureBinner binner;
    binner.fit(X, o.maxBins, threads);
    const std::vector<std::uint8_t> codes = binner.transform(X, threads);
    if (context.cancelled())
        return false;

    TreeGrowParams params;
    params.criterion = classification ? o.criterion : SplitCriterion::SquaredError;
    params.statDim = classification ? classes : 3;
    params.maxDepth = o.maxDepth;
    params.minSamplesSplit = o.minSamplesSplit;
    params.minSamplesLeaf = o.minSamplesLeaf;
    params.midpointThresholds = true;
    params.maxFeatures
        = resolveMaxFeatures(o.maxFeatures == MaxFeatures::Auto ? MaxFeatures::All : o.maxFeatures,
            o.maxFeaturesFraction, d, classification);
    params.threads = threads;
    const int S = params.statDim;
    std::vector<double> stats(static_cast<std::size_t>(n) * S, 0.0);
    for (Eigen::Index i = 0; i < n; ++i) {
        double *st = stats.data() + static_cast<std::size_t>(i) * S;
        if (classification) {
            st[static_cast<int>(y(i))] = 1.0;
        } else {
            st[0] = 1.0;
            st[1] = y(i);
            st[2] = y(i) * y(i);
        }
    }
    std::vector<std::uint32_t> rows(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), 0u);
    DecisionTreeBuilder builder(binner, codes.data(), n, params);
    DecisionTreeModel tree;
    std::uint64_t seed = o.seed;
    if (!builder.build(rows, stats.data(), splitMix64(seed), tree, context.cancel))
        return false;
    m_tree = std::move(tree);
    m_featureCount = d;
    m_classCount = classification ? classes : 0;
    return true;
}

Eigen::MatrixXd DecisionTree::leafValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted())
        throw FitError("decision tree: the model is not fitted");
    if (X.cols() != m_featureCount)
        throw FitError("decision tree: the data has " + std::to_string(X.cols())
            + " features, the model expects " + std::to_string(m_featureCount));
    const int V = m_tree.valueDim();
    Eigen::MatrixXd out(X.rows(), V);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const double *v = m_tree.predictRow(X, i);
        for (int k = 0; k < V; ++k)
            out(i, k) = v[k];
    }
    return out;
}

Eigen::MatrixXd DecisionTree::predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (m_task != EstimatorTask::Classification)
        return Estimator::predictProbabilities(X);
    return leafValues(X);
}

Eigen::VectorXd DecisionTree::predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd v = leafValues(X);
    if (m_task == EstimatorTask::Regression)
        return v.col(0);
    return classOfLargest(v);
}

ModelState DecisionTree::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    const DecisionTreeOptions &o = m_options;
    s.setNumber("task", m_task == EstimatorTask::Classification ? 0 : 1);
    s.setNumber("criterion", static_cast<int>(o.criterion));
    s.setNumber("max_depth", o.maxDepth);
    s.setNumber("min_samples_split", o.minSamplesSplit);
    s.setNumber("min_samples_leaf", o.minSamplesLeaf);
    s.setNumber("max_features", static_cast<int>(o.maxFeatures));
    s.setNumber("max_features_fraction", o.maxFeaturesFraction);
    s.setNumber("max_bins", o.maxBins);
    s.setUnsignedInteger("seed", o.seed);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (!isFitted())
        return s;
    s.setNumber("feature_count", m_featureCount);
    s.setNumber("class_count", m_classCount);
    DecisionTreeModel::writeEnsemble(s, "tree_", { m_tree }, m_tree.valueDim());
    return s;
}

void DecisionTree::restore(const ModelState &s)
{
    s.requireKind(kind(), 1);
    DecisionTreeOptions o;
    const EstimatorTask task
        = s.integer("task", 0, 1) == 0 ? EstimatorTask::Classification : EstimatorTask::Regression;
    o.criterion = static_cast<SplitCriterion>(s.integer("criterion", 0, 2));
    o.maxDepth = static_cast<int>(s.integer("max_depth", -1, 1000000000));
    o.minSamplesSplit = static_cast<int>(s.integer("min_samples_split", 2, 1000000000));
    o.minSamplesLeaf = static_cast<int>(s.integer("min_samples_leaf", 1, 1000000000));
    o.maxFeatures = static_cast<MaxFeatures>(s.integer("max_features", 0, 4));
    o.maxFeaturesFraction = s.number("max_features_fraction", 0, 1);
    o.maxBins = static_cast<int>(s.integer("max_bins", 2, 255));
    o.seed = s.unsignedInteger("seed");
    DecisionTree restored(task, o);
    if (s.integer("fitted", 0, 1) == 1) {
        restored.m_featureCount = static_cast<int>(s.integer("feature_count", 1, 100000000));
        restored.m_classCount = task == EstimatorTask::Classification
            ? static_cast<int>(s.integer("class_count", 2, 64))
            : static_cast<int>(s.integer("class_count", 0, 0));
        const int V = task == EstimatorTask::Classification ? restored.m_classCount : 1;
        auto trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, V, 1);
        restored.m_tree = std::move(trees.front());
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
