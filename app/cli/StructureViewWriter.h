#pragma once

#include "graph/NodeValue.h"

#include <QString>
#include <QStringList>

namespace sextant::cli {

// The part of ViewDataWriter for the structure views (clustering trees and heat maps):
//   DendrogramData   <base>.json (linkage, the cut and its clusters, leaves in SciPy's
//                    order, SciPy's icoord/dcoord, the colour of each U), <base>.csv (row
//                    (0-based, of the input table), label, leaf (position, left to right),
//                    cluster)
//   HeatMapData      <base>.json (columns in display order with their means and sds, the
//                    class column, whether rows/columns were clustered, the row order up
//                    to 100,000 rows), <base>.csv (per band: band, first_row (0-based, of
//                    the input table), rows, class, the mean z of each column)
//   TreeViewData     <base>.json (the model, the tree's index and size, and the drawn nodes
//                    in preorder: split, threshold, samples, class counts, the model's
//                    values, children and folded subtrees)
// JSON numbers that are NaN or infinite are written as null.
class StructureViewWriter {
public:
    static bool handles(const engine::NodeValue &result);
    // Whether `result`, the result of a node with outputs (the dendrogram, t-SNE's scatter),
    // is a view `sextant run` writes as it writes a sink's (through SinkDataWriter).
    static bool isViewOfNodeWithOutputs(const engine::NodeValue &result);
    // Appends the files written to `written`; false with `error` on failure.
    static bool write(const engine::NodeValue &result, const QString &basePath,
        QStringList *written, QString *error);
};

} // namespace sextant::cli
