#pragma once

#include "data/Column.h"
#include "data/Statistics.h"

#include <QString>

namespace sextant::engine {

// The result of the Histogram node: a Statistics::histogram of one column, with the
// column's name and type for axis labels.
struct ColumnHistogram {
    QString column;
    ColumnType columnType = ColumnType::Numeric;
    Histogram histogram;
};

} // namespace sextant::engine
