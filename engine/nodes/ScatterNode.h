#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.scatter": a sink picking the columns of a scatter plot.
//   input   data (Table)
//   params  x, y (empty: the first and second numeric columns), color (empty: a column
//           named "cluster", else the target column if there is one, else no colour),
//           size (numeric, optional), shape (categorical, optional)
//   result  ScatterData (columns shared with the input, and the input table)
class ScatterNode {
public:
    static QString typeId() { return QStringLiteral("view.scatter"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
