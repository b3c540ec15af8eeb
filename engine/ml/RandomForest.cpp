#include "ml/RandomForest.h"

#include "core/Parallel.h"
#include "ml/DecisionTreePruning.h"
#include "ml/FeatureBinner.h"
#include "ml/TreeImportance.h"
#include "ml/TreeLearner.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace sextant::engine {

RandomForest::RandomForest(EstimatorTask task, RandomForestOptions options)
    : TreeEstimator(task, "a random forest"), m_options(options)
{
}

std::unique_ptr<Estimator> RandomForest::cloneUnfitted() const
{
    return std::make_unique<RandomForest>(m_task, m_options);
}

bool RandomForest::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    m_featureCount = 0;
    m_classCount = 0;
    m_trees.clear();
    m_importances.resize(0);
    const RandomForestOptions &o = m_options;
    const bool classification = m_task == EstimatorTask::Classification;
    const std::string who = "random forest";
    if (o.nTrees < 1)
        throw FitError(who + ": the number of trees must be at least 1");
    treelearner::checkGrowth(who, classification, o);
    const int classes = validateTreeInput(who, X, y, classification, context.classCount);
    const int threads = context.threadCount();
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    if (context.cancelled())
        return false;

    FeatureBinner binner;
    binner.fit(X, o.maxBins, threads);
    const std::vector<std::uint8_t> codes = binner.transform(X, threads);

    // Trees are the parallel unit: one thread per tree.
    const TreeGrowParams params
        = treelearner::growParams(o, classification, classes, d, o.maxFeatures, 1);
    const int S = params.statDim;

    // One workspace per thread, reused from tree to tree.
    struct Workspace {
        std::unique_ptr<DecisionTreeBuilder> builder;
        std::vector<double> stats; // n x S, zero outside the tree's rows
        std::vector<std::uint32_t> counts;
        std::vector<std::uint32_t> rows;
    };
    std::vector<Workspace> spaces(static_cast<std::size_t>(threads));
    for (Workspace &w : spaces) {
        w.builder = std::make_unique<DecisionTreeBuilder>(binner, codes.data(), n, params);
        w.stats.assign(static_cast<std::size_t>(n) * S, 0.0);
        w.counts.assign(static_cast<std::size_t>(n), 0);
    }

    const std::vector<double> classWeight
        = classification ? classWeightsFor(o.classWeight, y, classes) : std::vector<double>();
    // Per tree: its normalised importances (empty for a single leaf).
    std::vector<Eigen::VectorXd> treeImportances(static_cast<std::size_t>(o.nTrees));
    const auto grow = [&](Workspace &w, int t, DecisionTreeModel &tree) {
        std::uint64_t rng = memberSeed(o.seed, static_cast<std::uint64_t>(t));
        w.rows.clear();
        if (o.bootstrap) {
            for (Eigen::Index i = 0; i < n; ++i)
                ++w.counts[uniformIndex(rng, static_cast<std::uint32_t>(n))];
        } else {
            std::fill(w.counts.begin(), w.counts.end(), 1u);
        }
        for (Eigen::Index i = 0; i < n; ++i) {
            const std::uint32_t c = w.counts[static_cast<std::size_t>(i)];
            if (c == 0)
                continue;
            w.rows.push_back(static_cast<std::uint32_t>(i));
            treelearner::rowStats(w.stats.data() + static_cast<std::size_t>(i) * S, classification,
                y(i),
                classification ? c * classWeight[static_cast<std::size_t>(y(i))]
                               : static_cast<double>(c));
        }
        const bool ok
            = w.builder->build(w.rows, w.stats.data(), splitMix64(rng), tree, context.cancel);
        if (ok && tree.nodeCount() > 1) {
            Eigen::VectorXd imp = Eigen::VectorXd::Zero(d);
            treeimportance::addImpurityDecrease(tree, tree, nodeImpurities(*w.builder, tree), imp);
            treeimportance::normalize(imp);
            treeImportances[static_cast<std::size_t>(t)] = std::move(imp);
        }
        // Reset the workspace for the next tree.
        for (std::uint32_t r : w.rows) {
            std::fill_n(w.stats.data() + static_cast<std::size_t>(r) * S, S, 0.0);
            w.counts[r] = 0;
        }
        return ok;
    };

    std::vector<DecisionTreeModel> trees(static_cast<std::size_t>(o.nTrees));
    std::vector<char> done(static_cast<std::size_t>(o.nTrees), 0);
    int built = 0;
    bool stop = false;
    bool stoppedByCallback = false;
    const int batch = std::max(1, threads) * 4;
    while (built < o.nTrees && !stop) {
        const int end = std::min(o.nTrees, built + batch);
        parallelChunks(built, end, threads, 1, [&](int chunk, std::int64_t b, std::int64_t e) {
            Workspace &w = spaces[static_cast<std::size_t>(chunk)];
            for (std::int64_t t = b; t < e; ++t)
                done[static_cast<std::size_t>(t)]
                    = grow(w, static_cast<int>(t), trees[static_cast<std::size_t>(t)]) ? 1 : 0;
        });
        for (int t = built; t < end; ++t) {
            if (!done[static_cast<std::size_t>(t)]) {
                stop = true;
                break;
            }
            built = t + 1;
            EpochReport r;
            r.epoch = built;
            r.totalEpochs = o.nTrees;
            r.unit = "tree";
            if (context.report(r)) {
                stop = true;
                stoppedByCallback = true;
                break;
            }
        }
    }
    context.ended(stoppedByCallback ? FitEnd::Stopped : FitEnd::Completed, built);
    if (built == 0)
        return false;
    trees.resize(static_cast<std::size_t>(built));
    Eigen::VectorXd importances = Eigen::VectorXd::Zero(d);
    int counted = 0;
    for (int t = 0; t < built; ++t)
        if (treeImportances[static_cast<std::size_t>(t)].size() == d) {
            importances += treeImportances[static_cast<std::size_t>(t)];
            ++counted;
        }
    if (counted > 0)
        importances /= counted;
    treeimportance::normalize(importances);
    m_importances = std::move(importances);
    m_trees = std::move(trees);
    m_featureCount = d;
    m_classCount = classification ? classes : 0;
    return true;
}

