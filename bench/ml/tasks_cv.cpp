// Cross-validation task for bench_ml (see BenchTask.h); scikit-learn counterpart in
// bench/ml/ref_cv.py. It runs Evaluation::crossValidate, the cross-validation the
// Cross-Validation, Compare and Tune nodes run, on a table: the per-fold row selection,
// feature and target encoding are part of what is timed, as they are for a user.
#include "BenchCv.h"
#include "ml/LogisticRegression.h"

namespace {

using namespace sextant::bench;
using namespace sextant::engine;

// 5-fold stratified (unshuffled, like cross_val_score's default) CV of scikit-learn's
// LogisticRegression() defaults, folds in parallel on the machine's cores, as the
// Cross-Validation node runs it.
SEXTANT_BENCH_TASK(
    "cv_logreg", "5-fold CV of logistic regression, 100k x 20", [](const BenchData &d) {
        Evaluation::CvOptions options;
        options.folds = 5;
        options.stratified = true;
        options.shuffle = false;
        return crossValidated(std::make_unique<LogisticRegression>(), d, options);
    });

} // namespace
