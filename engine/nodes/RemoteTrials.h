#pragma once

#include "graph/Result.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace sextant::engine {

// What the Tune node asks of a RemoteTrialRunner: run every trial of its planned search as
// its own process, each a `sextant run` of the workflow with `--set NODE.only_trial=N
// --set NODE.run_on=local`.
struct RemoteTrialRequest {
    // The whole workflow as WorkflowFile writes it (NodeContext::workflow()), and the
    // folder its relative data paths are taken against (NodeContext::baseDirectory(); ""
    // when it was never saved: the working directory, as the nodes do).
    QByteArray workflow;
    QString baseDirectory;
    int nodeId = 0; // the Tune node
    int trials = 0; // planned: the tasks run only_trial = 1 .. trials
    QString metric; // the score column of the trials table ("accuracy")
    // Where the runner prepares the trials' folder (a new sub-folder per run): on a file
    // system the cluster's nodes share. "" : the runner's default.
    QString folder;
    // Scheduler limits per task; "" / 0: the scheduler's defaults.
    QString partition;
    QString time; // MINUTES, HH:MM:SS or DAYS-HH:MM:SS
    int cpusPerTask = 0;
    QString mem; // megabytes, or with K, M, G, T
};

// How one trial ended, as its task reported it.
struct RemoteTrialResult {
    int index = 0; // 1-based, as planned
    bool ok = false;
    // The trial's row of the trials table (NaN when it failed).
    double score = std::numeric_limits<double>::quiet_NaN();
    double stdDev = std::numeric_limits<double>::quiet_NaN();
    double seconds = 0;
    QString message; // why it failed ("" when ok)
    QString job; // the scheduler's id of the task ("45_3")
    QString host; // where it ran
};

// Runs the trials of a Tune node elsewhere (a Slurm job array) for run_on = slurm. The
// engine only declares it: the implementation lives with the command-line code
// (app/cli/SlurmTrialRunner), which the engine does not link, and the executable registers
// it at start-up (set()). Without one, run_on = slurm fails with a message.
class RemoteTrialRunner {
public:
    using TrialFn = std::function<void(const RemoteTrialResult &)>;

    virtual ~RemoteTrialRunner();

    // "Slurm": for messages.
    virtual QString name() const = 0;
    // Whether trials can be submitted here; `why` says what is missing when not.
    virtual bool available(QString *why) const = 0;
    // Runs trials 1 .. request.trials and blocks until every one has ended. Calls `onTrial`
    // on the calling thread as each trial ends (ok, or failed after its last attempt), in
    // the order they end. Polls `cancel` and `stop` (either may be null): when one is set,
    // it cancels every task still queued or running, waits until the scheduler lists none,
    // and returns the trials that had ended. A failure (nothing could be prepared or
    // submitted, the scheduler stopped answering) is the error; trials reported before it
    // stand.
    virtual Result<std::vector<RemoteTrialResult>> run(const RemoteTrialRequest &request,
        const std::atomic<bool> *cancel, const std::atomic<bool> *stop, const TrialFn &onTrial)
        = 0;

    // The process-wide runner (null: none). set() replaces it; call it when no Tune runs
    // (at start-up, or between runs in a test).
    static void set(std::unique_ptr<RemoteTrialRunner> runner);
    static RemoteTrialRunner *get();
};

} // namespace sextant::engine
