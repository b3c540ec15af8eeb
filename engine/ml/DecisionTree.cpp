#include "ml/DecisionTree.h"

#include "core/Parallel.h"
#include "ml/FeatureBinner.h"
#include "ml/TreeImportance.h"
#include "ml/TreeLearner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
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

namespace {

// What fit() and pruningPath() share: the checked input, its bins and row statistics.
struct Grower {
    FeatureBinner binner;
    std::vector<std::uint8_t> codes;
    TreeGrowParams params;
    std::vector<double> stats;
    std::vector<double> rowWeight; // classification with class weights: per row, else empty
    int classes = 0;
    std::uint64_t seed = 0;
    treelearner::CategoricalLayout layout; // layout.any: the trees grow on compact columns
    // A tree grown on the compact columns, its splits renamed to the matrix's columns.
    void toMatrixColumns(DecisionTreeModel &tree) const
    {
        if (layout.any)
            tree.remapFeatures(layout.rawColumn);
    }
};

// Returns false when cancelled.
bool prepare(Grower &g, const DecisionTreeOptions &o, bool classification,
    const Eigen::Ref<const Eigen::MatrixXd> &X, const Eigen::Ref<const Eigen::VectorXd> &y,
    const FitContext &context)
{
    const std::string who = "decision tree";
    // The gain ratio is an entropy criterion: checked as one.
    DecisionTreeOptions checked = o;
    if (checked.criterion == SplitCriterion::GainRatio)
        checked.criterion = SplitCriterion::Entropy;
    treelearner::checkGrowth(who, classification, checked);
    if (!o.autoCcpAlpha && !(o.ccpAlpha >= 0 && std::isfinite(o.ccpAlpha)))
        throw FitError(who + ": ccp_alpha must be a number >= 0 or auto");
    if (o.ccpFolds < 2 || o.ccpFolds > 100)
        throw FitError(who + ": the pruning folds must lie in 2..100");
    g.classes = validateTreeInput(who, X, y, classification, context.classCount);
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    if (context.cancelled())
        return false;
    const int threads = context.threadCount();
    if (o.categoricalSplits)
        g.layout = treelearner::categoricalLayout(context.featureBlocks, X);
    int grownColumns = d;
    if (g.layout.any) {
        const Eigen::MatrixXd compact = treelearner::compactMatrix(g.layout, X);
        grownColumns = static_cast<int>(compact.cols());
        g.binner.fit(compact, o.maxBins, threads);
        for (int j = 0; j < grownColumns; ++j)
            if (g.layout.width[static_cast<std::size_t>(j)] > 0)
                g.binner.setCategorical(j, g.layout.width[static_cast<std::size_t>(j)] + 1);
        g.codes = g.binner.transform(compact, threads);
    } else {
        g.binner.fit(X, o.maxBins, threads);
        g.codes = g.binner.transform(X, threads);
    }
    if (context.cancelled())
        return false;
    g.params = treelearner::growParams(o, classification, g.classes, grownColumns,
        o.maxFeatures == MaxFeatures::Auto ? MaxFeatures::All : o.maxFeatures, threads);
    if (g.layout.any) {
        g.params.categorical.resize(static_cast<std::size_t>(grownColumns));
        for (int j = 0; j < grownColumns; ++j)
            g.params.categorical[static_cast<std::size_t>(j)]
                = g.layout.width[static_cast<std::size_t>(j)] > 0 ? 1 : 0;
    }
    const int S = g.params.statDim;
    g.stats.assign(static_cast<std::size_t>(n) * S, 0.0);
    if (classification && o.classWeight != ClassWeight::None) {
        const Eigen::VectorXd w = rowClassWeights(o.classWeight, y, g.classes);
        g.rowWeight.assign(w.data(), w.data() + w.size());
    }
    for (Eigen::Index i = 0; i < n; ++i)
        treelearner::rowStats(g.stats.data() + static_cast<std::size_t>(i) * S, classification,
            y(i), g.rowWeight.empty() ? 1.0 : g.rowWeight[static_cast<std::size_t>(i)]);
    std::uint64_t seed = o.seed;
    g.seed = splitMix64(seed);
    return true;
}

// The k folds of n rows (fold index per row): classification stratified (each class's rows
// shuffled and dealt out in turn), regression shuffled; drawn from `seed`.
std::vector<int> pruningFolds(const Eigen::Ref<const Eigen::VectorXd> &y, bool classification,
    int classes, int k, std::uint64_t seed)
{
    const Eigen::Index n = y.size();
    std::uint64_t rng = seed ^ 0x5DEECE66Dull;
    std::vector<std::vector<std::uint32_t>> groups(
        static_cast<std::size_t>(classification ? classes : 1));
    for (Eigen::Index i = 0; i < n; ++i)
        groups[classification ? static_cast<std::size_t>(y(i)) : 0].push_back(
            static_cast<std::uint32_t>(i));
    std::vector<int> fold(static_cast<std::size_t>(n), 0);
    std::size_t next = 0;
    for (std::vector<std::uint32_t> &g : groups) {
        for (std::size_t i = g.size(); i > 1; --i)
            std::swap(g[i - 1], g[uniformIndex(rng, static_cast<std::uint32_t>(i))]);
        for (std::uint32_t r : g)
            fold[r] = static_cast<int>(next++ % static_cast<std::size_t>(k));
    }
    return fold;
}

// The candidate alphas of a pruning path: geometric means of consecutive distinct alphas,
// and the last alpha (the root alone).
std::vector<double> candidateAlphas(const CostComplexityPath &path)
{
    std::vector<double> distinct;
    for (double a : path.alphas)
        if (distinct.empty() || a > distinct.back())
            distinct.push_back(a);
    std::vector<double> out;
    for (std::size_t k = 0; k + 1 < distinct.size(); ++k)
        out.push_back(std::sqrt(distinct[k] * distinct[k + 1]));
    out.push_back(distinct.back());
    return out;
}

} // namespace

