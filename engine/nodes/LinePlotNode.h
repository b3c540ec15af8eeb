#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

#include <span>
#include <vector>

namespace sextant::engine {

// "view.lineplot": numeric columns against a date column, a numeric column or the row
// number, as lines, with an optional rolling mean — a time series at a glance.
//   input   data (Table)
//   params  x (a date or numeric column; empty: the first date column, else the row
//           number), columns (numeric; empty: the numeric columns that are neither the
//           x nor the target nor dates, at most kMaxAutoSeries), rolling (window in
//           points; 0 or 1: none)
//   result  LinePlotData (rows sorted by x, stable for equal x)
class LinePlotNode {
public:
    static constexpr int kMaxAutoSeries = 8;

    static QString typeId() { return QStringLiteral("view.lineplot"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The rolling mean of `values` over `window` points (pandas' rolling(window).mean()).
    static std::vector<double> rollingMean(std::span<const double> values, int window);
};

} // namespace sextant::engine
