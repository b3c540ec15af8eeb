#pragma once

#include "data/Column.h"

#include <optional>

namespace sextant::engine {

// The result of the Scatter node: the two plotted columns and the optional colour column
// (one point per row; Column::numericValue gives x and y, categorical codes included).
// Columns share the input's cells: nothing is copied.
struct ScatterData {
    Column x;
    Column y;
    std::optional<Column> color; // categorical: colour per category; numeric: a gradient
};

} // namespace sextant::engine
