#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// The result of the Line Plot node: numeric series against one x, rows in ascending x.
// x is a date column's seconds since 1970-01-01T00:00:00 UTC (`xIsDate`), a numeric
// column's values, or the row number (1-based) when no x column is chosen; rows whose x
// is missing are left out. Each series keeps its missing cells (NaN: a gap in the line),
// and with a rolling window its rolling mean: the mean of the last `window` points, NaN
// until there are that many or when one of them is missing (pandas'
// Series.rolling(window).mean()).
struct LinePlotData {
    struct Series {
        QString name;
        std::vector<double> values; // one per x
        std::vector<double> rolling; // empty without a window
    };
    QString xName; // empty: the row number
    bool xIsDate = false;
    bool xDateOnly = false; // dates without a time of day
    std::vector<double> x;
    std::vector<Series> series;
    int window = 0; // 0: no rolling mean
    std::int64_t droppedRows = 0; // rows left out because x was missing
};

} // namespace sextant::engine