CostComplexityPath DecisionTree::pruningPath(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context) const
{
    Grower g;
    const bool classification = m_task == EstimatorTask::Classification;
    if (!prepare(g, m_options, classification, X, y, context))
        return {};
    std::vector<std::uint32_t> rows(static_cast<std::size_t>(X.rows()));
    std::iota(rows.begin(), rows.end(), 0u);
    DecisionTreeBuilder builder(g.binner, g.codes.data(), X.rows(), g.params);
    DecisionTreeModel tree;
    if (!builder.build(rows, g.stats.data(), g.seed, tree, context.cancel))
        return {};
    g.toMatrixColumns(tree);
    return costComplexityPath(tree, nodeImpurities(builder, tree));
}

bool DecisionTree::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    m_featureCount = 0;
    m_classCount = 0;
    m_chosenCcpAlpha = 0;
    m_importances.resize(0);
    m_tree = DecisionTreeModel();
    const DecisionTreeOptions &o = m_options;
    const bool classification = m_task == EstimatorTask::Classification;
    Grower g;
    if (!prepare(g, o, classification, X, y, context))
        return false;
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    std::vector<std::uint32_t> rows(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), 0u);
    DecisionTreeBuilder builder(g.binner, g.codes.data(), n, g.params);
    DecisionTreeModel tree;
    if (!builder.build(rows, g.stats.data(), g.seed, tree, context.cancel))
        return false;
    g.toMatrixColumns(tree);
    // The grown tree's node weights and impurities, read before the builder grows the
    // pruning folds' trees: the pruning path and the importances use them.
    const TreeNodeImpurities grownImpurities = nodeImpurities(builder, tree);
    Eigen::VectorXd importances = Eigen::VectorXd::Zero(d);
    double alpha = o.autoCcpAlpha ? 0.0 : o.ccpAlpha;
    if (o.autoCcpAlpha || o.ccpAlpha > 0) {
        const CostComplexityPath path = costComplexityPath(tree, grownImpurities);
        if (o.autoCcpAlpha && path.alphas.size() > 1) {
            const std::vector<double> candidates = candidateAlphas(path);
            const int k = static_cast<int>(std::min<Eigen::Index>(o.ccpFolds, n));
            const std::vector<int> fold = pruningFolds(y, classification, g.classes, k, o.seed);
            // Held-out error of every candidate, summed over the folds.
            std::vector<double> error(candidates.size(), 0.0);
            std::vector<int> collapseStep;
            std::vector<int> predicted; // classification: each fold-tree node's class
            std::vector<int> pathNodes, prefixMin;
            // Classification: error changes by candidate (misclassified rows, or their class
            // weights).
            std::vector<double> wrongFrom;
            // The folds' trees grow side by side, one builder (scratch) per thread, each
            // histogram by one thread as in a single build, so the trees do not depend on
            // the thread count; they are scored below in fold order.
            struct FoldTree {
                DecisionTreeModel tree;
                CostComplexityPath path;
                char state = 0; // 0: not grown (cancelled), 1: grown, 2: no training rows
            };
            std::vector<FoldTree> grown(static_cast<std::size_t>(k));
            const int workers = std::max(1, std::min(k, context.threadCount()));
            TreeGrowParams single = g.params;
            single.threads = 1;
            std::vector<std::unique_ptr<DecisionTreeBuilder>> builders(
                static_cast<std::size_t>(workers));
            parallelChunks(0, k, workers, 1, [&](int chunk, std::int64_t begin, std::int64_t end) {
                auto &own = builders[static_cast<std::size_t>(chunk)];
                if (!own && workers > 1)
                    own = std::make_unique<DecisionTreeBuilder>(
                        g.binner, g.codes.data(), n, single);
                DecisionTreeBuilder &b = workers > 1 ? *own : builder;
                std::vector<std::uint32_t> trainRows;
                for (std::int64_t f = begin; f < end; ++f) {
                    FoldTree &out = grown[static_cast<std::size_t>(f)];
                    trainRows.clear();
                    for (Eigen::Index i = 0; i < n; ++i)
                        if (fold[static_cast<std::size_t>(i)] != f)
                            trainRows.push_back(static_cast<std::uint32_t>(i));
                    if (trainRows.empty()) {
                        out.state = 2;
                        continue;
                    }
                    if (!b.build(trainRows, g.stats.data(), g.seed, out.tree, context.cancel))
                        return;
                    g.toMatrixColumns(out.tree);
                    out.path = costComplexityPath(out.tree, nodeImpurities(b, out.tree));
                    out.state = 1;
                }
            });
            for (int f = 0; f < k; ++f) {
                const FoldTree &ft = grown[static_cast<std::size_t>(f)];
                if (ft.state == 0 || context.cancelled())
                    return false;
                if (ft.state == 2)
                    continue;
                const DecisionTreeModel &foldTree = ft.tree;
                const CostComplexityPath &fp = ft.path;
                const int nodes = foldTree.nodeCount();
                // The step at which each node becomes a leaf (leaves: 0, always a leaf).
                collapseStep.assign(static_cast<std::size_t>(nodes), 0);
                for (int i = 0; i < nodes; ++i)
                    if (!foldTree.isLeaf(i))
                        collapseStep[static_cast<std::size_t>(i)]
                            = static_cast<int>(fp.alphas.size());
                for (std::size_t s = 1; s < fp.prunedNode.size(); ++s)
                    collapseStep[static_cast<std::size_t>(fp.prunedNode[s])] = static_cast<int>(s);
                if (classification) {
                    predicted.resize(static_cast<std::size_t>(nodes));
                    for (int i = 0; i < nodes; ++i) {
                        const double *v = foldTree.values(i);
                        predicted[static_cast<std::size_t>(i)]
                            = static_cast<int>(std::max_element(v, v + foldTree.valueDim()) - v);
                    }
                }
                // fp.stepsFor of each candidate; they ascend, so each scan resumes where
                // the previous one stopped.
                std::vector<int> steps(candidates.size());
                for (std::size_t c = 0, s = 0; c < candidates.size(); ++c) {
                    while (s + 1 < fp.alphas.size() && !(candidates[c] < fp.alphas[s + 1]))
                        ++s;
                    steps[c] = static_cast<int>(s);
                }
                wrongFrom.assign(candidates.size() + 1, 0.0);
                for (Eigen::Index r = 0; r < n; ++r) {
                    if (fold[static_cast<std::size_t>(r)] != f)
                        continue;
                    // The row's root-to-leaf path in the fold tree; pruned after s steps the
                    // row stops at the first node whose collapse step is <= s.
                    pathNodes.clear();
                    prefixMin.clear();
                    const double *row = X.data() + r;
                    const Eigen::Index stride = X.outerStride();
                    int node = 0;
                    int least = std::numeric_limits<int>::max();
                    for (;;) {
                        least = std::min(least, collapseStep[static_cast<std::size_t>(node)]);
                        pathNodes.push_back(node);
                        prefixMin.push_back(least);
                        if (foldTree.isLeaf(node))
                            break;
                        node = foldTree.child(node, row, stride);
                    }
                    std::size_t j = pathNodes.size() - 1;
                    if (classification) {
                        // The row stops at pathNodes[j] for a run of candidates, up to the
                        // first whose steps reach prefixMin[j - 1]: one count per run.
                        const int truth = static_cast<int>(y(r));
                        for (std::size_t c = 0; c < candidates.size();) {
                            while (j > 0 && prefixMin[j - 1] <= steps[c])
                                --j;
                            const std::size_t next = j == 0
                                ? candidates.size()
                                : static_cast<std::size_t>(
                                    std::lower_bound(
                                        steps.begin() + static_cast<std::ptrdiff_t>(c + 1),
                                        steps.end(), prefixMin[j - 1])
                                    - steps.begin());
                            if (predicted[static_cast<std::size_t>(pathNodes[j])] != truth) {
                                const double w = g.rowWeight.empty()
                                    ? 1.0
                                    : g.rowWeight[static_cast<std::size_t>(r)];
                                wrongFrom[c] += w;
                                wrongFrom[next] -= w;
                            }
                            c = next;
                        }
                        continue;
                    }
                    for (std::size_t c = 0; c < candidates.size(); ++c) {
                        while (j > 0 && prefixMin[j - 1] <= steps[c])
                            --j;
                        const double e = foldTree.values(pathNodes[j])[0] - y(r);
                        error[c] += e * e;
                    }
                }
                // Unweighted, these are integer counts (exact in a double): the same sums as
                // adding each row's miss one at a time.
                double wrong = 0.0;
                for (std::size_t c = 0; classification && c < candidates.size(); ++c) {
                    wrong += wrongFrom[c];
                    error[c] += wrong;
                }
            }
            // Least error; on equal error the larger alpha (candidates ascend).
            std::size_t best = 0;
            for (std::size_t c = 1; c < candidates.size(); ++c)
                if (error[c] <= error[best])
                    best = c;
            alpha = candidates[best];
        }
        m_tree = prunedTree(tree, path, path.stepsFor(alpha));
        treeimportance::addImpurityDecrease(m_tree, tree, grownImpurities, importances);
    } else {
        treeimportance::addImpurityDecrease(tree, tree, grownImpurities, importances);
        m_tree = std::move(tree);
    }
    treeimportance::normalize(importances);
    m_importances = std::move(importances);
    m_chosenCcpAlpha = alpha;
    m_featureCount = d;
    m_classCount = classification ? g.classes : 0;
    return true;
}

