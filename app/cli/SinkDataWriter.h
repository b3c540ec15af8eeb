#pragma once

#include "graph/NodeValue.h"

#include <QString>
#include <QStringList>

namespace sextant::cli {

// Writes what a sink node produced as data files, for `sextant run`:
//   Dataset (view.table)                  <base>.csv  (CsvWriter, RFC 4180 quoting)
//   ColumnHistogram (view.histogram)      <base>.json, <base>.csv (lower, upper, count or
//                                         category, count)
//   CorrelationMatrix (view.correlation)  <base>.json, <base>.csv (square matrix)
//   ScatterData (view.scatter)            <base>.json, <base>.csv (x, y[, colour] per row)
//   ImportanceData (view.importance)      <base>.csv (the importance table)
//   QJsonObject / QVariantMap (metrics)   <base>.json
// JSON numbers that are NaN or infinite are written as null. Files go through AtomicFile.
class SinkDataWriter {
public:
    enum class Outcome { Written, Unsupported, Failed };

    // `basePath` is a path without suffix ("out/4-histogram"). Appends the files written
    // to `written`; on Failed, `error` says why.
    static Outcome write(const engine::NodeValue &result, const QString &basePath,
        QStringList *written, QString *error);
};

} // namespace sextant::cli
