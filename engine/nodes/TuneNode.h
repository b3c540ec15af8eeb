#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

#include <QString>
#include <QVariantMap>

namespace sextant::engine {

// Published by the Tune node after each finished trial, for the live results table.
struct TuneTrial {
    int index = 0; // 1-based, in the order the trials were planned
    int total = 0;
    QVariantMap parameters; // the searched parameters only
    QString metric;
    double score = 0; // mean over the folds
    double stdDev = 0;
    double seconds = 0;
};

// "eval.tune": grid, random or Bayesian search over a connected model's parameters, each
// trial cross-validated (its preprocessing refitted per fold); trials run in parallel
// (Bayesian: one after the other, as each proposal needs the scores before it
// (ml/BayesianSearch), with the folds in parallel).
//   inputs  model (Model: which learner, and the values of the parameters not searched),
//           data (Table)
//   params  search ("C=0.01,0.1,1,10; max_iter=50,100": parameter=values;...), mode
//           (grid / random / bayesian), trials (random, bayesian: how many
//           combinations), metric (auto:
//           accuracy or r2), folds, stratified, seed, only_trial (N > 0: run only the
//           N-th trial of the plan, for sweeps that spread a search over processes),
//           refit (off: no model output, as a task of a spread search needs none),
//           run_on (local / slurm) with the Slurm limits partition, time, cpus_per_task,
//           mem and slurm_folder (RunOnSlurm)
//   outputs model (Model: the best parameters refitted on all rows; refit off: no value,
//           NodeContext::leaveOutputEmpty), metrics (Metrics: one row per trial, best
//           first)
// Stop (Executor::stopTraining) starts no more trials and abandons those whose folds are
// still training: the trials finished are kept and the best of them refitted, the outputs
// marked partial ("partial: 4 of 20 trials, Stop pressed").
// run_on = slurm (grid and random search): the trials run as one Slurm job array through
// the registered RemoteTrialRunner (app/cli/SlurmTrialRunner), task N a `sextant run` of
// the workflow (NodeContext::workflow()) with only_trial = N and refit off; each
// TuneTrial is published as its task ends, the table is assembled as here and the best
// point refitted here, so the same seed gives the same table. Stop and Cancel cancel the
// tasks left (scancel).
class TuneNode {
public:
    static QString typeId() { return QStringLiteral("eval.tune"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
