#pragma once

#include "ml/BoxStatistics.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::engine {

// The result of the Box Plot node: per numeric column, one BoxSummary per group of the
// split column (groups in the split column's category order, "(missing)" last when some
// rows have no category; one group named after the column when there is no split).
// Everything a box or violin needs is in the summaries, so drawing never reads the rows.
struct BoxPlotData {
    struct ColumnBoxes {
        QString name;
        std::vector<BoxSummary> groups; // one per groupNames entry
    };
    QString splitColumn; // empty: no split
    QStringList groupNames;
    bool violin = false;
    std::vector<ColumnBoxes> columns;
};

} // namespace sextant::engine
