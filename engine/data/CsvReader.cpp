#include "data/CsvReader.h"

#include "data/CsvLoader.h"

namespace sextant::engine {

LoadResult CsvReader::read(
    const QString &path, const CsvOptions &options, const LoadControl &control)
{
    return csv::readFile(path, options, control, csv::Tuning {});
}

LoadResult CsvReader::readBuffer(const QByteArray &data, const QString &sourceName,
    const CsvOptions &options, const LoadControl &control)
{
    return csv::readBuffer(data, sourceName, options, control, csv::Tuning {});
}

} // namespace sextant::engine
