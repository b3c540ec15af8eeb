#include "ml/GradientBoosting.h"

#include "core/Parallel.h"
#include "core/ThreadPool.h"
#include "ml/DecisionTreeBuilder.h"
#include "ml/FeatureBinner.h"
#include "ml/TreeImportance.h"
#include "ml/TreeLearner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace sextant::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double softplus(double x)
{
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

double sigmoid(double x)
{
    return x >= 0 ? 1.0 / (1.0 + std::exp(-x)) : std::exp(x) / (1.0 + std::exp(x));
}

// Mean loss of raw scores (n x K') against y: squared error, binary or multinomial log loss;
// with row weights w (n entries, non-empty) the weighted mean.
double meanLoss(EstimatorTask task, int classes, const Eigen::MatrixXd &raw,
    const Eigen::Ref<const Eigen::VectorXd> &y, const Eigen::VectorXd &w = {})
{
    const Eigen::Index n = raw.rows();
    if (n == 0)
        return kNaN;
    const bool weighted = w.size() == n;
    const auto wt = [&](Eigen::Index i) { return weighted ? w(i) : 1.0; };
    double sum = 0;
    if (task == EstimatorTask::Regression) {
        for (Eigen::Index i = 0; i < n; ++i)
            sum += (raw(i, 0) - y(i)) * (raw(i, 0) - y(i));
    } else if (classes == 2) {
        for (Eigen::Index i = 0; i < n; ++i)
            sum += wt(i) * (softplus(raw(i, 0)) - y(i) * raw(i, 0));
    } else {
        for (Eigen::Index i = 0; i < n; ++i) {
            const double m = raw.row(i).maxCoeff();
            const double lse = m + std::log((raw.row(i).array() - m).exp().sum());
            sum += wt(i) * (lse - raw(i, static_cast<Eigen::Index>(y(i))));
        }
    }
    return sum / (weighted ? w.sum() : static_cast<double>(n));
}

// Validation accuracy (classification) or R^2 (regression) of raw scores.
double metricOf(EstimatorTask task, int classes, const Eigen::MatrixXd &raw,
    const Eigen::Ref<const Eigen::VectorXd> &y)
{
    const Eigen::Index n = raw.rows();
    if (n == 0)
        return kNaN;
    if (task == EstimatorTask::Regression) {
        const double mean = y.mean();
        const double ssTot = (y.array() - mean).square().sum();
        const double ssRes = (raw.col(0) - y).squaredNorm();
        return ssTot > 0 ? 1.0 - ssRes / ssTot : kNaN;
    }
    Eigen::Index correct = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        Eigen::Index label = 0;
        if (classes == 2)
            label = raw(i, 0) > 0 ? 1 : 0;
        else
            raw.row(i).maxCoeff(&label);
        correct += label == static_cast<Eigen::Index>(y(i));
    }
    return static_cast<double>(correct) / static_cast<double>(n);
}

void addTree(const DecisionTreeModel &tree, const Eigen::Ref<const Eigen::MatrixXd> &X,
    Eigen::MatrixXd &raw, Eigen::Index col)
{
    for (Eigen::Index i = 0; i < X.rows(); ++i)
        raw(i, col) += tree.predictRow(X, i)[0];
}

