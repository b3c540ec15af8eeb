#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "embed.mds": multidimensional scaling of the table's rows (Mds: classical, or metric
// SMACOF as scikit-learn's MDS), computed on the engine thread with progress and cancel.
//   input   data (Table)
//   params  columns (numeric; empty: every numeric column but the target), standardize,
//           method (classical, smacof), components (2 or more), init (SMACOF: random,
//           classical), n_init, max_iter, eps, seed
//   output  data (Table): the input with numeric columns "MDS 1", "MDS 2", ... (missing
//           for rows with a missing value, which are left out)
//   result  ScatterData of "MDS 1" against "MDS 2", coloured by a "cluster" column, else
//           the categorical target (`sextant run` writes it as it does a Scatter node's)
// At most Mds::kMaxClassicalRows / kMaxSmacofRows complete rows (the n x n distances):
// above that the node refuses and says to sample the rows or use t-SNE.
class MdsNode {
public:
    static QString typeId() { return QStringLiteral("embed.mds"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
