#pragma once

#include "nodes/RemoteTrials.h"

#include <QString>
#include <mutex>

namespace sextant::cli {

class SweepFolder;

// Runs a node's tasks as one Slurm job array (the RemoteTrialRunner the executable
// registers, for run_on = slurm): a Tune node's trials (only_trial) or a Cross-Validation
// node's folds (only_fold). A sweep folder (SweepFolder) over TASKPARAMETER = 1 .. N, run
// by the SlurmBackend, each task `sextant sweep --task DIR I`, that is a `sextant run` of
// the workflow with `--set NODE.run_on=local --set NODE.TASKPARAMETER=I+1` (and the
// request's taskParameters, e.g. `NODE.refit=false` for a Tune task).
//
// The folder, FOLDER/KIND-<UTC time>-node<ID> (KIND: tune or cv; FOLDER: the request's,
// else the defaults', else defaultFolder()), must be on a file system the nodes share. It
// holds, as a sweep does:
//   input/KIND.sextant   the workflow cut down to the node and what it reads from
//                        (nothing downstream of it runs), with a Metrics Table after the
//                        node's metrics output so that each run writes its row
//                        ("<sink>-metrics.json"), and, when the request asks for
//                        predictions, a Confusion Matrix (classification) or Residuals
//                        (regression) after its predictions output, whose JSON holds the
//                        rows' predicted values, truth and probabilities exactly
//                        (SinkDataWriter), read back into RemoteTrialResult::prediction
//   input/...            copies of the data files it reads: at their paths relative to the
//                        workflow's folder when they lie inside it, else files/K/NAME; the
//                        workflow copy names them so. Each task checks their SHA-256.
//   runs/NNNN/           what each task's run wrote, its task.json and task.out
//   slurm/               the job scripts, and `jobs`: the job ids submitted, one a line
// A file-path parameter naming a folder (Image Folder) is refused: only files cross.
// The folder is kept after the run (the tasks' logs are there); remove it when done.
class SlurmTrialRunner : public engine::RemoteTrialRunner {
public:
    // `executable`: the sextant the tasks run, at the same path on the nodes ("" : this
    // program, QCoreApplication::applicationFilePath()).
    explicit SlurmTrialRunner(QString executable = {});

    // What a run uses where the request leaves the folder or the partition empty (the
    // studio's Preferences). Thread-safe.
    struct Defaults {
        QString folder; // "" : defaultFolder()
        QString partition; // "" : the cluster's default
    };
    void setDefaults(Defaults defaults);
    Defaults defaults() const;

    QString name() const override;
    bool available(QString *why) const override;
    engine::Result<std::vector<engine::RemoteTrialResult>> run(
        const engine::RemoteTrialRequest &request, const std::atomic<bool> *cancel,
        const std::atomic<bool> *stop, const TrialFn &onTrial) override;

    // Where the run folders go when the request names none: "slurm-tune" under the
    // application's local data folder (QStandardPaths::AppLocalDataLocation).
    static QString defaultFolder();
    // The sinks prepare() adds after the node: their ids in the workflow copy (0: none).
    struct Sinks {
        int metrics = 0;
        int predictions = 0;
    };
    // Writes the sweep folder for `request` into `directory` (created): the cut-down
    // workflow, the copied inputs, sweep.json; `folder` describes it, `sinks` (if given)
    // says which nodes it added. False with `error`.
    static bool prepare(const engine::RemoteTrialRequest &request, const QString &directory,
        SweepFolder *folder, QString *error, Sinks *sinks = nullptr);

private:
    QString m_executable;
    mutable std::mutex m_mutex;
    Defaults m_defaults; // guarded by m_mutex
};

} // namespace sextant::cli
