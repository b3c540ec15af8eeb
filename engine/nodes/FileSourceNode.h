#pragma once

#include "data/CsvOptions.h"
#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.file": reads a dataset file (CSV/TSV, ARFF, LIBSVM) with DatasetLoader.
//   output  data (Table)
//   params  path (file path; relative to the workflow's folder), delimiter
//           (auto|comma|semicolon|tab|pipe), header (detect|present|absent)
// Reports the loader's progress and stops when cancelled. Its cache key includes the
// file's size and modification time, so an edited file is read again on the next run.
class FileSourceNode {
public:
    static QString typeId() { return QStringLiteral("data.file"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The CSV options the parameters describe.
    static CsvOptions csvOptions(const QVariantMap &parameters);
};

} // namespace sextant::engine
