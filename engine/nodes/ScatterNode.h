#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.scatter": a sink picking the columns of a scatter plot.
//   input   data (Table)
//   params  x, y (empty: the first and second numeric columns), color (empty: the target
//           column if there is one, else no colour)
//   result  ScatterData (columns shared with the input)
class ScatterNode {
public:
    static QString typeId() { return QStringLiteral("view.scatter"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
