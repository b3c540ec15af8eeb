#pragma once

#include "data/LoadResult.h"

#include <cstdint>

namespace sextant::engine {

// Reads LIBSVM / SVMlight sparse text: "label index:value index:value ... # comment",
// 1-based ascending indices. Produces a numeric "label" column (target role) followed by
// columns "f1".."fN" (N = the largest index seen) where absent entries are 0.
// Optional "qid:N" tokens (directly after the label) become a numeric "qid" column placed
// after "label", with the ignore role (it groups rows, it is not a feature), missing on
// lines without one. Blank and '#' comment lines are skipped. An index that is 0, repeated
// or not ascending is an error naming the line and field. The columns are dense, so the
// width is bounded: an index above 1,000,000 is refused on its line (with how to proceed),
// and so is a table of more than 2^31 cells (rows x N) or one that does not fit the memory
// available (MemoryBudget), before it is allocated.
class LibsvmReader {
public:
    static constexpr std::int64_t kMaxFeatures = 1000000;

    static LoadResult read(const QString &path, const LoadControl &control = {});
    // `maxFeatures` (at most kMaxFeatures) lowers the width limit: the fuzz target uses it
    // to take every index through the same accept-or-refuse path within its time budget.
    static LoadResult readBuffer(const QByteArray &data, const QString &sourceName,
        const LoadControl &control = {}, std::int64_t maxFeatures = kMaxFeatures);
};

} // namespace sextant::engine
