// libFuzzer target for the LIBSVM / SVMlight reader (LibsvmReader::readBuffer): labels,
// index:value pairs, qid tokens, comments. A result must be a dataset or an error with a
// message, and every cell of a dataset must display. Every index is fed to the reader
// (none is skipped): the reader runs with its width limit lowered from 10^6 features to
// kFuzzMaxFeatures, so an index between 10^5 and 10^6 takes the same refusal path as one
// above 10^6 does in use, and the widest table a few bytes can make stays within the
// per-input time and RSS limits of tools/fuzz under the sanitizers (10^6 dense columns
// take tens of seconds there). Those limits catch a table allocated for a claimed width
// or costing more than its width needs. The full-size limit is tested in
// tst_libsvmreader and tst_cli_limits.
#include "FuzzSupport.h"
#include "data/LibsvmReader.h"

#include <cstdint>

using namespace sextant;
using namespace sextant::engine;

namespace {
constexpr std::int64_t kFuzzMaxFeatures = 20000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const LoadResult r = LibsvmReader::readBuffer(
        fuzz::bytesOf(data, size), QStringLiteral("fuzz.svm"), {}, kFuzzMaxFeatures);
    fuzz::checkLoad("fuzz_libsvm", r);
    if (!r.dataset)
        return 0;
    const Dataset &d = *r.dataset;
    if (d.columnCount() > kFuzzMaxFeatures + 2)
        fuzz::finding("fuzz_libsvm", "more columns than the width limit", {});
    if (d.columnCount() < 1 || d.columnNames().front() != QStringLiteral("label"))
        fuzz::finding("fuzz_libsvm", "the first column is not the label", {});
    return 0;
}
