#pragma once

#include "data/Dataset.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <stdexcept>

namespace sextant::engine {

// Thrown by TableJoin, TableConcat, GroupAggregate and PivotTable for tables they cannot
// combine (a key missing, keys of different types...). The message is shown as is.
class TableError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Joins two tables on one or more key columns, as pandas.merge does:
//  - How: Inner (rows whose keys are in both), Left (every left row), Right (every right
//    row), Outer (every row of both). A left row matching k right rows gives k rows.
//  - Keys: `leftKeys` in the left table, `rightKeys` (empty: the same names) in the right,
//    pairwise of the same type (numbers with numbers, categories with categories, compared
//    by their text); otherwise TableError names the pair. Keys with the same name on both
//    sides give one output column (the left value, or the right one for a row only the
//    right has); differently named keys both stay.
//  - Missing key cells match each other, as in pandas (`missingKeysMatch`), or nothing
//    (as in SQL).
//  - Other columns: the left's, then the right's; a name both have gets `leftSuffix` /
//    `rightSuffix` ("_x", "_y" as pandas). Cells of a side without a match are missing.
//  - Roles are kept; a right target becomes a feature when the left has a target.
// Row order: left rows in order, each followed by its matches in right order (Right: the
// right rows in order, with their left matches), then (Outer) the right rows no left row
// matched. pandas sorts Outer's keys, so compare as sets of rows.
class TableJoin {
public:
    enum class How { Inner, Left, Right, Outer };

    struct Options {
        QStringList leftKeys;
        QStringList rightKeys; // empty: leftKeys
        How how = How::Inner;
        QString leftSuffix = QStringLiteral("_x");
        QString rightSuffix = QStringLiteral("_y");
        bool missingKeysMatch = true;
    };

    struct Result {
        Dataset table;
        // Left rows that matched more than one right row, and right rows that matched more
        // than one left row (a one-to-many or many-to-many join when either is > 0).
        std::int64_t leftRowsWithSeveralMatches = 0;
        std::int64_t rightRowsWithSeveralMatches = 0;
        std::int64_t unmatchedLeft = 0, unmatchedRight = 0;
        // A sentence for the node's status ("one-to-many: 12 left rows match several right
        // rows"), empty for a one-to-one join.
        QString cardinalityNote() const;
    };

    static Result join(const Dataset &left, const Dataset &right, const Options &options);
};

} // namespace sextant::engine
