#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.scatter_matrix" (Scatter Plot Matrix; the name sorts after Scatter Plot, which a
// search for "scatter" picks first): every pair of up to kMaxColumns numeric columns as a scatter
// plot, each column's histogram on the diagonal, coloured by a categorical column. The
// row sample and the histograms are made here, on the engine thread.
//   input   data (Table)
//   params  columns (numeric, at most kMaxColumns; empty: the first kDefaultColumns
//           numeric columns that are not the target), color (categorical; empty: a
//           "cluster" column, else the categorical target, else none), max_points (rows
//           drawn; above, a seeded sample), bins (diagonal histograms), seed
//   result  ScatterMatrixData
class ScatterMatrixNode {
public:
    static constexpr int kMaxColumns = 10;
    static constexpr int kDefaultColumns = 5;

    static QString typeId() { return QStringLiteral("view.scatter_matrix"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
