#pragma once

#include "cli/SweepBackend.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace sextant::cli {

// Runs a sweep's tasks on a Slurm cluster as one job array (or, above the cluster's
// MaxArraySize, one array per block of that many points, each task adding its block's
// offset to its array index).
//
// The sweep folder must be on a file system the nodes share (it is where the inputs, the
// plan and every run folder are). Submits `sbatch --parsable --array=0-(N-1)[%LIMIT]` of a
// job script DIR/slurm/attempt-1.sh whose task runs `sextant sweep --task DIR
// $SLURM_ARRAY_TASK_ID --attempt 1` (the executable at the same path on the nodes), the
// scheduler's output going to DIR/runs/NNNN/task.out. It follows the array with
// `squeue -h -r -j JOB`: a task the queue no longer lists has ended, and its own report
// (task.json) says how; a task that ended without one (cancelled, time limit, out of
// memory, node lost) gets the reason `sacct` (when accounting is on) or `scontrol show job`
// gives. Failed tasks are submitted once more as one array of their indices
// (attempt-2.sh). Cancelling runs `scancel` on every job submitted and waits until the
// queue lists none of their tasks.
class SlurmBackend : public SweepBackend {
public:
    struct Options {
        QString executable; // the sextant the tasks run (absolute)
        QString partition; // "" : the cluster's default
        QString time; // --time, "" : the partition's
        int cpusPerTask = 0; // 0 : Slurm's default (1)
        QString mem; // --mem, "" : the default
        // At most this many tasks at once (the array's %LIMIT; several arrays then run one
        // after the other); 0 : no limit.
        int limit = 0;
        // Task ids one array may hold (Slurm's MaxArraySize: ids 0 .. max-1); more points
        // are submitted as several arrays, each task adding its array's offset. 0 : the
        // environment's SEXTANT_SLURM_MAX_ARRAY_SIZE, else `scontrol show config`, else
        // Slurm's default 1001.
        int maxArraySize = 0;
        QString jobName = QStringLiteral("sextant-sweep");
        int pollMs = 1000;
    };

    explicit SlurmBackend(Options options);

    bool run(const SweepFolder &folder, const std::atomic<bool> &cancel, const ProgressFn &progress,
        QList<SweepOutcome> *outcomes, QString *error) override;

    // Whether `sbatch` and `squeue` are on PATH and the controller answers
    // (`scontrol ping`); `why` says what is missing.
    static bool available(QString *why);
    // The job ids submitted by the last run() (for tests and messages).
    const QStringList &jobs() const { return m_jobs; }

    // The --array value for `indices` (sorted): "0-11", "3,7", "0-4,9" plus "%LIMIT".
    static QString arraySpec(const QList<int> &indices, int limit);
    // The cluster's MaxArraySize (see Options::maxArraySize), at least 1.
    static int maxArraySize();

private:
    // Submits the points `indices` (sorted) as one array per block of m_maxArray ids and
    // fills `taskIds` (point -> "JOB_TASK"); `summary` names the jobs ("45" or "45, 46").
    bool submit(const SweepFolder &folder, const QList<int> &indices, int attempt,
        QMap<int, QString> *taskIds, QString *summary, QString *error);
    // One array: task t runs point offset + t; `after`: a job it waits for ("" none).
    bool submitArray(const SweepFolder &folder, const QList<int> &tasks, int offset, int attempt,
        const QString &after, QString *job, QString *error);
    // Array task ("45_3") -> Slurm state ("PENDING", "RUNNING"...), node, for the jobs
    // submitted. False when squeue could not be asked this time.
    bool queue(QMap<QString, QPair<QString, QString>> *tasks) const;
    QString endReason(const QString &task) const;
    void cancelAll(const std::atomic<bool> &cancel) const;

    Options m_options;
    int m_maxArray = 1001;
    QStringList m_jobs;
};

} // namespace sextant::cli
