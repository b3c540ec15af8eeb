// The single decision tree on clf_10k_20 (10,000 training rows x 20): the default
// (ccp_alpha = auto, 5-fold cross-validation of the pruning alpha) next to the unpruned
// tree (ccp_alpha = 0, the fit time before pruning existed), against scikit-learn's
// DecisionTreeClassifier() in bench/ml/ref_tree_pruning.py (timed part = fit, score = test
// accuracy).
#include "BenchTask.h"
#include "ml/DecisionTree.h"

namespace {

using namespace sextant::bench;
using namespace sextant::engine;

BenchOutcome runTree(DecisionTreeOptions o, const BenchData &d)
{
    DecisionTree model(EstimatorTask::Classification, o);
    FitContext ctx;
    ctx.classCount = d.classes;
    const double t0 = benchNow();
    model.fit(d.X, d.y, ctx);
    const double t1 = benchNow();
    const Eigen::VectorXd p = model.predict(d.Xtest);
    Eigen::Index correct = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i)
        correct += p(i) == d.ytest(i);
    return { t1 - t0, static_cast<double>(correct) / static_cast<double>(p.size()), "accuracy" };
}

} // namespace

SEXTANT_BENCH_TASK("tree", "decision tree, defaults (ccp_alpha = auto), 10k x 20",
    [](const BenchData &d) { return runTree({}, d); });

SEXTANT_BENCH_TASK(
    "tree_unpruned", "decision tree, ccp_alpha = 0, 10k x 20", [](const BenchData &d) {
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.ccpAlpha = 0;
        return runTree(o, d);
    });
