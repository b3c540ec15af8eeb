#pragma once

#include "graph/NodeValue.h"

#include <QString>
#include <QStringList>

namespace sextant::cli {

// The part of SinkDataWriter for the exploration and evaluation views:
//   BoxPlotData      <base>.json (per column and group: the summary, the drawn outliers,
//                    the density), <base>.csv (column, group, count, min, q1, median, q3,
//                    max, mean, lower_whisker, upper_whisker, outliers)
//   SilhouetteData   <base>.json (mean, per cluster rows and mean, negative rows),
//                    <base>.csv (row (0-based, of the input table), cluster, silhouette)
//   ProbabilityCurvesData  <base>.json (per class the curve's points; calibration also
//                    counts and bin edges), <base>.csv (class, prob_pred, prob_true, count
//                    or class, population, gains, lift)
//   FeatureRanking   <base>.json (the scores table, best first, target, sort_by, kept),
//                    <base>.csv (feature, one column per score, kept)
//   ScatterMatrixData <base>.json (columns, classes, diagonal histograms by class),
//                    <base>.csv (row, the columns, the class: the drawn rows)
//   LinePlotData     <base>.json (x, series, rolling window, rows, first and last x),
//                    <base>.csv (x (ISO text for dates) or row, the series, their rolling
//                    means)
//   DriftData        <base>.json (DriftReport::toJson and the model's name), <base>.csv
//                    (DriftData::toTable: one row per feature and the predictions)
// JSON numbers that are NaN or infinite are written as null.
class ViewDataWriter {
public:
    static bool handles(const engine::NodeValue &result);
    // Appends the files written to `written`; false with `error` on failure.
    static bool write(const engine::NodeValue &result, const QString &basePath,
        QStringList *written, QString *error);
};

} // namespace sextant::cli
