#include "data/DatasetLoader.h"

#include "data/ArffReader.h"
#include "data/CsvReader.h"
#include "data/CsvSniffer.h"
#include "data/LibsvmReader.h"
#include "data/MemoryBudget.h"
#include "data/SqliteReader.h"
#include "data/TextSource.h"
#include "data/XlsxReader.h"

#include <QFileInfo>
#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>

namespace sextant::engine {

namespace {
const QStringList kCsvSuffixes = { QStringLiteral("csv"), QStringLiteral("tsv"),
    QStringLiteral("tab"), QStringLiteral("txt"), QStringLiteral("data"), QStringLiteral("dat") };
const QStringList kArffSuffixes = { QStringLiteral("arff") };
const QStringList kLibsvmSuffixes
    = { QStringLiteral("svm"), QStringLiteral("libsvm"), QStringLiteral("svmlight") };
const QStringList kXlsxSuffixes = { QStringLiteral("xlsx") };
const QStringList kSqliteSuffixes
    = { QStringLiteral("sqlite"), QStringLiteral("sqlite3"), QStringLiteral("db") };

DatasetLoader::Format sniff(const QString &path)
{
    TextSource file; // the shared check first: a FIFO is not opened
    if (file.openStream(path))
        return DatasetLoader::Format::Unknown;
    QByteArray head(4096, '\0');
    head.truncate(
        static_cast<qsizetype>(std::max<std::int64_t>(file.read(head.data(), head.size()), 0)));
    // A zip archive (PK\3\4) is taken for a workbook; XlsxReader says when it is not one.
    if (head.startsWith("PK\x03\x04"))
        return DatasetLoader::Format::Xlsx;
    if (head.startsWith(QByteArray("SQLite format 3\0", 16)))
        return DatasetLoader::Format::Sqlite;
    // ARFF: the first non-comment line starts with @relation.
    for (const QByteArray &rawLine : head.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('%'))
            continue;
        if (line.toLower().startsWith("@relation"))
            return DatasetLoader::Format::Arff;
        break;
    }
    return DatasetLoader::Format::Csv;
}

// What a loaded table of `rows` x `columns` costs: a double per cell (numeric columns;
// categorical codes take half, but the readers' working buffers make up for it).
std::uint64_t tableBytes(double rows, double columns)
{
    const double bytes = rows * columns * sizeof(double);
    return bytes >= 1.8e19 ? ~std::uint64_t(0) - 1 : static_cast<std::uint64_t>(bytes);
}

// Fields of the first record of [p, end) split by `delimiter`, quotes respected.
int countFields(const char *p, const char *end, char delimiter, char quote, const char *&next)
{
    int fields = 1;
    bool quoted = false;
    for (; p < end; ++p) {
        const char c = *p;
        if (c == quote)
            quoted = !quoted;
        else if (!quoted && c == delimiter)
            ++fields;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
    }
    next = p;
    return fields;
}

// The memory the table read from `path` will take, estimated from the file's size and
// its first bytes before the reader starts: the width from the header (CSV: the fields of
// the first record; ARFF: the @attribute lines), the row count from the size over the
// sample's bytes per data line. 0 when nothing can be told (LIBSVM checks its width
// itself once it is known, before it allocates the table).
std::uint64_t estimateBytes(
    const QString &path, DatasetLoader::Format format, const CsvOptions &csvOptions)
{
    if (format == DatasetLoader::Format::Libsvm || format == DatasetLoader::Format::Xlsx
        || format == DatasetLoader::Format::Sqlite)
        return 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const double size = static_cast<double>(file.size());
    constexpr qint64 kSample = qint64(1) << 16;
    const QByteArray sample = file.read(kSample);
    if (sample.isEmpty())
        return 0;
    const bool whole = file.atEnd();
    const char *begin = sample.constData();
    const char *end = begin + sample.size();

    const char *dataStart = begin; // where the rows begin
    double columns = 0;
    if (format == DatasetLoader::Format::Arff) {
        // Count @attribute lines up to @data; the rows start after it.
        const char *p = begin;
        bool data = false;
        while (p < end && !data) {
            const char *e = static_cast<const char *>(std::memchr(p, '\n', end - p));
            if (!e)
                break;
            const char *q = p;
            while (q < e && (*q == ' ' || *q == '\t'))
                ++q;
            const auto startsWith = [q, e](const char *word) {
                const std::size_t n = std::strlen(word);
                if (static_cast<std::size_t>(e - q) < n)
                    return false;
                for (std::size_t i = 0; i < n; ++i)
                    if ((q[i] | 0x20) != word[i])
                        return false;
                return true;
            };
            if (startsWith("@attribute"))
                ++columns;
            else if (startsWith("@data"))
                data = true;
            p = e + 1;
        }
        if (!data)
            return 0; // a header longer than the sample: the reader will tell
        dataStart = p;
    } else {
        const char eol = csv::detectEol(begin, end);
        const char delimiter = csvOptions.delimiter != '\0'
            ? csvOptions.delimiter
            : csv::sniffDelimiter(begin, end, whole, csvOptions.quote, eol);
        const char *next = begin;
        columns = countFields(begin, end, delimiter, csvOptions.quote, next);
        if (next < end && *next == '\r')
            ++next;
        if (next < end && *next == '\n')
            ++next;
        dataStart = next;
    }
    // Data lines in the sample past the header, complete ones only unless it is the file.
    const char *last = whole ? end : begin;
    if (!whole)
        for (const char *p = end; p > dataStart; --p)
            if (p[-1] == '\n') {
                last = p;
                break;
            }
    double lines = static_cast<double>(std::count(dataStart, std::max(dataStart, last), '\n'));
    if (whole && last > dataStart && last[-1] != '\n')
        lines += 1;
    if (lines <= 0 || last <= dataStart)
        return 0; // no complete data line in the sample: nothing to go by
    const double bytesPerLine = static_cast<double>(last - dataStart) / lines;
    const double rows
        = whole ? lines : (size - static_cast<double>(dataStart - begin)) / bytesPerLine;
    return tableBytes(rows, columns);
}
} // namespace