FeatureImportances DecisionTree::featureImportances() const
{
    FeatureImportances out;
    if (!isFitted() || m_importances.size() != m_featureCount)
        return out;
    out.measure = "impurity decrease";
    out.columns = { "importance" };
    out.values = m_importances;
    return out;
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
    // Version 3: the tree may hold categorical splits (written only then, so that files
    // without them still load in versions that read 2).
    s.version = isFitted() && m_tree.hasCategoricalSplits() ? 3 : 2;
    // The gain ratio is written as the entropy criterion with gain_ratio 1 (version 2).
    DecisionTreeOptions written = m_options;
    if (written.criterion == SplitCriterion::GainRatio)
        written.criterion = SplitCriterion::Entropy;
    treelearner::writeGrowth(s, written);
    s.setNumber("gain_ratio", m_options.criterion == SplitCriterion::GainRatio ? 1 : 0);
    s.setNumber("ccp_auto", m_options.autoCcpAlpha ? 1 : 0);
    s.setNumber("ccp_alpha", m_options.ccpAlpha);
    s.setNumber("ccp_folds", m_options.ccpFolds);
    s.setNumber("categorical_splits", m_options.categoricalSplits ? 1 : 0);
    writeClassWeight(s, m_options.classWeight);
    treelearner::writeHeader(s, m_task, isFitted(), m_featureCount, m_classCount);
    if (!isFitted())
        return s;
    s.setNumber("ccp_alpha_chosen", m_chosenCcpAlpha);
    treeimportance::write(s, m_importances);
    DecisionTreeModel::writeEnsemble(s, "tree_", { m_tree }, m_tree.valueDim());
    return s;
}

