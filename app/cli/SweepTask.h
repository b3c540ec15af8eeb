#pragma once

#include <QString>

class QTextStream;

namespace sextant::cli {

// One point of a sweep, as a node runs it: `sextant sweep --task DIR INDEX [--attempt N]`
// (the command a Slurm array task or a local pool process runs).
//
// Reads DIR/sweep.json (SweepFolder), checks the SHA-256 of the workflow copy and of every
// data file that crossed with it (a file changed or missing on the node fails the task
// with a message naming it), refuses a point whose workflow would read a file that did not
// cross, then runs the point exactly as `sextant run DIR/input/FLOW --set ... --out
// DIR/runs/NNNN --quiet` (RunCommand::exec, in this process; pictures are not drawn) and
// writes DIR/runs/NNNN/task.json:
//   {"index", "attempt", "exit_code", "ok", "node" (host name), "seconds" (the whole task),
//    "started", "finished" (UTC, ISO 8601), "job" (SLURM_JOB_ID or ""), "message" (what the
//    run wrote on stderr)}
// It writes nothing outside DIR/runs/NNNN. Exit code: RunCommand's (0 ok, 1 failed, 2 a
// --set refused), or 1 when the plan or an input is wrong.
class SweepTask {
public:
    static int exec(const QString &directory, int index, int attempt, QTextStream &err);
};

} // namespace sextant::cli
