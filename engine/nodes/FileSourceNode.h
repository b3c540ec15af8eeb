#pragma once

#include "data/CsvOptions.h"
#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

// "data.file": reads a dataset file (CSV/TSV, ARFF, LIBSVM, Excel .xlsx) with DatasetLoader.
//   output  data (Table)
//   params  path (file path; relative to the workflow's folder), delimiter
//           (auto|comma|semicolon|tab|pipe), header (detect|present|absent), the CSV
//           import options of csvParameterSpecs() (quote, skip_lines, decimal,
//           thousands, encoding, missing; each defaults to what the reader sniffs),
//           sheet (of an .xlsx workbook; empty = the first), table and query (of a
//           SQLite database: a table, empty = the first, or SQL whose rows are read),
//           propose_target (bool: with no target in the file, the last categorical
//           column becomes the target; default true, false for a workflow file written
//           before the parameter existed), and the column role and type overrides of
//           ColumnRoleEdits (target, features, meta, drop, categorical, numeric), keyed by
//           column name and applied after the proposal.
// Reports the loader's progress and stops when cancelled. Its cache key includes the
// file's size and modification time, so an edited file is read again on the next run.
class FileSourceNode {
public:
    static QString typeId() { return QStringLiteral("data.file"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The CSV options the parameters describe.
    static CsvOptions csvOptions(const QVariantMap &parameters);
    // The CSV import options after delimiter and header: quote (double|single|none),
    // skip_lines (-1 auto = skip a detected preamble; 0 for workflows written before it),
    // decimal (point|comma), thousands (none|comma|point|space|apostrophe), encoding
    // (auto|utf-8|latin-1|utf-16), sheet, table and query (of a SQLite database), dates
    // (auto|day-first|month-first|off; off for workflows written before it) and missing
    // (comma-separated tokens; empty = the reader's list).
    static QList<ParameterSpec> csvParameterSpecs();
    // The name of the parameter listing the meta columns.
    static QString metaKey() { return QStringLiteral("meta"); }

private:
    static ParameterSpec proposeTargetSpec();
};

} // namespace sextant::engine
