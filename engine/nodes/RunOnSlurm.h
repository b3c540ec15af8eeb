#pragma once

#include "graph/NodeContext.h"
#include "graph/ParameterSpec.h"
#include "nodes/RemoteTrials.h"

#include <QList>
#include <QString>

namespace sextant::engine {

// The run_on parameter and the Slurm limits of the nodes that can hand their tasks to the
// registered RemoteTrialRunner (Tune Parameters: its trials; Cross-Validation: its
// folds), with their checks, and the run itself.
class RunOnSlurm {
public:
    // run_on (local / slurm; `runOnHelp` says what each means for the node; a workflow
    // without it runs locally), partition, time, cpus_per_task, mem, slurm_folder.
    static QList<ParameterSpec> parameters(const QString &runOnHelp);

    // What is wrong with a Slurm time limit or memory size (empty: nothing), as sbatch
    // would read it; empty values are the defaults and fine.
    static QString timeProblem(const QString &value);
    static QString memProblem(const QString &value);

    // Whether the node's run_on is slurm.
    static bool requested(NodeContext &ctx);

    // Runs `request` (its node's fields: taskParameter, tasks, taskParameters, metric,
    // predictions) through the registered runner, with the workflow, the folder and the
    // limits taken from `ctx`; `onTask` gets each task as it ends. Returns when every task
    // has ended, or once Stop or Cancel has cancelled those left. Throws NodeError when
    // the tasks cannot run there (a bad limit, no runner, no Slurm, no workflow) or the
    // runner failed.
    static void run(
        NodeContext &ctx, RemoteTrialRequest request, const RemoteTrialRunner::TrialFn &onTask);
};

} // namespace sextant::engine