// Gradients and hessians of every class at the current raw scores (stats[k] is n x 2,
// (g, h) per row) and the mean training loss at those scores. Rows are processed in fixed
// chunks whose partial sums are added in chunk order, so the result does not depend on
// the thread count. Without wantLoss only the gradients are computed (returns NaN).
double gradientsAndLoss(EstimatorTask task, int classes, const Eigen::MatrixXd &raw,
    const Eigen::Ref<const Eigen::VectorXd> &y, std::vector<std::vector<double>> &stats,
    int threads, bool wantLoss = true)
{
    constexpr std::int64_t kChunk = 8192;
    const std::int64_t n = raw.rows();
    const std::int64_t chunks = (n + kChunk - 1) / kChunk;
    const int K = static_cast<int>(raw.cols());
    std::vector<double> partial(static_cast<std::size_t>(chunks), 0.0);
    const int parts
        = static_cast<int>(std::clamp<std::int64_t>(threads, 1, std::max<std::int64_t>(1, chunks)));
    ThreadPool::shared().run(parts, [&](int part) {
        const std::int64_t cb = chunks * part / parts, ce = chunks * (part + 1) / parts;
        clearUpperVectorState(); // before the calls into libm's exp and log
        std::vector<double> e(static_cast<std::size_t>(K));
        for (std::int64_t c = cb; c < ce; ++c) {
            double sum = 0;
            const std::int64_t end = std::min(n, (c + 1) * kChunk);
            if (task == EstimatorTask::Classification && classes == 2) {
                // Binary log loss (the branch below, hoisted out of the row loop).
                const double *rr = raw.data();
                const double *yy = y.data();
                double *st = stats[0].data();
                for (std::int64_t i = c * kChunk; i < end; ++i) {
                    const double r = rr[i];
                    const double t = std::exp(-std::abs(r));
                    const double p = r >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
                    st[2 * i] = p - yy[i];
                    st[2 * i + 1] = p * (1 - p);
                    if (wantLoss)
                        sum += std::max(r, 0.0) + std::log1p(t) - yy[i] * r;
                }
                partial[static_cast<std::size_t>(c)] = sum;
                continue;
            }
            for (std::int64_t i = c * kChunk; i < end; ++i) {
                if (task == EstimatorTask::Regression) {
                    const double g = raw(i, 0) - y(i);
                    stats[0][2 * i] = g;
                    stats[0][2 * i + 1] = 1.0;
                    sum += g * g;
                } else if (classes == 2) {
                    const double r = raw(i, 0);
                    const double t = std::exp(-std::abs(r));
                    const double p = r >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
                    stats[0][2 * i] = p - y(i);
                    stats[0][2 * i + 1] = p * (1 - p);
                    if (wantLoss)
                        sum += std::max(r, 0.0) + std::log1p(t) - y(i) * r;
                } else {
                    double m = raw(i, 0);
                    for (int k = 1; k < K; ++k)
                        m = std::max(m, raw(i, k));
                    double z = 0;
                    for (int k = 0; k < K; ++k) {
                        // Below exp(-700) the class's share is 0: exp's subnormal results
                        // are slow to compute and to add, and vanish in every sum.
                        const double x = raw(i, k) - m;
                        e[static_cast<std::size_t>(k)] = x > -700.0 ? std::exp(x) : 0.0;
                        z += e[static_cast<std::size_t>(k)];
                    }
                    const auto label = static_cast<int>(y(i));
                    for (int k = 0; k < K; ++k) {
                        const double p = e[static_cast<std::size_t>(k)] / z;
                        stats[static_cast<std::size_t>(k)][2 * i] = p - (label == k ? 1.0 : 0.0);
                        stats[static_cast<std::size_t>(k)][2 * i + 1] = p * (1 - p);
                    }
                    if (wantLoss)
                        sum += m + std::log(z) - raw(i, label);
                }
            }
            partial[static_cast<std::size_t>(c)] = sum;
        }
    });
    double total = 0;
    for (double p : partial)
        total += p;
    return n > 0 && wantLoss ? total / static_cast<double>(n) : kNaN;
}

} // namespace

GradientBoosting::GradientBoosting(EstimatorTask task, GradientBoostingOptions options)
    : TreeEstimator(task, "gradient boosting"), m_options(options)
{
}

void GradientBoosting::clear()
{
    m_featureCount = 0;
    m_classCount = 0;
    m_treesPerIteration = 1;
    m_baseline.resize(0);
    m_trees.clear();
    m_importances.resize(0);
}

int GradientBoosting::iterationCount() const
{
    return static_cast<int>(m_trees.size()) / std::max(1, m_treesPerIteration);
}

std::unique_ptr<Estimator> GradientBoosting::cloneUnfitted() const
{
    return std::make_unique<GradientBoosting>(m_task, m_options);
}

