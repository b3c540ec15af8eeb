#include "data/ArffWriter.h"

#include "data/AtomicFile.h"

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
    for (int c = 0; c < columns; ++c) {
        const Column &col = dataset.column(c);
        out.append("@attribute ");
        out.append(quoted(col.name()));
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
