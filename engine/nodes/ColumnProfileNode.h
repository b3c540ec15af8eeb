#pragma once

#include "data/Statistics.h"
#include "graph/NodeContext.h"
#include "graph/NodeType.h"

#include <QList>
#include <vector>

namespace sextant::engine {

// The summary and histogram of every column of a table, in column order. Numeric
// histograms have `bins` bins; categorical ones one bin per category (Statistics).
struct ColumnProfile {
    QList<ColumnSummary> summaries;
    std::vector<Histogram> histograms;
    int bins = 0;
};

// "inspect.columns": a sink profiling every column of its table, for the studio's
// exploration views (the column list and histograms of NodeInspector). Cancellable,
// reports progress column by column. O(rows x columns).
//   input   data (Table)
//   params  bins (integer, 1..10000, default 20)
//   result  ColumnProfile
class ColumnProfileNode {
public:
    static QString typeId() { return QStringLiteral("inspect.columns"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
