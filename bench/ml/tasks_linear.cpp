// Linear-model fit-time tasks for bench_ml (see BenchTask.h); scikit-learn counterparts
// in bench/ml/ref_linear.py.
#include "BenchTask.h"
#include "ml/LogisticRegression.h"

namespace {

using namespace sextant::bench;
using sextant::engine::FitContext;
using sextant::engine::LogisticRegression;

double accuracy(const Eigen::VectorXd &predicted, const Eigen::VectorXd &truth)
{
    return truth.size() == 0 ? 0.0 : (predicted.array() == truth.array()).cast<double>().mean();
}

// scikit-learn's LogisticRegression() defaults: L2, C = 1, lbfgs, max_iter 100, tol 1e-4.
SEXTANT_BENCH_TASK("logreg", "logistic regression (L2, C=1), 100k x 20", [](const BenchData &d) {
    LogisticRegression model;
    FitContext context;
    context.classCount = d.classes;
    const double start = benchNow();
    model.fit(d.X, d.y, context);
    BenchOutcome out;
    out.seconds = benchNow() - start;
    out.score = accuracy(model.predict(d.Xtest), d.ytest);
    out.scoreName = "accuracy";
    return out;
});

} // namespace
