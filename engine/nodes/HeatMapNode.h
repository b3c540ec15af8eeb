#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.heatmap": the data heat map, rows x chosen columns, each column standardized,
// rows and columns ordered by hierarchical clustering with optimal leaf ordering (as
// SciPy's linkage + optimal_leaf_ordering), the rows' class beside them; all of it on the
// engine thread, the rows aggregated into HeatMapData::kMaxBands bands for drawing.
//   input   data (Table)
//   params  columns (numeric; empty: every numeric column but the target), annotation
//           (categorical; empty: the categorical target, if any), linkage (average,
//           complete, single, ward), cluster_rows, cluster_columns, max_cluster_rows
//           (above it the rows are not clustered but grouped by class, with a warning:
//           the ordering costs grow with the cube of the rows)
//   result  HeatMapData
// Missing values count as the column's mean for the clusterings and are drawn as missing.
class HeatMapNode {
public:
    static constexpr qlonglong kDefaultClusterRows = 1000;
    static constexpr qlonglong kLimitClusterRows = 3000;

    static QString typeId() { return QStringLiteral("view.heatmap"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
