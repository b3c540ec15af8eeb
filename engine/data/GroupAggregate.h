#pragma once

#include "data/Dataset.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Group By / Aggregate, as pandas' df.groupby(keys).agg(...):
//  - Groups: the distinct combinations of the key columns' values, sorted (numbers
//    ascending, categories by their text, as pandas sorts object columns); rows with a
//    missing key cell belong to no group (pandas' dropna=True).
//  - Aggregates of a column over a group's rows, missing cells skipped: Count (present
//    cells), Sum (0 for none, as pandas), Mean, Median, Min, Max, Std (sample standard
//    deviation, ddof = 1 as pandas; missing below 2 values), First (the first present
//    value), Distinct (number of distinct present values, pandas' nunique). Count, First
//    and Distinct work on any column; the others need a numeric column.
//  - Output: the key columns (one row per group), then one column per (column, aggregate)
//    named "column_aggregate" ("income_mean"); First of a categorical column stays
//    categorical, every other aggregate is numeric. Roles: features.
// Throws TableError for an unknown column or an aggregate that does not fit its column.
class GroupAggregate {
public:
    enum class Aggregate { Count, Sum, Mean, Median, Min, Max, Std, First, Distinct };

    struct Spec {
        QString column;
        Aggregate aggregate = Aggregate::Count;
    };

    // Which group each row is in (-1: none) and, per group in sorted order, its first row.
    struct Groups {
        std::vector<std::int32_t> ofRow;
        std::vector<std::int64_t> firstRow;
    };

    static Groups groups(const Dataset &data, const QList<int> &keyColumns);

    static Dataset aggregate(const Dataset &data, const QStringList &keys,
        const std::vector<Spec> &specs, const std::atomic<bool> *cancel = nullptr);

    // "count", "sum", "mean", "median", "min", "max", "std", "first", "distinct"
    // (also "nunique").
    static bool parseAggregate(const QString &name, Aggregate &out);
    static QString name(Aggregate aggregate);
    static bool needsNumbers(Aggregate aggregate);

    // The value of `aggregate` over the cells `rows` of numeric `values` (for pivots).
    static double compute(
        Aggregate aggregate, const double *values, const std::vector<std::int64_t> &rows);
};

} // namespace sextant::engine
