#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.select": keeps some columns and sets column roles.
//   input   data (Table)
//   output  data (Table)
//   params  columns (column list: the columns to keep, in this order; empty keeps all),
//           target (column: made the target, any other target becomes a feature; empty
//           leaves the roles as they are), ignored (column list: the meta columns, given
//           the ignore role: kept, not used by models), and the other overrides of
//           ColumnRoleEdits (features, drop, categorical, numeric), applied to the kept
//           columns. The column list's role edits of a node that is neither a File nor a
//           Select Columns node go into a Select Columns node inserted after it.
// Columns are shared with the input, never copied.
class SelectColumnsNode {
public:
    static QString typeId() { return QStringLiteral("data.select"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The name of the parameter listing the meta columns.
    static QString metaKey() { return QStringLiteral("ignored"); }
};

} // namespace sextant::engine
