#pragma once

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

namespace sextant::engine {

// Reads delimited text (CSV, TSV, ...) into a Dataset.
//  - RFC 4180 quoting: delimiters, doubled quotes and newlines inside quoted fields.
//  - Delimiter sniffing among , ; tab |, header detection, UTF-8 with or without BOM,
//    CRLF or LF line ends, missing tokens (CsvOptions::missingTokens and empty fields).
//  - Per-column type inference: a column is numeric when every present cell parses as a
//    number (NumberParser.h, exact), categorical otherwise.
//  - Streams the file in blocks and parses blocks on several threads, so the peak memory
//    is close to the size of the parsed columns, not of the file.
//  - Bad input (ragged rows, unterminated quotes, binary content, empty files) fails
//    with a LoadIssue naming the file, line and field.
//
// Details (lines and fields in messages are 1-based; lines are physical lines):
//  - Unquoted fields are trimmed (spaces, tabs unless tab is the delimiter); quoted
//    content is kept as written. Empty and whitespace-only lines are skipped. A quote
//    only opens a field at its start (after optional spaces); elsewhere it is text.
//    Text after a closing quote is kept, with a warning. CsvOptions::quote '\0' turns
//    quoting off.
//  - Sniffing looks at the first 64 KB: the delimiter whose quote-aware field counts are
//    the most consistent; CR-only line ends (classic Mac) when there is no '\n'.
//  - Header (Detect): row 1 is a header when a column has a text cell above numbers, or
//    every column is text and no row-1 value recurs in its column, or it is the only
//    row and all text. Empty names become "Column N", repeated ones "x_2", "x_3".
//  - Missing: empty fields and CsvOptions::missingTokens (after trimming, quoted or
//    not). A numeric cell that reads as NaN ("nan") is missing as well.
//  - Numbers: the rules of NumberParser.h, shared with the other readers, the row
//    filters and column conversion ("1e-3", "-.5", "+3", "inf"; "1e400" is inf, "1e-400"
//    is 0; "+-5", hex, "1,5" and thousands separators are text).
//  - A column that meets text after numbers becomes categorical with a warning; its
//    earlier cells keep their exact text (the file is re-read for those columns), or
//    their shortest form when the file changed meanwhile (with a warning). Categories
//    are in order of first appearance.
//  - Encoding: the policy of TextEncoding.h (UTF-8 with or without BOM; a value that is
//    not valid UTF-8 is read as Latin-1, with a warning per distinct value).
//  - The path must be a regular file (TextSource::checkDataFile): a FIFO or a device is
//    refused before it is opened. Running out of memory is a refusal ("not enough memory
//    to load FILE: needs about N GB"), never an abort.
//  - Rows: a short row is padded with missing cells and a warning (an error with
//    RaggedRows::Error); a long row is an error naming its first extra field, except
//    extra empty fields (a trailing delimiter), which are ignored with a warning.
//  - An unterminated quote is an error at the line and field where it opened; so is a
//    record longer than 64 MB. NUL bytes or over 1% control characters in the first
//    64 KB, or a UTF-16/UTF-32 byte order mark: "does not look like text". An empty or
//    whitespace-only file is an error; a header without rows gives 0 rows and a warning.
//  - Dates: with CsvOptions::detectDates, text columns whose values are all dates or
//    date-times (ISO 8601, or day/month/year in one order) become date columns
//    (DateColumns.h); a column where one value is not a date stays text, with a warning.
//  - Warnings: the first CsvOptions::maxWarnings in file order, then "N more".
class CsvReader {
public:
    static LoadResult read(
        const QString &path, const CsvOptions &options = {}, const LoadControl &control = {});
    // Parses in-memory text; `sourceName` is used in messages.
    static LoadResult readBuffer(const QByteArray &data, const QString &sourceName,
        const CsvOptions &options = {}, const LoadControl &control = {});
    // The first records of a file for a preview: reads at most `maxBytes` from the start
    // of `path`, cut after its last complete line (so a prefix of a big file parses like
    // the file's first rows; a record with a quoted line end across the cut may be lost).
    // `dialect` receives what was sniffed. Messages name `path`.
    static LoadResult preview(const QString &path, const CsvOptions &options, std::size_t maxBytes,
        CsvDialect *dialect = nullptr);
};

} // namespace sextant::engine
