// Cross-validation task for bench_ml (see BenchTask.h); scikit-learn counterpart in
// bench/ml/ref_cv.py.
#include "BenchTask.h"
#include "ml/CrossValidation.h"
#include "ml/LogisticRegression.h"

namespace {

using namespace sextant::bench;
using namespace sextant::engine;

// 5-fold stratified (unshuffled, like cross_val_score's default) CV of scikit-learn's
// LogisticRegression() defaults, folds in parallel on the machine's cores.
SEXTANT_BENCH_TASK(
    "cv_logreg", "5-fold CV of logistic regression, 100k x 20", [](const BenchData &d) {
        LogisticRegression prototype;
        FitContext context;
        context.classCount = d.classes;
        const double start = benchNow();
        const auto folds = CrossValidation::stratifiedKFold(d.y, 5);
        const CrossValidationResult r
            = CrossValidation::crossValidate(prototype, d.X, d.y, folds, context);
        BenchOutcome out;
        out.seconds = benchNow() - start;
        double correct = 0;
        for (Eigen::Index i = 0; i < d.y.size(); ++i)
            correct += r.predictions(i) == d.y(i) ? 1.0 : 0.0;
        out.score = correct / static_cast<double>(d.y.size());
        out.scoreName = "accuracy";
        return out;
    });

} // namespace
