#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.boxplot": box plots (or violin plots) of numeric columns, split by a categorical
// column. The quartiles, whiskers, outliers and densities are computed here, on the
// engine thread (BoxStatistics: numpy's linear percentiles, whiskers at 1.5 IQR clipped
// to the data, scipy's Gaussian KDE with Scott's bandwidth), so the view only draws.
//   input   data (Table)
//   params  columns (numeric; empty: every numeric column that is not the target, at
//           most kMaxAutoColumns), split (categorical; empty: the target when it is
//           categorical, else none), violin (draw densities instead of boxes)
//   result  BoxPlotData
class BoxPlotNode {
public:
    static constexpr int kMaxAutoColumns = 20;

    static QString typeId() { return QStringLiteral("view.boxplot"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
