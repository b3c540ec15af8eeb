#pragma once

#include "ml/Dendrogram.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The result of the Dendrogram node: a hierarchical clustering of the input's complete
// rows, its drawing (SciPy's dendrogram layout) and the flat clusters of the cut.
// Samples are numbered 0..n-1 in input order; rows[i] is sample i's row of the input
// table (0-based; rows with a missing value are not clustered).
struct DendrogramData {
    QString linkage; // "ward", "complete", "average", "single"
    QStringList features; // the columns distances were computed on
    QString labelColumn; // the column leaf labels come from; empty: row numbers
    std::int64_t tableRows = 0;
    std::vector<std::int64_t> rows;
    QStringList labels; // per sample: the label column's text, else its row number (1-based)
    // (n-1) x 4 linkage in SciPy's format, row-major (AgglomerativeClustering).
    std::vector<double> merges;
    DendrogramLayout layout;
    int clusters = 0; // the cut (the node's `clusters` parameter)
    double cut = 0; // Dendrogram::cutHeight
    QStringList clusterNames; // "1", "2", ... as in the output's cluster column
    std::vector<std::int32_t> cluster; // per sample, index into clusterNames
    std::vector<std::int64_t> clusterSizes;
    // Per U of layout.icoord: the cluster it lies in, or -1 above the cut.
    std::vector<std::int32_t> linkCluster;

    std::int64_t sampleCount() const { return static_cast<std::int64_t>(rows.size()); }
    // Merge heights (column 2 of the linkage), ascending.
    double mergeHeight(std::int64_t row) const
    {
        return merges[static_cast<std::size_t>(4 * row + 2)];
    }
};

} // namespace sextant::engine
