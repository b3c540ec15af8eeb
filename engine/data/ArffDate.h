#pragma once

#include <QString>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// ARFF date attributes: a subset of Java's SimpleDateFormat, read as UTC.
//  - Pattern letters: y (year), M (month; MMM and longer: an English month name, MMM its
//    first three letters), d, H (0-23), h (1-12) with a (am/pm), m, s, S (milliseconds),
//    E (a day name, skipped), Z and X (a zone offset: Z, +hh, +hhmm, +hh:mm). Text in
//    single quotes is literal, '' is a quote. Any other letter makes the format invalid
//    (`DateFormat::unsupported` names it).
//  - Numbers take up to 9 digits, exactly the pattern's width when the next field is a
//    number too (abutting fields, as SimpleDateFormat reads them). A two-digit "yy" year
//    is 2000 + yy.
//  - A date outside the calendar (month 13, 31 April, 24:00) does not parse.

namespace sextant::engine::arff {

struct DateField {
    enum Kind : std::uint8_t {
        Literal,
        Year,
        Month,
        MonthName,
        Day,
        Hour24,
        Hour12,
        AmPm,
        Minute,
        Second,
        Millis,
        DayName,
        Zone
    };
    Kind kind = Literal;
    int width = 0; // pattern letters repeated; for numbers, the minimum digits
    std::string literal; // Literal only
};

struct DateFormat {
    std::vector<DateField> fields;
    bool valid = false;
    QString unsupported; // the pattern letter that made it invalid
};

// Compiles a SimpleDateFormat pattern; an invalid one has `valid` false.
DateFormat compileDateFormat(const std::string &pattern);

// Parses `s` with `fmt` into seconds since 1970-01-01T00:00:00 UTC (fractional with
// milliseconds); false when `s` does not match the format or is not a valid date.
bool parseDate(const DateFormat &fmt, std::string_view s, double &out);

} // namespace sextant::engine::arff
