#pragma once

#include "cli/SweepResults.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace sextant::cli {

class SweepFolder;

// Runs the points of a prepared sweep folder (SweepFolder) as tasks, each one
// `sextant sweep --task DIR INDEX --attempt A` (SweepTask), and reports how each ended.
// A task that fails is run once more (attempt 2); its second outcome is final.
class SweepBackend {
public:
    struct Counts {
        int done = 0, running = 0, pending = 0, failed = 0;
        bool operator==(const Counts &) const = default;
    };
    using ProgressFn = std::function<void(const Counts &, const QString &detail)>;

    virtual ~SweepBackend() = default;

    // Runs every point; `outcomes` gets one entry per point. Polls `cancel` and, when it
    // is set, stops every task it started (none is left running) and returns with the
    // unfinished points Cancelled. False with `error` when the scheduler refused or failed.
    virtual bool run(const SweepFolder &folder, const std::atomic<bool> &cancel,
        const ProgressFn &progress, QList<SweepOutcome> *outcomes, QString *error)
        = 0;

    static Counts count(const QList<SweepOutcome> &outcomes);
    // The command line of one task.
    static QStringList taskArguments(const SweepFolder &folder, int index, int attempt);
};

} // namespace sextant::cli
