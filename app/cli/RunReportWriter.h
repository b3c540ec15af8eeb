#pragma once

#include <QString>

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::cli {

// A hook through which `sextant run --report FILE` writes the report of the run (the
// graph drawn as a picture, the source tables, each model with its metrics, the views'
// plots) without the command-line library linking the GUI: the executable registers an
// implementation when it is built with the GUI (app/main.cpp, gui/WorkflowReportWriter);
// the engine-only build registers none and refuses --report before running anything.
//
// Called on the main thread, after the run and after the outputs were written.
class RunReportWriter {
public:
    virtual ~RunReportWriter();

    // Writes the report of the run `executor` made of `model` (read from `workflowPath`)
    // to `reportPath` (.html, .htm or .pdf), replacing an existing file atomically. False,
    // with the reason (naming the file) in `error`, when it could not be written. `model`
    // is not changed (the graph picture mirrors it in a scene, which takes it by
    // reference).
    virtual bool write(engine::GraphModel &model, const engine::Executor &executor,
        const QString &workflowPath, const QString &reportPath, QString *error)
        = 0;

    // Whether `path` names a report file: it ends in .html, .htm or .pdf (any case).
    static bool hasReportSuffix(const QString &path);
    // Whether `path` is a PDF report (.pdf).
    static bool isPdf(const QString &path);
};

// Registers the report writer `sextant run` uses (nullptr: none). Not owned: it must
// outlive the run. Call from main() before sextant::cli::run().
void setRunReportWriter(RunReportWriter *writer);
RunReportWriter *runReportWriter();

} // namespace sextant::cli
