#pragma once

#include "gui/ReportDocument.h"

#include <QImage>
#include <QString>

namespace sextant::engine {
class Executor;
class GraphModel;
} // namespace sextant::engine

namespace sextant::app {

// The report of a workflow's run, as `sextant run --report` and File › Export Report write
// it, from the executor's cached results:
//   - the run: the workflow, when the report was written, and per node its id, title, type
//     and status (with the message of a failed, skipped or warned node);
//   - the graph: the node editor's own drawing (a GraphScene mirroring the model, the
//     nodes in the run's status colours) rendered offscreen as one picture;
//   - the data: per source table (a node without inputs whose output is a table) its rows
//     and columns, and per column its type and its missing values;
//   - the models: per node whose Model output holds a trained model, what the model is and
//     its parameters (ModelReportSection), then the figures of the evaluation nodes it is
//     connected to — Cross-Validation: mean ± std over the folds, per metric; Compare
//     Models: its row, the cross-validation means (± the std where the node gives one, its
//     main metric); Test: the held-out figures;
//   - the views: per finished view node its plot (HeadlessPlotRenderer::draw, as
//     `sextant run` writes it) or, for a metrics view, its table (one row per metric).
// Only nodes done in the run count: a node edited since (idle, its cached output out of
// date), failed or skipped is listed with its status and left out of the other sections.
// HTML sections: <div class="run|graph|data|model|view" id="node-ID">; the figures are
// written with ReportDocument::number (6 significant digits).
//
// build() runs on the GUI thread — the graph and the plots are drawn with widgets (sizes
// of the graph and of the plots; nothing here walks a table's rows: a column's missing
// count is kept by the column) — and returns a document any thread may write.
class WorkflowReport {
public:
    // `model` is only mirrored (GraphScene takes it by reference), never changed.
    // `workflowName`: the title ("wine-classify"); `workflowPath` is shown when not empty.
    static ReportDocument build(engine::GraphModel &model, const engine::Executor &executor,
        const QString &workflowName, const QString &workflowPath = {});
    // The graph picture alone: every node with its title, ports and status, and the
    // connections, at the editor's scale (smaller for a graph wider than ~2000 pixels).
    static QImage graphImage(engine::GraphModel &model, const engine::Executor &executor);
};

} // namespace sextant::app
