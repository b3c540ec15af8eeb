#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

namespace sextant::engine {

// Reads delimited text (CSV, TSV, ...) into a Dataset.
//  - RFC 4180 quoting: delimiters, doubled quotes and newlines inside quoted fields.
//  - Delimiter sniffing among , ; tab |, header detection, UTF-8 with or without BOM,
//    CRLF or LF line ends, missing tokens (CsvOptions::missingTokens and empty fields).
//  - Per-column type inference: a column is numeric when every present cell parses as a
//    number (std::from_chars, exact), categorical otherwise.
//  - Streams the file in blocks and parses blocks on several threads, so the peak memory
//    is close to the size of the parsed columns, not of the file.
//  - Bad input (ragged rows, unterminated quotes, binary content, empty files) fails
//    with a LoadIssue naming the file, line and field.
class CsvReader
{
public:
    static LoadResult read(const QString &path, const CsvOptions &options = {},
                           const LoadControl &control = {});
    // Parses in-memory text; `sourceName` is used in messages.
    static LoadResult readBuffer(const QByteArray &data, const QString &sourceName,
                                 const CsvOptions &options = {},
                                 const LoadControl &control = {});
};

} // namespace sextant::engine
