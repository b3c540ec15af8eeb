#pragma once

// Shared by the fuzz targets: how a finding is reported, and the checks every loader's
// result must pass.
#include "data/LoadResult.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace sextant::fuzz {

// Ends the run with a message: libFuzzer saves the input as a crash.
[[noreturn]] inline void finding(const char *target, const char *what, const QString &detail)
{
    std::fprintf(stderr, "%s: %s: %s\n", target, what, qPrintable(detail));
    std::abort();
}

// With SEXTANT_FUZZ_VERBOSE=1, prints why an input was refused (for writing seeds).
inline void note(const char *target, const QString &refusal)
{
    static const bool verbose = qEnvironmentVariableIntValue("SEXTANT_FUZZ_VERBOSE") != 0;
    if (verbose)
        std::fprintf(stderr, "%s: refused: %s\n", target, qPrintable(refusal));
}

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// A loader's result is a dataset or an error with a message, never both nor neither, and
// every cell of a dataset can be shown (touches every value, as the table view does).
inline void checkLoad(const char *target, const engine::LoadResult &r)
{
    if (r.dataset.has_value() == r.error.has_value())
        finding(target, "a result with both or neither of a dataset and an error", {});
    if (r.error && r.error->message.isEmpty())
        finding(target, "a refusal without a message", r.error->toString());
    if (!r.dataset)
        return;
    std::size_t total = 0;
    for (const engine::Column &c : r.dataset->columns()) {
        if (c.size() != r.dataset->rowCount())
            finding(target, "a column of the wrong length", c.name());
        for (std::int64_t row = 0; row < c.size(); ++row)
            total += static_cast<std::size_t>(c.displayValue(row).size());
    }
    if (total == std::size_t(-1))
        std::abort();
}

} // namespace sextant::fuzz
