#pragma once

#include <QString>
#include <QStringList>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The result of the Heat Map node: the table's rows x chosen columns, each column
// standardized (z = (x - mean) / sd, population sd; 0 for a constant column), rows and
// columns in display order, and the rows aggregated into at most kMaxBands bands of
// consecutive display rows (the mean z of each band and column; a band is one row while
// the table has at most kMaxBands rows), so that the view draws the same amount whatever
// the table's size.
struct HeatMapData {
    static constexpr std::int64_t kMaxBands = 2000;

    QStringList columns; // display order, left to right
    std::vector<double> means; // per displayed column
    std::vector<double> sds;
    QString annotationColumn; // the class shown beside the rows; empty: none
    QStringList classNames;
    QString linkage; // of the clusterings ("average")
    bool rowsClustered = false; // rows in optimal leaf order of their clustering
    bool columnsClustered = false;
    std::int64_t tableRows = 0;
    // Every input-table row (0-based), top to bottom.
    std::vector<std::int64_t> order;
    // bandCount() + 1 offsets into `order`: band b holds order[bandStart[b], bandStart[b+1]).
    std::vector<std::int64_t> bandStart;
    // bandCount() x columns, row-major: the mean z of the band's values (NaN: all missing).
    std::vector<float> values;
    // Per input-table row: its display position (index into `order`).
    std::vector<std::int64_t> position;
    // Per band: its most frequent class (index into classNames), -1 when none.
    std::vector<std::int32_t> bandClass;

    std::int64_t bandCount() const
    {
        return bandStart.empty() ? 0 : static_cast<std::int64_t>(bandStart.size()) - 1;
    }
    std::int64_t bandOfRow(std::int64_t row) const;
    float value(std::int64_t band, int column) const
    {
        return values[static_cast<std::size_t>(band * columns.size() + column)];
    }
};

// The band holding input-table row `row` (-1 when none): O(log bands).
inline std::int64_t HeatMapData::bandOfRow(std::int64_t row) const
{
    if (row < 0 || row >= static_cast<std::int64_t>(position.size()))
        return -1;
    const std::int64_t p = position[static_cast<std::size_t>(row)];
    const auto it = std::upper_bound(bandStart.begin(), bandStart.end(), p);
    return static_cast<std::int64_t>(it - bandStart.begin()) - 1;
}

} // namespace sextant::engine
