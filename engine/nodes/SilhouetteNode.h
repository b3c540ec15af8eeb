#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.silhouette": the silhouette of each row of a clustered table (a clustering
// node's data output), as scikit-learn's silhouette_samples, computed here on the engine
// thread (Silhouette::samples: O(n^2) time in blocks, O(n) memory).
//   input   data (Table with a cluster column)
//   params  cluster (categorical; empty: a column named "cluster", else the categorical
//           target), columns (numeric; empty: every numeric column but the target),
//           max_rows (above it a seeded sample of max_rows rows is evaluated, with a
//           warning: the work grows with the square of the rows), seed
//   result  SilhouetteData
class SilhouetteNode {
public:
    static constexpr qlonglong kDefaultMaxRows = 20000;
    static constexpr qlonglong kLimitMaxRows = 200000;

    static QString typeId() { return QStringLiteral("view.silhouette"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
