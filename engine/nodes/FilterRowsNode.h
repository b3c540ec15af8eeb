#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.filter": keeps the rows that pass.
//   input   data (Table)
//   params  missing (keep / drop rows with a missing cell in `columns`, or in any column
//           when `columns` is empty), columns, condition (a true/false expression,
//           ConditionFilter: "petal_length >= 2.5 and species != setosa",
//           "species in (a, b)"; empty: none)
//   output  data (Table)
class FilterRowsNode {
public:
    static QString typeId() { return QStringLiteral("data.filter"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