void DecisionTree::restore(const ModelState &s)
{
    s.requireKind(kind(), 3);
    DecisionTreeOptions o;
    const EstimatorTask task = treelearner::readTask(s);
    treelearner::readGrowth(s, o);
    if (s.version >= 2) {
        o.autoCcpAlpha = s.integer("ccp_auto", 0, 1) == 1;
        o.ccpAlpha = s.number("ccp_alpha", 0, std::numeric_limits<double>::max());
        o.ccpFolds = static_cast<int>(s.integer("ccp_folds", 2, 100));
        if (s.integer("gain_ratio", 0, 1) == 1) {
            if (o.criterion != SplitCriterion::Entropy)
                throw ModelStateError(kind() + ": gain_ratio goes with the entropy criterion");
            o.criterion = SplitCriterion::GainRatio;
        }
    } else {
        o.autoCcpAlpha = false; // version 1 trees were grown without pruning
        o.ccpAlpha = 0;
    }
    // Absent (written before categorical splits existed): trees split one-hot columns.
    o.categoricalSplits = s.has("categorical_splits") && s.integer("categorical_splits", 0, 1) == 1;
    o.classWeight = readClassWeight(s, kind());
    DecisionTree restored(task, o);
    if (treelearner::readFitted(s)) {
        if (s.version >= 2)
            restored.m_chosenCcpAlpha
                = s.number("ccp_alpha_chosen", 0, std::numeric_limits<double>::max());
        treelearner::readCounts(s, task, 64, restored.m_featureCount, restored.m_classCount);
        const int V = task == EstimatorTask::Classification ? restored.m_classCount : 1;
        auto trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, V, 1);
        restored.m_tree = std::move(trees.front());
        restored.m_importances = treeimportance::read(s, restored.m_featureCount, kind());
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
