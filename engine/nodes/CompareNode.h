#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.compare": cross-validates up to four models on the same folds.
//   inputs  data (Table), model1..model4 (Model, optional)
//   params  folds, stratified, seed
//   output  metrics (Metrics: one row per model with the mean scores, plus
//           "<metric>_std" columns for the main metric)
class CompareNode {
public:
    static QString typeId() { return QStringLiteral("eval.compare"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
