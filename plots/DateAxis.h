#pragma once

class QCPAxis;

namespace sextant::plots {

// Date ticks on a plot axis whose coordinates are seconds since 1970-01-01T00:00:00 UTC
// (date columns, Column::isDateTime): a QCPAxisTickerDateTime in UTC whose label format
// follows the span shown as the view zooms (years, months, days, or days and times).
class DateAxis {
public:
    // Gives `axis` date ticks (once; an axis that has them keeps its ticker).
    static void apply(QCPAxis *axis);
    // Gives `axis` plain number ticks again when it has date ticks.
    static void clear(QCPAxis *axis);
    // Date ticks when `dates`, else plain ones.
    static void set(QCPAxis *axis, bool dates)
    {
        if (dates)
            apply(axis);
        else
            clear(axis);
    }
    static bool hasDateTicks(const QCPAxis *axis);
    // The label format for a span of `seconds` (QDateTime::toString's).
    static const char *formatFor(double seconds);
};

} // namespace sextant::plots
