#pragma once

// Private to the CSV reader: looks at the first bytes of a file (the sample) to decide
// whether it is text at all, which line end and delimiter it uses, and whether its
// first record is a header.

#include "data/CsvSetup.h"

#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace sextant::engine::csv {

// A complete, non-blank record of the sample.
struct SampleRecord {
    std::vector<std::string> fields; // unquoted; filled only when asked for
    int fieldCount = 0;
    std::int64_t line = 0; // 0-based physical line of its first byte, from the sample start
    std::int64_t endLine = 0; // 0-based physical line just past the record
    std::size_t endOffset = 0; // bytes from the sample start to just past the record
};

struct Sample {
    std::vector<SampleRecord> records;
    // Bytes and physical lines from the sample start to the end of the last complete
    // record (blank lines after it included).
    std::size_t scannedBytes = 0;
    std::int64_t scannedLines = 0;
    // At the end of the data a quoted field was never closed (only when `atEof`).
    bool unterminated = false;
    std::int64_t unterminatedLine = 0; // 0-based, from the sample start
    int unterminatedField = 0; // 1-based
};

// Tokenizes [begin, end) into records, at most `maxRecords`. When `atEof` is false, a
// record that runs into `end` is left out (it may continue beyond the sample).
Sample tokenizeSample(const char *begin, const char *end, bool atEof, const Setup &setup,
    std::size_t maxRecords, bool wantFields);

// '\n' (LF or CRLF files) unless the sample has '\r' but no '\n' (classic Mac OS).
char detectEol(const char *begin, const char *end);

// The delimiter among , \t ; | whose quote-aware field counts are the most consistent
// across the sample's records (ties: more fields, then that order). ',' when nothing
// splits the records. `exclude` is never chosen (the decimal comma).
char sniffDelimiter(
    const char *begin, const char *end, bool atEof, char quote, char eol, char exclude = '\0');

// Binary content: NUL bytes, or more than 1% control characters other than tab, line
// ends, form feed and the DOS end-of-file mark. Returns an empty string for text, or
// the reason; `offset` receives the first offending byte.
QString binaryReason(const char *begin, const char *end, std::size_t &offset);

// Header detection for CsvOptions::Header::Detect, from the sample's records (which
// must carry fields). The first record is a header when
//  - some column has a non-numeric first cell and numeric later cells, or
//  - every column is text and no first-record value recurs in its column, or
//  - it is the only record and all its cells are present, non-numeric text.
bool detectHeader(const Sample &sample, const Setup &setup);

// Preamble detection (CsvOptions::skipLines -1): whether the sample's first record is a
// line before the table rather than part of it; returns what it looks like ("a count or
// a title before the table") or an empty string. It is one when at least two records
// follow it, and
//  - it has fewer fields than the records after it (90% of which agree on their count)
//    and is a single field (a title) or holds a number (a count, as scikit-learn's
//    "178,13,class_0,class_1,class_2"): read as a row, the file would be refused; or
//  - with header detection (`detectingHeader`): it has as many fields as the record
//    after it and is not all text (it has a number or a missing cell: "506,13,,,,",
//    "Sales report,,"), while the record after it is all present text and a header of
//    the records below it (scikit-learn's boston_house_prices.csv).
// A file whose first record is a short header of text (R's write.csv with row names) is
// not changed: its header has no number.
QString detectPreamble(const Sample &sample, const Setup &setup, bool detectingHeader);

} // namespace sextant::engine::csv