bool GradientBoosting::fit(const Eigen::Ref<const Eigen::MatrixXd> &X,
    const Eigen::Ref<const Eigen::VectorXd> &y, const FitContext &context)
{
    clear();
    const GradientBoostingOptions &o = m_options;
    const bool classification = m_task == EstimatorTask::Classification;
    const std::string who = "gradient boosting";
    if (!(o.learningRate > 0) || !std::isfinite(o.learningRate))
        throw FitError(who + ": the learning rate must be positive");
    if (o.maxIter < 1)
        throw FitError(who + ": the number of iterations must be at least 1");
    if (o.maxLeafNodes == 1 || o.maxLeafNodes < 0)
        throw FitError(who + ": max leaf nodes must be 0 (unlimited) or at least 2");
    if (!(o.l2Regularization >= 0))
        throw FitError(who + ": the L2 regularization must be zero or positive");
    treelearner::checkLeafAndBins(who, o.minSamplesLeaf, o.maxBins);
    if (o.nIterNoChange < 1)
        throw FitError(who + ": n_iter_no_change must be at least 1");
    const int classes = validateTreeInput(who, X, y, classification, context.classCount);
    const Eigen::Index n = X.rows();
    const bool early = o.earlyStopping == GradientBoostingOptions::EarlyStopping::Enabled
        || (o.earlyStopping == GradientBoostingOptions::EarlyStopping::Auto && n > 10000);
    if (early && !(o.validationFraction > 0 && o.validationFraction < 1))
        throw FitError(who + ": the validation fraction must lie between 0 and 1");

    // Class weights of every row (classification with class_weight; empty otherwise),
    // from all training rows as scikit-learn computes them before its validation split.
    const Eigen::VectorXd rowWeight = classification && o.classWeight != ClassWeight::None
        ? rowClassWeights(o.classWeight, y, classes)
        : Eigen::VectorXd();
    const bool weighted = rowWeight.size() > 0;

    // Validation split: a seeded shuffle, stratified by class for classification; both
    // parts keep the original row order.
    Eigen::MatrixXd Xtrain, Xval;
    Eigen::VectorXd ytrain, yval, wtrain, wval;
    if (early) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), Eigen::Index(0));
        std::uint64_t rng = memberSeed(o.seed, 0x5EED);
        for (Eigen::Index i = n - 1; i > 0; --i)
            std::swap(order[static_cast<std::size_t>(i)],
                order[uniformIndex(rng, static_cast<std::uint32_t>(i + 1))]);
        const auto nVal
            = static_cast<Eigen::Index>(std::ceil(o.validationFraction * static_cast<double>(n)));
        if (nVal < 1 || n - nVal < 2)
            throw FitError(who + ": too few rows for a validation split");
        std::vector<Eigen::Index> val, train;
        if (classification) {
            // Each class gives floor(share * count) of its shuffled rows, and the classes
            // with the largest remainders one more each (keeping one training row at
            // least), until nVal rows are held out.
            std::vector<std::vector<Eigen::Index>> byClass(static_cast<std::size_t>(classes));
            for (Eigen::Index i : order)
                byClass[static_cast<std::size_t>(y(i))].push_back(i);
            std::vector<Eigen::Index> take(byClass.size());
            std::vector<std::pair<double, std::size_t>> remainder;
            Eigen::Index taken = 0;
            for (std::size_t k = 0; k < byClass.size(); ++k) {
                const double share = o.validationFraction * static_cast<double>(byClass[k].size());
                take[k] = static_cast<Eigen::Index>(std::floor(share));
                taken += take[k];
                remainder.push_back({ -(share - std::floor(share)), k });
            }
            std::stable_sort(remainder.begin(), remainder.end());
            for (std::size_t r = 0; taken < nVal && r < remainder.size(); ++r) {
                const std::size_t k = remainder[r].second;
                if (take[k] + 1 < static_cast<Eigen::Index>(byClass[k].size())) {
                    ++take[k];
                    ++taken;
                }
            }
            for (std::size_t k = 0; k < byClass.size(); ++k) {
                const auto cut = static_cast<std::ptrdiff_t>(take[k]);
                val.insert(val.end(), byClass[k].begin(), byClass[k].begin() + cut);
                train.insert(train.end(), byClass[k].begin() + cut, byClass[k].end());
            }
        } else {
            val.assign(order.begin(), order.begin() + nVal);
            train.assign(order.begin() + nVal, order.end());
        }
        if (val.empty())
            throw FitError(who + ": too few rows for a validation split");
        std::sort(val.begin(), val.end());
        std::sort(train.begin(), train.end());
        Xtrain = X(train, Eigen::all);
        ytrain = y(train);
        Xval = X(val, Eigen::all);
        yval = y(val);
        if (weighted) {
            wtrain = rowWeight(train);
            wval = rowWeight(val);
        }
    } else if (weighted) {
        wtrain = rowWeight;
    }
    const Eigen::Ref<const Eigen::MatrixXd> Xt
        = early ? Eigen::Ref<const Eigen::MatrixXd>(Xtrain) : X;
    const Eigen::Ref<const Eigen::VectorXd> yt
        = early ? Eigen::Ref<const Eigen::VectorXd>(ytrain) : y;
    const Eigen::Index nt = Xt.rows();
    const int threads = context.threadCount();
    if (context.cancelled())
        return false;

    FeatureBinner binner;
    binner.fit(Xt, o.maxBins, threads);
    const std::vector<std::uint8_t> codes = binner.transform(Xt, threads);
    if (context.cancelled())
        return false;

    const int K = classification && classes > 2 ? classes : 1;
    Eigen::VectorXd baseline(K);
    if (!classification) {
        baseline(0) = yt.mean();
    } else {
        Eigen::VectorXd prior = Eigen::VectorXd::Zero(classes);
        for (Eigen::Index i = 0; i < nt; ++i)
            prior(static_cast<Eigen::Index>(yt(i))) += weighted ? wtrain(i) : 1.0;
        prior /= weighted ? wtrain.sum() : static_cast<double>(nt);
        const double eps = 1e-15;
        if (classes == 2) {
            const double p = std::clamp(prior(1), eps, 1 - eps);
            baseline(0) = std::log(p / (1 - p));
        } else {
            for (int k = 0; k < K; ++k)
                baseline(k) = std::log(std::max(prior(k), eps));
        }
    }

    Eigen::MatrixXd rawTrain(nt, K), rawVal(Xval.rows(), K);
    for (int k = 0; k < K; ++k) {
        rawTrain.col(k).setConstant(baseline(k));
        rawVal.col(k).setConstant(baseline(k));
    }

    TreeGrowParams params;
    params.criterion = SplitCriterion::Gradient;
    params.statDim = 2;
    params.maxDepth = o.maxDepth;
    params.maxLeafNodes = o.maxLeafNodes;
    // Leaves keep min_samples_leaf rows, but at most a quarter of the training rows: on a
    // table of a few dozen rows the default 20 forbids every split (24 rows: no tree can
    // split at all) and boosting predicts the class shares. From 80 training rows on the
    // option applies as given, as scikit-learn's HistGradientBoosting takes it.
    const int leaf = static_cast<int>(
        std::max<Eigen::Index>(1, std::min<Eigen::Index>(o.minSamplesLeaf, nt / 4)));
    params.minSamplesLeaf = leaf;
    params.minSamplesSplit = 2 * leaf;
    params.l2 = o.l2Regularization;
    params.learningRate = o.learningRate;
    params.threads = threads;
    DecisionTreeBuilder builder(binner, codes.data(), nt, params);

    std::vector<std::vector<double>> stats(
        static_cast<std::size_t>(K), std::vector<double>(static_cast<std::size_t>(nt) * 2));
    std::vector<std::uint32_t> rows(static_cast<std::size_t>(nt));
    std::vector<DecisionTreeModel> trees;
    trees.reserve(static_cast<std::size_t>(o.maxIter) * K);
    std::vector<double> scores; // -validation loss, the baseline's first
    if (early)
        scores.push_back(-meanLoss(m_task, classes, rawVal, yval, wval));

    // Class weights scale every row's gradient and hessian (a weighted loss).
    const auto weigh = [&] {
        if (!weighted)
            return;
        for (std::vector<double> &st : stats)
            for (Eigen::Index i = 0; i < nt; ++i) {
                st[static_cast<std::size_t>(2 * i)] *= wtrain(i);
                st[static_cast<std::size_t>(2 * i + 1)] *= wtrain(i);
            }
    };
    Eigen::VectorXd importances = Eigen::VectorXd::Zero(X.cols());
    // The training loss is only reported: skip its logarithms when nobody listens.
    const bool wantLoss = static_cast<bool>(context.onEpoch);
    gradientsAndLoss(m_task, classes, rawTrain, yt, stats, threads, false);
    weigh();
    int iterations = 0;
    FitEnd end = FitEnd::Completed;
    for (int it = 0; it < o.maxIter; ++it) {
        if (context.cancelled())
            break;
        bool interrupted = false;
        const std::size_t before = trees.size();
        for (int k = 0; k < K && !interrupted; ++k) {
            std::iota(rows.begin(), rows.end(), 0u);
            DecisionTreeModel tree;
            if (!builder.build(rows, stats[static_cast<std::size_t>(k)].data(),
                    memberSeed(o.seed, static_cast<std::uint64_t>(it) * K + k), tree,
                    context.cancel)) {
                interrupted = true;
                break;
            }
            for (const LeafRange &leaf : builder.leaves()) {
                const double v = tree.values(leaf.node)[0];
                for (int i = leaf.begin; i < leaf.end; ++i)
                    rawTrain(rows[static_cast<std::size_t>(i)], k) += v;
            }
            if (early)
                addTree(tree, Xval, rawVal, k);
            treeimportance::addGainDecrease(builder, tree, importances);
            trees.push_back(std::move(tree));
        }
        if (interrupted) {
            trees.resize(before);
            break;
        }
        ++iterations;
        EpochReport r;
        r.epoch = it + 1;
        r.totalEpochs = o.maxIter;
        r.unit = "iteration";
        // Also the next iteration's gradients.
        r.trainLoss = gradientsAndLoss(m_task, classes, rawTrain, yt, stats, threads, wantLoss);
        weigh();
        if (early) {
            r.validationLoss = meanLoss(m_task, classes, rawVal, yval, wval);
            r.metric = metricOf(m_task, classes, rawVal, yval);
            r.metricName = classification ? "accuracy" : "r2";
            scores.push_back(-r.validationLoss);
        }
        if (context.report(r)) {
            end = FitEnd::Stopped;
            break;
        }
        if (early && static_cast<int>(scores.size()) > o.nIterNoChange) {
            const double reference
                = scores[scores.size() - static_cast<std::size_t>(o.nIterNoChange) - 1] + o.tol;
            bool improved = false;
            for (std::size_t s = scores.size() - static_cast<std::size_t>(o.nIterNoChange);
                 s < scores.size(); ++s)
                improved = improved || scores[s] > reference;
            if (!improved) {
                end = FitEnd::EarlyStopping;
                break;
            }
        }
    }
    context.ended(end, iterations);
    if (iterations == 0)
        return false;

    m_featureCount = static_cast<int>(X.cols());
    m_classCount = classification ? classes : 0;
    m_treesPerIteration = K;
    m_baseline = baseline;
    m_trees = std::move(trees);
    treeimportance::normalize(importances);
    m_importances = std::move(importances);
    return true;
}

