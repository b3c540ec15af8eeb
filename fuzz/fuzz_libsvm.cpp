// libFuzzer target for the LIBSVM / SVMlight reader (LibsvmReader::readBuffer): labels,
// index:value pairs, qid tokens, comments. A result must be a dataset or an error with a
// message, and every cell of a dataset must display. The RSS limit (tools/fuzz) catches a
// table allocated for the width an index claims rather than for the data.
#include "FuzzSupport.h"
#include "data/LibsvmReader.h"

#include <algorithm>
#include <cstdint>

using namespace sextant;
using namespace sextant::engine;

namespace {
// The reader keeps the table dense, up to its limit of 1,000,000 features (above it the
// line is refused, which stays in scope). An accepted index between 10^5 and that limit
// builds that many columns: correct, but seconds under ASan, so the 10 s per-input limit
// would report it as a hang. Such inputs are skipped; the limit itself and the memory of
// wide tables are tested in tst_libsvmreader and tst_cli_limits.
bool claimsWideButAccepted(const std::uint8_t *data, std::size_t size)
{
    std::uint64_t number = 0;
    bool digits = false;
    for (std::size_t i = 0; i < size; ++i) {
        const std::uint8_t c = data[i];
        if (c >= '0' && c <= '9') {
            number = digits ? std::min<std::uint64_t>(number * 10 + (c - '0'), 1u << 30) : c - '0';
            digits = true;
            continue;
        }
        if (c == ':' && digits && number > 100000 && number <= 1000000)
            return true;
        digits = false;
    }
    return false;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (claimsWideButAccepted(data, size))
        return 0;
    const LoadResult r
        = LibsvmReader::readBuffer(fuzz::bytesOf(data, size), QStringLiteral("fuzz.svm"));
    fuzz::checkLoad("fuzz_libsvm", r);
    if (!r.dataset)
        return 0;
    const Dataset &d = *r.dataset;
    if (d.columnCount() < 1 || d.columnNames().front() != QStringLiteral("label"))
        fuzz::finding("fuzz_libsvm", "the first column is not the label", {});
    return 0;
}
