#pragma once

#include "data/Statistics.h"

#include <QStringList>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// The histogram of one column split by the classes of a categorical column (rows are
// samples; both columns have one cell per row): one count per (group, bin), with the same
// bins for every group, so that the groups' counts add up to the unsplit histogram.
//
// `total` is exactly Statistics::histogram(column, bins): its edges (numeric) or labels
// (categorical) are the bins of every group. `counts[g][b]` counts the rows of group `g`
// (category `g` of the split column, dictionary order, groups.size() entries) in bin `b`.
// Rows whose split cell is missing but whose value is counted in `total` go to
// `missingGroup` (empty when there are none), so that for every bin
//     sum_g counts[g][b] + missingGroup[b] == total.counts[b].
struct GroupedHistogram {
    Histogram total;
    QString groupColumn;
    QStringList groups;
    std::vector<std::vector<std::int64_t>> counts;
    std::vector<std::int64_t> missingGroup;

    bool isEmpty() const { return total.counts.empty(); }
    bool hasMissingGroup() const { return !missingGroup.empty(); }

    // O(rows). `groupBy` must be categorical with the same row count as `column`;
    // otherwise the result has the total histogram and no group. Returns an empty
    // histogram (no bins) if `cancel` is set while counting.
    static GroupedHistogram compute(const Column &column, const Column &groupBy, int bins,
        const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
