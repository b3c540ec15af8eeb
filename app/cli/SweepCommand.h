#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::cli {

// `sextant sweep FLOW.sextant --grid NODE.PARAM=a,b,c [--grid ...] [--set NODE.PARAM=V ...]
//      [--random N [--seed S]] [--out DIR] [--backend local|slurm] [--jobs N]
//      [--partition P] [--time T] [--cpus-per-task N] [--mem M] [--limit N] [--metric NAME]
//      [--sextant PATH] [--dry-run]
//
// A parameter sweep of a workflow: every combination of the --grid axes (or N points drawn
// from them, SweepPlan), each point one `sextant run FLOW --set ...` with its own run
// folder. Everything is checked before anything runs: the options, the grid's syntax, its
// nodes, parameters and values (RunCommand::applySet), the data files the points read
// (inside the workflow's folder, as `sextant run` requires). Then the workflow and those
// files are copied into DIR/input with their SHA-256 in DIR/sweep.json (SweepFolder), the
// points run (LocalSweepBackend: a pool of --jobs processes; SlurmBackend: one job array on
// the partition, DIR on a file system the nodes share), progress is printed as it changes,
// a failed point is run once more, and the runs' metrics are gathered into
// DIR/results.csv and DIR/results.json, best first by --metric (SweepResults).
// Ctrl+C (SIGINT) or SIGTERM cancels: every task is stopped (scancel), the finished ones
// are gathered, exit code 130.
//
// Exit codes: 0 every point done; 1 a point failed (the others are gathered), the workflow
// could not be read, a file it reads is outside its folder, or the scheduler refused; 2
// usage error (bad option, grid, node, parameter or value; DIR already holds a sweep);
// 130 cancelled.
class SweepCommand {
public:
    static constexpr int kExitCancelled = 130;

    // `args` are the arguments after "sweep". `--task DIR INDEX [--attempt A]` runs one
    // point (SweepTask), as the backends do.
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace sextant::cli
