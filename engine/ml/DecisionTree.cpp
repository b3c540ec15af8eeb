#include "ml/DecisionTree.h"

#include "ml/FeatureBinner.h"
#include "ml/TreeLearner.h"

#include <numeric>

namespace sextant::engine {

DecisionTree::DecisionTree(EstimatorTask task, DecisionTreeOptions options)
    : TreeEstimator(task, "a decision tree"), m_options(options)
{
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
    treelearner::checkGrowth(who, classification, o);
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

    const TreeGrowParams params = treelearner::growParams(o, classification, classes, d,
        o.maxFeatures == MaxFeatures::Auto ? MaxFeatures::All : o.maxFeatures, threads);
    const int S = params.statDim;
    std::vector<double> stats(static_cast<std::size_t>(n) * S, 0.0);
    for (Eigen::Index i = 0; i < n; ++i)
        treelearner::rowStats(
            stats.data() + static_cast<std::size_t>(i) * S, classification, y(i), 1.0);
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
    const int V = m_tree.valueDim();
    Eigen::MatrixXd out(X.rows(), V);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        const double *v = m_tree.predictRow(X, i);
        for (int k = 0; k < V; ++k)
            out(i, k) = v[k];
    }
    return out;
}

Eigen::MatrixXd DecisionTree::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return leafValues(X);
}

Eigen::VectorXd DecisionTree::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return treelearner::predictions(leafValues(X), m_task);
}

ModelState DecisionTree::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    treelearner::writeGrowth(s, m_options);
    treelearner::writeHeader(s, m_task, isFitted(), m_featureCount, m_classCount);
    if (!isFitted())
        return s;
    DecisionTreeModel::writeEnsemble(s, "tree_", { m_tree }, m_tree.valueDim());
    return s;
}

void DecisionTree::restore(const ModelState &s)
{
    s.requireKind(kind(), 1);
    DecisionTreeOptions o;
    const EstimatorTask task = treelearner::readTask(s);
    treelearner::readGrowth(s, o);
    DecisionTree restored(task, o);
    if (treelearner::readFitted(s)) {
        treelearner::readCounts(s, task, 64, restored.m_featureCount, restored.m_classCount);
        const int V = task == EstimatorTask::Classification ? restored.m_classCount : 1;
        auto trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, V, 1);
        restored.m_tree = std::move(trees.front());
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
