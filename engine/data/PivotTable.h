#pragma once

#include "data/Dataset.h"
#include "data/GroupAggregate.h"

#include <QString>
#include <QStringList>
#include <atomic>

namespace sextant::engine {

// A pivot table, as pandas.pivot_table(data, index=rows, columns=column, values=values,
// aggfunc=aggregate): one row per group of the `rows` columns (sorted, as GroupAggregate),
// the row keys first, then one numeric column per distinct value of `column` (sorted,
// named by the value), holding `aggregate` of `values` over the rows of that row group
// and column value; missing where no row has that combination. As pandas' dropna=True,
// rows with a missing key are left out and result rows and columns that are missing
// throughout are dropped. Count and Distinct work on any `values` column, the others
// need a numeric one. Throws TableError.
class PivotTable {
public:
    static Dataset pivot(const Dataset &data, const QStringList &rows, const QString &column,
        const QString &values, GroupAggregate::Aggregate aggregate,
        const std::atomic<bool> *cancel = nullptr);
};

} // namespace sextant::engine
