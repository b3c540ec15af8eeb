#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The result of the Silhouette Plot node: the silhouette coefficient of each evaluated
// row (Silhouette::samples), ready to draw. Rows are those of the node's input table
// (0-based); rows with a missing cluster or feature value, and rows left out of a
// sample, have no value.
struct SilhouetteData {
    QString clusterColumn;
    QStringList features; // the columns distances were computed on
    QStringList clusterNames; // the clusters that have rows, in category order
    // One entry per evaluated row, rows ascending.
    std::vector<std::int64_t> rows;
    std::vector<std::int32_t> cluster; // index into clusterNames
    std::vector<double> values;
    // Drawing order: indices into `values`, cluster by cluster (clusterNames order), each
    // cluster's values descending (ties by row).
    std::vector<std::int64_t> order;
    std::vector<std::int64_t> clusterSizes; // evaluated rows per cluster
    std::vector<double> clusterMeans;
    double mean = 0; // over every evaluated row (silhouette_score)
    std::int64_t tableRows = 0; // rows of the input table
    bool sampled = false; // a seeded sample of the rows was evaluated
};

} // namespace sextant::engine
