#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.pivot" (Pivot): rows x columns x aggregate (PivotTable, as pandas.pivot_table).
//   input   data (Table)
//   params  rows (columns whose values make the rows), column (whose values make the
//           columns), values (the column aggregated in each cell), aggregate
//   output  data (Table)
class PivotNode {
public:
    static QString typeId() { return QStringLiteral("data.pivot"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
