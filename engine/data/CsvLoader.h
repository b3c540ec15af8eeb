#pragma once

// Private to the CSV reader: the loading pipeline behind CsvReader, with the knobs that
// tests and the fuzzer turn to reach block boundaries with small inputs.
//
// Pipeline: read the file in blocks into one reusable buffer (a partial last record is
// carried over to the next block) -> sniff the dialect and header from the first 64 KB
// -> split each block at record boundaries into one chunk per thread -> parse the chunks
// in parallel into chunk-local columns -> append them, in order, to the result columns
// (reserved from an estimate of the row count, so 160 MB of doubles are not copied by
// vector doubling) -> build the Dataset.

#include "data/CsvOptions.h"
#include "data/LoadResult.h"

#include <cstddef>

namespace sextant::engine::csv {

struct Tuning {
    std::size_t blockBytes = std::size_t(4) << 20; // read and parse unit
    std::size_t sampleBytes = std::size_t(64) << 10; // sniffing
    std::size_t minChunkBytes = std::size_t(256) << 10; // smaller blocks use fewer threads
    std::size_t maxRecordBytes = std::size_t(64) << 20; // a longer record is refused
    bool inlineChunks = false; // run a block's chunks one after the other (fuzzing)
};

LoadResult readFile(const QString &path, const CsvOptions &options, const LoadControl &control,
    const Tuning &tuning);
// `dialect`, when given, receives what the reader used (CsvDialect).
LoadResult readBuffer(const QByteArray &data, const QString &sourceName, const CsvOptions &options,
    const LoadControl &control, const Tuning &tuning, CsvDialect *dialect = nullptr);

} // namespace sextant::engine::csv
