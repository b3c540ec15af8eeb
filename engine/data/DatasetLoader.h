#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Entry point for reading a dataset file of any supported format. The format is chosen by
// extension (.csv .tsv .tab .txt .data -> delimited text, .arff -> ARFF, .svm .libsvm
// .svmlight -> LIBSVM, .xlsx -> Excel workbook), falling back to the content when the
// extension says nothing.
class DatasetLoader {
public:
    enum class Format { Unknown, Csv, Arff, Libsvm, Xlsx };

    static Format formatFor(const QString &path);
    // File-dialog filter string, e.g. "Data files (*.csv *.tsv ...)".
    static QString fileDialogFilter();
    // True when the path's extension is one the loader reads (for drag-and-drop).
    static bool isSupported(const QString &path);

    // `sheet`: the sheet of a workbook to read (empty: the first); ignored otherwise.
    static LoadResult load(const QString &path, const CsvOptions &csvOptions = {},
        const LoadControl &control = {}, const QString &sheet = {});
};

} // namespace sextant::engine
