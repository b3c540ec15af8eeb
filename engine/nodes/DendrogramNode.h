#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "view.dendrogram": hierarchical clustering drawn as a tree (AgglomerativeClustering on
// euclidean distances, on the engine thread), cut into `clusters` flat clusters; the
// studio's cut line edits `clusters`.
//   input   data (Table)
//   params  columns (numeric; empty: every numeric column but the target), linkage
//           (ward, complete, average, single), clusters (where the tree is cut), labels
//           (a column whose values name the leaves; empty: row numbers), standardize
//           (each column to mean 0, variance 1 before distances)
//   output  data (Table): the input with a categorical "cluster" column ("1".."k"; missing
//           for rows with a missing value, which are left out of the clustering)
//   result  DendrogramData (`sextant run` writes it as it does a sink's result)
// At most AgglomerativeClustering::kMaxRows complete rows.
class DendrogramNode {
public:
    static QString typeId() { return QStringLiteral("view.dendrogram"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
