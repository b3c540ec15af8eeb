#pragma once

// Private to the CSV reader: parses one chunk of records (a piece of a block, split at a
// record boundary) into chunk-local columns. Chunks of a block are parsed on separate
// threads; the reader appends their results in order.

#include "data/CsvSetup.h"
#include "data/CsvStringTable.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sextant::engine::csv {

// How a column's cells are read. Numeric columns parse every cell straight from the
// bytes with std::from_chars; Text columns collect distinct strings; Skip ignores the
// cells (used when re-reading only some columns).
enum class Kind : std::uint8_t { Numeric, Text, Skip };

// A problem found in a chunk; `line` counts physical lines from the chunk's start.
struct ChunkIssue {
    std::int64_t line = 0;
    int field = 0; // 1-based
    QString message;
};

// The text cells of one column of a chunk: codes into a chunk-local dictionary whose
// entries are in order of first appearance.
struct ChunkText {
    std::vector<std::int32_t> codes; // -1 = missing
    StringTable values; // code -> bytes
    std::vector<std::int64_t> valueLines; // chunk line of each value's first use

    void clear()
    {
        codes.clear();
        values.clear();
        valueLines.clear();
    }
};

// A column that was read as numbers until it met text in this chunk.
struct ColumnSwitch {
    int column = 0;
    std::int64_t line = 0; // chunk line of the first non-numeric cell
    std::string text; // that cell (shortened)
    bool afterNumbers = false; // the chunk had present numbers in that column before it
};

struct ChunkResult {
    std::int64_t rows = 0;
    std::int64_t lines = 0; // line ends consumed (the chunk's physical line count)
    std::vector<Kind> kinds; // the kinds the data below was read with
    // Numeric columns, NaN = missing. Only the first `rows` values are cells: the
    // vectors are sized ahead (and kept from block to block) so the parser writes cells
    // by index instead of growing each vector cell by cell.
    std::vector<std::vector<double>> numbers;
    std::vector<ChunkText> texts; // Text columns (empty when no column is Text)
    std::vector<ChunkIssue> warnings;
    std::int64_t droppedWarnings = 0;
    std::optional<ChunkIssue> error;
    std::vector<ColumnSwitch> switches;
    // The chunk was not a whole number of records (a record ran into the chunk's end).
    bool boundaryMismatch = false;
};

// True when one of the first `n` values is not NaN.
inline bool anyPresent(const double *values, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        if (values[i] == values[i])
            return true;
    return false;
}

struct ChunkConfig {
    const Setup *setup = nullptr;
    int columns = 0;
    CsvOptions::RaggedRows ragged = CsvOptions::RaggedRows::PadShortRows;
    int maxWarnings = 50;
    bool header = false; // for messages: the column count comes from a header
};

// Parses the records in [begin, end). `begin` must be a record start; `end` a record
// end, or the end of the data when `atEof`. `hasQuotes` = false promises that the range
// holds no quote character (faster). Numeric columns that meet a non-numeric cell are
// read as Text instead (the chunk is parsed again); `out.kinds` tells the final kinds.
// Stops at the first error.
void parseChunk(const char *begin, const char *end, bool atEof, bool hasQuotes,
    const ChunkConfig &config, std::vector<Kind> kinds, ChunkResult &out);

} // namespace sextant::engine::csv
