#pragma once

#include "cli/SweepBackend.h"

namespace sextant::cli {

// Runs a sweep's tasks on this machine: a pool of at most `jobs` `sextant sweep --task`
// processes at a time (each one's output appended to its run folder's task.out). A task
// that fails is run once more, after the others of the first round have started.
class LocalSweepBackend : public SweepBackend {
public:
    LocalSweepBackend(QString executable, int jobs);

    bool run(const SweepFolder &folder, const std::atomic<bool> &cancel, const ProgressFn &progress,
        QList<SweepOutcome> *outcomes, QString *error) override;

private:
    QString m_executable;
    int m_jobs;
};

} // namespace sextant::cli
