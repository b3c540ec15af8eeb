#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.group_by" (Group By): one row per group of the key columns with aggregates of
// the other columns (GroupAggregate, as pandas' groupby().agg()).
//   input   data (Table)
//   params  group_by (key columns), columns (empty: every other column), aggregates
//           ("mean, max": count sum mean median min max std first distinct), row_count
//           (adds "rows", the group's size)
//   output  data (Table)
class GroupByNode {
public:
    static QString typeId() { return QStringLiteral("data.group_by"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