FeatureImportances RandomForest::featureImportances() const
{
    FeatureImportances out;
    if (!isFitted() || m_importances.size() != m_featureCount)
        return out;
    out.measure = "impurity decrease";
    out.columns = { "importance" };
    out.values = m_importances;
    return out;
}

Eigen::MatrixXd RandomForest::meanValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const int V = m_task == EstimatorTask::Classification ? m_classCount : 1;
    Eigen::MatrixXd out = Eigen::MatrixXd::Zero(X.rows(), V);
    const double scale = 1.0 / static_cast<double>(m_trees.size());
    parallelChunks(0, X.rows(), FitContext {}.threadCount(), 1024,
        [&](int, std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                for (const DecisionTreeModel &t : m_trees) {
                    const double *v = t.predictRow(X, i);
                    for (int k = 0; k < V; ++k)
                        out(i, k) += v[k];
                }
                out.row(i) *= scale;
            }
        });
    return out;
}

Eigen::MatrixXd RandomForest::probabilitiesFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return meanValues(X);
}

Eigen::VectorXd RandomForest::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    return treelearner::predictions(meanValues(X), m_task);
}

ModelState RandomForest::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    const RandomForestOptions &o = m_options;
    s.setNumber("n_trees", o.nTrees);
    s.setNumber("bootstrap", o.bootstrap ? 1 : 0);
    treelearner::writeGrowth(s, o);
    writeClassWeight(s, o.classWeight);
    treelearner::writeHeader(s, m_task, isFitted(), m_featureCount, m_classCount);
    if (!isFitted())
        return s;
    treeimportance::write(s, m_importances);
    DecisionTreeModel::writeEnsemble(
        s, "tree_", m_trees, m_task == EstimatorTask::Classification ? m_classCount : 1);
    return s;
}

void RandomForest::restore(const ModelState &s)
{
    s.requireKind(kind(), 1);
    RandomForestOptions o;
    const EstimatorTask task = treelearner::readTask(s);
    o.nTrees = static_cast<int>(s.integer("n_trees", 1, 1000000000));
    treelearner::readGrowth(s, o);
    o.bootstrap = s.integer("bootstrap", 0, 1) == 1;
    o.classWeight = readClassWeight(s, kind());
    RandomForest restored(task, o);
    if (treelearner::readFitted(s)) {
        treelearner::readCounts(s, task, 64, restored.m_featureCount, restored.m_classCount);
        const int V = task == EstimatorTask::Classification ? restored.m_classCount : 1;
        restored.m_trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, V);
        if (restored.m_trees.empty())
            throw ModelStateError(kind() + ": a fitted forest needs at least one tree");
        restored.m_importances = treeimportance::read(s, restored.m_featureCount, kind());
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
