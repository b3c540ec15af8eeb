#pragma once

#include "graph/Result.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>
#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace sextant::engine {

// What a node that spreads its work asks of a RemoteTrialRunner: run tasks 1 .. tasks,
// each a `sextant run` of the workflow with `--set NODE.TASKPARAMETER=N --set
// NODE.run_on=local` (plus `taskParameters`). The Tune node's tasks are its trials
// (only_trial), the Cross-Validation node's its folds (only_fold).
struct RemoteTrialRequest {
    // The whole workflow as WorkflowFile writes it (NodeContext::workflow()), and the
    // folder its relative data paths are taken against (NodeContext::baseDirectory(); ""
    // when it was never saved: the working directory, as the nodes do).
    QByteArray workflow;
    QString baseDirectory;
    int nodeId = 0; // the Tune or Cross-Validation node
    QString taskParameter; // "only_trial" / "only_fold": task N sets it to N
    int tasks = 0; // planned: the tasks run TASKPARAMETER = 1 .. tasks
    // Further parameters every task sets on the node ("refit" = false: a Tune task's model
    // is not used).
    QVariantMap taskParameters;
    // The score column of the node's metrics table that each task must write ("accuracy":
    // RemoteTrialResult::score and stdDev); "" : none is read.
    QString metric;
    // Each task's result carries the predictions of the node's "predictions" output
    // (RemoteTrialResult::prediction), of a model for this task (classification or
    // regression).
    bool predictions = false;
    EstimatorTask predictionTask = EstimatorTask::Classification;
    // Where the runner prepares the tasks' folder (a new sub-folder per run): on a file
    // system the cluster's nodes share. "" : the runner's default.
    QString folder;
    // Scheduler limits per task; "" / 0: the scheduler's defaults.
    QString partition;
    QString time; // MINUTES, HH:MM:SS or DAYS-HH:MM:SS
    int cpusPerTask = 0;
    QString mem; // megabytes, or with K, M, G, T
};

// How one task ended, as it reported it.
struct RemoteTrialResult {
    int index = 0; // 1-based, as planned
    bool ok = false;
    // The request's metric (its row of the node's metrics table; NaN when it failed or
    // none was asked for).
    double score = std::numeric_limits<double>::quiet_NaN();
    double stdDev = std::numeric_limits<double>::quiet_NaN();
    // request.predictions: what the task's node output on "predictions", its rows in the
    // order the output lists them (a fold's held-out rows in row order), bit for bit:
    // task, classNames, predicted, probabilities (rows x classes, or empty) and truth; no
    // table.
    Prediction prediction;
    double seconds = 0;
    QString message; // why it failed ("" when ok)
    QString job; // the scheduler's id of the task ("45_3")
    QString host; // where it ran
};

// Runs a node's tasks elsewhere (a Slurm job array) for run_on = slurm. The engine only
// declares it: the implementation lives with the command-line code
// (app/cli/SlurmTrialRunner), which the engine does not link, and the executable registers
// it at start-up (set()). Without one, run_on = slurm fails with a message.
class RemoteTrialRunner {
public:
    using TrialFn = std::function<void(const RemoteTrialResult &)>;

    virtual ~RemoteTrialRunner();

    // "Slurm": for messages.
    virtual QString name() const = 0;
    // Whether tasks can be submitted here; `why` says what is missing when not.
    virtual bool available(QString *why) const = 0;
    // Runs tasks 1 .. request.tasks and blocks until every one has ended. Calls `onTrial`
    // on the calling thread as each task ends (ok, or failed after its last attempt), in
    // the order they end. Polls `cancel` and `stop` (either may be null): when one is set,
    // it cancels every task still queued or running, waits until the scheduler lists none,
    // and returns the tasks that had ended. A failure (nothing could be prepared or
    // submitted, the scheduler stopped answering) is the error; tasks reported before it
    // stand.
    virtual Result<std::vector<RemoteTrialResult>> run(const RemoteTrialRequest &request,
        const std::atomic<bool> *cancel, const std::atomic<bool> *stop, const TrialFn &onTrial)
        = 0;

    // The process-wide runner (null: none). set() replaces it; call it when no node uses
    // it (at start-up, or between runs in a test).
    static void set(std::unique_ptr<RemoteTrialRunner> runner);
    static RemoteTrialRunner *get();
};

} // namespace sextant::engine
