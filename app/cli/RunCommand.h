#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

namespace sextant::engine {
class GraphModel;
}

namespace sextant::cli {

// `sextant run FLOW.sextant [--set NODE.PARAM=VALUE ...] [--out DIR] [--quiet]
//      [--allow-outside-paths] [--report REPORT.html|REPORT.pdf]`
//
// Loads the workflow (WorkflowFile::load: refused with its message when malformed), applies
// each --set (NODE: a node id, or a node type id / display name that only one node of the
// graph has, e.g. "4", "view.histogram", "Histogram"; VALUE parsed with
// ParameterSpec::fromString), refuses (exit 1, listing them) a workflow whose file paths
// point outside its own folder unless --allow-outside-paths is given (WorkflowPaths: a
// workflow from someone else must not quietly read /etc/… or ../../…), runs every node with the
// Executor (runBlocking), prints one line per finished node, and writes each finished sink's result
// into DIR (created if missing; default ./<FLOW basename>-output) as "<id>-<kind>.<ext>"
// (SinkDataWriter, plus pictures through the registered SinkRenderer, if any), each node's trained
// model (a Model output holding a TrainedModelPtr) as "<id>-<kind>.sxmodel" (ModelFile), plus
// "<id>-<kind>.onnx" when the node's "export_onnx" parameter is true (OnnxExport), and a
// run report "run.json" listing every file per node.
// Nothing is written outside DIR, except the --report file: the report of the run (the graph
// drawn, the source tables, each model with its parameters and metrics, the views' plots) as
// one self-contained HTML file or as PDF, written through the registered RunReportWriter
// (builds with the GUI; an engine-only build refuses --report, exit 1, before running) after
// the run, also when a node failed (it shows which), and named in run.json ("report"). A
// report whose folder does not exist or is not writable is refused before running (exit 1).
//
// Exit codes: 0 every node done and every output written; 1 the workflow could not be
// read or reads files outside its folder, a node failed (stderr: its id, type and message) or an
// output or the report could not be written; 2 usage error (bad option or --set syntax, unknown or
// ambiguous node, unknown parameter, value refused by the parameter's schema).
class RunCommand {
public:
    static constexpr int kExitOk = 0;
    static constexpr int kExitFailure = 1;
    static constexpr int kExitUsage = 2;

    // `args` are the arguments after "run".
    static int exec(const QStringList &args, QTextStream &out, QTextStream &err);
    // Applies one --set NODE.PARAM=VALUE to `model` as exec does. False, with the reason in
    // `why`, when the syntax, the node, the parameter or the value is refused.
    static bool applySet(engine::GraphModel &model, const QString &assignment, QString *why);
    // The lines the general usage text shows for `run`.
    static QString usage();
};

} // namespace sextant::cli
