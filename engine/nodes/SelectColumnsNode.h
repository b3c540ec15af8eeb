#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.select": keeps some columns and sets column roles.
//   input   data (Table)
//   output  data (Table)
//   params  columns (column list: the columns to keep, in this order; empty keeps all),
//           target (column: made the target, any other target becomes a feature; empty
//           leaves the roles as they are), ignored (column list: given the ignore role)
// Columns are shared with the input, never copied.
class SelectColumnsNode {
public:
    static QString typeId() { return QStringLiteral("data.select"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
