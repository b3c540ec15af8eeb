#pragma once

#include "nodes/RemoteTrials.h"

#include <QString>
#include <mutex>

namespace sextant::cli {

class SweepFolder;

// Runs a Tune node's trials as one Slurm job array (the RemoteTrialRunner the executable
// registers, for run_on = slurm): a sweep folder (SweepFolder) over only_trial = 1 .. N,
// run by the SlurmBackend, each task `sextant sweep --task DIR I`, that is a `sextant run`
// of the workflow with `--set NODE.run_on=local --set NODE.only_trial=I+1`.
//
// The folder, FOLDER/tune-<UTC time>-node<ID> (FOLDER: the request's, else the
// defaults', else defaultFolder()), must be on a file system the nodes share. It holds, as a sweep
// does:
//   input/tune.sextant   the workflow cut down to the Tune node and what it reads from
//                        (nothing downstream of it runs), with a Metrics Table after the
//                        node's trials output so that each run writes its row
//                        ("<sink>-metrics.json")
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

    // Where the trial folders go when the request names none: "slurm-tune" under the
    // application's local data folder (QStandardPaths::AppLocalDataLocation).
    static QString defaultFolder();
    // Writes the sweep folder for `request` into `directory` (created): the cut-down
    // workflow, the copied inputs, sweep.json; `folder` describes it. False with `error`.
    static bool prepare(const engine::RemoteTrialRequest &request, const QString &directory,
        SweepFolder *folder, QString *error);

private:
    QString m_executable;
    mutable std::mutex m_mutex;
    Defaults m_defaults; // guarded by m_mutex
};

} // namespace sextant::cli
