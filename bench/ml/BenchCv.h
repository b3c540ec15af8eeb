#pragma once

// Shared by the cross-validation tasks of bench_ml: the generated data as the table a
// user's workflow holds, and a timed run of Evaluation::crossValidate on it.
#include "BenchTask.h"
#include "data/Dataset.h"
#include "ml/Estimator.h"
#include "nodes/Evaluation.h"

#include <memory>

namespace sextant::bench {

// Features "x0".."x<d-1>" and the class column "y" ("0".."K-1") as the target.
engine::Dataset tableOf(const BenchData &d);

// The pipeline the Cross-Validation node would receive (`learner` fitted on every row,
// not timed, like the learner node upstream), then `options`' cross-validation of it,
// timed: the per-fold row selection, encoding and fits, as for a user. The score is the
// out-of-fold accuracy.
BenchOutcome crossValidated(std::unique_ptr<engine::Estimator> learner, const BenchData &d,
    const engine::Evaluation::CvOptions &options);

} // namespace sextant::bench
