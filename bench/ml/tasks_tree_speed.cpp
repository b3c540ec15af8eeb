// Tree learners where scikit-learn used to be faster: multiclass gradient boosting and
// decision trees on wide, mostly one-hot tables (bench/ml/run.py generates the data;
// references in bench/ml/ref_tree_speed.py). Fit tasks time the fit and score test
// accuracy; the cv_ tasks time Evaluation::crossValidate (what the Cross-Validation node
// runs: 10 stratified shuffled folds, in parallel) and score out-of-fold accuracy.
#include "BenchCv.h"
#include "ml/DecisionTree.h"
#include "ml/GradientBoosting.h"

#include <memory>

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

BenchOutcome fitAndScore(Estimator &model, const BenchData &d)
{
    FitContext ctx;
    ctx.classCount = d.classes;
    const double t0 = benchNow();
    model.fit(d.X, d.y, ctx);
    const double t1 = benchNow();
    return { t1 - t0, accuracy(model.predict(d.Xtest), d.ytest), "accuracy" };
}

// scikit-learn's HistGradientBoostingClassifier(max_iter=100, early_stopping=False).
GradientBoostingOptions boostingOptions()
{
    GradientBoostingOptions o;
    o.maxIter = 100;
    o.earlyStopping = GradientBoostingOptions::EarlyStopping::Disabled;
    return o;
}

// 10-fold stratified, shuffled (seed 1) CV of `learner` with its defaults.
BenchOutcome crossValidated10(std::unique_ptr<Estimator> learner, const BenchData &d)
{
    Evaluation::CvOptions options;
    options.folds = 10;
    options.stratified = true;
    options.shuffle = true;
    options.seed = 1;
    return crossValidated(std::move(learner), d, options);
}

} // namespace

SEXTANT_BENCH_TASK(
    "gbt7", "gradient boosting, 7 classes, 100 iterations, 100k x 20", [](const BenchData &d) {
        GradientBoosting model(EstimatorTask::Classification, boostingOptions());
        return fitAndScore(model, d);
    });

SEXTANT_BENCH_TASK("gbt_onehot",
    "gradient boosting, 5 classes, 100 iterations, 100k x 200 mostly one-hot",
    [](const BenchData &d) {
        GradientBoosting model(EstimatorTask::Classification, boostingOptions());
        return fitAndScore(model, d);
    });

SEXTANT_BENCH_TASK("tree_onehot",
    "decision tree, defaults (ccp_alpha = auto), 100k x 200 mostly one-hot",
    [](const BenchData &d) {
        DecisionTree model(EstimatorTask::Classification, {});
        return fitAndScore(model, d);
    });

SEXTANT_BENCH_TASK("tree_onehot_unpruned",
    "decision tree, ccp_alpha = 0, 100k x 200 mostly one-hot", [](const BenchData &d) {
        DecisionTreeOptions o;
        o.autoCcpAlpha = false;
        o.ccpAlpha = 0;
        DecisionTree model(EstimatorTask::Classification, o);
        return fitAndScore(model, d);
    });

SEXTANT_BENCH_TASK("cv_gbt_segment",
    "10-fold CV of gradient boosting (defaults), segment 1,500 x 19", [](const BenchData &d) {
        return crossValidated10(
            std::make_unique<GradientBoosting>(EstimatorTask::Classification), d);
    });

SEXTANT_BENCH_TASK("cv_tree_soybean",
    "10-fold CV of a decision tree (defaults), soybean 683 x 99 one-hot", [](const BenchData &d) {
        return crossValidated10(std::make_unique<DecisionTree>(EstimatorTask::Classification), d);
    });
