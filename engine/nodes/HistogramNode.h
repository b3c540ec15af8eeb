#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.histogram": a sink computing a histogram of one column (Statistics::histogram).
//   input   data (Table)
//   params  column (empty: the first numeric column, else the first column),
//           bins (1..10000; numeric columns only: categorical columns get one bin per
//           category)
//   result  ColumnHistogram
class HistogramNode {
public:
    static QString typeId() { return QStringLiteral("view.histogram"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