FeatureImportances GradientBoosting::featureImportances() const
{
    FeatureImportances out;
    if (!isFitted() || m_importances.size() != m_featureCount)
        return out;
    out.measure = "gain";
    out.columns = { "importance" };
    out.values = m_importances;
    return out;
}

Eigen::MatrixXd GradientBoosting::decisionFunction(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    checkPredictable(X);
    const int K = m_treesPerIteration;
    Eigen::MatrixXd raw(X.rows(), K);
    parallelChunks(0, X.rows(), FitContext {}.threadCount(), 2048,
        [&](int, std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                for (int k = 0; k < K; ++k)
                    raw(i, k) = m_baseline(k);
                for (std::size_t t = 0; t < m_trees.size(); ++t)
                    raw(i, static_cast<Eigen::Index>(t % K)) += m_trees[t].predictRow(X, i)[0];
            }
        });
    return raw;
}

Eigen::MatrixXd GradientBoosting::probabilitiesFitted(
    const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd raw = decisionFunction(X);
    Eigen::MatrixXd p(X.rows(), m_classCount);
    for (Eigen::Index i = 0; i < raw.rows(); ++i) {
        if (m_classCount == 2) {
            p(i, 1) = sigmoid(raw(i, 0));
            p(i, 0) = 1 - p(i, 1);
        } else {
            const double m = raw.row(i).maxCoeff();
            p.row(i) = (raw.row(i).array() - m).exp();
            p.row(i) /= p.row(i).sum();
        }
    }
    return p;
}

