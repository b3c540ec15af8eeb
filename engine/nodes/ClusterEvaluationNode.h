#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "eval.clustering": scores a clustering model on a table.
//   inputs  model (Model: a clustering model), data (Table)
//   params  labels (column of known classes to compare with; empty: the table's target
//           column, if any), sample (rows used for the silhouette, 0: all)
//   output  metrics (Metrics, one row: clusters, noise share, inertia, silhouette, and
//           adjusted_rand when there are labels)
class ClusterEvaluationNode {
public:
    static QString typeId() { return QStringLiteral("eval.clustering"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
