#pragma once

#include "data/Dataset.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// Stacks the rows of several tables (pandas.concat(axis=0) with an outer join of the
// columns): the result has every column of any table, in order of first appearance; a
// table without a column gets missing cells there. A column must have the same type in
// every table that has it (categories are merged, first table's first), otherwise
// TableError names the column and the tables. Roles come from the first table with the
// column. With `sourceColumn` non-empty, a categorical column of that name says which
// table each row came from (`labels`, one per table; empty: the tables' names, or
// "table 1", "table 2"...), with the ignore role (a meta column models do not use).
// Throws TableError.
class TableConcat {
public:
    static Dataset concat(const std::vector<const Dataset *> &tables,
        const QString &sourceColumn = {}, const QStringList &labels = {});
};

} // namespace sextant::engine
