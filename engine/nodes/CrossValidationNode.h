#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.cross_validation": k-fold cross-validation of the pipeline a model stands for
// (its preprocessing refitted per fold, then a fresh estimator with the same parameters).
//   inputs  model (Model), data (Table: the rows to cross-validate on)
//   params  folds (2..50), stratified, seed, only_fold (N > 0: fit and predict only fold N
//           of the same folds, for sweeps that spread the folds over processes), run_on
//           (local / slurm) with the Slurm limits partition, time, cpus_per_task, mem and
//           slurm_folder (RunOnSlurm)
//   outputs metrics (Metrics: one row per fold, mean, std; only_fold: that fold's row),
//           predictions (Predictions: out-of-fold, in row order; only_fold: that fold's
//           held-out rows)
// Stop (Executor::stopTraining) starts no more folds and abandons the folds still
// training at their next epoch: the outputs are those of the finished folds, marked
// partial ("partial: 3 of 10 folds, Stop pressed"). Each finished fold is published as a
// TrainingUpdate (unit "fold").
// run_on = slurm: the folds run as one Slurm job array through the registered
// RemoteTrialRunner (app/cli/SlurmTrialRunner), task N a `sextant run` of the workflow
// (NodeContext::workflow()) with only_fold = N that sends back its fold's predictions
// exactly; each fold is published as its task ends, and the table and the out-of-fold
// predictions are assembled here by Evaluation::combineFolds, as for folds fitted here,
// so the same seed gives the same outputs. Stop and Cancel cancel the tasks left
// (scancel).
class CrossValidationNode {
public:
    static QString typeId() { return QStringLiteral("eval.cross_validation"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
