#pragma once

#include "data/Dataset.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sextant::engine {

// Options for writing delimited text.
struct CsvWriteOptions {
    char delimiter = ',';
    // "\n" (what pandas and most Unix tools write) or "\r\n" (RFC 4180's line break).
    QByteArray lineEnd = QByteArrayLiteral("\n");
    bool header = true;
};

// Writes a Dataset (or any table of strings) as delimited text, UTF-8 without BOM.
//
// Quoting follows RFC 4180: a field is enclosed in double quotes when it contains the
// delimiter, a double quote (doubled inside), CR or LF; fields with leading or trailing
// spaces, and fields that are only the empty string of a present cell, are quoted too, so
// CsvReader (which trims and treats "" as missing) reads back exactly what was written.
//
// Cells: numbers in the shortest text that parses back to the same double (std::to_chars),
// categories as their text, missing cells as empty fields ("" in a one-column table, where
// an empty field would be a blank line). Rows are samples, columns are
// features, in the dataset's column order; the header row has the column names.
//
// Note: a category whose text is one of CsvOptions::missingTokens ("NA", "?"...) is
// written as is, and a reader using those tokens will read it as missing.
class CsvWriter {
public:
    // One field, quoted when needed.
    static QByteArray field(const QString &text, char delimiter = ',');
    // One record: the fields joined by the delimiter, followed by the line end.
    static QByteArray record(const QStringList &fields, const CsvWriteOptions &options = {});
    // The shortest round-trip text of a double; "" for NaN, "inf"/"-inf" for infinities.
    static QString number(double value);

    // The whole dataset as CSV text.
    static QByteArray toCsv(const Dataset &dataset, const CsvWriteOptions &options = {});
    // Writes `dataset` to `path` atomically (AtomicFile). On failure returns false and
    // says why in `error` (naming the path); an existing file is left untouched then.
    static bool write(const Dataset &dataset, const QString &path,
        const CsvWriteOptions &options = {}, QString *error = nullptr);
    // Writes a table of strings (`header` first unless empty) atomically.
    static bool writeTable(const QStringList &header, const QList<QStringList> &rows,
        const QString &path, const CsvWriteOptions &options = {}, QString *error = nullptr);
};

} // namespace sextant::engine
