#include "data/CsvWriter.h"

#include "data/AtomicFile.h"
#include "data/DateTime.h"

#include <charconv>
#include <cmath>

namespace sextant::engine {

QByteArray CsvWriter::field(const QString &text, char delimiter)
{
    const QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (char c : utf8) {
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote && !utf8.isEmpty()) {
        const char first = utf8.front();
        const char last = utf8.back();
        quote = first == ' ' || first == '\t' || last == ' ' || last == '\t';
    }
    if (!quote)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
    return out;
}

QByteArray CsvWriter::record(const QStringList &fields, const CsvWriteOptions &options)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(options.delimiter);
        out.append(field(fields[i], options.delimiter));
    }
    out.append(options.lineEnd);
    return out;
}

QString CsvWriter::number(double value)
{
    if (std::isnan(value))
        return QString();
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

QByteArray CsvWriter::toCsv(const Dataset &dataset, const CsvWriteOptions &options)
{
    QByteArray out;
    const int columns = dataset.columnCount();
    if (options.header)
        out.append(record(dataset.columnNames(), options));
    // Categories are quoted once per dictionary entry, not once per cell.
    std::vector<std::vector<QByteArray>> categoryFields(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
        const Column &col = dataset.column(c);
        if (col.isCategorical()) {
            auto &fields = categoryFields[static_cast<std::size_t>(c)];
            for (const QString &cat : col.categories())
                fields.push_back(field(cat, options.delimiter));
        }
    }
    // Date columns as ISO text, every value of a column to the same precision: 0 = not a
    // date column, 1 = dates, 2 = to the second, 3 = to the millisecond.
    std::vector<int> datePrecision(static_cast<std::size_t>(columns), 0);
    for (int c = 0; c < columns; ++c) {
        const Column &col = dataset.column(c);
        if (!col.isDateTime())
            continue;
        int precision = col.isDateOnly() ? 1 : 2;
        for (double v : col.values())
            if (precision == 2 && DateTime::hasMillis(v))
                precision = 3;
        datePrecision[static_cast<std::size_t>(c)] = precision;
    }
    char buffer[64];
    // A row of one missing cell would be an empty line, which readers skip: "" keeps it.
    const char *missing = columns == 1 ? "\"\"" : "";
    for (std::int64_t row = 0; row < dataset.rowCount(); ++row) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                out.append(options.delimiter);
            const Column &col = dataset.column(c);
            if (col.isMissing(row)) {
                out.append(missing);
                continue;
            }
            if (col.isNumeric()) {
                const double v = col.values()[static_cast<std::size_t>(row)];
                if (std::isnan(v)) {
                    out.append(missing);
                    continue;
                }
                if (std::isinf(v)) {
                    out.append(v > 0 ? "inf" : "-inf");
                    continue;
                }
                if (const int precision = datePrecision[static_cast<std::size_t>(c)]) {
                    out.append(DateTime::toIsoText(v, precision == 1, precision == 3).toLatin1());
                    continue;
                }
                const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
                out.append(buffer, r.ptr - buffer);
            } else {
                const std::int32_t code = col.codes()[static_cast<std::size_t>(row)];
                const auto &fields = categoryFields[static_cast<std::size_t>(c)];
                if (code >= 0 && static_cast<std::size_t>(code) < fields.size())
                    out.append(fields[static_cast<std::size_t>(code)]);
            }
        }
        out.append(options.lineEnd);
    }
    return out;
}

bool CsvWriter::write(
    const Dataset &dataset, const QString &path, const CsvWriteOptions &options, QString *error)
{
    return AtomicFile::write(path, toCsv(dataset, options), error);
}

bool CsvWriter::writeTable(const QStringList &header, const QList<QStringList> &rows,
    const QString &path, const CsvWriteOptions &options, QString *error)
{
    QByteArray out;
    if (!header.isEmpty())
        out.append(record(header, options));
    for (const QStringList &row : rows)
        out.append(record(row, options));
    return AtomicFile::write(path, out, error);
}

} // namespace sextant::engine
