#pragma once

#include "data/Dataset.h"
#include "data/LoadResult.h"

#include <QString>
#include <optional>
#include <string_view>

namespace sextant::engine {

// Recognises text columns that hold dates or date-times and turns them into date columns
// (Column::dateTime: seconds since 1970-01-01T00:00:00 UTC), for the CSV and Excel
// readers and the "as date" type override.
//
// The forms read (after trimming spaces):
//  - ISO 8601: 2024-03-05, 2024-03-05T14:30, 2024-03-05 14:30:15.25, with an optional
//    zone after a time: Z, +01, +0130, +01:30, -05:00 (converted to UTC); '/' instead of
//    '-' in the date (2024/03/05) as well.
//  - Day-first or month-first: 05/03/2024, 5.3.2024, 03-05-2024 (one separator, '/' '.'
//    or '-', a four-digit year last), optionally followed by " 14:30[:15[.25]]".
// A column is read as dates when every present value (missing tokens are missing) has a
// form of the same family (ISO, or day/month/year), every value is a real calendar date
// and time (no 31 April, no 24:00), and, for the day/month forms, the order is the same
// for the whole column: a value with a first number above 12 makes the column day-first,
// one with a second number above 12 month-first; both in one column, or neither with
// Order::Auto, leave it text. As with numbers, one value that is not a date keeps the
// whole column as text: a column where most values are dates gets a warning naming the
// first value that is not one.
class DateColumns {
public:
    enum class Order { Auto, DayFirst, MonthFirst };

    // One value in the ISO forms; false when it is not one or not a valid date.
    static bool parseIso(std::string_view text, double &seconds);
    // One value in the day/month/year forms, in the given order (not Auto).
    static bool parseDayMonth(std::string_view text, Order order, double &seconds);

    // The date column for categorical column `column`, or nothing when its categories are
    // not all dates. `why`, when given, receives the reason for a column that looked like
    // dates but is not read as one (for a warning); it stays empty for plain text.
    static std::optional<Column> fromText(
        const Column &column, Order order, QString *why = nullptr);
    // Replaces every categorical column of `data` that fromText reads as dates; appends a
    // warning naming `file` for the columns that nearly were.
    static void convert(
        Dataset &data, Order order, const QString &file, QList<LoadIssue> &warnings);
};

} // namespace sextant::engine