DatasetLoader::Format DatasetLoader::formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (kArffSuffixes.contains(suffix))
        return Format::Arff;
    if (kLibsvmSuffixes.contains(suffix))
        return Format::Libsvm;
    if (kCsvSuffixes.contains(suffix))
        return Format::Csv;
    if (kXlsxSuffixes.contains(suffix))
        return Format::Xlsx;
    if (kSqliteSuffixes.contains(suffix))
        return Format::Sqlite;
    return sniff(path);
}

QString DatasetLoader::fileDialogFilter()
{
    QStringList globs;
    for (const auto *list :
        { &kCsvSuffixes, &kArffSuffixes, &kLibsvmSuffixes, &kXlsxSuffixes, &kSqliteSuffixes })
        for (const QString &s : *list)
            globs << QStringLiteral("*.") + s;
    return QStringLiteral("Data files (") + globs.join(QLatin1Char(' '))
        + QStringLiteral(");;All files (*)");
}

bool DatasetLoader::isSupported(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return kCsvSuffixes.contains(suffix) || kArffSuffixes.contains(suffix)
        || kLibsvmSuffixes.contains(suffix) || kXlsxSuffixes.contains(suffix)
        || kSqliteSuffixes.contains(suffix);
}

LoadResult DatasetLoader::load(const QString &path, const CsvOptions &csvOptions,
    const LoadControl &control, const QString &sheet, const QString &table, const QString &query)
{
    const QFileInfo info(path);
    // Before sniffing the format: opening a FIFO would block.
    if (auto problem = TextSource::checkDataFile(path))
        return LoadResult::failure(*problem);

    const Format format = formatFor(path);
    // Refuse up front what cannot fit, rather than growing until the system kills us.
    const std::uint64_t needed = info.isFile() ? estimateBytes(path, format, csvOptions) : 0;
    const QString what = QStringLiteral("load %1").arg(path);
    if (const auto why = MemoryBudget::shortfall(needed, what))
        return LoadResult::failure({ path, 0, 0,
            *why + QStringLiteral(" (estimated from the file's size and its first lines)") });

    LoadResult result;
    try {
        switch (format) {
        case Format::Arff:
            result = ArffReader::read(path, control);
            break;
        case Format::Libsvm:
            result = LibsvmReader::read(path, control);
            break;
        case Format::Xlsx:
            result = XlsxReader::read(
                path, sheet, control, csvOptions.detectDates, csvOptions.dateOrder);
            break;
        case Format::Sqlite:
            result = SqliteReader::read(
                path, table, query, control, csvOptions.detectDates, csvOptions.dateOrder);
            break;
        case Format::Csv:
        case Format::Unknown:
            result = CsvReader::read(path, csvOptions, control);
            break;
        }
    } catch (const std::bad_alloc &) {
        return LoadResult::failure({ path, 0, 0, MemoryBudget::outOfMemory(what, needed) });
    } catch (const std::length_error &) {
        return LoadResult::failure({ path, 0, 0, MemoryBudget::outOfMemory(what, needed) });
    }
    if (result.dataset) {
        if (result.dataset->name().isEmpty())
            result.dataset->setName(info.completeBaseName());
        result.dataset->setSource(path);
    }
    return result;
}

} // namespace sextant::engine
