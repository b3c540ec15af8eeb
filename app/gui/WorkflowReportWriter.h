#pragma once

#include "cli/RunReportWriter.h"

namespace sextant::app {

// Writes the report of a `sextant run` (registered by main() when the GUI is built):
// WorkflowReport::build, titled after the workflow file, then ReportDocument::write.
// Needs a QApplication (the graph and the plots are drawn with widgets, never shown); with
// no display, main() makes it on the offscreen platform. Main thread only.
class WorkflowReportWriter final : public cli::RunReportWriter {
public:
    bool write(engine::GraphModel &model, const engine::Executor &executor,
        const QString &workflowPath, const QString &reportPath, QString *error) override;
};

} // namespace sextant::app
