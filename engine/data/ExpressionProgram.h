#pragma once

#include "data/Dataset.h"
#include "data/ExpressionNode.h"

#include <QStringList>
#include <atomic>
#include <cstdint>
#include <vector>

namespace sextant::engine {

// Types and evaluates a parsed expression (ExpressionParser) over the rows of a table,
// column-wise: numeric sub-expressions run over blocks of a few thousand rows at a time
// (one tight loop per operator and block, over contiguous doubles), text sub-expressions
// over category dictionaries (lower(species) lowers each category once, then maps the
// codes). No per-row dispatch or string allocation.
//
// Values are numbers (double; NaN is missing; true/false are 1/0) or text (categorical:
// a code per row into a dictionary, -1 missing). Missing values propagate: an operator
// or function with a missing operand gives a missing value, except is_missing(x) and
// and/or, which follow three-valued logic (false and missing = false, true or missing =
// true). A NaN result (log(-1), 0/0) is missing.
//
// Names: a bare or `backtick` name is a column. A "double-quoted" text names a column when
// the table has one of that name, otherwise it is text; 'single quotes' are always text.
// Compared with text (==, !=, in), a bare word that is no column is read as text, so
// "species == setosa" works as in Filter Rows. A number compared with a text column
// compares its written form ("rating == 5" with categories "4", "5").
//
// Functions: log ln log2 log10 exp sqrt abs floor ceil trunc sign round(x[, digits]) pow
// min max if(cond, a, b) is_missing; text: lower upper trim len contains(s, part)
// substr(s, start[, length]) (start 0-based) concat(a, ...) str(x) num(s), and '+' joins
// two texts; dates (x is seconds since 1970-01-01T00:00:00 UTC, or ISO-8601 text such as
// "2024-03-05" or "2024-03-05T14:30:00", read as UTC): year month day weekday (Monday = 0,
// as pandas) hour minute second dayofyear, and date(text) gives the seconds; cut(x, [edges],
// [labels]) bins into right-closed intervals (e0, e1], (e1, e2], ... as pandas.cut (outside:
// missing); without labels the intervals are the labels.
//
// Throws ExpressionError naming the place and reason for an unknown column or function,
// a wrong argument count or type.
class ExpressionProgram {
public:
    enum class Type { Number, Text };

    struct Value {
        Type type = Type::Number;
        std::vector<double> numbers; // Number: one per row, NaN missing
        std::vector<std::int32_t> codes; // Text: one per row, -1 missing
        QStringList categories; // Text: the dictionary (each used at least once)
    };

    // The type of `expression` over `data`'s columns (checks names, functions and types
    // without touching the rows).
    static Type typeOf(const ExpressionNode &expression, const Dataset &data);

    // The value of `expression` for every row of `data`. Returns an empty value (and
    // stops early) once `cancel` is set.
    static Value evaluate(const ExpressionNode &expression, const Dataset &data,
        const std::atomic<bool> *cancel = nullptr);

    // Throws ExpressionError for a call of a function the language does not have (what
    // can be said of an expression without a table).
    static void checkFunctions(const ExpressionNode &expression);

    // A table with `data`'s column names, types, roles and categories and no rows, for
    // checking expressions (typeOf) without the data.
    static Dataset schema(const Dataset &data);

    // The columns `expression` reads, in first-use order (after binding: a bare word read
    // as text is no column).
    static QStringList columnsUsed(const ExpressionNode &expression, const Dataset &data);
};

} // namespace sextant::engine
