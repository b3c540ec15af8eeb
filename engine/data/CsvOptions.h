#pragma once

#include "data/DateColumns.h"

#include <QStringList>

namespace sextant::engine {

// Options for reading delimited text. The defaults sniff everything.
struct CsvOptions {
    enum class Header { Detect, Present, Absent };
    enum class RaggedRows { PadShortRows, Error };
    // Auto: UTF-8 (a value that is not valid UTF-8 is read as Latin-1, with a warning),
    // UTF-16 when the file starts with its byte order mark. Latin1 and Utf16 convert the
    // whole file to UTF-8 in memory before it is parsed (Utf16: the byte order mark
    // decides the byte order, little-endian without one).
    enum class Encoding { Auto, Utf8, Latin1, Utf16 };

    // '\0' sniffs among ',' ';' '\t' '|'.
    char delimiter = '\0';
    char quote = '"';
    Header header = Header::Detect;
    // Physical lines skipped at the top of the file (after a byte order mark), before
    // the header. -1 detects a preamble: a first line that is a count or a title before
    // the table (scikit-learn's "506,13" above the header) is skipped with a warning.
    int skipLines = -1;
    // The decimal mark of numbers, '.' or ','; and a thousands separator ('\0' = none;
    // ',' '.' ' ' or '\''), allowed only between groups of three digits ("1.234.567,5").
    char decimal = '.';
    char thousands = '\0';
    Encoding encoding = Encoding::Auto;
    // Short rows are padded with missing cells and a warning; long rows are an error.
    RaggedRows ragged = RaggedRows::PadShortRows;
    // Tokens read as missing (compared after trimming surrounding spaces); the empty
    // field is always missing.
    QStringList missingTokens = { QStringLiteral("NA"), QStringLiteral("N/A"),
        QStringLiteral("NaN"), QStringLiteral("nan"), QStringLiteral("?"), QStringLiteral("null"),
        QStringLiteral("NULL"), QStringLiteral("None") };
    // Text columns holding dates or date-times become date columns (DateColumns.h), with
    // this day/month order for the 05/03/2024 forms (Auto: the order the values allow).
    bool detectDates = true;
    DateColumns::Order dateOrder = DateColumns::Order::Auto;
    // Worker threads for parsing; 0 = one per core.
    int threads = 0;
    // At most this many warnings are kept (the count of the rest is reported).
    int maxWarnings = 50;
};

// What the reader used for a file: sniffed where the options said auto, else as asked
// (for the import dialog's "detected" line).
struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
    bool header = false;
    int skippedLines = 0; // lines before the table: asked for, or a detected preamble
    CsvOptions::Encoding encoding = CsvOptions::Encoding::Utf8; // Utf8, Latin1 or Utf16
};

} // namespace sextant::engine
