// libFuzzer target for the ARFF reader (ArffReader::readBuffer): dense and sparse data,
// nominal, string and date attributes, quoting and comments. A result must be a dataset or
// an error with a message, every cell of a dataset must display, and reading the same bytes
// again must give the same outcome. Any crash, sanitizer report, hang, excessive memory or
// disagreement is a finding.
#include "FuzzSupport.h"
#include "data/ArffReader.h"

using namespace sextant;
using namespace sextant::engine;

namespace {

QString outcome(const LoadResult &r)
{
    QString s = r.error ? QStringLiteral("error ") + r.error->toString() : QStringLiteral("ok");
    if (r.dataset)
        s += QStringLiteral(" %1x%2 ").arg(r.dataset->rowCount()).arg(r.dataset->columnCount())
            + r.dataset->columnNames().join(QLatin1Char(','));
    for (const LoadIssue &w : r.warnings)
        s += QStringLiteral("\nwarning ") + w.toString();
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const LoadResult first = ArffReader::readBuffer(bytes, QStringLiteral("fuzz.arff"));
    fuzz::checkLoad("fuzz_arff", first);
    const LoadResult second = ArffReader::readBuffer(bytes, QStringLiteral("fuzz.arff"));
    if (outcome(first) != outcome(second))
        fuzz::finding("fuzz_arff", "two reads differ", outcome(first) + " <> " + outcome(second));
    return 0;
}
