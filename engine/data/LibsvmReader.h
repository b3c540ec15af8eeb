#pragma once

#include "data/LoadResult.h"

namespace sextant::engine {

// Reads LIBSVM / SVMlight sparse text: "label index:value index:value ... # comment",
// 1-based ascending indices. Produces a numeric "label" column (target role) followed by
// columns "f1".."fN" (N = the largest index seen) where absent entries are 0.
// Optional "qid:N" tokens become a numeric "qid" column.
class LibsvmReader
{
public:
    static LoadResult read(const QString &path, const LoadControl &control = {});
    static LoadResult readBuffer(const QByteArray &data, const QString &sourceName,
                                 const LoadControl &control = {});
};

} // namespace sextant::engine
