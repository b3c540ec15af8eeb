#pragma once

#include "data/Column.h"

#include <cstdint>
#include <vector>

namespace sextant::engine {

// Column gathers for the table operations (TableJoin, TableConcat, GroupAggregate): new
// columns made of chosen rows of existing ones. Name and role are copied from `column`.
class TableGather {
public:
    // Row i of the result is row rows[i] of `column`, missing where rows[i] < 0.
    static Column gather(const Column &column, const std::vector<std::int64_t> &rows);

    // Row i is row a[i] of `first` when a[i] >= 0, else row b[i] of `second` (missing when
    // both are < 0). Both columns must have the same type; categories are merged (the
    // first's, then the second's new ones).
    static Column coalesce(const Column &first, const std::vector<std::int64_t> &a,
        const Column &second, const std::vector<std::int64_t> &b);
};

} // namespace sextant::engine
