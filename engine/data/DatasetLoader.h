#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Entry point for reading a dataset file of any supported format. The format is chosen by
// extension (.csv .tsv .tab .txt .data -> delimited text, .arff -> ARFF, .svm .libsvm
// .svmlight -> LIBSVM), falling back to the content when the extension says nothing.
class DatasetLoader {
public:
    enum class Format { Unknown, Csv, Arff, Libsvm };

    static Format formatFor(const QString &path);
    // File-dialog filter string, e.g. "Data files (*.csv *.tsv ...)".
    static QString fileDialogFilter();
    // True when the path's extension is one the loader reads (for drag-and-drop).
    static bool isSupported(const QString &path);

    static LoadResult load(
        const QString &path, const CsvOptions &csvOptions = {}, const LoadControl &control = {});
};

} // namespace sextant::engine