Eigen::VectorXd GradientBoosting::predictFitted(const Eigen::Ref<const Eigen::MatrixXd> &X) const
{
    const Eigen::MatrixXd raw = decisionFunction(X);
    if (m_task == EstimatorTask::Regression)
        return raw.col(0);
    Eigen::VectorXd out(X.rows());
    for (Eigen::Index i = 0; i < raw.rows(); ++i) {
        Eigen::Index label = 0;
        if (m_classCount == 2)
            label = raw(i, 0) > 0 ? 1 : 0;
        else
            raw.row(i).maxCoeff(&label);
        out(i) = static_cast<double>(label);
    }
    return out;
}

ModelState GradientBoosting::state() const
{
    ModelState s;
    s.kind = kind();
    s.version = 1;
    const GradientBoostingOptions &o = m_options;
    s.setNumber("learning_rate", o.learningRate);
    s.setNumber("max_iter", o.maxIter);
    s.setNumber("max_leaf_nodes", o.maxLeafNodes);
    s.setNumber("max_depth", o.maxDepth);
    s.setNumber("min_samples_leaf", o.minSamplesLeaf);
    s.setNumber("l2_regularization", o.l2Regularization);
    s.setNumber("max_bins", o.maxBins);
    s.setNumber("early_stopping", static_cast<int>(o.earlyStopping));
    s.setNumber("validation_fraction", o.validationFraction);
    s.setNumber("n_iter_no_change", o.nIterNoChange);
    s.setNumber("tol", o.tol);
    s.setUnsignedInteger("seed", o.seed);
    writeClassWeight(s, o.classWeight);
    treelearner::writeHeader(s, m_task, isFitted(), m_featureCount, m_classCount);
    if (!isFitted())
        return s;
    treeimportance::write(s, m_importances);
    s.setNumber("trees_per_iteration", m_treesPerIteration);
    s.setVector("baseline", m_baseline);
    DecisionTreeModel::writeEnsemble(s, "tree_", m_trees, 1);
    return s;
}

