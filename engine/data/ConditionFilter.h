#pragma once

#include "data/Dataset.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace sextant::engine {

// The conditions of Filter Rows: any true/false expression of the shared expression
// language (ExpressionParser, ExpressionProgram), e.g. "petal_length >= 2.5 and species
// != setosa", "is_missing(age) or age < 18", "year(signup) == 2024". Rows where the
// condition is true are kept; false and missing drop the row.
//
// Conditions written for the earlier one-comparison filter (RowFilter::parse) keep
// working: one that the expression parser cannot read or bind ("size in cm > 3", a column
// name with spaces and no quotes) is read as before.
class ConditionFilter {
public:
    // Rows (in order) where `condition` holds. Throws RowFilterError with the expression's
    // message (position and reason) when it is neither an expression nor an earlier-style
    // condition, or its value is text rather than true/false.
    static std::vector<std::int64_t> matchingRows(
        const Dataset &data, const QString &condition, const std::atomic<bool> *cancel = nullptr);

    // What is wrong with `condition` (empty when nothing is); with `upstream` (may be
    // null), also an unknown column or a wrong type. Reads no rows.
    static std::string check(const QString &condition, const Dataset *upstream);
};

} // namespace sextant::engine
