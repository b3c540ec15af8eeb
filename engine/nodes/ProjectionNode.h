#pragma once

#include "data/Column.h"
#include "data/Dataset.h"
#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "ml/PcaProjection.h"

#include <QtGlobal>
#include <atomic>
#include <optional>
#include <vector>

namespace sextant::engine {

// The first two principal components of a table as columns over its complete rows.
struct TableProjection {
    // The ratios, the columns used and the error; its coordinates and rows are moved into
    // pc1, pc2 and rows below (empty vectors here).
    PcaProjection info;
    // "PC1 (72.9% of variance)", "PC2 (...)": one value per point; empty columns when
    // the projection failed (info.error says why).
    Column pc1, pc2;
    // The table row of each point, ascending; empty when every row is a point.
    std::vector<qint64> rows;

    bool ok() const { return info.error.isEmpty() && pc1.size() > 0; }
};

// "inspect.projection": a sink projecting the numeric feature columns of its table on
// their first two principal components (PcaProjection: standardised, rows with a missing
// cell left out), for the studio's overview scatter (NodeInspector). Too few columns or
// rows is not an error: the result says why there is no projection. Cancellable.
//   input   data (Table)
//   result  TableProjection
class ProjectionNode {
public:
    static QString typeId() { return QStringLiteral("inspect.projection"); }
    static NodeType type();
    // What compute() sets as the result; nullopt when cancelled.
    static std::optional<TableProjection> project(
        const Dataset &table, const std::atomic<bool> *cancel = nullptr);
    static void compute(NodeContext &ctx);
};

} // namespace sextant::engine