void GradientBoosting::restore(const ModelState &s)
{
    s.requireKind(kind(), 1);
    GradientBoostingOptions o;
    const EstimatorTask task = treelearner::readTask(s);
    o.learningRate = s.number("learning_rate", 1e-300, 1e300);
    o.maxIter = static_cast<int>(s.integer("max_iter", 1, 1000000000));
    o.maxLeafNodes = static_cast<int>(s.integer("max_leaf_nodes", 0, 1000000000));
    if (o.maxLeafNodes == 1)
        throw ModelStateError(kind() + ": 'max_leaf_nodes' must be 0 or at least 2");
    o.maxDepth = static_cast<int>(s.integer("max_depth", -1, 1000000000));
    o.minSamplesLeaf = static_cast<int>(s.integer("min_samples_leaf", 1, 1000000000));
    o.l2Regularization = s.number("l2_regularization", 0, 1e300);
    o.maxBins = static_cast<int>(s.integer("max_bins", 2, 255));
    o.earlyStopping
        = static_cast<GradientBoostingOptions::EarlyStopping>(s.integer("early_stopping", 0, 2));
    o.validationFraction = s.number("validation_fraction", 0, 1);
    o.nIterNoChange = static_cast<int>(s.integer("n_iter_no_change", 1, 1000000000));
    o.tol = s.number("tol", -1e300, 1e300);
    o.seed = s.unsignedInteger("seed");
    o.classWeight = readClassWeight(s, kind());
    GradientBoosting restored(task, o);
    if (treelearner::readFitted(s)) {
        treelearner::readCounts(s, task, 1000000, restored.m_featureCount, restored.m_classCount);
        const int expectedK = task == EstimatorTask::Classification && restored.m_classCount > 2
            ? restored.m_classCount
            : 1;
        restored.m_treesPerIteration
            = static_cast<int>(s.integer("trees_per_iteration", expectedK, expectedK));
        restored.m_baseline = s.vector("baseline", expectedK);
        if (!restored.m_baseline.allFinite())
            throw ModelStateError(kind() + ": 'baseline' holds a non-finite value");
        restored.m_trees = DecisionTreeModel::readEnsemble(s, "tree_", restored.m_featureCount, 1);
        if (restored.m_trees.empty() || restored.m_trees.size() % expectedK != 0)
            throw ModelStateError(kind() + ": the tree count is not a positive multiple of "
                + std::to_string(expectedK));
        restored.m_importances = treeimportance::read(s, restored.m_featureCount, kind());
    }
    *this = std::move(restored);
}

} // namespace sextant::engine
