#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "embed.tsne": a two-dimensional t-SNE embedding of the table's rows (Tsne, Barnes-Hut,
// scikit-learn's defaults), computed on the engine thread with progress and cancel.
//   input   data (Table)
//   params  columns (numeric; empty: every numeric column but the target), standardize,
//           perplexity, early_exaggeration, learning_rate (0: auto), max_iter, theta (the
//           Barnes-Hut angle), init (pca, random), seed, max_rows (above it the node
//           refuses: sample first)
//   output  data (Table): the input with numeric columns "t-SNE 1" and "t-SNE 2"
//           (missing for rows with a missing value, which are left out)
//   result  ScatterData of the two columns, coloured by a "cluster" column, else the
//           categorical target (`sextant run` writes it as it does a Scatter node's)
class TsneNode {
public:
    static constexpr qlonglong kDefaultMaxRows = 100000;
    static constexpr qlonglong kLimitMaxRows = 1000000;

    static QString typeId() { return QStringLiteral("embed.tsne"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
