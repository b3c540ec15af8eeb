#include "data/ArffWriter.h"

#include "data/AtomicFile.h"
#include "data/DateTime.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace sextant::engine {

QByteArray ArffWriter::quoted(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('\'');
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\'':
            out.append("\\'");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            out.append(c);
        }
    }
    out.append('\'');
    return out;
}

QByteArray ArffWriter::toArff(const Dataset &dataset)
{
    QByteArray out;
    out.append("@relation ");
    out.append(quoted(dataset.name().isEmpty() ? QStringLiteral("data") : dataset.name()));
    out.append("\n\n");
    const int columns = dataset.columnCount();
    std::vector<std::vector<QByteArray>> categoryFields(static_cast<std::size_t>(columns));
    // Date columns: 0 = not one, 1 = dates, 2 = to the second, 3 = to the millisecond.
    std::vector<int> datePrecision(static_cast<std::size_t>(columns), 0);
    for (int c = 0; c < columns; ++c) {
        const Column &col = dataset.column(c);
        out.append("@attribute ");
        out.append(quoted(col.name()));
        if (col.isDateTime()) {
            int precision = col.isDateOnly() ? 1 : 2;
            for (double v : col.values())
                if (precision == 2 && DateTime::hasMillis(v))
                    precision = 3;
            datePrecision[static_cast<std::size_t>(c)] = precision;
            out.append(precision == 1 ? " date 'yyyy-MM-dd'\n"
                    : precision == 2  ? " date 'yyyy-MM-dd HH:mm:ss'\n"
                                      : " date 'yyyy-MM-dd HH:mm:ss.SSS'\n");
            continue;
        }
        if (col.isNumeric()) {
            out.append(" numeric\n");
            continue;
        }
        auto &fields = categoryFields[static_cast<std::size_t>(c)];
        out.append(" {");
        for (const QString &cat : col.categories()) {
            if (!fields.empty())
                out.append(',');
            fields.push_back(quoted(cat));
            out.append(fields.back());
        }
        out.append("}\n");
    }
    out.append("\n@data\n");
    char buffer[64];
    for (std::int64_t row = 0; row < dataset.rowCount(); ++row) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                out.append(',');
            const Column &col = dataset.column(c);
            const auto r = static_cast<std::size_t>(row);
            if (col.isMissing(row)) {
                out.append('?');
            } else if (const int precision = datePrecision[static_cast<std::size_t>(c)];
                       precision > 0 && std::isfinite(col.values()[r])) {
                out.append(
                    quoted(DateTime::toIsoText(col.values()[r], precision == 1, precision == 3)));
            } else if (col.isNumeric()) {
                const double v = col.values()[r];
                if (std::isnan(v)) {
                    out.append('?');
                } else if (std::isinf(v)) {
                    out.append(v > 0 ? "inf" : "-inf");
                } else {
                    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v);
                    out.append(buffer, end.ptr - buffer);
                }
            } else {
                const std::int32_t code = col.codes()[r];
                const auto &fields = categoryFields[static_cast<std::size_t>(c)];
                if (code >= 0 && static_cast<std::size_t>(code) < fields.size())
                    out.append(fields[static_cast<std::size_t>(code)]);
                else
                    out.append('?');
            }
        }
        out.append('\n');
    }
    return out;
}

bool ArffWriter::write(const Dataset &dataset, const QString &path, QString *error)
{
    return AtomicFile::write(path, toArff(dataset), error);
}

} // namespace sextant::engine
