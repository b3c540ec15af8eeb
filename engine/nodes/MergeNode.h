#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.merge" (Merge): joins two tables on key columns (TableJoin, as pandas.merge).
//   inputs  left (Table), right (Table)
//   params  how (inner, left, right, outer), keys (left key columns), right_keys (empty:
//           the same names), left_suffix / right_suffix (for other columns both tables
//           have), missing_keys_match
//   output  data (Table); a one-to-many or many-to-many join is reported as a warning
class MergeNode {
public:
    static QString typeId() { return QStringLiteral("data.merge"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
