#include "ml/RandomForest.h"

#include "core/Parallel.h"
#include "ml/FeatureBinner.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace sextant::engine {

RandomForest::RandomForest(EstimatorTask task, RandomForestOptions options)
    : m_task(task), m_options(options)
{
    if (task == EstimatorTask::Clustering)
        throw FitError("a random forest does classification or regression, not clustering");
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
    const RandomForestOptions &o = m_options;
    const bool classification = m_task == EstimatorTask::Classification;
    const std::string who = "random forest";
    if (o.nTrees < 1)
        throw FitError(who + ": the number of trees must be at least 1");
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
    const int threads = context.threadCount();
    const Eigen::Index n = X.rows();
    const int d = static_cast<int>(X.cols());
    if (context.cancelled())
        return false;

    FeatureBinner binner;
    binner.fit(X, o.maxBins, threads);
    const std::vector<std::uint8_t> codes = binner.transform(X, threads);

    TreeGrowParams params;
    params.criterion = classification ? o.criterion : SplitCriterion::SquaredError;
    params.statDim = classification ? classes : 3;
    params.maxDepth = o.maxDepth;
    params.minSamplesSplit = o.minSamplesSplit;
    params.minSamplesLeaf = o.minSamplesLeaf;
    params.midpointThresholds = true;
    params.maxFeatures
        = resolveMaxFeatures(o.maxFeatures, o.maxFeaturesFraction, d, classification);
    params.threads = 1; // trees are the parallel unit
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
            double *st = w.stats.data() + static_cast<std::size_t>(i) * S;
            if (classification) {
                st[static_cast<int>(y(i))] = c;
            } else {
                st[0] = c;
                st[1] = c * y(i);
                st[2] = c * y(i) * y(i);
            }
        }
        const bool ok
            = w.builder->build(w.rows, w.stats.data(), splitMix64(rng), tree, context.cancel);
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
            if (context.report(r)) {
                stop = true;
                break;
            }
        }
    }
    if (built == 0)
        return false;
    trees.resize(static_cast<std::size_t>(built));
    m_trees = std::move(trees);
    m_featureCount = d;
    m_classCount = classification ? classes : 0;
    return true;
}

Eigen::MatrixXd RandomForest::meanValues(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (!isFitted())
        throw FitError("random forest: the model is not fitted");
    if (X.cols() != m_featureCount)
        throw FitError("random forest: the data has " + std::to_string(X.cols())
            + " features, the model expects " + std::to_string(m_featureCount));
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

Eigen::MatrixXd RandomForest::predictProbabilities(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    if (m_task != EstimatorTask::Classification)
        return Estimator::predictProbabilities(X);
    return meanValues(X);
}

Eigen::VectorXd RandomForest::predict(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd v = meanValues(X);
    if (m_task == EstimatorTask::Regression)
        return v.col(0);
    return classOfLargest(v);
}

ModelState RandomForest::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    const RandomForestOptions &o = m_options;
    s.setNumber("task", m_task == EstimatorTask::Classification ? 0 : 1);
    s.setNumber("n_trees", o.nTrees);
    s.setNumber("criterion", static_cast<int>(o.criterion));
    s.setNumber("max_depth", o.maxDepth);
    s.setNumber("min_samples_split", o.minSamplesSplit);
    s.setNumber("min_samples_leaf", o.minSamplesLeaf);
    s.setNumber("max_features", static_cast<int>(o.maxFeatures));
    s.setNumber("max_features_fraction", o.maxFeaturesFraction);
    s.setNumber("bootstrap", o.bootstrap ? 1 : 0);
    s.setNumber("max_bins", o.maxBins);
    s.setUnsignedInteger("seed", o.seed);
    s.setNumber("fitted", isFitted() ? 1 : 0);
    if (!isFitted())
        return s;
    s.setNumber("feature_count", m_featureCount);
    s.setNumber("class_count", m_classCount);
    DecisionTreeModel::writeEnsemble(
        s, "tree_", m_trees, m_task == EstimatorTask::Classification ? m_classCount : 1);
    return s;
}

void RandomForest::restore(const ModelState &s)
{
    s.requireKind(kind(), 1);
    RandomForestOptions o;
    const EstimatorTask task
        = s.integer("task", 0, 1) == 0 ? EstimatorTask::Classification : EstimatorTask::Regression;
    o.nTrees = static_cast<int>(s.integer("n_trees", 1, 1000000000));
    o.criterion = static_cast<SplitCriterion>(s.integer("criterion", 0, 2));
    o.maxDepth = static_cast<int>(s.integer("max_depth", -1, 1000000000));
    o.minSamplesSplit = static_cast<int>(s.integer("min_samples_split", 2, 1000000000));
    o.minSamplesLeaf = static_cast<int>(s.integer("min_samples_leaf", 1, 1000000000));
    o.maxFeatures = static_cast<MaxFeatures>(s.integer("max_features", 0, 4));
    o.maxFeaturesFraction = s.number("max_features_fraction", 0, 1);
    o.bootstrap = s.integer("bootstrap", 0, 1) == 1;
    o.maxBins = static_cast<int>(s.integer("max_bins", 2, 255));
    o.seed = s.unsignedInteger("seed");
    RandomForest restored(task, o);
    if (s.integer("fitted", 0, 1) == 1) {
        restored.m_featureCount = static_cast<int>(s.integer("feature_count", 1, 100000000));
        restored.m_classCount = task == EstimatorTask::Classification
            ? static_cast<int>(s.integer("class_count", 2, 64))
            : static_cast<int>(s.integer("class_count", 0, 0));
        const int V = task == EstimatorTask::Classification ? restored.m_classCount : 1;
        restored.m_trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, V);
        if (restored.m_trees.empty())
            throw ModelStateError(kind() + ": a fitted forest needs at least one tree");
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
