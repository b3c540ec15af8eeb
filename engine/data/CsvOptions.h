#pragma once

#include <QStringList>

namespace sextant::engine {

// Options for reading delimited text. The defaults sniff everything.
struct CsvOptions {
    enum class Header { Detect, Present, Absent };
    enum class RaggedRows { PadShortRows, Error };

    // '\0' sniffs among ',' ';' '\t' '|'.
    char delimiter = '\0';
    char quote = '"';
    Header header = Header::Detect;
    // Short rows are padded with missing cells and a warning; long rows are an error.
    RaggedRows ragged = RaggedRows::PadShortRows;
    // Tokens read as missing (compared after trimming surrounding spaces); the empty
    // field is always missing.
    QStringList missingTokens = { QStringLiteral("NA"), QStringLiteral("N/A"),
        QStringLiteral("NaN"), QStringLiteral("nan"), QStringLiteral("?"), QStringLiteral("null"),
        QStringLiteral("NULL"), QStringLiteral("None") };
    // Worker threads for parsing; 0 = one per core.
    int threads = 0;
    // At most this many warnings are kept (the count of the rest is reported).
    int maxWarnings = 50;
};

} // namespace sextant::engine
