#pragma once

#include "data/Column.h"
#include "data/Dataset.h"

#include <optional>

namespace sextant::engine {

// The result of the Scatter node: the two plotted columns and the optional colour, size
// and shape columns (one point per row; Column::numericValue gives x and y, categorical
// codes included), and the input table the view's controls choose other columns from.
// Columns share the input's cells: nothing is copied.
struct ScatterData {
    Column x;
    Column y;
    std::optional<Column> color; // categorical: colour per category; numeric: a gradient
    std::optional<Column> size; // numeric: point size
    std::optional<Column> shape; // categorical: point shape
    Dataset table; // the node's input
};

} // namespace sextant::engine
