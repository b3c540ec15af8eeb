// libFuzzer target for the LIBSVM / SVMlight reader (LibsvmReader::readBuffer): labels,
// index:value pairs, qid tokens, comments. A result must be a dataset or an error with a
// message, and every cell of a dataset must display. The RSS limit (tools/fuzz) catches a
// table allocated for the width an index claims rather than for the data.
#include "FuzzSupport.h"
#include "data/LibsvmReader.h"

using namespace sextant;
using namespace sextant::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
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
