#include "data/CsvReader.h"

#include "data/CsvLoader.h"
#include "data/TextSource.h"

namespace sextant::engine {

namespace {

LoadResult withDates(LoadResult result, const CsvOptions &options, const QString &file)
{
    if (result.dataset && options.detectDates)
        DateColumns::convert(*result.dataset, options.dateOrder, file, result.warnings);
    return result;
}

} // namespace

LoadResult CsvReader::read(
    const QString &path, const CsvOptions &options, const LoadControl &control)
{
    return withDates(csv::readFile(path, options, control, csv::Tuning {}), options, path);
}

LoadResult CsvReader::readBuffer(const QByteArray &data, const QString &sourceName,
    const CsvOptions &options, const LoadControl &control)
{
    return withDates(
        csv::readBuffer(data, sourceName, options, control, csv::Tuning {}), options, sourceName);
}

LoadResult CsvReader::preview(
    const QString &path, const CsvOptions &options, std::size_t maxBytes, CsvDialect *dialect)
{
    TextSource source;
    if (auto problem = source.openStream(path))
        return LoadResult::failure(*problem);
    QByteArray bytes(static_cast<qsizetype>(maxBytes), Qt::Uninitialized);
    const std::int64_t n = source.read(bytes.data(), static_cast<std::int64_t>(maxBytes));
    if (n < 0)
        return LoadResult::failure(
            { path, 0, 0, QStringLiteral("read error: %1").arg(source.errorString()) });
    bytes.truncate(static_cast<qsizetype>(n));
    char more = 0;
    if (source.read(&more, 1) == 1) {
        // Cut after the last line end: "\n", or "\n\0" / "\0\n" at an even offset in
        // UTF-16 (which the byte order mark, or the option, says).
        const auto *u = reinterpret_cast<const unsigned char *>(bytes.constData());
        const bool utf16 = options.encoding == CsvOptions::Encoding::Utf16
            || (options.encoding == CsvOptions::Encoding::Auto && bytes.size() >= 2
                && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)));
        qsizetype cut = -1;
        if (!utf16) {
            cut = bytes.lastIndexOf('\n') + 1;
        } else {
            const bool bigEndian = u[0] == 0xfe && u[1] == 0xff;
            for (qsizetype i = (bytes.size() & ~qsizetype(1)) - 2; i >= 0; i -= 2)
                if ((bigEndian ? u[i] == 0 && u[i + 1] == '\n' : u[i] == '\n' && u[i + 1] == 0)) {
                    cut = i + 2;
                    break;
                }
        }
        if (cut > 0)
            bytes.truncate(cut);
    }
    return withDates(
        csv::readBuffer(bytes, path, options, {}, csv::Tuning {}, dialect), options, path);
}

} // namespace sextant::engine
