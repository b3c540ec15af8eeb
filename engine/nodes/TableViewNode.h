#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.table": a sink showing its input table. Its result is the input Dataset itself
// (shared, not copied), for the GUI to show or the command line to write as CSV.
//   input   data (Table)
class TableViewNode {
public:
    static QString typeId() { return QStringLiteral("view.table"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
