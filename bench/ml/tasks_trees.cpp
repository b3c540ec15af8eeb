// Tree ensembles: random forest and histogram gradient boosting on clf_100k_20, with
// the settings of bench/ml/ref_trees.py (timed part = fit, score = test accuracy).
#include "BenchTask.h"
#include "ml/GradientBoosting.h"
#include "ml/RandomForest.h"

namespace {

using namespace sextant::bench;
using namespace sextant::engine;

double accuracy(const Eigen::VectorXd &pred, const Eigen::VectorXd &y)
{
    Eigen::Index correct = 0;
    for (Eigen::Index i = 0; i < y.size(); ++i)
        correct += pred(i) == y(i);
    return y.size() ? static_cast<double>(correct) / static_cast<double>(y.size()) : 0.0;
}

template<typename Model> BenchOutcome runModel(Model &model, const BenchData &d)
{
    FitContext ctx;
    ctx.classCount = d.classes;
    const double t0 = benchNow();
    model.fit(d.X, d.y, ctx);
    const double t1 = benchNow();
    return { t1 - t0, accuracy(model.predict(d.Xtest), d.ytest), "accuracy" };
}

} // namespace

SEXTANT_BENCH_TASK(
    "forest", "random forest, 100 trees, depth 12, 100k x 20", [](const BenchData &d) {
        RandomForestOptions o;
        o.nTrees = 100;
        o.maxDepth = 12;
        o.seed = 0;
        RandomForest model(EstimatorTask::Classification, o);
        return runModel(model, d);
    });

SEXTANT_BENCH_TASK(
    "gbt", "gradient boosting (histogram), 100 iterations, 100k x 20", [](const BenchData &d) {
        GradientBoostingOptions o;
        o.maxIter = 100;
        o.learningRate = 0.1;
        o.maxLeafNodes = 31;
        o.minSamplesLeaf = 20;
        o.earlyStopping = GradientBoostingOptions::EarlyStopping::Disabled;
        o.seed = 0;
        GradientBoosting model(EstimatorTask::Classification, o);
        return runModel(model, d);
    });
