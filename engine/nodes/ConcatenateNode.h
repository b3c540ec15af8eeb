#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.concatenate" (Concatenate): stacks the rows of two to four tables (TableConcat).
//   inputs  table1, table2 (Table), table3, table4 (Table, optional)
//   params  source_column (empty: none; else a categorical meta column naming each row's
//           table, by its name or "table N")
//   output  data (Table)
class ConcatenateNode {
public:
    static QString typeId() { return QStringLiteral("data.concatenate"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
