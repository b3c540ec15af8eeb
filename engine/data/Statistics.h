#pragma once

#include "data/Dataset.h"

#include <QStringList>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Summary of one column. For numeric columns every field is filled (NaN when there are no
// present values); for categorical columns mean..max are NaN and `distinct` counts the
// categories in use. `std` is the sample standard deviation (n - 1), quartiles use linear
// interpolation between order statistics (numpy's and pandas' default).
struct ColumnSummary {
    std::int64_t count = 0; // present (non-missing) cells
    std::int64_t missing = 0;
    double mean = 0, std = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    std::int64_t distinct = 0;
    // Categorical only: most frequent category and its count.
    QString mode;
    std::int64_t modeCount = 0;
};

// Counts per bin. Numeric: `bins` equal-width bins over [min, max] of the present values,
// `edges` has bins + 1 entries, the last bin includes max (numpy.histogram's rule).
// Categorical: one bin per category in dictionary order, `labels` names them, `edges`
// is empty.
struct Histogram {
    std::vector<double> edges;
    std::vector<std::int64_t> counts;
    QStringList labels;
    std::int64_t missing = 0;
};

// Pearson correlation over the numeric columns `columns` (dataset indices). Pairwise
// complete: each pair uses the rows where both are present. `r` is n x n, row-major;
// NaN where a pair has fewer than two rows or zero variance (over those rows). The
// diagonal is 1 under the same rule; values are clamped to [-1, 1]. Indices that are out
// of range or name a categorical column are left out of `columns`.
struct CorrelationMatrix {
    QList<int> columns;
    QStringList names;
    std::vector<double> r;
    double at(int i, int j) const { return r[static_cast<std::size_t>(i) * columns.size() + j]; }
};

class Statistics {
public:
    static ColumnSummary summarize(const Column &column);
    static Histogram histogram(const Column &column, int bins);
    // All numeric columns when `columns` is empty. Returns an empty matrix if cancelled.
    static CorrelationMatrix correlation(
        const Dataset &dataset, QList<int> columns = {}, const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
