#pragma once

#include <QString>
#include <cstdint>

namespace sextant::engine {

// Dates and times as Sextant stores them: a double of seconds since 1970-01-01T00:00:00
// UTC (the proleptic Gregorian calendar, no leap seconds), in a numeric Column flagged
// with Column::isDateTime(). The helpers here convert between that and calendar fields
// and ISO 8601 text, for the readers, writers, table and plots.
class DateTime {
public:
    // Days since 1970-01-01 of a calendar date (any year; month 1-12, day 1-31 unchecked).
    static std::int64_t daysFromCivil(std::int64_t year, int month, int day);
    // The calendar date of a day count since 1970-01-01.
    static void civilFromDays(std::int64_t days, std::int64_t &year, int &month, int &day);
    static int daysInMonth(std::int64_t year, int month);
    // Seconds since the epoch of a UTC calendar time.
    static double fromCivil(
        std::int64_t year, int month, int day, int hour = 0, int minute = 0, double second = 0);

    // True when `seconds` falls on a midnight (UTC): a date without a time of day.
    static bool isMidnight(double seconds);
    // ISO 8601 text: "2024-03-05" with `dateOnly`, else "2024-03-05 14:30:00" (".250" when
    // the time has milliseconds, or always with `millis`; the space separator is RFC
    // 3339's, which every ISO reader and pandas accept). Empty for NaN or a time outside
    // years -9999..9999.
    static QString toIsoText(double seconds, bool dateOnly, bool millis = false);
    // True when `seconds` has a fraction of a second (to the millisecond).
    static bool hasMillis(double seconds);
};

} // namespace sextant::engine
