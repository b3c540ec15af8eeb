#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

#include <QString>
#include <QStringList>

namespace sextant::engine {

// Entry point for reading a dataset file of any supported format. The format is chosen by
// extension (.csv .tsv .tab .txt .data -> delimited text, .arff -> ARFF, .svm .libsvm
// .svmlight -> LIBSVM, .xlsx -> Excel workbook, .sqlite .sqlite3 .db -> SQLite database),
// falling back to the content when the extension says nothing.
class DatasetLoader {
public:
    enum class Format { Unknown, Csv, Arff, Libsvm, Xlsx, Sqlite };

    static Format formatFor(const QString &path);
    // File-dialog filter string, e.g. "Data files (*.csv *.tsv ...)".
    static QString fileDialogFilter();
    // True when the path's extension is one the loader reads (for drag-and-drop).
    static bool isSupported(const QString &path);

    // `sheet`: the sheet of a workbook to read (empty: the first); `table` and `query`:
    // what to read from a SQLite database (SqliteReader); ignored for other formats.
    static LoadResult load(const QString &path, const CsvOptions &csvOptions = {},
        const LoadControl &control = {}, const QString &sheet = {}, const QString &table = {},
        const QString &query = {});
};

} // namespace sextant::engine
