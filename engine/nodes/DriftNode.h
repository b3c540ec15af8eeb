#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

struct DriftData;

// "model.drift" (Drift): compares a table with the training distribution a trained model
// keeps (TrainedModel::trainingDistribution, in .sxmodel files from format version 2) the
// way `sextant monitor` does (DriftReport: PSI and Kolmogorov-Smirnov per numeric feature,
// PSI and chi-square per categorical one, missing rates, unseen categories, the shift of
// the predictions; a verdict per feature).
//   inputs  model (Model), data (Table: the new rows, raw; the model's preprocessing is
//           applied first)
//   outputs report (Table: DriftData::toTable, one row per feature and one for the
//           predictions)
//   result  DriftData (the studio's tab: a bar chart of PSI per feature by verdict)
//
// "view.drift" (Drift View): the same comparison as a sink, for `sextant run`: the plot
// as PNG/SVG, the report as JSON (DriftReport::toJson) and CSV (the table).
class DriftNode {
public:
    static QString typeId() { return QStringLiteral("model.drift"); }
    static NodeType type();
    static NodeType viewType();
    // The comparison both node types make (throws NodeError when the model keeps no
    // training distribution).
    static DriftData compare(NodeContext &ctx);
};

} // namespace sextant::engine
