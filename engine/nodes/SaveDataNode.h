#pragma once

#include "graph/NodeContext.h"
#include "graph/NodeType.h"

namespace sextant::engine {

class Dataset;

// "data.save": writes its input table to a file, atomically (AtomicFile: an existing file
// is replaced only once everything is written).
//   input   data (Table)
//   params  path (file path; relative to the workflow's folder), format (auto|csv|tsv|
//           arff|xlsx; auto goes by the extension: .tsv/.tab TSV, .arff ARFF, .xlsx
//           Excel, else CSV)
//   result  a QJsonObject {file, format, rows, columns}
// What each format keeps when read back (tst_savedata checks it):
//  - ARFF (ArffWriter): names, types, categories in order (unused ones too), missing
//    cells, numbers bit for bit.
//  - CSV/TSV (CsvWriter): names, missing cells and numbers bit for bit; the header and
//    types are sniffed again, so a categorical column whose categories all look like
//    numbers reads back numeric, categories come back in order of first appearance and
//    unused ones are gone, and a category that is a missing-value token ("NA") reads
//    back missing.
//  - Excel (XlsxWriter): names, numbers bit for bit, text, dates (to the millisecond),
//    missing cells; types as XlsxReader infers them (a text column of numbers reads
//    back as text, since its cells are strings).
class SaveDataNode {
public:
    enum class Format { Csv, Tsv, Arff, Xlsx };

    static QString typeId() { return QStringLiteral("data.save"); }
    static NodeType type();
    static void compute(NodeContext &ctx);
    // The format `choice` (a `format` parameter value) means for `path`.
    static Format formatFor(const QString &choice, const QString &path);
    // Writes `data` to `path` in `format`; false with the reason (naming the path) in
    // `error`. Used by the node and by the studio's File → Export Table.
    static bool write(const Dataset &data, const QString &path, Format format, QString *error);
    // "CSV (*.csv);;TSV (*.tsv);;ARFF (*.arff)", for save dialogs.
    static QString fileDialogFilter();
};

} // namespace sextant::engine
