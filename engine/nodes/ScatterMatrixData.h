#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The result of the Scatter Matrix node: up to ScatterMatrixNode::kMaxColumns numeric
// columns of a sample of the rows (every row up to max_points), each row's class, and
// per column a histogram per class for the diagonal (over all rows, not the sample).
struct ScatterMatrixData {
    QStringList columns;
    std::vector<std::vector<double>> values; // per column, one value per drawn row (NaN: missing)
    std::vector<std::int64_t> rows; // the drawn rows of the input table, ascending
    QString colorColumn; // empty: one colour
    QStringList classNames; // "(missing)" last when some rows have no class
    std::vector<std::int32_t> classes; // per drawn row, index into classNames (0 without colour)
    // Diagonal: per column, bin edges (bins + 1) and counts per class (classes x bins,
    // row-major).
    std::vector<std::vector<double>> edges;
    std::vector<std::vector<std::int64_t>> counts;
    std::int64_t tableRows = 0;
    bool sampled = false;
};

} // namespace sextant::engine
