#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.correlation": a sink computing the Pearson correlation matrix of numeric columns
// (Statistics::correlation, pairwise complete). Cancellable.
//   input   data (Table)
//   params  columns (numeric columns; empty: every numeric column)
//   result  CorrelationMatrix
class CorrelationNode {
public:
    static QString typeId() { return QStringLiteral("view.correlation"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
