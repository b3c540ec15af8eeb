#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"
#include "graph/Result.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// "data.selected_rows": the rows of its input table that a person selected in the studio's
// views (a histogram bar, a confusion-matrix cell, a rectangle or lasso in the scatter,
// rows of the data table), so that a selection can feed the rest of the workflow and is
// saved with it.
//   input   data (Table)
//   params  rows: the selected rows as 0-based row indices of the input table, in ranges
//           ("0-9,15,20-30"; empty: no row). Indices are kept in ascending order, each once.
//   output  data (Table): those rows, in ascending order, with the input's columns, roles
//           and preprocessing lineage.
// An index outside the input table fails the node with a message naming the index and the
// table's row count (the table upstream changed since the selection was made).
class SelectedRowsNode {
public:
    static QString typeId() { return QStringLiteral("data.selected_rows"); }
    static QString rowsParameter() { return QStringLiteral("rows"); }
    // The longest `rows` text accepted (a selection of a million scattered rows fits).
    static constexpr int kMaxRowsText = 16 * 1024 * 1024;

    static NodeType type();
    static void compute(NodeContext &ctx);

    // `rows` (ascending, each once) as ranges: {0,1,2,3,7,9,10} -> "0-3,7,9-10".
    static QString encodeRows(const std::vector<std::int64_t> &rows);
    // The rows a `rows` text names in a table of `rowCount` rows, ascending, each once
    // (overlapping ranges merge). Refuses, naming the character position, anything but
    // comma-separated non-negative integers and ascending ranges "a-b" (spaces around them
    // are fine), and an index >= rowCount, naming the index and the row count.
    static Result<std::vector<std::int64_t>> decodeRows(const QString &text, std::int64_t rowCount);
};

} // namespace sextant::engine
