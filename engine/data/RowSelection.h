#pragma once

#include "data/Dataset.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace sextant::engine {

// A new Dataset holding `rows` of `data` in that order (a row may repeat), with the same
// column names, types, roles and category dictionaries, name and source. Throws
// std::out_of_range naming the first index outside [0, rowCount).
Dataset selectRows(const Dataset &data, const std::vector<std::int64_t> &rows);

// Thrown by RowFilter for a condition it cannot apply or an expression it cannot parse.
// The message is shown to the user as is.
class RowFilterError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A condition on one column, kept rows satisfy it.
//  - numeric column: Less/LessEqual/Greater/GreaterEqual/Equal/NotEqual compare with
//    `values[0]` parsed as a number; IsOneOf / NotOneOf with the numbers in `values`.
//  - categorical column: Equal/NotEqual compare the category name with `values[0]`;
//    IsOneOf / NotOneOf test membership of `values`; order comparisons are refused.
// A missing cell never satisfies a condition (not even !=) — drop or impute them first.
struct RowCondition {
    enum class Op { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, IsOneOf, NotOneOf };

    QString column;
    Op op = Op::Equal;
    QStringList values;

    // The condition as the parser reads it: "petal_length >= 2.5", "species in (a, b)".
    QString toString() const;
};

// Row filters: keep rows matching a condition, drop rows with missing cells.
class RowFilter {
public:
    // Rows (in order) with no missing cell in `columns` (empty: in any column). Throws
    // RowFilterError naming a column the table does not have.
    static std::vector<std::int64_t> completeRows(
        const Dataset &data, const QStringList &columns = {});
    static Dataset dropMissing(const Dataset &data, const QStringList &columns = {});

    // Rows (in order) satisfying `condition`. Throws RowFilterError for an unknown column,
    // a value that is not a number on a numeric column, or an order comparison on a
    // categorical column.
    static std::vector<std::int64_t> matchingRows(
        const Dataset &data, const RowCondition &condition);
    static Dataset keepMatching(const Dataset &data, const RowCondition &condition);

    // Parses "column op value". Operators: < <= > >= == = != <> and the words `in` /
    // `not in` followed by a comma-separated list, optionally in parentheses or brackets
    // ("species in (setosa, virginica)"). Column names and values may be quoted with
    // "double", 'single' or `back` quotes (needed when a name holds spaces followed by an
    // operator character, or a value holds a comma). Throws RowFilterError saying what
    // could not be parsed.
    static RowCondition parse(const QString &expression);
};

} // namespace sextant::engine
